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
