package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// What OmegaT 3.6 (Debian package omegat, 3.6.0_10) does with a plain-text
// file, found by running it headless on test files (console mode
// createpseudotranslatetmx, which writes one TU per segment; see
// omegat_test.go) — not by reading its code or rule files:
//
// Paragraphs (text filter, *.utf8 / *.txt):
//   - a paragraph ends at an empty line. A single line break does not end a
//     paragraph: "标题\n正文。" is one segment with the "\n" inside it. CR LF
//     is read as LF.
//   - white space at the ends of a paragraph is dropped, including no-break
//     spaces (U+00A0) and U+3000: "\u00a0甲\u00a0" gives "甲".
//   - inside a paragraph, a line that starts with an ASCII space starts a
//     new segment (so does a line of spaces); a line that starts with a tab,
//     U+3000 or U+00A0 does not. This is a segment break, not a new
//     paragraph: "X\n \n\u00a0A" gives "X" and "\u00a0A" (segment trimming
//     keeps the no-break space), while " \n\u00a0A" after an empty line
//     gives "A" (paragraph trimming drops it).
//
// Segments (sentence segmentation on, default rules, source zh-CN or en-US):
//   - each segment is trimmed of Java white space (Character.isWhitespace:
//     U+3000 and ASCII controls yes, U+00A0 no), so "甲。\u00a0乙" gives the
//     segments "甲。" and "\u00a0乙". Empty segments vanish.
//   - Chinese: a break after each 。！？ — even inside runs: "？！" gives
//     "甲？" and "！" — unless the next character is ” ’ 」 』 ） or the
//     ASCII " (so "开放。”随后" is one segment, and "。 ”" with a space is
//     two). 》】〉〕' and ) do not stop the break. A half-width ! or ?
//     followed by ASCII white space breaks; a half-width "." never does,
//     nor ；， ：or …… . U+3000 and U+00A0 are not white space for the rules.
//   - English: a break after ".", "?" or "!" followed by ASCII white space
//     (".\"", ".)" and "?)" followed by a space do not break; U+00A0 and
//     U+3000 are not white space), also before a lowercase word, except
//     after Mr. Mrs. Ms. Dr. Prof. St. Mt. and any "M." (case-sensitive,
//     with no word boundary: "XMr." does not break either), U.K., fig./e.g./
//     i.e./vs. (any case), approx./Approx., min., a single capital after
//     white space ("J. R. Tolkien", but not at paragraph start, not "(A."),
//     "No." before a digit, "etc." and a non-initial "..." before anything
//     but a capital, and a.m./p.m./am./pm. before a lowercase letter.
//     "U.S.", "Jr.", "Inc.", "Jan." and most other abbreviations break.
//     "。" does not break English text.
//   - both languages: a number label at the start of a paragraph of at
//     least two characters ("1.", "12", "1.2", "1)", "1]", "2020") is its
//     own segment when white space and a capital letter follow; "1 Abc",
//     "1. 中文" and "1) lower" stay together.
//   - the pseudo-translated TMX lists each distinct segment once, in no
//     useful order.

// OmegaTSegments returns the segments OmegaT 3.6 would make of a plain-text
// source file with its default segmentation rules, computed in pure Go with
// OmegaTRules and OmegaT's paragraph rule (see above): paragraphs end at
// empty lines, CR LF reads as LF, and segments are trimmed. lang is the
// project's source language (Unknown: decided by script for the whole text).
// Segments keep line breaks that OmegaT keeps inside a paragraph.
func OmegaTSegments(text string, lang Lang) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	if lang == Unknown {
		lang = scriptLang(text)
	}
	var out []string
	for _, p := range OmegaTParagraphs(text) {
		sents, _ := SplitSentences(text, p, lang, OmegaTRules())
		for _, s := range sents {
			out = append(out, s.In(text))
		}
	}
	return out
}

// OmegaTParagraphs returns the paragraphs OmegaT's text filter makes of text
// (already read with LF line ends): spans between empty lines, trimmed of
// Unicode white space (U+00A0 and U+3000 included). Empty paragraphs are
// left out.
func OmegaTParagraphs(text string) []Span {
	var out []Span
	flush := func(s, e int) {
		for s < e {
			r, n := utf8.DecodeRuneInString(text[s:e])
			if !unicode.IsSpace(r) {
				break
			}
			s += n
		}
		for e > s {
			r, n := utf8.DecodeLastRuneInString(text[s:e])
			if !unicode.IsSpace(r) {
				break
			}
			e -= n
		}
		if s < e {
			out = append(out, Span{s, e})
		}
	}
	start := 0
	for {
		j := strings.Index(text[start:], "\n\n")
		if j < 0 {
			break
		}
		flush(start, start+j)
		start += j + 2
	}
	flush(start, len(text))
	return out
}
