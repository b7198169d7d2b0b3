package segment

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/segment")

const seedDir = "../testdata/seeds"

var seeds = []struct {
	file      string
	bilingual bool
}{
	{"000_6b3897585427d446.txt", false},
	{"001_38bdb1c42bebbece.txt", true},
	{"002_c618ccbec1cb5b05.txt", false},
	{"003_fde2822e310dd5d8.txt", false},
}

func readSeed(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(seedDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func segmentSeed(t testing.TB, s *Segmenter, file string, bilingual bool) []*Document {
	t.Helper()
	data := readSeed(t, file)
	if bilingual {
		zh, en, err := s.Bilingual(file, data)
		if err != nil {
			t.Fatalf("Bilingual(%s) error: %v", file, err)
		}
		return []*Document{zh, en}
	}
	d, err := s.Monolingual(file, data, Unknown)
	if err != nil {
		t.Fatalf("Monolingual(%s) error: %v", file, err)
	}
	return []*Document{d}
}

// golden renders what a reviewer checks: the paragraphs (kind, input line,
// cleaned text) and the report. Sentences belong to the sentence splitter's
// own golden tests.
func golden(docs []*Document) string {
	var b strings.Builder
	for _, d := range docs {
		r := d.Report
		fmt.Fprintf(&b, "# %s lang=%s encoding=%s bom=%v replaced=%d layout=%q paragraphs=%d\n",
			d.Name, d.Lang, r.Encoding, r.BOM, r.Replaced, r.Layout, len(d.Paragraphs))
		for i, p := range d.Paragraphs {
			fmt.Fprintf(&b, "[%d] %s line %d: %s\n", i, p.Kind, p.Line, p.In(d.Text))
		}
		b.WriteString("## report\n")
		for _, c := range r.Changes {
			b.WriteString(c.String())
			b.WriteByte('\n')
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func TestSeedsGolden(t *testing.T) {
	for _, sd := range seeds {
		t.Run(sd.file[:3], func(t *testing.T) {
			var s Segmenter
			docs := segmentSeed(t, &s, sd.file, sd.bilingual)
			for _, d := range docs {
				checkDocument(t, d)
			}
			got := golden(docs)
			path := filepath.Join("..", "testdata", "segment", sd.file[:3]+".golden")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("golden %s mismatch (-want +got):\n%s", path, diff)
			}
		})
	}
}

// TestSeedFacts checks the facts the issue states about the seeds, so that a
// careless -update cannot bless a regression.
func TestSeedFacts(t *testing.T) {
	var s Segmenter
	t.Run("001 blocks, 15 body paragraphs a side", func(t *testing.T) {
		docs := segmentSeed(t, &s, seeds[1].file, true)
		zh, en := docs[0], docs[1]
		if zh.Report.Layout != LayoutBlocks {
			t.Errorf("layout = %q, want blocks", zh.Report.Layout)
		}
		if !strings.HasPrefix(en.Paragraphs[0].In(en.Text), "Material Ⅰ for the press conference") {
			t.Errorf("English starts with %q", en.Paragraphs[0].In(en.Text))
		}
		// 19 non-empty Chinese lines and 21 English ones: every line is a
		// paragraph except the title lines rejoined.
		for _, c := range []struct {
			d     *Document
			lines int
		}{{zh, 19}, {en, 21}} {
			if got := len(c.d.Paragraphs) + c.d.Report.Count(RuleTitleJoin); got != c.lines {
				t.Errorf("%s: %d paragraphs + %d title joins, want %d lines", c.d.Lang, len(c.d.Paragraphs), c.d.Report.Count(RuleTitleJoin), c.lines)
			}
		}
		for _, d := range docs {
			body := 0
			for _, p := range d.Paragraphs {
				if p.Kind == Body {
					body++
				}
			}
			if body != 15 {
				t.Errorf("%s: %d body paragraphs, want 15", d.Lang, body)
			}
		}
		if strings.Contains(zh.Text, "bookmark") {
			t.Errorf("Word bookmark left in the Chinese text")
		}
		if zh.Report.Count(RuleBookmark) != 1 {
			t.Errorf("bookmark removals = %d, want 1", zh.Report.Count(RuleBookmark))
		}
	})
	t.Run("003 four layout breaks rejoined, English set apart", func(t *testing.T) {
		d := segmentSeed(t, &s, seeds[3].file, false)[0]
		for _, joined := range []string{"同新兴政党交往实现新突破", "越来越多的政党领导人，", "地区政党领导人会面", "斯里兰卡共产党时任总书记"} {
			if !strings.Contains(d.Text, joined) {
				t.Errorf("text lacks %q", joined)
			}
		}
		if n := d.Report.Count(RuleBrokenParagraph); n != 4 {
			t.Errorf("broken-paragraph changes = %d, want 4", n)
		}
		foreign := 0
		for _, p := range d.Paragraphs {
			if p.Kind == Foreign {
				foreign++
				if !strings.HasPrefix(p.In(d.Text), "Advertisement for the book") {
					t.Errorf("foreign paragraph %q", p.In(d.Text))
				}
			}
		}
		if foreign != 1 || d.Report.Count(RuleForeign) != 1 {
			t.Errorf("foreign paragraphs = %d, reported %d; want 1, 1", foreign, d.Report.Count(RuleForeign))
		}
	})
	t.Run("002 mojibake repaired", func(t *testing.T) {
		d := segmentSeed(t, &s, seeds[2].file, false)[0]
		if !strings.Contains(d.Text, "Party，the") || strings.Contains(d.Text, "£") {
			t.Errorf("mojibake not repaired")
		}
		if d.Report.Count(RuleMojibake) != 1 {
			t.Errorf("mojibake changes = %d, want 1", d.Report.Count(RuleMojibake))
		}
	})
	t.Run("000 page artifacts removed", func(t *testing.T) {
		d := segmentSeed(t, &s, seeds[0].file, false)[0]
		for _, junk := range []string{"【详细】", "[更多]", "来源:", "排行榜", "\u00a0\u00a0"} {
			if strings.Contains(d.Text, junk) {
				t.Errorf("text still holds %q", junk)
			}
		}
		if n := strings.Count(d.Text, "毛泽东和斯大林"); n != 1 {
			t.Errorf("caption printed %d times, want 1", n)
		}
		if d.Report.Count(RuleCaptionDuplicate) != 24 {
			t.Errorf("caption-duplicate changes = %d, want 24", d.Report.Count(RuleCaptionDuplicate))
		}
	})
}

func TestSegmenterErrors(t *testing.T) {
	tests := []struct {
		name     string
		seg      Segmenter
		data     []byte
		want     string
		sentinel error
	}{
		{"empty", Segmenter{}, nil, "segment: f.txt: no text: the input is empty or blank", ErrEmpty},
		{"blank", Segmenter{}, []byte(" \n\u3000\r\n"), "segment: f.txt: no text: the input is empty or blank", ErrEmpty},
		{"binary NUL", Segmenter{}, []byte("MZ\x03\x04\x00\x00abc"), "segment: f.txt: line 1, byte 4: binary data, not text; the formats read are plain text in UTF-8, UTF-16, GB18030, GBK, Big5 or Windows-1252, Word .docx and web pages (.html, .htm, .xhtml)", ErrBinary},
		{"binary controls", Segmenter{ReplaceInvalid: true}, bytes.Repeat([]byte{0x01, 0x02, 'a', 0x03}, 50), "segment: f.txt: line 1, byte 0: binary data, not text; the formats read are plain text in UTF-8, UTF-16, GB18030, GBK, Big5 or Windows-1252, Word .docx and web pages (.html, .htm, .xhtml)", ErrBinary},
		{"invalid GB18030", Segmenter{Encoding: "gb18030"}, []byte("abc\ndef\n\xd6\xd0\x81\x20"), "segment: f.txt: line 3, byte 10: invalid GB18030 sequence 81 20 (the file is not valid GB18030: check the encoding given, or set ReplaceInvalid (-lossy) to replace invalid bytes by U+FFFD, counted in the report)", ErrInvalidEncoding},
		{"unknown rule", Segmenter{Disable: []string{"indentation"}}, []byte("abc"), `segment: f.txt: unknown cleaning rule "indentation" in Disable (known: ` + strings.Join(CleaningRules(), ", ") + ")", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.seg.Monolingual("f.txt", tt.data, Unknown)
			if err == nil {
				t.Fatal("Monolingual() error = nil")
			}
			if err.Error() != tt.want {
				t.Errorf("Monolingual() error = %q, want %q", err, tt.want)
			}
			if tt.sentinel != nil && !errors.Is(err, tt.sentinel) {
				t.Errorf("errors.Is(err, %v) = false", tt.sentinel)
			}
			var e *Error
			if !errors.As(err, &e) || e.File != "f.txt" {
				t.Errorf("error is not *Error naming the file: %#v", err)
			}
			_, _, berr := tt.seg.Bilingual("f.txt", tt.data)
			if berr == nil || berr.Error() != err.Error() {
				t.Errorf("Bilingual() error = %v, want the same as Monolingual", berr)
			}
		})
	}
}

func TestReplaceInvalidReported(t *testing.T) {
	s := Segmenter{ReplaceInvalid: true}
	d, err := s.Monolingual("r.txt", []byte("第一段，中文中文中文中文。\n第二段\xff结束。\n"), Chinese)
	if err != nil {
		t.Fatal(err)
	}
	if d.Report.Replaced != 1 || d.Report.Count(RuleInvalidBytes) != 1 {
		t.Errorf("Replaced = %d, changes = %d, want 1, 1", d.Report.Replaced, d.Report.Count(RuleInvalidBytes))
	}
	want := []string{"body: 第一段，中文中文中文中文。", "body: 第二段\uFFFD结束。"}
	if diff := cmp.Diff(want, paraList(d)); diff != "" {
		t.Errorf("paragraphs mismatch (-want +got):\n%s", diff)
	}
}

// TestLongLine feeds a 10 MB line without punctuation: it must come back as
// one paragraph, in linear time (the test would time out otherwise).
func TestLongLine(t *testing.T) {
	if testing.Short() {
		t.Skip("10 MB input; skipped with -short")
	}
	for _, unit := range []string{"中文没有标点", "no punctuation at all "} {
		data := bytes.Repeat([]byte(unit), 10<<20/len(unit))
		var s Segmenter
		d, err := s.Monolingual("long.txt", data, Unknown)
		if err != nil {
			t.Fatal(err)
		}
		checkDocument(t, d)
		if len(d.Paragraphs) != 1 {
			t.Errorf("%d paragraphs, want 1", len(d.Paragraphs))
		}
		if got := len(d.Text) + d.Report.Count(RuleTrailingSpace); got != len(data) {
			t.Errorf("text has %d bytes (+ trailing space), input %d", len(d.Text), len(data))
		}
	}
}

// bookText builds a text of at least size bytes from the seeds: the Chinese
// and English seeds concatenated again and again.
func bookText(b testing.TB, size int) []byte {
	var parts [][]byte
	for _, sd := range seeds {
		parts = append(parts, readSeed(b, sd.file))
	}
	var buf bytes.Buffer
	for buf.Len() < size {
		for _, p := range parts {
			buf.Write(p)
			buf.WriteString("\n\n")
		}
	}
	return buf.Bytes()
}

// BenchmarkMonolingual runs the whole pipeline (decode, clean, paragraphs,
// sentences) over a book-sized (>= 1 MB) text built from the seeds.
func BenchmarkMonolingual(b *testing.B) {
	data := bookText(b, 1<<20)
	var s Segmenter
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Monolingual("book.txt", data, Chinese); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBilingual splits and segments a >= 1 MB bilingual text (seed 001
// repeated).
func BenchmarkBilingual(b *testing.B) {
	one := readSeed(b, seeds[1].file)
	data := bytes.Repeat(one, 1<<20/len(one)+1)
	var s Segmenter
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := s.Bilingual("book.txt", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeGB18030 decodes a >= 1 MB GB18030 text.
func BenchmarkDecodeGB18030(b *testing.B) {
	text := bookText(b, 1<<20)
	data := encode(b, gb18030Enc, string(text))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Decode(data, "", false); err != nil {
			b.Fatal(err)
		}
	}
}

// TestSegmenterEncodings runs seed 001 through the Segmenter in UTF-16 and
// GB18030 (encoded here with x/text) and a traditional Chinese text in Big5:
// the documents must equal those of the UTF-8 input.
func TestSegmenterEncodings(t *testing.T) {
	seed := readSeed(t, seeds[1].file)
	trad := []byte("中國共產黨的對外工作取得新成就。\n我們廣交朋友，深化合作。\n\nThe Party's external work has made new achievements.\n\nWe have made friends and deepened cooperation.\n")
	tests := []struct {
		name string
		utf8 []byte
		data []byte
		seg  Segmenter
		enc  string
	}{
		{"utf-16le", seed, encode(t, utf16Enc(false), string(seed)), Segmenter{}, UTF16LE},
		{"utf-16be", seed, encode(t, utf16Enc(true), string(seed)), Segmenter{}, UTF16BE},
		{"gb18030 detected", seed, encode(t, gb18030Enc, string(seed)), Segmenter{}, GB18030},
		{"gbk named", seed, encode(t, gb18030Enc, string(seed)), Segmenter{Encoding: "GBK"}, GBK},
		{"big5 detected", trad, encode(t, big5Enc, string(trad)), Segmenter{}, Big5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var plain Segmenter
			wzh, wen, err := plain.Bilingual("f", tt.utf8)
			if err != nil {
				t.Fatal(err)
			}
			zh, en, err := tt.seg.Bilingual("f", tt.data)
			if err != nil {
				t.Fatalf("Bilingual() error: %v", err)
			}
			if zh.Report.Encoding != tt.enc {
				t.Errorf("encoding = %q, want %q", zh.Report.Encoding, tt.enc)
			}
			for _, pair := range [][2]*Document{{wzh, zh}, {wen, en}} {
				if diff := cmp.Diff(paraList(pair[0]), paraList(pair[1])); diff != "" {
					t.Errorf("paragraphs mismatch (-utf8 +%s):\n%s", tt.name, diff)
				}
			}
		})
	}
}

func TestUTF16WithoutBOM(t *testing.T) {
	data := encode(t, utf16EncNoBOM(), "Hello, world.\nThis is UTF-16 without a byte order mark, 中文.\n")
	var s Segmenter
	d, err := s.Monolingual("u.txt", data, Unknown)
	if err != nil {
		t.Fatal(err)
	}
	if d.Report.Encoding != UTF16LE || len(d.Paragraphs) != 2 {
		t.Errorf("encoding %q, %d paragraphs; want utf-16le, 2", d.Report.Encoding, len(d.Paragraphs))
	}
	// Named wrongly, the NUL bytes are an error with a hint.
	s.Encoding = "utf-8"
	_, err = s.Monolingual("u.txt", data, Unknown)
	want := `segment: u.txt: line 1, byte 1: binary data, not text (it looks like UTF-16LE without a byte order mark: decode it as "utf-16le", Segmenter.Encoding or -encoding utf-16le)`
	if err == nil || err.Error() != want {
		t.Fatalf("Monolingual() error = %v, want %s", err, want)
	}
}

// BenchmarkCleanParagraphs measures this file's part of the pipeline alone:
// decoding, cleaning and paragraphs, without sentence splitting.
func BenchmarkCleanParagraphs(b *testing.B) {
	data := bookText(b, 1<<20)
	var s Segmenter
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		p, err := s.prepare("book.txt", data)
		if err != nil {
			b.Fatal(err)
		}
		d := &docBuilder{input: p.dec.text, lines: p.lines, lang: Chinese, on: p.on}
		_ = d.build()
	}
}

func TestStrayNUL(t *testing.T) {
	data := []byte("党的对外工作取得新成就。\x00\n我们广交朋友。\n")
	var s Segmenter
	if _, err := s.Monolingual("n.txt", data, Unknown); !errors.Is(err, ErrBinary) {
		t.Errorf("Monolingual() error = %v, want ErrBinary", err)
	}
	s.ReplaceInvalid = true
	d, err := s.Monolingual("n.txt", data, Unknown)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"body: 党的对外工作取得新成就。", "body: 我们广交朋友。"}
	if diff := cmp.Diff(want, paraList(d)); diff != "" {
		t.Errorf("paragraphs mismatch (-want +got):\n%s", diff)
	}
	if d.Report.Count(RuleControl) != 1 {
		t.Errorf("control changes = %d, want 1", d.Report.Count(RuleControl))
	}
}

// TestConcurrentUse runs one Segmenter from several goroutines (run with
// -race to check for data races).
func TestConcurrentUse(t *testing.T) {
	var s Segmenter
	data := readSeed(t, seeds[2].file)
	want := golden(segmentSeed(t, &s, seeds[2].file, false))
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			d, err := s.Monolingual(seeds[2].file, data, Unknown)
			if err == nil && golden([]*Document{d}) != want {
				err = errors.New("different result under concurrency")
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// TestNULPadding: NUL bytes that only pad the end of a file are removed and
// reported; NULs elsewhere are still binary data, and a file of NULs is too.
func TestNULPadding(t *testing.T) {
	tests := []struct {
		name    string
		data    string
		disable []string
		wantErr error
		want    []string
	}{
		{"padding removed", "党的对外工作取得新成就。\nWe make friends.\n\x00\x00\x00\x00", nil, nil, []string{"body: 党的对外工作取得新成就。", "body: We make friends."}},
		{"padding after the last line", "我们广交朋友。\x00", nil, nil, []string{"body: 我们广交朋友。"}},
		{"NUL before the end", "我们广交朋友。\x00x\x00\x00", nil, ErrBinary, nil},
		{"only NULs", "\x00\x00\x00\x00", nil, ErrBinary, nil},
		{"binary header before NULs", "MZ\x03\x04\x00\x00", nil, ErrBinary, nil},
		{"control rule off", "我们广交朋友。\n\x00\x00", []string{RuleControl}, ErrBinary, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Segmenter{Disable: tt.disable}
			d, err := s.Monolingual("pad.txt", []byte(tt.data), Unknown)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("Monolingual() error = %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, paraList(d)); diff != "" {
				t.Errorf("paragraphs mismatch (-want +got):\n%s", diff)
			}
			n := strings.Count(tt.data, "\x00")
			want := Change{Rule: RuleControl, Line: strings.Count(tt.data, "\n") + 1, Offset: len(tt.data) - n, Old: strings.Repeat("\x00", n),
				Note: fmt.Sprintf("%d NUL bytes of padding at the end of the file removed", n)}
			if len(d.Report.Changes) == 0 {
				t.Fatal("no change reported")
			}
			if diff := cmp.Diff(want, d.Report.Changes[len(d.Report.Changes)-1]); diff != "" {
				t.Errorf("padding change mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestMonolingualWrongLanguage: a file given as Chinese that is English (or
// the reverse) is an error that says what was found; a document with some
// text in the other language is not.
func TestMonolingualWrongLanguage(t *testing.T) {
	tests := []struct {
		name    string
		data    string
		lang    Lang
		wantErr string // "" for no error
	}{
		{"English given as Chinese", "The talks ended. Both sides agreed to meet again.\n", Chinese, "expected Chinese text, found English"},
		{"Chinese given as English", "会谈结束。双方同意再次会晤。\n", English, "expected English text, found Chinese"},
		{"seed 003 given as English", string(readSeed(t, seeds[3].file)), English, "expected English text, found Chinese"},
		{"Chinese with English names", "习近平会见了Mr. John Smith和Ms. Jane Doe。\n", Chinese, ""},
		{"English with a Chinese quote", "He wrote 和平 and 发展 on the board.\n", English, ""},
		{"seed 003 given as Chinese", string(readSeed(t, seeds[3].file)), Chinese, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s Segmenter
			d, err := s.Monolingual("f.txt", []byte(tt.data), tt.lang)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("Monolingual() error: %v", err)
				}
				if d.Lang != tt.lang {
					t.Errorf("Lang = %v, want %v", d.Lang, tt.lang)
				}
				return
			}
			if !errors.Is(err, ErrWrongLanguage) || !strings.Contains(err.Error(), tt.wantErr) || !strings.HasPrefix(err.Error(), "segment: f.txt: ") {
				t.Errorf("Monolingual() error = %v, want ErrWrongLanguage saying %q", err, tt.wantErr)
			}
		})
	}
}

// TestUTF16WithoutBOMChineseFirst: a UTF-16 file without a byte order mark
// whose first kilobytes are all Chinese (no NUL bytes there) is recognised
// from the NULs of its English part, in either byte order.
func TestUTF16WithoutBOMChineseFirst(t *testing.T) {
	seed := string(readSeed(t, seeds[1].file))
	for _, tc := range []struct {
		name string
		e    encoding.Encoding
		want string
	}{
		{"little endian", unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), UTF16LE},
		{"big endian", unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), UTF16BE},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := encode(t, tc.e, seed)
			if got := DetectEncoding(data); got != tc.want {
				t.Errorf("DetectEncoding() = %q, want %q", got, tc.want)
			}
			var s Segmenter
			zh, en, err := s.Bilingual("u16.txt", data)
			if err != nil {
				t.Fatal(err)
			}
			want := segmentSeed(t, &s, seeds[1].file, true)
			if diff := cmp.Diff(want[0].Text+want[1].Text, zh.Text+en.Text); diff != "" {
				t.Errorf("text mismatch (-utf8 +utf16):\n%s", diff)
			}
		})
	}
}

// TestWindows1252: English saved as "ANSI" on Windows is recognised, not
// read as GB18030 with stray hanzi; Chinese multi-byte text and UTF-8 with a
// damaged byte are not taken for it.
func TestWindows1252(t *testing.T) {
	en := "The Party’s external work has forged ahead. “We welcome friends,” he said – in Beijing, café included.\n"
	cp, err := charmap.Windows1252.NewEncoder().Bytes([]byte(en))
	if err != nil {
		t.Fatal(err)
	}
	gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte("党的对外工作取得新成就。We make friends.\n"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		data     []byte
		encoding string
		wantEnc  string
		wantText string
	}{
		{"detected", cp, "", Windows1252, strings.TrimSuffix(en, "\n")},
		{"named", cp, "cp1252", Windows1252, strings.TrimSuffix(en, "\n")},
		{"apostrophes only", []byte("The Party\x92s work. China\x92s friends.\n"), "", Windows1252, "The Party’s work. China’s friends."},
		{"GB18030 stays GB18030", gb, "", GB18030, "党的对外工作取得新成就。We make friends."},
		{"UTF-8 stays UTF-8", []byte("The Party’s work.\n"), "", UTF8, "The Party’s work."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Segmenter{Encoding: tt.encoding}
			d, err := s.Monolingual("w.txt", tt.data, Unknown)
			if err != nil {
				t.Fatal(err)
			}
			if d.Report.Encoding != tt.wantEnc {
				t.Errorf("encoding = %q, want %q", d.Report.Encoding, tt.wantEnc)
			}
			if diff := cmp.Diff(tt.wantText, d.Text); diff != "" {
				t.Errorf("text mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestMonolingualNoText: a file with no hanzi and no Latin letter, or with
// nothing left once page furniture is removed, is ErrEmpty (not a document
// that the aligner would call "not parallel").
func TestMonolingualNoText(t *testing.T) {
	tests := []struct {
		name string
		data string
		want string
	}{
		{"numbers only", "2022 10 20\n1.5%\n", "segment: f.txt: no text: the input is empty or blank: no Chinese or English text"},
		{"page furniture only", "48小时排行榜 48小时评论榜\n来源:人民网 时间:2009年\n", "segment: f.txt: no text: the input is empty or blank: no Chinese or English text (cleaning removed 2 lines as page furniture; see Segmenter.Disable)"},
		{"link labels only", "【详细】\n[更多]\n", "segment: f.txt: no text: the input is empty or blank: no Chinese or English text"},
	}
	for _, tt := range tests {
		for _, lang := range []Lang{Unknown, Chinese, English} {
			t.Run(tt.name+"/"+lang.String(), func(t *testing.T) {
				var s Segmenter
				_, err := s.Monolingual("f.txt", []byte(tt.data), lang)
				if !errors.Is(err, ErrEmpty) || err.Error() != tt.want {
					t.Errorf("Monolingual() error = %v, want %s", err, tt.want)
				}
			})
		}
	}
}

// TestNULPaddingUTF16: NUL padding after UTF-16 text is removed on record,
// in whole code units and with an odd last byte; the high byte of a final
// "\n" in UTF-16LE is text, not padding.
func TestNULPaddingUTF16(t *testing.T) {
	text := "我们广交朋友。\n会议在北京举行。\n"
	for _, tc := range []struct {
		name string
		e    encoding.Encoding
		pad  int
	}{
		{"LE, even padding", unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), 6},
		{"LE, odd padding", unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), 5},
		{"BE, odd padding", unicode.UTF16(unicode.BigEndian, unicode.UseBOM), 7},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := append(encode(t, tc.e, text), make([]byte, tc.pad)...)
			var s Segmenter
			d, err := s.Monolingual("u.txt", data, Unknown)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff([]string{"body: 我们广交朋友。", "body: 会议在北京举行。"}, paraList(d)); diff != "" {
				t.Errorf("paragraphs mismatch (-want +got):\n%s", diff)
			}
			last := d.Report.Changes[len(d.Report.Changes)-1]
			if want := fmt.Sprintf("%d NUL bytes of padding at the end of the file removed", tc.pad); last.Rule != RuleControl || last.Note != want {
				t.Errorf("last change %v, want the control rule with note %q", last, want)
			}
		})
	}
}

// TestBinaryErrorInputOffset: a binary-data error found after decoding
// names the byte offset in the input's own encoding.
func TestBinaryErrorInputOffset(t *testing.T) {
	ctl := strings.Repeat("\x01\x02", 20)
	gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte("中文\n中文" + ctl))
	if err != nil {
		t.Fatal(err)
	}
	u16 := encode(t, unicode.UTF16(unicode.BigEndian, unicode.UseBOM), "中文\n中文"+ctl)
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"GB18030", gb, "segment: b.txt: line 2, byte 9: binary data, not text; the formats read are plain text in UTF-8, UTF-16, GB18030, GBK, Big5 or Windows-1252, Word .docx and web pages (.html, .htm, .xhtml)"},
		{"UTF-16BE with BOM", u16, "segment: b.txt: line 2, byte 12: binary data, not text; the formats read are plain text in UTF-8, UTF-16, GB18030, GBK, Big5 or Windows-1252, Word .docx and web pages (.html, .htm, .xhtml)"},
		{"UTF-8 with BOM", []byte("\uFEFF中文\n中文" + ctl), "segment: b.txt: line 2, byte 16: binary data, not text; the formats read are plain text in UTF-8, UTF-16, GB18030, GBK, Big5 or Windows-1252, Word .docx and web pages (.html, .htm, .xhtml)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s Segmenter
			_, err := s.Monolingual("b.txt", tt.data, Unknown)
			if err == nil || err.Error() != tt.want {
				t.Errorf("Monolingual() error = %v, want %s", err, tt.want)
			}
		})
	}
}

// TestDecodeFile: DecodeFile decodes like the Segmenter (same encodings,
// same errors with the file's name and position) and cleans nothing.
func TestDecodeFile(t *testing.T) {
	seed := readSeed(t, seeds[1].file)
	gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes(seed)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		data    []byte
		want    string
		wantEnc string
		wantErr error
		errText string
	}{
		{"UTF-8 with BOM, nothing cleaned", []byte("\uFEFF  一、标题【详细】\r\n\r\nText.\n"), "  一、标题【详细】\r\n\r\nText.\n", UTF8, nil, ""},
		{"GB18030", gb, string(seed), GB18030, nil, ""},
		{"invalid UTF-8", []byte("第一行\n第二\xff行\n"), "", "", ErrInvalidEncoding, "segment: d.txt: line 2, byte 16: invalid UTF-8 sequence ff (the file is not valid UTF-8: give the file's encoding (Segmenter.Encoding, -encoding), or set ReplaceInvalid (-lossy) to replace invalid bytes by U+FFFD, counted in the report)"},
		{"empty", nil, "", "", ErrEmpty, "segment: d.txt: no text: the input is empty or blank"},
		{"binary", []byte("MZ\x03\x04\x00\x00"), "", "", ErrBinary, "segment: d.txt: line 1, byte 4: binary data, not text; the formats read are plain text in UTF-8, UTF-16, GB18030, GBK, Big5 or Windows-1252, Word .docx and web pages (.html, .htm, .xhtml)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s Segmenter
			text, rep, err := s.DecodeFile("d.txt", tt.data)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) || err.Error() != tt.errText {
					t.Errorf("DecodeFile() error = %v, want %s", err, tt.errText)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, text); diff != "" {
				t.Errorf("text mismatch (-want +got):\n%s", diff)
			}
			if rep.Encoding != tt.wantEnc {
				t.Errorf("encoding = %q, want %q", rep.Encoding, tt.wantEnc)
			}
		})
	}
}
