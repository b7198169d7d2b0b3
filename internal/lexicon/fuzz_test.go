package lexicon

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

var fuzzLex = func() *Lexicon {
	return Builtin().With([]Entry{{Zh: "十八大", En: "18th National Congress"}, {Zh: "X光", En: "X-ray"}})
}

func FuzzChinese(f *testing.F) {
	for _, s := range []string{"党的十八大以来，习近平总书记", "2012年APEC会议（一）", "中國共產黨", "合\xff作", "ＡＢ１２X光", ""} {
		f.Add(s)
	}
	l := fuzzLex()
	f.Fuzz(func(t *testing.T, s string) {
		fw, bi := l.Chinese(s), l.AppendChineseBidi(nil, s)
		for _, toks := range [][]ZhToken{fw, bi} {
			end := 0
			for _, tk := range toks {
				if tk.Start < end || tk.End <= tk.Start || tk.End > len(s) {
					t.Fatalf("token [%d,%d) after %d in %q", tk.Start, tk.End, end, s)
				}
				if tk.ID >= int32(l.Len()) || (tk.ID >= 0 && l.Lookup(s[tk.Start:tk.End]) != tk.ID) {
					t.Fatalf("token %q has ID %d, Lookup gives %d", s[tk.Start:tk.End], tk.ID, l.Lookup(s[tk.Start:tk.End]))
				}
				if utf8.ValidString(s) && (!utf8.RuneStart(s[tk.Start]) || (tk.End < len(s) && !utf8.RuneStart(s[tk.End]))) {
					t.Fatalf("token [%d,%d) splits a rune in %q", tk.Start, tk.End, s)
				}
				end = tk.End
			}
		}
		// Both segmentations cover the same bytes.
		covered := func(toks []ZhToken) []bool {
			c := make([]bool, len(s))
			for _, tk := range toks {
				for i := tk.Start; i < tk.End; i++ {
					c[i] = true
				}
			}
			return c
		}
		if !slices.Equal(covered(fw), covered(bi)) {
			t.Fatalf("forward and bidirectional tokens cover different bytes of %q", s)
		}
	})
}

func FuzzEnglish(f *testing.F) {
	for _, s := range []string{"The Party’s external work, developing policies.", "don't US U.S. café 18th", "a'b' 'c", "\xff\xfeabc", "", "Xi-feng met Bao-yu; Man-made Xi- -yu"} {
		f.Add(s)
	}
	l := fuzzLex()
	var cache EnglishCache // shared by the inputs, as by a document's sentences
	f.Fuzz(func(t *testing.T, s string) {
		toks := l.English(s)
		if cached := l.AppendEnglishCached(nil, s, &cache); !slices.Equal(cached, toks) {
			t.Fatalf("AppendEnglishCached(%q) = %+v, AppendEnglish %+v", s, cached, toks)
		}
		end := 0
		for _, tk := range toks {
			if tk.Start < end || tk.End <= tk.Start || tk.End > len(s) {
				t.Fatalf("token [%d,%d) after %d in %q", tk.Start, tk.End, end, s)
			}
			if tk.Stem == "" {
				t.Fatalf("token %q has an empty stem", s[tk.Start:tk.End])
			}
			if tk.ID >= 0 && l.StemString(tk.ID) != tk.Stem || tk.Stop && tk.ID != -1 {
				t.Fatalf("token %q: stem %q, ID %d (%q), stop %v", s[tk.Start:tk.End], tk.Stem, tk.ID, l.StemString(tk.ID), tk.Stop)
			}
			end = tk.End
		}
		for _, m := range l.MatchPhrases(toks) {
			if m.Start < 0 || m.End > len(toks) || m.End <= m.Start || m.Entry < 0 || int(m.Entry) >= l.Len() {
				t.Fatalf("bad phrase match %+v for %d tokens", m, len(toks))
			}
		}
		_ = Stem(s)
	})
}

func FuzzLoadTSV(f *testing.F) {
	for _, s := range []string{"zh\ten\n十八大\t18th National Congress\n", "# c\n合作\tcooperation\tnote\n", "cooperation\t合作", "\ufeff\t\n", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		es, err := LoadTSV(strings.NewReader(s), "f.tsv")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "lexicon: f.tsv") {
				t.Fatalf("error without file prefix: %v", err)
			}
			return
		}
		for _, e := range es {
			if err := e.Check(); err != nil {
				t.Fatalf("LoadTSV returned an entry that fails Check: %v", err)
			}
		}
		Builtin().With(es)
	})
}

func FuzzLoadTBX(f *testing.F) {
	f.Add(`<martif><text><body><termEntry><langSet xml:lang="zh"><tig><term>十八大</term></tig></langSet><langSet xml:lang="en"><tig><term>18th Congress</term></tig></langSet></termEntry></body></text></martif>`)
	f.Add(`<tbx><conceptEntry><langSec xml:lang="zh-CN"><termSec><term>合作</term></termSec></langSec><langSec xml:lang="en"><termSec><term>co<hi>operation</hi></term></termSec></langSec></conceptEntry></tbx>`)
	f.Add("<a>\n<b>")
	f.Fuzz(func(t *testing.T, s string) {
		es, err := LoadTBX(strings.NewReader(s), "f.tbx")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "lexicon: f.tbx") {
				t.Fatalf("error without file prefix: %v", err)
			}
			return
		}
		for _, e := range es {
			if err := e.Check(); err != nil {
				t.Fatalf("LoadTBX returned an entry that fails Check: %v", err)
			}
		}
	})
}

func FuzzLoad(f *testing.F) {
	f.Add([]byte("zhenlex 2\n# c\nstems 2\nparty\nwork\nentries 2\nA党\t\tA\nA工作\t2\tAB\naliases 1\nA黨\tA\n"))
	f.Add([]byte("zhenlex 2\nstems 0\nentries 0\naliases 0\n"))
	f.Add([]byte(builtinData[:64]))
	f.Fuzz(func(t *testing.T, b []byte) {
		l, err := Load(bytes.NewReader(b))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "lexicon: ") {
				t.Fatalf("error without prefix: %v", err)
			}
			return
		}
		for id := range int32(l.Len()) {
			if l.Lookup(l.Headword(id)) < 0 {
				t.Fatalf("headword %q of entry %d not found", l.Headword(id), id)
			}
			for _, g := range l.Glosses(id) {
				if g < 0 || int(g) >= l.VocabLen() {
					t.Fatalf("entry %d has stem ID %d of %d", id, g, l.VocabLen())
				}
			}
		}
		l.Chinese(string(b))
	})
}
