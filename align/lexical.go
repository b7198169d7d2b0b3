package align

import (
	"math"
	"math/bits"
	"slices"
	"sort"
	"sync"

	"github.com/bitextlab/zhen/internal/lexicon"
)

// LexiconScorer is translation evidence from a bilingual lexicon: how much
// of each side of a bead the other side covers (a Chinese word is covered
// when one of its glosses occurs in the English, and the reverse), weighted
// by rarity in the document. It compares the coverage found with the
// coverage two unrelated sentences of the same document reach by chance,
// estimated per document, so its cost is a log-likelihood ratio. It also
// learns from the first pass: word associations (Dice over co-occurrence in
// the confident beads) such as 十八大 ↔ "congress" that no dictionary has.
// The zero value uses the built-in lexicon.
type LexiconScorer struct {
	// Glossary adds user term pairs to the built-in lexicon (nil: none).
	Glossary *Glossary
	// Scale multiplies the log-likelihood ratio, which overstates the
	// evidence of words that are not independent (0: 0.4).
	Scale float64
	// NoLearn turns off learning associations from the first pass.
	NoLearn bool
}

// Name returns "lexicon".
func (LexiconScorer) Name() string { return "lexicon" }

type lexScoring struct {
	lex   *lexicon.Lexicon
	scale float64
	learn bool

	zunits   ragged[int32]    // per Chinese unit: its distinct words, as indices into zwords
	zwords   []int32          // the document's Chinese words: entry ID, or −2−k for unknown character k
	zmult    ragged[int32]    // per Chinese unit: how often each of its words occurs
	zspan    ragged[[2]int32] // per Chinese unit: the byte span of each word's first occurrence
	estems   ragged[int32]    // per English unit: content stem IDs (vocabulary ID, or VocabLen+k)
	espan    ragged[[2]int32] // per English unit: the byte span of each stem
	nstem    int32            // vocabulary size including document-local stems
	vocab    int32            // the lexicon's vocabulary size
	learned  [][]int32        // per Chinese word (index into zwords): stems learnt from the first pass (nil before learning)
	zhWeight []float64        // rarity weight per Chinese word (index into zwords)
	enWeight []float64        // rarity weight per English stem (by stem ID)

	// Gloss bags: per unit, sorted keys stem<<6 | bit, the bit naming a
	// coverable word of the unit (a Chinese word glossing to the stem, or
	// the English word with that stem); words past the 64th share bits.
	zhBag, enBag ragged[uint32]
	// Per unit and bit: the summed weight of the words on that bit, and
	// the first of them (an index into zunits[i] or estems[j], for
	// evidence).
	zhBitWeight, enBitWeight ragged[float64]
	zhBitWord, enBitWord     ragged[int32]
	zhTotal, enTotal         []float64 // per unit: the weight of its coverable words
	zhCoverable, enCoverable []int     // per unit: the number of its coverable words

	zhChance, enChance float64 // chance that one word is covered by one unrelated word
	p1                 float64 // rate at which a word of a true bead is covered beyond chance (starts at 0.4, the dev sets' mean; re-estimated per document)
	// Log-likelihood ratio terms by the other side's number of words:
	// hit[k] for a covered word, miss[k] for one left uncovered.
	zhit, zmiss, ehit, emiss []float64

	cacheBase []int         // per Chinese unit: the English unit of its cache row's first entry
	cache     [][]pairCover // per Chinese unit: covers with a window of English units
	target    []bool        // per stem: some Chinese word of the document glosses to it
	// Running sums of zhTotal, zhCoverable, enTotal and enCoverable, for
	// LowerBound.
	zhTotalCum, enTotalCum         []float64
	zhCoverableCum, enCoverableCum []int
}

// pairCover is a cached cover, stored complemented: the zero value (zm
// all ones) means "not computed yet", which no cover of a unit with fewer
// than 64 coverable words can be (its bit 63 is never set); units with 64
// or more are not cached.
// ragged is a list of slices stored as one array and offsets (a slice
// header per unit would cost 24 bytes, and a long text has tens of
// thousands of units per field); lists may share their offsets.
type ragged[T any] struct {
	off []int // len n+1 (nil when n = 0)
	all []T
}

// at returns slice i.
func (r ragged[T]) at(i int) []T {
	a, b := r.off[i], r.off[i+1]
	return r.all[a:b:b]
}

// len returns the number of slices.
func (r ragged[T]) len() int { return max(len(r.off)-1, 0) }

type pairCover struct {
	nzm, nem uint64
}

// Prepare tokenises both sides, weighs words and estimates the chance
// coverage.
func (ls LexiconScorer) Prepare(zh, en []string) Scoring {
	lex := ls.Glossary.lexicon()
	s := &lexScoring{lex: lex, scale: ls.Scale, learn: !ls.NoLearn, p1: 0.4}
	if s.scale == 0 {
		s.scale = 0.4
	}
	// The two languages are tokenised at the same time (each in order,
	// so that the ids given to unknown characters and local stems, and
	// so the results, do not depend on scheduling).
	var zdf []int // per Chinese word (index into zwords): the units it occurs in
	edf := map[int32]int{}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		chars := map[string]int32{}
		index := map[int32]int32{} // entry ID (or −2−k) → index into zwords
		var ztok []lexicon.ZhToken
		seen := map[int32]int{}
		// One backing array per field for all sentences, sharing one
		// array of offsets; copied to their exact size at the end.
		var units []int32
		var mult []int32
		var spans [][2]int32
		zoff := make([]int, len(zh)+1)
		for i, t := range zh {
			ztok = lex.AppendChinese(ztok[:0], t)
			clear(seen)
			for _, tk := range ztok {
				if tk.Kind != lexicon.ZhWord {
					continue
				}
				u := tk.ID
				if u < 0 {
					c, ok := chars[t[tk.Start:tk.End]]
					if !ok {
						c = int32(len(chars))
						chars[t[tk.Start:tk.End]] = c
					}
					u = -2 - c
				}
				w, ok := index[u]
				if !ok {
					w = int32(len(s.zwords))
					index[u] = w
					s.zwords = append(s.zwords, u)
					zdf = append(zdf, 0)
				}
				u = w
				if k, ok := seen[u]; ok {
					mult[k]++
					continue
				}
				seen[u] = len(units)
				units = append(units, u)
				mult = append(mult, 1)
				spans = append(spans, [2]int32{int32(tk.Start), int32(tk.End)})
				zdf[u]++
			}
			zoff[i+1] = len(units)
		}
		s.zunits = ragged[int32]{zoff, slices.Clone(units)}
		s.zmult = ragged[int32]{zoff, slices.Clone(mult)}
		s.zspan = ragged[[2]int32]{zoff, slices.Clone(spans)}
	}()
	local := map[string]int32{}
	s.nstem = int32(lex.VocabLen())
	s.vocab = s.nstem
	var etok []lexicon.EnToken
	var ecache lexicon.EnglishCache // words recur: each is stemmed once
	eseen := map[int32]bool{}
	var stems []int32
	var espans [][2]int32
	eoff := make([]int, len(en)+1)
	for j, t := range en {
		etok = lex.AppendEnglishCached(etok[:0], t, &ecache)
		clear(eseen)
		for _, tk := range etok {
			if tk.Stop || len(tk.Stem) == 0 {
				continue
			}
			id := tk.ID
			if id < 0 {
				l, ok := local[tk.Stem]
				if !ok {
					l = s.nstem
					s.nstem++
					local[tk.Stem] = l
				}
				id = l
			}
			stems = append(stems, id)
			espans = append(espans, [2]int32{int32(tk.Start), int32(tk.End)})
			if !eseen[id] {
				eseen[id] = true
				edf[id]++
			}
		}
		eoff[j+1] = len(stems)
	}
	s.estems = ragged[int32]{eoff, slices.Clone(stems)}
	s.espan = ragged[[2]int32]{eoff, slices.Clone(espans)}
	wg.Wait()
	// Weights in slices indexed by word (the builds look them up for
	// every word of every unit).
	s.zhWeight = make([]float64, len(s.zwords))
	for k, d := range zdf {
		s.zhWeight[k] = idfWeight(d, len(zh))
		if u := s.zwords[k]; u >= 0 && lex.IsGlossary(u) {
			s.zhWeight[k] = 1 // the user says this term matters
		}
	}
	s.enWeight = make([]float64, s.nstem)
	for st, d := range edf {
		s.enWeight[st] = idfWeight(d, len(en))
	}
	s.rebuild()
	return s
}

// idfWeight is the weight of a word that occurs in d of n units, in
// [0.1, 1], falling with d.
func idfWeight(d, n int) float64 {
	v := math.Log((float64(n)+2)/float64(d)) / math.Log(float64(n)+2)
	return math.Max(0.1, math.Min(1, v))
}

// glosses returns the stems Chinese word k (an index into zwords) may
// translate to: from the lexicon, and learnt.
func (s *lexScoring) glosses(k int32) ([]int32, []int32) {
	var g []int32
	if u := s.zwords[k]; u >= 0 {
		g = s.lex.Glosses(u)
		if len(g) > glossCap {
			g = nil
		}
	}
	if s.learned == nil {
		return g, nil
	}
	return g, s.learned[k]
}

// rebuild computes the gloss bags of both sides and clears the cache. A
// Chinese word counts when it has glosses (from the lexicon, the glossary or
// learning); an English word when the lexicon knows it as a gloss of some
// entry or a Chinese word of the document glosses to it. Words nothing could
// cover (names, rare words) are left out of both coverage and chance.
func (s *lexScoring) rebuild() {
	n, m := s.zunits.len(), s.estems.len()
	// The cover cache and the Chinese bags of the previous build are
	// rebuilt from scratch: dropped first, so that they are not live
	// while the new ones are built (the peak of a long run).
	s.cache, s.cacheBase = nil, nil
	s.zhBag, s.zhBitWord, s.zhBitWeight = ragged[uint32]{}, ragged[int32]{}, ragged[float64]{}
	s.zhTotalCum, s.zhCoverableCum, s.enTotalCum, s.enCoverableCum = nil, nil, nil, nil
	target := make([]bool, s.nstem)
	s.zhTotal = make([]float64, n)
	s.zhCoverable = make([]int, n)
	var keys []uint32    // stem<<6 | bit index
	var scratch []uint32 // for appendBag
	// One backing array per field for all units (fewer allocations).
	// Sized in advance (an upper bound): growing arrays of millions of
	// keys cost more copying than the sorting.
	// A Chinese bag holds only the glosses that some English unit of the
	// document has as a stem: the others can never match (covers are
	// merges on equal stems), and are most of a word's glosses.
	inEN := make([]bool, s.nstem)
	for _, st := range s.estems.all {
		inEN[st] = true
	}
	nk, nw := 0, 0
	for i := range n {
		us := s.zunits.at(i)
		for _, u := range us {
			g, l := s.glosses(u)
			for _, st := range g {
				if inEN[st] {
					nk++
				}
			}
			for _, st := range l {
				if inEN[st] {
					nk++
				}
			}
		}
		nw += min(len(us), 64)
	}
	allKeys := make([]uint32, 0, nk)
	allW := make([]float64, 0, nw)
	allX := make([]int32, 0, nw)
	koff, woff := make([]int, n+1), make([]int, n+1)
	for i := range n {
		us, mult := s.zunits.at(i), s.zmult.at(i)
		keys = keys[:0]
		w0 := len(allW)
		bw := allW[w0:]
		bx := allX[w0:]
		k := 0
		for x, u := range us {
			g, l := s.glosses(u)
			if len(g)+len(l) == 0 {
				continue
			}
			b := uint32(k % 64)
			if k < 64 {
				bw = append(bw, 0)
				bx = append(bx, int32(x))
			}
			w := s.zhWeight[u] * float64(mult[x])
			bw[b] += w
			s.zhTotal[i] += w
			k++
			for _, st := range g {
				if st < maxStem && inEN[st] {
					keys = append(keys, uint32(st)<<6|b)
				}
				target[st] = true
			}
			for _, st := range l {
				if st < maxStem && inEN[st] {
					keys = append(keys, uint32(st)<<6|b)
				}
				target[st] = true
			}
		}
		s.zhCoverable[i] = k
		allW = append(allW[:w0], bw...)
		allX = append(allX[:w0], bx...)
		allKeys = appendBag(allKeys, keys, &scratch)
		koff[i+1], woff[i+1] = len(allKeys), len(allW)
	}
	s.zhBag = ragged[uint32]{koff, exact(allKeys)}
	s.zhBitWeight = ragged[float64]{woff, exact(allW)}
	s.zhBitWord = ragged[int32]{woff, exact(allX)}
	// An English unit's bag only changes when one of its document-local
	// stems became, or stopped being, a gloss (learning): the others are
	// kept from the previous build.
	oldBag, oldX, oldW, oldTot, oldK, oldTarget := s.enBag, s.enBitWord, s.enBitWeight, s.enTotal, s.enCoverable, s.target
	keep := make([]bool, m)
	if oldTarget != nil && oldBag.len() == m {
		for j := range m {
			sts := s.estems.at(j)
			keep[j] = true
			for _, st := range sts {
				if st >= s.vocab && (int(st) >= len(oldTarget) || target[st] != oldTarget[st]) {
					keep[j] = false
					break
				}
			}
		}
	}
	s.target = target
	s.enTotal = make([]float64, m)
	s.enCoverable = make([]int, m)
	nk, nw = 0, 0
	// Kept bags are copied into the new arrays, so that the previous
	// build's arrays are freed as a whole.
	for j := range m {
		sts := s.estems.at(j)
		if keep[j] {
			nk += len(oldBag.at(j))
			nw += len(oldW.at(j))
			continue
		}
		nk += len(sts)
		nw += min(len(sts), 64)
	}
	allKeys = make([]uint32, 0, nk)
	allW = make([]float64, 0, nw)
	allX = make([]int32, 0, nw)
	koff, woff = make([]int, m+1), make([]int, m+1)
	for j := range m {
		sts := s.estems.at(j)
		if keep[j] {
			allKeys = append(allKeys, oldBag.at(j)...)
			allW = append(allW, oldW.at(j)...)
			allX = append(allX, oldX.at(j)...)
			koff[j+1], woff[j+1] = len(allKeys), len(allW)
			s.enTotal[j], s.enCoverable[j] = oldTot[j], oldK[j]
			continue
		}
		keys = keys[:0]
		w0 := len(allW)
		bw := allW[w0:]
		bx := allX[w0:]
		k := 0
		for x, st := range sts {
			if !target[st] && st >= s.vocab {
				continue
			}
			b := uint32(k % 64)
			if k < 64 {
				bw = append(bw, 0)
				bx = append(bx, int32(x))
			}
			bw[b] += s.enWeight[st]
			s.enTotal[j] += s.enWeight[st]
			k++
			if st < maxStem {
				keys = append(keys, uint32(st)<<6|b)
			}
		}
		s.enCoverable[j] = k
		allW = append(allW[:w0], bw...)
		allX = append(allX[:w0], bx...)
		allKeys = appendBag(allKeys, keys, &scratch)
		koff[j+1], woff[j+1] = len(allKeys), len(allW)
	}
	s.enBag = ragged[uint32]{koff, exact(allKeys)}
	s.enBitWeight = ragged[float64]{woff, exact(allW)}
	s.enBitWord = ragged[int32]{woff, exact(allX)}
	s.cacheBase = make([]int, n)
	s.cache = make([][]pairCover, n)
	s.zhTotalCum, s.zhCoverableCum = cumulate(s.zhTotal, s.zhCoverable)
	s.enTotalCum, s.enCoverableCum = cumulate(s.enTotal, s.enCoverable)
	s.estimateChance()
}

// exact returns a, copied to an array of its length when it was sized
// well beyond it (the bags' arrays are sized before duplicates go).
func exact[T any](a []T) []T {
	if cap(a)-len(a) > len(a)/8 {
		return slices.Clone(a)
	}
	return a
}

// cumulate returns the running sums of tot and k, from 0.
func cumulate(tot []float64, k []int) ([]float64, []int) {
	ct := make([]float64, len(tot)+1)
	ck := make([]int, len(k)+1)
	for x := range tot {
		ct[x+1] = ct[x] + tot[x]
		ck[x+1] = ck[x] + k[x]
	}
	return ct, ck
}

// LowerBound is the cost the bead would have with every word of both sides
// covered (hits gain, misses only cost): no coverage can do better. It
// takes O(1), from running sums.
func (s *lexScoring) LowerBound(zh, en Range) float64 {
	if zh.Len() == 0 || en.Len() == 0 {
		return 0
	}
	if en.Len() > 8 {
		en.End = en.Start + 8 // as in coverage
	}
	tz := s.zhTotalCum[zh.End] - s.zhTotalCum[zh.Start]
	te := s.enTotalCum[en.End] - s.enTotalCum[en.Start]
	kz := min(s.zhCoverableCum[zh.End]-s.zhCoverableCum[zh.Start], len(s.ehit)-1)
	ke := min(s.enCoverableCum[en.End]-s.enCoverableCum[en.Start], len(s.zhit)-1)
	return -s.scale * (tz*s.zhit[ke] + te*s.ehit[kz])
}

// maxStem bounds the stem IDs that fit in a packed bag key.
const maxStem = 1 << 26

// appendBag appends the packed keys (stem<<6 | bit) to all, sorted and
// without duplicates: 4 bytes per gloss.
func appendBag(all, keys []uint32, tmp *[]uint32) []uint32 {
	if len(keys) == 0 {
		return all
	}
	if len(keys) < radixMin {
		slices.Sort(keys)
	} else {
		radixSort(keys, tmp)
	}
	return append(all, slices.Compact(keys)...)
}

// radixMin is the number of keys from which appendBag sorts by radix.
const radixMin = 96

// radixSort sorts keys in place, a byte at a time from the lowest,
// skipping bytes all keys share; tmp is scratch space kept between calls.
func radixSort(keys []uint32, tmp *[]uint32) {
	if cap(*tmp) < len(keys) {
		*tmp = make([]uint32, len(keys), 2*len(keys))
	}
	src, dst := keys, (*tmp)[:len(keys)]
	for shift := uint(0); shift < 32; shift += 8 {
		var count [257]int
		for _, k := range src {
			count[(k>>shift)&255+1]++
		}
		if count[(src[0]>>shift)&255+1] == len(src) {
			continue // every key has this byte
		}
		for d := 1; d < 257; d++ {
			count[d] += count[d-1]
		}
		for _, k := range src {
			d := (k >> shift) & 255
			dst[count[d]] = k
			count[d]++
		}
		src, dst = dst, src
	}
	if &src[0] != &keys[0] {
		copy(keys, src)
	}
}

// cover computes which words of zh unit a and en unit b cover each other:
// a merge of the two sorted bags.
func (s *lexScoring) cover(a, b int) (zm, em uint64) {
	x, y := s.zhBag.at(a), s.enBag.at(b)
	p, q := 0, 0
	for p < len(x) && q < len(y) {
		xs, ys := x[p]>>6, y[q]>>6
		switch {
		case xs == ys:
			for p < len(x) && x[p]>>6 == xs {
				zm |= 1 << (x[p] & 63)
				p++
			}
			for q < len(y) && y[q]>>6 == ys {
				em |= 1 << (y[q] & 63)
				q++
			}
		case xs < ys:
			p++
		default:
			q++
		}
	}
	return
}

// pair returns the cached cover of (a, b).
func (s *lexScoring) pair(a, b int) (uint64, uint64) {
	if s.zhCoverable[a] >= 64 {
		return s.cover(a, b)
	}
	row := s.cache[a]
	if cap(row) == 0 {
		row = make([]pairCover, 1, 16)
		s.cache[a] = row
		s.cacheBase[a] = b
	}
	base := s.cacheBase[a]
	if b < base {
		// Extend to the left, with some room for the next extensions
		// (entries not computed yet are zero).
		grow := base - b + min(b, 4+len(row)/4)
		nr := make([]pairCover, len(row)+grow, len(row)+grow+8)
		copy(nr[grow:], row)
		row = nr
		base -= grow
		s.cacheBase[a] = base
		s.cache[a] = row
	}
	k := b - base
	if k >= len(row) {
		if k < cap(row) {
			row = row[:k+1]
		} else {
			nr := make([]pairCover, k+1, k+1+max(8, (k+1)/2))
			copy(nr, row)
			row = nr
		}
		s.cache[a] = row
	}
	c := &row[k]
	if c.nzm == 0 {
		zm, em := s.cover(a, b)
		c.nzm, c.nem = ^zm, ^em
	}
	return ^c.nzm, ^c.nem
}

func wsum(bw []float64, m uint64) float64 {
	var t float64
	for m != 0 {
		k := bits.TrailingZeros64(m)
		if k < len(bw) {
			t += bw[k]
		}
		m &= m - 1
	}
	return t
}

// coverage returns, for a bead, the covered and total weight and the
// number of coverable words of each side.
func (s *lexScoring) coverage(zh, en Range) (cz, tz, ce, te float64, kz, ke int) {
	var em [8]uint64 // en masks of the bead's English units (beads are small)
	if en.Len() > len(em) {
		en.End = en.Start + len(em)
	}
	for i := zh.Start; i < zh.End; i++ {
		var zm uint64
		for j := en.Start; j < en.End; j++ {
			a, b := s.pair(i, j)
			zm |= a
			em[j-en.Start] |= b
		}
		cz += wsum(s.zhBitWeight.at(i), zm)
		tz += s.zhTotal[i]
		kz += s.zhCoverable[i]
	}
	for j := en.Start; j < en.End; j++ {
		ce += wsum(s.enBitWeight.at(j), em[j-en.Start])
		te += s.enTotal[j]
		ke += s.enCoverable[j]
	}
	return
}

// llrTables fills the per-word log-likelihood ratio terms: with k words on
// the other side, chance covers a word with probability p0 = 1−(1−q)^k and
// a true bead with p1 + (1−p1)·p0 (a translation, or chance).
func llrTables(q, p1 float64) (hit, miss []float64) {
	const maxK = 512
	hit = make([]float64, maxK+1)
	miss = make([]float64, maxK+1)
	for k := 1; k <= maxK; k++ {
		p0 := math.Min(1-math.Pow(1-q, float64(k)), 0.95)
		pt := 1 - (1-p1)*(1-p0)
		hit[k] = math.Log(pt / p0)
		miss[k] = math.Log((1 - pt) / (1 - p0))
	}
	return hit, miss
}

func (s *lexScoring) Cost(zh, en Range) float64 {
	if zh.Len() == 0 || en.Len() == 0 {
		return 0
	}
	cz, tz, ce, te, kz, ke := s.coverage(zh, en)
	ke = min(ke, len(s.zhit)-1)
	kz = min(kz, len(s.ehit)-1)
	l := cz*s.zhit[ke] + (tz-cz)*s.zmiss[ke] + ce*s.ehit[kz] + (te-ce)*s.emiss[kz]
	return -s.scale * l
}

// RefineOnly reports true: on long documents the aligner searches first
// without the lexicon, then with it around that path.
func (s *lexScoring) RefineOnly() bool { return true }

// Similarity returns the posterior probability that the bead is a
// translation (even prior odds) from the log-likelihood ratio of Cost,
// tempered: the ratio summed over all words of a long bead would be
// certain either way (a correct 1-3 bead of loose prose would score
// 0.001), so it is taken per unit of word weight and counted for at most
// lexEffective units. The weight grows with the number of words compared.
func (s *lexScoring) Similarity(zh, en Range) (float64, float64) {
	if zh.Len() == 0 || en.Len() == 0 {
		return 0, 0
	}
	_, tz, _, te, _, _ := s.coverage(zh, en)
	n := tz + te
	if n == 0 {
		return 0, 0
	}
	c := s.Cost(zh, en) / n * math.Min(n, lexEffective)
	return 1 / (1 + math.Exp(c)), math.Min(2, n/4)
}

// AppendMatches appends, for display, one English word covering each
// covered Chinese word of the bead ("lexicon", or "glossary" for a user's
// term).
func (s *lexScoring) AppendMatches(out []Match, zh, en Range) []Match {
	if zh.Len() == 0 || en.Len() == 0 {
		return out
	}
	for i := zh.Start; i < zh.End; i++ {
		var done uint64
		for j := en.Start; j < en.End; j++ {
			x, y := s.zhBag.at(i), s.enBag.at(j)
			zbw, ebw := s.zhBitWord.at(i), s.enBitWord.at(j)
			p, q := 0, 0
			for p < len(x) && q < len(y) {
				xs, ys := x[p]>>6, y[q]>>6
				switch {
				case xs == ys:
					eb := int(y[q] & 63)
					for ; p < len(x) && x[p]>>6 == xs; p++ {
						zb := int(x[p] & 63)
						if done&(1<<zb) != 0 || zb >= len(zbw) || eb >= len(ebw) {
							continue
						}
						done |= 1 << zb
						zu, et := zbw[zb], ebw[eb]
						kind := "lexicon"
						if u := s.zwords[s.zunits.at(i)[zu]]; u >= 0 && s.lex.IsGlossary(u) {
							kind = "glossary"
						}
						zs, es := s.zspan.at(i)[zu], s.espan.at(j)[et]
						out = append(out, Match{Kind: kind, ZH: i, EN: j,
							ZHStart: int(zs[0]), ZHEnd: int(zs[1]), ENStart: int(es[0]), ENEnd: int(es[1])})
					}
					for q < len(y) && y[q]>>6 == ys {
						q++
					}
				case xs < ys:
					p++
				default:
					q++
				}
			}
		}
	}
	return out
}

// estimateChance measures how often a word is covered by one word of an
// unrelated sentence, on pairs taken half a document apart: every Chinese
// unit with the English unit half the document after its place. (A sample
// of 500 such pairs left noise enough to move beads: the estimate changed
// by 5–13% with the sample on long/002, and strict F1 with it, 0.8599 with
// the sample and 0.8609 with every pair; mag 0.981 and 0.983. A cover takes
// well under a microsecond.)
func (s *lexScoring) estimateChance() {
	n, m := s.zunits.len(), s.estems.len()
	s.zhChance, s.enChance = 0.01, 0.01
	defer s.tables()
	if n < 4 || m < 4 {
		return
	}
	var cz, nz, ce, ne float64
	for i := range n {
		j := (i*m/n + m/2) % m
		zm, em := s.cover(i, j)
		cz += float64(bits.OnesCount64(zm))
		nz += float64(min(s.zhCoverable[i], 64) * s.enCoverable[j])
		ce += float64(bits.OnesCount64(em))
		ne += float64(min(s.enCoverable[j], 64) * s.zhCoverable[i])
	}
	if nz > 0 {
		s.zhChance = math.Max(0.001, cz/nz)
	}
	if ne > 0 {
		s.enChance = math.Max(0.001, ce/ne)
	}
}

func (s *lexScoring) tables() {
	s.zhit, s.zmiss = llrTables(s.zhChance, s.p1)
	s.ehit, s.emiss = llrTables(s.enChance, s.p1)
}

// Learn estimates word associations from the confident beads of the first
// pass (Dice coefficient over co-occurrence) and adds them as glosses.
func (s *lexScoring) Learn(beads []Bead) {
	if !s.learn {
		return
	}
	var conf []float64
	for _, b := range beads {
		if b.ZH.Len() > 0 && b.EN.Len() > 0 {
			conf = append(conf, b.Confidence)
		}
	}
	if len(conf) < 10 {
		return
	}
	sort.Float64s(conf)
	cut := conf[len(conf)*3/10]
	// p1 needs the covers of the first pass; the counting below does not,
	// and the cover cache (rebuilt anyway) is dropped before it so that
	// the two are not live together.
	s.estimateP1(beads, cut)
	s.cache, s.cacheBase = nil, nil
	zc := make([]int32, len(s.zwords))
	ec := map[int32]int32{}
	co := map[uint64]int32{}
	var zu, eu []int32
	nb := 0
	// Long documents: counts from learnMax confident beads, evenly
	// spread, are plenty, and counting every pair of words of every bead
	// is the costliest part of learning.
	stride := (len(conf) - len(conf)*3/10 + learnMax - 1) / learnMax
	seen := 0
	// The distinct words of each counted bead, one after another.
	var zall, eall []int32
	boff := [][2]int{{0, 0}}
	for _, b := range beads {
		if b.ZH.Len() == 0 || b.EN.Len() == 0 || b.Confidence < cut {
			continue
		}
		seen++
		if stride > 1 && seen%stride != 0 {
			continue
		}
		nb++
		zu = zu[:0]
		for i := b.ZH.Start; i < b.ZH.End; i++ {
			zu = append(zu, s.zunits.at(i)...)
		}
		eu = eu[:0]
		for j := b.EN.Start; j < b.EN.End; j++ {
			eu = append(eu, s.estems.at(j)...)
		}
		zu = uniq(zu)
		eu = uniq(eu)
		for _, x := range zu {
			zc[x]++
		}
		for _, y := range eu {
			ec[y]++
		}
		zall = append(zall, zu...)
		eall = append(eall, eu...)
		boff = append(boff, [2]int{len(zall), len(eall)})
	}
	type cand struct {
		y int32
		d float64
	}
	best := map[int32][]cand{}
	// The pairs are counted a share of the Chinese words at a time (each
	// word's pairs all in one share): the map of pair counts is the
	// largest thing alive while learning.
	for part := range uint32(learnParts) {
		clear(co)
		for k := 1; k < len(boff); k++ {
			zu, eu := zall[boff[k-1][0]:boff[k][0]], eall[boff[k-1][1]:boff[k][1]]
			for _, x := range zu {
				if uint32(x)%learnParts != part {
					continue
				}
				for _, y := range eu {
					co[uint64(uint32(x))<<32|uint64(uint32(y))]++
				}
			}
		}
		for k, c := range co {
			if c < 2 {
				continue
			}
			x, y := int32(uint32(k>>32)), int32(uint32(k))
			d := 2 * float64(c) / float64(zc[x]+ec[y])
			// Keep strong (Dice ≥ 0.3) and significant (G² ≥ 10, p <
			// 0.002) associations: small documents give small counts.
			if d < 0.3 || g2(float64(c), float64(zc[x]), float64(ec[y]), float64(nb)) < 10 {
				continue
			}
			best[x] = append(best[x], cand{y, d})
		}
	}
	co = nil
	s.learned = make([][]int32, len(s.zwords))
	for x, cs := range best {
		sort.Slice(cs, func(a, b int) bool { return cs[a].d > cs[b].d || cs[a].d == cs[b].d && cs[a].y < cs[b].y })
		if len(cs) > 3 {
			cs = cs[:3]
		}
		for _, c := range cs {
			s.learned[x] = append(s.learned[x], c.y)
		}
	}
	s.rebuild()
}

// estimateP1 sets the rate at which a word of a true bead is covered
// beyond chance from the confident beads of the first pass: covered = p1 +
// (1−p1)·p0 solved for p1, summed over both sides of the beads.
func (s *lexScoring) estimateP1(beads []Bead, cut float64) {
	var num, den float64
	for _, b := range beads {
		if b.ZH.Len() == 0 || b.EN.Len() == 0 || b.Confidence < cut {
			continue
		}
		cz, tz, ce, te, kz, ke := s.coverage(b.ZH, b.EN)
		p0z := 1 - math.Pow(1-s.zhChance, float64(ke))
		p0e := 1 - math.Pow(1-s.enChance, float64(kz))
		num += cz - tz*p0z + ce - te*p0e
		den += tz*(1-p0z) + te*(1-p0e)
	}
	if den <= 0 {
		return
	}
	s.p1 = math.Max(0.2, math.Min(0.8, num/den))
}

func uniq(a []int32) []int32 {
	sort.Slice(a, func(x, y int) bool { return a[x] < a[y] })
	out := a[:0]
	for k, v := range a {
		if k == 0 || v != a[k-1] {
			out = append(out, v)
		}
	}
	return out
}

// Screen returns the posterior probability of a translation from the whole
// log-likelihood ratio of Cost, untempered.
func (s *lexScoring) Screen(zh, en Range) (float64, float64) {
	if zh.Len() == 0 || en.Len() == 0 {
		return 0, 0
	}
	_, tz, _, te, _, _ := s.coverage(zh, en)
	if tz+te == 0 {
		return 0, 0
	}
	c := s.Cost(zh, en)
	return 1 / (1 + math.Exp(c)), math.Min(2, (tz+te)/4)
}

// lexEffective is the most word weight (about sixteen words of middling
// rarity) the lexicon's similarity counts. Measured on the dev sets and
// press001, 4 to 16 give about the same calibration.
const lexEffective = 8.0

// learnParts is the number of shares of the Chinese words whose pairs
// Learn counts one after another.
const learnParts = 4

// learnMax is the most beads Learn counts co-occurrences in.
const learnMax = 8000

// glossCap leaves out the dictionary glosses of entries with more than this
// many (common characters such as 大 or 打 with dozens of senses): they
// cover almost anything, cost time and add no evidence. Measured on the dev
// sets, caps from 10 to 40 align the same.
const glossCap = 12

// g2 is Dunning's log-likelihood ratio statistic for the co-occurrence of
// two words seen a times together, in cx and cy of n beads.
func g2(a, cx, cy, n float64) float64 {
	b, c := cx-a, cy-a
	d := n - a - b - c
	term := func(o, e float64) float64 {
		if o <= 0 || e <= 0 {
			return 0
		}
		return o * math.Log(o/e)
	}
	return 2 * (term(a, cx*cy/n) + term(b, cx*(n-cy)/n) + term(c, (n-cx)*cy/n) + term(d, (n-cx)*(n-cy)/n))
}
