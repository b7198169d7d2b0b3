package align

import (
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/bitextlab/zhen/internal/testenv"
)

// seedBody returns the 15 body paragraphs of seed 001 in each language.
func seedBody(tb testing.TB) (zh, en []string) {
	tb.Helper()
	b, err := os.ReadFile("../testdata/seeds/001_38bdb1c42bebbece.txt")
	if err != nil {
		tb.Fatalf("reading seed 001: %v", err)
	}
	lines := strings.Split(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n")
	inEN := false
	for _, l := range lines {
		l = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l), "[bookmark: _GoBack]"))
		if strings.HasPrefix(l, "Material") {
			inEN = true
		}
		if l == "" {
			continue
		}
		if !inEN && utf8.RuneCountInString(l) > 40 {
			zh = append(zh, l)
		}
		if inEN && len(l) > 200 {
			en = append(en, l)
		}
	}
	if len(zh) != 15 || len(en) != 15 {
		tb.Fatalf("seed 001: got %d Chinese and %d English body paragraphs, want 15 and 15", len(zh), len(en))
	}
	return zh, en
}

// splitZH cuts Chinese text after 。！？ (a crude splitter for test input).
func splitZH(p string) []string {
	var out []string
	start := 0
	for i, r := range p {
		if r == '。' || r == '！' || r == '？' {
			e := i + utf8.RuneLen(r)
			out = append(out, p[start:e])
			start = e
		}
	}
	if start < len(p) {
		out = append(out, p[start:])
	}
	return out
}

// splitEN cuts English text after ". " followed by a capital letter.
func splitEN(p string) []string {
	var out []string
	start := 0
	for i := 0; i+2 < len(p); i++ {
		if p[i] == '.' && p[i+1] == ' ' && p[i+2] >= 'A' && p[i+2] <= 'Z' {
			out = append(out, p[start:i+1])
			start = i + 2
		}
	}
	return append(out, p[start:])
}

// benchCorpus builds a parallel corpus of about n Chinese and 5n/4 English
// sentences by repeating the seed's paragraph pairs, numbering each copy
// (so that its anchors differ) and joining English sentence pairs where
// needed to keep the ratio. The numbers give the aligner a unique anchor
// every few sentences: the benchmarks built on it measure the anchor-rich
// case (and guard against slowing it down). Real text, whose anchors
// repeat, is measured by the BenchmarkAlignRealistic… benchmarks.
func benchCorpus(tb testing.TB, n int) (zh, en []string) {
	zp, ep := seedBody(tb)
	for k := 0; len(zh) < n; k++ {
		for p := range zp {
			zs, es := splitZH(zp[p]), splitEN(ep[p])
			tag := itoa(k*100 + p + 1000)
			zs[0] = tag + "　" + zs[0]
			es[0] = tag + " " + es[0]
			zh = append(zh, zs...)
			for len(es) > 1 && 4*(len(en)+len(es)) > 5*len(zh) {
				last := len(es) - 2
				es = append(es[:last], es[last]+" "+es[last+1])
			}
			en = append(en, es...)
		}
	}
	return zh, en
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}

// benchAlign aligns a corpus of about n Chinese sentences and asserts the
// speed target: CPU seconds per operation (all threads, so GC work counts)
// at most limit, and, when maxRSS > 0, the process's peak resident memory
// at most maxRSS megabytes.
func benchAlign(b *testing.B, n int, scorers []Scorer, limit time.Duration, maxRSS float64) {
	zh, en := benchCorpus(b, n)
	a := &Aligner{Scorers: scorers}
	runtime.GC()
	rss0 := testenv.MaxRSSMB() // the process's peak so far (earlier benchmarks)
	cpu0 := testenv.CPUTime()
	b.ResetTimer()
	for range b.N {
		if _, err := a.AlignSentences(zh, en); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	perOp := (testenv.CPUTime() - cpu0) / time.Duration(b.N) // 0 where rusage is unknown
	rss := testenv.MaxRSSMB()
	b.ReportMetric(float64(len(zh)), "zh-sents")
	b.ReportMetric(float64(len(en)), "en-sents")
	b.ReportMetric(perOp.Seconds(), "cpu-s/op")
	b.ReportMetric(rss, "maxrss-MB")
	if perOp > limit {
		b.Errorf("%d × %d sentences took %v of CPU per alignment, want at most %v", len(zh), len(en), perOp, limit)
	}
	checkRSS(b, rss0, rss, maxRSS)
}

// checkRSS asserts the process's peak resident memory after a benchmark
// (rss, MB) at most maxRSS (0: not checked). The peak is the process's:
// when an earlier benchmark of the same run had already passed maxRSS
// (rss0, before this one), it cannot tell this benchmark's, and is only
// logged.
func checkRSS(b *testing.B, rss0, rss, maxRSS float64) {
	b.Helper()
	switch {
	case maxRSS > 0 && rss0 > maxRSS:
		b.Logf("peak resident memory not checked: the process had reached %.0f MB before this benchmark (run it alone)", rss0)
	case maxRSS > 0 && rss > maxRSS:
		b.Errorf("peak resident memory %.0f MB, want at most %.0f MB", rss, maxRSS)
	}
}

// The targets on the anchor-rich synthetic corpus: 40,000 × 50,000
// sentences in under 2 s without the lexicon (peak memory under 300 MB)
// and under 5 s with it; the 20k runs show that doubling the input about
// doubles the time. Run alone for the memory figure (peak resident memory
// is the process's).
func BenchmarkAlignLength20k(b *testing.B) {
	benchAlign(b, 20000, []Scorer{LengthScorer{}, AnchorScorer{}}, time.Second, 0)
}

func BenchmarkAlignLength40k(b *testing.B) {
	benchAlign(b, 40000, []Scorer{LengthScorer{}, AnchorScorer{}}, 2*time.Second, 300)
}

func BenchmarkAlignLexicon20k(b *testing.B) {
	benchAlign(b, 20000, nil, 2500*time.Millisecond, 0)
}

func BenchmarkAlignLexicon40k(b *testing.B) {
	benchAlign(b, 40000, nil, 5*time.Second, 0)
}

// BenchmarkAlignNotParallel40k aligns 40k Chinese sentences with the
// English shuffled: the band keeps widening where the path runs along its
// edge, so this is the worst case; the widening cap keeps it bounded. The
// result is ErrNotParallel.
func BenchmarkAlignNotParallel40k(b *testing.B) {
	zh, en := benchCorpus(b, 40000)
	r := rand.New(rand.NewPCG(1, 2))
	r.Shuffle(len(en), func(x, y int) { en[x], en[y] = en[y], en[x] })
	a := &Aligner{} // all scorers: the coarse pass must stop the lexicon early
	cpu0 := testenv.CPUTime()
	b.ResetTimer()
	for range b.N {
		if _, err := a.AlignSentences(zh, en); !errors.Is(err, ErrNotParallel) {
			b.Fatalf("shuffled English: error %v, want ErrNotParallel", err)
		}
	}
	b.StopTimer()
	perOp := (testenv.CPUTime() - cpu0) / time.Duration(b.N)
	b.ReportMetric(perOp.Seconds(), "cpu-s/op")
	b.ReportMetric(testenv.MaxRSSMB(), "maxrss-MB")
	if perOp > 10*time.Second {
		b.Errorf("not-parallel 40k alignment took %v of CPU, want at most 10s", perOp)
	}
}

// devSetsDir returns the directory of the gold-aligned development sets:
// $ZHEN_DEVSETS, or ../../shared/data beside the repository.
func devSetsDir() string {
	if d := os.Getenv("ZHEN_DEVSETS"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "shared", "data")
}

// realDoc is one gold-aligned document: its sentences and gold beads.
type realDoc struct {
	zh, en []string
	gold   []Bead
}

// readRealDocs reads every document of the development sets mac-dev, aca
// and mag (zh/ID, en/ID, gold/ID.align) and the body of seed 001 (split
// into sentences, with no gold). It returns nil when the sets are missing.
func readRealDocs(tb testing.TB) []realDoc {
	root := devSetsDir()
	var docs []realDoc
	for _, set := range []string{"mac-dev", "aca", "mag"} {
		golds, _ := filepath.Glob(filepath.Join(root, set, "gold", "*.align"))
		sort.Strings(golds)
		for _, gp := range golds {
			id := strings.TrimSuffix(filepath.Base(gp), ".align")
			var d realDoc
			var err error
			if d.zh, err = readSentLines(filepath.Join(root, set, "zh", id)); err != nil {
				tb.Fatal(err)
			}
			if d.en, err = readSentLines(filepath.Join(root, set, "en", id)); err != nil {
				tb.Fatal(err)
			}
			if d.gold, err = readGoldBeads(gp); err != nil {
				tb.Fatal(err)
			}
			docs = append(docs, d)
		}
	}
	if len(docs) == 0 {
		return nil
	}
	zp, ep := seedBody(tb)
	var seed realDoc
	for p := range zp {
		seed.zh = append(seed.zh, splitZH(zp[p])...)
		seed.en = append(seed.en, splitEN(ep[p])...)
	}
	return append(docs, seed)
}

func readSentLines(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n"), nil
}

// readGoldBeads reads a gold file in the "[0,1]:[0]" notation
// (ReadBeads).
func readGoldBeads(path string) ([]Bead, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadBeads(f, path)
}

// shiftBeads returns beads with their sentence indices moved by zoff and
// eoff (reversed ranges and empty sides alike), to concatenate documents.
func shiftBeads(beads []Bead, zoff, eoff int) []Bead {
	out := make([]Bead, len(beads))
	for k, b := range beads {
		b.ZH.Start += zoff
		b.ZH.End += zoff
		b.EN.Start += eoff
		b.EN.End += eoff
		out[k] = b
	}
	return out
}

// realisticCorpus concatenates the development sets and the seed, again
// and again, until there are at least n Chinese sentences: real text
// whose anchors repeat (every number, name and date occurs once per
// copy), so the search cannot lean on unique anchors. It returns the gold
// beads of the concatenation (offset per copy; the seed
// has none), or skips the benchmark when the sets are missing.
func realisticCorpus(b *testing.B, n int) (zh, en []string, gold []Bead) {
	docs := readRealDocs(b)
	if docs == nil {
		b.Skipf("development sets not found in %s (set ZHEN_DEVSETS to their directory)", devSetsDir())
	}
	for len(zh) < n {
		for _, d := range docs {
			gold = append(gold, shiftBeads(d.gold, len(zh), len(en))...)
			zh = append(zh, d.zh...)
			en = append(en, d.en...)
		}
	}
	return zh, en, gold
}

// strictF1 is the strict F1 of beads against gold (StrictF1, as
// the shared eval_align.py computes it). Gold beads are only known
// for the dev sets: beads inside the seed's stretch (whose first sentence
// on either side is under no gold bead) count as neither right nor wrong.
func strictF1(beads, gold []Bead) float64 {
	zhCovered, enCovered := map[int]bool{}, map[int]bool{}
	cover := func(m map[int]bool, r Range) {
		for i := min(r.Start, r.End); i < max(r.Start, r.End); i++ { // reversed ranges too
			m[i] = true
		}
	}
	for _, g := range gold {
		cover(zhCovered, g.ZH)
		cover(enCovered, g.EN)
	}
	var test []Bead
	for _, b := range beads {
		if b.ZH.Len() > 0 && zhCovered[b.ZH.Start] || b.EN.Len() > 0 && enCovered[b.EN.Start] {
			test = append(test, b)
		}
	}
	_, _, f1 := StrictF1(gold, test)
	return f1
}

// benchRealistic aligns the realistic corpus of about n Chinese sentences
// with the given scorers (nil: all) and asserts CPU time per alignment,
// peak memory (when maxRSS > 0) and a strict F1 floor.
func benchRealistic(b *testing.B, n int, scorers []Scorer, limit time.Duration, maxRSS, minF1 float64) {
	zh, en, gold := realisticCorpus(b, n)
	benchAlignText(b, zh, en, gold, scorers, limit, maxRSS, minF1)
}

// benchAlignText aligns zh with en b.N times with the given scorers and asserts
// what benchRealistic does, reporting the strict F1 against gold.
func benchAlignText(b *testing.B, zh, en []string, gold []Bead, scorers []Scorer, limit time.Duration, maxRSS, minF1 float64) {
	a := &Aligner{Scorers: scorers}
	runtime.GC()
	rss0 := testenv.MaxRSSMB() // the process's peak so far (earlier benchmarks)
	cpu0 := testenv.CPUTime()
	var al *Alignment
	b.ResetTimer()
	for range b.N {
		var err error
		if al, err = a.AlignSentences(zh, en); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	cpu := testenv.CPUTime() - cpu0
	perOp := cpu / time.Duration(b.N)
	rss := testenv.MaxRSSMB()
	f1 := strictF1(al.Beads, gold)
	bytes := 0
	for _, s := range zh {
		bytes += len(s)
	}
	for _, s := range en {
		bytes += len(s)
	}
	testenv.ReportMBPerCPUSecond(b, bytes, cpu)
	b.ReportMetric(float64(len(zh)), "zh-sents")
	b.ReportMetric(float64(len(en)), "en-sents")
	b.ReportMetric(perOp.Seconds(), "cpu-s/op")
	b.ReportMetric(rss, "maxrss-MB")
	b.ReportMetric(f1, "strict-F1")
	if perOp > limit {
		b.Errorf("%d × %d sentences of real text took %v of CPU per alignment, want at most %v", len(zh), len(en), perOp, limit)
	}
	checkRSS(b, rss0, rss, maxRSS)
	if f1 < minF1 {
		b.Errorf("strict F1 on the repeated dev sets = %.3f, want at least %.3f", f1, minF1)
	}
}

// BenchmarkAlignRealistic20k and BenchmarkAlignRealistic40k are the
// benchmark on real text: the development sets and seed 001 repeated to
// 20,000 and 40,000 Chinese sentences (about 22,000 and 44,000 English),
// length and anchors only. The 20k limits are 60% of the 40k targets;
// BenchmarkAlignRealisticDoubling checks the growth itself.
// They need the development sets (see devSetsDir) and skip without them.
func BenchmarkAlignRealistic20k(b *testing.B) {
	benchRealistic(b, 20000, []Scorer{LengthScorer{}, AnchorScorer{}}, 1200*time.Millisecond, 0, 0.7)
}

// BenchmarkAlignRealisticDoubling aligns the realistic corpus at 20,000 and
// at 40,000 Chinese sentences (length and anchors) and asserts that
// doubling the input at most about doubles the time: the CPU time of
// the larger at most 2.3 times that of the smaller.
func BenchmarkAlignRealisticDoubling(b *testing.B) {
	zh1, en1, _ := realisticCorpus(b, 20000)
	zh2, en2, _ := realisticCorpus(b, 40000)
	a := &Aligner{Scorers: []Scorer{LengthScorer{}, AnchorScorer{}}}
	small, large := cpuGrowth(b,
		func() error { _, err := a.AlignSentences(zh1, en1); return err },
		func() error { _, err := a.AlignSentences(zh2, en2); return err })
	ratio := float64(large) / float64(small)
	b.ReportMetric(ratio, "growth")
	if ratio > 2.3 {
		b.Errorf("doubling the input multiplied the CPU time by %.2f, want at most 2.3 (%v → %v)", ratio, small/time.Duration(b.N), large/time.Duration(b.N))
	}
}

func BenchmarkAlignRealistic40k(b *testing.B) {
	benchRealistic(b, 40000, []Scorer{LengthScorer{}, AnchorScorer{}}, 2*time.Second, 300, 0.7)
}

// BenchmarkAlignRealisticLexicon20k and …40k are the same with every
// scorer (target: under 5 s for 40,000 sentences).
func BenchmarkAlignRealisticLexicon20k(b *testing.B) {
	benchRealistic(b, 20000, nil, 3*time.Second, 0, 0.92)
}

func BenchmarkAlignRealisticLexicon40k(b *testing.B) {
	benchRealistic(b, 40000, nil, 5*time.Second, 0, 0.92)
}

// cpuGrowth runs small and large b.N times each, after a garbage
// collection, and returns the CPU time each took in all; it skips the
// benchmark where the CPU time cannot be read.
func cpuGrowth(b *testing.B, small, large func() error) (smallCPU, largeCPU time.Duration) {
	b.Helper()
	cpuOf := func(f func() error) time.Duration {
		runtime.GC()
		cpu0 := testenv.CPUTime()
		if err := f(); err != nil {
			b.Fatal(err)
		}
		return testenv.CPUTime() - cpu0
	}
	b.ResetTimer()
	for range b.N {
		smallCPU += cpuOf(small)
		largeCPU += cpuOf(large)
	}
	b.StopTimer()
	if smallCPU <= 0 {
		b.Skip("no CPU time measure on this system")
	}
	return smallCPU, largeCPU
}

// BenchmarkAlignPressRelease aligns press001 (55 × 83 sentences, the
// built-in press release) once per operation: the cost of one small
// document, which a corpus of thousands of press releases pays thousands
// of times (lexicon preparation, two passes, the guard). It asserts the
// alignment is the hand-made gold's (strict F1 1.0, as TestPress finds)
// and that one alignment allocates at most 4 MB (measured 2.4 MB; per-
// document tables sized by the lexicon rather than the document once made
// it 3.4).
func BenchmarkAlignPressRelease(b *testing.B) {
	zh, err1 := readSentLines("../testdata/align/press001.zh")
	en, err2 := readSentLines("../testdata/align/press001.en")
	gold, err3 := readGoldBeads("../testdata/align/press001.gold")
	if err1 != nil || err2 != nil || err3 != nil {
		b.Fatal(errors.Join(err1, err2, err3))
	}
	var al *Alignment
	var m0, m1 runtime.MemStats
	b.ReportAllocs()
	runtime.ReadMemStats(&m0)
	n := 0
	for b.Loop() {
		al, err1 = (&Aligner{}).AlignSentences(zh, en)
		if err1 != nil {
			b.Fatal(err1)
		}
		n++
	}
	runtime.ReadMemStats(&m1)
	if f := strictF1(al.Beads, gold); f < 1 {
		b.Errorf("press001: strict F1 %.3f, want 1", f)
	}
	if per := float64(m1.TotalAlloc-m0.TotalAlloc) / float64(n) / 1e6; per > 4 {
		b.Errorf("press001: %.1f MB allocated per alignment, want at most 4", per)
	}
}
