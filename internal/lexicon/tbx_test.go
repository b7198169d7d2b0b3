package lexicon

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestLoadTBXPairing(t *testing.T) {
	tests := []struct {
		name       string
		n          int
		wantPairs  int
		wantLinear int
	}{
		{"2×2 cross product", 2, 4, 0},
		{"8×8 cross product", 8, 64, 0},
		{"9×9 chained", 9, 17, 1},
		{"300×300 chained", 300, 599, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			es, rep, err := LoadTBXReport(bytes.NewReader(crossTBX(tt.n)), "x.tbx")
			if err != nil {
				t.Fatal(err)
			}
			if len(es) != tt.wantPairs || len(rep.Linear) != tt.wantLinear || rep.Pairs != tt.wantPairs || rep.Entries != 1 {
				t.Fatalf("%d pairs, report %+v; want %d pairs, %d linear", len(es), rep, tt.wantPairs, tt.wantLinear)
			}
			// Every term is in some pair.
			zh, en := map[string]bool{}, map[string]bool{}
			for _, e := range es {
				zh[e.Zh], en[e.En] = true, true
			}
			if len(zh) != tt.n || len(en) != tt.n {
				t.Errorf("%d Chinese and %d English terms paired, want %d each", len(zh), len(en), tt.n)
			}
		})
	}
}

const tbxDoc = `<?xml version="1.0" encoding="%s"?>
<martif type="TBX"><text><body>
<termEntry id="1"><langSet xml:lang="zh"><tig><term>对外联络部</term></tig></langSet><langSet xml:lang="en"><tig><term>International Department</term></tig></langSet></termEntry>
</body></text></martif>
`

// utf16Bytes encodes s as UTF-16 with a byte order mark.
func utf16Bytes(s string, big bool) []byte {
	b := []byte{0xFF, 0xFE}
	if big {
		b = []byte{0xFE, 0xFF}
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if big {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	return b
}

// TestLoadTBXEncodings: a TBX in UTF-16 or GBK reads like the UTF-8 one,
// as the TMX reader reads such files.
func TestLoadTBXEncodings(t *testing.T) {
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(fmt.Sprintf(tbxDoc, "GBK"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		in   []byte
	}{
		{"UTF-8", []byte(fmt.Sprintf(tbxDoc, "UTF-8"))},
		{"UTF-8 with BOM", append([]byte("\ufeff"), fmt.Sprintf(tbxDoc, "UTF-8")...)},
		{"UTF-16LE with BOM", utf16Bytes(fmt.Sprintf(tbxDoc, "UTF-16"), false)},
		{"UTF-16BE with BOM", utf16Bytes(fmt.Sprintf(tbxDoc, "UTF-16"), true)},
		{"GBK", []byte(gbk)},
	}
	want := []Entry{{Zh: "对外联络部", En: "International Department", Source: "terms.tbx:3"}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			es, err := LoadTBX(bytes.NewReader(tt.in), "terms.tbx")
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, es); diff != "" {
				t.Errorf("LoadTBX mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// zeros is an endless stream of NUL bytes, like /dev/zero.
type zeros struct{ read int64 }

func (z *zeros) Read(p []byte) (int, error) {
	clear(p)
	z.read += int64(len(p))
	return len(p), nil
}

// TestLoadTBXRefuses: data that is not a TBX ends with an error at once.
func TestLoadTBXRefuses(t *testing.T) {
	bad16 := utf16Bytes(fmt.Sprintf(tbxDoc, "UTF-16"), false)
	i := bytes.Index(bad16, []byte{0xf9, 0x5b}) // 对
	copy(bad16[i:], []byte{0x00, 0xd8})         // a lone high surrogate
	z := &zeros{}
	tests := []struct {
		name string
		in   io.Reader
		want string
	}{
		{"/dev/zero", z, "lexicon: zero.tbx:1 (byte 0): not an XML document: it must begin with '<', this one begins with a NUL byte: binary data"},
		{"NUL inside", io.MultiReader(strings.NewReader("<martif>\n"), z), "lexicon: zero.tbx:2 (byte 9): NUL byte: binary data, not XML"},
		{"lone surrogate", bytes.NewReader(bad16), "lexicon: zero.tbx:3 (byte 124): invalid UTF-16: unpaired high surrogate 0xd800 (byte 250 of the file)"},
		{"text", strings.NewReader("对外联络部\tInternational Department\n"), "not an XML document"},
		{"entity", strings.NewReader(`<!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]><martif>&x;</martif>`), "invalid character entity &x;"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadTBX(tt.in, "zero.tbx")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("LoadTBX error = %v, want %q", err, tt.want)
			}
		})
	}
	if z.read > 1<<20 {
		t.Errorf("read %d bytes of zeros before refusing", z.read)
	}
}

// TestWithSharedFirstWord: many glossary terms sharing their first English
// word all become phrases, each once, and chained With keeps them.
func TestWithSharedFirstWord(t *testing.T) {
	es := sharedFirstWord(2000)
	l := Builtin().With(append(es, es...)) // each twice: kept once
	if l.NumPhrases() != len(es) {
		t.Fatalf("%d phrases, want %d", l.NumPhrases(), len(es))
	}
	l2 := l.With(es[:10])
	if l2.NumPhrases() != len(es) || l.NumPhrases() != len(es) {
		t.Errorf("With again: %d and %d phrases, want %d", l2.NumPhrases(), l.NumPhrases(), len(es))
	}
	l3 := l.With([]Entry{{Zh: "新术语", En: "National novelty term"}})
	if l3.NumPhrases() != len(es)+1 || l.NumPhrases() != len(es) {
		t.Errorf("With a new term: %d phrases (receiver %d), want %d (%d)", l3.NumPhrases(), l.NumPhrases(), len(es)+1, len(es))
	}
	toks := l3.English("a National novelty term here")
	m := l3.MatchPhrases(toks)
	if len(m) != 1 || l3.Headword(m[0].Entry) != "新术语" {
		t.Errorf("MatchPhrases = %+v", m)
	}
}

func TestLoadNil(t *testing.T) {
	if _, err := LoadTSV(nil, "x.tsv"); err == nil || err.Error() != "lexicon: x.tsv: no input" {
		t.Errorf("LoadTSV(nil) = %v", err)
	}
	if _, err := LoadTBX(nil, "x.tbx"); err == nil || err.Error() != "lexicon: x.tbx: no input" {
		t.Errorf("LoadTBX(nil) = %v", err)
	}
}
