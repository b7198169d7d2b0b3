package lexicon_test

import (
	"fmt"
	"strings"

	"github.com/bitextlab/zhen/internal/lexicon"
)

func ExampleLexicon_AppendChinese() {
	l := lexicon.Builtin()
	text := "党的对外工作（2022年）"
	for _, t := range l.AppendChinese(nil, text) {
		fmt.Printf("%s [%d,%d) in lexicon: %v\n", text[t.Start:t.End], t.Start, t.End, t.ID >= 0)
	}
	// Output:
	// 党 [0,3) in lexicon: true
	// 的 [3,6) in lexicon: true
	// 对外 [6,12) in lexicon: true
	// 工作 [12,18) in lexicon: true
	// 2022 [21,25) in lexicon: false
	// 年 [25,28) in lexicon: true
}

func ExampleLexicon_AppendEnglish() {
	l := lexicon.Builtin()
	for _, t := range l.AppendEnglish(nil, "The Party’s policies, U.S. and Chen Qingyang") {
		fmt.Printf("%s stop=%v known=%v\n", t.Stem, t.Stop, t.ID >= 0)
	}
	// Output:
	// the stop=true known=false
	// party stop=false known=true
	// policy stop=false known=true
	// us stop=false known=true
	// and stop=true known=false
	// chen stop=false known=true
	// ~qing stop=false known=true
	// ~yang stop=false known=true
}

func ExampleLexicon_Translates() {
	l := lexicon.Builtin()
	zh := l.Lookup("合作")
	for _, w := range []string{"cooperation", "collaborating", "party"} {
		fmt.Println(w, l.Translates(zh, l.StemID(lexicon.Stem(w))))
	}
	// Output:
	// cooperation true
	// collaborating true
	// party false
}

func ExampleLexicon_With() {
	tsv := "zh\ten\n十八大\t18th National Congress\n"
	entries, err := lexicon.LoadTSV(strings.NewReader(tsv), "glossary.tsv")
	if err != nil {
		fmt.Println(err)
		return
	}
	l := lexicon.Builtin().With(entries)
	zh := "党的十八大"
	for _, t := range l.AppendChinese(nil, zh) {
		fmt.Println(zh[t.Start:t.End], l.IsGlossary(t.ID))
	}
	en := "the 18th National Congress of the CPC"
	toks := l.AppendEnglish(nil, en)
	for _, m := range l.MatchPhrases(toks) {
		fmt.Printf("%s = %s\n", l.Headword(m.Entry), en[toks[m.Start].Start:toks[m.End-1].End])
	}
	// Output:
	// 党 false
	// 的 false
	// 十八大 true
	// 十八大 = 18th National Congress
}

func ExampleLoadTSV_error() {
	_, err := lexicon.LoadTSV(strings.NewReader("# terms\n十八大 18th Congress\n"), "terms.tsv")
	fmt.Println(err)
	// Output:
	// lexicon: terms.tsv:2: want Chinese<TAB>English, have no tab in "十八大 18th Congress"
}
