package review

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/bitextlab/zhen/align"
	"github.com/google/go-cmp/cmp"
)

// sentencesIn returns the sentences a row gives for a side, as the script
// reads them: strings, or UTF-16 spans over the side's text.
func sentencesIn(text string, v any) []string {
	list, ok := v.([]any)
	if !ok {
		return nil
	}
	var out []string
	u := utf16.Encode([]rune(text))
	for k := 0; k < len(list); k++ {
		switch x := list[k].(type) {
		case string:
			out = append(out, x)
		case float64:
			out = append(out, string(utf16.Decode(u[int(x):int(list[k+1].(float64))])))
			k++
		}
	}
	return out
}

// pageData is the data block of a page as the script reads it.
type pageData struct {
	V           int     `json:"v"`
	Title       string  `json:"title"`
	High        float64 `json:"high"`
	Check       float64 `json:"check"`
	ZHLang      string  `json:"zhLang"`
	ENLang      string  `json:"enLang"`
	Pairs       [][]any `json:"pairs"`
	Kinds       []string
	Docs        []string
	Scorers     []string
	BadEvidence int `json:"badEvidence"`
}

// dataOf cuts the JSON data block out of a page and decodes it.
func dataOf(t *testing.T, page string) pageData {
	t.Helper()
	const open = `<script type="application/json" id="zhen-data">`
	i := strings.Index(page, open)
	if i < 0 {
		t.Fatalf("page has no data block")
	}
	rest := page[i+len(open):]
	j := strings.Index(rest, "</script>")
	if j < 0 {
		t.Fatalf("data block not closed")
	}
	var d pageData
	if err := json.Unmarshal([]byte(rest[:j]), &d); err != nil {
		t.Fatalf("data block: %v", err)
	}
	return d
}

func TestHTML(t *testing.T) {
	pairs := seedPairs()
	var buf bytes.Buffer
	st, err := WriteHTML(&buf, pairs, HTMLOptions{Title: "Seed 001 <review>"})
	if err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	if *dumpDir != "" {
		os.WriteFile(filepath.Join(*dumpDir, "review.html"), buf.Bytes(), 0o644)
	}
	wantStats := HTMLStats{Rows: 8, ByType: map[string]int{"0-1": 1, "1-1": 4, "1-2": 1, "2-1": 1, "1-0": 1}, Low: 1, Unpaired: 2}
	if diff := cmp.Diff(wantStats, st); diff != "" {
		t.Errorf("HTMLStats mismatch (-want +got):\n%s", diff)
	}
	for _, want := range []string{
		"<title>Seed 001 &lt;review&gt;</title>",
		"<h1>Seed 001 &lt;review&gt;</h1>",
		`<div lang="zh-CN">中文</div>`,
		"<kbd>Ctrl+Z</kbd> undo", "<kbd>N</kbd> next pair to check", // the keys are documented on the page
		`id="export"`, `id="filter"`, `id="prog-text"`, `id="check-pos"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	for _, bad := range []string{"<script>alert", "<b>major", "http://", "https://"} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	d := dataOf(t, page)
	if d.Title != "Seed 001 <review>" || d.High != align.ConfidenceHigh || d.Check != align.ConfidenceCheck || d.ZHLang != "zh-CN" || d.ENLang != "en" {
		t.Errorf("data header = %q %v %v %q %q", d.Title, d.High, d.Check, d.ZHLang, d.ENLang)
	}
	if len(d.Pairs) != len(pairs) {
		t.Fatalf("data has %d pairs, want %d", len(d.Pairs), len(pairs))
	}
	if diff := cmp.Diff([]string{"001_38bdb1c42bebbece.txt"}, d.Docs); diff != "" {
		t.Errorf("docs mismatch (-want +got):\n%s", diff)
	}
	for i, row := range d.Pairs {
		p := pairs[i]
		if row[0] != p.ZH || row[1] != p.EN || row[2] != p.Type || row[3] != p.Confidence || row[4] != float64(p.Paragraph) || row[10] != p.State {
			t.Errorf("row %d = %v, want the pair's text, type, confidence, paragraph and state", i, row[:5])
		}
	}
	// Evidence in UTF-16 code units: "（2022年10月20日）" has 2022 at 1–5,
	// and the kind is an index into kinds.
	ev := d.Pairs[2][8].([]any)
	if diff := cmp.Diff([]any{float64(0), float64(1), float64(12), float64(1), float64(17)}, ev); diff != "" {
		t.Errorf("date evidence mismatch (-want +got):\n%s", diff)
	}
	if d.Kinds[0] != "date" {
		t.Errorf("kinds = %v", d.Kinds)
	}
	// the 1-2 pair carries its two English sentences for split and move
	if es := sentencesIn(pairs[4].EN, d.Pairs[4][7]); len(es) != 2 || !strings.HasSuffix(es[0], "pioneering efforts.") || !strings.HasPrefix(es[1], "Hence, new strides") {
		t.Errorf("1-2 pair's English sentences = %q (%v)", es, d.Pairs[4][7])
	}
	if d.Pairs[3][6] != float64(0) || d.Pairs[3][7] != float64(0) {
		t.Errorf("1-1 pair's sentences = %v %v, want 0 (the text is the one sentence)", d.Pairs[3][6], d.Pairs[3][7])
	}
	// scores flat: scorer (index into scorers), value, weight
	if diff := cmp.Diff([]any{0.0, 0.92, 0.6, 1.0, 0.97, 0.4}, d.Pairs[3][9]); diff != "" {
		t.Errorf("scores mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"length", "anchors"}, d.Scorers); diff != "" {
		t.Errorf("scorers mismatch (-want +got):\n%s", diff)
	}
}

func TestHTMLSentencesOption(t *testing.T) {
	tests := []struct {
		name           string
		pair           align.Pair
		zh, en         []string // what Sentences returns
		wantZH, wantEN any      // in the data
	}{
		{"spans over the text; English cut by the default rules", align.Pair{ZH: "甲乙。丙丁。", EN: "A b. C d.", Type: "2-2"},
			[]string{"甲乙。", "丙丁。"}, nil, []any{0.0, 3.0, 3.0, 6.0}, []any{0.0, 4.0, 5.0, 9.0}},
		{"astral characters count two", align.Pair{ZH: "𠀀甲。乙。", EN: "A.", Type: "2-1"},
			[]string{"𠀀甲。", "乙。"}, nil, []any{0.0, 4.0, 4.0, 6.0}, 0.0},
		{"sentences not in the text are given as strings", align.Pair{ZH: "甲。乙。", EN: "A. B.", Type: "2-2"},
			[]string{"甲。", "丙。"}, []string{"A.", "B."}, []any{"甲。", "丙。"}, []any{0.0, 2.0, 3.0, 5.0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			calls := 0
			var buf bytes.Buffer
			_, err := WriteHTML(&buf, []align.Pair{tt.pair}, HTMLOptions{Sentences: func(i int, q align.Pair) ([]string, []string) {
				calls++
				return tt.zh, tt.en
			}})
			if err != nil {
				t.Fatal(err)
			}
			d := dataOf(t, buf.String())
			if diff := cmp.Diff([]any{tt.wantZH, tt.wantEN}, d.Pairs[0][6:8]); diff != "" || calls != 1 {
				t.Errorf("sentences mismatch (calls %d) (-want +got):\n%s", calls, diff)
			}
		})
	}
}

// TestHTMLNilWriter: WriteHTML(nil, …) is an error, not a panic.
func TestHTMLNilWriter(t *testing.T) {
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("WriteHTML(nil) panicked: %v", r)
		}
	}()
	st, err := WriteHTML(nil, seedPairs(), HTMLOptions{})
	if !errors.Is(err, ErrNoPage) {
		t.Errorf("WriteHTML(nil) error = %v, want ErrNoPage", err)
	}
	if st.Rows != 8 {
		t.Errorf("WriteHTML(nil) stats rows = %d", st.Rows)
	}
}

func TestHTMLWriteError(t *testing.T) {
	if _, err := WriteHTML(failWriter{}, seedPairs(), HTMLOptions{}); err == nil || !strings.HasPrefix(err.Error(), "review: html: ") {
		t.Errorf("WriteHTML to a failing writer = %v, want a review: html: error", err)
	}
}

// TestHTMLInvalidBytes: raw invalid bytes from a file
// name must not reach the page: it is valid UTF-8 whatever it is given.
func TestHTMLInvalidBytes(t *testing.T) {
	tests := []struct {
		name  string
		pair  align.Pair
		title string
	}{
		{"file name", align.Pair{ZH: "中文。", EN: "Chinese.", Type: "1-1", Confidence: 0.9, Doc: "bad\xff\xfename.txt"}, ""},
		{"title", align.Pair{ZH: "中文。", EN: "Chinese.", Type: "1-1", Confidence: 0.9}, "review of \xc3("},
		{"title and language tags", align.Pair{ZH: "中文。", EN: "Chinese.", Type: "1-1", Confidence: 0.9}, "\xff"},
		{"text", align.Pair{ZH: "中\xe4文", EN: "\x80English\u2028line", Type: "1-1", Confidence: 0.9,
			Evidence: []align.Evidence{{Kind: "latin", ZHStart: 4, ZHEnd: 7, ENStart: 1, ENEnd: 8}}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			o := HTMLOptions{Title: tt.title}
			if tt.name == "title and language tags" {
				o.ZHLang, o.ENLang = "zh\xff", "en\xfe"
			}
			if _, err := WriteHTML(&buf, []align.Pair{tt.pair}, o); err != nil {
				t.Fatal(err)
			}
			if !utf8.Valid(buf.Bytes()) {
				t.Errorf("page is not valid UTF-8")
			}
			if strings.Contains(buf.String(), "\u2028") {
				t.Errorf("page has a raw U+2028 inside the script")
			}
			d := dataOf(t, buf.String())
			if tt.name == "text" {
				// one U+FFFD per bad byte; evidence counted in those units
				if d.Pairs[0][0] != "中\uFFFD文" || d.Pairs[0][1] != "\uFFFDEnglish\u2028line" {
					t.Errorf("texts = %q %q", d.Pairs[0][0], d.Pairs[0][1])
				}
				if diff := cmp.Diff([]any{0.0, 2.0, 3.0, 1.0, 8.0}, d.Pairs[0][8]); diff != "" {
					t.Errorf("evidence mismatch (-want +got):\n%s", diff)
				}
			}
		})
	}
}

func TestHTMLBadEvidence(t *testing.T) {
	p := align.Pair{ZH: "中文", EN: "English", Type: "1-1", Confidence: 0.9,
		Evidence: []align.Evidence{{Kind: "number", ZHStart: 1, ZHEnd: 2, ENStart: 0, ENEnd: 99}, {Kind: "number", ZHStart: 0, ZHEnd: 3}}}
	var buf bytes.Buffer
	st, err := WriteHTML(&buf, []align.Pair{p}, HTMLOptions{})
	if err != nil {
		t.Fatal(err)
	}
	d := dataOf(t, buf.String())
	if st.BadEvidence != 2 || d.BadEvidence != 2 || d.Pairs[0][8] != float64(0) {
		t.Errorf("BadEvidence = %d, page says %d, evidence %v; want 2, 2, none", st.BadEvidence, d.BadEvidence, d.Pairs[0][8])
	}
}

func TestAppendJSONString(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "abc 中文", `"abc 中文"`},
		{"script end", "</script><!--", `"\u003c/script\u003e\u003c!--"`},
		{"quotes and controls", "a\"b\\c\n\t\x01&", `"a\"b\\c\n\t\u0001\u0026"`},
		{"line separators", "a\u2028b\u2029", `"a\u2028b\u2029"`},
		{"invalid bytes", "a\xffb\xe4", `"a\ufffdb\ufffd"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(appendJSONString(nil, tt.in))
			if got != tt.want {
				t.Errorf("appendJSONString(%+q) = %s, want %s", tt.in, got, tt.want)
			}
			var back string
			if err := json.Unmarshal([]byte(got), &back); err != nil {
				t.Errorf("not JSON: %v", err)
			}
			if utf8.ValidString(tt.in) && back != tt.in {
				t.Errorf("decodes to %+q", back)
			}
		})
	}
}

func FuzzHTML(f *testing.F) {
	f.Add("第18届", "the 18th", 3, 5, 4, 8, "number", "doc\xff")
	f.Fuzz(func(t *testing.T, zh, en string, zs, ze, es, ee int, kind, doc string) {
		p := align.Pair{ZH: zh, EN: en, Type: "1-1", Confidence: 0.5, Doc: doc,
			Evidence: []align.Evidence{{Kind: kind, ZHStart: zs, ZHEnd: ze, ENStart: es, ENEnd: ee}}}
		var buf bytes.Buffer
		if _, err := WriteHTML(&buf, []align.Pair{p}, HTMLOptions{Title: doc}); err != nil {
			t.Fatal(err)
		}
		if !utf8.Valid(buf.Bytes()) {
			t.Fatalf("page not valid UTF-8")
		}
		d := dataOf(t, buf.String())
		if len(d.Pairs) != 1 {
			t.Fatalf("%d pairs in the data", len(d.Pairs))
		}
	})
}

// bigPairs repeats the seed pairs n times, in paragraphs of three.
func bigPairs(n int) []align.Pair {
	seed := seedPairs()
	pairs := make([]align.Pair, n)
	for i := range pairs {
		pairs[i] = seed[i%len(seed)]
		pairs[i].Paragraph = i / 3
	}
	return pairs
}

// BenchmarkHTML100k writes a page of 100,000 pairs and checks that it takes
// under 2 s.
func BenchmarkHTML100k(b *testing.B) {
	pairs := bigPairs(100000)
	var size int64
	for _, p := range pairs {
		size += int64(len(p.ZH) + len(p.EN))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := WriteHTML(io.Discard, pairs, HTMLOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	if avg := b.Elapsed().Seconds() / float64(b.N); avg > 2 {
		b.Errorf("a 100,000-pair page took %.2f s to write, want under 2 s", avg)
	}
}
