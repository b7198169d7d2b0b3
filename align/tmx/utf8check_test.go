package tmx

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// chunkReader returns its data n bytes per Read (n ≥ 1).
type chunkReader struct {
	data []byte
	n    int
}

func (c *chunkReader) Read(p []byte) (int, error) {
	if len(c.data) == 0 {
		return 0, io.EOF
	}
	k := min(c.n, len(p), len(c.data))
	copy(p, c.data[:k])
	c.data = c.data[k:]
	return k, nil
}

// firstInvalid is the reference: the offset and line of the first invalid
// UTF-8 sequence of b, or -1.
func firstInvalid(b []byte) (int64, int) {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return int64(i), 1 + bytes.Count(b[:i], []byte{'\n'})
		}
		i += size
	}
	return -1, 0
}

func checkUTF8(t *testing.T, data []byte, chunk int) {
	t.Helper()
	c := newUTF8Check(&chunkReader{data: data, n: chunk})
	got, err := io.ReadAll(c)
	if err != nil || !bytes.Equal(got, data) {
		t.Fatalf("utf8Check changed the stream: %q, %v", got, err)
	}
	wantOff, wantLine := firstInvalid(data)
	if !c.bad {
		if wantOff >= 0 {
			t.Fatalf("chunk %d: %+q: no invalid UTF-8 found, want byte %d", chunk, data, wantOff)
		}
		return
	}
	if c.badOff != wantOff || c.badLine != wantLine || c.badByte != data[wantOff] {
		t.Fatalf("chunk %d: %+q: invalid UTF-8 at byte %d line %d (%#x), want byte %d line %d", chunk, data,
			c.badOff, c.badLine, c.badByte, wantOff, wantLine)
	}
}

func TestUTF8Check(t *testing.T) {
	tests := []struct {
		name string
		in   string
	}{
		{"valid", "a\n中文\n😀 ok\n"},
		{"bad byte", "ab\n\xffcd"},
		{"lead byte then ASCII", "中\n\xe4a"},
		{"lead byte then newline", "x\xe4\n"},
		{"cut at the end", "中\n\xe4\xb8"},
		{"four bytes cut", "\n\n\xf0\x9f\x98"},
		{"surrogate", "a\xed\xa0\x80"},
		{"overlong", "a\xc0\xaf"},
		{"stray continuation", "中\x80文"},
		{"bad after 4-byte", "😀\xff"},
		{"empty", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for chunk := 1; chunk <= len(tt.in)+1; chunk++ {
				checkUTF8(t, []byte(tt.in), chunk)
			}
		})
	}
}

func FuzzUTF8Check(f *testing.F) {
	f.Add([]byte("中\n\xe4\xb8"), 1)
	f.Add([]byte("a😀b\xffc"), 3)
	f.Fuzz(func(t *testing.T, data []byte, chunk int) {
		if chunk < 1 {
			chunk = 1 - chunk%64
		}
		checkUTF8(t, data, chunk)
	})
}

// TestReaderInvalidUTF8 checks that invalid UTF-8 is reported at its own
// line and byte, however the input arrives, wherever it is.
func TestReaderInvalidUTF8(t *testing.T) {
	pad := strings.Repeat("<tu><tuv xml:lang=\"en\"><seg>Fine.</seg></tuv><tuv xml:lang=\"zh\"><seg>好。</seg></tuv></tu>\n", 3)
	tests := []struct {
		name      string
		in        string
		line      int
		off       int64 // byte offset (after a UTF-8 byte order mark)
		msg       string
		tusBefore int // TUs returned before the error
	}{
		{"in a segment", "<tmx><body>\n" + pad + "<tu><tuv xml:lang=\"en\"><seg>ab\xffcd</seg></tuv></tu>\n</body></tmx>",
			5, int64(12 + len(pad) + 30), "invalid UTF-8 (byte 0xff)", 3},
		{"in a segment, line 2", "<tmx><body>\n<tu><tuv xml:lang=\"en\"><seg>x\xe4y</seg></tuv></tu>\n\n</body></tmx>",
			2, 41, "invalid UTF-8 (byte 0xe4)", 0},
		{"in a comment", "<tmx>\n<!-- \xff -->\n<body>\n</body></tmx>", 2, 11, "invalid UTF-8 (byte 0xff)", 0},
		{"in a tag", "<tmx>\n<body \xff>\n</body></tmx>", 2, 12, "invalid UTF-8 (byte 0xff)", 0},
		{"in an attribute", "<tmx><body>\n<tu tuid=\"a\xc0\xafb\"></tu></body></tmx>", 2, 23, "invalid UTF-8 (byte 0xc0)", 0},
		{"in a prop", "<tmx><body>\n" + pad + "<tu><prop type=\"x\">中\xed\xa0\x80</prop></tu></body></tmx>",
			5, int64(12 + len(pad) + 22), "invalid UTF-8 (byte 0xed)", 3},
		{"cut at the end", "<tmx><body><tu><tuv xml:lang=\"en\"><seg>a\xe4\xb8", 1, 40, "invalid UTF-8 (byte 0xe4)", 0},
		{"after </tmx>", "<tmx><body></body></tmx>\n<!-- \x80 -->\n", 2, 30, "invalid UTF-8 (byte 0x80)", 0},
		{"with a byte order mark", "\xef\xbb\xbf<tmx><body>\n<tu><tuv xml:lang=\"en\"><seg>a\xffb</seg></tuv></tu></body></tmx>",
			2, 41, "invalid UTF-8 (byte 0xff)", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, chunk := range []int{1, 2, 3, 5, 7, 64, 1 << 20} {
				r := NewReader(&chunkReader{data: []byte(tt.in), n: chunk})
				var err error
				n := 0
				for _, err = range r.All() {
					if err != nil {
						break
					}
					n++
				}
				var se *SyntaxError
				if !errors.As(err, &se) {
					t.Fatalf("chunk %d: error %v, want a *SyntaxError", chunk, err)
				}
				want := &SyntaxError{Line: tt.line, Offset: tt.off, Msg: tt.msg}
				if diff := cmp.Diff(want, se); diff != "" {
					t.Fatalf("chunk %d: error mismatch (-want +got):\n%s", chunk, diff)
				}
				if n != tt.tusBefore {
					t.Errorf("chunk %d: %d TUs before the error, want %d", chunk, n, tt.tusBefore)
				}
				if wantText := fmt.Sprintf("tmx: line %d (byte %d): %s", tt.line, tt.off, tt.msg); err.Error() != wantText {
					t.Errorf("chunk %d: error %q, want %q", chunk, err, wantText)
				}
			}
		})
	}
}
