package tmx

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"iter"
	"strings"

	"github.com/bitextlab/zhen/internal/xmltext"
	"golang.org/x/text/encoding/htmlindex"
)

// TU is one translation unit read from a TMX file.
type TU struct {
	TUID     string    // the tuid attribute, if any
	SrcLang  string    // the tu's own srclang attribute, if any
	Props    []Prop    // <prop> children, in order
	Notes    []string  // <note> children, in order
	Variants []Variant // <tuv> children, in order
	Line     int       // line of the <tu> start tag (1-based)
	// XML is, when Reader.KeepXML is set, the whole <tu> element as read,
	// written back token by token: element and attribute names as written
	// (prefixes included), attributes in order, text, attribute values,
	// comments and processing instructions exactly (escaped with the five
	// XML entities), namespace prefixes declared outside the unit declared
	// on it, a TMX 1.1 lang attribute of a <tuv> written xml:lang. Only
	// the spelling of the markup may differ from the file (character
	// references become characters, CDATA sections escaped text, <x></x>
	// becomes <x/>). Nil otherwise.
	XML []byte
}

// Variant is one <tuv>: a language's text of a TU.
type Variant struct {
	Lang  string   // xml:lang (TMX 1.4) or lang (TMX 1.1–1.3), as written
	Text  string   // the text of <seg>, inline codes removed (see the package manual)
	Codes int      // number of inline code elements (bpt, ept, ph, it, ut) whose code text was left out
	Props []Prop   // the tuv's <prop> children, in order
	Notes []string // the tuv's <note> children, in order
}

// Prop is a <prop type="…">value</prop>.
type Prop struct {
	Type  string // the type attribute, such as "x-confidence"
	Value string // the element's text
}

// Prop returns the value of the first prop of type typ, and whether there is one.
func (tu TU) Prop(typ string) (string, bool) {
	for _, p := range tu.Props {
		if p.Type == typ {
			return p.Value, true
		}
	}
	return "", false
}

// Variant returns the first variant whose language has the same primary
// subtag as lang ("zh-CN" matches "zh", "zh-TW", "ZH_cn"), compared without
// regard to case, and whether there is one.
func (tu TU) Variant(lang string) (Variant, bool) {
	want := primary(lang)
	for _, v := range tu.Variants {
		if primary(v.Lang) == want {
			return v, true
		}
	}
	return Variant{}, false
}

// primary returns the lower-cased primary language subtag of a language
// code, splitting at '-' or '_'.
func primary(code string) string {
	if i := strings.IndexAny(code, "-_"); i >= 0 {
		code = code[:i]
	}
	return strings.ToLower(code)
}

// FileHeader is the <header> of a TMX file as read, attributes verbatim.
type FileHeader struct {
	Version             string   // the tmx element's version attribute
	CreationTool        string   // creationtool: the program that wrote the file
	CreationToolVersion string   // creationtoolversion
	SegType             string   // segtype: "sentence", "paragraph", "block" or "phrase"
	OTMF                string   // o-tmf: the original translation memory format
	AdminLang           string   // adminlang: the language of notes and props
	SrcLang             string   // srclang: the source language, or "*all*"
	DataType            string   // datatype, such as "plaintext" or "xml"
	CreationDate        string   // creationdate, as written (TMX asks for YYYYMMDDThhmmssZ)
	Props               []Prop   // the header's <prop> children, in order
	Notes               []string // the header's <note> children, in order
}

// SyntaxError is an error in a TMX file, with its position.
type SyntaxError struct {
	Line   int    // 1-based line in the (decoded) input
	Offset int64  // byte offset in the decoded UTF-8 input (after a byte order mark) where the reader stopped, just after the fault; for invalid UTF-8, the offset of its first byte
	Msg    string // what is wrong, such as "invalid UTF-8 (byte 0xff)"
}

// Error formats the error as "tmx: line L (byte B): message".
func (e *SyntaxError) Error() string {
	return fmt.Sprintf("tmx: line %d (byte %d): %s", e.Line, e.Offset, e.Msg)
}

// ErrNoSource is returned by every method of a zero Reader, which has no
// input (make one with NewReader).
var ErrNoSource = errors.New("tmx: Reader has no source (use NewReader)")

// Limits of a Reader. A file beyond them is refused with a *SyntaxError
// instead of being read into memory: a TMX is streamed unit by unit, so
// only one token (a tag, a run of text, a comment) is held at a time.
const (
	// MaxTokenSize is the largest single tag, run of text or comment a
	// Reader accepts, in bytes (64 MiB).
	MaxTokenSize = 64 << 20
	// MaxSize is the largest document a Reader reads, in bytes of UTF-8
	// after decoding (16 GiB).
	MaxSize = 16 << 30
)

// Reader reads TUs from a TMX document one at a time, without holding the
// whole file in memory. It accepts TMX 1.1 to 1.4, xml:lang or lang,
// UTF-8 (with or without BOM) and UTF-16 (with a BOM, or detected from the
// leading "<"), and any other encoding named in the XML declaration that
// golang.org/x/text/encoding/htmlindex knows.
//
// Data that is not XML is refused at once: the document must begin, after
// a byte order mark and white space, with "<" (so /dev/zero or a binary
// file ends with an error on the first byte). See MaxTokenSize and MaxSize
// for the size limits.
//
// Make a Reader with NewReader. The zero Reader has nothing to read: its
// methods return an error (ErrNoSource), never panic.
type Reader struct {
	d     *xml.Decoder
	u8    *utf8Check // checks UTF-8 input; nil for decoded input
	guard *sizeGuard
	// charsetErr is why CharsetReader refused the declared encoding,
	// reported without encoding/xml's "xml: opening charset" around it.
	charsetErr string
	hdr        FileHeader
	inBody     bool
	done       bool
	started    bool
	err        error

	// KeepXML makes Next fill in TU.XML. Set it before the first call.
	KeepXML bool

	// Recording, for KeepXML: the XML of the current <tu> (or <header>)
	// re-serialised token by token.
	recording bool
	rec       []byte
	pendStart bool       // rec ends with a start tag still open ("<x a=\"1\"")
	ns        []xml.Attr // namespace declarations on <tmx> and <body>
	prefix    map[string]string
	tuAttrs   []xml.Attr // attributes of the last <tu>, as read
	hdrInner  []byte     // the header's children, re-serialised
}

// NewReader returns a Reader that reads the TMX document r. A nil r gives
// a Reader whose methods return ErrNoSource.
func NewReader(r io.Reader) *Reader {
	tr := &Reader{}
	if r == nil {
		return tr
	}
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(4)
	var in io.Reader
	decoded := false
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		br.Discard(2)
		in = xmltext.NewUTF16Reader(br, false, 2)
		decoded = true
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		br.Discard(2)
		in = xmltext.NewUTF16Reader(br, true, 2)
		decoded = true
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		br.Discard(3)
	case bytes.HasPrefix(head, []byte{'<', 0}):
		in = xmltext.NewUTF16Reader(br, false, 0)
		decoded = true
	case bytes.HasPrefix(head, []byte{0, '<'}):
		in = xmltext.NewUTF16Reader(br, true, 0)
		decoded = true
	}
	if !decoded {
		if err := sniff(br); err != nil {
			tr.err = err
			return tr
		}
		// UTF-8, or an encoding the XML declaration names: the check
		// is dropped if CharsetReader switches to a decoder.
		tr.u8 = newUTF8Check(br)
		tr.u8.stop = true
		in = tr.u8
	}
	tr.guard = &sizeGuard{r: in}
	tr.d = xml.NewDecoder(tr.guard)
	tr.d.CharsetReader = func(label string, input io.Reader) (io.Reader, error) {
		l := strings.ToLower(strings.TrimSpace(label))
		if decoded || l == "utf-8" || l == "utf8" {
			return input, nil
		}
		if tr.u8 != nil {
			tr.u8.disabled = true
		}
		tr.u8 = nil // what follows is decoded, so valid UTF-8
		if strings.HasPrefix(l, "utf-16") {
			tr.charsetErr = fmt.Sprintf("encoding %q declared but the file has no UTF-16 byte order mark", label)
			return nil, errors.New(tr.charsetErr)
		}
		e, err := htmlindex.Get(l)
		if err != nil {
			tr.charsetErr = fmt.Sprintf("unknown encoding %q", label)
			return nil, errors.New(tr.charsetErr)
		}
		return e.NewDecoder().Reader(input), nil
	}
	return tr
}

// sniff refuses input that cannot be an XML document in an 8-bit
// encoding (see xmltext.Sniff).
func sniff(br *bufio.Reader) error {
	var pe *xmltext.PosError
	if err := xmltext.Sniff(br); errors.As(err, &pe) {
		return &SyntaxError{Line: pe.Line, Offset: pe.Offset, Msg: pe.Msg}
	}
	return nil
}

// sizeGuard counts the bytes the XML decoder reads and fails a Read once
// one token or the whole input is over its limit (MaxTokenSize, MaxSize),
// so that a hostile file ends with an error instead of filling memory.
type sizeGuard struct {
	r        io.Reader
	total    int64
	since    int64 // bytes read since the last token was returned
	maxToken int64 // 0 means MaxTokenSize (tests lower it)
	maxTotal int64 // 0 means MaxSize
}

func (g *sizeGuard) Read(p []byte) (int, error) {
	maxTok, maxTot := g.maxToken, g.maxTotal
	if maxTok == 0 {
		maxTok = MaxTokenSize
	}
	if maxTot == 0 {
		maxTot = MaxSize
	}
	if g.total >= maxTot {
		return 0, fmt.Errorf("document larger than %d bytes (MaxSize)", maxTot)
	}
	if g.since >= maxTok {
		return 0, fmt.Errorf("a single tag, text or comment larger than %d bytes (MaxTokenSize)", maxTok)
	}
	n, err := g.r.Read(p)
	g.total += int64(n)
	g.since += int64(n)
	return n, err
}

// errorf makes a SyntaxError at the decoder's current position.
func (r *Reader) errorf(format string, args ...any) error {
	line, _ := r.d.InputPos()
	return &SyntaxError{Line: line, Offset: r.d.InputOffset(), Msg: fmt.Sprintf(format, args...)}
}

// badUTF8 returns a SyntaxError at the first invalid UTF-8 sequence of the
// input if the decoder has read past it, and nil otherwise. encoding/xml
// finds invalid UTF-8 only in text and attribute values, and reports it
// where the text ends; this names the exact byte, wherever it is.
func (r *Reader) badUTF8() error {
	if r.u8 == nil || !r.u8.bad || r.d.InputOffset() <= r.u8.badOff {
		return nil
	}
	return r.u8Error()
}

// u8Error is the SyntaxError for the bad byte the utf8Check found.
func (r *Reader) u8Error() error {
	return &SyntaxError{Line: r.u8.badLine, Offset: r.u8.badOff, Msg: r.u8.msg()}
}

// rawToken returns the decoder's next token, or the invalid UTF-8 the
// decoder has read past (even in a comment or a name, where encoding/xml
// does not look for it).
func (r *Reader) rawToken() (xml.Token, error) {
	t, err := r.d.Token()
	r.guard.since = 0
	if bad := r.badUTF8(); bad != nil {
		return nil, bad
	}
	if err == nil && r.recording {
		r.record(t)
	}
	return t, err
}

// skip reads the rest of the element just started, through its end tag,
// recording it if the Reader records.
func (r *Reader) skip() error {
	depth := 1
	for depth > 0 {
		t, err := r.token()
		if err != nil {
			return err
		}
		switch t.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

// token returns the next token, converting XML syntax errors and an
// unexpected end of file into SyntaxErrors.
func (r *Reader) token() (xml.Token, error) {
	t, err := r.rawToken()
	if err == nil {
		return t, nil
	}
	if err == io.EOF {
		return nil, r.errorf("unexpected end of file")
	}
	return r.tokenErr(err)
}

// Header reads up to the start of <body> if needed and returns the header.
func (r *Reader) Header() (FileHeader, error) {
	if err := r.begin(); err != nil && err != io.EOF {
		return r.hdr, err
	}
	return r.hdr, nil
}

// begin reads the prolog, <tmx>, <header> and the <body> start tag.
func (r *Reader) begin() error {
	if r.err != nil {
		return r.err
	}
	if r.started {
		return nil
	}
	r.started = true
	if r.d == nil {
		r.err = ErrNoSource
		return r.err
	}
	// root element
	for {
		t, err := r.rawToken()
		if err == io.EOF {
			r.err = r.errorf("no <tmx> element")
			return r.err
		}
		if err != nil {
			_, r.err = r.tokenErr(err)
			return r.err
		}
		if se, ok := t.(xml.StartElement); ok {
			if se.Name.Local != "tmx" {
				r.err = r.errorf("root element is <%s>, not <tmx>", se.Name.Local)
				return r.err
			}
			r.hdr.Version = attr(se, "version")
			r.noteNS(se, true)
			break
		}
		if cd, ok := t.(xml.CharData); ok && len(bytes.TrimSpace(cd)) > 0 {
			r.err = r.errorf("text before the <tmx> element")
			return r.err
		}
	}
	// header and body
	for {
		t, err := r.token()
		if err != nil {
			r.err = err
			return err
		}
		switch t := t.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "header":
				if err := r.readHeader(t); err != nil {
					r.err = err
					return err
				}
			case "body":
				r.inBody = true
				r.noteNS(t, true)
				return nil
			default:
				if err := r.skip(); err != nil {
					r.err = err
					return r.err
				}
			}
		case xml.EndElement:
			// </tmx> without a body: an empty memory.
			r.done = true
			return r.finish()
		}
	}
}

// tokenErr converts an error of the decoder into a SyntaxError; invalid
// UTF-8 the decoder has read past comes first, as the likely cause.
func (r *Reader) tokenErr(err error) (xml.Token, error) {
	if bad := r.badUTF8(); bad != nil {
		return nil, bad
	}
	if errors.Is(err, errBadInput) && r.u8 != nil && r.u8.bad {
		return nil, r.u8Error()
	}
	if _, ok := err.(*SyntaxError); ok {
		return nil, err
	}
	var pe *xmltext.PosError
	if errors.As(err, &pe) {
		return nil, &SyntaxError{Line: pe.Line, Offset: pe.Offset, Msg: pe.Msg}
	}
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return nil, &SyntaxError{Line: se.Line, Offset: r.d.InputOffset(), Msg: se.Msg}
	}
	if r.charsetErr != "" {
		return nil, r.errorf("%s", r.charsetErr)
	}
	// Other errors of encoding/xml ("xml: unsupported version …") carry
	// its prefix, which the SyntaxError replaces.
	return nil, r.errorf("%s", strings.TrimPrefix(err.Error(), "xml: "))
}

func attr(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// langAttr returns xml:lang, or else lang.
func langAttr(se xml.StartElement) string {
	lang := ""
	for _, a := range se.Attr {
		if a.Name.Local != "lang" {
			continue
		}
		switch a.Name.Space {
		case "xml", "http://www.w3.org/XML/1998/namespace":
			return a.Value
		case "":
			lang = a.Value
		}
	}
	return lang
}

func (r *Reader) readHeader(se xml.StartElement) error {
	h := &r.hdr
	h.CreationTool = attr(se, "creationtool")
	h.CreationToolVersion = attr(se, "creationtoolversion")
	h.SegType = attr(se, "segtype")
	h.OTMF = attr(se, "o-tmf")
	h.AdminLang = attr(se, "adminlang")
	h.SrcLang = attr(se, "srclang")
	h.DataType = attr(se, "datatype")
	h.CreationDate = attr(se, "creationdate")
	r.startRecording(se)
	err := r.children(&h.Props, &h.Notes, nil)
	r.recording = false
	if err == nil && r.KeepXML {
		r.hdrInner = innerXML(r.rec)
	}
	return err
}

// Next returns the next TU. At the end of the body it checks the rest of
// the document and returns io.EOF. Errors are sticky and carry the line and
// byte offset (*SyntaxError for problems in the file).
func (r *Reader) Next() (TU, error) {
	if err := r.begin(); err != nil {
		return TU{}, err
	}
	if r.done {
		return TU{}, io.EOF
	}
	for {
		t, err := r.token()
		if err != nil {
			r.err = err
			return TU{}, err
		}
		switch t := t.(type) {
		case xml.StartElement:
			if t.Name.Local != "tu" {
				if err := r.skip(); err != nil {
					r.err = err
					return TU{}, err
				}
				continue
			}
			line, _ := r.d.InputPos()
			r.startRecording(t)
			tu, err := r.readTU(t)
			r.recording = false
			if err != nil {
				r.err = err
				return TU{}, err
			}
			tu.Line = line
			if r.KeepXML {
				tu.XML = bytes.Clone(r.rec)
			}
			return tu, nil
		case xml.EndElement: // </body>
			r.done = true
			// rest of <tmx>
			for {
				t, err := r.token()
				if err != nil {
					r.err = err
					return TU{}, err
				}
				if _, ok := t.(xml.EndElement); ok {
					break
				}
				if _, ok := t.(xml.StartElement); ok {
					if err := r.skip(); err != nil {
						r.err = err
						return TU{}, err
					}
				}
			}
			if err := r.finish(); err != nil {
				return TU{}, err
			}
			return TU{}, io.EOF
		}
	}
}

// finish reads after </tmx>: only comments, processing instructions and
// white space may follow.
func (r *Reader) finish() error {
	for {
		t, err := r.rawToken()
		if err == io.EOF {
			r.err = io.EOF
			return nil
		}
		if err != nil {
			_, r.err = r.tokenErr(err)
			return r.err
		}
		switch t := t.(type) {
		case xml.StartElement:
			r.err = r.errorf("element <%s> after </tmx>", t.Name.Local)
			return r.err
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				r.err = r.errorf("text after </tmx>")
				return r.err
			}
		}
	}
}

// children reads the children of the element just started, up to its end
// tag: <prop> and <note> are appended to props and notes; any other element
// is passed to child, which reads it whole and returns true, or returns
// false to have it skipped (a nil child skips them all).
func (r *Reader) children(props *[]Prop, notes *[]string, child func(xml.StartElement) (bool, error)) error {
	for {
		t, err := r.token()
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "prop":
				v, _, err := r.text()
				if err != nil {
					return err
				}
				*props = append(*props, Prop{attr(t, "type"), v})
			case "note":
				v, _, err := r.text()
				if err != nil {
					return err
				}
				*notes = append(*notes, v)
			default:
				read := false
				if child != nil {
					if read, err = child(t); err != nil {
						return err
					}
				}
				if !read {
					if err := r.skip(); err != nil {
						return err
					}
				}
			}
		case xml.EndElement:
			return nil
		}
	}
}

func (r *Reader) readTU(se xml.StartElement) (TU, error) {
	tu := TU{TUID: attr(se, "tuid"), SrcLang: attr(se, "srclang")}
	err := r.children(&tu.Props, &tu.Notes, func(t xml.StartElement) (bool, error) {
		if t.Name.Local != "tuv" {
			return false, nil
		}
		v, err := r.readTUV(t)
		if err != nil {
			return true, err
		}
		tu.Variants = append(tu.Variants, v)
		return true, nil
	})
	return tu, err
}

func (r *Reader) readTUV(se xml.StartElement) (Variant, error) {
	v := Variant{Lang: langAttr(se)}
	err := r.children(&v.Props, &v.Notes, func(t xml.StartElement) (bool, error) {
		if t.Name.Local != "seg" {
			return false, nil
		}
		s, codes, err := r.text()
		if err != nil {
			return true, err
		}
		v.Text += s
		v.Codes += codes
		return true, nil
	})
	return v, err
}

// isCode reports whether an inline element holds native code (formatting
// markup of the original document) rather than text.
func isCode(name string) bool {
	switch name {
	case "bpt", "ept", "ph", "it", "ut":
		return true
	}
	return false
}

// text reads the content of the element just opened, up to its end tag.
// Text directly inside it, inside <hi> and inside <sub> is kept; the code
// text of bpt, ept, ph, it and ut is left out and the elements counted.
func (r *Reader) text() (string, int, error) {
	var b strings.Builder
	codes := 0
	// stack of "keep text?" per open element below the one we started in
	keep := []bool{true}
	for {
		t, err := r.token()
		if err != nil {
			return "", 0, err
		}
		switch t := t.(type) {
		case xml.CharData:
			if keep[len(keep)-1] {
				b.Write(t)
			}
		case xml.StartElement:
			k := keep[len(keep)-1]
			if isCode(t.Name.Local) {
				codes++
				k = false
			} else if t.Name.Local == "sub" {
				k = true
			}
			keep = append(keep, k)
		case xml.EndElement:
			keep = keep[:len(keep)-1]
			if len(keep) == 0 {
				return b.String(), codes, nil
			}
		}
	}
}

// All returns an iterator over the remaining TUs. It stops at the end of
// the file or at the first error, which it yields with a zero TU.
func (r *Reader) All() iter.Seq2[TU, error] {
	return func(yield func(TU, error) bool) {
		for {
			tu, err := r.Next()
			if err == io.EOF {
				return
			}
			if !yield(tu, err) || err != nil {
				return
			}
		}
	}
}

// ReadAll reads a whole TMX document.
func ReadAll(in io.Reader) (FileHeader, []TU, error) {
	r := NewReader(in)
	h, err := r.Header()
	if err != nil {
		return h, nil, err
	}
	var tus []TU
	for tu, err := range r.All() {
		if err != nil {
			return h, tus, err
		}
		tus = append(tus, tu)
	}
	return h, tus, nil
}
