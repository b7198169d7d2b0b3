package align

// evidenceIndex holds what the Matcher scorings matched inside each sentence
// bead, computed when the alignment is made, so that an Alignment keeps no
// scoring alive. Matches are stored in chunks, 20 bytes each, in bead order.
type evidenceIndex struct {
	beads  []beadMatches
	chunks [][]unitMatch
	kinds  []string // Match.Kind of each unitMatch.kind
}

// beadMatches are the matches of one bead: entries [from, to) of the index.
type beadMatches struct {
	zh, en   Range // the bead's ranges, to recognise it
	from, to int
}

// unitMatch is a Match with its units counted from the bead's first.
type unitMatch struct {
	zhStart, zhEnd, enStart, enEnd int32
	kind                           uint16
	zh, en                         uint8
}

const evidenceChunk = 1 << 14

// newEvidenceIndex lists the matches of every Matcher among scorings (in
// their order) inside each bead. A match outside its bead, or with offsets
// that do not fit, is left out.
func newEvidenceIndex(scorings []Scoring, beads []Bead) evidenceIndex {
	var ms []Matcher
	for _, s := range scorings {
		if m, ok := s.(Matcher); ok {
			ms = append(ms, m)
		}
	}
	var idx evidenceIndex
	if len(ms) == 0 {
		return idx
	}
	idx.beads = make([]beadMatches, len(beads))
	kindOf := map[string]uint16{}
	var scratch []Match
	n := 0
	for k, b := range beads {
		from := n
		scratch = scratch[:0]
		for _, m := range ms {
			scratch = m.AppendMatches(scratch, b.ZH, b.EN)
		}
		for _, x := range scratch {
			zi, ei := x.ZH-b.ZH.Start, x.EN-b.EN.Start
			if zi < 0 || zi >= b.ZH.Len() || ei < 0 || ei >= b.EN.Len() || zi > 255 || ei > 255 ||
				!fits32(x.ZHStart) || !fits32(x.ZHEnd) || !fits32(x.ENStart) || !fits32(x.ENEnd) {
				continue
			}
			kind, ok := kindOf[x.Kind]
			if !ok {
				if len(idx.kinds) > 0xFFFF {
					continue
				}
				kind = uint16(len(idx.kinds))
				kindOf[x.Kind] = kind
				idx.kinds = append(idx.kinds, x.Kind)
			}
			if n%evidenceChunk == 0 {
				idx.chunks = append(idx.chunks, make([]unitMatch, 0, evidenceChunk))
			}
			c := &idx.chunks[len(idx.chunks)-1]
			*c = append(*c, unitMatch{int32(x.ZHStart), int32(x.ZHEnd), int32(x.ENStart), int32(x.ENEnd), kind, uint8(zi), uint8(ei)})
			n++
		}
		idx.beads[k] = beadMatches{zh: b.ZH, en: b.EN, from: from, to: n}
	}
	if len(idx.chunks) > 0 { // the last chunk to its size
		last := &idx.chunks[len(idx.chunks)-1]
		*last = append([]unitMatch(nil), *last...)
	}
	return idx
}

func fits32(x int) bool { return x >= 0 && x <= 1<<31-1 }

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
	for i := bm.from; i < bm.to; i++ {
		x := idx.chunks[i/evidenceChunk][i%evidenceChunk]
		out = append(out, Match{Kind: idx.kinds[x.kind], ZH: b.ZH.Start + int(x.zh), EN: b.EN.Start + int(x.en),
			ZHStart: int(x.zhStart), ZHEnd: int(x.zhEnd), ENStart: int(x.enStart), ENEnd: int(x.enEnd)})
	}
	return out
}
