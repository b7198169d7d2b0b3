package align

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/bitextlab/zhen/internal/dp"
	"github.com/bitextlab/zhen/internal/search"
	"github.com/bitextlab/zhen/segment"
)

// BeadType is the shape of a bead: ZH Chinese units against EN English
// units. {1, 2} is a "1-2" bead.
type BeadType struct {
	ZH, EN int // number of Chinese and of English units in the bead
}

// String returns the type as "1-2".
func (t BeadType) String() string { return fmt.Sprintf("%d-%d", t.ZH, t.EN) }

// DefaultPriors are the sentence bead priors used when Aligner.Priors is
// nil: measured on Chinese-original official prose (1-2 16%, 1-3 4.5%, 1-4
// 1.6%), with room for the 2-1 and 3-1 beads of English-original text. The
// aligner re-estimates them from its first pass, so they are a starting
// point, not a cage.
var DefaultPriors = map[BeadType]float64{
	{1, 1}: 0.70, {1, 2}: 0.16, {1, 3}: 0.045, {1, 4}: 0.016,
	{2, 1}: 0.03, {2, 2}: 0.012, {3, 1}: 0.006, {4, 1}: 0.001,
	{2, 3}: 0.006, {3, 2}: 0.003, {1, 0}: 0.006, {0, 1}: 0.006,
	{1, 5}: 0.004,
}

// DefaultParagraphPriors are the paragraph bead priors used when
// Aligner.ParagraphPriors is nil: press documents are paragraph-parallel,
// but titles, headers and datelines are regrouped or exist on one side only.
var DefaultParagraphPriors = map[BeadType]float64{
	{1, 1}: 0.86, {1, 0}: 0.02, {0, 1}: 0.02, {1, 2}: 0.03, {2, 1}: 0.03,
	{2, 2}: 0.01, {1, 3}: 0.01, {3, 1}: 0.005, {2, 3}: 0.005, {3, 2}: 0.005,
	{1, 4}: 0.002, {4, 1}: 0.002,
}

// DefaultThreshold is the overall parallelism score below which Align and
// AlignSentences return ErrNotParallel (unless Aligner.Force is set).
// Measured: translations score 0.66–0.88 (the freest literary chapter
// lowest), unrelated texts of the same genre 0.08–0.31 (seeds 000 and 002:
// 0.19). The threshold sits nearer the unrelated side, since refusing a
// real translation costs more than aligning a doubtful pair.
const DefaultThreshold = 0.4

// ErrNotParallel is the error (wrapped in a *NotParallelError) returned when
// two texts do not look like translations of each other.
var ErrNotParallel = errors.New("align: texts are not parallel")

// NotParallelError reports a document pair whose overall score is below the
// threshold. errors.Is(err, ErrNotParallel) holds. The alignment found is
// returned beside it.
type NotParallelError struct {
	Score, Threshold float64 // the pair's overall score, and the threshold it fell below
}

// Error describes the score and threshold.
func (e *NotParallelError) Error() string {
	return fmt.Sprintf("align: texts are not parallel: score %.3f below threshold %.3f", e.Score, e.Threshold)
}

// Unwrap returns ErrNotParallel.
func (e *NotParallelError) Unwrap() error { return ErrNotParallel }

// Aligner aligns Chinese with English text. The zero value is ready to use
// and right for Chinese–English press text: length, anchor and lexicon
// scorers, priors for Chinese-original prose re-estimated per document, a
// second pass that learns word associations from the first. An Aligner is
// not changed by aligning: several goroutines may use one at once (as long
// as its Scorers are safe for that, as the package's are).
type Aligner struct {
	// Priors are the sentence bead types allowed and their prior
	// probabilities (nil: DefaultPriors). They need not sum to 1. Where
	// the allowed types cannot tile a stretch of text (only 1-1 for
	// unequal counts), that stretch is reported as 1-0 and 0-1 beads.
	// Types with more than 8 units on a side are ignored.
	Priors map[BeadType]float64
	// ParagraphPriors are the paragraph bead types and priors (nil:
	// DefaultParagraphPriors).
	ParagraphPriors map[BeadType]float64
	// Scorers are the sources of evidence (nil: DefaultScorers(Glossary)).
	Scorers []Scorer
	// Glossary adds user term pairs to the lexicon scorer of the default
	// set. Ignored when Scorers is set.
	Glossary *Glossary
	// Threshold is the overall score below which the texts are called not
	// parallel (0: DefaultThreshold; negative: never).
	Threshold float64
	// Force aligns texts that do not look parallel instead of returning
	// ErrNotParallel.
	Force bool
	// NoLearn skips the second pass (re-estimated priors and length
	// variance, word associations learnt from the first pass).
	NoLearn bool
	// Band is the initial half-width of the search band, in sentences
	// (0: 12). The band widens by itself where the path runs along its edge.
	Band int
	// Progress, when set, is called now and then with the units done and
	// the total, for long jobs.
	Progress func(done, total int)
}

// Alignment is the result of aligning two texts.
type Alignment struct {
	ZH, EN []string // the sentences, in order (Foreign paragraphs left out)
	// Beads are the sentence beads, in order: they cover every sentence of
	// ZH and EN exactly once and are monotone.
	Beads []Bead
	// Paragraphs are the paragraph beads, ranges in sentence indices (one
	// bead spanning everything when aligning sentence lists).
	Paragraphs []Bead
	// Score is the overall parallelism of the pair in [0,1]: the
	// length-weighted mean confidence of the beads, omissions counting 0.
	Score float64
	// Skipped lists what was left out of the alignment (paragraphs of Kind
	// Foreign or with no sentences, sentence spans outside the text), so
	// that nothing is dropped silently.
	Skipped []Skipped

	zhDoc, enDoc     *segment.Document
	zhSpans, enSpans []segment.Span
	zhPar, enPar     []int    // source paragraph index of each sentence
	paraType         []string // bead type of each paragraph bead, in paragraphs
	evidence         func(b Bead) []sentEvidence
}

// Skipped is a paragraph left out of the alignment.
type Skipped struct {
	Lang      segment.Lang // the side it was on
	Paragraph int          // index in Document.Paragraphs
	Span      segment.Span // the paragraph's (or the bad sentence's) span
	Reason    string       // "foreign", "no sentences", "sentence span outside the text"
}

// AlignSentences aligns pre-split sentence lists (one sentence per element,
// as in one-sentence-per-line corpora). The returned alignment has a single
// paragraph bead.
func (a *Aligner) AlignSentences(zh, en []string) (*Alignment, error) {
	al := &Alignment{ZH: zh, EN: en}
	r := a.newRun(zh, en, a.priors(), true)
	blocks := []block{{z: Range{0, len(zh)}, e: Range{0, len(en)}}}
	al.Beads = r.alignBlocks(blocks, a)
	al.Paragraphs = []Bead{{ZH: Range{0, len(zh)}, EN: Range{0, len(en)}, Confidence: 1}}
	al.evidence = r.evidence
	return a.finish(al, r)
}

// Align aligns two segmented documents: paragraphs first, then sentences
// inside each paragraph bead (sentence beads never cross a paragraph
// bead). Paragraphs of Kind Foreign are skipped and listed in
// Alignment.Skipped.
func (a *Aligner) Align(zh, en *segment.Document) (*Alignment, error) {
	if zh == nil || en == nil {
		return nil, errors.New("align: nil document")
	}
	al := &Alignment{zhDoc: zh, enDoc: en}
	zp := collect(zh, segment.Chinese, al, &al.ZH, &al.zhSpans, &al.zhPar)
	ep := collect(en, segment.English, al, &al.EN, &al.enSpans, &al.enPar)
	// Paragraph texts and their sentence ranges.
	ztexts, zr := paraTexts(zh, zp)
	etexts, er := paraTexts(en, ep)
	pr := a.newRun(ztexts, etexts, a.paragraphPriors(), false)
	pbeads := pr.alignBlocks([]block{{z: Range{0, len(ztexts)}, e: Range{0, len(etexts)}}}, a)
	r := a.newRun(al.ZH, al.EN, a.priors(), true)
	var blocks []block
	for k, pb := range pbeads {
		b := block{
			z:    Range{rangeStart(zr, pb.ZH, len(al.ZH)), rangeEnd(zr, pb.ZH, len(al.ZH))},
			e:    Range{rangeStart(er, pb.EN, len(al.EN)), rangeEnd(er, pb.EN, len(al.EN))},
			para: k,
		}
		blocks = append(blocks, b)
		p := pb
		p.ZH, p.EN = b.z, b.e
		p.Paragraph = k
		al.Paragraphs = append(al.Paragraphs, p)
		al.paraType = append(al.paraType, pb.Type())
	}
	al.Beads = r.alignBlocks(blocks, a)
	al.evidence = r.evidence
	return a.finish(al, r)
}

// collect lists the sentences of the document's non-Foreign paragraphs and
// returns the indices of those paragraphs.
func collect(d *segment.Document, lang segment.Lang, al *Alignment, texts *[]string, spans *[]segment.Span, par *[]int) []int {
	var keep []int
	for pi, p := range d.Paragraphs {
		if p.Kind == segment.Foreign {
			al.Skipped = append(al.Skipped, Skipped{Lang: lang, Paragraph: pi, Span: p.Span, Reason: "foreign"})
			continue
		}
		n := 0
		for _, s := range p.Sentences {
			if !validSpan(s, d.Text) {
				al.Skipped = append(al.Skipped, Skipped{Lang: lang, Paragraph: pi, Span: s, Reason: "sentence span outside the text"})
				continue
			}
			*texts = append(*texts, d.Text[s.Start:s.End])
			*spans = append(*spans, s)
			*par = append(*par, pi)
			n++
		}
		if n == 0 {
			al.Skipped = append(al.Skipped, Skipped{Lang: lang, Paragraph: pi, Span: p.Span, Reason: "no sentences"})
			continue
		}
		keep = append(keep, pi)
	}
	return keep
}

func validSpan(s segment.Span, text string) bool {
	return s.Start >= 0 && s.End <= len(text) && s.Start <= s.End
}

// paraTexts returns the text of each kept paragraph and the range of
// sentence indices each covers.
func paraTexts(d *segment.Document, keep []int) ([]string, []Range) {
	texts := make([]string, 0, len(keep))
	rs := make([]Range, 0, len(keep))
	n := 0
	for _, pi := range keep {
		p := d.Paragraphs[pi]
		k := 0
		var parts []string
		for _, s := range p.Sentences {
			if !validSpan(s, d.Text) {
				continue
			}
			parts = append(parts, d.Text[s.Start:s.End])
			k++
		}
		sep := " "
		if d.Lang == segment.Chinese {
			sep = ""
		}
		texts = append(texts, strings.Join(parts, sep))
		rs = append(rs, Range{n, n + k})
		n += k
	}
	return texts, rs
}

func rangeStart(rs []Range, r Range, total int) int {
	if r.Start < len(rs) {
		return rs[r.Start].Start
	}
	return total
}

func rangeEnd(rs []Range, r Range, total int) int {
	if r.Len() == 0 {
		return rangeStart(rs, r, total)
	}
	return rs[r.End-1].End
}

func (a *Aligner) priors() map[BeadType]float64 {
	if a.Priors != nil {
		return a.Priors
	}
	return DefaultPriors
}

func (a *Aligner) paragraphPriors() map[BeadType]float64 {
	if a.ParagraphPriors != nil {
		return a.ParagraphPriors
	}
	return DefaultParagraphPriors
}

func (a *Aligner) scorers() []Scorer {
	if a.Scorers != nil {
		return a.Scorers
	}
	return DefaultScorers(a.Glossary)
}

// finish computes the overall score and applies the threshold.
func (a *Aligner) finish(al *Alignment, r *run) (*Alignment, error) {
	al.Score = r.firstScore
	th := a.threshold()
	if len(al.ZH) == 0 && len(al.EN) == 0 {
		return al, nil // nothing to align is not an error
	}
	if !a.Force && th > 0 && al.Score < th {
		return al, &NotParallelError{Score: al.Score, Threshold: th}
	}
	return al, nil
}

// threshold returns the effective parallelism threshold.
func (a *Aligner) threshold() float64 {
	if a.Threshold == 0 {
		return DefaultThreshold
	}
	return a.Threshold
}

// block is a rectangle of the grid aligned on its own (a paragraph bead).
type block struct {
	z, e Range
	para int
}

// run holds what one search over a document pair (sentences or paragraphs)
// needs.
type run struct {
	zh, en     []string
	names      []string
	scorings   []Scoring
	priors     map[BeadType]float64
	zcum, ecum []float64 // cumulative lengths, for band centres and weights
	c          float64
	sentences  bool
	chain      [][2]int // sure anchor pairs (zh, en)
	progress   func(done, total int)
	done, tot  int
	last       int                  // last value reported to progress
	firstScore float64              // overall score of the first full pass
	lex        *lexScoring          // the lexicon, for content-aware coarse levels (nil: length only)
	coarse     map[[2]int][]dp.Step // coarse path of each long block (local steps), by its start
	final      bool                 // filling the beads of the last pass
	isLength   []bool               // per scoring: the length model
	quotes     []*quoteScoring      // per scoring: the quotation states (costed without an interface call)
	bounders   []lowerBounder
	lengths    []*lengthScoring // per scoring: the length model (costed without an interface call)
	lexicons   []*lexScoring    // per scoring: the lexicon (likewise)
	anchors    []*anchorScoring // per scoring: the anchors (likewise)
	quoteIdx   []int            // indices of the quotation scorings, in order
	boundIdx   []int            // indices of the scorings with a lower bound, in order
	plainIdx   []int            // indices of the others, in order
	// early is set when every scoring is the length model, quotation
	// states, or has a lower bound: costLimit then tests the bounds
	// before costing the length model (whose cost is never negative).
	early bool
}

// legacySimilarity is the similarity of the built-in scorings before
// calibration (length: the normal tail probability; lexicon: the
// untempered posterior; anchors: misses count fully). The first pass fills
// its beads with it: the overall Score (and DefaultThreshold, measured on
// it) and the choice of confident beads to learn from were tuned on these
// values. The beads returned carry the calibrated Similarity.
type legacySimilarity interface {
	legacySimilarity(zh, en Range) (value, weight float64)
}

func (a *Aligner) newRun(zh, en []string, priors map[BeadType]float64, sentences bool) *run {
	r := &run{zh: zh, en: en, priors: priors, sentences: sentences}
	for _, s := range a.scorers() {
		r.names = append(r.names, s.Name())
		r.scorings = append(r.scorings, s.Prepare(zh, en))
	}
	r.zcum = make([]float64, len(zh)+1)
	r.ecum = make([]float64, len(en)+1)
	for i, t := range zh {
		r.zcum[i+1] = r.zcum[i] + ZHLength(t, 0.4) + 0.5
	}
	for j, t := range en {
		r.ecum[j+1] = r.ecum[j] + ENLength(t) + 0.5
	}
	r.c = 4
	if r.zcum[len(zh)] > 0 && r.ecum[len(en)] > 0 {
		r.c = r.ecum[len(en)] / r.zcum[len(zh)]
	}
	r.chain = sureChain(r.scorings, len(zh), len(en))
	return r
}

// sortedTypes returns the bead types of m in a fixed order (Chinese count,
// then English count), so that sums over a map of priors come out the same on
// every run: map iteration order would change the last digits of the costs.
func sortedTypes(m map[BeadType]float64) []BeadType {
	ts := make([]BeadType, 0, len(m))
	for t := range m {
		ts = append(ts, t)
	}
	sort.Slice(ts, func(a, b int) bool {
		if ts[a].ZH != ts[b].ZH {
			return ts[a].ZH < ts[b].ZH
		}
		return ts[a].EN < ts[b].EN
	})
	return ts
}

func (r *run) moves() []dp.Move {
	var mv []dp.Move
	var tot float64
	types := sortedTypes(r.priors)
	for _, t := range types {
		if p := r.priors[t]; p > 0 {
			tot += p
		}
	}
	for _, t := range types {
		p := r.priors[t]
		if p <= 0 || t.ZH < 0 || t.EN < 0 || t.ZH+t.EN == 0 || t.ZH > 8 || t.EN > 8 {
			continue
		}
		mv = append(mv, dp.Move{DI: t.ZH, DJ: t.EN, Cost: -math.Log(p / tot)})
	}
	if r.sentences {
		mv = append(mv, omissionRuns(mv)...) // paragraphs: their own priors
	}
	sort.Slice(mv, func(a, b int) bool {
		if mv[a].DI != mv[b].DI {
			return mv[a].DI < mv[b].DI
		}
		return mv[a].DJ < mv[b].DJ
	})
	return mv
}

// cost is the scorers' cost of a bead. A 1-0 or 0-1 bead at the start or
// end of the document (text before the other side's first unit or after
// its last: a header line over the title, a dateline, a footer) is an
// edge omission: such units have no counterpart far more often than units
// inside a text, so it costs edgeBonus less, and the length model, which
// prices an omission by its length, is left out. Without this, a header
// with no counterpart was glued into the title bead (seed 001: a 1-2 of
// confidence 0.15) whenever its words or length did not clearly speak
// against it; with it, such a unit is left out unless it adds evidence
// to the bead it would join.
func (r *run) cost(i, j, di, dj int) float64 {
	return r.costLimit(i, j, di, dj, math.Inf(1))
}

// lowerBounder is implemented by a Scoring that can bound its Cost from
// below cheaply (the lexicon: every word covered). When the cheap scorers
// and that bound already exceed the limit a bead must beat, the search
// skips the exact cost.
type lowerBounder interface {
	lowerBound(zh, en Range) float64
}

// costLimit is cost, or +Inf when the bead's cost is sure to be above
// limit (dp.BoundedCostFunc). Scorings without a lower bound are costed
// first; then those with one, in order, each replacing its bound by its
// cost while the sum of costs and remaining bounds stays under the limit.
func (r *run) costLimit(i, j, di, dj int, limit float64) float64 {
	if len(r.isLength) != len(r.scorings) {
		r.kinds()
	}
	zr, er := Range{i, i + di}, Range{j, j + dj}
	edge := di == 0 && (i == 0 || i == len(r.zh)) || dj == 0 && (j == 0 || j == len(r.en))
	bound := !math.IsInf(limit, 1) && di > 0 && dj > 0
	var c, lb float64
	var lbs [8]float64 // bounds of the deferred scorings, by index (few scorers)
	deferred := false
	if bound && r.early {
		// The bounds and the quotation costs first: the length model's
		// cost is never negative, and floating-point addition is monotone,
		// so when they alone exceed the limit, so does the sum with it
		// (the test below would prune the bead too). The sums are formed
		// in the same order as below, so the result is the same.
		var q float64
		for _, k := range r.quoteIdx {
			q += r.quotes[k].cost(zr, er)
		}
		for _, k := range r.boundIdx {
			if a := r.anchors[k]; a != nil {
				lbs[k] = a.lowerBound(zr, er)
			} else if x := r.lexicons[k]; x != nil {
				lbs[k] = x.lowerBound(zr, er)
			} else {
				lbs[k] = r.bounders[k].lowerBound(zr, er)
			}
			lb += lbs[k]
		}
		if q+lb > limit+1e-9 {
			return math.Inf(1)
		}
		deferred = true
		for _, k := range r.plainIdx {
			if q := r.quotes[k]; q != nil {
				c += q.cost(zr, er)
			} else if l := r.lengths[k]; l != nil {
				c += l.cost(zr, er)
			} else {
				c += r.scorings[k].Cost(zr, er)
			}
		}
	} else {
		for k, s := range r.scorings {
			if edge && r.isLength[k] {
				continue
			}
			if q := r.quotes[k]; q != nil {
				c += q.cost(zr, er)
				continue
			}
			if bound && r.bounders[k] != nil && k < len(lbs) {
				lbs[k] = r.bounders[k].lowerBound(zr, er)
				lb += lbs[k]
				deferred = true
				continue
			}
			if l := r.lengths[k]; l != nil {
				c += l.cost(zr, er)
				continue
			}
			if x := r.lexicons[k]; x != nil {
				c += x.Cost(zr, er)
				continue
			}
			if a := r.anchors[k]; a != nil {
				c += a.Cost(zr, er)
				continue
			}
			c += s.Cost(zr, er)
		}
	}
	if edge {
		c -= edgeBonus
	}
	if !deferred {
		return c
	}
	for _, k := range r.boundIdx {
		if k >= len(lbs) {
			continue
		}
		if c+lb > limit+1e-9 {
			return math.Inf(1)
		}
		lb -= lbs[k]
		if x := r.lexicons[k]; x != nil {
			c += x.Cost(zr, er)
		} else if a := r.anchors[k]; a != nil {
			c += a.Cost(zr, er)
		} else {
			c += r.scorings[k].Cost(zr, er)
		}
	}
	return c
}

// kinds records which of the current scorings are the length model and
// which can bound their cost (the scorings change between passes).
func (r *run) kinds() {
	r.isLength = make([]bool, len(r.scorings))
	r.quotes = make([]*quoteScoring, len(r.scorings))
	r.bounders = make([]lowerBounder, len(r.scorings))
	r.lengths = make([]*lengthScoring, len(r.scorings))
	r.quoteIdx, r.boundIdx, r.plainIdx = nil, nil, nil
	r.lexicons = make([]*lexScoring, len(r.scorings))
	r.anchors = make([]*anchorScoring, len(r.scorings))
	r.early = len(r.scorings) <= 8
	for k, s := range r.scorings {
		r.lengths[k], r.isLength[k] = s.(*lengthScoring)
		r.lexicons[k], _ = s.(*lexScoring)
		r.anchors[k], _ = s.(*anchorScoring)
		r.quotes[k], _ = s.(*quoteScoring)
		if b, ok := s.(lowerBounder); ok {
			r.bounders[k] = b
		}
		if !r.isLength[k] && r.quotes[k] == nil && r.bounders[k] == nil {
			r.early = false
		}
		switch {
		case r.bounders[k] != nil:
			r.boundIdx = append(r.boundIdx, k)
		case r.quotes[k] != nil:
			r.quoteIdx = append(r.quoteIdx, k)
			r.plainIdx = append(r.plainIdx, k)
		default:
			r.plainIdx = append(r.plainIdx, k)
		}
	}
}

// edgeBonus is the log of how much more often a unit at the document's
// edge has no counterpart than one inside (about 15% against the 0.6% of
// DefaultPriors: e^3.2 ≈ 25).
var edgeBonus = 3.2

// coarseStop is the share of the threshold below which the score of the
// first path of a long alignment (the cheap pass's, or the content-aware
// coarse path's) stops it before the lexicon (ErrNotParallel unless
// forced). Measured on 40k-sentence texts: translations score 0.73–0.78
// on the cheap pass, the same text against its English shuffled 0.25
// (which widening stretch by stretch can raise above half the threshold:
// the lexicon pass then cost 9 s for nothing); the long dev set scores
// 0.66–0.71 on the coarse path.
const coarseStop = 0.75

// coarseMin is the document size (Chinese plus English units) from which
// the search starts with a coarse pass that leaves expensive scorings out.
var coarseMin = 4000

// alignBlocks aligns each block, learns from the result when a scorer can,
// and aligns again: the recipe. On long documents the first search is
// centred on a coarse-to-fine path: content-aware when a lexicon scorer
// is present (the expensive scorers then search around it at once), by
// length otherwise, refined by a cheap pass that leaves the expensive
// scorings out. Every later search is banded around the path before it
// (and, for long blocks, around the coarse path too), widening where the
// path touches the band's edge.
func (r *run) alignBlocks(blocks []block, a *Aligner) []Bead {
	if r.sentences {
		r.progress = a.Progress // the paragraph search is short: not reported
	}
	learn := r.sentences && !a.NoLearn
	long := len(r.zh)+len(r.en) >= coarseMin && r.hasExpensive()
	if long {
		r.lex = lexiconOf(r.scorings)
	}
	cheap := long && r.lex == nil
	r.startProgress(1 + btoi(learn) + btoi(cheap))
	w := a.Band
	if w <= 0 {
		w = 12
	}
	var paths [][]dp.Step
	if long {
		if cheap {
			paths = r.cheapPass(blocks, w)
		} else {
			paths = r.coarsePaths(blocks)
		}
		w = 3
		// Texts already far from parallel on that path are not
		// refined (that would widen an expensive search for
		// nothing): they get ErrNotParallel unless forced.
		// (Blocks too short for a coarse path are not counted.)
		if beads := r.beadsOf(blocks, paths); !a.Force && len(beads) > 0 && r.score(beads) < a.threshold()*coarseStop {
			r.firstScore = r.score(beads)
			r.finishProgress()
			return r.finalize(beads)
		}
	}
	beads, paths := r.searchAll(blocks, r.moves(), w, paths, true)
	// The overall score is taken before learning: associations learnt
	// from a document vouch for its own alignment, which would make two
	// unrelated texts look parallel. Texts that already look far from
	// parallel are not worth a second pass (it would only widen the
	// search again): they get ErrNotParallel unless forced.
	r.firstScore = r.score(beads)
	if learn && !a.Force && r.firstScore < a.threshold()/2 {
		learn = false
		r.finishProgress()
	}
	if learn {
		for _, s := range r.scorings {
			if l, ok := s.(Learner); ok {
				l.Learn(beads)
			}
		}
		r.reestimatePriors(beads)
		beads, _ = r.searchAll(blocks, r.moves(), 3, paths, true)
	}
	return r.finalize(beads)
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// cheapPass searches every block with the cheap scorings only (those not
// reporting Expensive() true), around a coarse path by length, and returns
// the paths found.
func (r *run) cheapPass(blocks []block, w int) [][]dp.Step {
	all := r.scorings
	r.scorings = nil
	for _, s := range all {
		if e, ok := s.(interface{ Expensive() bool }); !ok || !e.Expensive() {
			r.scorings = append(r.scorings, s)
		}
	}
	_, paths := r.searchAll(blocks, r.moves(), w, nil, false)
	r.scorings = all
	return paths
}

// coarsePaths returns the content-aware coarse path of each long block
// (nil for the others, which are searched in full from their centre line)
// and keeps them, so that every later pass searches between its previous
// path and the coarse one.
func (r *run) coarsePaths(blocks []block) [][]dp.Step {
	paths := make([][]dp.Step, len(blocks))
	for k, b := range blocks {
		if b.z.Len() == 0 || b.e.Len() == 0 || b.z.Len()+b.e.Len() < coarseMin {
			continue
		}
		local := r.coarsePath(b)
		if r.coarse == nil {
			r.coarse = map[[2]int][]dp.Step{}
		}
		r.coarse[[2]int{b.z.Start, b.e.Start}] = local
		paths[k] = search.Shift(local, b.z.Start, b.e.Start)
	}
	return paths
}

// beadsOf turns the paths of blocks into beads filled with the current
// scorings' confidence.
func (r *run) beadsOf(blocks []block, paths [][]dp.Step) []Bead {
	var beads []Bead
	for k, p := range paths {
		for _, st := range p {
			bd := Bead{ZH: Range{st.I, st.I + st.DI}, EN: Range{st.J, st.J + st.DJ}, Paragraph: blocks[k].para}
			r.fill(&bd)
			beads = append(beads, bd)
		}
	}
	return beads
}

// finalize fills the beads of the last pass with the calibrated
// confidence: the scorers' similarities times the margin of each bead over
// its local alternatives.
func (r *run) finalize(beads []Bead) []Bead {
	r.final = true
	for k := range beads {
		r.fill(&beads[k])
	}
	beads = r.splitExtras(beads)
	r.applyMargins(beads)
	return beads
}

// startProgress sets the work of a job of the given number of passes
// over every unit.
func (r *run) startProgress(passes int) {
	r.tot = (len(r.zh) + len(r.en)) * passes
}

// tick reports done units of work (of r.tot) to the progress function,
// in sentences: done·(sentences)/tot of the job's sentences, never going
// back.
func (r *run) tick(done int) {
	if r.progress == nil || r.tot == 0 {
		return
	}
	sents := len(r.zh) + len(r.en)
	d := int(int64(min(done, r.tot)) * int64(sents) / int64(r.tot))
	if d > r.last {
		r.last = d
		r.progress(d, sents)
	}
}

// finishProgress reports the job done when passes are skipped.
func (r *run) finishProgress() { r.tick(r.tot) }

func (r *run) hasExpensive() bool {
	for _, s := range r.scorings {
		if e, ok := s.(interface{ Expensive() bool }); ok && e.Expensive() {
			return true
		}
	}
	return false
}

// reestimatePriors mixes the bead type counts of the first pass into the
// priors (a Dirichlet prior worth 200 beads).
func (r *run) reestimatePriors(beads []Bead) {
	counts := map[BeadType]float64{}
	for _, b := range beads {
		counts[BeadType{b.ZH.Len(), b.EN.Len()}]++
	}
	var tot float64
	for _, t := range sortedTypes(r.priors) {
		tot += r.priors[t]
	}
	const alpha = 200.0
	n := float64(len(beads))
	np := make(map[BeadType]float64, len(r.priors))
	for t, p := range r.priors {
		np[t] = (counts[t] + alpha*p/tot) / (n + alpha)
	}
	r.priors = np
}

// fill sets the bead's scores and confidence.
func (r *run) fill(b *Bead) {
	var num, den float64
	b.Scores = make([]Score, len(r.scorings))
	for k, s := range r.scorings {
		var v, w float64
		if ls, ok := s.(legacySimilarity); ok && !r.final {
			v, w = ls.legacySimilarity(b.ZH, b.EN)
		} else {
			v, w = s.Similarity(b.ZH, b.EN)
		}
		v = math.Max(0, math.Min(1, v))
		if math.IsNaN(v) || math.IsNaN(w) || w < 0 {
			v, w = 0, 0
		}
		b.Scores[k] = Score{Scorer: r.names[k], Value: v, Weight: w}
		num += v * w
		den += w
	}
	if den > 0 {
		b.Confidence = num / den
	}
}

// evidence lists what the scorers matched inside a bead (nil if none can).
func (r *run) evidence(b Bead) []sentEvidence {
	var ev []sentEvidence
	for _, s := range r.scorings {
		if e, ok := s.(interface {
			evidenceIn(zh, en Range) []sentEvidence
		}); ok {
			ev = append(ev, e.evidenceIn(b.ZH, b.EN)...)
		}
	}
	return ev
}
