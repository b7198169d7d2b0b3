package align

import (
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestLoadGlossary(t *testing.T) {
	tests := []struct {
		name, file, in string
		want           [][2]string
		err            string // substring of the error, "" for none
	}{
		{
			name: "tsv with header", file: "terms.tsv",
			in:   "zh\ten\n# a comment\n十八大\t18th National Congress\n对外联络部\tInternational Department\n",
			want: [][2]string{{"十八大", "18th National Congress"}, {"对外联络部", "International Department"}},
		},
		{
			name: "tbx by content", file: "terms.dat",
			in:   `<?xml version="1.0"?><martif type="TBX"><text><body><termEntry><langSet xml:lang="zh-CN"><tig><term>人类命运共同体</term></tig></langSet><langSet xml:lang="en-US"><tig><term>community with a shared future for mankind</term></tig></langSet></termEntry></body></text></martif>`,
			want: [][2]string{{"人类命运共同体", "community with a shared future for mankind"}},
		},
		{name: "line without tab", file: "bad.tsv", in: "十八大\t18th Congress\n对外联络部 International Department\n", err: "align: bad.tsv:2: "},
		{name: "broken tbx", file: "bad.tbx", in: "<martif><termEntry>", err: "align: bad.tbx"},
		{name: "nil reader", file: "nil.tsv", err: "align: nil.tsv: nil reader"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r io.Reader = strings.NewReader(tt.in)
			if tt.name == "nil reader" {
				r = nil
			}
			g, err := LoadGlossary(r, tt.file)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) || !strings.HasPrefix(err.Error(), "align: ") {
					t.Fatalf("LoadGlossary error = %v, want one starting \"align: \" and naming %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("LoadGlossary: %v", err)
			}
			if diff := cmp.Diff(tt.want, g.Terms()); diff != "" {
				t.Errorf("Terms() mismatch (-want +got):\n%s", diff)
			}
			if g.Name != tt.file || g.Len() != len(tt.want) {
				t.Errorf("Name, Len() = %q, %d; want %q, %d", g.Name, g.Len(), tt.file, len(tt.want))
			}
		})
	}
}

// TestGlossaryScoring checks that a glossary term becomes one word with
// full weight and sure translations.
func TestGlossaryScoring(t *testing.T) {
	zh := []string{"中共中央对外联络部举行会议。", "会议讨论了合作。"}
	en := []string{"The International Department of the CPC Central Committee held a meeting.", "The meeting discussed cooperation."}
	g, err := LoadGlossary(strings.NewReader("对外联络部\tInternational Department\n"), "g.tsv")
	if err != nil {
		t.Fatal(err)
	}
	plain := LexiconScorer{}.Prepare(zh, en).(*lexScoring)
	with := LexiconScorer{Glossary: g}.Prepare(zh, en).(*lexScoring)
	if a, b := with.Cost(Range{0, 1}, Range{0, 1}), plain.Cost(Range{0, 1}, Range{0, 1}); a >= b {
		t.Errorf("cost with the glossary %v, without %v: want lower", a, b)
	}
	kinds := map[string]bool{}
	for _, e := range with.AppendMatches(nil, Range{0, 1}, Range{0, 1}) {
		kinds[e.Kind+" "+zh[0][e.ZHStart:e.ZHEnd]] = true
	}
	if !kinds["glossary 对外联络部"] {
		t.Errorf("no glossary evidence for 对外联络部: %v", kinds)
	}
	var nilG *Glossary
	if nilG.Len() != 0 || nilG.Terms() != nil {
		t.Errorf("nil glossary: Len %d, Terms %v", nilG.Len(), nilG.Terms())
	}
}
