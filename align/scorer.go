package align

import (
	"math"
	"sort"
	"unicode"
	"unicode/utf8"
)

// Scorer is one source of evidence that a run of Chinese units (sentences or
// paragraphs) and a run of English units are translations of each other.
// Length, anchors, lexicon and quotes are Scorers. The search adds up the
// costs of every scorer and the bead type's prior; what else a scorer can
// do it says through optional interfaces on its Scoring ([LowerBounder],
// [Matcher], [Refiner], [Chainer], [Screener], [Summarizer], [Learner]),
// which the aligner looks for as io.Copy looks for io.WriterTo. The
// built-in scorers use these interfaces and no other door, so a Scorer
// written outside the package is pruned, shows evidence, guides the coarse
// levels and takes part in the passes exactly as they do.
type Scorer interface {
	// Name names the scorer in Score.Scorer, e.g. "length".
	Name() string
	// Prepare looks at a whole document pair (one unit per element) and
	// returns the scoring for it. Parameters are estimated here, from the
	// document pair itself. It must not return nil.
	Prepare(zh, en []string) Scoring
}

// Scoring scores candidate beads of one document pair, as prepared by a
// Scorer. Ranges index the slices given to Prepare. Cost is called millions
// of times on long documents: keep it cheap (cache per unit pair). The
// aligner calls a Scoring from one goroutine at a time.
type Scoring interface {
	// Cost returns the cost in nats of aligning zh with en: roughly the
	// negative log-likelihood ratio of "translation" against "chance".
	// Negative values are evidence for the bead. Either range may be empty.
	Cost(zh, en Range) float64
	// Similarity returns the scorer's own view of the bead in [0,1] and the
	// weight that view deserves in the bead's confidence (0 when the scorer
	// has nothing to say, such as no anchors on either side).
	Similarity(zh, en Range) (value, weight float64)
}

// Learner is implemented by a Scoring that can learn from a first alignment
// pass (re-estimating its parameters or associations from the beads found).
// When any Scoring is a Learner, the aligner searches a second time (unless
// Aligner.NoLearn is set).
type Learner interface {
	// Learn receives the beads of the first pass, with their confidence
	// (computed with Screen where the Scorings are Screeners).
	Learn(beads []Bead)
}

// LowerBounder is implemented by a Scoring that can bound its Cost from
// below in constant time. While searching, the aligner adds the costs of the
// Scorings without a bound, then replaces the bounds one by one (in Scorers
// order) by the costs, and gives up on the bead, without calling the
// remaining Costs, as soon as the sum can no longer beat the best bead
// found for that cell. The path found is the same as without bounds.
type LowerBounder interface {
	// LowerBound returns a value no greater than Cost(zh, en). It is
	// asked only for beads with units on both sides.
	LowerBound(zh, en Range) float64
}

// Matcher is implemented by a Scoring that can say what it matched inside a
// bead. When the alignment is made, the aligner records the matches of the
// sentence beads; Pairs shows them as Pair.Evidence, for highlighting.
// Matchers are also the scorings the aligner asks, through Screen (or
// Similarity), whether a unit at the end of a bead with several units on
// one side has anything to do with the other side: a unit none of them
// finds evidence for is split off as an omission.
type Matcher interface {
	// AppendMatches appends to dst what the scoring matched between
	// units of zh and units of en, and returns the extended slice.
	AppendMatches(dst []Match, zh, en Range) []Match
}

// Match is one piece of evidence a [Matcher] found: a stretch of one Chinese
// unit that corresponds to a stretch of one English unit.
type Match struct {
	Kind           string // what matched, shown as Evidence.Kind: "number", "lexicon", …
	ZH, EN         int    // the Chinese and the English unit (indices into the slices given to Prepare)
	ZHStart, ZHEnd int    // byte span of the match inside Chinese unit ZH
	ENStart, ENEnd int    // byte span of the match inside English unit EN
}

// Refiner is implemented by a Scoring too costly for the first, wide search
// of a long document. When RefineOnly reports true, the aligner searches
// long documents (4,000 units or more on the two sides) first without the
// Scoring, then with it inside a narrow band around the path found. When
// some Scoring is a [Summarizer], that first search is the coarse path
// found from the summaries, and no Scoring is left out after it.
type Refiner interface {
	// RefineOnly reports whether the Scoring is left out of the first,
	// wide search.
	RefineOnly() bool
}

// Chainer is implemented by a Scoring that knows sure unit pairs, such as
// rare numbers found once on each side. The aligner centres its search band
// on the chain of the first Scoring (in Scorers order) that is a Chainer,
// and on long documents its coarse levels favour the group beads that hold
// a sure pair.
type Chainer interface {
	// Chain returns sure pairs (Chinese unit, English unit) in order: both
	// indices increase from one pair to the next.
	Chain() [][2]int
}

// Screener is implemented by a Scoring whose view of a bead for judging a
// whole first pass differs from the calibrated Similarity that goes into
// the bead's Confidence. The aligner fills the beads of a first pass with
// Screen instead of Similarity: the overall Alignment.Score (on which
// DefaultThreshold was measured) and the confident beads a [Learner] learns
// from are computed from it. The beads returned carry Similarity.
type Screener interface {
	// Screen returns a view of the bead in [0,1] and its weight, as
	// Similarity does.
	Screen(zh, en Range) (value, weight float64)
}

// SummaryDim is the number of values in a unit's summary (see [Summarizer]).
const SummaryDim = 32

// Summarizer is implemented by a Scoring that can say, cheaply, what each
// unit is about: a short vector of SummaryDim values. On long documents
// (4,000 units or more on the two sides) the aligner first aligns groups
// of units (pairs, pairs of pairs, and so on) coarse to fine; with a
// Summarizer, a group's summary is the sum of its units' summaries, and a
// group bead costs, besides the mismatch of its lengths, more the lower
// the cosine of its two sides' summaries. The path found is the centre of
// the first full search. Chinese and English summaries must therefore lie
// in one space: a unit and its translation should give vectors pointing
// the same way, unrelated units vectors nearly orthogonal (for instance,
// each concept hashed to a signed bucket, weighted by its rarity in the
// document). A unit with nothing to say adds nothing; a group whose sum
// is zero or not finite counts as unrelated to every other. The aligner
// uses the first Scoring (in Scorers order) that is a Summarizer;
// without one, the coarse levels compare lengths only.
type Summarizer interface {
	// AddZHSummary adds the summary of Chinese unit i to dst, which
	// holds SummaryDim values (the sum of the units before it in the
	// same group, or zeros).
	AddZHSummary(dst []float32, i int)
	// AddENSummary adds the summary of English unit j to dst, as
	// AddZHSummary.
	AddENSummary(dst []float32, j int)
}

// LengthScorer is the Gale–Church length model: the English length of a
// bead is normal around c times its Chinese length, with variance s² per
// unit of length. Both c and s² are estimated from the document pair (c from
// the total lengths, s² from the first pass's 1-1 beads), since c for
// Chinese–English moves by 25–45% with the translation direction. The zero
// value is ready to use.
type LengthScorer struct {
	// Latin is the weight of a Latin letter or digit inside Chinese text,
	// relative to a hanzi (0: 0.4).
	Latin float64
	// C and S2 fix the parameters instead of estimating them (0: estimate).
	C, S2 float64
}

// Name returns "length".
func (LengthScorer) Name() string { return "length" }

// Prepare measures the units and estimates c.
func (ls LengthScorer) Prepare(zh, en []string) Scoring {
	lat := ls.Latin
	if lat == 0 {
		lat = 0.4
	}
	s := &lengthScoring{fixedS2: ls.S2 > 0}
	s.zhCum = make([]float64, len(zh)+1)
	s.enCum = make([]float64, len(en)+1)
	for i, t := range zh {
		s.zhCum[i+1] = s.zhCum[i] + zhLength(t, lat)
	}
	for j, t := range en {
		s.enCum[j+1] = s.enCum[j] + enLength(t)
	}
	tz, te := s.zhCum[len(zh)], s.enCum[len(en)]
	switch {
	case ls.C > 0:
		s.c = ls.C
	case tz > 0 && te > 0:
		s.c = te / tz
	default:
		s.c = 4
	}
	if ls.S2 > 0 {
		s.s2 = ls.S2
	} else {
		// The variance grows about with c². A wide start (5·c²) keeps
		// the first pass from trusting length too much; it is
		// re-estimated after the first pass.
		s.s2 = 5 * s.c * s.c
	}
	s.k = s.s2 / (2 * s.c)
	return s
}

// zhLength is the length of Chinese text for the length model: one per
// hanzi or other non-space character, lat per Latin letter or digit, 0 for
// spaces.
func zhLength(s string, lat float64) float64 {
	var n float64
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			if !asciiSpace(byte(r)) {
				n += lat // a Latin letter, a digit, ASCII punctuation
			}
		case r == '\u3000' || r == '\u00a0' || unicode.IsSpace(r):
		default:
			n++
		}
	}
	return n
}

// asciiSpace reports whether c is one of the ASCII characters
// unicode.IsSpace accepts (the length functions test it inline: they run
// over every character of a document).
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// enLength is the length of English text for the length model: its
// characters, runs of spaces counted once.
func enLength(s string) float64 {
	var n float64
	sp := true
	for _, r := range s {
		if r < utf8.RuneSelf && asciiSpace(byte(r)) || r >= utf8.RuneSelf && unicode.IsSpace(r) {
			if !sp {
				n++
			}
			sp = true
			continue
		}
		sp = false
		n++
	}
	if sp && n > 0 {
		n--
	}
	return n
}

type lengthScoring struct {
	zhCum, enCum []float64 // running length of units [0, k) per side
	c, s2        float64   // English length per Chinese length, and the variance per unit of length
	k            float64   // s2/(2c), kept with them (Cost's denominator without a division)
	fixedS2      bool      // s2 was given: Learn keeps it
}

func (s *lengthScoring) delta(zh, en Range) float64 {
	lz := s.zhCum[zh.End] - s.zhCum[zh.Start]
	le := s.enCum[en.End] - s.enCum[en.Start]
	m := (lz + le/s.c) / 2
	if m <= 0 {
		return 0
	}
	return (le - s.c*lz) / math.Sqrt(m*s.s2)
}

// Cost is the normal model's −log of the tail probability of δ. A 1-0 or
// 0-1 bead at the document's edge (text before the other side's first unit
// or after its last: a header line, a dateline, a footer) costs nothing:
// such units often have no counterpart whatever their length. Other 1-0
// and 0-1 beads cost at most nullCapOne, longer runs at most nullCap.
func (s *lengthScoring) Cost(zh, en Range) float64 {
	if zh.Start == zh.End && (zh.Start == 0 || zh.Start == len(s.zhCum)-1) ||
		en.Start == en.End && (en.Start == 0 || en.Start == len(s.enCum)-1) {
		return 0
	}
	// delta and logTail written out in one function (the search calls it
	// for nearly every bead): the same operations in the same order.
	lz := s.zhCum[zh.End] - s.zhCum[zh.Start]
	le := s.enCum[en.End] - s.enCum[en.Start]
	var x float64
	if m := lz*s.c + le; !(m <= 0) { // as delta, times 2c: NaN goes on
		x = (le - s.c*lz) / math.Sqrt(m*s.k)
	}
	if x < 0 {
		x = -x
	}
	var t float64
	if x >= tailMax || x != x {
		t = logTailExact(x)
	} else {
		f := x * tailScale
		k := int(f)
		d := f - float64(k)
		tk := tailTable[k : k+2]
		t = tk[0] + d*(tk[1]-tk[0])
	}
	if zh.Start == zh.End || en.Start == en.End {
		if zh.Len()+en.Len() == 1 {
			return min(-t, nullCapOne)
		}
		return min(-t, nullCap)
	}
	return -t
}

// LowerBound returns 0: the cost is the negative log of a probability.
func (s *lengthScoring) LowerBound(zh, en Range) float64 { return 0 }

// nullCap bounds the length cost of a run of units with no counterpart
// (a 2-0 to 5-0 bead, or 0-2 to 0-5). The normal model makes leaving out a
// long paragraph dearer than any wrong merge, so a missing paragraph would
// be glued to its neighbour; with the cap, the omission prior and the
// other scorers decide.
const nullCap = 6.0

// nullCapOne bounds the length cost of a single 1-0 or 0-1 bead, lower
// than nullCap: a sentence with no counterpart is glued to a neighbour
// when that costs less than leaving it alone, and a glued sentence pays
// only the dilution of its bead's length ratio and its words' misses (a
// few nats), so at 6 most untranslated sentences of news were glued
// (omission variants of the dev sets, TestOmissionVariants: 1-0/0-1
// recall 0.14 at precision 0.81; 0.29 at 0.88 with 3.5). With the unit
// test of the guard (unrelated) behind it, which splits off the glued
// sentences that the search still prefers to glue: recall 0.45 at 0.91
// with 2.5, 0.56 at 0.87 with 1.5, 0.57 at 0.83 with 1, 0.62 at 0.81 with
// 0.5; strict F1 of mac-dev, aca and mag change by at most 0.004 (one
// bead each, gold 1-N beads whose extra sentence translates little or
// nothing).
const nullCapOne = 1.5

// Similarity returns the posterior probability of a translation from the
// length alone (even prior odds): the density of δ under the model, a
// standard normal, against a normal three times as wide for unrelated
// text. It is at most 0.75 (length alone never makes a pair sure), 0.66
// at |δ| = 1 and 0.34 at |δ| = 2. (The tail probability 2(1−Φ(|δ|)) of
// Screen is uniform over correct beads: half of them would score below
// 0.5.)
func (s *lengthScoring) Similarity(zh, en Range) (float64, float64) {
	d := s.delta(zh, en)
	llr := math.Log(3) - d*d*(0.5-1.0/18)
	return 1 / (1 + math.Exp(-llr)), 1
}

// Screen returns the normal tail probability 2(1−Φ(|δ|)), the view the
// overall score was measured with.
func (s *lengthScoring) Screen(zh, en Range) (float64, float64) {
	return math.Exp(logTail(s.delta(zh, en))), 1
}

// Learn re-estimates s² from the first pass's 1-1 beads: the median of
// δ² (times s²) over those beads, scaled to a variance (the median of χ²₁ is
// 0.455), then widened 2.5 times: the length ratio has heavier tails than a
// normal distribution, and measured on the dev sets a model that trusts
// length less aligns better. The median keeps wrong beads from inflating it.
func (s *lengthScoring) Learn(beads []Bead) {
	if s.fixedS2 {
		return
	}
	var v []float64
	for _, b := range beads {
		if b.ZH.Len() != 1 || b.EN.Len() != 1 {
			continue
		}
		d := s.delta(b.ZH, b.EN)
		v = append(v, d*d*s.s2)
	}
	if len(v) < 20 {
		return
	}
	sort.Float64s(v)
	med := v[len(v)/2]
	est := 2.5 * med / 0.455
	lo, hi := 0.5*s.c*s.c, 8*s.c*s.c
	s.s2 = math.Max(lo, math.Min(hi, est))
	s.k = s.s2 / (2 * s.c)
}

// logTail returns log P(|Z| ≥ x) = log erfc(x/√2) for a standard normal Z,
// computed in log space so that it stays finite for any x (no −∞, which
// would let a search restart for free). Values come from a table with
// linear interpolation (the search calls it millions of times).
func logTail(x float64) float64 {
	if x < 0 {
		x = -x
	}
	if x >= tailMax || x != x {
		return logTailExact(x)
	}
	f := x * tailScale
	k := int(f)
	d := f - float64(k)
	return tailTable[k] + d*(tailTable[k+1]-tailTable[k])
}

const (
	tailMax   = 40.0
	tailScale = 100.0
)

var tailTable = func() []float64 {
	t := make([]float64, int(tailMax*tailScale)+2)
	for k := range t {
		t[k] = logTailExact(float64(k) / tailScale)
	}
	return t
}()

// logTailExact computes log erfc(x/√2) directly, switching to the
// asymptotic expansion where erfc underflows.
func logTailExact(x float64) float64 {
	z := x / math.Sqrt2
	if z < 20 {
		return math.Log(math.Erfc(z))
	}
	// erfc(z) ≈ e^{−z²}/(z√π)·(1 − 1/(2z²) + 3/(4z⁴)).
	z2 := z * z
	return -z2 - math.Log(z*math.SqrtPi) + math.Log1p(-1/(2*z2)+3/(4*z2*z2))
}
