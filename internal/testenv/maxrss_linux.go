//go:build linux

package testenv

import "syscall"

// MaxRSSMB returns the process's peak resident set size in megabytes
// (mebibytes), or 0 when it cannot be read.
func MaxRSSMB() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Maxrss) / 1024 // kilobytes on Linux
}
