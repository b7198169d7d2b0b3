package align

import (
	"math"

	"github.com/bitextlab/zhen/internal/dp"
	"github.com/bitextlab/zhen/internal/search"
)

// The coarse levels of a long block (see search.CoarsePath): each side's
// units are summarised by their lengths and, when a scoring is a
// Summarizer, their content vectors (content.go), summed in groups of 2^lv
// units; a group bead costs its length mismatch plus its content
// mismatch, less a bonus per sure anchor it holds. Sure anchors are not
// needed for scale (on repeated text there are none), but where there are
// some, however few, they hold the path.

// coarsePath returns a path through block b (local steps) found coarse to
// fine, to centre the first search's band on.
func (r *run) coarsePath(b block) []dp.Step {
	n, m := b.z.Len(), b.e.Len()
	top := search.Levels(n, m)
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
	for lv := 1; lv <= top; lv++ {
		zl = append(zl, halve(zl[lv-1]))
		el = append(el, halve(el[lv-1]))
	}
	// Content vectors from level 1 (level 0 is never searched here).
	var zv, ev [][]float32
	if r.summary != nil && top >= 1 {
		z, e := pairSummaries(r.summary, b.z, b.e)
		zv, ev = [][]float32{nil, z}, [][]float32{nil, e}
		for lv := 2; lv <= top; lv++ {
			zv = append(zv, halveVecs(zv[lv-1]))
			ev = append(ev, halveVecs(ev[lv-1]))
		}
	}
	chain := r.chainIn(b)
	return search.CoarsePath(n, m, func(lv int) dp.CostFunc {
		c := r.lengthCost(zl[lv], el[lv])
		if zv != nil && lv > 0 {
			// Levels are costed once each, from the top down: this
			// level's vectors become its span vectors, and those of
			// the levels above are done with.
			c = contentCost(c, zv[lv], ev[lv], lv, n, m)
			for k := lv; k < len(zv); k++ {
				zv[k], ev[k] = nil, nil
			}
		}
		return chainCost(c, chain, b, lv, len(zl[lv])-1)
	}, r.stopped)
}

// chainBonus is what each sure anchor inside a group bead takes off its
// cost at the coarse levels: the chain is sparse on anchor-poor text
// (165 points for 11,000 Bible verses) but 96–98% right, so every point
// pulls the path through its group without deciding alone. Measured on
// long/002 without the lexicon: strict F1 0.383 → 0.603; with it, the same.
const chainBonus = 4.0

// chainCost lowers a level's cost of each group bead by chainBonus per
// sure anchor (global pairs, inside block b) that it holds; nz is the
// level's number of Chinese groups (of 2^lv units).
func chainCost(c dp.CostFunc, chain [][2]int, b block, lv, nz int) dp.CostFunc {
	if len(chain) == 0 {
		return c
	}
	// first[g]: the first anchor whose Chinese group is g or later (the
	// chain is monotone).
	first := make([]int, nz+2)
	k := 0
	for g := 0; g <= nz+1; g++ {
		for k < len(chain) && (chain[k][0]-b.z.Start)>>lv < g {
			k++
		}
		first[g] = k
	}
	return func(i, j, di, dj int) float64 {
		v := c(i, j, di, dj)
		if di == 0 || dj == 0 {
			return v
		}
		for k := first[i]; k < first[min(i+di, nz+1)]; k++ {
			if g := (chain[k][1] - b.e.Start) >> lv; g >= j && g < j+dj {
				v -= chainBonus
			}
		}
		return v
	}
}

// contentLambda is the content cost of a group bead per unit it holds,
// times one minus the cosine of its sides' vectors. Measured on the long
// dev set: 0.3 to 3 give the same alignment.
const contentLambda = 1.0

// contentCost adds to a level's length cost the content cost of each group
// bead: contentLambda × (units in the bead) × (1 − cosine); an omitted
// group counts as cosine 0. zv and ev are the level's group vectors; lv
// its depth (groups of 2^lv of the n and m units).
func contentCost(lc dp.CostFunc, zv, ev []float32, lv, n, m int) dp.CostFunc {
	const maxSpan = 3 // the widest group bead of search.CoarseMoves
	zs, es := spanUnits(zv, maxSpan), spanUnits(ev, maxSpan)
	return func(i, j, di, dj int) float64 {
		c := lc(i, j, di, dj)
		units := min((i+di)<<lv, n) - min(i<<lv, n) + min((j+dj)<<lv, m) - min(j<<lv, m)
		cos := 0.0
		if di > 0 && dj > 0 && di <= maxSpan && dj <= maxSpan {
			cos = float64(dot(zs[di-1][i*SummaryDim:], es[dj-1][j*SummaryDim:]))
		}
		return c + contentLambda*float64(units)*(1-cos)
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
