package align

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestQuoteStates(t *testing.T) {
	tests := []struct {
		name  string
		units []string
		want  []bool
	}{
		{"no quotes", []string{"He left.", "他走了。"}, []bool{false, false}},
		{"chinese quote over two units", []string{"他道：“好，咱们打个彩头。", "明天再打过。”", "说着出屋而去。"}, []bool{true, false, false}},
		{"english single quotes", []string{"Misty concurred.", "'All right.", "We fight for money.", "See you tomorrow.'"}, []bool{false, true, true, false}},
		{"apostrophes are not quotes", []string{"Trinket's friend didn't come.", "The boys' game ended."}, []bool{false, false}},
		{"closed inside the unit", []string{"'Why fight a dummy!' he cried."}, []bool{false}},
		{"chinese single mark after hanzi", []string{"我这‘小白龙’韦小宝在江湖上可也不用混啦。"}, []bool{false}},
		{"straight double quote after a dash closes", []string{"\"You mean, those rumors—\"", "He stopped."}, []bool{false, false}},
		{"straight double quote left open", []string{"\"I think it was back then.", "Yes.\""}, []bool{true, false}},
		{"resynchronised by the next mark", []string{"“他说。", "她笑了。", "“走吧。”"}, []bool{true, true, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, quoteStates(tt.units)); diff != "" {
				t.Errorf("quoteStates() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestQuoteCost(t *testing.T) {
	zh := []string{"他道：“好，咱们打个彩头。", "明天再打过。”", "他走了。"}
	en := []string{"He agreed.", "'All right.", "See you tomorrow.'", "He left."}
	s := QuoteScorer{}.Prepare(zh, en)
	checkCostSigns(t, s, []costSign{
		{"both end inside", Range{0, 1}, Range{0, 2}, -1},
		{"zh inside, en outside", Range{0, 1}, Range{0, 1}, 1},
		{"both end outside", Range{1, 2}, Range{2, 3}, -1},
		{"omission is silent", Range{2, 3}, Range{3, 3}, 0},
	})
	// A side with no quotation left open: the scorer says nothing.
	quiet := QuoteScorer{}.Prepare([]string{"他走了。"}, []string{"'Go,' he said."})
	if c := quiet.Cost(Range{0, 1}, Range{0, 1}); c != 0 {
		t.Errorf("Cost with no open quotation = %v, want 0", c)
	}
}

// costSign is a bead and the sign its cost must have: -1 evidence for the
// bead, +1 against, 0 silent.
type costSign struct {
	name   string
	zh, en Range
	sign   int
}

// checkCostSigns checks the sign of s's cost (finite) for each bead, and
// that s has no say in Confidence (Similarity weight 0), as the quote and
// mood scorings promise.
func checkCostSigns(t *testing.T, s Scoring, cases []costSign) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			c := s.Cost(tt.zh, tt.en)
			got := 0
			if c < 0 {
				got = -1
			} else if c > 0 {
				got = 1
			}
			if got != tt.sign || math.IsNaN(c) || math.IsInf(c, 0) {
				t.Errorf("Cost(%v, %v) = %v, want sign %d", tt.zh, tt.en, c, tt.sign)
			}
			if _, w := s.Similarity(tt.zh, tt.en); w != 0 {
				t.Errorf("Similarity weight = %v, want 0", w)
			}
		})
	}
}
