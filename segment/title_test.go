package segment

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func paragraphKinds(d *Document) []string {
	var out []string
	for _, p := range d.Paragraphs {
		out = append(out, p.Kind.String()+": "+p.In(d.Text))
	}
	return out
}

// TestTitlesStayApart: a complete title line is its own paragraph in both
// languages alike, whatever short line follows it.
func TestTitlesStayApart(t *testing.T) {
	tests := []struct {
		name string
		lang Lang
		in   string
		want []string
	}{
		{
			name: "zh web title with its site, then a short lead line",
			lang: Chinese,
			in:   "美联储加息预期升温 全球供应链步步瓶颈-中新网\n全球供应链问题持续\n",
			want: []string{"title: 美联储加息预期升温 全球供应链步步瓶颈-中新网", "title: 全球供应链问题持续"},
		},
		{
			name: "zh complete title, then a subtitle",
			lang: Chinese,
			in:   "全球供应链步步瓶颈\n专家称问题将持续到明年\n正文第一句话在这里。\n",
			want: []string{"title: 全球供应链步步瓶颈", "title: 专家称问题将持续到明年", "body: 正文第一句话在这里。"},
		},
		{
			name: "en title with its site, then a short line",
			lang: English,
			in:   "Global supply chains hit bottleneck after bottleneck - China News\nexperts expect the problems to last\n",
			want: []string{"title: Global supply chains hit bottleneck after bottleneck - China News", "title: experts expect the problems to last"},
		},
		{
			name: "en complete title, then a subtitle",
			lang: English,
			in:   "Global Supply Chains Hit Bottleneck After Bottleneck\nExperts Expect the Problems to Last\nThe first sentence is here.\n",
			want: []string{"title: Global Supply Chains Hit Bottleneck After Bottleneck", "title: Experts Expect the Problems to Last", "body: The first sentence is here."},
		},
		{
			name: "zh title broken after a connective is rejoined",
			lang: Chinese,
			in:   "习近平总书记关于党的对外工作的重要论述\n和十年来党的对外工作主要情况\n正文第一句话在这里。\n",
			want: []string{"title: 习近平总书记关于党的对外工作的重要论述和十年来党的对外工作主要情况", "body: 正文第一句话在这里。"},
		},
		{
			name: "zh title broken inside a book title is rejoined",
			lang: Chinese,
			in:   "学习《习近平谈治国理政\n第四卷》座谈会举行\n正文第一句话在这里。\n",
			want: []string{"title: 学习《习近平谈治国理政第四卷》座谈会举行", "body: 正文第一句话在这里。"},
		},
		{
			name: "zh long web title is not taken for a broken paragraph",
			lang: Chinese,
			in:   "美联储加息预期升温，全球供应链步步瓶颈，多国央行紧急应对通胀压力，专家称问题将持续到明年下半年-中新网\n\n全球供应链问题持续，专家认为问题还将持续。\n",
			want: []string{"title: 美联储加息预期升温，全球供应链步步瓶颈，多国央行紧急应对通胀压力，专家称问题将持续到明年下半年-中新网", "body: 全球供应链问题持续，专家认为问题还将持续。"},
		},
	}
	var s Segmenter
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := s.Monolingual("t.txt", []byte(tc.in), tc.lang)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, paragraphKinds(d)); diff != "" {
				t.Errorf("paragraphs mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestSeed003LayoutBreaksRejoined: the paragraphs of seed 003 that page
// layout broke mid-sentence are still rejoined, and no title is joined.
func TestSeed003LayoutBreaksRejoined(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "testdata", "seeds", "003_fde2822e310dd5d8.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var s Segmenter
	d, err := s.Monolingual("003.txt", b, Chinese)
	if err != nil {
		t.Fatal(err)
	}
	var lines []int
	for _, c := range d.Report.Changes {
		if c.Rule == RuleBrokenParagraph {
			lines = append(lines, c.Line)
		}
	}
	if diff := cmp.Diff([]int{35, 62, 87, 116}, lines); diff != "" {
		t.Errorf("broken-paragraph joins mismatch (-want +got):\n%s", diff)
	}
	if n := d.Report.Count(RuleTitleJoin); n != 0 {
		t.Errorf("%d title joins in seed 003, want 0", n)
	}
}
