package pipeline

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/bitextlab/zhen/align"
	"github.com/bitextlab/zhen/align/review"
	"github.com/bitextlab/zhen/align/tmx"
)

// ErrExists is matched (errors.Is) by the error for an output file that
// exists already when Output.NoClobber is set.
var ErrExists = errors.New("exists already")

// Formats returns the output format names, in the order help texts list
// them.
func Formats() []string {
	return []string{"tmx", "tsv", "csv", "jsonl", "html", "moses", "beads"}
}

// CheckFormat refuses an unknown format name with a message listing the
// valid ones.
func CheckFormat(name string) error {
	if slices.Contains(Formats(), name) {
		return nil
	}
	return fmt.Errorf("pipeline: unknown format %q: want one of %s", name, strings.Join(Formats(), ", "))
}

// Extension returns the file name extension for a format (".tmx", ".tsv",
// ".txt" for beads); "" for moses, which writes NAME.zh and NAME.en.
func Extension(format string) string {
	switch format {
	case "moses":
		return ""
	case "beads":
		return ".txt"
	}
	return "." + format
}

// Output describes where and how pairs are written. Set the fields, call
// Check (or let Open do it), then Open.
type Output struct {
	// Format is one of Formats().
	Format string
	// Path is the output file; "" or "-" writes to Stdout. For moses it is
	// the common name of the two files Path.zh and Path.en, and required.
	Path string
	// Stdout receives the output when Path is "" or "-".
	Stdout io.Writer
	// Inputs are the paths of every input file: an output that is one of
	// them is refused (compared as paths and with os.SameFile).
	Inputs []string
	// Merge is the path of an existing TMX whose units come first (tmx
	// only). It is read in full before any output file is created, so it
	// may be Path itself.
	Merge string
	// MaxSize limits the size of Merge like Config.MaxSize.
	MaxSize int64
	// MinConfidence leaves out pairs below it (check it with
	// CheckMinConfidence first); align.ConfidenceCheck leaves out the
	// pairs to check.
	MinConfidence float64
	// Dedupe writes each identical pair once (the key is tmx.DedupeKey).
	Dedupe bool
	// Languages are the language tags (nil: zh-CN and en-US).
	Languages *Languages
	// Paragraph marks the pairs as paragraphs (the TMX segtype).
	Paragraph bool
	// Title is the HTML page's title.
	Title string
	// Doc, when set, replaces each pair's Doc (the TMX x-document, the
	// JSON Lines "doc"): a file's base name, say, rather than the full
	// local path a shared memory should not carry.
	Doc string
	// NoClobber refuses an output file that exists already.
	NoClobber bool
	// MkdirAll creates the output's folder, and its parents, if missing.
	MkdirAll bool
	// MaxList caps each list of what was left out in the Report (0: 20);
	// the counts are always complete.
	MaxList int
}

// Paths returns the files the output writes: Path, or Path.zh and Path.en
// for moses; none for standard output.
func (o *Output) Paths() []string {
	switch {
	case o.Format == "moses":
		return []string{o.Path + ".zh", o.Path + ".en"}
	case o.Path == "" || o.Path == "-":
		return nil
	}
	return []string{o.Path}
}

// Check refuses an output that cannot be written as described: an unknown
// format, moses without a path, a merge into another format, a minimum
// confidence that is not a number from 0 to 1, an output file that is one
// of the inputs, or one that exists already with NoClobber.
func (o *Output) Check() error {
	if err := CheckFormat(o.Format); err != nil {
		return err
	}
	if o.Format == "moses" && (o.Path == "" || o.Path == "-") {
		return errors.New("pipeline: the moses format writes two files: give their common name as the output path")
	}
	if o.Merge != "" && o.Format != "tmx" {
		return fmt.Errorf("pipeline: merging into an existing memory needs the tmx format, not %s", o.Format)
	}
	if err := CheckMinConfidence(o.MinConfidence); err != nil {
		return err
	}
	for _, p := range o.Paths() {
		if _, err := os.Stat(p); err == nil && o.NoClobber {
			return fmt.Errorf("pipeline: %s: %w", p, ErrExists)
		}
		for _, in := range o.Inputs {
			if sameFile(p, in) {
				return fmt.Errorf("pipeline: the output %s is the input %s: writing it would destroy the input; choose another output name", p, in)
			}
		}
	}
	return nil
}

// Writer writes pairs to an Output. Nothing is visible under the output's
// names until Close succeeds.
type Writer struct {
	o     *Output
	files []*File
	bufs  []*bufio.Writer
	write func(align.Pair) error
	flush func() error
	tmx   *tmx.Writer
	moses *review.MosesWriter
	jsonl *review.JSONLWriter
	html  []align.Pair
	seen  map[string]bool
	rep   Report
	// maxList is Output.MaxList, or its default.
	maxList int
	err     error
	closed  bool
}

// Open checks the output, reads the memory to merge, then creates the output
// files (as temporary files: see File).
func (o *Output) Open() (*Writer, error) {
	if err := o.Check(); err != nil {
		return nil, err
	}
	var merge []byte
	if o.Merge != "" {
		c := Config{MaxSize: o.MaxSize}
		b, err := readLimited(o.Merge, nil, c.maxSize())
		if err != nil {
			return nil, err
		}
		merge = b
	}
	w := &Writer{o: o, rep: Report{Format: o.Format, Paths: o.Paths(), MinConfidence: o.MinConfidence}}
	if w.maxList = o.MaxList; w.maxList <= 0 {
		w.maxList = 20
	}
	var outs []io.Writer
	for _, p := range o.Paths() {
		if o.MkdirAll {
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				w.Abort()
				return nil, fmt.Errorf("pipeline: %w", err)
			}
		}
		f, err := CreateFile(p)
		if err != nil {
			w.Abort()
			return nil, err
		}
		w.files = append(w.files, f)
		outs = append(outs, f)
	}
	if len(outs) == 0 {
		if o.Stdout == nil {
			return nil, errors.New("pipeline: Output has neither Path nor Stdout")
		}
		outs = []io.Writer{o.Stdout}
	}
	for _, out := range outs {
		w.bufs = append(w.bufs, bufio.NewWriterSize(out, 64<<10))
	}
	if err := w.start(merge); err != nil {
		w.Abort()
		return nil, err
	}
	return w, nil
}

func (w *Writer) start(merge []byte) error {
	o, bw := w.o, w.bufs[0]
	switch o.Format {
	case "tmx":
		l := o.Languages
		if l == nil {
			l, _ = NewLanguages("", "")
		}
		seg := tmx.Sentence
		if o.Paragraph {
			seg = tmx.Paragraph
		}
		w.tmx = tmx.NewWriter(bw, tmx.Header{SrcLang: l.Src, TgtLang: l.Tgt, SegType: seg})
		w.tmx.MinConfidence = o.MinConfidence
		w.tmx.KeepDuplicates = !o.Dedupe
		if merge != nil {
			if err := w.tmx.Merge(bytes.NewReader(merge)); err != nil {
				return fmt.Errorf("%s: %w", o.Merge, err)
			}
		}
		w.write = w.tmx.Write
		w.flush = w.tmx.Close
	case "tsv":
		t := review.NewTSVWriter(bw)
		w.write, w.flush = t.Write, t.Flush
	case "csv":
		c := review.NewCSVWriter(bw)
		w.write, w.flush = c.Write, c.Flush
	case "jsonl":
		w.jsonl = review.NewJSONLWriter(bw)
		w.write, w.flush = w.jsonl.Write, w.jsonl.Flush
	case "moses":
		w.moses = review.NewMosesWriter(bw, w.bufs[1])
		w.write, w.flush = w.moses.Write, w.moses.Flush
	case "html":
		w.write = func(p align.Pair) error { w.html = append(w.html, p); return nil }
		w.flush = func() error {
			l := o.Languages
			if l == nil {
				l, _ = NewLanguages("", "")
			}
			st, err := review.WriteHTML(bw, w.html, review.HTMLOptions{Title: o.Title, ZHLang: l.ZH, ENLang: l.EN})
			w.rep.BadEvidence = st.BadEvidence
			return err
		}
	case "beads":
		w.write = func(align.Pair) error {
			return errors.New("pipeline: the beads format takes beads (WriteBeads), not pairs")
		}
		w.flush = func() error { return nil }
	}
	return nil
}

// Write writes pairs, leaving out (and counting, see Report) those below the
// minimum confidence, those with an empty side for the tmx and moses formats
// (an empty segment would erase text in a CAT tool; Moses lines must stay
// parallel), and duplicates when Dedupe is set.
func (w *Writer) Write(pairs ...align.Pair) error {
	if w.err != nil {
		return w.err
	}
	dropEmpty := w.o.Format == "tmx" || w.o.Format == "moses"
	for _, p := range pairs {
		i := w.rep.Pairs
		w.rep.Pairs++
		if w.o.MinConfidence > 0 && !(p.Confidence >= w.o.MinConfidence) {
			w.rep.BelowMinConfidence++
			w.left(ReasonBelowMinConfidence, i, p)
			continue
		}
		if dropEmpty && (strings.TrimSpace(p.ZH) == "" || strings.TrimSpace(p.EN) == "") {
			w.rep.NoCounterpart++
			w.left(ReasonNoCounterpart, i, p)
			continue
		}
		if w.o.Dedupe {
			k := tmx.DedupeKey(p.ZH, p.EN)
			if w.seen[k] {
				w.rep.Duplicates++
				w.left(ReasonDuplicate, i, p)
				continue
			}
			if w.seen == nil {
				w.seen = make(map[string]bool)
			}
			w.seen[k] = true
		}
		if w.o.Doc != "" {
			p.Doc = w.o.Doc
		}
		if err := w.write(p); err != nil {
			w.err = err
			return err
		}
	}
	return nil
}

func (w *Writer) left(reason string, i int, p align.Pair) {
	w.rep.addLeft(Left{Reason: reason, Pair: i, Doc: p.Doc, ZH: p.ZH, EN: p.EN}, w.maxList)
}

// WriteBeads writes beads, one per line as [zh ids]:[en ids] (the beads
// format only).
func (w *Writer) WriteBeads(beads []align.Bead) error {
	if w.err != nil {
		return w.err
	}
	if w.o.Format != "beads" {
		w.err = fmt.Errorf("pipeline: WriteBeads on the %s format", w.o.Format)
		return w.err
	}
	w.err = align.WriteBeads(w.bufs[0], beads)
	w.rep.Written += len(beads)
	return w.err
}

// Close finishes the output: on success the files appear under their names
// (all of them, or none); on error they are left as they were. The Report
// counts what was written and left out.
func (w *Writer) Close() (*Report, error) {
	if w.closed {
		return &w.rep, errors.New("pipeline: Writer closed twice")
	}
	err := w.err
	if err == nil {
		err = w.flush()
	}
	for _, b := range w.bufs {
		if ferr := b.Flush(); err == nil {
			err = ferr
		}
	}
	w.stats()
	if err != nil {
		w.Abort()
		return &w.rep, err
	}
	w.closed = true
	for _, f := range w.files {
		if cerr := f.Commit(); err == nil {
			err = cerr
		}
	}
	return &w.rep, err
}

// stats adds the format writers' own counts to the report.
func (w *Writer) stats() {
	r := &w.rep
	switch {
	case w.tmx != nil:
		st := w.tmx.Stats()
		r.Written = st.Written
		r.Merged, r.MergeSkipped = st.Merged, st.MergeSkipped
		r.MergeDetail += st.MergeReport()
		r.NoCounterpart += st.SkippedEmpty // empty after cleaning
		r.Duplicates += st.Duplicates      // equal to a merged unit
		r.DroppedChars = st.DroppedChars
		r.Conflicts = st.Conflicts
		for _, d := range st.Drops {
			r.addLeft(Left{Reason: ReasonDroppedChars, Pair: -1, Unit: d.TU, Side: d.Side, Offset: d.Offset, Bytes: d.Bytes}, w.maxList)
		}
	case w.moses != nil:
		st := w.moses.Stats()
		r.Written, r.JoinedLines = st.Lines, st.Newlines
		r.NoCounterpart += st.SkippedEmpty
	case w.jsonl != nil:
		r.InvalidUTF8 = w.jsonl.InvalidUTF8()
		r.Written = r.Pairs - r.BelowMinConfidence - r.NoCounterpart - r.Duplicates
	case w.o.Format != "beads":
		r.Written = r.Pairs - r.BelowMinConfidence - r.NoCounterpart - r.Duplicates
	}
}

// Abort removes the temporary files: the targets stay as they were.
func (w *Writer) Abort() {
	w.closed = true
	for _, f := range w.files {
		f.Abort()
	}
}

// WriteAll opens the output, writes pairs (or beads, for the beads format)
// and closes it: all or nothing, as Writer.Close.
func (o *Output) WriteAll(pairs []align.Pair, beads []align.Bead) (*Report, error) {
	w, err := o.Open()
	if err != nil {
		return nil, err
	}
	if o.Format == "beads" {
		err = w.WriteBeads(beads)
	} else {
		err = w.Write(pairs...)
	}
	if err != nil {
		w.Abort()
		return nil, err
	}
	return w.Close()
}
