package segment

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp/syntax"
	"strconv"
	"strings"

	"github.com/bitextlab/zhen/internal/rules"
)

// SRXReport says what LoadSRX did with an SRX file: what it used and what it
// could not use. Nothing in the file is dropped without an entry here.
type SRXReport struct {
	Name    string        // the name given to LoadSRX
	Version string        // the srx version attribute, e.g. "2.0"
	Cascade bool          // the header's cascade attribute
	Used    int           // rules compiled into the Rules
	Skipped []SkippedRule // rules that Go's RE2 cannot express, in file order
	Notes   []string      // other things read but not used, with their line
}

// SkippedRule is an SRX rule that LoadSRX left out, with the reason.
type SkippedRule struct {
	Line     int    // 1-based line of the <rule> element
	LangRule string // name of its <languagerule>
	Index    int    // 0-based index of the rule in its language rule
	Break    bool   // the rule's break attribute
	Before   string // its <beforebreak> pattern, as written in the file
	After    string // its <afterbreak> pattern, as written in the file
	Reason   string // e.g. "look-ahead (?= is not supported by RE2"
}

// String formats the skipped rule as "NAME:LINE: rule N of "LANG": REASON".
func (s SkippedRule) String() string {
	return fmt.Sprintf("line %d: rule %d of %q (before %q, after %q): %s", s.Line, s.Index, s.LangRule, s.Before, s.After, s.Reason)
}

// LoadSRX reads an SRX 2.0 file (as exported by OmegaT, Trados or Okapi) and
// returns its rules, compiled for Go's RE2 engine, named name (also used in
// errors). Patterns written for Java or ICU are translated where the
// meaning is the same (\uXXXX, \p{IsL}, \p{IsHan}); rules that RE2 cannot
// express (look-around, back-references, possessive quantifiers, class
// intersection, Java-only classes) are left out and listed in the report,
// and so is anything else the file holds that Rules does not use (format
// handles, segmentsubflows). Malformed XML, a missing language rule name or
// a map to an unknown language rule is an error that names the file and
// line. The rules for a language are those of the language maps whose
// pattern matches "zh-CN" or "en-US" (all of them when cascade="yes", the
// first otherwise), as in SRX.
func LoadSRX(r io.Reader, name string) (*Rules, *SRXReport, error) {
	if r == nil {
		return nil, nil, fmt.Errorf("segment: %s: srx: no input (nil reader)", name)
	}
	data, err := readLimited(r, MaxRulesBytes, "an SRX file")
	if err != nil {
		return nil, nil, fmt.Errorf("segment: %s: srx: %w", name, err)
	}
	src, err := decodeXML(data)
	if err != nil {
		return nil, nil, fmt.Errorf("segment: %s: srx: %w", name, stripPrefix(err))
	}
	rep := &SRXReport{Name: name}
	d := xml.NewDecoder(strings.NewReader(src))
	d.Strict = true
	d.CharsetReader = keepCharset
	errf := func(line int, format string, args ...any) error {
		return fmt.Errorf("segment: %s:%d: srx: %s", name, line, fmt.Sprintf(format, args...))
	}
	var (
		rs        = RuleSet{Name: name}
		seenSRX   bool
		cascadeOK bool
		cur       *LangRule
		curRule   *Rule
		ruleLine  int
		ruleIndex int
		text      *strings.Builder
		names     = map[string]int{} // language rule name -> line
		mapLines  []int
	)
	for {
		line, _ := d.InputPos()
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return nil, nil, errf(se.Line, "malformed XML: %s", se.Msg)
			}
			return nil, nil, errf(line, "%v", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			attr := func(k string) (string, bool) {
				for _, a := range t.Attr {
					if a.Name.Local == k {
						return a.Value, true
					}
				}
				return "", false
			}
			switch t.Name.Local {
			case "srx":
				seenSRX = true
				rep.Version, _ = attr("version")
				if rep.Version != "2.0" {
					rep.Notes = append(rep.Notes, fmt.Sprintf("line %d: srx version %q read as 2.0", line, rep.Version))
				}
			case "header":
				v, ok := attr("cascade")
				cascadeOK = ok
				rs.Cascade = v == "yes"
				rep.Cascade = rs.Cascade
				if v, ok := attr("segmentsubflows"); ok {
					rep.Notes = append(rep.Notes, fmt.Sprintf("line %d: segmentsubflows=%q not used (plain text has no subflows)", line, v))
				}
			case "formathandle":
				rep.Notes = append(rep.Notes, fmt.Sprintf("line %d: formathandle not used (plain text has no format codes)", line))
			case "languagerule":
				n, ok := attr("languagerulename")
				if !ok || n == "" {
					return nil, nil, errf(line, "<languagerule> without languagerulename")
				}
				if l, dup := names[n]; dup {
					return nil, nil, errf(line, "language rule %q defined twice (first at line %d)", n, l)
				}
				names[n] = line
				rs.Languages = append(rs.Languages, LangRule{Name: n})
				cur = &rs.Languages[len(rs.Languages)-1]
				ruleIndex = 0
			case "rule":
				if cur == nil {
					return nil, nil, errf(line, "<rule> outside <languagerule>")
				}
				b := true
				if v, ok := attr("break"); ok {
					switch v {
					case "yes":
					case "no":
						b = false
					default:
						return nil, nil, errf(line, "rule break=%q: want \"yes\" or \"no\"", v)
					}
				}
				curRule = &Rule{Break: b}
				ruleLine = line
			case "beforebreak", "afterbreak":
				if curRule == nil {
					return nil, nil, errf(line, "<%s> outside <rule>", t.Name.Local)
				}
				text = &strings.Builder{}
			case "languagemap":
				pat, ok1 := attr("languagepattern")
				rn, ok2 := attr("languagerulename")
				if !ok1 || !ok2 {
					return nil, nil, errf(line, "<languagemap> needs languagepattern and languagerulename")
				}
				p, err := javaToRE2(pat)
				if err != nil {
					return nil, nil, errf(line, "languagepattern %q: %v", pat, err)
				}
				rs.Maps = append(rs.Maps, LangMap{Pattern: p, RuleName: rn})
				mapLines = append(mapLines, line)
			case "body", "languagerules", "maprules":
			default:
				rep.Notes = append(rep.Notes, fmt.Sprintf("line %d: element <%s> not used", line, t.Name.Local))
			}
		case xml.CharData:
			if text != nil {
				text.Write(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "beforebreak":
				if curRule != nil && text != nil {
					curRule.Before = text.String()
				}
				text = nil
			case "afterbreak":
				if curRule != nil && text != nil {
					curRule.After = text.String()
				}
				text = nil
			case "rule":
				if curRule == nil || cur == nil {
					break
				}
				before, e1 := javaToRE2(curRule.Before)
				after, e2 := javaToRE2(curRule.After)
				e := errors.Join(e1, e2)
				if e == nil {
					// A pattern RE2 parses may still be beyond what the
					// engine compiles (a program too large): check the
					// rule alone, so the report names its line.
					e = checkRule(Rule{Break: curRule.Break, Before: before, After: after})
				}
				if e != nil {
					rep.Skipped = append(rep.Skipped, SkippedRule{
						Line: ruleLine, LangRule: cur.Name, Index: ruleIndex,
						Break: curRule.Break, Before: curRule.Before, After: curRule.After,
						Reason: strings.ReplaceAll(e.Error(), "\n", "; "),
					})
				} else {
					cur.Rules = append(cur.Rules, Rule{Break: curRule.Break, Before: before, After: after})
					rep.Used++
				}
				ruleIndex++
				curRule = nil
			case "languagerule":
				cur = nil
			}
		}
	}
	if !seenSRX {
		return nil, nil, errf(1, "no <srx> element: not an SRX file")
	}
	if !cascadeOK {
		rep.Notes = append(rep.Notes, "header: no cascade attribute, read as cascade=\"no\"")
	}
	for i, m := range rs.Maps {
		if _, ok := names[m.RuleName]; !ok {
			return nil, nil, errf(mapLines[i], "language map %q names unknown language rule %q", m.Pattern, m.RuleName)
		}
	}
	rules, err := NewRules(rs)
	if err != nil {
		return nil, nil, fmt.Errorf("segment: %s: %w", name, err)
	}
	for _, l := range []Lang{Chinese, English} {
		code := CodeChinese
		if l == English {
			code = CodeEnglish
		}
		if len(rules.For(l)) == 0 {
			rep.Notes = append(rep.Notes, fmt.Sprintf("no language map with rules matches %s: %s text is not split into sentences with these rules", code, l.name()))
		}
	}
	return rules, rep, nil
}

// checkRule compiles one rule alone and returns why the engine cannot use
// it, or nil.
func checkRule(r Rule) error {
	_, err := rules.Compile([]rules.Rule{{Break: r.Break, Before: r.Before, After: r.After}})
	var re *rules.Error
	if errors.As(err, &re) {
		return fmt.Errorf("RE2: %v", re.Err)
	}
	return err
}

// javaToRE2 translates a Java / ICU regular expression as used in SRX files
// into RE2 syntax where the meaning is kept, and reports what RE2 cannot
// express.
func javaToRE2(p string) (string, error) {
	var b strings.Builder
	inClass := 0
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c == '\\' && i+1 < len(p):
			n := p[i+1]
			switch {
			case n == 'u' && i+5 < len(p) && isHex(p[i+2:i+6]):
				b.WriteString(`\x{` + p[i+2:i+6] + `}`)
				i += 5
				continue
			case n >= '1' && n <= '9' && inClass == 0:
				return "", fmt.Errorf("back-reference \\%c is not supported by RE2", n)
			case (n == 'p' || n == 'P') && i+2 < len(p) && p[i+2] == '{':
				end := strings.IndexByte(p[i:], '}')
				if end < 0 {
					return "", fmt.Errorf("unterminated \\%c{", n)
				}
				prop := p[i+3 : i+end]
				if strings.HasPrefix(prop, "Is") && validProp(prop[2:]) {
					prop = prop[2:]
				}
				if strings.HasPrefix(prop, "java") || !validProp(prop) {
					return "", fmt.Errorf("character property \\%c{%s} is not supported by RE2", n, prop)
				}
				b.WriteString(`\` + string(n) + `{` + prop + `}`)
				i += end
				continue
			case n == 'Q':
				end := strings.Index(p[i+2:], `\E`)
				if end < 0 {
					b.WriteString(p[i:])
					i = len(p)
					continue
				}
				b.WriteString(p[i : i+2+end+2])
				i += 2 + end + 1
				continue
			}
			b.WriteByte(c)
			b.WriteByte(n)
			i++
			continue
		case c == '[':
			inClass++
		case c == ']' && inClass > 0:
			inClass--
		case c == '&' && inClass > 0 && i+1 < len(p) && p[i+1] == '&':
			return "", errors.New("class intersection && is not supported by RE2")
		case c == '(' && inClass == 0 && strings.HasPrefix(p[i:], "(?"):
			for _, la := range []string{"(?=", "(?!", "(?<=", "(?<!", "(?>"} {
				if strings.HasPrefix(p[i:], la) {
					what := map[string]string{"(?=": "look-ahead", "(?!": "negative look-ahead", "(?<=": "look-behind", "(?<!": "negative look-behind", "(?>": "atomic group"}[la]
					return "", fmt.Errorf("%s %s is not supported by RE2", what, la)
				}
			}
		case (c == '+') && inClass == 0 && i > 0 && strings.IndexByte("*+?}", p[i-1]) >= 0 && !escaped(p, i-1):
			return "", errors.New("possessive quantifier is not supported by RE2")
		}
		b.WriteByte(c)
	}
	out := b.String()
	if _, err := syntax.Parse(out, syntax.Perl); err != nil {
		return "", fmt.Errorf("RE2: %v", err)
	}
	return out, nil
}

// escaped reports whether p[i] is preceded by an odd number of backslashes.
func escaped(p string, i int) bool {
	n := 0
	for j := i - 1; j >= 0 && p[j] == '\\'; j-- {
		n++
	}
	return n%2 == 1
}

func isHex(s string) bool {
	_, err := strconv.ParseUint(s, 16, 32)
	return err == nil && len(s) == 4
}

func validProp(name string) bool {
	_, err := syntax.Parse(`\p{`+name+`}`, syntax.Perl)
	return err == nil
}
