package align

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/bitextlab/zhen/internal/search"
	"github.com/google/go-cmp/cmp"
)

func TestHalve(t *testing.T) {
	tests := []struct {
		name string
		cum  []float64
		want []float64
	}{
		{name: "even", cum: []float64{0, 1, 3, 6, 10}, want: []float64{0, 3, 10}},
		{name: "odd", cum: []float64{0, 1, 3, 6}, want: []float64{0, 3, 6}},
		{name: "one unit", cum: []float64{0, 5}, want: []float64{0, 5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, halve(tt.cum)); diff != "" {
				t.Errorf("halve() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// repeatedParagraphs builds a long text pair from seed 001's paragraphs
// repeated copies times, each copy in its own pseudo-random order (so
// that the text is not periodic, yet every number and name repeats: no
// key is unique), with the English of paragraphs [cutFrom, cutTo) of the
// whole left out. It returns the gold: for each Chinese unit, its English
// unit or −1.
func repeatedParagraphs(t *testing.T, copies, cutFrom, cutTo int) (zh, en []string, gold []int) {
	t.Helper()
	zp, ep := seedBody(t)
	r := rand.New(rand.NewPCG(3, 4))
	for c := 0; c < copies; c++ {
		for _, p := range r.Perm(len(zp)) {
			k := len(zh)
			zh = append(zh, zp[p])
			if k >= cutFrom && k < cutTo {
				gold = append(gold, -1)
				continue
			}
			gold = append(gold, len(en))
			en = append(en, ep[p])
		}
	}
	return zh, en, gold
}

// TestLongRepeatedText checks the search on long texts whose anchors all
// repeat (no sure anchor chain from unique keys): the band follows the
// coarse path, and an omission of 52 units in the middle is found through
// the widening. (A 97-unit omission is found only in part with length
// and anchors: 0.73 of the units right, 0.93 before the beam; see
// searchBeam.)
func TestLongRepeatedText(t *testing.T) {
	tests := []struct {
		name           string
		copies         int
		cutFrom, cutTo int
		scorers        []Scorer
		min            float64 // share of Chinese units paired as in the gold
	}{
		{name: "no omission", copies: 140, scorers: []Scorer{LengthScorer{}, AnchorScorer{}}, min: 0.99},
		{name: "all scorers, 52 left out", copies: 140, cutFrom: 1500, cutTo: 1552, min: 0.97},
		{name: "52 left out", copies: 140, cutFrom: 1500, cutTo: 1552, scorers: []Scorer{LengthScorer{}, AnchorScorer{}}, min: 0.97},
		// Length alone spreads the omission over its neighbours:
		// about 100 units are paired one off around it.
		{name: "length only, 22 left out", copies: 140, cutFrom: 1500, cutTo: 1522, scorers: []Scorer{LengthScorer{}}, min: 0.95},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			zh, en, gold := repeatedParagraphs(t, tt.copies, tt.cutFrom, tt.cutTo)
			if len(zh)+len(en) < coarseMin {
				t.Fatalf("test text has %d units, want at least %d to reach the long-text search", len(zh)+len(en), coarseMin)
			}
			al, err := (&Aligner{Scorers: tt.scorers}).AlignSentences(zh, en)
			if err != nil {
				t.Fatalf("AlignSentences: %v", err)
			}
			checkBeads(t, al.Beads, len(zh), len(en))
			right := 0
			for _, b := range al.Beads {
				switch {
				case b.ZH.Len() == 1 && b.EN.Len() == 1 && gold[b.ZH.Start] == b.EN.Start:
					right++
				case b.ZH.Len() == 1 && b.EN.Len() == 0 && gold[b.ZH.Start] == -1:
					right++
				}
			}
			if share := float64(right) / float64(len(zh)); share < tt.min {
				t.Errorf("%d of %d Chinese units paired as in the gold (%.3f), want at least %.2f", right, len(zh), share, tt.min)
			}
		})
	}
}

// TestCoarsePathFollowsShift checks the coarse-to-fine length path alone
// on random lengths with a stretch of 20 English units left out: the path
// must stay within the first search's band of the true alignment
// everywhere. (Longer omissions are spread by length alone over the
// neighbouring beads, 30 units off for 40 left out: the anchors and the
// lexicon find them, through the widening.)
func TestCoarsePathFollowsShift(t *testing.T) {
	const cut = 20
	r := rand.New(rand.NewPCG(7, 8))
	var zh, en []string
	truth := []int{} // English unit of each Chinese unit, −1 when left out
	for i := 0; i < 6000; i++ {
		n := 5 + r.IntN(60)
		zh = append(zh, strings.Repeat("中", n))
		if i >= 2500 && i < 2500+cut {
			truth = append(truth, -1)
			continue
		}
		truth = append(truth, len(en))
		en = append(en, strings.Repeat("w", 3*n+r.IntN(n+1)))
	}
	a := &Aligner{Scorers: []Scorer{LengthScorer{}}}
	run := a.newRun(zh, en, a.priors(), true)
	b := block{z: Range{0, len(zh)}, e: Range{0, len(en)}}
	from, to := search.Rows(run.coarsePath(b), b.z.Len(), b.e.Len())
	worst := 0
	for i, j := range truth {
		if j < 0 {
			continue
		}
		d := max(from[i]-j, j-to[i], 0)
		worst = max(worst, d)
	}
	if worst > 12 {
		t.Errorf("coarse path runs %d units from the true alignment, want at most 12 (the first search's band)", worst)
	}
}
