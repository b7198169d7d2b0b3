//go:build !unix

package segment

import "time"

// cpuTime is not measured on this platform; the benchmark then reports no
// MB/cpu-s figure and asserts nothing.
func cpuTime() time.Duration { return 0 }
