package search

import (
	"testing"

	"github.com/bitextlab/zhen/internal/dp"
	"github.com/google/go-cmp/cmp"
)

func TestProject(t *testing.T) {
	tests := []struct {
		name string
		path []dp.Step
		n, m int
		want []dp.Step
	}{
		{
			name: "even sizes", n: 4, m: 6,
			path: []dp.Step{{I: 0, J: 0, DI: 1, DJ: 2}, {I: 1, J: 2, DI: 1, DJ: 1}},
			want: []dp.Step{{I: 0, J: 0, DI: 2, DJ: 4}, {I: 2, J: 4, DI: 2, DJ: 2}},
		},
		{
			name: "odd sizes clip the last group", n: 3, m: 5,
			path: []dp.Step{{I: 0, J: 0, DI: 1, DJ: 1}, {I: 1, J: 1, DI: 1, DJ: 2}},
			want: []dp.Step{{I: 0, J: 0, DI: 2, DJ: 2}, {I: 2, J: 2, DI: 1, DJ: 3}},
		},
		{
			name: "omission", n: 4, m: 2,
			path: []dp.Step{{I: 0, J: 0, DI: 1, DJ: 1}, {I: 1, J: 1, DI: 1, DJ: 0}},
			want: []dp.Step{{I: 0, J: 0, DI: 2, DJ: 2}, {I: 2, J: 2, DI: 2, DJ: 0}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Project(tt.path, tt.n, tt.m)); diff != "" {
				t.Errorf("Project() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestWindows(t *testing.T) {
	tests := []struct {
		name  string
		ts    []Touch
		reach int
		want  []Window
	}{
		{name: "none", reach: 5},
		{
			name: "merged and split", reach: 5,
			ts:   []Touch{{Row: 10}, {Row: 20, Upper: true}, {Row: 80}},
			want: []Window{{Lo: 5, Hi: 25, Lower: true, Upper: true}, {Lo: 75, Hi: 85, Lower: true}},
		},
		{name: "clipped", reach: 5, ts: []Touch{{Row: 2, Upper: true}, {Row: 98}}, want: []Window{{Lo: 0, Hi: 7, Upper: true}, {Lo: 93, Hi: 100, Lower: true}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Windows(tt.ts, tt.reach, 100)); diff != "" {
				t.Errorf("Windows() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestHull(t *testing.T) {
	diag := func(n int) []dp.Step {
		var out []dp.Step
		for i := range n {
			out = append(out, dp.Step{I: i, J: i, DI: 1, DJ: 1})
		}
		return out
	}
	// q: the diagonal shifted by k columns from row 10 to row 20.
	shifted := func(n, k int) []dp.Step {
		var out []dp.Step
		i, j := 0, 0
		for i < n {
			switch {
			case i == 10 && j == 10:
				out = append(out, dp.Step{I: i, J: j, DI: 0, DJ: k})
				j += k
			case i == 20 && j == 20+k:
				out = append(out, dp.Step{I: i, J: j, DI: k, DJ: 0})
				i += k
			default:
				out = append(out, dp.Step{I: i, J: j, DI: 1, DJ: 1})
				i, j = i+1, j+1
			}
		}
		return out
	}
	const size = 40
	for _, tt := range []struct {
		name string
		k    int
		same bool // the hull is the band around p alone
	}{
		{"within HullNear", HullNear, true},
		{"beyond HullNear", HullNear + 1, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			n := size + tt.k
			p := diag(n)
			q := shifted(n, tt.k)
			around := Around(p, n, n, 1)
			hull := Hull(p, q, n, n, 1)
			if got := cmp.Equal(around, hull); got != tt.same {
				t.Errorf("hull equal to the band around p: %v, want %v", got, tt.same)
			}
			// Every cell of the band around p is in the hull, and where
			// q strays, so is q.
			for i := 0; i <= n; i++ {
				if hull.Lo[i] > around.Lo[i] || hull.Hi[i] < around.Hi[i] {
					t.Fatalf("row %d: hull [%d, %d] misses part of the band around p [%d, %d]", i, hull.Lo[i], hull.Hi[i], around.Lo[i], around.Hi[i])
				}
			}
			pf, pt := Rows(p, n, n)
			qf, qt := Rows(q, n, n)
			for i := 0; i <= n; i++ {
				far := qf[i] < pf[i]-HullNear || qt[i] > pt[i]+HullNear
				if far && (qf[i] < hull.Lo[i] || qt[i] > hull.Hi[i]) {
					t.Errorf("row %d: q [%d, %d] strays beyond HullNear but is not inside the hull [%d, %d]", i, qf[i], qt[i], hull.Lo[i], hull.Hi[i])
				}
			}
		})
	}
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		path []dp.Step
		want []dp.Step
	}{
		{
			name: "2-2 and 4-2",
			path: []dp.Step{{I: 0, J: 0, DI: 2, DJ: 2}, {I: 2, J: 2, DI: 4, DJ: 2}},
			want: []dp.Step{{I: 0, J: 0, DI: 1, DJ: 1}, {I: 1, J: 1, DI: 1, DJ: 1}, {I: 2, J: 2, DI: 2, DJ: 1}, {I: 4, J: 3, DI: 2, DJ: 1}},
		},
		{
			name: "uneven 3-2",
			path: []dp.Step{{I: 5, J: 7, DI: 3, DJ: 2}},
			want: []dp.Step{{I: 5, J: 7, DI: 2, DJ: 1}, {I: 7, J: 8, DI: 1, DJ: 1}},
		},
		{
			name: "omission run and kept steps",
			path: []dp.Step{{I: 0, J: 0, DI: 0, DJ: 3}, {I: 0, J: 3, DI: 1, DJ: 3}, {I: 1, J: 6, DI: 1, DJ: 0}},
			want: []dp.Step{{I: 0, J: 0, DI: 0, DJ: 1}, {I: 0, J: 1, DI: 0, DJ: 1}, {I: 0, J: 2, DI: 0, DJ: 1}, {I: 0, J: 3, DI: 1, DJ: 3}, {I: 1, J: 6, DI: 1, DJ: 0}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Split(tt.path)); diff != "" {
				t.Errorf("Split() mismatch (-want +got):\n%s", diff)
			}
		})
	}
	// Any projected coarse path: the split path is complete, monotone,
	// and never wider in any row than the path it came from.
	for seed := uint64(1); seed <= 50; seed++ {
		_, groups, _ := randomProblem(seed, 20, 15)
		if groups == nil {
			continue
		}
		coarse := Project(groups, 40, 30)
		split := Split(coarse)
		if err := checkPath(split, 40, 30); err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		f0, t0 := Rows(coarse, 40, 30)
		f1, t1 := Rows(split, 40, 30)
		for i := range f0 {
			if f1[i] < f0[i] || t1[i] > t0[i] {
				t.Fatalf("seed %d row %d: split spans %d..%d, the coarse path %d..%d", seed, i, f1[i], t1[i], f0[i], t0[i])
			}
		}
	}
}
