package main

import (
	"fmt"
	"io"
	"time"
)

// progress prints how far a long alignment has got, at most once a second,
// and only once the job has run for a second: short jobs print nothing.
type progress struct {
	w     io.Writer
	start time.Time
	last  time.Time
	shown bool
}

func newProgress(w io.Writer) *progress {
	return &progress{w: w, start: time.Now()}
}

// update is an align.Aligner Progress callback.
func (p *progress) update(done, total int) {
	now := time.Now()
	if total <= 0 || now.Sub(p.start) < time.Second || now.Sub(p.last) < time.Second {
		if done >= total && p.shown {
			fmt.Fprintf(p.w, "press2tmx: aligned %d of %d (100%%) in %.1fs\n", done, total, now.Sub(p.start).Seconds())
			p.shown = false
		}
		return
	}
	p.last = now
	p.shown = true
	fmt.Fprintf(p.w, "press2tmx: aligning… %d of %d (%d%%)\n", done, total, done*100/total)
}
