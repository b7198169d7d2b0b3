package segment

import "fmt"

// Lang is the language of a document or paragraph.
type Lang uint8

// The languages the package knows. The zero value, Unknown, asks functions that
// take a Lang to detect it.
const (
	Unknown Lang = iota
	Chinese
	English
)

// String returns "zh", "en" or "unknown".
func (l Lang) String() string {
	switch l {
	case Chinese:
		return "zh"
	case English:
		return "en"
	}
	return "unknown"
}

// Span is a half-open byte range [Start, End) over a document's cleaned text.
type Span struct {
	Start, End int // byte offsets, Start <= End
}

// Len returns the number of bytes in the span.
func (s Span) Len() int { return s.End - s.Start }

// In returns the text of the span, text[s.Start:s.End], or "" when the span
// is empty, reversed (Start > End) or not inside text: a span never makes
// In panic.
func (s Span) In(text string) string {
	if s.Start < 0 || s.Start >= s.End || s.End > len(text) {
		return ""
	}
	return text[s.Start:s.End]
}

// Kind says what role a paragraph plays in a press document.
type Kind uint8

// Paragraph kinds. Body is the zero value.
const (
	Body     Kind = iota // running text
	Title                // a title or subtitle line (no final punctuation, short)
	Dateline             // a date, place or department line
	Heading              // a section heading such as "一、…" or "I. …" without a sentence after it
	Foreign              // a paragraph in the other language, set apart (not aligned)
)

// String returns the lower-case name of the kind.
func (k Kind) String() string {
	switch k {
	case Body:
		return "body"
	case Title:
		return "title"
	case Dateline:
		return "dateline"
	case Heading:
		return "heading"
	case Foreign:
		return "foreign"
	}
	return fmt.Sprintf("kind(%d)", k)
}

// Paragraph is a paragraph of a document: its span over Document.Text and the
// spans of its sentences, in order, each inside the paragraph span.
type Paragraph struct {
	Span
	Kind Kind // what role the paragraph plays: body, title, dateline, heading, foreign
	// Line is the 1-based line of the decoded input where the paragraph
	// starts, so that a reader can find it in the original file.
	Line      int
	Sentences []Span // the sentence spans, absolute over Document.Text
	// Subs holds, per sentence, the byte offsets (absolute, over Document.Text)
	// of optional sub-split points inside it, such as after a Chinese "；".
	// An aligner may cut a sentence there; a CAT tool does not. Nil when none.
	Subs [][]int
}

// Document is one language's side of the material after decoding, cleaning
// and segmentation. Paragraphs and sentences are spans over Text, so the
// text of a sentence is Text[s.Start:s.End] and nothing is copied.
type Document struct {
	Name string // file name or other label given by the caller
	Lang Lang   // Chinese or English
	// Text is the decoded, cleaned text with one paragraph per line: the
	// paragraphs in order, separated by a single "\n", no blank lines, so
	// that Text[p.Start:p.End] is paragraph p.
	Text       string
	Paragraphs []Paragraph // in document order, spans over Text
	Report     *Report     // what decoding and cleaning changed, set apart or could not place
}

// Report lists what decoding and cleaning did to the input: every removal,
// replacement and set-apart paragraph, with its rule and position. It is the
// record that lets a user check that nothing was lost silently.
type Report struct {
	// Format is the input's format: "" for plain text, FormatDocx for a
	// Word document, FormatHTML for a web page. For the last two, Line
	// and Offset of the changes count in the text read from the document
	// (one paragraph per line), not in the file.
	Format   string
	Encoding string   // the encoding the input was decoded from, e.g. "utf-8", "gb18030"
	BOM      bool     // the input started with a byte order mark (removed by decoding)
	Replaced int      // invalid byte sequences replaced by U+FFFD (Segmenter.ReplaceInvalid)
	Layout   string   // for bilingual files: "blocks", "interleaved"; empty otherwise
	Changes  []Change // in input order
}

// Count returns the number of changes made by the named rule.
func (r *Report) Count(rule string) int {
	if r == nil {
		return 0
	}
	n := 0
	for _, c := range r.Changes {
		if c.Rule == rule {
			n++
		}
	}
	return n
}

// Change is one entry of a Report.
type Change struct {
	Rule   string // name of the rule, e.g. "nbsp-indent", "mojibake-gbk", "word-bookmark"
	Line   int    // 1-based line in the decoded input
	Offset int    // byte offset in the decoded input
	Old    string // text removed or replaced (may be empty for an insertion)
	New    string // text put in its place (empty for a removal)
	Note   string // optional human-readable remark
}

// String formats the change as "line L, byte B: rule: "old" -> "new"".
func (c Change) String() string {
	s := fmt.Sprintf("line %d, byte %d: %s: %q -> %q", c.Line, c.Offset, c.Rule, c.Old, c.New)
	if c.Note != "" {
		s += " (" + c.Note + ")"
	}
	return s
}
