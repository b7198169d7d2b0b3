//go:build !linux

package testenv

// MaxRSSMB is unknown on this platform (getrusage's unit for the peak
// resident set size differs between systems) and always 0: the benchmarks'
// memory assertions do not apply.
func MaxRSSMB() float64 { return 0 }
