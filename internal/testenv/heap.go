package testenv

import (
	"runtime"
	"runtime/metrics"
	"sync"
	"time"
)

// heapObjects is the runtime metric PeakHeap samples: the bytes of heap
// memory occupied by objects, live or not yet swept (what the process must
// hold in RAM for its heap, short of free spans).
const heapObjects = "/memory/classes/heap/objects:bytes"

// PeakHeap runs f and returns the peak of the heap it grew to while f ran,
// above the heap live before it (in MB, 10⁶ bytes): the process collects
// garbage first, then samples the runtime's heap size every millisecond
// (and once at the end) while f runs. The figure depends on GOGC like the
// process's resident memory does (the heap grows to about twice what is
// live before a collection), so it is for comparing runs of one program,
// e.g. that memory grows linearly with the input.
func PeakHeap(f func()) float64 {
	runtime.GC()
	s := []metrics.Sample{{Name: heapObjects}}
	read := func() uint64 {
		metrics.Read(s)
		if s[0].Value.Kind() != metrics.KindUint64 {
			return 0
		}
		return s[0].Value.Uint64()
	}
	base := read()
	// The sampler owns peak until it has stopped.
	peak := base
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				peak = max(peak, read())
			}
		}
	}()
	f()
	close(done)
	wg.Wait()
	peak = max(peak, read())
	return float64(peak-base) / 1e6
}
