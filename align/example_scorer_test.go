package align_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/bitextlab/zhen/align"
	"github.com/bitextlab/zhen/segment"
)

// yearScorer matches four-digit years: a bead gains 3 nats per year found
// on both sides. Its Scoring is a LowerBounder (at most the smaller side's
// years match) and a Matcher (the years show as evidence).
type yearScorer struct{}

func (yearScorer) Name() string { return "years" }

func (yearScorer) Prepare(zh, en []string) align.Scoring {
	s := &yearScoring{zhCount: []int{0}, enCount: []int{0}}
	for _, t := range zh {
		s.zh = append(s.zh, years(t))
		s.zhCount = append(s.zhCount, s.zhCount[len(s.zhCount)-1]+len(s.zh[len(s.zh)-1]))
	}
	for _, t := range en {
		s.en = append(s.en, years(t))
		s.enCount = append(s.enCount, s.enCount[len(s.enCount)-1]+len(s.en[len(s.en)-1]))
	}
	return s
}

// years returns the byte offsets of the four-digit numbers in t.
func years(t string) []int {
	var out []int
	for i := 0; i+4 <= len(t); i++ {
		if isYear(t, i) {
			out = append(out, i)
			i += 3
		}
	}
	return out
}

func isYear(t string, i int) bool {
	digit := func(k int) bool { return k >= 0 && k < len(t) && t[k] >= '0' && t[k] <= '9' }
	return !digit(i-1) && digit(i) && digit(i+1) && digit(i+2) && digit(i+3) && !digit(i+4)
}

type yearScoring struct {
	zh, en           [][]int // per unit: where its years start
	zhCount, enCount []int   // running count of years
}

func (s *yearScoring) AppendMatches(out []align.Match, zh, en align.Range) []align.Match {
	n := len(out)
	for i := zh.Start; i < zh.End; i++ {
		for _, zs := range s.zh[i] {
			for j := en.Start; j < en.End; j++ {
				for _, es := range s.en[j] {
					if len(out)-n < 8 {
						out = append(out, align.Match{Kind: "four digits", ZH: i, EN: j, ZHStart: zs, ZHEnd: zs + 4, ENStart: es, ENEnd: es + 4})
					}
				}
			}
		}
	}
	return out
}

func (s *yearScoring) Cost(zh, en align.Range) float64 {
	return -3 * float64(len(s.AppendMatches(nil, zh, en)))
}

func (s *yearScoring) LowerBound(zh, en align.Range) float64 {
	nz, ne := s.zhCount[zh.End]-s.zhCount[zh.Start], s.enCount[en.End]-s.enCount[en.Start]
	return -3 * float64(min(nz, ne, 8))
}

func (s *yearScoring) Similarity(zh, en align.Range) (float64, float64) {
	if len(s.AppendMatches(nil, zh, en)) > 0 {
		return 1, 0.5
	}
	return 0, 0
}

// A Scorer written outside the package plugs in beside the defaults: its
// bound lets the search skip its Cost on hopeless beads, and its matches
// are shown as Pair.Evidence.
func ExampleScorer() {
	zh := []string{"该项目于2012年启动。", "2015年完成。"}
	en := []string{"The project started in 2012.", "It was finished in 2015."}
	a := &align.Aligner{Scorers: append(align.DefaultScorers(nil), yearScorer{}), Force: true}
	al, err := a.AlignSentences(zh, en)
	if err != nil {
		fmt.Println(err)
		return
	}
	for p := range al.All() {
		for _, e := range p.Evidence {
			if e.Kind == "four digits" {
				fmt.Printf("%s: %s = %s\n", p.Type, p.ZH[e.ZHStart:e.ZHEnd], p.EN[e.ENStart:e.ENEnd])
			}
		}
	}
	// Output:
	// 1-1: 2012 = 2012
	// 1-1: 2015 = 2015
}

func ExampleAlignment_All() {
	zh := []string{"会议在北京举行。", "双方讨论了安全问题。"}
	en := []string{"The meeting was held in Beijing.", "The two sides discussed", "security issues."}
	al, err := (&align.Aligner{Force: true}).AlignSentences(zh, en)
	if err != nil {
		fmt.Println(err)
		return
	}
	for p := range al.All() {
		if strings.Contains(p.EN, "security") {
			fmt.Printf("%s %s | %s\n", p.Type, p.ZH, p.EN)
			break // the remaining pairs are never made
		}
	}
	// Output:
	// 1-2 双方讨论了安全问题。 | The two sides discussed security issues.
}

func ExampleAligner_AlignSentencesContext() {
	zh := []string{"会议在北京举行。", "双方讨论了安全问题。"}
	en := []string{"The meeting was held in Beijing.", "The two sides discussed security issues."}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	al, err := (&align.Aligner{Force: true}).AlignSentencesContext(ctx, zh, en)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(al.Beads), al.Beads[1].Type())

	cancel() // a job stopped: its error wraps the context's
	_, err = (&align.Aligner{}).AlignSentencesContext(ctx, zh, en)
	fmt.Println(err, errors.Is(err, context.Canceled))
	// Output:
	// 2 1-1
	// align: context canceled true
}

func ExampleAligner_AlignContext() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	zh, en := &segment.Document{}, &segment.Document{}
	_, err := (&align.Aligner{}).AlignContext(ctx, zh, en)
	fmt.Println(err)
	// Output:
	// align: context canceled
}
