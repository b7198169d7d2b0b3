package segment

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Input formats, as Report.Format names them. Plain text is "".
const (
	FormatDocx = "docx" // a Word document (Office Open XML, .docx)
	FormatHTML = "html" // a web page (.html, .htm, .xhtml)
)

// DropMore is the Report rule of the one entry that counts the removals of
// Word or HTML markup beyond the first 100 listed.
const DropMore = "markup-more"

// formatsRead names the formats the Segmenter reads, for messages that
// refuse an input.
const formatsRead = "the formats read are plain text in UTF-8, UTF-16, GB18030, GBK, Big5 or Windows-1252, Word .docx and web pages (.html, .htm, .xhtml)"

// extracted is the text of a structured document (Word, HTML): one
// paragraph per line, with what the extraction dropped.
type extracted struct {
	format   string
	enc      string // encoding of the source text ("utf-8" for Word)
	bom      bool
	replaced int
	text     string
	changes  []Change
	headings map[int]bool // 1-based lines of text that are headings or titles
}

// textBuilder accumulates extracted paragraphs and the changes made on the
// way, with positions in the extracted text.
type textBuilder struct {
	b        strings.Builder
	line     int // 1-based line being written
	cur      strings.Builder
	heading  bool
	changes  []Change
	headings map[int]bool
	limit    int // bytes of text at most; 0: no limit
	over     bool
	more     int // removals not listed
}

func newTextBuilder(limit int) *textBuilder {
	return &textBuilder{line: 1, headings: map[int]bool{}, limit: limit}
}

// write adds text to the paragraph being built.
func (t *textBuilder) write(s string) {
	if t.limit > 0 && t.b.Len()+t.cur.Len()+len(s) > t.limit {
		t.over = true
		return
	}
	t.cur.WriteString(s)
}

// lineBreak ends the current line inside a paragraph (Word w:br, HTML <br>).
func (t *textBuilder) lineBreak() {
	t.flushLine()
}

func (t *textBuilder) flushLine() {
	if t.heading {
		t.headings[t.line] = true
	}
	t.b.WriteString(t.cur.String())
	t.b.WriteByte('\n')
	t.cur.Reset()
	t.line++
}

// paragraph ends the current paragraph; nothing happens when it is empty
// and empty is false. blank adds a blank line after it.
func (t *textBuilder) paragraph(keepEmpty bool) {
	if t.cur.Len() == 0 && !keepEmpty {
		t.heading = false
		return
	}
	t.flushLine()
	t.heading = false
}

// drop records a removal at the current position. After
// maxReplaceChanges entries the rest are counted in one last entry.
func (t *textBuilder) drop(rule, old, note string) {
	if len(t.changes) >= maxReplaceChanges {
		t.more++
		return
	}
	const maxOld = 200
	if len(old) > maxOld {
		cut := maxOld
		for cut > 0 && !utf8.RuneStart(old[cut]) {
			cut--
		}
		old = old[:cut] + "…"
	}
	t.changes = append(t.changes, Change{Rule: rule, Line: t.line, Offset: t.b.Len() + t.cur.Len(), Old: old, Note: note})
}

func (t *textBuilder) result() string {
	if t.cur.Len() > 0 {
		t.flushLine()
	}
	if t.more > 0 {
		t.changes = append(t.changes, Change{Rule: DropMore, Line: t.line, Offset: t.b.Len(),
			Note: fmt.Sprintf("%d more removals of markup not listed", t.more)})
	}
	text := strings.TrimRight(t.b.String(), "\n")
	// A removal in trailing empty paragraphs is placed at the end of the
	// last line, so that every change lies inside the text.
	lines := strings.Count(text, "\n") + 1
	for i := range t.changes {
		if c := &t.changes[i]; c.Offset > len(text) || c.Line > lines {
			c.Offset, c.Line = len(text), lines
		}
	}
	return text
}

// sniffFormat recognises the formats that are not plain text by their first
// bytes: "docx", "html", or an ErrBinary error for PDF, old Office files,
// other ZIP archives and common binary formats. name is only a hint (an
// .html file that starts with text is read as HTML when it holds markup).
func sniffFormat(name string, data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return "", fmt.Errorf("%w: a PDF file: export it as text (or save it as Word .docx) first; %s", ErrBinary, formatsRead)
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		if isDocx(data) {
			return FormatDocx, nil
		}
		what := "a ZIP archive"
		switch {
		case bytes.Contains(data[:min(len(data), 1<<16)], []byte("xl/workbook")):
			what = "an Excel workbook"
		case bytes.Contains(data[:min(len(data), 1<<16)], []byte("ppt/presentation")):
			what = "a PowerPoint file"
		case bytes.Contains(data[:min(len(data), 200)], []byte("opendocument")):
			what = "an OpenDocument file"
		}
		return "", fmt.Errorf("%w: %s, not a Word document: save the text as .docx or plain text; %s", ErrBinary, what, formatsRead)
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		return "", fmt.Errorf("%w: an old Office file (Word .doc, 97–2003): save it as Word .docx or plain text; %s", ErrBinary, formatsRead)
	case bytes.HasPrefix(data, []byte("{\\rtf")):
		return "", fmt.Errorf("%w: an RTF document: save it as Word .docx or plain text; %s", ErrBinary, formatsRead)
	case bytes.HasPrefix(data, []byte("\x89PNG")), bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}), bytes.HasPrefix(data, []byte("GIF8")):
		return "", fmt.Errorf("%w: an image: %s", ErrBinary, formatsRead)
	}
	if looksHTML(name, data) {
		return FormatHTML, nil
	}
	return "", nil
}

// looksHTML reports whether data is a web page: after a byte order mark,
// white space, an XML declaration and comments, it starts with a doctype or
// an <html>, <head> or <body> tag; or, when name ends in .html, .htm or
// .xhtml, its first tag is an HTML element. UTF-16 is read too.
func looksHTML(name string, data []byte) bool {
	head := asciiHead(data, 4096)
	s := strings.ToLower(head)
	for {
		s = strings.TrimLeft(s, " \t\r\n\f")
		switch {
		case strings.HasPrefix(s, "<?xml"):
			i := strings.Index(s, "?>")
			if i < 0 {
				return false
			}
			s = s[i+2:]
			continue
		case strings.HasPrefix(s, "<!--"):
			i := strings.Index(s, "-->")
			if i < 0 {
				return false
			}
			s = s[i+3:]
			continue
		}
		break
	}
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	ext := strings.ToLower(name)
	if strings.HasSuffix(ext, ".html") || strings.HasSuffix(ext, ".htm") || strings.HasSuffix(ext, ".xhtml") {
		for _, p := range []string{"<p", "<div", "<h1", "<h2", "<table", "<meta", "<title", "<section", "<article", "<span", "<br"} {
			if strings.Contains(s, p) {
				return true
			}
		}
	}
	return false
}

// asciiHead returns up to n bytes of the start of data as ASCII-compatible
// text: UTF-16 (by its byte order mark or the NULs of ASCII text) is read
// as its low bytes, a UTF-8 byte order mark removed.
func asciiHead(data []byte, n int) string {
	data = data[:min(len(data), 2*n)]
	le, be := bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF})
	if !le && !be && len(data) >= 4 {
		le = data[0] != 0 && data[1] == 0 && data[3] == 0
		be = data[0] == 0 && data[1] != 0 && data[2] == 0
	}
	if le || be {
		var b strings.Builder
		for i := 0; i+1 < len(data) && b.Len() < n; i += 2 {
			lo, hi := data[i], data[i+1]
			if be {
				lo, hi = hi, lo
			}
			if hi == 0 {
				b.WriteByte(lo)
			} else {
				b.WriteByte('x')
			}
		}
		return strings.TrimPrefix(b.String(), "\xfe\xff")
	}
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	return string(data[:min(len(data), n)])
}

// extract reads a Word or HTML input into text, one paragraph per line.
func (s *Segmenter) extract(format string, data []byte) (*extracted, error) {
	switch format {
	case FormatDocx:
		return readDocx(data, s.maxBytes())
	case FormatHTML:
		return s.readHTML(data)
	}
	return nil, nil
}
