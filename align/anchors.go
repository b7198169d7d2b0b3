package align

import (
	"math"
	"slices"
	"sort"
	"unicode/utf8"

	"github.com/bitextlab/zhen/internal/anchor"
	"github.com/sergi/go-diff/diffmatchpatch"
)

// anchorTok is one anchor found in a sentence: a number, date, Latin token,
// section marker or quote, with a key equal on both sides when the meaning
// is equal.
type anchorTok struct {
	Kind, Key  string
	Start, End int     // byte offsets in the sentence
	Base       float64 // per-kind base weight
}

// AnchorScorer rewards beads whose two sides share anchors (numbers by
// value, dates, ordinals, Latin tokens, section markers, quotes), weighted
// by rarity in the document pair: a match gains more than a miss costs,
// because English often states numbers the Chinese leaves implicit. The
// zero value is ready to use.
type AnchorScorer struct {
	// Gain is the reward in nats per unit of matched weight (0: 2.5).
	Gain float64
	// Miss is the cost in nats per unit of unmatched weight (0: 0.6).
	Miss float64
}

// Name returns "anchors".
func (AnchorScorer) Name() string { return "anchors" }

type anchorScoring struct {
	gain, miss       float64
	zhKeys, enKeys   [][]akey          // per unit: its keys present in both documents, sorted by id
	zhHits, enHits   ragged[anchorHit] // per unit: its anchors whose key is present in both documents, in order
	chain            [][2]int          // sure anchor pairs (Chinese unit, English unit)
	zhMerge, enMerge []akey            // scratch: the keys of a multi-unit bead
	// Running counts and weights of the keys of units [0, k) per side: a
	// bead with keys on one side only is scored without merging.
	zhKeyCount, enKeyCount   []int
	zhKeyWeight, enKeyWeight []float64
}

// anchorHit is an anchor kept for display (AppendMatches): its kind, key
// id and byte span. An anchor whose key the other document lacks can
// never match and is not kept.
type anchorHit struct {
	kind       string
	id         int32
	start, end int32
}

// akey is a document-level anchor key id with its weight.
type akey struct {
	id int
	w  float64
}

// Prepare extracts the anchors of every unit, keeps the keys present on both
// sides and weighs them by rarity.
func (as AnchorScorer) Prepare(zh, en []string) Scoring {
	s := &anchorScoring{gain: as.Gain, miss: as.Miss}
	if s.gain == 0 {
		s.gain = 2.5
	}
	if s.miss == 0 {
		s.miss = 0.6
	}
	zhToks := make([][]anchorTok, len(zh))
	enToks := make([][]anchorTok, len(en))
	zdf := map[string]int{}
	edf := map[string]int{}
	zcount := map[string]int{}
	ecount := map[string]int{}
	base := map[string]float64{}
	seen := map[string]bool{} // keys seen in the current unit
	for i, t := range zh {
		zhToks[i] = anchorsZH(t)
		clear(seen)
		for _, a := range zhToks[i] {
			zcount[a.Key]++
			base[a.Key] = a.Base
			if !seen[a.Key] {
				seen[a.Key] = true
				zdf[a.Key]++
			}
		}
	}
	for j, t := range en {
		enToks[j] = anchorsEN(t)
		clear(seen)
		for _, a := range enToks[j] {
			ecount[a.Key]++
			if !seen[a.Key] {
				seen[a.Key] = true
				edf[a.Key]++
			}
		}
	}
	ids := map[string]int{}
	weight := map[string]float64{}
	n := float64(len(zh) + len(en) + 2)
	// Number the keys in sorted order, not map order, so that weights are
	// summed in the same order on every run.
	keys := make([]string, 0, len(zdf))
	for k := range zdf {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		dz := zdf[k]
		de := edf[k]
		if de == 0 {
			continue
		}
		ids[k] = len(ids)
		// Rarity: log of the inverse document frequency, in [0.3, 1].
		r := math.Log(n/float64(dz+de)) / math.Log(n/2)
		weight[k] = base[k] * math.Max(0.3, math.Min(1, r))
	}
	conv := func(toks []anchorTok) []akey {
		var out []akey
		for _, a := range toks {
			if id, ok := ids[a.Key]; ok {
				out = append(out, akey{id, weight[a.Key]})
			}
		}
		sort.Slice(out, func(x, y int) bool { return out[x].id < out[y].id })
		return out
	}
	s.zhKeys = make([][]akey, len(zh))
	s.enKeys = make([][]akey, len(en))
	for i := range zh {
		s.zhKeys[i] = conv(zhToks[i])
	}
	for j := range en {
		s.enKeys[j] = conv(enToks[j])
	}
	s.zhHits, s.enHits = hitsOf(zhToks, ids), hitsOf(enToks, ids)
	s.zhKeyCount, s.zhKeyWeight = keySums(s.zhKeys)
	s.enKeyCount, s.enKeyWeight = keySums(s.enKeys)
	s.chain = sureAnchors(zhToks, enToks, zcount, ecount, ids, sureMaxCount(len(zh)+len(en)))
	return s
}

// hitsOf returns the anchors of each unit whose key has an id, for
// display.
func hitsOf(toks [][]anchorTok, ids map[string]int) ragged[anchorHit] {
	off := make([]int, len(toks)+1)
	var all []anchorHit
	for i, ts := range toks {
		for _, t := range ts {
			if id, ok := ids[t.Key]; ok {
				all = append(all, anchorHit{t.Kind, int32(id), int32(t.Start), int32(t.End)})
			}
		}
		off[i+1] = len(all)
	}
	return ragged[anchorHit]{off, slices.Clone(all)}
}

// keySums returns the running count and weight of the keys of each unit.
func keySums(units [][]akey) ([]int, []float64) {
	n := make([]int, len(units)+1)
	w := make([]float64, len(units)+1)
	for k, ks := range units {
		n[k+1] = n[k] + len(ks)
		w[k+1] = w[k]
		for _, a := range ks {
			w[k+1] += a.w
		}
	}
	return n, w
}

// LowerBound is the cost the bead would have with every key matched that
// can be: a key weighs the same on both sides, so at most the smaller
// side's weight is matched (the rest missed). O(1), from running sums.
func (s *anchorScoring) LowerBound(zh, en Range) float64 {
	if zh.Len() == 0 || en.Len() == 0 {
		return 0
	}
	wz := s.zhKeyWeight[zh.End] - s.zhKeyWeight[zh.Start]
	we := s.enKeyWeight[en.End] - s.enKeyWeight[en.Start]
	m := min(wz, we) // the builtin: math.Min's results, inlined
	return -s.gain*m + s.miss*(wz+we-2*m)
}

// match returns the matched and unmatched anchor weight of a bead.
func (s *anchorScoring) match(zh, en Range) (m, u float64) {
	nz := s.zhKeyCount[zh.End] - s.zhKeyCount[zh.Start]
	ne := s.enKeyCount[en.End] - s.enKeyCount[en.Start]
	if nz == 0 && ne == 0 {
		return 0, 0
	}
	if nz == 0 || ne == 0 {
		// Nothing to match: every key present is a miss.
		return 0, s.zhKeyWeight[zh.End] - s.zhKeyWeight[zh.Start] + s.enKeyWeight[en.End] - s.enKeyWeight[en.Start]
	}
	var zk, ek []akey
	if zh.Len() == 1 {
		zk = s.zhKeys[zh.Start]
	} else {
		zk = s.zhMerge[:0]
		for i := zh.Start; i < zh.End; i++ {
			zk = append(zk, s.zhKeys[i]...)
		}
		sortKeys(zk)
		s.zhMerge = zk
	}
	if en.Len() == 1 {
		ek = s.enKeys[en.Start]
	} else {
		ek = s.enMerge[:0]
		for j := en.Start; j < en.End; j++ {
			ek = append(ek, s.enKeys[j]...)
		}
		sortKeys(ek)
		s.enMerge = ek
	}
	a, b := 0, 0
	for a < len(zk) && b < len(ek) {
		switch {
		case zk[a].id == ek[b].id:
			m += zk[a].w
			a++
			b++
		case zk[a].id < ek[b].id:
			u += zk[a].w
			a++
		default:
			u += ek[b].w
			b++
		}
	}
	for ; a < len(zk); a++ {
		u += zk[a].w
	}
	for ; b < len(ek); b++ {
		u += ek[b].w
	}
	return m, u
}

func (s *anchorScoring) Cost(zh, en Range) float64 {
	if zh.Len() == 0 || en.Len() == 0 {
		return 0 // an omission neither gains nor misses anchors
	}
	m, u := s.match(zh, en)
	return -s.gain*m + s.miss*u
}

// Similarity returns the matched share of the bead's anchors, misses
// counting as weak evidence against, and a weight that grows with them.
func (s *anchorScoring) Similarity(zh, en Range) (float64, float64) {
	m, u := s.match(zh, en)
	if m+u == 0 {
		return 0, 0
	}
	// Anchors on one side only are weak evidence against the bead
	// (English states numbers the Chinese leaves implicit): a miss adds
	// anchorMissValue to the value and anchorMissShare of a match to the
	// weight. Anchors are few, and one number matched inside a long bead
	// says little about the rest of it: they weigh at most anchorWeight.
	return (m + anchorMissValue*u) / (m + u), anchorWeight * math.Min(1, m+anchorMissShare*u)
}

// Screen returns the matched share of the bead's anchors, misses counting
// fully against it.
func (s *anchorScoring) Screen(zh, en Range) (float64, float64) {
	m, u := s.match(zh, en)
	if m+u == 0 {
		return 0, 0
	}
	return m / (m + u), math.Min(1, m+u)
}

const (
	anchorMissValue = 0.3
	anchorMissShare = 0.5
	anchorWeight    = 0.5
)

// Chain returns the sure anchor pairs (Chinese unit, English unit), in
// order: both indices increase.
func (s *anchorScoring) Chain() [][2]int { return s.chain }

// AppendMatches appends the anchors matched inside a bead: each Chinese
// anchor with the first English anchor of the same key not matched yet.
func (s *anchorScoring) AppendMatches(out []Match, zh, en Range) []Match {
	if zh.Len() == 0 || en.Len() == 0 {
		return out
	}
	var usedBuf [64]bool // per English anchor of the bead, in order: matched
	used := usedBuf[:0]
	for j := en.Start; j < en.End; j++ {
		for range s.enHits.at(j) {
			used = append(used, false)
		}
	}
	for i := zh.Start; i < zh.End; i++ {
		for _, t := range s.zhHits.at(i) {
			k := 0
		find:
			for j := en.Start; j < en.End; j++ {
				for _, e := range s.enHits.at(j) {
					if !used[k] && e.id == t.id {
						used[k] = true
						out = append(out, Match{Kind: t.kind, ZH: i, EN: j,
							ZHStart: int(t.start), ZHEnd: int(t.end), ENStart: int(e.start), ENEnd: int(e.end)})
						break find
					}
					k++
				}
			}
		}
	}
	return out
}

// sureMaxCount is how often a key may occur on each side and still chain
// sure anchors in a text of units units: twice in a document, more in a
// long corpus (one more per 2,000 units), where documents repeat numbers
// and names (a corpus of repeated or similar documents has no key that
// occurs only once or twice, and the chain would be empty).
func sureMaxCount(units int) int {
	if units < coarseMin {
		return 2
	}
	return max(2, units/2000)
}

// sureAnchors finds the monotone chain of sure anchors: keys that occur at
// most maxCount times, as often in Chinese as in English, mapped to runes
// and matched with go-diff (crossing matches are dropped by the diff).
func sureAnchors(ztok, etok [][]anchorTok, zc, ec map[string]int, ids map[string]int, maxCount int) [][2]int {
	runeOf := map[string]rune{}
	next := rune(0xE000) // private use area
	type occ struct{ sent int }
	var zr, er []rune
	var zs, es []int
	for i, ts := range ztok {
		for _, t := range ts {
			if _, ok := ids[t.Key]; !ok || zc[t.Key] != ec[t.Key] || zc[t.Key] > maxCount || t.Base < anchor.WeakWeight {
				continue
			}
			r, ok := runeOf[t.Key]
			if !ok {
				r = next
				next++
				if next == 0xF900 {
					next = 0xF0000
				}
				runeOf[t.Key] = r
			}
			zr = append(zr, r)
			zs = append(zs, i)
		}
	}
	for j, ts := range etok {
		for _, t := range ts {
			r, ok := runeOf[t.Key]
			if !ok || zc[t.Key] != ec[t.Key] {
				continue
			}
			er = append(er, r)
			es = append(es, j)
		}
	}
	if len(zr) == 0 || len(er) == 0 {
		return nil
	}
	// Long sequences are cut into proportional windows, diffed one by
	// one: the diff is O(N·D), and D is large when the texts differ a lot.
	var out [][2]int
	k := (len(zr) + chainWindow - 1) / chainWindow
	for t := 0; t < k; t++ {
		z0, z1 := t*len(zr)/k, (t+1)*len(zr)/k
		e0, e1 := t*len(er)/k, (t+1)*len(er)/k
		out = diffChain(out, zr[z0:z1], er[e0:e1], zs[z0:z1], es[e0:e1])
	}
	return out
}

// chainWindow is the longest anchor sequence diffed in one piece.
const chainWindow = 8192

// diffChain appends to out the matched pairs of a diff of zr and er (rune
// per anchor; zs and es give each anchor's unit), keeping out monotone.
func diffChain(out [][2]int, zr, er []rune, zs, es []int) [][2]int {
	if len(zr) == 0 || len(er) == 0 {
		return out
	}
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0 // results must not depend on machine speed
	diffs := dmp.DiffMainRunes(zr, er, false)
	a, b := 0, 0
	for _, d := range diffs {
		k := utf8.RuneCountInString(d.Text)
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			for x := 0; x < k; x++ {
				p := [2]int{zs[a+x], es[b+x]}
				if len(out) == 0 || (p[0] >= out[len(out)-1][0] && p[1] >= out[len(out)-1][1]) {
					if len(out) > 0 && p == out[len(out)-1] {
						continue
					}
					out = append(out, p)
				}
			}
			a += k
			b += k
		case diffmatchpatch.DiffDelete:
			a += k
		case diffmatchpatch.DiffInsert:
			b += k
		}
	}
	return out
}

// sureChain returns the sure chain of the first scoring that is a Chainer.
func sureChain(ss []Scoring) [][2]int {
	for _, s := range ss {
		if c, ok := s.(Chainer); ok {
			return c.Chain()
		}
	}
	return nil
}

// anchorsZH and anchorsEN extract the anchors of one unit (variables so
// that tests can substitute them).
var (
	anchorsZH = func(s string) []anchorTok { return convAnchors(anchor.ZH(s)) }
	anchorsEN = func(s string) []anchorTok { return convAnchors(anchor.EN(s)) }
)

func convAnchors(as []anchor.Anchor) []anchorTok {
	if len(as) == 0 {
		return nil
	}
	out := make([]anchorTok, len(as))
	for k, a := range as {
		out[k] = anchorTok{Kind: a.Kind.String(), Key: a.Key, Start: a.Start, End: a.End, Base: a.Weight()}
	}
	return out
}

// sortKeys sorts a short list of keys by id (insertion sort: no
// allocation, and the lists are concatenations of sorted runs).
func sortKeys(a []akey) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j].id < a[j-1].id; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}
