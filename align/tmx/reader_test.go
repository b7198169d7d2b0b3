package tmx

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestReaderFormats(t *testing.T) {
	sdl := FileHeader{Version: "1.4", CreationTool: "SDL Language Platform", CreationToolVersion: "8.1", SegType: "sentence",
		OTMF: "SDL TM8 Format", AdminLang: "en-US", SrcLang: "zh-CN", DataType: "xml"}
	sdlTU := []TU{{Line: 5, Variants: []Variant{
		{Lang: "zh-CN", Text: "中共中央对外联络部"},
		{Lang: "en-US", Text: "International Department of the Central Committee of the CPC"}}}}
	tests := []struct {
		name string
		file string
		hdr  FileHeader
		tus  []TU
	}{
		{
			name: "OmegaT project_save with alternative translation and inline codes",
			file: "omegat.tmx",
			hdr: FileHeader{Version: "1.4", CreationTool: "OmegaT", CreationToolVersion: "3.6.0_0", SegType: "sentence",
				OTMF: "OmegaT TMX", AdminLang: "EN-US", SrcLang: "zh-CN", DataType: "plaintext"},
			tus: []TU{
				{Line: 7, Variants: []Variant{
					{Lang: "zh-CN", Text: "深刻把握历史方位，明确新时代党的对外工作的时代背景。"},
					{Lang: "en-US", Text: "Based on a keen understanding of the historical context, these expositions establish a clear definition of the background."}}},
				{Line: 16, Props: []Prop{{"file", "x.utf8"}, {"prev", "上一句。"}}, Variants: []Variant{
					{Lang: "zh-CN", Text: "同时，中国日益走近世界舞台中央。", Codes: 2},
					{Lang: "en-US", Text: "China is moving ever closer to the centre of the world stage."}}},
			},
		},
		{
			name: "Okapi with bpt/ept/ph codes and props",
			file: "okapi.tmx",
			hdr: FileHeader{Version: "1.4", CreationTool: "okapi", CreationToolVersion: "1.44.0", SegType: "sentence",
				OTMF: "unknown", AdminLang: "en", SrcLang: "en-us", DataType: "x-undefined"},
			tus: []TU{{Line: 3, TUID: "APCCalibrateTimeoutAction1_s0",
				Props: []Prop{{"Txt::FileName", "press.html"}, {"Txt::GroupName", "APCCalibrateTimeoutAction1"}},
				Variants: []Variant{
					{Lang: "en-us", Text: "Press Start & waithere.", Codes: 3},
					{Lang: "zh-cn", Text: "按开始并等待这里。", Codes: 3}}}},
		},
		{
			name: "translate-toolkit with note, hi and sub",
			file: "translate-toolkit.tmx",
			hdr: FileHeader{Version: "1.4", CreationTool: "Translate Toolkit", CreationToolVersion: "3.12.2", SegType: "sentence",
				OTMF: "UTF-8", AdminLang: "en", SrcLang: "en", DataType: "PlainText"},
			tus: []TU{
				{Line: 2, Notes: []string{"from the press kit"}, Variants: []Variant{
					{Lang: "en", Text: "Material for the press conference"}, {Lang: "zh", Text: "新闻发布会材料"}}},
				{Line: 2, Variants: []Variant{
					{Lang: "en", Text: "A footnote with emphasis and a note.", Codes: 2},
					{Lang: "zh", Text: "脚注强调", Codes: 1}}},
			},
		},
		{
			name: "TMX 1.1 from XML::TMX, lang attribute, ISO-8859-1, ut codes",
			file: "tmx11-latin1.tmx",
			hdr: FileHeader{Version: "1.1", CreationTool: "XML::TMX", CreationToolVersion: "0.36", SegType: "sentence",
				OTMF: "plain text", AdminLang: "en", SrcLang: "EN", DataType: "plaintext", Props: []Prop{{"x-corpus", "europarl"}}},
			tus: []TU{{Line: 7, Variants: []Variant{
				{Lang: "EN", Text: "café & crème"}, {Lang: "FR", Text: "Kaffee und Sahne", Codes: 2}}}},
		},
		{name: "UTF-16LE with BOM", file: "utf16le-bom.tmx", hdr: sdl, tus: sdlTU},
		{name: "UTF-16BE with BOM", file: "utf16be-bom.tmx", hdr: sdl, tus: sdlTU},
		{name: "UTF-8 with BOM", file: "utf8-bom.tmx", hdr: sdl, tus: sdlTU},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := os.Open(filepath.Join("..", "..", "testdata", "tmx", "in", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			hdr, tus, err := ReadAll(f)
			if err != nil {
				t.Fatalf("ReadAll(%s): %v", tt.file, err)
			}
			if diff := cmp.Diff(tt.hdr, hdr); diff != "" {
				t.Errorf("header mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.tus, tus); diff != "" {
				t.Errorf("TUs mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReaderUTF16NoBOM(t *testing.T) {
	doc := `<?xml version="1.0" encoding="UTF-16"?><tmx version="1.4"><header srclang="zh-CN"/><body><tu><tuv xml:lang="zh-CN"><seg>中文</seg></tuv></tu></body></tmx>`
	for _, le := range []bool{true, false} {
		b := make([]byte, 0, 2*len(doc))
		for _, r := range doc { // BMP only
			if le {
				b = append(b, byte(r), byte(r>>8))
			} else {
				b = append(b, byte(r>>8), byte(r))
			}
		}
		_, tus, err := ReadAll(strings.NewReader(string(b)))
		if err != nil {
			t.Fatalf("little endian %v: %v", le, err)
		}
		if len(tus) != 1 || tus[0].Variants[0].Text != "中文" {
			t.Errorf("little endian %v: got %+v", le, tus)
		}
	}
}

func TestReaderErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // substring of the error
	}{
		{"empty", "", "tmx: line 1 (byte 0): no <tmx> element"},
		{"not tmx", "<xliff/>", "root element is <xliff>"},
		{"text before", "junk<tmx/>", `line 1 (byte 0): not an XML document: it must begin with '<', this one begins with "junk<tmx"`},
		{"text before, after a comment", "<!-- x -->junk<tmx/>", "text before the <tmx> element"},
		{"unclosed", "<tmx version=\"1.4\"><header/>\n<body>\n<tu><tuv xml:lang=\"en\"><seg>x</seg>", "tmx: line 3"},
		{"mismatched", "<tmx><body>\n\n<tu></tuv></body></tmx>", "tmx: line 3"},
		{"bad entity", "<tmx><body><tu><tuv xml:lang=\"en\"><seg>&nbsp;</seg></tuv></tu></body></tmx>", "invalid character entity &nbsp;"},
		{"control char", "<tmx><body>\n<tu><tuv xml:lang=\"en\"><seg>a\x01b</seg></tuv></tu></body></tmx>", "tmx: line 2"},
		{"after root", "<tmx><body></body></tmx><tmx/>", "element <tmx> after </tmx>"},
		{"text after root", "<tmx><body></body></tmx>x", "text after </tmx>"},
		{"unknown encoding", `<?xml version="1.0" encoding="klingon"?><tmx/>`, `unknown encoding "klingon"`},
		{"utf-16 declared, utf-8 bytes", `<?xml version="1.0" encoding="UTF-16"?><tmx/>`, "no UTF-16 byte order mark"},
		{"xml 1.1", `<?xml version="1.1"?><tmx/>`, `unsupported version "1.1"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := ReadAll(strings.NewReader(tt.in))
			if err == nil {
				t.Fatalf("ReadAll(%+q) = nil error, want %q", tt.in, tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "tmx: ") {
				t.Errorf("ReadAll(%+q) error = %q, want it to contain %q", tt.in, err, tt.want)
			}
			if msg := err.Error(); strings.Count(msg, "tmx: ") != 1 || strings.Contains(msg, "xml: ") {
				t.Errorf("ReadAll(%+q) error = %q, want one package prefix", tt.in, err)
			}
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Errorf("error %v is not a *SyntaxError", err)
			}
		})
	}
}

func TestReaderEmpty(t *testing.T) {
	tests := []struct{ name, doc string }{
		{"empty body", `<tmx version="1.4"><header srclang="en"/><body/></tmx>`},
		{"no body", `<tmx version="1.4"><header srclang="en"/></tmx>`},
		{"trailing comment", "<tmx version=\"1.4\"><header srclang=\"en\"/><body>\n</body></tmx>\n<!-- end -->\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewReader(strings.NewReader(tt.doc))
			for i := 0; i < 3; i++ {
				if _, err := r.Next(); err != io.EOF {
					t.Fatalf("Next() #%d = %v, want io.EOF", i, err)
				}
				if h, err := r.Header(); err != nil || h.SrcLang != "en" {
					t.Fatalf("Header() = %+v, %v after the end", h, err)
				}
			}
		})
	}
}

func TestVariantLookup(t *testing.T) {
	tu := TU{Variants: []Variant{{Lang: "ZH_cn", Text: "中"}, {Lang: "en-GB", Text: "e"}}}
	tests := []struct {
		name, lang, want string
		ok               bool
	}{
		{"zh-CN matches ZH_cn", "zh-CN", "中", true},
		{"zh matches", "zh", "中", true},
		{"en-US matches en-GB", "en-US", "e", true},
		{"fr missing", "fr", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, ok := tu.Variant(tt.lang)
			if ok != tt.ok || v.Text != tt.want {
				t.Errorf("Variant(%q) = %q, %v; want %q, %v", tt.lang, v.Text, ok, tt.want, tt.ok)
			}
		})
	}
}

func FuzzReader(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "tmx", "in", "*.tmx"))
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("<tmx><body><tu><tuv lang=\"x\"><seg><hi><sub>a</sub></hi></seg></tuv></tu></body></tmx>"))
	f.Add([]byte("<tmx><body>\n<tu><tuv lang=\"x\"><seg>中\xe4\xb8</seg></tuv></tu>\n<!-- \xff --></body></tmx>"))
	f.Add([]byte("\xef\xbb\xbf<tmx>\n<body \xc0\xaf></body></tmx>"))
	f.Fuzz(func(t *testing.T, b []byte) {
		r := NewReader(strings.NewReader(string(b)))
		for i := 0; i < 100000; i++ {
			_, err := r.Next()
			if err != nil {
				if err != io.EOF && !strings.HasPrefix(err.Error(), "tmx: ") {
					t.Fatalf("error without prefix: %v", err)
				}
				checkUTF8Error(t, b, err)
				return
			}
		}
	})
}

// checkUTF8Error checks that an invalid UTF-8 error names the line and
// offset of the first invalid sequence of in (after a UTF-8 byte order
// mark).
func checkUTF8Error(t *testing.T, in []byte, err error) {
	var se *SyntaxError
	if !errors.As(err, &se) || !strings.HasPrefix(se.Msg, "invalid UTF-8") {
		return
	}
	data := bytes.TrimPrefix(in, []byte{0xEF, 0xBB, 0xBF})
	off, line := firstInvalid(data)
	if se.Offset != off || se.Line != line {
		t.Fatalf("%v: the first invalid UTF-8 is at line %d, byte %d", err, line, off)
	}
}
