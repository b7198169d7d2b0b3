package xmltext

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

// decodeAll reads the text of every element of doc.
func decodeAll(doc []byte, max int64) (string, error) {
	d, err := NewDecoder(bytes.NewReader(doc), max)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for {
		t, err := d.Token()
		if err == io.EOF {
			return b.String(), nil
		}
		if err != nil {
			return b.String(), err
		}
		if cd, ok := t.(xml.CharData); ok {
			b.Write(cd)
		}
	}
}

func enc16(s string, big, bom bool) []byte {
	var b []byte
	put := func(u uint16) {
		if big {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	if bom {
		put(0xFEFF)
	}
	for _, u := range utf16.Encode([]rune(s)) {
		put(u)
	}
	return b
}

func TestNewDecoder(t *testing.T) {
	const doc = `<?xml version="1.0" encoding="%s"?><a>中文𠀋 é</a>`
	latin1 := []byte(strings.Replace(`<?xml version="1.0" encoding="ISO-8859-1"?><a>caf\xe9</a>`, `\xe9`, "\xe9", 1))
	tests := []struct {
		name, want, err string
		in              []byte
		max             int64
	}{
		{name: "UTF-8", in: []byte(strings.Replace(doc, "%s", "UTF-8", 1)), want: "中文𠀋 é"},
		{name: "UTF-8 BOM", in: []byte("\ufeff" + strings.Replace(doc, "%s", "UTF-8", 1)), want: "中文𠀋 é"},
		{name: "UTF-16LE BOM", in: enc16(strings.Replace(doc, "%s", "UTF-16", 1), false, true), want: "中文𠀋 é"},
		{name: "UTF-16BE no BOM", in: enc16(strings.Replace(doc, "%s", "UTF-16", 1), true, false), want: "中文𠀋 é"},
		{name: "Latin-1 declared", in: latin1, want: "café"},
		{name: "UTF-16 declared, no BOM", in: []byte(strings.Replace(doc, "%s", "UTF-16", 1)), err: "no UTF-16 byte order mark"},
		{name: "unknown encoding", in: []byte(strings.Replace(doc, "%s", "klingon", 1)), err: `unknown encoding "klingon"`},
		{name: "not XML", in: []byte("  hello"), err: "line 1 (byte 2): not an XML document"},
		{name: "NUL", in: []byte("<a>\n\x00</a>"), err: "line 2 (byte 4): NUL byte: binary data, not XML"},
		{name: "escape", in: []byte("<a>\x1b[0m</a>"), err: "line 1 (byte 3): control character U+001B"},
		{name: "too large", in: []byte("<a>" + strings.Repeat("x", 100) + "</a>"), max: 50, err: "larger than 50 bytes"},
		{name: "exactly the limit", in: []byte("<a>xx</a>"), max: 9, want: "xx"},
		{name: "UTF-16 NUL", in: append(enc16("<a>", false, true), 0, 0), err: "line 1 (byte 3): NUL character: binary data, not XML (byte 8 of the file)"},
		{name: "lone surrogate", in: append(enc16("<a>", false, true), 0x00, 0xDC), err: "line 1 (byte 3): invalid UTF-16: unpaired low surrogate 0xdc00 (byte 8 of the file)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decodeAll(tt.in, tt.max)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("got %q, %v; want %q", got, err, tt.want)
			}
		})
	}
	_, err := decodeAll([]byte("<a>"+strings.Repeat("x", 100)+"</a>"), 50)
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("errors.Is(%v, ErrTooLarge) = false", err)
	}
}

// FuzzUTF16Reader: NewUTF16Reader agrees with unicode/utf16 on valid
// input and fails, at the first bad code unit, on invalid input.
func FuzzUTF16Reader(f *testing.F) {
	f.Add([]byte{0x2d, 0x4e, 0x3d, 0xd8, 0x0b, 0xdc}, false)
	f.Add([]byte{0xd8, 0x00}, true)
	f.Add([]byte{0x41}, false)
	f.Add([]byte{0x09, 0x00, 0x1b, 0x00}, false)
	f.Fuzz(func(t *testing.T, b []byte, big bool) {
		got, err := io.ReadAll(NewUTF16Reader(&oneByte{b}, big, 0))
		units := make([]uint16, len(b)/2)
		for i := range units {
			if big {
				units[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
			} else {
				units[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
			}
		}
		valid := len(b)%2 == 0
		for i := 0; i < len(units) && valid; i++ {
			switch u := units[i]; {
			case u < 0x20 && u != '\t' && u != '\n' && u != '\r':
				valid = false
			case u >= 0xDC00 && u <= 0xDFFF:
				valid = false
			case u >= 0xD800 && u <= 0xDBFF:
				if i+1 < len(units) && units[i+1] >= 0xDC00 && units[i+1] <= 0xDFFF {
					i++
				} else {
					valid = false
				}
			}
		}
		if valid {
			want := string(utf16.Decode(units))
			if err != nil || string(got) != want {
				t.Fatalf("got %q, %v; want %q", got, err, want)
			}
			return
		}
		var pe *PosError
		if !errors.As(err, &pe) || !strings.Contains(pe.Msg, "invalid UTF-16") && !strings.Contains(pe.Msg, "XML") {
			t.Fatalf("error = %v, want invalid UTF-16 or a character XML does not allow", err)
		}
		if !utf8.Valid(got) || pe.Offset != int64(len(got)) {
			t.Fatalf("error at %d after %d valid bytes", pe.Offset, len(got))
		}
	})
}

// oneByte returns its data one byte per Read.
type oneByte struct{ b []byte }

func (o *oneByte) Read(p []byte) (int, error) {
	if len(o.b) == 0 {
		return 0, io.EOF
	}
	if len(p) == 0 {
		return 0, nil
	}
	p[0] = o.b[0]
	o.b = o.b[1:]
	return 1, nil
}
