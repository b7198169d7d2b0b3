package align

import (
	"bufio"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// omissionVariant derives a test document from a gold-aligned pair: about
// 3% of the sentences of one side (delZH: the Chinese, else the English),
// each the whole of its side of a 1-1 gold bead, are deleted, so that their
// counterparts become 0-1 (or 1-0) beads; then about 5% of the adjacent
// pairs of 1-1 beads left are merged on one side (chosen at random), the two
// sentences joined into one, so that the gold holds a 1-2 or 2-1 bead there.
// The gold beads returned index the variant's sentences; made[k] reports
// whether vgold[k] is an omission made by a deletion (not one of the
// development set's own).
func omissionVariant(zh, en []string, gold []Bead, delZH bool, rng *rand.Rand) (vzh, ven []string, vgold []Bead, made []bool) {
	type gb struct {
		zh, en []string
		made   bool
	}
	var beads []gb
	for _, b := range gold {
		var g gb
		for i := b.ZH.Start; i < b.ZH.End; i++ {
			g.zh = append(g.zh, zh[i])
		}
		for j := b.EN.Start; j < b.EN.End; j++ {
			g.en = append(g.en, en[j])
		}
		beads = append(beads, g)
	}
	one := func(g gb) bool { return len(g.zh) == 1 && len(g.en) == 1 }
	side := len(en)
	if delZH {
		side = len(zh)
	}
	deleted := make([]bool, len(beads))
	for k := range beads {
		if one(beads[k]) && rng.Float64() < 0.03*float64(side)/float64(len(beads)) {
			deleted[k] = true
			beads[k].made = true
			if delZH {
				beads[k].zh = nil
			} else {
				beads[k].en = nil
			}
		}
	}
	var merged []gb
	for k := 0; k < len(beads); k++ {
		g := beads[k]
		if k+1 < len(beads) && !deleted[k] && !deleted[k+1] && one(g) && one(beads[k+1]) && rng.Float64() < 0.05 {
			h := beads[k+1]
			if rng.Intn(2) == 0 {
				g = gb{zh: []string{g.zh[0] + h.zh[0]}, en: []string{g.en[0], h.en[0]}}
			} else {
				g = gb{zh: []string{g.zh[0], h.zh[0]}, en: []string{g.en[0] + " " + h.en[0]}}
			}
			k++
		}
		merged = append(merged, g)
	}
	for _, g := range merged {
		b := Bead{ZH: Range{len(vzh), len(vzh) + len(g.zh)}, EN: Range{len(ven), len(ven) + len(g.en)}}
		vzh = append(vzh, g.zh...)
		ven = append(ven, g.en...)
		vgold = append(vgold, b)
		made = append(made, g.made)
	}
	return vzh, ven, vgold, made
}

// variantDoc is an omission variant of one document of a development set.
type variantDoc struct {
	set, doc string
	v        int // 0: Chinese sentences deleted, 1: English
	zh, en   []string
	gold     []Bead
	made     []bool // gold[k] is an omission made by a deletion
}

// omissionVariants returns the omission variants of the development sets
// in $ZHEN_DEVSETS (mac-dev, aca, mag: one per document and side, fixed
// seeds; see omissionVariant), skipping the test without $ZHEN_DEVSETS or
// without sets in it.
func omissionVariants(t *testing.T) []variantDoc {
	t.Helper()
	root := os.Getenv("ZHEN_DEVSETS")
	if root == "" {
		t.Skip("set ZHEN_DEVSETS to the directory of the development sets (e.g. ../shared/data beside the repository)")
	}
	var out []variantDoc
	for _, set := range []string{"mac-dev", "aca", "mag"} {
		golds, _ := filepath.Glob(filepath.Join(root, set, "gold", "*.align"))
		for _, g := range golds {
			doc := strings.TrimSuffix(filepath.Base(g), ".align")
			zh := omissionLines(t, filepath.Join(root, set, "zh", doc))
			en := omissionLines(t, filepath.Join(root, set, "en", doc))
			f, err := os.Open(g)
			if err != nil {
				t.Fatal(err)
			}
			gold, err := ReadBeads(f, g)
			f.Close()
			if err != nil {
				t.Fatal(err)
			}
			for v, delZH := range []bool{true, false} {
				seed := int64(len(zh)*1000 + len(en)*10 + v)
				vzh, ven, vgold, made := omissionVariant(zh, en, gold, delZH, rand.New(rand.NewSource(seed)))
				out = append(out, variantDoc{set, doc, v, vzh, ven, vgold, made})
			}
		}
	}
	if len(out) == 0 {
		t.Skipf("no development sets in %s", root)
	}
	return out
}

// TestOmissionVariants aligns omission variants of the development sets in
// $ZHEN_DEVSETS (a variant per document and side, fixed seeds; see
// omissionVariant) and measures how the 1-0 and 0-1 beads are found
// (recall and precision against the variants' gold) and the strict F1 of
// all beads. Skipped without $ZHEN_DEVSETS (the sets are not in the
// repository).
func TestOmissionVariants(t *testing.T) {
	var allGold, allTest []Bead
	var goldOm, testOm, hitOm int
	var madeOm, madeHit int // the omissions made by deletion alone
	offZ, offE := 0, 0
	var miss [4]int    // the gold omissions missed, by missKind
	var missRed int    // of them, those in a bead below ConfidenceCheck (the review page's "to check")
	var red, pairs int // the beads with both sides, and those below ConfidenceCheck
	docs := 0
	type counts struct{ gold, test, hit int }
	perSet := map[string]*counts{"mac-dev": {}, "aca": {}, "mag": {}}
	for _, vd := range omissionVariants(t) {
		set, doc, v, vzh, ven, vgold := vd.set, vd.doc, vd.v, vd.zh, vd.en, vd.gold
		al, err := (&Aligner{Force: true}).AlignSentences(vzh, ven)
		if err != nil {
			t.Fatalf("%s/%s variant %d: %v", set, doc, v, err)
		}
		docs++
		isOm := func(b Bead) bool { return (b.ZH.Len() == 0) != (b.EN.Len() == 0) }
		om := map[[2]Range]bool{}
		made := map[[2]Range]bool{}
		for k, b := range vgold {
			if isOm(b) {
				perSet[set].gold++
				goldOm++
				om[omKey(b)] = true
				if vd.made[k] {
					madeOm++
					made[omKey(b)] = true
				}
			}
		}
		for _, b := range al.Beads {
			if b.ZH.Len() > 0 && b.EN.Len() > 0 {
				pairs++
				if b.Confidence < ConfidenceCheck {
					red++
				}
			}
			if isOm(b) {
				testOm++
				perSet[set].test++
				if om[omKey(b)] {
					perSet[set].hit++
					hitOm++
				}
				if made[omKey(b)] {
					madeHit++
				}
			}
		}
		for _, b := range vgold {
			if isOm(b) && !omFound(al.Beads, b) {
				miss[missKind(al.Beads, b)]++
				if h, ok := holder(al.Beads, b); ok && h.Confidence < ConfidenceCheck {
					missRed++
				}
				if os.Getenv("ZHEN_OMISSION_VERBOSE") != "" {
					t.Logf("%s/%s v%d missed %v:%v; test near: %s", set, doc, v, b.ZH, b.EN, omNear(al.Beads, b))
				}
			}
		}
		shift := func(b Bead) Bead {
			b.ZH = Range{b.ZH.Start + offZ, b.ZH.End + offZ}
			b.EN = Range{b.EN.Start + offE, b.EN.End + offE}
			return b
		}
		for _, b := range vgold {
			allGold = append(allGold, shift(b))
		}
		for _, b := range al.Beads {
			allTest = append(allTest, shift(b))
		}
		offZ += len(vzh)
		offE += len(ven)
	}
	for _, set := range []string{"mac-dev", "aca", "mag"} {
		c := perSet[set]
		if c.gold > 0 {
			t.Logf("%s: %d gold omissions, %d found, %d reported: recall %.3f precision %.3f", set, c.gold, c.hit, c.test,
				float64(c.hit)/float64(c.gold), float64(c.hit)/float64(max(c.test, 1)))
		}
	}
	p, r, f1 := StrictF1(allGold, allTest)
	rec := float64(hitOm) / float64(max(goldOm, 1))
	prec := float64(hitOm) / float64(max(testOm, 1))
	t.Logf("%d variant documents: %d gold omissions, %d found, %d reported: recall %.3f precision %.3f; strict P %.3f R %.3f F1 %.3f",
		docs, goldOm, hitOm, testOm, rec, prec, p, r, f1)
	t.Logf("of them made by deleting a sentence: %d, %d found (recall %.3f); the sets' own: %d, %d found",
		madeOm, madeHit, float64(madeHit)/float64(max(madeOm, 1)), goldOm-madeOm, hitOm-madeHit)
	t.Logf("missed: %d glued to the end of a 1-N or N-1 bead (the guard's reach: splitting all of them, and no other, would give recall %.3f at precision %.3f), %d inside M-N beads, %d paired with a wrong sentence, %d elsewhere",
		miss[missGlued], float64(hitOm+miss[missGlued])/float64(max(goldOm, 1)), float64(hitOm+miss[missGlued])/float64(max(testOm+miss[missGlued], 1)),
		miss[missInMN], miss[missPaired], miss[missOther])
	t.Logf("of the missed, %d lie in a pair below ConfidenceCheck, which the review page marks \"to check\" (%.1f%% of all pairs are)",
		missRed, 100*float64(red)/float64(max(pairs, 1)))
	const minRecall, minPrecision, minF1 = 0.55, 0.85, 0.93
	if rec < minRecall || prec < minPrecision || f1 < minF1 {
		t.Errorf("omission recall %.3f precision %.3f strict F1 %.3f: want at least %.2f, %.2f, %.2f", rec, prec, f1, minRecall, minPrecision, minF1)
	}
}

// How a gold omission was missed (missKind).
const (
	missGlued  = iota // the unit ends the longer side of a 1-N or N-1 bead: splitExtras could take it off
	missInMN          // the unit lies in a bead with several units on both sides
	missPaired        // the unit is its side's only unit in a bead: the path paired it with a wrong sentence
	missOther         // elsewhere: the middle of a 1-N bead's longer side
)

// missKind tells where the unit of gold omission g, not found, lies in
// beads.
func missKind(beads []Bead, g Bead) int {
	b, ok := holder(beads, g)
	if !ok {
		return missOther
	}
	side, other, unit := b.EN, b.ZH, g.EN
	if g.EN.Len() == 0 {
		side, other, unit = b.ZH, b.EN, g.ZH
	}
	switch {
	case side.Len() == 1:
		return missPaired
	case other.Len() > 1:
		return missInMN
	case other.Len() == 1 && (unit.Start == side.Start || unit.End == side.End):
		return missGlued
	}
	return missOther
}

// holder returns the bead whose side holds the unit of gold omission g.
func holder(beads []Bead, g Bead) (Bead, bool) {
	for _, b := range beads {
		side, unit := b.EN, g.EN
		if g.EN.Len() == 0 {
			side, unit = b.ZH, g.ZH
		}
		if unit.Start >= side.Start && unit.End <= side.End {
			return b, true
		}
	}
	return Bead{}, false
}

func omFound(beads []Bead, g Bead) bool {
	for _, b := range beads {
		if omKey(b) == omKey(g) {
			return true
		}
	}
	return false
}

// omKey is a bead's ranges with an empty side set to the zero Range (an
// omission is the same wherever its empty side lies).
func omKey(b Bead) [2]Range {
	if b.ZH.Len() == 0 {
		b.ZH = Range{}
	}
	if b.EN.Len() == 0 {
		b.EN = Range{}
	}
	return [2]Range{b.ZH, b.EN}
}

func omNear(beads []Bead, g Bead) string {
	var s []string
	for _, b := range beads {
		if b.ZH.End >= g.ZH.Start-1 && b.ZH.Start <= g.ZH.End+1 && b.EN.End >= g.EN.Start-1 && b.EN.Start <= g.EN.End+1 {
			s = append(s, fmt.Sprintf("%v:%v", b.ZH, b.EN))
		}
	}
	return strings.Join(s, " ")
}

func omissionLines(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		out = append(out, sc.Text())
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
