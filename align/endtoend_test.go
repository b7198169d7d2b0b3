package align_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/bitextlab/zhen/align"
	"github.com/bitextlab/zhen/segment"
)

// TestDevSetsEndToEnd aligns the development sets in $ZHEN_DEVSETS (mac-dev,
// aca, mag) as a press office would publish them, not one sentence per
// line: each document is rebuilt as running text (see publish), cut into
// paragraphs and sentences by the segmenter, and aligned; its pairs are
// then compared, by their text, with the gold beads. The segmenter cuts
// sentences where its rules say, not where the gold does (a colon, a
// semicolon, a quotation), so a pair may rightly hold two gold beads: a
// pair counts as right when it is exactly the text of one or more
// consecutive gold beads on both sides ("union" precision and recall; a
// gold bead is found when a right pair covers it). The same measure is
// taken on the sentences as the gold cuts them (AlignSentences), and the
// end-to-end figure may not fall more than 0.01 below it: what the
// segmenter's cuts and paragraphs cost the alignment. Skipped without
// $ZHEN_DEVSETS (the sets are not in the repository).
//
// Measured (2026-12-07): union F end to end / on the gold's sentences:
// mac-dev 0.913 / 0.908, aca 0.993 / 0.995, mag 0.988 / 0.988. With the
// Chinese headings and captions run into the next sentence (as a segmenter
// that glued them would leave them), aca falls to 0.973 and fails.
func TestDevSetsEndToEnd(t *testing.T) {
	root := os.Getenv("ZHEN_DEVSETS")
	if root == "" {
		t.Skip("set ZHEN_DEVSETS to the directory of the development sets (e.g. ../shared/data beside the repository)")
	}
	ran := false
	for _, set := range []string{"mac-dev", "aca", "mag"} {
		golds, _ := filepath.Glob(filepath.Join(root, set, "gold", "*.align"))
		if len(golds) == 0 {
			continue
		}
		ran = true
		t.Run(set, func(t *testing.T) {
			var e2e, split unionCount
			for _, gp := range golds {
				id := strings.TrimSuffix(filepath.Base(gp), ".align")
				zh, en, gold := readDevDoc(t, filepath.Join(root, set), id)
				var pairs [][2]string // the gold's pairs (omissions left out)
				for _, g := range gold {
					if len(g.ZH) > 0 && len(g.EN) > 0 {
						pairs = append(pairs, [2]string{joinAt(zh, g.ZH), joinAt(en, g.EN)})
					}
				}
				ztext, etext := publish(zh, en, gold)
				var seg segment.Segmenter
				zd, err := seg.Monolingual(id+".zh.txt", []byte(ztext), segment.Chinese)
				if err != nil {
					t.Fatal(err)
				}
				ed, err := seg.Monolingual(id+".en.txt", []byte(etext), segment.English)
				if err != nil {
					t.Fatal(err)
				}
				al, err := (&align.Aligner{Force: true}).Align(zd, ed)
				if err != nil {
					t.Fatalf("%s: %v", id, err)
				}
				e2e.add(pairs, al.Pairs())
				sl, err := (&align.Aligner{Force: true}).AlignSentences(zh, en)
				if err != nil {
					t.Fatalf("%s: %v", id, err)
				}
				split.add(pairs, sl.Pairs())
			}
			t.Logf("%s: end to end %v; on the gold's sentences %v", set, &e2e, &split)
			if e2e.f() < split.f()-0.01 {
				t.Errorf("%s: union F %.3f end to end against %.3f on the gold's sentences: want at most 0.01 less", set, e2e.f(), split.f())
			}
		})
	}
	if !ran {
		t.Skipf("no development sets in %s", root)
	}
}

// joinAt joins the lines at idx without separators (the comparison
// ignores white space).
func joinAt(lines []string, idx []int) string {
	var b strings.Builder
	for _, i := range idx {
		b.WriteString(lines[i])
	}
	return b.String()
}

// detachedEnd and detachedStart match the dataset's quotation marks cut
// off from their sentence by a space (`me. "`, `" That`).
var detachedEnd, detachedStart = regexp.MustCompile(`\s+(["”’'])$`), regexp.MustCompile(`^(["“])\s+`)

// publish rebuilds one document pair as running text: a paragraph per four
// gold beads (a break on both sides at the same place), the Chinese
// sentences of a paragraph written one after the other, the English ones
// with a space; a sentence without sentence-final punctuation (a heading, a
// caption, a line ending with a colon) is a paragraph of its own, as it
// would be in print. Gold beads with one side empty are written where they
// stand.
func publish(zh, en []string, gold []goldBead) (string, string) {
	var zb, eb strings.Builder
	var zp, ep []string // the current paragraph's pieces
	flush := func() {
		writeParagraph(&zb, zp, "")
		writeParagraph(&eb, ep, " ")
		zp, ep = zp[:0], ep[:0]
	}
	for k, g := range gold {
		for _, i := range g.ZH {
			zp = append(zp, strings.TrimSpace(zh[i]))
		}
		for _, j := range g.EN {
			s := strings.TrimSpace(en[j])
			s = detachedEnd.ReplaceAllString(s, "$1")
			s = detachedStart.ReplaceAllString(s, "$1")
			ep = append(ep, s)
		}
		if (k+1)%4 == 0 {
			flush()
		}
	}
	flush()
	return zb.String(), eb.String()
}

// writeParagraph writes the sentences of one paragraph to b, joined by sep,
// each sentence that does not end as printed (see endsPrinted) as a
// paragraph of its own; paragraphs end with a blank line.
func writeParagraph(b *strings.Builder, sents []string, sep string) {
	var run []string
	out := func() {
		if len(run) > 0 {
			b.WriteString(strings.Join(run, sep))
			b.WriteString("\n\n")
			run = run[:0]
		}
	}
	for _, s := range sents {
		if !endsPrinted(s) {
			out()
			b.WriteString(s)
			b.WriteString("\n\n")
			continue
		}
		run = append(run, s)
	}
	out()
}

// endsPrinted reports whether a sentence ends with sentence-final
// punctuation (before closing quotes and brackets), in either language.
func endsPrinted(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(`"'”’」』）)]》`, r)
	})
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune("。！？；….!?;", r)
}

// unionCount tallies pairs that are exactly the text of consecutive gold
// beads.
type unionCount struct {
	right, pairs   int // the aligner's pairs (both sides non-empty), and the right ones
	found, goldLen int // the gold beads covered by a right pair, and all of them
}

// add scores the aligner's pairs of one document against the gold's pairs
// (texts compared without white space).
func (c *unionCount) add(gold [][2]string, pairs []align.Pair) {
	squeeze := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) {
				return -1
			}
			return r
		}, s)
	}
	// Each side's gold text as one string, and where its beads end.
	var gz, ge strings.Builder
	zEnd, eEnd := map[int]int{0: 0}, map[int]int{0: 0} // offset → beads before it
	for k, g := range gold {
		gz.WriteString(squeeze(g[0]))
		ge.WriteString(squeeze(g[1]))
		zEnd[gz.Len()], eEnd[ge.Len()] = k+1, k+1
	}
	zs, es := gz.String(), ge.String()
	c.goldLen += len(gold)
	pz, pe := 0, 0
	for _, p := range pairs {
		z, e := squeeze(p.ZH), squeeze(p.EN)
		if z == "" || e == "" {
			continue
		}
		c.pairs++
		kz, ke := strings.Index(zs[pz:], z), strings.Index(es[pe:], e)
		if kz < 0 || ke < 0 {
			continue
		}
		kz += pz
		ke += pe
		pz, pe = kz+len(z), ke+len(e)
		a, ok1 := zEnd[kz]
		b, ok2 := zEnd[kz+len(z)]
		a2, ok3 := eEnd[ke]
		b2, ok4 := eEnd[ke+len(e)]
		if ok1 && ok2 && ok3 && ok4 && a == a2 && b == b2 && b > a {
			c.right++
			c.found += b - a
		}
	}
}

func (c *unionCount) f() float64 {
	p := float64(c.right) / float64(max(c.pairs, 1))
	r := float64(c.found) / float64(max(c.goldLen, 1))
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (c *unionCount) String() string {
	return fmt.Sprintf("union P %.3f R %.3f F %.3f (%d of %d pairs right, %d of %d gold beads found)",
		float64(c.right)/float64(max(c.pairs, 1)), float64(c.found)/float64(max(c.goldLen, 1)), c.f(), c.right, c.pairs, c.found, c.goldLen)
}
