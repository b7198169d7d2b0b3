package align

import (
	"os"
	"runtime"
	"strings"
	"testing"
	"unsafe"
)

// BenchmarkHoldAlignment measures the heap an Alignment keeps once the
// aligner is done (runtime.ReadMemStats after a GC), against what its beads
// and its pairs take: an Alignment holds no engine state (scorings, caches,
// the search), only beads, the evidence index and the text it points into.
// The input is press001 repeated 100 times (5,500 × 8,300 sentences).
func BenchmarkHoldAlignment(b *testing.B) {
	read := func(p string) []string {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		return strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	}
	z1, e1 := read("../testdata/align/press001.zh"), read("../testdata/align/press001.en")
	var zh, en []string
	for range 100 {
		zh = append(zh, z1...)
		en = append(en, e1...)
	}
	a := &Aligner{}
	if _, err := a.AlignSentences(z1, e1); err != nil { // built-in lexicon loaded once
		b.Fatal(err)
	}
	heap := func() uint64 {
		var m runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	var retained, beads, pairs float64
	for b.Loop() {
		h0 := heap()
		al, err := a.AlignSentences(zh, en)
		if err != nil {
			b.Fatal(err)
		}
		h1 := heap()
		ps := al.Pairs()
		h2 := heap()
		retained, pairs = float64(h1)-float64(h0), float64(h2)-float64(h1)
		beads = float64(uintptr(cap(al.Beads)) * unsafe.Sizeof(Bead{}))
		for _, bd := range al.Beads {
			beads += float64(uintptr(cap(bd.Scores)) * unsafe.Sizeof(Score{}))
		}
		runtime.KeepAlive(al)
		runtime.KeepAlive(ps)
	}
	b.ReportMetric(retained/1e6, "retained-MB")
	b.ReportMetric(beads/1e6, "beads-MB")
	b.ReportMetric(pairs/1e6, "pairs-MB")
	if retained > 1.25*(beads+pairs) {
		b.Errorf("an Alignment keeps %.1f MB; its beads and pairs take %.1f MB", retained/1e6, (beads+pairs)/1e6)
	}
}
