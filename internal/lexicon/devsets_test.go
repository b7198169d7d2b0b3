package lexicon

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestDevSetCoverage measures how well the lexicon tells true sentence
// pairs from wrong ones on gold-aligned dev sets, for tuning the stemmer
// and the gloss reduction. It runs only when ZHEN_DEVSETS names a directory
// with sets laid out as SET/zh/ID, SET/en/ID (one sentence per line) and
// SET/gold/ID.align ("[0,1]:[0]" lines), for example:
//
//	ZHEN_DEVSETS=../shared/data go test -run DevSetCoverage -v ./internal/lexicon
//
// For each gold bead it reports the share of English content words linked
// by a Chinese word of the bead ("covered"), the same for wrong pairs (the
// bead's Chinese with the English of beads 1, 3 and 7 further on), and the
// AUC: how often the true pair's coverage beats a wrong pair's (ties count
// half).
func TestDevSetCoverage(t *testing.T) {
	root := os.Getenv("ZHEN_DEVSETS")
	if root == "" {
		t.Skip("set ZHEN_DEVSETS to a directory of gold-aligned dev sets")
	}
	sets, _ := filepath.Glob(filepath.Join(root, "*", "gold"))
	if len(sets) == 0 {
		t.Fatalf("no SET/gold directories in %s", root)
	}
	l := Builtin()
	segmenters := []struct {
		name string
		seg  func(string) []ZhToken
	}{
		{"forward", l.Chinese},
		{"bidi", func(s string) []ZhToken { return l.AppendChineseBidi(nil, s) }},
	}
	for _, gold := range sets {
		dir := filepath.Dir(gold)
		beads, err := readGoldBeads(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, sg := range segmenters {
			var hit, n, whit, wn, auc, pairs float64
			for i, b := range beads {
				h, k := coverage(l, sg.seg(b[0]), b[1])
				hit, n = hit+h, n+k
				for _, off := range []int{1, 3, 7} {
					w := beads[(i+off)%len(beads)]
					wh, wk := coverage(l, sg.seg(b[0]), w[1])
					whit, wn = whit+wh, wn+wk
					f, wf := h/max(k, 1), wh/max(wk, 1)
					switch {
					case f > wf:
						auc++
					case f == wf:
						auc += 0.5
					}
					pairs++
				}
			}
			t.Logf("%-8s %-7s %5d beads  covered %.3f  wrong pairs %.3f  AUC %.4f",
				filepath.Base(dir), sg.name, len(beads), hit/max(n, 1), whit/max(wn, 1), auc/max(pairs, 1))
		}
	}
}

// coverage returns how many English content words with a stem ID are linked
// by a Chinese word of zt, and how many there are.
func coverage(l *Lexicon, zt []ZhToken, en string) (hit, n float64) {
	for _, e := range l.English(en) {
		if e.Stop || e.ID < 0 {
			continue
		}
		n++
		for _, z := range zt {
			if z.ID >= 0 && l.Translates(z.ID, e.ID) {
				hit++
				break
			}
		}
	}
	return hit, n
}

var goldLine = regexp.MustCompile(`^\[([0-9, ]*)\]:\[([0-9, ]*)\]`)

// readGoldBeads returns the beads of a dev set with both sides non-empty,
// as joined Chinese and English text.
func readGoldBeads(dir string) ([][2]string, error) {
	golds, err := filepath.Glob(filepath.Join(dir, "gold", "*.align"))
	if err != nil || len(golds) == 0 {
		return nil, fmt.Errorf("no gold files in %s", dir)
	}
	var out [][2]string
	for _, g := range golds {
		id := strings.TrimSuffix(filepath.Base(g), ".align")
		side := func(lang string) ([]string, error) {
			b, err := os.ReadFile(filepath.Join(dir, lang, id))
			return strings.Split(string(b), "\n"), err
		}
		zl, err := side("zh")
		if err != nil {
			return nil, err
		}
		el, err := side("en")
		if err != nil {
			return nil, err
		}
		gb, err := os.ReadFile(g)
		if err != nil {
			return nil, err
		}
		for n, line := range strings.Split(string(gb), "\n") {
			m := goldLine.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			pick := func(list string, lines []string, sep string) (string, error) {
				var parts []string
				for f := range strings.SplitSeq(list, ",") {
					if f = strings.TrimSpace(f); f == "" {
						continue
					}
					k, err := strconv.Atoi(f)
					if err != nil || k < 0 || k >= len(lines) {
						return "", fmt.Errorf("%s:%d: bad sentence index %q", g, n+1, f)
					}
					parts = append(parts, lines[k])
				}
				return strings.Join(parts, sep), nil
			}
			z, err := pick(m[1], zl, "")
			if err != nil {
				return nil, err
			}
			e, err := pick(m[2], el, " ")
			if err != nil {
				return nil, err
			}
			if z != "" && e != "" {
				out = append(out, [2]string{z, e})
			}
		}
	}
	return out, nil
}
