package tmx

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
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

// DefaultCreationTool is the creationtool the Writer writes when
// Header.CreationTool is empty.
const DefaultCreationTool = "zhen"

// modulePath is the module whose version ToolVersion reports.
const modulePath = "github.com/bitextlab/zhen"

// ToolVersion returns the version of this module as the running program
// was built with it, from the build information (runtime/debug): the
// module version when the program uses a released version of
// github.com/bitextlab/zhen (such as "v0.1.0"), the version go build
// stamps from version control when it builds the module itself, and
// "(devel)" otherwise (go run, go test, no build information). The Writer
// writes it as creationtoolversion when Header.CreationToolVersion is
// empty.
func ToolVersion() string { return toolVersion() }

var toolVersion = sync.OnceValue(func() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "(devel)"
	}
	if bi.Main.Path == modulePath && bi.Main.Version != "" {
		return bi.Main.Version
	}
	for _, m := range bi.Deps {
		if m.Path == modulePath && m.Version != "" {
			if m.Replace != nil && m.Replace.Version != "" {
				return m.Replace.Version
			}
			return m.Version
		}
	}
	return "(devel)"
})

// Header describes the TMX header the Writer emits. Its zero value writes a
// Chinese-to-English sentence memory: srclang zh-CN, target en-US.
type Header struct {
	// SrcLang is the source language, a BCP 47 tag such as "zh-CN",
	// "zh-TW" or "en-GB" (zh_CN is accepted and written zh-CN). Zero means
	// zh-CN, or en-US when TgtLang is Chinese. If it is English, the
	// English side of each pair is the source: its <tuv> comes first and
	// srclang names it. SrcLang and TgtLang must be one Chinese and one
	// English tag (see CheckLangs); otherwise every Writer method returns
	// the error.
	SrcLang string
	// TgtLang is the target language. Zero means en-US when the source is
	// Chinese and zh-CN when the source is English.
	TgtLang string
	// SegType is "sentence" (the zero value) or "paragraph".
	SegType string
	// CreationTool defaults to DefaultCreationTool ("zhen"),
	// CreationToolVersion to ToolVersion().
	CreationTool, CreationToolVersion string
	// OTMF is the original TM format; defaults to CreationTool.
	OTMF string
	// AdminLang defaults to "en-US"; DataType to "plaintext".
	AdminLang, DataType string
	// CreationDate is written in UTC as YYYYMMDDThhmmssZ. Zero means the
	// time NewWriter was called.
	CreationDate time.Time
}

// CheckLangs reports whether src and tgt (BCP 47 tags, as in Header) are
// one Chinese and one English tag, in either order. An empty tag takes its
// Header default. The error says what is wrong in one message, such as
// `tmx: language pair fr-FR → en-US: give one Chinese tag (zh-CN, zh-TW,
// zh-HK) and one English tag (en-US, en-GB): zhen aligns Chinese with
// English`.
func CheckLangs(src, tgt string) error {
	_, _, err := resolveLangs(src, tgt)
	return err
}

// resolveLangs parses the two tags, fills in the defaults and checks the
// pair.
func resolveLangs(src, tgt string) (s, t language.Tag, err error) {
	parse := func(code string) (language.Tag, error) {
		tag, err := language.Parse(strings.TrimSpace(code))
		if err != nil || tag == language.Und {
			return tag, fmt.Errorf("tmx: language tag %q is not a BCP 47 tag (such as zh-CN, zh-TW, en-US, en-GB)", code)
		}
		return tag, nil
	}
	zh, en := language.MustParse("zh-CN"), language.MustParse("en-US")
	if src != "" {
		if s, err = parse(src); err != nil {
			return s, t, err
		}
	}
	if tgt != "" {
		if t, err = parse(tgt); err != nil {
			return s, t, err
		}
	}
	switch {
	case src == "" && tgt == "":
		s, t = zh, en
	case src == "":
		s = zh
		if base(t) == "zh" {
			s = en
		}
	case tgt == "":
		t = en
		if base(s) == "en" {
			t = zh
		}
	}
	if !(base(s) == "zh" && base(t) == "en" || base(s) == "en" && base(t) == "zh") {
		return s, t, fmt.Errorf("tmx: language pair %s → %s: give one Chinese tag (zh-CN, zh-TW, zh-HK) and one English tag (en-US, en-GB): zhen aligns Chinese with English", s, t)
	}
	return s, t, nil
}

// base returns the primary language subtag of t, or "" if it is only
// guessed (as for "und").
func base(t language.Tag) string {
	b, conf := t.Base()
	if conf != language.Exact {
		return ""
	}
	return b.String()
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
	SkippedEmpty       int    // pairs with an empty side (1-0, 0-1 beads, or empty after cleaning)
	BelowMinConfidence int    // pairs under Writer.MinConfidence
	Duplicates         int    // pairs identical to one already written or merged (see Writer.KeepDuplicates)
	DroppedChars       int    // characters dropped because XML 1.0 cannot carry them
	Conflicts          int    // TUs whose source was already written with another target
	Trimmed            int    // segments that lost leading or trailing white space
	TrimmedBytes       int    // bytes of white space trimmed from those segments
	Drops              []Drop // where each dropped character was

	// Merging (Writer.Merge): every TU read is counted once, in Merged,
	// MergeDuplicates or MergeSkipped.
	Merged          int    // TUs copied from merged TMX files, as they were (MergeOther included)
	MergeOther      int    // of Merged, TUs without a non-blank Chinese and English variant (zh+fr, a blank side, …): kept, but not matched against new pairs
	MergeDuplicates int    // merged TUs identical, as written, to one copied before: left out (kept with KeepDuplicates)
	MergeSkipped    int    // merged TUs not copied; MergeSkips says why
	MergeSkips      []Skip // what was not carried over from the merged files, and why
}

// Skip is something of a merged TMX file that the Writer did not carry
// into its output (see Stats.MergeSkips).
type Skip struct {
	File   int    // which Merge call: 1 for the first merged file
	Line   int    // line of the element in that file
	What   string // "tu", or "header" for the header's props and notes
	Reason string // why, such as "a <tuv> without xml:lang (OmegaT rejects the whole file over one)"
}

// Writer writes a TMX 1.4b document, one <tu> per pair, as pairs arrive.
// Configure the exported fields before the first call to Write or Merge.
// Errors are sticky: after the first error every method returns it.
//
// Make a Writer with NewWriter. The zero Writer has nowhere to write:
// Write, Merge and Close return ErrNoDestination, never panic.
type Writer struct {
	// MinConfidence drops pairs whose Confidence is below it (NaN counts as
	// below any positive minimum). The dropped pairs are counted. A pair
	// with a State (checked by a person) has confidence 1.
	MinConfidence float64
	// KeepDuplicates writes every pair. By default a pair whose (Chinese,
	// English) text, after cleaning (see DedupeKey), equals one already
	// written is skipped, and a merged TU identical, as written, to one
	// already copied is left out; both are counted. Pairs equal to a
	// merged TU are skipped either way: the merged unit is kept instead.
	KeepDuplicates bool

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
	targets map[string]string // source text → first target written
	units   map[[sha256.Size]byte]bool
	merges  int      // Merge calls so far
	hdrXML  [][]byte // props, notes and ude of merged headers, for the header
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
	src, tgt, err := resolveLangs(h.SrcLang, h.TgtLang)
	if err != nil {
		return err
	}
	w.srcZH = base(src) == "zh"
	w.src, w.tgt = src.String(), tgt.String()
	h.SrcLang, h.TgtLang = w.src, w.tgt
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
		h.CreationToolVersion = ToolVersion()
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
	if len(w.hdrXML) == 0 {
		b = append(b, "/>\n  <body>\n"...)
	} else {
		b = append(b, ">\n"...)
		for _, x := range w.hdrXML {
			b = append(b, "    "...)
			b = append(b, x...)
			b = append(b, '\n')
		}
		b = append(b, "  </header>\n  <body>\n"...)
		w.hdrXML = nil
	}
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

// DedupeKey is the key under which a Writer recognises a
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
	conf := p.Confidence
	state, _ := xmltext.Clean(p.State)
	if state != "" {
		conf = 1 // checked by a person
	}
	if w.MinConfidence > 0 && !(conf >= w.MinConfidence) {
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
	if !w.KeepDuplicates || len(w.seen) > 0 {
		key := zh + "\x00" + en
		if merged, ok := w.seen[key]; ok && (merged || !w.KeepDuplicates) {
			w.stats.Duplicates++
			return nil
		}
		if w.seen == nil {
			w.seen = make(map[string]bool)
		}
		w.seen[key] = false
	}
	w.noteTarget(zh, en)
	w.start()
	if w.err != nil {
		return w.err
	}
	w.stats.Written++
	for j := firstDrop; j < len(w.stats.Drops); j++ {
		w.stats.Drops[j].TU = w.stats.Written
	}
	b := append(w.buf, "    <tu>\n"...)
	w.num = appendConfidence(w.num[:0], conf)
	b = appendNumProp(b, "x-confidence", w.num)
	if state != "" {
		b = appendProp(b, "x-state", state)
	}
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

// Merge copies the TUs of an existing TMX document (read as by Reader)
// into the output, before any pair: call it before the first Write; call
// it again to merge several files. The old memory is kept as it was:
//
//   - every TU is copied, whatever its languages: a Chinese–French unit, a
//     unit with a blank side, a unit with Japanese variants besides the
//     Chinese and English ones; TUs without a non-blank Chinese and
//     English variant are counted in Stats.MergeOther;
//   - each TU is written back as it was read (TU.XML, see
//     Reader.KeepXML): its attributes (tuid, creationdate, creationid,
//     changedate, usagecount, …) and those of its variants, their
//     language tags as written (zh-TW stays zh-TW), props, notes, inline
//     codes (bpt, ept, ph, it, ut, hi, sub), comments, text and attribute
//     values byte for byte; only the spelling of the markup may change
//     (character references become characters, CDATA sections escaped
//     text, single quotes double quotes), and a TMX 1.1 lang attribute is
//     written xml:lang;
//   - header attributes that TMX lets a TU override (srclang, segtype,
//     datatype, o-tmf, creationtool, creationtoolversion) and that differ
//     from this Writer's header are written on each TU that does not set
//     its own, so that each unit keeps its meaning;
//   - the props, notes and ude of the first merged file's header go into
//     the output header (later files' are counted in Stats.MergeSkips: the
//     header is written by then).
//
// A TU identical, as written, to one copied before is left out and counted
// in Stats.MergeDuplicates, unless KeepDuplicates is set. A TU with no
// <tuv>, or with a <tuv> that has no language (OmegaT rejects a whole file
// over one), is not copied: it is counted in Stats.MergeSkipped and listed
// in Stats.MergeSkips with its line. Pairs written later whose Chinese and
// English text equal a merged TU's (DedupeKey of its first Chinese and
// first English variant, inline codes left out) are skipped as duplicates.
//
// An error in the merged file (syntax, encoding, size: see Reader) stops
// the merge and is sticky, prefixed "tmx: merge: ".
func (w *Writer) Merge(r io.Reader) error {
	if !w.ready() {
		return w.err
	}
	if w.closed || w.stats.Pairs > 0 {
		return errors.New("tmx: Merge after Write or Close")
	}
	w.merges++
	file := w.merges
	rd := NewReader(r)
	rd.KeepXML = true
	fh, err := rd.Header()
	if err != nil {
		w.err = &contextError{"merge", err}
		return w.err
	}
	if len(rd.hdrInner) > 0 {
		if w.started {
			w.skip(Skip{File: file, Line: 0, What: "header", Reason: "props and notes of the header of a second merged file (the output header was written already)"}, false)
		} else {
			w.hdrXML = append(w.hdrXML, rd.hdrInner)
		}
	}
	inherit := w.inherited(fh)
	if w.seen == nil {
		w.seen = make(map[string]bool)
	}
	for tu, err := range rd.All() {
		if err != nil {
			w.err = &contextError{"merge", err}
			return w.err
		}
		if reason := unusable(tu); reason != "" {
			w.skip(Skip{File: file, Line: tu.Line, What: "tu", Reason: reason}, true)
			continue
		}
		raw := patchTU(tu.XML, rd.tuAttrs, inherit)
		if !w.KeepDuplicates {
			sum := sha256.Sum256(raw)
			if w.units[sum] {
				w.stats.MergeDuplicates++
				continue
			}
			if w.units == nil {
				w.units = make(map[[sha256.Size]byte]bool)
			}
			w.units[sum] = true
		}
		sv, ok1 := tu.Variant(w.src)
		tv, ok2 := tu.Variant(w.tgt)
		src := strings.TrimFunc(sv.Text, unicode.IsSpace)
		tgt := strings.TrimFunc(tv.Text, unicode.IsSpace)
		if ok1 && ok2 && src != "" && tgt != "" {
			zh, en := src, tgt
			if !w.srcZH {
				zh, en = tgt, src
			}
			w.seen[zh+"\x00"+en] = true
			w.noteTarget(zh, en)
		} else {
			w.stats.MergeOther++
		}
		w.start()
		if w.err != nil {
			return w.err
		}
		w.stats.Merged++
		w.stats.Written++
		b := append(w.buf, "    "...)
		b = append(b, raw...)
		w.buf = append(b, '\n')
		if len(w.buf) >= 32<<10 {
			w.flush()
		}
		if w.err != nil {
			return w.err
		}
	}
	return nil
}

// maxSkips is how many skips Stats.MergeSkips lists; the counts go on.
const maxSkips = 100

func (w *Writer) skip(s Skip, tu bool) {
	if tu {
		w.stats.MergeSkipped++
	}
	if len(w.stats.MergeSkips) < maxSkips {
		w.stats.MergeSkips = append(w.stats.MergeSkips, s)
	}
}

// unusable says why a merged TU cannot be copied, or "".
func unusable(tu TU) string {
	if len(tu.Variants) == 0 {
		return "no <tuv>"
	}
	for _, v := range tu.Variants {
		if strings.TrimSpace(v.Lang) == "" {
			return "a <tuv> without xml:lang (OmegaT rejects the whole file over one)"
		}
	}
	return ""
}

// tuDefaults are the header attributes a <tu> may override.
var tuDefaults = []string{"srclang", "segtype", "datatype", "o-tmf", "creationtool", "creationtoolversion"}

// inherited returns the attributes of a merged file's header that a TU
// would inherit and that differ from this Writer's header.
func (w *Writer) inherited(fh FileHeader) []xml.Attr {
	h := w.h
	pairs := [][2]string{
		{fh.SrcLang, w.src},
		{fh.SegType, h.SegType},
		{fh.DataType, h.DataType},
		{fh.OTMF, h.OTMF},
		{fh.CreationTool, h.CreationTool},
		{fh.CreationToolVersion, h.CreationToolVersion},
	}
	var out []xml.Attr
	for i, p := range pairs {
		if p[0] != "" && p[0] != p[1] {
			out = append(out, xml.Attr{Name: xml.Name{Local: tuDefaults[i]}, Value: p[0]})
		}
	}
	return out
}

// patchTU returns the recorded <tu> with the inherited attributes it does
// not set itself added after its own.
func patchTU(rec []byte, own []xml.Attr, inherit []xml.Attr) []byte {
	var add []byte
	for _, a := range inherit {
		if slices.ContainsFunc(own, func(o xml.Attr) bool { return o.Name.Space == "" && o.Name.Local == a.Name.Local }) {
			continue
		}
		add = append(add, ' ')
		add = append(add, a.Name.Local...)
		add = append(add, `="`...)
		add = xmltext.AppendAttr(add, a.Value)
		add = append(add, '"')
	}
	out := rec
	if len(add) > 0 {
		// The start tag ends at its first '>' ('>' in values is escaped).
		end := bytes.IndexByte(rec, '>')
		if rec[end-1] == '/' {
			end--
		}
		out = make([]byte, 0, len(rec)+len(add))
		out = append(out, rec[:end]...)
		out = append(out, add...)
		out = append(out, rec[end:]...)
	}
	return out
}

// MergeReport describes what Merge did, for a person: one line with the
// counts, then one line per entry of MergeSkips (and how many more were
// counted but not listed). It returns "" when nothing was merged. A
// program prints it whenever MergeSkipped or MergeSkips is non-zero, and
// on request otherwise.
func (s Stats) MergeReport() string {
	read := s.Merged + s.MergeDuplicates + s.MergeSkipped
	if read == 0 && len(s.MergeSkips) == 0 {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "merge: %d units read, %d kept as they were", read, s.Merged)
	if s.MergeOther > 0 {
		fmt.Fprintf(&b, " (%d of them without a Chinese–English pair)", s.MergeOther)
	}
	if s.MergeDuplicates > 0 {
		fmt.Fprintf(&b, ", %d identical units left out", s.MergeDuplicates)
	}
	fmt.Fprintf(&b, ", %d not copied\n", s.MergeSkipped)
	units := 0
	for _, k := range s.MergeSkips {
		if k.What == "tu" {
			units++
			fmt.Fprintf(&b, "merge: file %d, line %d: unit not copied: %s\n", k.File, k.Line, k.Reason)
		} else {
			fmt.Fprintf(&b, "merge: file %d: %s not carried over: %s\n", k.File, k.What, k.Reason)
		}
	}
	if more := s.MergeSkipped - units; more > 0 {
		fmt.Fprintf(&b, "merge: and %d more units not copied (the list stops at %d)\n", more, maxSkips)
	}
	return b.String()
}
