package xmltext

import (
	"fmt"
	"io"
	"unicode/utf16"
	"unicode/utf8"
)

// utf16Reader decodes UTF-16 (one byte order, the byte order mark already
// consumed) to UTF-8, strictly: an unpaired surrogate or an odd final
// byte is an error with its position, never a silent U+FFFD.
type utf16Reader struct {
	r   io.Reader
	big bool
	raw int64 // offset in the file of the next undecoded byte
	out int64 // UTF-8 bytes produced so far
	ln  int   // line at out (counting LF), 1-based

	in     [8 << 10]byte
	lo, hi int    // undecoded bytes are in[lo:hi]
	buf    []byte // decoded bytes not yet returned
	err    error  // error to return once buf is drained
}

// NewUTF16Reader returns a reader of the UTF-8 encoding of the UTF-16
// stream r (big or little endian, without its byte order mark, which took
// bomLen bytes at the start of the file), for an XML parser. Its Read
// returns a *PosError at an unpaired surrogate, an odd final byte, or a
// control character that XML does not allow (U+0000–U+001F but tab, LF
// and CR): the line and offset in the UTF-8 output, and the byte offset in
// the file in the message.
// golang.org/x/text/encoding/unicode would silently write U+FFFD instead.
func NewUTF16Reader(r io.Reader, bigEndian bool, bomLen int64) io.Reader {
	return &utf16Reader{r: r, big: bigEndian, raw: bomLen, ln: 1}
}

func (u *utf16Reader) unit(i int) uint16 {
	if u.big {
		return uint16(u.in[i])<<8 | uint16(u.in[i+1])
	}
	return uint16(u.in[i+1])<<8 | uint16(u.in[i])
}

func (u *utf16Reader) Read(p []byte) (int, error) {
	for len(u.buf) == 0 {
		if u.err != nil {
			return 0, u.err
		}
		u.fill()
	}
	n := copy(p, u.buf)
	u.buf = u.buf[n:]
	return n, nil
}

// fail records a decoding error at the current position.
func (u *utf16Reader) fail(format string, args ...any) {
	u.err = &PosError{Line: u.ln, Offset: u.out, Msg: fmt.Sprintf(format, args...)}
}

// fill reads more input and decodes what it can into buf, or sets err.
func (u *utf16Reader) fill() {
	if u.lo > 0 {
		u.hi = copy(u.in[:], u.in[u.lo:u.hi])
		u.lo = 0
	}
	n, rerr := u.r.Read(u.in[u.hi:])
	u.hi += n
	out := u.buf[:0]
	for u.hi-u.lo >= 2 {
		c := u.unit(u.lo)
		var r rune
		size := 2
		switch {
		case utf16.IsSurrogate(rune(c)):
			if c >= 0xDC00 {
				u.buf = out
				u.fail("invalid UTF-16: unpaired low surrogate %#04x (byte %d of the file)", c, u.raw)
				return
			}
			if u.hi-u.lo < 4 {
				if rerr == nil {
					goto more // wait for the second half
				}
				u.buf = out
				u.fail("invalid UTF-16: unpaired high surrogate %#04x at the end (byte %d of the file)", c, u.raw)
				return
			}
			c2 := u.unit(u.lo + 2)
			if c2 < 0xDC00 || c2 > 0xDFFF {
				u.buf = out
				u.fail("invalid UTF-16: unpaired high surrogate %#04x (byte %d of the file)", c, u.raw)
				return
			}
			r = utf16.DecodeRune(rune(c), rune(c2))
			size = 4
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r':
			u.buf = out
			if c == 0 {
				u.fail("NUL character: binary data, not XML (byte %d of the file)", u.raw)
			} else {
				u.fail("control character %U, which XML does not allow (byte %d of the file)", c, u.raw)
			}
			return
		default:
			r = rune(c)
		}
		out = utf8.AppendRune(out, r)
		if r == '\n' {
			u.ln++
		}
		u.out += int64(utf8.RuneLen(r))
		u.lo += size
		u.raw += int64(size)
	}
more:
	u.buf = out
	if rerr != nil {
		if rerr == io.EOF && u.hi-u.lo == 1 {
			u.fail("invalid UTF-16: odd number of bytes (a lone byte at byte %d of the file)", u.raw)
			return
		}
		if len(out) == 0 || rerr != io.EOF {
			u.err = rerr
		} else if u.hi == u.lo {
			u.err = io.EOF
		}
	}
}
