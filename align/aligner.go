package align

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/bitextlab/zhen/internal/dp"
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
	coarse     map[[2]int][]dp.Step // coarse path of each long block, by its start
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

// coarseStop is the share of the threshold below which the cheap first
// pass's score stops a long alignment before the lexicon (ErrNotParallel
// unless forced). Measured on 40k-sentence texts: translations score
// 0.73–0.78 on that pass, the same text against its English shuffled
// 0.25 (which widening stretch by stretch can raise above half the
// threshold: the lexicon pass then cost 4 s for nothing).
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
	switch {
	case cheap:
		paths = r.cheapPass(blocks, w)
		w = 3
		// Texts already far from parallel on that path are not
		// refined (that would widen an expensive search for
		// nothing): they get ErrNotParallel unless forced.
		if beads := r.beadsOf(blocks, paths); !a.Force && r.score(beads) < a.threshold()*coarseStop {
			r.firstScore = r.score(beads)
			r.finishProgress()
			return r.finalize(beads)
		}
	case long:
		paths = r.coarsePaths(blocks)
		w = 3
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
		paths[k] = r.coarsePath(b)
		if r.coarse == nil {
			r.coarse = map[[2]int][]dp.Step{}
		}
		r.coarse[[2]int{b.z.Start, b.e.Start}] = paths[k]
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

// searchAll aligns every block; prev, when set, holds the previous pass's
// path per block to centre the band on.
func (r *run) searchAll(blocks []block, moves []dp.Move, w int, prev [][]dp.Step, fill bool) ([]Bead, [][]dp.Step) {
	r.kinds()
	var beads []Bead
	paths := make([][]dp.Step, len(blocks))
	for k, b := range blocks {
		var pp []dp.Step
		if prev != nil {
			pp = prev[k]
		}
		steps := r.searchBlock(b, moves, w, pp)
		paths[k] = steps
		if fill {
			for _, st := range steps {
				bd := Bead{ZH: Range{st.I, st.I + st.DI}, EN: Range{st.J, st.J + st.DJ}, Paragraph: b.para}
				r.fill(&bd)
				beads = append(beads, bd)
			}
		}
		r.done += b.z.Len() + b.e.Len()
		r.tick(r.done)
	}
	return beads, paths
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

// maxCells bounds the band (and so the time and memory) of one search:
// about nine bytes per cell. The band widens where the path touches its
// edge, but never beyond per cells per sentence (64 for a first search, 16
// when refining a previous path), nor beyond 4M cells for short documents,
// which lets them have the full grid: texts so far from parallel that they
// need more are not worth the time.
func maxCells(n, m, per int) int { return max(4<<20, per*(n+m+2)) }

// searchBlock finds the path through one block (global indices in the
// steps).
func (r *run) searchBlock(b block, moves []dp.Move, w int, prev []dp.Step) []dp.Step {
	n, m := b.z.Len(), b.e.Len()
	if n == 0 || m == 0 {
		return omissions(b)
	}
	cost := func(i, j, di, dj int, limit float64) float64 {
		return r.costLimit(b.z.Start+i, b.e.Start+j, di, dj, limit)
	}
	per := 64
	if prev != nil {
		per = 16
	}
	var tick func(i int)
	if r.progress != nil {
		// Rows done in this block, reported against the job's total
		// (done is only advanced when the block is finished).
		tick = func(i int) {
			if d := r.done + i; d < r.tot {
				r.tick(d)
			}
		}
	}
	beam := r.beam()
	if prev == nil && n+m >= coarseMin {
		// A long block: where the sure anchors are dense, search
		// around them first; elsewhere (or where no path fits the
		// band) centre the band on a coarse-to-fine path by length.
		// Either way the band then widens only where it is touched.
		if len(r.chainIn(b)) >= (n+m)/100 {
			res, ok := dp.SearchBounded(n, m, moves, cost, dp.NewBand(n, m, float64(w), r.center(b)), tick)
			if ok && !res.Touched {
				return globalSteps(res.Path, b)
			}
			if ok {
				prev = globalSteps(res.Path, b)
			}
		}
		if prev == nil {
			prev = r.coarsePath(b)
		}
	}
	if prev != nil {
		return r.searchAround(b, moves, w, prev, maxCells(n, m, per), tick, beam)
	}
	band := dp.NewBand(n, m, float64(w), r.center(b))
	for {
		res, ok := dp.SearchBounded(n, m, moves, cost, band, tick)
		full := band.Lo[n] == 0 && band.Hi[0] == m
		if ok && (!res.Touched || full) {
			return globalSteps(res.Path, b)
		}
		w *= 2
		if ok {
			band = bandAround(b, globalSteps(res.Path, b), w)
		} else {
			band = dp.NewBand(n, m, float64(w), r.center(b))
		}
		if band.Cells() > maxCells(n, m, per) || (band.Lo[n] == 0 && band.Hi[0] == m && full) {
			if ok {
				return globalSteps(res.Path, b)
			}
			// No path at all (the allowed bead types cannot tile
			// the block, or every cost is infinite): report the
			// block as omissions, so that every unit is still
			// covered once.
			return omissions(b)
		}
	}
}

// searchAround searches block b in a band of half-width w around a
// previous path (global steps). Where the path found runs along the
// band's edge, only that stretch is searched again, between two points of
// the path on either side of it, in a band twice as wide (and so on,
// doubling, while the cells searched stay under limit): the path can only
// get cheaper, and the time stays linear in the block's size even when
// many places need a wider band.
func (r *run) searchAround(b block, moves []dp.Move, w int, prev []dp.Step, limit int, tick func(int), beam float64) []dp.Step {
	n, m := b.z.Len(), b.e.Len()
	band := bandAround(b, prev, w)
	if alt := r.coarse[[2]int{b.z.Start, b.e.Start}]; alt != nil {
		// Search between the previous pass's path and the coarse
		// path too: where a cheaper pass left the coarse path, the
		// one it found may be a local optimum of the cheaper scorers.
		if h := hullAround(b, prev, alt, w); h.Cells() <= limit {
			band = h
		}
	}
	res, ok := dp.SearchBounded(n, m, moves, r.blockCost(b), band, tick)
	for !ok {
		// No path in the band (the allowed bead types cannot tile
		// it, or every cost is infinite): widen everywhere.
		if band.Lo[n] == 0 && band.Hi[0] == m || band.Cells() > limit {
			return omissions(b)
		}
		w *= 2
		band = bandAround(b, prev, w)
		res, ok = dp.SearchBounded(n, m, moves, r.blockCost(b), band, nil)
	}
	path := globalSteps(res.Path, b)
	if !res.Touched {
		return path
	}
	rows := touchedEdges(res.Path, band, n, m)
	if len(rows) > n/8 {
		// The path presses against the band nearly everywhere: the
		// texts are far from parallel (or the centre line is wrong
		// throughout), and widening stretch by stretch would cost the
		// most for the least. Keep what was found.
		return path
	}
	cells := band.Cells()
	for width := 2 * w; len(rows) > 0 && cells < limit; width *= 4 {
		wins := rowWindows(rows, 2*width+32, n)
		var next []touch
		// Each window's new steps replace path[from..to].
		type piece struct {
			from, to int
			steps    []dp.Step
		}
		var pieces []piece
		for k := len(wins) - 1; k >= 0; k-- {
			lo, hi := wins[k].lo+b.z.Start, wins[k].hi+b.z.Start
			// The steps from the last one starting at or before lo
			// to the first one ending at or after hi.
			ka := sort.Search(len(path), func(x int) bool { return path[x].I > lo }) - 1
			ka = max(ka, 0)
			kb := ka + sort.Search(len(path)-ka, func(x int) bool { return path[ka+x].I+path[ka+x].DI >= hi })
			kb = min(kb, len(path)-1)
			sub := block{z: Range{path[ka].I, path[kb].I + path[kb].DI}, e: Range{path[ka].J, path[kb].J + path[kb].DJ}, para: b.para}
			sn, sm := sub.z.Len(), sub.e.Len()
			if sn == 0 || sm == 0 {
				continue
			}
			// Wider only on the side the path pressed against.
			wl, wh := w, w
			if wins[k].lower {
				wl = width
			}
			if wins[k].upper {
				wh = width
			}
			from, to := pathRows(sub, path[ka:kb+1])
			for i := range from {
				from[i] -= wl
				to[i] += wh
			}
			sband := dp.BandAround(sn, sm, 0, from, to)
			cells += sband.Cells()
			sres, ok := dp.SearchBeam(sn, sm, moves, r.blockCost(sub), sband, nil, beam)
			if !ok {
				continue
			}
			if sres.Touched {
				for _, t := range touchedEdges(sres.Path, sband, sn, sm) {
					t.row += sub.z.Start - b.z.Start
					next = append(next, t)
				}
			}
			newSteps := globalSteps(sres.Path, sub)
			// A path that moved near the window's ends was pinned
			// there by the old one: search around those ends next.
			for _, t := range movedEnds(sub, path[ka:kb+1], newSteps, w) {
				t.row += sub.z.Start - b.z.Start
				next = append(next, t)
			}
			pieces = append(pieces, piece{ka, kb, newSteps})
		}
		if len(pieces) > 0 {
			// The windows' step ranges are disjoint (windows lie
			// more than a bead apart): splice them in one copy.
			np := make([]dp.Step, 0, len(path))
			at := 0
			for k := len(pieces) - 1; k >= 0; k-- { // in path order
				pc := pieces[k]
				np = append(np, path[at:pc.from]...)
				np = append(np, pc.steps...)
				at = pc.to + 1
			}
			path = append(np, path[at:]...)
		}
		sort.Slice(next, func(x, y int) bool { return next[x].row < next[y].row })
		rows = next
	}
	return path
}

// searchBeam is the beam of the widened searches on long documents (see
// dp.SearchBeam), in nats: a stretch of path that much worse than the
// best in its row is given up. Short documents are searched exactly.
// (Measured: 60 saves a third of the lexicon pass on the realistic 40k
// benchmark but loses a 52-unit omission that 120 still finds, each
// omitted unit costing about 11 nats; a 97-unit omission is found only
// in part.)
const searchBeam = 120

func (r *run) beam() float64 {
	if len(r.zh)+len(r.en) < coarseMin {
		return math.Inf(1)
	}
	return searchBeam
}

// blockCost is the bounded cost function of the search over block b
// (local indices).
func (r *run) blockCost(b block) dp.BoundedCostFunc {
	return func(i, j, di, dj int, limit float64) float64 {
		return r.costLimit(b.z.Start+i, b.e.Start+j, di, dj, limit)
	}
}

// movedEnds returns a touch at each end of block b (its first or last
// row) near which the new path (global steps) runs more than w columns
// away from the old one, on the side it moved to.
func movedEnds(b block, old, new []dp.Step, w int) []touch {
	n := b.z.Len()
	of, _ := pathRows(b, old)
	nf, _ := pathRows(b, new)
	e := min(32, n/4)
	var out []touch
	for _, end := range [2][2]int{{0, e}, {n - e, n}} {
		for i := end[0]; i <= end[1]; i++ {
			if d := nf[i] - of[i]; d > w || d < -w {
				row := 0
				if end[0] > 0 {
					row = n
				}
				out = append(out, touch{row: row, upper: d > 0})
				break
			}
		}
	}
	return out
}

// touch is a row where a path runs along its band's edge, and which edge:
// upper (the band's last column in that row) or lower.
type touch struct {
	row   int
	upper bool
}

// touchedEdges returns where path (local steps) runs along the band's
// edge where the edge is not the grid's border, in row order.
func touchedEdges(path []dp.Step, band dp.Band, n, m int) []touch {
	var out []touch
	for _, s := range path {
		for _, p := range [2][2]int{{s.I, s.J}, {s.I + s.DI, s.J + s.DJ}} {
			i, j := p[0], p[1]
			if j == band.Lo[i] && j > 0 && i > 0 {
				out = append(out, touch{i, false})
			}
			if j == band.Hi[i] && j < m && i < n {
				out = append(out, touch{i, true})
			}
		}
	}
	return out
}

// window is a stretch of rows [lo, hi] to search again, and the edges
// touched in it.
type window struct {
	lo, hi       int
	lower, upper bool
}

// rowWindows turns touches (in row order) into disjoint windows of rows
// [t−reach, t+reach] inside [0, n], merging those that overlap or nearly
// touch.
func rowWindows(ts []touch, reach, n int) []window {
	var out []window
	for _, t := range ts {
		lo, hi := max(0, t.row-reach), min(n, t.row+reach)
		k := len(out) - 1
		if k < 0 || lo > out[k].hi+16 {
			out = append(out, window{lo: lo, hi: hi})
			k++
		}
		out[k].hi = max(out[k].hi, hi)
		out[k].lower = out[k].lower || !t.upper
		out[k].upper = out[k].upper || t.upper
	}
	return out
}

// chainIn returns the sure anchors inside block b: a stretch of the
// chain, found by binary search (the chain is monotone in both
// coordinates), so that a document of many blocks costs time linear in
// its size, not blocks × anchors.
func (r *run) chainIn(b block) [][2]int {
	lo := sort.Search(len(r.chain), func(k int) bool {
		p := r.chain[k]
		return p[0] >= b.z.Start && p[1] >= b.e.Start
	})
	hi := lo
	for hi < len(r.chain) && r.chain[hi][0] < b.z.End && r.chain[hi][1] < b.e.End {
		hi++
	}
	return r.chain[lo:hi]
}

// omissions returns the block as 1-0 beads for its Chinese units followed
// by 0-1 beads for its English units.
func omissions(b block) []dp.Step {
	var steps []dp.Step
	for i := b.z.Start; i < b.z.End; i++ {
		steps = append(steps, dp.Step{I: i, J: b.e.Start, DI: 1})
	}
	for j := b.e.Start; j < b.e.End; j++ {
		steps = append(steps, dp.Step{I: b.z.End, J: j, DJ: 1})
	}
	return steps
}

func globalSteps(p []dp.Step, b block) []dp.Step {
	out := make([]dp.Step, len(p))
	for k, s := range p {
		s.I += b.z.Start
		s.J += b.e.Start
		out[k] = s
	}
	return out
}

// bandAround builds a band of half-width w around a previous path (global
// steps) inside block b.
func bandAround(b block, path []dp.Step, w int) dp.Band {
	n, m := b.z.Len(), b.e.Len()
	from, to := pathRows(b, path)
	return dp.BandAround(n, m, w, from, to)
}

// hullAround builds a band of half-width w around two paths (global
// steps) inside block b and everything between them.
func hullAround(b block, p, q []dp.Step, w int) dp.Band {
	n, m := b.z.Len(), b.e.Len()
	from, to := pathRows(b, p)
	f2, t2 := pathRows(b, q)
	for i := range from {
		from[i] = min(from[i], f2[i])
		to[i] = max(to[i], t2[i])
	}
	return dp.BandAround(n, m, w, from, to)
}

// pathRows returns, for each row of block b, the first and last column a
// path (global steps) visits there.
func pathRows(b block, path []dp.Step) (from, to []int) {
	n, m := b.z.Len(), b.e.Len()
	from = make([]int, n+1)
	to = make([]int, n+1)
	for i := range from {
		from[i] = m
		to[i] = 0
	}
	mark := func(i, j int) {
		if i < 0 || i > n {
			return
		}
		if j < from[i] {
			from[i] = j
		}
		if j > to[i] {
			to[i] = j
		}
	}
	mark(0, 0)
	for _, s := range path {
		i0, j0 := s.I-b.z.Start, s.J-b.e.Start
		for di := 0; di <= s.DI; di++ {
			mark(i0+di, j0)
			mark(i0+di, j0+s.DJ)
		}
	}
	mark(n, m)
	// Rows the path never visited (cannot happen for a full path) inherit.
	for i := 1; i <= n; i++ {
		if from[i] > to[i] {
			from[i], to[i] = to[i-1], to[i-1]
		}
	}
	return from, to
}

// center returns the band centre for block b: through the sure anchors
// inside the block, and between them along equal cumulative length.
func (r *run) center(b block) func(i int) float64 {
	type pt struct{ i, j float64 }
	pts := []pt{{0, 0}}
	for _, p := range r.chainIn(b) {
		pts = append(pts, pt{float64(p[0]-b.z.Start) + 0.5, float64(p[1]-b.e.Start) + 0.5})
	}
	n, m := b.z.Len(), b.e.Len()
	pts = append(pts, pt{float64(n), float64(m)})
	zc := func(x float64) float64 { return interp(r.zcum, float64(b.z.Start)+x) }
	ec := func(x float64) float64 { return interp(r.ecum, float64(b.e.Start)+x) }
	k := 0
	return func(i int) float64 {
		x := float64(i)
		for k > 0 && pts[k].i > x {
			k--
		}
		for k+1 < len(pts)-1 && pts[k+1].i <= x {
			k++
		}
		a, c := pts[k], pts[k+1]
		za, zb := zc(a.i), zc(c.i)
		f := 0.0
		if zb > za {
			f = (zc(x) - za) / (zb - za)
		}
		ea, eb := ec(a.j), ec(c.j)
		target := ea + f*(eb-ea)
		// Invert the English cumulative length between a.j and c.j.
		lo, hi := a.j, c.j
		for it := 0; it < 30 && hi-lo > 0.01; it++ {
			mid := (lo + hi) / 2
			if ec(mid) < target {
				lo = mid
			} else {
				hi = mid
			}
		}
		return (lo + hi) / 2
	}
}

// interp evaluates the piecewise-linear cumulative array at fractional x.
func interp(cum []float64, x float64) float64 {
	if x <= 0 {
		return cum[0]
	}
	n := len(cum) - 1
	if x >= float64(n) {
		return cum[n]
	}
	k := int(x)
	f := x - float64(k)
	return cum[k] + f*(cum[k+1]-cum[k])
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
