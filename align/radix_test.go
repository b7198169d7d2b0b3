package align

import (
	"math/rand"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestAppendBagSorts(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	gen := func(n int, mask uint32) []uint32 {
		k := make([]uint32, n)
		for x := range k {
			k[x] = rng.Uint32() & mask
		}
		return k
	}
	tests := []struct {
		name string
		keys []uint32
	}{
		{name: "empty", keys: nil},
		{name: "short", keys: []uint32{5, 3, 5, 1}},
		{name: "long random", keys: gen(1000, ^uint32(0))},
		{name: "long with duplicates", keys: gen(500, 63)},
		{name: "long sharing high bytes", keys: gen(300, 0xfff)},
		{name: "long all equal", keys: make([]uint32, 200)},
	}
	var scratch []uint32
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			want := slices.Compact(slices.Sorted(slices.Values(tc.keys)))
			got := appendBag([]uint32{}, slices.Clone(tc.keys), &scratch)
			if len(want) == 0 {
				want = []uint32{}
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("appendBag() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
