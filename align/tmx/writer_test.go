package tmx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bitextlab/zhen/align"
	"github.com/bitextlab/zhen/internal/xmltext"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/tmx")

var goldenDate = time.Date(2022, 10, 20, 8, 30, 0, 0, time.UTC)

func testdata(name string) string { return filepath.Join("..", "..", "testdata", "tmx", name) }

// writeAll writes pairs with a Writer configured by cfg and returns the
// document and the stats.
func writeAll(t testing.TB, h Header, cfg func(*Writer), pairs []align.Pair) ([]byte, Stats) {
	t.Helper()
	var buf bytes.Buffer
	w := NewWriter(&buf, h)
	if cfg != nil {
		cfg(w)
	}
	for _, p := range pairs {
		if err := w.Write(p); err != nil {
			t.Fatalf("Write: %v", err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	return buf.Bytes(), w.Stats()
}

func TestWriterGolden(t *testing.T) {
	tests := []struct {
		name   string
		golden string
		h      Header
	}{
		{"zh source", "seed001.golden.tmx", Header{CreationDate: goldenDate, CreationToolVersion: "0.1"}},
		{"en source, paragraph units", "seed001-en.golden.tmx", Header{SrcLang: "en-GB", SegType: Paragraph, CreationDate: goldenDate, CreationToolVersion: "0.1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := writeAll(t, tt.h, nil, seedPairs())
			path := testdata(tt.golden)
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("TMX mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestWriterEnglishSource(t *testing.T) {
	got, _ := writeAll(t, Header{SrcLang: "en-US", CreationDate: goldenDate}, nil, seedPairs()[1:2])
	s := string(got)
	if !strings.Contains(s, `srclang="en-US"`) {
		t.Errorf("header does not name en-US as srclang:\n%s", s)
	}
	en := strings.Index(s, `<tuv xml:lang="en-US">`)
	zh := strings.Index(s, `<tuv xml:lang="zh-CN">`)
	if en < 0 || zh < 0 || en > zh {
		t.Errorf("English tuv (at %d) must come before the Chinese one (at %d):\n%s", en, zh, s)
	}
}

func TestWriterHeaderErrors(t *testing.T) {
	tests := []struct {
		name string
		h    Header
		want string
	}{
		{"same language", Header{SrcLang: "zh-TW", TgtLang: "zh-CN"}, "language pair zh-TW → zh-CN: give one Chinese tag"},
		{"French", Header{SrcLang: "fr-FR"}, "language pair fr-FR → en-US"},
		{"invalid tag", Header{TgtLang: "english!"}, `language tag "english!" is not a BCP 47 tag`},
		{"bad segtype", Header{SegType: "word"}, `segtype "word"`},
		{"OmegaT as creation tool", Header{CreationTool: "OmegaT"}, "creationtool"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			w := NewWriter(&buf, tt.h)
			err1 := w.Write(seedPairs()[2])
			err2 := w.Close()
			if err1 == nil || err2 == nil || !strings.Contains(err2.Error(), tt.want) || !strings.HasPrefix(err2.Error(), "tmx: ") {
				t.Errorf("Write, Close = %v, %v; want errors containing %q", err1, err2, tt.want)
			}
			if buf.Len() != 0 {
				t.Errorf("wrote %d bytes despite the error", buf.Len())
			}
		})
	}
}

type failWriter struct{ n int }

func (f *failWriter) Write(p []byte) (int, error) {
	return 0, errors.New("disk full")
}

func TestWriterStickyError(t *testing.T) {
	w := NewWriter(&failWriter{}, Header{})
	pairs := nastyPairs()
	var err error
	for _, p := range pairs { // the long pair fills the 64 KB buffer
		err = w.Write(p)
	}
	if err == nil {
		err = w.Close()
	}
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("got %v, want the write error", err)
	}
	if err2 := w.Close(); err2 == nil || err2.Error() != err.Error() {
		t.Errorf("Close() = %v, want sticky %v", err2, err)
	}
	if err3 := w.Write(pairs[0]); err3 == nil {
		t.Errorf("Write after error = nil")
	}
}

func TestWriterStats(t *testing.T) {
	p := func(zh, en string, c float64) align.Pair {
		return align.Pair{ZH: zh, EN: en, Type: "1-1", Confidence: c}
	}
	tests := []struct {
		name  string
		cfg   func(*Writer)
		pairs []align.Pair
		want  Stats
		segs  []string // written segs, zh and en alternating
	}{
		{
			name:  "empty sides are not written",
			pairs: []align.Pair{p("中文。", "", 1), p("", "English.", 1), p("  ", "x", 1), p("\x01", "y", 1), p("好。", "Good.", 1)},
			want: Stats{Pairs: 5, Written: 1, SkippedEmpty: 2 + 2, DroppedChars: 1,
				Drops: []Drop{{Pair: 3, TU: 0, Side: "zh", Offset: 0, Bytes: "\x01"}}},
			segs: []string{"好。", "Good."},
		},
		{
			name:  "min confidence",
			cfg:   func(w *Writer) { w.MinConfidence = 0.5 },
			pairs: []align.Pair{p("一。", "One.", 0.49), p("二。", "Two.", 0.5), p("三。", "Three.", nan())},
			want:  Stats{Pairs: 3, Written: 1, BelowMinConfidence: 2},
			segs:  []string{"二。", "Two."},
		},
		{
			name:  "dedupe",
			cfg:   nil, // de-duplication is the default
			pairs: []align.Pair{p("一。", "One.", 1), p("一。", "One.", 0.2), p(" 一。", "One. ", 1), p("一。", "One!", 1)},
			want:  Stats{Pairs: 4, Written: 2, Duplicates: 2, Conflicts: 1, Trimmed: 2, TrimmedBytes: 2},
			segs:  []string{"一。", "One.", "一。", "One!"},
		},
		{
			name:  "KeepDuplicates",
			cfg:   func(w *Writer) { w.KeepDuplicates = true },
			pairs: []align.Pair{p("一。", "One.", 1), p("一。", "One.", 1)},
			want:  Stats{Pairs: 2, Written: 2},
			segs:  []string{"一。", "One.", "一。", "One."},
		},
		{
			name:  "trimming is counted, inner space kept",
			pairs: []align.Pair{p("\u3000\u3000第一段。\n", "\u00a0First  para.\t", 1)},
			want:  Stats{Pairs: 1, Written: 1, Trimmed: 2, TrimmedBytes: 7 + 3},
			segs:  []string{"第一段。", "First  para."},
		},
		{
			name:  "dropped characters with positions",
			pairs: []align.Pair{p("好。", "Good.", 1), p("a\x01b\uFFFE。", "x\xed\xa0\x80y", 1)},
			want: Stats{Pairs: 2, Written: 2, DroppedChars: 5, Drops: []Drop{
				{Pair: 1, TU: 2, Side: "zh", Offset: 1, Bytes: "\x01"},
				{Pair: 1, TU: 2, Side: "zh", Offset: 3, Bytes: "\uFFFE"},
				{Pair: 1, TU: 2, Side: "en", Offset: 1, Bytes: "\xed"},
				{Pair: 1, TU: 2, Side: "en", Offset: 2, Bytes: "\xa0"},
				{Pair: 1, TU: 2, Side: "en", Offset: 3, Bytes: "\x80"},
			}},
			segs: []string{"好。", "Good.", "ab。", "xy"},
		},
		{
			name:  "document label cleaned",
			pairs: []align.Pair{{ZH: "好。", EN: "Good.", Doc: "a\x02.txt", Type: "1-1"}},
			want:  Stats{Pairs: 1, Written: 1, DroppedChars: 1, Drops: []Drop{{Pair: 0, TU: 1, Side: "doc", Offset: 1, Bytes: "\x02"}}},
			segs:  []string{"好。", "Good."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, st := writeAll(t, Header{}, tt.cfg, tt.pairs)
			if diff := cmp.Diff(tt.want, st); diff != "" {
				t.Errorf("Stats() mismatch (-want +got):\n%s", diff)
			}
			_, tus, err := ReadAll(bytes.NewReader(doc))
			if err != nil {
				t.Fatalf("ReadAll: %v\n%s", err, doc)
			}
			var segs []string
			for _, tu := range tus {
				for _, v := range tu.Variants {
					segs = append(segs, v.Text)
				}
			}
			if diff := cmp.Diff(tt.segs, segs); diff != "" {
				t.Errorf("written segs mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func nan() float64 { z := 0.0; return z / z }

func TestWriterProps(t *testing.T) {
	doc, _ := writeAll(t, Header{}, nil, []align.Pair{{ZH: "好。", EN: "Good.", Type: "1-2", Confidence: 0.87654, Paragraph: 12, Doc: "a&b.txt"}})
	_, tus, err := ReadAll(bytes.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	want := []Prop{{"x-confidence", "0.8765"}, {"x-bead", "1-2"}, {"x-paragraph", "12"}, {"x-document", "a&b.txt"}}
	if diff := cmp.Diff(want, tus[0].Props); diff != "" {
		t.Errorf("props mismatch (-want +got):\n%s", diff)
	}
	for _, reserved := range []string{"file", "id", "prev", "next", "path"} {
		if _, ok := tus[0].Prop(reserved); ok {
			t.Errorf("TU has OmegaT-reserved prop %q", reserved)
		}
	}
}

func TestMergeErrors(t *testing.T) {
	tests := []struct {
		name   string
		in     io.Reader
		want   string // the whole message
		syntax bool   // a *SyntaxError inside
		is     error  // errors.Is target, if any
	}{
		{"broken", strings.NewReader("<tmx><body>\n<tu>"), "tmx: merge: line 2 (byte 16): unexpected EOF", true, nil},
		{"bad UTF-8", strings.NewReader("<tmx><body>\n<tu><tuv xml:lang=\"en\"><seg>\xff"), "tmx: merge: line 2 (byte 40): invalid UTF-8 (byte 0xff)", true, nil},
		{"no source", nil, "tmx: merge: Reader has no source (use NewReader)", false, ErrNoSource},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			w := NewWriter(&buf, Header{})
			err := w.Merge(tt.in)
			if err == nil || err.Error() != tt.want {
				t.Fatalf("Merge() = %v, want %q", err, tt.want)
			}
			var se *SyntaxError
			if errors.As(err, &se) != tt.syntax {
				t.Errorf("errors.As(%v, *SyntaxError) = %v, want %v", err, !tt.syntax, tt.syntax)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("errors.Is(%v, %v) = false", err, tt.is)
			}
			if err2 := w.Close(); err2 != err {
				t.Errorf("Close() after a failed Merge = %v, want the sticky %v", err2, err)
			}
		})
	}
	var buf bytes.Buffer
	w := NewWriter(&buf, Header{})
	w.Write(align.Pair{ZH: "一。", EN: "One."})
	if err := w.Merge(strings.NewReader("<tmx/>")); err == nil {
		t.Errorf("Merge after Write = nil, want an error")
	}
}

// expectText is what a side reads back as: the input minus the characters
// XML cannot carry, trimmed.
func expectText(s string) string {
	c, _ := xmltext.Clean(s)
	return strings.TrimSpace(strings.Trim(c, "\u00a0\u3000\u0085"))
}

func TestRoundTripNasty(t *testing.T) {
	pairs := nastyPairs()
	doc, st := writeAll(t, Header{}, nil, pairs)
	if st.Written != len(pairs) || st.DroppedChars != 2+2+1+3+1+3 {
		t.Errorf("Stats() = %+v, want %d written and 12 dropped", st, len(pairs))
	}
	_, tus, err := ReadAll(bytes.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	if len(tus) != len(pairs) {
		t.Fatalf("read %d TUs, want %d", len(tus), len(pairs))
	}
	for i, tu := range tus {
		zh, _ := tu.Variant("zh-CN")
		en, _ := tu.Variant("en-US")
		if zh.Text != expectText(pairs[i].ZH) || en.Text != expectText(pairs[i].EN) {
			t.Errorf("TU %d read back as %+q / %+q", i+1, zh.Text, en.Text)
		}
	}
	if err := xml.Unmarshal(doc, new(any)); err != nil {
		t.Errorf("encoding/xml rejects the document: %v", err)
	}
	if bytes.HasPrefix(doc, []byte("\xef\xbb\xbf")) {
		t.Errorf("document starts with a BOM")
	}
	for _, ent := range []string{"&nbsp;", "&#160;", "&apos;"} {
		if bytes.Contains(doc, []byte(ent)) {
			t.Errorf("document contains %s", ent)
		}
	}
}

// FuzzWriter: any string pair gives a well-formed TMX that reads back, with
// this package's Reader and with encoding/xml, to the same text minus the
// dropped characters (and the trimmed surrounding white space).
func FuzzWriter(f *testing.F) {
	for _, p := range nastyPairs()[:7] {
		f.Add(p.ZH, p.EN, p.Doc)
	}
	f.Add("", "", "")
	f.Add("a\r\nb", "]]>", "\r")
	f.Fuzz(func(t *testing.T, zh, en, docLabel string) {
		var buf bytes.Buffer
		w := NewWriter(&buf, Header{CreationDate: goldenDate})
		if err := w.Write(align.Pair{ZH: zh, EN: en, Doc: docLabel, Type: "1-1", Confidence: 1}); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		st := w.Stats()
		doc := buf.Bytes()
		var v struct {
			TUs []struct {
				TUVs []struct {
					Seg string `xml:"seg"`
				} `xml:"tuv"`
			} `xml:"body>tu"`
		}
		if err := xml.Unmarshal(doc, &v); err != nil {
			t.Fatalf("encoding/xml: %v\n%s", err, doc)
		}
		_, tus, err := ReadAll(bytes.NewReader(doc))
		if err != nil {
			t.Fatalf("ReadAll: %v\n%s", err, doc)
		}
		wantZH, wantEN := trimSpace(clean(zh)), trimSpace(clean(en))
		if wantZH == "" || wantEN == "" {
			if len(tus) != 0 || st.SkippedEmpty != 1 {
				t.Fatalf("empty side: %d TUs, stats %+v", len(tus), st)
			}
			return
		}
		if len(tus) != 1 || len(v.TUs) != 1 {
			t.Fatalf("got %d / %d TUs, want 1", len(tus), len(v.TUs))
		}
		got := [2]string{tus[0].Variants[0].Text, tus[0].Variants[1].Text}
		if got != [2]string{wantZH, wantEN} {
			t.Fatalf("Reader read %+q, want %+q %+q", got, wantZH, wantEN)
		}
		if v.TUs[0].TUVs[0].Seg != wantZH || v.TUs[0].TUVs[1].Seg != wantEN {
			t.Fatalf("encoding/xml read %+v", v.TUs[0])
		}
		_, d1 := xmltext.Clean(zh)
		_, d2 := xmltext.Clean(en)
		_, d3 := xmltext.Clean(docLabel)
		if st.DroppedChars != len(d1)+len(d2)+len(d3) {
			t.Fatalf("DroppedChars = %d, want %d", st.DroppedChars, len(d1)+len(d2)+len(d3))
		}
	})
}

func clean(s string) string { c, _ := xmltext.Clean(s); return c }

func trimSpace(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return strings.ContainsRune(" \t\n\r\v\f\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000", r)
	})
}
