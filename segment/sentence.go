package segment

import (
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"
)

// SplitSentences cuts the paragraph text[para.Start:para.End] into sentences
// with rules (nil: DefaultRules) for lang (Unknown: decided for this
// paragraph by its script, Chinese when hanzi outnumber Latin letters).
//
// The sentence spans are absolute byte offsets over text, in order, disjoint
// and inside para. White space at the ends of a sentence is left in the gaps
// between spans (Unicode white space; Java's for OmegaTRules), so a span
// starts and ends with a visible character and the spans with the gaps
// rebuild the paragraph. A paragraph of white space has no sentence.
//
// subs[i] holds the absolute offsets of optional sub-split points strictly
// inside sentence i (after a Chinese "；", before an opening quote after
// "："), or nil; subs is nil when no sentence has one.
//
// SplitSentences is a total function: a para outside text is clipped to it,
// invalid UTF-8 is read as U+FFFD byte by byte, and the time is linear in
// the paragraph's length.
func SplitSentences(text string, para Span, lang Lang, rules *Rules) (sents []Span, subs [][]int) {
	lo, hi := max(para.Start, 0), min(para.End, len(text))
	if lo >= hi {
		return nil, nil
	}
	r := rules.orDefault()
	if lang == Unknown {
		lang = scriptLang(text[lo:hi])
	}
	set := r.en()
	if lang == Chinese {
		set = r.zh()
	}
	// Spans are collected in fixed-size chunks and copied once into a slice
	// of the exact size: appending to one slice would allocate about five
	// times the final size on a paragraph of millions of sentences.
	const chunkLen = 4096
	var (
		chunks [][]Span
		chunk  []Span
	)
	start := lo
	add := func(end int) {
		s, e := start, end
		for s < e {
			c, n := utf8.DecodeRuneInString(text[s:e])
			if !r.trim(c) || (c == utf8.RuneError && n == 1) {
				break
			}
			s += n
		}
		for e > s {
			c, n := utf8.DecodeLastRuneInString(text[s:e])
			if !r.trim(c) || (c == utf8.RuneError && n == 1) {
				break
			}
			e -= n
		}
		if s < e {
			if len(chunk) == cap(chunk) {
				if chunk != nil {
					chunks = append(chunks, chunk)
				}
				chunk = make([]Span, 0, min(chunkLen, max(8, len(chunk)*2)))
			}
			chunk = append(chunk, Span{s, e})
		}
		start = end
	}
	set.Breaks(text, lo, hi, add)
	add(hi)
	if len(chunks) == 0 {
		sents = chunk
	} else {
		n := len(chunk)
		for _, c := range chunks {
			n += len(c)
		}
		sents = make([]Span, 0, n)
		for _, c := range chunks {
			sents = append(sents, c...)
		}
		sents = append(sents, chunk...)
	}

	subSet := r.subs()
	if subSet.Len() == 0 || len(sents) == 0 {
		return sents, nil
	}
	i := 0
	subSet.Breaks(text, lo, hi, func(p int) {
		for i < len(sents) && sents[i].End <= p {
			i++
		}
		if i == len(sents) || p <= sents[i].Start {
			return
		}
		if subs == nil {
			subs = make([][]int, len(sents))
		}
		subs[i] = append(subs[i], p)
	})
	return sents, subs
}

// scriptLang decides Chinese or English for a paragraph by counting hanzi
// and Latin letters in its first 64 KiB.
func scriptLang(s string) Lang {
	if len(s) > 1<<16 {
		s = s[:1<<16]
	}
	han, latin := 0, 0
	for _, c := range s {
		switch {
		case c < utf8.RuneSelf:
			if c|0x20 >= 'a' && c|0x20 <= 'z' {
				latin++
			}
		case unicode.Is(unicode.Han, c):
			han++
		case unicode.IsLetter(c) && unicode.Is(unicode.Latin, c):
			latin++
		}
	}
	// a hanzi carries about as much as a short English word
	if han > 0 && han*3 >= latin {
		return Chinese
	}
	return English
}

// Sentences splits text into sentences with DefaultRules and returns their
// text. Each line of text is a paragraph (a line without final punctuation,
// such as a title, is its own sentence); lang Unknown decides per line.
// Use SplitSentences for spans and other rules.
func Sentences(text string, lang Lang) []string {
	var out []string
	for s := range SentenceSeq(text, lang) {
		out = append(out, s)
	}
	return out
}

// SentenceSeq is the iterator form of Sentences.
func SentenceSeq(text string, lang Lang) iter.Seq[string] {
	return func(yield func(string) bool) {
		for start := 0; start < len(text); {
			end := strings.IndexByte(text[start:], '\n')
			if end < 0 {
				end = len(text)
			} else {
				end += start
			}
			sents, _ := SplitSentences(text, Span{start, end}, lang, nil)
			for _, s := range sents {
				if !yield(s.In(text)) {
					return
				}
			}
			start = end + 1
		}
	}
}
