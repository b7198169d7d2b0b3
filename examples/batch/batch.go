package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/language"

	"github.com/bitextlab/zhen/align"
	"github.com/bitextlab/zhen/align/tmx"
	"github.com/bitextlab/zhen/segment"
)

const usageText = `batch: align a directory of Chinese–English documents into translation memories.

Usage:
  batch [flags] DIR

In DIR, NAME.zh.txt and NAME.en.txt (or NAME_zh.txt and NAME_en.txt, or NAME.zh and NAME.en)
are a Chinese document and its English translation; any other .txt file is read as one
bilingual file (a Chinese block then its English block, or alternating paragraphs).

Examples:
  batch -o tmx press/                 one TMX per document pair, written to the folder tmx/
  batch -merged all.tmx press/        one TMX holding the pairs of every document
  batch -min-confidence 0.6 -merged sure.tmx press/

Flags:
`

const usageTail = `
Exit status: 0 every document aligned; 1 usage error, or nothing could be aligned;
2 some documents were skipped (the summary on standard error says which and why).
`

// Exit codes.
const (
	exitOK      = 0
	exitError   = 1
	exitSkipped = 2
)

type config struct {
	outDir   string
	merged   string
	workers  int
	minConf  float64
	force    bool
	rules    string
	glossary string
	srclang  string
	tgtlang  string
	quiet    bool
}

// job is one document: a pair of monolingual files or one bilingual file.
type job struct {
	index  int
	name   string // label: NAME for a pair, the file name for a bilingual file
	zh, en string // paths; en is empty for a bilingual file
}

// result is what a worker made of a job.
type result struct {
	job
	pairs []align.Pair
	score float64
	err   error
	took  time.Duration
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("batch", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c config
	fs.StringVar(&c.outDir, "o", "", "write one TMX per document into `DIR` (default DIR/tmx)")
	fs.StringVar(&c.merged, "merged", "", "write every pair into one TMX `FILE` instead (\"-\" = standard output)")
	fs.IntVar(&c.workers, "workers", runtime.NumCPU(), "documents aligned at the same time")
	fs.Float64Var(&c.minConf, "min-confidence", 0, "leave out pairs whose confidence is below `X` (0 to 1)")
	fs.BoolVar(&c.force, "force", false, "align documents even when they do not look like translations of each other")
	fs.StringVar(&c.rules, "rules", "default", "sentence `rules`: default, omegat (segments as OmegaT does), or an SRX file")
	fs.StringVar(&c.glossary, "glossary", "", "a term list `FILE` (TSV Chinese<TAB>English, or TBX) that helps the aligner")
	fs.StringVar(&c.srclang, "srclang", "zh-CN", "source language `tag` of the TMX")
	fs.StringVar(&c.tgtlang, "tgtlang", "en-US", "target language `tag` of the TMX")
	fs.BoolVar(&c.quiet, "q", false, "no progress lines")
	fs.Usage = func() {
		fmt.Fprint(stderr, usageText)
		fs.PrintDefaults()
		fmt.Fprint(stderr, usageTail)
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitError
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "batch: give one directory; run 'batch -h' for help")
		return exitError
	}
	code, err := c.run(fs.Arg(0), stdout, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "batch: %v\n", err)
	}
	return code
}

func (c *config) check() (tmx.Header, error) {
	var h tmx.Header
	src, err := language.Parse(c.srclang)
	if err != nil {
		return h, fmt.Errorf("-srclang %q is not a language tag (try zh-CN, en-US)", c.srclang)
	}
	tgt, err := language.Parse(c.tgtlang)
	if err != nil {
		return h, fmt.Errorf("-tgtlang %q is not a language tag (try en-US, zh-CN)", c.tgtlang)
	}
	if c.workers < 1 {
		return h, fmt.Errorf("-workers %d: want at least 1", c.workers)
	}
	if c.minConf < 0 || c.minConf > 1 {
		return h, fmt.Errorf("-min-confidence %v: want a number from 0 to 1", c.minConf)
	}
	if c.merged != "" && c.outDir != "" {
		return h, errors.New("-o and -merged: choose one TMX per document (-o) or one merged TMX (-merged)")
	}
	return tmx.Header{SrcLang: src, TgtLang: tgt}, nil
}

func (c *config) run(dir string, stdout, stderr io.Writer) (int, error) {
	header, err := c.check()
	if err != nil {
		return exitError, err
	}
	jobs, skipped, err := findJobs(dir)
	if err != nil {
		return exitError, err
	}
	if len(jobs) == 0 {
		printSummary(stderr, 0, 0, 0, skipped)
		return exitError, fmt.Errorf("%s: no documents to align (want NAME.zh.txt + NAME.en.txt pairs or bilingual .txt files)", dir)
	}
	seg := &segment.Segmenter{}
	switch c.rules {
	case "", "default":
	case "omegat":
		seg.Rules = segment.OmegaTRules
	default:
		f, err := os.Open(c.rules)
		if err != nil {
			return exitError, fmt.Errorf("-rules: %w", err)
		}
		r, rep, err := segment.LoadSRX(f, c.rules)
		f.Close()
		if err != nil {
			return exitError, err
		}
		if len(rep.Skipped) > 0 {
			// Go's regular expressions cannot express look-around or
			// back-references: say which rules are not used.
			fmt.Fprintf(stderr, "batch: %s: using %d rules; %d cannot be used:\n", c.rules, rep.Used, len(rep.Skipped))
			for _, sk := range rep.Skipped {
				fmt.Fprintf(stderr, "  %s\n", sk)
			}
		}
		seg.Rules = r
	}
	aligner := &align.Aligner{Force: c.force}
	if c.glossary != "" {
		f, err := os.Open(c.glossary)
		if err != nil {
			return exitError, fmt.Errorf("-glossary: %w", err)
		}
		g, err := align.LoadGlossary(f, c.glossary)
		f.Close()
		if err != nil {
			return exitError, err
		}
		aligner.Glossary = g
	}

	out, err := c.newOutput(dir, header, stdout)
	if err != nil {
		return exitError, err
	}

	// Workers align; this goroutine writes results in document order, so a
	// merged TMX is the same whatever the number of workers.
	todo := make(chan job)
	done := make(chan result)
	var wg sync.WaitGroup
	for range min(c.workers, len(jobs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range todo {
				done <- alignJob(seg, aligner, j)
			}
		}()
	}
	go func() {
		for _, j := range jobs {
			todo <- j
		}
		close(todo)
		wg.Wait()
		close(done)
	}()

	start := time.Now()
	pending := map[int]result{}
	next, aligned, units, finished := 0, 0, 0, 0
	var writeErr error
	for r := range done {
		finished++
		if !c.quiet {
			if r.err != nil {
				fmt.Fprintf(stderr, "[%d/%d] %s: skipped: %v\n", finished, len(jobs), r.name, r.err)
			} else {
				fmt.Fprintf(stderr, "[%d/%d] %s: %d pairs, score %.2f, %.1fs\n", finished, len(jobs), r.name, len(r.pairs), r.score, r.took.Seconds())
			}
		}
		pending[r.index] = r
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if r.err != nil {
				skipped = append(skipped, skip{r.name, r.err.Error()})
				continue
			}
			if writeErr == nil {
				n, err := out.write(r)
				writeErr = err
				units += n
			}
			aligned++
		}
	}
	if err := out.close(); writeErr == nil {
		writeErr = err
	}
	if writeErr != nil {
		return exitError, writeErr
	}
	out.report(stderr, c.minConf)
	if !c.quiet {
		fmt.Fprintf(stderr, "batch: %.1fs with %d workers\n", time.Since(start).Seconds(), min(c.workers, len(jobs)))
	}
	printSummary(stderr, aligned, len(jobs), units, skipped)
	switch {
	case aligned == 0:
		return exitError, nil
	case len(skipped) > 0:
		return exitSkipped, nil
	}
	return exitOK, nil
}

func alignJob(seg *segment.Segmenter, a *align.Aligner, j job) result {
	start := time.Now()
	r := result{job: j}
	var zh, en *segment.Document
	zdata, err := os.ReadFile(j.zh)
	if err != nil {
		r.err = err
		return r
	}
	if j.en == "" {
		zh, en, err = seg.Bilingual(filepath.Base(j.zh), zdata)
	} else {
		var edata []byte
		edata, err = os.ReadFile(j.en)
		if err == nil {
			zh, err = seg.Monolingual(filepath.Base(j.zh), zdata, segment.Chinese)
		}
		if err == nil {
			en, err = seg.Monolingual(filepath.Base(j.en), edata, segment.English)
		}
	}
	if err != nil {
		r.err = err
		return r
	}
	al, err := a.Align(zh, en)
	if err != nil {
		var np *align.NotParallelError
		if errors.As(err, &np) {
			err = fmt.Errorf("not a translation pair (score %.2f, below %.2f; -force aligns it anyway)", np.Score, np.Threshold)
		}
		r.err = err
		return r
	}
	r.pairs = al.Pairs()
	for i := range r.pairs {
		r.pairs[i].Doc = j.name
	}
	r.score = al.Score
	r.took = time.Since(start)
	return r
}

// skip is a document left out, with the reason.
type skip struct{ name, why string }

func printSummary(w io.Writer, aligned, total, units int, skipped []skip) {
	fmt.Fprintf(w, "batch: aligned %d of %d documents, %d translation units\n", aligned, total, units)
	if len(skipped) == 0 {
		return
	}
	fmt.Fprintf(w, "batch: %d skipped:\n", len(skipped))
	for _, s := range skipped {
		fmt.Fprintf(w, "  %s: %s\n", s.name, s.why)
	}
}

// findJobs lists the documents in dir: pairs by name, other .txt files as
// bilingual files. Files that fit neither (an unpaired NAME.zh.txt) are
// returned as skipped.
func findJobs(dir string) ([]job, []skip, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, err
	}
	type halves struct{ zh, en string }
	pairs := map[string]*halves{}
	var bilingual []string
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		name := e.Name()
		stem, lang := splitLang(name)
		switch {
		case lang != "":
			h := pairs[stem]
			if h == nil {
				h = &halves{}
				pairs[stem] = h
			}
			if lang == "zh" {
				h.zh = filepath.Join(dir, name)
			} else {
				h.en = filepath.Join(dir, name)
			}
		case strings.EqualFold(filepath.Ext(name), ".txt"):
			bilingual = append(bilingual, name)
		}
	}
	var jobs []job
	var skipped []skip
	for stem, h := range pairs {
		switch {
		case h.en == "":
			skipped = append(skipped, skip{filepath.Base(h.zh), "no English file beside it (want " + stem + ".en.txt)"})
		case h.zh == "":
			skipped = append(skipped, skip{filepath.Base(h.en), "no Chinese file beside it (want " + stem + ".zh.txt)"})
		default:
			jobs = append(jobs, job{name: stem, zh: h.zh, en: h.en})
		}
	}
	for _, b := range bilingual {
		jobs = append(jobs, job{name: b, zh: filepath.Join(dir, b)})
	}
	sort.Slice(jobs, func(i, j int) bool { return jobs[i].name < jobs[j].name })
	sort.Slice(skipped, func(i, j int) bool { return skipped[i].name < skipped[j].name })
	for i := range jobs {
		jobs[i].index = i
	}
	return jobs, skipped, nil
}

// splitLang recognises NAME.zh.txt, NAME_zh.txt, NAME-zh.txt, NAME.zh (and en).
func splitLang(name string) (stem, lang string) {
	base := name
	if strings.EqualFold(filepath.Ext(base), ".txt") {
		base = base[:len(base)-4]
	}
	for _, l := range []string{"zh", "en"} {
		for _, sep := range []string{".", "_", "-"} {
			suf := sep + l
			if len(base) > len(suf) && strings.EqualFold(base[len(base)-len(suf):], suf) {
				return base[:len(base)-len(suf)], l
			}
		}
	}
	return name, ""
}

// output writes results: to one TMX per document or to one merged TMX.
type output struct {
	c      *config
	header tmx.Header
	dir    string
	merged *tmx.Writer
	file   *os.File
	buf    *bufio.Writer
	stats  tmx.Stats // summed over documents
}

func (c *config) newOutput(dir string, h tmx.Header, stdout io.Writer) (*output, error) {
	o := &output{c: c, header: h}
	if c.merged == "" {
		o.dir = c.outDir
		if o.dir == "" {
			o.dir = filepath.Join(dir, "tmx")
		}
		return o, os.MkdirAll(o.dir, 0o755)
	}
	var w io.Writer = stdout
	if c.merged != "-" {
		f, err := os.Create(c.merged)
		if err != nil {
			return nil, err
		}
		o.file = f
		w = f
	}
	o.buf = bufio.NewWriter(w)
	o.merged = o.newWriter(o.buf)
	return o, nil
}

func (o *output) newWriter(w io.Writer) *tmx.Writer {
	tw := tmx.NewWriter(w, o.header)
	tw.MinConfidence = o.c.minConf
	tw.Dedupe = true
	return tw
}

// write writes one document's pairs and returns the number of TUs written.
func (o *output) write(r result) (int, error) {
	if o.merged != nil {
		before := o.merged.Stats().Written
		for _, p := range r.pairs {
			if err := o.merged.Write(p); err != nil {
				return 0, err
			}
		}
		return o.merged.Stats().Written - before, nil
	}
	path := filepath.Join(o.dir, strings.TrimSuffix(r.name, filepath.Ext(r.name))+".tmx")
	f, err := os.Create(path)
	if err != nil {
		return 0, err
	}
	bw := bufio.NewWriter(f)
	tw := o.newWriter(bw)
	for _, p := range r.pairs {
		tw.Write(p) // sticky error, returned by Close
	}
	err = tw.Close()
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	o.add(tw.Stats())
	return tw.Stats().Written, err
}

func (o *output) add(s tmx.Stats) {
	o.stats.Written += s.Written
	o.stats.SkippedEmpty += s.SkippedEmpty
	o.stats.BelowMinConfidence += s.BelowMinConfidence
	o.stats.Duplicates += s.Duplicates
	o.stats.DroppedChars += s.DroppedChars
}

func (o *output) close() error {
	if o.merged == nil {
		return nil
	}
	err := o.merged.Close()
	o.add(o.merged.Stats())
	if ferr := o.buf.Flush(); err == nil {
		err = ferr
	}
	if o.file != nil {
		if cerr := o.file.Close(); err == nil {
			err = cerr
		}
	}
	return err
}

func (o *output) report(w io.Writer, minConf float64) {
	s := o.stats
	fmt.Fprintf(w, "batch: TMX units left out: %d with no counterpart, %d below confidence %g, %d duplicates; %d characters XML cannot carry dropped\n",
		s.SkippedEmpty, s.BelowMinConfidence, minConf, s.Duplicates, s.DroppedChars)
}
