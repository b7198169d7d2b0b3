package align

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/bitextlab/zhen/segment"
)

func readSeed(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("../testdata/seeds/" + name)
	if err != nil {
		t.Fatalf("reading seed: %v", err)
	}
	return b
}

const (
	seed000 = "000_6b3897585427d446.txt"
	seed001 = "001_38bdb1c42bebbece.txt"
	seed002 = "002_c618ccbec1cb5b05.txt"
)

// TestSeed001 aligns the Chinese and English halves of seed 001: the 15
// body paragraphs must map 1-1, in order, and the pair is parallel.
func TestSeed001(t *testing.T) {
	var sg segment.Segmenter
	zh, en, err := sg.Bilingual(seed001, readSeed(t, seed001))
	if err != nil {
		t.Fatalf("Bilingual: %v", err)
	}
	al, err := (&Aligner{}).Align(zh, en)
	if err != nil {
		t.Fatalf("Align: %v", err)
	}
	pp := al.ParagraphPairs()
	zp, ep := seedBody(t)
	if len(pp) < len(zp) {
		t.Fatalf("got %d paragraph beads, want at least %d", len(pp), len(zp))
	}
	// The body is the last 15 paragraph beads: each 1-1, in order.
	body := pp[len(pp)-len(zp):]
	for k, p := range body {
		if p.Type != "1-1" || !strings.HasPrefix(p.ZH, prefix(zp[k], 12)) || !strings.HasPrefix(p.EN, prefix(ep[k], 12)) {
			t.Errorf("body paragraph %d: got %s %.30q | %.30q, want 1-1 %.30q | %.30q", k, p.Type, p.ZH, p.EN, zp[k], ep[k])
		}
	}
	// Sentence beads stay inside their paragraph bead, and every Chinese
	// pair text is the original span.
	for _, b := range al.Beads {
		pb := al.Paragraphs[b.Paragraph]
		if b.ZH.Start < pb.ZH.Start || b.ZH.End > pb.ZH.End || b.EN.Start < pb.EN.Start || b.EN.End > pb.EN.End {
			t.Errorf("sentence bead %v:%v crosses paragraph bead %v:%v", b.ZH, b.EN, pb.ZH, pb.EN)
		}
	}
	for k, p := range al.Pairs() {
		if p.ZH != "" && !strings.Contains(zh.Text, p.ZH) {
			t.Errorf("pair %d: Chinese text %.30q is not a span of the document", k, p.ZH)
		}
	}
	if al.Score < 0.6 {
		t.Errorf("Score = %.3f, want ≥ 0.6 for a real translation", al.Score)
	}
}

// prefix returns the first n runes of s.
func prefix(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

func TestNotParallelSeeds(t *testing.T) {
	var sg segment.Segmenter
	zh, err := sg.Monolingual(seed000, readSeed(t, seed000), segment.Chinese)
	if err != nil {
		t.Fatal(err)
	}
	en, err := sg.Monolingual(seed002, readSeed(t, seed002), segment.English)
	if err != nil {
		t.Fatal(err)
	}
	al, err := (&Aligner{}).Align(zh, en)
	if !errors.Is(err, ErrNotParallel) {
		t.Fatalf("Align(seed 000, seed 002) error = %v, want ErrNotParallel", err)
	}
	var np *NotParallelError
	if !errors.As(err, &np) || np.Score != al.Score || np.Threshold != DefaultThreshold {
		t.Errorf("error %#v does not carry the score %.3f and threshold %.3f", err, al.Score, DefaultThreshold)
	}
	if _, err := (&Aligner{Force: true}).Align(zh, en); err != nil {
		t.Errorf("Align with Force: %v", err)
	}
	// The two halves of seed 001 are parallel: no error.
	z1, e1, err := sg.Bilingual(seed001, readSeed(t, seed001))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := (&Aligner{}).Align(z1, e1); err != nil {
		t.Errorf("Align(seed 001 halves): %v", err)
	}
}
