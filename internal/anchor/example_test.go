package anchor_test

import (
	"fmt"

	"github.com/bitextlab/zhen/internal/anchor"
)

func ExampleZH() {
	s := "党的十八大以来（2012年11月15日），13亿人口，五千多年文明"
	for _, a := range anchor.ZH(s) {
		fmt.Printf("%-8s %-14s %s\n", a.Kind, a.Key, s[a.Start:a.End])
	}
	// Output:
	// ordinal  o:18           十八大
	// year     n:2012         2012年
	// date     d:11-15        11月15日
	// date     d:15           15日
	// number   n:1300000000   13亿
	// number   n:5000         五千
}

func ExampleEN() {
	s := "Since the 18th CPC National Congress (November 15, 2012), 1.3 billion people, 5,000 years"
	for _, a := range anchor.EN(s) {
		fmt.Printf("%-8s %-14s %s\n", a.Kind, a.Key, s[a.Start:a.End])
	}
	// Output:
	// ordinal  o:18           18th
	// latin    l:cpc          CPC
	// latin    l:national     National
	// latin    l:congress     Congress
	// date     d:11-15        November 15
	// date     d:15           15
	// year     n:2012         2012
	// number   n:1300000000   1.3 billion
	// number   n:5000         5,000
}

func ExampleAppendZH() {
	var dst []anchor.Anchor
	for _, s := range []string{"一、三分之一", "百分之六十"} {
		dst = anchor.AppendZH(dst[:0], s) // reuse the slice: no allocation for common keys
		for _, a := range dst {
			fmt.Print(a.Key, " ")
		}
	}
	fmt.Println()
	// Output: s:1 f:1/3 p:60
}

func ExampleAppendEN() {
	dst := anchor.AppendEN(nil, "I. Two thirds")
	dst = anchor.AppendEN(dst, "(a) 60 per cent")
	for _, a := range dst {
		fmt.Print(a.Key, " ")
	}
	fmt.Println()
	// Output: s:1 f:2/3 s:1 p:60
}

func ExampleAnchor_Weight() {
	for _, a := range anchor.EN("Chapter 1 of 2012, 1,327 copies, “quoted”") {
		fmt.Printf("%s %.2f weak=%v\n", a.Key, a.Weight(), a.Weak())
	}
	// Output:
	// o:1 0.27 weak=true
	// n:2012 0.90 weak=false
	// n:1327 0.80 weak=false
	// q 0.15 weak=true
}

func ExampleWeight() {
	fmt.Println(anchor.Weight(anchor.Date), anchor.Weight(anchor.Number), anchor.Weight(anchor.Quote))
	// Output: 1 0.8 0.15
}
