package main

import (
	"context"
	"fmt"
	"hash/fnv"
	"reflect"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
)

// config is everything the pipeline needs, taken from the flags.
type config struct {
	Input    string // a manifest, or a glob of input files
	Manifest bool   // Input is a manifest (otherwise a glob)
	Output   string // output prefix: PREFIX-00000-of-00004.jsonl …
	Shards   int    // number of output shards (at least 1)
	Align    alignOptions
}

// alignOptions are the alignment settings a worker needs. They travel to
// the workers inside alignFn, so every field is exported.
type alignOptions struct {
	Force         bool    // align texts that do not look parallel
	MinConfidence float64 // leave out pairs below it
	Encoding      string  // input encoding ("" detects it)
	Rules         string  // "default", "omegat", or an SRX file (any Beam file system)
	Glossary      string  // a glossary file (any Beam file system), or ""
	MaxBytes      int64   // larger input files are refused (0: no limit)
}

// task is one document pair to align: its id and one bilingual file, or a
// Chinese file and an English file.
type task struct {
	ID     string
	Files  []string
	Source string // where the task came from: "manifest.tsv:12", or the glob
}

// pairRow is one aligned pair on its way to the output. Record is the
// pair's JSON Lines record (the review.Record schema, as
// review.JSONLWriter writes it, without the line feed); Doc and Index
// (the pair's position in the document's Alignment.Pairs) decide which
// of two duplicates survives. Index is -1 in the empty markers that make
// every TMX shard exist.
type pairRow struct {
	Doc    string
	Index  int
	Shard  int
	Record string
}

// stages are the collections of a built pipeline that tests look at.
type stages struct {
	Aligned beam.PCollection // KV<string, pairRow>: every pair kept, before de-duplication, keyed by dedupeKey
	Pairs   beam.PCollection // pairRow: the pairs written, one per key, with Shard set
	Dead    beam.PCollection // string: dead-letter JSON lines
}

func init() {
	register.DoFn4x1[context.Context, string, func(task), func(string), error](&expandFn{})
	register.DoFn4x1[context.Context, task, func(string, pairRow), func(string), error](&alignFn{})
	register.DoFn3x1[context.Context, int, func(*pairRow) bool, error](&writeShardFn{})
	register.DoFn3x1[context.Context, int, func(*string) bool, error](&writeDeadFn{})
	register.DoFn2x1[string, pairRow, pairRow](&shardFn{})
	register.Function2x1(firstPair)
	register.Function1x1(shardOf)
	register.Function1x1(recordLine)
	register.Function1x2(byShard)
	register.Function1x2(deadKey)
	register.Function1x2(markerRow)
	register.Emitter1[task]()
	register.Emitter1[string]()
	register.Emitter2[string, pairRow]()
	register.Iter1[pairRow]()
	register.Iter1[string]()
	beam.RegisterType(typeOf[task]())
	beam.RegisterType(typeOf[pairRow]())
	beam.RegisterType(typeOf[alignOptions]())
}

// build adds the whole job to s: expand the input into tasks, align each
// task, de-duplicate the pairs across the corpus, and write the shards and
// the dead letters.
func build(s beam.Scope, c config) stages {
	in := beam.Create(s, c.Input)
	tasks, dead1 := beam.ParDo2(s, &expandFn{Manifest: c.Manifest}, in)
	// The expansion runs on one worker; spread the tasks before the
	// expensive step so that every worker aligns some of them.
	tasks = beam.Reshuffle(s, tasks)

	aligned, dead2 := beam.ParDo2(s, &alignFn{Options: c.Align}, tasks)

	// One pair per key across the whole corpus: the first by (document
	// id, index) survives, whatever order the runner delivers them in.
	unique := beam.CombinePerKey(s.Scope("Dedupe"), firstPair, aligned)
	pairs := beam.ParDo(s, &shardFn{Shards: c.Shards}, unique)

	writeJSONL(s.Scope("JSONL"), c, pairs)
	writeTMXMoses(s.Scope("TMX+Moses"), c, pairs)

	dead := beam.Flatten(s, dead1, dead2)
	writeDead(s.Scope("DeadLetters"), c, dead)
	return stages{Aligned: aligned, Pairs: pairs, Dead: dead}
}

// firstPair keeps the pair that comes first by (document id, index), so
// that the survivor of a set of duplicates does not depend on the runner.
func firstPair(a, b pairRow) pairRow {
	if b.Doc < a.Doc || b.Doc == a.Doc && b.Index < a.Index {
		return b
	}
	return a
}

// shardFn gives each unique pair its output shard, from its key.
type shardFn struct {
	Shards int
}

// ProcessElement sets r.Shard from the de-duplication key.
func (f *shardFn) ProcessElement(key string, r pairRow) pairRow {
	h := fnv.New32a()
	h.Write([]byte(key))
	r.Shard = int(h.Sum32() % uint32(f.Shards))
	return r
}

func shardOf(r pairRow) int { return r.Shard }

func recordLine(r pairRow) string { return r.Record }

func byShard(r pairRow) (int, pairRow) { return r.Shard, r }

func deadKey(line string) (int, string) { return 0, line }

// markerRow is the empty marker of shard i (see writeTMXMoses).
func markerRow(i int) (int, pairRow) { return i, pairRow{Index: -1, Shard: i} }

func typeOf[T any]() reflect.Type { return reflect.TypeOf((*T)(nil)).Elem() }

// shardName is the name of shard i of n: PREFIX-00000-of-00004.jsonl.
func shardName(prefix string, i, n int, ext string) string {
	return fmt.Sprintf("%s-%05d-of-%05d.%s", prefix, i, n, ext)
}

// deadName is the name of the dead-letter file.
func deadName(prefix string) string {
	return shardName(prefix+"-deadletters", 0, 1, "jsonl")
}

// writeJSONL writes the JSON Lines shards with textio, one textio.Write
// per shard (textio.Write writes one file). A shard that receives no pair
// is not written: textio writes nothing for an empty collection.
func writeJSONL(s beam.Scope, c config, pairs beam.PCollection) {
	parts := beam.Partition(s, c.Shards, shardOf, pairs)
	for i, part := range parts {
		lines := beam.ParDo(s, recordLine, part)
		textio.Write(s, shardName(c.Output, i, c.Shards, "jsonl"), lines)
	}
}

// writeTMXMoses groups the pairs by shard and writes each shard's TMX
// document and Moses pair of files in one call, so that the TMX has its
// header and footer and line n of the .zh file is the translation of line
// n of the .en file (two independent textio writes could not promise
// that). An empty marker per shard makes every shard exist: a shard with
// no pairs is a valid TMX document with an empty body and two empty Moses
// files.
func writeTMXMoses(s beam.Scope, c config, pairs beam.PCollection) {
	ids := make([]int, c.Shards)
	for i := range ids {
		ids[i] = i
	}
	markers := beam.ParDo(s, markerRow, beam.CreateList(s, ids))
	keyed := beam.Flatten(s, beam.ParDo(s, byShard, pairs), markers)
	beam.ParDo0(s, &writeShardFn{Prefix: c.Output, Shards: c.Shards}, beam.GroupByKey(s, keyed))
}

// writeDead writes the dead letters into one file, which exists (empty)
// when nothing failed, so that a job's outcome is always on disk.
func writeDead(s beam.Scope, c config, dead beam.PCollection) {
	marker := beam.Create(s, "")
	keyed := beam.ParDo(s, deadKey, beam.Flatten(s, dead, marker))
	beam.ParDo0(s, &writeDeadFn{Name: deadName(c.Output)}, beam.GroupByKey(s, keyed))
}
