package segment

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/bitextlab/zhen/internal/testenv"
)

// benchText builds a book-sized text (at least 1 MB) of one language from
// the seeds: seed 001's Chinese block and seeds 000 and 003 for Chinese,
// seed 001's English block and seed 002 for English, repeated.
func benchText(tb testing.TB, lang Lang) (string, []Span) {
	tb.Helper()
	var parts []string
	for _, name := range []string{"000_6b3897585427d446.txt", "001_38bdb1c42bebbece.txt", "002_c618ccbec1cb5b05.txt", "003_fde2822e310dd5d8.txt"} {
		b, err := os.ReadFile(filepath.Join("..", "testdata", "seeds", name))
		if err != nil {
			tb.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			if scriptLang(line) == lang && strings.TrimSpace(line) != "" {
				parts = append(parts, line)
			}
		}
	}
	one := strings.Join(parts, "\n") + "\n"
	text := strings.Repeat(one, (1<<20)/len(one)+1)
	var paras []Span
	for start := 0; start < len(text); {
		end := start + strings.IndexByte(text[start:], '\n')
		paras = append(paras, Span{start, end})
		start = end + 1
	}
	return text, paras
}

func benchmarkSplit(b *testing.B, lang Lang, rules *Rules) {
	text, paras := benchText(b, lang)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	cpu0 := testenv.CPUTime()
	b.ResetTimer()
	n := 0
	for b.Loop() {
		for _, p := range paras {
			s, _ := SplitSentences(text, p, lang, rules)
			n += len(s)
		}
	}
	b.StopTimer()
	cpu := testenv.CPUTime() - cpu0
	if n == 0 {
		b.Fatal("no sentences")
	}
	// The target is at least 20 MB/s per core. The machine is
	// shared, so the figure asserted is per second of this process's CPU
	// time (user+system, GC included), not per second of wall time.
	if mbs, ok := testenv.ReportMBPerCPUSecond(b, len(text), cpu); ok && b.N > 1 && mbs < 20 {
		b.Errorf("sentence splitting at %.1f MB per CPU second, want >= 20", mbs)
	}
}

func BenchmarkSplitSentencesZh(b *testing.B)       { benchmarkSplit(b, Chinese, nil) }
func BenchmarkSplitSentencesEn(b *testing.B)       { benchmarkSplit(b, English, nil) }
func BenchmarkSplitSentencesZhOmegaT(b *testing.B) { benchmarkSplit(b, Chinese, OmegaTRules()) }
func BenchmarkSplitSentencesEnOmegaT(b *testing.B) { benchmarkSplit(b, English, OmegaTRules()) }

// BenchmarkCompileDefaultRules measures what the default rules cost a
// process on first use: building them and compiling the engines for
// Chinese, English and the sub-split points (a process that splits one
// language pays about half).
func BenchmarkCompileDefaultRules(b *testing.B) { benchmarkCompile(b, defaultRuleSet()) }

// BenchmarkCompileOmegaTRules is BenchmarkCompileDefaultRules for OmegaTRules.
func BenchmarkCompileOmegaTRules(b *testing.B) { benchmarkCompile(b, omegaTRuleSet()) }

func benchmarkCompile(b *testing.B, rs RuleSet) {
	b.ReportAllocs()
	for b.Loop() {
		r := mustRules(rs)
		r.zh()
		r.en()
		r.subs()
	}
}

// BenchmarkOneLongLine segments 16 MB of text on one line (millions of
// sentences in one paragraph): the allocation per input byte (reported as
// alloc-B/B) stays a small constant, about the decoded text plus the
// sentence spans.
func BenchmarkOneLongLine(b *testing.B) {
	unit := "He came. She went. 他来了。她走了。"
	data := []byte(strings.Repeat(unit, (16<<20)/len(unit)))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	var ms0, ms1 runtime.MemStats
	runtime.ReadMemStats(&ms0)
	for b.Loop() {
		var s Segmenter
		if _, err := s.Monolingual("line.txt", data, Unknown); err != nil {
			b.Fatal(err)
		}
	}
	runtime.ReadMemStats(&ms1)
	b.ReportMetric(float64(ms1.TotalAlloc-ms0.TotalAlloc)/float64(b.N)/float64(len(data)), "alloc-B/B")
}
