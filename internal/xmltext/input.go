package xmltext

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/encoding/htmlindex"
)

// PosError is an error in the bytes of an XML document, with its position
// in the decoded (UTF-8) input: 1-based line and byte offset.
type PosError struct {
	Line   int
	Offset int64
	Msg    string
}

// Error formats the error as "line L (byte B): message", without a
// package prefix (the caller adds its own).
func (e *PosError) Error() string {
	return fmt.Sprintf("line %d (byte %d): %s", e.Line, e.Offset, e.Msg)
}

// SniffSize is how much of its start Sniff looks at.
const SniffSize = 4 << 10

// Sniff refuses input that cannot be an XML document in an 8-bit
// encoding such as UTF-8: after white space, the first byte must be '<'.
// Empty input passes. The error is a *PosError: "not XML: …".
func Sniff(br *bufio.Reader) error {
	head, _ := br.Peek(SniffSize)
	line := 1
	for i, c := range head {
		switch c {
		case ' ', '\t', '\r':
			continue
		case '\n':
			line++
			continue
		case '<':
			return nil
		}
		what := fmt.Sprintf("%+q", head[i:min(len(head), i+8)])
		if c == 0 {
			what = "a NUL byte: binary data"
		}
		return &PosError{Line: line, Offset: int64(i), Msg: "not an XML document: it must begin with '<', this one begins with " + what}
	}
	if len(head) == SniffSize {
		return &PosError{Line: line, Offset: int64(len(head)), Msg: fmt.Sprintf("not an XML document: no '<' in the first %d bytes", SniffSize)}
	}
	return nil
}

// NewDecoder returns a strict encoding/xml Decoder for the XML document r,
// in any encoding a translator's tools write: UTF-8 (with or without a
// byte order mark), UTF-16 (with a byte order mark, or recognised from the
// leading "<"; decoded strictly, see NewUTF16Reader), or an encoding that
// the XML declaration names and golang.org/x/text/encoding/htmlindex knows
// (GBK, GB18030, Big5, Shift_JIS, ISO-8859-1, …).
//
// Input that is not XML is refused before any token is read (see Sniff),
// an ASCII control byte that XML does not allow (NUL included) ends the
// input with an error at its position, and so does input beyond maxSize
// bytes (0 means no limit), so that a hostile or mistaken file ends with
// an error instead of filling memory. Entities are not expanded (only the
// five XML ones and character references are known to encoding/xml).
//
// Read errors reach the caller through Decoder.Token as *PosError.
func NewDecoder(r io.Reader, maxSize int64) (*xml.Decoder, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(4)
	var in io.Reader
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		br.Discard(2)
		in = NewUTF16Reader(br, false, 2)
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		br.Discard(2)
		in = NewUTF16Reader(br, true, 2)
	case bytes.HasPrefix(head, []byte{'<', 0}):
		in = NewUTF16Reader(br, false, 0)
	case bytes.HasPrefix(head, []byte{0, '<'}):
		in = NewUTF16Reader(br, true, 0)
	}
	decoded := in != nil
	var cs *ctrlStop
	if !decoded {
		if bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}) {
			br.Discard(3)
		}
		if err := Sniff(br); err != nil {
			return nil, err
		}
		cs = &ctrlStop{r: br, line: 1}
		in = cs
	}
	d := xml.NewDecoder(&sizeLimit{r: in, max: maxSize})
	d.Strict = true
	d.CharsetReader = func(label string, input io.Reader) (io.Reader, error) {
		l := strings.ToLower(strings.TrimSpace(label))
		if decoded || l == "utf-8" || l == "utf8" {
			return input, nil
		}
		if strings.HasPrefix(l, "utf-16") {
			return nil, fmt.Errorf("encoding %q declared but the file has no UTF-16 byte order mark", label)
		}
		e, err := htmlindex.Get(l)
		if err != nil {
			return nil, fmt.Errorf("unknown encoding %q", label)
		}
		cs.off = true // the bytes are another encoding's from here on
		return e.NewDecoder().Reader(input), nil
	}
	return d, nil
}

// ctrlStop passes bytes through and ends the stream with a *PosError at
// the first ASCII control byte that XML 1.0 does not allow.
type ctrlStop struct {
	r    io.Reader
	off  bool // judging turned off (a declared 8-bit encoding)
	pos  int64
	line int
	err  error
	held []byte // bytes after the bad one, passed on if judging is turned off
}

func (c *ctrlStop) Read(p []byte) (int, error) {
	if len(c.held) > 0 && (c.off || c.err == nil) {
		n := copy(p, c.held)
		c.held = c.held[n:]
		return n, nil
	}
	if c.off {
		return c.r.Read(p)
	}
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.r.Read(p)
	for i, b := range p[:n] {
		if b == '\n' {
			c.line++
		} else if b < 0x20 && b != '\t' && b != '\r' {
			msg := fmt.Sprintf("control character %U, which XML does not allow", rune(b))
			if b == 0 {
				msg = "NUL byte: binary data, not XML"
			}
			c.err = &PosError{Line: c.line, Offset: c.pos + int64(i), Msg: msg}
			c.held = append(c.held[:0], p[i:n]...)
			c.pos += int64(i)
			if i == 0 {
				return 0, c.err
			}
			return i, nil
		}
	}
	c.pos += int64(n)
	return n, err
}

// ErrTooLarge is wrapped by the error of a Decoder made by NewDecoder when
// the input is larger than its maxSize.
var ErrTooLarge = errors.New("xmltext: input too large")

type sizeLimit struct {
	r     io.Reader
	max   int64
	total int64
}

func (s *sizeLimit) Read(p []byte) (int, error) {
	if s.max <= 0 {
		return s.r.Read(p)
	}
	if s.total > s.max {
		return 0, fmt.Errorf("%w: larger than %d bytes", ErrTooLarge, s.max)
	}
	if room := s.max - s.total + 1; int64(len(p)) > room {
		p = p[:room] // one byte more than allowed tells "exactly max" from "more"
	}
	n, err := s.r.Read(p)
	s.total += int64(n)
	if s.total > s.max {
		return n, fmt.Errorf("%w: larger than %d bytes", ErrTooLarge, s.max)
	}
	return n, err
}
