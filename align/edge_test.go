package align

import (
	"strings"
	"testing"

	"github.com/bitextlab/zhen/segment"
	"github.com/google/go-cmp/cmp"
)

// TestEdgeOmissions: units with no counterpart at the start or end of a text
// (a header line, a footer, a dateline) come out as 0-1 or 1-0 beads
// instead of being glued to the first or last bead, and a text without
// them is left alone.
func TestEdgeOmissions(t *testing.T) {
	zp, ep := seedBody(t)
	zp, ep = zp[2:8], ep[2:8]
	header := "Material II for the press briefing of the Press Center for the 20th National Congress of the Communist Party of China"
	enFooter := "Since its foundation in 1921, the Communist Party of China has maintained close links with the outside world."
	zhHeader := "新闻中心记者招待会材料之二"
	zhFooter := "（本文来源：新华网，责任编辑：王小明）"
	ones := func(n int) []string { return strings.Split(strings.Repeat("1-1 ", n), " ")[:n] }
	cat := func(parts ...[]string) []string {
		var out []string
		for _, p := range parts {
			out = append(out, p...)
		}
		return out
	}
	tests := []struct {
		name   string
		zh, en []string
		want   []string
	}{
		{name: "parallel", zh: zp, en: ep, want: ones(6)},
		{name: "english header", zh: zp, en: cat([]string{header}, ep), want: cat([]string{"0-1"}, ones(6))},
		{name: "english footer", zh: zp, en: cat(ep, []string{enFooter}), want: cat(ones(6), []string{"0-1"})},
		{name: "chinese header", zh: cat([]string{zhHeader}, zp), en: ep, want: cat([]string{"1-0"}, ones(6))},
		{name: "chinese footer", zh: cat(zp, []string{zhFooter}), en: ep, want: cat(ones(6), []string{"1-0"})},
		{name: "header and footer", zh: cat(zp, []string{zhFooter}), en: cat([]string{header}, ep),
			want: cat([]string{"0-1"}, ones(6), []string{"1-0"})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			al, err := (&Aligner{}).AlignSentences(tt.zh, tt.en)
			if err != nil {
				t.Fatalf("AlignSentences: %v", err)
			}
			checkBeads(t, al.Beads, len(tt.zh), len(tt.en))
			if diff := cmp.Diff(tt.want, beadTypes(al.Beads)); diff != "" {
				t.Errorf("bead types mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestEdgeOmissionParagraphs: an English header paragraph with no Chinese
// counterpart is its own 0-1 paragraph bead in Align, not glued to the
// title.
func TestEdgeOmissionParagraphs(t *testing.T) {
	zp, ep := seedBody(t)
	header := "Material II for the press briefing of the Press Center for the 20th National Congress of the Communist Party of China"
	var zpar, epar [][]string
	epar = append(epar, []string{header})
	for k := 2; k < 7; k++ {
		zpar = append(zpar, splitZH(zp[k]))
		epar = append(epar, splitEN(ep[k]))
	}
	al, err := (&Aligner{}).Align(doc(segment.Chinese, zpar), doc(segment.English, epar))
	if err != nil {
		t.Fatalf("Align: %v", err)
	}
	checkBeads(t, al.Beads, len(al.ZH), len(al.EN))
	var got []string
	for _, p := range al.ParagraphPairs() {
		got = append(got, p.Type)
	}
	if diff := cmp.Diff([]string{"0-1", "1-1", "1-1", "1-1", "1-1", "1-1"}, got); diff != "" {
		t.Errorf("paragraph bead types mismatch (-want +got):\n%s", diff)
	}
	if b := al.Beads[0]; b.Type() != "0-1" || b.EN.Start != 0 {
		t.Errorf("first sentence bead %s %v:%v, want the header as 0-1", b.Type(), b.ZH, b.EN)
	}
}
