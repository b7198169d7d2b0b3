package review

import (
	"bytes"
	"strings"
	"testing"

	"github.com/bitextlab/zhen/align"
	"github.com/google/go-cmp/cmp"
)

// lineBreaks are the characters a line-based reader may split a line at
// (Python's str.splitlines, Unicode line breaks) and the tab.
const lineBreaks = "\t\n\r\v\f\x1c\x1d\x1e\u0085\u2028\u2029"

func TestTSVEscapes(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "中文 text", "中文 text"},
		{"backslash", `C:\path\n`, `C:\\path\\n`},
		{"tab and newlines", "a\tb\nc\r\nd", `a\tb\nc\r\nd`},
		{"vertical tab and form feed", "a\vb\fc", `a\vb\fc`},
		{"separators", "a\x1cb\x1dc\x1ed", `a\x1cb\x1dc\x1ed`},
		{"Unicode line breaks", "a\u0085b\u2028c\u2029d", `a\u0085b\u2028c\u2029d`},
		{"other controls kept", "a\x01b\x1fc", "a\x01b\x1fc"},
		{"invalid UTF-8 kept", "a\xffb\xc2", "a\xffb\xc2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			w := NewTSVWriter(&buf)
			w.Write(align.Pair{ZH: tt.in, EN: "x", Type: "1-1"})
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			row := strings.TrimPrefix(buf.String(), TSVHeader+"\n")
			got, _, _ := strings.Cut(row, "\t")
			if got != tt.want {
				t.Errorf("column = %+q, want %+q", got, tt.want)
			}
			if back := UnescapeTSV(got); back != tt.in {
				t.Errorf("UnescapeTSV(%+q) = %+q, want %+q", got, back, tt.in)
			}
		})
	}
}

func TestUnescapeTSV(t *testing.T) {
	tests := []struct{ in, want string }{
		{`\x41\u4e2d`, "A中"},
		{`\x4`, `\x4`},
		{`\xzz`, `\xzz`},
		{`\u12`, `\u12`},
		{`\q`, `\q`},
		{`end\`, `end\`},
		{`\\x1c`, `\x1c`},
	}
	for _, tt := range tests {
		if got := UnescapeTSV(tt.in); got != tt.want {
			t.Errorf("UnescapeTSV(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzTSVLines: any pair is one line with five columns for every
// line-based reader, and the text columns unescape to the pair's text
// byte for byte.
func FuzzTSVLines(f *testing.F) {
	f.Add("a\u2028b", "c\x1cd\\u2028", "1-1")
	f.Add("\\", "\\x1", "\v")
	f.Fuzz(func(t *testing.T, zh, en, bead string) {
		var buf bytes.Buffer
		w := NewTSVWriter(&buf)
		w.Write(align.Pair{ZH: zh, EN: en, Type: bead})
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		row := strings.TrimSuffix(strings.TrimPrefix(buf.String(), TSVHeader+"\n"), "\n")
		cols := strings.Split(row, "\t")
		if len(cols) != 5 {
			t.Fatalf("%d columns in %+q", len(cols), row)
		}
		for _, c := range cols {
			if i := strings.IndexAny(c, lineBreaks); i >= 0 {
				t.Fatalf("column %+q holds a line break at byte %d", c, i)
			}
		}
		got := []string{UnescapeTSV(cols[0]), UnescapeTSV(cols[1]), UnescapeTSV(cols[3])}
		if diff := cmp.Diff([]string{zh, en, bead}, got); diff != "" {
			t.Fatalf("round trip (-want +got):\n%s", diff)
		}
	})
}
