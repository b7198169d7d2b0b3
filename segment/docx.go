package segment

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Names of the Report entries for what reading a Word document removed.
// They are not cleaning rules: Segmenter.Disable does not switch them off.
const (
	DropWordBookmark = "docx-bookmark" // a bookmark (such as Word's _GoBack)
	DropWordField    = "docx-field"    // a field's instruction (its displayed result is kept)
	DropWordComment  = "docx-comment"  // a comment anchor (comment texts are not read)
	DropWordNote     = "docx-note"     // a footnote or endnote reference (note texts are not read)
	DropWordDeleted  = "docx-deleted"  // text deleted under tracked changes
	DropWordSymbol   = "docx-symbol"   // a symbol-font character
)

// isDocx reports whether data is a ZIP archive holding word/document.xml.
func isDocx(data []byte) bool {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return false
	}
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			return true
		}
	}
	return false
}

// readZipFile reads a member of a ZIP archive, refusing more than limit
// bytes once decompressed.
func readZipFile(f *zip.File, limit int64) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return readLimited(rc, limit, f.Name)
}

// readDocx extracts the text of a Word document: each paragraph (w:p) is
// one line, table cells included; w:br and w:cr end a line, w:tab is a
// tab; paragraphs in a heading or title style are marked. Bookmarks, field
// instructions, comment and note references, tracked deletions and symbol
// characters are removed and listed.
func readDocx(data []byte, limit int64) (*extracted, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w: a Word document whose archive cannot be read (%v): save it again, or as plain text", ErrBinary, err)
	}
	var doc, styles *zip.File
	for _, f := range zr.File {
		switch f.Name {
		case "word/document.xml":
			doc = f
		case "word/styles.xml":
			styles = f
		}
	}
	if doc == nil {
		return nil, fmt.Errorf("%w: a ZIP archive without word/document.xml, not a Word document; %s", ErrBinary, formatsRead)
	}
	heads := map[string]bool{}
	if styles != nil {
		if b, err := readZipFile(styles, MaxRulesBytes); err == nil {
			heads = headingStyles(b)
		}
	}
	b, err := readZipFile(doc, limit)
	if err != nil {
		return nil, fmt.Errorf("word/document.xml: %w", err)
	}
	src, err := decodeXML(b)
	if err != nil {
		return nil, fmt.Errorf("word/document.xml: %w", stripPrefix(err))
	}
	t := newTextBuilder(int(min(limit, int64(len(src)))))
	d := xml.NewDecoder(strings.NewReader(src))
	d.CharsetReader = keepCharset
	var (
		stack   []string // local names of the open elements
		deleted strings.Builder
		instr   strings.Builder
		inDel   int
	)
	parent := func() string {
		if len(stack) < 2 {
			return ""
		}
		return stack[len(stack)-2]
	}
	attr := func(e xml.StartElement, name string) string {
		for _, a := range e.Attr {
			if a.Name.Local == name {
				return a.Value
			}
		}
		return ""
	}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return nil, fmt.Errorf("word/document.xml: line %d: malformed XML: %s", se.Line, se.Msg)
			}
			return nil, fmt.Errorf("word/document.xml: %w", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			stack = append(stack, e.Name.Local)
			switch e.Name.Local {
			case "p":
				if t.cur.Len() > 0 { // a paragraph inside a paragraph (text box)
					t.paragraph(false)
				}
			case "pStyle":
				id := attr(e, "val")
				if heads[id] || isHeadingName(id) {
					t.heading = true
				}
			case "tab":
				if parent() == "r" {
					t.write("\t")
				}
			case "br", "cr":
				if parent() == "r" {
					t.lineBreak()
				}
			case "noBreakHyphen":
				t.write("-")
			case "sym":
				t.drop(DropWordSymbol, attr(e, "char"), "symbol-font character "+attr(e, "font")+" removed")
			case "bookmarkStart":
				t.drop(DropWordBookmark, attr(e, "name"), "Word bookmark removed")
			case "commentReference":
				t.drop(DropWordComment, attr(e, "id"), "comment reference removed (comments are not read)")
			case "footnoteReference", "endnoteReference":
				t.drop(DropWordNote, attr(e, "id"), strings.TrimSuffix(e.Name.Local, "Reference")+" reference removed (notes are not read)")
			case "fldSimple":
				t.drop(DropWordField, strings.TrimSpace(attr(e, "instr")), "field instruction removed, its displayed text kept")
			case "fldChar":
				if attr(e, "fldCharType") == "separate" || attr(e, "fldCharType") == "end" {
					if s := strings.TrimSpace(instr.String()); s != "" {
						t.drop(DropWordField, s, "field instruction removed, its displayed text kept")
					}
					instr.Reset()
				}
			case "del", "moveFrom":
				inDel++
			case "Fallback": // mc:Fallback repeats the mc:Choice content
				if err := d.Skip(); err != nil {
					return nil, fmt.Errorf("word/document.xml: %w", err)
				}
				stack = stack[:len(stack)-1]
			}
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			switch e.Name.Local {
			case "p":
				t.paragraph(true)
			case "del", "moveFrom":
				inDel--
				if inDel == 0 && deleted.Len() > 0 {
					t.drop(DropWordDeleted, deleted.String(), "text deleted under tracked changes removed")
					deleted.Reset()
				}
			}
		case xml.CharData:
			if len(stack) == 0 {
				continue
			}
			switch stack[len(stack)-1] {
			case "t":
				if inDel > 0 {
					deleted.Write(e)
				} else {
					t.write(string(e))
				}
			case "delText":
				deleted.Write(e)
			case "instrText":
				instr.Write(e)
			}
		}
		if t.over {
			return nil, fmt.Errorf("word/document.xml: more than %d bytes of text (see Segmenter.MaxBytes)", limit)
		}
	}
	text := t.result()
	return &extracted{format: FormatDocx, enc: UTF8, text: text, changes: t.changes, headings: t.headings}, nil
}

// headingStyles reads word/styles.xml and returns the ids of the paragraph
// styles whose name is a heading or title style ("heading 1", "Title",
// "Subtitle", "标题 1", "副标题"): Word writes localized style ids.
func headingStyles(b []byte) map[string]bool {
	out := map[string]bool{}
	src, err := decodeXML(b)
	if err != nil {
		return out
	}
	d := xml.NewDecoder(strings.NewReader(src))
	d.CharsetReader = keepCharset
	id := ""
	for {
		tok, err := d.Token()
		if err != nil {
			return out
		}
		e, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		for _, a := range e.Attr {
			switch {
			case e.Name.Local == "style" && a.Name.Local == "styleId":
				id = a.Value
			case e.Name.Local == "name" && a.Name.Local == "val" && id != "" && isHeadingName(a.Value):
				out[id] = true
			}
		}
	}
}

// isHeadingName reports whether a style name or id is a heading or title.
func isHeadingName(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, p := range []string{"heading", "title", "subtitle", "标题", "副标题"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}
