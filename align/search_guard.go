package align

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
// (evidence below unrelatedMax) when the bead without them is at least as
// confident: they become 1-0 or 0-1 beads next to it. The search, which
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
				if r.support(against(unit, b)) >= unrelatedMax || r.support(head.ZH, head.EN) < r.support(b.ZH, b.EN) {
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
