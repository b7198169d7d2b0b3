package segment

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/encoding/charmap"
)

// Names of the Report entries for what reading a web page removed. They
// are not cleaning rules: Segmenter.Disable does not switch them off.
const (
	DropHTMLScript  = "html-script"  // <script>, <noscript>, <template>
	DropHTMLStyle   = "html-style"   // <style>
	DropHTMLNav     = "html-nav"     // <nav>, <header>, <footer>, <aside>: navigation and page furniture
	DropHTMLComment = "html-comment" // an HTML comment
	DropHTMLHead    = "html-head"    // the <head> (its <title> is listed)
	DropHTMLForm    = "html-form"    // <form> controls, <iframe>, <object>, <svg>, <button>, <select>
)

// htmlCharset finds the encoding a web page declares in its first 4 KiB:
// <meta charset>, <meta http-equiv="Content-Type" content="…; charset=…">
// or an XML declaration. It returns the canonical name or "".
func htmlCharset(data []byte) string {
	head := strings.ToLower(asciiHead(data, 4096))
	if e, ok := normEncoding(declaredEncoding([]byte(head))); ok && e != "" {
		return e
	}
	for rest := head; ; {
		i := strings.Index(rest, "<meta")
		if i < 0 {
			return ""
		}
		rest = rest[i+5:]
		tag, _, _ := strings.Cut(rest, ">")
		j := strings.Index(tag, "charset")
		if j < 0 {
			continue
		}
		v := strings.TrimLeft(tag[j+len("charset"):], " \t\r\n")
		if !strings.HasPrefix(v, "=") {
			continue
		}
		v = strings.TrimLeft(v[1:], " \t\r\n\"'")
		end := strings.IndexAny(v, "\"'; \t\r\n/")
		if end >= 0 {
			v = v[:end]
		}
		if isWindows1252(v) {
			return Windows1252
		}
		if e, ok := normEncoding(v); ok {
			return e
		}
		if v == "utf-16" {
			return ""
		}
	}
}

// readHTML extracts the text of a web page: block elements (p, div, li,
// table cells, headings…) are paragraphs separated by a blank line, <br>
// ends a line, white space is collapsed as a browser does, and scripts,
// styles, navigation, header, footer, aside, forms, the head and comments
// are removed and listed.
func (s *Segmenter) readHTML(data []byte) (*extracted, error) {
	enc := s.Encoding
	bom := bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF})
	if enc == "" && !bom { // a byte order mark outranks the page's declaration
		enc = htmlCharset(data)
	}
	var dec decoded
	if isWindows1252(enc) {
		enc = ""
		dec.enc = Windows1252
		dec.text = decodeWindows1252(data)
	} else {
		var err error
		if dec, err = decode(data, enc, s.ReplaceInvalid); err != nil {
			return nil, err
		}
	}
	root, err := html.Parse(strings.NewReader(dec.text))
	if err != nil {
		return nil, fmt.Errorf("reading the web page: %v", err)
	}
	t := newTextBuilder(int(min(s.maxBytes(), int64(len(dec.text)))))
	w := htmlWalker{t: t}
	w.walk(root)
	text := w.t.result()
	changes := append(dec.changes, w.t.changes...)
	return &extracted{format: FormatHTML, enc: dec.enc, bom: dec.bom, replaced: dec.replaced, text: text, changes: changes, headings: t.headings}, nil
}

// htmlWalker walks the parsed page.
type htmlWalker struct {
	t      *textBuilder
	pre    int  // inside <pre>: white space kept
	space  bool // white space is pending in the current paragraph
	blocks int  // paragraphs written
}

// block ends the current paragraph, with a blank line after it.
func (w *htmlWalker) block() {
	if w.t.cur.Len() == 0 {
		w.space = false
		return
	}
	w.t.paragraph(false)
	w.t.flushLine() // the blank line between paragraphs
	w.space = false
}

// text adds a text node, collapsing white space outside <pre>. A line break
// between two wide characters (hanzi, full-width punctuation) is dropped,
// as browsers do for Chinese; other white space becomes one space.
func (w *htmlWalker) text(s string) {
	if w.pre > 0 {
		for i, part := range strings.Split(s, "\n") {
			if i > 0 {
				w.t.lineBreak()
			}
			w.t.write(strings.TrimRight(part, "\r"))
		}
		return
	}
	for len(s) > 0 {
		i := strings.IndexAny(s, " \t\n\r\f")
		if i < 0 {
			w.word(s)
			return
		}
		if i > 0 {
			w.word(s[:i])
		}
		j := i
		for j < len(s) && strings.IndexByte(" \t\n\r\f", s[j]) >= 0 {
			j++
		}
		if w.t.cur.Len() > 0 {
			w.space = true
		}
		s = s[j:]
	}
}

// word writes text without white space, with the pending space before it
// unless it falls between two wide characters.
func (w *htmlWalker) word(s string) {
	if w.space {
		cur := w.t.cur.String()
		last := lastRune(cur)
		first := firstRuneOf(s)
		if !(isWide(last) && isWide(first)) {
			w.t.write(" ")
		}
		w.space = false
	}
	w.t.write(s)
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func firstRuneOf(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// textOf returns the text content of n, white space collapsed.
func textOf(n *html.Node) string {
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

func (w *htmlWalker) walk(n *html.Node) {
	switch n.Type {
	case html.CommentNode:
		w.t.drop(DropHTMLComment, strings.TrimSpace(n.Data), "HTML comment removed")
		return
	case html.TextNode:
		w.text(n.Data)
		return
	case html.ElementNode:
		switch n.DataAtom {
		case atom.Head:
			if n.FirstChild == nil {
				return // a head the parser supplied: nothing removed
			}
			title := ""
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.DataAtom == atom.Title {
					title = textOf(c)
				}
			}
			w.t.drop(DropHTMLHead, title, "page head removed (title, metadata, scripts)")
			return
		case atom.Script, atom.Noscript, atom.Template:
			w.t.drop(DropHTMLScript, textOf(n), "<"+n.Data+"> removed")
			return
		case atom.Style:
			w.t.drop(DropHTMLStyle, textOf(n), "<style> removed")
			return
		case atom.Nav, atom.Header, atom.Footer, atom.Aside:
			w.block()
			w.t.drop(DropHTMLNav, textOf(n), "<"+n.Data+"> removed (navigation or page furniture)")
			return
		case atom.Form, atom.Iframe, atom.Object, atom.Svg, atom.Button, atom.Select, atom.Textarea, atom.Input, atom.Canvas, atom.Video, atom.Audio:
			w.t.drop(DropHTMLForm, textOf(n), "<"+n.Data+"> removed")
			return
		case atom.Br:
			w.t.lineBreak()
			w.space = false
			return
		case atom.Img:
			return // an image is not text (its alt text is a description)
		}
	}
	blk := n.Type == html.ElementNode && isHTMLBlock(n.DataAtom)
	heading := n.Type == html.ElementNode && isHTMLHeading(n.DataAtom)
	if blk {
		w.block()
	}
	if heading {
		w.t.heading = true
	}
	if n.DataAtom == atom.Pre {
		w.pre++
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
	if n.DataAtom == atom.Pre {
		w.pre--
	}
	if blk {
		w.block()
	}
}

func isHTMLHeading(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

func isHTMLBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Li, atom.Ul, atom.Ol,
		atom.Dl, atom.Dt, atom.Dd, atom.Table, atom.Tr, atom.Td, atom.Th, atom.Caption, atom.Thead, atom.Tbody,
		atom.Tfoot, atom.Blockquote, atom.Pre, atom.Section, atom.Article, atom.Main, atom.Figure,
		atom.Figcaption, atom.Address, atom.Hr, atom.Center, atom.Body, atom.Html, atom.Details, atom.Summary,
		atom.Fieldset, atom.Legend:
		return true
	}
	return false
}

// decodeWindows1252 decodes data as Windows-1252 (every byte maps).
func decodeWindows1252(data []byte) string {
	b, _ := charmap.Windows1252.NewDecoder().Bytes(data)
	return string(b)
}
