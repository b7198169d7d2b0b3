package align

import "testing"

func TestMoodCost(t *testing.T) {
	zh := []string{"你去不去？", "他说不去。", "我们走吧。", "天黑了。", "你怎么知道?"}
	en := []string{"Are you going?", "He said no.", "Let's go.", "It's dark.", "How do you know?"}
	s := MoodScorer{}.Prepare(zh, en)
	checkCostSigns(t, s, []costSign{
		{"both ask", Range{0, 1}, Range{0, 1}, -1},
		{"half-width mark on the Chinese side", Range{4, 5}, Range{4, 5}, -1},
		{"Chinese asks, English does not", Range{0, 1}, Range{1, 2}, 1},
		{"English asks, Chinese does not", Range{1, 2}, Range{0, 1}, 1},
		{"neither asks", Range{1, 2}, Range{1, 2}, 0},
		{"a question inside a longer bead", Range{0, 2}, Range{0, 2}, -1},
		{"omission is silent", Range{0, 1}, Range{1, 1}, 0},
		{"out of range is silent", Range{4, 9}, Range{4, 5}, 0},
		{"negative start is silent", Range{-1, 1}, Range{0, 1}, 0},
	})
	// A question on both sides of a one-to-one bead is more telling than
	// inside a long bead, where one side holds a mark by chance more often.
	one := s.Cost(Range{0, 1}, Range{0, 1})
	long := s.Cost(Range{0, 4}, Range{0, 4})
	if !(one < long && long < 0) {
		t.Errorf("agreement gains %v for 1-1, %v for 4-4: want the 1-1 larger and both gains", one, long)
	}
	// A side with no question mark at all: the scorer says nothing.
	// (Nor about exclamations, which are missing here from both sides.)
	for _, pair := range [][2][]string{
		{{"他走了。"}, {"Where did he go?"}},
		{{"他去哪儿了？"}, {"He left."}},
		{nil, nil},
		{{}, {"Why?"}},
	} {
		quiet := MoodScorer{}.Prepare(pair[0], pair[1])
		if c := quiet.Cost(Range{0, len(pair[0])}, Range{0, len(pair[1])}); c != 0 {
			t.Errorf("%q / %q: Cost = %v, want 0 (no question on a side)", pair[0], pair[1], c)
		}
	}
}

// TestMoodPicksTheCut: two English sentences of equal length after a
// Chinese question and its answer; the question mark tells which English
// sentence is the question's translation when the lengths cannot.
func TestMoodPicksTheCut(t *testing.T) {
	s := MoodScorer{}.Prepare(
		[]string{"你明天来吗？", "我明天来。"},
		[]string{"I come tomorrow.", "Do you come tomorrow?"})
	right := s.Cost(Range{0, 1}, Range{1, 2}) + s.Cost(Range{1, 2}, Range{0, 1})
	wrong := s.Cost(Range{0, 1}, Range{0, 1}) + s.Cost(Range{1, 2}, Range{1, 2})
	if !(right < wrong) {
		t.Errorf("crossed pairs with the questions together cost %v, in order %v: want them cheaper", right, wrong)
	}
}

// TestMoodExclamations: exclamation marks are compared on their own, and
// add to what question marks say.
func TestMoodExclamations(t *testing.T) {
	zh := []string{"好极了！", "你来吗？", "他走了。", "快跑！"}
	en := []string{"Splendid!", "Are you coming?", "He left.", "Run!"}
	s := MoodScorer{}.Prepare(zh, en)
	if c := s.Cost(Range{0, 1}, Range{0, 1}); !(c < 0) {
		t.Errorf("both exclaim: Cost = %v, want a gain", c)
	}
	if c := s.Cost(Range{0, 1}, Range{2, 3}); !(c > 0) {
		t.Errorf("only the Chinese exclaims: Cost = %v, want a price", c)
	}
	// An exclamation against a question: both marks disagree.
	mixed := s.Cost(Range{0, 1}, Range{1, 2})
	if !(mixed > s.Cost(Range{0, 1}, Range{2, 3})) {
		t.Errorf("exclamation against question costs %v: want more than against a statement", mixed)
	}
	// The English never exclaims: the Chinese exclamation is not compared.
	q := MoodScorer{}.Prepare([]string{"好！", "去吗？"}, []string{"Good.", "Going?"})
	if c := q.Cost(Range{0, 1}, Range{0, 1}); c != 0 {
		t.Errorf("no exclamation in the English at all: Cost = %v, want 0", c)
	}
}
