package lexicon

import (
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/bitextlab/zhen/internal/xmltext"
)

// Entry is one term pair of a user glossary.
type Entry struct {
	Zh     string // Chinese term, such as "对外联络部" or "十八大"
	En     string // English term, such as "International Department"
	Source string // where it was read, "file:line"; may be empty
}

// Check reports whether e can be used: a Chinese term with no tab or line
// break and valid UTF-8, and an English term with at least one content word
// (not only stop words). [Lexicon.With] skips entries that fail it.
func (e Entry) Check() error {
	where := ""
	if e.Source != "" {
		where = e.Source + ": "
	}
	switch {
	case strings.TrimSpace(e.Zh) == "":
		return fmt.Errorf("lexicon: %sempty Chinese term", where)
	case !utf8.ValidString(e.Zh) || !utf8.ValidString(e.En):
		return fmt.Errorf("lexicon: %sinvalid UTF-8", where)
	case strings.ContainsAny(e.Zh, "\t\n\r"):
		return fmt.Errorf("lexicon: %sChinese term %q contains a tab or line break", where, e.Zh)
	case len(ContentStems(e.En)) == 0:
		return fmt.Errorf("lexicon: %sEnglish term %q has no content word (only stop words or none)", where, e.En)
	}
	return nil
}

// LoadTSV reads a glossary of tab-separated term pairs, one per line:
// Chinese TAB English. Further columns (notes) are ignored. Empty lines and
// lines starting with "#" are skipped. The first other line may be a
// header naming the columns (zh, zh-CN, chinese, source, src, 中文 … TAB en,
// en-US, english, target, tgt, 英文 …); a header "en TAB zh" swaps the
// columns for the whole file. A UTF-8 byte order mark is allowed.
//
// Errors name the file (name) and line: a line without a tab, an empty
// term, invalid UTF-8, an English term of stop words only, or an English
// column that holds Chinese while the Chinese column holds none (columns
// swapped without a header).
func LoadTSV(r io.Reader, name string) ([]Entry, error) {
	if r == nil {
		return nil, fmt.Errorf("lexicon: %s: no input", name)
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	var out []Entry
	n, swap, seenData := 0, false, false
	for sc.Scan() {
		n++
		line := strings.TrimSuffix(sc.Text(), "\r")
		if n == 1 {
			line = strings.TrimPrefix(line, "\ufeff")
		}
		if t := strings.TrimSpace(line); t == "" || t[0] == '#' {
			continue
		}
		where := fmt.Sprintf("%s:%d", name, n)
		if !utf8.ValidString(line) {
			return nil, fmt.Errorf("lexicon: %s: invalid UTF-8", where)
		}
		zh, rest, ok := strings.Cut(line, "\t")
		en, _, _ := strings.Cut(rest, "\t")
		if !ok {
			return nil, fmt.Errorf("lexicon: %s: want Chinese<TAB>English, have no tab in %q", where, line)
		}
		zh, en = strings.TrimSpace(zh), strings.TrimSpace(en)
		if !seenData {
			seenData = true
			if h1, h2 := headerCol(zh), headerCol(en); h1 != "" && h2 != "" && h1 != h2 {
				swap = h1 == "en"
				continue
			}
		}
		if swap {
			zh, en = en, zh
		}
		if zh == "" || en == "" {
			return nil, fmt.Errorf("lexicon: %s: empty term in %q", where, line)
		}
		if !hasHanRune(zh) && hasHanRune(en) {
			return nil, fmt.Errorf("lexicon: %s: the English column %q holds Chinese and the Chinese column %q none; columns swapped? (a header line \"en<TAB>zh\" says so)", where, en, zh)
		}
		e := Entry{Zh: zh, En: en, Source: where}
		if err := e.Check(); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("lexicon: %s:%d: %w", name, n+1, err)
	}
	return out, nil
}

// headerCol tells whether a header cell names the Chinese ("zh") or
// English ("en") column, or neither ("").
func headerCol(s string) string {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "zh", "zh-cn", "zh_cn", "zh-hans", "zh-hant", "zh-tw", "zh-hk", "cn", "chinese", "source", "src", "中文", "汉语", "源":
		return "zh"
	case "en", "en-us", "en_us", "en-gb", "en_gb", "english", "target", "tgt", "translation", "英文", "英语", "译文":
		return "en"
	}
	return ""
}

func hasHanRune(s string) bool {
	for _, r := range s {
		if isHan(r) {
			return true
		}
	}
	return false
}

// MaxTBXSize is the largest TBX file LoadTBX reads, in bytes (256 MiB).
const MaxTBXSize = 256 << 20

// maxCrossPairs is the most term pairs one TBX entry gives: up to it, every
// Chinese term of the entry is paired with every English term; beyond it
// the terms are paired in linear number (see LoadTBX).
const maxCrossPairs = 64

// TBXReport says how LoadTBXReport read a termbase.
type TBXReport struct {
	Entries int // termEntry and conceptEntry elements
	Pairs   int // term pairs returned
	// Linear lists the entries ("file:line") with so many terms that
	// pairing each Chinese term with each English term would give more
	// than 64 pairs: their terms were paired in a chain instead (see
	// LoadTBX).
	Linear []string
}

// LoadTBX reads Chinese–English term pairs from a TBX termbase: TBX-Basic
// and TBX 2 (martif: termEntry / langSet xml:lang / tig or ntig/termGrp /
// term) and TBX v3 (tbx: conceptEntry / langSec xml:lang / termSec / term).
// Every Chinese term of an entry is paired with every English term of it,
// up to 64 pairs per entry; an entry with more (n Chinese × m English
// terms) gives n+m-1 pairs instead: each Chinese term with the first
// English term, and the first Chinese term with each other English term,
// so that the cost stays linear in the size of the file (LoadTBXReport
// lists such entries).
//
// Languages are told by the xml:lang prefix ("zh", "zh-CN", "en-US", …),
// except that a term with Han characters counts as Chinese whatever its
// label, and that an entry with no English term but terms of exactly one
// other language takes those as English (Translate Toolkit's csv2tbx labels
// the columns "en" and "xx"). Other languages, and entries that still lack a
// Chinese or an English term, are ignored.
//
// The file may be UTF-8, UTF-16 (with a byte order mark) or an encoding
// its XML declaration names (GBK, GB18030, Big5, …), as the TMX reader
// accepts (see xmltext.NewDecoder); it is read as a stream, up to
// MaxTBXSize bytes. Errors name the file and line: data that is not XML,
// XML that is not well formed, invalid UTF-16, a file over MaxTBXSize, a
// term of an empty entry, or a file with no Chinese–English pair at all.
func LoadTBX(r io.Reader, name string) ([]Entry, error) {
	es, _, err := LoadTBXReport(r, name)
	return es, err
}

// LoadTBXReport is LoadTBX that also reports what it read.
func LoadTBXReport(r io.Reader, name string) ([]Entry, TBXReport, error) {
	var rep TBXReport
	if r == nil {
		return nil, rep, fmt.Errorf("lexicon: %s: no input", name)
	}
	d, err := xmltext.NewDecoder(r, MaxTBXSize)
	if err != nil {
		return nil, rep, tbxError(name, 1, err)
	}
	var (
		out        []Entry
		inEntry    bool
		entryLine  int
		zh, en     []string
		other      []string // terms of other languages, without Han characters
		otherLangs []string
		langStack  []string // xml:lang in scope per open element (inherited)
		termDepth  int      // >0 inside <term>
		term       strings.Builder
	)
	for {
		line, _ := d.InputPos()
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, rep, tbxError(name, line, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			lang := ""
			if len(langStack) > 0 {
				lang = langStack[len(langStack)-1]
			}
			for _, a := range t.Attr {
				if a.Name.Local == "lang" && (a.Name.Space == "xml" || a.Name.Space == "http://www.w3.org/XML/1998/namespace") {
					lang = strings.ToLower(a.Value)
				}
			}
			langStack = append(langStack, lang)
			switch t.Name.Local {
			case "termEntry", "conceptEntry":
				inEntry, entryLine, zh, en = true, line, zh[:0], en[:0]
				other, otherLangs = other[:0], otherLangs[:0]
				rep.Entries++
			case "term":
				if termDepth == 0 {
					term.Reset()
				}
				termDepth++
			}
		case xml.CharData:
			if termDepth > 0 {
				term.Write(t)
			}
		case xml.EndElement:
			lang := ""
			if len(langStack) > 0 {
				lang = langStack[len(langStack)-1]
				langStack = langStack[:len(langStack)-1]
			}
			switch t.Name.Local {
			case "term":
				if termDepth--; termDepth == 0 && inEntry {
					s := strings.Join(strings.Fields(term.String()), " ")
					switch {
					case s == "":
					case strings.HasPrefix(lang, "zh") || hasHanRune(s):
						zh = append(zh, s)
					case strings.HasPrefix(lang, "en"):
						en = append(en, s)
					default:
						other = append(other, s)
						if !slices.Contains(otherLangs, lang) {
							otherLangs = append(otherLangs, lang)
						}
					}
				}
			case "termEntry", "conceptEntry":
				inEntry = false
				if len(en) == 0 && len(otherLangs) == 1 {
					en = other // the one other language, as in csv2tbx output ("en" and "xx")
				}
				if len(zh) == 0 || len(en) == 0 {
					break
				}
				where := fmt.Sprintf("%s:%d", name, entryLine)
				add := func(z, e string) error {
					ent := Entry{Zh: z, En: e, Source: where}
					if err := ent.Check(); err != nil {
						return err
					}
					out = append(out, ent)
					return nil
				}
				if len(zh)*len(en) <= maxCrossPairs {
					for _, z := range zh {
						for _, e := range en {
							if err := add(z, e); err != nil {
								return nil, rep, err
							}
						}
					}
					break
				}
				rep.Linear = append(rep.Linear, where)
				for _, z := range zh {
					if err := add(z, en[0]); err != nil {
						return nil, rep, err
					}
				}
				for _, e := range en[1:] {
					if err := add(zh[0], e); err != nil {
						return nil, rep, err
					}
				}
			}
		}
	}
	rep.Pairs = len(out)
	if len(out) == 0 {
		return nil, rep, fmt.Errorf("lexicon: %s: no Chinese–English term pair in %d term entries (want termEntry or conceptEntry with zh and en terms)", name, rep.Entries)
	}
	return out, rep, nil
}

// tbxError formats an error of reading a TBX file: "lexicon: name:line: …".
func tbxError(name string, line int, err error) error {
	var se *xml.SyntaxError
	var pe *xmltext.PosError
	switch {
	case errors.As(err, &pe):
		return fmt.Errorf("lexicon: %s:%d (byte %d): %s", name, pe.Line, pe.Offset, pe.Msg)
	case errors.As(err, &se):
		return fmt.Errorf("lexicon: %s:%d: %s", name, se.Line, se.Msg)
	case errors.Is(err, xmltext.ErrTooLarge):
		return fmt.Errorf("lexicon: %s: a TBX file larger than %d bytes (MaxTBXSize)", name, MaxTBXSize)
	}
	return fmt.Errorf("lexicon: %s:%d: %s", name, line, strings.TrimPrefix(err.Error(), "xml: "))
}

// PhraseMatch is a glossary phrase found in English tokens by
// [Lexicon.MatchPhrases].
type PhraseMatch struct {
	Start, End int   // token index range [Start, End) in the tokens given
	Entry      int32 // the glossary entry whose English term this is
}

// With returns a new lexicon: l plus the glossary entries (l itself is not
// changed, and its entry and stem IDs keep their meaning). For each entry:
//
//   - the Chinese term becomes a headword, matched by [Lexicon.AppendChinese]
//     like any other (the longest match wins, so "对外联络部" is one token);
//     when it already is a headword (or a traditional form of one), the
//     existing entry is extended instead;
//   - the English term is reduced to content stems ([ContentStems]); new
//     stems get new IDs; the stems join the entry's glosses, so
//     [Lexicon.Translates] is true for each of them;
//   - an English term of two or more content words is also kept as a phrase
//     for [Lexicon.MatchPhrases];
//   - the entry is marked: [Lexicon.IsGlossary] reports true.
//
// Entries that fail [Entry.Check] are skipped; the loaders never return such
// entries. The character trie holds about two million nodes (the built-in
// lexicon uses 270,000): new Chinese terms beyond that are skipped too.
func (l *Lexicon) With(entries []Entry) *Lexicon {
	n := &Lexicon{
		header:   l.header,
		words:    slices.Clone(l.words),
		senses:   slices.Clone(l.senses),
		stems:    slices.Clone(l.stems),
		stemIx:   maps.Clone(l.stemIx),
		stemDF:   slices.Clone(l.stemDF),
		pinyin:   l.pinyin,
		maxSyl:   l.maxSyl,
		trie:     l.trie.clone(),
		maxRune:  l.maxRune,
		phrases:  maps.Clone(l.phrases),
		nPhrase:  l.nPhrase,
		glossOff: l.glossOff,
		gloss:    l.gloss,
	}
	if n.phrases == nil {
		n.phrases = map[int32][]phrase{}
	}
	added := map[int32][]int32{}
	// Phrase lists this call has copied from l (copy on write, once per
	// first stem), and the phrases they hold, to skip duplicates in
	// constant time: merging stays linear in the number of entries.
	owned := map[int32]map[string]bool{}
	for _, e := range entries {
		if e.Check() != nil {
			continue
		}
		zh := strings.TrimSpace(e.Zh)
		id := n.trie.lookup(zh)
		if id < 0 {
			id = int32(len(n.words))
			if !n.trie.add(zh, id, false) {
				continue // the trie is full: see the doc comment
			}
			n.words = append(n.words, zh)
			n.senses = append(n.senses, 0)
			n.maxRune = max(n.maxRune, utf8.RuneCountInString(zh))
		}
		if n.senses[id] < 0xFFFF {
			n.senses[id]++
		}
		var ph []int32
		for _, st := range ContentStems(e.En) {
			sid, ok := n.stemIx[st]
			if !ok {
				sid = int32(len(n.stems))
				n.stems = append(n.stems, st)
				n.stemIx[st] = sid
				n.stemDF = append(n.stemDF, 0)
			}
			ph = append(ph, sid)
			added[id] = append(added[id], sid)
		}
		if len(ph) >= 2 {
			set, ok := owned[ph[0]]
			if !ok {
				// Copy on write: the slice may be shared with l.
				set = map[string]bool{}
				for _, p := range n.phrases[ph[0]] {
					set[phraseKey(p.entry, p.stems)] = true
				}
				owned[ph[0]] = set
				n.phrases[ph[0]] = slices.Clone(n.phrases[ph[0]])
			}
			if k := phraseKey(id, ph); !set[k] {
				set[k] = true
				n.phrases[ph[0]] = append(n.phrases[ph[0]], phrase{ph, id})
				n.nPhrase++
			}
		}
	}
	// Rebuild the gloss arrays with the additions merged in.
	n.glossOff = make([]int32, len(n.words)+1)
	n.gloss = make([]int32, 0, len(l.gloss)+len(added)*4)
	n.isGloss = make([]bool, len(n.words))
	copy(n.isGloss, l.isGloss)
	for i := range n.words {
		id := int32(i)
		old := l.Glosses(id)
		if add, ok := added[id]; ok {
			n.isGloss[i] = true
			set := append(slices.Clone(old), add...)
			slices.Sort(set)
			set = slices.Compact(set)
			for _, s := range set {
				if _, had := slices.BinarySearch(old, s); !had {
					n.stemDF[s]++
				}
			}
			n.gloss = append(n.gloss, set...)
		} else {
			n.gloss = append(n.gloss, old...)
		}
		n.glossOff[i+1] = int32(len(n.gloss))
	}
	return n
}

// phraseKey identifies a phrase: its entry and its stems.
func phraseKey(entry int32, stems []int32) string {
	b := make([]byte, 0, 4*(len(stems)+1))
	for _, v := range append([]int32{entry}, stems...) {
		b = append(b, byte(v), byte(v>>8), byte(v>>16), byte(v>>24))
	}
	return string(b)
}

// MatchPhrases finds the multi-word English glossary terms in toks (made by
// AppendEnglish of this lexicon, so that new glossary stems have IDs). A
// phrase matches a run of tokens whose content words (stop words skipped)
// have exactly the phrase's stems in order: "18th National Congress"
// matches "18th national congresses"; "International Department CPC"
// matches "International Department of the CPC". Matches are leftmost-longest
// and do not overlap. It returns nil when the lexicon has no phrases.
func (l *Lexicon) MatchPhrases(toks []EnToken) []PhraseMatch {
	if l.nPhrase == 0 {
		return nil
	}
	var out []PhraseMatch
	for i := 0; i < len(toks); {
		t := toks[i]
		if t.Stop || t.ID < 0 {
			i++
			continue
		}
		bestEnd, bestLen, bestEntry := -1, 0, int32(-1)
		for _, p := range l.phrases[t.ID] {
			if len(p.stems) <= bestLen {
				continue
			}
			j, k := i, 0
			for j < len(toks) && k < len(p.stems) {
				if toks[j].Stop {
					j++
					continue
				}
				if toks[j].ID != p.stems[k] {
					break
				}
				j++
				k++
			}
			if k == len(p.stems) {
				bestEnd, bestLen, bestEntry = j, len(p.stems), p.entry
			}
		}
		if bestEnd < 0 {
			i++
			continue
		}
		out = append(out, PhraseMatch{Start: i, End: bestEnd, Entry: bestEntry})
		i = bestEnd
	}
	return out
}

// NumPhrases returns the number of multi-word glossary phrases.
func (l *Lexicon) NumPhrases() int { return l.nPhrase }
