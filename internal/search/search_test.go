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
