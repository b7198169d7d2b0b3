package search

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/bitextlab/zhen/internal/dp"
)

// testMoves are the bead shapes of the random problems.
var testMoves = []dp.Move{
	{DI: 1, DJ: 1, Cost: 0.3}, {DI: 1, DJ: 2, Cost: 1.8}, {DI: 2, DJ: 1, Cost: 1.8},
	{DI: 1, DJ: 0, Cost: 5}, {DI: 0, DJ: 1, Cost: 5}, {DI: 2, DJ: 2, Cost: 3}, {DI: 1, DJ: 3, Cost: 3},
}

// randomProblem returns an n × m problem whose bead costs are random (a
// fixed function of the seed and the bead), and the optimum path found by
// searching the full grid.
func randomProblem(seed uint64, n, m int) (Problem, []dp.Step, float64) {
	cost := func(i, j, di, dj int, _ float64) float64 {
		r := rand.New(rand.NewPCG(seed, uint64(i)<<40|uint64(j)<<16|uint64(di)<<8|uint64(dj)))
		// Mostly cheap near a random diagonal, dearer away from it.
		d := math.Abs(float64(j)*float64(n+1)/float64(m+1) - float64(i))
		return r.Float64()*4 + d/4
	}
	p := Problem{N: n, M: m, Moves: testMoves, Cost: cost}
	full := dp.Band{Lo: make([]int, n+1), Hi: make([]int, n+1)}
	for i := range full.Hi {
		full.Hi[i] = m
	}
	res, ok := dp.SearchBounded(n, m, testMoves, cost, full, nil)
	if !ok {
		return p, nil, math.Inf(1)
	}
	return p, res.Path, res.Cost
}

// checkPath reports a path that is not monotone, contiguous and covering
// from (0, 0) to (n, m).
func checkPath(path []dp.Step, n, m int) error {
	i, j := 0, 0
	for k, s := range path {
		if s.I != i || s.J != j || s.DI < 0 || s.DJ < 0 || s.DI+s.DJ == 0 {
			return fmt.Errorf("step %d %+v does not continue from (%d, %d)", k, s, i, j)
		}
		i, j = i+s.DI, j+s.DJ
	}
	if i != n || j != m {
		return fmt.Errorf("path ends at (%d, %d), want (%d, %d)", i, j, n, m)
	}
	return nil
}

func pathCost(p Problem, path []dp.Step) float64 {
	var c float64
	for _, s := range path {
		for _, mv := range p.Moves {
			if mv.DI == s.DI && mv.DJ == s.DJ {
				c += mv.Cost
			}
		}
		c += p.Cost(s.I, s.J, s.DI, s.DJ, math.Inf(1))
	}
	return c
}

// inBand reports whether every point of path lies in band.
func inBand(path []dp.Step, band dp.Band) bool {
	for _, s := range path {
		for di := 0; di <= s.DI; di++ {
			for _, j := range []int{s.J, s.J + s.DJ} {
				if i := s.I + di; j < band.Lo[i] || j > band.Hi[i] {
					return false
				}
			}
		}
	}
	return true
}

// FuzzAround checks the widening search on random cost matrices: its path
// is monotone and covering, and its cost equals the full search's
// whenever the first band (around the previous path, or its hull with a
// second path) already holds the optimum path.
func FuzzAround(f *testing.F) {
	f.Add(uint64(1), uint8(20), uint8(25), uint8(2), uint64(7))
	f.Add(uint64(2), uint8(40), uint8(12), uint8(1), uint64(3))
	f.Add(uint64(3), uint8(1), uint8(9), uint8(3), uint64(5))
	f.Fuzz(func(t *testing.T, seed uint64, nb, mb, wb uint8, pseed uint64) {
		n, m, w := int(nb%60), int(mb%60), int(wb%6)
		p, opt, optCost := randomProblem(seed, n, m)
		if opt == nil && n > 0 && m > 0 {
			t.Skip("no path")
		}
		// A previous path: another random problem's optimum.
		_, prev, _ := randomProblem(pseed, n, m)
		if prev == nil {
			prev = Omissions(n, m)
		}
		got, _ := p.Around(prev, nil, w)
		if err := checkPath(got, n, m); err != nil {
			t.Fatalf("Around: %v", err)
		}
		if n == 0 || m == 0 {
			return
		}
		if inBand(opt, Around(prev, n, m, w)) {
			if c := pathCost(p, got); math.Abs(c-optCost) > 1e-9 {
				t.Fatalf("Around: cost %.6f, full search %.6f, with the optimum inside the band", c, optCost)
			}
		}
		if c := pathCost(p, got); c < optCost-1e-9 {
			t.Fatalf("Around: cost %.6f below the full search's %.6f", c, optCost)
		}
		// With a second path (a third problem's optimum): the hull
		// holds the band around prev, and the search finds the optimum
		// whenever the hull holds it.
		_, alt, _ := randomProblem(pseed+1, n, m)
		if alt != nil {
			hull, around := Hull(prev, alt, n, m, max(w, 1)), Around(prev, n, m, max(w, 1))
			for i := 0; i <= n; i++ {
				if hull.Lo[i] > around.Lo[i] || hull.Hi[i] < around.Hi[i] {
					t.Fatalf("row %d: hull [%d, %d] misses part of the band around prev [%d, %d]", i, hull.Lo[i], hull.Hi[i], around.Lo[i], around.Hi[i])
				}
			}
			ga, _ := p.Around(prev, alt, w)
			if err := checkPath(ga, n, m); err != nil {
				t.Fatalf("Around with alt: %v", err)
			}
			c := pathCost(p, ga)
			if c < optCost-1e-9 || inBand(opt, hull) && math.Abs(c-optCost) > 1e-9 {
				t.Fatalf("Around with alt: cost %.6f, full search %.6f (optimum inside the hull: %v)", c, optCost, inBand(opt, hull))
			}
		}
		// Centred on the diagonal: the same when the band holds the
		// optimum.
		center := func(i int) float64 { return float64(i) * float64(m) / float64(n) }
		cg := p.Centred(center, w)
		if err := checkPath(cg, n, m); err != nil {
			t.Fatalf("Centred: %v", err)
		}
		if inBand(opt, dp.NewBand(n, m, float64(w), center)) {
			if c := pathCost(p, cg); math.Abs(c-optCost) > 1e-9 {
				t.Fatalf("Centred: cost %.6f, full search %.6f, with the optimum inside the band", c, optCost)
			}
		}
	})
}

// FuzzCoarsePath checks that the coarse-to-fine path is monotone and
// covering for any sizes and costs.
func FuzzCoarsePath(f *testing.F) {
	f.Add(uint64(1), uint16(3000), uint16(500))
	f.Add(uint64(2), uint16(1), uint16(2500))
	f.Add(uint64(3), uint16(1025), uint16(1023))
	f.Fuzz(func(t *testing.T, seed uint64, nb, mb uint16) {
		n, m := int(nb%4000), int(mb%4000)
		cost := func(lv int) dp.CostFunc {
			return func(i, j, di, dj int) float64 {
				r := rand.New(rand.NewPCG(seed+uint64(lv), uint64(i)<<32|uint64(j)))
				return r.Float64()*3 + math.Abs(float64(j)*float64(GroupCount(n, lv))-float64(i)*float64(GroupCount(m, lv)))/float64(GroupCount(n, lv)+1)
			}
		}
		if err := checkPath(CoarsePath(n, m, cost, nil), n, m); err != nil {
			t.Fatalf("CoarsePath(%d, %d): %v", n, m, err)
		}
	})
}
