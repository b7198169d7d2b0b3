package xmltext

import (
	"encoding/xml"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestIsChar(t *testing.T) {
	tests := []struct {
		name string
		r    rune
		want bool
	}{
		{"nul", 0, false},
		{"soh", 1, false},
		{"tab", '\t', true},
		{"lf", '\n', true},
		{"vt", 0xB, false},
		{"ff", 0xC, false},
		{"cr", '\r', true},
		{"us", 0x1F, false},
		{"space", ' ', true},
		{"del", 0x7F, true},
		{"nbsp", 0xA0, true},
		{"ideographic space", 0x3000, true},
		{"last before surrogates", 0xD7FF, true},
		{"high surrogate", 0xD800, false},
		{"low surrogate", 0xDFFF, false},
		{"private use", 0xE000, true},
		{"replacement char", 0xFFFD, true},
		{"fffe", 0xFFFE, false},
		{"ffff", 0xFFFF, false},
		{"emoji", 0x1F600, true},
		{"max", 0x10FFFF, true},
		{"beyond", 0x110000, false},
		{"negative", -1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsChar(tt.r); got != tt.want {
				t.Errorf("IsChar(%U) = %v, want %v", tt.r, got, tt.want)
			}
		})
	}
}

func TestClean(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		want  string
		drops []Drop
	}{
		{"clean", "中文 text", "中文 text", nil},
		{"empty", "", "", nil},
		{"controls", "a\x01b\x0Bc", "abc", []Drop{{1, "\x01"}, {3, "\x0B"}}},
		{"fffe", "x\uFFFEy", "xy", []Drop{{1, "\uFFFE"}}},
		{"lone surrogate bytes", "a\xed\xa0\x80b", "ab", []Drop{{1, "\xed"}, {2, "\xa0"}, {3, "\x80"}}},
		{"truncated utf8", "中\xe6\x96", "中", []Drop{{3, "\xe6"}, {4, "\x96"}}},
		{"keeps tab lf cr", "a\tb\nc\rd", "a\tb\nc\rd", nil},
		{"keeps real U+FFFD", "a\uFFFDb", "a\uFFFDb", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, drops := Clean(tt.in)
			if got != tt.want {
				t.Errorf("Clean(%+q) = %+q, want %+q", tt.in, got, tt.want)
			}
			if diff := cmp.Diff(tt.drops, drops); diff != "" {
				t.Errorf("Clean(%+q) drops mismatch (-want +got):\n%s", tt.in, diff)
			}
			if Valid(tt.in) != (tt.drops == nil) {
				t.Errorf("Valid(%+q) = %v, want %v", tt.in, Valid(tt.in), tt.drops == nil)
			}
		})
	}
}

func TestAppend(t *testing.T) {
	tests := []struct {
		name       string
		in         string
		text, attr string
	}{
		{"five", `a&b<c>d"e'f`, `a&amp;b&lt;c&gt;d"e'f`, `a&amp;b&lt;c&gt;d&quot;e'f`},
		{"cdata end", "]]>", "]]&gt;", "]]&gt;"},
		{"whitespace", "a\tb\nc\r\nd", "a\tb\nc&#xD;\nd", "a&#x9;b&#xA;c&#xD;&#xA;d"},
		{"cjk", "“中国”，　NBSP\u00a0😀", "“中国”，　NBSP\u00a0😀", "“中国”，　NBSP\u00a0😀"},
		{"skips non-chars", "a\x00b\uFFFFc\xffd", "abcd", "abcd"},
		{"no entity for nbsp", "\u00a0", "\u00a0", "\u00a0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(AppendText(nil, tt.in)); got != tt.text {
				t.Errorf("AppendText(%+q) = %+q, want %+q", tt.in, got, tt.text)
			}
			if got := string(AppendAttr([]byte("x"), tt.in)); got != "x"+tt.attr {
				t.Errorf("AppendAttr(%+q) = %+q, want %+q", tt.in, got, "x"+tt.attr)
			}
		})
	}
}

// FuzzAppend checks that any string, cleaned and escaped, parses back with
// encoding/xml (as element text and as an attribute) to the cleaned string.
func FuzzAppend(f *testing.F) {
	for _, s := range []string{"", "a&b", "<x>", "\r\n", "\x01", "\xed\xa0\x80", "中文“”", "\t\"'"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		clean, drops := Clean(s)
		if !Valid(clean) || !utf8.ValidString(clean) {
			t.Fatalf("Clean(%+q) = %+q is not valid", s, clean)
		}
		n := 0
		for _, d := range drops {
			n += len(d.Bytes)
		}
		if len(clean)+n != len(s) {
			t.Fatalf("Clean(%+q): %d kept + %d dropped bytes != %d", s, len(clean), n, len(s))
		}
		doc := `<r a="` + string(AppendAttr(nil, clean)) + `">` + string(AppendText(nil, clean)) + `</r>`
		var v struct {
			A    string `xml:"a,attr"`
			Text string `xml:",chardata"`
		}
		if err := xml.NewDecoder(strings.NewReader(doc)).Decode(&v); err != nil {
			t.Fatalf("parse %+q: %v", doc, err)
		}
		if v.Text != clean || v.A != clean {
			t.Fatalf("round trip of %+q: text %+q attr %+q", clean, v.Text, v.A)
		}
	})
}

func BenchmarkAppendText(b *testing.B) {
	s := strings.Repeat("中华人民共和国成立于1949年。The People's Republic & <Co>. ", 20)
	buf := make([]byte, 0, 4*len(s))
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		buf = AppendText(buf[:0], s)
	}
}
