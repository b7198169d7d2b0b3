package segment

import (
	"fmt"
	"regexp"
	"sync"
	"unicode"

	"github.com/bitextlab/zhen/internal/rules"
)

// Rule is one sentence segmentation rule with SRX 2.0 semantics: at a
// position between two characters, the rule matches when Before matches the
// text that ends there and After matches the text that starts there. Break
// says whether a match cuts the text (a break rule) or keeps it together (an
// exception). Patterns use Go's RE2 syntax; an empty pattern matches
// everywhere, and "^" / "$" are the start and end of the paragraph.
//
// RE2 has no look-around: write explicit character classes such as
// [ \t\x{3000}\x{00A0}] rather than \s, \b or \w, which are ASCII-only.
// A pattern whose matches can be arbitrarily long (*, +, {n,}) sees at most
// 256 bytes of text on its side of the position; bounded patterns see all
// they need. Evaluation is linear in the length of the paragraph.
type Rule struct {
	Break  bool   // true: a break rule; false: an exception that forbids a break
	Before string // pattern that must match the text ending at the position ("" matches)
	After  string // pattern that must match the text starting at the position ("" matches)
}

// LangRule is a named, ordered list of rules (an SRX <languagerule>).
type LangRule struct {
	Name  string // the languagerulename that LangMap entries refer to
	Rules []Rule // in order: the first rule matching at a position decides
}

// LangMap maps language codes to a LangRule (an SRX <languagemap>). Pattern
// is a regular expression matched, case-insensitively, against the whole
// language code: "zh-CN" for Chinese and "en-US" for English.
type LangMap struct {
	Pattern  string // regular expression over the language code, e.g. "zh.*"
	RuleName string // the LangRule.Name it selects
}

// RuleSet is the data of a Rules value: what NewRules compiles and what
// Rules.RuleSet returns.
type RuleSet struct {
	Name string // a label for messages, e.g. "zhen-default" or the SRX file name
	// Cascade, as in SRX: when true, the rules for a language are the rules
	// of every map entry whose pattern matches its code, in map order; when
	// false, only the first matching entry's rules are used.
	Cascade   bool
	Languages []LangRule // the named rule lists
	Maps      []LangMap  // which rule lists apply to which language code, in order
	// SubSplits are rules with the same semantics whose breaks are not
	// sentence ends but optional sub-split points (after a Chinese "；", for
	// instance), reported by SplitSentences in subs. May be empty.
	SubSplits []Rule
	// TrimOmegaT selects OmegaT's notion of the white space trimmed from a
	// sentence's ends (Java's Character.isWhitespace: U+3000 is trimmed,
	// no-break spaces are not). When false, every Unicode space is trimmed.
	TrimOmegaT bool
}

// Rules is a compiled RuleSet, ready for SplitSentences. A Rules value is
// immutable and safe for concurrent use. The zero value and nil mean the
// default rules.
type Rules struct {
	data RuleSet
	// The rule engines for Chinese, English and the sub-split points,
	// compiled on first use: a program that splits only Chinese never
	// compiles the English cascade. Nil in the zero Rules.
	zh, en, subs func() *rules.Set
	trim         func(rune) bool
}

// Language codes used to select a language's rules in a RuleSet's Maps.
const (
	CodeChinese = "zh-CN"
	CodeEnglish = "en-US"
)

// NewRules checks and compiles a rule set. The error names the language rule
// and the index of the first rule whose pattern does not compile.
func NewRules(rs RuleSet) (*Rules, error) {
	return newRules(rs, true)
}

// newRules builds a Rules; with check, every language rule and the
// sub-split rules are compiled first, so that an error names its language
// rule (the built-in sets, known to compile, skip it). The engines for each
// language are compiled on first use: once every rule compiles alone they
// cannot fail.
func newRules(rs RuleSet, check bool) (*Rules, error) {
	r := &Rules{data: rs.clone(), trim: unicode.IsSpace}
	if rs.TrimOmegaT {
		r.trim = isJavaSpace
	}
	byName := map[string]*LangRule{}
	for i := range r.data.Languages {
		lr := &r.data.Languages[i]
		byName[lr.Name] = lr
		if !check {
			continue
		}
		if _, err := rules.Compile(toEngine(lr.Rules)); err != nil {
			return nil, fmt.Errorf("segment: rules %q: language rule %q: %w", rs.Name, lr.Name, err)
		}
	}
	if check {
		if _, err := rules.Compile(toEngine(r.data.SubSplits)); err != nil {
			return nil, fmt.Errorf("segment: rules %q: sub-split %w", rs.Name, err)
		}
	}
	type cmap struct {
		re   *regexp.Regexp
		name string
	}
	var maps []cmap
	for _, m := range r.data.Maps {
		re, err := regexp.Compile(`(?i)^(?:` + m.Pattern + `)$`)
		if err != nil {
			return nil, fmt.Errorf("segment: rules %q: language pattern %q: %v", rs.Name, m.Pattern, err)
		}
		if byName[m.RuleName] == nil {
			return nil, fmt.Errorf("segment: rules %q: language map %q names unknown language rule %q", rs.Name, m.Pattern, m.RuleName)
		}
		maps = append(maps, cmap{re, m.RuleName})
	}
	forCode := func(code string) func() *rules.Set {
		var list []Rule
		for _, m := range maps {
			if m.re.MatchString(code) {
				list = append(list, byName[m.name].Rules...)
				if !r.data.Cascade {
					break
				}
			}
		}
		return sync.OnceValue(func() *rules.Set { return rules.MustCompile(toEngine(list)) })
	}
	r.zh = forCode(CodeChinese)
	r.en = forCode(CodeEnglish)
	subs := r.data.SubSplits
	r.subs = sync.OnceValue(func() *rules.Set { return rules.MustCompile(toEngine(subs)) })
	return r, nil
}

func mustRules(rs RuleSet) *Rules {
	r, err := newRules(rs, false)
	if err != nil {
		panic(err)
	}
	return r
}

// Name returns the name of the rule set.
func (r *Rules) Name() string {
	if r == nil || r.zh == nil {
		return DefaultRules().data.Name
	}
	return r.data.Name
}

// RuleSet returns a copy of the data the rules were compiled from.
func (r *Rules) RuleSet() RuleSet {
	if r == nil || r.zh == nil {
		return DefaultRules().data.clone()
	}
	return r.data.clone()
}

// For returns the ordered rule list used for a language (Unknown: English).
func (r *Rules) For(lang Lang) []Rule {
	rs := r.RuleSet()
	code := CodeEnglish
	if lang == Chinese {
		code = CodeChinese
	}
	var out []Rule
	for _, m := range rs.Maps {
		re, err := regexp.Compile(`(?i)^(?:` + m.Pattern + `)$`)
		if err != nil || !re.MatchString(code) {
			continue
		}
		for _, lr := range rs.Languages {
			if lr.Name == m.RuleName {
				out = append(out, lr.Rules...)
				break
			}
		}
		if !rs.Cascade {
			break
		}
	}
	return out
}

func (r *Rules) orDefault() *Rules {
	if r == nil || r.zh == nil {
		return DefaultRules()
	}
	return r
}

func (rs RuleSet) clone() RuleSet {
	c := rs
	c.Languages = make([]LangRule, len(rs.Languages))
	for i, lr := range rs.Languages {
		c.Languages[i] = LangRule{Name: lr.Name, Rules: append([]Rule(nil), lr.Rules...)}
	}
	c.Maps = append([]LangMap(nil), rs.Maps...)
	c.SubSplits = append([]Rule(nil), rs.SubSplits...)
	return c
}

func toEngine(in []Rule) []rules.Rule {
	out := make([]rules.Rule, len(in))
	for i, r := range in {
		out[i] = rules.Rule{Break: r.Break, Before: r.Before, After: r.After}
	}
	return out
}

// isJavaSpace is Java's Character.isWhitespace, which OmegaT uses to trim
// segments: Unicode space separators except the no-break ones, and the
// ASCII controls \t \n \v \f \r and U+001C–U+001F.
func isJavaSpace(r rune) bool {
	switch {
	case r == ' ' || (r >= '\t' && r <= '\r') || (r >= 0x1C && r <= 0x1F):
		return true
	case r == 0x00A0 || r == 0x2007 || r == 0x202F:
		return false
	case r < 0x80:
		return false
	}
	return unicode.In(r, unicode.Zs, unicode.Zl, unicode.Zp)
}

// zhAttribution matches, after a closing quote, a short attribution that
// ends the quoted sentence: a speaker (no terminator, comma or quote) and a
// verb of saying, then 。/！ or a comma or colon and the quote's next part.
const zhAttribution = `(?:[^。！？!?；;，,、“”「」『』\n]{0,23}[^。！？!?；;，,、“”「」『』\n小学传听据演游解胡瞎劝]说|` +
	`(?:[他她我你]|记者|有人)问|[^。！？!?；;，,、“”「」『』\n]{1,24}(?:说道|问道|答道|写道|表示|指出|强调|感慨|感叹|回答|坦言))` +
	`(?:[。！]|[，,：:][ \x{3000}]{0,2}[“「『"])`

// Character classes of the built-in rules (explicit; RE2's \s is ASCII-only).
const (
	// white space, including no-break and ideographic spaces
	clsWS = `[\t\n\v\f\r \x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}]`
	// closing quotes and brackets kept with the sentence they close
	clsClose = `[”’」』）》〉】〕\)\]"'»›]`
	// Chinese sentence terminators (full-width and half-width ideographic)
	clsZhEnd = `[。！？｡]`
	// openers that may start a Chinese sentence
	clsZhOpen = `[“‘「『（《〈【〔\(\["']`
	// Java's \s, which OmegaT's rules use
	clsJavaWS = `[ \t\n\v\f\r]`
)

// DefaultRules returns the rules for Chinese–English press text (see the
// package manual, section Sentences). They are compiled once, on first use,
// and shared: the value is immutable.
//
//   - Chinese: a sentence ends after 。！？ and runs of them (？！, ！！,
//     ……。); closing quotes and brackets (”’」』）》〉】"') stay with the
//     sentence they close, so 。” ends a sentence; a break falls before an
//     opener; …… alone and ；do not end a sentence (；is a sub-split point,
//     as is ：before an opening quote); half-width .!? after a hanzi and
//     before a hanzi or opener end a sentence (web text); a quotation and a
//     short attribution after it are one sentence, as in the translation
//     (“……。”本扬说。 “……。”她说，“……” “……？”他问。).
//   - English: a sentence ends after .!? or … (with closers such as ." or ?)
//     attached) followed by white space, except before a lowercase word,
//     after a title or other abbreviation (Mr., Dr., Prof., St., Gen., Pres.,
//     e.g., i.e., et al., vs., Fig., …), after No./pp./Jan.–Dec. and similar
//     before a number, after initials (J. R. R. Tolkien, U.S., U.K.),
//     after a section label at the start of a paragraph (I., II., 1., 1.2.,
//     A.), after a.m./p.m. before a time zone (10 a.m. Beijing time), and
//     between a quoted question and its attribution (“Why?” Xi asked.).
//   - Labels in mid-paragraph stay with their item: after a sentence end
//     (.!?… and white space, or 。！？), a label I.–XXXIX., i.–xxxix., 1.,
//     1.2. or one letter followed by white space is not cut off ("Done.
//     III. Next steps …", "任务明确。II. 深化合作"), and a sentence ends
//     before "(b) ", "(iv) ", "(B) " and "a) " whatever follows them, and
//     before "b. " when a capital, hanzi or opener follows. A number after an
//     abbreviation that takes one is not a label: "See pp. 12. Then …",
//     "Fig. 2. The …", "Read Vol. II. The …" end after the number, and a
//     number or numeral after a word ("Chapter II. The …", "in 2.") ends
//     the sentence as before. Chinese markers (一、 （二） ③) start a
//     sentence after 。！？ as any other character does.
//   - Both rule sets apply to either language (the other language's set
//     second), so English inside a Chinese paragraph is split too.
//
// Known limits: an initialism or title at the very end of a sentence
// ("… the U.S. The …") keeps the two sentences together; "etc.", "Inc.",
// "Ltd." and "Co." before a capitalized word end the sentence; a sentence of
// one letter, numeral or number after a sentence end ("Who came? I. Then …")
// is read as a label and joined to the next.
func DefaultRules() *Rules { return defaultRules() }

var defaultRules = sync.OnceValue(func() *Rules { return mustRules(defaultRuleSet()) })

func defaultRuleSet() RuleSet {
	zh := []Rule{
		// never break before a closer, even after a space: it belongs to the
		// sentence it closes
		{Break: false, Before: ``, After: clsWS + `{0,2}` + clsClose},
		// runs of terminators are one: ？！, ！！, 。。
		{Break: false, Before: `[。！？｡!?]`, After: `[。！？｡!?]`},
		// …… alone does not end a Chinese sentence (lists: 格瓦拉 铁托 基辛格……)
		{Break: false, Before: `…`, After: ``},
		// a quotation and its short attribution are one sentence, as in the
		// English translation: “……。”本扬说。 / “……。”她说，“……” /
		// “……？”他问。 (the speaker takes up to 24 characters without a
		// comma; 说 not in 小说, 学说, 传说…; 问 after a pronoun or 记者)
		{Break: false, Before: `[。！？]{1,3}[”」』’"]`, After: zhAttribution},
		{Break: true, Before: clsZhEnd + `(?:` + clsWS + `{0,2}` + clsClose + `){0,4}`, After: ``},
		// an ellipsis or dash that closes a quotation ends the sentence: 不过……”
		{Break: true, Before: `(?:……|——)` + clsClose + `{1,4}`, After: `[^，、：；,;:]`},
		// half-width terminators in web text: 他来了.我走了
		{Break: true, Before: `\p{Han}` + clsClose + `?[.!?]{1,4}` + clsClose + `{0,4}`,
			After: clsWS + `*(?:\p{Han}|` + clsZhOpen + `)`},
	}
	abbrTitle := `Mr|Mrs|Ms|Mx|Dr|Prof|St|Mt|Ft|Pres|Gen|Gov|Sen|Rep|Reps|Amb|Rt|Dept|Govt|Lt|Col|Capt|Cmdr|Sgt|Adm|Maj|Rev|Hon|Messrs|Mme|Mlle|Msgr|Supt|Insp|Det|Fig|Figs|fig|figs|Eq|Eqs|eq|eqs|Ref|Refs|e\.g|i\.e|E\.g|I\.e|viz|cf|Cf|vs|Vs|et al|approx|Approx`
	abbrNum := `No|Nos|no|nos|Vol|Vols|vol|vols|Art|Arts|art|Sec|Secs|sec|Ch|Chap|ch|chap|pp|p|Para|para|Pt|pt|Op|op|Tel|tel|ca|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec`
	notWord := `(?:^|[^\p{Latin}\p{N}.])` // a hanzi may touch an abbreviation
	// list and section labels: I–XXXIX, i–xxxix, 1–999 and 1.2.3, one letter
	roman := `(?:X{0,3}(?:IX|IV|VI{0,3}|I{1,3})|X{1,3})`
	romanLower := `(?:x{0,3}(?:ix|iv|vi{0,3}|i{1,3})|x{1,3})`
	number := `[0-9]{1,3}(?:\.[0-9]{1,3}){0,3}`
	// what ends the sentence before a label in mid-paragraph: a terminator
	// (and closers) and white space; no white space is needed after 。！？
	afterEnd := `(?:[.!?…]` + clsClose + `{0,4}` + clsWS + `{1,8}|[。！？｡]` + clsClose + `{0,4}` + clsWS + `{0,8})`
	en := []Rule{
		// a question or exclamation in quotes and its attribution: “Why not?” President Xi asked.
		{Break: false, Before: `[?!][”"]`, After: clsWS + `{1,2}(?:\p{Lu}[\p{L}'.\-]*` + clsWS + `){1,4}(?:asked|said|added|replied|wrote|noted|stressed|explained|recalled|told)(?:[^\p{L}]|$)`},
		// a clock time before its time zone: 10 a.m. Beijing time, 3 p.m. GMT
		{Break: false, Before: `[0-9]` + clsWS + `?[ap]\.m\.`, After: clsWS + `{1,2}(?:(?:Beijing|local|Moscow|Tokyo|London|Paris|Brussels|Geneva|Washington|New York|Hong Kong|Eastern|Pacific|Central|Mountain|Greenwich) [Tt]ime|(?:GMT|UTC|CET|CEST|BST|[ECMP][SD]T)(?:[^\p{L}]|$))`},
		// section labels at the start of a paragraph: "I. …", "II. …", "1. …", "1.2. …", "A. …"
		{Break: false, Before: `^` + clsWS + `{0,8}(?:[IVXLCDM]{1,6}|[0-9]{1,3}(?:\.[0-9]{1,3}){0,3}|[A-Za-z])\.`, After: clsWS},
		// titles and abbreviations that never end a sentence
		{Break: false, Before: notWord + `(?:` + abbrTitle + `)\.`, After: clsWS},
		// abbreviations before a number: No. 1, pp. 3, Jan. 20, Vol. II.
		{Break: false, Before: notWord + `(?:` + abbrNum + `)\.`, After: clsWS + `+(?:[0-9(]|` + roman + `(?:[.:;)]|$))`},
		// initials and initialisms: J. R. R. Tolkien, U.S. Army; not "I."
		{Break: false, Before: notWord + `(?:[A-HJ-Z]\.|\p{Lu}\.\p{Lu}\.(?:\p{Lu}\.){0,4})`, After: clsWS + `+` + clsZhOpen + `?\p{Lu}`},
		// a spaced ellipsis ". . ." is one mark
		{Break: false, Before: `\.`, After: clsWS + `{1,2}\.`},
		// a number label before hanzi: 7. 开麦拉
		{Break: false, Before: `(?:^|[^0-9.])[0-9]{1,3}\.`, After: clsWS + `{1,4}\p{Han}`},
		// a sentence ends before a list label that a lowercase letter starts:
		// "(b) …", "(iv) …", "a) …", and "b. " / "iv. " before a capital,
		// a hanzi or an opener (not before a number: "Ibid. p. 45")
		{Break: true, Before: `[.!?…]` + clsClose + `{0,4}`,
			After: clsWS + `+(?:(?:[(（](?:[A-Za-z]|` + romanLower + `)[)）]|(?:[a-z]|` + romanLower + `)\))` + clsWS +
				`|(?:[a-z]|` + romanLower + `)\.` + clsWS + `+(?:\p{Lu}|\p{Han}|` + clsZhOpen + `))`},
		// no break before a lowercase word (also after ? and !): "Why? he asked"
		{Break: false, Before: `[.!?…]` + clsClose + `{0,4}`, After: clsWS + `+` + clsZhOpen + `*\p{Ll}`},
		// a number after an abbreviation of the kind that takes one is not a
		// label, so a period after it ends the sentence: "See pp. 12. Then",
		// "Fig. 2. The", "No. 10. Next", "Vol. II. The"
		{Break: true, Before: notWord + `(?:(?:` + abbrTitle + `|` + abbrNum + `)\.` + clsWS + `{1,8}` + number +
			`|(?:` + abbrNum + `)\.` + clsWS + `{1,8}` + roman + `)\.`, After: clsWS},
		// a section or list label after a sentence end stays with its item:
		// "Done. III. Next steps", "We agreed. 2. Main tasks", "。II. 深化合作"
		{Break: false, Before: afterEnd + `(?:` + roman + `|` + romanLower + `|` + number + `|[A-Za-z])\.`, After: clsWS},
		// the break: terminator, closers, white space
		{Break: true, Before: `[.!?…]` + clsClose + `{0,4}`, After: clsWS},
	}
	subs := []Rule{
		{Break: false, Before: ``, After: clsClose},
		{Break: true, Before: `；` + clsClose + `{0,4}`, After: ``},
		{Break: true, Before: `\p{Han};`, After: ``},
		{Break: true, Before: `：`, After: clsWS + `*[“「『"]`},
	}
	return RuleSet{
		Name:    "zhen-default",
		Cascade: true,
		Languages: []LangRule{
			{Name: "zh", Rules: zh},
			{Name: "en", Rules: en},
		},
		Maps: []LangMap{
			{Pattern: `zh.*`, RuleName: "zh"},
			{Pattern: `.*`, RuleName: "en"},
			{Pattern: `en.*`, RuleName: "zh"},
		},
		SubSplits: subs,
	}
}

// OmegaTRules returns rules that reproduce the default sentence segmentation of OmegaT 3.6 for
// Chinese (zh-CN) and English (en-US), so that the segments of a TMX equal
// the segments the CAT tool makes of the same paragraph and its matches are
// 100% matches. They were written from observation of OmegaT (see
// omegat.go and omegat_test.go, which runs OmegaT when it is installed),
// not from its rule files. Differences from DefaultRules: a Chinese
// sentence does not end when a closer follows (…开放。”随后… is one
// segment), half-width "." never ends a sentence in Chinese text, English
// breaks before lowercase words, and "^1. Capital" / "^1) Capital" at the
// start of a paragraph is split off. There are no sub-split points. They
// are compiled once, on first use, and shared.
func OmegaTRules() *Rules { return omegaTRules() }

var omegaTRules = sync.OnceValue(func() *Rules { return mustRules(omegaTRuleSet()) })

func omegaTRuleSet() RuleSet {
	ws := clsJavaWS
	zh := []Rule{
		{Break: true, Before: `[。！？]`, After: `[^？—”’」』）"]`},
		{Break: true, Before: `[?!]`, After: ws},
	}
	en := []Rule{
		{Break: false, Before: `etc\.`, After: ws + `+\P{Lu}`},
		{Break: false, Before: `[ap]\.?m\.`, After: ws + `[a-z]`},
		{Break: false, Before: `(?:^|[^.])\.\.\.`, After: ws + `+\P{Lu}`},
		{Break: false, Before: `(?:Mr|Mrs|Ms|Dr|Prof|St|Mt|M|U\.K|[Ff][Ii][Gg]|[Ee]\.[Gg]|[Ii]\.[Ee]|[Aa]pprox|[0-9]` + ws + `min|` + ws + `[Vv][Ss])\.`, After: ws},
		{Break: false, Before: ws + `[A-Z]\.`, After: ws},
		{Break: false, Before: `No\.`, After: ws + `[0-9]`},
		{Break: true, Before: `[.?!]`, After: ws},
	}
	numbering := []Rule{
		{Break: true, Before: `^` + ws + `{0,16}[0-9][0-9.)\]]{1,16}`, After: ws + `+\p{Lu}`},
		// a line that starts with a space starts a segment (not a tab, U+3000
		// or U+00A0)
		{Break: true, Before: `\n`, After: ` `},
	}
	return RuleSet{
		Name:    "omegat-3.6",
		Cascade: true,
		Languages: []LangRule{
			{Name: "Chinese", Rules: zh},
			{Name: "English", Rules: en},
			{Name: "Default", Rules: numbering},
		},
		Maps: []LangMap{
			{Pattern: `ZH.*`, RuleName: "Chinese"},
			{Pattern: `EN.*`, RuleName: "English"},
			{Pattern: `.*`, RuleName: "Default"},
		},
		TrimOmegaT: true,
	}
}
