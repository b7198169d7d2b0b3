package tmx

import (
	"bytes"
	"io"
	"testing"

	"github.com/bitextlab/zhen/align"
)

// BenchmarkWriter100k writes 100,000 TUs (the seed pairs, repeated, with
// KeepDuplicates) per
// iteration; MB/s is input text (Chinese + English bytes).
func BenchmarkWriter100k(b *testing.B) {
	var pairs []align.Pair
	for _, p := range seedPairs() {
		if p.ZH != "" && p.EN != "" {
			pairs = append(pairs, p)
		}
	}
	const n = 100000
	var size int64
	for i := 0; i < n; i++ {
		p := pairs[i%len(pairs)]
		size += int64(len(p.ZH) + len(p.EN))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		w := NewWriter(io.Discard, Header{})
		w.KeepDuplicates = true // the pairs repeat
		for i := 0; i < n; i++ {
			w.Write(pairs[i%len(pairs)])
		}
		if err := w.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriter100kDedupe is BenchmarkWriter100k with de-duplication
// (the Writer's default) on mostly distinct pairs.
func BenchmarkWriter100kDedupe(b *testing.B) {
	pairs := seedPairs()[1:8]
	b.ReportAllocs()
	for b.Loop() {
		w := NewWriter(io.Discard, Header{})
		for i := 0; i < 100000; i++ {
			p := pairs[i%len(pairs)]
			p.EN += string(rune('a' + i%26)) // mostly distinct
			w.Write(p)
		}
		w.Close()
	}
}

// BenchmarkReader100k reads back a 100,000-TU file written by the Writer.
func BenchmarkReader100k(b *testing.B) {
	var pairs []align.Pair
	for _, p := range seedPairs() {
		if p.ZH != "" && p.EN != "" {
			pairs = append(pairs, p)
		}
	}
	var buf bytes.Buffer
	w := NewWriter(&buf, Header{})
	w.KeepDuplicates = true // the pairs repeat
	for i := 0; i < 100000; i++ {
		w.Write(pairs[i%len(pairs)])
	}
	if err := w.Close(); err != nil {
		b.Fatal(err)
	}
	doc := buf.Bytes()
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		r := NewReader(bytes.NewReader(doc))
		n := 0
		for _, err := range r.All() {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != 100000 {
			b.Fatalf("read %d TUs", n)
		}
	}
}
