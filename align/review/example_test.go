package review_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/bitextlab/zhen/align"
	"github.com/bitextlab/zhen/align/review"
)

var pairs = []align.Pair{
	{ZH: "中共中央对外联络部", EN: "International Department of the CPC Central Committee", Type: "1-1", Confidence: 0.92, Paragraph: 3},
	{ZH: "党的十八大以来，\t成就显著。", EN: "Since the 18th CPC National Congress,\nmuch has been achieved.", Type: "1-2", Confidence: 0.55, Paragraph: 4,
		Evidence: []align.Evidence{{Kind: "number", ZHStart: 6, ZHEnd: 12, ENStart: 10, ENEnd: 14}}},
	{ZH: "", EN: "Material I", Type: "0-1", Confidence: 0.1, Paragraph: 4},
}

func ExampleNewTSVWriter() {
	w := review.NewTSVWriter(os.Stdout)
	for _, p := range pairs {
		w.Write(p)
	}
	if err := w.Flush(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// zh	en	confidence	bead	paragraph
	// 中共中央对外联络部	International Department of the CPC Central Committee	0.9200	1-1	3
	// 党的十八大以来，\t成就显著。	Since the 18th CPC National Congress,\nmuch has been achieved.	0.5500	1-2	4
	// 	Material I	0.1000	0-1	4
}

func ExampleNewJSONLWriter() {
	w := review.NewJSONLWriter(os.Stdout)
	w.Write(pairs[1])
	w.Flush()
	// Output:
	// {"zh":"党的十八大以来，\t成就显著。","en":"Since the 18th CPC National Congress,\nmuch has been achieved.","type":"1-2","confidence":0.55,"paragraph":4,"evidence":[{"kind":"number","zh_start":6,"zh_end":12,"en_start":10,"en_end":14}]}
}

func ExampleNewMosesWriter() {
	var zh, en strings.Builder
	w := review.NewMosesWriter(&zh, &en)
	for _, p := range pairs {
		w.Write(p)
	}
	w.Flush()
	fmt.Print(zh.String(), en.String())
	fmt.Printf("%+v\n", w.Stats())
	// Output:
	// 中共中央对外联络部
	// 党的十八大以来，	成就显著。
	// International Department of the CPC Central Committee
	// Since the 18th CPC National Congress, much has been achieved.
	// {Lines:2 SkippedEmpty:1 Newlines:1}
}

func ExampleNewRecord() {
	p := align.Pair{ZH: "十八大以来", EN: "Since the 18th Congress", Type: "1-1", Confidence: 0.72, Paragraph: 4,
		Scores: []align.Score{
			{Scorer: "length", Value: 0.7, Weight: 1},
			{Scorer: "anchors", Value: 1, Weight: 1},
			{Scorer: "margin", Value: 0.85, Weight: 0}, // a factor, not a weighted part
		},
		Evidence: []align.Evidence{{Kind: "number", ZHStart: 0, ZHEnd: 6, ENStart: 10, ENEnd: 14}}}
	r := review.NewRecord(p)
	fmt.Printf("%s | %s | %s | %.2f\n", r.ZH, r.EN, r.Type, *r.Confidence)
	var num, den, margin float64
	for _, s := range r.Scores {
		fmt.Printf("%s %.2f (weight %.0f)\n", s.Scorer, *s.Value, *s.Weight)
		if s.Scorer == "margin" {
			margin = *s.Value
			continue
		}
		num += *s.Value * *s.Weight
		den += *s.Weight
	}
	fmt.Printf("weighted mean %.2f × margin %.2f = %.2f\n", num/den, margin, num/den*margin)
	e := r.Evidence[0]
	fmt.Printf("%s: %q ~ %q\n", e.Kind, r.ZH[e.ZHStart:e.ZHEnd], r.EN[e.ENStart:e.ENEnd])
	// Output:
	// 十八大以来 | Since the 18th Congress | 1-1 | 0.72
	// length 0.70 (weight 1)
	// anchors 1.00 (weight 1)
	// margin 0.85 (weight 0)
	// weighted mean 0.85 × margin 0.85 = 0.72
	// number: "十八" ~ "18th"
}

func ExampleUnescapeTSV() {
	// A row as TSVWriter writes it: a tab and a line break inside the text
	// are escaped, so the row is one line with five columns.
	row := `党的十八大以来，\t成就显著。` + "\t" + `Since the 18th CPC National Congress,\nmuch has been achieved.` + "\t0.5500\t1-2\t4"
	cols := strings.Split(row, "\t")
	fmt.Println(len(cols))
	fmt.Printf("%q\n", review.UnescapeTSV(cols[0]))
	fmt.Printf("%q\n", review.UnescapeTSV(cols[1]))
	fmt.Printf("%q\n", review.UnescapeTSV(`C:\\path`))
	// Output:
	// 5
	// "党的十八大以来，\t成就显著。"
	// "Since the 18th CPC National Congress,\nmuch has been achieved."
	// "C:\\path"
}
