package tmx

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/bitextlab/zhen/align"
	"github.com/bitextlab/zhen/internal/xmltext"
	"golang.org/x/text/language"
)

// Segment types for Header.SegType.
const (
	Sentence  = "sentence"
	Paragraph = "paragraph"
)

// Default header values used where a Header field is left zero.
const (
	DefaultCreationTool        = "zhen"
	DefaultCreationToolVersion = "0.1"
)

// Header describes the TMX header the Writer emits. Its zero value writes a
// Chinese-to-English sentence memory: srclang zh-CN, target en-US.
type Header struct {
	// SrcLang is the source language. Zero means zh-CN. If its base language
	// is English, the English side of each pair is the source: its <tuv>
	// comes first and srclang names it. Otherwise the Chinese side is.
	SrcLang language.Tag
	// TgtLang is the target language. Zero means en-US when the source is
	// Chinese and zh-CN when the source is English.
	TgtLang language.Tag
	// SegType is "sentence" (the zero value) or "paragraph".
	SegType string
	// CreationTool and CreationToolVersion default to "zhen" and "0.1".
	CreationTool, CreationToolVersion string
	// OTMF is the original TM format; defaults to CreationTool.
	OTMF string
	// AdminLang defaults to "en-US"; DataType to "plaintext".
	AdminLang, DataType string
	// CreationDate is written in UTC as YYYYMMDDThhmmssZ. Zero means the
	// time NewWriter was called.
	CreationDate time.Time
}

// Drop records characters left out of one TU because XML 1.0 cannot carry
// them (see Stats.Drops).
type Drop struct {
	Pair   int    // index of the pair among all pairs given to Write, 0-based
	TU     int    // 1-based position of the TU in the output, 0 if it was not written
	Side   string // "zh", "en" or "doc" (the x-document prop)
	Offset int    // byte offset of the dropped character in the input string
	Bytes  string // the dropped bytes
}

// Stats reports what the Writer did with its input. Nothing is left out
// without being counted here.
type Stats struct {
	Pairs              int    // pairs given to Write
	Written            int    // TUs written, merged ones included
	Merged             int    // TUs copied from the TMX given to Merge
	MergeSkipped       int    // TUs of the merged TMX without a usable source and target variant
	SkippedEmpty       int    // pairs with an empty side (1-0, 0-1 beads, or empty after cleaning)
	BelowMinConfidence int    // pairs under Writer.MinConfidence
	Duplicates         int    // pairs (and merged TUs) identical to one already written
	DroppedChars       int    // characters dropped because XML 1.0 cannot carry them
	Conflicts          int    // TUs whose source was already written with another target (counted with Dedupe or Merge)
	Trimmed            int    // segments that lost leading or trailing white space
	TrimmedBytes       int    // bytes of white space trimmed from those segments
	Drops              []Drop // where each dropped character was
}

// Writer writes a TMX 1.4b document, one <tu> per pair, as pairs arrive.
// Configure the exported fields before the first call to Write or Merge.
// Errors are sticky: after the first error every method returns it.
//
// Make a Writer with NewWriter. The zero Writer has nowhere to write:
// Write, Merge and Close return ErrNoDestination, never panic.
type Writer struct {
	// MinConfidence drops pairs whose Confidence is below it (NaN counts as
	// below any positive minimum). The dropped pairs are counted.
	MinConfidence float64
	// Dedupe skips a pair whose (Chinese, English) text, after cleaning,
	// equals one already written. Pairs equal to a merged TU are always
	// skipped. With Dedupe (or after Merge), Stats.Conflicts counts TUs
	// whose source text was already written with a different target.
	Dedupe bool

	h       Header
	srcZH   bool
	src     string
	tgt     string
	w       *bufio.Writer
	buf     []byte
	num     []byte // scratch for number formatting
	started bool
	closed  bool
	err     error
	stats   Stats
	seen    map[string]bool   // key → true if it came from a merged TMX
	targets map[string]string // source text → first target written (with Dedupe or Merge)
}

// NewWriter returns a Writer that writes to w with header h. Nothing is
// written until the first Write, Merge or Close. A nil w gives a Writer
// whose methods return ErrNoDestination.
func NewWriter(w io.Writer, h Header) *Writer {
	tw := &Writer{}
	if w != nil {
		tw.w = bufio.NewWriterSize(w, 64<<10)
	}
	if h.CreationDate.IsZero() {
		h.CreationDate = time.Now()
	}
	tw.h = h
	tw.err = tw.setLangs()
	return tw
}

func (w *Writer) setLangs() error {
	h := &w.h
	und := language.Tag{}
	zh, en := language.MustParse("zh-CN"), language.MustParse("en-US")
	if h.SrcLang == und {
		h.SrcLang = zh
	}
	if b, _ := h.SrcLang.Base(); b.String() == "en" {
		w.srcZH = false
	} else {
		w.srcZH = true
	}
	if h.TgtLang == und {
		if w.srcZH {
			h.TgtLang = en
		} else {
			h.TgtLang = zh
		}
	}
	sb, _ := h.SrcLang.Base()
	tb, _ := h.TgtLang.Base()
	if sb == tb {
		return fmt.Errorf("tmx: source and target language are both %q (%s, %s)", sb, h.SrcLang, h.TgtLang)
	}
	w.src, w.tgt = h.SrcLang.String(), h.TgtLang.String()
	switch h.SegType {
	case "":
		h.SegType = Sentence
	case Sentence, Paragraph, "block", "phrase":
	default:
		return fmt.Errorf("tmx: segtype %q is not sentence, paragraph, block or phrase", h.SegType)
	}
	if h.CreationTool == "" {
		h.CreationTool = DefaultCreationTool
	}
	if h.CreationTool == "OmegaT" {
		// OmegaT reads such a file with its own-format parser.
		return errors.New(`tmx: creationtool "OmegaT" would make OmegaT misread the file`)
	}
	if h.CreationToolVersion == "" {
		h.CreationToolVersion = DefaultCreationToolVersion
	}
	if h.OTMF == "" {
		h.OTMF = h.CreationTool
	}
	if h.AdminLang == "" {
		h.AdminLang = "en-US"
	}
	if h.DataType == "" {
		h.DataType = "plaintext"
	}
	return nil
}

// contextError puts an error of this package under "tmx: context: ",
// with the package prefix said once: "tmx: merge: line 3 (byte 40): …".
// errors.As and errors.Is see the error inside.
type contextError struct {
	context string
	err     error
}

func (e *contextError) Error() string {
	return "tmx: " + e.context + ": " + strings.TrimPrefix(e.err.Error(), "tmx: ")
}

func (e *contextError) Unwrap() error { return e.err }

// ErrNoDestination is returned by Write, Merge and Close of a zero Writer,
// which has no io.Writer to write to (make one with NewWriter).
var ErrNoDestination = errors.New("tmx: Writer has no destination (use NewWriter)")

// ready records ErrNoDestination for a Writer not made by NewWriter and
// reports whether w may go on.
func (w *Writer) ready() bool {
	if w.w == nil && w.err == nil {
		w.err = ErrNoDestination
	}
	return w.err == nil
}

// Header returns the header as it is (or will be) written, defaults filled in.
func (w *Writer) Header() Header { return w.h }

// Stats returns what the Writer has done so far.
func (w *Writer) Stats() Stats { return w.stats }

func (w *Writer) start() {
	if w.started || w.err != nil {
		return
	}
	w.started = true
	h := &w.h
	b := w.buf[:0]
	b = append(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n  <header"...)
	attr := func(name, v string) {
		b = append(b, ' ')
		b = append(b, name...)
		b = append(b, "=\""...)
		v, _ = xmltext.Clean(v)
		b = xmltext.AppendAttr(b, v)
		b = append(b, '"')
	}
	attr("creationtool", h.CreationTool)
	attr("creationtoolversion", h.CreationToolVersion)
	attr("segtype", h.SegType)
	attr("o-tmf", h.OTMF)
	attr("adminlang", h.AdminLang)
	attr("srclang", w.src)
	attr("datatype", h.DataType)
	attr("creationdate", h.CreationDate.UTC().Format("20060102T150405Z"))
	b = append(b, "/>\n  <body>\n"...)
	w.buf = b
	w.flush()
}

func (w *Writer) flush() {
	if w.err != nil {
		return
	}
	if _, err := w.w.Write(w.buf); err != nil {
		w.err = fmt.Errorf("tmx: %w", err)
	}
	w.buf = w.buf[:0]
}

// trim removes leading and trailing Unicode white space (U+3000 and NBSP
// included) and counts what it removed.
func (w *Writer) trim(s string) string {
	t := strings.TrimFunc(s, unicode.IsSpace)
	if len(t) != len(s) {
		w.stats.Trimmed++
		w.stats.TrimmedBytes += len(s) - len(t)
	}
	return t
}

// DedupeKey is the key under which a Writer with Dedupe recognises a
// duplicate pair: both sides with the characters XML cannot carry dropped
// and surrounding white space trimmed, as they are written. Pipelines that
// de-duplicate a corpus outside one Writer use the same key.
func DedupeKey(zh, en string) string {
	z, _ := xmltext.Clean(zh)
	e, _ := xmltext.Clean(en)
	return strings.TrimFunc(z, unicode.IsSpace) + "\x00" + strings.TrimFunc(e, unicode.IsSpace)
}

// clean drops non-Chars from s, recording them for pair index i, and trims.
func (w *Writer) clean(s, side string, i int) string {
	c, drops := xmltext.Clean(s)
	for _, d := range drops {
		w.stats.Drops = append(w.stats.Drops, Drop{Pair: i, TU: 0, Side: side, Offset: d.Offset, Bytes: d.Bytes})
	}
	w.stats.DroppedChars += len(drops)
	return w.trim(c)
}

// Write adds one pair as a <tu>, or counts why it is not written: an empty
// side (1-0 and 0-1 beads; an empty <seg> would erase text in OmegaT),
// confidence below MinConfidence, or a duplicate. Characters XML 1.0 cannot
// carry are dropped and counted, and leading and trailing white space is
// trimmed and counted, so that the source <seg> can match a CAT tool's
// segment exactly.
func (w *Writer) Write(p align.Pair) error {
	if !w.ready() {
		return w.err
	}
	if w.closed {
		return errors.New("tmx: Write after Close")
	}
	i := w.stats.Pairs
	w.stats.Pairs++
	if w.MinConfidence > 0 && !(p.Confidence >= w.MinConfidence) {
		w.stats.BelowMinConfidence++
		return nil
	}
	if isBlank(p.ZH) || isBlank(p.EN) {
		w.stats.SkippedEmpty++
		return nil
	}
	firstDrop := len(w.stats.Drops)
	zh := w.clean(p.ZH, "zh", i)
	en := w.clean(p.EN, "en", i)
	doc := p.Doc
	if doc != "" {
		doc = w.clean(doc, "doc", i)
	}
	if zh == "" || en == "" {
		w.stats.SkippedEmpty++
		return nil
	}
	if w.Dedupe || len(w.seen) > 0 {
		key := zh + "\x00" + en
		if merged, ok := w.seen[key]; ok && (merged || w.Dedupe) {
			w.stats.Duplicates++
			return nil
		}
		if w.seen == nil {
			w.seen = make(map[string]bool)
		}
		w.seen[key] = false
		w.noteTarget(zh, en)
	}
	w.start()
	if w.err != nil {
		return w.err
	}
	w.stats.Written++
	for j := firstDrop; j < len(w.stats.Drops); j++ {
		w.stats.Drops[j].TU = w.stats.Written
	}
	b := append(w.buf, "    <tu>\n"...)
	w.num = appendConfidence(w.num[:0], p.Confidence)
	b = appendNumProp(b, "x-confidence", w.num)
	if bead, _ := xmltext.Clean(p.Type); bead != "" {
		b = appendProp(b, "x-bead", bead)
	}
	w.num = strconv.AppendInt(w.num[:0], int64(p.Paragraph), 10)
	b = appendNumProp(b, "x-paragraph", w.num)
	if doc != "" {
		b = appendProp(b, "x-document", doc)
	}
	w.buf = b
	w.writeTUVs(zh, en)
	return w.err
}

// appendProp appends a prop; typ must need no escaping, val must be clean.
func appendProp(b []byte, typ, val string) []byte {
	b = append(b, "      <prop type=\""...)
	b = append(b, typ...)
	b = append(b, "\">"...)
	b = xmltext.AppendText(b, val)
	return append(b, "</prop>\n"...)
}

// appendNumProp appends a prop whose value is a formatted number.
func appendNumProp(b []byte, typ string, num []byte) []byte {
	b = append(b, "      <prop type=\""...)
	b = append(b, typ...)
	b = append(b, "\">"...)
	b = append(b, num...)
	return append(b, "</prop>\n"...)
}

func isBlank(s string) bool {
	return strings.TrimFunc(s, unicode.IsSpace) == ""
}

// appendConfidence appends c with at most four decimals.
func appendConfidence(b []byte, c float64) []byte {
	if math.IsNaN(c) || math.IsInf(c, 0) {
		return strconv.AppendFloat(b, c, 'g', -1, 64)
	}
	n := len(b)
	b = strconv.AppendFloat(b, c, 'f', 4, 64)
	for len(b) > n+1 && b[len(b)-1] == '0' {
		b = b[:len(b)-1]
	}
	if b[len(b)-1] == '.' {
		b = b[:len(b)-1]
	}
	return b
}

// writeTU writes one <tu>; props and notes must be clean, zh and en clean
// and non-empty.
func (w *Writer) writeTU(props [][2]string, notes []string, zh, en string) {
	b := w.buf
	b = append(b, "    <tu>\n"...)
	for _, n := range notes {
		b = append(b, "      <note>"...)
		b = xmltext.AppendText(b, n)
		b = append(b, "</note>\n"...)
	}
	for _, p := range props {
		b = append(b, "      <prop type=\""...)
		b = xmltext.AppendAttr(b, p[0])
		b = append(b, "\">"...)
		b = xmltext.AppendText(b, p[1])
		b = append(b, "</prop>\n"...)
	}
	w.buf = b
	w.writeTUVs(zh, en)
}

// writeTUVs ends the <tu> opened in w.buf with its two variants.
func (w *Writer) writeTUVs(zh, en string) {
	src, tgt := zh, en
	if !w.srcZH {
		src, tgt = en, zh
	}
	b := appendTUV(w.buf, w.src, src)
	b = appendTUV(b, w.tgt, tgt)
	b = append(b, "    </tu>\n"...)
	w.buf = b
	if len(b) >= 32<<10 {
		w.flush()
	}
}

func appendTUV(b []byte, lang, text string) []byte {
	b = append(b, "      <tuv xml:lang=\""...)
	b = xmltext.AppendAttr(b, lang)
	b = append(b, "\"><seg>"...)
	b = xmltext.AppendText(b, text)
	return append(b, "</seg></tuv>\n"...)
}

// Close writes the closing tags, flushes, and returns the first error met
// by any call. It does not close the underlying io.Writer. A Writer that
// was given no pair still writes a valid TMX with an empty body.
func (w *Writer) Close() error {
	if w.closed || !w.ready() {
		return w.err
	}
	w.start()
	w.closed = true
	if w.err != nil {
		return w.err
	}
	w.buf = append(w.buf, "  </body>\n</tmx>\n"...)
	w.flush()
	if w.err == nil {
		if err := w.w.Flush(); err != nil {
			w.err = fmt.Errorf("tmx: %w", err)
		}
	}
	return w.err
}

// noteTarget counts a TU whose source text was already written with a
// different target: OmegaT applies only one of them (the last, from
// tm/auto), so a reviewer should know.
func (w *Writer) noteTarget(zh, en string) {
	src, tgt := zh, en
	if !w.srcZH {
		src, tgt = en, zh
	}
	if w.targets == nil {
		w.targets = make(map[string]string)
	}
	if first, ok := w.targets[src]; !ok {
		w.targets[src] = tgt
	} else if first != tgt {
		w.stats.Conflicts++
	}
}

// Merge copies the TUs of an existing TMX document into the output, before
// any pair: call it before the first Write. A TU is copied when it has a
// variant in the source and one in the target language (matched by primary
// subtag, so zh-CN matches zh and ZH-TW); its props and notes are kept,
// inline codes are not (see Reader). TUs without both languages, or with an
// empty side, are counted in Stats.MergeSkipped. Pairs written later that
// equal a merged TU are skipped as duplicates; with Dedupe, duplicate TUs
// inside the merged file are skipped too.
func (w *Writer) Merge(r io.Reader) error {
	if !w.ready() {
		return w.err
	}
	if w.closed || w.stats.Pairs > 0 {
		return errors.New("tmx: Merge after Write or Close")
	}
	rd := NewReader(r)
	if w.seen == nil {
		w.seen = make(map[string]bool)
	}
	for tu, err := range rd.All() {
		if err != nil {
			w.err = &contextError{"merge", err}
			return w.err
		}
		sv, ok1 := tu.Variant(w.src)
		tv, ok2 := tu.Variant(w.tgt)
		src := w.trim(sv.Text)
		tgt := w.trim(tv.Text)
		if !ok1 || !ok2 || src == "" || tgt == "" {
			w.stats.MergeSkipped++
			continue
		}
		zh, en := src, tgt
		if !w.srcZH {
			zh, en = tgt, src
		}
		key := zh + "\x00" + en
		if _, dup := w.seen[key]; dup && w.Dedupe {
			w.stats.Duplicates++
			continue
		}
		w.seen[key] = true
		w.noteTarget(zh, en)
		w.start()
		if w.err != nil {
			return w.err
		}
		props := make([][2]string, 0, len(tu.Props))
		for _, p := range tu.Props {
			props = append(props, [2]string{p.Type, p.Value})
		}
		w.stats.Merged++
		w.stats.Written++
		w.writeTU(props, tu.Notes, zh, en)
		if w.err != nil {
			return w.err
		}
	}
	return nil
}
