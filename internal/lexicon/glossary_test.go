package lexicon

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func loadFixture(t *testing.T, name string, load func(*os.File, string) ([]Entry, error)) []Entry {
	t.Helper()
	f, err := os.Open(filepath.Join("../../testdata/lexicon", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	es, err := load(f, name)
	if err != nil {
		t.Fatal(err)
	}
	return es
}

func tsv(f *os.File, name string) ([]Entry, error) { return LoadTSV(f, name) }
func tbx(f *os.File, name string) ([]Entry, error) { return LoadTBX(f, name) }

func TestLoadFixtures(t *testing.T) {
	tests := []struct {
		name string
		load func(*os.File, string) ([]Entry, error)
		want []Entry
	}{
		{"glossary.tsv", tsv, []Entry{
			{"十八大", "18th National Congress", "glossary.tsv:3"},
			{"对外联络部", "International Department", "glossary.tsv:4"},
			{"中共中央对外联络部", "International Department of the CPC Central Committee", "glossary.tsv:5"},
			{"人类命运共同体", "human community with a shared future", "glossary.tsv:7"},
			{"合作", "cooperation", "glossary.tsv:8"},
		}},
		{"glossary.tbx", tbx, []Entry{
			{"十八大", "18th National Congress", "glossary.tbx:9"},
			{"中共十八大", "18th National Congress", "glossary.tbx:9"},
			{"对外联络部", "International Department", "glossary.tbx:18"},
		}},
		{"glossary-v3.tbx", tbx, []Entry{
			{"人类命运共同体", "community with a shared future for mankind", "glossary-v3.tbx:8"},
			{"人类命运共同体", "human community with a shared future", "glossary-v3.tbx:8"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := loadFixture(t, tt.name, tt.load)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("load %s mismatch (-want +got):\n%s", tt.name, diff)
			}
		})
	}
}

func TestLoadTSV(t *testing.T) {
	tests := []struct {
		name, in string
		want     []Entry
		err      string
	}{
		{name: "plain", in: "合作\tcooperation\n", want: []Entry{{"合作", "cooperation", "g.tsv:1"}}},
		{name: "bom crlf comment", in: "\ufeff# c\r\n合作\tcooperation\r\n", want: []Entry{{"合作", "cooperation", "g.tsv:2"}}},
		{name: "swapped header", in: "English\tChinese\ncooperation\t合作\n", want: []Entry{{"合作", "cooperation", "g.tsv:2"}}},
		{name: "header", in: "zh-CN\ten-US\n合作\tcooperation\n", want: []Entry{{"合作", "cooperation", "g.tsv:2"}}},
		{name: "no tab", in: "合作 cooperation\n", err: "g.tsv:1: want Chinese<TAB>English"},
		{name: "empty term", in: "合作\t\n", err: "g.tsv:1: empty term"},
		{name: "stop words only", in: "的\tof the\n", err: "g.tsv:1: English term \"of the\" has no content word"},
		{name: "swapped columns", in: "cooperation\t合作\n", err: "g.tsv:1: the English column"},
		{name: "invalid utf-8", in: "合\xff作\tcooperation\n", err: "g.tsv:1: invalid UTF-8"},
		{name: "empty file", in: "", want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := LoadTSV(strings.NewReader(tt.in), "g.tsv")
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Errorf("LoadTSV() error = %v, want one containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("LoadTSV() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLoadTBXErrors(t *testing.T) {
	tests := []struct {
		name, in, err string
	}{
		{"not xml", "<martif><text>\n<termEntry>\n</martif>", "g.tbx:3:"},
		{"no pairs", `<martif><text><body><termEntry><langSet xml:lang="en"><tig><term>x</term></tig></langSet></termEntry></body></text></martif>`, "no Chinese–English term pair in 1 term entries"},
		{"empty", "", "no Chinese–English term pair"},
		{"stop words", `<tbx><conceptEntry><langSec xml:lang="zh"><termSec><term>的</term></termSec></langSec><langSec xml:lang="en"><termSec><term>of</term></termSec></langSec></conceptEntry></tbx>`, "g.tbx:1: English term \"of\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadTBX(strings.NewReader(tt.in), "g.tbx")
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("LoadTBX() error = %v, want one containing %q", err, tt.err)
			}
		})
	}
}

// TestCSV2TBX reads a termbase written by Translate Toolkit's csv2tbx, which
// labels the source column "en" and the target "xx".
func TestCSV2TBX(t *testing.T) {
	py := "/usr/bin/python3"
	if err := exec.Command(py, "-c", "import translate.convert.csv2tbx").Run(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("translate-toolkit (python3-translate) not available: %v", err)
		}
		t.Skipf("translate-toolkit (python3-translate) not available: %v", err)
	}
	dir := t.TempDir()
	csv := filepath.Join(dir, "g.csv")
	tbxFile := filepath.Join(dir, "g.tbx")
	if err := os.WriteFile(csv, []byte("source,target\n\"十八大\",\"18th National Congress\"\n\"对外联络部\",\"International Department\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(py, "-m", "translate.convert.csv2tbx", "-i", csv, "-o", tbxFile).CombinedOutput(); err != nil {
		t.Fatalf("csv2tbx: %v\n%s", err, out)
	}
	f, err := os.Open(tbxFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := LoadTBX(f, "g.tbx")
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{{Zh: "十八大", En: "18th National Congress"}, {Zh: "对外联络部", En: "International Department"}}
	if diff := cmp.Diff(want, got, cmpopts.IgnoreFields(Entry{}, "Source")); diff != "" {
		t.Errorf("LoadTBX(csv2tbx output) mismatch (-want +got):\n%s", diff)
	}
}

func TestWith(t *testing.T) {
	base := Builtin()
	g := base.With(loadFixture(t, "glossary.tsv", tsv))

	// Chinese: glossary terms win the longest match.
	zh := "党的十八大以来，中共中央对外联络部和对外联络部合作。"
	var words []string
	for _, tk := range g.Chinese(zh) {
		words = append(words, zh[tk.Start:tk.End])
	}
	want := []string{"党", "的", "十八大", "以来", "中共中央对外联络部", "和", "对外联络部", "合作"}
	if diff := cmp.Diff(want, words); diff != "" {
		t.Errorf("Chinese() with glossary mismatch (-want +got):\n%s", diff)
	}
	id := g.Lookup("十八大")
	if id < int32(base.Len()) || !g.IsGlossary(id) {
		t.Errorf("十八大: ID %d, IsGlossary %v; want a new glossary entry (≥ %d)", id, g.IsGlossary(id), base.Len())
	}
	// 合作 existed: extended, same ID, old glosses kept.
	hz := base.Lookup("合作")
	if g.Lookup("合作") != hz || !g.IsGlossary(hz) || base.IsGlossary(hz) {
		t.Errorf("合作: want the built-in entry %d marked as glossary only in the new lexicon", hz)
	}
	for _, s := range base.Glosses(hz) {
		if !g.Translates(hz, s) {
			t.Errorf("合作 lost gloss %q", base.StemString(s))
		}
	}
	// The base is unchanged.
	if base.Lookup("十八大") >= 0 || base.NumPhrases() != 0 {
		t.Errorf("With changed the receiver: 十八大 → %d, %d phrases", base.Lookup("十八大"), base.NumPhrases())
	}

	// English: stems of the terms translate, and phrases match.
	en := "Since the 18th National Congress, the International Department of the CPC Central Committee and the International Department cooperate."
	toks := g.English(en)
	for _, w := range []string{"18th", "National", "Congress"} {
		i := strings.Index(en, w)
		for _, tk := range toks {
			if tk.Start == i && !g.Translates(id, tk.ID) {
				t.Errorf("十八大 does not translate %q (stem %q, ID %d)", w, tk.Stem, tk.ID)
			}
		}
	}
	var got []string
	for _, m := range g.MatchPhrases(toks) {
		got = append(got, g.Headword(m.Entry)+" = "+en[toks[m.Start].Start:toks[m.End-1].End])
	}
	wantPh := []string{
		"十八大 = 18th National Congress",
		"中共中央对外联络部 = International Department of the CPC Central Committee",
		"对外联络部 = International Department",
	}
	if diff := cmp.Diff(wantPh, got); diff != "" {
		t.Errorf("MatchPhrases() mismatch (-want +got):\n%s", diff)
	}
	if base.MatchPhrases(base.English(en)) != nil {
		t.Error("MatchPhrases on the built-in lexicon found phrases")
	}

	// Chaining keeps the first glossary.
	g2 := g.With([]Entry{{Zh: "新时代", En: "new era"}, {Zh: "", En: "skipped"}})
	if !g2.IsGlossary(g2.Lookup("十八大")) || !g2.IsGlossary(g2.Lookup("新时代")) || g2.NumPhrases() != g.NumPhrases()+1 {
		t.Errorf("chained With lost entries: %d phrases, want %d", g2.NumPhrases(), g.NumPhrases()+1)
	}
}
