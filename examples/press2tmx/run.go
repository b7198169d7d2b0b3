package main

import (
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/text/language"

	"github.com/bitextlab/zhen/align"
	"github.com/bitextlab/zhen/segment"
)

// The embedded press material: a Chinese press document followed by its
// English translation in one file (the project's seed 001, identical to
// testdata/seeds/001_38bdb1c42bebbece.txt).
//
//go:embed press/001_38bdb1c42bebbece.txt
var pressSample []byte

const pressSampleName = "press/001_38bdb1c42bebbece.txt"

// Exit codes.
const (
	exitOK          = 0
	exitError       = 1
	exitNotParallel = 3
)

const usageText = `press2tmx: turn Chinese–English press material into a translation memory.

Usage:
  press2tmx [flags]                    align the built-in sample press release, TMX to standard output
  press2tmx [flags] FILE               one file holding both languages (a Chinese block then its
                                       English block, or paragraphs alternating)
  press2tmx [flags] ZH_FILE EN_FILE    a Chinese file and its English translation ("-" = standard input)
  press2tmx -split FILE...             show what the aligner sees: one sentence per line,
                                       a blank line between paragraphs

Examples:
  press2tmx -o release.tmx release.txt             bilingual file to a TMX for OmegaT, Trados or memoQ
  press2tmx -format html -o review.html zh.txt en.txt   side-by-side page to check the pairs
  press2tmx -min-confidence 0.6 -o clean.tmx zh.txt en.txt   keep only the pairs the aligner is sure of
  press2tmx -rules omegat -o project/tm/auto/release.tmx release.txt
                                                   segments cut as OmegaT cuts them: 100% matches there

Flags:
`

const usageTail = `
Output formats (-format):
  tmx     TMX 1.4b: load it into OmegaT (copy to the project's tm/ folder), Trados Studio
          (import into a translation memory) or memoQ (import into a TM); languages zh-CN and en-US
  tsv     Chinese, English, confidence, bead type, paragraph: one pair per line, for a spreadsheet
  jsonl   one JSON object per pair with every score: for programs
  html    a page with the two texts side by side, rows coloured by confidence
  moses   two plain files PATH.zh and PATH.en, one segment per line (needs -o PATH)
  beads   one alignment bead per line, [zh sentence numbers]:[en sentence numbers], 0-based

Exit status: 0 done; 1 usage or input error; 3 the two texts do not look like translations
of each other (the message gives the score; -force aligns them anyway).
`

type options struct {
	out      string
	format   string
	level    string
	presplit bool
	srclang  string
	tgtlang  string
	minConf  float64
	force    bool
	report   bool
	split    bool
	glossary string
	encoding string
	rules    string
	dedupe   bool
	merge    string
	quiet    bool

	zhTag, enTag string // the Chinese and the English tag among -srclang and -tgtlang
}

// usageError is a mistake on the command line: exit status 1, with a hint to -h.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("press2tmx", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	fs.StringVar(&o.out, "o", "", "write the output to `PATH` (default standard output)")
	fs.StringVar(&o.format, "format", "tmx", "output `format`: tmx, tsv, jsonl, html, moses or beads")
	fs.StringVar(&o.level, "level", "sentence", "translation units: `sentence` pairs or whole paragraph pairs (paragraph)")
	fs.BoolVar(&o.presplit, "presplit", false, "the inputs are already one sentence per line: no cleaning, no segmentation")
	fs.StringVar(&o.srclang, "srclang", "zh-CN", "source language `tag` of the TMX (zh-CN, zh-TW…; en-US or en-GB makes English the source)")
	fs.StringVar(&o.tgtlang, "tgtlang", "en-US", "target language `tag` of the TMX (en-US, en-GB…; zh-CN when English is the source)")
	fs.Float64Var(&o.minConf, "min-confidence", 0, "leave out pairs whose confidence is below `X` (0 to 1; 0.5 is a reasonable filter)")
	fs.BoolVar(&o.force, "force", false, "align even when the texts do not look like translations of each other")
	fs.BoolVar(&o.report, "report", false, "print the cleaning and alignment report on standard error")
	fs.BoolVar(&o.split, "split", false, "only show the segmentation: one sentence per line, a blank line between paragraphs")
	fs.StringVar(&o.glossary, "glossary", "", "a term list `FILE` (TSV: Chinese<TAB>English per line, or TBX) that helps the aligner")
	fs.StringVar(&o.encoding, "encoding", "", "character `encoding` of the inputs: utf-8, utf-16le, utf-16be, gb18030, gbk, big5, windows-1252 (default: detect)")
	fs.StringVar(&o.rules, "rules", "default", "sentence `rules`: default, omegat (segments exactly as OmegaT does, for 100% matches there), or an SRX file")
	fs.BoolVar(&o.dedupe, "dedupe", true, "write each identical Chinese/English pair only once")
	fs.StringVar(&o.merge, "merge", "", "add the pairs to an existing TMX `FILE` (its units come first, duplicates are skipped)")
	fs.BoolVar(&o.quiet, "q", false, "no progress messages")
	fs.Usage = func() {
		fmt.Fprint(stderr, usageText)
		fs.PrintDefaults()
		fmt.Fprint(stderr, usageTail)
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitError // flag package printed the problem and the usage
	}
	err := o.run(fs.Args(), stdin, stdout, stderr)
	if err == nil {
		return exitOK
	}
	fmt.Fprintf(stderr, "press2tmx: %v\n", err)
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintln(stderr, "run 'press2tmx -h' for help")
	}
	if errors.Is(err, align.ErrNotParallel) {
		fmt.Fprintln(stderr, "press2tmx: use -force to align them anyway")
		return exitNotParallel
	}
	return exitError
}

// input is one named input file's bytes.
type input struct {
	name string
	data []byte
}

func readInputs(names []string, stdin io.Reader) ([]input, error) {
	var ins []input
	stdinUsed := false
	for _, n := range names {
		if n == "-" {
			if stdinUsed {
				return nil, usageError{"standard input (-) can be read only once"}
			}
			stdinUsed = true
			b, err := io.ReadAll(stdin)
			if err != nil {
				return nil, fmt.Errorf("standard input: %w", err)
			}
			ins = append(ins, input{"standard input", b})
			continue
		}
		b, err := os.ReadFile(n)
		if err != nil {
			return nil, err // *PathError names the file
		}
		ins = append(ins, input{n, b})
	}
	return ins, nil
}

func (o *options) run(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if err := o.check(args); err != nil {
		return err
	}
	ins, err := readInputs(args, stdin)
	if err != nil {
		return err
	}
	if len(ins) == 0 {
		ins = []input{{pressSampleName, pressSample}}
	}
	seg, err := o.segmenter(stderr)
	if err != nil {
		return err
	}
	if o.split {
		return o.printSplit(seg, ins, stdout, stderr)
	}

	al, docName, err := o.align(seg, ins, stderr)
	if err != nil {
		return err
	}
	return o.write(al, docName, stdout, stderr)
}

func (o *options) check(args []string) error {
	switch o.format {
	case "tmx", "tsv", "jsonl", "html", "moses", "beads":
	default:
		return usageError{fmt.Sprintf("-format %q: want tmx, tsv, jsonl, html, moses or beads", o.format)}
	}
	switch o.level {
	case "sentence", "paragraph":
	default:
		return usageError{fmt.Sprintf("-level %q: want sentence or paragraph", o.level)}
	}
	if o.format == "moses" && o.out == "" {
		return usageError{"-format moses writes two files: give their common name with -o PATH"}
	}
	if o.minConf < 0 || o.minConf > 1 {
		return usageError{fmt.Sprintf("-min-confidence %v: want a number from 0 to 1", o.minConf)}
	}
	if o.split && o.presplit {
		return usageError{"-split shows the segmentation, -presplit turns it off: use one of them"}
	}
	if !o.split && len(args) > 2 {
		return usageError{fmt.Sprintf("%d files given: give one bilingual file, or a Chinese file and an English file", len(args))}
	}
	if o.presplit && len(args) != 2 {
		return usageError{"-presplit needs two files: ZH_FILE EN_FILE, one sentence per line"}
	}
	src, err := language.Parse(o.srclang)
	if err != nil {
		return usageError{fmt.Sprintf("-srclang %q is not a language tag (try zh-CN, zh-TW, en-US, en-GB)", o.srclang)}
	}
	tgt, err := language.Parse(o.tgtlang)
	if err != nil {
		return usageError{fmt.Sprintf("-tgtlang %q is not a language tag (try en-US, en-GB, zh-CN)", o.tgtlang)}
	}
	sb, _ := src.Base()
	tb, _ := tgt.Base()
	switch {
	case sb.String() == "zh" && tb.String() == "en":
		o.zhTag, o.enTag = o.srclang, o.tgtlang
	case sb.String() == "en" && tb.String() == "zh":
		o.zhTag, o.enTag = o.tgtlang, o.srclang
	default:
		return usageError{fmt.Sprintf("-srclang %s -tgtlang %s: one must be Chinese (zh-…) and the other English (en-…)", o.srclang, o.tgtlang)}
	}
	return nil
}

func (o *options) segmenter(stderr io.Writer) (*segment.Segmenter, error) {
	s := &segment.Segmenter{Encoding: o.encoding}
	switch o.rules {
	case "", "default":
	case "omegat":
		s.Rules = segment.OmegaTRules
	default:
		f, err := os.Open(o.rules)
		if err != nil {
			return nil, fmt.Errorf("-rules: %w", err)
		}
		defer f.Close()
		r, rep, err := segment.LoadSRX(f, o.rules)
		if err != nil {
			return nil, err
		}
		printSRXReport(stderr, rep)
		s.Rules = r
	}
	return s, nil
}

// printSRXReport says which rules of a user's SRX file are not used: Go's
// regular expressions cannot express look-around or back-references.
func printSRXReport(w io.Writer, rep *segment.SRXReport) {
	if rep == nil || len(rep.Skipped)+len(rep.Notes) == 0 {
		return
	}
	fmt.Fprintf(w, "press2tmx: %s: using %d rules; %d cannot be used:\n", rep.Name, rep.Used, len(rep.Skipped))
	for _, r := range rep.Skipped {
		fmt.Fprintf(w, "  %s\n", r)
	}
	for _, n := range rep.Notes {
		fmt.Fprintf(w, "  note: %s\n", n)
	}
}

// documents turns the inputs into a Chinese and an English document.
func (o *options) documents(seg *segment.Segmenter, ins []input) (zh, en *segment.Document, err error) {
	switch len(ins) {
	case 1:
		return seg.Bilingual(ins[0].name, ins[0].data)
	case 2:
		zh, err = seg.Monolingual(ins[0].name, ins[0].data, segment.Chinese)
		if err != nil {
			return nil, nil, err
		}
		en, err = seg.Monolingual(ins[1].name, ins[1].data, segment.English)
		if err != nil {
			return nil, nil, err
		}
		return zh, en, nil
	}
	return nil, nil, usageError{"give one bilingual file, or a Chinese file and an English file"}
}

func (o *options) printSplit(seg *segment.Segmenter, ins []input, w, stderr io.Writer) error {
	var docs []*segment.Document
	for _, in := range ins {
		// A file in one language cannot be aligned but can be shown:
		// Bilingual returns its document beside ErrOneLanguage.
		zh, en, err := seg.Bilingual(in.name, in.data)
		if err != nil && (!errors.Is(err, segment.ErrOneLanguage) || zh == nil && en == nil) {
			return err
		}
		for _, d := range []*segment.Document{zh, en} {
			if d != nil {
				docs = append(docs, d)
			}
		}
	}
	bw := newErrWriter(w)
	for i, d := range docs {
		if o.report {
			printSegmentReport(stderr, d)
		}
		if i > 0 {
			bw.printf("\n")
		}
		first := true
		for _, p := range d.Paragraphs {
			if p.Kind == segment.Foreign {
				// Set apart: the aligner does not see it. Say so, so
				// that nothing disappears without a word.
				fmt.Fprintf(stderr, "press2tmx: %s: line %d: paragraph in the other language set apart, not aligned: %.60q\n", d.Name, p.Line, p.In(d.Text))
				continue
			}
			if !first {
				bw.printf("\n")
			}
			first = false
			for _, s := range p.Sentences {
				bw.printf("%s\n", oneLine(s.In(d.Text)))
			}
		}
	}
	return bw.err
}

// oneLine keeps a sentence on one output line.
func oneLine(s string) string {
	s = strings.TrimSpace(s)
	if strings.ContainsAny(s, "\r\n") {
		s = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
	}
	return s
}

func (o *options) aligner(stderr io.Writer) (*align.Aligner, error) {
	a := &align.Aligner{Force: o.force}
	if o.glossary != "" {
		f, err := os.Open(o.glossary)
		if err != nil {
			return nil, fmt.Errorf("-glossary: %w", err)
		}
		defer f.Close()
		g, err := align.LoadGlossary(f, o.glossary)
		if err != nil {
			return nil, err
		}
		a.Glossary = g
	}
	if !o.quiet {
		a.Progress = newProgress(stderr).update
	}
	return a, nil
}

func (o *options) align(seg *segment.Segmenter, ins []input, stderr io.Writer) (*align.Alignment, string, error) {
	a, err := o.aligner(stderr)
	if err != nil {
		return nil, "", err
	}
	if o.presplit {
		zh, err := presplitLines(ins[0], o.encoding)
		if err != nil {
			return nil, "", err
		}
		en, err := presplitLines(ins[1], o.encoding)
		if err != nil {
			return nil, "", err
		}
		al, err := a.AlignSentences(zh, en)
		return al, filepath.Base(ins[0].name), err
	}
	zh, en, err := o.documents(seg, ins)
	if err != nil {
		return nil, "", err
	}
	if o.report {
		printSegmentReport(stderr, zh)
		printSegmentReport(stderr, en)
	}
	al, err := a.Align(zh, en)
	return al, filepath.Base(ins[0].name), err
}

// presplitLines decodes a one-sentence-per-line file. Line i is sentence i,
// empty lines included, so bead numbers are line numbers.
func presplitLines(in input, enc string) ([]string, error) {
	// Decode as the Segmenter would (encoding detection, NUL padding,
	// error positions), but do no cleaning: line i stays sentence i.
	text, _, err := (&segment.Segmenter{Encoding: enc}).DecodeFile(in.name, in.data)
	if err != nil {
		return nil, err // names the file, line and byte
	}
	text = strings.TrimSuffix(text, "\n") // a blank file is ErrEmpty already
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	return lines, nil
}

func printSegmentReport(w io.Writer, d *segment.Document) {
	if d == nil || d.Report == nil {
		return
	}
	r := d.Report
	fmt.Fprintf(w, "%s: %s, encoding %s", d.Name, d.Lang, r.Encoding)
	if r.Layout != "" {
		fmt.Fprintf(w, ", layout %s", r.Layout)
	}
	fmt.Fprintf(w, ", %d paragraphs, %d changes\n", len(d.Paragraphs), len(r.Changes))
	for _, c := range r.Changes {
		fmt.Fprintf(w, "  %s\n", c)
	}
}

// errWriter remembers the first write error so that printing code stays flat.
type errWriter struct {
	w   io.Writer
	err error
}

func newErrWriter(w io.Writer) *errWriter { return &errWriter{w: w} }

func (e *errWriter) printf(format string, a ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, a...)
	}
}
