package align

import (
	"math"
	"sort"
	"testing"
)

// TestUnitLogitFit measures the unit test of the guard (unitLogit) on the
// omission variants of the development sets in $ZHEN_DEVSETS: the units
// glued to a gold neighbour (a sentence whose counterpart was deleted,
// joined to the bead before or after it) against the end units of the
// true 1-N and N-1 gold beads, each scored with the scorings as learnt
// from the aligner's result. It logs how many units of each kind have no
// word covered by the bead's other side, refits the logistic model (the
// fit that gave unitWeights) and logs its weights, and fails when the shipped
// weights find fewer than 50% of the glued units above unitCut or put
// more than 1% of the true units there. Skipped without $ZHEN_DEVSETS.
func TestUnitLogitFit(t *testing.T) {
	type sample struct {
		f     [len(unitWeights)]float64
		glued bool
	}
	var all []sample
	for _, vd := range omissionVariants(t) {
		vzh, ven, vgold := vd.zh, vd.en, vd.gold
		a := &Aligner{Force: true}
		al, err := a.AlignSentences(vzh, ven)
		if err != nil {
			t.Fatal(err)
		}
		r := a.newRun(vzh, ven, DefaultPriors(), true)
		for _, s := range r.scorings {
			if l, ok := s.(Learner); ok {
				l.Learn(al.Beads)
			}
		}
		lex, ls := r.unitScorings()
		add := func(b Bead, first, glued bool) {
			head, unit := peel(b, first)
			all = append(all, sample{r.unitFeatures(lex, ls, b, head, unit), glued})
		}
		for k, b := range vgold {
			if b.ZH.Len() > 0 && b.EN.Len() > 0 {
				if (b.ZH.Len() == 1) != (b.EN.Len() == 1) {
					add(b, true, false)
					add(b, false, false)
				}
				continue
			}
			// The omitted unit glued to a neighbour with one unit
			// on the omission's empty side.
			for _, d := range []int{-1, 1} {
				if k+d < 0 || k+d >= len(vgold) {
					continue
				}
				n := vgold[k+d]
				if n.ZH.Len() == 0 || n.EN.Len() == 0 || b.ZH.Len() > 0 && n.EN.Len() != 1 || b.EN.Len() > 0 && n.ZH.Len() != 1 {
					continue
				}
				gb := Bead{ZH: Range{min(b.ZH.Start, n.ZH.Start), max(b.ZH.End, n.ZH.End)}, EN: Range{min(b.EN.Start, n.EN.Start), max(b.EN.End, n.EN.End)}}
				add(gb, d == 1, true)
			}
		}
	}
	logit := func(w, f [len(unitWeights)]float64) float64 {
		var z float64
		for k := range w {
			z += w[k] * f[k]
		}
		return z
	}
	// The refit: gradient descent on the mean log loss, L2 0.01 on all
	// but the intercept.
	var w [len(unitWeights)]float64
	for it := 0; it < 4000; it++ {
		var g [len(unitWeights)]float64
		for _, s := range all {
			p := 1 / (1 + math.Exp(-max(-30, min(30, logit(w, s.f)))))
			y := 0.0
			if s.glued {
				y = 1
			}
			for k := range g {
				g[k] += (p - y) * s.f[k]
			}
		}
		for k := range w {
			reg := 0.0
			if k > 0 {
				reg = 0.01 * w[k]
			}
			w[k] -= 0.5 * (g[k]/float64(len(all)) + reg)
		}
	}
	rate := func(w [len(unitWeights)]float64) (glued, true_ float64, ng, nt int) {
		for _, s := range all {
			above := logit(w, s.f) > unitCut
			if s.glued {
				ng++
				if above {
					glued++
				}
			} else {
				nt++
				if above {
					true_++
				}
			}
		}
		return glued / float64(ng), true_ / float64(nt), ng, nt
	}
	gs, ts, ng, nt := rate(unitWeights)
	gr, tr, _, _ := rate(w)
	var zs []float64
	for _, s := range all {
		if s.glued {
			zs = append(zs, logit(unitWeights, s.f))
		}
	}
	sort.Float64s(zs)
	var bareG, bareT int // units with no word covered by the other side
	for _, s := range all {
		if s.f[2] == 0 { // cu/tu (see unitFeatures)
			if s.glued {
				bareG++
			} else {
				bareT++
			}
		}
	}
	t.Logf("no word covered: %d of the glued units, %d of the true end units", bareG, bareT)
	t.Logf("%d glued units, %d true end units; above the cut %.1f: shipped weights %.3f of glued, %.3f of true; refit %.3f, %.3f; refit weights %.3f",
		ng, nt, unitCut, gs, ts, gr, tr, w)
	if gs < 0.5 || ts > 0.01 {
		t.Errorf("shipped unit weights find %.3f of the glued units (want ≥ 0.5) and %.3f of the true ones (want ≤ 0.01)", gs, ts)
	}
}
