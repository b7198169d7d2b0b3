package anchor

import (
	"strings"
	"unicode/utf8"
)

// scanner holds the state shared by the Chinese and English scanners.
type scanner struct {
	s     string
	out   []Anchor
	start int // byte offset of the first non-space character
	stack [8]quoteOpen
	depth int
}

// quoteOpen is an opening quotation or title mark waiting for its closer.
type quoteOpen struct {
	idx    int  // index in out
	closer rune // the mark that closes it
}

func (z *scanner) emit(k Kind, key string, start, end int) {
	z.out = append(z.out, Anchor{Kind: k, Key: key, Start: start, End: end})
}

// open records an opening mark at s[start:end].
func (z *scanner) open(k Kind, closer rune, start, end int) {
	z.emit(k, keyQuote, start, end)
	if z.depth == len(z.stack) {
		copy(z.stack[:], z.stack[1:])
		z.depth--
	}
	z.stack[z.depth] = quoteOpen{idx: len(z.out) - 1, closer: closer}
	z.depth++
}

// isOpen reports whether an opener waiting for closer is on the stack.
func (z *scanner) isOpen(closer rune) bool {
	for d := z.depth - 1; d >= 0; d-- {
		if z.stack[d].closer == closer {
			return true
		}
	}
	return false
}

// close closes the innermost opener waiting for closer, extending its span to
// end. Without such an opener, a standalone anchor is emitted for the closing
// mark when standalone is set (a sentence that starts inside a quotation).
func (z *scanner) close(k Kind, closer rune, start, end int, standalone bool) {
	for d := z.depth - 1; d >= 0; d-- {
		if z.stack[d].closer == closer {
			z.out[z.stack[d].idx].End = end
			z.depth = d
			return
		}
	}
	if standalone {
		z.emit(k, keyQuote, start, end)
	}
}

// asciiDouble handles a straight double quote at s[i]: it closes an open one,
// or opens one.
func (z *scanner) asciiDouble(i int) int {
	if z.isOpen('"') {
		z.close(Quote, '"', i, i+1, false)
	} else {
		z.open(Quote, '"', i, i+1)
	}
	return i + 1
}

// curlySingle handles ‘ or ’ (3 bytes) at s[i]. A ’ between letters or after a
// letter with no ‘ open is an apostrophe (Party’s, parties’), not a quote.
func (z *scanner) curlySingle(i int, r rune) int {
	end := i + 3
	if r == '‘' {
		z.open(Quote, '’', i, end)
		return end
	}
	if letterBefore(z.s, i) && (letterAt(z.s, end) || !z.isOpen('’')) {
		return end
	}
	if end+2 < len(z.s) && isDigit(z.s[end]) && isDigit(z.s[end+1]) && z.s[end+2] == 's' {
		return end // ’90s
	}
	z.close(Quote, '’', i, end, false)
	return end
}

// asciiSingle handles ' at s[i]: an apostrophe between letters, an opening
// quote after a space or bracket and before a letter, or a closing quote when
// one is open.
func (z *scanner) asciiSingle(i int) int {
	s := z.s
	before := i == 0 || s[i-1] == ' ' || s[i-1] == '(' || s[i-1] == '\t'
	if letterBefore(s, i) && letterAt(s, i+1) {
		return i + 1
	}
	if i+3 < len(s) && isDigit(s[i+1]) && isDigit(s[i+2]) && s[i+3] == 's' {
		return i + 1 // '90s
	}
	if before && i+1 < len(s) && isAlnum(s[i+1]) {
		z.open(Quote, '\'', i, i+1)
		return i + 1
	}
	if z.isOpen('\'') {
		z.close(Quote, '\'', i, i+1, false)
	}
	return i + 1
}

// pairMarks are the paired quotation and title marks, each opening mark with
// its closer. The curly single quotes are not here: ’ is also an apostrophe
// (see curlySingle).
var pairMarks = [...]struct {
	open, close rune
	kind        Kind
}{
	{'“', '”', Quote},
	{'「', '」', Quote},
	{'『', '』', Quote},
	{'«', '»', Quote},
	{'《', '》', Title},
	{'〈', '〉', Title},
}

// numberMarks are the runs of numbered characters that label a section or
// list item: ① … ⑳, ⑴ … ⒇, ⒈ … ⒛, Ⅰ … Ⅻ, ⅰ … ⅻ. The first of each run
// stands for 1.
var numberMarks = [...]struct{ first, last rune }{
	{'①', '⑳'},
	{'⑴', '⒇'},
	{'⒈', '⒛'},
	{'Ⅰ', 'Ⅻ'},
	{'ⅰ', 'ⅻ'},
}

// special handles the non-ASCII marks common to both languages: quotation
// and title marks, circled and parenthesised numbers, Roman numeral
// characters. It returns the next offset, or -1 if r is none of these.
func (z *scanner) special(i int, r rune, n int) int {
	if r == '‘' || r == '’' {
		return z.curlySingle(i, r)
	}
	for _, m := range pairMarks {
		switch r {
		case m.open:
			z.open(m.kind, m.close, i, i+n)
			return i + n
		case m.close:
			z.close(m.kind, m.close, i, i+n, true)
			return i + n
		}
	}
	for _, m := range numberMarks {
		if r >= m.first && r <= m.last {
			z.emit(Section, intKey(Section, uint64(r-m.first+1)), i, i+n)
			return i + n
		}
	}
	return -1
}

// paren looks for a parenthesised list marker at s[i] (which holds '(' or
// '（'): (1) （一） (a) (iv). It emits a Section anchor and returns the offset
// after the closing parenthesis, or returns the offset after the opening one.
func (z *scanner) paren(i int) int {
	s := z.s
	j := i + 1
	if s[i] != '(' {
		j = i + 3 // （
	}
	next := j
	var v uint64
	k := j
	switch {
	case k < len(s) && isDigit(s[k]):
		for k < len(s) && isDigit(s[k]) && k-j < 3 {
			v = v*10 + uint64(s[k]-'0')
			k++
		}
	case k < len(s) && isLetter(s[k]):
		for k < len(s) && isLetter(s[k]) && k-j < 5 {
			k++
		}
		w := s[j:k]
		if rv := roman(w); rv > 0 {
			v = uint64(rv)
		} else if len(w) == 1 {
			v = uint64(lower(w[0]) - 'a' + 1)
		}
	default:
		r, n := utf8.DecodeRuneInString(s[k:])
		for n > 0 && (digitVal(r) >= 0 || unitVal(r) == 10) && k-j < 9 {
			k += n
			r, n = utf8.DecodeRuneInString(s[k:])
		}
		if k > j {
			if zn := parseZhRun(s[j:k]); zn.ok {
				v, _ = zn.v.int()
			}
		}
	}
	if v == 0 || v > 99 {
		return next
	}
	switch {
	case k < len(s) && s[k] == ')':
		k++
	case strings.HasPrefix(s[k:], "）"):
		k += 3
	default:
		return next
	}
	z.emit(Section, intKey(Section, v), i, k)
	return k
}

// roman returns the value of an upper- or lower-case Roman numeral from 1 to
// 89 written with I, V, X and L, or 0.
func roman(w string) int {
	if len(w) == 0 || len(w) > 7 {
		return 0
	}
	up := w[0] >= 'A' && w[0] <= 'Z'
	total, prev := 0, 0
	for i := len(w) - 1; i >= 0; i-- {
		c := w[i]
		if (c >= 'A' && c <= 'Z') != up {
			return 0
		}
		var v int
		switch lower(c) {
		case 'i':
			v = 1
		case 'v':
			v = 5
		case 'x':
			v = 10
		case 'l':
			v = 50
		default:
			return 0
		}
		if v < prev {
			total -= v
		} else {
			total += v
			prev = v
		}
	}
	if total <= 0 || total >= 90 {
		return 0
	}
	return total
}

// arabic is an Arabic numeral read by readArabic.
type arabic struct {
	v      dec
	end    int
	digits int  // integer digits
	sep    bool // had thousands separators
	point  bool // had a decimal point
	ok     bool // the value fits
}

// plain reports whether the numeral is a bare digit string (a year candidate).
func (a arabic) plain() bool { return !a.sep && !a.point }

// readArabic reads an Arabic numeral at s[i] in ASCII or full-width digits,
// with "," or "，" thousands separators (groups of exactly three digits) and one
// decimal point ("." or "．") followed by a digit.
func readArabic(s string, i int) arabic {
	var a arabic
	a.ok = true
	j := i
	var m uint64
	e := 0
	addDigit := func(d byte, frac bool) {
		if m >= maxMant/10 {
			if !frac {
				e++ // keep magnitude, lose precision: not an anchor
			}
			a.ok = false
			return
		}
		m = m*10 + uint64(d)
		if frac {
			e--
		}
	}
	for j < len(s) {
		if d, n := digitAt(s, j); n > 0 {
			addDigit(d, false)
			a.digits++
			j += n
			continue
		}
		if s[j] == ',' && a.digits > 0 && (a.sep || a.digits <= 3) && groupOf3(s, j+1) {
			a.sep = true
			j++
			continue
		}
		// Chinese text often writes the separator full-width: 1，800万.
		if s[j] == 0xEF && strings.HasPrefix(s[j:], "，") && a.digits > 0 && (a.sep || a.digits <= 3) && groupOf3(s, j+3) {
			a.sep = true
			j += 3
			continue
		}
		break
	}
	if j < len(s) {
		pn := 0
		if s[j] == '.' {
			pn = 1
		} else if strings.HasPrefix(s[j:], "．") {
			pn = 3
		}
		if pn > 0 {
			if _, n := digitAt(s, j+pn); n > 0 {
				a.point = true
				j += pn
				for j < len(s) {
					d, n := digitAt(s, j)
					if n == 0 {
						break
					}
					addDigit(d, true)
					j += n
				}
			}
		}
	}
	a.v = dec{m: m, e: e}
	a.end = j
	return a
}

// groupOf3 reports whether s[j:] starts with exactly three ASCII digits.
func groupOf3(s string, j int) bool {
	return j+3 <= len(s) && isDigit(s[j]) && isDigit(s[j+1]) && isDigit(s[j+2]) &&
		(j+3 == len(s) || !isDigit(s[j+3]))
}

// digitAt returns the digit at s[j] (ASCII or full-width) and its byte length,
// or n == 0.
func digitAt(s string, j int) (byte, int) {
	if j >= len(s) {
		return 0, 0
	}
	if isDigit(s[j]) {
		return s[j] - '0', 1
	}
	// ０-９ is EF BC 90–99.
	if s[j] == 0xEF && j+2 < len(s) && s[j+1] == 0xBC && s[j+2] >= 0x90 && s[j+2] <= 0x99 {
		return s[j+2] - 0x90, 3
	}
	return 0, 0
}

// fullLetterAt reports whether a full-width Latin letter starts at s[j].
func fullLetterAt(s string, j int) bool {
	if j+2 >= len(s) || s[j] != 0xEF {
		return false
	}
	// Ａ-Ｚ EF BC A1–BA, ａ-ｚ EF BD 81–9A
	return s[j+1] == 0xBC && s[j+2] >= 0xA1 && s[j+2] <= 0xBA ||
		s[j+1] == 0xBD && s[j+2] >= 0x81 && s[j+2] <= 0x9A
}

// fraction looks for "/den" after a numerator ending at j and returns the
// key and end, or "" when there is none. Only proper fractions with a
// denominator up to 10, or 1/N up to 1/100, count (11/15/2012 and 9/11 are
// not fractions).
func fraction(s string, j int, num dec) (string, int) {
	if j >= len(s) || s[j] != '/' {
		return "", 0
	}
	n, ok := num.int()
	if !ok || n == 0 {
		return "", 0
	}
	k := j + 1
	var den uint64
	for k < len(s) && isDigit(s[k]) && k-j <= 3 {
		den = den*10 + uint64(s[k]-'0')
		k++
	}
	if k == j+1 || den < 2 || den > 100 || n >= den || n > 1 && den > 10 || k < len(s) && (isDigit(s[k]) || s[k] == '/') {
		return "", 0
	}
	return fractionKey(n, den), k
}

// Byte classes of ASCII, looked up in one step.
const (
	cLetter = 1 << iota
	cUpper
	cDigit
)

var byteClass = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = cLetter
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = cLetter | cUpper
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = cDigit
	}
	return t
}()

func isLetter(c byte) bool { return byteClass[c]&cLetter != 0 }
func isUpper(c byte) bool  { return byteClass[c]&cUpper != 0 }
func isAlnum(c byte) bool  { return byteClass[c]&(cLetter|cDigit) != 0 }
func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func letterAt(s string, j int) bool { return j < len(s) && isLetter(s[j]) }

func letterBefore(s string, i int) bool { return i > 0 && isLetter(s[i-1]) }

// isSpaceAt returns the length of a space (ASCII blank, U+3000, U+00A0,
// U+FEFF) at s[i], or 0.
func isSpaceAt(s string, i int) int {
	if i >= len(s) {
		return 0
	}
	switch s[i] {
	case ' ', '\t', '\n', '\r':
		return 1
	}
	if strings.HasPrefix(s[i:], "\u3000") || strings.HasPrefix(s[i:], "\ufeff") {
		return 3
	}
	if strings.HasPrefix(s[i:], "\u00a0") {
		return 2
	}
	return 0
}

func skipSpace(s string, i int) int {
	for {
		n := isSpaceAt(s, i)
		if n == 0 {
			return i
		}
		i += n
	}
}

// latinToken returns the end of the Latin token starting at s[i]: letters
// and digits (ASCII or full-width), joined by ".", "-", "&", "_", "'" or "’"
// when a letter or digit follows.
func latinToken(s string, i int) int {
	j := i
	for j < len(s) {
		c := s[j]
		if isAlnum(c) {
			j++
			continue
		}
		if c == 0xEF {
			if _, n := digitAt(s, j); n > 0 {
				j += n
				continue
			}
			if fullLetterAt(s, j) {
				j += 3
				continue
			}
			break
		}
		if j > i && (c == '.' || c == '-' || c == '&' || c == '_' || c == '\'') && j+1 < len(s) && isAlnum(s[j+1]) {
			j += 2
			continue
		}
		if j > i && c == 0xE2 && strings.HasPrefix(s[j:], "’") && letterAt(s, j+3) {
			j += 4
			continue
		}
		break
	}
	return j
}

// trimPossessive removes a trailing 's or ’s.
func trimPossessive(tok string) string {
	if strings.HasSuffix(tok, "'s") || strings.HasSuffix(tok, "'S") {
		return tok[:len(tok)-2]
	}
	if strings.HasSuffix(tok, "’s") {
		return tok[:len(tok)-4]
	}
	return tok
}

// numberBeforeLetters handles an Arabic numeral a at s[i] that letters
// follow: an ordinal (18th, in Chinese text), a decade (1980s), billions
// ($1.3bn), or else a number followed by a unit or a name (100cm2, 20J, 5G),
// which gives the number alone; the letters are scanned next.
func (z *scanner) numberBeforeLetters(i int, a arabic) int {
	s := z.s
	j := a.end
	iv, isInt := a.v.int()
	if suf := ordSuffix(s, j); suf > 0 && isInt && a.plain() {
		z.emit(Ordinal, intKey(Ordinal, iv), i, j+suf)
		return j + suf
	}
	if isInt && a.plain() && iv%10 == 0 && (a.digits == 4 || a.digits == 2) && s[j] == 's' && (j+1 == len(s) || !isLetter(s[j+1])) {
		z.emit(Decade, decadeKey(int(iv)), i, j+1)
		return j + 1
	}
	if j+2 <= len(s) && s[j] == 'b' && s[j+1] == 'n' && (j+2 == len(s) || !isAlnum(s[j+2])) {
		z.emit(Number, decKey(Number, a.v.mulPow(9)), i, j+2)
		return j + 2
	}
	if a.digits == 1 && a.plain() && isUpper(s[j]) && (j+1 == len(s) || !isAlnum(s[j+1])) {
		z.emit(Latin, latinKey(s[i:j+1]), i, j+1) // 5G, 3D, 4K: names, not quantities
		return j + 1
	}
	k := Number
	if isInt && a.plain() && a.digits == 4 && iv >= 1000 && iv <= 2100 {
		k = Year
	}
	z.emit(k, decKey(k, a.v), i, j)
	return j
}

// emitDate emits the Date anchor of month m, day d at s[start:end], then the
// day alone (d:15) at s[dayStart:dayEnd], which matches a Chinese 15日 that
// leaves the month to the context.
func (z *scanner) emitDate(m, d, start, end, dayStart, dayEnd int) {
	z.emit(Date, dateKey(m, d), start, end)
	z.emit(Date, dayKey(d), dayStart, dayEnd)
}
