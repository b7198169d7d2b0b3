package lexicon

import (
	"unicode"
	"unicode/utf8"
)

// ZhKind classifies a [ZhToken].
type ZhKind uint8

// Kinds of Chinese-side tokens.
const (
	ZhWord  ZhKind = iota // a lexicon headword (ID ≥ 0), or a Han character not in the lexicon (ID = -1)
	ZhLatin               // a run of Latin letters (and digits) inside Chinese text, such as "APEC" or "G20"
	ZhDigit               // a run of ASCII or full-width digits, such as "2012" or "１３"
)

// ZhToken is one word found by [Lexicon.AppendChinese].
type ZhToken struct {
	Start, End int    // byte span in the input text
	ID         int32  // lexicon entry ID, or -1
	Kind       ZhKind // word, Latin run or digit run
}

// isHan reports whether r is a Chinese character (Han script, including 〇).
func isHan(r rune) bool {
	if r >= 0x4E00 && r <= 0x9FFF {
		return true
	}
	return r >= 0x2E80 && unicode.Is(unicode.Han, r)
}

func isZhDigit(r rune) bool { return isDigit(r) || ('０' <= r && r <= '９') }

func isZhLatin(r rune) bool {
	return isEnLetter(r) || ('Ａ' <= r && r <= 'Ｚ') || ('ａ' <= r && r <= 'ｚ')
}

// AppendChinese appends the words of the Chinese text to dst and returns
// the extended slice. Segmentation is forward maximum matching: at each
// position the longest headword of the lexicon (simplified or traditional
// form, glossary terms included) that starts there is taken; a Han
// character that starts no headword becomes a one-character token with ID
// -1. Runs of Latin letters (with digits) and runs of digits become ZhLatin
// and ZhDigit tokens, unless a headword starts there (headwords with a Han
// character such as "AA制" or "3D打印" are kept; "IP" or "110" are not).
// Everything else
// (punctuation, spaces, invalid UTF-8) is skipped. Tokens are in text
// order, disjoint, with spans on rune boundaries.
func (l *Lexicon) AppendChinese(dst []ZhToken, text string) []ZhToken {
	t := &l.trie
	for i := 0; i < len(text); {
		// Longest match from i.
		node, j := int32(0), i
		best, bestID := -1, int32(-1)
		for j < len(text) {
			r, size := rune(text[j]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(text[j:])
			}
			if node = t.next(node, r); node < 0 {
				break
			}
			j += size
			if id := t.word[node]; id >= 0 {
				best, bestID = j, id
			}
		}
		if best > 0 {
			dst = append(dst, ZhToken{Start: i, End: best, ID: bestID})
			i = best
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case isHan(r):
			dst = append(dst, ZhToken{Start: i, End: i + size, ID: -1})
			i += size
		case isZhLatin(r) || isZhDigit(r):
			kind := ZhDigit
			j := i
			for j < len(text) {
				r, size := utf8.DecodeRuneInString(text[j:])
				if isZhLatin(r) {
					kind = ZhLatin
				} else if !isZhDigit(r) {
					break
				}
				j += size
			}
			dst = append(dst, ZhToken{Start: i, End: j, ID: -1, Kind: kind})
			i = j
		default:
			i += size
		}
	}
	return dst
}

// Chinese returns the words of text; see [Lexicon.AppendChinese].
func (l *Lexicon) Chinese(text string) []ZhToken { return l.AppendChinese(nil, text) }
