package align

import "math"

// evidenceIndex holds what the Matcher scorings matched inside each sentence
// bead, computed when the alignment is made, so that an Alignment keeps no
// scoring alive.
type evidenceIndex struct {
	beads   []beadMatches
	matches []unitMatch
}

// beadMatches are the matches of one bead: matches[from:to].
type beadMatches struct {
	zh, en   Range // the bead's ranges, to recognise it
	from, to int32
}

// unitMatch is a Match stored in 40 bytes.
type unitMatch struct {
	kind                           string
	zh, en                         int32
	zhStart, zhEnd, enStart, enEnd int32
}

// newEvidenceIndex lists the matches of every Matcher among scorings (in
// their order) inside each bead.
func newEvidenceIndex(scorings []Scoring, beads []Bead) evidenceIndex {
	var ms []Matcher
	for _, s := range scorings {
		if m, ok := s.(Matcher); ok {
			ms = append(ms, m)
		}
	}
	if len(ms) == 0 {
		return evidenceIndex{}
	}
	idx := evidenceIndex{beads: make([]beadMatches, len(beads))}
	fits := func(x int) bool { return x >= 0 && x <= math.MaxInt32 }
	for k, b := range beads {
		from := len(idx.matches)
		for _, m := range ms {
			for _, x := range m.Matches(b.ZH, b.EN) {
				if !fits(x.ZH) || !fits(x.EN) || !fits(x.ZHStart) || !fits(x.ZHEnd) || !fits(x.ENStart) || !fits(x.ENEnd) {
					continue
				}
				idx.matches = append(idx.matches, unitMatch{x.Kind, int32(x.ZH), int32(x.EN),
					int32(x.ZHStart), int32(x.ZHEnd), int32(x.ENStart), int32(x.ENEnd)})
			}
		}
		idx.beads[k] = beadMatches{zh: b.ZH, en: b.EN, from: int32(from), to: int32(len(idx.matches))}
	}
	idx.matches = idx.matches[:len(idx.matches):len(idx.matches)]
	return idx
}

// of returns the matches of bead b, the k-th bead of the alignment (nil if
// the alignment's beads were changed since).
func (idx *evidenceIndex) of(k int, b Bead) []Match {
	if k < 0 || k >= len(idx.beads) {
		return nil
	}
	bm := idx.beads[k]
	if bm.zh != b.ZH || bm.en != b.EN || bm.from == bm.to {
		return nil
	}
	out := make([]Match, 0, bm.to-bm.from)
	for _, x := range idx.matches[bm.from:bm.to] {
		out = append(out, Match{Kind: x.kind, ZH: int(x.zh), EN: int(x.en),
			ZHStart: int(x.zhStart), ZHEnd: int(x.zhEnd), ENStart: int(x.enStart), ENEnd: int(x.enEnd)})
	}
	return out
}
