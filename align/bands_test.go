package align_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bitextlab/zhen/align"
	"github.com/bitextlab/zhen/segment"
)

// bandLines reads a one-sentence-per-line file.
func bandLines(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimRight(string(b), "\n"), "\n")
}

// bandGold reads gold beads "[zh ids]:[en ids]" as keys of a set.
func bandGold(t *testing.T, path string) map[string]bool {
	t.Helper()
	gold := map[string]bool{}
	for n, l := range bandLines(t, path) {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		a, b, ok := strings.Cut(l, ":")
		var z, e []int
		if !ok || json.Unmarshal([]byte(a), &z) != nil || json.Unmarshal([]byte(b), &e) != nil {
			t.Fatalf("%s:%d: not a bead: %q", path, n+1, l)
		}
		gold[bandKey(z, e)] = true
	}
	return gold
}

func bandKey(z, e []int) string { return fmt.Sprint(z, e) }

func beadKey(b align.Bead) string {
	var z, e []int
	for k := b.ZH.Start; k < b.ZH.End; k++ {
		z = append(z, k)
	}
	for k := b.EN.Start; k < b.EN.End; k++ {
		e = append(e, k)
	}
	return bandKey(z, e)
}

// bandCount is the number of pairs and of right pairs in each band.
type bandCount struct{ n, right [3]int } // green, amber, red

func (c *bandCount) add(b align.Bead, right bool) {
	k := 1
	switch {
	case b.Confidence >= align.ConfidenceHigh:
		k = 0
	case !(b.Confidence >= align.ConfidenceCheck):
		k = 2
	}
	c.n[k]++
	if right {
		c.right[k]++
	}
}

func (c *bandCount) String() string {
	var s []string
	for k, name := range []string{"green", "amber", "red"} {
		p := 0.0
		if c.n[k] > 0 {
			p = float64(c.right[k]) / float64(c.n[k])
		}
		s = append(s, fmt.Sprintf("%s %d/%d = %.1f%%", name, c.right[k], c.n[k], 100*p))
	}
	return strings.Join(s, ", ")
}

// TestBandsPress: no right pair of the built-in press release is coloured
// "check": every bead of press001 that is in the hand-made gold
// has its confidence at or above align.ConfidenceCheck, and so does every
// two-sided pair of seed 001 aligned from the file (all of them are right).
func TestBandsPress(t *testing.T) {
	zh := bandLines(t, "../testdata/align/press001.zh")
	en := bandLines(t, "../testdata/align/press001.en")
	gold := bandGold(t, "../testdata/align/press001.gold")
	al, err := (&align.Aligner{}).AlignSentences(zh, en)
	if err != nil {
		t.Fatal(err)
	}
	var c bandCount
	for _, b := range al.Beads {
		right := gold[beadKey(b)]
		if b.ZH.Len() == 0 || b.EN.Len() == 0 {
			continue
		}
		c.add(b, right)
		if right && !(b.Confidence >= align.ConfidenceCheck) {
			t.Errorf("right pair %s %q coloured check: confidence %.3f < %v", beadKey(b), zh[b.ZH.Start], b.Confidence, align.ConfidenceCheck)
		}
	}
	t.Logf("press001: %s", &c)

	data, err := os.ReadFile("../testdata/seeds/001_38bdb1c42bebbece.txt")
	if err != nil {
		t.Fatal(err)
	}
	zd, ed, err := (&segment.Segmenter{}).Bilingual("001", data)
	if err != nil {
		t.Fatal(err)
	}
	al, err = (&align.Aligner{}).Align(zd, ed)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range al.Pairs() {
		if p.ZH != "" && p.EN != "" && !(p.Confidence >= align.ConfidenceCheck) {
			t.Errorf("seed 001 pair %q coloured check: confidence %.3f < %v", p.ZH, p.Confidence, align.ConfidenceCheck)
		}
	}
}

// TestBandsDevSets measures precision per band on the development sets in
// $ZHEN_DEVSETS (directories NAME/{zh,en}/DOC, one sentence per line, and
// NAME/gold/DOC.align): green must be right at least 98% of the time on
// every set. Skipped without $ZHEN_DEVSETS (the sets are not in the
// repository).
func TestBandsDevSets(t *testing.T) {
	root := os.Getenv("ZHEN_DEVSETS")
	if root == "" {
		t.Skip("set ZHEN_DEVSETS to the directory of the development sets (e.g. ../shared/data beside the repository)")
	}
	for _, set := range []string{"mac-dev", "aca", "mag"} {
		t.Run(set, func(t *testing.T) {
			golds, _ := filepath.Glob(filepath.Join(root, set, "gold", "*.align"))
			if len(golds) == 0 {
				t.Skipf("no gold in %s", filepath.Join(root, set))
			}
			var c bandCount
			for _, g := range golds {
				doc := strings.TrimSuffix(filepath.Base(g), ".align")
				zh := bandLines(t, filepath.Join(root, set, "zh", doc))
				en := bandLines(t, filepath.Join(root, set, "en", doc))
				al, err := (&align.Aligner{}).AlignSentences(zh, en)
				if err != nil {
					t.Fatalf("%s: %v", doc, err)
				}
				gold := bandGold(t, g)
				for _, b := range al.Beads {
					if b.ZH.Len() > 0 && b.EN.Len() > 0 {
						c.add(b, gold[beadKey(b)])
					}
				}
			}
			t.Logf("%s: %s", set, &c)
			if c.n[0] > 0 && float64(c.right[0]) < 0.98*float64(c.n[0]) {
				t.Errorf("%s: green band right %d of %d times, want at least 98%%", set, c.right[0], c.n[0])
			}
		})
	}
}
