package testenv

import (
	"runtime"
	"testing"
	"time"
)

// burn spends about d of CPU time in this goroutine.
func burn(d time.Duration) int {
	n := 0
	for end := time.Now().Add(d); time.Now().Before(end); {
		for i := range 1000 {
			n += i % 7
		}
	}
	return n
}

func TestCPUTime(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" || runtime.GOOS == "js" || runtime.GOOS == "wasip1" {
		t.Skipf("CPU time is not measured on %s", runtime.GOOS)
	}
	c0 := CPUTime()
	if c0 <= 0 {
		t.Fatalf("CPUTime() = %v at start, want > 0", c0)
	}
	burn(50 * time.Millisecond)
	if c1 := CPUTime(); c1 <= c0 {
		t.Errorf("CPUTime() = %v after 50ms of work, want more than %v", c1, c0)
	}
}

func TestMaxRSSMB(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skipf("peak memory is not measured on %s", runtime.GOOS)
	}
	// Any Go test binary holds at least a megabyte and far less than a
	// terabyte: a unit mistake (bytes or pages for kilobytes) falls outside.
	if got := MaxRSSMB(); got < 1 || got > 1<<20 {
		t.Errorf("MaxRSSMB() = %v, want between 1 and 1048576", got)
	}
}

func BenchmarkReportMBPerCPUSecond(b *testing.B) {
	const size = 1 << 16
	buf := make([]byte, size)
	cpu0 := CPUTime()
	for b.Loop() {
		for i := range buf {
			buf[i]++
		}
	}
	mbs, ok := ReportMBPerCPUSecond(b, size, CPUTime()-cpu0)
	if CPUTime() > 0 && (!ok || mbs <= 0) {
		b.Errorf("ReportMBPerCPUSecond = %v, %v with CPU time measured, want a positive figure", mbs, ok)
	}
}

func TestReportMBPerCPUSecondUnknown(t *testing.T) {
	// Without a CPU time nothing can be reported; b.N is untouched.
	b := &testing.B{N: 5}
	if mbs, ok := ReportMBPerCPUSecond(b, 1e6, 0); ok || mbs != 0 {
		t.Errorf("ReportMBPerCPUSecond(cpu=0) = %v, %v, want 0, false", mbs, ok)
	}
}

func TestPeakHeap(t *testing.T) {
	var keep [][]byte
	small := PeakHeap(func() {
		for range 8 {
			keep = append(keep, make([]byte, 1<<20))
		}
	})
	keep = nil
	large := PeakHeap(func() {
		for range 64 {
			keep = append(keep, make([]byte, 1<<20))
		}
	})
	runtime.KeepAlive(keep)
	// 8 MiB and 64 MiB held to the end: the peak is about that (less
	// what other goroutines free meanwhile, e.g. the test framework's:
	// a little), and not wildly more (the sampler sees the heap, not the
	// process).
	const mib = 1 << 20 / 1e6
	if small < 0.9*8*mib || small > 40 {
		t.Errorf("PeakHeap with 8 MiB held = %.2f MB, want %.1f to 40", small, 0.9*8*mib)
	}
	if large < 0.9*64*mib || large > 200 {
		t.Errorf("PeakHeap with 64 MiB held = %.2f MB, want %.1f to 200", large, 0.9*64*mib)
	}
	if none := PeakHeap(func() {}); none > 4 {
		t.Errorf("PeakHeap of nothing = %.1f MB, want about 0", none)
	}
}
