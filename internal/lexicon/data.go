package lexicon

import (
	"bufio"
	"cmp"
	"compress/gzip"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// RawEntry is one headword with its reduced glosses, as the generator
// produces it before encoding (see [WriteData]).
type RawEntry struct {
	Simplified  string   // simplified headword
	Traditional []string // traditional forms that differ from Simplified
	Senses      int      // source dictionary lines merged into this entry
	Stems       []string // English gloss stems (content words, stemmed)
}

// WriteText writes entries in the package's data format, uncompressed, with
// the comment lines header. Entries are sorted by simplified headword;
// entries with the same headword are merged (traditional forms, senses and
// stems united); entries without stems are dropped. Stem IDs are given in
// order of decreasing number of entries using the stem, then
// alphabetically, so that frequent stems have short IDs. The output is
// deterministic.
func WriteText(w io.Writer, header []string, entries []RawEntry) error {
	merged := map[string]*RawEntry{}
	for _, e := range entries {
		if e.Simplified == "" || strings.ContainsAny(e.Simplified, "\t\n\r ") {
			return fmt.Errorf("lexicon: bad headword %q", e.Simplified)
		}
		m := merged[e.Simplified]
		if m == nil {
			m = &RawEntry{Simplified: e.Simplified}
			merged[e.Simplified] = m
		}
		for _, t := range e.Traditional {
			if t != e.Simplified && t != "" && !strings.ContainsAny(t, "\t\n\r ") {
				m.Traditional = append(m.Traditional, t)
			}
		}
		m.Senses += e.Senses
		for _, s := range e.Stems {
			if s == "" || strings.ContainsAny(s, "\t\n\r ,") {
				return fmt.Errorf("lexicon: bad stem %q in entry %q", s, e.Simplified)
			}
			m.Stems = append(m.Stems, s)
		}
	}
	list := make([]*RawEntry, 0, len(merged))
	df := map[string]int{}
	for _, m := range merged {
		slices.Sort(m.Stems)
		m.Stems = slices.Compact(m.Stems)
		if len(m.Stems) == 0 {
			continue
		}
		slices.Sort(m.Traditional)
		m.Traditional = slices.Compact(m.Traditional)
		m.Senses = min(max(m.Senses, 1), 0xFFFF)
		for _, s := range m.Stems {
			df[s]++
		}
		list = append(list, m)
	}
	slices.SortFunc(list, func(a, b *RawEntry) int { return strings.Compare(a.Simplified, b.Simplified) })
	vocab := make([]string, 0, len(df))
	for s := range df {
		vocab = append(vocab, s)
	}
	slices.SortFunc(vocab, func(a, b string) int {
		return cmp.Or(cmp.Compare(df[b], df[a]), strings.Compare(a, b))
	})
	ids := make(map[string]int, len(vocab))
	for i, s := range vocab {
		ids[s] = i
	}

	type alias struct {
		form string
		id   int
	}
	var aliases []alias
	simp := make(map[string]bool, len(list))
	for _, m := range list {
		simp[m.Simplified] = true
	}
	bw := bufio.NewWriter(w)
	bw.WriteString(magic + "\n")
	for _, h := range header {
		bw.WriteString("# " + strings.ReplaceAll(h, "\n", " ") + "\n")
	}
	fmt.Fprintf(bw, "stems %d\n", len(vocab))
	for _, s := range vocab {
		bw.WriteString(s + "\n")
	}
	fmt.Fprintf(bw, "entries %d\n", len(list))
	var num []int
	var line []byte
	prevWord := ""
	for i, m := range list {
		line = appendFront(line[:0], prevWord, m.Simplified)
		prevWord = m.Simplified
		line = append(line, '\t')
		if m.Senses != 1 {
			line = strconv.AppendInt(line, int64(m.Senses), 10)
		}
		line = append(line, '\t')
		num = num[:0]
		for _, s := range m.Stems {
			num = append(num, ids[s])
		}
		slices.Sort(num)
		prev := 0
		for _, n := range num {
			line = appendCode(line, n-prev)
			prev = n
		}
		bw.Write(append(line, '\n'))
		for _, t := range m.Traditional {
			if !simp[t] {
				aliases = append(aliases, alias{t, i})
			}
		}
	}
	// A traditional form shared by several entries (乾 → 干, 乾) goes to
	// the first of them in headword order.
	slices.SortStableFunc(aliases, func(a, b alias) int { return strings.Compare(a.form, b.form) })
	aliases = slices.CompactFunc(aliases, func(a, b alias) bool { return a.form == b.form })
	fmt.Fprintf(bw, "aliases %d\n", len(aliases))
	prevWord = ""
	for _, a := range aliases {
		line = appendFront(line[:0], prevWord, a.form)
		prevWord = a.form
		line = append(line, '\t')
		line = appendCode(line, a.id)
		bw.Write(append(line, '\n'))
	}
	return bw.Flush()
}

// WriteData writes entries like [WriteText], gzip-compressed at the best
// compression level with no name or time stamp in the gzip header, so the
// output depends only on its input (and the Go version's compressor).
func WriteData(w io.Writer, header []string, entries []RawEntry) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	if err := WriteText(zw, header, entries); err != nil {
		return err
	}
	return zw.Close()
}

// appendFront appends w front-coded against the previous word prev: the
// number of leading bytes shared (cut back to a rune boundary) as a number
// code, then the rest of w.
func appendFront(b []byte, prev, w string) []byte {
	c := 0
	for c < len(prev) && c < len(w) && prev[c] == w[c] {
		c++
	}
	for c > 0 && c < len(w) && !utf8.RuneStart(w[c]) {
		c--
	}
	b = appendCode(b, c)
	return append(b, w[c:]...)
}
