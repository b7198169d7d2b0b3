package testenv

import (
	"testing"
	"time"
)

// ReportMBPerCPUSecond reports, as the benchmark metric "MB/cpu-s", how many
// megabytes (10⁶ bytes) per second of CPU time were processed when each of
// b.N operations handled bytesPerOp bytes in cpu of CPU time in all. It
// returns the figure and true, or 0 and false, reporting nothing, when cpu
// is not positive (CPUTime is unknown on this platform).
func ReportMBPerCPUSecond(b *testing.B, bytesPerOp int, cpu time.Duration) (float64, bool) {
	if cpu <= 0 {
		return 0, false
	}
	mbs := float64(bytesPerOp) * float64(b.N) / cpu.Seconds() / 1e6
	b.ReportMetric(mbs, "MB/cpu-s")
	return mbs, true
}
