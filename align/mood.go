package align

import "math"

// MoodScorer compares the mood of a bead's two sides: whether both ask a
// question or only one does, and likewise for an exclamation. A translator
// keeps a question a question far more often than two unrelated sentences
// both happen to hold one. Measured on the gold beads of the dev sets with
// a question mark on a side, both sides have one in 60% (loose literary
// translation), 79% (the Bible), 91% and 100% (press and academic prose)
// of them, against 8–16% when the English is taken from a bead nearby;
// for exclamation marks (mostly in literary dialogue) 36% against 8%.
//
// Each mark is compared on its own: ？ or ? in Chinese against ? in
// English, ！ or ! against !. A bead with the mark on both sides gains, one
// with the mark on one side only pays, each by the tempered log of how
// much likelier that is in a translation than by chance in the document; a
// bead with the mark on neither side is not scored for it, nor is any bead
// of a document one side of which never uses the mark. It takes no part
// in Confidence. The zero value is ready to use.
type MoodScorer struct{}

// Name returns "mood".
func (MoodScorer) Name() string { return "mood" }

// moodKept is the share of translation beads whose marks agree because
// the translation kept the mood (the others agree or not by chance), and
// moodScale tempers the log-likelihood ratios, as the lexicon's scale does
// its own (the scorers' evidence is not independent). Both were chosen on
// the dev sets, strict F1 of mac-dev / mag / long/002 / the realistic 40k
// benchmark, questions only: without the scorer 0.900 / 0.973 / 0.8595 /
// 0.934; kept 0.2 tempered 0.5, 0.902 / 0.981 / 0.860 / 0.935; kept 0.2
// untempered, 0.902 / 0.983 / 0.859 / 0.933; untempered with omission
// runs at 2 nats a unit, kept 0.6 0.898 / 0.981 and kept 0.9 0.892 /
// 0.981 (aca 0.994 throughout). The rates measured above (0.6–1) make the
// scorer outweigh length and words on loose translations. Exclamations
// with the same values: mac-dev 0.907, the others the same.
const (
	moodKept  = 0.2
	moodScale = 0.5
)

// moodMaxK is the most units of a side the cost tables cover (beads are
// shorter; a longer side is priced as this many units).
const moodMaxK = 8

// The marks compared, as bits of a unit's mark set: a question (？ or ? in
// Chinese, ? in English) and an exclamation (！ or !, and !).
const (
	markQuestion = 1 << iota
	markExclamation
	moodMarks = 2
)

// unitMarks returns the set of marks unit u holds. Only the Chinese side
// counts the full-width forms.
func unitMarks(u string, zh bool) uint8 {
	var m uint8
	for i := 0; i < len(u); i++ {
		switch u[i] {
		case '?':
			m |= markQuestion
		case '!':
			m |= markExclamation
		case 0xEF: // ？ is EF BC 9F, ！ is EF BC 81
			if zh && i+2 < len(u) && u[i+1] == 0xBC {
				switch u[i+2] {
				case 0x9F:
					m |= markQuestion
				case 0x81:
					m |= markExclamation
				}
			}
		}
	}
	return m
}

// Prepare counts the units with each mark on each side.
func (MoodScorer) Prepare(zh, en []string) Scoring {
	zm, em := make([]uint8, len(zh)), make([]uint8, len(en))
	for i, u := range zh {
		zm[i] = unitMarks(u, true)
	}
	for j, u := range en {
		em[j] = unitMarks(u, false)
	}
	s := &moodScoring{}
	var used uint8 // the marks compared
	for k := range s.marks {
		s.marks[k] = newMarkTable(zm, em, 1<<k)
		if s.marks[k].cost != nil {
			used |= 1 << k
		}
	}
	if used != 0 {
		s.zh, s.en = markCum(zm, used), markCum(em, used)
	}
	return s
}

// markTable is one mark's running counts and cost table (nil when a side
// never uses the mark).
type markTable struct {
	zh, en []int32 // running count of units holding the mark
	cost   *[moodMaxK + 1][moodMaxK + 1][3]float64
}

func newMarkTable(zh, en []uint8, mark uint8) markTable {
	t := markTable{zh: markCum(zh, mark), en: markCum(en, mark)}
	pz := float64(t.zh[len(zh)]) / float64(max(len(zh), 1))
	pe := float64(t.en[len(en)]) / float64(max(len(en), 1))
	if pz == 0 || pe == 0 {
		return t // the mark is missing from a side: nothing to compare
	}
	t.cost = new([moodMaxK + 1][moodMaxK + 1][3]float64)
	for kz := 1; kz <= moodMaxK; kz++ {
		for ke := 1; ke <= moodMaxK; ke++ {
			// Chance: each side holds the mark as its units do in the
			// document. Translation: with probability moodKept the two
			// agree, the mark on both at the mean rate.
			az := 1 - math.Pow(1-pz, float64(kz))
			ae := 1 - math.Pow(1-pe, float64(ke))
			m := moodKept
			both := m*(az+ae)/2 + (1-m)*az*ae
			zOnly := (1 - m) * az * (1 - ae)
			eOnly := (1 - m) * (1 - az) * ae
			t.cost[kz][ke] = [3]float64{
				-moodScale * math.Log(both/(az*ae)),
				-moodScale * math.Log(zOnly/(az*(1-ae))),
				-moodScale * math.Log(eOnly/((1-az)*ae)),
			}
		}
	}
	return t
}

// markCum returns the running count of units holding one of marks.
func markCum(units []uint8, marks uint8) []int32 {
	out := make([]int32, len(units)+1)
	for i, m := range units {
		out[i+1] = out[i]
		if m&marks != 0 {
			out[i+1]++
		}
	}
	return out
}

type moodScoring struct {
	marks  [moodMarks]markTable
	zh, en []int32 // running count of units holding a compared mark (nil: none compared)
}

// Cost implements Scoring.
func (s *moodScoring) Cost(zh, en Range) float64 {
	if zh.Len() <= 0 || en.Len() <= 0 || zh.Start < 0 || en.Start < 0 || zh.End >= len(s.zh) || en.End >= len(s.en) {
		return 0
	}
	// Most beads hold no compared mark on either side.
	if s.zh[zh.End] == s.zh[zh.Start] && s.en[en.End] == s.en[en.Start] {
		return 0
	}
	var c float64
	for k := range s.marks {
		t := &s.marks[k]
		if t.cost == nil {
			continue
		}
		x := t.zh[zh.End] > t.zh[zh.Start]
		y := t.en[en.End] > t.en[en.Start]
		row := &t.cost[min(zh.Len(), moodMaxK)][min(en.Len(), moodMaxK)]
		switch {
		case x && y:
			c += row[0]
		case x:
			c += row[1]
		case y:
			c += row[2]
		}
	}
	return c
}

// Similarity implements Scoring: the scorer has no say in Confidence.
func (s *moodScoring) Similarity(zh, en Range) (value, weight float64) { return 0, 0 }
