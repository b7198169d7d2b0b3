package align

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"math"
	"sort"
	"strings"
	"sync/atomic"

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

// DefaultPriors returns the sentence bead priors used when Aligner.Priors
// is nil: measured on Chinese-original official prose (1-2 16%, 1-3 4.5%,
// 1-4 1.6%), with room for the 2-1 and 3-1 beads of English-original text.
// The aligner re-estimates them from its first pass, so they are a starting
// point, not a cage. Each call returns a new map, which the caller may
// change.
func DefaultPriors() map[BeadType]float64 { return maps.Clone(defaultPriors) }

// DefaultParagraphPriors returns the paragraph bead priors used when
// Aligner.ParagraphPriors is nil: press documents are paragraph-parallel,
// but titles, headers and datelines are regrouped or exist on one side
// only. Each call returns a new map, which the caller may change.
func DefaultParagraphPriors() map[BeadType]float64 { return maps.Clone(defaultParagraphPriors) }

// defaultPriors and defaultParagraphPriors are never changed: the aligner
// only reads its priors (re-estimated priors are a new map).
var (
	defaultPriors = map[BeadType]float64{
		{1, 1}: 0.70, {1, 2}: 0.16, {1, 3}: 0.045, {1, 4}: 0.016,
		{2, 1}: 0.03, {2, 2}: 0.012, {3, 1}: 0.006, {4, 1}: 0.001,
		{2, 3}: 0.006, {3, 2}: 0.003, {1, 0}: 0.006, {0, 1}: 0.006,
		{1, 5}: 0.004,
	}
	defaultParagraphPriors = map[BeadType]float64{
		{1, 1}: 0.86, {1, 0}: 0.02, {0, 1}: 0.02, {1, 2}: 0.03, {2, 1}: 0.03,
		{2, 2}: 0.01, {1, 3}: 0.01, {3, 1}: 0.005, {2, 3}: 0.005, {3, 2}: 0.005,
		{1, 4}: 0.002, {4, 1}: 0.002,
	}
)

// DefaultThreshold is the overall parallelism score below which Align and
// AlignSentences return ErrNotParallel (unless Aligner.Force is set). It
// lies between the scores of translations and those of unrelated texts of
// the same genre, nearer the unrelated side, since refusing a real
// translation costs more than aligning a doubtful pair.
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
	// probabilities (nil: DefaultPriors()). They need not sum to 1; types
	// with a prior of 0 or less are not allowed. Where the allowed types
	// cannot tile a stretch of text (only 1-1 for unequal counts), that
	// stretch is reported as 1-0 and 0-1 beads. Types with more than 8
	// units on a side are ignored. A NaN or infinite prior is an error.
	Priors map[BeadType]float64
	// ParagraphPriors are the paragraph bead types and priors (nil:
	// DefaultParagraphPriors()), as Priors.
	ParagraphPriors map[BeadType]float64
	// Scorers are the sources of evidence (nil: DefaultScorers(Glossary)).
	// A nil element is an error.
	Scorers []Scorer
	// Glossary adds user term pairs to the lexicon scorer of the default
	// set. Ignored when Scorers is set.
	Glossary *Glossary
	// Threshold is the overall score below which the texts are called not
	// parallel (0: DefaultThreshold; negative: never). NaN is an error.
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
	// Progress, when set, is called now and then during the sentence
	// search with how far it has got, counted in sentences: total is the
	// number of sentences (Chinese plus English), done never goes back
	// and reaches total when the job is done.
	Progress func(done, total int)
}

// Alignment is the result of aligning two texts. It holds the beads, what
// the scorers matched inside them (for Pair.Evidence) and the text they
// point into, and nothing of the aligner's working state.
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

	// For an alignment of Documents: the documents' text and name, each
	// sentence's span in the text and the index of its paragraph there.
	zhText, enText   string
	docName          string
	zhSpans, enSpans []segment.Span
	zhPar, enPar     []int
	paraType         []string      // bead type of each paragraph bead, counted in paragraphs
	evidence         evidenceIndex // what the scorers matched inside each sentence bead
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
// paragraph bead. An empty (or blank) sentence is an error matching
// ErrEmptySentence, and a side that is almost all in the other language (as
// segment.Segmenter.Monolingual judges a file) one matching
// ErrWrongLanguage; both name the side and the sentence's index. A few
// lines of the other language (a name, a reference) are accepted.
func (a *Aligner) AlignSentences(zh, en []string) (*Alignment, error) {
	return a.AlignSentencesContext(context.Background(), zh, en)
}

// AlignSentencesContext is AlignSentences, stopped when ctx is done: the
// error then wraps ctx.Err() and no alignment is returned.
func (a *Aligner) AlignSentencesContext(ctx context.Context, zh, en []string) (*Alignment, error) {
	if err := a.check(); err != nil {
		return nil, err
	}
	if err := checkSentences(zh, en); err != nil {
		return nil, err
	}
	job, err := startJob(ctx)
	if err != nil {
		return nil, err
	}
	defer job.end()
	al := &Alignment{ZH: zh, EN: en}
	r, err := a.startRun(zh, en, a.priors(), true, job)
	if err != nil {
		return nil, err
	}
	blocks := []block{{z: Range{0, len(zh)}, e: Range{0, len(en)}}}
	al.Beads = r.alignBlocks(blocks, a)
	if err := job.err(); err != nil {
		return nil, err
	}
	al.Paragraphs = []Bead{{ZH: Range{0, len(zh)}, EN: Range{0, len(en)}, Confidence: 1}}
	al.evidence = newEvidenceIndex(r.scorings, al.Beads)
	return a.finish(al, r)
}

// Align aligns two segmented documents: paragraphs first, then sentences
// inside each paragraph bead (sentence beads never cross a paragraph
// bead). Paragraphs of Kind Foreign are skipped and listed in
// Alignment.Skipped.
func (a *Aligner) Align(zh, en *segment.Document) (*Alignment, error) {
	return a.AlignContext(context.Background(), zh, en)
}

// AlignContext is Align, stopped when ctx is done: the error then wraps
// ctx.Err() and no alignment is returned.
func (a *Aligner) AlignContext(ctx context.Context, zh, en *segment.Document) (*Alignment, error) {
	if zh == nil || en == nil {
		return nil, errors.New("align: nil document")
	}
	if err := a.check(); err != nil {
		return nil, err
	}
	job, err := startJob(ctx)
	if err != nil {
		return nil, err
	}
	defer job.end()
	al := &Alignment{zhText: zh.Text, enText: en.Text, docName: zh.Name}
	zp := collect(zh, segment.Chinese, al, &al.ZH, &al.zhSpans, &al.zhPar)
	ep := collect(en, segment.English, al, &al.EN, &al.enSpans, &al.enPar)
	// Paragraph texts and their sentence ranges.
	ztexts, zr := paraTexts(zh, zp)
	etexts, er := paraTexts(en, ep)
	pr, err := a.startRun(ztexts, etexts, a.paragraphPriors(), false, job)
	if err != nil {
		return nil, err
	}
	pbeads := pr.alignBlocks([]block{{z: Range{0, len(ztexts)}, e: Range{0, len(etexts)}}}, a)
	if err := job.err(); err != nil {
		return nil, err
	}
	r, err := a.startRun(al.ZH, al.EN, a.priors(), true, job)
	if err != nil {
		return nil, err
	}
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
	if err := job.err(); err != nil {
		return nil, err
	}
	al.evidence = newEvidenceIndex(r.scorings, al.Beads)
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
	return defaultPriors
}

func (a *Aligner) paragraphPriors() map[BeadType]float64 {
	if a.ParagraphPriors != nil {
		return a.ParagraphPriors
	}
	return defaultParagraphPriors
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
	summary    Summarizer           // content summaries for the coarse levels (nil: length only)
	coarse     map[[2]int][]dp.Step // coarse path of each long block (local steps), by its start
	final      bool                 // filling the beads of the last pass
	plan       costPlan             // how costLimit costs a bead with the current scorings
	stop       *atomic.Bool         // set when the job is cancelled: every bead then costs +Inf
	err        error                // a scorer that could not be prepared
}

// newRun prepares every scorer for the document pair (zh, en). A scorer
// that prepares a nil Scoring is left out and reported in r.err.
func (a *Aligner) newRun(zh, en []string, priors map[BeadType]float64, sentences bool) *run {
	r := &run{zh: zh, en: en, priors: priors, sentences: sentences}
	for k, s := range a.scorers() {
		sc := s.Prepare(zh, en)
		if sc == nil {
			r.err = errors.Join(r.err, fmt.Errorf("align: scorer %q (Scorers[%d]) prepared a nil Scoring", s.Name(), k))
			continue
		}
		r.names = append(r.names, s.Name())
		r.scorings = append(r.scorings, sc)
	}
	r.zcum = make([]float64, len(zh)+1)
	r.ecum = make([]float64, len(en)+1)
	for i, t := range zh {
		r.zcum[i+1] = r.zcum[i] + zhLength(t, 0.4) + 0.5
	}
	for j, t := range en {
		r.ecum[j+1] = r.ecum[j] + enLength(t) + 0.5
	}
	r.c = 4
	if r.zcum[len(zh)] > 0 && r.ecum[len(en)] > 0 {
		r.c = r.ecum[len(en)] / r.zcum[len(zh)]
	}
	r.chain = sureChain(r.scorings)
	r.kinds()
	return r
}

// startRun is newRun for a job: its error, and the job's stop flag set.
func (a *Aligner) startRun(zh, en []string, priors map[BeadType]float64, sentences bool, job *job) (*run, error) {
	r := a.newRun(zh, en, priors, sentences)
	r.stop = job.stopped()
	return r, r.err
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

// kinds sorts the current scorings for costLimit: called whenever
// r.scorings changes (the cheap pass leaves some out for a while).
func (r *run) kinds() { r.plan = newCostPlan(r.scorings) }

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
// the search starts from a coarse path (by content with a Summarizer, else
// by length and a pass that leaves RefineOnly scorings out).
var coarseMin = 4000

// alignBlocks aligns each block, learns from the result when a scorer can,
// and aligns again: the recipe. On long documents the first search is
// centred on a coarse-to-fine path: content-aware when a scoring is a
// Summarizer (every scoring then searches around it at once), by length
// otherwise, refined by a cheap pass that leaves the RefineOnly scorings
// out when there are any. Every later search is banded around the path before it
// (and, for long blocks, around the coarse path too), widening where the
// path touches the band's edge.
func (r *run) alignBlocks(blocks []block, a *Aligner) []Bead {
	if r.sentences {
		r.progress = a.Progress // the paragraph search is short: not reported
	}
	learn := r.sentences && !a.NoLearn
	long := len(r.zh)+len(r.en) >= coarseMin
	if long {
		r.summary = summarizerOf(r.scorings)
	}
	content := long && r.summary != nil
	cheap := long && !content && r.hasRefineOnly()
	r.startProgress(1 + btoi(learn) + btoi(cheap))
	w := a.Band
	if w <= 0 {
		w = 12
	}
	var paths [][]dp.Step
	if content || cheap {
		if cheap {
			paths = r.cheapPass(blocks, w)
		} else {
			paths = r.coarsePaths(blocks)
		}
		w = refineBand
		// Texts already far from parallel on that path are not
		// refined (that would widen an expensive search for
		// nothing): they get ErrNotParallel unless forced.
		// (Blocks too short for a coarse path are not counted.)
		if !a.Force {
			if beads := r.beadsOf(blocks, paths, true); len(beads) > 0 && r.score(beads) < a.threshold()*coarseStop {
				r.firstScore = r.score(beads)
				r.finishProgress()
				return r.finalize(beads)
			}
		}
	}
	if content {
		// The first search centres on the coarse steps divided along
		// their diagonals: the coarse path tells which groups pair,
		// not how their units do, and the diagonal is as good a guess
		// as the whole group, with a band about a seventh narrower
		// (which still widens where the path touches its edge).
		// Measured on the 42,687 × 32,767 Bible:
		// 289,000 cells instead of 332,000 before widening, the same
		// beads; the same strict F1 on the long set at every size and
		// on the realistic benchmarks, and 0.8616 instead of 0.8603
		// with chapters left out (BenchmarkAlignLongMissingChapters).
		for k, p := range paths {
			if p != nil {
				paths[k] = search.Split(p)
			}
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
		// finalize fills the beads: not here as well.
		_, paths = r.searchAll(blocks, r.moves(), finalBand, paths, false)
		beads = r.beadsOf(blocks, paths, false)
	}
	return r.finalize(beads)
}

// refineBand is the half-width of the band around the coarse path (or the
// cheap pass's) for the first full search, and finalBand that around the
// first search's path for the search after learning; either band widens
// where the path found runs along its edge. Measured with 3 and 3, 2 and
// 2, 2 and 1: the same beads on every document of mac-dev, aca, mag and
// long, and on long/002 three times over (strict F1 0.859); the same
// strict F1 on the realistic 40k benchmark (0.934; 0.945 without
// numbers) and on the omission variants. On long/002 × 3 (39,168 × 30,000
// lines), 2 and 2 take 8–10% less CPU than 3 and 3, and 2 and 1 5–7% less
// again. (1 for the first search as well finds the same beads too; 2 is
// kept there for texts that move more between the coarse path and the
// first search.)
const (
	refineBand = 2
	finalBand  = 1
)

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// cheapPass searches every block with the cheap scorings only (those not
// Refiners with RefineOnly true), around a coarse path by length, and
// returns the paths found.
func (r *run) cheapPass(blocks []block, w int) [][]dp.Step {
	all := r.scorings
	r.scorings = nil
	for _, s := range all {
		if e, ok := s.(Refiner); !ok || !e.RefineOnly() {
			r.scorings = append(r.scorings, s)
		}
	}
	r.kinds()
	_, paths := r.searchAll(blocks, r.moves(), w, nil, false)
	r.scorings = all
	r.kinds()
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

// beadsOf turns the paths of blocks into beads, filled with the current
// scorings' confidence when fill is set.
func (r *run) beadsOf(blocks []block, paths [][]dp.Step, fill bool) []Bead {
	nb := 0
	for _, p := range paths {
		nb += len(p)
	}
	var beads []Bead // nil when there is none, as before
	if nb > 0 {
		beads = make([]Bead, 0, nb)
	}
	for k, p := range paths {
		for _, st := range p {
			bd := Bead{ZH: Range{st.I, st.I + st.DI}, EN: Range{st.J, st.J + st.DJ}, Paragraph: blocks[k].para}
			if fill {
				r.fill(&bd)
			}
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

// hasRefineOnly reports whether some scoring is a Refiner with RefineOnly
// true.
func (r *run) hasRefineOnly() bool {
	for _, s := range r.scorings {
		if e, ok := s.(Refiner); ok && e.RefineOnly() {
			return true
		}
	}
	return false
}

// reestimatePriors mixes the bead type counts of the first pass into the
// priors (a Dirichlet prior worth 200 beads). A 1-N or N-1 sentence bead
// whose first or last unit of the longer side the scorers would rather
// see alone (the bead without it plus it as a 1-0 or 0-1 cost less,
// priors left out) is a suspect omission and counted as the two: the
// first pass, priced with the starting omission prior, glues most
// untranslated sentences to a neighbour, so its own count would keep the
// prior low on a text with many of them. Measured on omission variants of
// the dev sets (TestOmissionVariants), with nullCapOne 3.5: 1-0/0-1
// recall 0.245 → 0.294, precision 0.893 → 0.882,
// strict F1 of the variants 0.925 → 0.927, of the dev sets unchanged.
func (r *run) reestimatePriors(beads []Bead) {
	counts := map[BeadType]float64{}
	for _, b := range beads {
		t := BeadType{b.ZH.Len(), b.EN.Len()}
		if r.sentences && (t.ZH == 1) != (t.EN == 1) && t.ZH > 0 && t.EN > 0 {
			for _, first := range [2]bool{true, false} {
				if head, unit := peel(b, first); r.beadCost(head)+r.beadCost(unit) < r.beadCost(b) {
					t = BeadType{head.ZH.Len(), head.EN.Len()}
					counts[BeadType{unit.ZH.Len(), unit.EN.Len()}]++
					break
				}
			}
		}
		counts[t]++
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

// beadCost is the scorers' cost of bead b (no prior).
func (r *run) beadCost(b Bead) float64 {
	return r.cost(b.ZH.Start, b.EN.Start, b.ZH.Len(), b.EN.Len())
}

// fill sets the bead's scores and confidence.
func (r *run) fill(b *Bead) {
	var num, den float64
	// The final pass's beads get one more score, the margin (with room
	// for it now, rather than a copy of every bead's scores then).
	room := 0
	if r.final {
		room = 1
	}
	b.Scores = make([]Score, len(r.scorings), len(r.scorings)+room)
	for k, s := range r.scorings {
		var v, w float64
		if sc, ok := s.(Screener); ok && !r.final {
			v, w = sc.Screen(b.ZH, b.EN)
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
