package tmx

import (
	"bytes"
	"io"
	"unicode/utf8"
)

// utf8Check passes a UTF-8 stream through unchanged and records where its
// first invalid sequence starts: the byte offset and line (counting LF, as
// encoding/xml does) in the stream. A sequence split across two Read calls
// is put together before it is judged; one cut short by the end of the
// stream is invalid. It never fails a Read itself: the Reader consults it
// when the XML decoder reports an error or has read past the bad bytes.
type utf8Check struct {
	r    io.Reader
	off  int64 // bytes judged so far (pending bytes not included)
	line int   // line at off, 1-based
	pend [utf8.UTFMax]byte
	npen int // bytes of an incomplete sequence held from the last Read

	bad     bool  // an invalid sequence was found
	badOff  int64 // its offset
	badLine int   // its line
	badByte byte  // its first byte
}

func newUTF8Check(r io.Reader) *utf8Check { return &utf8Check{r: r, line: 1} }

func (c *utf8Check) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if !c.bad {
		c.scan(p[:n])
		if err != nil && !c.bad && c.npen > 0 {
			c.fail(c.pend[0]) // the stream ends inside a sequence
		}
	}
	return n, err
}

func (c *utf8Check) fail(b byte) {
	c.bad, c.badOff, c.badLine, c.badByte = true, c.off, c.line, b
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
	if utf8.Valid(chunk) {
		c.line += bytes.Count(chunk, []byte{'\n'})
		c.off += int64(len(chunk))
		c.npen = copy(c.pend[:], b[end:])
		return
	}
	for k := 0; k < len(chunk); {
		if chunk[k] < utf8.RuneSelf {
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
