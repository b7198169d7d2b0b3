package segment

import (
	"testing"
)

// FuzzHTML feeds arbitrary bytes to the web page reader through
// DecodeFile: no panic, and the text is never longer than the page's
// decoded form plus one line end per byte (blocks and <br>).
func FuzzHTML(f *testing.F) {
	f.Add([]byte("<!DOCTYPE html><html><head><title>t</title></head><body><p>你好。<br>Hi.</p></body></html>"))
	f.Add([]byte(`<html><meta charset="gbk"><p>` + "\xc4\xe3\xba\xc3" + `</p><table><tr><td>a<td>b</table>`))
	f.Add([]byte("<html><body><nav>x</nav><script>y</script><!-- c --><pre>a\n b</pre></body></html>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		s := Segmenter{ReplaceInvalid: true, MaxBytes: 1 << 16}
		page := append([]byte("<!DOCTYPE html>"), data...)
		text, _, err := s.DecodeFile("f.html", page)
		if err == nil && len(text) > 4*len(page)+16 {
			t.Errorf("DecodeFile(%d-byte page) = %d bytes of text", len(page), len(text))
		}
	})
}

// FuzzDocx builds a Word document around arbitrary body XML and reads it:
// no panic, and the text is never longer than the XML.
func FuzzDocx(f *testing.F) {
	f.Add(`<w:p><w:r><w:t>你好。</w:t></w:r></w:p>`)
	f.Add(`<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>T</w:t><w:br/><w:tab/></w:r></w:p><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>`)
	f.Add(`<w:p><w:del><w:r><w:delText>x</w:delText></w:r></w:del><w:r><w:fldChar w:fldCharType="begin"/><w:instrText>PAGE</w:instrText></w:r></w:p>`)
	f.Fuzz(func(t *testing.T, body string) {
		if len(body) > 1<<14 {
			return
		}
		data := makeDocx(t, body)
		var s Segmenter
		text, _, err := s.DecodeFile("f.docx", data)
		if err == nil && len(text) > 2*len(body)+16 {
			t.Errorf("DecodeFile(docx of %d bytes of XML) = %d bytes of text", len(body), len(text))
		}
	})
}
