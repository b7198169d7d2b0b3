package tmx

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// utf8Check passes a UTF-8 stream through and records where its first
// invalid sequence, or its first C0 control character that XML 1.0 does
// not allow (anything below U+0020 but tab, LF and CR: such a byte is
// never part of an XML document, even in a comment), starts: the byte
// offset and line (counting LF, as encoding/xml does) in the stream. A
// sequence split across two Read calls is put together before it is
// judged; one cut short by the end of the stream is invalid.
//
// By default the stream passes unchanged and the Reader consults the
// check when the XML decoder reports an error or has read past the bad
// bytes. With stop set, Read ends the stream at the bad byte with
// errBadInput, so that the decoder does not go on reading (and holding)
// data that cannot be XML; off (set when the XML declaration names
// another encoding) turns the check off.
type utf8Check struct {
	r    io.Reader
	off  int64 // bytes judged so far (pending bytes not included)
	line int   // line at off, 1-based
	pend [utf8.UTFMax]byte
	npen int // bytes of an incomplete sequence held from the last Read

	stop     bool   // end the stream at the first bad byte
	disabled bool   // pass everything, judge nothing
	stopped  bool   // the stream was ended at the bad byte
	held     []byte // bytes read after the bad byte, passed on if disabled

	bad     bool  // an invalid sequence was found
	ctrl    bool  // it is a control character, not invalid UTF-8
	badOff  int64 // its offset
	badLine int   // its line
	badByte byte  // its first byte
}

// errBadInput ends the stream of a utf8Check with stop set.
var errBadInput = errors.New("tmx: invalid input byte")

func newUTF8Check(r io.Reader) *utf8Check { return &utf8Check{r: r, line: 1} }

func (c *utf8Check) Read(p []byte) (int, error) {
	if c.disabled {
		if len(c.held) > 0 {
			n := copy(p, c.held)
			c.held = c.held[n:]
			return n, nil
		}
		return c.r.Read(p)
	}
	if c.stopped {
		return 0, errBadInput
	}
	n, err := c.r.Read(p)
	if !c.bad {
		start := c.off + int64(c.npen)
		c.scan(p[:n])
		if err != nil && !c.bad && c.npen > 0 {
			c.fail(c.pend[0]) // the stream ends inside a sequence
		}
		if c.bad && c.stop {
			c.stopped = true
			k := max(0, min(int(c.badOff-start), n))
			c.held = append(c.held[:0], p[k:n]...) // for a decoder, if the declaration names one
			if k > 0 {
				return k, nil
			}
			return 0, errBadInput
		}
	}
	return n, err
}

// msg describes the bad byte.
func (c *utf8Check) msg() string {
	if c.ctrl {
		if c.badByte == 0 {
			return "NUL byte (U+0000): binary data, not XML"
		}
		return fmt.Sprintf("control character %U, which XML 1.0 does not allow", rune(c.badByte))
	}
	return fmt.Sprintf("invalid UTF-8 (byte %#02x)", c.badByte)
}

func (c *utf8Check) fail(b byte) {
	c.bad, c.badOff, c.badLine, c.badByte = true, c.off, c.line, b
}

// isCtrl reports whether b is a C0 control character that XML 1.0 does
// not allow.
func isCtrl(b byte) bool { return b < 0x20 && b != '\t' && b != '\n' && b != '\r' }

// hasCtrl reports whether b holds a byte for which isCtrl is true.
func hasCtrl(b []byte) bool {
	for _, c := range b {
		if c < 0x20 && isCtrl(c) {
			return true
		}
	}
	return false
}

// scan judges the next bytes of the stream.
func (c *utf8Check) scan(b []byte) {
	i := 0
	if c.npen > 0 {
		// Complete the sequence held from the last Read.
		for i < len(b) && !utf8.FullRune(c.pend[:c.npen]) {
			c.pend[c.npen] = b[i]
			c.npen++
			i++
		}
		if !utf8.FullRune(c.pend[:c.npen]) {
			return // still incomplete: wait for more
		}
		r, size := utf8.DecodeRune(c.pend[:c.npen])
		if r == utf8.RuneError && size == 1 {
			c.fail(c.pend[0])
			return
		}
		// FullRune turned true with the last byte added, so the valid
		// sequence is exactly the held bytes.
		c.off += int64(size)
		c.npen = 0
	}
	// Hold back an incomplete sequence at the end.
	end := len(b)
	for j := len(b) - 1; j >= i && j >= len(b)-(utf8.UTFMax-1); j-- {
		if utf8.RuneStart(b[j]) {
			if !utf8.FullRune(b[j:]) {
				end = j
			}
			break
		}
	}
	chunk := b[i:end]
	if utf8.Valid(chunk) && !(c.stop && hasCtrl(chunk)) {
		c.line += bytes.Count(chunk, []byte{'\n'})
		c.off += int64(len(chunk))
		c.npen = copy(c.pend[:], b[end:])
		return
	}
	for k := 0; k < len(chunk); {
		if chunk[k] < utf8.RuneSelf {
			if c.stop && isCtrl(chunk[k]) {
				c.fail(chunk[k])
				c.ctrl = true
				return
			}
			if chunk[k] == '\n' {
				c.line++
			}
			k++
			c.off++
			continue
		}
		r, size := utf8.DecodeRune(chunk[k:])
		if r == utf8.RuneError && size == 1 {
			c.fail(chunk[k])
			return
		}
		k += size
		c.off += int64(size)
	}
}
