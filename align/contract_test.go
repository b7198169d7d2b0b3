package align_test

import (
	"strings"
	"testing"

	"github.com/bitextlab/zhen/align"
	"github.com/google/go-cmp/cmp"
)

// digitScorer is a Scorer written outside the package, with every optional
// interface: it matches runs of ASCII digits equal on both sides of a bead.
// It counts the calls the aligner makes, so that a test can see which doors
// were used.
type digitScorer struct {
	noBound    bool // prepare a Scoring without LowerBound
	refineOnly bool // RefineOnly's answer
	summarize  bool // prepare a Scoring that is also a Summarizer
	calls      *digitCalls
}

type digitCalls struct {
	cost, bound, matches, chain, screen, learn, summary int
}

func (digitScorer) Name() string { return "digits" }

func (d digitScorer) Prepare(zh, en []string) align.Scoring {
	s := &digitScoring{calls: d.calls, refineOnly: d.refineOnly}
	s.zh, s.zhCum = digitRuns(zh)
	s.en, s.enCum = digitRuns(en)
	if d.noBound {
		return unboundScoring{s}
	}
	if d.summarize {
		return summaryScoring{s}
	}
	return s
}

// digitRuns returns the digit runs of each unit, with their byte offsets,
// and the running count of runs.
func digitRuns(units []string) ([][]run, []int) {
	runs := make([][]run, len(units))
	cum := make([]int, len(units)+1)
	for k, u := range units {
		for i := 0; i < len(u); {
			if u[i] < '0' || u[i] > '9' {
				i++
				continue
			}
			j := i
			for j < len(u) && u[j] >= '0' && u[j] <= '9' {
				j++
			}
			runs[k] = append(runs[k], run{u[i:j], i, j})
			i = j
		}
		cum[k+1] = cum[k] + len(runs[k])
	}
	return runs, cum
}

type run struct {
	text       string
	start, end int
}

type digitScoring struct {
	zh, en       [][]run
	zhCum, enCum []int
	refineOnly   bool
	calls        *digitCalls
}

const digitGain, digitMiss = 2.0, 0.5

// match pairs each Chinese run with the first unused equal English run.
func (s *digitScoring) match(zh, en align.Range) []align.Match {
	used := map[[2]int]bool{}
	var out []align.Match
	for i := zh.Start; i < zh.End; i++ {
		for _, zr := range s.zh[i] {
		find:
			for j := en.Start; j < en.End; j++ {
				for k, er := range s.en[j] {
					if er.text == zr.text && !used[[2]int{j, k}] {
						used[[2]int{j, k}] = true
						out = append(out, align.Match{Kind: "digits", ZH: i, EN: j,
							ZHStart: zr.start, ZHEnd: zr.end, ENStart: er.start, ENEnd: er.end})
						break find
					}
				}
			}
		}
	}
	return out
}

func (s *digitScoring) counts(zh, en align.Range) (nz, ne int) {
	return s.zhCum[zh.End] - s.zhCum[zh.Start], s.enCum[en.End] - s.enCum[en.Start]
}

func (s *digitScoring) Cost(zh, en align.Range) float64 {
	s.calls.cost++
	if zh.Len() == 0 || en.Len() == 0 {
		return 0
	}
	nz, ne := s.counts(zh, en)
	m := len(s.match(zh, en))
	return -digitGain*float64(m) + digitMiss*float64(nz+ne-2*m)
}

func (s *digitScoring) Similarity(zh, en align.Range) (float64, float64) {
	nz, ne := s.counts(zh, en)
	if zh.Len() == 0 || en.Len() == 0 || nz+ne == 0 {
		return 0, 0
	}
	m := len(s.match(zh, en))
	return 2 * float64(m) / float64(nz+ne), 0.5
}

// LowerBound: at most the smaller side's runs are matched.
func (s *digitScoring) LowerBound(zh, en align.Range) float64 {
	s.calls.bound++
	nz, ne := s.counts(zh, en)
	m := min(nz, ne)
	return -digitGain*float64(m) + digitMiss*float64(nz+ne-2*m)
}

func (s *digitScoring) AppendMatches(dst []align.Match, zh, en align.Range) []align.Match {
	s.calls.matches++
	return append(dst, s.match(zh, en)...)
}

func (s *digitScoring) RefineOnly() bool { return s.refineOnly }

func (s *digitScoring) Chain() [][2]int {
	s.calls.chain++
	return nil
}

func (s *digitScoring) Screen(zh, en align.Range) (float64, float64) {
	s.calls.screen++
	return s.Similarity(zh, en)
}

func (s *digitScoring) Learn([]align.Bead) { s.calls.learn++ }

// unboundScoring is a digitScoring with Cost and Similarity only.
type unboundScoring struct{ s *digitScoring }

func (u unboundScoring) Cost(zh, en align.Range) float64 { return u.s.Cost(zh, en) }
func (u unboundScoring) Similarity(zh, en align.Range) (float64, float64) {
	return u.s.Similarity(zh, en)
}

// summaryScoring is a digitScoring that is also a Summarizer: each digit
// run of a unit adds 1 to a bucket chosen by its text, with a sign also
// chosen by it, so that a unit and its translation (the same numbers)
// point the same way.
type summaryScoring struct{ *digitScoring }

func (s summaryScoring) AddZHSummary(dst []float32, i int) {
	s.calls.summary++
	addDigitRuns(dst, s.zh[i])
}

func (s summaryScoring) AddENSummary(dst []float32, j int) {
	s.calls.summary++
	addDigitRuns(dst, s.en[j])
}

func addDigitRuns(dst []float32, runs []run) {
	for _, r := range runs {
		h := uint32(2166136261)
		for k := 0; k < len(r.text); k++ {
			h = (h ^ uint32(r.text[k])) * 16777619
		}
		v := float32(1)
		if h&1 != 0 {
			v = -1
		}
		dst[int(h>>1)%align.SummaryDim] += v
	}
}

func types(beads []align.Bead) []string {
	out := make([]string, len(beads))
	for k, b := range beads {
		out[k] = b.Type()
	}
	return out
}

// TestScorerContract checks that a Scorer defined outside the package gets
// through the optional interfaces what the built-in scorers get: its
// matches shown as evidence, its bound used to skip full costs (with the
// same path found), its Chain, Screen and Learn called, and its place in
// the passes of a long document.
func TestScorerContract(t *testing.T) {
	zh, en := readLines(t, pressZH), readLines(t, pressEN)
	align1 := func(d digitScorer, zh, en []string) *align.Alignment {
		t.Helper()
		a := &align.Aligner{Scorers: append([]align.Scorer{d}, align.DefaultScorers(nil)...)}
		al, err := a.AlignSentences(zh, en)
		if err != nil {
			t.Fatal(err)
		}
		return al
	}

	bounded := digitScorer{calls: &digitCalls{}}
	al := align1(bounded, zh, en)
	t.Run("evidence", func(t *testing.T) {
		n := 0
		for p := range al.All() {
			for _, e := range p.Evidence {
				if e.Kind != "digits" {
					continue
				}
				n++
				// The English span is widened to the whole word ("200th").
				if z, e := p.ZH[e.ZHStart:e.ZHEnd], p.EN[e.ENStart:e.ENEnd]; !strings.Contains(e, z) {
					t.Errorf("digits evidence %q against %q", z, e)
				}
			}
		}
		if n == 0 || bounded.calls.matches == 0 {
			t.Errorf("%d digits evidence spans (%d Matches calls), want some", n, bounded.calls.matches)
		}
	})
	t.Run("pruning", func(t *testing.T) {
		plain := digitScorer{noBound: true, calls: &digitCalls{}}
		alp := align1(plain, zh, en)
		if diff := cmp.Diff(types(alp.Beads), types(al.Beads)); diff != "" {
			t.Errorf("beads with and without the bound differ (-without +with):\n%s", diff)
		}
		if bounded.calls.bound == 0 || bounded.calls.cost >= plain.calls.cost {
			t.Errorf("Cost calls: %d with LowerBound (%d bounds), %d without: want fewer with it",
				bounded.calls.cost, bounded.calls.bound, plain.calls.cost)
		}
		t.Logf("Cost calls: %d with LowerBound (%d LowerBound calls), %d without", bounded.calls.cost, bounded.calls.bound, plain.calls.cost)
	})
	t.Run("chain screen learn", func(t *testing.T) {
		if c := bounded.calls; c.chain == 0 || c.screen == 0 || c.learn != 1 {
			t.Errorf("Chain, Screen, Learn called %d, %d, %d times; want Chain and Screen, and Learn once", c.chain, c.screen, c.learn)
		}
	})
	t.Run("refine only", func(t *testing.T) {
		if testing.Short() {
			t.Skip("a 4,000-sentence alignment")
		}
		// 30 copies of press001: more than 4,000 sentences, a long
		// document. Without a Summarizer (no lexicon), the first search
		// leaves the RefineOnly scoring out.
		lzh, len_ := copies(zh, 30), copies(en, 30)
		align2 := func(d digitScorer) *align.Alignment {
			t.Helper()
			a := &align.Aligner{Scorers: []align.Scorer{d, align.LengthScorer{}, align.AnchorScorer{}, align.QuoteScorer{}}}
			al, err := a.AlignSentences(lzh, len_)
			if err != nil {
				t.Fatal(err)
			}
			return al
		}
		refine := digitScorer{refineOnly: true, calls: &digitCalls{}}
		every := digitScorer{calls: &digitCalls{}}
		alRefine, alEvery := align2(refine), align2(every)
		if refine.calls.bound >= every.calls.bound {
			t.Errorf("LowerBound calls: %d when RefineOnly, %d when not: want fewer (left out of the wide first search)", refine.calls.bound, every.calls.bound)
		}
		t.Logf("LowerBound calls: %d RefineOnly, %d every pass; beads %d, %d", refine.calls.bound, every.calls.bound, len(alRefine.Beads), len(alEvery.Beads))
	})
}

// copies returns k copies of lines, one after another.
func copies(lines []string, k int) []string {
	var out []string
	for range k {
		out = append(out, lines...)
	}
	return out
}

// TestScorerContractSummarizer checks that the coarse levels of a long
// document take the summaries of the first Scoring that is a Summarizer,
// whether or not it is built in: an outside Summarizer is asked for every
// unit's summary, and one after the lexicon (the first Summarizer of the
// default set) is never asked.
func TestScorerContractSummarizer(t *testing.T) {
	if testing.Short() {
		t.Skip("4,000-sentence alignments")
	}
	zh, en := readLines(t, pressZH), readLines(t, pressEN)
	lzh, len_ := copies(zh, 30), copies(en, 30)
	for _, tt := range []struct {
		name     string
		first    bool // the outside Summarizer comes before the default scorers
		defaults bool // the default scorers (with the lexicon) are there
		asked    bool // its summaries are asked for
	}{
		{"alone", true, false, true},
		{"before the lexicon", true, true, true},
		{"after the lexicon", false, true, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := digitScorer{summarize: true, calls: &digitCalls{}}
			scorers := []align.Scorer{align.LengthScorer{}, align.AnchorScorer{}}
			if tt.defaults {
				scorers = align.DefaultScorers(nil)
			}
			if tt.first {
				scorers = append([]align.Scorer{d}, scorers...)
			} else {
				scorers = append(scorers, d)
			}
			al, err := (&align.Aligner{Scorers: scorers}).AlignSentences(lzh, len_)
			if err != nil {
				t.Fatal(err)
			}
			if want := len(lzh) + len(len_); tt.asked && d.calls.summary != want {
				t.Errorf("%d summaries asked for, want one per unit (%d)", d.calls.summary, want)
			}
			if !tt.asked && d.calls.summary != 0 {
				t.Errorf("%d summaries asked for, want none (the lexicon comes first)", d.calls.summary)
			}
			gold := readGold(t, pressGold, len(zh), len(en))
			var lgold []goldBead
			for k := range 30 {
				lgold = append(lgold, shiftBeads(gold, k*len(zh), k*len(en))...)
			}
			_, _, f := strictScore(lgold, toGold(al.Beads))
			if f < 0.8 {
				t.Errorf("strict F1 %.3f against 30 copies of the press gold, want at least 0.8", f)
			}
			t.Logf("%d summaries; strict F1 %.3f", d.calls.summary, f)
		})
	}
}

// TestScorerContractNoDoors checks that a Scorer with Cost and Similarity
// only still aligns, with no evidence of its own.
func TestScorerContractNoDoors(t *testing.T) {
	zh, en := readLines(t, pressZH), readLines(t, pressEN)
	d := digitScorer{noBound: true, calls: &digitCalls{}}
	al, err := (&align.Aligner{Scorers: []align.Scorer{align.LengthScorer{}, d}}).AlignSentences(zh, en)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range al.Pairs() {
		for _, e := range p.Evidence {
			t.Errorf("evidence %q from a scorer that is no Matcher", e.Kind)
		}
	}
	if !strings.Contains(strings.Join(types(al.Beads), " "), "1-1") {
		t.Errorf("no 1-1 bead in %v", types(al.Beads))
	}
}

// TestManyScorers checks that every scorer's bound is used however many
// scorers there are (no fixed number of bounded scorings).
func TestManyScorers(t *testing.T) {
	zh, en := readLines(t, pressZH), readLines(t, pressEN)
	scorers := align.DefaultScorers(nil)
	var calls []*digitCalls
	for range 9 {
		c := &digitCalls{}
		calls = append(calls, c)
		scorers = append(scorers, digitScorer{calls: c})
	}
	if _, err := (&align.Aligner{Scorers: scorers}).AlignSentences(zh, en); err != nil {
		t.Fatal(err)
	}
	for k, c := range calls {
		if c.bound == 0 {
			t.Errorf("scorer %d of %d: LowerBound never called", len(scorers)-len(calls)+k, len(scorers))
		}
	}
}
