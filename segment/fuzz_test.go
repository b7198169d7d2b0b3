package segment

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzSegmenter feeds any bytes to the whole pipeline, as one language and
// as a bilingual file: no panic; either an *Error or documents whose
// paragraph and sentence spans are ordered, disjoint, inside Text and
// (with the "\n" gaps) rebuild it; every report change names a line and an
// offset inside the decoded input.
func FuzzSegmenter(f *testing.F) {
	for _, sd := range seeds {
		data := readSeed(f, sd.file)
		f.Add(data[:min(len(data), 700)], uint8(0)) // small seeds keep minimisation quick
	}
	f.Add([]byte("第一段。\n\nThe first paragraph.\n第二段，同新兴政\n\n党交往。\nSecond one."), uint8(1))
	f.Add([]byte("\xff\xfe\x00\xd8a\x00"), uint8(2))
	f.Add([]byte("Party£¬the [bookmark: _GoBack]【详细】\r\n\u3000\u200b"), uint8(3))
	f.Add([]byte{0xd6, 0xd0, 0xb9, 0xfa, 0x81}, uint8(4))
	f.Add([]byte("  1. 标题\n    标题\n中国>>新闻>>时事 来源:网 (责编:某)\n"), uint8(5))
	f.Fuzz(func(t *testing.T, data []byte, mode uint8) {
		s := Segmenter{ReplaceInvalid: mode&1 == 1}
		if mode&2 == 2 {
			s.Disable = []string{RuleBrokenParagraph, RuleTitleJoin}
		}
		encs := []string{"", UTF8, GB18030, Big5, UTF16LE}
		s.Encoding = encs[int(mode>>2)%len(encs)]
		d, err := s.Monolingual("fuzz.txt", data, Lang((mode>>4)%3))
		checkFuzzResult(t, err, d)
		zh, en, err := s.Bilingual("fuzz.txt", data)
		if errors.Is(err, ErrOneLanguage) {
			if zh != nil && en != nil {
				t.Fatalf("ErrOneLanguage with both documents")
			}
			checkFuzzResult(t, nil, zh)
			checkFuzzResult(t, nil, en)
			return
		}
		checkFuzzResult(t, err, zh)
		checkFuzzResult(t, err, en)
	})
}

func checkFuzzResult(t *testing.T, err error, d *Document) {
	t.Helper()
	if err != nil {
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("error %T %v is not *Error", err, err)
		}
		if !strings.HasPrefix(err.Error(), "segment: ") {
			t.Fatalf("error %q without package prefix", err)
		}
		return
	}
	if d == nil {
		return
	}
	checkDocument(t, d)
	if !utf8.ValidString(d.Text) {
		t.Fatalf("text is not valid UTF-8")
	}
	for _, c := range d.Report.Changes {
		if c.Line < 1 || c.Offset < 0 {
			t.Fatalf("change without a position: %v", c)
		}
	}
	for _, p := range d.Paragraphs {
		if p.Line < 1 {
			t.Fatalf("paragraph without an input line: %+v", p)
		}
	}
}

// FuzzDecode: any bytes in any encoding decode without panic; the text is
// valid UTF-8; an error is an *Error with a position inside the input; with
// replacement there is no error; valid UTF-8 comes back unchanged.
func FuzzDecode(f *testing.F) {
	f.Add([]byte("中文\n"), uint8(0))
	f.Add([]byte{0xFF, 0xFE, 0x2D, 0x4E, 0x00, 0xD8}, uint8(1))
	f.Add([]byte{0xD6, 0xD0, 0x81, 0x30, 0x81}, uint8(3))
	f.Add([]byte{0xA4, 0xA4, 0xFF, 0x40}, uint8(5))
	f.Fuzz(func(t *testing.T, data []byte, mode uint8) {
		encs := []string{"", UTF8, UTF16LE, UTF16BE, GB18030, GBK, Big5}
		enc := encs[int(mode>>1)%len(encs)]
		replace := mode&1 == 1
		text, got, err := Decode(data, enc, replace)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || !errors.Is(err, ErrInvalidEncoding) {
				t.Fatalf("Decode error %v is not an *Error matching ErrInvalidEncoding", err)
			}
			if replace {
				t.Fatalf("Decode with replacement failed: %v", err)
			}
			if e.Offset < 0 || e.Offset >= len(data) || e.Line < 1 {
				t.Fatalf("error position line %d, byte %d outside the input (%d bytes)", e.Line, e.Offset, len(data))
			}
			return
		}
		if !utf8.ValidString(text) {
			t.Fatalf("Decode(%s) gave invalid UTF-8", got)
		}
		// (NUL bytes in a pattern of UTF-16 without a byte order mark
		// select UTF-16, as documented: "0\x00" is "0" in UTF-16LE.)
		if enc == "" && utf8.Valid(data) && !strings.HasPrefix(string(data), "\uFEFF") && DetectEncoding(data) == UTF8 && text != string(data) {
			t.Fatalf("valid UTF-8 changed by decoding")
		}
	})
}
