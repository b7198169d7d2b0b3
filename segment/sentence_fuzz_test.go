package segment

import "testing"

// FuzzSplitSentences: any string, any paragraph bounds, any language, each
// rule set: no panic, and the spans contract holds (ordered, disjoint,
// inside the paragraph, trimmed, and with the gaps they rebuild it).
func FuzzSplitSentences(f *testing.F) {
	for _, tc := range zhHardCases {
		f.Add(tc.in, 0, len(tc.in), uint8(Chinese))
	}
	for _, tc := range enHardCases {
		f.Add(tc.in, 0, len(tc.in), uint8(English))
	}
	f.Add("他说\xff：“好。\xe3\x80”随后。", 1, 20, uint8(Unknown))
	f.Add("Mr.\xc0 Smith. He left.", -3, 100, uint8(English))
	f.Add("。”", 2, 5, uint8(Chinese))
	f.Fuzz(func(t *testing.T, text string, start, end int, lang uint8) {
		para := Span{start, end}
		l := Lang(lang % 3)
		for _, r := range []*Rules{nil, DefaultRules(), OmegaTRules()} {
			checkSpans(t, text, para, l, r)
		}
		if len(text) < 4096 {
			_ = Sentences(text, l)
			_ = OmegaTSegments(text, l)
		}
	})
}
