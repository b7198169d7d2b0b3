package review_test

import (
	"fmt"
	"strings"

	"github.com/bitextlab/zhen/align"
	"github.com/bitextlab/zhen/align/review"
)

func ExampleWriteHTML() {
	var page strings.Builder
	st, err := review.WriteHTML(&page, pairs, review.HTMLOptions{Title: "Seed 001"})
	if err != nil {
		fmt.Println(err)
	}
	// 0.55 is amber: between align.ConfidenceCheck and align.ConfidenceHigh
	fmt.Printf("%d rows, %d to check, %d unpaired\n", st.Rows, st.Low, st.Unpaired)
	fmt.Println(strings.Contains(page.String(), `<script type="application/json" id="zhen-data">`))
	// Output:
	// 3 rows, 0 to check, 1 unpaired
	// true
}

func ExampleReadPairs() {
	// what the review page exports: a pair the translator confirmed, one
	// edited (merged from two), and one left as the aligner made it
	export := `{"zh":"中共中央对外联络部","en":"International Department of the CPC Central Committee","type":"1-1","confidence":0.92,"paragraph":3,"state":"confirmed"}
{"zh":"党的十八大以来，成就显著。","en":"Since the 18th CPC National Congress, much has been achieved.","type":"1-2","confidence":1,"paragraph":4,"state":"edited"}
{"zh":"","en":"Material I","type":"0-1","confidence":0.1,"paragraph":4}
`
	ps, err := review.ReadPairs(strings.NewReader(export), "review.jsonl")
	if err != nil {
		fmt.Println(err)
	}
	for _, p := range ps {
		fmt.Printf("%s %.2f %q\n", p.Type, p.Confidence, p.State)
	}
	// a two-column file, Chinese<TAB>English
	ps, _ = review.ReadPairs(strings.NewReader("甲。\tA.\n乙。\tB.\n"), "list.txt")
	fmt.Println(len(ps), ps[1].EN, ps[1].Confidence == 1, ps[1].State == align.StateConfirmed)
	_, err = review.ReadPairs(strings.NewReader("甲。\tA.\n乙。\n"), "list.txt")
	fmt.Println(err)
	// Output:
	// 1-1 1.00 "confirmed"
	// 1-2 1.00 "edited"
	// 0-1 0.10 ""
	// 2 B. true false
	// review: list.txt:2: 1 tab-separated columns, want 2 (Chinese<TAB>English) or 5 (zh, en, confidence, bead, paragraph)
}
