package segment_test

import (
	"fmt"
	"strings"

	"github.com/bitextlab/zhen/segment"
)

func ExampleSplitSentences() {
	text := "标题\n他说：“我们要开放。”随后他离开了；大家都很高兴。"
	para := segment.Span{Start: strings.IndexByte(text, '\n') + 1, End: len(text)}
	sents, subs := segment.SplitSentences(text, para, segment.Chinese, nil)
	for i, s := range sents {
		fmt.Printf("%d-%d %s\n", s.Start, s.End, s.In(text))
		if subs != nil {
			for _, p := range subs[i] {
				fmt.Printf("  sub-split at %d, before %q\n", p, text[p:p+3])
			}
		}
	}
	// Output:
	// 7-40 他说：“我们要开放。”
	//   sub-split at 16, before "“"
	// 40-82 随后他离开了；大家都很高兴。
	//   sub-split at 61, before "大"
}

func ExampleSplitSentences_english() {
	text := "I. The talks began on Jan. 20. Mr. Smith met J. R. Smith of the U.S. Senate. Why? nobody knows... It cost $1.3 million."
	sents, _ := segment.SplitSentences(text, segment.Span{Start: 0, End: len(text)}, segment.English, nil)
	for _, s := range sents {
		fmt.Println(s.In(text))
	}
	// Output:
	// I. The talks began on Jan. 20.
	// Mr. Smith met J. R. Smith of the U.S. Senate.
	// Why? nobody knows...
	// It cost $1.3 million.
}

func ExampleSentences() {
	text := "东方风来春色新\n“欣闻大选顺利。”2020年11月16日，他发去贺信。\nExternal Relations. Since 1921, the Party has grown."
	for _, s := range segment.Sentences(text, segment.Unknown) {
		fmt.Println(s)
	}
	// Output:
	// 东方风来春色新
	// “欣闻大选顺利。”
	// 2020年11月16日，他发去贺信。
	// External Relations.
	// Since 1921, the Party has grown.
}

func ExampleSentenceSeq() {
	for s := range segment.SentenceSeq("真的吗？！不会吧。好的。", segment.Chinese) {
		fmt.Println(s)
		if s == "不会吧。" {
			break
		}
	}
	// Output:
	// 真的吗？！
	// 不会吧。
}

func ExampleLoadSRX() {
	const srx = `<?xml version="1.0" encoding="UTF-8"?>
<srx xmlns="http://www.lisa.org/srx20" version="2.0">
  <header segmentsubflows="yes" cascade="yes"/>
  <body>
    <languagerules>
      <languagerule languagerulename="English">
        <rule break="no">
          <beforebreak>\bDr\.</beforebreak>
          <afterbreak>\s</afterbreak>
        </rule>
        <rule break="no">
          <beforebreak>(?&lt;=Mr)\.</beforebreak>
          <afterbreak>\s</afterbreak>
        </rule>
        <rule break="yes">
          <beforebreak>[.?!]+</beforebreak>
          <afterbreak>\s</afterbreak>
        </rule>
      </languagerule>
    </languagerules>
    <maprules>
      <languagemap languagepattern="EN.*" languagerulename="English"/>
    </maprules>
  </body>
</srx>`
	rules, report, err := segment.LoadSRX(strings.NewReader(srx), "my.srx")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("used", report.Used, "rules")
	for _, s := range report.Skipped {
		fmt.Println("skipped:", s)
	}
	text := "Dr. Li met Mr. Wu. They talked."
	sents, _ := segment.SplitSentences(text, segment.Span{Start: 0, End: len(text)}, segment.English, rules)
	for _, s := range sents {
		fmt.Println(s.In(text))
	}
	// Output:
	// used 2 rules
	// skipped: line 11: rule 1 of "English" (before "(?<=Mr)\\.", after "\\s"): look-behind (?<= is not supported by RE2
	// Dr. Li met Mr.
	// Wu.
	// They talked.
}

func ExampleOmegaTRules() {
	text := "他说：“我们要开放。”随后他离开了。真的吗？！"
	for _, rules := range []*segment.Rules{segment.DefaultRules(), segment.OmegaTRules()} {
		sents, _ := segment.SplitSentences(text, segment.Span{Start: 0, End: len(text)}, segment.Chinese, rules)
		fmt.Print(rules.Name(), ":")
		for _, s := range sents {
			fmt.Printf(" [%s]", s.In(text))
		}
		fmt.Println()
	}
	// Output:
	// zhen-default: [他说：“我们要开放。”] [随后他离开了。] [真的吗？！]
	// omegat-3.6: [他说：“我们要开放。”随后他离开了。] [真的吗？] [！]
}

func ExampleOmegaTSegments() {
	text := "  Title line\nBody text. Why? he asked.\r\n\r\n1. First item."
	for _, s := range segment.OmegaTSegments(text, segment.English) {
		fmt.Printf("%q\n", s)
	}
	// Output:
	// "Title line\nBody text."
	// "Why?"
	// "he asked."
	// "1."
	// "First item."
}

func ExampleNewRules() {
	rules, err := segment.NewRules(segment.RuleSet{
		Name: "lines-and-semicolons",
		Languages: []segment.LangRule{{Name: "all", Rules: []segment.Rule{
			{Break: true, Before: `[；;]`, After: ``},
		}}},
		Maps: []segment.LangMap{{Pattern: `.*`, RuleName: "all"}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	text := "一是原则；二是交往。三是合作"
	sents, _ := segment.SplitSentences(text, segment.Span{Start: 0, End: len(text)}, segment.Chinese, rules)
	for _, s := range sents {
		fmt.Println(s.In(text))
	}
	// Output:
	// 一是原则；
	// 二是交往。三是合作
}

func ExampleOmegaTParagraphs() {
	text := "标题\n正文。\n\n\u00a0第二段。\n"
	for _, p := range segment.OmegaTParagraphs(text) {
		fmt.Printf("%q\n", p.In(text))
	}
	// Output:
	// "标题\n正文。"
	// "第二段。"
}

func ExampleRules_For() {
	for _, r := range segment.OmegaTRules().For(segment.Chinese) {
		fmt.Printf("break=%v before=%#q after=%#q\n", r.Break, r.Before, r.After)
	}
	// Output:
	// break=true before=`[。！？]` after=`[^？—”’」』）"]`
	// break=true before=`[?!]` after=`[ \t\n\v\f\r]`
	// break=true before=`^[ \t\n\v\f\r]{0,16}[0-9][0-9.)\]]{1,16}` after=`[ \t\n\v\f\r]+\p{Lu}`
	// break=true before=`\n` after=` `
}
