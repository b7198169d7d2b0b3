package segment

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// unit is a paragraph under construction: one or more input lines.
type unit struct {
	text        string
	first, last int  // indexes into the document's lines
	blanks      int  // blank lines between the previous unit and this one
	gap         bool // other-language lines lie between the previous unit and this one
	lang        Lang // script of text
	kind        Kind
	dead        bool // merged into the previous unit
}

// docBuilder turns a document's lines into paragraphs.
type docBuilder struct {
	input string // decoded input, for the text of reported joins
	lines []line
	lang  Lang
	on    ruleSet
	rep   []Change
}

// closers are the marks that may follow a sentence end and still belong to it.
const closers = "”’\"'」』）)》〉】]"

func trimClosers(s string) string {
	for s != "" {
		r, n := utf8.DecodeLastRuneInString(s)
		if !strings.ContainsRune(closers, r) && !isHSpace(r) {
			return s
		}
		s = s[:len(s)-n]
	}
	return s
}

func isTerminator(r rune) bool {
	switch r {
	case '。', '！', '？', '!', '?', '.', '…', '；', ';', '．', '｡', '‼', '⁇', '⁈', '⁉':
		return true
	}
	return false
}

// endsSentence reports whether s ends with sentence-final punctuation,
// possibly followed by closing quotes or brackets.
func endsSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(trimClosers(s))
	return isTerminator(r)
}

// endsContinuation reports whether s ends with a mark that introduces what
// follows (a colon, a dash, a comma): such a line is not a title.
func endsContinuation(s string) bool {
	s = strings.TrimRightFunc(s, isHSpace)
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case '：', ':', '—', '，', ',', '、', '-', '–':
		return true
	}
	return false
}

// hasInnerStop reports whether s holds a sentence end before its last few
// characters: "。" "！" "？" in Chinese, ". X" "! " "? " in English.
func hasInnerStop(s string, lang Lang) bool {
	body := strings.TrimRightFunc(trimClosers(s), func(r rune) bool { return isTerminator(r) })
	if lang == Chinese {
		return strings.ContainsAny(body, "。！？!?")
	}
	for i := 0; i+2 < len(body); i++ {
		if c := body[i]; (c == '.' || c == '!' || c == '?') && body[i+1] == ' ' {
			n := body[i+2]
			if n >= 'A' && n <= 'Z' || n == '"' {
				// Not an initial ("J. Smith") or a short abbreviation.
				j := i
				for j > 0 && body[j-1] != ' ' {
					j--
				}
				if i-j >= 3 {
					return true
				}
			}
		}
	}
	return false
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }

// wordCount counts the space-separated words of s, without allocating.
func wordCount(s string) int {
	n, in := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}

// isShortLine says whether s is short enough to be a title in lang.
func isShortLine(s string, lang Lang) bool {
	if lang == English {
		return len(s) <= 200 && wordCount(s) <= 25
	}
	return runeLen(s) <= 40
}

// titleish is the loose test used for joining title lines: short, no
// sentence end anywhere.
func titleish(s string, lang Lang) bool {
	return isShortLine(s, lang) && !endsSentence(s) && !hasInnerStop(s, lang)
}

// stripBrackets removes one pair of enclosing brackets.
func stripBrackets(s string) (string, bool) {
	s = strings.TrimSpace(s)
	for _, p := range [][2]string{{"（", "）"}, {"(", ")"}, {"【", "】"}, {"[", "]"}} {
		if strings.HasPrefix(s, p[0]) && strings.HasSuffix(s, p[1]) && len(s) > len(p[0])+len(p[1]) {
			return strings.TrimSpace(s[len(p[0]) : len(s)-len(p[1])]), true
		}
	}
	return s, false
}

var months = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// isDate recognises a line that is only a date (possibly bracketed, possibly
// with a place): "（2022年10月20日）", "(October 20, 2022)",
// "25 September, 2003", "Beijing, 20 October 2022".
func isDate(s string) bool {
	s, _ = stripBrackets(s)
	if s == "" || len(s) > 80 {
		return false
	}
	if strings.ContainsRune(s, '年') || strings.ContainsRune(s, '月') {
		hasYear, hasMonthDay := false, false
		for _, r := range s {
			switch {
			case r == '年':
				hasYear = true
			case r == '月' || r == '日' || r == '号':
				hasMonthDay = true
			case r >= '0' && r <= '9', r >= '０' && r <= '９', strings.ContainsRune("〇零一二三四五六七八九十", r),
				r == ' ', r == ':', r == '：', r == '-', r == '.', r == '/', r == 0x3000:
			default:
				return false
			}
		}
		return hasYear && hasMonthDay || hasMonthDay && runeLen(s) <= 10
	}
	month, num, other := 0, 0, 0
	for rest := s; rest != ""; {
		i := strings.IndexAny(rest, " ,\u00a0")
		f := rest
		if i >= 0 {
			_, n := utf8.DecodeRuneInString(rest[i:])
			f, rest = rest[:i], rest[i+n:]
		} else {
			rest = ""
		}
		if f == "" {
			continue
		}
		w := strings.ToLower(strings.TrimSuffix(f, "."))
		switch {
		case months[w]:
			month++
		case isDayOrYear(w):
			num++
		case functionWords[w]:
			return false // "The 2022 March": words of a title, not a place
		default:
			other++
		}
	}
	return month == 1 && num >= 1 && num <= 2 && other <= 2
}

func isDayOrYear(w string) bool {
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		w = strings.TrimSuffix(w, suf)
	}
	if w == "" || len(w) > 4 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

var (
	deptSuffixZh = []string{"委员会", "办公厅", "办公室", "新华社", "通讯社", "大使馆", "领事馆", "代表处", "研究院", "研究所", "中心", "政府", "部", "局", "署", "委", "社", "院"}
	deptWordsEn  = []string{"Department", "Ministry", "Office", "Committee", "Bureau", "Agency", "Commission", "Council", "Embassy", "Xinhua", "Secretariat", "Administration"}
)

// isAgencyDateline recognises a news agency's dateline line:
// "新华社北京10月20日电", "本报北京10月20日讯（记者 王某）": short, a
// month and a day in figures, "电" or "讯" after the day.
func isAgencyDateline(s string) bool {
	if runeLen(s) > 40 || endsSentence(s) {
		return false
	}
	i := strings.Index(s, "日电")
	if i < 0 {
		i = strings.Index(s, "日讯")
	}
	if i < 0 {
		return false
	}
	m := strings.LastIndex(s[:i], "月")
	if m <= 0 {
		return false
	}
	c, _ := utf8.DecodeLastRuneInString(s[:m])
	d, _ := utf8.DecodeLastRuneInString(s[:i])
	return (c >= '0' && c <= '9' || c >= '０' && c <= '９') && (d >= '0' && d <= '9' || d >= '０' && d <= '９')
}

// isByline recognises a reporter line in brackets: "（记者 王某 李某）",
// "(Reporters: Wang and Li)", "（通讯员 张某）".
func isByline(s string) bool {
	inner, ok := stripBrackets(s)
	if !ok || runeLen(inner) > 40 || endsSentence(inner) {
		return false
	}
	for _, p := range []string{"记者", "通讯员", "特约记者", "撰稿", "Reporter", "reporter", "Reporters", "By "} {
		if strings.HasPrefix(inner, p) {
			return true
		}
	}
	return false
}

// isDept recognises a department or source line: short, no sentence end,
// naming an office ("中共中央对外联络部", "International Department of …").
func isDept(s string, lang Lang) bool {
	inner, _ := stripBrackets(s)
	if inner == "" || endsSentence(inner) || endsContinuation(inner) {
		return false
	}
	if lang == English {
		if len(inner) > 200 || wordCount(inner) > 16 {
			return false
		}
		// The office is what the line names: a department word ends the
		// line or is followed by "of", "for", "in" or a comma ("Ministry of
		// Foreign Affairs", "Xinhua News Agency"), not by more words of a
		// title ("Foreign Ministry Spokesperson's Remarks on …").
		words := strings.Fields(inner)
		for i, w := range words {
			if !slices.Contains(deptWordsEn, strings.TrimRight(w, ",;:")) {
				continue
			}
			if i+1 == len(words) || strings.HasSuffix(w, ",") {
				return true
			}
			switch words[i+1] {
			case "of", "for", "in", "and", "to":
				return true
			}
		}
		return false
	}
	if runeLen(inner) > 30 || strings.ContainsAny(inner, "，。！？；,") {
		return false
	}
	for _, suf := range deptSuffixZh {
		if strings.HasSuffix(inner, suf) {
			return true
		}
	}
	return false
}

// skipRunes returns the offset after the run of runes of s, from offset i,
// for which in holds.
func skipRunes(s string, i int, in func(rune) bool) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !in(r) {
			break
		}
		i += n
	}
	return i
}

// cutSectionLabel reports whether s starts with a section or list label:
// "一、" "（一）" "(一)" "第一章" "1." "1、" "①" "I." "II." "Chapter".
func cutSectionLabel(s string) (rest string, ok bool) {
	if r, ok := cutNumberMarker(s); ok {
		return r, true
	}
	r, n := utf8.DecodeRuneInString(s)
	isCN := func(r rune) bool { return strings.ContainsRune("一二三四五六七八九十百〇零", r) }
	isNum := func(r rune) bool { return isCN(r) || r >= '0' && r <= '9' }
	switch {
	case isCN(r):
		i := skipRunes(s, n, isCN)
		if strings.HasPrefix(s[i:], "、") {
			return s[i+len("、"):], true
		}
	case r == '（' || r == '(':
		i := skipRunes(s, n, isNum)
		if i > n && i-n <= 9 {
			if strings.HasPrefix(s[i:], "）") {
				return strings.TrimLeftFunc(s[i+len("）"):], isHSpace), true
			}
			if strings.HasPrefix(s[i:], ")") {
				return strings.TrimLeftFunc(s[i+1:], isHSpace), true
			}
		}
	case r == '第':
		i := skipRunes(s, n, isNum)
		if r3, n3 := utf8.DecodeRuneInString(s[i:]); i > n && strings.ContainsRune("章节部篇条", r3) {
			return strings.TrimLeftFunc(s[i+n3:], isHSpace), true
		}
	case r >= 0x2160 && r <= 0x216F: // Ⅰ Ⅱ …
		rest := strings.TrimLeft(s[n:], ".．、 ")
		return rest, len(rest) < len(s[n:])
	case r == 'I' || r == 'V' || r == 'X':
		i := 0
		for i < len(s) && (s[i] == 'I' || s[i] == 'V' || s[i] == 'X') && i < 5 {
			i++
		}
		if strings.HasPrefix(s[i:], ". ") {
			return s[i+2:], true
		}
	case r == 'C':
		if strings.HasPrefix(s, "Chapter ") {
			return s[len("Chapter "):], true
		}
	}
	return s, false
}

// classify sets the kind of a unit from its text alone (Foreign is set by
// the caller). head says whether the unit lies before the first body
// paragraph; nearDate whether a neighbour is a date.
func classify(s string, lang Lang, head, nearDate bool) Kind {
	if isDate(s) || isAgencyDateline(s) || isByline(s) {
		return Dateline
	}
	_, bracketed := stripBrackets(s)
	if isDept(s, lang) && (head || nearDate || bracketed) {
		return Dateline
	}
	if head && hasSiteSuffix(s) && !endsSentence(s) {
		return Title // a web page's title, with its site's name
	}
	if endsSentence(s) || endsContinuation(s) || hasInnerStop(s, lang) || !isShortLine(s, lang) {
		return Body
	}
	if _, ok := cutSectionLabel(s); ok {
		return Heading
	}
	return Title
}

// isWrapped decides whether an English document is hard-wrapped: most of
// its blank-line separated blocks have several lines, and the lines inside
// blocks mostly end without sentence punctuation.
func isWrapped(lines []line) bool {
	blocks, multi, inner, open := 0, 0, 0, 0
	n := 0
	flush := func() {
		if n > 0 {
			blocks++
			if n > 1 {
				multi++
			}
		}
		n = 0
	}
	for i := range lines {
		l := &lines[i]
		if l.dropped {
			continue
		}
		if l.text == "" {
			flush()
			continue
		}
		if n > 0 {
			inner++
			if !endsSentence(lines[prevText(lines, i)].text) {
				open++
			}
		}
		n++
	}
	flush()
	return blocks >= 2 && 2*multi > blocks && 10*open >= 7*inner
}

func prevText(lines []line, i int) int {
	for j := i - 1; j >= 0; j-- {
		if !lines[j].dropped {
			return j
		}
	}
	return i
}

// standsAlone says whether a line of wrapped text must be its own paragraph.
// full says that the line reaches the width the text is wrapped at: then a
// section label does not make it a heading ("一、…" or "I. …" cut by the
// wrap, its sentence going on in the next line).
func standsAlone(s string, lang Lang, full bool) bool {
	if isDate(s) || isDept(s, lang) && !full {
		return true
	}
	_, ok := cutSectionLabel(s)
	return ok && !endsSentence(s) && isShortLine(s, lang) && !full
}

// startsWithNoLineStart reports whether s starts with full-width
// punctuation that never starts a line in Chinese typesetting: terminators,
// commas, colons and closing quotes and brackets.
func startsWithNoLineStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune("。，、；：？！）》」』”’〕】〉", r)
}

func firstRune(s string) string {
	_, n := utf8.DecodeRuneInString(s)
	return s[:n]
}

// full reports whether a line reaches the width of wrapped text.
func (w *widthWrap) full(s string) bool {
	return w.threshold > 0 && columns(s) >= w.threshold
}

// recordJoin reports the join of line a to line b. The input between them
// is line endings, blank lines and lines removed by other rules (a footer,
// white space only): those lines' bytes are already in the report under
// their own rule, so the join records the line breaks around them, in as
// many changes as it takes not to list a byte twice. The first change puts
// sep in place; the others remove a line break.
func (d *docBuilder) recordJoin(a, b int, sep, rule, note string) {
	la := &d.lines[a]
	from := la.off + len(la.raw)
	split := false
	for k := a + 1; k < b; k++ {
		if d.lines[k].no == 0 { // a cut-out stretch of the other language: not expected
			split = false
			break
		}
		if d.lines[k].removed() {
			split = true
		}
	}
	if !split {
		d.rep = append(d.rep, Change{Rule: rule, Line: la.no, Offset: from, Old: d.sepText(a, b), New: sep, Note: note})
		return
	}
	first := true
	start, startLine := from, la.no
	for k := a + 1; k <= b; k++ {
		l := &d.lines[k]
		if k < b && !l.removed() {
			continue // an empty line: its line ending joins the piece
		}
		if start < l.off && l.off <= len(d.input) {
			c := Change{Rule: rule, Line: startLine, Offset: start, Old: d.input[start:l.off], Note: note}
			if first {
				c.New = sep
				first = false
			} else {
				c.Note = note + ", continued after a removed line"
			}
			d.rep = append(d.rep, c)
		}
		start, startLine = l.off+len(l.raw), l.no
	}
}

// removed reports whether the line had bytes and other rules removed them
// all (a dropped line, a line of white space), on record.
func (l *line) removed() bool {
	return l.raw != "" && (l.dropped || l.text == "")
}

// sepText returns the input between the end of line a and the start of line
// b (line endings and blank lines), for the record of a join.
func (d *docBuilder) sepText(a, b int) string {
	la, lb := &d.lines[a], &d.lines[b]
	from, to := la.off+len(la.raw), lb.off
	if from <= to && to <= len(d.input) {
		return d.input[from:to]
	}
	return la.end
}

func (d *docBuilder) join(u *unit, v *unit, sep, rule, note string) {
	d.recordJoin(u.last, v.first, sep, rule, note)
	u.text += sep + v.text
	u.last = v.last
	v.dead = true
}

// units builds the candidate paragraphs: one per line, or one per block of
// lines in hard-wrapped text (see isWrapped and widthWrap).
func (d *docBuilder) units() []unit {
	blockWrapped := d.lang == English && d.on[RuleUnwrap] && isWrapped(d.lines)
	ww := widthWrap{}
	if d.on[RuleUnwrap] {
		ww = newWidthWrap(d.lines, d.lang)
	}
	var us []unit
	blanks, gap := 0, false
	open := false // the last unit may take the next line (block-wrapped mode)
	for i := range d.lines {
		l := &d.lines[i]
		switch {
		case l.dropped:
			continue
		case l.text == "" && l.no == 0: // synthetic: other-language lines were here
			gap, open = true, false
			continue
		case l.text == "":
			blanks++
			open = false
			continue
		}
		if len(us) > 0 && blanks == 0 && !gap && !standsAlone(l.text, d.lang, false) &&
			!l.heading && !d.lines[us[len(us)-1].last].heading {
			u := &us[len(us)-1]
			if d.on[RuleUnwrap] && startsWithNoLineStart(l.text) {
				// Chinese typesetting never starts a line with 。，、）” and
				// the like: the line break was made by a wrap.
				d.join(u, &unit{text: l.text, first: i, last: i}, "", RuleUnwrap, "a line cannot start with "+firstRune(l.text))
				continue
			}
			if blockWrapped && open {
				d.join(u, &unit{text: l.text, first: i, last: i}, " ", RuleUnwrap, "")
				continue
			}
			if ww.continues(&d.lines[u.last], l) && !standsAlone(u.text, d.lang, true) {
				d.join(u, &unit{text: l.text, first: i, last: i}, wrapSep(u.text, l.text), RuleUnwrap, "")
				continue
			}
		}
		us = append(us, unit{text: l.text, first: i, last: i, blanks: blanks, gap: gap})
		open = blockWrapped && !standsAlone(l.text, d.lang, ww.full(l.text))
		blanks, gap = 0, false
	}
	return us
}

// widthWrap recognises text hard-wrapped at a fixed width (a Chinese novel
// or a PDF extract, with or without blank lines): many lines reach nearly the
// widest line's width and go on in the next line. A line that reaches the
// width is continued by the next unless the next is indented in a document
// that marks paragraphs by indentation.
type widthWrap struct {
	on        bool
	threshold int  // columns a wrapped line reaches
	useIndent bool // paragraphs start with indentation
}

func newWidthWrap(lines []line, lang Lang) widthWrap {
	n, indented, widest := 0, 0, 0
	for i := range lines {
		l := &lines[i]
		if l.blank() {
			continue
		}
		n++
		if isIndented(l.raw) {
			indented++
		}
		if len(l.text) > 800 { // over 200 columns: not wrapped at a width
			return widthWrap{}
		}
		widest = max(widest, columns(l.text))
	}
	if n < 4 || widest < 20 || widest > 200 {
		return widthWrap{}
	}
	w := widthWrap{threshold: widest * 9 / 10, useIndent: indented*10 >= n && indented*10 < n*9}
	if lang != Chinese {
		w.threshold = widest * 3 / 4 // English wraps at word boundaries
	}
	full := 0
	for i := 0; i+1 < len(lines); i++ {
		if !lines[i].blank() && !lines[i+1].blank() && columns(lines[i].text) >= w.threshold {
			full++
		}
	}
	w.on = full >= 3 && full*10 >= n*3
	return w
}

func (w *widthWrap) continues(prev, next *line) bool {
	if !w.on || columns(prev.text) < w.threshold {
		return false
	}
	return !(w.useIndent && isIndented(next.raw))
}

func isIndented(raw string) bool {
	r, _ := utf8.DecodeRuneInString(raw)
	return isHSpace(r)
}

// isWide reports whether r takes two columns in a fixed-width layout.
func isWide(r rune) bool {
	return r >= 0x1100 && (isHan(r) || r >= 0x3000 && r <= 0x30FF || r >= 0xFF01 && r <= 0xFF60 ||
		r >= 0xFFE0 && r <= 0xFFE6 || r >= 0xAC00 && r <= 0xD7A3 || r >= 0x1100 && r <= 0x115F)
}

// columns is the width of s in a fixed-width layout.
func columns(s string) int {
	c := 0
	for _, r := range s {
		c++
		if isWide(r) {
			c++
		}
	}
	return c
}

// wrapSep is what joins two wrapped lines: nothing between Chinese
// characters or after a hyphen, a space otherwise.
func wrapSep(a, b string) string {
	last, _ := utf8.DecodeLastRuneInString(a)
	first, _ := utf8.DecodeRuneInString(b)
	if isWide(last) || isWide(first) || last == '-' && unicode.IsLower(first) {
		return ""
	}
	return " "
}

// build runs the paragraph rules and returns the units that remain.
func (d *docBuilder) build() []unit {
	us := d.units()
	for i := range us {
		if u := &us[i]; u.first == u.last {
			u.lang = d.lines[u.first].lang // same text, detected in prepare
		} else {
			u.lang = DetectLang(u.text)
		}
	}
	foreign := func(u *unit) bool {
		return d.on[RuleForeign] && isForeign(u.text, u.lang, d.lang)
	}
	// Rejoin paragraphs broken by page layout.
	if d.on[RuleBrokenParagraph] {
		for i := 0; i < len(us); i++ {
			u := &us[i]
			if u.dead || foreign(u) {
				continue
			}
			for j := i + 1; j < len(us); j++ {
				v := &us[j]
				// Only across blank lines: without one, a Chinese line is a
				// paragraph (and hard-wrapped English is the unwrap rule's).
				if v.gap || v.blanks == 0 || v.blanks > 2 || foreign(v) || d.styled(u) || d.styled(v) || !d.broken(u.text, v.text) {
					break
				}
				sep := ""
				if d.lang == English {
					sep = " "
				}
				d.join(u, v, sep, RuleBrokenParagraph, "paragraph broken mid-sentence rejoined")
			}
		}
		us = compact(us)
	}
	// Kinds, with the head of the document (before the first body paragraph).
	head := true
	for i := range us {
		u := &us[i]
		nearDate := i > 0 && isDate(us[i-1].text) || i+1 < len(us) && isDate(us[i+1].text)
		u.kind = classify(u.text, d.lang, head, nearDate)
		if d.styled(u) && u.kind == Body && !endsSentence(u.text) {
			// a heading or title by the document's own structure
			u.kind = Heading
			if head {
				u.kind = Title
			}
		}
		if u.kind == Body {
			head = false
		}
	}
	// Rejoin a title broken over two or three lines, in the head only.
	if d.on[RuleTitleJoin] {
		for i := 0; i < len(us); i++ {
			u := &us[i]
			if u.dead || u.kind == Body || u.kind == Dateline || u.kind == Heading || foreign(u) {
				if u.kind == Body {
					break
				}
				continue
			}
			for j, n := i+1, 1; j < len(us) && n < 3; j, n = j+1, n+1 {
				v := &us[j]
				if v.blanks > 0 || v.gap || foreign(v) || v.kind == Dateline || v.kind == Heading || d.styled(u) != d.styled(v) || !d.titleContinues(u.text, v.text) {
					break
				}
				sep := ""
				if d.lang == English {
					sep = " "
				}
				d.join(u, v, sep, RuleTitleJoin, "title broken over lines rejoined")
				u.kind = Title
			}
		}
		us = compact(us)
	}
	for i := range us {
		u := &us[i]
		if foreign(u) {
			u.kind = Foreign
			l := &d.lines[u.first]
			d.rep = append(d.rep, Change{Rule: RuleForeign, Line: l.no, Offset: l.off,
				Note: u.lang.name() + " paragraph set apart in a " + d.lang.name() + " document (kind foreign, not aligned)"})
		}
	}
	return us
}

// isForeign says whether a paragraph of script lang is clearly in the
// other language of a document in docLang: English in a Chinese document
// has no hanzi at all and at least four words (a name, a URL or an acronym
// among Chinese lines stays); Chinese in an English document has at least
// four hanzi and no more Latin letters than hanzi.
func isForeign(text string, lang, docLang Lang) bool {
	if docLang == Unknown || lang == Unknown || lang == docLang {
		return false
	}
	c := countScripts(text)
	if docLang == Chinese {
		return c.han == 0 && (len(text) > 200 || wordCount(text) >= 4)
	}
	return c.han >= 4 && c.latin <= c.han
}

func (l Lang) name() string {
	switch l {
	case Chinese:
		return "Chinese"
	case English:
		return "English"
	}
	return "unknown-language"
}

func compact(us []unit) []unit {
	out := us[:0]
	for _, u := range us {
		if !u.dead {
			out = append(out, u)
		}
	}
	return out
}

// styled reports whether a unit is a heading or title by the structure of
// its Word or HTML document.
func (d *docBuilder) styled(u *unit) bool { return d.lines[u.first].heading }

// broken says whether paragraph a was cut by page layout and b continues it:
// a is body text (it has a sentence end inside or is long) that stops on a
// hanzi (a letter or comma in English) without final punctuation, and b
// starts with a hanzi (a lower-case letter) and is body text, not a title,
// heading or date.
func (d *docBuilder) broken(a, b string) bool {
	if endsSentence(a) || endsContinuation(a) && d.lang == Chinese || hasSiteSuffix(a) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(a)
	first, _ := utf8.DecodeRuneInString(b)
	if d.lang == English {
		if !(unicode.IsLower(last) || last == ',') || !unicode.IsLower(first) {
			return false
		}
		return hasInnerStop(a, English) || len(a) >= 80
	}
	if !isHan(last) || !isHan(first) {
		return false
	}
	if !hasInnerStop(a, Chinese) && runeLen(a) < 50 {
		return false
	}
	if _, ok := cutSectionLabel(b); ok || isDate(b) || isDept(b, Chinese) {
		return false
	}
	return classify(b, Chinese, false, false) == Body
}

var functionWords = map[string]bool{
	"of": true, "and": true, "the": true, "for": true, "on": true, "in": true, "to": true, "with": true,
	"by": true, "under": true, "over": true, "at": true, "from": true, "a": true, "an": true, "or": true,
}

// titleContinues says whether title line b continues title line a.
func (d *docBuilder) titleContinues(a, b string) bool {
	if !titleish(b, d.lang) || isDate(b) || hasSiteSuffix(a) {
		return false
	}
	if _, ok := cutSectionLabel(b); ok {
		return false
	}
	if d.lang == English {
		first, _ := utf8.DecodeRuneInString(b)
		if unicode.IsLower(first) {
			return true
		}
		a = strings.TrimRightFunc(a, isHSpace)
		last, _ := utf8.DecodeLastRuneInString(a)
		if last == ':' || last == ',' || last == '-' || last == '–' {
			return true
		}
		fs := strings.Fields(a)
		return len(fs) > 0 && functionWords[strings.ToLower(fs[len(fs)-1])]
	}
	first, _ := utf8.DecodeRuneInString(b)
	if !isHan(first) || runeLen(a)+runeLen(b) > 60 || !titleish(a, Chinese) || hasSiteSuffix(a) {
		return false
	}
	// As in English, a title line goes on only where the break falls
	// inside a phrase: after a comma, colon or connective, inside a
	// bracket or quotation, or before a connective. Two complete title
	// lines ("…步步瓶颈-中新网" above a lead) stay apart.
	return zhOpenEnd(a) || hasZhPrefix(b, zhLeadingConnectives)
}

// hasSiteSuffix reports whether s ends as a web page title does, with the
// site's name after a dash, bar or underscore: "…步步瓶颈-中新网",
// "… | 人民网", "… - China Daily". Such a line is complete.
func hasSiteSuffix(s string) bool {
	s = strings.TrimRightFunc(s, isHSpace)
	i := strings.LastIndexAny(s, "-_|｜—–")
	if i <= 0 {
		return false
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	name := strings.TrimSpace(s[i+n:])
	if name == "" || runeLen(name) > 12 {
		return false
	}
	for _, suf := range []string{"网", "报", "社", "台", "在线", "新闻", "频道", "客户端", "官网"} {
		if strings.HasSuffix(name, suf) {
			return true
		}
	}
	for _, w := range []string{"News", "Daily", "Times", "Online", "Net", "Xinhua", "CGTN", "Post"} {
		if strings.HasSuffix(name, w) {
			return true
		}
	}
	return false
}

// zhTrailingConnectives end a Chinese title line that goes on in the next:
// a function word that needs what follows.
var zhTrailingConnectives = []string{"的", "与", "和", "及", "暨", "之", "在", "对", "为", "同", "向", "从", "把", "关于", "以及", "并", "和对", "及其"}

// zhLeadingConnectives start a Chinese title line that continues the one
// before: a conjunction or a particle.
var zhLeadingConnectives = []string{"和", "与", "及", "暨", "以及", "并", "的", "之"}

func hasZhPrefix(s string, list []string) bool {
	for _, p := range list {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// zhOpenEnd reports whether Chinese title line a stops inside a phrase: it
// ends with a comma, enumeration comma, colon or connective, or leaves a
// bracket or quotation open.
func zhOpenEnd(a string) bool {
	a = strings.TrimRightFunc(a, isHSpace)
	last, _ := utf8.DecodeLastRuneInString(a)
	if strings.ContainsRune("，、：,:—-《“（「『【", last) && !strings.HasSuffix(a, "——") {
		return true
	}
	for _, c := range zhTrailingConnectives {
		if strings.HasSuffix(a, c) {
			return true
		}
	}
	for _, pair := range [][2]string{{"《", "》"}, {"“", "”"}, {"（", "）"}, {"「", "」"}, {"【", "】"}} {
		if strings.Count(a, pair[0]) > strings.Count(a, pair[1]) {
			return true
		}
	}
	return false
}

// document assembles the Document text and paragraphs from the units and
// splits the sentences.
func (d *docBuilder) document(name string, rules *Rules) *Document {
	us := d.build()
	doc := &Document{Name: name, Lang: d.lang}
	size := 0
	for _, u := range us {
		size += len(u.text) + 1
	}
	var b strings.Builder
	if len(us) > 1 {
		b.Grow(size)
	}
	paras := make([]Paragraph, 0, len(us))
	for i, u := range us {
		if i > 0 {
			b.WriteByte('\n')
		}
		start := b.Len()
		b.WriteString(u.text)
		paras = append(paras, Paragraph{Span: Span{start, b.Len()}, Kind: u.kind, Line: d.lines[u.first].no})
	}
	doc.Text = b.String()
	if len(us) == 1 {
		doc.Text = us[0].text // the same bytes, without a copy of a long line
	}
	for i := range paras {
		p := &paras[i]
		lang := d.lang
		if p.Kind == Foreign {
			lang = us[i].lang
		}
		if lang == Unknown {
			lang = us[i].lang
			if lang == Unknown {
				lang = English
			}
		}
		p.Sentences, p.Subs = SplitSentences(doc.Text, p.Span, lang, rules)
	}
	doc.Paragraphs = paras
	return doc
}
