package align

import "math"

// margins returns, for each bead of a path, the odds against it from its
// local alternatives: Σ exp(−(alternative − chosen cost)) in nats, over
// the bead cut in two (one piece may be a 1-0 or 0-1: a unit with no
// counterpart, or two omissions for a 1-1), its boundary with either
// neighbour moved by one unit on either side, and the bead merged with a
// neighbour, where those shapes are allowed. A bead that beats every
// alternative by a wide margin is sure; one that nearly ties with another
// cut of the same text is not, however similar its two sides are.
func (r *run) margins(beads []Bead) []float64 {
	prior := map[BeadType]float64{}
	for _, mv := range r.moves() {
		prior[BeadType{mv.DI, mv.DJ}] = mv.Cost
	}
	cost := func(zh, en Range) float64 {
		p, ok := prior[BeadType{zh.Len(), en.Len()}]
		if !ok || zh.Len()+en.Len() == 0 {
			return math.Inf(1)
		}
		return p + r.cost(zh.Start, en.Start, zh.Len(), en.Len())
	}
	own := make([]float64, len(beads))
	for k, b := range beads {
		own[k] = cost(b.ZH, b.EN)
	}
	odds := make([]float64, len(beads))
	add := func(k int, alt, cur float64) {
		if d := alt - cur; !math.IsInf(alt, 1) && !math.IsNaN(d) {
			odds[k] += math.Exp(-math.Max(d, -50))
		}
	}
	for k, b := range beads {
		for zi := b.ZH.Start; zi <= b.ZH.End; zi++ {
			for ej := b.EN.Start; ej <= b.EN.End; ej++ {
				if zi == b.ZH.Start && ej == b.EN.Start || zi == b.ZH.End && ej == b.EN.End {
					continue
				}
				add(k, cost(Range{b.ZH.Start, zi}, Range{b.EN.Start, ej})+cost(Range{zi, b.ZH.End}, Range{ej, b.EN.End}), own[k])
			}
		}
	}
	for k := 0; k+1 < len(beads); k++ {
		a, b := beads[k], beads[k+1]
		if a.Paragraph != b.Paragraph {
			continue // paragraph beads are fixed
		}
		cur := own[k] + own[k+1]
		alts := []float64{cost(Range{a.ZH.Start, b.ZH.End}, Range{a.EN.Start, b.EN.End})}
		for _, d := range [][2]int{{-1, 0}, {1, 0}, {0, -1}, {0, 1}} {
			zi, ej := a.ZH.End+d[0], a.EN.End+d[1]
			if zi < a.ZH.Start || zi > b.ZH.End || ej < a.EN.Start || ej > b.EN.End {
				continue
			}
			alts = append(alts, cost(Range{a.ZH.Start, zi}, Range{a.EN.Start, ej})+cost(Range{zi, b.ZH.End}, Range{ej, b.EN.End}))
		}
		for _, alt := range alts {
			add(k, alt, cur)
			add(k+1, alt, cur)
		}
	}
	return odds
}

// applyMargins multiplies the confidence of each bead with text on both
// sides by its local posterior 1/(1 + odds against it) and reports that
// factor as the Score named "margin" (Weight 0: a factor, not part of the
// scorers' weighted mean).
func (r *run) applyMargins(beads []Bead) {
	odds := r.margins(beads)
	for k := range beads {
		b := &beads[k]
		if b.ZH.Len() == 0 || b.EN.Len() == 0 {
			continue
		}
		mc := 1 / (1 + odds[k])
		b.Confidence *= mc
		b.Scores = append(b.Scores, Score{Scorer: "margin", Value: mc})
	}
}
