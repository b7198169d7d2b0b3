package tmx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bitextlab/zhen/align"
	"github.com/google/go-cmp/cmp"
)

// node is an element as parsed, for comparing units in meaning: names with
// their prefixes as written, attributes in order, text and comments.
type node struct {
	Name  string
	Attrs []string // name=value
	Kids  []any    // node, or string: text, "<!--comment-->", "<?target inst?>"
}

// tuNodes parses doc with encoding/xml alone and returns its <tu>
// elements. Namespace declarations are left out, and a TMX 1.1 lang
// attribute of a <tuv> is read as xml:lang (Merge writes it so).
func tuNodes(t testing.TB, doc []byte) []node {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(doc))
	d.CharsetReader = func(label string, in io.Reader) (io.Reader, error) { return in, nil }
	var out []node
	var stack []*node
	var path []string // element names above the current unit
	name := func(n xml.Name) string {
		if n.Space != "" {
			return n.Space + ":" + n.Local
		}
		return n.Local
	}
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("encoding/xml: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if len(stack) == 0 {
				if tok.Name.Local != "tu" || len(path) != 2 || path[1] != "body" {
					path = append(path, tok.Name.Local)
					continue
				}
			}
			stack = append(stack, &node{})
			n := stack[len(stack)-1]
			n.Name = name(tok.Name)
			for _, a := range tok.Attr {
				if a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns" {
					continue
				}
				an := name(a.Name)
				if tok.Name.Local == "tuv" && an == "lang" {
					an = "xml:lang"
				}
				n.Attrs = append(n.Attrs, an+"="+a.Value)
			}
		case xml.EndElement:
			if len(stack) == 0 {
				if len(path) > 0 {
					path = path[:len(path)-1]
				}
				continue
			}
			n := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if len(stack) == 0 {
				out = append(out, *n)
			} else {
				p := stack[len(stack)-1]
				p.Kids = append(p.Kids, *n)
			}
		case xml.CharData:
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				if k := len(p.Kids); k > 0 {
					if s, ok := p.Kids[k-1].(string); ok {
						p.Kids[k-1] = s + string(tok)
						continue
					}
				}
				p.Kids = append(p.Kids, string(tok))
			}
		case xml.Comment:
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.Kids = append(p.Kids, "<!--"+string(tok)+"-->")
			}
		case xml.ProcInst:
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.Kids = append(p.Kids, "<?"+tok.Target+" "+string(tok.Inst)+"?>")
			}
		}
	}
}

// withoutInherited drops from the attributes of a merged <tu> those that
// Merge adds from the old header (listed in added).
func withoutInherited(n node, added []string) node {
	n.Attrs = slices.DeleteFunc(slices.Clone(n.Attrs), func(a string) bool { return slices.Contains(added, a) })
	return n
}

func mergeFile(t *testing.T, w *Writer, name string) {
	t.Helper()
	f, err := os.Open(testdata("in/" + name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := w.Merge(f); err != nil {
		t.Fatalf("Merge(%s): %v", name, err)
	}
}

// TestMergeKeepsOldMemory: every unit of the old memory survives a merge
// in meaning (attributes, props, notes, inline codes, comments, language
// tags, text byte for byte), whatever its languages; exact duplicates and
// units OmegaT would reject are counted; new pairs already in the memory
// are skipped.
func TestMergeKeepsOldMemory(t *testing.T) {
	old, err := os.ReadFile(testdata("in/merge-old.tmx"))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	w := NewWriter(&buf, Header{CreationDate: goldenDate, CreationToolVersion: "test"})
	mergeFile(t, w, "merge-old.tmx")
	for _, p := range []align.Pair{{ZH: "四。", EN: "Four."}, {ZH: "五。", EN: "Five."}, {ZH: "六。", EN: "Six.", State: align.StateConfirmed, Confidence: 0.4}} {
		if err := w.Write(p); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	want := Stats{Pairs: 3, Written: 8, Duplicates: 2, Merged: 7, MergeOther: 2, MergeDuplicates: 1, MergeSkipped: 2,
		MergeSkips: []Skip{
			{File: 1, Line: 24, What: "tu", Reason: "no <tuv>"},
			{File: 1, Line: 25, What: "tu", Reason: "a <tuv> without xml:lang (OmegaT rejects the whole file over one)"},
		}}
	if diff := cmp.Diff(want, w.Stats()); diff != "" {
		t.Errorf("Stats() mismatch (-want +got):\n%s", diff)
	}
	doc := buf.Bytes()

	oldTUs := tuNodes(t, old)
	var keep []node // the units that must survive, in order
	for i, n := range oldTUs {
		if i == 5 || i == 7 || i == 8 { // the duplicate of tuid 20, no tuv, no language
			continue
		}
		keep = append(keep, n)
	}
	got := tuNodes(t, doc)
	if len(got) != len(keep)+1 {
		t.Fatalf("got %d units, want %d merged + 1 new:\n%s", len(got), len(keep), doc)
	}
	inherited := []string{"srclang=zh-TW", "datatype=xml", "o-tmf=SDL TM8", "creationtool=Trados Studio", "creationtoolversion=17.0"}
	for i, n := range keep {
		g := got[i]
		for _, a := range inherited {
			name, _, _ := strings.Cut(a, "=")
			own := slices.ContainsFunc(n.Attrs, func(s string) bool { return strings.HasPrefix(s, name+"=") })
			if !own && !slices.Contains(g.Attrs, a) {
				t.Errorf("unit %d: inherited %s missing: %v", i, a, g.Attrs)
			}
		}
		if diff := cmp.Diff(n, withoutInherited(g, inherited)); diff != "" {
			t.Errorf("unit %d (tuid %v) changed (-old +merged):\n%s", i, n.Attrs, diff)
		}
	}
	// The header's props and notes are carried over.
	h, tus, err := ReadAll(bytes.NewReader(doc))
	if err != nil {
		t.Fatalf("ReadAll(merged): %v", err)
	}
	if diff := cmp.Diff([]Prop{{"x-client", "Press office"}}, h.Props); diff != "" {
		t.Errorf("header props (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"Reviewed in 2019."}, h.Notes); diff != "" {
		t.Errorf("header notes (-want +got):\n%s", diff)
	}
	last := tus[len(tus)-1]
	if s, _ := last.Prop("x-state"); s != "confirmed" {
		t.Errorf("new confirmed pair: x-state %q, props %v", s, last.Props)
	}
	if c, _ := last.Prop("x-confidence"); c != "1" {
		t.Errorf("confirmed pair: x-confidence %q, want 1", c)
	}
	for _, s := range []string{`xml:lang="zh-TW"`, `xml:lang="en-GB"`, `xml:lang="ja-JP"`, `xml:lang="fr-FR"`, `x:flag="on"`, `xmlns:x="urn:example:vendor"`} {
		if !bytes.Contains(doc, []byte(s)) {
			t.Errorf("merged output lacks %s", s)
		}
	}
}

// TestMergeTwice: merging the output of a merge again changes nothing
// (the merge is idempotent on its own output), and a second file's
// header props are counted, not silently lost.
func TestMergeTwice(t *testing.T) {
	var first bytes.Buffer
	w := NewWriter(&first, Header{CreationDate: goldenDate, CreationToolVersion: "test"})
	mergeFile(t, w, "merge-old.tmx")
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	var second bytes.Buffer
	w2 := NewWriter(&second, Header{CreationDate: goldenDate, CreationToolVersion: "test"})
	if err := w2.Merge(bytes.NewReader(first.Bytes())); err != nil {
		t.Fatal(err)
	}
	if err := w2.Close(); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(first.String(), second.String()); diff != "" {
		t.Errorf("merging a merged file changed it (-first +second):\n%s", diff)
	}

	var both bytes.Buffer
	w3 := NewWriter(&both, Header{})
	mergeFile(t, w3, "merge-old.tmx")
	mergeFile(t, w3, "merge-old.tmx")
	w3.Close()
	st := w3.Stats()
	if st.Merged != 7 || st.MergeDuplicates != 1+8 || st.MergeSkipped != 4 {
		t.Errorf("the same file twice: %+v, want 7 merged, 9 duplicates, 4 skipped", st)
	}
	if !slices.ContainsFunc(st.MergeSkips, func(s Skip) bool { return s.File == 2 && s.What == "header" }) {
		t.Errorf("second header's props not reported: %+v", st.MergeSkips)
	}
}

// TestMergeKeepDuplicates: with KeepDuplicates, identical merged units are
// all kept; new pairs equal to a merged unit are still skipped.
func TestMergeKeepDuplicates(t *testing.T) {
	var buf bytes.Buffer
	w := NewWriter(&buf, Header{})
	w.KeepDuplicates = true
	mergeFile(t, w, "merge-old.tmx")
	w.Write(align.Pair{ZH: "四。", EN: "Four."})
	w.Write(align.Pair{ZH: "七。", EN: "Seven."})
	w.Write(align.Pair{ZH: "七。", EN: "Seven."})
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	st := w.Stats()
	if st.Merged != 8 || st.MergeDuplicates != 0 || st.Duplicates != 1 || st.Written != 10 {
		t.Errorf("Stats() = %+v, want 8 merged, 1 duplicate pair, 10 written", st)
	}
}

// TestMergeEnglishSource: an English-source Writer matches the merged
// units with the English variant as source.
func TestMergeEnglishSource(t *testing.T) {
	var buf bytes.Buffer
	w := NewWriter(&buf, Header{SrcLang: "en-GB", TgtLang: "zh-TW"})
	mergeFile(t, w, "merge-old.tmx")
	w.Write(align.Pair{ZH: "五。", EN: "Five."})
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if st := w.Stats(); st.Duplicates != 1 {
		t.Errorf("Stats() = %+v, want the pair found in the merged memory", st)
	}
	if !bytes.Contains(buf.Bytes(), []byte(`<tu tuid="17" creationdate="20190301T101500Z" creationid="MEI" changedate="20200102T030405Z" changeid="JOHN" usagecount="4" lastusagedate="20200110T000000Z" xmlns:x="urn:example:vendor" srclang="zh-TW"`)) {
		t.Errorf("tu 17 not written as expected:\n%s", buf.Bytes())
	}
}

// utf16 encodes s (valid UTF-8) as UTF-16 with a byte order mark, and then
// replaces the code unit of the first "@" by u.
func utf16Doc(s string, big bool, u uint16) []byte {
	var b []byte
	put := func(c uint16) {
		if big {
			b = append(b, byte(c>>8), byte(c))
		} else {
			b = append(b, byte(c), byte(c>>8))
		}
	}
	put(0xFEFF)
	replaced := false
	for _, r := range s {
		switch {
		case r == '@' && !replaced:
			put(u)
			replaced = true
		case r >= 0x10000:
			r -= 0x10000
			put(uint16(0xD800 + r>>10))
			put(uint16(0xDC00 + r&0x3FF))
		default:
			put(uint16(r))
		}
	}
	return b
}

func TestReaderUTF16Strict(t *testing.T) {
	doc := "<tmx version=\"1.4\"><header srclang=\"zh-CN\"/><body>\n<tu><tuv xml:lang=\"zh-CN\"><seg>中文𠀋@</seg></tuv></tu></body></tmx>"
	tests := []struct {
		name string
		in   []byte
		want string // "" for no error
	}{
		{"valid LE", utf16Doc(doc, false, '!'), ""},
		{"valid BE", utf16Doc(doc, true, '!'), ""},
		{"lone high surrogate LE", utf16Doc(doc, false, 0xD800), "tmx: line 2 (byte 92): invalid UTF-16: unpaired high surrogate 0xd800 (byte 174 of the file)"},
		{"lone low surrogate BE", utf16Doc(doc, true, 0xDC00), "tmx: line 2 (byte 92): invalid UTF-16: unpaired low surrogate 0xdc00 (byte 174 of the file)"},
		{"odd length", append(utf16Doc(doc, false, '!'), 'x'), "odd number of bytes"},
		{"high surrogate at the end", utf16Doc("<tmx/>@", false, 0xD801), "unpaired high surrogate 0xd801 at the end"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, tus, err := ReadAll(bytes.NewReader(tt.in))
			if tt.want == "" {
				if err != nil || len(tus) != 1 || tus[0].Variants[0].Text != "中文𠀋!" {
					t.Fatalf("ReadAll = %+v, %v", tus, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("ReadAll error = %v, want %q", err, tt.want)
			}
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Errorf("%v is not a *SyntaxError", err)
			}
		})
	}
}

// endless is an io.Reader of n bytes of c, then more of c forever if n < 0.
type endless struct {
	c    byte
	n    int64
	read int64
}

func (e *endless) Read(p []byte) (int, error) {
	if e.n >= 0 && e.read >= e.n {
		return 0, io.EOF
	}
	for i := range p {
		p[i] = e.c
	}
	e.read += int64(len(p))
	return len(p), nil
}

// TestReaderRefusesNonXML: /dev/zero, binary data and text that is not
// XML end with an error at once, after reading a few KB at most.
func TestReaderRefusesNonXML(t *testing.T) {
	tests := []struct {
		name string
		in   io.Reader
		want string
	}{
		{"/dev/zero", &endless{c: 0, n: -1}, "tmx: merge: line 1 (byte 0): not an XML document: it must begin with '<', this one begins with a NUL byte: binary data"},
		{"text", strings.NewReader("\n  hello <tmx/>"), `tmx: merge: line 2 (byte 3): not an XML document: it must begin with '<', this one begins with "hello <t"`},
		{"white space only", &endless{c: ' ', n: -1}, "no '<' in the first 4096 bytes"},
		{"NUL after the root", io.MultiReader(strings.NewReader("<tmx>"), &endless{c: 0, n: -1}), "tmx: merge: line 1 (byte 5): NUL byte (U+0000): binary data, not XML"},
		{"control character", strings.NewReader("<tmx><body>\n<!-- \x1b[31m -->"), "tmx: merge: line 2 (byte 17): control character U+001B, which XML 1.0 does not allow"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var w bytes.Buffer
			tw := NewWriter(&w, Header{})
			err := tw.Merge(tt.in)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Merge error = %v, want %q", err, tt.want)
			}
			if e, ok := tt.in.(*endless); ok && e.read > 1<<20 {
				t.Errorf("read %d bytes before refusing", e.read)
			}
		})
	}
}

// TestReaderTokenLimit: one token larger than the limit is an error, not
// a memory blow-up (the limit is lowered for the test).
func TestReaderTokenLimit(t *testing.T) {
	in := io.MultiReader(strings.NewReader("<tmx><body><!--"), &endless{c: 'a', n: -1})
	r := NewReader(in)
	r.guard.maxToken = 1 << 20
	_, err := r.Next()
	if err == nil || !strings.Contains(err.Error(), "larger than 1048576 bytes (MaxTokenSize)") || !strings.HasPrefix(err.Error(), "tmx: line 1") {
		t.Fatalf("Next() = %v, want the token limit", err)
	}
	r = NewReader(strings.NewReader("<tmx><body>" + strings.Repeat("<tu/>", 1000) + "</body></tmx>"))
	r.guard.maxTotal = 2000
	for {
		if _, err = r.Next(); err != nil {
			break
		}
	}
	if err == io.EOF || !strings.Contains(err.Error(), "(MaxSize)") {
		t.Fatalf("Next() = %v, want the size limit", err)
	}
}

// TestReaderRefusesEntities: no external entity is fetched and no internal
// entity expanded (billion laughs, XXE): both are errors.
func TestReaderRefusesEntities(t *testing.T) {
	tests := []struct{ name, doc string }{
		{"billion laughs", `<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><tmx><body><tu><tuv xml:lang="en"><seg>&c;</seg></tuv></tu></body></tmx>`},
		{"XXE", `<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY x SYSTEM "file:///etc/passwd">]><tmx><body><tu><tuv xml:lang="en"><seg>&x;</seg></tuv></tu></body></tmx>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			w := NewWriter(&buf, Header{})
			err := w.Merge(strings.NewReader(tt.doc))
			if err == nil || !strings.Contains(err.Error(), "invalid character entity") {
				t.Fatalf("Merge = %v, want an undeclared entity error", err)
			}
			if bytes.Contains(buf.Bytes(), []byte("root:")) {
				t.Errorf("output leaks a file")
			}
		})
	}
}

// FuzzMerge: any document the Reader accepts merges into a TMX that the
// Reader reads back, with every unit counted once (merged, duplicate or
// skipped with a reason). For UTF-8 input, every unit also survives in
// meaning, in order, as encoding/xml parses it: element names and
// prefixes, attributes (the header defaults Merge adds come after the
// unit's own), text and comments byte for byte; a unit left out is a
// duplicate of one kept before it, or one Merge refuses.
func FuzzMerge(f *testing.F) {
	for _, name := range []string{"merge-old.tmx", "omegat.tmx", "okapi.tmx", "translate-toolkit.tmx", "tmx11-latin1.tmx", "utf16le-bom.tmx"} {
		if b, err := os.ReadFile(testdata("in/" + name)); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`<tmx xmlns="urn:tmx"><header srclang="en"><prop type="a">b</prop></header><body><tu a="&quot;&#9;"><tuv lang="zh"><seg><![CDATA[<b>]]>x&#xD;</seg></tuv></tu><tu a="&quot;&#9;"><tuv lang="zh"><seg><![CDATA[<b>]]>x&#xD;</seg></tuv></tu></body></tmx>`))
	f.Add([]byte(`<tmx xmlns:p="urn:p"><body><p:tu/><tu p:x="1" srclang="en"><?pi x?><tuv xml:lang="en"><p:y/><seg/></tuv></tu><x><tu/></x></body></tmx>`))
	f.Fuzz(func(t *testing.T, in []byte) {
		fh, tus, err := ReadAll(bytes.NewReader(in))
		if err != nil {
			return
		}
		var buf bytes.Buffer
		w := NewWriter(&buf, Header{CreationDate: goldenDate})
		if err := w.Merge(bytes.NewReader(in)); err != nil {
			t.Fatalf("Merge of a document ReadAll accepts: %v", err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		st := w.Stats()
		if st.Merged+st.MergeDuplicates+st.MergeSkipped != len(tus) {
			t.Fatalf("%d units read, stats %+v", len(tus), st)
		}
		out := buf.Bytes()
		_, got, err := ReadAll(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("ReadAll(merged): %v\n%s", err, out)
		}
		if len(got) != st.Merged {
			t.Fatalf("read %d units back, %d merged", len(got), st.Merged)
		}
		lower := bytes.ToLower(in)
		if !utf8.Valid(in) || bytes.IndexByte(in, 0) >= 0 || bytes.Contains(lower, []byte("encoding")) && !bytes.Contains(lower, []byte("utf-8")) {
			return // tuNodes reads UTF-8 only (NUL bytes: UTF-16 without a BOM)
		}
		oldNodes := tuNodes(t, in)
		if len(oldNodes) != len(tus) {
			t.Fatalf("encoding/xml sees %d units, the Reader %d", len(oldNodes), len(tus))
		}
		var inherit []string
		for _, a := range w.inherited(fh) {
			inherit = append(inherit, a.Name.Local+"="+a.Value)
		}
		gotNodes := tuNodes(t, out)
		var kept []node // old units as they must read in the output
		k, dups := 0, 0
		for i, n := range oldNodes {
			if unusable(tus[i]) != "" {
				continue
			}
			want := n
			want.Attrs = slices.Clone(n.Attrs)
			for _, a := range inherit {
				name, _, _ := strings.Cut(a, "=")
				if !slices.ContainsFunc(n.Attrs, func(s string) bool { return strings.HasPrefix(s, name+"=") }) {
					want.Attrs = append(want.Attrs, a)
				}
			}
			if k < len(gotNodes) && cmp.Equal(want, gotNodes[k]) {
				kept = append(kept, want)
				k++
				continue
			}
			if !slices.ContainsFunc(kept, func(p node) bool { return cmp.Equal(p, want) }) {
				if k < len(gotNodes) {
					t.Fatalf("unit %d lost or changed (-old +merged):\n%s", i, cmp.Diff(want, gotNodes[k]))
				}
				t.Fatalf("unit %d lost: %+v", i, want)
			}
			dups++
		}
		if k != len(gotNodes) || dups != st.MergeDuplicates {
			t.Fatalf("matched %d of %d merged units, %d duplicates (stats %+v)", k, len(gotNodes), dups, st)
		}
	})
}

// TestOmegaTLoadsMergedTMX: OmegaT loads a TMX that holds a merged old
// memory (zh-TW, en-GB, fr-FR and ja-JP variants, vendor attributes,
// inline codes, header props) without rejecting it, and applies the new
// pairs written after it.
func TestOmegaTLoadsMergedTMX(t *testing.T) {
	var buf bytes.Buffer
	w := NewWriter(&buf, Header{})
	mergeFile(t, w, "merge-old.tmx")
	var src, want []string
	for _, p := range seedPairs() {
		if p.Type != "1-1" || strings.ContainsAny(p.ZH, "\n") {
			continue
		}
		before := w.Stats().Written
		if err := w.Write(p); err != nil {
			t.Fatal(err)
		}
		if w.Stats().Written > before {
			src = append(src, expectText(p.ZH))
			want = append(want, expectText(p.EN))
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	res := omegaT{Source: strings.Join(src, "\n\n") + "\n", TMX: buf.Bytes(), SrcLang: "zh-CN", TgtLang: "en-US"}.run(t)
	checkLoaded(t, res)
	got := strings.Split(strings.TrimSuffix(res.Target, "\n"), "\n\n")
	if diff := cmpDiffLong(want, got); diff != "" {
		t.Errorf("OmegaT target mismatch (-want +got):\n%s", diff)
	}
	if res.Remaining != 0 {
		t.Errorf("OmegaT left %d of %d segments untranslated", res.Remaining, res.Total)
	}
}

// TestMergeTMX11: a TMX 1.1 unit's lang attribute is written xml:lang, so
// that the merged file is TMX 1.4 (OmegaT rejects a <tuv> without
// xml:lang); everything else of the unit stays.
func TestMergeTMX11(t *testing.T) {
	old := `<tmx version="1.1"><header srclang="EN" segtype="sentence"/><body>
<tu tuid="a"><tuv lang="EN" x="1"><seg>One.</seg></tuv><tuv lang="ZH-CN"><seg>一。</seg></tuv></tu>
</body></tmx>`
	var buf bytes.Buffer
	w := NewWriter(&buf, Header{})
	if err := w.Merge(strings.NewReader(old)); err != nil {
		t.Fatal(err)
	}
	w.Close()
	want := `    <tu tuid="a" srclang="EN"><tuv xml:lang="EN" x="1"><seg>One.</seg></tuv><tuv xml:lang="ZH-CN"><seg>一。</seg></tuv></tu>` + "\n"
	if !strings.Contains(buf.String(), want) {
		t.Errorf("merged TMX 1.1 unit not as expected; got:\n%s\nwant a line:\n%s", buf.String(), want)
	}
}

// TestMergeReport: the report lists each unit not copied, up to a limit,
// and counts the rest.
func TestMergeReport(t *testing.T) {
	var doc strings.Builder
	doc.WriteString("<tmx><body>\n")
	for i := 0; i < 150; i++ {
		doc.WriteString("<tu/>\n")
	}
	doc.WriteString("</body></tmx>")
	var buf bytes.Buffer
	w := NewWriter(&buf, Header{})
	if err := w.Merge(strings.NewReader(doc.String())); err != nil {
		t.Fatal(err)
	}
	w.Close()
	st := w.Stats()
	rep := st.MergeReport()
	lines := strings.Split(strings.TrimSuffix(rep, "\n"), "\n")
	if st.MergeSkipped != 150 || len(st.MergeSkips) != 100 || len(lines) != 102 {
		t.Fatalf("%d skipped, %d listed, %d report lines:\n%s", st.MergeSkipped, len(st.MergeSkips), len(lines), rep)
	}
	if lines[0] != "merge: 150 units read, 0 kept as they were, 150 not copied" ||
		lines[1] != "merge: file 1, line 2: unit not copied: no <tuv>" ||
		lines[101] != "merge: and 50 more units not copied (the list stops at 100)" {
		t.Errorf("report:\n%s", rep)
	}
	if (Stats{}).MergeReport() != "" {
		t.Errorf("empty stats give a report")
	}
}

// TestReaderUTF16NUL: a UTF-16 file of NUL characters (such as a BOM and
// then /dev/zero) ends with an error at the first one.
func TestReaderUTF16NUL(t *testing.T) {
	in := io.MultiReader(bytes.NewReader([]byte{0xFF, 0xFE, '<', 0}), &endless{c: 0, n: -1})
	_, _, err := ReadAll(in)
	if err == nil || err.Error() != "tmx: line 1 (byte 1): NUL character: binary data, not XML (byte 4 of the file)" {
		t.Fatalf("ReadAll = %v", err)
	}
}
