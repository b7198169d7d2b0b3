package pipeline

import (
	"fmt"
	"io"
	"strings"

	"github.com/bitextlab/zhen/align"
	"github.com/bitextlab/zhen/segment"
)

// Reasons a pair or a character is left out, as in Left.Reason.
const (
	ReasonBelowMinConfidence = "below the minimum confidence"
	ReasonNoCounterpart      = "no counterpart"
	ReasonDuplicate          = "duplicate"
	ReasonDroppedChars       = "character XML cannot carry dropped"
)

// Left is one thing an output left out.
type Left struct {
	// Reason is one of the Reason… constants.
	Reason string
	// Pair is the pair's number among those given to Writer.Write, 0-based
	// (-1 for a dropped character: see Unit).
	Pair int
	// Doc, ZH and EN are the pair's document and text.
	Doc, ZH, EN string
	// Unit is the TMX unit (1-based) a character was dropped from.
	Unit int
	// Side is "zh", "en" or "doc": the text the character was dropped from.
	Side string
	// Offset is the dropped character's byte offset in that text.
	Offset int
	// Bytes are the bytes dropped.
	Bytes string
}

// Report counts what an output wrote and left out. The counts are complete;
// Left keeps the first entries of each reason (Output.MaxList).
type Report struct {
	// Format is the output's format.
	Format string
	// Paths are the output's files (none for standard output).
	Paths []string
	// Pairs are the pairs given; Written the units, rows or lines written
	// (merged TMX units included).
	Pairs, Written int
	// Merged are the units copied from the merged memory; MergeSkipped those
	// of its units that were not copied (no usable Chinese and English
	// variant).
	Merged, MergeSkipped int
	// MergeDetail is the TMX writer's account of the merge (tmx.Stats
	// MergeReport): counts, then each unit or header part not carried
	// over and why. Print writes it; programs print it even without a
	// report whenever MergeSkipped is not 0.
	MergeDetail string
	// MinConfidence is the output's minimum confidence.
	MinConfidence float64
	// What was left out: pairs below MinConfidence, pairs with an empty
	// side, duplicates, characters XML cannot carry (TMX).
	BelowMinConfidence, NoCounterpart, Duplicates, DroppedChars int
	// Conflicts counts TMX sources written with two different translations.
	Conflicts int
	// JoinedLines counts line breaks inside Moses segments replaced by a
	// space; InvalidUTF8 the JSON strings whose invalid bytes became U+FFFD;
	// BadEvidence the HTML highlights that could not be placed.
	JoinedLines, InvalidUTF8, BadEvidence int
	// Left are the first things left out, per reason.
	Left []Left

	listed map[string]int
}

func (r *Report) addLeft(l Left, max int) {
	if r.listed == nil {
		r.listed = map[string]int{}
	}
	if r.listed[l.Reason] >= max {
		return
	}
	r.listed[l.Reason]++
	r.Left = append(r.Left, l)
}

// LeftOut returns how many pairs were left out, and characters dropped.
func (r *Report) LeftOut() int {
	return r.BelowMinConfidence + r.NoCounterpart + r.Duplicates + r.DroppedChars + r.MergeSkipped
}

// Add adds s's counts to r and its list entries up to max per reason, for a
// summary over several outputs.
func (r *Report) Add(s *Report, max int) {
	if s == nil {
		return
	}
	r.Pairs += s.Pairs
	r.Written += s.Written
	r.Merged += s.Merged
	r.MergeSkipped += s.MergeSkipped
	r.MergeDetail += s.MergeDetail
	r.BelowMinConfidence += s.BelowMinConfidence
	r.NoCounterpart += s.NoCounterpart
	r.Duplicates += s.Duplicates
	r.DroppedChars += s.DroppedChars
	r.Conflicts += s.Conflicts
	r.JoinedLines += s.JoinedLines
	r.InvalidUTF8 += s.InvalidUTF8
	r.BadEvidence += s.BadEvidence
	for _, l := range s.Left {
		r.addLeft(l, max)
	}
}

// String is the one-line summary: what was written and what was left out.
func (r *Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d written", r.Format, r.Written)
	if r.Merged > 0 || r.MergeSkipped > 0 {
		fmt.Fprintf(&b, " (%d from the merged memory; %d of its units not copied)", r.Merged, r.MergeSkipped)
	}
	fmt.Fprintf(&b, "; left out: %d with no counterpart, %d below confidence %g, %d duplicates", r.NoCounterpart, r.BelowMinConfidence, r.MinConfidence, r.Duplicates)
	for _, c := range []struct {
		n    int
		what string
	}{
		{r.DroppedChars, "characters XML cannot carry dropped"},
		{r.Conflicts, "sources with two different translations"},
		{r.JoinedLines, "line breaks inside segments made spaces"},
		{r.InvalidUTF8, "texts with invalid UTF-8 (bytes replaced by U+FFFD)"},
		{r.BadEvidence, "highlights that could not be placed"},
	} {
		if c.n > 0 {
			fmt.Fprintf(&b, "; %d %s", c.n, c.what)
		}
	}
	return b.String()
}

// PrintBrief is what a program prints without a report: nothing when
// nothing was left out; otherwise the summary line after prefix, and the
// merge's account when units of a merged memory were not copied (those are
// never left out without a word).
func (r *Report) PrintBrief(w io.Writer, prefix string) {
	if r == nil || r.LeftOut() == 0 {
		return
	}
	fmt.Fprintf(w, "%s%s (-report lists them)\n", prefix, r)
	if r.MergeSkipped > 0 {
		io.WriteString(w, r.MergeDetail)
	}
}

// Print writes the summary line and the list of what was left out, with a
// "… and N more" line where a list was capped. A nil Report prints nothing.
func (r *Report) Print(w io.Writer) {
	if r == nil {
		return
	}
	fmt.Fprintln(w, r.String())
	io.WriteString(w, r.MergeDetail)
	shown := map[string]int{}
	for _, l := range r.Left {
		shown[l.Reason]++
		if l.Reason == ReasonDroppedChars {
			fmt.Fprintf(w, "  dropped %q from unit %d (%s side, byte %d)\n", l.Bytes, l.Unit, l.Side, l.Offset)
			continue
		}
		doc := ""
		if l.Doc != "" {
			doc = l.Doc + ": "
		}
		fmt.Fprintf(w, "  %s: %spair %d: %.60q | %.60q\n", l.Reason, doc, l.Pair, l.ZH, l.EN)
	}
	for _, c := range []struct {
		reason string
		n      int
	}{
		{ReasonBelowMinConfidence, r.BelowMinConfidence},
		{ReasonNoCounterpart, r.NoCounterpart},
		{ReasonDuplicate, r.Duplicates},
		{ReasonDroppedChars, r.DroppedChars},
	} {
		if more := c.n - shown[c.reason]; more > 0 && shown[c.reason] > 0 {
			fmt.Fprintf(w, "  … and %d more %s\n", more, c.reason)
		}
	}
}

// PrintDocument writes what decoding and cleaning did to a document: its
// encoding and layout, and its changes, at most max of them (then a count).
func PrintDocument(w io.Writer, d *segment.Document, max int) {
	if d == nil || d.Report == nil {
		return
	}
	r := d.Report
	fmt.Fprintf(w, "%s: %s, encoding %s", d.Name, d.Lang, r.Encoding)
	if r.Layout != "" {
		fmt.Fprintf(w, ", layout %s", r.Layout)
	}
	if r.Replaced > 0 {
		fmt.Fprintf(w, ", %d invalid byte sequences replaced by U+FFFD", r.Replaced)
	}
	fmt.Fprintf(w, ", %d paragraphs, %d changes\n", len(d.Paragraphs), len(r.Changes))
	for i, c := range r.Changes {
		if i == max {
			fmt.Fprintf(w, "  … and %d more changes\n", len(r.Changes)-max)
			break
		}
		fmt.Fprintf(w, "  %s\n", c)
	}
}

// PrintSkipped names the paragraphs the aligner left out (a paragraph in the
// other language inside a document), so that none disappears without a
// word; at most max of them (then a count).
func PrintSkipped(w io.Writer, prefix string, al *align.Alignment, max int) {
	for i, s := range al.Skipped {
		if i == max {
			fmt.Fprintf(w, "%s… and %d more paragraphs left out\n", prefix, len(al.Skipped)-max)
			return
		}
		fmt.Fprintf(w, "%sleft out %s paragraph %d (bytes %d–%d of the cleaned text): %s\n", prefix, s.Lang, s.Paragraph, s.Span.Start, s.Span.End, s.Reason)
	}
}

// PrintAlignment summarises an alignment: overall score, pairs per type
// (such as 1-2: one Chinese sentence, two English), the pairs to check (two
// sides, confidence below align.ConfidenceCheck), paragraphs left out, and
// sentences with no counterpart, each list at most max long (then a count).
// A nil alignment prints nothing.
func PrintAlignment(w io.Writer, al *align.Alignment, max int) {
	if al == nil {
		return
	}
	counts := map[string]int{}
	var order []string
	low := 0
	for _, b := range al.Beads {
		t := b.Type()
		if counts[t] == 0 {
			order = append(order, t)
		}
		counts[t]++
		if b.ZH.Len() > 0 && b.EN.Len() > 0 && toCheck(b.Confidence) {
			low++
		}
	}
	var parts []string
	for _, t := range order {
		parts = append(parts, fmt.Sprintf("%s×%d", t, counts[t]))
	}
	fmt.Fprintf(w, "alignment: score %.3f; %d Chinese and %d English sentences in %d pairs (%s); %d paragraph pairs; %d pairs to check (confidence below %s)\n",
		al.Score, len(al.ZH), len(al.EN), len(al.Beads), strings.Join(parts, " "), len(al.Paragraphs), low, formatBand(align.ConfidenceCheck))
	PrintSkipped(w, "", al, max)
	n := 0
	for _, b := range al.Beads {
		for i := b.EN.Start; b.ZH.Len() == 0 && i < b.EN.End; i++ {
			if n++; n <= max {
				fmt.Fprintf(w, "  no Chinese counterpart for English sentence %d: %.80q\n", i, al.EN[i])
			}
		}
		for i := b.ZH.Start; b.EN.Len() == 0 && i < b.ZH.End; i++ {
			if n++; n <= max {
				fmt.Fprintf(w, "  no English counterpart for Chinese sentence %d: %.80q\n", i, al.ZH[i])
			}
		}
	}
	if n > max {
		fmt.Fprintf(w, "  … and %d more sentences with no counterpart\n", n-max)
	}
}
