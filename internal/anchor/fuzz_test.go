package anchor

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/bitextlab/zhen/internal/testenv"
)

// check asserts the contract of ZH and EN on any input: offsets valid and
// ordered, non-empty spans and keys, known kinds.
func check(t *testing.T, fn string, s string, as []Anchor) {
	t.Helper()
	prev := 0
	for i, a := range as {
		if a.Start < prev || a.Start >= a.End || a.End > len(s) {
			t.Fatalf("%s(%q)[%d] = %+v: bad offsets (previous start %d, len %d)", fn, s, i, a, prev, len(s))
		}
		if a.Key == "" {
			t.Fatalf("%s(%q)[%d] = %+v: empty key", fn, s, i, a)
		}
		if a.Kind == 0 || a.Kind >= numKinds {
			t.Fatalf("%s(%q)[%d] = %+v: unknown kind", fn, s, i, a)
		}
		if w := a.Weight(); w <= 0 || w > 1 {
			t.Fatalf("%s(%q)[%d] = %+v: weight %v", fn, s, i, a, w)
		}
		prev = a.Start
	}
}

func FuzzAnchors(f *testing.F) {
	for _, s := range []string{
		"", "党的十八大以来，（2012年11月15日）13亿 960万 1.2万 五千多年 百分之六十 三分之一",
		"Since the 18th National Congress (November 15, 2012), 1.3 billion, 60 percent, one third",
		"一、（一）①Ⅰ “输入”《人民日报》「你好」 ‘好’ \"x\" 'y' Party’s",
		"I. (iv) 1. 21st century 1980s May 4, 1919 a third of two-thirds $1.3bn 5G G20 Amazon.com",
		"一万亿亿亿 99999999999999999999999 1,000,000,000,000,000,000.5 十十十 零点零零零一",
		"\xff\xfe\xe4\xb8", "（", "(", "“", "’", "第", "百分之", "分之", "月", "1/", "5,", "5.", "Nov.", "a",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		check(t, "ZH", s, ZH(s))
		check(t, "EN", s, EN(s))
	})
}

// benchText returns the seeds' lines repeated to at least 1 MB, split into
// Chinese lines and English lines.
func benchText(b *testing.B) (zh, en []string, zhBytes, enBytes int) {
	b.Helper()
	files, err := filepath.Glob("../../testdata/seeds/*.txt")
	if err != nil || len(files) == 0 {
		b.Fatalf("no seeds in ../../testdata/seeds: %v", err)
	}
	var zl, el []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			line = strings.TrimSpace(line)
			if line == "" {
				continue
			}
			if hasHan(line) {
				zl = append(zl, line)
			} else {
				el = append(el, line)
			}
		}
	}
	for zhBytes < 1<<20 {
		for _, l := range zl {
			zh = append(zh, l)
			zhBytes += len(l)
		}
	}
	for enBytes < 1<<20 {
		for _, l := range el {
			en = append(en, l)
			enBytes += len(l)
		}
	}
	return zh, en, zhBytes, enBytes
}

func hasHan(s string) bool {
	for _, r := range s {
		if isHan(r) {
			return true
		}
	}
	return false
}

// minMBps is the speed the aligner needs: 90,000 sentence pairs (about 6 MB
// of Chinese and 12 MB of English) in well under 0.3 s. It is checked
// against the CPU time the process used, so that other processes on a busy
// machine do not make the benchmark fail.
const minMBps = 100

// assertSpeed fails the benchmark when it processed fewer than minMBps
// megabytes per second of CPU time since cpu0.
func assertSpeed(b *testing.B, bytes int, cpu0 time.Duration) {
	cpu := testenv.CPUTime() - cpu0
	if b.N < 3 || testing.Short() {
		return
	}
	if mbps, ok := testenv.ReportMBPerCPUSecond(b, bytes, cpu); ok && mbps < minMBps {
		b.Errorf("%.1f MB per CPU second, want at least %d", mbps, minMBps)
	}
}

func BenchmarkZH(b *testing.B) {
	zh, _, n, _ := benchText(b)
	benchAppend(b, zh, n, AppendZH)
}

func BenchmarkEN(b *testing.B) {
	_, en, _, n := benchText(b)
	benchAppend(b, en, n, AppendEN)
}

// benchAppend runs appendFn over the lines (n bytes in all), reusing one
// slice, and asserts the speed floor.
func benchAppend(b *testing.B, lines []string, n int, appendFn func([]Anchor, string) []Anchor) {
	b.SetBytes(int64(n))
	b.ReportAllocs()
	var dst []Anchor
	b.ResetTimer()
	start := testenv.CPUTime()
	for i := 0; i < b.N; i++ {
		for _, l := range lines {
			dst = appendFn(dst[:0], l)
		}
	}
	b.StopTimer()
	assertSpeed(b, n, start)
}

// BenchmarkZHSlice measures the allocating form, as a caller keeping every
// sentence's anchors would use it.
func BenchmarkZHSlice(b *testing.B) {
	zh, _, n, _ := benchText(b)
	b.SetBytes(int64(n))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, l := range zh {
			_ = ZH(l)
		}
	}
}

// TestConcurrent runs the scanners from several goroutines at once (the Latin
// key cache is shared) and checks that they agree with a serial run.
func TestConcurrent(t *testing.T) {
	lines := []string{
		"Since the 18th National Congress of the CPC in 2012, General Secretary Xi Jinping",
		"党的十八大以来，中国共产党（CPC）同160多个国家和地区的520多个政党保持联系",
		"Amazon.com, eBay and Adornis.com sell iPhone cases; ＣＰＣ and G20",
	}
	want := make([][]Anchor, len(lines))
	for i, l := range lines {
		want[i] = append(ZH(l), EN(l)...)
	}
	done := make(chan error, 8)
	for g := 0; g < 8; g++ {
		go func() {
			for n := 0; n < 200; n++ {
				for i, l := range lines {
					got := append(ZH(l), EN(l)...)
					if diff := cmp.Diff(want[i], got); diff != "" {
						done <- fmt.Errorf("line %d mismatch (-want +got):\n%s", i, diff)
						return
					}
				}
			}
			done <- nil
		}()
	}
	for g := 0; g < 8; g++ {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
}
