// Command beam aligns a corpus of Chinese–English document pairs on Apache
// Beam: each pair is decoded, segmented and aligned by the zhen library on
// a worker, the pairs are de-duplicated across the whole corpus, and the
// result is written as sharded JSON Lines, TMX 1.4b and Moses files, with
// a dead-letter file for the pairs that could not be aligned. The same
// program runs on the direct runner (in-process, the default), on Flink,
// Spark or Dataflow. See README.md.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/core/metrics"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/s3" // s3:// paths (gs:// and local come with beamx)
	beamlog "github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx" // runners and file systems
)

var (
	input         = flag.String("input", "", "a manifest `FILE` (ID<TAB>FILE or ID<TAB>ZH_FILE<TAB>EN_FILE per line), or a glob of input files (when it holds * ? or [)")
	manifest      = flag.String("manifest", "", "a manifest `FILE` (the same as --input FILE, for a manifest whose name holds * ? or [)")
	output        = flag.String("output", "", "output `PREFIX`: writes PREFIX-00000-of-00004.jsonl, .tmx, .zh, .en and PREFIX-deadletters-00000-of-00001.jsonl (required)")
	shards        = flag.Int("shards", 4, "number of output shards")
	overwrite     = flag.Bool("overwrite", false, "replace the files of an earlier run with the same --output prefix")
	force         = flag.Bool("force", false, "align pairs even when the texts do not look like translations of each other")
	minConfidence = flag.Float64("min_confidence", 0, "leave out pairs whose confidence is below `X` (0 to 1; 0.5 is a reasonable filter)")
	encoding      = flag.String("encoding", "", "character `encoding` of all inputs: utf-8, utf-16le, utf-16be, gb18030, gbk, big5, windows-1252 (default: detect per file)")
	rules         = flag.String("rules", "default", "sentence `rules`: default, omegat (segments as OmegaT cuts them), or an SRX 2.0 file")
	glossary      = flag.String("glossary", "", "a term list `FILE` (TSV: Chinese<TAB>English per line, or TBX) that helps the aligner")
	maxBytes      = flag.Int64("max_bytes", 64<<20, "refuse input files larger than `N` bytes (0: no limit)")
	logLevel      = flag.String("log_level", "warn", "Beam's log `level`: debug, info (prints the plan), warn or error")
)

const usageText = `beam: align a corpus of Chinese–English document pairs on Apache Beam.

Usage:
  beam --input MANIFEST --output PREFIX [flags]     the document pairs listed in a manifest
  beam --input 'GLOB' --output PREFIX [flags]       every file the glob matches: NAME.zh.txt with
                                                    NAME.en.txt (also NAME-zh/-en, NAME_zh/_en),
                                                    any other file is one bilingual file

A manifest has one document pair per line, tab-separated: an id, then one bilingual file, or a
Chinese file and an English file. Relative paths are relative to the manifest. Paths may be local
or gs://… and s3://… URLs.

Output, sharded by the pairs' duplicate key (each pair once in the whole corpus):
  PREFIX-00000-of-00004.jsonl   JSON Lines, one record per pair (as press2tmx -format jsonl)
  PREFIX-00000-of-00004.tmx     TMX 1.4b, zh-CN → en-US, one complete document per shard
  PREFIX-00000-of-00004.zh/.en  Moses plain text, line n of .zh the translation of line n of .en
  PREFIX-deadletters-00000-of-00001.jsonl   the pairs that failed: id, files, kind, reason

Runners: --runner direct (the default here), prism, flink, spark, dataflow; --endpoint for Flink
and Spark job servers; --project, --region, --staging_location for Dataflow (see README.md).

Flags:
`

func main() {
	flag.Usage = usage
	flag.Parse()
	// Beam's own default is prism; this program defaults to the direct
	// runner, which needs no job server.
	if *runners.Runner == "" {
		*runners.Runner = "direct"
	}
	beamlog.LogLevel = *logLevel
	beam.Init() // on a worker, this runs the worker and does not return

	c, err := configFromFlags(flag.Args())
	if err != nil {
		fmt.Fprintf(os.Stderr, "beam: %v\nrun 'beam -h' for help\n", err)
		os.Exit(2)
	}
	ctx := context.Background()
	if err := checkInput(ctx, c); err != nil {
		fail(err)
	}
	if err := prepareOutput(ctx, c.Output, *overwrite); err != nil {
		fail(err)
	}
	// Build the library once here too, so that a bad --rules or
	// --glossary fails before the job starts rather than on every worker.
	if _, _, err := newLibrary(ctx, c.Align); err != nil {
		fail(err)
	}
	p, s := beam.NewPipelineWithRoot()
	build(s, c)
	res, err := beam.Run(ctx, *runners.Runner, p)
	if err != nil {
		fail(err)
	}
	if res != nil {
		printCounters(os.Stderr, res.Metrics(), c)
	}
}

// ownFlags are this program's flags, listed before Beam's in the help.
var ownFlags = map[string]bool{"input": true, "manifest": true, "output": true, "shards": true, "overwrite": true,
	"force": true, "min_confidence": true, "encoding": true, "rules": true, "glossary": true, "max_bytes": true, "log_level": true, "runner": true}

func usage() {
	out := flag.CommandLine.Output()
	fmt.Fprint(out, usageText)
	own := flag.NewFlagSet("beam", flag.ContinueOnError)
	beamFlags := flag.NewFlagSet("beam", flag.ContinueOnError)
	flag.VisitAll(func(f *flag.Flag) {
		if ownFlags[f.Name] {
			own.Var(f.Value, f.Name, f.Usage)
		} else {
			beamFlags.Var(f.Value, f.Name, f.Usage)
		}
	})
	own.SetOutput(out)
	own.PrintDefaults()
	fmt.Fprint(out, "\nBeam's flags (runners, job servers, Dataflow):\n")
	beamFlags.SetOutput(out)
	beamFlags.PrintDefaults()
}

func fail(err error) {
	fmt.Fprintf(os.Stderr, "beam: %v\n", err)
	os.Exit(1)
}

// checkInput fails early, before a job is submitted, when the manifest
// cannot be found (a glob is expanded by the job itself).
func checkInput(ctx context.Context, c config) error {
	if !c.Manifest {
		return nil
	}
	fs, err := filesystem.New(ctx, c.Input)
	if err != nil {
		return err
	}
	defer fs.Close()
	if _, err := fs.Size(ctx, c.Input); err != nil {
		return fmt.Errorf("manifest %s: %w", c.Input, err)
	}
	return nil
}

// configFromFlags checks the flags and makes the job's configuration.
func configFromFlags(args []string) (config, error) {
	var c config
	if len(args) > 0 {
		return c, fmt.Errorf("unexpected argument %q: give the input with --input", args[0])
	}
	switch {
	case *input != "" && *manifest != "":
		return c, errors.New("give --input or --manifest, not both")
	case *manifest != "":
		c.Input, c.Manifest = *manifest, true
	case *input != "":
		c.Input, c.Manifest = *input, !strings.ContainsAny(*input, "*?[")
	default:
		return c, errors.New("no input: give --input MANIFEST or --input 'GLOB'")
	}
	if *output == "" {
		return c, errors.New("no output: give --output PREFIX (such as out/pairs)")
	}
	if strings.HasSuffix(*output, "/") {
		return c, fmt.Errorf("--output %s is a directory: give a file name prefix, such as %spairs", *output, *output)
	}
	c.Output = *output
	if *shards < 1 || *shards > 99999 {
		return c, fmt.Errorf("--shards %d: want 1 to 99999", *shards)
	}
	c.Shards = *shards
	if *minConfidence < 0 || *minConfidence > 1 {
		return c, fmt.Errorf("--min_confidence %v: want a number from 0 to 1", *minConfidence)
	}
	if *maxBytes < 0 {
		return c, fmt.Errorf("--max_bytes %d: want 0 (no limit) or more", *maxBytes)
	}
	c.Align = alignOptions{
		Force:         *force,
		MinConfidence: *minConfidence,
		Encoding:      *encoding,
		Rules:         *rules,
		Glossary:      *glossary,
		MaxBytes:      *maxBytes,
	}
	return c, nil
}

// printCounters prints the job's counters, and what they mean, where the
// runner reports them (the direct runner does).
func printCounters(w io.Writer, m metrics.Results, c config) {
	got := map[string]int64{}
	for _, r := range m.AllMetrics().Counters() {
		if r.Namespace() == "zhen" {
			got[r.Name()] += r.Result()
		}
	}
	if len(got) == 0 {
		fmt.Fprintln(w, "beam: the runner reported no counters; see its console")
		return
	}
	names := make([]string, 0, len(got))
	for n := range got {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "zhen/%s\t%d\n", n, got[n])
	}
	docs := got["documents_aligned"] + got["documents_refused"] + got["documents_failed"]
	fmt.Fprintf(w, "beam: %d document pairs: %d aligned, %d refused as not parallel, %d failed (%s)\n",
		docs, got["documents_aligned"], got["documents_refused"], got["documents_failed"], deadName(c.Output))
	fmt.Fprintf(w, "beam: %d pairs written to %s-*-of-%05d.{jsonl,tmx,zh,en}; %d duplicates dropped; %d left out (no counterpart or below --min_confidence)\n",
		got["pairs_written"], c.Output, c.Shards, got["pairs_aligned"]-got["pairs_written"], got["pairs_left_out"])
}
