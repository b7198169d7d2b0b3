package segment

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/transform"
)

// Encoding names accepted by Decode and Segmenter.Encoding. The empty string
// asks for detection.
const (
	UTF8    = "utf-8"
	UTF16LE = "utf-16le"
	UTF16BE = "utf-16be"
	GB18030 = "gb18030"
	GBK     = "gbk"
	Big5    = "big5"
)

// ErrInvalidEncoding is matched (with errors.Is) by the error returned for a
// byte sequence that is not valid in the input's encoding.
var ErrInvalidEncoding = errors.New("invalid byte sequence")

// ErrUnknownEncoding is matched by the error returned for an encoding name
// that Decode does not know.
var ErrUnknownEncoding = errors.New("unknown encoding")

// encodingError names the encoding and the offending bytes.
type encodingError struct {
	enc  string
	seq  []byte
	unit bool // the offset counts UTF-16 code units' bytes
}

func (e *encodingError) Error() string {
	return fmt.Sprintf("invalid %s sequence % x", displayName(e.enc), e.seq)
}

func (e *encodingError) Is(target error) bool { return target == ErrInvalidEncoding }

func displayName(enc string) string {
	switch enc {
	case UTF8:
		return "UTF-8"
	case UTF16LE:
		return "UTF-16LE"
	case UTF16BE:
		return "UTF-16BE"
	case GB18030:
		return "GB18030"
	case GBK:
		return "GBK"
	case Big5:
		return "Big5"
	}
	return enc
}

// normEncoding maps the accepted spellings of an encoding name to the
// canonical constant, or returns "" and false.
func normEncoding(name string) (string, bool) {
	n := strings.ToLower(strings.TrimSpace(name))
	n = strings.ReplaceAll(n, "_", "-")
	switch n {
	case "":
		return "", true
	case "utf-8", "utf8":
		return UTF8, true
	case "utf-16le", "utf16le", "utf-16-le":
		return UTF16LE, true
	case "utf-16be", "utf16be", "utf-16-be":
		return UTF16BE, true
	case "gb18030", "gb-18030":
		return GB18030, true
	case "gbk", "cp936", "gb2312", "euc-cn":
		return GBK, true
	case "big5", "big-5", "cp950":
		return Big5, true
	}
	return "", false
}

// decoded is the result of decoding with the details the report needs.
type decoded struct {
	format   string // "" for text, FormatDocx, FormatHTML
	text     string
	enc      string
	bom      bool
	replaced int
	changes  []Change // one per replaced sequence (capped), rule "invalid-bytes"
}

// maxReplaceChanges caps the individual "invalid-bytes" changes listed in a
// report; the rest are summed up in one last change.
const maxReplaceChanges = 100

// Decode turns data into UTF-8 text. encoding is one of UTF8, UTF16LE,
// UTF16BE, GB18030, GBK or Big5 (case-insensitive; "utf8", "cp936",
// "gb2312" and "cp950" are accepted too) or "" to detect it: a byte order
// mark selects UTF-8 or UTF-16; otherwise valid UTF-8 is UTF-8; otherwise
// GB18030 and Big5 are both tried and the one that decodes with fewer errors
// and more frequent hanzi wins. A byte order mark is removed.
//
// Invalid byte sequences are an error of type *Error that names the line and
// byte offset in data, unless replace is true: then each maximal run of
// invalid bytes becomes U+FFFD. Decode returns the text and the canonical
// name of the encoding used.
func Decode(data []byte, encoding string, replace bool) (text string, enc string, err error) {
	d, err := decode(data, encoding, replace)
	if err != nil {
		return "", d.enc, err
	}
	return d.text, d.enc, nil
}

func decode(data []byte, name string, replace bool) (decoded, error) {
	enc, ok := normEncoding(name)
	if !ok {
		return decoded{}, &Error{Err: fmt.Errorf("%w %q (want utf-8, utf-16le, utf-16be, gb18030, gbk or big5)", ErrUnknownEncoding, name)}
	}
	var d decoded
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) && (enc == "" || enc == UTF8):
		d.bom, enc, data = true, UTF8, data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}) && (enc == "" || enc == UTF16LE):
		d.bom, enc, data = true, UTF16LE, data[2:]
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}) && (enc == "" || enc == UTF16BE):
		d.bom, enc, data = true, UTF16BE, data[2:]
	}
	base := 0
	if d.bom {
		base = 3
		if enc != UTF8 {
			base = 2
		}
	}
	if enc == "" && !d.bom && bytes.IndexByte(data, 0) >= 0 {
		enc = utf16Hint(data) // UTF-16 without a byte order mark, or ""
	}
	if enc == "" {
		if utf8.Valid(data) { // the common case: skip a second validation
			d.enc, d.text = UTF8, string(data)
			return d, nil
		}
		enc = DetectEncoding(data)
	}
	d.enc = enc
	var err error
	switch enc {
	case UTF8:
		err = decodeUTF8(&d, data, base, replace)
	case UTF16LE, UTF16BE:
		err = decodeUTF16(&d, data, base, enc == UTF16BE, replace)
	default:
		err = decodeMultibyte(&d, data, base, replace)
	}
	return d, err
}

// DetectEncoding guesses the encoding of data: from a byte order mark if
// there is one; UTF16LE or UTF16BE when NUL bytes fall mostly on odd or even
// offsets (UTF-16 without a byte order mark, text with ASCII in it); UTF8
// when data is valid UTF-8, or nearly so (runs of invalid bytes are
// under a quarter of the multi-byte sequences); otherwise GB18030 or Big5, whichever
// decodes with fewer invalid sequences and, on a tie, with more of the most
// frequent hanzi.
func DetectEncoding(data []byte) string {
	if bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) {
		return UTF8
	}
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) {
		return UTF16LE
	}
	if bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return UTF16BE
	}
	if bytes.IndexByte(data, 0) >= 0 {
		if enc := utf16Hint(data); enc != "" {
			return enc
		}
	}
	if utf8.Valid(data) {
		return UTF8
	}
	multi, bad := 0, 0 // valid multi-byte sequences, runs of invalid bytes
	inBad := false
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			inBad = false
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			if !inBad {
				bad++
			}
			inBad = true
		} else {
			multi++
			inBad = false
		}
		i += n
	}
	// GBK and Big5 text forms a valid UTF-8 sequence now and then, but
	// mostly invalid ones; UTF-8 with a few damaged bytes is the reverse.
	if multi > 0 && bad*3 <= multi {
		return UTF8
	}
	sample := data[:min(len(data), 256<<10)] // enough to tell; keeps detection cheap
	gbBad, gbFreq := scoreMultibyte(sample, GB18030)
	b5Bad, b5Freq := scoreMultibyte(sample, Big5)
	if b5Bad < gbBad || (b5Bad == gbBad && b5Freq > gbFreq) {
		return Big5
	}
	return GB18030
}

// scoreMultibyte counts invalid sequences and frequent hanzi when data is
// read in enc.
func scoreMultibyte(data []byte, enc string) (bad, freq int) {
	dec := multibyteEncoding(enc).NewDecoder()
	var buf [16]byte
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		n := seqLen(data[i:], enc)
		out, ok := decodeOne(dec, buf[:], data[i:i+n])
		if !ok {
			bad++
			i++
			continue
		}
		if r, _ := utf8.DecodeRune(out); isFrequentHan(r) {
			freq++
		}
		i += n
	}
	return bad, freq
}

func multibyteEncoding(enc string) encoding.Encoding {
	switch enc {
	case Big5:
		return traditionalchinese.Big5
	case GBK:
		return simplifiedchinese.GBK
	}
	return simplifiedchinese.GB18030
}

// seqLen returns the length of the (possibly invalid) sequence starting at
// p[0], a byte >= 0x80, in a multi-byte encoding; at least 1.
func seqLen(p []byte, enc string) int {
	c := p[0]
	if c == 0x80 || c == 0xFF || len(p) < 2 {
		return 1
	}
	if enc == GB18030 && p[1] >= 0x30 && p[1] <= 0x39 {
		if len(p) >= 4 {
			return 4
		}
		return len(p)
	}
	return 2
}

// decodeOne decodes exactly one encoded character seq into buf and returns
// the UTF-8 bytes (one code point, or two for the few Big5 codes that map to
// a base letter and a combining mark). ok is false when seq is not a valid
// character: the decoder produced U+FFFD (except for GB18030's own encoding
// of U+FFFD) or did not consume all of seq.
func decodeOne(dec *encoding.Decoder, buf []byte, seq []byte) ([]byte, bool) {
	dec.Reset()
	nDst, nSrc, err := dec.Transform(buf, seq, true)
	if err != nil || nSrc != len(seq) || nDst == 0 {
		return nil, false
	}
	out := buf[:nDst]
	if bytes.Contains(out, []byte("\uFFFD")) && !bytes.Equal(seq, []byte{0x84, 0x31, 0xA4, 0x37}) {
		return nil, false
	}
	return out, true
}

func (d *decoded) noteReplacement(text *strings.Builder, lines int, srcOff int, seq []byte) {
	d.replaced++
	if d.replaced <= maxReplaceChanges {
		d.changes = append(d.changes, Change{
			Rule: RuleInvalidBytes, Line: lines, Offset: text.Len(),
			Old: fmt.Sprintf("% x", seq), New: "\uFFFD",
			Note: fmt.Sprintf("invalid %s at input byte %d", displayName(d.enc), srcOff),
		})
	}
}

func (d *decoded) finishReplacements() {
	if d.replaced > maxReplaceChanges {
		last := d.changes[len(d.changes)-1]
		d.changes = append(d.changes, Change{
			Rule: RuleInvalidBytes, Line: last.Line, Offset: last.Offset,
			Note: fmt.Sprintf("%d more invalid sequences replaced, not listed", d.replaced-maxReplaceChanges),
		})
	}
}

// copyASCII writes the run of ASCII bytes that data starts with to b and
// returns its length and the number of line feeds in it.
func copyASCII(b *strings.Builder, data []byte) (n, lf int) {
	for n < len(data) && data[n] < utf8.RuneSelf {
		n++
	}
	b.Write(data[:n])
	return n, bytes.Count(data[:n], []byte{'\n'})
}

func decodeUTF8(d *decoded, data []byte, base int, replace bool) error {
	if utf8.Valid(data) {
		d.text = string(data)
		return nil
	}
	var b strings.Builder
	b.Grow(len(data))
	line := 1
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			n, lf := copyASCII(&b, data[i:])
			i, line = i+n, line+lf
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r != utf8.RuneError || n > 1 {
			b.Write(data[i : i+n])
			i += n
			continue
		}
		j := i + 1
		for j < len(data) && data[j] >= utf8.RuneSelf {
			if r, n := utf8.DecodeRune(data[j:]); r != utf8.RuneError || n > 1 {
				break
			}
			j++
		}
		if !replace {
			end := min(j, i+4)
			return &Error{Line: line, Offset: base + i, Err: &encodingError{enc: UTF8, seq: data[i:end]}}
		}
		d.noteReplacement(&b, line, base+i, data[i:j])
		b.WriteString("\uFFFD")
		i = j
	}
	d.finishReplacements()
	d.text = b.String()
	return nil
}

func decodeUTF16(d *decoded, data []byte, base int, be bool, replace bool) error {
	var b strings.Builder
	b.Grow(len(data) * 3 / 2)
	line := 1
	unit := func(i int) uint16 {
		if be {
			return uint16(data[i])<<8 | uint16(data[i+1])
		}
		return uint16(data[i+1])<<8 | uint16(data[i])
	}
	i := 0
	for ; i+1 < len(data); i += 2 {
		u := unit(i)
		switch {
		case u < 0xD800 || u >= 0xE000:
			if u == '\n' {
				line++
			}
			b.WriteRune(rune(u))
			continue
		case u < 0xDC00 && i+3 < len(data):
			if u2 := unit(i + 2); u2 >= 0xDC00 && u2 < 0xE000 {
				b.WriteRune(utf16.DecodeRune(rune(u), rune(u2)))
				i += 2
				continue
			}
		}
		if !replace {
			return &Error{Line: line, Offset: base + i, Err: &encodingError{enc: d.enc, seq: data[i : i+2]}}
		}
		d.noteReplacement(&b, line, base+i, data[i:i+2])
		b.WriteString("\uFFFD")
	}
	if i < len(data) { // odd trailing byte
		if !replace {
			return &Error{Line: line, Offset: base + i, Err: &encodingError{enc: d.enc, seq: data[i:]}}
		}
		d.noteReplacement(&b, line, base+i, data[i:])
		b.WriteString("\uFFFD")
	}
	d.finishReplacements()
	d.text = b.String()
	return nil
}

func decodeMultibyte(d *decoded, data []byte, base int, replace bool) error {
	e := multibyteEncoding(d.enc)
	// Fast path: decode in bulk; only when U+FFFD shows up (or the bulk
	// decoder fails) walk the input character by character to find where.
	out, _, err := transform.Bytes(e.NewDecoder(), data)
	if err == nil && !bytes.Contains(out, []byte("\uFFFD")) {
		d.text = string(out)
		return nil
	}
	dec := e.NewDecoder()
	var b strings.Builder
	b.Grow(len(data) * 3 / 2)
	var buf [16]byte
	line := 1
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			n, lf := copyASCII(&b, data[i:])
			i, line = i+n, line+lf
			continue
		}
		n := seqLen(data[i:], d.enc)
		if out, ok := decodeOne(dec, buf[:], data[i:i+n]); ok {
			b.Write(out)
			i += n
			continue
		}
		if !replace {
			return &Error{Line: line, Offset: base + i, Err: &encodingError{enc: d.enc, seq: data[i : i+n]}}
		}
		d.noteReplacement(&b, line, base+i, data[i:i+1])
		b.WriteString("\uFFFD")
		i++ // resynchronise on the next byte
	}
	d.finishReplacements()
	d.text = b.String()
	return nil
}
