package lexicon

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// TestTranslationLinks checks real phrase pairs from the seed press release
// testdata/seeds/001_*.txt: the Chinese word (as segmented) must be glossed
// by the stem of at least one of the English words.
func TestTranslationLinks(t *testing.T) {
	l := Builtin()
	tests := []struct {
		name, zh, en string
		links        int // Chinese words that must link; 0 = all
	}{
		{"external work", "对外工作", "external work", 0},
		{"human community", "人类命运共同体", "human community with a shared future", 2},
		{"political party", "政党", "political parties", 0},
		{"cooperation", "合作", "enhance cooperation", 0},
		{"development", "发展", "promote development", 0},
		{"developing", "发展", "developing", 0},
		{"world peace", "世界和平", "world peace", 0},
		{"mutual trust", "互信", "strategic mutual trust", 0},
		{"governance", "治理", "improve governance", 0},
		{"general secretary", "总书记", "General Secretary", 0},
		{"communist party", "中国共产党", "the Communist Party of China", 0},
		{"international", "国际关系", "international relations", 0},
		{"diplomacy", "外交", "overall diplomacy", 0},
		{"mankind", "人类", "mankind", 0},
		{"names", "陈清扬", "Chen Qingyang", 0},
		{"hyphenated name", "熙凤", "Xi-feng", 0},
		{"hyphenated name, capitalised", "熙凤", "Xi-Feng", 0},
		{"place", "北京", "Beijing", 0},
		{"hong kong", "香港", "Hong Kong", 0},
		{"taiwan", "台湾", "Taiwan", 0},
		{"person", "邓小平", "Deng Xiaoping", 0},
		{"premier", "李克强", "Li Keqiang", 0},
		{"foreign minister", "王毅", "Wang Yi", 0},
		{"new era", "新时代", "the new era", 0},
		{"traditional", "發展", "development", 0},
		{"exchanges", "交流", "civilisational exchanges", 0},
		{"happiness", "幸福", "seek happiness", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			en := l.English(tt.en)
			zt := l.Chinese(tt.zh)
			want := tt.links
			if want == 0 {
				want = len(zt)
			}
			linked := 0
			var missed []string
			for _, zt := range zt {
				w := tt.zh[zt.Start:zt.End]
				if zt.ID < 0 {
					t.Errorf("%q: %q not in the lexicon", tt.zh, w)
					continue
				}
				found := false
				for _, et := range en {
					if l.Translates(zt.ID, et.ID) {
						found = true
					}
				}
				if found {
					linked++
					continue
				}
				var gl []string
				for _, g := range l.Glosses(zt.ID) {
					gl = append(gl, l.StemString(g))
				}
				missed = append(missed, fmt.Sprintf("%s %v", w, gl))
			}
			if linked < want {
				t.Errorf("%q ↔ %q: %d words linked, want ≥ %d; unlinked: %v", tt.zh, tt.en, linked, want, missed)
			}
		})
	}
}

func TestChineseSegments(t *testing.T) {
	l := Builtin()
	tests := []struct {
		name, in string
		want     []string
	}{
		{"longest match", "党的对外工作", []string{"党", "的", "对外", "工作"}},
		{"community", "构建人类命运共同体", []string{"构建", "人类", "命运", "共同体"}},
		{"digits and latin", "2012年APEC会议", []string{"2012", "年", "APEC", "会议"}},
		{"punctuation skipped", "（一）合作、发展。", []string{"一", "合作", "发展"}},
		{"traditional", "中國共產黨", []string{"中國共產黨"}},
		{"invalid utf-8", "合作\xff发展", []string{"合作", "发展"}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, tk := range l.Chinese(tt.in) {
				got = append(got, tt.in[tk.Start:tk.End])
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Chinese(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestChineseBidi(t *testing.T) {
	l := Builtin()
	tests := []struct {
		name, in string
		want     []string
	}{
		{"backward wins on singles", "研究生命起源", []string{"研究", "生命", "起源"}},
		{"same both ways", "党的对外工作", []string{"党", "的", "对外", "工作"}},
		{"runs split by punctuation", "研究生命，2012年AA制", []string{"研究", "生命", "2012", "年", "AA制"}},
		{"traditional", "中國共產黨", []string{"中國共產黨"}},
		{"invalid utf-8", "研究\xff生命", []string{"研究", "生命"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, tk := range l.AppendChineseBidi(nil, tt.in) {
				got = append(got, tt.in[tk.Start:tk.End])
				if tk.ID >= 0 && l.Lookup(tt.in[tk.Start:tk.End]) != tk.ID {
					t.Errorf("%q has ID %d, Lookup gives %d", tt.in[tk.Start:tk.End], tk.ID, l.Lookup(tt.in[tk.Start:tk.End]))
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("AppendChineseBidi(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
	// A glossary lexicon builds its own reversed trie.
	g := l.With([]Entry{{Zh: "生命起源", En: "origin of life"}})
	if got := g.AppendChineseBidi(nil, "研究生命起源"); len(got) != 2 || g.Headword(got[1].ID) != "生命起源" {
		t.Errorf("AppendChineseBidi with glossary: %+v", got)
	}
}

func TestEnglishTokens(t *testing.T) {
	l := Builtin()
	type tok struct {
		Word, Stem  string
		Stop, Known bool
	}
	tests := []struct {
		name, in string
		want     []tok
	}{
		{"possessive curly", "the Party’s work", []tok{{"the", "the", true, false}, {"Party’s", "party", false, true}, {"work", "work", false, true}}},
		{"plurals", "parties policies", []tok{{"parties", "party", false, true}, {"policies", "policy", false, true}}},
		{"ing", "developing", []tok{{"developing", "develop", false, true}}},
		{"digits attached", "18th 2012 x86", []tok{{"18th", "18th", false, true}, {"x86", "x86", false, false}}},
		{"trailing apostrophe", "parties' ", []tok{{"parties", "party", false, true}}},
		{"contraction", "don't", []tok{{"don't", "don't", true, false}}},
		{"US", "US us", []tok{{"US", "us", false, true}, {"us", "us", true, false}}},
		{"dotted abbreviation", "U.S. and U.N.", []tok{{"U.S.", "us", false, true}, {"and", "and", true, false}, {"U.N.", "un", false, true}}},
		{"not an abbreviation", "a.b c.", []tok{{"a", "a", true, false}, {"b", "b", false, false}, {"c", "c", false, false}}},
		{"pinyin name", "Chen Qingyang", []tok{{"Chen", "chen", false, true}, {"Qing", "~qing", false, true}, {"yang", "~yang", false, true}}},
		{"english words stay", "China Long long", []tok{{"China", "china", false, true}, {"Long", "long", false, true}, {"long", "long", false, true}}},
		{"lower-case pinyin stays", "qingyang", []tok{{"qingyang", "qingyang", false, true}}},
		{"latin-1", "Café", []tok{{"Café", "café", false, true}}},
		{"hyphen splits", "party-to-party", []tok{{"party", "party", false, true}, {"to", "to", true, false}, {"party", "party", false, true}}},
		{"hyphenated name", "Xi-feng", []tok{{"Xi", "~xi", false, true}, {"feng", "~feng", false, true}}},
		{"hyphenated common words", "Man-made", []tok{{"Man", "man", false, true}, {"made", "make", false, true}}},
		{"hyphenated, not pinyin", "Anti-Japanese", []tok{{"Anti", "anti", false, true}, {"Japanese", "japanes", false, true}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []tok
			for _, tk := range l.English(tt.in) {
				got = append(got, tok{tt.in[tk.Start:tk.End], tk.Stem, tk.Stop, tk.ID >= 0})
				if tk.ID >= 0 && l.StemString(tk.ID) != tk.Stem {
					t.Errorf("token %q: ID %d is stem %q, want %q", tt.in[tk.Start:tk.End], tk.ID, l.StemString(tk.ID), tk.Stem)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("English(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestStem(t *testing.T) {
	tests := []struct{ in, want string }{
		{"parties", "party"}, {"developing", "develop"}, {"policies", "policy"},
		{"development", "develop"}, {"cooperation", "cooperat"}, {"nation", "nation"}, {"political", "politic"}, {"mutually", "mutual"}, {"organization", "organiz"},
		{"cooperate", "cooperat"}, {"cooperated", "cooperat"}, {"making", "make"}, {"make", "make"},
		{"used", "us"}, {"use", "us"}, {"status", "status"}, {"processes", "process"},
		{"boxes", "box"}, {"studied", "study"}, {"running", "run"}, {"agreed", "agre"}, {"agree", "agre"},
		{"ties", "tie"}, {"party's", "party"}, {"a", "a"}, {"", ""}, {"café", "café"}, {"g20", "g20"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Stem(tt.in); got != tt.want {
				t.Errorf("Stem(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestStemPairs checks that forms of one word get one stem.
func TestStemPairs(t *testing.T) {
	tests := [][]string{
		{"organise", "organize", "organised", "organizing", "organisation", "organization", "organizations"},
		{"colour", "color", "colours", "colored"},
		{"labour", "labor"},
		{"centre", "center", "centres", "centers"},
		{"civilisational", "civilizational", "civilisation", "civilization"},
		{"made", "make", "making", "makes"},
		{"children", "child"},
		{"men", "man"},
		{"said", "say", "says"},
		{"cooperation", "cooperate", "cooperated", "cooperating"},
		{"development", "develop", "developed", "developing", "develops"},
		{"nationally", "national", "nation", "nations"},
		{"studies", "studied", "study"},
	}
	for _, forms := range tests {
		t.Run(forms[0], func(t *testing.T) {
			want := Stem(forms[0])
			for _, f := range forms[1:] {
				if got := Stem(f); got != want {
					t.Errorf("Stem(%q) = %q, Stem(%q) = %q; want the same", forms[0], want, f, got)
				}
			}
		})
	}
	// Words that must stay apart.
	for _, pair := range [][2]string{{"four", "for"}, {"rise", "rize"}, {"hour", "hor"}, {"party", "part"}, {"general", "gene"}} {
		if Stem(pair[0]) == Stem(pair[1]) {
			t.Errorf("Stem(%q) = Stem(%q) = %q; want different stems", pair[0], pair[1], Stem(pair[0]))
		}
	}
}

// seedText returns the Chinese and English lines of the seed press releases.
func seedText(tb testing.TB) (zh, en string) {
	files, _ := filepath.Glob("../../testdata/seeds/*.txt")
	if len(files) == 0 {
		tb.Skip("no seeds in testdata/seeds")
	}
	var z, e strings.Builder
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		for line := range strings.Lines(string(b)) {
			if hasHanRune(line) {
				z.WriteString(line)
			} else {
				e.WriteString(line)
			}
		}
	}
	return z.String(), e.String()
}

func repeatTo(s string, n int) string {
	var b strings.Builder
	for b.Len() < n {
		b.WriteString(s)
	}
	return b.String()
}

func BenchmarkChinese(b *testing.B) {
	l := Builtin()
	zh, _ := seedText(b)
	text := repeatTo(zh, 1<<20)
	b.SetBytes(int64(len(text)))
	var toks []ZhToken
	b.ResetTimer()
	for b.Loop() {
		toks = l.AppendChinese(toks[:0], text)
	}
	if ms := b.Elapsed().Seconds() * 1000 / float64(b.N); ms > 50 {
		b.Errorf("1 MB of Chinese takes %.1f ms, want < 50 ms", ms)
	}
	b.ReportMetric(float64(len(toks))/float64(utf8.RuneCountInString(text)), "tokens/rune")
}

func BenchmarkChineseBidi(b *testing.B) {
	l := Builtin()
	zh, _ := seedText(b)
	text := repeatTo(zh, 1<<20)
	l.AppendChineseBidi(nil, "预热")
	b.SetBytes(int64(len(text)))
	var toks []ZhToken
	b.ResetTimer()
	for b.Loop() {
		toks = l.AppendChineseBidi(toks[:0], text)
	}
	if ms := b.Elapsed().Seconds() * 1000 / float64(b.N); ms > 50 {
		b.Errorf("1 MB of Chinese takes %.1f ms, want < 50 ms", ms)
	}
}

func BenchmarkEnglish(b *testing.B) {
	l := Builtin()
	_, en := seedText(b)
	text := repeatTo(en, 1<<20)
	b.SetBytes(int64(len(text)))
	var toks []EnToken
	b.ResetTimer()
	for b.Loop() {
		toks = l.AppendEnglish(toks[:0], text)
	}
	if ms := b.Elapsed().Seconds() * 1000 / float64(b.N); ms > 50 {
		b.Errorf("1 MB of English takes %.1f ms, want < 50 ms", ms)
	}
}
