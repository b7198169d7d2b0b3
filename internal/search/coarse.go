package search

import (
	"math"

	"github.com/bitextlab/zhen/internal/dp"
)

// Coarse-to-fine (after Vecalign, Thompson and Koehn 2019): the units of
// each side are grouped in pairs again and again until the grid of groups
// is small, the groups are aligned on the full grid, and the path found
// is projected onto the grid one level finer, where it is refined inside
// a narrow band around the projection. Every level costs time in
// proportion to its size, so the whole costs about twice the finest level
// searched: linear in the number of units, whatever the costs.

// CoarseCells is the largest grid (groups × groups) aligned in full at
// the top level.
//
// It and CoarseBand set most of the coarse levels' work. On the 42,687 ×
// 32,767-line Bible (the pair of issue 9), 2^20 and 8 searched 1.16M
// group cells, 2^18 and 6 search 0.75M (the coarse path was a sixth of
// the aligner's time), and the beads come out the same there, on the
// long dev set at every size of BenchmarkAlignLongSizes, and on the
// realistic, missing-chapter and chunked benchmarks. A band of 4 (0.58M)
// was one step too narrow: on lengths alone, with 20 units left out,
// the path ran 15 units off the truth against 7
// (TestCoarsePathFollowsShift); 5 to 8 all give 7. A top grid of 2^16
// saves little more (0.69M): the finer levels cost the most.
const CoarseCells = 1 << 18

// CoarseBand is the half-width, in groups, of the band around a projected
// path at each level; it doubles where the path touches its edge, up to
// CoarseBandMax.
const (
	CoarseBand    = 6
	CoarseBandMax = 64
)

// CoarseMoves are the group bead shapes and their costs (−log prior): at
// group level most beads are 1-1, and a group boundary that falls inside a
// unit's counterpart shows as a 1-2 or 2-1 next to it.
var CoarseMoves = []dp.Move{
	{DI: 1, DJ: 1, Cost: -math.Log(0.8)},
	{DI: 1, DJ: 2, Cost: -math.Log(0.07)},
	{DI: 2, DJ: 1, Cost: -math.Log(0.07)},
	{DI: 1, DJ: 3, Cost: -math.Log(0.01)},
	{DI: 3, DJ: 1, Cost: -math.Log(0.01)},
	{DI: 1, DJ: 0, Cost: -math.Log(0.01)},
	{DI: 0, DJ: 1, Cost: -math.Log(0.01)},
}

// Levels returns the number of times an n × m grid is halved (units
// grouped in pairs) before it has at most CoarseCells cells, or a side has
// fewer than 2 groups.
func Levels(n, m int) int {
	lv := 0
	for n*m > CoarseCells && n >= 2 && m >= 2 {
		n, m = (n+1)/2, (m+1)/2
		lv++
	}
	return lv
}

// GroupCount is the number of groups of 2^lv units that n units make.
func GroupCount(n, lv int) int {
	for ; lv > 0; lv-- {
		n = (n + 1) / 2
	}
	return n
}

// CoarsePath returns a path through the n × m grid found coarse to fine:
// the top level (Levels(n, m)) in full, each finer one down to level 1 in
// a band around the projection of the one above, and the last projected
// onto the units (level 0), for the real search to refine. cost(lv)
// prices a bead of groups of 2^lv units at level lv (group k holds units
// k·2^lv to (k+1)·2^lv−1, the last group the rest). stop, when not nil,
// is asked before each level: once it reports true, CoarsePath gives up
// and returns the omissions path.
func CoarsePath(n, m int, cost func(lv int) dp.CostFunc, stop func() bool) []dp.Step {
	if n == 0 || m == 0 || stop != nil && stop() {
		return Omissions(n, m)
	}
	top := Levels(n, m)
	nz, ne := GroupCount(n, top), GroupCount(m, top)
	full := dp.Band{Lo: make([]int, nz+1), Hi: make([]int, nz+1)}
	for i := range full.Hi {
		full.Hi[i] = ne
	}
	path := Omissions(nz, ne)
	if res, ok := dp.Search(nz, ne, CoarseMoves, cost(top), full); ok {
		path = res.Path
	}
	for lv := top - 1; lv >= 0; lv-- {
		gz, ge := GroupCount(n, lv), GroupCount(m, lv)
		path = Project(path, gz, ge)
		if lv == 0 {
			break // the real search refines the finest level
		}
		if stop != nil && stop() {
			return Omissions(n, m)
		}
		path = refine(gz, ge, cost(lv), path)
	}
	return path
}

// Project maps a path over groups onto the grid one level finer (n × m
// units; group k holds units 2k and 2k+1).
func Project(path []dp.Step, n, m int) []dp.Step {
	out := make([]dp.Step, 0, len(path))
	for _, s := range path {
		i0, j0 := min(2*s.I, n), min(2*s.J, m)
		i1, j1 := min(2*(s.I+s.DI), n), min(2*(s.J+s.DJ), m)
		out = append(out, dp.Step{I: i0, J: j0, DI: i1 - i0, DJ: j1 - j0})
	}
	return out
}

// CoarseBudget bounds the cells refining one level may search, per group
// of the level: on text whose pieces repeat (the same paragraphs again and
// again) the path may touch its band's edge nearly everywhere, and each
// widening searches the whole level again.
const CoarseBudget = 3 * (2*CoarseBand + 1)

// refine aligns one level (n × m groups) inside a band around the path
// projected from the level above, widening where the path touches the
// band's edge, while the cells searched stay within CoarseBudget per
// group.
func refine(n, m int, cost dp.CostFunc, prev []dp.Step) []dp.Step {
	hw := make([]int, n+1)
	for i := range hw {
		hw[i] = CoarseBand
	}
	path := prev
	budget := CoarseBudget * (n + m + 2)
	for {
		band := AroundWidths(path, n, m, hw)
		if budget -= band.Cells(); budget < 0 && path != nil {
			return path
		}
		res, ok := dp.Search(n, m, CoarseMoves, cost, band)
		if !ok {
			return path
		}
		if !WidenRows(hw, Touches(res.Path, band, n, m), CoarseBandMax) {
			return res.Path
		}
		path = res.Path
	}
}

// Split divides each step of path into min(DI, DJ) steps of about the
// same shape along its diagonal (a step with an empty side into single
// units): a 2-2 step of a projected coarse path becomes two 1-1 steps, a
// 4-2 step two 2-1 steps. The path crosses the same grid, but a band
// around it is narrower where the group steps were wide.
func Split(path []dp.Step) []dp.Step {
	out := make([]dp.Step, 0, len(path)+len(path)/2)
	for _, s := range path {
		k := min(s.DI, s.DJ)
		if k == 0 {
			k = max(s.DI, s.DJ)
		}
		if k <= 1 {
			out = append(out, s)
			continue
		}
		pi, pj := s.I, s.J
		for t := 1; t <= k; t++ {
			i, j := s.I+(t*s.DI+k/2)/k, s.J+(t*s.DJ+k/2)/k
			out = append(out, dp.Step{I: pi, J: pj, DI: i - pi, DJ: j - pj})
			pi, pj = i, j
		}
	}
	return out
}
