package pipeline

// SHIMS — delete this file at merge.
//
// Each function below stands in for a name another helper is adding in its
// own branch (see CONTRACT.md, "Seams"). The rest of the package calls only
// these functions, so the merge replaces each body by the one-line call shown
// in its comment and nothing else changes.

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/bitextlab/zhen/align"
	"github.com/bitextlab/zhen/align/review"
	"github.com/bitextlab/zhen/align/tmx"
)

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
