package align_test

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/bitextlab/zhen/align"
	"github.com/bitextlab/zhen/segment"
)

func ExampleAligner_AlignSentences() {
	zh := []string{
		"党的十八大以来，习近平总书记就党的对外工作作出一系列重要论述。",
		"发扬斗争精神，坚定维护国家主权、安全、发展利益。党的对外工作自觉扛起政治责任，不断增强风险意识。",
		"优化工作格局，不断完善党的对外工作体制机制建设。",
	}
	en := []string{
		"Since the 18th National Congress of the CPC in 2012, General Secretary Xi Jinping has put forward a series of important expositions regarding the Party's external work.",
		"Upholding the fighting spirit, we have resolutely safeguarded China's national sovereignty, security and development interests.",
		"The Party's external work has shouldered its political responsibility and raised its awareness of risks.",
		"Optimising work pattern, we have improved institutions and mechanisms for the Party's external work.",
	}
	al, err := (&align.Aligner{}).AlignSentences(zh, en)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, b := range al.Beads {
		fmt.Printf("%s zh%v en%v\n", b.Type(), b.ZH, b.EN)
	}
	// Output:
	// 1-1 zh{0 1} en{0 1}
	// 1-2 zh{1 2} en{1 3}
	// 1-1 zh{2 3} en{3 4}
}

func ExampleAligner_Align() {
	text := "中共中央对外联络部\n\n" +
		"党的十八大以来，习近平总书记就党的对外工作作出一系列重要论述。\n\n" +
		"优化工作格局，不断完善党的对外工作体制机制建设。\n\n" +
		"International Department of the Central Committee of the CPC\n\n" +
		"Since the 18th National Congress of the CPC in 2012, General Secretary Xi Jinping has put forward a series of important expositions regarding the Party's external work.\n\n" +
		"Optimising work pattern, we have improved institutions and mechanisms for the Party's external work.\n"
	var sg segment.Segmenter
	zh, en, err := sg.Bilingual("press.txt", []byte(text))
	if err != nil {
		fmt.Println(err)
		return
	}
	al, err := (&align.Aligner{}).Align(zh, en)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range al.ParagraphPairs() {
		fmt.Printf("%s %.12s… | %.24s…\n", p.Type, p.ZH, p.EN)
	}
	// Output:
	// 1-1 中共中央对外联络部… | International Department…
	// 1-1 党的十八大以来，习近平总… | Since the 18th National …
	// 1-1 优化工作格局，不断完善党… | Optimising work pattern,…
}

func ExampleAlignment_Pairs() {
	zh := []string{"会议在北京举行。", "双方讨论了安全问题。"}
	en := []string{"The meeting was held in Beijing.", "The two sides discussed", "security issues."}
	al, err := (&align.Aligner{Force: true}).AlignSentences(zh, en)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range al.Pairs() {
		fmt.Printf("%s %s | %s\n", p.Type, p.ZH, p.EN)
	}
	// Output:
	// 1-1 会议在北京举行。 | The meeting was held in Beijing.
	// 1-2 双方讨论了安全问题。 | The two sides discussed security issues.
}

func ExampleLoadGlossary() {
	tsv := "zh\ten\n十八大\t18th National Congress\n对外联络部\tInternational Department\n"
	g, err := align.LoadGlossary(strings.NewReader(tsv), "terms.tsv")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(g.Len(), g.Terms()[1])
	a := &align.Aligner{Glossary: g}
	al, err := a.AlignSentences([]string{"对外联络部"}, []string{"International Department"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(al.Beads[0].Type())
	// Output:
	// 2 [对外联络部 International Department]
	// 1-1
}

func ExampleNotParallelError() {
	zh := []string{"今天天气很好。", "我们去公园散步。"}
	en := []string{"The committee approved the budget for 2024 after a long debate on taxes and public spending."}
	_, err := (&align.Aligner{}).AlignSentences(zh, en)
	var np *align.NotParallelError
	if errors.As(err, &np) {
		fmt.Println(errors.Is(err, align.ErrNotParallel), np.Score < np.Threshold)
	}
	// Output:
	// true true
}

func ExampleDefaultScorers() {
	// The zero Aligner uses these; list them to add one of your own.
	for _, s := range align.DefaultScorers(nil) {
		fmt.Println(s.Name())
	}
	// Output:
	// length
	// anchors
	// lexicon
	// quotes
	// mood
}

func ExampleQuoteScorer() {
	zh := []string{"他道：“好，咱们打个彩头。", "明天再打过。”"}
	en := []string{"He agreed.", "'All right.", "See you tomorrow.'"}
	s := align.QuoteScorer{}.Prepare(zh, en)
	// The first Chinese sentence ends inside the quotation: it goes with
	// "'All right." rather than with "He agreed." alone.
	inside := s.Cost(align.Range{Start: 0, End: 1}, align.Range{Start: 0, End: 2})
	outside := s.Cost(align.Range{Start: 0, End: 1}, align.Range{Start: 0, End: 1})
	fmt.Println(inside < 0, outside > 0)
	// Output:
	// true true
}

func ExampleMoodScorer() {
	zh := []string{"你去不去？", "他说不去。"}
	en := []string{"Are you going?", "He said no."}
	s := align.MoodScorer{}.Prepare(zh, en)
	// A question paired with a question gains; with a statement it pays.
	both := s.Cost(align.Range{Start: 0, End: 1}, align.Range{Start: 0, End: 1})
	one := s.Cost(align.Range{Start: 0, End: 1}, align.Range{Start: 1, End: 2})
	fmt.Println(both < 0, one > 0)
	// Output:
	// true true
}

func ExampleDefaultPriors() {
	// Allow 1-1, 1-2 and omissions only, with the default probabilities:
	// the map is a copy, so changing it changes no other Aligner.
	p := align.DefaultPriors()
	for t := range p {
		if t != (align.BeadType{ZH: 1, EN: 1}) && t != (align.BeadType{ZH: 1, EN: 2}) && t.ZH+t.EN != 1 {
			delete(p, t)
		}
	}
	a := &align.Aligner{Priors: p}
	fmt.Println(len(a.Priors), len(align.DefaultPriors()))
	fmt.Println(align.DefaultPriors()[align.BeadType{ZH: 1, EN: 2}])
	// Output:
	// 4 13
	// 0.16
}

func ExampleDefaultParagraphPriors() {
	p := align.DefaultParagraphPriors()
	fmt.Println(p[align.BeadType{ZH: 1, EN: 1}], p[align.BeadType{ZH: 0, EN: 1}])
	// Output:
	// 0.86 0.02
}

func ExampleWriteBeads() {
	beads := []align.Bead{
		{ZH: align.Range{Start: 0, End: 0}, EN: align.Range{Start: 0, End: 1}},
		{ZH: align.Range{Start: 0, End: 1}, EN: align.Range{Start: 1, End: 3}},
		{ZH: align.Range{Start: 1, End: 3}, EN: align.Range{Start: 3, End: 4}},
	}
	if err := align.WriteBeads(os.Stdout, beads); err != nil {
		fmt.Println(err)
	}
	// Output:
	// []:[0]
	// [0]:[1,2]
	// [1,2]:[3]
}

func ExampleReadBeads() {
	gold := "[]:[0]\n[0]:[1,2]\n[1,2]:[3]\n[3]:[]\n"
	beads, err := align.ReadBeads(strings.NewReader(gold), "001.align")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, b := range beads {
		fmt.Println(b.Type(), b.ZH, b.EN)
	}
	_, err = align.ReadBeads(strings.NewReader("[0]:[1]\n[1]:[2,x]\n"), "002.align")
	fmt.Println(err)
	// Output:
	// 0-1 {0 0} {0 1}
	// 1-2 {0 1} {1 3}
	// 2-1 {1 3} {3 4}
	// 1-0 {3 4} {4 4}
	// align: 002.align:2: English side: bad sentence index "x"
}

func ExampleStrictF1() {
	gold, _ := align.ReadBeads(strings.NewReader("[]:[0]\n[0]:[1,2]\n[1]:[3]\n"), "gold")
	// The aligner glued the English header to the first sentence.
	test, _ := align.ReadBeads(strings.NewReader("[0]:[0,1,2]\n[1]:[3]\n"), "test")
	p, r, f1 := align.StrictF1(gold, test)
	fmt.Printf("P %.2f R %.2f F1 %.2f\n", p, r, f1)
	// Output:
	// P 0.50 R 0.50 F1 0.50
}
