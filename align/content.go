package align

import "math"

// Content summaries for the coarse levels. A long text whose length ratio
// drifts between sections (a book translated by several hands, or a
// translation that abridges some chapters) has a length-only optimum far
// from the true path; what a stretch of text is about does not drift. A
// Summarizer summarises each sentence as a short vector; the lexicon's
// summary is the English stems of the glosses of its Chinese words, or its
// English content stems that some Chinese word of the document glosses
// to, each hashed to one of SummaryDim signed buckets and weighted by its
// rarity in the document. Group vectors are sums, exactly as group lengths are, and a group bead's
// content cost falls with the cosine of its two sides' vectors. Unrelated
// stretches have a cosine near 0 (the buckets' signs cancel), translations
// a clearly positive one; on groups of dozens of sentences the difference
// is decisive.

// summarizerOf returns the first scoring that is a Summarizer, or nil.
func summarizerOf(scorings []Scoring) Summarizer {
	for _, sc := range scorings {
		if s, ok := sc.(Summarizer); ok {
			return s
		}
	}
	return nil
}

// pairSummaries returns the summaries of the units of zr and er summed in
// pairs (groups 2k and 2k+1 of each range, the last alone when the count
// is odd), row-major, SummaryDim per group: the first coarse level. The
// single units' summaries are never stored.
func pairSummaries(s Summarizer, zr, er Range) (z, e []float32) {
	z = make([]float32, (zr.Len()+1)/2*SummaryDim)
	e = make([]float32, (er.Len()+1)/2*SummaryDim)
	for i := zr.Start; i < zr.End; i++ {
		k := (i - zr.Start) / 2 * SummaryDim
		s.AddZHSummary(z[k:k+SummaryDim:k+SummaryDim], i)
	}
	for j := er.Start; j < er.End; j++ {
		k := (j - er.Start) / 2 * SummaryDim
		s.AddENSummary(e[k:k+SummaryDim:k+SummaryDim], j)
	}
	return z, e
}

// AddZHSummary adds the summary of Chinese unit i: the English stems its
// words gloss to, each word's rarity weight shared among its glosses.
func (s *lexScoring) AddZHSummary(dst []float32, i int) {
	mult := s.zmult.at(i)
	for x, u := range s.zunits.at(i) {
		g, _ := s.glosses(u)
		if len(g) == 0 {
			continue
		}
		w := s.zhWeight[u] * float64(mult[x]) / float64(len(g))
		for _, st := range g {
			addHashed(dst, st, w)
		}
	}
}

// AddENSummary adds the summary of English unit j: its content stems that
// some Chinese word of the document glosses to, by rarity weight.
func (s *lexScoring) AddENSummary(dst []float32, j int) {
	for _, st := range s.estems.at(j) {
		if int(st) < len(s.target) && s.target[st] {
			addHashed(dst, st, s.enWeight[st])
		}
	}
}

// addHashed adds w to the signed bucket of stem st.
func addHashed(v []float32, st int32, w float64) {
	h := uint32(st)*2654435761 + 0x9e3779b9
	h ^= h >> 15
	h *= 0x85ebca6b
	h ^= h >> 13
	k := int(h>>7) % SummaryDim
	if h&1 != 0 {
		w = -w
	}
	v[k] += float32(w)
}

// halveVecs sums consecutive pairs of vectors (the last one alone when
// their number is odd).
func halveVecs(v []float32) []float32 {
	n := len(v) / SummaryDim
	out := make([]float32, (n+1)/2*SummaryDim)
	for k := 0; k < n; k++ {
		dst := out[k/2*SummaryDim : (k/2+1)*SummaryDim]
		src := v[k*SummaryDim : (k+1)*SummaryDim]
		for d := range dst {
			dst[d] += src[d]
		}
	}
	return out
}

// spanUnits returns, for each span length 1..maxSpan, the unit vectors of
// the sums of span consecutive vectors starting at each index (zero where
// the sum is zero or runs past the end): out[span-1][i*SummaryDim:].
// The vectors of span 1 are v itself, normalised in place (v is the
// caller's no longer): the wider spans are summed from v first.
func spanUnits(v []float32, maxSpan int) [][]float32 {
	n := len(v) / SummaryDim
	out := make([][]float32, maxSpan)
	sum := make([]float32, SummaryDim)
	for sp := maxSpan; sp >= 1; sp-- {
		if sp == 1 {
			normalize(v, sum)
			out[0] = v
			break
		}
		u := make([]float32, n*SummaryDim)
		for i := 0; i+sp <= n; i++ {
			clear(sum)
			for k := i; k < i+sp; k++ {
				src := v[k*SummaryDim : (k+1)*SummaryDim]
				for d := range sum {
					sum[d] += src[d]
				}
			}
			inv, ok := invNorm(sum)
			if !ok {
				continue // no summary (or a Summarizer's NaN or ±Inf)
			}
			dst := u[i*SummaryDim : (i+1)*SummaryDim]
			for d := range dst {
				dst[d] = sum[d] * inv
			}
		}
		out[sp-1] = u
	}
	return out
}

// invNorm returns 1/|v|, and false when v has no length (or a NaN or
// infinite one).
func invNorm(v []float32) (float32, bool) {
	var nn float64
	for _, x := range v {
		nn += float64(x) * float64(x)
	}
	if !(nn > 0) || math.IsInf(nn, 1) {
		return 0, false
	}
	return float32(1 / math.Sqrt(nn)), true
}

// normalize scales each of the SummaryDim vectors of v to unit length, as
// spanUnits does for a span of one (the same operations: the vector is
// summed into sum from zero, then scaled), and zeroes the vectors that
// have no length.
func normalize(v, sum []float32) {
	for i := 0; i < len(v)/SummaryDim; i++ {
		src := v[i*SummaryDim : (i+1)*SummaryDim]
		clear(sum)
		for d := range sum {
			sum[d] += src[d]
		}
		inv, ok := invNorm(sum)
		if !ok {
			clear(src)
			continue
		}
		for d := range src {
			src[d] = sum[d] * inv
		}
	}
}

// dot is the dot product of two SummaryDim vectors.
func dot(a, b []float32) float32 {
	a, b = a[:SummaryDim], b[:SummaryDim]
	var s0, s1, s2, s3 float32
	for d := 0; d+3 < SummaryDim; d += 4 {
		s0 += a[d] * b[d]
		s1 += a[d+1] * b[d+1]
		s2 += a[d+2] * b[d+2]
		s3 += a[d+3] * b[d+3]
	}
	return s0 + s1 + s2 + s3
}
