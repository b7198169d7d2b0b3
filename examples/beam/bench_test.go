package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
)

// benchCorpus is the test corpus's manifest with the good pairs only.
func benchCorpus(b *testing.B) (dir string, docs []corpusDoc, manifest string) {
	b.Helper()
	dir = b.TempDir()
	all, _ := makeCorpus(b, dir)
	var m []byte
	for _, d := range all {
		if d.kind == "" && len(d.files) > 0 {
			docs = append(docs, d)
			m = append(m, d.id...)
			for _, f := range d.files {
				m = append(m, '\t')
				m = append(m, f...)
			}
			m = append(m, '\n')
		}
	}
	manifest = filepath.Join(dir, "good.tsv")
	if err := os.WriteFile(manifest, m, 0o644); err != nil {
		b.Fatal(err)
	}
	return dir, docs, manifest
}

// BenchmarkDirectRunner runs the whole job (read, align, de-duplicate,
// write every format) on the direct runner over the good pairs of the test
// corpus.
func BenchmarkDirectRunner(b *testing.B) {
	dir, docs, manifest := benchCorpus(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c := config{Input: manifest, Manifest: true, Output: filepath.Join(dir, "out", "b"), Shards: 4}
		p, s := beam.NewPipelineWithRoot()
		build(s, c)
		if err := ptest.Run(p); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(docs)*b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkLibrary aligns the same pairs with the library in one process,
// document by document, without Beam: the pipeline's overhead is the
// difference.
func BenchmarkLibrary(b *testing.B) {
	dir, docs, _ := benchCorpus(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		libraryRows(b, dir, docs, alignOptions{})
	}
	b.ReportMetric(float64(len(docs)*b.N)/b.Elapsed().Seconds(), "docs/s")
}
