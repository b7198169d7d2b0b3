package pipeline

import (
	"context"
	"strings"
	"unicode"

	"github.com/bitextlab/zhen/align"
)

// AlignLines aligns two files that already hold one sentence per line (see
// SentenceLines). Blank lines carry no sentence: they are left out of the
// alignment, which align.Aligner refuses them in, and come back as beads of
// their own (1-0 or 0-1) in lineBeads, which numbers lines as they are in
// the files, blank ones included: the beads format writes lineBeads, so
// that its numbers are line numbers. al holds the non-blank lines only.
func AlignLines(ctx context.Context, a *align.Aligner, zh, en []string) (al *align.Alignment, lineBeads []align.Bead, err error) {
	zt, zmap := nonBlank(zh)
	et, emap := nonBlank(en)
	al, err = a.AlignSentencesContext(ctx, zt, et)
	if err != nil {
		return nil, nil, err
	}
	if len(zt) == len(zh) && len(et) == len(en) {
		return al, al.Beads, nil
	}
	lineBeads = make([]align.Bead, 0, len(al.Beads)+len(zh)-len(zt)+len(en)-len(et))
	zi, ei := 0, 0 // next line of each file not yet in a bead
	blanks := func(zto, eto int) {
		for ; zi < zto; zi++ {
			lineBeads = append(lineBeads, align.Bead{ZH: align.Range{Start: zi, End: zi + 1}, EN: align.Range{Start: ei, End: ei}})
		}
		for ; ei < eto; ei++ {
			lineBeads = append(lineBeads, align.Bead{ZH: align.Range{Start: zi, End: zi}, EN: align.Range{Start: ei, End: ei + 1}})
		}
	}
	for _, b := range al.Beads {
		// The bead starts at the line of its first sentence, or, when a
		// side is empty, right after the line of the sentence before it.
		zs, es := lineAt(zmap, b.ZH.Start, len(zh)), lineAt(emap, b.EN.Start, len(en))
		blanks(zs, es)
		b.ZH = mapRange(zmap, b.ZH, zi)
		b.EN = mapRange(emap, b.EN, ei)
		lineBeads = append(lineBeads, b)
		zi, ei = b.ZH.End, b.EN.End
	}
	blanks(len(zh), len(en))
	return al, lineBeads, nil
}

// nonBlank returns the lines that hold more than white space and, for each,
// its line number.
func nonBlank(lines []string) ([]string, []int) {
	var text []string
	var at []int
	for i, l := range lines {
		if strings.TrimFunc(l, unicode.IsSpace) == "" {
			continue
		}
		text = append(text, l)
		at = append(at, i)
	}
	return text, at
}

// lineAt is the line number of sentence i, or total past the last one.
func lineAt(at []int, i, total int) int {
	if i < len(at) {
		return at[i]
	}
	return total
}

// mapRange turns a range of sentence indices into the range of line numbers
// from the first sentence's line to the last one's; an empty range stays
// empty at from. Blank lines inside a bead's span belong to the bead.
func mapRange(at []int, r align.Range, from int) align.Range {
	if r.Len() <= 0 {
		return align.Range{Start: from, End: from}
	}
	return align.Range{Start: at[r.Start], End: at[r.End-1] + 1}
}
