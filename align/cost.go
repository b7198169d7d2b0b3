package align

import "math"

// costPlan is how costLimit costs a bead with a list of scorings: those
// without a lower bound first, then those with one.
type costPlan struct {
	plain   []Scoring      // scorings that are not LowerBounders, in Scorers order
	bounded []boundScoring // LowerBounders, in Scorers order
	null    []Scoring      // scorings that may cost a bead with an empty side, in Scorers order
}

// zeroOnNull is implemented by the built-in scorings whose Cost is 0 for
// every bead with no unit on one side (1-0, 0-1 and runs of them: two
// fifths of the beads the search prices on the 42,687 × 32,767-line
// Bible): costLimit does not ask them (TestZeroOnNull checks the claim).
type zeroOnNull interface{ zeroOnNull() }

func (*anchorScoring) zeroOnNull() {}
func (*lexScoring) zeroOnNull()    {}
func (*quoteScoring) zeroOnNull()  {}
func (*moodScoring) zeroOnNull()   {}

// boundScoring is a scoring with its lower bound.
type boundScoring struct {
	Scoring
	bound LowerBounder
}

func newCostPlan(ss []Scoring) costPlan {
	var p costPlan
	for _, s := range ss {
		if _, ok := s.(zeroOnNull); !ok {
			p.null = append(p.null, s)
		}
		if b, ok := s.(LowerBounder); ok {
			p.bounded = append(p.bounded, boundScoring{s, b})
		} else {
			p.plain = append(p.plain, s)
		}
	}
	return p
}

// cost is the scorers' cost of a bead. A 1-0 or 0-1 bead at the start or
// end of the document (text before the other side's first unit or after
// its last: a header line over the title, a dateline, a footer) is an
// edge omission: such units have no counterpart far more often than units
// inside a text, so it costs edgeBonus less (and the length model does not
// price it by its length). Such a unit is therefore left out unless it
// adds evidence to the bead it would join.
func (r *run) cost(i, j, di, dj int) float64 {
	return r.costLimit(i, j, di, dj, math.Inf(1))
}

// costLimit is cost, or +Inf when the bead's cost is sure to be above
// limit (dp.BoundedCostFunc). A bead with an empty side (1-0, 0-1 or a
// run of them) costs the sum of the scorings that are not zeroOnNull;
// without a finite limit, the costs of all are summed in Scorers order.
// Otherwise the scorings without a lower bound are costed first, in
// order; then the bounds of the others are summed, and each bound in turn
// (in order) is replaced by its cost while the sum of costs and remaining
// bounds stays under the limit. Once the job is cancelled every bead
// costs +Inf, so that the search ends quickly.
func (r *run) costLimit(i, j, di, dj int, limit float64) float64 {
	if r.stopped() {
		return math.Inf(1)
	}
	zr, er := Range{i, i + di}, Range{j, j + dj}
	p := &r.plan
	if di == 0 || dj == 0 {
		// The scorings left out cost 0 here: the sum is the same.
		var c float64
		for _, s := range p.null {
			c += s.Cost(zr, er)
		}
		if di == 0 && (i == 0 || i == len(r.zh)) || dj == 0 && (j == 0 || j == len(r.en)) {
			c -= edgeBonus
		}
		return c
	}
	if math.IsInf(limit, 1) || len(p.bounded) == 0 {
		var c float64
		for _, s := range r.scorings {
			c += s.Cost(zr, er)
		}
		return c
	}
	var c, lb float64
	for _, s := range p.plain {
		c += s.Cost(zr, er)
	}
	var buf [8]float64
	bounds := buf[:0]
	if len(p.bounded) > len(buf) {
		bounds = make([]float64, 0, len(p.bounded))
	}
	for _, s := range p.bounded {
		b := s.bound.LowerBound(zr, er)
		bounds = append(bounds, b)
		lb += b
	}
	for k, s := range p.bounded {
		if c+lb > limit+1e-9 {
			return math.Inf(1)
		}
		lb -= bounds[k]
		c += s.Cost(zr, er)
	}
	return c
}

// stopped reports whether the job was cancelled (the search then gives up
// widening).
func (r *run) stopped() bool { return r.stop != nil && r.stop.Load() }
