package anchor

import (
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// Kind classifies an anchor. The kind never takes part in matching (the Key
// does); it tells the scorer how much a match is worth (see Weight) and how to
// show it.
type Kind uint8

// The anchor kinds. Their key prefixes are given in the package comment.
const (
	Number   Kind = iota + 1 // a cardinal value: 5,000 五千 1.3 一点三 13亿 "1.3 billion"
	Ordinal                  // an ordinal: 第十八 十八大 "18th" "first"
	Year                     // a calendar year: 2012年 二〇一二年 "2012"
	Month                    // a month without a day: 十一月 "November"
	Date                     // a month and day: 11月15日 "November 15" "15 Nov."
	Percent                  // a percentage: 60% 百分之六十 "60 percent"
	Fraction                 // a fraction: 三分之一 "one third" "1/3" 一半 "half"
	Century                  // a century: 二十一世纪 "21st century"
	Decade                   // a decade: 80年代 "the 1980s"
	Latin                    // a Latin-script token: CPC WTO Amazon.com iPhone 5G
	Section                  // a list or section marker: 一、 （一） ① "I." "(a)" "(1)"
	Quote                    // a pair of quotation marks: “…” 「…」 "…" '…'
	Title                    // a pair of title marks 《…》〈…〉 (matches Quote)
	Weekday                  // a day of the week: 星期一 周三 "Monday"
	numKinds
)

var kindNames = [numKinds]string{
	"", "number", "ordinal", "year", "month", "date", "percent", "fraction",
	"century", "decade", "latin", "section", "quote", "title", "weekday",
}

// String returns the lower-case name of the kind ("number", "date", …), as
// used in align.Evidence.Kind.
func (k Kind) String() string {
	if k < numKinds && k > 0 {
		return kindNames[k]
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// baseWeight holds the documented per-kind base weights (see Weight).
var baseWeight = [numKinds]float64{
	Number:   0.8,
	Ordinal:  0.8,
	Year:     0.9,
	Month:    0.6,
	Date:     1.0,
	Percent:  0.9,
	Fraction: 0.7,
	Century:  0.9,
	Decade:   0.9,
	Latin:    0.7,
	Section:  0.5,
	Quote:    0.15,
	Title:    0.1,
	Weekday:  0.6,
}

// Weight returns the base weight of a kind, in (0,1]: how much evidence a
// match between a Chinese and an English anchor of this kind is, before the
// value (see Anchor.Weight) and document-level rarity are taken into account.
// Dates 1.0; years, percentages, centuries and decades 0.9; numbers and
// ordinals 0.8; Latin tokens and fractions 0.7; months and weekdays 0.6;
// section markers 0.5; quotes 0.15; title marks 0.1. An unknown kind weighs 0.
func Weight(k Kind) float64 {
	if k < numKinds {
		return baseWeight[k]
	}
	return 0
}

// WeakWeight is the weight below which an anchor is weak: too common to be
// trusted on its own. Weak anchors should not enter the chain of sure anchors;
// they may still add to a bead's score.
const WeakWeight = 0.5

// Anchor is one anchor token found in a sentence.
type Anchor struct {
	Kind Kind
	// Key is the normalised value, equal for equal meaning in Chinese and
	// English, for example "n:5000", "n:2012", "d:11-15", "l:cpc" (see the
	// package comment for the format).
	Key string
	// Start and End are the byte offsets of the anchor's text in the sentence
	// (End exclusive). For Quote and Title anchors they span the whole quoted
	// text, marks included, when the closing mark is found.
	Start, End int
}

// Weight returns the anchor's weight in (0,1]: the kind's base weight (see
// the function Weight), reduced for values that are too common to be good
// evidence. Numbers, ordinals, section markers, percentages and fractions whose
// value is an integer from 0 to 10 weigh a third of their base weight (hunalign
// matched "Chapter 1" to "Libro 1"); integers from 11 to 100 weigh
// three quarters; a day of the month with no month (d:15) weighs half.
// Other values, years, full dates and Latin tokens keep the base weight. Rarity within the document is for the caller to add.
func (a Anchor) Weight() float64 {
	w := Weight(a.Kind)
	switch a.Kind {
	case Number, Ordinal, Section, Percent:
		if len(a.Key) >= 3 && isSmallInt(a.Key[2:]) {
			return w / 3
		}
		if len(a.Key) == 4 && isDigit(a.Key[2]) && isDigit(a.Key[3]) || a.Key == "n:100" || a.Key == "o:100" {
			return w * 0.75
		}
	case Fraction:
		if a.Key == "f:1/2" {
			return w / 3
		}
	case Date:
		if strings.IndexByte(a.Key, '-') < 0 {
			return w / 2 // a day with no month: d:15
		}
	}
	return w
}

// Weak reports whether the anchor's weight is below WeakWeight.
func (a Anchor) Weak() bool { return a.Weight() < WeakWeight }

func isSmallInt(s string) bool {
	return len(s) == 1 && isDigit(s[0]) || s == "10"
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// dec is a non-negative decimal value m × 10^e.
type dec struct {
	m uint64
	e int
}

const maxMant = 1e17 // mantissas above this are not anchors (IDs, serial numbers)

func (d dec) norm() dec {
	if d.m == 0 {
		return dec{}
	}
	for d.m%10 == 0 {
		d.m /= 10
		d.e++
	}
	return d
}

// mulPow multiplies by 10^k.
func (d dec) mulPow(k int) dec { d.e += k; return d }

// int returns the value as an integer and whether it is one (and fits).
func (d dec) int() (uint64, bool) {
	d = d.norm()
	if d.e < 0 {
		return 0, false
	}
	v := d.m
	for i := 0; i < d.e; i++ {
		if v > 1e17 {
			return 0, false
		}
		v *= 10
	}
	return v, true
}

// Key prefixes, one per kind (Year shares Number's, Title Quote's).
const (
	pNumber   = "n:"
	pOrdinal  = "o:"
	pMonth    = "m:"
	pDate     = "d:"
	pWeekday  = "w:"
	pPercent  = "p:"
	pFraction = "f:"
	pCentury  = "c:"
	pDecade   = "dc:"
	pLatin    = "l:"
	pSection  = "s:"
	keyQuote  = "q"
)

// Interned keys for small integers, so that the common cases do not allocate.
const internMax = 2100

type internTable struct {
	n, o, s, p [internMax + 1]string
	m          [13]string
	d          [13][32]string
	day        [32]string
	w          [8]string
	c          [41]string
	dc         [10]string
}

var interned = sync.OnceValue(func() *internTable {
	t := new(internTable)
	for i := 0; i <= internMax; i++ {
		v := strconv.Itoa(i)
		t.n[i] = pNumber + v
		t.o[i] = pOrdinal + v
		t.s[i] = pSection + v
		t.p[i] = pPercent + v
	}
	for m := 1; m <= 12; m++ {
		t.m[m] = pMonth + strconv.Itoa(m)
		for d := 1; d <= 31; d++ {
			t.d[m][d] = pDate + strconv.Itoa(m) + "-" + strconv.Itoa(d)
		}
	}
	for d := 1; d <= 31; d++ {
		t.day[d] = pDate + strconv.Itoa(d)
	}
	for w := 1; w <= 7; w++ {
		t.w[w] = pWeekday + strconv.Itoa(w)
	}
	for c := range t.c {
		t.c[c] = pCentury + strconv.Itoa(c)
	}
	for i := range t.dc {
		t.dc[i] = pDecade + strconv.Itoa(i*10)
	}
	return t
})

// intKey returns prefix+v for an integer-valued key.
func intKey(k Kind, v uint64) string {
	t := interned()
	if v <= internMax {
		switch k {
		case Number, Year:
			return t.n[v]
		case Ordinal:
			return t.o[v]
		case Section:
			return t.s[v]
		case Percent:
			return t.p[v]
		case Century:
			if v < uint64(len(t.c)) {
				return t.c[v]
			}
		}
	}
	var buf [32]byte
	b := append(buf[:0], prefixOf(k)...)
	b = strconv.AppendUint(b, v, 10)
	return string(b)
}

func prefixOf(k Kind) string {
	switch k {
	case Number, Year:
		return pNumber
	case Ordinal:
		return pOrdinal
	case Month:
		return pMonth
	case Date:
		return pDate
	case Percent:
		return pPercent
	case Fraction:
		return pFraction
	case Century:
		return pCentury
	case Decade:
		return pDecade
	case Latin:
		return pLatin
	case Section:
		return pSection
	case Weekday:
		return pWeekday
	}
	return keyQuote
}

// decKey returns the key of a decimal value for Number or Percent.
func decKey(k Kind, d dec) string {
	d = d.norm()
	if d.e >= 0 {
		if v, ok := d.int(); ok {
			return intKey(k, v)
		}
	}
	var buf [64]byte
	b := append(buf[:0], prefixOf(k)...)
	digits := strconv.AppendUint(buf[32:32], d.m, 10)
	if d.e >= 0 {
		b = append(b, digits...)
		for i := 0; i < d.e && len(b) < 60; i++ {
			b = append(b, '0')
		}
		return string(b)
	}
	frac := -d.e
	if frac >= len(digits) {
		b = append(b, '0', '.')
		for i := len(digits); i < frac; i++ {
			b = append(b, '0')
		}
		b = append(b, digits...)
	} else {
		b = append(b, digits[:len(digits)-frac]...)
		b = append(b, '.')
		b = append(b, digits[len(digits)-frac:]...)
	}
	return string(b)
}

func monthKey(m int) string { return interned().m[m] }

func dateKey(m, d int) string { return interned().d[m][d] }

func dayKey(d int) string { return interned().day[d] }

func weekdayKey(w int) string { return interned().w[w] }

func decadeKey(v int) string { return interned().dc[(v%100)/10] }

func fractionKey(num, den uint64) string {
	if num == 1 && den <= 10 {
		return fracOne[den]
	}
	var buf [48]byte
	b := append(buf[:0], pFraction...)
	b = strconv.AppendUint(b, num, 10)
	b = append(b, '/')
	b = strconv.AppendUint(b, den, 10)
	return string(b)
}

var fracOne = [11]string{"f:1/0", "f:1/1", "f:1/2", "f:1/3", "f:1/4", "f:1/5", "f:1/6", "f:1/7", "f:1/8", "f:1/9", "f:1/10"}

// latinCache keeps recent Latin keys of ASCII tokens, so that names that
// recur (Party, China, CPC) do not allocate a key each time. Slots are
// replaced freely; a reader checks that the key it loads is its token's.
var latinCache [1 << 12]atomic.Pointer[string]

// latinKey returns "l:" + the ASCII-lower-cased token, folding full-width
// Latin letters and digits to ASCII.
func latinKey(s string) string {
	if len(s) > 48 {
		return buildLatinKey(s)
	}
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return buildLatinKey(s) // full-width: not cached
		}
		h = (h ^ uint32(lower(c))) * 16777619
	}
	slot := &latinCache[h&(uint32(len(latinCache))-1)]
	if p := slot.Load(); p != nil && len(*p) == len(s)+2 && sameFold((*p)[2:], s) {
		return *p
	}
	k := buildLatinKey(s)
	slot.Store(&k)
	return k
}

// sameFold reports whether key (lower case) is token lower-cased.
func sameFold(key, token string) bool {
	for i := 0; i < len(token); i++ {
		if key[i] != lower(token[i]) {
			return false
		}
	}
	return true
}

func buildLatinKey(s string) string {
	var buf [64]byte
	b := buf[:0]
	if len(s)+2 > len(buf) {
		b = make([]byte, 0, len(s)+2)
	}
	b = append(b, pLatin...)
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		// Full-width ASCII (U+FF01–U+FF5E) is EF BC 81–EF BD 9E.
		if c == 0xEF && i+2 < len(s) && (s[i+1] == 0xBC || s[i+1] == 0xBD) {
			r := rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F) | 0xF000
			if r >= 0xFF01 && r <= 0xFF5E {
				a := byte(r - 0xFF01 + '!')
				if 'A' <= a && a <= 'Z' {
					a += 'a' - 'A'
				}
				b = append(b, a)
				i += 3
				continue
			}
		}
		b = append(b, c)
		i++
	}
	return string(b)
}
