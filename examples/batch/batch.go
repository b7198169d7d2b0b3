package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/bitextlab/zhen/align/pipeline"
)

const usageText = `batch: align a folder of Chinese–English documents, with subfolders, into translation
memories or corpus files.

Usage:
  batch [flags] DIR

Which files are a document and its translation (in DIR and every subfolder):
  zh/PATH and en/PATH              a folder zh beside a folder en, the same file name in both
  NAME.zh.txt and NAME.en.txt      also NAME-zh.txt / NAME-en.txt, NAME_zh.txt / NAME_en.txt,
                                   NAME.zh / NAME.en, and .docx or .html instead of .txt
  any other .txt, .docx or .html   one file holding both languages
Two files for one document (dup.zh.txt, dup_zh.txt) or two documents for one output name
(memo.zh.txt + memo.en.txt beside memo.txt) are not aligned but listed (exit status 2).

Examples:
  batch press/                          one TMX per document, in the folder press-aligned/
  batch -format jsonl -out corpus press/  one JSON Lines file per document, in corpus/
  batch -merged all.tmx press/          one TMX with the pairs of every document
  batch -merged sure.tmx -min-confidence {check} press/   leave out the pairs to check

Flags (flags may also come after DIR):
`

const usageTail = `
Exit status: 0 every document aligned; 1 a mistake on the command line, or nothing aligned;
2 some documents were not aligned (the summary on standard error says which and why).
`

// Exit codes: done, usage error or nothing aligned, some documents not aligned.
const exitOK, exitError, exitSkipped = 0, 1, 2

type config struct {
	cfg               pipeline.Config
	outDir, merged    string
	format            string
	workers, maxMB    int64
	minConf           float64
	srclang, tgtlang  string
	dedupe, overwrite bool
	report, quiet     bool
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("batch", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {}
	var c config
	fs.StringVar(&c.outDir, "out", "", "write one file per document into `DIR` (default: the input folder's name + \"-aligned\", beside it)")
	fs.StringVar(&c.outDir, "o", "", "the same as -out")
	fs.StringVar(&c.merged, "merged", "", "write every pair into one `FILE` instead (\"-\" = standard output)")
	fs.StringVar(&c.format, "format", "tmx", "output `format`: "+strings.Join(pipeline.Formats(), ", ")+" (as press2tmx)")
	fs.Int64Var(&c.workers, "workers", int64(runtime.NumCPU()), "documents aligned at the same time")
	fs.Float64Var(&c.minConf, "min-confidence", 0, "leave out pairs whose confidence is below `X` (from 0 to 1; "+pipeline.WithBands("{check} leaves out the pairs to check)"))
	fs.BoolVar(&c.cfg.Force, "force", false, "pair documents even when they do not look like translations of each other")
	fs.StringVar(&c.cfg.Rules, "rules", "default", "where sentences are cut: `default`, omegat (units as OmegaT cuts each Chinese file, as press2tmx), or an SRX file")
	fs.StringVar(&c.cfg.Glossary, "glossary", "", "a term list `FILE` (Chinese<TAB>English per line, or TBX) that helps pairing")
	fs.StringVar(&c.cfg.Encoding, "encoding", "", "character `encoding` of every file, or ZH,EN for the Chinese and the English file of each pair (default: detect)")
	fs.BoolVar(&c.cfg.Lossy, "lossy", false, "replace bytes that are not valid in the encoding by � instead of skipping the document")
	fs.StringVar(&c.srclang, "srclang", "", "language `tag` of the TMX source (default zh-CN, or zh-TW for traditional script)")
	fs.StringVar(&c.tgtlang, "tgtlang", "", "language `tag` of the TMX target (default en-US)")
	fs.BoolVar(&c.dedupe, "dedupe", true, "write each identical Chinese/English pair only once per output file")
	fs.BoolVar(&c.overwrite, "f", false, "overwrite output files that exist already")
	fs.BoolVar(&c.report, "report", false, "one report per document: cleaning, pairing, what was left out")
	fs.Int64Var(&c.maxMB, "max-size", pipeline.DefaultMaxSize>>20, "skip input files larger than `MB` megabytes")
	fs.BoolVar(&c.quiet, "q", false, "no progress lines")
	dirs, err := pipeline.ParseFlags(fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fs.SetOutput(stdout)
		fmt.Fprint(stdout, pipeline.WithBands(usageText))
		fs.PrintDefaults()
		fmt.Fprint(stdout, usageTail)
		return exitOK
	case err == nil && len(dirs) != 1:
		err = errors.New("give one folder")
	}
	code := exitError
	if err == nil {
		c.cfg.MaxSize = c.maxMB << 20
		code, err = c.run(dirs[0], stdout, stderr)
	}
	if err != nil {
		fmt.Fprintf(stderr, "batch: %v\n", err)
		if errors.Is(err, pipeline.ErrExists) {
			fmt.Fprintln(stderr, "batch: -f overwrites existing files; or choose another -out folder")
		} else if code == exitError {
			fmt.Fprintln(stderr, "run 'batch -h' for help")
		}
	}
	return code
}

func (c *config) run(dir string, stdout, stderr io.Writer) (int, error) {
	langs, err := pipeline.NewLanguages(c.srclang, c.tgtlang)
	switch {
	case err != nil:
		return exitError, fmt.Errorf("-srclang/-tgtlang: %w", err)
	case c.workers < 1 || c.maxMB < 1:
		return exitError, fmt.Errorf("-workers %d -max-size %d: want numbers above 0", c.workers, c.maxMB)
	case pipeline.CheckFormat(c.format) != nil || pipeline.CheckMinConfidence(c.minConf) != nil:
		return exitError, cmp.Or(pipeline.CheckFormat(c.format), pipeline.CheckMinConfidence(c.minConf))
	case c.merged != "" && (c.outDir != "" || c.format == "beads"):
		return exitError, errors.New("-merged: one file for all documents, so neither with -out (one file per document) nor with -format beads (sentence numbers are per document)")
	}
	if abs, err := filepath.Abs(dir); c.outDir == "" && c.merged == "" && err == nil {
		c.outDir = abs + "-aligned" // beside the input folder, never in it
	}
	jobs, probs, err := pipeline.Walk(dir, c.outDir)
	if err != nil {
		return exitError, err
	}
	var inputs []string
	for _, j := range jobs {
		inputs = append(inputs, j.Inputs()...)
	}
	output := func(path, title string, l *pipeline.Languages) *pipeline.Output {
		return &pipeline.Output{Format: c.format, Path: path, Stdout: stdout, Inputs: inputs, MinConfidence: c.minConf,
			Dedupe: c.dedupe, Languages: l, Title: "Alignment review: " + title, NoClobber: !c.overwrite, MkdirAll: true}
	}
	perDoc := func(j pipeline.Job, l *pipeline.Languages) *pipeline.Output {
		return output(filepath.Join(c.outDir, filepath.FromSlash(j.Name)+pipeline.Extension(c.format)), j.Name, l)
	}
	for _, j := range jobs {
		if err := perDoc(j, langs).Check(); err != nil && c.merged == "" {
			return exitError, err
		}
	}
	if len(jobs) == 0 {
		printSummary(stderr, 0, 0, 0, probs)
		return exitError, fmt.Errorf("%s: no documents to align", dir)
	}
	seg, srx, err := c.cfg.Segmenter()
	if err != nil {
		return exitError, fmt.Errorf("-rules: %w", err)
	}
	pipeline.PrintSRX(stderr, "batch: ", srx)
	aligner, err := c.cfg.Aligner()
	if err != nil {
		return exitError, fmt.Errorf("-glossary: %w", err)
	}
	var merged *pipeline.Writer
	if c.merged != "" {
		if merged, err = output(c.merged, filepath.Base(dir), langs).Open(); err != nil {
			return exitError, err
		}
		defer merged.Abort() // does nothing after Close
	}

	start, done, aligned, pairs := time.Now(), 0, 0, 0
	total := pipeline.Report{Format: c.format, MinConfidence: c.minConf}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	for r := range c.cfg.AlignJobs(ctx, seg, aligner, langs, jobs, int(c.workers)) {
		var rep *pipeline.Report
		switch {
		case r.Err == nil && merged != nil:
			r.Err = merged.Write(r.Pairs...)
		case r.Err == nil:
			if rep, r.Err = perDoc(r.Job, r.Languages).WriteAll(r.Pairs, r.Alignment.Beads); rep != nil {
				total.Add(rep, 20)
			}
		}
		if done++; r.Err != nil {
			probs = append(probs, pipeline.Problem{Path: r.Job.Name, Reason: r.Err.Error()})
		} else {
			aligned, pairs = aligned+1, pairs+len(r.Pairs)
		}
		if r.Note != "" {
			fmt.Fprintf(stderr, "batch: %s\n", r.Note)
		}
		if c.report {
			pipeline.PrintDocument(stderr, r.ZH, 20)
			pipeline.PrintDocument(stderr, r.EN, 20)
			pipeline.PrintAlignment(stderr, r.Alignment, 20)
			rep.Print(stderr)
		}
		if !c.quiet {
			status, el := fmt.Sprintf("%d pairs", len(r.Pairs)), time.Since(start).Seconds()
			if r.Err != nil {
				status = "not aligned: " + r.Err.Error()
			}
			fmt.Fprintf(stderr, "[%d/%d] %s: %s; %.1f documents/s, %.0f pairs/s\n", done, len(jobs), r.Job.Name, status, float64(done)/el, float64(pairs)/el)
		}
	}
	if ctx.Err() != nil {
		return exitError, errors.New("interrupted: files already written are complete; no other file was changed")
	}
	if merged != nil {
		rep, err := merged.Close()
		if err != nil {
			return exitError, err
		}
		total = *rep
	}
	if c.report {
		total.Print(stderr)
	} else {
		total.PrintBrief(stderr, "batch: ")
	}
	printSummary(stderr, aligned, len(jobs), total.Written, probs)
	switch {
	case aligned == 0:
		return exitError, nil
	case len(probs) > 0:
		return exitSkipped, nil
	}
	return exitOK, nil
}

func printSummary(w io.Writer, aligned, total, units int, probs []pipeline.Problem) {
	fmt.Fprintf(w, "batch: aligned %d of %d documents, %d pairs written\n", aligned, total, units)
	pipeline.PrintProblems(w, "batch: ", probs)
}
