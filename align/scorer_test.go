package align

import (
	"math"
	"math/rand"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestZHLength(t *testing.T) {
	tests := []struct {
		name string
		in   string
		lat  float64
		want float64
	}{
		{name: "hanzi", in: "中国共产党", lat: 0.4, want: 5},
		{name: "punctuation counts", in: "你好，世界。", lat: 0.4, want: 6},
		{name: "latin weighted", in: "APEC会议", lat: 0.4, want: 4*0.4 + 2},
		{name: "digits weighted", in: "2012年", lat: 0.5, want: 4*0.5 + 1},
		{name: "spaces free", in: "中 国\u3000人", lat: 0.4, want: 3},
		{name: "empty", in: "", lat: 0.4, want: 0},
		{name: "invalid utf-8", in: "\xff中", lat: 0.4, want: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := zhLength(tt.in, tt.lat); math.Abs(got-tt.want) > 1e-9 {
				t.Errorf("zhLength(%q, %v) = %v, want %v", tt.in, tt.lat, got, tt.want)
			}
		})
	}
}

func TestENLength(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want float64
	}{
		{name: "word", in: "Party", want: 5},
		{name: "spaces once", in: "the  Party", want: 9},
		{name: "trimmed", in: "  a b  ", want: 3},
		{name: "empty", in: "", want: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := enLength(tt.in); got != tt.want {
				t.Errorf("enLength(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

// TestLengthEstimate checks that c is estimated from the document pair
// (Σen/Σzh) and that s² is re-estimated from the first pass.
func TestLengthEstimate(t *testing.T) {
	zh := []string{"一二三四五六七八九十", "一二三四五", "一二三四五六七八九十一二三四五"}
	en := []string{strings.Repeat("x", 40), strings.Repeat("y", 20), strings.Repeat("z", 60)}
	s := LengthScorer{}.Prepare(zh, en).(*lengthScoring)
	if math.Abs(s.c-4) > 1e-9 {
		t.Errorf("c = %v, want 4 (120 English characters over 30 Chinese)", s.c)
	}
	if math.Abs(s.s2-5*16) > 1e-9 {
		t.Errorf("initial s² = %v, want 5·c² = 80", s.s2)
	}
	fixed := LengthScorer{C: 3, S2: 9}.Prepare(zh, en).(*lengthScoring)
	if fixed.c != 3 || fixed.s2 != 9 {
		t.Errorf("fixed parameters: c, s² = %v, %v, want 3, 9", fixed.c, fixed.s2)
	}
	// A perfect 1-1 bead costs the least possible; a 1-0 bead much more.
	perfect := s.Cost(Range{0, 1}, Range{0, 1})
	if perfect > 1e-6 {
		t.Errorf("cost of a bead with δ = 0 is %v, want 0", perfect)
	}
	if del := s.Cost(Range{2, 3}, Range{2, 2}); del < 1 || del > nullCapOne {
		t.Errorf("cost of deleting a 15-hanzi sentence is %v, want between 1 nat and the cap %v", del, nullCapOne)
	}
	// At the document's edge an omission is not priced by its length.
	for _, r := range [][2]Range{{{0, 1}, {0, 0}}, {{2, 3}, {3, 3}}, {{0, 0}, {0, 1}}, {{3, 3}, {2, 3}}} {
		if c := s.Cost(r[0], r[1]); c != 0 {
			t.Errorf("Cost(%v, %v) at the edge = %v, want 0", r[0], r[1], c)
		}
	}
	// Learn from beads with some spread: s² moves from its start.
	var lzh, len_ []string
	var beads []Bead
	for k := range 40 {
		lzh = append(lzh, strings.Repeat("中", 10))
		len_ = append(len_, strings.Repeat("e", 36+2*(k%5)))
		beads = append(beads, Bead{ZH: Range{k, k + 1}, EN: Range{k, k + 1}})
	}
	ls := LengthScorer{}.Prepare(lzh, len_).(*lengthScoring)
	before := ls.s2
	ls.Learn(beads)
	if ls.s2 == before || ls.s2 <= 0 {
		t.Errorf("Learn left s² at %v (was %v), want a new positive estimate", ls.s2, before)
	}
}

// TestLogTail checks the tail in log space: finite and decreasing for any
// δ, equal to log erfc(x/√2) where that is representable.
func TestLogTail(t *testing.T) {
	prev := 1.0
	for _, x := range []float64{0, 0.5, 1, 2, 5, 9, 12, 20, 30, 39.99, 40, 60, 100, 1e4, 1e8} {
		got := logTail(x)
		if math.IsInf(got, 0) || math.IsNaN(got) {
			t.Fatalf("logTail(%v) = %v, want finite", x, got)
		}
		if got >= prev && x > 0 {
			t.Errorf("logTail(%v) = %v, not below logTail of a smaller δ (%v)", x, got, prev)
		}
		prev = got
		if x < 30 {
			want := math.Log(math.Erfc(x / math.Sqrt2))
			if math.Abs(got-want) > 1e-3*math.Max(1, math.Abs(want)) {
				t.Errorf("logTail(%v) = %v, want %v", x, got, want)
			}
		}
	}
	if logTail(-3) != logTail(3) {
		t.Errorf("logTail is not symmetric")
	}
}

// stubAnchors replaces the anchor extraction for a test.
func stubAnchors(t *testing.T, zh, en func(string) []anchorTok) {
	oz, oe := anchorsZH, anchorsEN
	anchorsZH, anchorsEN = zh, en
	t.Cleanup(func() { anchorsZH, anchorsEN = oz, oe })
}

func TestAnchorScoring(t *testing.T) {
	zh := []string{"党的十八大以来", "2012年11月15日", "没有数字", "十八大"}
	en := []string{"Since the 18th National Congress", "November 15, 2012", "no number here", "the 18th Congress"}
	s := AnchorScorer{}.Prepare(zh, en).(*anchorScoring)
	r := func(a, b int) Range { return Range{a, b} }
	tests := []struct {
		name     string
		zh, en   Range
		negative bool // evidence for the bead
	}{
		{name: "ordinal matches", zh: r(0, 1), en: r(0, 1), negative: true},
		{name: "date and year match", zh: r(1, 2), en: r(1, 2), negative: true},
		{name: "date against ordinal", zh: r(1, 2), en: r(0, 1)},
		{name: "no anchors", zh: r(2, 3), en: r(2, 3)},
		{name: "omission is neutral", zh: r(1, 2), en: r(2, 2)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := s.Cost(tt.zh, tt.en)
			if tt.negative != (c < 0) {
				t.Errorf("Cost(%v, %v) = %v, want negative: %v", tt.zh, tt.en, c, tt.negative)
			}
		})
	}
	// A match gains more than a miss costs.
	m, u := s.match(r(1, 2), r(1, 2))
	if m <= 0 || u != 0 {
		t.Errorf("date bead: matched %v, unmatched %v; want all matched", m, u)
	}
	if s.gain <= s.miss {
		t.Errorf("gain %v ≤ miss %v", s.gain, s.miss)
	}
	if v, w := s.Similarity(r(2, 3), r(2, 3)); v != 0 || w != 0 {
		t.Errorf("Similarity without anchors = %v, %v, want 0, 0", v, w)
	}
	if v, _ := s.Similarity(r(1, 2), r(1, 2)); v != 1 {
		t.Errorf("Similarity of fully matched bead = %v, want 1", v)
	}
}

// TestAnchorRarity checks that a key found in many sentences weighs less
// than a rare one.
func TestAnchorRarity(t *testing.T) {
	stubAnchors(t,
		func(s string) []anchorTok { return keysOf(s) },
		func(s string) []anchorTok { return keysOf(s) })
	var zh, en []string
	for range 20 {
		zh = append(zh, "common")
		en = append(en, "common")
	}
	zh = append(zh, "rare")
	en = append(en, "rare")
	s := AnchorScorer{}.Prepare(zh, en).(*anchorScoring)
	common := s.Cost(Range{0, 1}, Range{0, 1})
	rare := s.Cost(Range{20, 21}, Range{20, 21})
	if !(rare < common && common < 0) {
		t.Errorf("cost of rare match %v, common match %v: want rare < common < 0", rare, common)
	}
	// Only "rare" (once on each side) is a sure anchor.
	if diff := cmp.Diff([][2]int{{20, 20}}, s.Chain()); diff != "" {
		t.Errorf("Chain() mismatch (-want +got):\n%s", diff)
	}
}

// keysOf makes one anchor per space-separated word (a test stand-in).
func keysOf(s string) []anchorTok {
	var out []anchorTok
	pos := 0
	for _, w := range strings.Fields(s) {
		i := strings.Index(s[pos:], w) + pos
		out = append(out, anchorTok{Kind: "latin", Key: "l:" + w, Start: i, End: i + len(w), Base: 1})
		pos = i + len(w)
	}
	return out
}

// TestSureChain checks that crossing anchor matches are dropped.
func TestSureChain(t *testing.T) {
	stubAnchors(t,
		func(s string) []anchorTok { return keysOf(s) },
		func(s string) []anchorTok { return keysOf(s) })
	zh := []string{"a", "b", "c", "d", "e"}
	en := []string{"a", "c", "b", "d", "x", "e"}
	s := AnchorScorer{}.Prepare(zh, en).(*anchorScoring)
	got := s.Chain()
	for k := 1; k < len(got); k++ {
		if got[k][0] <= got[k-1][0] || got[k][1] <= got[k-1][1] {
			t.Errorf("chain not monotone: %v", got)
		}
	}
	if len(got) != 4 {
		t.Errorf("chain %v: want 4 pairs (a, one of b/c, d, e)", got)
	}
}

// TestLexicalCoverage uses real phrases from seed 001: a translation covers
// more of the other side than chance, and scores as evidence for the bead.
func TestLexicalCoverage(t *testing.T) {
	zh := []string{
		"党的十八大以来，习近平总书记就党的对外工作作出一系列重要论述。",
		"织密全球政党伙伴关系网络，同周边国家政党关系更加巩固深化。",
		"优化工作格局，不断完善党的对外工作体制机制建设。",
		"发扬斗争精神，坚定维护国家主权、安全、发展利益。",
	}
	en := []string{
		"Since the 18th National Congress, General Secretary Xi Jinping has put forward a series of important expositions regarding the Party's external work.",
		"We have woven a global network of partnerships with political parties, and our relations with political parties in neighbouring countries have been consolidated.",
		"We have optimised the work pattern and improved institutions and mechanisms for the Party's external work.",
		"Upholding the fighting spirit, we have resolutely safeguarded national sovereignty, security and development interests.",
	}
	s := LexiconScorer{}.Prepare(zh, en).(*lexScoring)
	for i := range zh {
		right := s.Cost(Range{i, i + 1}, Range{i, i + 1})
		if right >= 0 {
			t.Errorf("sentence %d with its translation: cost %v, want < 0", i, right)
		}
		for j := range en {
			if j == i {
				continue
			}
			if wrong := s.Cost(Range{i, i + 1}, Range{j, j + 1}); wrong <= right {
				t.Errorf("sentence %d: cost with English %d (%v) ≤ cost with its translation (%v)", i, j, wrong, right)
			}
		}
		cz, tz, ce, te, _, _ := s.coverage(Range{i, i + 1}, Range{i, i + 1})
		if cz <= 0 || cz > tz || ce <= 0 || ce > te {
			t.Errorf("sentence %d: coverage %v/%v, %v/%v: want some, at most all", i, cz, tz, ce, te)
		}
		v, w := s.Similarity(Range{i, i + 1}, Range{i, i + 1})
		if v < 0.5 || v > 1 || w <= 0 {
			t.Errorf("sentence %d: Similarity %v (weight %v), want in [0.5, 1]", i, v, w)
		}
	}
	// A two-sentence bead reuses the per-pair cache and covers more of the
	// Chinese than either sentence alone.
	cz1, _, _, _, _, _ := s.coverage(Range{2, 4}, Range{2, 3})
	cz2, _, _, _, _, _ := s.coverage(Range{2, 4}, Range{2, 4})
	if cz2 <= cz1 {
		t.Errorf("2-2 bead covers %v of the Chinese, 2-1 bead %v: want more", cz2, cz1)
	}
}

// TestLexicalLearning checks that associations absent from the lexicon are
// learnt from confident beads: an invented Chinese term always beside an
// invented English word.
func TestLexicalLearning(t *testing.T) {
	var zh, en []string
	var beads []Bead
	fillers := []struct{ zh, en string }{
		{"我们加强经济合作。", "We strengthen economic cooperation."},
		{"双方讨论了安全问题。", "The two sides discussed security issues."},
		{"会议在北京举行。", "The meeting was held in Beijing."},
		{"他们支持和平发展。", "They support peaceful development."},
	}
	for k := range 24 {
		f := fillers[k%len(fillers)]
		if k%3 == 0 { // the invented pair in a third of the beads
			zh = append(zh, "鿏鿐"+f.zh)
			en = append(en, "Zorblax "+f.en)
		} else {
			zh = append(zh, f.zh)
			en = append(en, f.en)
		}
		beads = append(beads, Bead{ZH: Range{k, k + 1}, EN: Range{k, k + 1}, Confidence: 0.9})
	}
	s := LexiconScorer{}.Prepare(zh, en).(*lexScoring)
	_, _, ceBefore, teBefore, _, _ := s.coverage(Range{0, 1}, Range{0, 1})
	s.Learn(beads)
	_, _, ceAfter, teAfter, _, _ := s.coverage(Range{0, 1}, Range{0, 1})
	if !(ceAfter > ceBefore && teAfter > teBefore) {
		t.Errorf("English coverage of bead 0: %v of %v before learning, %v of %v after; want the invented word counted and covered", ceBefore, teBefore, ceAfter, teAfter)
	}
	// The invented characters are linked to the invented word.
	zorblax := s.estems.at(0)[0]
	linked := 0
	for _, u := range s.zunits.at(0)[:2] {
		if slices.Contains(s.learned[u], zorblax) {
			linked++
		}
	}
	if linked != 2 {
		t.Errorf("learned links of 鿏, 鿐 to %q: %d, want 2 (learned: %v)", "zorblax", linked, s.learned)
	}
	off := LexiconScorer{NoLearn: true}.Prepare(zh, en).(*lexScoring)
	before := off.Cost(Range{0, 1}, Range{0, 1})
	off.Learn(beads)
	if got := off.Cost(Range{0, 1}, Range{0, 1}); got != before || len(off.learned) != 0 {
		t.Errorf("NoLearn: cost changed from %v to %v", before, got)
	}
}

// TestBeadScores checks that every bead lists every scorer, and beads with
// text on both sides the "margin" factor, with values and confidence in
// [0,1], and that the confidence is what the scores say: the weighted mean
// of the scorers' values times the margin.
func TestBeadScores(t *testing.T) {
	zh, en := benchCorpus(t, 60)
	al, err := (&Aligner{}).AlignSentences(zh, en)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range al.Beads {
		want := []string{"length", "anchors", "lexicon", "quotes", "mood"}
		if b.ZH.Len() > 0 && b.EN.Len() > 0 {
			want = append(want, "margin")
		}
		var names []string
		var num, den float64
		factor := 1.0
		for _, s := range b.Scores {
			names = append(names, s.Scorer)
			if s.Value < 0 || s.Value > 1 || s.Weight < 0 {
				t.Errorf("bead %v: score %+v out of range", b, s)
			}
			if s.Scorer == "margin" {
				factor = s.Value
				continue
			}
			num += s.Value * s.Weight
			den += s.Weight
		}
		if diff := cmp.Diff(want, names, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("bead scorers mismatch (-want +got):\n%s", diff)
		}
		if b.Confidence < 0 || b.Confidence > 1 {
			t.Errorf("bead %v: confidence %v", b, b.Confidence)
		}
		if den > 0 {
			if want := num / den * factor; math.Abs(want-b.Confidence) > 1e-9 {
				t.Errorf("bead %v:%v: confidence %v, want %v from its scores", b.ZH, b.EN, b.Confidence, want)
			}
		}
	}
}

// TestSureChainLong checks the windowed diff on more anchors than one
// window: the chain stays monotone and finds almost every pair.
func TestSureChainLong(t *testing.T) {
	stubAnchors(t,
		func(s string) []anchorTok { return keysOf(s) },
		func(s string) []anchorTok { return keysOf(s) })
	var zh, en []string
	for k := range 20000 {
		w := "k" + itoa(k)
		zh = append(zh, w)
		en = append(en, w)
		if k%7 == 0 {
			en = append(en, "extra"+itoa(k)) // English-only anchors shift the windows
		}
	}
	s := AnchorScorer{}.Prepare(zh, en).(*anchorScoring)
	got := s.Chain()
	for k := 1; k < len(got); k++ {
		if got[k][0] <= got[k-1][0] || got[k][1] <= got[k-1][1] {
			t.Fatalf("chain not monotone at %d: %v %v", k, got[k-1], got[k])
		}
	}
	if len(got) < 19900 {
		t.Errorf("chain has %d pairs, want nearly all 20000", len(got))
	}
}

// TestLengthsFastPath checks zhLength and enLength, which test ASCII
// spaces inline, against their definitions written with strings.Fields
// (unicode.IsSpace for every character), on strings mixing ASCII, every
// Unicode space, CJK, other scripts and invalid UTF-8: the Chinese length
// counts the characters left between spaces (lat for ASCII), the English
// length the characters of the words joined by single spaces.
func TestLengthsFastPath(t *testing.T) {
	refZH := func(s string, lat float64) float64 {
		var n float64
		for _, f := range strings.Fields(s) { // one by one: joined, invalid bytes could make a rune
			for _, r := range f {
				if r < 128 {
					n += lat
				} else {
					n++
				}
			}
		}
		return n
	}
	refEN := func(s string) float64 {
		return float64(utf8.RuneCountInString(strings.Join(strings.Fields(s), " ")))
	}
	parts := []string{"a", "Z", "9", ".", " ", "\t", "\n", "\v", "\f", "\r", "\u0085", "\u00a0", "\u1680", "\u2000",
		"\u200a", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000", "中", "，", "é", "😀", "\xff", "\xe4\xb8", "\x80"}
	rng := rand.New(rand.NewSource(1))
	for range 20000 {
		var b strings.Builder
		for range rng.Intn(12) {
			b.WriteString(parts[rng.Intn(len(parts))])
		}
		s := b.String()
		if got, want := zhLength(s, 0.4), refZH(s, 0.4); got != want {
			t.Fatalf("zhLength(%q) = %v, want %v", s, got, want)
		}
		if got, want := enLength(s), refEN(s); got != want {
			t.Fatalf("enLength(%q) = %v, want %v", s, got, want)
		}
	}
}
