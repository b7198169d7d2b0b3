// Package testenv holds what the project's tests and benchmarks share about
// their environment:
//
//   - External programs (Missing, Path, Find): a test that needs one
//     (xmllint, chromium, java and OmegaT, translate-toolkit) is skipped
//     when it is missing, except where the environment variable CI is set,
//     in which case it fails, since in CI the real programs must run.
//   - Benchmark measures (CPUTime, MaxRSSMB, ReportMBPerCPUSecond): what the
//     benchmarks assert on, the CPU time the process has used (so that
//     other processes on a shared machine do not make a speed target fail)
//     and its peak resident memory.
package testenv
