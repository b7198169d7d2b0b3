// Package dp is the dynamic-programming search behind the aligner: a
// monotone path through the (Chinese sentence, English sentence) grid made of
// beads (moves of di Chinese and dj English sentences), restricted to a band
// so that time and memory grow with the number of sentences times the band
// width, never with N×M.
package dp

import (
	"math"
	"sort"
)

// Move is one bead shape the search may use: DI Chinese and DJ English items,
// with a fixed cost (usually −log of the bead type's prior).
type Move struct {
	DI, DJ int
	Cost   float64
}

// CostFunc returns the extra cost of the bead made of Chinese items
// [i, i+di) and English items [j, j+dj). It may return +Inf to forbid it.
type CostFunc func(i, j, di, dj int) float64

// Band restricts the cells (i, j) the search visits: for row i (0 ≤ i ≤ n)
// only Lo[i] ≤ j ≤ Hi[i]. Lo and Hi are non-decreasing, Lo[0] = 0, Hi[n] = m
// and consecutive rows overlap (Lo[i+1] ≤ Hi[i]).
type Band struct {
	Lo, Hi []int
}

// Cells returns the number of cells in the band.
func (b Band) Cells() int {
	t := 0
	for i := range b.Lo {
		t += b.Hi[i] - b.Lo[i] + 1
	}
	return t
}

// NewBand builds a band of half-width w around center, a non-decreasing
// function from row i (0..n) to a fractional column. The result is clipped
// to [0, m], made monotone and connected.
func NewBand(n, m int, w float64, center func(i int) float64) Band {
	lo := make([]int, n+1)
	hi := make([]int, n+1)
	for i := 0; i <= n; i++ {
		c := center(i)
		l := int(math.Floor(c - w))
		h := int(math.Ceil(c + w))
		lo[i] = clamp(l, 0, m)
		hi[i] = clamp(h, 0, m)
	}
	return fixBand(lo, hi, m)
}

// BandAround builds a band of half-width w around a path given as the column
// of each row (cols[i] for i in 0..n, each row may span several columns:
// from[i]..cols[i]).
func BandAround(n, m int, w int, from, to []int) Band {
	lo := make([]int, n+1)
	hi := make([]int, n+1)
	for i := 0; i <= n; i++ {
		lo[i] = clamp(from[i]-w, 0, m)
		hi[i] = clamp(to[i]+w, 0, m)
	}
	return fixBand(lo, hi, m)
}

func fixBand(lo, hi []int, m int) Band {
	n := len(lo) - 1
	lo[0] = 0
	hi[n] = m
	for i := 1; i <= n; i++ {
		if lo[i] < lo[i-1] {
			lo[i] = lo[i-1]
		}
	}
	for i := n - 1; i >= 0; i-- {
		if hi[i] > hi[i+1] {
			hi[i] = hi[i+1]
		}
	}
	for i := 0; i <= n; i++ {
		if hi[i] < lo[i] {
			hi[i] = lo[i]
		}
	}
	// Connect consecutive rows.
	for i := 0; i < n; i++ {
		if lo[i+1] > hi[i] {
			hi[i] = lo[i+1]
		}
	}
	// Keep Hi monotone after connecting.
	for i := 1; i <= n; i++ {
		if hi[i] < hi[i-1] {
			hi[i] = hi[i-1]
		}
	}
	return Band{Lo: lo, Hi: hi}
}

func clamp(x, a, b int) int {
	if x < a {
		return a
	}
	if x > b {
		return b
	}
	return x
}

// Step is one bead of the path found: items [I, I+DI) and [J, J+DJ), with
// the cost that bead added.
type Step struct {
	I, J, DI, DJ int
	Cost         float64
}

// Result is the outcome of Search.
type Result struct {
	Path []Step
	Cost float64
	// Touched reports that the path runs along the band's edge somewhere
	// the edge is not the grid's border: a wider band might find a better
	// path.
	Touched bool
}

// Search finds the cheapest monotone path from (0,0) to (n,m) inside band
// using moves. It returns ok=false when no path exists inside the band (all
// costs infinite). Memory is one float64 and one byte per band cell.
func Search(n, m int, moves []Move, cost CostFunc, band Band) (Result, bool) {
	return SearchProgress(n, m, moves, cost, band, nil)
}

// ProgressEvery is how many rows SearchProgress completes between calls of
// its progress function.
const ProgressEvery = 2048

// SearchProgress is Search calling progress(i) after every ProgressEvery
// rows (i rows done), for long searches. progress may be nil.
func SearchProgress(n, m int, moves []Move, cost CostFunc, band Band, progress func(i int)) (Result, bool) {
	return SearchBounded(n, m, moves, func(i, j, di, dj int, _ float64) float64 { return cost(i, j, di, dj) }, band, progress)
}

// BoundedCostFunc is a CostFunc told the limit above which its bead cannot
// win: it may return +Inf instead of the cost when it knows the cost is
// more than limit (limit is +Inf when nothing is known yet). This lets an
// expensive cost stop early, from a lower bound, on beads that are
// clearly worse than one already found.
type BoundedCostFunc func(i, j, di, dj int, limit float64) float64

// SearchBounded is SearchProgress with a cost function that may prune.
// Each cell tries the moves in order of their fixed cost (cheapest prior
// first), so that a good bead is found early and the limit is tight; ties
// go to the move listed first in moves, as in Search. The path is the
// same as Search's with the unbounded costs whenever the cost function
// only prunes beads whose cost is strictly above the limit.
func SearchBounded(n, m int, moves []Move, cost BoundedCostFunc, band Band, progress func(i int)) (Result, bool) {
	return SearchBeam(n, m, moves, cost, band, progress, math.Inf(1))
}

// SearchBeam is SearchBounded with beam pruning: a cell whose score is
// more than beam above the best score of its row (among the cells of that
// row already computed) is not extended. In a wide band most cells lie far
// from any good path and cost nothing then; the path found may differ
// from SearchBounded's only where a path that is, for a while, beam worse
// than the best in its row would have won in the end. A beam of +Inf
// prunes nothing. ok is false also when the beam cut every path to
// (n, m); the caller then keeps what it had or searches without a beam.
func SearchBeam(n, m int, moves []Move, cost BoundedCostFunc, band Band, progress func(i int), beam float64) (Result, bool) {
	order := make([]int, len(moves))
	for k := range order {
		order[k] = k
	}
	sort.SliceStable(order, func(a, b int) bool { return moves[order[a]].Cost < moves[order[b]].Cost })
	off := make([]int, n+2)
	for i := 0; i <= n; i++ {
		off[i+1] = off[i] + band.Hi[i] - band.Lo[i] + 1
	}
	total := off[n+1]
	score := make([]float64, total)
	back := make([]uint8, total)
	inf := math.Inf(1)
	for k := range score {
		score[k] = inf
	}
	score[0] = 0 // cell (0, 0): Lo[0] = 0
	back[0] = 255
	rowMin := make([]float64, n+1) // best score of each row so far
	for i := range rowMin {
		rowMin[i] = inf
	}
	rowMin[0] = 0
	// The moves in the order tried, with their indices in moves.
	type tried struct {
		Move
		mi uint8
	}
	ord := make([]tried, len(order))
	for k, mi := range order {
		ord[k] = tried{moves[mi], uint8(mi)}
	}
	bLo, bHi := band.Lo, band.Hi
	for i := 0; i <= n; i++ {
		lo, hi := bLo[i], bHi[i]
		row := off[i]
		for j := lo; j <= hi; j++ {
			if i == 0 && j == 0 {
				continue
			}
			best := inf
			bm := uint8(255)
			for _, t := range ord {
				mv := t.Move
				pi, pj := i-mv.DI, j-mv.DJ
				if pi < 0 || pj < 0 {
					continue
				}
				plo := bLo[pi]
				if pj < plo || pj > bHi[pi] {
					continue
				}
				ps := score[off[pi]+pj-plo]
				if ps == inf || ps > rowMin[pi]+beam {
					continue
				}
				s := ps + mv.Cost + cost(pi, pj, mv.DI, mv.DJ, best-ps-mv.Cost)
				if s < best || s == best && s != inf && t.mi < bm {
					best = s
					bm = t.mi
				}
			}
			score[row+j-lo] = best
			back[row+j-lo] = bm
			if best < rowMin[i] {
				rowMin[i] = best
			}
		}
		if progress != nil && i > 0 && i%ProgressEvery == 0 {
			progress(i)
		}
	}
	end := off[n] + m - band.Lo[n]
	if score[end] == inf {
		return Result{}, false
	}
	var res Result
	res.Cost = score[end]
	// Back from the end twice: to count the steps, then to fill a path
	// of that exact length from its end (long paths are kept a while).
	steps := 0
	for i, j := n, m; i > 0 || j > 0; steps++ {
		mv := moves[back[off[i]+j-band.Lo[i]]]
		i, j = i-mv.DI, j-mv.DJ
	}
	if steps > 0 {
		res.Path = make([]Step, steps)
	}
	i, j := n, m
	for s := steps - 1; i > 0 || j > 0; s-- {
		k := off[i] + j - band.Lo[i]
		mv := moves[back[k]]
		pi, pj := i-mv.DI, j-mv.DJ
		c := score[k] - score[off[pi]+pj-band.Lo[pi]]
		res.Path[s] = Step{I: pi, J: pj, DI: mv.DI, DJ: mv.DJ, Cost: c}
		if (j == band.Lo[i] && j > 0 && i > 0) || (j == band.Hi[i] && j < m && i < n) {
			res.Touched = true
		}
		i, j = pi, pj
	}
	return res, true
}
