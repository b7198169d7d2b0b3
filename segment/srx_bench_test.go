package segment

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// hostileSRX is an SRX file of n rules whose patterns are costly for a
// matcher that starts afresh at every position: a bounded repetition of
// any character, before and after the break.
func hostileSRX(n int, before, after string) string {
	var b strings.Builder
	b.WriteString(`<srx version="2.0"><header cascade="yes"/><body><languagerules><languagerule languagerulename="all">`)
	for i := range n {
		// different after patterns, so the rules are not merged
		fmt.Fprintf(&b, `<rule break="%s"><beforebreak>%s</beforebreak><afterbreak>%s%s</afterbreak></rule>`,
			map[bool]string{true: "yes", false: "no"}[i%2 == 0], before, after, strings.Repeat("(?:)", i))
	}
	b.WriteString(`</languagerule></languagerules><maprules><languagemap languagepattern=".*" languagerulename="all"/></maprules></body></srx>`)
	return b.String()
}

// benchmarkRules splits every paragraph of seed 001 (28 KB) with rules.
func benchmarkRules(b *testing.B, rules *Rules) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "seeds", "001_38bdb1c42bebbece.txt"))
	if err != nil {
		b.Fatal(err)
	}
	text := string(data)
	var paras []Span
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text) - start
		}
		paras = append(paras, Span{start, start + end})
		start += end + 1
	}
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		for _, p := range paras {
			lang := English
			if scriptLang(text[p.Start:p.End]) == Chinese {
				lang = Chinese
			}
			SplitSentences(text, p, lang, rules)
		}
	}
}

// BenchmarkSRXHostile: four rules of the kind Q.{1,200} cost a bounded
// multiple of the default rules on the same text (the target: well under
// 2 CPU-s for the 28 KB seed).
func BenchmarkSRXHostile(b *testing.B) {
	for _, tc := range []struct{ name, before, after string }{
		{"before Q.{1,200}", `Q.{1,200}`, ``},
		{"before .{1,200}Q", `.{1,200}Q`, ``},
		{"after .{1,200}Q", `.`, `.{1,200}Q`},
		{"after Q.{1,200}", `.`, `Q.{1,200}`},
	} {
		b.Run(tc.name, func(b *testing.B) {
			r, _, err := LoadSRX(strings.NewReader(hostileSRX(4, tc.before, tc.after)), "hostile.srx")
			if err != nil {
				b.Fatal(err)
			}
			benchmarkRules(b, r)
		})
	}
	b.Run("default", func(b *testing.B) { benchmarkRules(b, DefaultRules()) })
}
