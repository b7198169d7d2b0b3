//go:build !linux

package align

import "time"

// cpuTime is unknown here: the benchmarks' CPU assertions do not apply.
func cpuTime() time.Duration { return 0 }

// maxRSSMB is unknown here: the benchmarks' memory assertion does not apply.
func maxRSSMB() float64 { return 0 }
