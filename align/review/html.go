package review

import (
	"bufio"
	"errors"
	"fmt"
	"hash/fnv"
	"html"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bitextlab/zhen/align"
	"github.com/bitextlab/zhen/segment"
)

// HTMLOptions configures WriteHTML. The zero value is ready to use.
type HTMLOptions struct {
	Title string // page title; default "Alignment review"
	// High and Low are the confidence bands: rows at or above High are
	// green, rows below Low red ("to check"), in between amber. Defaults
	// align.ConfidenceHigh and align.ConfidenceCheck.
	High, Low float64
	// ZHLang and ENLang are the lang attributes of the two columns
	// (defaults "zh-CN" and "en"), so that the browser picks CJK fonts.
	ZHLang, ENLang string
	// Sentences, when set, returns the sentences of pairs[i] on each side,
	// in order, for the page's split and move-boundary operations. When it
	// is nil, or returns no sentences for a side that has text, WriteHTML
	// cuts that side with segment's default rules (a side of one sentence
	// by its bead type is not cut).
	Sentences func(i int, p align.Pair) (zh, en []string)
}

// HTMLStats is what WriteHTML found while rendering.
type HTMLStats struct {
	Rows        int            // one per pair
	ByType      map[string]int // rows per bead type
	Low         int            // paired rows below Low (the "to check" band)
	Unpaired    int            // 1-0 and 0-1 rows
	BadEvidence int            // evidence spans out of range or not on character boundaries, not highlighted
}

// ErrNoPage is returned by WriteHTML when it is given a nil io.Writer.
var ErrNoPage = errors.New("review: html: nil writer")

// WriteHTML writes a self-contained review page for pairs: one HTML file
// with its style sheet, script and data inline, that opens from disk with
// no server and no network. The page shows the two texts side by side, one
// row per pair, coloured by confidence band (see HTMLOptions.High and
// Low), and lets a translator correct the alignment with the keyboard:
// move a sentence between neighbouring pairs on either side, merge, split
// at a sentence boundary, confirm, mark to check, edit a segment's text,
// undo and redo, filter, and jump to the next pair to check. It exports the
// corrected pairs as JSON Lines (Record, with State set for confirmed and
// edited pairs), which ReadPairs reads back. The page draws only the rows
// on screen, so it stays fast with 100,000 pairs.
//
// The pairs travel as one JSON data block: every string is escaped for a
// script element, and invalid UTF-8 (in the texts, the document names or
// the title) becomes U+FFFD. A nil w returns ErrNoPage.
func WriteHTML(w io.Writer, pairs []align.Pair, o HTMLOptions) (HTMLStats, error) {
	st := HTMLStats{Rows: len(pairs), ByType: map[string]int{}}
	if w == nil {
		return st, ErrNoPage
	}
	if o.Title == "" {
		o.Title = "Alignment review"
	}
	if o.High == 0 || math.IsNaN(o.High) {
		o.High = align.ConfidenceHigh
	}
	if o.Low == 0 || math.IsNaN(o.Low) {
		o.Low = align.ConfidenceCheck
	}
	if o.ZHLang == "" {
		o.ZHLang = "zh-CN"
	}
	if o.ENLang == "" {
		o.ENLang = "en"
	}
	title := strings.ToValidUTF8(o.Title, "\uFFFD")
	o.ZHLang, o.ENLang = strings.ToValidUTF8(o.ZHLang, "\uFFFD"), strings.ToValidUTF8(o.ENLang, "\uFFFD")
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.WriteString(pageHead)
	bw.WriteString("<title>")
	bw.WriteString(html.EscapeString(title))
	bw.WriteString("</title>\n<style>")
	bw.WriteString(pageCSS)
	bw.WriteString("</style>\n</head>\n<body>\n")
	bw.WriteString(strings.NewReplacer("{{TITLE}}", html.EscapeString(title),
		"{{ZHLANG}}", html.EscapeString(o.ZHLang), "{{ENLANG}}", html.EscapeString(o.ENLang)).Replace(pageBody))

	// The data block: {"v":1,"title":…,"high":…,"check":…,"zhLang":…,
	// "enLang":…,"pairs":[row,…],"kinds":[…],"docs":[…],"scorers":[…],
	// "badEvidence":n,"key":hash} with each row
	// [zh, en, type, confidence|null, paragraph, doc, zhSentences|0,
	// enSentences|0, evidence|0, scores|0, state]. Evidence is flat:
	// kind index, then the ZH and EN spans in UTF-16 code units.
	bw.WriteString(`<script type="application/json" id="zhen-data">{"v":1,"title":`)
	var buf []byte
	buf = appendJSONString(buf[:0], title)
	bw.Write(buf)
	fmt.Fprintf(bw, `,"high":%s,"check":%s,"zhLang":`, jsonNum(o.High), jsonNum(o.Low))
	bw.Write(appendJSONString(buf[:0], o.ZHLang))
	bw.WriteString(`,"enLang":`)
	bw.Write(appendJSONString(buf[:0], o.ENLang))

	bw.WriteString(`,"pairs":[`)
	kinds, kindIndex := []string{}, map[string]int{}
	scorers, scorerIndex := []string{}, map[string]int{}
	docs, docIndex := []string{}, map[string]int{}
	rows := make([]byte, 0, 1<<12)
	// The page's key (where the page keeps its reviewer's changes in the
	// browser): a hash of its title and pairs.
	key := fnv.New64a()
	key.Write([]byte(title))
	for i, p := range pairs {
		st.ByType[p.Type]++
		unpaired := strings.TrimSpace(p.ZH) == "" || strings.TrimSpace(p.EN) == ""
		switch {
		case unpaired:
			st.Unpaired++
		case !(p.Confidence >= o.Low): // below Low, or NaN
			st.Low++
		}
		d, ok := docIndex[p.Doc]
		if !ok {
			d = len(docs)
			docIndex[p.Doc] = d
			docs = append(docs, p.Doc)
		}
		rows = rows[:0]
		if i > 0 {
			rows = append(rows, ',')
		}
		rows = append(rows, '[')
		rows = appendJSONString(rows, p.ZH)
		rows = append(rows, ',')
		rows = appendJSONString(rows, p.EN)
		rows = append(rows, ',')
		rows = appendJSONString(rows, p.Type)
		rows = append(rows, ',')
		rows = append(rows, jsonNum(p.Confidence)...)
		rows = append(rows, ',')
		rows = strconv.AppendInt(rows, int64(p.Paragraph), 10)
		rows = append(rows, ',')
		rows = strconv.AppendInt(rows, int64(d), 10)
		zs, es := sentencesOf(i, p, o.Sentences)
		rows = append(rows, ',')
		rows = appendSentences(rows, p.ZH, zs)
		rows = append(rows, ',')
		rows = appendSentences(rows, p.EN, es)
		rows = append(rows, ',')
		var bad int
		rows, bad = appendEvidence(rows, p, kindIndex, &kinds)
		st.BadEvidence += bad
		rows = append(rows, ',')
		if len(p.Scores) == 0 {
			rows = append(rows, '0')
		} else {
			rows = append(rows, '[')
			for k, s := range p.Scores {
				if k > 0 {
					rows = append(rows, ',')
				}
				k, ok := scorerIndex[s.Scorer]
				if !ok {
					k = len(scorers)
					scorerIndex[s.Scorer] = k
					scorers = append(scorers, s.Scorer)
				}
				rows = strconv.AppendInt(rows, int64(k), 10)
				rows = append(rows, ',')
				rows = append(rows, jsonNum(s.Value)...)
				rows = append(rows, ',')
				rows = append(rows, jsonNum(s.Weight)...)
			}
			rows = append(rows, ']')
		}
		rows = append(rows, ',')
		rows = appendJSONString(rows, p.State)
		rows = append(rows, ']')
		key.Write(rows)
		bw.Write(rows)
	}
	// kinds and docs are known only at the end: they follow the rows.
	bw.WriteString(`],"kinds":[`)
	for k, s := range kinds {
		if k > 0 {
			bw.WriteByte(',')
		}
		bw.Write(appendJSONString(buf[:0], s))
	}
	bw.WriteString(`],"docs":[`)
	for k, s := range docs {
		if k > 0 {
			bw.WriteByte(',')
		}
		bw.Write(appendJSONString(buf[:0], s))
	}
	bw.WriteString(`],"scorers":[`)
	for k, s := range scorers {
		if k > 0 {
			bw.WriteByte(',')
		}
		bw.Write(appendJSONString(buf[:0], s))
	}
	fmt.Fprintf(bw, "],\"badEvidence\":%d,\"key\":\"%016x\"}</script>\n<script>", st.BadEvidence, key.Sum64())
	bw.WriteString(pageJS)
	bw.WriteString("</script>\n</body>\n</html>\n")
	if err := bw.Flush(); err != nil {
		return st, fmt.Errorf("review: html: %w", err)
	}
	return st, nil
}

// sentencesOf returns the sentences of pair i on each side; nil for a side
// that is one sentence or empty (the page then uses the side's text).
func sentencesOf(i int, p align.Pair, f func(int, align.Pair) ([]string, []string)) (zh, en []string) {
	if f != nil {
		zh, en = f(i, p)
	}
	nz, ne := beadCounts(p.Type)
	if len(zh) == 0 && nz != 1 && p.ZH != "" {
		zh = segment.Sentences(p.ZH, segment.Chinese)
	}
	if len(en) == 0 && ne != 1 && p.EN != "" {
		en = segment.Sentences(p.EN, segment.English)
	}
	if len(zh) == 1 {
		zh = nil
	}
	if len(en) == 1 {
		en = nil
	}
	return zh, en
}

// beadCounts reads "2-3" as 2, 3; -1, -1 when it is not of that form.
func beadCounts(t string) (int, int) {
	a, b, ok := strings.Cut(t, "-")
	if !ok {
		return -1, -1
	}
	n, err1 := strconv.Atoi(a)
	m, err2 := strconv.Atoi(b)
	if err1 != nil || err2 != nil {
		return -1, -1
	}
	return n, m
}

// appendSentences writes the sentences of one side: 0 for a side of one
// sentence (or none); where every sentence is found in the side's text, in
// order, their spans in UTF-16 code units as a flat array (start, end, …),
// which keeps the page small; otherwise the sentences as strings.
func appendSentences(b []byte, text string, s []string) []byte {
	if len(s) == 0 {
		return append(b, '0')
	}
	spans := make([]int, 0, 2*len(s))
	cursor, pos16 := 0, 0 // a byte offset in text and its UTF-16 offset
	for _, x := range s {
		i := strings.Index(text[cursor:], x)
		if i < 0 || x == "" {
			spans = nil
			break
		}
		start := pos16 + utf16Len(text[cursor:cursor+i])
		end := start + utf16Len(x)
		spans = append(spans, start, end)
		cursor, pos16 = cursor+i+len(x), end
	}
	b = append(b, '[')
	if spans != nil {
		for k, n := range spans {
			if k > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendInt(b, int64(n), 10)
		}
		return append(b, ']')
	}
	for k, x := range s {
		if k > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, x)
	}
	return append(b, ']')
}

// appendEvidence writes the pair's usable evidence spans as a flat array
// (kind index, ZH start, ZH end, EN start, EN end, … in UTF-16 code units,
// what the page's script counts in) and returns how many spans were not
// usable: out of range, empty on a side, or not on UTF-8 character
// boundaries. A side given as 0, 0 is a side without evidence (a number
// with no counterpart) and is not counted.
func appendEvidence(b []byte, p align.Pair, index map[string]int, kinds *[]string) ([]byte, int) {
	if len(p.Evidence) == 0 {
		return append(b, '0'), 0
	}
	bad := 0
	n := 0
	for _, e := range p.Evidence {
		okZ := validSpan(p.ZH, e.ZHStart, e.ZHEnd)
		okE := validSpan(p.EN, e.ENStart, e.ENEnd)
		if !okZ && !(e.ZHStart == 0 && e.ZHEnd == 0) {
			bad++
		}
		if !okE && !(e.ENStart == 0 && e.ENEnd == 0) {
			bad++
		}
		if !okZ || !okE {
			continue
		}
		k, ok := index[e.Kind]
		if !ok {
			k = len(*kinds)
			index[e.Kind] = k
			*kinds = append(*kinds, e.Kind)
		}
		if n == 0 {
			b = append(b, '[')
		} else {
			b = append(b, ',')
		}
		n++
		b = strconv.AppendInt(b, int64(k), 10)
		for _, off := range [][3]int{{0, e.ZHStart, e.ZHEnd}, {1, e.ENStart, e.ENEnd}} {
			text := p.ZH
			if off[0] == 1 {
				text = p.EN
			}
			b = append(b, ',')
			b = strconv.AppendInt(b, int64(utf16Len(text[:off[1]])), 10)
			b = append(b, ',')
			b = strconv.AppendInt(b, int64(utf16Len(text[:off[2]])), 10)
		}
	}
	if n == 0 {
		return append(b, '0'), bad
	}
	return append(b, ']'), bad
}

func validSpan(text string, start, end int) bool {
	return start >= 0 && end <= len(text) && start < end &&
		utf8.RuneStart(text[start]) && (end == len(text) || utf8.RuneStart(text[end]))
}

// utf16Len is the length of s in UTF-16 code units as the page sees it:
// each invalid byte is one U+FFFD (see appendJSONString).
func utf16Len(s string) int {
	n := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

func jsonNum(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "null"
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as a JSON string that is safe inside an HTML
// script element: <, > and & are written as \u escapes (so no "</script>"
// or "<!--" can appear), as are U+2028, U+2029 and control characters;
// each invalid UTF-8 byte becomes U+FFFD.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"':
				b = append(b, '\\', '"')
			case '\\':
				b = append(b, '\\', '\\')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i++
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
