package align_test

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bitextlab/zhen/align"
)

// TestDeterministic: the same input gives the same pairs, confidences to the
// last digit, on every run. Go randomises map iteration, so any float sum
// taken in map order would make the last digits wander between runs.
func TestDeterministic(t *testing.T) {
	read := func(name string) []string {
		b, err := os.ReadFile("../testdata/align/" + name)
		if err != nil {
			t.Fatal(err)
		}
		return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	}
	zh, en := read("press001.zh"), read("press001.en")
	// Several copies, so that the anchor keys and their weights are many.
	var zz, ee []string
	for range 4 {
		zz = append(zz, zh...)
		ee = append(ee, en...)
	}
	var first []align.Pair
	for i := range 8 {
		al, err := (&align.Aligner{}).AlignSentences(zz, ee)
		if err != nil {
			t.Fatal(err)
		}
		got := al.Pairs()
		if i == 0 {
			first = got
			continue
		}
		if diff := cmp.Diff(first, got); diff != "" {
			t.Fatalf("run %d differs from run 0 (-first +run):\n%s", i, diff)
		}
	}
}
