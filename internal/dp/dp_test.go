package dp

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var testMoves = []Move{
	{1, 1, 0.1}, {1, 0, 3}, {0, 1, 3}, {1, 2, 1}, {2, 1, 1}, {2, 2, 2}, {1, 3, 2}, {3, 1, 2},
}

// randomCost returns a deterministic pseudo-random cost function.
func randomCost(seed uint64) CostFunc {
	return func(i, j, di, dj int) float64 {
		h := uint64(i)*1000003 ^ uint64(j)*999983 ^ uint64(di)*131 ^ uint64(dj)*17 ^ seed
		h ^= h >> 29
		h *= 0xbf58476d1ce4e5b9
		h ^= h >> 32
		return float64(h%1000) / 100
	}
}

func fullBand(n, m int) Band {
	return NewBand(n, m, float64(n+m+1), func(int) float64 { return 0 })
}

// checkPath checks that a path covers the grid exactly, monotone.
func checkPath(t *testing.T, n, m int, p []Step) {
	t.Helper()
	i, j := 0, 0
	for _, s := range p {
		if s.I != i || s.J != j || s.DI+s.DJ == 0 {
			t.Fatalf("path step %+v does not continue from (%d,%d)", s, i, j)
		}
		i, j = i+s.DI, j+s.DJ
	}
	if i != n || j != m {
		t.Fatalf("path ends at (%d,%d), want (%d,%d)", i, j, n, m)
	}
}

// TestBandMatchesFull checks that a band wide enough to hold the best path
// finds the same path as the full grid.
func TestBandMatchesFull(t *testing.T) {
	tests := []struct {
		name string
		n, m int
		seed uint64
	}{
		{name: "square", n: 30, m: 30, seed: 1},
		{name: "more english", n: 25, m: 40, seed: 2},
		{name: "more chinese", n: 40, m: 22, seed: 3},
		{name: "one row", n: 1, m: 7, seed: 4},
		{name: "one column", n: 6, m: 1, seed: 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cost := randomCost(tt.seed)
			full, ok := Search(tt.n, tt.m, testMoves, cost, fullBand(tt.n, tt.m))
			if !ok {
				t.Fatal("no path in the full grid")
			}
			checkPath(t, tt.n, tt.m, full.Path)
			if full.Touched {
				t.Errorf("full band reports Touched")
			}
			// A band around the best path, 3 wide, finds it again.
			from := make([]int, tt.n+1)
			to := make([]int, tt.n+1)
			for i := range from {
				from[i], to[i] = tt.m, 0
			}
			mark := func(i, j int) { from[i] = min(from[i], j); to[i] = max(to[i], j) }
			mark(0, 0)
			for _, s := range full.Path {
				for d := 0; d <= s.DI; d++ {
					mark(s.I+d, s.J)
					mark(s.I+d, s.J+s.DJ)
				}
			}
			band, ok2 := Search(tt.n, tt.m, testMoves, cost, BandAround(tt.n, tt.m, 3, from, to))
			if !ok2 {
				t.Fatal("no path in the band")
			}
			if diff := cmp.Diff(full.Path, band.Path); diff != "" {
				t.Errorf("banded path mismatch (-full +band):\n%s", diff)
			}
			if math.Abs(full.Cost-band.Cost) > 1e-9 {
				t.Errorf("cost %v in band, %v in full grid", band.Cost, full.Cost)
			}
		})
	}
}

// TestNarrowBandTouches checks that a band that cuts off the best path says
// so.
func TestNarrowBandTouches(t *testing.T) {
	n, m := 20, 20
	// Cheap to go along the top edge first (0-1 moves), dear on the diagonal.
	cost := func(i, j, di, dj int) float64 {
		if i == 0 && di == 0 {
			return 0
		}
		if j == m && dj == 0 {
			return 0
		}
		return 10
	}
	res, ok := Search(n, m, testMoves, cost, NewBand(n, m, 2, func(i int) float64 { return float64(i) }))
	if !ok {
		t.Fatal("no path")
	}
	checkPath(t, n, m, res.Path)
	if !res.Touched {
		t.Errorf("Touched = false for a band that cuts off the cheap path")
	}
}

// TestNewBandShape checks the band invariants for random centres.
func TestNewBandShape(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		n, m := r.IntN(50), r.IntN(50)
		w := 1 + r.Float64()*5
		jit := r.Float64() * 10
		b := NewBand(n, m, w, func(i int) float64 { return float64(i)*float64(m)/float64(max(n, 1)) + jit*(r.Float64()-0.5) })
		if b.Lo[0] != 0 || b.Hi[n] != m {
			t.Fatalf("band (n=%d, m=%d) misses a corner: Lo[0]=%d Hi[n]=%d", n, m, b.Lo[0], b.Hi[n])
		}
		for i := 0; i <= n; i++ {
			if b.Lo[i] > b.Hi[i] || b.Lo[i] < 0 || b.Hi[i] > m {
				t.Fatalf("row %d: [%d, %d] out of [0, %d]", i, b.Lo[i], b.Hi[i], m)
			}
			if i > 0 && (b.Lo[i] < b.Lo[i-1] || b.Hi[i] < b.Hi[i-1] || b.Lo[i] > b.Hi[i-1]) {
				t.Fatalf("rows %d-%d not monotone or not connected: [%d,%d] [%d,%d]", i-1, i, b.Lo[i-1], b.Hi[i-1], b.Lo[i], b.Hi[i])
			}
		}
		res, ok := Search(n, m, testMoves, randomCost(uint64(n*m)), b)
		if !ok {
			t.Fatalf("no path in band n=%d m=%d", n, m)
		}
		checkPath(t, n, m, res.Path)
	}
}

func TestInfiniteCosts(t *testing.T) {
	inf := func(i, j, di, dj int) float64 { return math.Inf(1) }
	if _, ok := Search(3, 3, testMoves, inf, fullBand(3, 3)); ok {
		t.Errorf("Search found a path although every bead costs +Inf")
	}
	res, ok := Search(0, 0, testMoves, inf, fullBand(0, 0))
	if !ok || len(res.Path) != 0 {
		t.Errorf("empty grid: ok=%v path=%v, want ok and empty", ok, res.Path)
	}
}

// TestSearchBoundedSame checks that a cost function that prunes from a
// lower bound (returning +Inf when the bound is above the limit) finds
// the same path and cost as the unbounded search, and that it does prune.
func TestSearchBoundedSame(t *testing.T) {
	tests := []struct {
		name string
		n, m int
		seed uint64
	}{
		{name: "square", n: 40, m: 40, seed: 11},
		{name: "more english", n: 30, m: 50, seed: 12},
		{name: "more chinese", n: 50, m: 26, seed: 13},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cost := randomCost(tt.seed)
			band := NewBand(tt.n, tt.m, 6, func(i int) float64 { return float64(i) * float64(tt.m) / float64(tt.n) })
			want, ok := Search(tt.n, tt.m, testMoves, cost, band)
			if !ok {
				t.Fatal("Search found no path")
			}
			pruned, calls := 0, 0
			bounded := func(i, j, di, dj int, limit float64) float64 {
				calls++
				// The random costs lie in [0, 10): a lower bound of
				// half the true cost keeps the bound honest.
				c := cost(i, j, di, dj)
				if c/2 > limit {
					pruned++
					return math.Inf(1)
				}
				return c
			}
			got, ok := SearchBounded(tt.n, tt.m, testMoves, bounded, band, nil)
			if !ok {
				t.Fatal("SearchBounded found no path")
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("SearchBounded() mismatch (-want +got):\n%s", diff)
			}
			if pruned == 0 {
				t.Errorf("no bead pruned in %d calls", calls)
			}
		})
	}
}

// TestSearchBeam checks beam pruning: a wide beam finds the exact path
// with fewer cost calls in a wide band, an infinite beam is
// SearchBounded, and a path found under any beam is complete and no
// cheaper than the optimum (a narrow beam may find none: ok is false).
func TestSearchBeam(t *testing.T) {
	// Costs that make the diagonal cheap (0.1) and everything else dear,
	// so that a beam can discard the cells far from it.
	diag := func(i, j, di, dj int) float64 {
		if di == dj && i == j {
			return 0.1
		}
		return 5
	}
	tests := []struct {
		name      string
		n, m      int
		cost      CostFunc
		beam      float64
		wantExact bool
		wantFewer bool
	}{
		{name: "diagonal, beam 20", n: 60, m: 60, cost: diag, beam: 20, wantExact: true, wantFewer: true},
		{name: "random, infinite beam", n: 40, m: 50, cost: randomCost(21), beam: math.Inf(1), wantExact: true},
		{name: "random, beam 1", n: 40, m: 50, cost: randomCost(22), beam: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			band := fullBand(tt.n, tt.m)
			exactCalls, beamCalls := 0, 0
			want, ok := SearchBounded(tt.n, tt.m, testMoves, func(i, j, di, dj int, _ float64) float64 {
				exactCalls++
				return tt.cost(i, j, di, dj)
			}, band, nil)
			if !ok {
				t.Fatal("SearchBounded found no path")
			}
			got, ok := SearchBeam(tt.n, tt.m, testMoves, func(i, j, di, dj int, _ float64) float64 {
				beamCalls++
				return tt.cost(i, j, di, dj)
			}, band, nil, tt.beam)
			if !ok {
				if tt.wantExact {
					t.Fatal("SearchBeam found no path")
				}
				return // a narrow beam may cut every path to (n, m): reported, not hidden
			}
			checkPath(t, tt.n, tt.m, got.Path)
			if got.Cost < want.Cost-1e-9 {
				t.Errorf("beam path cost %v below the exact optimum %v", got.Cost, want.Cost)
			}
			if tt.wantExact {
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("SearchBeam() mismatch (-want +got):\n%s", diff)
				}
			}
			if tt.wantFewer && beamCalls*2 > exactCalls {
				t.Errorf("beam made %d cost calls, exact search %d: want at most half", beamCalls, exactCalls)
			}
		})
	}
}
