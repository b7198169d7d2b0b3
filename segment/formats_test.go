package segment

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

// wordRun is the XML of a run of text.
func wordRun(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return `<w:r><w:t xml:space="preserve">` + b.String() + `</w:t></w:r>`
}

// makeDocx builds a .docx archive around the given body XML; the style
// with id "1" is named "heading 1" (as a Chinese Word writes it) and
// "Title" is the title style.
func makeDocx(t testing.TB, body string) []byte {
	t.Helper()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	files := []struct{ name, data string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{"word/styles.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ` + wordNS + `><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style><w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Normal"/></w:style></w:styles>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + wordNS + `><w:body>` + body + `<w:sectPr/></w:body></w:document>`},
	}
	for _, f := range files {
		w, err := z.Create(f.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(f.data)); err != nil {
			t.Fatal(err)
		}
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// seedTitleLines are the title lines of seed 001, styled as titles in the
// Word and HTML versions.
var seedTitleLines = map[int]bool{1: true, 2: true, 24: true, 25: true, 26: true}

func seedLines(t testing.TB, name string) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "seeds", name))
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
}

// seedDocx is seed 001 as a Word document: one paragraph per line, title
// lines in the Title style, the Word bookmark that the text version shows
// as "[bookmark: _GoBack]" a real bookmark, a comment and a page field.
func seedDocx(t testing.TB) []byte {
	var b strings.Builder
	for i, l := range seedLines(t, "001_38bdb1c42bebbece.txt") {
		b.WriteString("<w:p>")
		if seedTitleLines[i+1] {
			b.WriteString(`<w:pPr><w:pStyle w:val="Title"/></w:pPr>`)
		}
		if rest, ok := strings.CutPrefix(l, "[bookmark: _GoBack]"); ok {
			b.WriteString(`<w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/>`)
			l = rest
		}
		if i == 5 {
			b.WriteString(`<w:commentRangeStart w:id="1"/>`)
		}
		b.WriteString(wordRun(l))
		if i == 5 {
			b.WriteString(`<w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r>`)
		}
		b.WriteString("</w:p>")
	}
	b.WriteString(`<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`)
	return makeDocx(t, b.String())
}

// seedHTML is seed 001 as a web page: navigation, a script, a style and a
// footer around it; each blank-line-separated block of the text is a <p>,
// the lines of a block joined by <br>, titles in <h1>.
func seedHTML(t testing.TB) []byte {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>党的对外工作</title>
<style>body { font-family: sans-serif }</style><script>var x = "<p>不是正文</p>";</script></head>
<body><nav><a href="/">首页</a> &gt; <a href="/news">新闻</a></nav>
<!-- 正文开始 -->
<article>
`)
	lines := seedLines(t, "001_38bdb1c42bebbece.txt")
	for i := 0; i < len(lines); {
		if strings.TrimSpace(lines[i]) == "" {
			i++
			continue
		}
		j := i
		for j < len(lines) && strings.TrimSpace(lines[j]) != "" && seedTitleLines[j+1] == seedTitleLines[i+1] {
			j++
		}
		tag := "p"
		if seedTitleLines[i+1] {
			tag = "h1"
		}
		var parts []string
		for _, l := range lines[i:j] {
			parts = append(parts, html.EscapeString(l))
		}
		fmt.Fprintf(&b, "<%s>%s</%s>\n", tag, strings.Join(parts, "<br>\n"), tag)
		i = j
	}
	b.WriteString(`</article>
<footer><p>版权所有 © 2022 中共中央对外联络部</p></footer>
</body></html>
`)
	return []byte(b.String())
}

func sentenceTexts(d *Document) []string {
	var out []string
	for _, p := range d.Paragraphs {
		for _, s := range p.Sentences {
			out = append(out, s.In(d.Text))
		}
	}
	return out
}

func TestBilingualDocxAndHTMLMatchText(t *testing.T) {
	var s Segmenter
	text, err := os.ReadFile(filepath.Join("..", "testdata", "seeds", "001_38bdb1c42bebbece.txt"))
	if err != nil {
		t.Fatal(err)
	}
	zhT, enT, err := s.Bilingual("001.txt", text)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		file       string
		data       []byte
		format     string
		wantDrops  map[string]int // rule -> count in the Chinese report
		wantTitles []string       // Chinese paragraphs of kind Title
	}{
		{"docx", "001.bin", seedDocx(t), FormatDocx,
			map[string]int{DropWordBookmark: 1, DropWordComment: 1, DropWordField: 1}, nil},
		{"html", "001.data", seedHTML(t), FormatHTML,
			map[string]int{DropHTMLHead: 1, DropHTMLNav: 2, DropHTMLComment: 1}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			zh, en, err := s.Bilingual(tc.file, tc.data)
			if err != nil {
				t.Fatalf("Bilingual(%s) error = %v", tc.name, err)
			}
			if diff := cmp.Diff(sentenceTexts(zhT), sentenceTexts(zh)); diff != "" {
				t.Errorf("Chinese sentences differ from the text file's (-text +%s):\n%s", tc.name, diff)
			}
			if diff := cmp.Diff(sentenceTexts(enT), sentenceTexts(en)); diff != "" {
				t.Errorf("English sentences differ from the text file's (-text +%s):\n%s", tc.name, diff)
			}
			if zh.Report.Format != tc.format || en.Report.Format != tc.format {
				t.Errorf("Report.Format = %q, %q; want %q", zh.Report.Format, en.Report.Format, tc.format)
			}
			for rule, n := range tc.wantDrops {
				if got := zh.Report.Count(rule) + en.Report.Count(rule); got != n {
					t.Errorf("Report.Count(%s) = %d, want %d; changes: %v", rule, got, n, append(zh.Report.Changes, en.Report.Changes...))
				}
			}
		})
	}
}

func TestHTMLDropsListed(t *testing.T) {
	var s Segmenter
	doc, err := s.Monolingual("p.html", seedHTML(t), Chinese)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range doc.Report.Changes {
		if strings.HasPrefix(c.Rule, "html-") {
			got = append(got, c.Rule+": "+c.Old)
		}
	}
	want := []string{
		"html-head: 党的对外工作",
		"html-nav: 首页 > 新闻",
		"html-comment: 正文开始",
		"html-nav: 版权所有 © 2022 中共中央对外联络部",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("HTML removals mismatch (-want +got):\n%s", diff)
	}
	for _, sent := range sentenceTexts(doc) {
		if strings.Contains(sent, "不是正文") || strings.Contains(sent, "首页") || strings.Contains(sent, "版权所有") {
			t.Errorf("sentence %q comes from markup that should be dropped", sent)
		}
	}
}

func TestDocxStructure(t *testing.T) {
	body := `<w:p><w:pPr><w:pStyle w:val="1"/><w:tabs><w:tab w:val="left" w:pos="400"/></w:tabs></w:pPr>` + wordRun("一、总体情况") + `</w:p>` +
		`<w:p>` + wordRun("第一行") + `<w:r><w:br/></w:r>` + wordRun("第二行") + `<w:r><w:tab/></w:r>` + wordRun("尾。") + `</w:p>` +
		`<w:tbl><w:tr><w:tc><w:p>` + wordRun("单元格一。") + `</w:p></w:tc><w:tc><w:p>` + wordRun("单元格二。") + `</w:p></w:tc></w:tr></w:tbl>` +
		`<w:p><w:del><w:r><w:delText>删掉的字</w:delText></w:r></w:del>` + wordRun("留下的字。") + `<w:r><w:footnoteReference w:id="2"/></w:r></w:p>` +
		`<w:p><w:fldSimple w:instr=" DATE "><w:r><w:t>2022年10月20日</w:t></w:r></w:fldSimple></w:p>`
	var s Segmenter
	text, rep, err := s.DecodeFile("d.docx", makeDocx(t, body))
	if err != nil {
		t.Fatal(err)
	}
	want := "一、总体情况\n第一行\n第二行\t尾。\n单元格一。\n单元格二。\n留下的字。\n2022年10月20日"
	if text != want {
		t.Errorf("DecodeFile(docx) text = %q, want %q", text, want)
	}
	var got []string
	for _, c := range rep.Changes {
		got = append(got, c.Rule+": "+c.Old)
	}
	wantRep := []string{"docx-deleted: 删掉的字", "docx-note: 2", "docx-field: DATE"}
	if diff := cmp.Diff(wantRep, got); diff != "" {
		t.Errorf("DecodeFile(docx) report mismatch (-want +got):\n%s", diff)
	}
	x, err := readDocx(makeDocx(t, body), DefaultMaxBytes)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(map[int]bool{1: true}, x.headings); diff != "" {
		t.Errorf("headings mismatch (-want +got):\n%s", diff)
	}
}

func TestHTMLStructureAndCharset(t *testing.T) {
	gbkPage := append([]byte(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>`), 0xC4, 0xE3, 0xBA, 0xC3) // 你好
	gbkPage = append(gbkPage, []byte("</p></body></html>")...)
	tests := []struct {
		name string
		data []byte
		want string
		enc  string
	}{
		{"blocks, br, cells, collapsed space", []byte("<html><body><h2>标题</h2><div>第一段\n  继续。<br>下一行 text\n here.</div><table><tr><td>甲</td><td>乙</td></tr></table><pre>a  b\nc</pre></body></html>"),
			"标题\n\n第一段继续。\n下一行 text here.\n\n甲\n\n乙\n\na  b\nc", UTF8},
		{"meta charset", gbkPage, "你好", GBK},
		{"meta charset attribute", append([]byte(`<!doctype html><meta charset="GBK"><p>`), append([]byte{0xC4, 0xE3, 0xBA, 0xC3}, []byte("</p>")...)...), "你好", GBK},
		{"XML declaration", append([]byte(`<?xml version="1.0" encoding="gb18030"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>`), append([]byte{0xC4, 0xE3, 0xBA, 0xC3}, []byte("</p></body></html>")...)...), "你好", GB18030},
		{"entities", []byte("<!DOCTYPE html><p>A&amp;B &lt;C&gt;&nbsp;D</p>"), "A&B <C>\u00a0D", UTF8},
	}
	var s Segmenter
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text, rep, err := s.DecodeFile("page", tc.data)
			if err != nil {
				t.Fatal(err)
			}
			if text != tc.want || rep.Encoding != tc.enc || rep.Format != FormatHTML {
				t.Errorf("DecodeFile() = %q (%s, %s), want %q (%s, html)", text, rep.Encoding, rep.Format, tc.want, tc.enc)
			}
		})
	}
}

func TestFormatRefusals(t *testing.T) {
	notDocx := func() []byte {
		var buf bytes.Buffer
		z := zip.NewWriter(&buf)
		w, _ := z.Create("xl/workbook.xml")
		w.Write([]byte("<workbook/>"))
		z.Close()
		return buf.Bytes()
	}()
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"PDF", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), "segment: f: binary data, not text: a PDF file: export it as text (or save it as Word .docx) first; the formats read are plain text in UTF-8, UTF-16, GB18030, GBK, Big5 or Windows-1252, Word .docx and web pages (.html, .htm, .xhtml)"},
		{"Excel", notDocx, "segment: f: binary data, not text: an Excel workbook, not a Word document: save the text as .docx or plain text; the formats read are plain text in UTF-8, UTF-16, GB18030, GBK, Big5 or Windows-1252, Word .docx and web pages (.html, .htm, .xhtml)"},
		{"old Word", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 100)...), "segment: f: binary data, not text: an old Office file (Word .doc, 97–2003): save it as Word .docx or plain text; the formats read are plain text in UTF-8, UTF-16, GB18030, GBK, Big5 or Windows-1252, Word .docx and web pages (.html, .htm, .xhtml)"},
		{"empty Word", makeDocx(t, `<w:p></w:p>`), "segment: f: no text: the input is empty or blank (no text in the Word document once its markup is removed)"},
		{"too large", bytes.Repeat([]byte("a"), 2000), "segment: f: input too large: 2000 bytes, more than the limit of 1000 (Segmenter.MaxBytes)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := Segmenter{MaxBytes: 1000}
			if tc.name != "too large" {
				s.MaxBytes = 0
			}
			_, err := s.Monolingual("f", tc.data, Unknown)
			if err == nil || err.Error() != tc.want {
				t.Errorf("Monolingual() error = %v\nwant %s", err, tc.want)
			}
			if tc.name != "empty Word" && tc.name != "too large" && !errors.Is(err, ErrBinary) {
				t.Errorf("errors.Is(%v, ErrBinary) = false", err)
			}
		})
	}
}

func TestUTF16ChineseOnlyWithoutBOM(t *testing.T) {
	var b []byte
	for _, r := range "党的对外工作历来是党的重要战线。新中国成立后更成为国家总体外交的重要组成部分。" {
		b = append(b, byte(r), byte(r>>8))
	}
	if bytes.IndexByte(b, 0) >= 0 {
		t.Fatal("the fixture has a NUL byte")
	}
	var s Segmenter
	_, err := s.Monolingual("zh16.txt", b, Chinese)
	want := `segment: zh16.txt: binary data, not text (it looks like UTF-16LE without a byte order mark: decode it as "utf-16le", Segmenter.Encoding or -encoding utf-16le)`
	if err == nil || err.Error() != want {
		t.Errorf("Monolingual(UTF-16LE, no BOM, no NUL) error = %v\nwant %s", err, want)
	}
	s.Encoding = UTF16LE
	if _, err := s.Monolingual("zh16.txt", b, Chinese); err != nil {
		t.Errorf("Monolingual(UTF-16LE given) error = %v", err)
	}
}

func TestStyledHeadingsStayApart(t *testing.T) {
	// A heading in a heading style is its own paragraph even where the
	// text alone would let the next line continue it.
	body := `<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr>` + wordRun("全球供应链步步瓶颈") + `</w:p>` +
		`<w:p>` + wordRun("据美国媒体报道，全球供应链问题持续。") + `</w:p>` +
		`<w:p><w:pPr><w:pStyle w:val="1"/></w:pPr>` + wordRun("专家认为问题还将持续很久很久很久很久很久很久很久很久很久很久很久很久很久很久很久很久很久很久很久很久很久很久") + `</w:p>` +
		`<w:p>` + wordRun("问题的根源在于运力不足。") + `</w:p>`
	page := "<!DOCTYPE html><body><h1>全球供应链步步瓶颈</h1><p>据美国媒体报道，全球供应链问题持续。</p><h2>专家认为问题还将持续很久很久很久很久很久很久很久很久很久很久很久很久很久很久很久很久很久很久很久很久很久很久</h2><p>问题的根源在于运力不足。</p></body>"
	want := []string{
		"title: 全球供应链步步瓶颈",
		"body: 据美国媒体报道，全球供应链问题持续。",
		"heading: 专家认为问题还将持续很久很久很久很久很久很久很久很久很久很久很久很久很久很久很久很久很久很久很久很久很久很久",
		"body: 问题的根源在于运力不足。",
	}
	var s Segmenter
	for name, data := range map[string][]byte{"docx": makeDocx(t, body), "html": []byte(page)} {
		d, err := s.Monolingual(name, data, Chinese)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, paragraphKinds(d)); diff != "" {
			t.Errorf("%s: paragraphs mismatch (-want +got):\n%s", name, diff)
		}
	}
}

func TestHTMLFragmentAndBOM(t *testing.T) {
	var s Segmenter
	text, rep, err := s.DecodeFile("f.html", []byte(`<p>你好。</p><div>再见。</div>`))
	if err != nil {
		t.Fatal(err)
	}
	if text != "你好。\n\n再见。" || len(rep.Changes) != 0 {
		t.Errorf("DecodeFile(fragment) = %q, %v; want two paragraphs and no changes", text, rep.Changes)
	}
	// A byte order mark outranks a wrong <meta charset>.
	page := append([]byte{0xEF, 0xBB, 0xBF}, []byte(`<!DOCTYPE html><meta charset="gbk"><p>你好。</p>`)...)
	text, rep, err = s.DecodeFile("bom.html", page)
	if err != nil || text != "你好。" || rep.Encoding != UTF8 || !rep.BOM {
		t.Errorf("DecodeFile(BOM + gbk meta) = %q, %+v, %v; want 你好。 in UTF-8 with BOM", text, rep, err)
	}
}

func TestUTF16InvalidNotTakenForNoBOM(t *testing.T) {
	// UTF-16LE with a byte order mark and an unpaired surrogate: the
	// error is the invalid sequence at its position, not a hint to name
	// the encoding.
	b := []byte{0xFF, 0xFE}
	for _, r := range "党的对外工作\n重要战线" {
		b = append(b, byte(r), byte(r>>8))
	}
	b = append(b, 0x00, 0xDC)
	var s Segmenter
	_, err := s.Monolingual("s.txt", b, Chinese)
	if err == nil || !strings.Contains(err.Error(), "line 2, byte 24: invalid UTF-16LE sequence 00 dc (the file is damaged: set ReplaceInvalid") {
		t.Errorf("Monolingual() error = %v, want the invalid sequence on line 2", err)
	}
}

func TestHTMLRemovalsCapped(t *testing.T) {
	page := "<!DOCTYPE html><body>" + strings.Repeat("<!-- c --><p>好。</p>", 150) + "</body>"
	var s Segmenter
	_, rep, err := s.DecodeFile("many.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if n := rep.Count(DropHTMLComment); n != 100 {
		t.Errorf("%d comments listed, want 100", n)
	}
	last := rep.Changes[len(rep.Changes)-1]
	if last.Rule != DropMore || last.Note != "50 more removals of markup not listed" {
		t.Errorf("last change = %v, want the count of the other 50", last)
	}
}

// TestFormatFixtures keeps testdata/formats/press001.docx and .html, the
// built-in press release as a Word file and as a web page, equal to what
// seedDocx and seedHTML build (go test -run FormatFixtures -update ./segment
// rewrites them). Programs' end-to-end tests read them, since they cannot
// reach this package's test helpers.
func TestFormatFixtures(t *testing.T) {
	for _, f := range []struct {
		name string
		data []byte
	}{
		{"press001.docx", seedDocx(t)},
		{"press001.html", seedHTML(t)},
	} {
		path := filepath.Join("..", "testdata", "formats", f.name)
		if *update {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, f.data, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (go test -run FormatFixtures -update ./segment writes it)", err)
		}
		if !bytes.Equal(got, f.data) {
			t.Errorf("%s differs from what the test helpers build: go test -run FormatFixtures -update ./segment", path)
		}
	}
}
