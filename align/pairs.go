package align

import (
	"iter"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bitextlab/zhen/segment"
)

// Pairs returns one Pair per sentence bead, 1-0 and 0-1 beads included
// (writers decide what to keep). For an alignment of Documents, a side whose
// sentences lie in one paragraph is the exact original text from the first
// sentence's start to the last one's end; otherwise sentences are joined
// (Chinese directly, English with a space). A bead whose ranges reach
// outside ZH or EN (Beads changed by the caller) is cut to them.
func (al *Alignment) Pairs() []Pair {
	out := make([]Pair, 0, len(al.Beads))
	for k, b := range al.Beads {
		out = append(out, al.pair(k, b))
	}
	return out
}

// All returns an iterator over the Pairs of the sentence beads, in order,
// each made when it is reached.
func (al *Alignment) All() iter.Seq[Pair] {
	return func(yield func(Pair) bool) {
		for k, b := range al.Beads {
			if !yield(al.pair(k, b)) {
				return
			}
		}
	}
}

// ParagraphPairs returns one Pair per paragraph bead, with the paragraphs'
// text joined as in Pairs (paragraphs with a newline). Type counts
// paragraphs ("2-3": two Chinese paragraphs against three English ones);
// for sentence lists the single bead's type counts sentences.
func (al *Alignment) ParagraphPairs() []Pair {
	out := make([]Pair, 0, len(al.Paragraphs))
	for k, b := range al.Paragraphs {
		b = al.clip(b)
		p := al.newPair(b, al.joinParas(b.ZH, true), al.joinParas(b.EN, false))
		if k < len(al.paraType) {
			p.Type = al.paraType[k]
		}
		out = append(out, p)
	}
	return out
}

// pair makes the Pair of bead b, the k-th of Beads.
func (al *Alignment) pair(k int, b Bead) Pair {
	b = al.clip(b)
	p := al.newPair(b, al.join(b.ZH, true), al.join(b.EN, false))
	p.Evidence = wholeWords(al.placeEvidence(b, al.evidence.of(k, b)), p.ZH, p.EN)
	return p
}

// clip cuts the bead's ranges to the sentences there are.
func (al *Alignment) clip(b Bead) Bead {
	b.ZH = clipRange(b.ZH, len(al.ZH))
	b.EN = clipRange(b.EN, len(al.EN))
	return b
}

func clipRange(r Range, n int) Range {
	r.Start = max(0, min(r.Start, n))
	r.End = max(r.Start, min(r.End, n))
	return r
}

// newPair makes the Pair of bead b with the given text of its two sides.
func (al *Alignment) newPair(b Bead, zh, en string) Pair {
	return Pair{
		ZH:         zh,
		EN:         en,
		Type:       b.Type(),
		Confidence: b.Confidence,
		Paragraph:  b.Paragraph,
		Doc:        al.docName,
		Scores:     b.Scores,
	}
}

// side returns one side's sentences, and for an alignment of Documents
// the text, the sentence spans and paragraph indices (nil otherwise, or
// when ZH or EN was changed by the caller).
func (al *Alignment) side(zh bool) (texts []string, text string, spans []segment.Span, par []int) {
	texts, text, spans, par = al.EN, al.enText, al.enSpans, al.enPar
	if zh {
		texts, text, spans, par = al.ZH, al.zhText, al.zhSpans, al.zhPar
	}
	if len(spans) != len(texts) || len(par) != len(texts) {
		spans, par = nil, nil
	}
	return texts, text, spans, par
}

// join returns the text of sentences r on one side.
func (al *Alignment) join(r Range, zh bool) string {
	if r.Len() == 0 {
		return ""
	}
	texts, text, spans, par := al.side(zh)
	sep := " "
	if zh {
		sep = ""
	}
	if spans != nil && par[r.Start] == par[r.End-1] {
		return text[spans[r.Start].Start:spans[r.End-1].End]
	}
	return strings.Join(texts[r.Start:r.End], sep)
}

// joinParas joins the sentences of r paragraph by paragraph.
func (al *Alignment) joinParas(r Range, zh bool) string {
	if r.Len() == 0 {
		return ""
	}
	_, _, _, par := al.side(zh)
	if par == nil {
		return al.join(r, zh)
	}
	var parts []string
	start := r.Start
	for k := r.Start + 1; k <= r.End; k++ {
		if k == r.End || par[k] != par[start] {
			parts = append(parts, al.join(Range{start, k}, zh))
			start = k
		}
	}
	return strings.Join(parts, "\n")
}

// placeEvidence converts unit-relative offsets to offsets in the pair's
// joined text.
func (al *Alignment) placeEvidence(b Bead, ms []Match) []Evidence {
	if len(ms) == 0 {
		return nil
	}
	zoff := al.offsets(b.ZH, true)
	eoff := al.offsets(b.EN, false)
	out := make([]Evidence, 0, len(ms))
	for _, e := range ms {
		zi, ei := e.ZH-b.ZH.Start, e.EN-b.EN.Start
		if zi < 0 || zi >= len(zoff) || ei < 0 || ei >= len(eoff) {
			continue
		}
		out = append(out, Evidence{Kind: e.Kind,
			ZHStart: zoff[zi] + e.ZHStart, ZHEnd: zoff[zi] + e.ZHEnd,
			ENStart: eoff[ei] + e.ENStart, ENEnd: eoff[ei] + e.ENEnd})
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].ZHStart < out[b].ZHStart })
	return out
}

// offsets returns where each sentence of r starts in the joined text.
func (al *Alignment) offsets(r Range, zh bool) []int {
	texts, _, spans, par := al.side(zh)
	sep := 1
	if zh {
		sep = 0
	}
	out := make([]int, r.Len())
	if r.Len() == 0 {
		return out
	}
	if spans != nil && par[r.Start] == par[r.End-1] {
		for k := r.Start; k < r.End; k++ {
			out[k-r.Start] = spans[k].Start - spans[r.Start].Start
		}
		return out
	}
	pos := 0
	for k := r.Start; k < r.End; k++ {
		out[k-r.Start] = pos
		pos += len(texts[k]) + sep
	}
	return out
}

// wholeWords widens every evidence span to whole words, so that a display
// never highlights part of one: English spans to the whole run of letters
// and digits they touch (the lexicon matches a name such as "Jinping"
// syllable by syllable, "Jin" then "ping"), Chinese spans to the whole run
// of ASCII letters and digits they touch (Chinese words are the lexicon's
// own tokens, already whole). Spans that become equal are listed once.
func wholeWords(ev []Evidence, zh, en string) []Evidence {
	if len(ev) == 0 {
		return ev
	}
	out := ev[:0]
	seen := map[Evidence]bool{}
	for _, e := range ev {
		if e.ENStart >= 0 && e.ENEnd <= len(en) && e.ENStart < e.ENEnd {
			e.ENStart, e.ENEnd = widen(en, e.ENStart, e.ENEnd, isWordRune)
		}
		if e.ZHStart >= 0 && e.ZHEnd <= len(zh) && e.ZHStart < e.ZHEnd {
			e.ZHStart, e.ZHEnd = widen(zh, e.ZHStart, e.ZHEnd, isASCIIAlnum)
		}
		if seen[e] {
			continue
		}
		seen[e] = true
		out = append(out, e)
	}
	return out
}

// widen extends [start, end) of s over the runes on either side for which
// in holds.
func widen(s string, start, end int, in func(rune) bool) (int, int) {
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:start])
		if !in(r) {
			break
		}
		start -= n
	}
	for end < len(s) {
		r, n := utf8.DecodeRuneInString(s[end:])
		if !in(r) {
			break
		}
		end += n
	}
	return start, end
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isASCIIAlnum(r rune) bool {
	return r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
}
