package align

import (
	"math"
	"testing"
)

// TestZeroOnNull checks what costLimit relies on: every built-in scoring
// that says it costs nothing for a bead with an empty side (zeroOnNull)
// returns exactly 0 for each 1-0, 0-1 and run of them up to the longest
// omission run, at every position of the press pair (edges included),
// before and after learning; and costLimit prices such beads as the sum
// over all scorings would.
func TestZeroOnNull(t *testing.T) {
	zh := omissionLines(t, "../testdata/align/press001.zh")
	en := omissionLines(t, "../testdata/align/press001.en")
	a := &Aligner{}
	r := a.newRun(zh, en, a.priors(), true)
	claims := 0
	check := func(stage string) {
		t.Helper()
		for k := 1; k <= omissionRunMax; k++ {
			for _, side := range [2]bool{true, false} {
				n, m := len(zh), len(en)
				if !side {
					n, m = m, n
				}
				for at := 0; at+k <= n; at++ {
					for _, other := range []int{0, m / 2, m} {
						zr, er := Range{at, at + k}, Range{other, other}
						if !side {
							zr, er = Range{other, other}, Range{at, at + k}
						}
						var sum float64
						for x, s := range r.scorings {
							c := s.Cost(zr, er)
							if _, ok := s.(zeroOnNull); ok {
								claims++
								if c != 0 {
									t.Fatalf("%s: %s costs %v for %v:%v, want 0 (it is a zeroOnNull)", stage, r.names[x], c, zr, er)
								}
							}
							sum += c
						}
						if zr.Start == zr.End && (zr.Start == 0 || zr.Start == len(zh)) || er.Start == er.End && (er.Start == 0 || er.Start == len(en)) {
							sum -= edgeBonus
						}
						for _, limit := range []float64{math.Inf(1), 0, -100} {
							if got := r.costLimit(zr.Start, er.Start, zr.Len(), er.Len(), limit); got != sum {
								t.Fatalf("%s: costLimit of %v:%v (limit %v) = %v, want the sum %v", stage, zr, er, limit, got, sum)
							}
						}
					}
				}
			}
		}
	}
	check("before learning")
	al, err := a.AlignSentences(zh, en)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range r.scorings {
		if l, ok := s.(Learner); ok {
			l.Learn(al.Beads)
		}
	}
	check("after learning")
	if claims == 0 {
		t.Fatal("no default scoring is a zeroOnNull: the test checks nothing")
	}
}
