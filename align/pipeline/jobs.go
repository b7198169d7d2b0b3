package pipeline

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"sync"

	"github.com/bitextlab/zhen/align"
	"github.com/bitextlab/zhen/segment"
)

// Aligned is what aligning one Job gave.
type Aligned struct {
	// Job is the job aligned.
	Job Job
	// ZH and EN are its documents (nil when reading failed).
	ZH, EN *segment.Document
	// Alignment is the result (nil on error).
	Alignment *align.Alignment
	// Pairs are the alignment's sentence pairs, their Doc set to Job.Name,
	// regrouped by OmegaT's segments when Config.Rules is "omegat" (see
	// Config.OmegaTPairs).
	Pairs []align.Pair
	// Languages are the tags for this document: the ones given to
	// AlignJobs, fitted to its script (see Languages.Fit).
	Languages *Languages
	// Note is what Languages.Fit said ("" when it changed nothing).
	Note string
	// Err is why the job could not be aligned: a file that cannot be read
	// or decoded, or texts that are not translations of each other.
	Err error
}

// AlignJobs aligns jobs with up to workers goroutines (at least one) and
// yields the results in the order of jobs, so that what a caller writes does
// not depend on the number of workers. Each job's files are read with c
// (limits, encodings: a comma-separated Encoding names the Chinese and the
// English file of a pair), segmented with seg and aligned with a. Stopping
// the loop early, or cancelling ctx (an interrupt, say), stops the workers
// and ends the sequence; the caller sees ctx.Err().
func (c *Config) AlignJobs(ctx context.Context, seg *segment.Segmenter, a *align.Aligner, langs *Languages, jobs []Job, workers int) iter.Seq[*Aligned] {
	return func(yield func(*Aligned) bool) {
		if len(jobs) == 0 {
			return
		}
		results := make([]chan *Aligned, len(jobs))
		for i := range results {
			results[i] = make(chan *Aligned, 1)
		}
		todo, stop := make(chan int), make(chan struct{})
		var wg sync.WaitGroup
		for range min(max(workers, 1), len(jobs)) {
			wg.Go(func() {
				for i := range todo {
					results[i] <- c.alignJob(seg, a, langs, jobs[i])
				}
			})
		}
		go func() {
			defer close(todo)
			for i := range jobs {
				select {
				case todo <- i:
				case <-stop:
					return
				case <-ctx.Done():
					return
				}
			}
		}()
		defer wg.Wait()
		defer close(stop)
		for i := range jobs {
			select {
			case r := <-results[i]:
				if !yield(r) {
					return
				}
			case <-ctx.Done():
				return
			}
		}
	}
}

func (c *Config) alignJob(seg *segment.Segmenter, a *align.Aligner, langs *Languages, j Job) *Aligned {
	r := &Aligned{Job: j}
	if langs == nil {
		langs, _ = NewLanguages("", "")
	}
	l := *langs
	r.Languages = &l
	ins, err := c.Read(j.Inputs()...)
	if err == nil {
		if r.ZH, r.EN, err = Documents(seg, ins); err == nil {
			r.Note = r.Languages.Fit(r.ZH)
			r.Alignment, err = a.Align(r.ZH, r.EN)
		}
	}
	var np *align.NotParallelError
	if errors.As(err, &np) {
		r.Alignment = nil
		err = fmt.Errorf("not a translation pair (score %.2f, below %.2f): %w", np.Score, np.Threshold, align.ErrNotParallel)
	}
	if r.Err = err; err == nil {
		r.Pairs = r.Alignment.Pairs()
		for i := range r.Pairs {
			r.Pairs[i].Doc = j.Name
		}
		r.Pairs = c.OmegaTPairs(seg, SourceInput(ins, r.Languages), r.Pairs, false, r.Languages)
	}
	return r
}
