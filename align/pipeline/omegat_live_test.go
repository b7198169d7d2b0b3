package pipeline

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/bitextlab/zhen/align"
	"github.com/bitextlab/zhen/align/tmx"
	"github.com/bitextlab/zhen/internal/testenv"
	"github.com/bitextlab/zhen/segment"
)

// TestPressEverySegmentLive aligns the built-in press release (seed 001)
// with the OmegaT rules, regroups the pairs by the segments OmegaT makes of
// the Chinese file (ForOmegaT), writes the TMX and has OmegaT translate
// the Chinese file with it: every segment must be a 100% match.
// Without the regrouping, the heading block (title over two lines, date,
// department: one OmegaT segment) and the paragraph that starts with Word
// residue do not match. The paragraph level is checked in both of
// OmegaT's paragraph modes.
func TestPressEverySegmentLive(t *testing.T) {
	o := testenv.RequireOmegaT(t)
	if testing.Short() {
		t.Skip("runs OmegaT several times; not in -short mode")
	}
	al, zhSource, _ := alignedSeed(t)
	tests := []struct {
		name          string
		pairs         []align.Pair
		regroup       bool
		opts          segment.OmegaTOptions
		settings      testenv.OmegaTSettings
		wantTotal     int
		wantRemaining int
	}{
		{"sentences, pairs as aligned", al.Pairs(), false, segment.OmegaTOptions{}, testenv.OmegaTSettings{}, 53, 2},
		{"sentences, regrouped", al.Pairs(), true, segment.OmegaTOptions{}, testenv.OmegaTSettings{}, 53, 0},
		{"paragraphs, regrouped", al.ParagraphPairs(), true, segment.OmegaTOptions{NoSentences: true}, testenv.OmegaTSettings{NoSentences: true}, 2, 0},
		// every line a paragraph: the two title lines are one paragraph for
		// the aligner, so those two OmegaT segments have no unit
		{"paragraphs at line breaks, regrouped", al.ParagraphPairs(), true,
			segment.OmegaTOptions{NoSentences: true, Paragraphs: segment.OmegaTLineBreaks}, testenv.OmegaTSettings{NoSentences: true, Paragraphs: "BREAKS"}, 19, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pairs := tt.pairs
			if tt.regroup {
				pairs = ForOmegaT(pairs, zhSource, tt.opts)
			}
			total, remaining, target := translateWith(t, o, pairs, tmx.Header{SrcLang: "zh-CN", TgtLang: "en-US"}, tt.settings, zhSource)
			if total != tt.wantTotal || remaining != tt.wantRemaining {
				t.Errorf("OmegaT: %d segments, %d without a match; want %d, %d\ntarget:\n%s", total, remaining, tt.wantTotal, tt.wantRemaining, target)
			}
		})
	}
}

// TestPressEverySegmentLiveEnglish is TestPressEverySegmentLive for an
// English-to-Chinese project: the English block of the press release is
// the source file, the pairs are regrouped by its OmegaT segments
// (ForOmegaTEnglish) and the TMX has srclang en-US. The heading block (one
// OmegaT segment over four lines) matches only when regrouped. Most other
// English segments cannot match: the English splits the long Chinese
// sentences, so a unit's English is often two or three of OmegaT's
// segments (measured: 83 segments, 52 without a match as aligned, 51
// regrouped).
func TestPressEverySegmentLiveEnglish(t *testing.T) {
	o := testenv.RequireOmegaT(t)
	if testing.Short() {
		t.Skip("runs OmegaT; not in -short mode")
	}
	al, _, enSource := alignedSeed(t)
	enFirst := tmx.Header{SrcLang: "en-US", TgtLang: "zh-CN"}
	unmatched := map[bool]int{}
	for _, regroup := range []bool{false, true} {
		pairs := al.Pairs()
		if regroup {
			pairs = ForOmegaTEnglish(pairs, enSource, segment.OmegaTOptions{})
		}
		total, remaining, target := translateWith(t, o, pairs, enFirst, testenv.OmegaTSettings{}, enSource)
		t.Logf("regrouped %v: %d segments, %d without a match", regroup, total, remaining)
		unmatched[regroup] = remaining
		if regroup {
			if !bytes.Contains(target, []byte("（2022年10月20日）")) {
				t.Errorf("the heading block has no match:\n%s", target)
			}
		}
	}
	if unmatched[true] >= unmatched[false] {
		t.Errorf("regrouped: %d segments without a match, as aligned %d: want fewer", unmatched[true], unmatched[false])
	}
	// Paragraph pairs, with OmegaT's sentence segmentation off: every
	// segment matches but the first line ("Material Ⅰ for the press
	// conference…"), which the Chinese does not have.
	pairs := ForOmegaTEnglish(al.ParagraphPairs(), enSource, segment.OmegaTOptions{NoSentences: true})
	total, remaining, target := translateWith(t, o, pairs, enFirst, testenv.OmegaTSettings{NoSentences: true}, enSource)
	t.Logf("paragraphs, regrouped: %d segments, %d without a match", total, remaining)
	if remaining != 1 || !bytes.HasPrefix(target, []byte("Material Ⅰ")) {
		t.Errorf("paragraphs: %d segments, %d without a match; want only the first line\ntarget:\n%s", total, remaining, target)
	}
}

// alignedSeed reads the built-in press release (seed 001), aligns it with
// the OmegaT rules and returns the alignment and the file's Chinese and
// English blocks, each as OmegaT reads it saved as a file of its own.
func alignedSeed(t *testing.T) (al *align.Alignment, zhSource, enSource string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "seeds", "001_38bdb1c42bebbece.txt"))
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(data, []byte("\nMaterial"))
	if i < 0 {
		t.Fatal("seed 001: no English block")
	}
	seg := segment.Segmenter{Rules: segment.OmegaTRules()}
	zh, en, err := seg.Bilingual("001.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	if al, err = (&align.Aligner{}).Align(zh, en); err != nil {
		t.Fatal(err)
	}
	return al, string(data[:i+1]), string(data[i+1:])
}

// translateWith writes pairs as a TMX with header h, has OmegaT translate
// source with it in a project with settings s (their languages those of
// h, which names both), and returns OmegaT's segment counts and the translated file. A log
// with errors fails the test.
func translateWith(t *testing.T, o testenv.OmegaT, pairs []align.Pair, h tmx.Header, s testenv.OmegaTSettings, source string) (total, remaining int, target []byte) {
	t.Helper()
	var buf bytes.Buffer
	w := tmx.NewWriter(&buf, h)
	for _, p := range pairs {
		if err := w.Write(p); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	s.SrcLang, s.TgtLang = h.SrcLang, h.TgtLang
	p, err := o.NewProjectWith(t.TempDir(), s, map[string][]byte{"source/press.utf8": []byte(source), "tm/auto/press.tmx": buf.Bytes()})
	if err != nil {
		t.Fatal(err)
	}
	log, err := p.Translate(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if bad := testenv.OmegaTLogErrors(log); bad != nil {
		t.Errorf("OmegaT log has %v:\n%s", bad, testenv.OmegaTLogTail(log))
	}
	if total, remaining, err = p.Stats(); err != nil {
		t.Fatal(err)
	}
	target, _ = os.ReadFile(filepath.Join(p.Dir, "target", "press.utf8"))
	return total, remaining, target
}
