package lexicon

import (
	_ "embed"
	"slices"
	"strings"
	"sync"
)

//go:generate go run ./gen -in $CC_CEDICT -out lexicon.dat

//go:embed lexicon.dat
var builtinData string

// Lexicon is a Chinese→English lexicon: Chinese headwords, each with a
// sorted set of English gloss stems, plus the English stem vocabulary. A
// Lexicon is immutable and safe for concurrent use; [Lexicon.With] returns
// an extended copy.
//
// Entry IDs are dense int32 values in [0, Len()); stem IDs are dense int32
// values in [0, VocabLen()). The built-in IDs keep their values in lexicons
// made by With.
type Lexicon struct {
	header []string // comment lines of the data file (source, licence)

	words    []string // headword (simplified) per entry
	senses   []uint16 // number of source dictionary lines merged per entry
	glossOff []int32  // entry i's stems are gloss[glossOff[i]:glossOff[i+1]]
	gloss    []int32
	isGloss  []bool // entry comes from (or was extended by) a user glossary; nil if none

	stems  []string         // stem per stem ID
	stemIx map[string]int32 // stem → ID
	stemDF []int32          // number of entries whose glosses contain the stem
	pinyin map[string]int32 // toneless pinyin syllable → ID of its stem PinyinPrefix+syllable
	maxSyl int              // longest syllable in bytes

	trie    trie
	maxRune int // longest headword in runes

	phrases map[int32][]phrase // first stem ID → glossary phrases starting with it
	nPhrase int

	revOnce sync.Once // builds rev on first use of AppendChineseBidi
	rev     trie      // headwords reversed, for backward matching
}

// phrase is a multi-word English glossary term as a sequence of content stems.
type phrase struct {
	stems []int32
	entry int32
}

// loadBuiltin decodes the embedded data without copying it.
func loadBuiltin() (*Lexicon, error) {
	if strings.HasPrefix(builtinData, "\x1f\x8b") { // regenerated with -gzip
		return Load(strings.NewReader(builtinData))
	}
	return parse(&lineReader{data: builtinData, limit: len(builtinData)})
}

var (
	builtinOnce sync.Once
	builtin     *Lexicon
)

// Builtin returns the lexicon embedded in the package, generated from
// CC-CEDICT (see the package documentation for source and licence). It is
// decoded on first use (once per process) and shared afterwards.
//
// Builtin panics if the embedded data is corrupt, which the package tests
// rule out.
func Builtin() *Lexicon {
	builtinOnce.Do(func() {
		l, err := loadBuiltin()
		if err != nil {
			panic("lexicon: embedded lexicon.dat: " + err.Error())
		}
		builtin = l
	})
	return builtin
}

// Len returns the number of entries (Chinese headwords).
func (l *Lexicon) Len() int { return len(l.words) }

// VocabLen returns the number of English stems in the vocabulary.
func (l *Lexicon) VocabLen() int { return len(l.stems) }

// Header returns the comment lines of the data file: source dictionary,
// version, date and licence.
func (l *Lexicon) Header() []string { return slices.Clone(l.header) }

// Lookup returns the entry ID of the Chinese headword w (simplified, or a
// traditional form of it), or -1 if w is not in the lexicon.
func (l *Lexicon) Lookup(w string) int32 { return l.trie.lookup(w) }

// Headword returns the simplified headword of entry id ("" if id is out of range).
func (l *Lexicon) Headword(id int32) string {
	if id < 0 || int(id) >= len(l.words) {
		return ""
	}
	return l.words[id]
}

// Glosses returns the English gloss stem IDs of entry id, sorted
// ascending and without duplicates (nil if id is out of range). The slice
// is shared: do not modify it.
func (l *Lexicon) Glosses(id int32) []int32 {
	if id < 0 || int(id) >= len(l.words) {
		return nil
	}
	return l.gloss[l.glossOff[id]:l.glossOff[id+1]:l.glossOff[id+1]]
}

// Translates reports whether the English stem ID stem is among the glosses
// of entry id (a binary search over [Lexicon.Glosses]).
func (l *Lexicon) Translates(id, stem int32) bool {
	if stem < 0 {
		return false
	}
	_, ok := slices.BinarySearch(l.Glosses(id), stem)
	return ok
}

// NumGlosses returns the number of gloss stems of entry id: a measure of
// how specific the entry is (1–3 for terms, dozens for common characters).
func (l *Lexicon) NumGlosses(id int32) int { return len(l.Glosses(id)) }

// Senses returns the number of source dictionary lines merged into entry
// id (different readings of the same headword, glossary lines), or 0 if id
// is out of range.
func (l *Lexicon) Senses(id int32) int {
	if id < 0 || int(id) >= len(l.senses) {
		return 0
	}
	return int(l.senses[id])
}

// IsGlossary reports whether entry id comes from, or was extended by, a user
// glossary given to [Lexicon.With].
func (l *Lexicon) IsGlossary(id int32) bool {
	return id >= 0 && int(id) < len(l.isGloss) && l.isGloss[id]
}

// StemID returns the ID of the English stem st (as produced by [Stem] on a
// lower-case word), or -1 if it is not in the vocabulary.
func (l *Lexicon) StemID(st string) int32 {
	if id, ok := l.stemIx[st]; ok {
		return id
	}
	return -1
}

func (l *Lexicon) stemID(st []byte) int32 {
	if id, ok := l.stemIx[string(st)]; ok {
		return id
	}
	return -1
}

// StemString returns the stem with ID id ("" if out of range).
func (l *Lexicon) StemString(id int32) string {
	if id < 0 || int(id) >= len(l.stems) {
		return ""
	}
	return l.stems[id]
}

// StemEntries returns how many entries have the stem ID id among their
// glosses: the lexicon's document frequency of the stem, for rarity
// weighting (a stem glossing thousands of entries, like "person", is weak
// evidence; one glossing three entries is strong).
func (l *Lexicon) StemEntries(id int32) int {
	if id < 0 || int(id) >= len(l.stemDF) {
		return 0
	}
	return int(l.stemDF[id])
}

// MaxWordLen returns the length in runes of the longest headword.
func (l *Lexicon) MaxWordLen() int { return l.maxRune }
