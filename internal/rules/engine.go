// Package rules is the segmentation rule engine behind package segment: an
// ordered list of break / no-break rules with SRX 2.0 semantics, evaluated
// with Go's RE2 regular expressions in linear time.
//
// # Semantics
//
// A rule has a Before pattern, which must match a piece of text that ends at a
// candidate position, and an After pattern, which must match a piece of text
// that starts there. At every position between two characters of the text
// the rules are tried in order and the first rule whose two patterns both
// match decides: a break rule cuts the text there, a no-break rule does not.
// A position no rule matches is not a break. An empty pattern matches
// everywhere. "^" and "$" refer to the start and end of the whole text that
// is being segmented (a paragraph), as in SRX.
//
// # Cost
//
// RE2 has no look-behind. The engine matches a Before pattern backwards: the
// pattern is reversed (concatenations and literals turned around, ^ and $
// swapped) and matched, anchored, against the reversed text that ends at the
// position, so a failing check stops at the first character that cannot
// match. An After pattern is matched, anchored, on the text that starts at
// the position. When the longest possible match of a pattern is bounded (no
// *, + or {n,}), the window given to it is just large enough and the result
// is exact. When it is unbounded, the window is MaxContext bytes, so an
// unbounded pattern sees at most MaxContext bytes of context (a documented
// limit; SRX rules in practice look at a word or two). Consecutive rules of
// the same kind with the same After pattern are merged into one alternation.
// Positions are only examined when the character before them can end the
// Before pattern of some break rule (a set computed from the patterns), and a
// rule is only tried when the characters next to the position can end its
// Before and start its After, so a paragraph without punctuation costs one
// table look-up per character and the time is linear in the text.
//
// A pattern whose per-position match would cost more than a fixed budget
// (its window times its program size, as for Q.{1,200}) is instead
// evaluated once per paragraph by a scanner that runs its program over the
// whole paragraph and marks every position where it matches, with the same
// MaxContext limit. No pattern may compile to more than MaxProgram
// instructions, so every rule costs at most a fixed amount per character of
// text, whatever its pattern.
package rules

import (
	"errors"
	"fmt"
	"regexp"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxContext is the number of bytes of context an unbounded pattern (one
// with *, + or {n,}) can see on its side of a candidate position.
const MaxContext = 256

// MaxProgram is the largest compiled pattern (in instructions of its
// program) Compile accepts. A pattern's cost per character of text is at
// most proportional to its program, so this bounds what one rule can cost;
// the default rules' largest pattern has a few hundred instructions.
const MaxProgram = 10000

// Rule is one SRX rule.
type Rule struct {
	Break  bool   // true: break here; false: do not break here
	Before string // RE2 pattern that must match text ending at the position
	After  string // RE2 pattern that must match text starting at the position
}

// Set is a compiled, ordered list of rules. It is safe for concurrent use.
type Set struct {
	groups    []group
	trig      runeSet   // runes that can end a break rule's Before
	trigAny   bool      // some break rule's Before can end in anything (or is nullable)
	trigASCII [2]uint64 // the ASCII part of trig
	n         int       // number of rules
	behind    int       // bytes of context the Before patterns need
}

// group is a run of consecutive rules of the same kind with the same After
// pattern; their Before patterns are merged into one alternation, which
// changes nothing under first-match-wins semantics.
type group struct {
	brk    bool
	before side
	after  side
}

// side is one compiled pattern (Before or After) with its prefilter.
type side struct {
	empty bool           // pattern is empty: always matches
	full  *regexp.Regexp // for windows that reach the paragraph edge
	trunc *regexp.Regexp // for truncated windows: ^ / $ at the cut never match
	// Before patterns are matched backwards: the reversed pattern, anchored,
	// on the reversed window, so a failing check stops at the first
	// character that cannot match instead of scanning the window.
	maxLen   int     // longest match in bytes, -1 if unbounded
	edge     runeSet // runes that can be last (Before) / first (After) in a match
	edgeAny  bool    // any rune can be at the edge
	nullable bool    // the pattern can match the empty string
	// scan evaluates the side at every position of a paragraph in one
	// pass; it is used (useScan) for patterns whose per-position match
	// would be costly.
	scan    *scanner
	useScan bool
}

// Error is a rule that does not compile.
type Error struct {
	Index   int    // index of the rule in the list given to Compile
	Pattern string // the offending pattern
	Err     error  // the regexp error
	after   bool   // the After pattern failed
}

// Error formats the error as "rule N: pattern "P": reason".
func (e *Error) Error() string {
	return fmt.Sprintf("rule %d: pattern %q: %v", e.Index, e.Pattern, e.Err)
}

// Unwrap returns the regexp error.
func (e *Error) Unwrap() error { return e.Err }

// Compile checks and compiles rules, in order. An error names the first
// rule (by index) whose pattern does not compile.
func Compile(rules []Rule) (*Set, error) {
	s := &Set{n: len(rules)}
	before := make([]*syntax.Regexp, len(rules))
	after := make([]*syntax.Regexp, len(rules))
	for i, r := range rules {
		var err error
		if before[i], err = parse(r.Before); err != nil {
			return nil, &Error{Index: i, Pattern: r.Before, Err: err}
		}
		if after[i], err = parse(r.After); err != nil {
			return nil, &Error{Index: i, Pattern: r.After, Err: err}
		}
	}
	for i := 0; i < len(rules); {
		j := i + 1
		for j < len(rules) && rules[j].Break == rules[i].Break && rules[j].After == rules[i].After {
			j++
		}
		if j-i > 1 && !slices.Contains(before[i:j], nil) {
			// Merged as parsed trees, so that the alternation means
			// exactly the rules it holds, however each was written.
			alt := &syntax.Regexp{Op: syntax.OpAlternate, Sub: before[i:j]}
			if g, err := compileGroup(rules[i].Break, alt, after[i]); err == nil {
				s.add(g)
				i = j
				continue
			}
			// The alternation is beyond a limit of the regexp package
			// (program size) although each pattern is not: keep the
			// rules apart.
			j = i + 1
		}
		for k := i; k < j; k++ {
			g, err := compileGroup(rules[k].Break, before[k], after[k])
			if err != nil {
				var e *Error
				if errors.As(err, &e) {
					e.Index = k
					e.Pattern = rules[k].Before
					if e.after {
						e.Pattern = rules[k].After
					}
				}
				return nil, err
			}
			s.add(g)
		}
		i = j
	}
	for c := 0; c < utf8.RuneSelf; c++ {
		if s.trig.has(rune(c)) {
			s.trigASCII[c>>6] |= 1 << (c & 63)
		}
	}
	return s, nil
}

// parse parses a pattern; the empty pattern is nil (it matches anywhere).
func parse(p string) (*syntax.Regexp, error) {
	if p == "" {
		return nil, nil
	}
	return syntax.Parse(p, syntax.Perl)
}

// compileGroup compiles one group; the error is an *Error without its index
// and pattern.
func compileGroup(brk bool, before, after *syntax.Regexp) (group, error) {
	b, err := compileSide(before, true)
	if err != nil {
		return group{}, &Error{Err: err}
	}
	a, err := compileSide(after, false)
	if err != nil {
		return group{}, &Error{Err: err, after: true}
	}
	return group{brk: brk, before: b, after: a}, nil
}

// add appends g to the set and updates the context size and trigger set.
func (s *Set) add(g group) {
	b := &g.before
	if b.maxLen < 0 {
		s.behind = MaxContext
	} else {
		s.behind = min(MaxContext, max(s.behind, b.maxLen+utf8.UTFMax))
	}
	if g.brk {
		if b.empty || b.nullable || b.edgeAny {
			s.trigAny = true
		} else {
			s.trig.union(&b.edge)
		}
	}
	s.groups = append(s.groups, g)
}

// MustCompile is Compile for rule tables known to be valid; it panics on error.
func MustCompile(rules []Rule) *Set {
	s, err := Compile(rules)
	if err != nil {
		panic("rules: " + err.Error())
	}
	return s
}

// Len returns the number of rules in the set.
func (s *Set) Len() int { return s.n }

func compileSide(re *syntax.Regexp, before bool) (side, error) {
	if re == nil {
		return side{empty: true, nullable: true, edgeAny: true}, nil
	}
	var (
		sd  side
		err error
	)
	sd.maxLen = maxLen(re)
	// A Before pattern is scanned forwards as written, an After pattern
	// backwards, reversed.
	scanTree := re
	if before {
		sd.nullable = lastSet(re, &sd.edge, &sd.edgeAny)
		re = reverse(re)
	} else {
		sd.nullable = firstSet(re, &sd.edge, &sd.edgeAny)
		scanTree = reverse(re)
	}
	window := MaxContext
	if sd.maxLen >= 0 {
		window = min(MaxContext, sd.maxLen+utf8.UTFMax)
	}
	if sd.scan, err = newScanner(scanTree); err != nil {
		return side{}, err
	}
	if n := len(sd.scan.prog.Inst); n > MaxProgram {
		return side{}, fmt.Errorf("pattern too large: %d instructions once compiled, more than %d", n, MaxProgram)
	}
	sd.useScan = len(sd.scan.prog.Inst)*window > scanCostLimit
	// The regexp package compiles only pattern text: the parsed (and, for
	// Before, reversed) tree is written back by writePattern, which prints
	// classes as plain ranges and costs time linear in the tree.
	var b strings.Builder
	b.WriteString(`\A`)
	writePattern(&b, re, inConcat)
	if sd.full, err = regexp.Compile(b.String()); err != nil {
		return side{}, err
	}
	if !hasEdge(re) {
		sd.trunc = sd.full
		return sd, nil
	}
	b.Reset()
	b.WriteString(`\A`)
	writePattern(&b, cutEdges(re), inConcat)
	if sd.trunc, err = regexp.Compile(b.String()); err != nil {
		return side{}, err
	}
	return sd, nil
}

// hasEdge reports whether re holds a text-edge or line-edge assertion.
func hasEdge(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpBeginText, syntax.OpEndText, syntax.OpBeginLine, syntax.OpEndLine:
		return true
	}
	for _, s := range re.Sub {
		if hasEdge(s) {
			return true
		}
	}
	return false
}

// Contexts of writePattern: what a subexpression is part of, which says
// whether it needs a group around it.
const (
	inTop    = iota // the whole pattern or a branch of an alternation
	inConcat        // an element of a concatenation
	inRepeat        // the operand of *, +, ? or {n,m}
)

// writePattern writes re in RE2 syntax that parses back to the same
// matcher under any flags: operators carry their own flags ((?i:…) for case
// folding, (?s:.) and (?-s:.), (?m:^), \A and \z), classes are written as
// lists of ranges and groups do not capture. Groups are added only where
// precedence needs them, so the nesting depth stays that of the pattern.
func writePattern(b *strings.Builder, re *syntax.Regexp, ctx int) {
	group := func(need bool, body func()) {
		if need {
			b.WriteString(`(?:`)
		}
		body()
		if need {
			b.WriteString(`)`)
		}
	}
	switch re.Op {
	case syntax.OpNoMatch:
		b.WriteString(`[^\x00-\x{10FFFF}]`)
	case syntax.OpEmptyMatch:
		b.WriteString(`(?:)`)
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			b.WriteString(`(?i:`)
			for _, r := range re.Rune {
				writeRune(b, r)
			}
			b.WriteString(`)`)
			return
		}
		group(len(re.Rune) != 1 && ctx == inRepeat, func() {
			for _, r := range re.Rune {
				writeRune(b, r)
			}
		})
	case syntax.OpCharClass:
		if len(re.Rune) == 0 {
			b.WriteString(`[^\x00-\x{10FFFF}]`)
			return
		}
		b.WriteByte('[')
		for i := 0; i+1 < len(re.Rune); i += 2 {
			writeRune(b, re.Rune[i])
			if re.Rune[i+1] != re.Rune[i] {
				b.WriteByte('-')
				writeRune(b, re.Rune[i+1])
			}
		}
		b.WriteByte(']')
	case syntax.OpAnyCharNotNL:
		b.WriteString(`(?-s:.)`)
	case syntax.OpAnyChar:
		b.WriteString(`(?s:.)`)
	case syntax.OpBeginLine:
		b.WriteString(`(?m:^)`)
	case syntax.OpEndLine:
		b.WriteString(`(?m:$)`)
	case syntax.OpBeginText:
		b.WriteString(`\A`)
	case syntax.OpEndText:
		b.WriteString(`\z`)
	case syntax.OpWordBoundary:
		b.WriteString(`\b`)
	case syntax.OpNoWordBoundary:
		b.WriteString(`\B`)
	case syntax.OpCapture:
		writePattern(b, re.Sub[0], ctx)
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		group(ctx == inRepeat, func() {
			writePattern(b, re.Sub[0], inRepeat)
			switch re.Op {
			case syntax.OpStar:
				b.WriteByte('*')
			case syntax.OpPlus:
				b.WriteByte('+')
			case syntax.OpQuest:
				b.WriteByte('?')
			default:
				b.WriteByte('{')
				b.WriteString(strconv.Itoa(re.Min))
				if re.Max != re.Min {
					b.WriteByte(',')
					if re.Max >= 0 {
						b.WriteString(strconv.Itoa(re.Max))
					}
				}
				b.WriteByte('}')
			}
			if re.Flags&syntax.NonGreedy != 0 {
				b.WriteByte('?')
			}
		})
	case syntax.OpConcat:
		group(ctx == inRepeat, func() {
			for _, s := range re.Sub {
				writePattern(b, s, inConcat)
			}
		})
	case syntax.OpAlternate:
		group(ctx != inTop, func() {
			for i, s := range re.Sub {
				if i > 0 {
					b.WriteByte('|')
				}
				writePattern(b, s, inTop)
			}
		})
	default:
		panic(fmt.Sprintf("rules: unexpected regexp operator %v", re.Op))
	}
}

// writeRune writes r as an escape that means r alone, inside or outside a
// class.
func writeRune(b *strings.Builder, r rune) {
	if r < utf8.RuneSelf && (r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
		b.WriteRune(r)
		return
	}
	b.WriteString(`\x{`)
	b.WriteString(strconv.FormatInt(int64(r), 16))
	b.WriteByte('}')
}

// reverse returns a pattern that matches the reversal of the strings re
// matches (text edges swapped), for matching a Before pattern backwards
// from the candidate position.
func reverse(re *syntax.Regexp) *syntax.Regexp {
	c := *re
	switch re.Op {
	case syntax.OpBeginText:
		c.Op = syntax.OpEndText
	case syntax.OpEndText:
		c.Op = syntax.OpBeginText
	case syntax.OpBeginLine:
		c.Op = syntax.OpEndLine
	case syntax.OpEndLine:
		c.Op = syntax.OpBeginLine
	case syntax.OpLiteral:
		c.Rune = make([]rune, len(re.Rune))
		for i, r := range re.Rune {
			c.Rune[len(re.Rune)-1-i] = r
		}
	}
	if len(re.Sub) > 0 {
		c.Sub = make([]*syntax.Regexp, len(re.Sub))
		for i, s := range re.Sub {
			if re.Op == syntax.OpConcat {
				c.Sub[len(re.Sub)-1-i] = reverse(s)
			} else {
				c.Sub[i] = reverse(s)
			}
		}
	}
	return &c
}

// cutEdges returns a copy of re in which the text-edge assertions ^, $, \A,
// \z and the line-edge assertions can never match: used on truncated windows,
// whose ends are not the ends of the paragraph.
func cutEdges(re *syntax.Regexp) *syntax.Regexp {
	c := *re
	switch re.Op {
	case syntax.OpBeginText, syntax.OpEndText, syntax.OpBeginLine, syntax.OpEndLine:
		return &syntax.Regexp{Op: syntax.OpNoMatch}
	}
	if len(re.Sub) > 0 {
		c.Sub = make([]*syntax.Regexp, len(re.Sub))
		for i, s := range re.Sub {
			c.Sub[i] = cutEdges(s)
		}
	}
	return &c
}

// maxLen returns the longest match of re in bytes, or -1 if unbounded.
func maxLen(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpNoMatch, syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine,
		syntax.OpBeginText, syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return 0
	case syntax.OpLiteral:
		n := 0
		for _, r := range re.Rune {
			if re.Flags&syntax.FoldCase != 0 {
				n += utf8.UTFMax
			} else {
				n += runeLen(r)
			}
		}
		return n
	case syntax.OpCharClass:
		if len(re.Rune) == 0 {
			return 0
		}
		return runeLen(re.Rune[len(re.Rune)-1])
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return utf8.UTFMax
	case syntax.OpCapture:
		return maxLen(re.Sub[0])
	case syntax.OpStar, syntax.OpPlus:
		if maxLen(re.Sub[0]) == 0 {
			return 0
		}
		return -1
	case syntax.OpQuest:
		return maxLen(re.Sub[0])
	case syntax.OpRepeat:
		m := maxLen(re.Sub[0])
		if m == 0 {
			return 0
		}
		if re.Max < 0 || m < 0 {
			return -1
		}
		return m * re.Max
	case syntax.OpConcat:
		n := 0
		for _, s := range re.Sub {
			m := maxLen(s)
			if m < 0 {
				return -1
			}
			n += m
		}
		return n
	case syntax.OpAlternate:
		n := 0
		for _, s := range re.Sub {
			m := maxLen(s)
			if m < 0 {
				return -1
			}
			n = max(n, m)
		}
		return n
	}
	return -1
}

func runeLen(r rune) int {
	if n := utf8.RuneLen(r); n > 0 {
		return n
	}
	return utf8.UTFMax
}

// lastSet adds to set the runes that can be the last rune of a match of re
// and reports whether re can match the empty string. *any is set when the
// last rune can be anything.
func lastSet(re *syntax.Regexp, set *runeSet, any *bool) bool {
	return edgeSet(re, set, any, true)
}

// firstSet is lastSet for the first rune of a match.
func firstSet(re *syntax.Regexp, set *runeSet, any *bool) bool {
	return edgeSet(re, set, any, false)
}

func edgeSet(re *syntax.Regexp, set *runeSet, any *bool, last bool) bool {
	switch re.Op {
	case syntax.OpNoMatch:
		return false
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine,
		syntax.OpBeginText, syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return true
		}
		r := re.Rune[0]
		if last {
			r = re.Rune[len(re.Rune)-1]
		}
		set.add(r, r)
		if re.Flags&syntax.FoldCase != 0 {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				set.add(f, f)
			}
		}
		return false
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			set.add(re.Rune[i], re.Rune[i+1])
		}
		return false
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		*any = true
		return false
	case syntax.OpCapture, syntax.OpPlus:
		return edgeSet(re.Sub[0], set, any, last)
	case syntax.OpStar, syntax.OpQuest:
		edgeSet(re.Sub[0], set, any, last)
		return true
	case syntax.OpRepeat:
		n := edgeSet(re.Sub[0], set, any, last)
		return n || re.Min == 0
	case syntax.OpConcat:
		subs := re.Sub
		for k := range subs {
			s := subs[k]
			if last {
				s = subs[len(subs)-1-k]
			}
			if !edgeSet(s, set, any, last) {
				return false
			}
		}
		return true
	case syntax.OpAlternate:
		null := false
		for _, s := range re.Sub {
			if edgeSet(s, set, any, last) {
				null = true
			}
		}
		return null
	}
	*any = true
	return true
}

// Breaks calls emit, in increasing order, with every position p, lo < p < hi,
// at which the rules break text[lo:hi]. Positions are byte offsets into text.
// Invalid UTF-8 is read as U+FFFD, one byte at a time.
func (s *Set) Breaks(text string, lo, hi int, emit func(pos int)) {
	if s == nil || len(s.groups) == 0 {
		return
	}
	lo = max(lo, 0)
	hi = min(hi, len(text))
	m := matcher{set: s, text: text, lo: lo, hi: hi}
	for i := lo; i < hi; {
		c := text[i]
		var r rune
		if c < utf8.RuneSelf {
			i++
			if !s.trigAny && s.trigASCII[c>>6]&(1<<(c&63)) == 0 {
				continue
			}
			r = rune(c)
		} else {
			var size int
			r, size = utf8.DecodeRuneInString(text[i:hi])
			i += size
			if !s.trigAny && !s.trig.has(r) {
				continue
			}
		}
		if i >= hi {
			break
		}
		if m.decide(i, r) {
			emit(i)
		}
	}
}

// matcher holds the state of one Breaks call: the reversed window before
// the current candidate, built once per candidate and only when needed.
type matcher struct {
	set    *Set
	text   string
	lo, hi int
	rev    []byte // text[revAt-len(rev):revAt] reversed rune by rune
	revAt  int    // position rev was built for, -1 if none
	revCut bool   // the window does not reach lo
	// marks[2*g] and marks[2*g+1] hold, for the scanned Before and After
	// sides of group g, the positions where they match; built on first use.
	marks [][]bool
	scan  scanState
}

// decide applies the rules at position pos (prev is the rune before it).
func (m *matcher) decide(pos int, prev rune) bool {
	m.revAt = -1
	next := rune(-1)
	if pos < m.hi {
		if c := m.text[pos]; c < utf8.RuneSelf {
			next = rune(c)
		} else {
			next, _ = utf8.DecodeRuneInString(m.text[pos:m.hi])
		}
	}
	for gi := range m.set.groups {
		g := &m.set.groups[gi]
		// cheap checks on the runes next to pos first, then the patterns
		if !g.before.empty && !g.before.nullable && !g.before.edgeAny && !g.before.edge.has(prev) {
			continue
		}
		if !g.after.empty && !g.after.nullable && !g.after.edgeAny && (next < 0 || !g.after.edge.has(next)) {
			continue
		}
		if !g.before.empty && !m.matchSide(gi, 0, &g.before, pos) {
			continue
		}
		if !g.after.empty && !m.matchSide(gi, 1, &g.after, pos) {
			continue
		}
		return g.brk
	}
	return false
}

// matchSide matches side k (0 Before, 1 After) of group gi at pos.
func (m *matcher) matchSide(gi, k int, sd *side, pos int) bool {
	if !sd.useScan {
		if k == 0 {
			return m.matchBefore(sd, pos)
		}
		return m.matchAfter(sd, pos)
	}
	if m.marks == nil {
		m.marks = make([][]bool, 2*len(m.set.groups))
	}
	mk := m.marks[2*gi+k]
	if mk == nil {
		mk = make([]bool, m.hi-m.lo+1)
		sd.scan.run(&m.scan, m.text, m.lo, m.hi, k == 0, mk)
		m.marks[2*gi+k] = mk
	}
	return mk[pos-m.lo]
}

func (m *matcher) matchBefore(sd *side, pos int) bool {
	if m.revAt != pos {
		start := pos - m.set.behind
		m.revCut = start > m.lo
		if m.revCut {
			// a cut window starts at a rune; an uncut one at lo, whatever
			// byte is there (in invalid UTF-8, a continuation byte: moving
			// past it would take the next rune for the paragraph's start)
			start = runeStartAfter(m.text, start, pos)
		} else {
			start = m.lo
		}
		m.rev = m.rev[:0]
		for e := pos; e > start; {
			_, n := utf8.DecodeLastRuneInString(m.text[start:e])
			m.rev = append(m.rev, m.text[e-n:e]...)
			e -= n
		}
		m.revAt = pos
	}
	if sd.maxLen < 0 {
		if m.revCut {
			return sd.trunc.Match(m.rev)
		}
		return sd.full.Match(m.rev)
	}
	// A bounded pattern needs no more than its longest match and one rune of
	// context; a match never reaches the end of that window, so the window's
	// end is never taken for the paragraph's start.
	w := m.rev
	if n := sd.maxLen + utf8.UTFMax; n < len(w) {
		w = w[:n]
	}
	return sd.full.Match(w)
}

func (m *matcher) matchAfter(sd *side, pos int) bool {
	w := MaxContext
	if sd.maxLen >= 0 {
		w = sd.maxLen + utf8.UTFMax // one more rune, for \b and [^…] context
	}
	end := pos + w
	if end >= m.hi {
		return sd.full.MatchString(m.text[pos:m.hi])
	}
	end = runeStartBefore(m.text, end, pos)
	if sd.maxLen >= 0 {
		return sd.full.MatchString(m.text[pos:end])
	}
	return sd.trunc.MatchString(m.text[pos:end])
}

// runeStartAfter moves i forward (not past limit) to the start of a UTF-8
// sequence, by at most UTFMax-1 bytes: in invalid UTF-8, a run of
// continuation bytes is a run of one-byte runes, and i may stay inside it.
func runeStartAfter(text string, i, limit int) int {
	for k := 0; k < utf8.UTFMax-1 && i < limit && !utf8.RuneStart(text[i]); k++ {
		i++
	}
	return i // still inside continuation bytes only in invalid UTF-8
}

// runeStartBefore is runeStartAfter moving backwards, not below limit.
func runeStartBefore(text string, i, limit int) int {
	j := i
	for k := 0; k < utf8.UTFMax-1 && j > limit && !utf8.RuneStart(text[j]); k++ {
		j--
	}
	if j > limit && !utf8.RuneStart(text[j]) {
		return i // invalid UTF-8: any byte boundary will do
	}
	return j
}
