//go:build unix

package testenv

import (
	"syscall"
	"time"
)

// CPUTime returns the user plus system CPU time the process has used so far,
// all threads included (so garbage collection counts), or 0 when it cannot
// be read.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
