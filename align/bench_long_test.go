package align

import (
	"fmt"
	"math"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/bitextlab/zhen/internal/testenv"
	"github.com/bitextlab/zhen/segment"
)

// Benchmarks of the long, anchor-poor case: the search must find
// its way on long text with few unique anchors, in time linear in its
// length. Quality and growth are asserted here, in go test -bench, never
// in timed unit tests.

// longDoc is one document of the long dev set (ZHEN_DEVSETS/long).
type longDoc struct {
	zh, en []string
	gold   []Bead
}

// readLong reads documents ids of the long dev set, or skips the
// benchmark when it is missing.
func readLong(b *testing.B, ids ...string) []longDoc {
	dir := filepath.Join(devSetsDir(), "long")
	var out []longDoc
	for _, id := range ids {
		zh, err1 := readSentLines(filepath.Join(dir, "zh", id))
		en, err2 := readSentLines(filepath.Join(dir, "en", id))
		gold, err3 := readGoldBeads(filepath.Join(dir, "gold", id+".align"))
		if err1 != nil || err2 != nil || err3 != nil {
			b.Skipf("long dev set not found in %s (set ZHEN_DEVSETS to the dev sets' directory)", dir)
		}
		out = append(out, longDoc{zh, en, gold})
	}
	return out
}

// concatLong concatenates documents (gold offset per copy).
func concatLong(docs ...longDoc) longDoc {
	var c longDoc
	for _, d := range docs {
		c.gold = append(c.gold, shiftBeads(d.gold, len(c.zh), len(c.en))...)
		c.zh = append(c.zh, d.zh...)
		c.en = append(c.en, d.en...)
	}
	return c
}

// alignCPU aligns d with every scorer and returns the strict F1 and the
// CPU time taken.
func alignCPU(b *testing.B, d longDoc) (float64, time.Duration) {
	al, cpu := alignTimed(b, d)
	return strictF1(al.Beads, d.gold), cpu
}

// growthRuns is how many times BenchmarkAlignLongDevSet aligns each
// document per iteration, keeping the least CPU time for its growth ratio.
const growthRuns = 5

// alignTimed aligns d with every scorer and returns the alignment and the
// CPU time taken.
func alignTimed(b *testing.B, d longDoc) (*Alignment, time.Duration) {
	runtime.GC()
	cpu0 := testenv.CPUTime()
	al, err := (&Aligner{}).AlignSentences(d.zh, d.en)
	cpu := testenv.CPUTime() - cpu0
	if err != nil {
		b.Fatalf("%d × %d sentences: %v", len(d.zh), len(d.en), err)
	}
	return al, cpu
}

// alignPeak is alignTimed that also measures the peak of the heap the
// alignment grew to, in MB above the heap live before it
// (testenv.PeakHeap).
func alignPeak(b *testing.B, d longDoc) (al *Alignment, cpu time.Duration, heap float64) {
	heap = testenv.PeakHeap(func() { al, cpu = alignTimed(b, d) })
	return al, cpu, heap
}

// BenchmarkAlignLongDevSet aligns the long dev set (the Bible, 6,301 ×
// 5,000 and 13,056 × 10,000 lines: few numbers, a length ratio that
// drifts ±12% between books) and asserts the targets of issue 9: strict
// F1 at least 0.90 and 0.86 (measured 0.912 and 0.8609; 0.8599 while the
// chance coverage was estimated from a sample), and at most 2.3 times the
// CPU time for twice the input. Each document is aligned growthRuns times
// per iteration and the least CPU time counts: on a shared machine one
// run of either may be slowed by a neighbour (single runs measured 1.33
// to 2.24 times on one machine), and the least is the one least
// disturbed. With the least of three, one benchmark run of seven on
// 2026-12-07 came out above the limit (1.82 to 2.38); with five, 1.65 to
// 2.11.
func BenchmarkAlignLongDevSet(b *testing.B) {
	docs := readLong(b, "001", "002")
	var f1 [2]float64
	var cpu [2]time.Duration
	b.ResetTimer()
	for range b.N {
		for k, d := range docs {
			least := time.Duration(math.MaxInt64)
			for range growthRuns {
				f, c := alignCPU(b, d)
				f1[k], least = f, min(least, c)
			}
			cpu[k] += least
		}
	}
	b.StopTimer()
	b.ReportMetric(f1[0], "F1-001")
	b.ReportMetric(f1[1], "F1-002")
	b.ReportMetric(cpu[0].Seconds()/float64(b.N), "cpu-s-001")
	b.ReportMetric(cpu[1].Seconds()/float64(b.N), "cpu-s-002")
	for k, min := range [2]float64{0.90, 0.86} {
		if f1[k] < min {
			b.Errorf("long/%03d: strict F1 %.4f, want at least %.2f", k+1, f1[k], min)
		}
	}
	if cpu[0] > 0 {
		ratio := float64(cpu[1]) / float64(cpu[0])
		b.ReportMetric(ratio, "growth")
		if ratio > 2.3 {
			b.Errorf("long/002 (twice long/001) took %.2f times its CPU time, want at most 2.3", ratio)
		}
	}
}

// BenchmarkAlignLongConcatenated aligns long/002 three times over (39,168
// × 30,000 lines, about the size of the whole 42,687 × 30,000 Bible):
// quality must not fall with length (within 0.01 of long/002 alone), and
// the time stays near-linear, at most 2 CPU-s (the target for the whole
// 42,687 × 30,000 Bible, process start included, is the same; press2tmx
// adds about 0.2 CPU-s of reading, tokenising and writing).
func BenchmarkAlignLongConcatenated(b *testing.B) {
	d := readLong(b, "002")[0]
	big := concatLong(d, d, d)
	f0, c0 := alignCPU(b, d)
	var f1 float64
	var cpu time.Duration
	b.ResetTimer()
	for range b.N {
		f, c := alignCPU(b, big)
		f1 = f
		cpu += c
	}
	b.StopTimer()
	perOp := cpu / time.Duration(b.N)
	b.ReportMetric(f1, "strict-F1")
	b.ReportMetric(perOp.Seconds(), "cpu-s/op")
	b.ReportMetric(testenv.MaxRSSMB(), "maxrss-MB")
	if f1 < f0-0.01 {
		b.Errorf("three copies of long/002: strict F1 %.3f, one copy %.3f: quality falls with length", f1, f0)
	}
	if c0 > 0 {
		ratio := float64(perOp) / float64(c0)
		b.ReportMetric(ratio, "growth-3x")
		if ratio > 3.5 {
			b.Errorf("three times the input took %.2f times the CPU time, want at most 3.5", ratio)
		}
	}
	if perOp > 2*time.Second {
		b.Errorf("%d × %d sentences took %v of CPU, want at most 2s", len(big.zh), len(big.en), perOp)
	}
}

// stripDigits removes the ASCII and full-width digits of every sentence:
// real text without its numbers, the anchor-poor case.
func stripDigits(ss []string) []string {
	out := make([]string, len(ss))
	for k, s := range ss {
		out[k] = strings.Map(func(r rune) rune {
			if '0' <= r && r <= '9' || '０' <= r && r <= '９' {
				return -1
			}
			return r
		}, s)
	}
	return out
}

// BenchmarkAlignRealisticNoNumbers is BenchmarkAlignRealisticLexicon40k
// with every digit removed: the sure-anchor chain is sparse, the coarse
// levels and the lexicon must carry the search. It asserts the strict F1
// of the anchor-rich run, less 0.02, and the same time limit.
func BenchmarkAlignRealisticNoNumbers(b *testing.B) {
	zh, en, gold := realisticCorpus(b, 40000)
	benchAlignText(b, stripDigits(zh), stripDigits(en), gold, nil, 5*time.Second, 0, 0.92)
}

// BenchmarkAlignManyParagraphs aligns documents of 25,000 and 50,000
// one-sentence paragraphs on each side (an interleaved file of 100k and
// 200k lines) and asserts near-linear growth: the per-block work (the
// sure anchors of a block, its band centre) must not scan the whole
// document.
func BenchmarkAlignManyParagraphs(b *testing.B) {
	zp, ep := seedBody(b)
	build := func(n int) (*segment.Document, *segment.Document) {
		var zs, es [][]string
		for k := 0; len(zs) < n; k++ {
			p := k % len(zp)
			z, e := splitZH(zp[p]), splitEN(ep[p])
			for i := range min(len(z), len(e)) {
				zs = append(zs, []string{z[i]})
				es = append(es, []string{e[i]})
			}
		}
		return doc(segment.Chinese, zs[:n]), doc(segment.English, es[:n])
	}
	z1, e1 := build(25000)
	z2, e2 := build(50000)
	a := &Aligner{Force: true}
	small, large := cpuGrowth(b,
		func() error { _, err := a.Align(z1, e1); return err },
		func() error { _, err := a.Align(z2, e2); return err })
	ratio := float64(large) / float64(small)
	b.ReportMetric(ratio, "growth")
	b.ReportMetric(large.Seconds()/float64(b.N), "cpu-s-50k")
	if ratio > 2.3 {
		b.Errorf("twice the paragraphs took %.2f times the CPU time, want at most 2.3 (%v → %v)", ratio, small/time.Duration(b.N), large/time.Duration(b.N))
	}
}

// chunkLong cuts d at gold bead boundaries into pieces of about size
// English sentences (the last piece takes the rest), each with its gold
// re-indexed from 0.
func chunkLong(d longDoc, size int) []longDoc {
	var out []longDoc
	start := 0 // first gold bead of the current piece
	for k := range d.gold {
		last := k == len(d.gold)-1
		if !last && d.gold[k].EN.End-d.gold[start].EN.Start < size {
			continue
		}
		z0, e0 := d.gold[start].ZH.Start, d.gold[start].EN.Start
		z1, e1 := d.gold[k].ZH.End, d.gold[k].EN.End
		out = append(out, longDoc{d.zh[z0:z1], d.en[e0:e1], shiftBeads(d.gold[start:k+1], -z0, -e0)})
		start = k + 1
	}
	return out
}

// BenchmarkAlignLongChunks aligns long/002 three times over (39,168 ×
// 30,000 lines) whole, and cut at true bead boundaries into pieces of
// about 1,000 English sentences aligned one by one: the search on the
// whole text must score within 0.01 of the pieces (strict F1 of all beads
// pooled), so that quality does not fall with length.
func BenchmarkAlignLongChunks(b *testing.B) {
	d := readLong(b, "002")[0]
	big := concatLong(d, d, d)
	pieces := chunkLong(big, 1000)
	var whole, chunked float64
	for range b.N {
		al, err := (&Aligner{}).AlignSentences(big.zh, big.en)
		if err != nil {
			b.Fatal(err)
		}
		whole = strictF1(al.Beads, big.gold)
		var gold, test []Bead
		z, e := 0, 0
		for _, p := range pieces {
			al, err := (&Aligner{}).AlignSentences(p.zh, p.en)
			if err != nil {
				b.Fatal(err)
			}
			gold = append(gold, shiftBeads(p.gold, z, e)...)
			test = append(test, shiftBeads(al.Beads, z, e)...)
			z += len(p.zh)
			e += len(p.en)
		}
		chunked = strictF1(test, gold)
	}
	b.ReportMetric(whole, "F1-whole")
	b.ReportMetric(chunked, "F1-chunks")
	b.ReportMetric(float64(len(pieces)), "chunks")
	if whole < chunked-0.01 {
		b.Errorf("%d × %d lines: strict F1 %.4f whole, %.4f in %d pieces of about 1,000 sentences: quality falls with length",
			len(big.zh), len(big.en), whole, chunked, len(pieces))
	}
}

// dropSides returns d with the English of the gold beads [e0, e1) and the
// Chinese of the gold beads [z0, z1) left out: a chapter missing from
// either translation. Each unit left alone becomes a 1-0 or 0-1 gold bead.
func dropSides(d longDoc, e0, e1, z0, z1 int) longDoc {
	var out longDoc
	for k, g := range d.gold {
		zs := d.zh[g.ZH.Start:g.ZH.End]
		es := d.en[g.EN.Start:g.EN.End]
		if e0 <= k && k < e1 {
			es = nil
		}
		if z0 <= k && k < z1 {
			zs = nil
		}
		if len(zs) == 0 || len(es) == 0 {
			for _, z := range zs {
				out.gold = append(out.gold, Bead{ZH: Range{len(out.zh), len(out.zh) + 1}, EN: Range{len(out.en), len(out.en)}})
				out.zh = append(out.zh, z)
			}
			for _, e := range es {
				out.gold = append(out.gold, Bead{ZH: Range{len(out.zh), len(out.zh)}, EN: Range{len(out.en), len(out.en) + 1}})
				out.en = append(out.en, e)
			}
			continue
		}
		out.gold = append(out.gold, Bead{ZH: Range{len(out.zh), len(out.zh) + len(zs)}, EN: Range{len(out.en), len(out.en) + len(es)}})
		out.zh = append(out.zh, zs...)
		out.en = append(out.en, es...)
	}
	return out
}

// BenchmarkAlignLongMissingChapters aligns long/002 with the English of
// 400 verses (gold beads 3,000 to 3,399) and the Chinese of 150 others
// (7,000 to 7,149) left out: two stretches of one side only, far longer
// than the search's bands. The search must not lose its way: strict F1
// stays within 0.01 of the whole text's away from the gaps (more than 300
// Chinese lines from them), and within 0.02 in all (the gaps' verses
// alone, not the other side's spread into them; see searchBeam).
func BenchmarkAlignLongMissingChapters(b *testing.B) {
	d := readLong(b, "002")[0]
	cut := dropSides(d, 3000, 3400, 7000, 7150)
	f0, _ := alignCPU(b, d)
	// The gaps, in the cut text's Chinese lines: the span of each
	// stretch of omission beads (a gap's 0-1 beads sit at one line).
	var gaps [][3]int // first and last Chinese line, and the number of beads
	for k, g := range cut.gold {
		if g.ZH.Len() > 0 && g.EN.Len() > 0 {
			continue
		}
		if n := len(gaps); n > 0 && k > 0 && (cut.gold[k-1].ZH.Len() == 0 || cut.gold[k-1].EN.Len() == 0) {
			gaps[n-1][1] = g.ZH.End
			gaps[n-1][2]++
			continue
		}
		gaps = append(gaps, [3]int{g.ZH.Start, g.ZH.End, 1})
	}
	const margin = 300
	away := func(beads []Bead) []Bead {
		var out []Bead
		for _, bd := range beads {
			near := false
			for _, gp := range gaps {
				if gp[2] >= 100 && bd.ZH.Start >= gp[0]-margin && bd.ZH.Start <= gp[1]+margin {
					near = true
				}
			}
			if !near {
				out = append(out, bd)
			}
		}
		return out
	}
	var f1, fa float64
	var cpu time.Duration
	b.ResetTimer()
	for range b.N {
		al, c := alignTimed(b, cut)
		cpu += c
		f1 = strictF1(al.Beads, cut.gold)
		fa = strictF1(away(al.Beads), away(cut.gold))
	}
	b.StopTimer()
	b.ReportMetric(f1, "strict-F1")
	b.ReportMetric(fa, "F1-away")
	b.ReportMetric(f0, "F1-whole-text")
	b.ReportMetric((cpu / time.Duration(b.N)).Seconds(), "cpu-s/op")
	if fa < f0-0.01 || f1 < f0-0.02 {
		b.Errorf("long/002 with two stretches of one side left out: strict F1 %.4f away from the gaps (%.4f in all), whole text %.4f: the search lost its way", fa, f1, f0)
	}
}

// BenchmarkAlignLongSizes aligns the long dev set at seven sizes, from
// 6,301 × 5,000 to 45,469 × 35,000 lines (long/001, long/002, and
// concatenations of them: the sizes of the table of issue 9), and at one
// more, long/002 ten times over (130,560 × 100,000), and asserts at each
// size that quality does not fall with length (strict F1 within 0.01 of the
// same text aligned document by document), that time is near-linear (CPU per
// sentence at most 1.3 times that of long/002) and that so is memory (the
// peak of the heap per sentence, testenv.PeakHeap, at most 1.5 times that of
// long/002: the peak depends on when the collector runs, so the bound is
// looser than for time). Measured: 1.5–3.0 kB of heap per sentence at every
// size; the largest scores 0.8591 against 0.8609 for one copy.
func BenchmarkAlignLongSizes(b *testing.B) {
	docs := readLong(b, "001", "002")
	alone := make([][]Bead, len(docs))
	for k, d := range docs {
		al, _ := alignTimed(b, d)
		alone[k] = al.Beads
	}
	sizes := [][]int{{0}, {1}, {0, 1}, {1, 1}, {1, 1, 0}, {1, 1, 1}, {1, 1, 1, 0}, {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}}
	type result struct {
		zh, en   int
		f1, base float64
		cpu      time.Duration
		heap     float64 // peak heap, MB (the largest of the b.N runs)
	}
	res := make([]result, len(sizes))
	b.ResetTimer()
	for range b.N {
		for s, parts := range sizes {
			var ds []longDoc
			var pooled []Bead
			z, e := 0, 0
			for _, k := range parts {
				ds = append(ds, docs[k])
				pooled = append(pooled, shiftBeads(alone[k], z, e)...)
				z += len(docs[k].zh)
				e += len(docs[k].en)
			}
			big := concatLong(ds...)
			al, cpu, heap := alignPeak(b, big)
			res[s].zh, res[s].en = len(big.zh), len(big.en)
			res[s].heap = max(res[s].heap, heap)
			res[s].f1 = strictF1(al.Beads, big.gold)
			res[s].base = strictF1(pooled, big.gold)
			res[s].cpu += cpu
		}
	}
	b.StopTimer()
	perUnit := func(r result) float64 {
		return r.cpu.Seconds() / float64(b.N) / float64(r.zh+r.en)
	}
	heapPerUnit := func(r result) float64 { return r.heap / float64(r.zh+r.en) }
	ref, heapRef := perUnit(res[1]), heapPerUnit(res[1])
	worst := 0.0
	for _, r := range res {
		k := r.en / 1000
		b.Logf("%d × %d lines: strict F1 %.4f (document by document %.4f), %.2f CPU-s, %.1f µs per sentence, peak heap %.0f MB (%.2f kB per sentence)",
			r.zh, r.en, r.f1, r.base, r.cpu.Seconds()/float64(b.N), 1e6*perUnit(r), r.heap, 1e3*heapPerUnit(r))
		b.ReportMetric(r.heap, fmt.Sprintf("heap-MB-%dk", k))
		worst = max(worst, r.base-r.f1)
		b.ReportMetric(r.f1, fmt.Sprintf("F1-%dk", k))
		b.ReportMetric(r.cpu.Seconds()/float64(b.N), fmt.Sprintf("cpu-s-%dk", k))
		if r.f1 < r.base-0.01 {
			b.Errorf("%d × %d lines: strict F1 %.4f, %.4f document by document: quality falls with length", r.zh, r.en, r.f1, r.base)
		}
		if g := perUnit(r) / ref; g > 1.3 {
			b.Errorf("%d × %d lines: %.2f times the CPU per sentence of long/002, want at most 1.3", r.zh, r.en, g)
		}
		if g := heapPerUnit(r) / heapRef; g > 1.5 {
			b.Errorf("%d × %d lines: %.2f times the peak heap per sentence of long/002, want at most 1.5", r.zh, r.en, g)
		}
	}
	b.ReportMetric(worst, "worst-F1-loss")
}
