package pipeline

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/bitextlab/zhen/segment"
)

// WriteSentences writes what the aligner will see of docs: one sentence per
// line, a blank line between paragraphs and between documents. A paragraph
// set apart (in the other language) is not written, and named on notes (each
// line starting with prefix), so that nothing disappears without a word.
func WriteSentences(w, notes io.Writer, prefix string, docs ...*segment.Document) error {
	ew := &errWriter{w: w}
	for i, d := range docs {
		if i > 0 {
			ew.printf("\n")
		}
		first := true
		for _, p := range d.Paragraphs {
			if p.Kind == segment.Foreign {
				fmt.Fprintf(notes, "%s%s: line %d: paragraph in the other language set apart, not aligned: %.60q\n", prefix, d.Name, p.Line, p.In(d.Text))
				continue
			}
			if !first {
				ew.printf("\n")
			}
			first = false
			for _, s := range p.Sentences {
				ew.printf("%s\n", oneLine(s.In(d.Text)))
			}
		}
	}
	return ew.err
}

// oneLine keeps a sentence on one output line.
func oneLine(s string) string {
	s = strings.TrimSpace(s)
	if strings.ContainsAny(s, "\r\n") {
		s = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
	}
	return s
}

// errWriter remembers the first write error so that printing code stays flat.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, a ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, a...)
	}
}

// PrintSRX says which rules of a user's SRX file are not used (Go's regular
// expressions cannot express look-around or back-references) and what else
// was read but not used. It prints nothing for a nil report or one with
// nothing to say.
func PrintSRX(w io.Writer, prefix string, rep *segment.SRXReport) {
	if rep == nil || len(rep.Skipped)+len(rep.Notes) == 0 {
		return
	}
	fmt.Fprintf(w, "%s%s: using %d rules; %d cannot be used:\n", prefix, rep.Name, rep.Used, len(rep.Skipped))
	for _, r := range rep.Skipped {
		fmt.Fprintf(w, "  %s\n", r)
	}
	for _, n := range rep.Notes {
		fmt.Fprintf(w, "  note: %s\n", n)
	}
}

// Progress returns an align.Aligner Progress function that prints how far a
// long alignment has got on w, at most once a second and only once the job
// has run for a second (short jobs print nothing), each line starting with
// prefix.
func Progress(w io.Writer, prefix string) func(done, total int) {
	start := time.Now()
	var last time.Time
	shown := false
	return func(done, total int) {
		now := time.Now()
		if total <= 0 || now.Sub(start) < time.Second || now.Sub(last) < time.Second {
			if done >= total && shown {
				fmt.Fprintf(w, "%saligned %d of %d sentences (100%%) in %.1fs\n", prefix, done, total, now.Sub(start).Seconds())
				shown = false
			}
			return
		}
		last, shown = now, true
		fmt.Fprintf(w, "%saligning… %d of %d sentences (%d%%)\n", prefix, done, total, done*100/total)
	}
}
