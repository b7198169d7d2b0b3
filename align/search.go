package align

import (
	"math"
	"sort"

	"github.com/bitextlab/zhen/internal/dp"
	"github.com/bitextlab/zhen/internal/search"
)

// The search side of the aligner: each block (a paragraph bead, or the
// whole text) is a search.Problem priced by the run's scorings; this file
// chooses the centre of its first band and the limits.

// searchAll aligns every block; prev, when set, holds the previous pass's
// path per block to centre the band on.
func (r *run) searchAll(blocks []block, moves []dp.Move, w int, prev [][]dp.Step, fill bool) ([]Bead, [][]dp.Step) {
	var beads []Bead
	paths := make([][]dp.Step, len(blocks))
	for k, b := range blocks {
		var pp []dp.Step
		if prev != nil {
			pp = prev[k]
		}
		steps := singleOmissions(r.searchBlock(b, moves, w, pp))
		paths[k] = steps
		if fill {
			for _, st := range steps {
				bd := Bead{ZH: Range{st.I, st.I + st.DI}, EN: Range{st.J, st.J + st.DJ}, Paragraph: b.para}
				r.fill(&bd)
				beads = append(beads, bd)
			}
		}
		r.done += b.z.Len() + b.e.Len()
		r.tick(r.done)
	}
	return beads, paths
}

// maxCells bounds the band (and so the time and memory) of one search:
// about nine bytes per cell. The band widens where the path touches its
// edge, but never beyond per cells per sentence (64 for a first search, 16
// when refining a previous path), nor beyond 4M cells for short documents,
// which lets them have the full grid: texts so far from parallel that they
// need more are not worth the time.
func maxCells(n, m, per int) int { return max(4<<20, per*(n+m+2)) }

// searchBlock finds the path through one block (global indices in the
// steps): around the previous pass's path when there is one (and the
// block's coarse path, when kept); for a long block without one, around
// the sure anchors where they are dense, else around a coarse path; for a
// short one, around the centre line through the sure anchors.
func (r *run) searchBlock(b block, moves []dp.Move, w int, prev []dp.Step) []dp.Step {
	n, m := b.z.Len(), b.e.Len()
	if n == 0 || m == 0 {
		return omissions(b)
	}
	per := 64
	if prev != nil {
		per = 16
	}
	p := search.Problem{N: n, M: m, Moves: moves, Cost: r.blockCost(b), Limit: maxCells(n, m, per), Beam: r.beam(), Stop: r.stopped}
	if r.progress != nil {
		// Rows done in this block, reported against the job's total
		// (done is only advanced when the block is finished).
		p.Tick = func(i int) {
			if d := r.done + i; d < r.tot {
				r.tick(d)
			}
		}
	}
	var local []dp.Step
	if prev != nil {
		local = search.Shift(prev, -b.z.Start, -b.e.Start)
	} else if n+m >= coarseMin {
		// A long block: where the sure anchors are dense, search
		// around them first; elsewhere (or where no path fits the
		// band) around a coarse-to-fine path. Either way the band
		// then widens only where it is touched.
		if len(r.chainIn(b)) >= (n+m)/100 {
			res, ok := dp.SearchBounded(n, m, moves, p.Cost, dp.NewBand(n, m, float64(w), r.center(b)), p.Tick)
			if ok && !res.Touched {
				return search.Shift(res.Path, b.z.Start, b.e.Start)
			}
			if ok {
				local = res.Path
			}
		}
		if local == nil {
			local = r.coarsePath(b)
		}
	}
	if local == nil {
		return search.Shift(p.Centred(r.center(b), w), b.z.Start, b.e.Start)
	}
	var alt []dp.Step
	if c := r.coarse[[2]int{b.z.Start, b.e.Start}]; c != nil {
		alt = c
	}
	path, _ := p.Around(local, alt, w)
	return search.Shift(path, b.z.Start, b.e.Start)
}

// searchBeam is the beam of the widened searches on long documents (see
// dp.SearchBeam), in nats: a stretch of path that much worse than the
// best in its row is given up. Short documents are searched exactly.
// A path through a long stretch of one side only pays for the whole
// stretch before it can gain anything after it, while a path that spreads
// the other side's sentences into the gap pays as it goes: too narrow a
// beam drops the right path inside the gap. Measured with press2tmx
// (whole process) on long/002 with the English of 400 verses and the
// Chinese of 150 left out (BenchmarkAlignLongMissingChapters; the intact
// text scores 0.861): 400 gives strict F1 0.851 in 2.7 CPU-s (the path
// spreads 150 English verses over the next 170 Chinese lines), 600 and
// 800 give 0.863 in 3.0 and 3.4; with 500 Chinese verses inserted alone,
// 0.863, 0.871 and 0.871 in 2.0, 2.1 and 2.3 CPU-s. (120 gave 0.804 on the
// first.) On texts without such gaps 400 and 600 give the same beads in
// the same time (every dev document, long/002 three times over, the
// 42,687 × 32,767 Bible; the realistic 40k benchmarks the same strict F1
// to four places). Before the chance coverage was estimated from every
// pair, 400 was enough for these gaps: the margin was that thin.
const searchBeam = 600

func (r *run) beam() float64 {
	if len(r.zh)+len(r.en) < coarseMin {
		return math.Inf(1)
	}
	return searchBeam
}

// blockCost is the bounded cost function of the search over block b
// (local indices).
func (r *run) blockCost(b block) dp.BoundedCostFunc {
	return func(i, j, di, dj int, limit float64) float64 {
		return r.costLimit(b.z.Start+i, b.e.Start+j, di, dj, limit)
	}
}

// chainIn returns the sure anchors inside block b: a stretch of the
// chain, found by binary search (the chain is monotone in both
// coordinates), so that a document of many blocks costs time linear in
// its size, not blocks × anchors.
func (r *run) chainIn(b block) [][2]int {
	lo := sort.Search(len(r.chain), func(k int) bool {
		p := r.chain[k]
		return p[0] >= b.z.Start && p[1] >= b.e.Start
	})
	hi := lo
	for hi < len(r.chain) && r.chain[hi][0] < b.z.End && r.chain[hi][1] < b.e.End {
		hi++
	}
	return r.chain[lo:hi]
}

// omissions returns the block as 1-0 beads for its Chinese units followed
// by 0-1 beads for its English units (global steps).
func omissions(b block) []dp.Step {
	return search.Shift(search.Omissions(b.z.Len(), b.e.Len()), b.z.Start, b.e.Start)
}

// center returns the band centre for block b: through the sure anchors
// inside the block, and between them along equal cumulative length.
func (r *run) center(b block) func(i int) float64 {
	type pt struct{ i, j float64 }
	pts := []pt{{0, 0}}
	for _, p := range r.chainIn(b) {
		pts = append(pts, pt{float64(p[0]-b.z.Start) + 0.5, float64(p[1]-b.e.Start) + 0.5})
	}
	n, m := b.z.Len(), b.e.Len()
	pts = append(pts, pt{float64(n), float64(m)})
	zc := func(x float64) float64 { return interp(r.zcum, float64(b.z.Start)+x) }
	ec := func(x float64) float64 { return interp(r.ecum, float64(b.e.Start)+x) }
	k := 0
	return func(i int) float64 {
		x := float64(i)
		for k > 0 && pts[k].i > x {
			k--
		}
		for k+1 < len(pts)-1 && pts[k+1].i <= x {
			k++
		}
		a, c := pts[k], pts[k+1]
		za, zb := zc(a.i), zc(c.i)
		f := 0.0
		if zb > za {
			f = (zc(x) - za) / (zb - za)
		}
		ea, eb := ec(a.j), ec(c.j)
		target := ea + f*(eb-ea)
		// Invert the English cumulative length between a.j and c.j.
		lo, hi := a.j, c.j
		for it := 0; it < 30 && hi-lo > 0.01; it++ {
			mid := (lo + hi) / 2
			if ec(mid) < target {
				lo = mid
			} else {
				hi = mid
			}
		}
		return (lo + hi) / 2
	}
}

// interp evaluates the piecewise-linear cumulative array at fractional x.
func interp(cum []float64, x float64) float64 {
	if x <= 0 {
		return cum[0]
	}
	n := len(cum) - 1
	if x >= float64(n) {
		return cum[n]
	}
	k := int(x)
	f := x - float64(k)
	return cum[k] + f*(cum[k+1]-cum[k])
}

// omissionRunMax is the longest run of units on one side with no
// counterpart that the search prices as one event (a paragraph repeated
// or left untranslated): a run of k costs the 1-0 (or 0-1) move plus
// omissionRunStep per further unit, where k separate omissions would pay
// the prior k times. Runs are reported as k single omissions.
const omissionRunMax = 5

// omissionRunStep is the cost, in nats, of each further unit of a run.
// Measured: with runs up to 5 at 2 nats, a repeated five-sentence block
// becomes a 5-0 run instead of shifting the beads before it; runs up to 8
// cost 8% more CPU on long texts for nothing measurable. With the
// MoodScorer among the defaults, long/002 with 550 verses of one side
// left out (BenchmarkAlignLongMissingChapters) scores 0.832 at 2 nats
// (the scorer's gains for questions paired across a gap make spreading
// the other side into it cheaper than the gap), 0.861 at 1.5 and 1; with
// length and anchors alone, cheaper runs cost a little on the realistic
// benchmarks (20k and 40k: 0.708 and 0.710 at 2, 0.704 and 0.706 at 1.5,
// 0.699 and 0.701 at 1). mac-dev, aca, mag and long align the same at
// all three.
const omissionRunStep = 1.5

// omissionRuns returns the run moves (k-0 and 0-k, k = 2..omissionRunMax)
// for the 1-0 and 0-1 moves among mv.
func omissionRuns(mv []dp.Move) []dp.Move {
	var out []dp.Move
	for _, m := range mv {
		if m.DI+m.DJ != 1 || m.DI*m.DJ != 0 {
			continue
		}
		for k := 2; k <= omissionRunMax; k++ {
			out = append(out, dp.Move{DI: m.DI * k, DJ: m.DJ * k, Cost: m.Cost + float64(k-1)*omissionRunStep})
		}
	}
	return out
}

// singleOmissions splits the omission runs of path into single 1-0 and
// 0-1 steps.
func singleOmissions(path []dp.Step) []dp.Step {
	runs := false
	for _, s := range path {
		if s.DI+s.DJ > 1 && s.DI*s.DJ == 0 {
			runs = true
			break
		}
	}
	if !runs {
		return path
	}
	out := make([]dp.Step, 0, len(path)+8)
	for _, s := range path {
		if s.DI+s.DJ <= 1 || s.DI*s.DJ != 0 {
			out = append(out, s)
			continue
		}
		k := s.DI + s.DJ
		for x := 0; x < k; x++ {
			st := dp.Step{I: s.I, J: s.J, Cost: s.Cost / float64(k)}
			if s.DI > 0 {
				st.I, st.DI = s.I+x, 1
			} else {
				st.J, st.DJ = s.J+x, 1
			}
			out = append(out, st)
		}
	}
	return out
}
