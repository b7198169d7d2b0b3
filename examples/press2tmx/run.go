package main

import (
	"cmp"
	"context"
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/bitextlab/zhen/align"
	"github.com/bitextlab/zhen/align/pipeline"
	"github.com/bitextlab/zhen/segment"
)

// The embedded press material: a Chinese press document followed by its
// English translation in one file (the project's seed 001, identical to
// testdata/seeds/001_38bdb1c42bebbece.txt).
//
//go:embed press/001_38bdb1c42bebbece.txt
var pressSample []byte

const pressSampleName = "press/001_38bdb1c42bebbece.txt"

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
  press2tmx -split FILE...             show where the sentences are cut: one sentence per line,
                                       a blank line between paragraphs
  press2tmx -pairs FILE [flags]        write pairs you checked (the review page's export, or
                                       Chinese<TAB>English lines) as a TMX or another format

Flags may come before or after the file names. Text files (UTF-8, UTF-16, GB18030, GBK, Big5),
Word files (.docx) and web pages (.html) are read.

Examples:
  press2tmx release.txt -o release.tmx             bilingual file to a TMX for OmegaT, Trados or memoQ
  press2tmx zh.txt en.txt -format html -o check.html   side-by-side page to check the pairs
  press2tmx zh.txt en.txt -min-confidence {check} -o sure.tmx   leave out the pairs to check
  press2tmx zh.txt en.txt -rules omegat -o project/tm/auto/zh.tmx
                                                   units cut as OmegaT cuts zh.txt: 100% matches there
  press2tmx new.txt -merge memory.tmx -o memory.tmx   add the pairs of new.txt to an existing memory

Words used below: a "pair" is some Chinese text and its English translation; "1-2" means one
Chinese sentence translated by two English sentences; "1-0" and "0-1" are sentences with no
translation on the other side (never written to a TMX); the "confidence" of a pair, from 0 to 1,
says how sure the aligner is (1 when a person confirmed or edited the pair):
{bands}.

OmegaT (-rules omegat): one unit per segment OmegaT makes of the Chinese file (give OmegaT that
file; of a bilingual file, its Chinese block saved as it stands). With -level paragraph, untick
"Sentence-level segmenting" in Project > Properties (and keep paragraphs ending at empty lines).

Flags:
`

const usageTail = `
Output formats (-format):
  tmx     translation memory (TMX 1.4b): OmegaT (copy it to the project's tm/ folder), Trados Studio
          or memoQ (import it into a translation memory). Chinese is tagged zh-CN, or zh-TW when
          the text is in traditional script, unless you set -srclang/-tgtlang
  tsv     a table: Chinese, English, confidence, type (1-1, 1-2…), paragraph; one pair per line
  csv     the same table as CSV, which Excel and LibreOffice open with the Chinese intact
  jsonl   one JSON object per pair with every score: for programs
  html    a page with the two texts side by side, rows coloured by confidence: to check the pairs
  moses   two plain files PATH.zh and PATH.en, line n of one the translation of line n of the other
  beads   which sentences were paired, one line per pair: [Chinese sentence numbers]:[English
          sentence numbers], counted from 0 (for measuring alignment quality)

Exit status: 0 done; 1 a mistake on the command line or in an input (the message names the file
and the position); 3 the two texts do not look like translations of each other (the message gives
the score; -force aligns them anyway).
`

type options struct {
	cfg       pipeline.Config
	out       string
	format    string
	level     string
	presplit  bool
	lineBeads []align.Bead // -presplit: beads in line numbers, blank lines included
	srclang   string
	tgtlang   string
	minConf   float64
	merge     string
	pairs     string
	maxMB     int64

	report, split, dedupe, fullPath, quiet bool
}

func (o *options) flags(fs *flag.FlagSet) {
	fs.StringVar(&o.out, "o", "", "write the output to `PATH` (default: standard output). It is written in full, then put in place: an existing file is never left half-written")
	fs.StringVar(&o.format, "format", "tmx", "output `format`: "+strings.Join(pipeline.Formats(), ", ")+" (see below)")
	fs.StringVar(&o.level, "level", "sentence", "`sentence` pairs, or whole paragraph pairs (paragraph)")
	fs.BoolVar(&o.presplit, "presplit", false, "the two files already hold one sentence per line: pair line with line, without cleaning or cutting sentences; numbers in -format beads are line numbers")
	fs.StringVar(&o.srclang, "srclang", "", "language `tag` of the TMX source (default zh-CN, or zh-TW for traditional script; en-US or en-GB makes English the source)")
	fs.StringVar(&o.tgtlang, "tgtlang", "", "language `tag` of the TMX target (default en-US; zh-CN, zh-TW or zh-HK when English is the source)")
	fs.Float64Var(&o.minConf, "min-confidence", 0, "leave out pairs whose confidence is below `X` (from 0 to 1; "+pipeline.WithBands("{check} leaves out the pairs to check)"))
	fs.BoolVar(&o.cfg.Force, "force", false, "pair the texts even when they do not look like translations of each other")
	fs.BoolVar(&o.report, "report", false, "say on standard error what cleaning changed, how the text was paired and every pair left out")
	fs.BoolVar(&o.split, "split", false, "only show where sentences are cut: one sentence per line, a blank line between paragraphs")
	fs.StringVar(&o.cfg.Glossary, "glossary", "", "a term list `FILE` that helps pairing: Chinese<TAB>English per line, or a TBX file (the term exchange format of CAT tools)")
	fs.StringVar(&o.cfg.Encoding, "encoding", "", "character `encoding` of the files: utf-8, utf-16le, utf-16be, gb18030, gbk, big5, windows-1252; one for both, or one per file in order, as gb18030,utf-8 (default: detect)")
	fs.BoolVar(&o.cfg.Lossy, "lossy", false, "replace bytes that are not valid in the encoding by � instead of stopping (counted in -report)")
	fs.StringVar(&o.cfg.Rules, "rules", "default", "where sentences are cut: `default`, omegat (exactly as OmegaT cuts them, for 100% matches there), or an SRX file (segmentation rules exported from a CAT tool)")
	fs.BoolVar(&o.dedupe, "dedupe", true, "write each identical Chinese/English pair only once (-dedupe=false keeps repeats)")
	fs.StringVar(&o.merge, "merge", "", "add the pairs to an existing TMX `FILE`: its units come first, repeats are left out (it may be the -o file)")
	fs.StringVar(&o.pairs, "pairs", "", "write the pairs of `FILE` (the review page's export, -format jsonl, or Chinese<TAB>English lines) instead of aligning")
	fs.BoolVar(&o.fullPath, "full-path", false, "write the input's full path in each TMX unit (default: the file name only)")
	fs.Int64Var(&o.maxMB, "max-size", pipeline.DefaultMaxSize>>20, "refuse input files larger than `MB` megabytes")
	fs.BoolVar(&o.quiet, "q", false, "no progress messages")
}

// usageError is a mistake on the command line: exit status 1, with a hint to -h.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("press2tmx", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {}
	var o options
	o.flags(fs)
	files, err := pipeline.ParseFlags(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		fs.SetOutput(stdout)
		fmt.Fprint(stdout, pipeline.WithBands(usageText))
		fs.PrintDefaults()
		fmt.Fprint(stdout, usageTail)
		return exitOK
	}
	if err == nil {
		o.cfg.Stdin, o.cfg.MaxSize = stdin, o.maxMB<<20
		err = o.run(files, stdout, stderr)
	} else {
		err = usageError{err.Error()}
	}
	if err == nil {
		return exitOK
	}
	fmt.Fprintf(stderr, "press2tmx: %v\n", err)
	if errors.Is(err, pipeline.ErrTooLarge) {
		fmt.Fprintln(stderr, "press2tmx: raise the limit with -max-size MB")
	}
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

func (o *options) check(files []string) error {
	if err := pipeline.CheckFormat(o.format); err != nil {
		return usageError{"-format: " + err.Error()}
	}
	if o.level != "sentence" && o.level != "paragraph" {
		return usageError{fmt.Sprintf("-level %q: want sentence or paragraph", o.level)}
	}
	if err := pipeline.CheckMinConfidence(o.minConf); err != nil {
		return usageError{"-min-confidence: " + err.Error()}
	}
	if o.maxMB <= 0 {
		return usageError{fmt.Sprintf("-max-size %d: want a number of megabytes above 0", o.maxMB)}
	}
	switch {
	case o.format == "moses" && (o.out == "" || o.out == "-"):
		return usageError{"-format moses writes two files: give their common name with -o PATH"}
	case o.split && o.presplit:
		return usageError{"-split shows where sentences are cut, -presplit turns cutting off: use one of them"}
	case o.pairs != "" && len(files) > 0:
		return usageError{"-pairs writes the pairs of one file: give no other input file"}
	case !o.split && len(files) > 2:
		return usageError{fmt.Sprintf("%d files given: give one bilingual file, or a Chinese file and an English file", len(files))}
	case o.presplit && len(files) != 2:
		return usageError{"-presplit needs two files: ZH_FILE EN_FILE, one sentence per line"}
	}
	return nil
}

func (o *options) run(files []string, stdout, stderr io.Writer) error {
	if err := o.check(files); err != nil {
		return err
	}
	langs, err := pipeline.NewLanguages(o.srclang, o.tgtlang)
	if err != nil {
		return usageError{"-srclang/-tgtlang: " + err.Error()}
	}
	out := &pipeline.Output{Format: o.format, Path: o.out, Stdout: stdout, Inputs: files, Merge: o.merge,
		MaxSize: o.cfg.MaxSize, MinConfidence: o.minConf, Dedupe: o.dedupe, Languages: langs, Paragraph: o.level == "paragraph"}
	if o.pairs != "" {
		out.Inputs = []string{o.pairs}
	}
	if !o.split {
		if err := out.Check(); err != nil {
			return usageError{err.Error()}
		}
	}
	seg, srx, err := o.cfg.Segmenter()
	if err != nil {
		return fmt.Errorf("-rules: %w", err)
	}
	pipeline.PrintSRX(stderr, "press2tmx: ", srx)
	if o.pairs != "" {
		pairs, err := o.cfg.ReadPairs(o.pairs)
		if err != nil {
			return err
		}
		out.Title = "Alignment review: " + filepath.Base(o.pairs)
		return o.write(out, pairs, nil, stderr)
	}
	ins, err := o.cfg.Read(files...)
	if err != nil {
		return err
	}
	if len(ins) == 0 {
		ins = []pipeline.Input{{Path: pressSampleName, Name: pressSampleName, Data: pressSample, Encoding: o.cfg.Encoding}}
	}
	if o.split {
		return o.printSplit(seg, ins, stdout, stderr)
	}
	src := o.cfg.OmegaTSource(ins, langs) // ins is not used after aligning: its bytes can go once decoded
	out.Doc = ins[0].Name
	al, err := o.align(seg, ins, langs, stderr)
	if err != nil {
		return err
	}
	if !o.fullPath {
		out.Doc = filepath.Base(out.Doc)
	}
	out.Title = "Alignment review: " + out.Doc
	pairs, beads := al.Pairs, al.Beads
	if o.lineBeads != nil {
		beads = o.lineBeads
	}
	if o.level == "paragraph" {
		pairs, beads = al.ParagraphPairs, al.Paragraphs
	}
	if o.report {
		pipeline.PrintAlignment(stderr, al, 100)
	} else {
		pipeline.PrintSkipped(stderr, "press2tmx: ", al, 20)
	}
	if o.format == "beads" { // no pairs to build
		return o.write(out, nil, beads, stderr)
	}
	return o.write(out, o.cfg.OmegaTPairs(seg, src, pairs(), o.level == "paragraph", langs), beads, stderr)
}

func (o *options) write(out *pipeline.Output, pairs []align.Pair, beads []align.Bead, stderr io.Writer) error {
	rep, err := out.WriteAll(pairs, beads)
	if rep != nil && o.report {
		rep.Print(stderr)
	} else if o.format != "beads" {
		rep.PrintBrief(stderr, "press2tmx: ")
	}
	return err
}

func (o *options) align(seg *segment.Segmenter, ins []pipeline.Input, langs *pipeline.Languages, stderr io.Writer) (*align.Alignment, error) {
	a, err := o.cfg.Aligner()
	if err != nil {
		return nil, fmt.Errorf("-glossary: %w", err)
	}
	if !o.quiet {
		a.Progress = pipeline.Progress(stderr, "press2tmx: ")
	}
	if o.presplit {
		zh, err := pipeline.SentenceLines(seg, ins[0])
		en, err2 := pipeline.SentenceLines(seg, ins[1])
		if err = cmp.Or(err, err2); err != nil {
			return nil, err
		}
		al, lines, err := pipeline.AlignLines(context.Background(), a, zh, en)
		o.lineBeads = lines
		return al, err
	}
	zh, en, err := pipeline.Documents(seg, ins)
	if err != nil {
		return nil, err
	}
	if note := langs.Fit(zh); note != "" {
		fmt.Fprintf(stderr, "press2tmx: %s\n", note)
	}
	for _, d := range []*segment.Document{zh, en} {
		if o.report {
			pipeline.PrintDocument(stderr, d, 100)
		} else if d.Report != nil && d.Report.Replaced > 0 {
			fmt.Fprintf(stderr, "press2tmx: %s: %d invalid byte sequences replaced by U+FFFD (-lossy; -report says where)\n", d.Name, d.Report.Replaced)
		}
	}
	return a.Align(zh, en)
}

func (o *options) printSplit(seg *segment.Segmenter, ins []pipeline.Input, w, stderr io.Writer) error {
	var docs []*segment.Document
	for _, in := range ins {
		ds, err := pipeline.FileDocuments(seg, in)
		if err != nil {
			return err
		}
		for _, d := range ds {
			if o.report {
				pipeline.PrintDocument(stderr, d, 100)
			}
		}
		docs = append(docs, ds...)
	}
	return pipeline.WriteSentences(w, stderr, "press2tmx: ", docs...)
}
