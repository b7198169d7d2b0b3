package align

import "math"

// The not-parallel guard: the overall score and the beads that glue
// unrelated sentences to a translation.

// score is the overall parallelism of beads: the length-weighted mean of
// their confidence, omissions (1-0, 0-1) counting 0 whatever their own
// confidence, so that text on one side only lowers it in proportion to
// its length, and a side of unrelated text cannot raise it by being long.
func (r *run) score(beads []Bead) float64 {
	var num, den float64
	for _, b := range beads {
		w := r.zcum[b.ZH.End] - r.zcum[b.ZH.Start] + (r.ecum[b.EN.End]-r.ecum[b.EN.Start])/r.c
		if b.ZH.Len() > 0 && b.EN.Len() > 0 {
			num += w * b.Confidence
		}
		den += w
	}
	if den > 0 {
		return num / den
	}
	return 0
}

// unrelatedMax is the evidence (the mean similarity of the Matchers,
// weighted as in the confidence, before calibration) below which a unit
// at the end of a 1-N or N-1 bead is taken for unrelated to the bead's
// other side. Measured: the extra sentences of the true 1-N beads of
// mac-dev (loose literary translation) score from 0.0009 up, the short
// second half of a long sentence of press001 (its [27]:[36,37], after
// learning) 0.00015–0.00019; sentences of another text on the same
// subject glued to a translation from 1e-8 (many words, none covered) to
// 0.08 (few words). The cut keeps every true bead of the dev sets and of
// press001 whole.
const unrelatedMax = 5e-5

// splitExtras takes off the ends of each bead with several units on one
// side the units that have no evidence of translating the other side
// (see unrelated): they become 1-0 or 0-1 beads next to it. The search, which
// prices an omission by its prior and length, may prefer gluing an
// unrelated sentence to a neighbour (a 1-5 pair of one translation and
// four unrelated lines); a translation memory holding it would be wrong on
// every later match. beads are filled with the current scorings.
func (r *run) splitExtras(beads []Bead) []Bead {
	var out []Bead // nil when there is none, as before
	if len(beads) > 0 {
		out = make([]Bead, 0, len(beads)+len(beads)/64+4) // splits are few
	}
	for _, b := range beads {
		if b.ZH.Len() == 0 || b.EN.Len() == 0 || b.ZH.Len() > 1 && b.EN.Len() > 1 || b.ZH.Len()+b.EN.Len() < 3 {
			out = append(out, b)
			continue
		}
		var before, after []Bead
		for b.ZH.Len()+b.EN.Len() > 2 {
			var head, tail Bead // the bead without its first or last unit, and the unit
			var unit Bead
			cut := false
			for _, first := range [2]bool{true, false} {
				head, unit = peel(b, first)
				if !r.unrelated(b, head, unit) {
					continue
				}
				r.fill(&head)
				cut = true
				r.fill(&unit)
				if first {
					before = append(before, unit)
				} else {
					tail = unit
					after = append([]Bead{tail}, after...)
				}
				b = head
				break
			}
			if !cut {
				break
			}
		}
		out = append(out, before...)
		out = append(out, b)
		out = append(out, after...)
	}
	return out
}

// unrelated reports whether unit, the first or last unit of the longer
// side of bead b (head is b without it), has no evidence of translating
// b's other side, so that it is better left alone as a 1-0 or 0-1 bead.
//
// A sentence search with the length and lexicon scorers (the default set)
// asks the unit test of unitLogit. Other scorer sets, and paragraphs, keep
// the first rule: the unit's support below unrelatedMax, and the bead no
// less confident without it.
func (r *run) unrelated(b, head, unit Bead) bool {
	if r.sentences {
		if lex, ls := r.unitScorings(); lex != nil && ls != nil {
			// A scorer may forbid a bead (a custom veto): the split
			// must not make one.
			if c := r.beadCost(head) + r.beadCost(unit); !(c < vetoCost) {
				return false
			}
			return r.unitLogit(lex, ls, b, head, unit) > unitCut
		}
	}
	return r.support(against(unit, b)) < unrelatedMax && r.support(head.ZH, head.EN) >= r.support(b.ZH, b.EN)
}

// vetoCost is the bead cost, in nats, from which a bead is taken for
// forbidden by a scorer: no real bead costs a thousand nats.
const vetoCost = 1e3

// unitScorings returns the run's lexicon and length scorings (nil when
// it has none).
func (r *run) unitScorings() (lex *lexScoring, ls *lengthScoring) {
	for _, s := range r.scorings {
		switch s := s.(type) {
		case *lexScoring:
			lex = s
		case *lengthScoring:
			ls = s
		}
	}
	return lex, ls
}

// unitLogit is the log-odds that unit was glued to bead b (head is b
// without it) although it translates nothing on b's other side: a
// logistic model of what tells a sentence with no counterpart from the
// extra sentence of a true 1-2 or 2-1 bead:
//   - dlen, how much the unit worsens the bead's length cost (capped to
//     [−5, 8] nats; a true extra sentence mends the length ratio);
//   - the unit's words covered by the other side (weight cu of tu, and
//     its share), and ex, the weight of the other side's words that only
//     the unit covers (a true extra sentence translates words that the
//     rest of the bead does not; a neighbour on the same subject shares
//     its topic words, which the rest covers already), with its share of
//     the other side's weight to;
//   - the unit's own weight (a long sentence with no evidence is more
//     telling than a short one);
//   - do, the change in the other scorers' costs (anchors, quotes; capped
//     to ±3 nats): a number or a name that the other side lacks.
//
// The weights were fitted (logistic regression, L2 0.01) on omission
// variants of the development sets (see TestOmissionVariants): 328 units
// glued to a gold neighbour against 3,040 end units of true 1-N and N-1
// beads; unitCut then trades the omissions found against true beads
// split.
func (r *run) unitLogit(lex *lexScoring, ls *lengthScoring, b, head, unit Bead) float64 {
	f := r.unitFeatures(lex, ls, b, head, unit)
	var z float64
	for k, w := range unitWeights {
		z += w * f[k]
	}
	return z
}

// unitWeights are the weights of unitFeatures in unitLogit.
var unitWeights = [...]float64{-1.809, 0.833, -0.383, -0.564, -0.944, -0.185, 0.311, 0.568}

// unitFeatures returns the features of unitLogit: 1 (the intercept),
// dlen, cu/tu, log(1+cu), log(1+ex), ex/to, log(1+tu) and do.
func (r *run) unitFeatures(lex *lexScoring, ls *lengthScoring, b, head, unit Bead) [len(unitWeights)]float64 {
	zr, er := against(unit, b)
	cz, tz, ce, te, _, _ := lex.coverage(zr, er)
	hz, _, he, _, _, _ := lex.coverage(head.ZH, head.EN)
	fz, _, fe, _, _, _ := lex.coverage(b.ZH, b.EN)
	// The unit's side: its weight and covered weight; the other side:
	// what only the unit covers, and its whole weight.
	tu, cu, ex, to := te, ce, fz-hz, tz
	if unit.ZH.Len() > 0 {
		tu, cu, ex, to = tz, cz, fe-he, te
	}
	dlen := max(-5, min(8, ls.Cost(b.ZH, b.EN)-ls.Cost(head.ZH, head.EN)))
	var do float64
	for _, s := range r.scorings {
		switch s.(type) {
		case *lexScoring, *lengthScoring:
		default:
			do += s.Cost(b.ZH, b.EN) - s.Cost(head.ZH, head.EN)
		}
	}
	do = max(-3, min(3, do))
	return [...]float64{1, dlen, cu / max(tu, 1e-9), math.Log1p(cu), math.Log1p(ex), ex / max(to, 1e-9), math.Log1p(tu), do}
}

// unitCut is the log-odds above which unitLogit takes a unit for glued.
// Measured on the omission variants (TestOmissionVariants, with
// nullCapOne 1.5): 1-0/0-1 recall 0.564 at precision 0.871 with 1; 0.574
// at 0.824 with 0 (cuts from 1 to 3 find about the same; below 1 each
// further omission found costs a true bead split).
const unitCut = 1.0

// peel splits bead b (one unit on one side, several on the other) into
// the bead without its first (or last) unit of the longer side and that
// unit as an omission.
func peel(b Bead, first bool) (rest, unit Bead) {
	rest, unit = b, b
	// The longer side loses a unit to the omission; the omission's other
	// side is empty, at the matching end of the bead.
	long, taken, empty, other := &rest.EN, &unit.EN, &unit.ZH, b.ZH
	if b.EN.Len() <= 1 {
		long, taken, empty, other = &rest.ZH, &unit.ZH, &unit.EN, b.EN
	}
	if first {
		*taken = Range{long.Start, long.Start + 1}
		*empty = Range{other.Start, other.Start}
		long.Start++
	} else {
		*taken = Range{long.End - 1, long.End}
		*empty = Range{other.End, other.End}
		long.End--
	}
	return rest, unit
}

// against returns the ranges of omission unit against the other side of
// bead b.
func against(unit, b Bead) (zh, en Range) {
	if unit.ZH.Len() == 0 {
		return b.ZH, unit.EN
	}
	return unit.ZH, b.EN
}

// support is the weighted mean similarity, as in the confidence of the
// first pass (Screen where a scoring is a Screener: before calibration,
// which tempers the values towards 0.5), of the scorings that are
// Matchers (those that find evidence inside a bead, not the length
// model) for the bead zh:en; 1 when none of them can tell.
func (r *run) support(zh, en Range) float64 {
	var num, den float64
	for _, s := range r.scorings {
		if _, ok := s.(Matcher); !ok {
			continue
		}
		var v, w float64
		if sc, ok := s.(Screener); ok {
			v, w = sc.Screen(zh, en)
		} else {
			v, w = s.Similarity(zh, en)
		}
		if w <= 0 || v != v || w != w {
			continue
		}
		num += max(0, min(1, v)) * w
		den += w
	}
	if den < 0.5 {
		return 1
	}
	return num / den
}
