package rules

import (
	"math/rand/v2"
	"regexp"
	"regexp/syntax"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// naiveBreaks is the SRX definition, evaluated directly: at every position
// the first rule whose Before matches text ending there (within the
// paragraph) and whose After matches text starting there decides.
func naiveBreaks(t testing.TB, rules []Rule, text string, lo, hi int) []int {
	type cr struct {
		brk           bool
		before, after *regexp.Regexp
	}
	var crs []cr
	for _, r := range rules {
		crs = append(crs, cr{r.Break, regexp.MustCompile(`(?:` + r.Before + `)$`), regexp.MustCompile(`^(?:` + r.After + `)`)})
	}
	var out []int
	for i := lo; i < hi; {
		_, n := utf8.DecodeRuneInString(text[i:hi])
		i += n
		if i >= hi {
			break
		}
		for _, c := range crs {
			if c.before.MatchString(text[lo:i]) && c.after.MatchString(text[i:hi]) {
				if c.brk {
					out = append(out, i)
				}
				break
			}
		}
	}
	return out
}

func engineBreaks(s *Set, text string, lo, hi int) []int {
	var out []int
	s.Breaks(text, lo, hi, func(p int) { out = append(out, p) })
	return out
}

var testRules = []Rule{
	{Break: false, Before: `(?:^|[^A-Za-z])(?:Mr|Dr)\.`, After: ` `},
	{Break: false, Before: `\b[A-Z]\.`, After: ` [A-Z]`},
	{Break: false, Before: `(?i)etc\.`, After: ` +[a-z]`},
	{Break: true, Before: `^[0-9]+\.`, After: ` `},
	{Break: false, Before: ``, After: `[”)]`},
	{Break: true, Before: `[。！？][”)]*`, After: ``},
	{Break: false, Before: `[.?!]`, After: `\s+[a-z]`},
	{Break: true, Before: `[.?!]+[”)]*`, After: `\s`},
	{Break: true, Before: `\n`, After: ``},
	{Break: true, Before: `x+y`, After: `$`},
	{Break: false, Before: `(?m)^a`, After: `b`},
	{Break: true, Before: `a`, After: `(?m)b$`},
}

func TestBreaksMatchesNaive(t *testing.T) {
	s := MustCompile(testRules)
	tests := []struct {
		name string
		text string
	}{
		{"abbreviations", "Mr. Smith met Dr. Li. They left. J. R. Tolkien wrote. etc. and so."},
		{"Chinese", "他说：“好。”随后走了。真的吗？！(好。)下一句"},
		{"section number at start", "12. First point. Next."},
		{"section number not at start", "See 12. First point."},
		{"lines", "line one\nline two. next\nab\naxy"},
		{"invalid UTF-8", "a.\xff B. \xe3\x80 c.\xc0. D"},
		{"empty rules text", ""},
		{"end anchor", "xxxy"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for lo := 0; lo <= len(tc.text); lo += max(1, len(tc.text)/5) {
				want := naiveBreaks(t, testRules, tc.text, lo, len(tc.text))
				got := engineBreaks(s, tc.text, lo, len(tc.text))
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("Breaks(%q, %d) mismatch (-want +got):\n%s", tc.text, lo, diff)
				}
			}
		})
	}
}

func TestBreaksRandom(t *testing.T) {
	s := MustCompile(testRules)
	alphabet := []string{"a", "b", "x", "y", "Mr", "Dr", "J", "etc", ".", "?", "!", " ", "  ", "\n", "。", "！", "”", ")", "12", "\xff", "\xe3\x80", "é"}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 2000; i++ {
		var b strings.Builder
		for n := rng.IntN(30); n > 0; n-- {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		text := b.String()
		lo := 0
		if len(text) > 0 {
			lo = rng.IntN(len(text))
		}
		want := naiveBreaks(t, testRules, text, lo, len(text))
		got := engineBreaks(s, text, lo, len(text))
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("Breaks(%q, %d) mismatch (-want +got):\n%s", text, lo, diff)
		}
	}
}

func FuzzBreaks(f *testing.F) {
	s := MustCompile(testRules)
	f.Add("Mr. Smith met Dr. Li. They left.", 0)
	f.Add("他说：“好。”随后走了。", 3)
	f.Fuzz(func(t *testing.T, text string, lo int) {
		if len(text) > MaxContext/2 {
			text = text[:MaxContext/2] // the naive reference has no context limit
		}
		lo = max(0, min(lo, len(text)))
		want := naiveBreaks(t, testRules, text, lo, len(text))
		got := engineBreaks(s, text, lo, len(text))
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("Breaks(%q, %d) mismatch (-want +got):\n%s", text, lo, diff)
		}
	})
}

func TestCompileError(t *testing.T) {
	_, err := Compile([]Rule{{Before: `a`}, {Before: `(`}})
	var e *Error
	if err == nil || !strings.Contains(err.Error(), "rule 1") {
		t.Fatalf("Compile() error = %v, want one naming rule 1", err)
	}
	if !asError(err, &e) || e.Index != 1 {
		t.Errorf("Compile() error = %#v, want *Error with Index 1", err)
	}
}

func asError(err error, e **Error) bool {
	x, ok := err.(*Error)
	*e = x
	return ok
}

func TestMaxLenAndEdges(t *testing.T) {
	s := MustCompile([]Rule{{Break: true, Before: `[.!?]{1,3}[”"]?`, After: `[ \t]`}})
	g := s.groups[0]
	if g.before.maxLen != 3+3 || g.after.maxLen != 1 {
		t.Errorf("maxLen before %d after %d, want 6 and 1", g.before.maxLen, g.after.maxLen)
	}
	for _, r := range ".!?”\"" {
		if !s.trig.has(r) {
			t.Errorf("trigger set misses %q", r)
		}
	}
	for _, r := range "a 。" {
		if s.trig.has(r) {
			t.Errorf("trigger set has %q", r)
		}
	}
}

func BenchmarkBreaksNoPunctuation(b *testing.B) {
	s := MustCompile(testRules)
	text := strings.Repeat("党的对外工作 abc ", 1<<16)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		s.Breaks(text, 0, len(text), func(int) {})
	}
}

func TestWritePatternSameMatches(t *testing.T) {
	patterns := []string{
		`a`, `ab`, `(?i)ab`, `(?i:x)y`, `[a-c]`, `[^a-c\n]`, `(ab)+`, `ab*`, `(?:ab)*?`, `a{2,5}`, `a{3}`, `a{2,}`,
		`(?s).`, `.`, `^a|b$`, `(?m)^a$`, `\bx\B`, `a|bc|`, `\Qa.b`, `(?i)[a-z]é`, `(?:a|b)(?:c|d)`, `\x{3000}+`,
		`[\p{Han}。]{0,3}说`, `x(?:)y`,
	}
	inputs := []string{"", "a", "ab", "abab", "AB", "aaaaaa", "x\ny", "a.b", "é", "Aé", "ac", "bd", "\u3000\u3000", "他说", "xy", "b\na"}
	for _, p := range patterns {
		re, err := syntax.Parse(p, syntax.Perl)
		if err != nil {
			t.Fatalf("parse %q: %v", p, err)
		}
		var b strings.Builder
		writePattern(&b, re, inTop)
		got, err := regexp.Compile(b.String())
		if err != nil {
			t.Errorf("writePattern(%q) = %q: %v", p, b.String(), err)
			continue
		}
		want := regexp.MustCompile(p)
		for _, in := range inputs {
			if g, w := got.FindStringIndex(in), want.FindStringIndex(in); !cmp.Equal(g, w) {
				t.Errorf("writePattern(%q) = %q finds %v in %q, the pattern %v", p, b.String(), g, in, w)
			}
		}
	}
}

func TestMergedRulesCompileAsWritten(t *testing.T) {
	// \Q without \E quotes to the end of its pattern: concatenated into
	// one alternation as text, it would swallow the next rule.
	rules := []Rule{
		{Break: false, Before: `\QMr.`, After: ` `},
		{Break: false, Before: `Dr\.`, After: ` `},
		{Break: true, Before: `\.`, After: ` `},
	}
	s, err := Compile(rules)
	if err != nil {
		t.Fatalf("Compile() = %v, want no error", err)
	}
	if len(s.groups) != 2 {
		t.Errorf("Compile() made %d groups, want 2 (the two exceptions merged)", len(s.groups))
	}
	text := "Mr. Li met Dr. Wu. Then left."
	same := append([]Rule{{Break: false, Before: `Mr\.`, After: ` `}}, rules[1:]...) // the reference cannot read \Q alone
	if diff := cmp.Diff(naiveBreaks(t, same, text, 0, len(text)), engineBreaks(s, text, 0, len(text))); diff != "" {
		t.Errorf("Breaks() mismatch (-want +got):\n%s", diff)
	}
}

// forceScan makes every side of s use the one-pass scanner.
func forceScan(s *Set) {
	for i := range s.groups {
		g := &s.groups[i]
		g.before.useScan = !g.before.empty
		g.after.useScan = !g.after.empty
	}
}

func TestScannerMatchesNaive(t *testing.T) {
	rules := append([]Rule{
		{Break: true, Before: `Q.{1,6}`, After: `.{1,4}Q`},
		{Break: false, Before: `(?s)a.b`, After: `(?i:x).`},
	}, testRules...)
	rules = append(rules, Rule{Break: true, Before: `\bx`, After: `y\b`})
	s := MustCompile(rules)
	forceScan(s)
	alphabet := []string{"a", "b", "x", "X", "y", "Q", "Q", "Mr", "Dr", "J", "etc", ".", "?", "!", " ", "  ", "\n", "。", "！", "”", ")", "12", "\xff", "\xe3\x80", "é"}
	rng := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 3000; i++ {
		var b strings.Builder
		for n := rng.IntN(40); n > 0; n-- {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		text := b.String()
		lo := 0
		if len(text) > 0 {
			lo = rng.IntN(len(text))
		}
		want := naiveBreaks(t, rules, text, lo, len(text))
		got := engineBreaks(s, text, lo, len(text))
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("Breaks(%q, %d) with scanners mismatch (-want +got):\n%s", text, lo, diff)
		}
	}
}

func TestScannerContextLimit(t *testing.T) {
	// An unbounded pattern sees MaxContext bytes, scanned or not.
	rules := []Rule{{Break: true, Before: `Q[a-z]*`, After: `[A-Z]`}}
	text := "Q" + strings.Repeat("a", MaxContext+10) + "B" + "Q" + strings.Repeat("a", 10) + "B"
	s := MustCompile(rules)
	want := engineBreaks(s, text, 0, len(text))
	forceScan(s)
	if diff := cmp.Diff(want, engineBreaks(s, text, 0, len(text))); diff != "" {
		t.Errorf("scanned Breaks mismatch (-windowed +scanned):\n%s", diff)
	}
	if len(want) != 1 {
		t.Errorf("Breaks() = %v, want one break (the far Q is out of context)", want)
	}
}

func TestCompileRefusesHugePrograms(t *testing.T) {
	_, err := Compile([]Rule{{Break: true, Before: strings.Repeat(`.{1,1000}`, 6)}})
	if err == nil || !strings.Contains(err.Error(), "pattern too large") {
		t.Errorf("Compile(huge) error = %v, want pattern too large", err)
	}
}

// BenchmarkHostileBefore: a bounded repetition of any character before the
// break, the costliest kind of pattern for a per-position matcher.
func BenchmarkHostileBefore(b *testing.B) {
	s := MustCompile([]Rule{{Break: true, Before: `Q.{1,200}`, After: ``}})
	text := strings.Repeat("党的对外工作 abc. Quite so. ", 1<<10)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		s.Breaks(text, 0, len(text), func(int) {})
	}
}

// FuzzScanner: the one-pass scanner agrees with the SRX definition.
func FuzzScanner(f *testing.F) {
	rules := append([]Rule{{Break: true, Before: `Q.{1,6}`, After: `.{1,4}Q`}}, testRules...)
	s := MustCompile(rules)
	forceScan(s)
	f.Add("Mr. Smith met Dr. Li. QabQ They left.", 0)
	f.Add("他说：“好。”随后走了。Q。Q", 3)
	f.Fuzz(func(t *testing.T, text string, lo int) {
		if len(text) > MaxContext/2 {
			text = text[:MaxContext/2]
		}
		lo = max(0, min(lo, len(text)))
		want := naiveBreaks(t, rules, text, lo, len(text))
		if diff := cmp.Diff(want, engineBreaks(s, text, lo, len(text))); diff != "" {
			t.Fatalf("Breaks(%q, %d) mismatch (-want +got):\n%s", text, lo, diff)
		}
	})
}
