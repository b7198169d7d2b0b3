// Package testenv holds what the project's tests and benchmarks share about
// their environment:
//
//   - External programs (Missing, Path, Find): a test that needs one
//     (xmllint, chromium, java and OmegaT, translate-toolkit) is skipped
//     when it is missing, except where the environment variable CI is set,
//     in which case it fails, since in CI the real programs must run.
//   - Benchmark measures (CPUTime, MaxRSSMB, PeakHeap,
//     ReportMBPerCPUSecond): what the benchmarks assert on, the CPU time the
//     process has used (so that other processes on a shared machine do not
//     make a speed target fail), its peak resident memory, and the peak of
//     the heap while one function runs (to compare one program's runs at
//     several sizes).
//   - Public API rules (UndocumentedFields, FuncsWithoutExample, CheckAPI):
//     a package's Go source read for what its public API lacks by the
//     project's rules, a doc comment on every exported struct field and an
//     Example function for every exported function. The public packages call
//     CheckAPI from their tests, so that a missing comment or example fails
//     CI.
//   - OmegaT (FindOmegaT, RequireOmegaT, OmegaT, OmegaTProject,
//     OmegaTSettings, OmegaTTokenizer, OmegaTLogErrors, OmegaTLogTail): runs
//     OmegaT (https://omegat.org) headless on a throwaway project, for the
//     tests that check this module's output against what OmegaT itself
//     does: segmenting text (segment), loading TMX files (align/tmx) and
//     matching the pairs the pipeline regroups for it (align/pipeline). A
//     project is a directory with omegat.project, source/, target/,
//     tm/auto/, omegat/, glossary/ and dictionary/, plus a private OmegaT
//     configuration directory beside it so that the user's settings play no
//     part. OmegaT runs as java -jar OmegaT.jar --mode=console-… with the
//     project directory.
package testenv
