package segment

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func loadFixture(t *testing.T) (*Rules, *SRXReport) {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "testdata", "sentences", "fixture.srx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, rep, err := LoadSRX(f, "fixture.srx")
	if err != nil {
		t.Fatalf("LoadSRX(fixture.srx): %v", err)
	}
	return r, rep
}

func TestLoadSRXReport(t *testing.T) {
	_, rep := loadFixture(t)
	type skipped struct {
		Line     int
		LangRule string
		Index    int
		Reason   string
	}
	var got []skipped
	for _, s := range rep.Skipped {
		got = append(got, skipped{s.Line, s.LangRule, s.Index, s.Reason})
	}
	want := []skipped{
		{22, "English", 0, "negative look-behind (?<! is not supported by RE2"},
		{30, "English", 2, "look-ahead (?= is not supported by RE2"},
		{34, "English", 3, "back-reference \\1 is not supported by RE2"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("LoadSRX() skipped rules mismatch (-want +got):\n%s", diff)
	}
	if rep.Used != 6 || !rep.Cascade || rep.Version != "2.0" || rep.Name != "fixture.srx" {
		t.Errorf("LoadSRX() report = %+v, want Used 6, Cascade, version 2.0, name fixture.srx", rep)
	}
	wantNotes := []string{
		`line 6: segmentsubflows="yes" not used (plain text has no subflows)`,
		`line 7: formathandle not used (plain text has no format codes)`,
	}
	if diff := cmp.Diff(wantNotes, rep.Notes); diff != "" {
		t.Errorf("LoadSRX() notes mismatch (-want +got):\n%s", diff)
	}
}

func TestLoadSRXRules(t *testing.T) {
	r, _ := loadFixture(t)
	if r.Name() != "fixture.srx" {
		t.Errorf("Name() = %q", r.Name())
	}
	tests := []struct {
		name string
		in   string
		lang Lang
		want []string
	}{
		// \u3002 translated to \x{3002}: no break before a closer
		{"Chinese closer", "他说：“好。”随后走了。下一句。", Chinese, []string{"他说：“好。”", "随后走了。", "下一句。"}},
		// the Default set cascades after the language's own
		{"Default set: line break", "第一行\n第二行。", Chinese, []string{"第一行", "第二行。"}},
		{"English abbreviations", "Dr. Li met Prof. Wu. They talked.", English, []string{"Dr. Li met Prof. Wu.", "They talked."}},
		// the look-behind rule for Mr. was skipped, so Mr. breaks
		{"skipped rule has no effect", "Mr. Li left.", English, []string{"Mr.", "Li left."}},
		{"no break before lowercase", "It ended. then it began.", English, []string{"It ended. then it began."}},
		{"English rules do not apply to Chinese", "Dr. Li left. 好。", Chinese, []string{"Dr. Li left. 好。"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := splitText(tc.in, tc.lang, r)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("SplitSentences(%q) mismatch (-want +got):\n%s", tc.in, diff)
			}
			checkSpans(t, tc.in, Span{0, len(tc.in)}, tc.lang, r)
		})
	}
	if n := len(r.For(English)); n != 4 {
		t.Errorf("For(English) has %d rules, want 4 (3 English + 1 Default)", n)
	}
}

func TestLoadSRXErrors(t *testing.T) {
	const head = `<?xml version="1.0"?>` + "\n" + `<srx version="2.0"><header cascade="no"/><body>` + "\n"
	tests := []struct {
		name string
		in   string
		want string // substring of the error
	}{
		{"empty", "", "segment: bad.srx:1: srx: no <srx> element"},
		{"not XML", "hello", "segment: bad.srx:1: srx: no <srx> element"},
		{"malformed", head + "<languagerules>\n<languagerule languagerulename='x'>\n</languagerules>", "segment: bad.srx:5: srx: malformed XML: element <languagerule> closed by </languagerules>"},
		{"rule outside language rule", head + "<rule/>\n</body></srx>", "segment: bad.srx:3: srx: <rule> outside <languagerule>"},
		{"language rule without name", head + "<languagerules>\n<languagerule>\n</languagerule></languagerules></body></srx>", "segment: bad.srx:4: srx: <languagerule> without languagerulename"},
		{"duplicate language rule", head + "<languagerules><languagerule languagerulename='a'/>\n<languagerule languagerulename='a'/></languagerules></body></srx>", "segment: bad.srx:4: srx: language rule \"a\" defined twice (first at line 3)"},
		{"map to unknown rule", head + "<maprules>\n<languagemap languagepattern='.*' languagerulename='nope'/></maprules></body></srx>", "segment: bad.srx:4: srx: language map \".*\" names unknown language rule \"nope\""},
		{"bad break attribute", head + "<languagerules><languagerule languagerulename='a'>\n<rule break='maybe'/></languagerule></languagerules></body></srx>", "segment: bad.srx:4: srx: rule break=\"maybe\""},
		{"bad language pattern", head + "<languagerules><languagerule languagerulename='a'/></languagerules><maprules>\n<languagemap languagepattern='(' languagerulename='a'/></maprules></body></srx>", "segment: bad.srx:4: srx: languagepattern \"(\""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, rep, err := LoadSRX(strings.NewReader(tc.in), "bad.srx")
			if err == nil {
				t.Fatalf("LoadSRX() = %v, %+v, nil; want error %q", r, rep, tc.want)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("LoadSRX() error = %q, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestJavaToRE2(t *testing.T) {
	tests := []struct {
		name, in, want, err string
	}{
		{"plain", `[.?!]+\s`, `[.?!]+\s`, ""},
		{"unicode escape", `\u3002`, `\x{3002}`, ""},
		{"Is property", `\p{IsHan}\p{IsLu}`, `\p{Han}\p{Lu}`, ""},
		{"quoted", `\Q(a)\E`, `\Q(a)\E`, ""},
		{"escaped plus then plus", `\++`, `\++`, ""},
		{"java property", `\p{javaLowerCase}`, "", "not supported by RE2"},
		{"block property", `\p{InCJKUnifiedIdeographs}`, "", "not supported by RE2"},
		{"look-ahead", `a(?=b)`, "", "look-ahead"},
		{"negative look-ahead", `a(?!b)`, "", "negative look-ahead"},
		{"look-behind", `(?<=a)b`, "", "look-behind"},
		{"atomic", `(?>ab)`, "", "atomic group"},
		{"possessive", `a*+b`, "", "possessive"},
		{"back-reference", `(a)\1`, "", "back-reference"},
		{"intersection", `[a-z&&[^aeiou]]`, "", "intersection"},
		{"RE2 error", `a{2,1}`, "", "RE2:"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := javaToRE2(tc.in)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Errorf("javaToRE2(%q) = %q, %v; want error containing %q", tc.in, got, err, tc.err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Errorf("javaToRE2(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
			}
		})
	}
}

func FuzzLoadSRX(f *testing.F) {
	b, err := os.ReadFile(filepath.Join("..", "testdata", "sentences", "fixture.srx"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte(`<srx version="2.0"><body><languagerules><languagerule languagerulename="a"><rule><beforebreak>(</beforebreak></rule></languagerule></languagerules></body></srx>`))
	f.Add([]byte("<srx><body><languagerules><languagerule languagerulename='a'><rule><beforebreak>\xff\\u12</beforebreak><afterbreak>\\p{</afterbreak></rule></languagerule></languagerules><maprules><languagemap languagepattern='.*' languagerulename='a'/></maprules></body></srx>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, rep, err := LoadSRX(strings.NewReader(string(data)), "fuzz.srx")
		if err != nil {
			if r != nil || rep != nil || !strings.HasPrefix(err.Error(), "segment: fuzz.srx") {
				t.Fatalf("LoadSRX error %q with non-nil result or without the file name", err)
			}
			return
		}
		if r == nil || rep == nil {
			t.Fatal("LoadSRX returned nil rules or report without an error")
		}
		text := "他说：“好。”随后走了。Mr. Li left. He came.\n第二行"
		checkSpans(t, text, Span{0, len(text)}, Chinese, r)
		checkSpans(t, text, Span{0, len(text)}, English, r)
	})
}
