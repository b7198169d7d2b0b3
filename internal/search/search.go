package search

import (
	"math"
	"sort"

	"github.com/bitextlab/zhen/internal/dp"
)

// Problem is one search: an N × M grid, the bead shapes allowed, the cost
// of a bead, and how far a search may widen.
type Problem struct {
	N, M  int
	Moves []dp.Move
	// Cost is the cost of the bead of units [i, i+di) × [j, j+dj) (it
	// may return +Inf above limit, see dp.BoundedCostFunc).
	Cost dp.BoundedCostFunc
	// Limit is the most band cells the widening may search in all
	// (0: no limit).
	Limit int
	// Beam prunes the widened searches (see dp.SearchBeam; 0: none).
	Beam float64
	// Tick, when set, is called with the rows done by the first search
	// (see dp.SearchProgress).
	Tick func(i int)
	// Stop, when set, is asked before each widening: once it reports
	// true (the caller gave up, and its Cost is +Inf from then on), the
	// search widens no further and returns the path it has, or the
	// omissions path when it has none.
	Stop func() bool
}

func (p Problem) stopped() bool { return p.Stop != nil && p.Stop() }

func (p Problem) limit() int {
	if p.Limit <= 0 {
		return math.MaxInt
	}
	return p.Limit
}

func (p Problem) beam() float64 {
	if p.Beam <= 0 {
		return math.Inf(1)
	}
	return p.Beam
}

// sub is the problem of the rectangle [i0, i0+n) × [j0, j0+m).
func (p Problem) sub(i0, j0, n, m int) Problem {
	q := p
	q.N, q.M = n, m
	q.Cost = func(i, j, di, dj int, limit float64) float64 { return p.Cost(i0+i, j0+j, di, dj, limit) }
	q.Tick = nil
	return q
}

// Centred searches a band of half-width w around the centre line center
// (a non-decreasing function from row to fractional column), doubling the
// width while the path runs along the band's edge and the band stays
// within the limit. It returns the omissions path when no path exists
// within the limit (the moves cannot tile the grid, or every cost is
// infinite). A width below 1 counts as 1.
func (p Problem) Centred(center func(i int) float64, w int) []dp.Step {
	n, m := p.N, p.M
	if n == 0 || m == 0 {
		return Omissions(n, m)
	}
	w = max(w, 1)
	band := dp.NewBand(n, m, float64(w), center)
	tick := p.Tick
	for {
		res, ok := dp.SearchBounded(n, m, p.Moves, p.Cost, band, tick)
		tick = nil
		full := Full(band, n, m)
		if ok && (!res.Touched || full) {
			return res.Path
		}
		w *= 2
		if ok {
			band = Around(res.Path, n, m, w)
		} else {
			band = dp.NewBand(n, m, float64(w), center)
		}
		if band.Cells() > p.limit() || Full(band, n, m) && full || p.stopped() {
			if ok {
				return res.Path
			}
			return Omissions(n, m)
		}
	}
}

// Around searches a band of half-width w around a previous path prev
// (and, when alt is set and the hull fits the limit, everything between
// prev and alt where alt strays more than HullNear columns from prev:
// where a cheaper pass left a trusted path, the one it found may be a
// local optimum of the cheaper costs). Where the path
// found runs along the band's edge, only that stretch is searched again,
// between two points of the path on either side of it, in a band twice
// as wide (and so on, while the cells searched stay under the limit):
// the path can only get cheaper, and the time stays linear in the grid's
// size even when many places need a wider band. The second result reports
// whether the path ran along the band's edge at first.
func (p Problem) Around(prev, alt []dp.Step, w int) ([]dp.Step, bool) {
	n, m := p.N, p.M
	if n == 0 || m == 0 {
		return Omissions(n, m), false
	}
	limit := p.limit()
	w = max(w, 1)
	band := Around(prev, n, m, w)
	if alt != nil {
		if h := Hull(prev, alt, n, m, w); h.Cells() <= limit {
			band = h
		}
	}
	res, ok := dp.SearchBounded(n, m, p.Moves, p.Cost, band, p.Tick)
	for !ok {
		// No path in the band: widen everywhere.
		if Full(band, n, m) || band.Cells() > limit || p.stopped() {
			return Omissions(n, m), false
		}
		w *= 2
		band = Around(prev, n, m, w)
		res, ok = dp.SearchBounded(n, m, p.Moves, p.Cost, band, nil)
	}
	path := res.Path
	if !res.Touched {
		return path, false
	}
	rows := Touches(path, band, n, m)
	if len(rows) > n/8 || p.stopped() {
		// The path presses against the band nearly everywhere: the
		// inputs are far from parallel (or the centre line is wrong
		// throughout), and widening stretch by stretch would cost the
		// most for the least. Keep what was found.
		return path, true
	}
	cells := band.Cells()
	for width := 2 * w; len(rows) > 0 && cells < limit && !p.stopped(); width *= 4 {
		var next []Touch
		path, next, cells = p.widen(path, Windows(rows, 2*width+32, n), w, width, cells)
		sort.Slice(next, func(x, y int) bool { return next[x].Row < next[y].Row })
		rows = next
	}
	return path, true
}

// widen searches each window again, wider on the side its path pressed
// against, and splices the new stretches into path. It returns the new
// path, the touches to look at next, and the cells searched so far.
func (p Problem) widen(path []dp.Step, wins []Window, w, width, cells int) ([]dp.Step, []Touch, int) {
	var next []Touch
	// Each window's new steps replace path[from..to].
	type piece struct {
		from, to int
		steps    []dp.Step
	}
	var pieces []piece
	for k := len(wins) - 1; k >= 0; k-- {
		lo, hi := wins[k].Lo, wins[k].Hi
		// The steps from the last one starting at or before lo to the
		// first one ending at or after hi.
		ka := max(sort.Search(len(path), func(x int) bool { return path[x].I > lo })-1, 0)
		kb := ka + sort.Search(len(path)-ka, func(x int) bool { return path[ka+x].I+path[ka+x].DI >= hi })
		kb = min(kb, len(path)-1)
		i0, j0 := path[ka].I, path[ka].J
		sn, sm := path[kb].I+path[kb].DI-i0, path[kb].J+path[kb].DJ-j0
		if sn == 0 || sm == 0 {
			continue
		}
		// Wider only on the side the path pressed against.
		wl, wh := w, w
		if wins[k].Lower {
			wl = width
		}
		if wins[k].Upper {
			wh = width
		}
		old := Shift(path[ka:kb+1], -i0, -j0)
		from, to := Rows(old, sn, sm)
		for i := range from {
			from[i] -= wl
			to[i] += wh
		}
		sband := dp.BandAround(sn, sm, 0, from, to)
		cells += sband.Cells()
		sp := p.sub(i0, j0, sn, sm)
		sres, ok := dp.SearchBeam(sn, sm, sp.Moves, sp.Cost, sband, nil, p.beam())
		if !ok {
			continue
		}
		if sres.Touched {
			for _, t := range Touches(sres.Path, sband, sn, sm) {
				t.Row += i0
				next = append(next, t)
			}
		}
		// A path that moved near the window's ends was pinned there by
		// the old one: search around those ends next.
		for _, t := range movedEnds(old, sres.Path, sn, sm, w) {
			t.Row += i0
			next = append(next, t)
		}
		pieces = append(pieces, piece{ka, kb, Shift(sres.Path, i0, j0)})
	}
	if len(pieces) > 0 {
		// The windows' step ranges are disjoint (windows lie more than
		// a bead apart): splice them in one copy.
		np := make([]dp.Step, 0, len(path))
		at := 0
		for k := len(pieces) - 1; k >= 0; k-- { // in path order
			pc := pieces[k]
			np = append(np, path[at:pc.from]...)
			np = append(np, pc.steps...)
			at = pc.to + 1
		}
		path = append(np, path[at:]...)
	}
	return path, next, cells
}

// movedEnds returns a touch at each end of an n × m grid (its first or
// last row) near which the new path runs more than w columns away from
// the old one, on the side it moved to.
func movedEnds(old, new []dp.Step, n, m, w int) []Touch {
	of, _ := Rows(old, n, m)
	nf, _ := Rows(new, n, m)
	e := min(32, n/4)
	var out []Touch
	for _, end := range [2][2]int{{0, e}, {n - e, n}} {
		for i := end[0]; i <= end[1]; i++ {
			if d := nf[i] - of[i]; d > w || d < -w {
				row := 0
				if end[0] > 0 {
					row = n
				}
				out = append(out, Touch{Row: row, Upper: d > 0})
				break
			}
		}
	}
	return out
}
