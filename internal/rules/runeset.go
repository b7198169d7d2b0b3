package rules

import "sort"

// runeSet is a set of runes: a bitmap for ASCII and sorted, merged ranges
// above it.
type runeSet struct {
	ascii  [2]uint64
	ranges [][2]rune // non-ASCII, sorted by start, non-overlapping
}

func (s *runeSet) add(lo, hi rune) {
	for r := lo; r <= hi && r < 0x80; r++ {
		s.ascii[r>>6] |= 1 << (uint(r) & 63)
	}
	if hi < 0x80 {
		return
	}
	lo = max(lo, 0x80)
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
	s.ascii[0] |= o.ascii[0]
	s.ascii[1] |= o.ascii[1]
	for _, r := range o.ranges {
		s.add(r[0], r[1])
	}
}

func (s *runeSet) has(r rune) bool {
	if r < 0x80 {
		return r >= 0 && s.ascii[r>>6]&(1<<(uint(r)&63)) != 0
	}
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
