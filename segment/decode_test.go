package segment

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

var (
	gb18030Enc = simplifiedchinese.GB18030
	big5Enc    = traditionalchinese.Big5
)

func utf16EncNoBOM() encoding.Encoding {
	return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
}

func utf16Enc(bigEndian bool) encoding.Encoding {
	if bigEndian {
		return unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	}
	return unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
}

func encode(t testing.TB, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encoding test fixture: %v", err)
	}
	return b
}

const (
	zhSimplified  = "中国共产党的对外工作，是党的一条重要战线。\n“政党在国家政治生活中发挥着重要作用。”\n"
	zhTraditional = "中國共產黨的對外工作，是黨的一條重要戰線。\n「政黨在國家政治生活中發揮著重要作用。」\n"
)

// TestDecodeRoundTrip encodes fixtures with x/text encoders and checks that
// Decode, told or guessing the encoding, gives back the text.
func TestDecodeRoundTrip(t *testing.T) {
	utf16le := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	utf16be := unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	tests := []struct {
		name    string
		data    []byte
		enc     string // given to Decode
		text    string
		wantEnc string
	}{
		{"utf-8 detected", []byte(zhSimplified), "", zhSimplified, UTF8},
		{"utf-8 with BOM", append([]byte{0xEF, 0xBB, 0xBF}, zhSimplified...), "", zhSimplified, UTF8},
		{"utf-16le with BOM", encode(t, utf16le, zhSimplified+"𠀀"), "", zhSimplified + "𠀀", UTF16LE},
		{"utf-16be with BOM", encode(t, utf16be, zhSimplified), "", zhSimplified, UTF16BE},
		{"utf-16le named, no BOM", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "abc中文"), "UTF-16LE", "abc中文", UTF16LE},
		{"gb18030 detected", encode(t, simplifiedchinese.GB18030, zhSimplified), "", zhSimplified, GB18030},
		{"gb18030 four-byte", encode(t, simplifiedchinese.GB18030, "€𠀀ǹ中"), "gb18030", "€𠀀ǹ中", GB18030},
		{"gbk named", encode(t, simplifiedchinese.GBK, zhSimplified), "GBK", zhSimplified, GBK},
		{"cp936 alias", encode(t, simplifiedchinese.GBK, zhSimplified), "cp936", zhSimplified, GBK},
		{"big5 detected", encode(t, traditionalchinese.Big5, zhTraditional), "", zhTraditional, Big5},
		{"big5 named", encode(t, traditionalchinese.Big5, zhTraditional), "big5", zhTraditional, Big5},
		{"empty", nil, "", "", UTF8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, enc, err := Decode(tt.data, tt.enc, false)
			if err != nil {
				t.Fatalf("Decode() error: %v", err)
			}
			if diff := cmp.Diff(tt.text, text); diff != "" {
				t.Errorf("Decode() text mismatch (-want +got):\n%s", diff)
			}
			if enc != tt.wantEnc {
				t.Errorf("Decode() encoding = %q, want %q", enc, tt.wantEnc)
			}
		})
	}
}

func TestDecodeErrors(t *testing.T) {
	gb := encode(t, simplifiedchinese.GB18030, "第一行\n第二行")
	tests := []struct {
		name     string
		data     []byte
		enc      string
		want     string
		sentinel error
	}{
		{
			name:     "invalid UTF-8 among valid text",
			data:     []byte("第一行\n第二行\xff\xfe中文中文中文中文中文中文中文中文中文中文中文"),
			want:     "segment: line 2, byte 19: invalid UTF-8 sequence ff fe",
			sentinel: ErrInvalidEncoding,
		},
		{
			name:     "invalid GB18030 sequence",
			data:     append(append([]byte{}, gb...), 0x81, 0x20),
			enc:      GB18030,
			want:     "segment: line 2, byte 13: invalid GB18030 sequence 81 20",
			sentinel: ErrInvalidEncoding,
		},
		{
			name:     "odd UTF-16 length",
			data:     []byte{0xFF, 0xFE, 'a', 0, 'b'},
			want:     "segment: line 1, byte 4: invalid UTF-16LE sequence 62",
			sentinel: ErrInvalidEncoding,
		},
		{
			name:     "lone surrogate in UTF-16BE",
			data:     []byte{0xFE, 0xFF, 0, 'a', 0xD8, 0x00, 0, 'b'},
			want:     "segment: line 1, byte 4: invalid UTF-16BE sequence d8 00",
			sentinel: ErrInvalidEncoding,
		},
		{
			name:     "unknown encoding",
			data:     []byte("abc"),
			enc:      "latin-9",
			want:     `segment: unknown encoding "latin-9" (want utf-8, utf-16le, utf-16be, gb18030, gbk or big5)`,
			sentinel: ErrUnknownEncoding,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Decode(tt.data, tt.enc, false)
			if err == nil {
				t.Fatal("Decode() error = nil")
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("Decode() error = %q, want %q", got, tt.want)
			}
			if !errors.Is(err, tt.sentinel) {
				t.Errorf("errors.Is(%v, %v) = false", err, tt.sentinel)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Errorf("error %T is not *Error", err)
			}
		})
	}
}

func TestDecodeReplace(t *testing.T) {
	tests := []struct {
		name     string
		data     []byte
		enc      string
		want     string
		replaced int
	}{
		{"utf-8 run of bad bytes is one replacement", []byte("中文中文中文\xff\xfe\xfd中文中文中文中文\xc0"), "", "中文中文中文\uFFFD中文中文中文中文\uFFFD", 2},
		{"gb18030 bad byte", []byte{0xD6, 0xD0, 0x81, 0x20, 'a'}, GB18030, "中\uFFFD a", 1},
		{"big5 two-code-point character next to a bad byte", []byte{0x88, 0x62, 0xFF, 0xA4, 0xA4}, Big5, "Ê̄\uFFFD中", 1},
		{"gb18030 encoding of U+FFFD is not a replacement", []byte{0x84, 0x31, 0xA4, 0x37, 0xFF}, GB18030, "\uFFFD\uFFFD", 1},
		{"utf-16 lone surrogate", []byte{0xFF, 0xFE, 0x00, 0xD8, 'a', 0}, "", "\uFFFDa", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := decode(tt.data, tt.enc, true)
			if err != nil {
				t.Fatalf("decode() error: %v", err)
			}
			if diff := cmp.Diff(tt.want, d.text); diff != "" {
				t.Errorf("decode() text mismatch (-want +got):\n%s", diff)
			}
			if d.replaced != tt.replaced || len(d.changes) != tt.replaced {
				t.Errorf("decode() replaced %d with %d changes, want %d", d.replaced, len(d.changes), tt.replaced)
			}
		})
	}
}

func TestDecodeReplaceSummary(t *testing.T) {
	data := []byte(strings.Repeat("中文中文\xff", 150))
	d, err := decode(data, UTF8, true)
	if err != nil {
		t.Fatal(err)
	}
	if d.replaced != 150 || len(d.changes) != maxReplaceChanges+1 {
		t.Fatalf("replaced %d with %d changes, want 150 with %d", d.replaced, len(d.changes), maxReplaceChanges+1)
	}
	if got, want := d.changes[maxReplaceChanges].Note, "50 more invalid sequences replaced, not listed"; got != want {
		t.Errorf("summary note = %q, want %q", got, want)
	}
}

func TestDetectEncodingGBvsBig5(t *testing.T) {
	tests := []struct {
		name string
		text string
		enc  encoding.Encoding
		want string
	}{
		{"simplified in GB18030", zhSimplified, simplifiedchinese.GB18030, GB18030},
		{"traditional in Big5", zhTraditional, traditionalchinese.Big5, Big5},
		{"traditional in GB18030", zhTraditional, simplifiedchinese.GB18030, GB18030},
		{"short Big5", "臺灣的經濟發展", traditionalchinese.Big5, Big5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DetectEncoding(encode(t, tt.enc, tt.text)); got != tt.want {
				t.Errorf("DetectEncoding() = %q, want %q", got, tt.want)
			}
		})
	}
}
