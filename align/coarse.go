package align

import (
	"math"

	"github.com/bitextlab/zhen/internal/dp"
)

// Coarse-to-fine search for long blocks (after Vecalign, Thompson and
// Koehn 2019): the sentence lengths of each side are summed in pairs again
// and again until the grid of groups is small, the groups are aligned on
// the full grid by length alone, and the path found is projected onto the
// grid one level finer, where it is refined inside a narrow band around
// the projection. The finest projection centres the band of the real
// search. Every level costs time in proportion to its size, so the whole
// costs about twice the finest level: linear in the number of sentences,
// whatever the anchors. Sure anchors are not needed for scale (on
// repeated or anchor-poor text there are none); they still score every
// bead of the real search.

// coarseCells is the largest grid (groups × groups) aligned in full at
// the top level.
const coarseCells = 1 << 20

// coarseBand is the half-width, in groups, of the band around a projected
// path at each level; it doubles where the path touches its edge, up to
// coarseBandMax.
const (
	coarseBand    = 8
	coarseBandMax = 64
)

// coarseMoves are the group bead shapes and their costs (−log prior): at
// group level most beads are 1-1, and a group boundary that falls inside a
// sentence on one side shows as a 1-2 or 2-1 next to it.
var coarseMoves = []dp.Move{
	{DI: 1, DJ: 1, Cost: -math.Log(0.8)},
	{DI: 1, DJ: 2, Cost: -math.Log(0.07)},
	{DI: 2, DJ: 1, Cost: -math.Log(0.07)},
	{DI: 1, DJ: 3, Cost: -math.Log(0.01)},
	{DI: 3, DJ: 1, Cost: -math.Log(0.01)},
	{DI: 1, DJ: 0, Cost: -math.Log(0.01)},
	{DI: 0, DJ: 1, Cost: -math.Log(0.01)},
}

// coarsePath returns a path through block b (global steps) found by length
// and, when the scorers offer a lexicon, content, coarse to fine, to
// centre the first search's band on.
func (r *run) coarsePath(b block) []dp.Step {
	n, m := b.z.Len(), b.e.Len()
	// Level 0: the cumulative lengths of the block's units.
	zc := make([]float64, n+1)
	ec := make([]float64, m+1)
	for i := range n {
		zc[i+1] = zc[i] + r.zcum[b.z.Start+i+1] - r.zcum[b.z.Start+i]
	}
	for j := range m {
		ec[j+1] = ec[j] + r.ecum[b.e.Start+j+1] - r.ecum[b.e.Start+j]
	}
	zl, el := [][]float64{zc}, [][]float64{ec}
	// Content vectors from level 1 (level 0 is never searched here).
	var zv, ev [][]float32
	if r.lex != nil {
		z, e := r.lex.pairVectors(b.z, b.e)
		zv, ev = [][]float32{nil, z}, [][]float32{nil, e}
	}
	for {
		z, e := zl[len(zl)-1], el[len(el)-1]
		nz, ne := len(z)-1, len(e)-1
		if nz*ne <= coarseCells || nz < 2 || ne < 2 {
			break
		}
		zl = append(zl, halve(z))
		el = append(el, halve(e))
		if zv != nil && len(zl) > 2 {
			zv = append(zv, halveVecs(zv[len(zv)-1]))
			ev = append(ev, halveVecs(ev[len(ev)-1]))
		}
	}
	cost := func(lv int) dp.CostFunc {
		lc := r.lengthCost(zl[lv], el[lv])
		if zv == nil || lv == 0 {
			return lc
		}
		return contentCost(lc, zv[lv], ev[lv], lv, n, m)
	}
	top := len(zl) - 1
	nz, ne := len(zl[top])-1, len(el[top])-1
	full := dp.Band{Lo: make([]int, nz+1), Hi: make([]int, nz+1)}
	for i := range full.Hi {
		full.Hi[i] = ne
	}
	path := lengthSearch(nz, ne, cost(top), full)
	for lv := top - 1; lv >= 0; lv-- {
		path = project(path, len(zl[lv])-1, len(el[lv])-1)
		if lv == 0 {
			break // the real search refines the finest level
		}
		path = refineLevel(len(zl[lv])-1, len(el[lv])-1, cost(lv), path)
	}
	return globalSteps(path, b)
}

// contentLambda is the content cost of a group bead per sentence it
// holds, times one minus the cosine of its sides' vectors.
var contentLambda = 1.0

// contentCost adds to a level's length cost the content cost of each group
// bead: contentLambda × (sentences in the bead) × (1 − cosine); an
// omitted group counts as cosine 0. zv and ev are the level's group
// vectors; lv its depth (groups of 2^lv units of n and m).
func contentCost(lc dp.CostFunc, zv, ev []float32, lv, n, m int) dp.CostFunc {
	const maxSpan = 3
	zs, es := spanUnits(zv, maxSpan), spanUnits(ev, maxSpan)
	lam := contentLambda
	return func(i, j, di, dj int) float64 {
		c := lc(i, j, di, dj)
		sents := min((i+di)<<lv, n) - min(i<<lv, n) + min((j+dj)<<lv, m) - min(j<<lv, m)
		cos := 0.0
		if di > 0 && dj > 0 && di <= maxSpan && dj <= maxSpan {
			cos = float64(dot(zs[di-1][i*contentDim:], es[dj-1][j*contentDim:]))
		}
		return c + lam*float64(sents)*(1-cos)
	}
}

// halve sums a cumulative length array's units in pairs.
func halve(cum []float64) []float64 {
	n := len(cum) - 1
	out := make([]float64, 0, n/2+2)
	for i := 0; i < n; i += 2 {
		out = append(out, cum[i])
	}
	return append(out, cum[n])
}

// project maps a path over groups onto the grid one level finer (n × m
// units; group k holds units 2k and 2k+1).
func project(path []dp.Step, n, m int) []dp.Step {
	out := make([]dp.Step, 0, len(path))
	for _, s := range path {
		i0, j0 := min(2*s.I, n), min(2*s.J, m)
		i1, j1 := min(2*(s.I+s.DI), n), min(2*(s.J+s.DJ), m)
		out = append(out, dp.Step{I: i0, J: j0, DI: i1 - i0, DJ: j1 - j0})
	}
	return out
}

// refineLevel aligns one level (n × m groups) inside a band around the
// path projected from the level above, widening where the path touches the
// band's edge.
func refineLevel(n, m int, cost dp.CostFunc, prev []dp.Step) []dp.Step {
	blk := block{z: Range{0, n}, e: Range{0, m}}
	hw := make([]int, n+1)
	for i := range hw {
		hw[i] = coarseBand
	}
	path := prev
	for {
		band := bandAroundWidths(blk, path, hw)
		res, ok := dp.Search(n, m, coarseMoves, cost, band)
		if !ok {
			return path
		}
		if !widenRows(hw, touchedRows(res.Path, band, n, m), coarseBandMax) {
			return res.Path
		}
		path = res.Path
	}
}

// lengthSearch aligns n × m groups inside band.
func lengthSearch(n, m int, cost dp.CostFunc, band dp.Band) []dp.Step {
	res, ok := dp.Search(n, m, coarseMoves, cost, band)
	if !ok {
		return omissions(block{z: Range{0, n}, e: Range{0, m}})
	}
	return res.Path
}

// lengthCost is the cost of a group bead from its lengths: a normal model
// of the difference between the English length and c times the Chinese,
// with a variance that grows with the length (as Gale and Church's) plus a
// share of its square, so that a document whose ratio differs from the
// whole corpus's by 15% still aligns 1-1. Omissions cost their length
// share, capped.
func (r *run) lengthCost(zc, ec []float64) dp.CostFunc {
	c := r.c
	s2 := 5 * c * c
	return func(i, j, di, dj int) float64 {
		lz := zc[i+di] - zc[i]
		le := ec[j+dj] - ec[j]
		mean := (lz + le/c) / 2
		if mean <= 0 {
			return 0
		}
		if di == 0 || dj == 0 {
			return math.Min(3+mean/20, 30)
		}
		d := le - c*lz
		v := mean * s2
		return d * d / (2 * v)
	}
}

// touchedRows returns the rows where path (local steps) runs along the
// band's edge where the edge is not the grid's border.
func touchedRows(path []dp.Step, band dp.Band, n, m int) []int {
	var rows []int
	for _, s := range path {
		for _, p := range [2][2]int{{s.I, s.J}, {s.I + s.DI, s.J + s.DJ}} {
			i, j := p[0], p[1]
			if (j == band.Lo[i] && j > 0 && i > 0) || (j == band.Hi[i] && j < m && i < n) {
				rows = append(rows, i)
			}
		}
	}
	return rows
}

// widenRows doubles the half-width of the rows near each touched row (within
// four times their width), up to limit; it reports whether any width
// changed.
func widenRows(hw []int, rows []int, limit int) bool {
	changed := false
	last := -1 // rows below last were already widened in this call
	for _, t := range rows {
		reach := 4 * hw[t]
		from, to := max(0, t-reach, last+1), min(len(hw)-1, t+reach)
		for i := from; i <= to; i++ {
			if w := min(2*hw[i], limit); w > hw[i] {
				hw[i] = w
				changed = true
			}
		}
		last = max(last, to)
	}
	return changed
}

// bandAroundWidths is bandAround with a half-width per row.
func bandAroundWidths(b block, path []dp.Step, hw []int) dp.Band {
	n, m := b.z.Len(), b.e.Len()
	from, to := pathRows(b, path)
	for i := 0; i <= n; i++ {
		from[i] -= hw[i]
		to[i] += hw[i]
	}
	return dp.BandAround(n, m, 0, from, to)
}
