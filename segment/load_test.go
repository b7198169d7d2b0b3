package segment

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// srxDoc is a small SRX file: one Chinese rule set mapped by maps.
func srxDoc(decl, maps string) string {
	return decl + `<srx xmlns="http://www.lisa.org/srx20" version="2.0">
<header cascade="no"/>
<body>
<languagerules>
<languagerule languagerulename="中文">
<rule break="yes"><beforebreak>[。！？]</beforebreak><afterbreak></afterbreak></rule>
</languagerule>
</languagerules>
<maprules>` + maps + `</maprules>
</body>
</srx>
`
}

func TestLoadRules(t *testing.T) {
	dir := t.TempDir()
	srx := filepath.Join(dir, "zh.srx")
	if err := os.WriteFile(srx, []byte(srxDoc(`<?xml version="1.0" encoding="UTF-8"?>`+"\n", `<languagemap languagepattern="zh.*" languagerulename="中文"/>`)), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		arg      string
		wantName string
		wantRep  bool
		wantErr  string
	}{
		{"default", "default", "zhen-default", false, ""},
		{"default, any case", "Default", "zhen-default", false, ""},
		{"omegat", "omegat", "omegat-3.6", false, ""},
		{"SRX file", srx, srx, true, ""},
		{"unknown name", "trados", "", false, `segment: rules "trados": not a rule set name (default, omegat) and no such file (an SRX 2.0 file exported by OmegaT, Trados or Okapi)`},
		{"directory", dir, "", false, "a directory, not a rule set name (default, omegat) or an SRX file"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, rep, err := LoadRules(tc.arg)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("LoadRules(%q) error = %v, want %q", tc.arg, err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("LoadRules(%q) error = %v", tc.arg, err)
			}
			if r.Name() != tc.wantName || (rep != nil) != tc.wantRep {
				t.Errorf("LoadRules(%q) = %q, report %v; want %q, report %v", tc.arg, r.Name(), rep != nil, tc.wantName, tc.wantRep)
			}
		})
	}
}

func TestLoadRulesTooLarge(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	_, _, err := LoadRules("/dev/zero")
	if err == nil || !strings.Contains(err.Error(), "more than 16 MiB: too large for an SRX file") {
		t.Errorf("LoadRules(/dev/zero) error = %v, want a size limit", err)
	}
}

func TestLoadSRXNil(t *testing.T) {
	_, _, err := LoadSRX(nil, "x.srx")
	if err == nil || err.Error() != "segment: x.srx: srx: no input (nil reader)" {
		t.Errorf("LoadSRX(nil) error = %v", err)
	}
}

func TestLoadSRXEncodings(t *testing.T) {
	maps := `<languagemap languagepattern="zh.*" languagerulename="中文"/><languagemap languagepattern="en.*" languagerulename="中文"/>`
	utf16 := func(s string, bom bool) []byte {
		e := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
		if bom {
			e = unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
		}
		b, err := e.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(srxDoc(`<?xml version="1.0" encoding="GBK"?>`+"\n", maps)))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
	}{
		{"UTF-8", []byte(srxDoc("", maps))},
		{"UTF-16LE with BOM", utf16(srxDoc(`<?xml version="1.0" encoding="UTF-16"?>`+"\n", maps), true)},
		{"UTF-16LE without BOM", utf16(srxDoc(`<?xml version="1.0" encoding="UTF-16"?>`+"\n", maps), false)},
		{"GBK", gbk},
	}
	text := "你好。再见。"
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, rep, err := LoadSRX(bytes.NewReader(tc.data), "f.srx")
			if err != nil {
				t.Fatalf("LoadSRX() error = %v", err)
			}
			if rep.Used != 1 || len(rep.Notes) != 0 {
				t.Errorf("LoadSRX() report = %+v, want 1 rule used and no notes", rep)
			}
			var got []string
			sents, _ := SplitSentences(text, Span{0, len(text)}, Chinese, r)
			for _, s := range sents {
				got = append(got, s.In(text))
			}
			if diff := cmp.Diff([]string{"你好。", "再见。"}, got); diff != "" {
				t.Errorf("sentences mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLoadSRXMapsMatchNoLanguage(t *testing.T) {
	_, rep, err := LoadSRX(strings.NewReader(srxDoc("", `<languagemap languagepattern="ja.*" languagerulename="中文"/>`)), "ja.srx")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"no language map with rules matches zh-CN: Chinese text is not split into sentences with these rules",
		"no language map with rules matches en-US: English text is not split into sentences with these rules",
	}
	if diff := cmp.Diff(want, rep.Notes); diff != "" {
		t.Errorf("LoadSRX() notes mismatch (-want +got):\n%s", diff)
	}
}

func TestLoadSRXMergedRules(t *testing.T) {
	// Two exceptions with the same after pattern are merged into one
	// alternation; \Q without \E must not make that fail.
	doc := `<srx version="2.0"><header cascade="yes"/><body><languagerules><languagerule languagerulename="en">
<rule break="no"><beforebreak>\QMr.</beforebreak><afterbreak>\s</afterbreak></rule>
<rule break="no"><beforebreak>Dr\.</beforebreak><afterbreak>\s</afterbreak></rule>
<rule break="yes"><beforebreak>\.</beforebreak><afterbreak>\s</afterbreak></rule>
</languagerule></languagerules><maprules><languagemap languagepattern=".*" languagerulename="en"/></maprules></body></srx>`
	r, rep, err := LoadSRX(strings.NewReader(doc), "m.srx")
	if err != nil {
		t.Fatalf("LoadSRX() error = %v", err)
	}
	if rep.Used != 3 {
		t.Errorf("LoadSRX() used %d rules, want 3", rep.Used)
	}
	text := "Mr. Li met Dr. Wu. Then left."
	var got []string
	sents, _ := SplitSentences(text, Span{0, len(text)}, English, r)
	for _, s := range sents {
		got = append(got, s.In(text))
	}
	if diff := cmp.Diff([]string{"Mr. Li met Dr. Wu.", "Then left."}, got); diff != "" {
		t.Errorf("sentences mismatch (-want +got):\n%s", diff)
	}
}

func TestSpanInNeverPanics(t *testing.T) {
	tests := []struct {
		span Span
		want string
	}{
		{Span{0, 3}, "abc"},
		{Span{1, 2}, "b"},
		{Span{3, 1}, ""},
		{Span{-1, 2}, ""},
		{Span{2, 9}, ""},
		{Span{2, 2}, ""},
	}
	for _, tc := range tests {
		if got := tc.span.In("abc"); got != tc.want {
			t.Errorf("%+v.In(\"abc\") = %q, want %q", tc.span, got, tc.want)
		}
	}
}

func TestTraditional(t *testing.T) {
	tests := []struct {
		name string
		text string
		want bool
	}{
		{"simplified", "国务院新闻办公室发表白皮书，介绍中国这些年来的发展成就。", false},
		{"traditional", "國務院新聞辦公室發表白皮書，介紹中國這些年來的發展成就。", true},
		{"traditional with a simplified quotation", "他們說，這個「发展」的說法來自報告。", true},
		{"simplified with a traditional name", "记者在台北访问了《聯合報》的编辑，谈到两岸关系。", false},
		{"no distinguishing characters", "中文", false},
		{"English", "The State Council Information Office.", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := &Document{Lang: Chinese, Text: tc.text}
			if got := d.Traditional(); got != tc.want {
				s, tr := countScript(tc.text)
				t.Errorf("Traditional(%q) = %v, want %v (simplified %d, traditional %d)", tc.text, got, tc.want, s, tr)
			}
		})
	}
	if (*Document)(nil).Traditional() {
		t.Error("nil Document is traditional")
	}
}

func TestTraditionalSeeds(t *testing.T) {
	// The seeds are simplified press texts.
	for _, name := range []string{"000_6b3897585427d446.txt", "001_38bdb1c42bebbece.txt", "003_fde2822e310dd5d8.txt"} {
		b, err := os.ReadFile(filepath.Join("..", "testdata", "seeds", name))
		if err != nil {
			t.Fatal(err)
		}
		if (&Document{Text: string(b)}).Traditional() {
			t.Errorf("%s: Traditional() = true for a simplified text", name)
		}
	}
}

func TestLoadSRXSkipsHugePattern(t *testing.T) {
	doc := `<srx version="2.0"><header cascade="yes"/><body><languagerules><languagerule languagerulename="en">
<rule break="yes"><beforebreak>\.</beforebreak><afterbreak>\s</afterbreak></rule>
<rule break="yes"><beforebreak>` + strings.Repeat(`.{1,1000}`, 6) + `</beforebreak><afterbreak></afterbreak></rule>
</languagerule></languagerules><maprules><languagemap languagepattern=".*" languagerulename="en"/></maprules></body></srx>`
	_, rep, err := LoadSRX(strings.NewReader(doc), "huge.srx")
	if err != nil {
		t.Fatalf("LoadSRX() error = %v", err)
	}
	if rep.Used != 1 || len(rep.Skipped) != 1 || rep.Skipped[0].Line != 3 || !strings.Contains(rep.Skipped[0].Reason, "pattern too large") {
		t.Errorf("LoadSRX() report = %+v, want rule 2 (line 3) skipped as too large", rep)
	}
}
