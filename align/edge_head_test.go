package align

import "testing"

// TestHeadlinesDoNotShift aligns a text with a headline and a dateline on
// top: the English merges the headline into its first
// sentence and the Chinese has a dateline the English lacks, or both have
// the headline and only the English a dateline. Every bead of the body
// after its first must be the one the text without the header gets.
func TestHeadlinesDoNotShift(t *testing.T) {
	zp, ep := seedBody(t)
	var zs, es []string
	for p := 0; p < 3; p++ {
		zs = append(zs, splitZH(zp[p])...)
		es = append(es, splitEN(ep[p])...)
	}
	plain, err := (&Aligner{}).AlignSentences(zs, es)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		zh, en []string
		dz, de int // the header's Chinese and English units before the body
	}{
		{
			name: "headline merged into the first English sentence, Chinese dateline",
			zh:   append([]string{"毛里求斯发现奥密克戎变异株", "新华社路易港12月3日电"}, zs...),
			en:   append([]string{"Mauritius detects Omicron variant " + es[0]}, es[1:]...),
			dz:   2,
		},
		{
			name: "headline on both sides, English dateline",
			zh:   append([]string{"毛里求斯发现奥密克戎变异株"}, zs...),
			en:   append([]string{"Mauritius detects Omicron variant", "PORT LOUIS, Dec. 3 (Xinhua)"}, es...),
			dz:   1, de: 2,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			al, err := (&Aligner{}).AlignSentences(tt.zh, tt.en)
			if err != nil {
				t.Fatal(err)
			}
			got := map[[4]int]bool{}
			for _, b := range al.Beads {
				got[[4]int{b.ZH.Start, b.ZH.End, b.EN.Start, b.EN.End}] = true
			}
			for _, b := range plain.Beads[1:] {
				k := [4]int{b.ZH.Start + tt.dz, b.ZH.End + tt.dz, b.EN.Start + tt.de, b.EN.End + tt.de}
				if !got[k] {
					t.Errorf("body bead %v:%v (shifted by the header) missing: %v", b.ZH, b.EN, al.Beads)
					break
				}
			}
		})
	}
}
