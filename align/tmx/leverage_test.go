package tmx

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bitextlab/zhen/align"
	"github.com/bitextlab/zhen/segment"
)

// leverageFloor is the share of OmegaT segments of seed 001's Chinese text
// that must get a 100% match from our TMX: measured 96.2% (51 of 53
// segments) on the raw Chinese part and 98.1% (51 of 52) on the cleaned
// document when the test was written, minus a margin; the target is 90%.
const leverageFloor = 0.90

// TestOmegaTLeverage aligns seed 001 end to end with the OmegaT-compatible
// segmentation profile (segment.OmegaTRules), writes the TMX, lets OmegaT
// translate the Chinese part with it, and measures how many of OmegaT's
// source segments got a 100% match.
func TestOmegaTLeverage(t *testing.T) {
	matches, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "seeds", "001_*.txt"))
	if len(matches) != 1 {
		t.Fatalf("seed 001 not found in testdata/seeds (%v)", matches)
	}
	data, err := os.ReadFile(matches[0])
	if err != nil {
		t.Fatal(err)
	}
	seg := &segment.Segmenter{Rules: segment.OmegaTRules()}
	zh, en, err := seg.Bilingual(filepath.Base(matches[0]), data)
	if err != nil {
		t.Fatalf("Bilingual: %v", err)
	}
	al, err := (&align.Aligner{}).Align(zh, en)
	if err != nil {
		t.Fatalf("Align: %v", err)
	}
	pairs := al.Pairs()
	doc, st := writeAll(t, Header{}, nil, pairs)
	t.Logf("seed 001: %d beads, %d TUs written, %d skipped (empty side), %d trimmed, %d dropped chars",
		len(pairs), st.Written, st.SkippedEmpty, st.Trimmed, st.DroppedChars)

	// The Chinese part of the seed as the translator has it: the lines
	// before the English translation starts, and the same text after
	// the segmenter's cleaning.
	raw := string(data)
	if i := strings.Index(raw, "Material Ⅰ for the press"); i > 0 {
		raw = raw[:i]
	} else {
		t.Fatal("cannot find the start of the English part of seed 001")
	}
	sources := []struct {
		name, text string
	}{
		{"raw Chinese part", raw},
		{"cleaned Chinese document", zh.Text},
	}
	_, tus, err := ReadAll(bytes.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	tmSource := map[string]bool{}
	for _, tu := range tus {
		v, _ := tu.Variant("zh-CN")
		tmSource[v.Text] = true
	}
	for _, src := range sources {
		t.Run(src.name, func(t *testing.T) {
			// What segment predicts OmegaT will do, in pure Go.
			want := segment.OmegaTSegments(src.text, segment.Chinese)
			predicted := 0
			var missed []string
			for _, s := range want {
				if tmSource[s] {
					predicted++
				} else {
					missed = append(missed, s)
				}
			}
			res := omegaT{Source: src.text, TMX: doc, SrcLang: "zh-CN", TgtLang: "en-US"}.run(t)
			checkLoaded(t, res)
			if res.Total == 0 {
				t.Fatalf("OmegaT found no segments")
			}
			got := float64(res.Total-res.Remaining) / float64(res.Total)
			t.Logf("%s: OmegaT 100%% matches %d of %d segments = %.1f%% (segment.OmegaTSegments predicts %d of %d)",
				src.name, res.Total-res.Remaining, res.Total, 100*got, predicted, len(want))
			for _, m := range missed {
				if r := []rune(m); len(r) > 40 {
					m = string(r[:40]) + "…"
				}
				t.Logf("  no TU for OmegaT segment %q", m)
			}
			if got < leverageFloor {
				t.Errorf("leverage %.1f%% is below the floor %.0f%%", 100*got, 100*leverageFloor)
			}
		})
	}
}
