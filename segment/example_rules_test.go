package segment_test

import (
	"fmt"
	"strings"

	"github.com/bitextlab/zhen/segment"
)

func ExampleDefaultRules() {
	rules := segment.DefaultRules() // compiled on first use, then shared
	text := "他说：“我们要开放。”随后他离开了。Mr. Li left at 10 a.m. Beijing time. Then?"
	sents, _ := segment.SplitSentences(text, segment.Span{Start: 0, End: len(text)}, segment.Chinese, rules)
	fmt.Println(rules.Name())
	for _, s := range sents {
		fmt.Printf("[%s]\n", s.In(text))
	}
	// Output:
	// zhen-default
	// [他说：“我们要开放。”]
	// [随后他离开了。]
	// [Mr. Li left at 10 a.m. Beijing time.]
	// [Then?]
}

func ExampleCleaningRules() {
	// The names to put in Segmenter.Disable, in the order the rules apply.
	fmt.Println(strings.Join(segment.CleaningRules(), "\n"))
	// Output:
	// line-endings
	// control
	// zero-width
	// word-bookmark
	// more-link
	// mojibake-gbk
	// indent
	// trailing-space
	// breadcrumb
	// footer
	// caption-duplicate
	// unwrap
	// broken-paragraph
	// title-join
	// foreign-paragraph
}

func ExampleLoadRules() {
	for _, name := range []string{"default", "omegat", "trados"} {
		rules, _, err := segment.LoadRules(name) // a path loads an SRX file
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(rules.Name())
	}
	// Output:
	// zhen-default
	// omegat-3.6
	// segment: rules "trados": not a rule set name (default, omegat) and no such file (an SRX 2.0 file exported by OmegaT, Trados or Okapi)
}

func ExampleRuleSetNames() {
	fmt.Println(segment.RuleSetNames())
	// Output:
	// [default omegat]
}

func ExampleDocument_Traditional() {
	var s segment.Segmenter
	for _, text := range []string{"国务院新闻办公室今天发表白皮书。", "國務院新聞辦公室今天發表白皮書。"} {
		doc, err := s.Monolingual("press.txt", []byte(text), segment.Chinese)
		if err != nil {
			fmt.Println(err)
			continue
		}
		tag := "zh-CN"
		if doc.Traditional() {
			tag = "zh-TW"
		}
		fmt.Println(tag)
	}
	// Output:
	// zh-CN
	// zh-TW
}

// A web page is read by its structure: navigation, scripts and the page
// head are removed, and the Report lists them.
func ExampleSegmenter_Monolingual_html() {
	page := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>新闻</title></head>
<body><nav><a href="/">首页</a></nav>
<h1>全球供应链步步瓶颈</h1>
<p>据报道，供应链问题持续。专家认为问题还将持续。</p>
<script>track();</script>
</body></html>`
	var s segment.Segmenter
	doc, err := s.Monolingual("news.html", []byte(page), segment.Chinese)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range doc.Paragraphs {
		for _, sent := range p.Sentences {
			fmt.Printf("%s: %s\n", p.Kind, sent.In(doc.Text))
		}
	}
	for _, c := range doc.Report.Changes {
		fmt.Printf("%s %q\n", c.Rule, c.Old)
	}
	// Output:
	// title: 全球供应链步步瓶颈
	// body: 据报道，供应链问题持续。
	// body: 专家认为问题还将持续。
	// html-head "新闻"
	// html-nav "首页"
	// html-script "track();"
}
