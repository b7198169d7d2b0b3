package segment

import (
	"strings"
	"testing"
)

// FuzzSRXCost reads arbitrary SRX files and splits a fixed text with what
// loads: no panic, and (every pattern being bounded by the engine's program
// limit and context window) work proportional to the text, which the
// fuzzer's per-input time limit checks.
func FuzzSRXCost(f *testing.F) {
	f.Add(`<srx version="2.0"><header cascade="yes"/><body><languagerules><languagerule languagerulename="a"><rule break="yes"><beforebreak>[。.]</beforebreak><afterbreak></afterbreak></rule></languagerule></languagerules><maprules><languagemap languagepattern=".*" languagerulename="a"/></maprules></body></srx>`)
	f.Add(hostileSRX(4, `Q.{1,200}`, ``))
	f.Add(hostileSRX(2, `.`, `.{1,200}Q`))
	text := strings.Repeat("Mr. Li said: Quite so. 他说：“好。”随后走了。", 40)
	f.Fuzz(func(t *testing.T, doc string) {
		if len(doc) > 1<<14 {
			return
		}
		r, _, err := LoadSRX(strings.NewReader(doc), "f.srx")
		if err != nil {
			return
		}
		for _, lang := range []Lang{Chinese, English} {
			sents, _ := SplitSentences(text, Span{0, len(text)}, lang, r)
			end := 0
			for _, s := range sents {
				if s.Start < end || s.End < s.Start || s.End > len(text) {
					t.Fatalf("sentence %+v out of order or outside the text", s)
				}
				end = s.End
			}
		}
	})
}
