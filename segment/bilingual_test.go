package segment

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestBilingualLayouts(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		layout string
		zh, en []string
	}{
		{
			name: "blocks, Chinese first",
			in: "关于对外工作的报告\n（2022年10月20日）\n党的对外工作取得新成就。\n我们广交朋友，深化合作。\n\n" +
				"Report on the External Work\n(October 20, 2022)\n\nThe Party's external work has made new achievements.\n\nWe have made friends widely and deepened cooperation.\n",
			layout: LayoutBlocks,
			zh:     []string{"title: 关于对外工作的报告", "dateline: （2022年10月20日）", "body: 党的对外工作取得新成就。", "body: 我们广交朋友，深化合作。"},
			en:     []string{"title: Report on the External Work", "dateline: (October 20, 2022)", "body: The Party's external work has made new achievements.", "body: We have made friends widely and deepened cooperation."},
		},
		{
			name: "blocks, English first, with a stray English line in the Chinese block",
			in: "The Party's external work has made new achievements in the new era.\nWe have made friends widely and deepened cooperation with parties of all countries.\n" +
				"The CPC is ready to step up exchanges with political parties of all countries.\n\n" +
				"党的对外工作在新时代取得新成就。\nPhoto: a meeting in Beijing.\n我们广交朋友，同各国政党深化合作。\n中国共产党愿同各国政党加强交流。\n",
			layout: LayoutBlocks,
			zh:     []string{"body: 党的对外工作在新时代取得新成就。", "foreign: Photo: a meeting in Beijing.", "body: 我们广交朋友，同各国政党深化合作。", "body: 中国共产党愿同各国政党加强交流。"},
			en: []string{"body: The Party's external work has made new achievements in the new era.", "body: We have made friends widely and deepened cooperation with parties of all countries.",
				"body: The CPC is ready to step up exchanges with political parties of all countries."},
		},
		{
			name: "interleaved paragraphs",
			in: "党的对外工作取得新成就。\nThe Party's external work has made new achievements.\n\n" +
				"我们广交朋友，深化合作。\nWe have made friends widely and deepened cooperation.\n\n" +
				"中国共产党愿同各国政党加强交流。\nThe CPC is ready to step up exchanges with political parties of all countries.\n",
			layout: LayoutInterleaved,
			zh:     []string{"body: 党的对外工作取得新成就。", "body: 我们广交朋友，深化合作。", "body: 中国共产党愿同各国政党加强交流。"},
			en: []string{"body: The Party's external work has made new achievements.", "body: We have made friends widely and deepened cooperation.",
				"body: The CPC is ready to step up exchanges with political parties of all countries."},
		},
		{
			name: "interleaved with hard-wrapped English never joins across Chinese",
			in: "党的对外工作取得新成就，我们广交朋友。\nThe Party's external work has made new\nachievements, and we have made friends.\n\n" +
				"深化合作，共同发展。\nWe have deepened cooperation\nfor common development.\n",
			layout: LayoutInterleaved,
			zh:     []string{"body: 党的对外工作取得新成就，我们广交朋友。", "body: 深化合作，共同发展。"},
			en:     []string{"body: The Party's external work has made new achievements, and we have made friends.", "body: We have deepened cooperation for common development."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s Segmenter
			zh, en, err := s.Bilingual("bi.txt", []byte(tt.in))
			if err != nil {
				t.Fatalf("Bilingual() error: %v", err)
			}
			checkDocument(t, zh)
			checkDocument(t, en)
			if zh.Lang != Chinese || en.Lang != English {
				t.Errorf("Bilingual() langs = %v, %v", zh.Lang, en.Lang)
			}
			if zh.Report.Layout != tt.layout || en.Report.Layout != tt.layout {
				t.Errorf("Bilingual() layout = %q/%q, want %q", zh.Report.Layout, en.Report.Layout, tt.layout)
			}
			if diff := cmp.Diff(tt.zh, paraList(zh)); diff != "" {
				t.Errorf("Chinese paragraphs mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.en, paraList(en)); diff != "" {
				t.Errorf("English paragraphs mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestBilingualOneLanguage(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		want  string
		zhNil bool
		enNil bool
	}{
		{
			name:  "English only",
			in:    "External Relations of the Communist Party of China\n\nSince its foundation in 1921, the Party has kept close links.\n",
			want:  "segment: en.txt: not a bilingual file: found only English text, no Chinese",
			zhNil: true,
		},
		{
			name:  "one line mixing both languages",
			in:    "党的对外工作历来是党的一条重要战线。The Party's external work has always been an important front.\n",
			want:  "segment: en.txt: not a bilingual file: 1 line holds Chinese and English together: a bilingual file has each paragraph in one language (the English after the Chinese, or alternating paragraphs); put the translation on lines of its own, or give the two languages as two files",
			zhNil: true,
		},
		{
			name: "Chinese with one English image description",
			in: strings.Repeat("党的对外工作历来是党的一条重要战线，新中国成立后更成为国家总体外交的重要组成部分。\n", 8) +
				"Advertisement for the book with a portrait.\n",
			want:  "segment: en.txt: not a bilingual file: found Chinese text with too little English to be its translation (1 line)",
			enNil: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s Segmenter
			zh, en, err := s.Bilingual("en.txt", []byte(tt.in))
			if !errors.Is(err, ErrOneLanguage) {
				t.Fatalf("Bilingual() error = %v, want ErrOneLanguage", err)
			}
			if err.Error() != tt.want {
				t.Errorf("Bilingual() error = %q, want %q", err, tt.want)
			}
			if (zh == nil) != tt.zhNil || (en == nil) != tt.enNil {
				t.Errorf("Bilingual() documents zh=%v en=%v, want nil zh=%v en=%v", zh != nil, en != nil, tt.zhNil, tt.enNil)
			}
		})
	}
}

// TestInterleavedSeed rebuilds seed 001 as an interleaved file (each Chinese
// body paragraph followed by its English one) and checks that both layouts
// give the same body paragraphs.
func TestInterleavedSeed(t *testing.T) {
	var s Segmenter
	zh, en, err := s.Bilingual("001", readSeed(t, seeds[1].file))
	if err != nil {
		t.Fatal(err)
	}
	body := func(d *Document) []string {
		var out []string
		for _, p := range d.Paragraphs {
			if p.Kind == Body {
				out = append(out, p.In(d.Text))
			}
		}
		return out
	}
	zb, eb := body(zh), body(en)
	if len(zb) != len(eb) {
		t.Fatalf("seed 001 has %d Chinese and %d English body paragraphs", len(zb), len(eb))
	}
	for _, sep := range []string{"\n", "\n\n"} {
		var b strings.Builder
		for i := range zb {
			b.WriteString(zb[i] + sep + eb[i] + sep)
		}
		izh, ien, err := s.Bilingual("interleaved", []byte(b.String()))
		if err != nil {
			t.Fatal(err)
		}
		if izh.Report.Layout != LayoutInterleaved {
			t.Errorf("separator %q: layout %q, want interleaved", sep, izh.Report.Layout)
		}
		if diff := cmp.Diff(zb, body(izh)); diff != "" {
			t.Errorf("separator %q: Chinese body mismatch (-blocks +interleaved):\n%s", sep, diff)
		}
		if diff := cmp.Diff(eb, body(ien)); diff != "" {
			t.Errorf("separator %q: English body mismatch (-blocks +interleaved):\n%s", sep, diff)
		}
	}
}

// TestBilingualSideBySide: a two-column table (Chinese<TAB>English per line)
// is refused with ErrLayout and a message that says what to do, rather than
// read as "only English"; a file with a few tabs is read as usual.
func TestBilingualSideBySide(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		wantErr error
	}{
		{"table", "党的对外工作取得新成就。\tThe Party's external work has made new achievements.\n我们广交朋友。\tWe make friends widely.\n\n会议在北京举行。\tThe meeting was held in Beijing.\n", ErrLayout},
		{"table, English first", "The Party's external work has made new achievements.\t党的对外工作取得新成就。\nWe make friends widely.\t我们广交朋友。\n", ErrLayout},
		{"blocks with a tab or two", "党的对外工作取得新成就。\t注\n我们广交朋友。\n\nThe Party's external work has made new achievements.\nWe make friends widely.\tNote\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s Segmenter
			_, _, err := s.Bilingual("t.tsv", []byte(tt.in))
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Bilingual() error = %v, want %v", err, tt.wantErr)
			}
			if err != nil && !strings.Contains(err.Error(), "segment: t.tsv: unsupported bilingual layout: ") {
				t.Errorf("error %q does not name the file and the layout", err)
			}
		})
	}
}
