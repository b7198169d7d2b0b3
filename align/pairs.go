package align

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Pairs returns one Pair per sentence bead, 1-0 and 0-1 beads included
// (writers decide what to keep). For an alignment of Documents, a side whose
// sentences lie in one paragraph is the exact original text from the first
// sentence's start to the last one's end; otherwise sentences are joined
// (Chinese directly, English with a space).
func (al *Alignment) Pairs() []Pair {
	out := make([]Pair, 0, len(al.Beads))
	for _, b := range al.Beads {
		out = append(out, al.pair(b))
	}
	return out
}

// ParagraphPairs returns one Pair per paragraph bead, with the paragraphs'
// text joined as in Pairs (paragraphs with a newline). Type counts
// paragraphs ("2-3": two Chinese paragraphs against three English ones);
// for sentence lists the single bead's type counts sentences.
func (al *Alignment) ParagraphPairs() []Pair {
	out := make([]Pair, 0, len(al.Paragraphs))
	for k, b := range al.Paragraphs {
		p := al.newPair(b, al.joinParas(b.ZH, true), al.joinParas(b.EN, false))
		if k < len(al.paraType) {
			p.Type = al.paraType[k]
		}
		out = append(out, p)
	}
	return out
}

func (al *Alignment) pair(b Bead) Pair {
	p := al.newPair(b, al.join(b.ZH, true), al.join(b.EN, false))
	if al.evidence != nil {
		p.Evidence = wholeWords(al.placeEvidence(b, al.evidence(b)), p.ZH, p.EN)
	}
	return p
}

// newPair makes the Pair of bead b with the given text of its two sides.
func (al *Alignment) newPair(b Bead, zh, en string) Pair {
	p := Pair{
		ZH:         zh,
		EN:         en,
		Type:       b.Type(),
		Confidence: b.Confidence,
		Paragraph:  b.Paragraph,
		Scores:     b.Scores,
	}
	if al.zhDoc != nil {
		p.Doc = al.zhDoc.Name
	}
	return p
}

// join returns the text of sentences r on one side.
func (al *Alignment) join(r Range, zh bool) string {
	if r.Len() == 0 {
		return ""
	}
	texts, doc, spans, par := al.EN, al.enDoc, al.enSpans, al.enPar
	sep := " "
	if zh {
		texts, doc, spans, par = al.ZH, al.zhDoc, al.zhSpans, al.zhPar
		sep = ""
	}
	if doc != nil && len(spans) == len(texts) && par[r.Start] == par[r.End-1] {
		return doc.Text[spans[r.Start].Start:spans[r.End-1].End]
	}
	return strings.Join(texts[r.Start:r.End], sep)
}

// joinParas joins the sentences of r paragraph by paragraph.
func (al *Alignment) joinParas(r Range, zh bool) string {
	if r.Len() == 0 {
		return ""
	}
	par := al.enPar
	if zh {
		par = al.zhPar
	}
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

// sentEvidence is a match found by a scorer, in sentence coordinates.
type sentEvidence struct {
	Kind           string
	ZHSent, ENSent int // sentence indices
	ZHStart, ZHEnd int // byte offsets inside the sentence
	ENStart, ENEnd int
}

// placeEvidence converts sentence-relative offsets to offsets in the
// pair's joined text.
func (al *Alignment) placeEvidence(b Bead, ev []sentEvidence) []Evidence {
	if len(ev) == 0 {
		return nil
	}
	zoff := al.offsets(b.ZH, true)
	eoff := al.offsets(b.EN, false)
	out := make([]Evidence, 0, len(ev))
	for _, e := range ev {
		zi, ei := e.ZHSent-b.ZH.Start, e.ENSent-b.EN.Start
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
	texts, doc, spans, par := al.EN, al.enDoc, al.enSpans, al.enPar
	sep := 1
	if zh {
		texts, doc, spans, par = al.ZH, al.zhDoc, al.zhSpans, al.zhPar
		sep = 0
	}
	out := make([]int, r.Len())
	if r.Len() == 0 {
		return out
	}
	if doc != nil && len(spans) == len(texts) && par[r.Start] == par[r.End-1] {
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
