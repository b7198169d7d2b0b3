//go:build !unix

package testenv

import "time"

// CPUTime is unknown on this platform and always 0: the benchmarks' CPU
// assertions do not apply.
func CPUTime() time.Duration { return 0 }
