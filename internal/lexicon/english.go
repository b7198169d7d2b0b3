package lexicon

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// EnToken is one English word found by [Lexicon.AppendEnglish].
type EnToken struct {
	Start, End int    // byte span of the word in the input text
	Stem       string // lower-cased, stemmed form ("Parties’" → "party"), or PinyinPrefix and a syllable ("~qing")
	ID         int32  // stem ID in the lexicon's English vocabulary, or -1
	Stop       bool   // a function word ("the", "of", …); its ID is -1
}

// stopWords are English function words: they carry no lexical evidence for
// alignment and are never used as gloss stems. The list is ours: articles,
// pronouns and determiners, auxiliaries and modals, prepositions,
// conjunctions and a few adverbs that occur in almost every sentence.
var stopWords = map[string]bool{}

func init() {
	for _, w := range []string{
		// articles, determiners, quantifiers
		"a", "an", "the", "this", "that", "these", "those", "some", "any", "each",
		"every", "either", "neither", "such", "what", "which", "whichever", "whatever",
		"own", "same", "other", "another", "all", "both", "few", "more", "most",
		"much", "many", "several", "no", "nor", "not", "only", "very", "too", "so",
		// pronouns and possessives
		"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves",
		"you", "your", "yours", "yourself", "yourselves", "he", "him", "his",
		"himself", "she", "her", "hers", "herself", "it", "its", "itself", "they",
		"them", "their", "theirs", "themselves", "who", "whom", "whose", "one's",
		"oneself", "someone", "somebody", "something", "sb", "sth", "anyone",
		"anything", "everyone", "everything", "nothing", "none", "one", "ones",
		// auxiliaries and modals, with contractions
		"be", "am", "is", "are", "was", "were", "been", "being", "have", "has",
		"had", "having", "do", "does", "did", "doing", "done", "will", "would",
		"shall", "should", "can", "could", "may", "might", "must", "ought",
		"isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't",
		"don't", "doesn't", "didn't", "won't", "wouldn't", "can't", "cannot",
		"couldn't", "shouldn't", "it's", "that's", "there's", "let's",
		"i'm", "i'll", "i'd", "i've", "you're", "you'll", "you'd", "you've",
		"he's", "he'll", "he'd", "she's", "she'll", "she'd", "we're", "we'll",
		"we'd", "we've", "they're", "they'll", "they'd", "they've", "what's",
		"who's", "where's", "here's", "mustn't", "needn't", "ain't",
		// prepositions
		"of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "onto",
		"upon", "about", "above", "below", "over", "under", "between", "among",
		"through", "throughout", "during", "before", "after", "against", "within",
		"without", "toward", "towards", "across", "along", "around", "behind",
		"beyond", "via", "per", "off", "out", "up", "down", "than", "like",
		// conjunctions and connectives
		"and", "or", "but", "if", "then", "else", "because", "while", "whereas",
		"although", "though", "as", "when", "where", "whether", "how", "why",
		"also", "thus", "hence", "therefore", "however", "moreover", "furthermore",
		"there", "here", "etc", "just", "even", "still", "yet", "already", "again",
		"ever", "never", "now",
	} {
		stopWords[w] = true
	}
}

// IsStopWord reports whether the lower-case word w is on the package's
// English stop-word list (function words such as "the", "of", "to", "was",
// "their"). Apostrophes must be ASCII ('), as [Lexicon.AppendEnglish]
// produces them.
func IsStopWord(w string) bool { return stopWords[w] }

// isEnLetter reports whether r is a letter of the Latin script up to Latin
// Extended-B (ASCII, Latin-1 and the pinyin vowels with tone marks).
func isEnLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r|0x20 && r|0x20 <= 'z'
	}
	return r < 0x250 && unicode.IsLetter(r)
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' }

// nextEnWord finds the next word in s at or after byte i. A word is a
// maximal run of letters and digits that contains at least one letter, with
// apostrophes allowed between two letters ("Party’s", "don't"); a run of
// digits alone is not a word (numbers are the anchors' business). It
// returns the span, or start = -1 when there is no further word.
func nextEnWord(s string, i int) (start, end int) {
	for i < len(s) {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if !isEnLetter(r) && !isDigit(r) {
			i += size
			continue
		}
		start = i
		letters := false
		j := i
		for j < len(s) {
			r, size := rune(s[j]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(s[j:])
			}
			if isEnLetter(r) {
				letters = true
			} else if !isDigit(r) {
				if isApostrophe(r) && j > start && j+size < len(s) {
					prev, _ := utf8.DecodeLastRuneInString(s[start:j])
					next, _ := utf8.DecodeRuneInString(s[j+size:])
					if isEnLetter(prev) && isEnLetter(next) {
						j += size
						continue
					}
				}
				break
			}
			j += size
		}
		if letters {
			return start, j
		}
		i = j
	}
	return -1, -1
}

// lowerWord appends the lower-cased word to dst, mapping the right single
// quotation mark to an ASCII apostrophe.
func lowerWord(dst []byte, w string) []byte {
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		if r == '\u2019' {
			dst = append(dst, '\'')
		} else {
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
		i += size
	}
	return dst
}

// AppendEnglish appends the English words of text to dst and returns the
// extended slice. Each token carries its byte span, its stem, the stem's ID
// in the vocabulary (-1 when unknown or a stop word) and whether it is a
// stop word. The stop-word test is made on the lower-cased surface form, before
// stemming. Stem strings of known stems and stop words are shared with the
// lexicon, so tokenising allocates only for unknown words.
//
// Abbreviations written with dots between single letters ("U.S.", "U.N.")
// are one token whose stem is the letters ("us", "un"), never a stop word.
// A capitalised word of ASCII letters that is not in the vocabulary, or whose
// stem glosses at most 30 entries, and that is made of pinyin syllables
// becomes one token per syllable, with [PinyinPrefix] stems ("Qingyang" →
// "~qing" [5,9), "~yang" [9,13)); see PinyinPrefix. A capitalised word, a
// hyphen and a word, both parts made of syllables and neither a common
// word, are read so ("Xi-feng" → "~xi", "~feng"; "Man-made" is not).
//
// AppendEnglish never fails: bytes that are not part of a word (spaces,
// punctuation, digits alone, invalid UTF-8) are skipped.
func (l *Lexicon) AppendEnglish(dst []EnToken, text string) []EnToken {
	return l.AppendEnglishCached(dst, text, nil)
}

// EnglishCache remembers how [Lexicon.AppendEnglishCached] read each word
// (its stem, the stem's ID, whether it is a stop word or may be a romanised
// name), so that a word met again is looked up once
// instead of lower-cased, stemmed and looked up twice: a long document
// repeats a few thousand words a million times. The zero value is ready to
// use. A cache belongs to one lexicon and one goroutine.
type EnglishCache struct {
	words map[string]enWord
}

// enWord is what EnglishCache keeps of a word.
type enWord struct {
	stem   string
	id     int32
	stop   bool
	pinyin bool // a capitalised word that may split into pinyin syllables
}

// AppendEnglishCached is [Lexicon.AppendEnglish] with a cache of the words
// already read (nil: none); the tokens are the same.
func (l *Lexicon) AppendEnglishCached(dst []EnToken, text string, c *EnglishCache) []EnToken {
	var buf [64]byte
	for i := 0; i < len(text); {
		start, end := nextEnWord(text, i)
		if start < 0 {
			break
		}
		i = end
		if d, e, ok := l.hyphenName(dst, text, start, end); ok {
			dst, i = d, e
			continue
		}
		if end == start+1 {
			if e, ok := dottedAbbrev(text, start); ok {
				// One token of the letters, never a stop word.
				for k := start; k < e; k += 2 {
					buf[(k-start)/2] = text[k] | 0x20
				}
				i = e
				dst = l.appendWord(dst, text, start, e, l.readWord(buf[:(e-start)/2], text[start:e], true))
				continue
			}
		}
		word := text[start:end]
		if c != nil {
			w, ok := c.words[word]
			if !ok {
				w = l.readWord(lowerWord(buf[:0], word), word, false)
				if c.words == nil {
					c.words = map[string]enWord{}
				}
				c.words[word] = w
			}
			dst = l.appendWord(dst, text, start, end, w)
			continue
		}
		dst = l.appendWord(dst, text, start, end, l.readWord(lowerWord(buf[:0], word), word, false))
	}
	return dst
}

// hyphenName reads a hyphenated romanised name ("Xi-feng", "Bao-Yu"): a
// capitalised word, a hyphen and a word, both made of pinyin syllables and
// neither a common word, become one token per syllable (the capitalised
// "Xi" alone is a word of the vocabulary: the surname of many entries,
// which the syllable of 熙 does not meet).
//
// It returns dst extended and the end of the name, or ok false (and dst
// as it was) when text[start:end] does not start such a name.
func (l *Lexicon) hyphenName(dst []EnToken, text string, start, end int) (_ []EnToken, nameEnd int, ok bool) {
	if l.pinyin == nil || text[start] < 'A' || text[start] > 'Z' || end >= len(text) || text[end] != '-' {
		return dst, 0, false
	}
	s2, e2 := nextEnWord(text, end+1)
	if s2 != end+1 {
		return dst, 0, false
	}
	// A common English word ("Man-made") is not part of a name.
	if !l.nameLike(text[start:end]) || !l.nameLike(text[s2:e2]) {
		return dst, 0, false
	}
	n := len(dst)
	d := l.appendPinyin(dst, text, start, end)
	if len(d) == n {
		return dst, 0, false
	}
	m := len(d)
	if d = l.appendPinyin(d, text, s2, e2); len(d) == m {
		return dst, 0, false
	}
	return d, e2, true
}

// nameLike reports whether word, as a stem, is unknown or glosses at most
// maxHyphenNameEntries entries: rare enough to be part of a hyphenated
// romanised name.
func (l *Lexicon) nameLike(word string) bool {
	var buf [64]byte
	w := l.readWord(lowerWord(buf[:0], word), word, false)
	return w.id < 0 || l.stemDF[w.id] <= maxHyphenNameEntries
}

// maxHyphenNameEntries: a part of a hyphenated name may gloss more entries
// than a name alone (maxNameEntries), since the hyphen already marks a
// name. Measured: surnames and given-name syllables gloss 3 to 255
// entries (chun 9, feng 32, yu 78, li 185, tang 255), the English words
// that are also syllables more (man 338, long 487, make 1,307).
const maxHyphenNameEntries = 300

// readWord reads one word: low is its lower-cased form (with room to
// spare in its array or not), word its text, abbrev whether it is a dotted
// abbreviation.
func (l *Lexicon) readWord(low []byte, word string, abbrev bool) enWord {
	if s, ok := stopCanon[string(low)]; ok && !abbrev && word != "US" {
		return enWord{stem: s, id: -1, stop: true}
	}
	if cap(low) == len(low) {
		low = append(low, 0)[:len(low)]
	}
	st := stemBytes(low)
	w := enWord{id: l.stemID(st)}
	w.pinyin = l.pinyin != nil && 'A' <= word[0] && word[0] <= 'Z' && (w.id < 0 || l.stemDF[w.id] <= maxNameEntries)
	if w.id >= 0 {
		w.stem = l.stems[w.id]
	} else {
		w.id = -1
		w.stem = string(st)
	}
	return w
}

// appendWord appends the token(s) of the word text[start:end] read as w.
func (l *Lexicon) appendWord(dst []EnToken, text string, start, end int, w enWord) []EnToken {
	if w.stop {
		return append(dst, EnToken{Start: start, End: end, ID: -1, Stem: w.stem, Stop: true})
	}
	if w.pinyin {
		n := len(dst)
		if dst = l.appendPinyin(dst, text, start, end); len(dst) > n {
			return dst
		}
	}
	return append(dst, EnToken{Start: start, End: end, ID: w.id, Stem: w.stem})
}

// maxNameEntries: a capitalised word whose stem glosses at most this many
// entries may be a romanised name ("Qingyang" is a county, "Er" an
// interjection); one glossing more is taken for an English word ("Long").
const maxNameEntries = 30

// PinyinPrefix starts the stems that stand for a toneless pinyin syllable
// ("~qing"). The generator adds the syllables of each single-character entry
// and each proper noun to its glosses (清 → ~qing, 北京 → ~bei ~jing), and [Lexicon.AppendEnglish] splits a
// capitalised word that is not in the vocabulary, or whose stem glosses few
// entries (maxNameEntries), into such syllables when it is made of them
// ("Qingyang" → ~qing ~yang; "Long" stays the word long), so Chinese names
// link to their romanisation character by character. The prefix keeps syllables apart from
// English words ("long" the word is not 龙's ~long).
const PinyinPrefix = "~"

// indexPinyin collects the pinyin syllable stems of the vocabulary.
func (l *Lexicon) indexPinyin() {
	l.pinyin, l.maxSyl = nil, 0
	for i, st := range l.stems {
		if syl, ok := strings.CutPrefix(st, PinyinPrefix); ok && syl != "" {
			if l.pinyin == nil {
				l.pinyin = map[string]int32{}
			}
			l.pinyin[syl] = int32(i)
			l.maxSyl = max(l.maxSyl, len(syl))
		}
	}
}

// appendPinyin appends one token per syllable when text[start:end] (ASCII
// letters only) is entirely made of pinyin syllables, taking the split with
// the fewest syllables (the first found, scanning longer syllables first).
// It appends nothing otherwise.
func (l *Lexicon) appendPinyin(dst []EnToken, text string, start, end int) []EnToken {
	n := end - start
	if n > 40 {
		return dst
	}
	var low [40]byte
	for i := range n {
		c := text[start+i]
		if !isASCIILetter(c) {
			return dst
		}
		low[i] = c | 0x20
	}
	// cost[i]: fewest syllables covering low[i:n]; next[i]: end of the
	// first syllable of that split.
	var cost, next [41]int8
	cost[n] = 0
	for i := n - 1; i >= 0; i-- {
		cost[i] = -1
		for j := min(n, i+l.maxSyl); j > i; j-- {
			if cost[j] < 0 {
				continue
			}
			if _, ok := l.pinyin[string(low[i:j])]; ok && (cost[i] < 0 || cost[j]+1 < cost[i]) {
				cost[i], next[i] = cost[j]+1, int8(j)
			}
		}
	}
	if cost[0] < 0 {
		return dst
	}
	for i := 0; i < n; i = int(next[i]) {
		id := l.pinyin[string(low[i:next[i]])]
		dst = append(dst, EnToken{Start: start + i, End: start + int(next[i]), Stem: l.stems[id], ID: id})
	}
	return dst
}

// ContentStems returns the stems of the English content words of text, in
// order, tokenised and stemmed exactly as [Lexicon.AppendEnglish] does, with
// stop words left out. The generator reduces glosses with it, and
// [Lexicon.With] uses it for glossary terms.
func ContentStems(text string) []string {
	var out []string
	for _, t := range (&Lexicon{}).AppendEnglish(nil, text) {
		if !t.Stop {
			out = append(out, t.Stem)
		}
	}
	return out
}

// dottedAbbrev reports whether an abbreviation of single ASCII letters with
// dots ("U.S.", "U.N.", "e.g.") starts at s[i], and where it ends (after
// its last dot). At most 16 letters are taken.
func dottedAbbrev(s string, i int) (end int, ok bool) {
	n := 0
	for i+1 < len(s) && n < 16 && isASCIILetter(s[i]) && s[i+1] == '.' &&
		(i+2 == len(s) || !isASCIILetter(s[i+2]) || (i+3 < len(s) && s[i+3] == '.')) {
		i += 2
		n++
	}
	return i, n >= 2
}

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// English returns the English words of text; see [Lexicon.AppendEnglish].
func (l *Lexicon) English(text string) []EnToken { return l.AppendEnglish(nil, text) }

// stopCanon maps each stop word to itself, so that tokens can share the
// string instead of allocating one.
var stopCanon = map[string]string{}

func init() {
	for w := range stopWords {
		stopCanon[w] = w
	}
}
