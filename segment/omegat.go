package segment

import (
	"sort"
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
//
// Translation units for OmegaT (OmegaTGroups): OmegaT looks up a unit by
// its whole source segment, so a TMX made for it needs one unit per OmegaT
// segment. The aligner's pairs are regrouped by the segments OmegaT makes
// of the source file as the translator gives it to OmegaT: pairs that fall
// in one segment are merged, and the unit's source is that segment's text
// exactly (a heading block of title, date and department on consecutive
// lines is one segment with its line breaks; Word residue such as
// "[bookmark: _GoBack]" that cleaning removed stays in it). Checked live
// on the press release (align/pipeline TestPressEverySegmentLive): all
// 53 segments are 100% matches (51 without the regrouping).
//
// Paragraph units (press2tmx -level paragraph) in OmegaT need sentence
// segmentation off in the project (Project > Properties: "Sentence-level
// segmenting" unticked) and then match in either paragraph mode of the
// text filter:
//   - default mode (paragraphs end at empty lines): OmegaTOptions{
//     NoSentences: true}. Each blank-line block is one segment and one
//     unit; a file without blank lines between its paragraphs is one
//     segment (the press release: 2 segments, both matched).
//   - Project > File Filters > Text files > Options, "Paragraph
//     segmentation: on line breaks" (omegat/filters.xml: option
//     segmentOn = BREAKS): OmegaTOptions{Paragraphs: OmegaTLineBreaks,
//     NoSentences: true}. Every line is a segment; a paragraph the
//     segmenter joined from several lines (a title wrapped over two lines)
//     has no unit (the press release: 17 of 19 matched).

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
		if sp, ok := trimSpace(text, s, e); ok {
			out = append(out, sp)
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

// trimSpace returns text[s:e] without Unicode white space at its ends, as
// a span, and whether anything is left.
func trimSpace(text string, s, e int) (Span, bool) {
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
	return Span{s, e}, s < e
}

// OmegaTParagraphMode is how OmegaT's plain-text filter cuts a file into
// paragraphs: its "Paragraph segmentation" option (segmentOn in the
// project's omegat/filters.xml: EMPTYLINES, BREAKS or NEVER).
type OmegaTParagraphMode uint8

// OmegaT's paragraph modes.
const (
	// OmegaTEmptyLines: a paragraph ends at an empty line; single line
	// breaks stay inside it (OmegaT's default).
	OmegaTEmptyLines OmegaTParagraphMode = iota
	// OmegaTLineBreaks: every line is a paragraph (segmentOn BREAKS).
	OmegaTLineBreaks
)

// OmegaTOptions are the settings of the OmegaT project a translation
// memory is made for. The zero value is OmegaT's default: paragraphs end
// at empty lines, sentence segmentation on.
type OmegaTOptions struct {
	Paragraphs OmegaTParagraphMode // how the text filter finds paragraphs
	// NoSentences is true when the project's sentence segmentation is
	// off: each paragraph is one segment (for press2tmx -level paragraph).
	NoSentences bool
}

// OmegaTSpans returns the segments OmegaT makes of text as spans over
// text, in order (see OmegaTSegments; text must already have LF line
// ends). With the zero OmegaTOptions it gives the spans of OmegaTSegments'
// segments.
func OmegaTSpans(text string, lang Lang, o OmegaTOptions) []Span {
	if lang == Unknown {
		lang = scriptLang(text)
	}
	var paras []Span
	if o.Paragraphs == OmegaTLineBreaks {
		for start := 0; start <= len(text); {
			end := strings.IndexByte(text[start:], '\n')
			if end < 0 {
				end = len(text)
			} else {
				end += start
			}
			if sp, ok := trimSpace(text, start, end); ok {
				paras = append(paras, sp)
			}
			start = end + 1
		}
	} else {
		paras = OmegaTParagraphs(text)
	}
	if o.NoSentences {
		return paras
	}
	var out []Span
	for _, p := range paras {
		sents, _ := SplitSentences(text, p, lang, omegaTRules())
		out = append(out, sents...)
	}
	return out
}

// OmegaTGroup is a run of consecutive texts that together make one
// OmegaT segment (see OmegaTGroups).
type OmegaTGroup struct {
	// First and End delimit the run: texts[First:End].
	First, End int
	// Segment is the OmegaT segment the run makes, exactly as OmegaT
	// will look it up in a translation memory (line breaks and any text
	// the cleaning removed included); "" when the run makes no segment:
	// a text that could not be found in the source, one that spans
	// several OmegaT segments, or a run of texts with no Chinese.
	Segment string
	// Missing counts the non-space characters of Segment that none of
	// the run's texts holds (such as Word residue that cleaning removed:
	// the unit then carries it in its source, untranslated).
	Missing int
}

// OmegaTGroups finds the OmegaT segments of source (the file as the
// translator gives it to OmegaT) and groups texts — one side of each
// pair, in order, as the aligner made them — by the segment they fall in,
// so that a caller can write one translation unit per OmegaT segment:
// the pairs texts[First:End] merged, with Segment as their source text.
// OmegaT then gives a 100% match for every such segment, even where its
// text filter joins lines that the aligner kept apart (a title, the date
// and the department on consecutive lines) or keeps text that cleaning
// removed.
//
// Texts are found in the source in order, ignoring white space (so texts
// whose lines were joined are found too). An empty text (the missing side
// of a 0-1 pair) joins the run around it when the texts before and after
// it lie in the same segment, and is a run of its own otherwise. A group
// whose segment is more missing than held (Missing larger than the
// characters of its texts) has Segment "": most of that segment is text
// the aligner never saw.
//
// These are the segments of OmegaT 3.6 (Debian 3.6.0_10) with its default
// segmentation rules (see OmegaTRules).
func OmegaTGroups(source string, lang Lang, texts []string, o OmegaTOptions) []OmegaTGroup {
	norm := strings.ReplaceAll(source, "\r\n", "\n")
	segs := OmegaTSpans(norm, lang, o)
	skel, offs := skeleton(norm)
	// where each text lies in norm: start, end (-1 when not found)
	type place struct{ start, end, seg, chars int }
	places := make([]place, len(texts))
	cursor := 0
	for k, t := range texts {
		ts, _ := skeleton(t)
		places[k] = place{start: -1, end: -1, seg: -1, chars: utf8.RuneCountInString(ts)}
		if ts == "" {
			continue
		}
		i := strings.Index(skel[cursor:], ts)
		if i < 0 {
			continue
		}
		first, last := cursor+i, cursor+i+len(ts)
		places[k].start, places[k].end = offs[first], offs[last-1]+1
		cursor = last
		j := sort.Search(len(segs), func(j int) bool { return segs[j].End > places[k].start })
		if j < len(segs) && segs[j].Start <= places[k].start && places[k].end <= segs[j].End {
			places[k].seg = j
		} else {
			places[k].seg = -2 // found, but not inside one segment
		}
	}
	// an empty text takes the segment of its neighbours when they agree
	for k := range places {
		if places[k].chars > 0 {
			continue
		}
		prev, next := -1, -1
		for a := k - 1; a >= 0; a-- {
			if places[a].chars > 0 {
				prev = places[a].seg
				break
			}
		}
		for b := k + 1; b < len(places); b++ {
			if places[b].chars > 0 {
				next = places[b].seg
				break
			}
		}
		if prev >= 0 && prev == next {
			places[k].seg = prev
		}
	}
	var out []OmegaTGroup
	for k := 0; k < len(places); {
		end := k + 1
		if s := places[k].seg; s >= 0 {
			for end < len(places) && places[end].seg == s {
				end++
			}
			g := OmegaTGroup{First: k, End: end, Segment: norm[segs[s].Start:segs[s].End]}
			segSkel, _ := skeleton(g.Segment)
			have := 0
			for a := k; a < end; a++ {
				have += places[a].chars
			}
			g.Missing = max(0, utf8.RuneCountInString(segSkel)-have)
			if g.Missing > have {
				g.Segment = ""
			}
			out = append(out, g)
		} else {
			out = append(out, OmegaTGroup{First: k, End: end})
		}
		k = end
	}
	return out
}

// skeleton returns s without its white space, and for each byte of the
// result the offset of that byte in s (bytes of invalid UTF-8 are kept as
// they are).
func skeleton(s string) (string, []int) {
	var b strings.Builder
	offs := make([]int, 0, len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			b.WriteString(s[i : i+n])
			for j := range n {
				offs = append(offs, i+j)
			}
		}
		i += n
	}
	return b.String(), offs
}
