package align

import "strconv"

// Range is a half-open range [Start, End) of sentence (or paragraph) indices.
type Range struct {
	// Start <= End in the aligner's beads; Start == End is an empty
	// range. ReadBeads reads a side whose indices have a gap as a reversed
	// range (Start > End).
	Start, End int
}

// Len returns the number of items in the range.
func (r Range) Len() int { return r.End - r.Start }

// Score is one scorer's contribution to a bead's confidence. A bead's
// Confidence is the Weight-weighted mean of its scorers' Values times the
// Value of the entry named "margin" (Weight 0), the bead's local posterior
// against the other ways of cutting the same stretch of text.
type Score struct {
	Scorer string  // name of the scorer: "length", "anchors", "lexicon", …
	Value  float64 // the scorer's own similarity in [0,1] (1 = certainly a translation)
	Weight float64 // the weight it carried in the combined confidence
}

// Evidence is one piece of matched evidence inside a bead, for display: a
// [Match] of a scorer (an anchor, a lexicon word…) between a Chinese and an
// English stretch of text.
// Offsets are bytes into the bead's joined Chinese and English text
// (the Pair.ZH and Pair.EN strings). Spans cover whole words: whole
// English words (a name matched syllable by syllable, "Jin" of
// "Jinping", is shown as the whole name) and whole Chinese words as the
// lexicon cuts them, Latin runs inside Chinese whole.
type Evidence struct {
	Kind           string // "number", "date", "latin", "section", "quote", "lexicon", "glossary", …
	ZHStart, ZHEnd int    // byte span in Pair.ZH (whole words)
	ENStart, ENEnd int    // byte span in Pair.EN (whole words)
}

// Bead is one unit of the alignment: a run of Chinese sentences aligned with a
// run of English sentences. Either run may be empty (a 1-0 or 0-1 bead: text
// with no counterpart).
type Bead struct {
	ZH, EN     Range   // sentence indices into Alignment.ZH and Alignment.EN
	Paragraph  int     // index of the paragraph bead this bead lies in (0 when aligning sentence lists)
	Confidence float64 // in [0,1]; calibrated: see the package notes
	Scores     []Score // what each scorer contributed, for "why was this pair made"
}

// Type returns the bead type, such as "1-1", "1-2" or "0-1" (Chinese count first).
func (b Bead) Type() string {
	return strconv.Itoa(b.ZH.Len()) + "-" + strconv.Itoa(b.EN.Len())
}

// Pair is a bead's text, ready to write to a translation memory or review file.
type Pair struct {
	ZH, EN     string     // joined sentence text of each side (empty for 1-0 / 0-1)
	Type       string     // bead type, "1-2"
	Confidence float64    // the bead's confidence in [0,1]
	Paragraph  int        // paragraph bead number, 0-based
	Doc        string     // source document label (file name), may be empty
	Scores     []Score    // each scorer's contribution (see Score), so a reader can see why
	Evidence   []Evidence // what the scorers matched (anchors, lexicon words…), for highlighting
	// State says who stands behind the pair: "" for the aligner's own
	// output, StateConfirmed when a person checked it and left it as it
	// was, StateEdited when a person changed it.
	State string
}

// Pair states (Pair.State).
const (
	StateConfirmed = "confirmed" // a person checked the pair and kept it
	StateEdited    = "edited"    // a person changed the pair's text or boundaries
)
