package align

import (
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestChainIn checks the binary-searched stretch of the sure-anchor chain
// against a scan of the whole chain, on random monotone chains and blocks.
func TestChainIn(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for it := 0; it < 200; it++ {
		var chain [][2]int
		i, j := 0, 0
		for k := rng.IntN(40); k > 0; k-- {
			i += 1 + rng.IntN(5)
			j += 1 + rng.IntN(5)
			chain = append(chain, [2]int{i, j})
		}
		r := &run{chain: chain}
		zs, es := rng.IntN(i+2), rng.IntN(j+2)
		b := block{z: Range{zs, zs + rng.IntN(i+2)}, e: Range{es, es + rng.IntN(j+2)}}
		var want [][2]int
		for _, p := range chain {
			if p[0] >= b.z.Start && p[0] < b.z.End && p[1] >= b.e.Start && p[1] < b.e.End {
				want = append(want, p)
			}
		}
		got := r.chainIn(b)
		if len(got) == 0 {
			got = nil
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("chainIn(%v) on %v mismatch (-want +got):\n%s", b, chain, diff)
		}
	}
}
