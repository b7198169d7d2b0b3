package rules

import "sort"

// runeSet is a set of runes: a bitmap for the Basic Multilingual Plane
// (8 KiB, so a look-up for a hanzi is one load) and sorted, merged ranges
// above it.
type runeSet struct {
	bmp    *[1 << 10]uint64
	ranges [][2]rune // runes >= 0x10000, sorted by start, non-overlapping
}

func (s *runeSet) add(lo, hi rune) {
	if lo < 0 {
		lo = 0
	}
	if lo <= 0xFFFF {
		if s.bmp == nil {
			s.bmp = new([1 << 10]uint64)
		}
		for r := lo; r <= hi && r <= 0xFFFF; r++ {
			s.bmp[r>>6] |= 1 << (uint(r) & 63)
		}
	}
	if hi <= 0xFFFF {
		return
	}
	lo = max(lo, 0x10000)
	s.ranges = append(s.ranges, [2]rune{lo, hi})
	sort.Slice(s.ranges, func(i, j int) bool { return s.ranges[i][0] < s.ranges[j][0] })
	out := s.ranges[:1]
	for _, r := range s.ranges[1:] {
		last := &out[len(out)-1]
		if r[0] <= last[1]+1 {
			last[1] = max(last[1], r[1])
			continue
		}
		out = append(out, r)
	}
	s.ranges = out
}

func (s *runeSet) union(o *runeSet) {
	if o.bmp != nil {
		if s.bmp == nil {
			s.bmp = new([1 << 10]uint64)
		}
		for i, w := range o.bmp {
			s.bmp[i] |= w
		}
	}
	for _, r := range o.ranges {
		s.add(r[0], r[1])
	}
}

func (s *runeSet) has(r rune) bool {
	if uint32(r) <= 0xFFFF {
		return s.bmp != nil && s.bmp[r>>6]&(1<<(uint32(r)&63)) != 0
	}
	return s.hasAstral(r)
}

func (s *runeSet) hasAstral(r rune) bool {
	rs := s.ranges
	i, j := 0, len(rs)
	for i < j {
		h := int(uint(i+j) >> 1)
		if rs[h][1] < r {
			i = h + 1
		} else {
			j = h
		}
	}
	return i < len(rs) && rs[i][0] <= r
}
