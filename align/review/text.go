package review

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bitextlab/zhen/align"
)

// ErrNoDestination is returned by Write and Flush of a zero TSVWriter,
// CSVWriter, JSONLWriter or MosesWriter, which has no io.Writer to write to
// (make one with NewTSVWriter, NewCSVWriter, NewJSONLWriter or
// NewMosesWriter).
var ErrNoDestination = errors.New("review: writer has no destination (use NewTSVWriter, NewCSVWriter, NewJSONLWriter or NewMosesWriter)")

// TSVHeader is the first line a TSVWriter writes.
const TSVHeader = "zh\ten\tconfidence\tbead\tparagraph"

// tsvEscaper escapes the characters that would break a TSV row: the tab,
// and every character a line-based reader may take for a line break.
var tsvEscaper = strings.NewReplacer(
	`\`, `\\`,
	"\t", `\t`,
	"\n", `\n`,
	"\r", `\r`,
	"\v", `\v`,
	"\f", `\f`,
	"\x1c", `\x1c`,
	"\x1d", `\x1d`,
	"\x1e", `\x1e`,
	"\u0085", `\u0085`,
	"\u2028", `\u2028`,
	"\u2029", `\u2029`,
)

// TSVWriter writes pairs as tab-separated values, one row per pair, after a
// header line (TSVHeader): Chinese, English, confidence (four decimals),
// bead type, paragraph number (0-based). The output is UTF-8 without a byte
// order mark, each row ended by a line feed (for a spreadsheet, CSVWriter
// is the safer choice).
//
// Every pair is exactly one line for any line-based reader (Unix tools,
// Python's str.splitlines, spreadsheets): in the text columns a backslash
// is written as \\ and each character that could end a line or a column
// as an escape:
//
//	tab → \t        line feed → \n         carriage return → \r
//	VT (U+000B) → \v    FF (U+000C) → \f
//	U+001C, U+001D, U+001E (file, group, record separators) → \x1c, \x1d, \x1e
//	NEL (U+0085) → \u0085   LINE SEPARATOR → \u2028   PARAGRAPH SEPARATOR → \u2029
//
// UnescapeTSV restores the text exactly. Nothing else is changed (invalid
// UTF-8 passes as it is); 1-0 and 0-1 beads are written with an empty
// column.
//
// Make one with NewTSVWriter. The zero TSVWriter has nowhere to write:
// Write and Flush return ErrNoDestination, never panic.
type TSVWriter struct {
	w      *bufio.Writer
	err    error
	header bool
}

// NewTSVWriter returns a TSVWriter writing to w.
// A nil w gives a writer whose methods return ErrNoDestination.
func NewTSVWriter(w io.Writer) *TSVWriter {
	if w == nil {
		return &TSVWriter{}
	}
	return &TSVWriter{w: bufio.NewWriter(w)}
}

// Write writes one row. Errors are sticky.
func (t *TSVWriter) Write(p align.Pair) error {
	if t.w == nil && t.err == nil {
		t.err = ErrNoDestination
	}
	if t.err != nil {
		return t.err
	}
	if !t.header {
		t.header = true
		t.w.WriteString(TSVHeader + "\n")
	}
	tsvEscaper.WriteString(t.w, p.ZH)
	t.w.WriteByte('\t')
	tsvEscaper.WriteString(t.w, p.EN)
	t.w.WriteByte('\t')
	t.w.WriteString(formatConfidence(p.Confidence))
	t.w.WriteByte('\t')
	tsvEscaper.WriteString(t.w, p.Type)
	t.w.WriteByte('\t')
	t.w.WriteString(strconv.Itoa(p.Paragraph))
	if err := t.w.WriteByte('\n'); err != nil {
		t.err = fmt.Errorf("review: tsv: %w", err)
	}
	return t.err
}

// Flush writes the header if no row was written and flushes the buffer.
func (t *TSVWriter) Flush() error {
	if t.w == nil && t.err == nil {
		t.err = ErrNoDestination
	}
	if t.err != nil {
		return t.err
	}
	if !t.header {
		t.header = true
		t.w.WriteString(TSVHeader + "\n")
	}
	if err := t.w.Flush(); err != nil {
		t.err = fmt.Errorf("review: tsv: %w", err)
	}
	return t.err
}

// UnescapeTSV restores a text column written by TSVWriter: it reverses
// each escape that TSVWriter writes (\\, \t, \n, \r, \v, \f, \xHH, \uHHHH),
// so that UnescapeTSV of a written column is the original text, byte for
// byte. A backslash that starts no such escape is kept as it is.
func UnescapeTSV(s string) string {
	i := strings.IndexByte(s, '\\')
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 == len(s) {
			b.WriteByte(c)
			continue
		}
		switch s[i+1] {
		case '\\':
			b.WriteByte('\\')
		case 't':
			b.WriteByte('\t')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 'v':
			b.WriteByte('\v')
		case 'f':
			b.WriteByte('\f')
		case 'x':
			if v, ok := unhex(s, i+2, 2); ok {
				b.WriteByte(byte(v))
				i += 3
				continue
			}
			b.WriteByte('\\')
			continue
		case 'u':
			if v, ok := unhex(s, i+2, 4); ok {
				b.WriteRune(rune(v))
				i += 5
				continue
			}
			b.WriteByte('\\')
			continue
		default:
			b.WriteByte('\\')
			continue
		}
		i++
	}
	return b.String()
}

// unhex parses the n hexadecimal digits of s at i.
func unhex(s string, i, n int) (uint32, bool) {
	if i+n > len(s) {
		return 0, false
	}
	var v uint32
	for _, c := range []byte(s[i : i+n]) {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		v = v<<4 | uint32(c)
	}
	return v, true
}

func formatConfidence(c float64) string {
	if math.IsNaN(c) || math.IsInf(c, 0) {
		return strconv.FormatFloat(c, 'g', -1, 64)
	}
	return strconv.FormatFloat(c, 'f', 4, 64)
}

// Record is the JSON Lines form of an align.Pair: one JSON object per line.
// Offsets in Evidence are bytes into ZH and EN, as in align.Evidence.
// Numbers that JSON cannot hold (NaN, ±Inf) are written as null.
//
// Scores are the pair's align.Scores as given. A pair with text on both
// sides also has an entry {"scorer": "margin", "weight": 0}: not a weighted
// part of the confidence but a factor on it. Confidence is the weighted
// mean of the other entries' values (by their weights) times the margin's
// value, the pair's posterior against the other ways of cutting the same
// stretch of text. 1-0 and 0-1 pairs have no margin entry.
type Record struct {
	// ZH is the pair's Chinese text, as in the Pair; "" for a 0-1 bead.
	ZH string `json:"zh"`
	// EN is the pair's English text, as in the Pair; "" for a 1-0 bead.
	EN string `json:"en"`
	// Type is the bead type, Chinese count first: "1-1", "1-2", "0-1".
	Type string `json:"type"`
	// Confidence is the pair's confidence in [0,1]; nil (null) if NaN or
	// infinite.
	Confidence *float64 `json:"confidence"`
	// Paragraph is the number of the paragraph bead the pair lies in,
	// 0-based.
	Paragraph int `json:"paragraph"`
	// Doc is the source document label (a file name); omitted when empty.
	Doc string `json:"doc,omitempty"`
	// Scores are what each scorer contributed, in the aligner's order,
	// the margin entry included (see above); omitted when there are none.
	Scores []RecordScore `json:"scores,omitempty"`
	// Evidence are the matched spans behind the pair; omitted when there
	// are none.
	Evidence []RecordEvidence `json:"evidence,omitempty"`
	// State is align.StateConfirmed or align.StateEdited for a pair a
	// person checked; omitted for the aligner's own output.
	State string `json:"state,omitempty"`
}

// RecordScore is an align.Score in a Record.
type RecordScore struct {
	// Scorer names the scorer: "length", "anchors", "lexicon", …, or
	// "margin" for the factor on the weighted mean (see Record).
	Scorer string `json:"scorer"`
	// Value is the scorer's similarity in [0,1]; nil (null) if NaN or
	// infinite.
	Value *float64 `json:"value"`
	// Weight is the weight the value carried in the weighted mean (0 for
	// the margin); nil (null) if NaN or infinite.
	Weight *float64 `json:"weight"`
}

// RecordEvidence is an align.Evidence in a Record.
type RecordEvidence struct {
	// Kind is the kind of evidence: "number", "date", "latin", "lexicon", …
	Kind    string `json:"kind"`
	ZHStart int    `json:"zh_start"` // first byte of the evidence in Record.ZH
	ZHEnd   int    `json:"zh_end"`   // byte after its end in Record.ZH
	ENStart int    `json:"en_start"` // first byte of the evidence in Record.EN
	ENEnd   int    `json:"en_end"`   // byte after its end in Record.EN
}

func num(f float64) *float64 {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return nil
	}
	return &f
}

// NewRecord converts a pair to its JSON Lines record.
func NewRecord(p align.Pair) Record {
	r := Record{ZH: p.ZH, EN: p.EN, Type: p.Type, Confidence: num(p.Confidence), Paragraph: p.Paragraph, Doc: p.Doc, State: p.State}
	for _, s := range p.Scores {
		r.Scores = append(r.Scores, RecordScore{Scorer: s.Scorer, Value: num(s.Value), Weight: num(s.Weight)})
	}
	for _, e := range p.Evidence {
		r.Evidence = append(r.Evidence, RecordEvidence{Kind: e.Kind, ZHStart: e.ZHStart, ZHEnd: e.ZHEnd, ENStart: e.ENStart, ENEnd: e.ENEnd})
	}
	return r
}

// JSONLWriter writes one Record per line (JSON Lines), for programs.
//
// Make one with NewJSONLWriter. The zero JSONLWriter has nowhere to write:
// Write and Flush return ErrNoDestination, never panic.
type JSONLWriter struct {
	w       *bufio.Writer
	enc     *json.Encoder
	err     error
	invalid int
}

// NewJSONLWriter returns a JSONLWriter writing to w.
// A nil w gives a writer whose methods return ErrNoDestination.
func NewJSONLWriter(w io.Writer) *JSONLWriter {
	if w == nil {
		return &JSONLWriter{}
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	return &JSONLWriter{w: bw, enc: enc}
}

// Write writes one record. Errors are sticky.
func (j *JSONLWriter) Write(p align.Pair) error {
	if j.w == nil && j.err == nil {
		j.err = ErrNoDestination
	}
	if j.err != nil {
		return j.err
	}
	for _, s := range []string{p.ZH, p.EN, p.Type, p.Doc} {
		if !utf8.ValidString(s) {
			j.invalid++
		}
	}
	if err := j.enc.Encode(NewRecord(p)); err != nil {
		j.err = fmt.Errorf("review: jsonl: %w", err)
	}
	return j.err
}

// InvalidUTF8 returns how many strings held invalid UTF-8, which JSON
// cannot carry: encoding/json wrote U+FFFD for each bad byte (and the
// Evidence offsets into those strings no longer match).
func (j *JSONLWriter) InvalidUTF8() int { return j.invalid }

// Flush flushes the buffer and returns the first error.
func (j *JSONLWriter) Flush() error {
	if j.w == nil && j.err == nil {
		j.err = ErrNoDestination
	}
	if j.err != nil {
		return j.err
	}
	if err := j.w.Flush(); err != nil {
		j.err = fmt.Errorf("review: jsonl: %w", err)
	}
	return j.err
}

// MosesStats counts what a MosesWriter changed or left out.
type MosesStats struct {
	Lines        int // line pairs written
	SkippedEmpty int // pairs with an empty side (1-0, 0-1 beads), not written
	Newlines     int // line breaks inside segments replaced by a space
}

// MosesWriter writes a Moses-style parallel corpus: two plain UTF-8 files,
// one segment per line, line n of one the translation of line n of the
// other. A line break inside a segment (LF, CR, CR LF, VT, FF, U+0085,
// U+2028, U+2029: everything a line-based tool may split on) is replaced
// by one space and counted. Pairs with an empty side are not written, and
// counted, so that the line numbers stay parallel.
//
// Make one with NewMosesWriter. The zero MosesWriter has nowhere to write:
// Write and Flush return ErrNoDestination, never panic.
type MosesWriter struct {
	zh, en *bufio.Writer
	err    error
	stats  MosesStats
}

// NewMosesWriter returns a MosesWriter writing Chinese to zh and English to en.
// If either is nil, the writer's methods return ErrNoDestination.
func NewMosesWriter(zh, en io.Writer) *MosesWriter {
	if zh == nil || en == nil {
		return &MosesWriter{}
	}
	return &MosesWriter{zh: bufio.NewWriter(zh), en: bufio.NewWriter(en)}
}

// Write writes one line to each file. Errors are sticky.
func (m *MosesWriter) Write(p align.Pair) error {
	if (m.zh == nil || m.en == nil) && m.err == nil {
		m.err = ErrNoDestination
	}
	if m.err != nil {
		return m.err
	}
	if strings.TrimSpace(p.ZH) == "" || strings.TrimSpace(p.EN) == "" {
		m.stats.SkippedEmpty++
		return nil
	}
	m.writeLine(m.zh, p.ZH)
	m.writeLine(m.en, p.EN)
	m.stats.Lines++
	return m.err
}

func (m *MosesWriter) writeLine(w *bufio.Writer, s string) {
	for len(s) > 0 {
		i := strings.IndexAny(s, "\r\n\v\f\u0085\u2028\u2029")
		if i < 0 {
			w.WriteString(s)
			break
		}
		w.WriteString(s[:i])
		_, n := utf8.DecodeRuneInString(s[i:])
		if s[i] == '\r' && i+1 < len(s) && s[i+1] == '\n' {
			n = 2
		}
		w.WriteByte(' ')
		m.stats.Newlines++
		s = s[i+n:]
	}
	if err := w.WriteByte('\n'); err != nil && m.err == nil {
		m.err = fmt.Errorf("review: moses: %w", err)
	}
}

// Stats returns what the writer did so far.
func (m *MosesWriter) Stats() MosesStats { return m.stats }

// Flush flushes both files and returns the first error.
func (m *MosesWriter) Flush() error {
	if (m.zh == nil || m.en == nil) && m.err == nil {
		m.err = ErrNoDestination
	}
	if m.err != nil {
		return m.err
	}
	for _, w := range []*bufio.Writer{m.zh, m.en} {
		if err := w.Flush(); err != nil {
			m.err = fmt.Errorf("review: moses: %w", err)
			return m.err
		}
	}
	return nil
}
