package align

import (
	"errors"
	"math/rand/v2"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/bitextlab/zhen/internal/benchutil"
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
// needed to keep the ratio.
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
	cpu0 := benchutil.CPUTime()
	b.ResetTimer()
	for range b.N {
		if _, err := a.AlignSentences(zh, en); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	perOp := (benchutil.CPUTime() - cpu0) / time.Duration(b.N) // 0 where rusage is unknown
	rss := benchutil.MaxRSSMB()
	b.ReportMetric(float64(len(zh)), "zh-sents")
	b.ReportMetric(float64(len(en)), "en-sents")
	b.ReportMetric(perOp.Seconds(), "cpu-s/op")
	b.ReportMetric(rss, "maxrss-MB")
	if perOp > limit {
		b.Errorf("%d × %d sentences took %v of CPU per alignment, want at most %v", len(zh), len(en), perOp, limit)
	}
	if maxRSS > 0 && rss > maxRSS {
		b.Errorf("peak resident memory %.0f MB, want at most %.0f MB", rss, maxRSS)
	}
}

// The targets: 40,000 × 50,000 sentences in under 2 s without the lexicon
// (peak memory under 300 MB) and under 5 s with it; the 20k runs show that
// doubling the input about doubles the time.
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
	cpu0 := benchutil.CPUTime()
	b.ResetTimer()
	for range b.N {
		if _, err := a.AlignSentences(zh, en); !errors.Is(err, ErrNotParallel) {
			b.Fatalf("shuffled English: error %v, want ErrNotParallel", err)
		}
	}
	b.StopTimer()
	perOp := (benchutil.CPUTime() - cpu0) / time.Duration(b.N)
	b.ReportMetric(perOp.Seconds(), "cpu-s/op")
	b.ReportMetric(benchutil.MaxRSSMB(), "maxrss-MB")
	if perOp > 10*time.Second {
		b.Errorf("not-parallel 40k alignment took %v of CPU, want at most 10s", perOp)
	}
}
