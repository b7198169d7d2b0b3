package align

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestWiden(t *testing.T) {
	tests := []struct {
		name       string
		s          string
		start, end int
		ascii      bool // Chinese side: widen over ASCII letters and digits only
		want       string
	}{
		{name: "pinyin syllable inside a name", s: "Xi Jinping said", start: 3, end: 6, want: "Jinping"},
		{name: "last syllable", s: "Xi Jinping said", start: 6, end: 10, want: "Jinping"},
		{name: "whole word unchanged", s: "the Party’s work", start: 4, end: 9, want: "Party"},
		{name: "number inside an ordinal", s: "the 18th Congress", start: 4, end: 6, want: "18th"},
		{name: "accented letters", s: "Lǐ Qiáng spoke", start: 4, end: 6, want: "Qiáng"},
		{name: "start of text", s: "Jinping", start: 0, end: 3, want: "Jinping"},
		{name: "Chinese: hanzi not widened", s: "习近平总书记", start: 3, end: 9, ascii: true, want: "近平"},
		{name: "Chinese: Latin run widened", s: "在APEC会议", start: 3, end: 5, ascii: true, want: "APEC"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := isWordRune
			if tt.ascii {
				in = isASCIIAlnum
			}
			a, b := widen(tt.s, tt.start, tt.end, in)
			if diff := cmp.Diff(tt.want, tt.s[a:b]); diff != "" {
				t.Errorf("widen() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestEvidenceWholeWords checks that no evidence span of the press001
// alignment cuts a word: English spans start and end at word boundaries,
// Chinese spans at rune boundaries outside Latin runs, and a name matched
// syllable by syllable is shown whole.
func TestEvidenceWholeWords(t *testing.T) {
	read := func(p string) []string {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	}
	zh, en := read("../testdata/align/press001.zh"), read("../testdata/align/press001.en")
	al, err := (&Aligner{}).AlignSentences(zh, en)
	if err != nil {
		t.Fatal(err)
	}
	boundary := func(s string, at int, in func(rune) bool) bool {
		if at < 0 || at > len(s) {
			return false
		}
		if at > 0 && at < len(s) && !utf8.RuneStart(s[at]) {
			return false
		}
		before, _ := utf8.DecodeLastRuneInString(s[:at])
		after, _ := utf8.DecodeRuneInString(s[at:])
		return !(at > 0 && in(before) && at < len(s) && in(after))
	}
	found := map[string]bool{}
	n := 0
	for _, p := range al.Pairs() {
		for _, e := range p.Evidence {
			n++
			if e.ENStart >= e.ENEnd || !boundary(p.EN, e.ENStart, isWordRune) || !boundary(p.EN, e.ENEnd, isWordRune) {
				t.Errorf("%s evidence cuts an English word: [%d,%d) of %.80q", e.Kind, e.ENStart, e.ENEnd, p.EN)
				continue
			}
			if e.ZHStart >= e.ZHEnd || !boundary(p.ZH, e.ZHStart, isASCIIAlnum) || !boundary(p.ZH, e.ZHEnd, isASCIIAlnum) {
				t.Errorf("%s evidence cuts a Chinese word: [%d,%d) of %.80q", e.Kind, e.ZHStart, e.ZHEnd, p.ZH)
				continue
			}
			found[p.ZH[e.ZHStart:e.ZHEnd]+"|"+p.EN[e.ENStart:e.ENEnd]] = true
		}
	}
	if n < 100 {
		t.Errorf("only %d pieces of evidence in press001, want at least 100", n)
	}
	for _, want := range []string{"习近平|Jinping"} {
		if !found[want] {
			t.Errorf("evidence %q not found", want)
		}
	}
}
