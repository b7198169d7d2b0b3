package segment

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// Names of the cleaning rules, as they appear in Change.Rule. Any of them can
// be listed in Segmenter.Disable to switch it off; CleaningRules lists them
// all. RuleInvalidBytes is not a cleaning rule: it records the replacements
// made by decoding when Segmenter.ReplaceInvalid is set.
const (
	RuleLineEndings      = "line-endings"      // CRLF, CR, U+2028, U+2029 → LF (one summary change)
	RuleIndent           = "indent"            // spaces, tabs, NBSP, U+3000 at the start of a line
	RuleTrailingSpace    = "trailing-space"    // the same at the end of a line
	RuleZeroWidth        = "zero-width"        // U+200B–U+200D, U+2060, U+FEFF, soft hyphen U+00AD inside the text
	RuleControl          = "control"           // C0/C1 control characters (not tab or newline), U+FFFE, U+FFFF
	RuleBookmark         = "word-bookmark"     // "[bookmark: _GoBack]" and other Word export bookmarks
	RuleMoreLink         = "more-link"         // "【详细】", "[更多]" and similar link labels of web pages
	RuleBreadcrumb       = "breadcrumb"        // a navigation line "A>>B>>C" (with its source/time/editor tail)
	RuleFooter           = "footer"            // a page footer or metadata line: 来源:, 责任编辑, 排行榜…
	RuleCaptionDuplicate = "caption-duplicate" // "1. 标题" followed by "标题": the second is dropped
	RuleMojibake         = "mojibake-gbk"      // GBK bytes read as Latin-1: "£¬" → "，"
	RuleBrokenParagraph  = "broken-paragraph"  // a paragraph broken mid-sentence by page layout, rejoined
	RuleTitleJoin        = "title-join"        // a title broken over two or three lines, rejoined
	RuleUnwrap           = "unwrap"            // hard-wrapped English lines joined into their paragraph
	RuleForeign          = "foreign-paragraph" // a paragraph in the other language, set apart (Kind Foreign)
	RuleInvalidBytes     = "invalid-bytes"     // decoding replaced an invalid sequence by U+FFFD
)

// CleaningRules returns the names of all cleaning rules in the order they
// are applied: a new slice on each call, which the caller may change.
func CleaningRules() []string {
	return []string{
		RuleLineEndings, RuleControl, RuleZeroWidth, RuleBookmark, RuleMoreLink,
		RuleMojibake, RuleIndent, RuleTrailingSpace, RuleBreadcrumb, RuleFooter,
		RuleCaptionDuplicate, RuleUnwrap, RuleBrokenParagraph, RuleTitleJoin, RuleForeign,
	}
}

// ruleSet says which rules are on.
type ruleSet map[string]bool

func newRuleSet(disable []string) (ruleSet, error) {
	all := CleaningRules()
	on := make(ruleSet, len(all))
	for _, r := range all {
		on[r] = true
	}
	for _, d := range disable {
		if _, ok := on[d]; !ok {
			return nil, &Error{Err: fmt.Errorf("unknown cleaning rule %q in Disable (known: %s)", d, strings.Join(all, ", "))}
		}
		on[d] = false
	}
	return on, nil
}

// line is one line of the decoded input after line-level cleaning.
type line struct {
	text    string // cleaned text, without line ending
	no      int    // 1-based line number in the decoded input
	off     int    // byte offset of the line start in the decoded input
	raw     string // the line as decoded, without line ending
	end     string // the line ending that followed it in the input ("" at EOF)
	dropped bool   // removed by a line rule (reported)
	lang    Lang   // script of the cleaned text; Unknown for blank or neutral lines
	heading bool   // a heading or title paragraph in a Word or HTML document
}

func (l *line) blank() bool { return l.dropped || l.text == "" }

// splitLines cuts text into lines at LF, CRLF, CR, U+2028 and U+2029. It
// reports a single line-ending change when any ending other than LF was seen.
func splitLines(text string, on ruleSet, rep *[]Change) []line {
	lines := make([]line, 0, strings.Count(text, "\n")+1)
	crlf, cr, sep := 0, 0, 0
	first := -1
	no := 1
	start := 0
	for i := 0; i < len(text); {
		c := text[i]
		var n int
		switch {
		case c == '\n':
			n = 1
		case c == '\r':
			n = 1
			if i+1 < len(text) && text[i+1] == '\n' {
				n = 2
				crlf++
			} else {
				cr++
			}
		case c == 0xE2 && i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0xA8 || text[i+2] == 0xA9):
			n = 3
			sep++
		default:
			i++
			continue
		}
		if n > 1 || c != '\n' {
			if first < 0 {
				first = len(lines)
			}
			if !on[RuleLineEndings] {
				// Not normalised: a CR or separator stays inside the line,
				// where the control rule (if on) reports it.
				if c == '\r' && n == 1 || c == 0xE2 {
					i += n
					continue
				}
				if n == 2 { // CRLF: cut at LF, keep CR in the line
					i++
					continue
				}
			}
		}
		lines = append(lines, line{raw: text[start:i], no: no, off: start, end: text[i : i+n]})
		no++
		i += n
		start = i
	}
	lines = append(lines, line{raw: text[start:], no: no, off: start})
	if first >= 0 && on[RuleLineEndings] {
		var parts []string
		if crlf > 0 {
			parts = append(parts, fmt.Sprintf("%d CRLF", crlf))
		}
		if cr > 0 {
			parts = append(parts, fmt.Sprintf("%d CR", cr))
		}
		if sep > 0 {
			parts = append(parts, fmt.Sprintf("%d U+2028/U+2029", sep))
		}
		l := lines[first]
		*rep = append(*rep, Change{Rule: RuleLineEndings, Line: l.no, Offset: l.off + len(l.raw), Old: l.end, New: "\n",
			Note: strings.Join(parts, ", ") + " line endings normalised to LF"})
	}
	return lines
}

// edit replaces raw[start:end] of a line by repl.
type edit struct {
	start, end int
	repl       string
	rule       string
}

func isHSpace(r rune) bool {
	switch r {
	case ' ', '\t', 0xA0, 0x3000, 0x1680, 0x202F, 0x205F:
		return true
	}
	return r >= 0x2000 && r <= 0x200A
}

// isZeroWidth: the invisible characters of the zero-width rule, the soft
// hyphen U+00AD (Word's optional hyphen, HTML's &shy;) included.
func isZeroWidth(r rune) bool {
	return r == 0x200B || r == 0x200C || r == 0x200D || r == 0x2060 || r == 0xFEFF || r == 0xAD
}

func isControl(r rune) bool {
	return r < 0x20 && r != '\t' || r >= 0x7F && r <= 0x9F || r == 0xFFFE || r == 0xFFFF
}

// cleanLine applies the character-level rules to one line and sets its
// cleaned text; every edit is appended to rep with its input position.
// Where two edits overlap, the one starting first (or the longer) wins and
// the other is neither applied nor reported.
func cleanLine(l *line, on ruleSet, rep *[]Change) {
	raw := l.raw
	var edits []edit
	// One byte scan tells which character rules can fire at all: controls
	// and DEL; U+0080–U+00FF (C1 controls, Latin-1 mojibake: lead bytes C2,
	// C3); U+200B–U+200D, U+2060, U+FEFF, U+FFFE, U+FFFF; brackets "[" and
	// "【" (E3 80 90).
	var ctl, latin1, special, bracket bool
	for i := 0; i < len(raw); i++ {
		switch c := raw[i]; {
		case c < 0x20 && c != '\t' || c == 0x7F:
			ctl = true
		case c == 0xC2 || c == 0xC3:
			latin1 = true
		case c == 0xE2 && i+2 < len(raw) && (raw[i+1] == 0x80 && raw[i+2] >= 0x8B && raw[i+2] <= 0x8D || raw[i+1] == 0x81 && raw[i+2] == 0xA0),
			c == 0xEF && i+2 < len(raw) && (raw[i+1] == 0xBB && raw[i+2] == 0xBF || raw[i+1] == 0xBF && raw[i+2] >= 0xBE):
			special = true
		case c == '[':
			bracket = true
		case c == 0xE3 && i+2 < len(raw) && raw[i+1] == 0x80 && raw[i+2] == 0x90:
			bracket = true
		}
	}
	if ctl || latin1 || special {
		edits = charEdits(raw, on, edits)
	}
	if bracket && (on[RuleBookmark] || on[RuleMoreLink]) {
		edits = tokenEdits(raw, on, edits)
	}
	if latin1 && on[RuleMojibake] {
		edits = mojibakeEdits(raw, edits)
	}
	// Indentation and trailing space: whitespace and zero-width runs at the
	// ends of the line.
	if on[RuleIndent] {
		j := 0
		for j < len(raw) {
			r, n := utf8.DecodeRuneInString(raw[j:])
			if !isHSpace(r) && !isZeroWidth(r) {
				break
			}
			j += n
		}
		if j > 0 && j < len(raw) {
			edits = append(edits, edit{0, j, "", RuleIndent})
		}
	}
	if on[RuleTrailingSpace] {
		j := len(raw)
		for j > 0 {
			r, n := utf8.DecodeLastRuneInString(raw[:j])
			if !isHSpace(r) && !isZeroWidth(r) {
				break
			}
			j -= n
		}
		// A token removed at the end of the line takes the space before it.
		for _, e := range edits {
			if e.repl == "" && e.end >= j && e.start < j && (e.rule == RuleMoreLink || e.rule == RuleBookmark) {
				k := e.start
				for k > 0 {
					r, n := utf8.DecodeLastRuneInString(raw[:k])
					if !isHSpace(r) {
						break
					}
					k -= n
				}
				if k < e.start {
					edits = append(edits, edit{k, e.start, "", RuleTrailingSpace})
				}
			}
		}
		if j < len(raw) {
			edits = append(edits, edit{j, len(raw), "", RuleTrailingSpace})
		}
	}
	if len(edits) == 0 {
		l.text = raw
		return
	}
	// Longest first among edits starting at the same place; drop overlaps.
	slices.SortStableFunc(edits, func(a, b edit) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return b.end - a.end
	})
	var b strings.Builder
	b.Grow(len(raw))
	pos := 0
	for _, e := range edits {
		if e.start < pos {
			continue
		}
		b.WriteString(raw[pos:e.start])
		b.WriteString(e.repl)
		*rep = append(*rep, Change{Rule: e.rule, Line: l.no, Offset: l.off + e.start, Old: raw[e.start:e.end], New: e.repl})
		pos = e.end
	}
	b.WriteString(raw[pos:])
	l.text = b.String()
	// A line of white space only is emptied by the trailing-space rule (the
	// indent rule leaves it alone), so it becomes a blank line, on record.
}

// charEdits removes control and zero-width characters (each run one edit).
func charEdits(raw string, on ruleSet, edits []edit) []edit {
	ctl, zw := on[RuleControl], on[RuleZeroWidth]
	if !ctl && !zw {
		return edits
	}
	for i := 0; i < len(raw); {
		r, n := utf8.DecodeRuneInString(raw[i:])
		var rule string
		switch {
		case ctl && isControl(r):
			rule = RuleControl
		case zw && isZeroWidth(r) && !(r == 0x200D && joinsSymbols(raw, i, n)):
			rule = RuleZeroWidth
		default:
			i += n
			continue
		}
		j := i + n
		for j < len(raw) {
			r2, n2 := utf8.DecodeRuneInString(raw[j:])
			if rule == RuleControl && !isControl(r2) || rule == RuleZeroWidth && !isZeroWidth(r2) {
				break
			}
			j += n2
		}
		edits = append(edits, edit{i, j, "", rule})
		i = j
	}
	return edits
}

// joinsSymbols reports whether the ZERO WIDTH JOINER at raw[i:i+n] sits
// between two symbols (an emoji sequence), where it is meaningful.
func joinsSymbols(raw string, i, n int) bool {
	p, _ := utf8.DecodeLastRuneInString(raw[:i])
	q, _ := utf8.DecodeRuneInString(raw[i+n:])
	return unicode.Is(unicode.So, p) && unicode.Is(unicode.So, q) || p == 0xFE0F
}

// moreLabels are the words of link labels such as 【详细】 or [更多].
var moreLabels = []string{"详细", "更多", "详情", "全文", "阅读全文", "查看全文", "点击查看", "打印", "关闭", "收藏", "返回", "返回顶部", "关闭窗口", "打印本页", "Read more", "More"}

// tokenEdits finds bracketed artifacts: Word bookmarks "[bookmark: NAME]"
// and web link labels in 【】 or [] brackets.
func tokenEdits(raw string, on ruleSet, edits []edit) []edit {
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c == '[' {
			j := strings.IndexByte(raw[i+1:min(len(raw), i+81)], ']')
			if j < 0 {
				continue
			}
			inner := raw[i+1 : i+1+j]
			end := i + j + 2
			switch {
			case on[RuleBookmark] && isBookmark(inner):
				edits = append(edits, edit{i, end, "", RuleBookmark})
				i = end - 1
			case on[RuleMoreLink] && isMoreLabel(inner):
				edits = append(edits, edit{i, end, "", RuleMoreLink})
				i = end - 1
			}
			continue
		}
		if c == 0xE3 && strings.HasPrefix(raw[i:], "【") && on[RuleMoreLink] {
			rest := raw[i+3 : min(len(raw), i+3+40)]
			j := strings.Index(rest, "】")
			if j >= 0 && isMoreLabel(rest[:j]) {
				end := i + 3 + j + 3
				edits = append(edits, edit{i, end, "", RuleMoreLink})
				i = end - 1
			}
		}
	}
	return edits
}

// isBookmark recognises the inside of "[bookmark: _GoBack]" and the like:
// "bookmark:" then a name made of letters, digits and underscores.
func isBookmark(inner string) bool {
	name, ok := strings.CutPrefix(inner, "bookmark:")
	if !ok {
		return false
	}
	name = strings.TrimSpace(name)
	if name == "" {
		return false
	}
	for _, r := range name {
		if !(r == '_' || r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))) {
			return false
		}
	}
	return true
}

func isMoreLabel(inner string) bool {
	inner = strings.TrimSpace(inner)
	inner = strings.TrimRight(inner, ".>»…")
	inner = strings.TrimLeft(inner, ">»")
	for _, m := range moreLabels {
		if strings.EqualFold(inner, m) {
			return true
		}
	}
	return false
}

// mojibakeEdits repairs GBK text that was read as Latin-1: a run of
// characters U+00A1–U+00FE whose code points, taken as bytes, form GB2312
// double-byte characters that are all hanzi or CJK punctuation. To spare real
// Latin-1 text ("café", "créée") the run must either hold two or more such
// pairs or contain a Latin-1 symbol (not a letter): "£¬" → "，".
func mojibakeEdits(raw string, edits []edit) []edit {
	var buf [8]byte
	var dec *encoding.Decoder // made on first use; decoders are not shared between goroutines
	for i := 0; i < len(raw); {
		r, n := utf8.DecodeRuneInString(raw[i:])
		if r < 0xA1 || r > 0xFE {
			i += n
			continue
		}
		j := i
		var seq []byte
		for j < len(raw) {
			r2, n2 := utf8.DecodeRuneInString(raw[j:])
			if r2 < 0xA1 || r2 > 0xFE {
				break
			}
			seq = append(seq, byte(r2))
			j += n2
		}
		if dec == nil {
			dec = simplifiedchinese.GBK.NewDecoder()
		}
		if fixed, ok := gbkPairs(dec, seq, buf[:]); ok {
			edits = append(edits, edit{i, j, fixed, RuleMojibake})
		}
		i = j
	}
	return edits
}

func gbkPairs(dec *encoding.Decoder, seq []byte, buf []byte) (string, bool) {
	if len(seq) < 2 || len(seq)%2 != 0 {
		return "", false
	}
	symbol := false
	var out strings.Builder
	for k := 0; k < len(seq); k += 2 {
		a, b := seq[k], seq[k+1]
		if a > 0xF7 {
			return "", false
		}
		for _, c := range [2]byte{a, b} {
			if c < 0xC0 || c == 0xD7 || c == 0xF7 {
				symbol = true
			}
		}
		dec.Reset()
		nDst, nSrc, err := dec.Transform(buf, seq[k:k+2], true)
		if err != nil || nSrc != 2 {
			return "", false
		}
		r, _ := utf8.DecodeRune(buf[:nDst])
		if !isHan(r) && !isCJKPunct(r) {
			return "", false
		}
		out.WriteRune(r)
	}
	if !symbol && len(seq) < 4 {
		return "", false
	}
	return out.String(), true
}

// isCJKPunct reports whether r is CJK or full-width punctuation, or one of
// the general punctuation marks GB2312 uses in Chinese text.
func isCJKPunct(r rune) bool {
	switch {
	case r >= 0x3000 && r <= 0x303F, r >= 0xFF01 && r <= 0xFF0F, r >= 0xFF1A && r <= 0xFF20,
		r >= 0xFF3B && r <= 0xFF40, r >= 0xFF5B && r <= 0xFF65:
		return true
	}
	switch r {
	case '—', '…', '“', '”', '‘', '’', '·':
		return true
	}
	return false
}

// lineRules applies the rules that remove whole lines: breadcrumbs, footers
// and the second copy of a photo caption.
func lineRules(lines []line, on ruleSet, rep *[]Change) {
	drop := func(l *line, rule, note string) {
		l.dropped = true
		// The change removes the whole raw line: the character-level
		// changes already listed inside it (indentation, a link label…)
		// would account for the same bytes twice, so they go.
		kept := (*rep)[:0]
		for _, c := range *rep {
			inLine := c.Offset >= l.off && c.Offset < l.off+len(l.raw) && c.Line == l.no
			if inLine && c.Rule != "bom" && c.Rule != RuleInvalidBytes && c.Rule != RuleLineEndings {
				continue
			}
			kept = append(kept, c)
		}
		*rep = append(kept, Change{Rule: rule, Line: l.no, Offset: l.off, Old: l.raw, Note: note})
	}
	for i := range lines {
		l := &lines[i]
		if l.text == "" {
			continue
		}
		switch {
		case on[RuleBreadcrumb] && isBreadcrumb(l.text):
			drop(l, RuleBreadcrumb, "navigation line removed")
		case on[RuleFooter] && isFooter(l.text):
			drop(l, RuleFooter, "page footer or metadata line removed")
		}
	}
	if on[RuleCaptionDuplicate] {
		prev := -1
		for i := range lines {
			l := &lines[i]
			if l.blank() {
				prev = -1
				continue
			}
			if prev >= 0 && isCaptionRepeat(lines[prev].text, l.text) {
				drop(l, RuleCaptionDuplicate, fmt.Sprintf("repeats the caption on line %d", lines[prev].no))
				prev = -1
				continue
			}
			prev = i
		}
	}
}

// isBreadcrumb: a line with at least two navigation separators (">>", "»",
// " > ", "＞") between short items and no sentence end, or a short line that
// starts with "当前位置" and the like, or with "首页"/"Home" and a separator.
func isBreadcrumb(s string) bool {
	if len(s) > 600 || endsSentence(s) {
		return false
	}
	n := strings.Count(s, ">>") + strings.Count(s, "»") + strings.Count(s, " > ") + strings.Count(s, "＞＞") + strings.Count(s, "＞")
	for _, p := range []string{"当前位置", "您的位置", "您现在的位置", "所在位置", "You are here"} {
		if strings.HasPrefix(s, p) && runeLen(s) <= 100 {
			return true
		}
	}
	if n >= 1 && (strings.HasPrefix(s, "首页") || strings.HasPrefix(s, "Home")) && runeLen(s) <= 100 {
		return true
	}
	if n < 2 {
		return false
	}
	// The items between separators are short (navigation labels).
	items := strings.FieldsFunc(s, func(r rune) bool { return r == '>' || r == '»' || r == '＞' })
	short := 0
	for _, it := range items {
		if utf8.RuneCountInString(strings.TrimSpace(it)) <= 12 {
			short++
		}
	}
	return short >= 2
}

// footerFields are labels of a press page's metadata fields; they count only
// when a colon follows ("来源:人民网"). footerPhrases are page furniture that
// counts on its own ("48小时排行榜").
var (
	footerFields  = []string{"来源", "责任编辑", "责编", "编辑", "作者", "发布时间", "时间", "浏览次数", "点击数", "Source", "Editor", "Author"}
	footerPhrases = []string{"排行榜", "评论榜", "打印本页", "关闭窗口", "返回顶部", "分享到", "版权所有", "Copyright ©", "All rights reserved"}
)

// isFooter: a line that does not end a sentence and carries a footer phrase,
// at least two labelled fields ("来源:… 时间:…"), a labelled field in
// brackets "(责编:高雷)", or is a short line starting with a field label
// ("来源：新华社"). A line with sentence punctuation inside needs more.
func isFooter(s string) bool {
	if len(s) > 400 || endsSentence(s) && !strings.HasSuffix(s, ")") && !strings.HasSuffix(s, "）") {
		return false
	}
	score := 0
	for _, m := range footerPhrases {
		if strings.Contains(s, m) {
			score += 2
		}
	}
	for _, m := range footerFields {
		for rest := s; ; {
			k := strings.Index(rest, m)
			if k < 0 {
				break
			}
			rest = rest[k+len(m):]
			if strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "：") {
				score++
				if isOpenParenBefore(s, len(s)-len(rest)-len(m)) {
					score++
				}
				break
			}
		}
	}
	if strings.Contains(s, "。") || strings.Contains(s, "，") || strings.Contains(s, ". ") {
		return score >= 4
	}
	if score == 1 && runeLen(s) <= 40 {
		// A single labelled field that starts the line: "来源：新华社".
		for _, m := range footerFields {
			if rest, ok := strings.CutPrefix(s, m); ok && (strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "：")) {
				return true
			}
		}
	}
	return score >= 2
}

// isOpenParenBefore reports whether s[:i] ends with "(" or "（".
func isOpenParenBefore(s string, i int) bool {
	return strings.HasSuffix(s[:i], "(") || strings.HasSuffix(s[:i], "（")
}

// isCaptionRepeat: cur is "N. TEXT" (or "N、TEXT") and next is TEXT again.
func isCaptionRepeat(cur, next string) bool {
	body, ok := cutNumberMarker(cur)
	if !ok || body == "" || body != next {
		return false
	}
	n := utf8.RuneCountInString(body)
	return n <= 60 && !endsSentence(body)
}

// cutNumberMarker removes a leading "1. ", "1、", "(1)" or "①" marker.
func cutNumberMarker(s string) (string, bool) {
	i := 0
	for i < len(s) && (s[i] >= '0' && s[i] <= '9') {
		i++
	}
	if i > 0 && i <= 3 && i < len(s) {
		rest := s[i:]
		for _, p := range []string{".", "、", "．", ")", "）"} {
			if r, ok := strings.CutPrefix(rest, p); ok {
				return strings.TrimLeftFunc(r, isHSpace), true
			}
		}
		return "", false
	}
	r, n := utf8.DecodeRuneInString(s)
	if r >= '①' && r <= '⑳' {
		return strings.TrimLeftFunc(s[n:], isHSpace), true
	}
	return "", false
}
