package search

import "github.com/bitextlab/zhen/internal/dp"

// Rows returns, for each row 0..n of an n × m grid, the first and last
// column path visits there. A row the path does not visit (impossible for
// a complete path) inherits the last column of the row before it.
func Rows(path []dp.Step, n, m int) (from, to []int) {
	from = make([]int, n+1)
	to = make([]int, n+1)
	for i := range from {
		from[i] = m
	}
	mark := func(i, j int) {
		if i < 0 || i > n {
			return
		}
		from[i] = min(from[i], j)
		to[i] = max(to[i], j)
	}
	mark(0, 0)
	for _, s := range path {
		for di := 0; di <= s.DI; di++ {
			mark(s.I+di, s.J)
			mark(s.I+di, s.J+s.DJ)
		}
	}
	mark(n, m)
	for i := 1; i <= n; i++ {
		if from[i] > to[i] {
			from[i], to[i] = to[i-1], to[i-1]
		}
	}
	return from, to
}

// Around returns a band of half-width w around path.
func Around(path []dp.Step, n, m, w int) dp.Band {
	from, to := Rows(path, n, m)
	return dp.BandAround(n, m, w, from, to)
}

// Hull returns a band of half-width w around path p, and around path q
// and everything between the two in each stretch where they part by more
// than HullNear columns. A stretch runs from a row where the two paths
// meet (share a column) to the next; a stretch where q never strays more
// than HullNear columns from p keeps p's band alone.
func Hull(p, q []dp.Step, n, m, w int) dp.Band {
	from, to := Rows(p, n, m)
	f2, t2 := Rows(q, n, m)
	start, far := 0, false // the current stretch: its first row, and whether q strays in it
	for i := 0; i <= n; i++ {
		meet := f2[i] <= to[i] && t2[i] >= from[i]
		far = far || f2[i] < from[i]-HullNear || t2[i] > to[i]+HullNear
		if !meet && i < n {
			continue
		}
		if far {
			for k := start; k <= i; k++ {
				from[k] = min(from[k], f2[k])
				to[k] = max(to[k], t2[k])
			}
		}
		start, far = i, false
	}
	return dp.BandAround(n, m, w, from, to)
}

// HullNear is how far, in columns, the second path of a Hull may stray
// from the first between two points where they meet and still be left out
// of the band. The second path is a cheaper pass's (in align, the coarse
// path, made of groups of two units projected onto the units): a few
// columns off the first is its own resolution, not a disagreement worth
// searching, and where the path found runs along the band's edge the band
// widens anyway. Measured on the last search of a 42,687 × 32,767 Bible:
// 259,200 cells with the whole hull, 204,163 with stretches and 4 (about
// 3% of the whole alignment's CPU); the same beads on every document of
// the dev sets, on the long set at seven sizes and on long/002 with
// chapters of either side left out or inserted. Without the second path
// at all, long/002 with 300 Chinese verses left out scores 0.839 instead
// of 0.848, and takes 30% longer.
const HullNear = 4

// AroundWidths is Around with a half-width per row.
func AroundWidths(path []dp.Step, n, m int, hw []int) dp.Band {
	from, to := Rows(path, n, m)
	for i := 0; i <= n; i++ {
		from[i] -= hw[i]
		to[i] += hw[i]
	}
	return dp.BandAround(n, m, 0, from, to)
}

// Full reports whether band is the whole n × m grid.
func Full(band dp.Band, n, m int) bool { return band.Lo[n] == 0 && band.Hi[0] == m }

// Touch is a row where a path runs along its band's edge, and which edge:
// Upper (the band's last column in that row) or lower.
type Touch struct {
	Row   int
	Upper bool
}

// Touches returns where path runs along the band's edge where the edge is
// not the grid's border, in row order. This is the one test of "the band
// may have cut off a better path" that every widening uses.
func Touches(path []dp.Step, band dp.Band, n, m int) []Touch {
	var out []Touch
	for _, s := range path {
		for _, p := range [2][2]int{{s.I, s.J}, {s.I + s.DI, s.J + s.DJ}} {
			i, j := p[0], p[1]
			if j == band.Lo[i] && j > 0 && i > 0 {
				out = append(out, Touch{i, false})
			}
			if j == band.Hi[i] && j < m && i < n {
				out = append(out, Touch{i, true})
			}
		}
	}
	return out
}

// Window is a stretch of rows [Lo, Hi] to search again, and the edges
// touched in it.
type Window struct {
	Lo, Hi       int
	Lower, Upper bool
}

// Windows turns touches (in row order) into disjoint windows of rows
// [t−reach, t+reach] inside [0, n], merging those that overlap or nearly
// touch.
func Windows(ts []Touch, reach, n int) []Window {
	var out []Window
	for _, t := range ts {
		lo, hi := max(0, t.Row-reach), min(n, t.Row+reach)
		k := len(out) - 1
		if k < 0 || lo > out[k].Hi+16 {
			out = append(out, Window{Lo: lo, Hi: hi})
			k++
		}
		out[k].Hi = max(out[k].Hi, hi)
		out[k].Lower = out[k].Lower || !t.Upper
		out[k].Upper = out[k].Upper || t.Upper
	}
	return out
}

// WidenRows doubles the half-width of the rows near each touched row
// (within four times their width), up to limit; it reports whether any
// width changed.
func WidenRows(hw []int, ts []Touch, limit int) bool {
	changed := false
	last := -1 // rows up to last were already widened in this call
	for _, t := range ts {
		reach := 4 * hw[t.Row]
		from, to := max(0, t.Row-reach, last+1), min(len(hw)-1, t.Row+reach)
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

// Omissions returns the n × m grid as n 1-0 steps followed by m 0-1 steps:
// the path that covers every unit when no other can.
func Omissions(n, m int) []dp.Step {
	steps := make([]dp.Step, 0, n+m)
	for i := 0; i < n; i++ {
		steps = append(steps, dp.Step{I: i, DI: 1})
	}
	for j := 0; j < m; j++ {
		steps = append(steps, dp.Step{I: n, J: j, DJ: 1})
	}
	return steps
}

// Shift returns path moved by (di, dj).
func Shift(path []dp.Step, di, dj int) []dp.Step {
	out := make([]dp.Step, len(path))
	for k, s := range path {
		s.I += di
		s.J += dj
		out[k] = s
	}
	return out
}
