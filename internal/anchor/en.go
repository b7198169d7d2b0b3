package anchor

import (
	"strings"
	"unicode/utf8"
)

// EN returns the anchors of an English sentence, ordered by Start.
func EN(s string) []Anchor { return AppendEN(nil, s) }

// AppendEN appends the anchors of an English sentence to dst and returns the
// extended slice. Keys of common values are shared strings, so with a dst of
// sufficient capacity it allocates only for rare values and Latin tokens not
// seen recently.
func AppendEN(dst []Anchor, s string) []Anchor {
	z := scanner{s: s, out: dst}
	z.en()
	return z.out
}

func (z *scanner) en() {
	s := z.s
	z.start = skipSpace(s, 0)
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			switch {
			case isDigit(c):
				i = z.enNumber(i)
			case isLetter(c):
				i = z.enWord(i)
			case c == '"':
				i = z.asciiDouble(i)
			case c == '\'':
				i = z.asciiSingle(i)
			case c == '(':
				i = z.paren(i)
			case c == '.' && i+1 < len(s) && isDigit(s[i+1]) && (i == 0 || s[i-1] == ' ' || s[i-1] == '('):
				i = z.enPointNumber(i)
			default:
				i++
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r >= '０' && r <= '９':
			i = z.enNumber(i)
		case r >= 'Ａ' && r <= 'Ｚ' || r >= 'ａ' && r <= 'ｚ':
			i = z.zhLatin(i)
		case r == '（':
			i = z.paren(i)
		default:
			if k := z.special(i, r, n); k >= 0 {
				i = k
			} else {
				i += n
			}
		}
	}
}

// Word classes of the English number vocabulary.
const (
	wNone       uint8 = iota
	wA                // a, an
	wAnd              // and
	wCard             // zero … nineteen
	wTens             // twenty … ninety
	wHundred          // hundred
	wScale            // thousand, million, billion, trillion
	wOrd              // first … nineteenth, twentieth … ninetieth, hundredth, thousandth
	wFrac             // half, halves, thirds, quarters, fifths …: denominators only
	wMonth            // January … December, Jan. … Dec.
	wPercent          // percent
	wPer              // per (cent)
	wCentury          // century, centuries
	wDecades          // decade, decades: "two decades" is 20 (years)
	wDecadeName       // twenties … nineties: "the seventies" is a decade
	wWeekday          // Monday … Sunday
)

type wordInfo struct {
	cls    uint8
	v      uint64
	den    uint64 // the denominator a word can be: third 3, quarter 4, half 2
	abbrev bool   // a month abbreviation (Jan, Feb …), or May
}

var enWords = map[string]wordInfo{
	"a": {cls: wA}, "an": {cls: wA}, "and": {cls: wAnd},
	"zero": {cls: wCard, v: 0}, "one": {cls: wCard, v: 1}, "two": {cls: wCard, v: 2},
	"three": {cls: wCard, v: 3}, "four": {cls: wCard, v: 4}, "five": {cls: wCard, v: 5},
	"six": {cls: wCard, v: 6}, "seven": {cls: wCard, v: 7}, "eight": {cls: wCard, v: 8},
	"nine": {cls: wCard, v: 9}, "ten": {cls: wCard, v: 10}, "eleven": {cls: wCard, v: 11},
	"twelve": {cls: wCard, v: 12}, "thirteen": {cls: wCard, v: 13}, "fourteen": {cls: wCard, v: 14},
	"fifteen": {cls: wCard, v: 15}, "sixteen": {cls: wCard, v: 16}, "seventeen": {cls: wCard, v: 17},
	"eighteen": {cls: wCard, v: 18}, "nineteen": {cls: wCard, v: 19},
	"twenty": {cls: wTens, v: 20}, "thirty": {cls: wTens, v: 30}, "forty": {cls: wTens, v: 40},
	"fifty": {cls: wTens, v: 50}, "sixty": {cls: wTens, v: 60}, "seventy": {cls: wTens, v: 70},
	"eighty": {cls: wTens, v: 80}, "ninety": {cls: wTens, v: 90},
	// the score (20) of older English, as the King James Bible counts:
	// "threescore and ten" is 70
	"twoscore": {cls: wTens, v: 40}, "threescore": {cls: wTens, v: 60}, "fourscore": {cls: wTens, v: 80},
	"fivescore": {cls: wTens, v: 100}, "sixscore": {cls: wTens, v: 120}, "sevenscore": {cls: wTens, v: 140},
	"hundred":  {cls: wHundred, v: 100},
	"thousand": {cls: wScale, v: 1e3}, "million": {cls: wScale, v: 1e6},
	"billion": {cls: wScale, v: 1e9}, "trillion": {cls: wScale, v: 1e12},
	"first": {cls: wOrd, v: 1}, "second": {cls: wOrd, v: 2}, "third": {cls: wOrd, v: 3, den: 3},
	"fourth": {cls: wOrd, v: 4, den: 4}, "fifth": {cls: wOrd, v: 5, den: 5},
	"sixth": {cls: wOrd, v: 6, den: 6}, "seventh": {cls: wOrd, v: 7, den: 7},
	"eighth": {cls: wOrd, v: 8, den: 8}, "ninth": {cls: wOrd, v: 9, den: 9},
	"tenth": {cls: wOrd, v: 10, den: 10}, "eleventh": {cls: wOrd, v: 11},
	"twelfth": {cls: wOrd, v: 12}, "thirteenth": {cls: wOrd, v: 13},
	"fourteenth": {cls: wOrd, v: 14}, "fifteenth": {cls: wOrd, v: 15},
	"sixteenth": {cls: wOrd, v: 16}, "seventeenth": {cls: wOrd, v: 17},
	"eighteenth": {cls: wOrd, v: 18}, "nineteenth": {cls: wOrd, v: 19},
	"twentieth": {cls: wOrd, v: 20}, "thirtieth": {cls: wOrd, v: 30},
	"fortieth": {cls: wOrd, v: 40}, "fiftieth": {cls: wOrd, v: 50},
	"sixtieth": {cls: wOrd, v: 60}, "seventieth": {cls: wOrd, v: 70},
	"eightieth": {cls: wOrd, v: 80}, "ninetieth": {cls: wOrd, v: 90},
	"hundredth": {cls: wOrd, v: 100, den: 100}, "thousandth": {cls: wOrd, v: 1000, den: 1000},
	"firstly": {cls: wOrd, v: 1}, "secondly": {cls: wOrd, v: 2}, "thirdly": {cls: wOrd, v: 3},
	"fourthly": {cls: wOrd, v: 4}, "fifthly": {cls: wOrd, v: 5},
	"half": {cls: wFrac, den: 2}, "halves": {cls: wFrac, den: 2},
	"thirds": {cls: wFrac, den: 3}, "quarter": {cls: wFrac, den: 4}, "quarters": {cls: wFrac, den: 4},
	"fourths": {cls: wFrac, den: 4}, "fifths": {cls: wFrac, den: 5}, "sixths": {cls: wFrac, den: 6},
	"sevenths": {cls: wFrac, den: 7}, "eighths": {cls: wFrac, den: 8}, "ninths": {cls: wFrac, den: 9},
	"tenths": {cls: wFrac, den: 10}, "hundredths": {cls: wFrac, den: 100},
	"january": {cls: wMonth, v: 1}, "february": {cls: wMonth, v: 2}, "march": {cls: wMonth, v: 3},
	"april": {cls: wMonth, v: 4}, "may": {cls: wMonth, v: 5, abbrev: true}, "june": {cls: wMonth, v: 6},
	"july": {cls: wMonth, v: 7}, "august": {cls: wMonth, v: 8}, "september": {cls: wMonth, v: 9},
	"october": {cls: wMonth, v: 10}, "november": {cls: wMonth, v: 11}, "december": {cls: wMonth, v: 12},
	"jan": {cls: wMonth, v: 1, abbrev: true}, "feb": {cls: wMonth, v: 2, abbrev: true},
	"mar": {cls: wMonth, v: 3, abbrev: true}, "apr": {cls: wMonth, v: 4, abbrev: true},
	"jun": {cls: wMonth, v: 6, abbrev: true}, "jul": {cls: wMonth, v: 7, abbrev: true},
	"aug": {cls: wMonth, v: 8, abbrev: true}, "sep": {cls: wMonth, v: 9, abbrev: true},
	"sept": {cls: wMonth, v: 9, abbrev: true}, "oct": {cls: wMonth, v: 10, abbrev: true},
	"nov": {cls: wMonth, v: 11, abbrev: true}, "dec": {cls: wMonth, v: 12, abbrev: true},
	"percent": {cls: wPercent}, "per": {cls: wPer},
	"century": {cls: wCentury}, "centuries": {cls: wCentury},
	"decade": {cls: wDecades}, "decades": {cls: wDecades},
	"twenties": {cls: wDecadeName, v: 20}, "thirties": {cls: wDecadeName, v: 30},
	"forties": {cls: wDecadeName, v: 40}, "fifties": {cls: wDecadeName, v: 50},
	"sixties": {cls: wDecadeName, v: 60}, "seventies": {cls: wDecadeName, v: 70},
	"eighties": {cls: wDecadeName, v: 80}, "nineties": {cls: wDecadeName, v: 90},
	"monday": {cls: wWeekday, v: 1}, "tuesday": {cls: wWeekday, v: 2}, "wednesday": {cls: wWeekday, v: 3},
	"thursday": {cls: wWeekday, v: 4}, "friday": {cls: wWeekday, v: 5}, "saturday": {cls: wWeekday, v: 6},
	"sunday": {cls: wWeekday, v: 7},
}

// markerNouns are the nouns after which a number is an ordinal, as 第 makes
// it in Chinese: Chapter 3 = 第三章, Article 5 = 第五条, Rule 6 = 第六条.
var markerNouns = [...]string{"chapter", "part", "section", "article", "rule", "book", "volume",
	"item", "clause", "lesson", "unit", "phase", "round", "paragraph", "act", "scene", "no"}

// enStop holds capitalised words that are not worth a Latin anchor: function
// words at the start of a sentence, titles, pronouns.
var enStop = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`the a an in on at it its this that these those we he she they his her our their
		us as but and or for with by to from of if when while since after before there here what which who whom whose
		how why some all many most such also however yet so not no every each both under over through among between
		although though because only more now then today tomorrow yesterday mr mrs ms dr be is are was were been has
		have had do does did will would can could should shall must may might let my your you me him them one any
		other another last next new first meanwhile moreover furthermore thus therefore still even just indeed
		according during against without within about above below into onto upon up down out off again once where
		than too very well here`) {
		enStop[w] = true
		stopFilter.add(w)
	}
	for w := range enWords {
		numberFilter.add(w)
	}
	for _, w := range markerNouns {
		markerFilter.add(w)
	}
}

// wordFilter is a quick, exact-negative test for membership in a small
// vocabulary: a word can be in it only if some vocabulary word has the same
// first letter, length and last letter. It spares most words a map lookup.
type wordFilter [32][16]uint32

// The filter is indexed by c&31, which maps 'A' and 'a' alike to 1–26.
func (f *wordFilter) add(w string) {
	f[w[0]&31][len(w)] |= 1 << (w[len(w)-1] & 31)
}

// mayHave reports whether the word w (letters first and last) may be in
// the vocabulary.
func (f *wordFilter) mayHave(w string) bool {
	if len(w) == 0 || len(w) >= 16 {
		return false
	}
	return f[w[0]&31][len(w)]&(1<<(w[len(w)-1]&31)) != 0
}

var numberFilter, stopFilter, markerFilter wordFilter

// lookupWord returns the number-vocabulary entry of an ASCII word, ignoring case.
func lookupWord(w string) (wordInfo, bool) {
	if len(w) > 11 || !numberFilter.mayHave(w) {
		return wordInfo{}, false
	}
	var buf [11]byte
	for i := 0; i < len(w); i++ {
		buf[i] = lower(w[i])
	}
	info, ok := enWords[string(buf[:len(w)])]
	return info, ok
}

// wordAt returns the end of the ASCII-letter word at s[i].
func wordAt(s string, i int) int {
	j := i
	for j < len(s) && isLetter(s[j]) {
		j++
	}
	return j
}

// nextWord returns the word after s[j] when exactly one space or hyphen
// separates them (with hyphen set when wanted), or "".
func nextWord(s string, j int, hyphen bool) (int, int) {
	if j+1 < len(s) && (s[j] == ' ' || hyphen && s[j] == '-') && isLetter(s[j+1]) {
		return j + 1, wordAt(s, j+1)
	}
	return j, j
}

func eqFold(w, lowerWord string) bool {
	if len(w) != len(lowerWord) {
		return false
	}
	for i := 0; i < len(w); i++ {
		if lower(w[i]) != lowerWord[i] {
			return false
		}
	}
	return true
}

// enWord handles the word at s[i]: number words, months, Roman section
// numbers, and Latin anchors.
func (z *scanner) enWord(i int) int {
	s := z.s
	j, upper := i, false
	for j < len(s) && isLetter(s[j]) {
		upper = upper || isUpper(s[j])
		j++
	}
	w := s[i:j]
	if i == z.start && j < len(s) && (s[j] == '.' || s[j] == ')') && (j+1 == len(s) || s[j+1] == ' ') {
		if v := roman(w); v > 0 && isUpper(w[0]) {
			z.emit(Section, intKey(Section, uint64(v)), i, j+1) // I. II. at the head
			return j + 1
		}
	}
	if j < len(s) && (s[j] == ' ' || s[j] == '.' && j+1 < len(s) && s[j+1] == ' ') && markerFilter.mayHave(w) {
		for _, m := range markerNouns {
			if eqFold(w, m) && (m != "no" || s[j] == '.') {
				if end := z.enMarked(i, j); end > 0 {
					return end
				}
				break
			}
		}
	}
	if upper && len(w) >= 2 && len(w) <= 6 && (j == len(s) || !isAlnum(s[j]) && s[j] != '-' && (s[j] != '.' || j+1 == len(s) || s[j+1] == ' ')) {
		if v := roman(w); v > 1 && isUpper(w[1]) {
			z.emit(Ordinal, intKey(Ordinal, uint64(v)), i, j) // World War II, Elizabeth II
			return j
		}
	}
	if j == len(s) || !isDigit(s[j]) {
		if info, ok := lookupWord(w); ok {
			switch info.cls {
			case wA, wCard, wTens, wHundred, wScale, wOrd, wFrac:
				if end := z.enNumberWords(i); end > 0 {
					return end
				}
				return j
			case wMonth:
				if isUpper(w[0]) {
					if end := z.enMonth(i, j, info); end > 0 {
						return end
					}
				}
			case wWeekday:
				if isUpper(w[0]) {
					z.emit(Weekday, weekdayKey(int(info.v)), i, j)
					return j
				}
			case wDecadeName:
				z.emit(Decade, decadeKey(int(info.v)), i, j)
				return j
			case wAnd, wPercent, wPer, wCentury, wDecades:
				return j
			}
		}
	}
	if !upper && (j == len(s) || !latinJoin(s[j])) {
		return j // a plain lower-case word: the common case
	}
	return z.enLatin(i)
}

// latinJoin reports whether c, after letters, may continue a Latin token.
func latinJoin(c byte) bool {
	switch c {
	case '.', '-', '&', '_', '\'', 0xE2, 0xEF:
		return true
	}
	return isDigit(c)
}

// enLatin emits a Latin anchor for the token at s[i] when it is marked:
// it has a capital letter (CPC, iPhone, Amazon) or mixes letters and digits
// (G20, 5G) or has an inner dot (Amazon.com). Capitalised function words
// (The, In, However) and one-letter tokens are skipped.
func (z *scanner) enLatin(i int) int {
	s := z.s
	j := latinToken(s, i)
	tok := trimPossessive(s[i:j])
	if len(tok) < 2 {
		return j
	}
	upper, digit, letter, dot, rest := false, false, false, false, false
	for k := 0; k < len(tok); k++ {
		c := tok[k]
		switch {
		case isUpper(c):
			upper = true
			letter = true
			if k > 0 {
				rest = true
			}
		case isLetter(c):
			letter = true
		case isDigit(c):
			digit = true
		case c == '.':
			dot = true
		}
	}
	if !(upper || digit && letter || dot) {
		return wordAt(s, i) // rescan the rest: mid-twentieth century
	}
	if upper && !digit && !dot && len(tok) <= 12 && stopFilter.mayHave(tok) && (!rest || allUpper(tok) && tok != "US" && tok != "IT") {
		var buf [12]byte
		for k := 0; k < len(tok); k++ {
			buf[k] = lower(tok[k])
		}
		if enStop[string(buf[:len(tok)])] {
			return j
		}
	}
	z.emit(Latin, latinKey(tok), i, i+len(tok))
	return j
}

// enMonth handles a month name at s[i:j]: "November 15" and "Nov. 15th" are
// dates; "November" is a month. May and undotted abbreviations count only
// before a day or a year. It returns 0 if the word is not taken as a month.
func (z *scanner) enMonth(i, j int, info wordInfo) int {
	s := z.s
	k := j
	dotted := false
	if k < len(s) && s[k] == '.' && info.abbrev && len(s[i:j]) <= 4 {
		k++
		dotted = true
	}
	sp := 1 // the space before the day; "Aug.6" has none
	if dotted && k < len(s) && isDigit(s[k]) {
		sp = 0
	}
	if k+sp < len(s) && (sp == 0 || s[k] == ' ') && isDigit(s[k+sp]) {
		a := readArabic(s, k+sp)
		if d, ok := a.v.int(); ok && a.plain() && a.digits <= 2 && d >= 1 && d <= 31 {
			end := a.end
			if suf := ordSuffix(s, end); suf > 0 {
				end += suf
			}
			if end == len(s) || !isAlnum(s[end]) {
				z.emitDate(int(info.v), int(d), i, end, k+sp, a.end)
				return z.enDayRange(end)
			}
		}
		if a.plain() && a.digits == 4 && info.abbrev && !dotted {
			z.emit(Month, monthKey(int(info.v)), i, j) // May 2012
			return j
		}
	}
	if info.abbrev && !dotted && k+2 < len(s) && s[k] == ',' && s[k+1] == ' ' && isDigit(s[k+2]) {
		if a := readArabic(s, k+2); a.plain() && a.digits == 4 {
			z.emit(Month, monthKey(int(info.v)), i, j) // May, 1994
			return j
		}
	}
	if info.abbrev && !dotted {
		return 0
	}
	z.emit(Month, monthKey(int(info.v)), i, k)
	return k
}

// enDayRange handles the second day of "November 8-14" or "November 8 to
// 14" after a date ending at j: a day key (d:14), as 至14日 gives.
func (z *scanner) enDayRange(j int) int {
	s := z.s
	k := j
	switch {
	case strings.HasPrefix(s[k:], "-"):
		k++
	case strings.HasPrefix(s[k:], "–"):
		k += len("–")
	case strings.HasPrefix(s[k:], " to "):
		k += len(" to ")
	default:
		return j
	}
	a := readArabic(s, k)
	d, ok := a.v.int()
	if a.end == k || !ok || !a.plain() || a.digits > 2 || d < 1 || d > 31 || a.end < len(s) && isAlnum(s[a.end]) {
		return j
	}
	z.emit(Date, dayKey(int(d)), k, a.end)
	return a.end
}

// ordSuffix returns the length of an ordinal suffix (st, nd, rd, th) at
// s[j] that is not followed by a letter, or 0.
func ordSuffix(s string, j int) int {
	if j+2 > len(s) || j+2 < len(s) && isLetter(s[j+2]) {
		return 0
	}
	a, b := lower(s[j]), lower(s[j+1])
	switch {
	case a == 's' && b == 't', a == 'n' && b == 'd', a == 'r' && b == 'd', a == 't' && b == 'h':
		return 2
	}
	return 0
}

// enNumber handles an Arabic numeral at s[i].
func (z *scanner) enNumber(i int) int {
	s := z.s
	a := readArabic(s, i)
	j := a.end
	if !a.ok {
		if j < len(s) && isLetter(s[j]) {
			return latinToken(s, j)
		}
		return j
	}
	v := a.v
	iv, isInt := v.int()
	if j < len(s) && isLetter(s[j]) {
		if suf := ordSuffix(s, j); suf > 0 && isInt && a.plain() {
			return z.enOrdinal(i, j+suf, iv) // 18th, 21st century
		}
		return z.numberBeforeLetters(i, a) // 1980s, $1.3bn, 100cm2
	}
	if isInt && a.plain() && a.digits <= 3 && j+4 <= len(s) && s[j] == ' ' && groupOf3(s, j+1) {
		// "100 000": thousands separated by spaces, as scientific English writes them
		k := j
		for k+4 <= len(s) && s[k] == ' ' && groupOf3(s, k+1) && iv < maxMant/1000 {
			iv = iv*1000 + uint64(s[k+1]-'0')*100 + uint64(s[k+2]-'0')*10 + uint64(s[k+3]-'0')
			k += 4
		}
		z.emit(Number, intKey(Number, iv), i, k)
		return k
	}
	if isInt && a.plain() && iv%10 == 0 && (a.digits == 4 || a.digits == 2) &&
		(strings.HasPrefix(s[j:], "'s") || strings.HasPrefix(s[j:], "’s")) {
		end := j + 2
		if s[j] != '\'' {
			end = j + 4
		}
		z.emit(Decade, decadeKey(int(iv)), i, end)
		return end
	}
	if j < len(s) && (s[j] == '%' || strings.HasPrefix(s[j:], "％")) {
		end := j + 1
		if s[j] != '%' {
			end = j + 3
		}
		z.emit(Percent, decKey(Percent, v), i, end)
		return end
	}
	if key, end := fraction(s, j, v); key != "" {
		z.emit(Fraction, key, i, end)
		return end
	}
	// scale and percent words after one space
	end := j
	scaled := false
	if ws, we := nextWord(s, j, false); we > ws {
		if info, ok := lookupWord(s[ws:we]); ok {
			switch info.cls {
			case wScale, wHundred:
				v = v.mulPow(expOf(info.v))
				end = we
				scaled = true
				iv, isInt = v.int()
			case wPercent:
				z.emit(Percent, decKey(Percent, v), i, we)
				return we
			case wPer:
				if cs, ce := nextWord(s, we, false); ce-cs == 4 && eqFold(s[cs:ce], "cent") {
					z.emit(Percent, decKey(Percent, v), i, ce)
					return ce
				}
			case wMonth:
				if d := iv; isInt && a.plain() && a.digits <= 2 && d >= 1 && d <= 31 && isUpper(s[ws]) {
					z.emitDate(int(info.v), int(d), i, we, i, j) // 15 November
					return we
				}
			}
		}
	}
	if scaled {
		if ws, we := nextWord(s, end, false); we > ws {
			if info, ok := lookupWord(s[ws:we]); ok && info.cls == wPercent {
				z.emit(Percent, decKey(Percent, v), i, we)
				return we
			}
		}
		z.emit(Number, decKey(Number, v), i, end)
		return end
	}
	if i == z.start && isInt && a.plain() && iv >= 1 && iv <= 99 && j < len(s) && (s[j] == '.' || s[j] == ')') &&
		(j+1 == len(s) || s[j+1] == ' ') {
		z.emit(Section, intKey(Section, iv), i, j+1) // 1. at the head
		return j + 1
	}
	k := Number
	if isInt && a.plain() && a.digits == 4 && iv >= 1000 && iv <= 2100 {
		k = Year
	}
	z.emit(k, decKey(k, v), i, j)
	if k == Year {
		// 1997-98, 2012–13: the second year in two digits
		d := 0
		if j < len(s) && s[j] == '-' {
			d = 1
		} else if strings.HasPrefix(s[j:], "–") {
			d = 3
		}
		if d > 0 && j+d+2 <= len(s) && isDigit(s[j+d]) && isDigit(s[j+d+1]) && (j+d+2 == len(s) || !isAlnum(s[j+d+2])) {
			y2 := iv/100*100 + uint64(s[j+d]-'0')*10 + uint64(s[j+d+1]-'0')
			if y2 > iv {
				z.emit(Year, intKey(Year, y2), j+d, j+d+2)
				return j + d + 2
			}
		}
	}
	return j
}

// enPointNumber handles a decimal written without its leading zero (.5mg)
// at s[i], which holds '.'.
func (z *scanner) enPointNumber(i int) int {
	s := z.s
	j := i + 1
	var m uint64
	e := 0
	for j < len(s) && isDigit(s[j]) && e > -15 {
		m = m*10 + uint64(s[j]-'0')
		e--
		j++
	}
	if j < len(s) && isDigit(s[j]) {
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		return j
	}
	z.emit(Number, decKey(Number, dec{m: m, e: e}), i, j)
	return j
}

func expOf(v uint64) int {
	e := 0
	for v >= 10 {
		v /= 10
		e++
	}
	return e
}

// enOrdinal emits an ordinal ending at end, or a century when "century"
// follows, or a date when a month follows ("15th of November").
func (z *scanner) enOrdinal(i, end int, v uint64) int {
	s := z.s
	ws, we := nextWord(s, end, true)
	if we > ws && s[ws-1] == '-' {
		if info, ok := lookupWord(s[ws:we]); !ok || info.cls != wCentury {
			ws, we = end, end // only "eighteenth-century" joins with a hyphen
		}
	}
	if we > ws && we-ws == 2 && eqFold(s[ws:we], "of") {
		ws, we = nextWord(s, we, false)
	}
	if we > ws {
		if info, ok := lookupWord(s[ws:we]); ok {
			switch {
			case info.cls == wCentury && v >= 1 && v <= 40:
				z.emit(Century, intKey(Century, v), i, we)
				return we
			case info.cls == wMonth && isUpper(s[ws]) && v >= 1 && v <= 31:
				z.emitDate(int(info.v), int(v), i, we, i, end)
				return we
			}
		}
	}
	z.emit(Ordinal, intKey(Ordinal, v), i, end)
	return end
}

// enNumberWords parses spelled-out numbers at s[i]: "twenty-one", "three
// hundred", "one hundred and five", "a million", "twenty-first", "two
// thirds", "a quarter", "half", "sixty percent", "twenty-first century". A
// lone "one" and a lone "a" are not anchors. It returns the end of what it
// used, or 0.
func (z *scanner) enNumberWords(i int) int {
	s := z.s
	var total, cur uint64
	last := wNone
	pos, end := i, i
	article, ord, any := false, false, false
	words := 0
	if w := s[i:wordAt(s, i)]; eqFold(w, "half") {
		// "half a million": 500,000
		if as, ae := nextWord(s, i+4, false); ae-as <= 2 && ae > as && (eqFold(s[as:ae], "a") || eqFold(s[as:ae], "an")) {
			if ms, me := nextWord(s, ae, false); me > ms {
				if info, ok := lookupWord(s[ms:me]); ok && info.cls == wScale {
					z.emit(Number, intKey(Number, info.v/2), i, me)
					return me
				}
			}
		}
	}
	for {
		we := wordAt(s, pos)
		info, ok := lookupWord(s[pos:we])
		if !ok {
			break
		}
		take := false
		switch info.cls {
		case wA:
			take = last == wNone
			article = take
		case wCard:
			take = last == wNone || last == wHundred || last == wScale || last == wAnd ||
				last == wTens && info.v < 10
			if take {
				cur += info.v
			}
		case wTens:
			take = last == wNone || last == wHundred || last == wScale || last == wAnd
			if take {
				cur += info.v
			}
		case wHundred:
			take = (last == wCard || last == wA || last == wTens) && cur%100 != 0 || last == wA
			if take {
				if cur == 0 {
					cur = 1
				}
				cur *= 100
			}
		case wScale:
			take = last == wCard || last == wTens || last == wHundred || last == wA
			if take {
				if cur == 0 {
					cur = 1
				}
				total += cur * info.v
				cur = 0
			}
		case wAnd:
			if ns, ne := nextWord(s, we, false); ne > ns {
				if ni, ok := lookupWord(s[ns:ne]); ok {
					switch {
					case last == wHundred || last == wScale:
						take = ni.cls == wCard || ni.cls == wTens || ni.cls == wOrd
					case last == wTens:
						// older English puts the units after the tens
						// with "and": "forty and six thousand" is 46,000,
						// "threescore and fifteen" 75
						take = ni.cls == wCard && ni.v > 0 && ni.v < 20 && cur%10 == 0
					case last == wCard:
						// or before them: "seven and twenty" is 27
						take = ni.cls == wTens && cur%100 > 0 && cur%100 < 10
					}
				}
			}
		case wOrd:
			take = last == wNone || last == wHundred || last == wScale || last == wAnd ||
				last == wTens && info.v < 10
			if take {
				cur += info.v
				ord = true
			}
		}
		if !take {
			break
		}
		if info.cls != wA && info.cls != wAnd {
			any = true
			words++
		}
		last = info.cls
		end = we
		if ord || total+cur > 1e15 {
			break
		}
		ns, ne := nextWord(s, we, true)
		if ne == ns {
			break
		}
		pos = ns
	}
	val := total + cur
	if ord {
		return z.enOrdinal(i, end, val) // "a third" is handled below
	}
	// A cardinal (or an article) may be followed by a fraction word
	// ("two thirds", "a quarter"), "percent", "per cent" or "decades".
	ns, ne := nextWord(s, end, true)
	if ne > ns {
		if info, ok := lookupWord(s[ns:ne]); ok {
			num := val
			if !any && article {
				num = 1
			}
			switch {
			case (any || article) && (info.cls == wFrac || info.cls == wOrd && info.den > 0) && num > 0 && !afterPeriodWord(s, i):
				if info.cls == wOrd && num == 1 {
					// "a third of", "one third." but "a third time"
					if os, oe := nextWord(s, ne, false); oe > os && !(oe-os == 2 && eqFold(s[os:oe], "of")) {
						if !any {
							return z.enOrdinal(ns, ne, info.v)
						}
					}
				}
				return z.enFraction(i, ne, num, info.den)
			case (any || article) && info.cls == wDecades:
				if !any {
					val = 1
				}
				z.emit(Number, intKey(Number, val*10), i, ne) // two decades: 20 (years)
				return ne
			case any && info.cls == wPercent:
				z.emit(Percent, intKey(Percent, val), i, ne)
				return ne
			case any && info.cls == wPer:
				if cs, ce := nextWord(s, ne, false); ce-cs == 4 && eqFold(s[cs:ce], "cent") {
					z.emit(Percent, intKey(Percent, val), i, ce)
					return ce
				}
			}
		}
	}
	if !any {
		// "half" on its own; "a" alone is nothing.
		we := wordAt(s, i)
		if info, ok := lookupWord(s[i:we]); ok && info.cls == wFrac && info.den == 2 {
			z.emit(Fraction, fractionKey(1, 2), i, we)
			return we
		}
		if article {
			return wordAt(s, i)
		}
		return 0
	}
	if words == 1 && val == 1 && last == wCard {
		return end // a lone "one" is a pronoun more often than a number
	}
	z.emit(Number, intKey(Number, val), i, end)
	return end
}

func (z *scanner) enFraction(i, end int, num, den uint64) int {
	if num >= den || den < 2 {
		z.emit(Number, intKey(Number, num), i, end)
		return end
	}
	z.emit(Fraction, fractionKey(num, den), i, end)
	return end
}

// enMarked handles a number after a marker noun at s[i:j] (Chapter 3,
// CHAPTER II, Article Five, No. 18): an Ordinal spanning both. It returns 0
// when no number follows.
func (z *scanner) enMarked(i, j int) int {
	s := z.s
	k := j
	if s[k] == '.' {
		k++
	}
	k++ // the space
	if k >= len(s) {
		return 0
	}
	var v uint64
	end := 0
	switch {
	case isDigit(s[k]):
		a := readArabic(s, k)
		n, ok := a.v.int()
		if !ok || !a.plain() || a.digits > 3 || a.end < len(s) && isLetter(s[a.end]) {
			return 0
		}
		v, end = n, a.end
	case isLetter(s[k]):
		we := wordAt(s, k)
		w := s[k:we]
		if r := roman(w); r > 0 && isUpper(w[0]) && (we == len(s) || !isDigit(s[we])) {
			v, end = uint64(r), we
		} else if info, ok := lookupWord(w); ok && (info.cls == wCard || info.cls == wTens) && info.v > 0 {
			v, end = info.v, we
		} else {
			return 0
		}
	default:
		return 0
	}
	if v == 0 {
		return 0
	}
	z.emit(Ordinal, intKey(Ordinal, v), i, end)
	return end
}

func allUpper(w string) bool {
	for i := 0; i < len(w); i++ {
		if isLetter(w[i]) && !isUpper(w[i]) {
			return false
		}
	}
	return true
}

// afterPeriodWord reports whether the word before s[i] is one that makes
// "three quarters" a span of time (the first three quarters).
func afterPeriodWord(s string, i int) bool {
	e := i - 1
	if e <= 0 || s[e] != ' ' {
		return false
	}
	b := e
	for b > 0 && isLetter(s[b-1]) {
		b--
	}
	w := s[b:e]
	for _, p := range [...]string{"first", "last", "past", "next", "previous", "coming"} {
		if eqFold(w, p) {
			return true
		}
	}
	return false
}
