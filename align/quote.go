package align

import (
	"math"
	"unicode"
	"unicode/utf8"
)

// QuoteScorer compares where a bead ends with respect to quotations: inside
// an open quotation on both sides, or outside on both. Dialogue is often
// split differently into sentences on the two sides ('All right. / We fight
// for money.' against one Chinese sentence ending “好，咱们打个彩头。), and
// which side of a closing quote a bead boundary falls on tells the right cut
// where length and words barely differ. Each unit gets the quotation state
// after its last character (a quote mark resynchronises it; a unit with no
// mark inherits its predecessor's); a bead whose two last units agree gains
// the log of how much likelier agreement is in a translation than by chance
// in the document, and one that disagrees pays the opposite. In text with no
// quotation left open at a unit's end the scorer is silent. It takes no
// part in Confidence. The zero value is ready to use.
type QuoteScorer struct{}

// Name returns "quotes".
func (QuoteScorer) Name() string { return "quotes" }

// quoteAgree is the share of translation beads whose two sides end in the
// same quotation state (measured on dialogue-rich literary text: about 0.9).
const quoteAgree = 0.9

// Prepare computes the quotation state after every unit of both sides.
func (QuoteScorer) Prepare(zh, en []string) Scoring {
	q := &quoteScoring{zh: quoteStates(zh), en: quoteStates(en)}
	pz, pe := openShare(q.zh), openShare(q.en)
	pc := pz*pe + (1-pz)*(1-pe)
	if pz == 0 || pe == 0 {
		return q // no open quotation on a side: nothing to compare
	}
	q.agree = math.Min(0, -math.Log(quoteAgree/pc))
	q.disagree = math.Max(0, -math.Log((1-quoteAgree)/(1-pc)))
	return q
}

type quoteScoring struct {
	zh, en          []bool
	agree, disagree float64
}

// Cost implements Scoring.
func (q *quoteScoring) Cost(zh, en Range) float64 { return q.cost(zh, en) }

// cost is Cost, small enough for the search to inline.
func (q *quoteScoring) cost(zh, en Range) float64 {
	z, e := zh.End-1, en.End-1
	if zh.Start > z || en.Start > e || uint(z) >= uint(len(q.zh)) || uint(e) >= uint(len(q.en)) {
		return 0
	}
	if q.zh[z] == q.en[e] {
		return q.agree
	}
	return q.disagree
}

// Similarity implements Scoring: the scorer has no say in Confidence.
func (q *quoteScoring) Similarity(zh, en Range) (value, weight float64) { return 0, 0 }

func openShare(s []bool) float64 {
	if len(s) == 0 {
		return 0
	}
	n := 0
	for _, o := range s {
		if o {
			n++
		}
	}
	return float64(n) / float64(len(s))
}

// quoteStates returns, for each unit, whether a quotation is open after it.
func quoteStates(units []string) []bool {
	out := make([]bool, len(units))
	var st quoteState
	for i, u := range units {
		st = st.scan(u)
		out[i] = st.double || st.single
	}
	return out
}

// quoteState tracks the two families of quotation marks (double: “” 「」 "
// «»; single: ‘’ 『』 ') without nesting inside a family, so that a mark
// missed or misread misleads only until the next mark of its family.
type quoteState struct{ double, single bool }

// scan returns the state after unit s.
func (st quoteState) scan(s string) quoteState {
	var prev rune = ' '
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf && b != '"' && b != '\'' {
			prev = rune(b)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		var next rune = ' '
		if i+n < len(s) {
			next, _ = utf8.DecodeRuneInString(s[i+n:])
		}
		switch r {
		case '“', '「', '«':
			st.double = true
		case '”', '」', '»':
			st.double = false
		case '‘', '『':
			st.single = true
		case '』':
			st.single = false
		case '"':
			st.double = isQuoteGap(prev) && !unicode.IsSpace(next)
		case '\'', '’':
			switch {
			case isLatinWord(prev) && isLatinWord(next):
				// apostrophe inside a word: don't, Trinket's
			case isQuoteGap(prev) && !unicode.IsSpace(next):
				st.single = true
			case st.single:
				st.single = false
			}
		}
		prev = r
		i += n
	}
	return st
}

// isLatinWord reports whether r is a Latin letter or a digit (an apostrophe
// only ever stands between those).
func isLatinWord(r rune) bool { return unicode.Is(unicode.Latin, r) || unicode.IsDigit(r) }

func isQuoteGap(r rune) bool {
	return unicode.IsSpace(r) || r == '(' || r == '[' || r == '—' || r == '–' || r == '-' || r == '：' || r == ':' || r == '，'
}
