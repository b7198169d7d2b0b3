package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/bitextlab/zhen/align"
	"github.com/bitextlab/zhen/align/review"
	"github.com/bitextlab/zhen/align/tmx"
)

// write sends the alignment to the output in the chosen format.
func (o *options) write(al *align.Alignment, docName string, stdout, stderr io.Writer) (err error) {
	beads, pairs := al.Beads, al.Pairs
	if o.level == "paragraph" {
		beads, pairs = al.Paragraphs, al.ParagraphPairs
	}
	if o.format == "moses" {
		return o.writeMoses(pairs(), stderr)
	}

	out := stdout
	if o.out != "" && o.out != "-" {
		f, err := os.Create(o.out)
		if err != nil {
			return err
		}
		defer func() {
			if cerr := f.Close(); err == nil && cerr != nil {
				err = cerr
			}
		}()
		out = f
	}
	bw := bufio.NewWriter(out)
	defer func() {
		if ferr := bw.Flush(); err == nil && ferr != nil {
			err = fmt.Errorf("writing %s: %w", o.outName(), ferr)
		}
	}()

	if o.report {
		printAlignReport(stderr, al)
	} else {
		printSkipped(stderr, al)
	}
	switch o.format {
	case "beads":
		return writeBeads(bw, beads)
	case "tmx":
		return o.writeTMX(bw, pairs(), docName, stderr)
	case "tsv":
		w := review.NewTSVWriter(bw)
		return o.each(pairs(), w.Write, w.Flush, stderr)
	case "jsonl":
		w := review.NewJSONLWriter(bw)
		return o.each(pairs(), w.Write, w.Flush, stderr)
	case "html":
		ps := o.filter(pairs(), stderr)
		st, err := review.WriteHTML(bw, ps, review.HTMLOptions{
			Title:  "Alignment review: " + docName,
			ZHLang: o.zhTag,
			ENLang: o.enTag,
		})
		if o.report && st.BadEvidence > 0 {
			fmt.Fprintf(stderr, "HTML: %d evidence spans could not be highlighted (the text is shown unmarked)\n", st.BadEvidence)
		}
		return err
	}
	return usageError{"unknown format " + o.format}
}

func (o *options) outName() string {
	if o.out == "" || o.out == "-" {
		return "standard output"
	}
	return o.out
}

// filter applies -min-confidence for the review formats (the TMX writer
// applies it itself and counts what it leaves out).
func (o *options) filter(pairs []align.Pair, stderr io.Writer) []align.Pair {
	if o.minConf <= 0 {
		return pairs
	}
	kept := pairs[:0:0]
	for _, p := range pairs {
		if p.Confidence >= o.minConf {
			kept = append(kept, p)
		}
	}
	if n := len(pairs) - len(kept); n > 0 && o.report {
		fmt.Fprintf(stderr, "left out %d pairs below confidence %g\n", n, o.minConf)
	}
	return kept
}

func (o *options) each(pairs []align.Pair, write func(align.Pair) error, flush func() error, stderr io.Writer) error {
	for _, p := range o.filter(pairs, stderr) {
		if err := write(p); err != nil {
			return err
		}
	}
	return flush()
}

// writeBeads prints one bead per line in the gold format of the evaluation
// sets: [0,1]:[0], [2]:[] …
func writeBeads(w io.Writer, beads []align.Bead) error {
	var b []byte
	for _, bd := range beads {
		b = b[:0]
		b = appendRange(b, bd.ZH)
		b = append(b, ':')
		b = appendRange(b, bd.EN)
		b = append(b, '\n')
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	return nil
}

func appendRange(b []byte, r align.Range) []byte {
	b = append(b, '[')
	for i := r.Start; i < r.End; i++ {
		if i > r.Start {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, int64(i), 10)
	}
	return append(b, ']')
}

// header makes the TMX header. -srclang is the source language: if it is
// English, the English side of each pair becomes the source.
func (o *options) header() tmx.Header {
	h := tmx.Header{
		SrcLang: language.MustParse(o.srclang), // both checked in check
		TgtLang: language.MustParse(o.tgtlang),
		SegType: tmx.Sentence,
	}
	if o.level == "paragraph" {
		h.SegType = tmx.Paragraph
	}
	return h
}

func (o *options) writeTMX(w io.Writer, pairs []align.Pair, docName string, stderr io.Writer) error {
	tw := tmx.NewWriter(w, o.header())
	tw.MinConfidence = o.minConf
	tw.Dedupe = o.dedupe
	if o.merge != "" {
		f, err := os.Open(o.merge)
		if err != nil {
			return fmt.Errorf("-merge: %w", err)
		}
		err = tw.Merge(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("-merge %s: %w", o.merge, err)
		}
	}
	for _, p := range pairs {
		if p.Doc == "" {
			p.Doc = docName
		}
		if err := tw.Write(p); err != nil {
			return err
		}
	}
	err := tw.Close()
	st := tw.Stats()
	if o.report || st.DroppedChars > 0 {
		fmt.Fprintf(stderr, "TMX: %d units written (%d merged); left out: %d with no counterpart, %d below confidence %g, %d duplicates; %d sources with two different translations; %d characters XML cannot carry dropped; %d segments trimmed of %d bytes of white space\n",
			st.Written, st.Merged, st.SkippedEmpty, st.BelowMinConfidence, o.minConf, st.Duplicates, st.Conflicts, st.DroppedChars, st.Trimmed, st.TrimmedBytes)
		for _, d := range st.Drops {
			fmt.Fprintf(stderr, "  dropped %q from pair %d (%s side, byte %d)\n", d.Bytes, d.Pair, d.Side, d.Offset)
		}
	}
	return err
}

func (o *options) writeMoses(pairs []align.Pair, stderr io.Writer) error {
	zf, err := os.Create(o.out + ".zh")
	if err != nil {
		return err
	}
	defer zf.Close()
	ef, err := os.Create(o.out + ".en")
	if err != nil {
		return err
	}
	defer ef.Close()
	zb, eb := bufio.NewWriter(zf), bufio.NewWriter(ef)
	mw := review.NewMosesWriter(zb, eb)
	if err := o.each(pairs, mw.Write, mw.Flush, stderr); err != nil {
		return err
	}
	if err := zb.Flush(); err != nil {
		return err
	}
	if err := eb.Flush(); err != nil {
		return err
	}
	if o.report {
		fmt.Fprintf(stderr, "moses: %+v\n", mw.Stats())
	}
	if err := zf.Close(); err != nil {
		return err
	}
	return ef.Close()
}

// printAlignReport summarises the alignment on standard error: overall score,
// bead types, paragraphs left out, pairs with no counterpart.
func printAlignReport(w io.Writer, al *align.Alignment) {
	counts := map[string]int{}
	var order []string
	low := 0
	for _, b := range al.Beads {
		t := b.Type()
		if counts[t] == 0 {
			order = append(order, t)
		}
		counts[t]++
		if b.Confidence < 0.5 {
			low++
		}
	}
	var parts []string
	for _, t := range order {
		parts = append(parts, fmt.Sprintf("%s×%d", t, counts[t]))
	}
	fmt.Fprintf(w, "alignment: score %.3f; %d Chinese and %d English sentences in %d beads (%s); %d paragraph beads; %d beads below confidence 0.5\n",
		al.Score, len(al.ZH), len(al.EN), len(al.Beads), strings.Join(parts, " "), len(al.Paragraphs), low)
	printSkipped(w, al)
	for _, b := range al.Beads {
		switch {
		case b.ZH.Len() == 0:
			for i := b.EN.Start; i < b.EN.End; i++ {
				fmt.Fprintf(w, "  no Chinese counterpart for English sentence %d: %.80q\n", i, al.EN[i])
			}
		case b.EN.Len() == 0:
			for i := b.ZH.Start; i < b.ZH.End; i++ {
				fmt.Fprintf(w, "  no English counterpart for Chinese sentence %d: %.80q\n", i, al.ZH[i])
			}
		}
	}
}

// printSkipped names the paragraphs the aligner left out (a paragraph in the
// other language inside a document), so that none disappears without a word.
func printSkipped(w io.Writer, al *align.Alignment) {
	for _, s := range al.Skipped {
		fmt.Fprintf(w, "press2tmx: left out %s paragraph %d (bytes %d–%d of the cleaned text): %s\n", s.Lang, s.Paragraph, s.Span.Start, s.Span.End, s.Reason)
	}
}
