package align

import "testing"

// TestRepeatedBlockKeepsStart aligns a Chinese page that repeats a
// five-sentence block (issue 9 item 4): the repeat must become a run of
// 1-0 beads, and the beads before it must be the ones the page without
// the repeat gets (it used to lose the start instead: two edge omissions
// and the first beads shifted).
func TestRepeatedBlockKeepsStart(t *testing.T) {
	zp, ep := seedBody(t)
	var zh, en []string
	for p := 0; p < 4; p++ {
		zh = append(zh, splitZH(zp[p])...)
		en = append(en, splitEN(ep[p])...)
	}
	plain, err := (&Aligner{}).AlignSentences(zh, en)
	if err != nil {
		t.Fatal(err)
	}
	rep := append(append(append([]string{}, zh[:7]...), zh[2:7]...), zh[7:]...)
	al, err := (&Aligner{}).AlignSentences(rep, en)
	if err != nil {
		t.Fatal(err)
	}
	for k, b := range plain.Beads[:4] {
		if g := al.Beads[k]; g.ZH != b.ZH || g.EN != b.EN {
			t.Errorf("bead %d = %v:%v, want %v:%v as without the repeat", k, g.ZH, g.EN, b.ZH, b.EN)
		}
	}
	omitted := 0
	for _, b := range al.Beads {
		if b.ZH.Len() == 1 && b.EN.Len() == 0 {
			omitted++
		}
	}
	if omitted < 4 {
		t.Errorf("%d Chinese units left out, want the repeated block's five (at least 4): %v", omitted, al.Beads)
	}
}
