package pipeline

// SHIMS — delete this file at merge.
//
// Each function below stands in for a name another helper is adding in its
// own branch (see CONTRACT.md, "Seams"). The rest of the package calls only
// these functions, so the merge replaces each body by the one-line call shown
// in its comment and nothing else changes.

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/bitextlab/zhen/align"
	"github.com/bitextlab/zhen/align/review"
	"github.com/bitextlab/zhen/align/tmx"
	"github.com/bitextlab/zhen/segment"
)

// loadRules is segment.LoadRules(name) (segin).
func loadRules(name string, maxSize int64) (*segment.Rules, *segment.SRXReport, error) {
	switch name {
	case "", "default":
		return segment.DefaultRules, nil, nil
	case "omegat":
		return segment.OmegaTRules, nil, nil
	}
	data, err := readLimited(name, nil, maxSize)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, nil, fmt.Errorf("segment: rules %q: want default, omegat, or the path of an SRX 2.0 file (no such file)", name)
		}
		return nil, nil, err
	}
	return segment.LoadSRX(bytes.NewReader(data), name)
}

// traditional is zh.Traditional() (segin): the Chinese text is in
// traditional script. Stand-in: counts characters that exist only in one of
// the two scripts among some of the most frequent ones.
func traditional(zh *segment.Document) bool {
	if zh == nil {
		return false
	}
	const trad = "們這個國來時說為會對們學經發實現點過進還與產動種開關問題變應當麼發後從體總義處華區員際務導經濟環"
	const simp = "们这个国来时说为会对们学经发实现点过进还与产动种开关问题变应当么发后从体总义处华区员际务导经济环"
	t, s := 0, 0
	for _, r := range zh.Text {
		if strings.ContainsRune(trad, r) && !strings.ContainsRune(simp, r) {
			t++
		} else if strings.ContainsRune(simp, r) && !strings.ContainsRune(trad, r) {
			s++
		}
	}
	return t > s
}

// checkLangs is tmx.CheckLangs(src, tgt) (tmxharden).
func checkLangs(src, tgt string) error {
	bad := func() error {
		return fmt.Errorf("tmx: language tags %q and %q: one must be Chinese (zh-…) and the other English (en-…)", src, tgt)
	}
	s, err := language.Parse(src)
	if err != nil {
		return bad()
	}
	t, err := language.Parse(tgt)
	if err != nil {
		return bad()
	}
	sb, _ := s.Base()
	tb, _ := t.Base()
	if sb.String() == "zh" && tb.String() == "en" || sb.String() == "en" && tb.String() == "zh" {
		return nil
	}
	return bad()
}

// tmxHeader is tmx.Header{SrcLang: src, TgtLang: tgt, SegType: segType}
// once the tags are plain strings (tmxharden). The tags are checked before.
func tmxHeader(src, tgt, segType string) tmx.Header {
	return tmx.Header{SrcLang: language.Make(src), TgtLang: language.Make(tgt), SegType: segType}
}

// keepDuplicates is w.KeepDuplicates = keep (tmxharden).
func keepDuplicates(w *tmx.Writer, keep bool) { w.Dedupe = !keep }

// csvWriter is review.NewCSVWriter(w) (tmxharden): RFC 4180, UTF-8 with a
// byte-order mark, the TSV's columns.
type csvWriter struct {
	w   *csv.Writer
	err error
}

func newCSVWriter(w io.Writer) *csvWriter {
	c := &csvWriter{w: csv.NewWriter(w)}
	_, c.err = io.WriteString(w, "\uFEFF")
	if c.err == nil {
		c.err = c.w.Write(strings.Split(review.TSVHeader, "\t"))
	}
	return c
}

func (c *csvWriter) Write(p align.Pair) error {
	if c.err == nil {
		c.err = c.w.Write([]string{p.ZH, p.EN, strconv.FormatFloat(p.Confidence, 'f', 3, 64), p.Type, strconv.Itoa(p.Paragraph)})
	}
	return c.err
}

func (c *csvWriter) Flush() error {
	if c.err != nil {
		return c.err
	}
	c.w.Flush()
	return c.w.Error()
}
