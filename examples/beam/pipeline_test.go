package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	beamlog "github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/passert"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/google/go-cmp/cmp"

	"github.com/bitextlab/zhen/align"
	"github.com/bitextlab/zhen/align/review"
	"github.com/bitextlab/zhen/align/tmx"
	"github.com/bitextlab/zhen/segment"
)

func TestMain(m *testing.M) {
	beamlog.LogLevel = "warn" // not the plan of every pipeline
	ptest.MainWithDefault(m, "direct")
}

func init() {
	register.Function2x1(alignedLine)
	register.Function1x1(pairLine)
}

// alignedLine and pairLine print a pipeline row as "doc<TAB>index<TAB>record"
// for passert.
func alignedLine(_ string, r pairRow) string { return rowLine(r) }
func pairLine(r pairRow) string              { return rowLine(r) }

func rowLine(r pairRow) string { return fmt.Sprintf("%s\t%d\t%s", r.Doc, r.Index, r.Record) }

// seedFile is the bilingual press document of the repository (Chinese
// block, then its English translation).
func seedFile(t testing.TB) (string, []byte) {
	t.Helper()
	names, err := filepath.Glob("../../testdata/seeds/001_*.txt")
	if err != nil || len(names) != 1 {
		t.Fatalf("seed 001: %v, %d files", err, len(names))
	}
	data, err := os.ReadFile(names[0])
	if err != nil {
		t.Fatal(err)
	}
	return names[0], data
}

func otherSeed(t testing.TB, n string) []byte {
	t.Helper()
	names, _ := filepath.Glob("../../testdata/seeds/" + n + "_*.txt")
	if len(names) != 1 {
		t.Fatalf("seed %s: %d files", n, len(names))
	}
	data, err := os.ReadFile(names[0])
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// paragraphs returns the text of each paragraph of d, in order.
func paragraphs(d *segment.Document) []string {
	var out []string
	for _, p := range d.Paragraphs {
		out = append(out, d.Text[p.Start:p.End])
	}
	return out
}

// corpusDoc is one document pair of the test corpus: its id, its files
// (relative to the corpus directory) and, for a pair that must fail, the
// dead-letter kind expected.
type corpusDoc struct {
	id    string
	files []string
	kind  string // "" for a pair that aligns
}

// makeCorpus writes the test corpus into dir and returns its documents and
// the manifest's path. Good pairs: the seed as one bilingual file; the same
// file again under another id (a duplicate document); the seed as two
// monolingual files; subsets of its body paragraphs (the last 4, the last
// 7); its body paragraphs in reverse order. Bad pairs: invalid bytes, texts
// that are not translations of each other, an empty file, a missing file,
// and a manifest line with one field.
func makeCorpus(t testing.TB, dir string) ([]corpusDoc, string) {
	t.Helper()
	name, data := seedFile(t)
	zh, en, err := (&segment.Segmenter{}).Bilingual(name, data)
	if err != nil {
		t.Fatal(err)
	}
	zp, ep := paragraphs(zh), paragraphs(en)
	// The two title blocks differ (the English has an extra header line);
	// the bodies are paragraph-parallel, so tails of equal length match.
	body := min(len(zp), len(ep)) - 6
	if body < 8 {
		t.Fatalf("seed has %d/%d paragraphs: too few for the generated pairs", len(zp), len(ep))
	}
	tail := func(ps []string, n int) []string { return ps[len(ps)-n:] }
	reversed := func(ps []string) []string {
		out := append([]string(nil), ps...)
		for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
			out[i], out[j] = out[j], out[i]
		}
		return out
	}
	write := func(file string, b []byte) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, file)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, file), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	join := func(ps []string) []byte { return []byte(strings.Join(ps, "\n\n") + "\n") }

	write("seed.txt", data)
	write("copy/seed-again.txt", data)
	write("split/zh.txt", []byte(zh.Text))
	write("split/en.txt", []byte(en.Text))
	write("tail4/zh.txt", join(tail(zp, 4)))
	write("tail4/en.txt", join(tail(ep, 4)))
	write("tail7/zh.txt", join(tail(zp, 7)))
	write("tail7/en.txt", join(tail(ep, 7)))
	write("rev/zh.txt", join(reversed(tail(zp, body))))
	write("rev/en.txt", join(reversed(tail(ep, body))))
	// Valid UTF-8 Chinese with a stray 0xFF byte: no encoding holds it.
	bad := append([]byte(strings.Join(tail(zp, 3), "\n")), 0xFF, 0xFE, 0xFF)
	write("bad/zh.txt", append(bad, []byte(strings.Join(tail(zp, 2), "\n"))...))
	write("bad/en.txt", join(tail(ep, 5)))
	write("unrelated/zh.txt", join(tail(zp, 6)))
	write("unrelated/en.txt", otherSeed(t, "002"))
	write("empty/zh.txt", join(tail(zp, 3)))
	write("empty/en.txt", nil)

	docs := []corpusDoc{
		{id: "seed", files: []string{"seed.txt"}},
		{id: "seed-again", files: []string{"copy/seed-again.txt"}},
		{id: "split", files: []string{"split/zh.txt", "split/en.txt"}},
		{id: "tail4", files: []string{"tail4/zh.txt", "tail4/en.txt"}},
		{id: "tail7", files: []string{"tail7/zh.txt", "tail7/en.txt"}},
		{id: "rev", files: []string{"rev/zh.txt", "rev/en.txt"}},
		{id: "bad-bytes", files: []string{"bad/zh.txt", "bad/en.txt"}, kind: kindEncoding},
		{id: "unrelated", files: []string{"unrelated/zh.txt", "unrelated/en.txt"}, kind: kindNotParallel},
		{id: "empty", files: []string{"empty/zh.txt", "empty/en.txt"}, kind: kindEmpty},
		{id: "missing", files: []string{"nowhere.txt"}, kind: kindUnreadable},
	}
	var m bytes.Buffer
	m.WriteString("# test corpus\n\n")
	for _, d := range docs {
		m.WriteString(d.id + "\t" + strings.Join(d.files, "\t") + "\n")
	}
	m.WriteString("lonely-id\n")
	docs = append(docs, corpusDoc{id: "lonely-id", kind: kindManifest})
	write("manifest.tsv", m.Bytes())
	return docs, filepath.Join(dir, "manifest.tsv")
}

// libraryRows aligns every good document of the corpus with the library
// directly, document by document, as a program would without Beam, and
// returns the rows the pipeline must produce before de-duplication.
func libraryRows(t testing.TB, dir string, docs []corpusDoc, o alignOptions) []pairRow {
	t.Helper()
	seg := segment.Segmenter{Encoding: o.Encoding}
	al := align.Aligner{Force: o.Force}
	var rows []pairRow
	for _, d := range docs {
		if d.kind != "" {
			continue
		}
		var zh, en *segment.Document
		var err error
		read := func(f string) []byte {
			b, err := os.ReadFile(filepath.Join(dir, f))
			if err != nil {
				t.Fatal(err)
			}
			return b
		}
		if len(d.files) == 1 {
			f := filepath.Join(dir, d.files[0])
			zh, en, err = seg.Bilingual(f, read(d.files[0]))
		} else {
			zh, err = seg.Monolingual(filepath.Join(dir, d.files[0]), read(d.files[0]), segment.Chinese)
			if err == nil {
				en, err = seg.Monolingual(filepath.Join(dir, d.files[1]), read(d.files[1]), segment.English)
			}
		}
		if err != nil {
			t.Fatalf("%s: %v", d.id, err)
		}
		res, err := al.Align(zh, en)
		if err != nil {
			t.Fatalf("%s: %v", d.id, err)
		}
		for i, p := range res.Pairs() {
			if p.ZH == "" || p.EN == "" || p.Confidence < o.MinConfidence {
				continue
			}
			p.Doc = d.id
			var b bytes.Buffer
			w := review.NewJSONLWriter(&b)
			w.Write(p)
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			rows = append(rows, pairRow{Doc: d.id, Index: i, Record: strings.TrimSuffix(b.String(), "\n")})
		}
	}
	return rows
}

// dedupe keeps, for each tmx.DedupeKey, the row that comes first by
// (document id, index).
func dedupe(t testing.TB, rows []pairRow) []pairRow {
	sorted := append([]pairRow(nil), rows...)
	sort.Slice(sorted, func(i, j int) bool {
		if sorted[i].Doc != sorted[j].Doc {
			return sorted[i].Doc < sorted[j].Doc
		}
		return sorted[i].Index < sorted[j].Index
	})
	seen := map[string]bool{}
	var out []pairRow
	for _, r := range sorted {
		p, err := r.pair()
		if err != nil {
			t.Fatal(err)
		}
		k := tmx.DedupeKey(p.ZH, p.EN)
		if !seen[k] {
			seen[k] = true
			out = append(out, r)
		}
	}
	return out
}

func lines(rows []pairRow) []any {
	var out []any
	for _, r := range rows {
		out = append(out, rowLine(r))
	}
	return out
}

// TestPipeline runs the whole job on the direct runner over the test corpus
// and checks its collections, its files and its counters against the
// library run document by document.
func TestPipeline(t *testing.T) {
	dir := t.TempDir()
	docs, manifestPath := makeCorpus(t, dir)
	c := config{Input: manifestPath, Manifest: true, Output: filepath.Join(dir, "out", "pairs"), Shards: 3}

	want := libraryRows(t, dir, docs, c.Align)
	wantUnique := dedupe(t, want)
	if len(wantUnique) >= len(want) || len(wantUnique) == 0 {
		t.Fatalf("test corpus: %d pairs, %d unique: want some duplicates", len(want), len(wantUnique))
	}

	p, s := beam.NewPipelineWithRoot()
	st := build(s, c)
	// Same text, same order (index) in every document as the library.
	passert.Equals(s.Scope("aligned"), beam.ParDo(s, alignedLine, st.Aligned), lines(want)...)
	// Each duplicate once: the first by (document id, index).
	passert.Equals(s.Scope("unique"), beam.ParDo(s, pairLine, st.Pairs), lines(wantUnique)...)
	res, err := ptest.RunWithMetrics(p)
	if err != nil {
		t.Fatal(err)
	}

	t.Run("counters", func(t *testing.T) {
		got := map[string]int64{}
		for _, r := range res.Metrics().AllMetrics().Counters() {
			if r.Namespace() == "zhen" {
				got[r.Name()] += r.Result()
			}
		}
		wantC := map[string]int64{
			"documents_aligned": 6, "documents_refused": 1, "documents_failed": 4,
			"pairs_aligned": int64(len(want)), "pairs_written": int64(len(wantUnique)),
		}
		for k, v := range wantC {
			if got[k] != v {
				t.Errorf("counter %s = %d, want %d", k, got[k], v)
			}
		}
	})

	t.Run("jsonl", func(t *testing.T) {
		var gotLines []string
		for i := 0; i < c.Shards; i++ {
			gotLines = append(gotLines, readLines(t, shardName(c.Output, i, c.Shards, "jsonl"))...)
		}
		var wantLines []string
		for _, r := range wantUnique {
			wantLines = append(wantLines, r.Record)
		}
		sort.Strings(gotLines)
		sort.Strings(wantLines)
		if diff := cmp.Diff(wantLines, gotLines); diff != "" {
			t.Errorf("JSONL shards mismatch (-want +got):\n%s", diff)
		}
	})

	wantText := map[[2]string]int{}
	for _, r := range wantUnique {
		p, _ := r.pair()
		wantText[[2]string{p.ZH, p.EN}]++
	}

	t.Run("tmx", func(t *testing.T) {
		got := map[[2]string]int{}
		for i := 0; i < c.Shards; i++ {
			name := shardName(c.Output, i, c.Shards, "tmx")
			xmllint(t, name)
			f, err := os.Open(name)
			if err != nil {
				t.Fatal(err)
			}
			_, tus, err := tmx.ReadAll(f)
			f.Close()
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			for _, tu := range tus {
				if len(tu.Variants) != 2 {
					t.Fatalf("%s: a TU with %d variants", name, len(tu.Variants))
				}
				got[[2]string{tu.Variants[0].Text, tu.Variants[1].Text}]++
			}
		}
		if diff := cmp.Diff(wantText, got); diff != "" {
			t.Errorf("TMX shards mismatch (-want +got):\n%s", diff)
		}
	})

	t.Run("moses", func(t *testing.T) {
		got := map[[2]string]int{}
		for i := 0; i < c.Shards; i++ {
			zh := readLines(t, shardName(c.Output, i, c.Shards, "zh"))
			en := readLines(t, shardName(c.Output, i, c.Shards, "en"))
			if len(zh) != len(en) {
				t.Fatalf("shard %d: %d Chinese lines, %d English", i, len(zh), len(en))
			}
			for j := range zh {
				got[[2]string{zh[j], en[j]}]++
			}
		}
		if diff := cmp.Diff(wantText, got); diff != "" {
			t.Errorf("Moses shards mismatch (-want +got):\n%s", diff)
		}
	})

	t.Run("deadletters", func(t *testing.T) {
		got := map[string]deadLetter{}
		for _, l := range readLines(t, deadName(c.Output)) {
			var d deadLetter
			if err := json.Unmarshal([]byte(l), &d); err != nil {
				t.Fatalf("dead letter %q: %v", l, err)
			}
			got[d.ID] = d
		}
		for _, d := range docs {
			g, ok := got[d.id]
			if d.kind == "" {
				if ok {
					t.Errorf("%s: in the dead letters (%s: %s), want aligned", d.id, g.Kind, g.Reason)
				}
				continue
			}
			if !ok {
				t.Errorf("%s: not in the dead letters, want kind %s", d.id, d.kind)
				continue
			}
			if g.Kind != d.kind || g.Reason == "" {
				t.Errorf("%s: dead letter kind %q reason %q, want kind %q and a reason", d.id, g.Kind, g.Reason, d.kind)
			}
			if d.kind != kindManifest && !namesAFile(g.Reason, d.files) {
				t.Errorf("%s: reason %q names none of the files %q", d.id, g.Reason, d.files)
			}
		}
		if len(got) != 5 {
			t.Errorf("%d dead letters, want 5", len(got))
		}
	})
}

func namesAFile(reason string, files []string) bool {
	for _, f := range files {
		if strings.Contains(reason, f) {
			return true
		}
	}
	return false
}

func readLines(t *testing.T, name string) []string {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		out = append(out, sc.Text())
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// xmllint validates a TMX file against the TMX 1.4b DTD of the repository.
// It skips when xmllint is not installed, and fails then if CI is set.
func xmllint(t *testing.T, name string) {
	t.Helper()
	bin, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("xmllint not installed (CI is set): cannot validate the TMX shards")
		}
		t.Skip("xmllint not installed: TMX shards not validated against the DTD")
	}
	out, err := exec.Command(bin, "--noout", "--dtdvalid", "../../testdata/tmx/tmx14.dtd", name).CombinedOutput()
	if err != nil {
		t.Errorf("%s is not valid TMX 1.4b: %v\n%s", name, err, out)
	}
}

// runJob builds and runs the job for c and returns its zhen counters.
func runJob(t *testing.T, c config) map[string]int64 {
	t.Helper()
	p, s := beam.NewPipelineWithRoot()
	build(s, c)
	res, err := ptest.RunWithMetrics(p)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int64{}
	for _, r := range res.Metrics().AllMetrics().Counters() {
		if r.Namespace() == "zhen" {
			got[r.Name()] += r.Result()
		}
	}
	return got
}

// TestNothingAligned: when every pair fails, each TMX shard is still a
// complete, valid TMX document (with no units), the Moses files are empty,
// textio writes no JSON Lines shard, and the dead letters say why.
func TestNothingAligned(t *testing.T) {
	dir := t.TempDir()
	m := filepath.Join(dir, "m.tsv")
	if err := os.WriteFile(m, []byte("gone\tgone.txt\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c := config{Input: m, Manifest: true, Output: filepath.Join(dir, "out", "p"), Shards: 2}
	got := runJob(t, c)
	if got["documents_failed"] != 1 || got["pairs_written"] != 0 {
		t.Errorf("counters %v: want 1 document failed, 0 pairs written", got)
	}
	for i := 0; i < c.Shards; i++ {
		name := shardName(c.Output, i, c.Shards, "tmx")
		xmllint(t, name)
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		_, tus, err := tmx.ReadAll(f)
		f.Close()
		if err != nil || len(tus) != 0 {
			t.Errorf("%s: %d units, %v: want a valid empty TMX", name, len(tus), err)
		}
		for _, ext := range []string{"zh", "en"} {
			if l := readLines(t, shardName(c.Output, i, c.Shards, ext)); len(l) != 0 {
				t.Errorf("shard %d .%s: %d lines, want none", i, ext, len(l))
			}
		}
		if _, err := os.Stat(shardName(c.Output, i, c.Shards, "jsonl")); !os.IsNotExist(err) {
			t.Errorf("shard %d .jsonl: %v, want no file (textio writes none for no lines)", i, err)
		}
	}
	dead := readLines(t, deadName(c.Output))
	if len(dead) != 1 || !strings.Contains(dead[0], `"kind":"unreadable"`) || !strings.Contains(dead[0], "gone.txt") {
		t.Errorf("dead letters %q: want one unreadable gone.txt", dead)
	}
}

// TestGlob: a glob input pairs NAME.zh.txt with NAME.en.txt and sends a
// file without its counterpart to the dead letters.
func TestGlob(t *testing.T) {
	dir := t.TempDir()
	makeCorpus(t, dir)
	in := filepath.Join(dir, "glob")
	link := func(from, to string) {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(dir, from))
		if err != nil {
			t.Fatal(err)
		}
		os.MkdirAll(filepath.Dir(filepath.Join(in, to)), 0o755)
		if err := os.WriteFile(filepath.Join(in, to), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link("tail4/zh.txt", "news/t4.zh.txt")
	link("tail4/en.txt", "news/t4.en.txt")
	link("tail7/zh.txt", "news/t7-zh.txt")
	link("seed.txt", "news/seed.txt")
	c := config{Input: filepath.Join(in, "*", "*.txt"), Output: filepath.Join(dir, "out", "g"), Shards: 1}
	got := runJob(t, c)

	globDocs := []corpusDoc{
		{id: "news/seed", files: []string{"glob/news/seed.txt"}},
		{id: "news/t4", files: []string{"glob/news/t4.zh.txt", "glob/news/t4.en.txt"}},
	}
	want := libraryRows(t, dir, globDocs, c.Align)
	wantUnique := dedupe(t, want)
	if got["documents_aligned"] != 2 || got["documents_failed"] != 1 || got["pairs_aligned"] != int64(len(want)) || got["pairs_written"] != int64(len(wantUnique)) {
		t.Errorf("counters %v: want 2 aligned, 1 failed, %d pairs aligned, %d written", got, len(want), len(wantUnique))
	}
	var wantLines []string
	for _, r := range wantUnique {
		wantLines = append(wantLines, r.Record)
	}
	gotLines := readLines(t, shardName(c.Output, 0, 1, "jsonl"))
	sort.Strings(wantLines)
	sort.Strings(gotLines)
	if diff := cmp.Diff(wantLines, gotLines); diff != "" {
		t.Errorf("JSONL mismatch (-want +got):\n%s", diff)
	}
	dead := readLines(t, deadName(c.Output))
	if len(dead) != 1 || !strings.Contains(dead[0], `"kind":"unpaired"`) || !strings.Contains(dead[0], "t7-zh.txt") {
		t.Errorf("dead letters %q: want t7-zh.txt unpaired", dead)
	}
}

// TestPortableRunner runs a small job on prism, Beam's portable runner, in
// process: the DoFns, their fields and the element types go through the
// same serialization and coders as on Flink or Dataflow, which the direct
// runner skips. The pairs must be those of the direct runner's test.
func TestPortableRunner(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the portable runner starts a job server")
	}
	dir := t.TempDir()
	docs, _ := makeCorpus(t, dir)
	m := filepath.Join(dir, "small.tsv")
	if err := os.WriteFile(m, []byte("tail4\ttail4/zh.txt\ttail4/en.txt\nbad\tbad/zh.txt\tbad/en.txt\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c := config{Input: m, Manifest: true, Output: filepath.Join(dir, "out", "prism"), Shards: 2}
	want := libraryRows(t, dir, []corpusDoc{docs[3]}, c.Align)

	p, s := beam.NewPipelineWithRoot()
	st := build(s, c)
	passert.Equals(s.Scope("unique"), beam.ParDo(s, pairLine, st.Pairs), lines(dedupe(t, want))...)
	if _, err := beam.Run(context.Background(), "prism", p); err != nil {
		t.Fatalf("prism: %v", err)
	}
	for i := 0; i < c.Shards; i++ {
		xmllint(t, shardName(c.Output, i, c.Shards, "tmx"))
	}
	dead := readLines(t, deadName(c.Output))
	if len(dead) != 1 || !strings.Contains(dead[0], `"kind":"encoding"`) {
		t.Errorf("dead letters %q: want the pair with invalid bytes", dead)
	}
}
