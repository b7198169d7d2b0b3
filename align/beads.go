package align

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// WriteBeads writes one bead per line in the notation of the alignment
// evaluation sets (Vecalign, Bertalign): the Chinese and the English
// sentence indices, 0-based, as [0,1]:[2], with [] for an empty side. A
// reversed range (see ReadBeads) is written as its lowest and highest
// index.
func WriteBeads(w io.Writer, beads []Bead) error {
	var b []byte
	for _, bd := range beads {
		b = b[:0]
		b = appendIDs(b, bd.ZH)
		b = append(b, ':')
		b = appendIDs(b, bd.EN)
		b = append(b, '\n')
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	return nil
}

func appendIDs(b []byte, r Range) []byte {
	if r.Start > r.End {
		b = append(b, '[')
		b = strconv.AppendInt(b, int64(r.End), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(r.Start-1), 10)
		return append(b, ']')
	}
	b = append(b, '[')
	for i := r.Start; i < r.End; i++ {
		if i > r.Start {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, int64(i), 10)
	}
	return append(b, ']')
}

// ReadBeads reads beads in the notation WriteBeads writes, one per line;
// spaces around the numbers and blank lines are allowed. The indices of a
// side must increase. An empty side is placed after the highest index of
// that side read so far. Some hand-made gold files hold a side whose
// indices are not consecutive ([71,73]:[117] with [72]:[] after it), which
// no Range can hold: such a side is read as the reversed range {Start:
// highest+1, End: lowest}, whose Len is negative and which no aligner's
// bead equals, so that StrictF1 scores it as the evaluations do, as a gold
// bead never found. Errors name the input and the line
// ("gold/001.align:7: …").
func ReadBeads(r io.Reader, name string) ([]Bead, error) {
	if r == nil {
		return nil, fmt.Errorf("align: %s: nil reader", name)
	}
	var out []Bead
	nextZH, nextEN := 0, 0
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<20)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" {
			continue
		}
		zs, es, ok := strings.Cut(text, ":")
		if !ok {
			return nil, fmt.Errorf("align: %s:%d: want [zh ids]:[en ids], got %.40q", name, line, text)
		}
		zh, err := parseIDs(zs, nextZH)
		if err != nil {
			return nil, fmt.Errorf("align: %s:%d: Chinese side: %v", name, line, err)
		}
		en, err := parseIDs(es, nextEN)
		if err != nil {
			return nil, fmt.Errorf("align: %s:%d: English side: %v", name, line, err)
		}
		nextZH, nextEN = max(nextZH, zh.Start, zh.End), max(nextEN, en.Start, en.End)
		out = append(out, Bead{ZH: zh, EN: en})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("align: %s: %w", name, err)
	}
	return out, nil
}

// maxIndex bounds the sentence indices ReadBeads accepts.
const maxIndex = 1 << 31

// parseIDs reads "[3,4,5]" as the Range {3, 6}, "[3,5]" as the reversed
// Range {6, 3}; "[]" is the empty range at next.
func parseIDs(s string, next int) (Range, error) {
	s = strings.TrimSpace(s)
	if len(s) < 2 || s[0] != '[' || s[len(s)-1] != ']' {
		return Range{}, fmt.Errorf("%.40q is not a [list]", s)
	}
	s = strings.TrimSpace(s[1 : len(s)-1])
	if s == "" {
		return Range{next, next}, nil
	}
	lo, hi := -1, -1
	gap := false
	for f := range strings.SplitSeq(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 0 || n >= maxIndex {
			return Range{}, fmt.Errorf("bad sentence index %.20q", strings.TrimSpace(f))
		}
		switch {
		case lo < 0:
			lo = n
		case n <= hi:
			return Range{}, fmt.Errorf("index %d after %d: a side's indices must increase", n, hi)
		case n > hi+1:
			gap = true
		}
		hi = n
	}
	if gap {
		return Range{hi + 1, lo}, nil
	}
	return Range{lo, hi + 1}, nil
}

// StrictF1 scores test beads against gold beads by the strict measure of
// the Vecalign and Bertalign evaluations: a bead is right when it is
// exactly a gold bead (the same sentences on both sides). Precision counts
// every distinct test bead, 1-0 and 0-1 included; recall counts the
// distinct gold beads with sentences on both sides, found among the test
// beads with sentences on both sides. Beads with no sentence at all are
// ignored, and a zero denominator gives 0. For several documents, shift
// each document's indices past the previous ones and score the
// concatenation (the evaluations sum their counts over documents).
func StrictF1(gold, test []Bead) (precision, recall, f1 float64) {
	type key struct{ zh, en Range }
	keyOf := func(b Bead) key {
		// An empty side is the same wherever it lies.
		if b.ZH.Len() == 0 {
			b.ZH = Range{}
		}
		if b.EN.Len() == 0 {
			b.EN = Range{}
		}
		return key{b.ZH, b.EN}
	}
	set := func(bs []Bead, both bool) map[key]bool {
		m := make(map[key]bool, len(bs))
		for _, b := range bs {
			z, e := b.ZH.Len() != 0, b.EN.Len() != 0 // reversed ranges count as sentences
			if !z && !e || both && !(z && e) {
				continue
			}
			m[keyOf(b)] = true
		}
		return m
	}
	hits := func(of, in map[key]bool) int {
		n := 0
		for k := range of {
			if in[k] {
				n++
			}
		}
		return n
	}
	g, t := set(gold, false), set(test, false)
	if len(t) > 0 {
		precision = float64(hits(t, g)) / float64(len(t))
	}
	gb, tb := set(gold, true), set(test, true)
	if len(gb) > 0 {
		recall = float64(hits(gb, tb)) / float64(len(gb))
	}
	if precision+recall > 0 {
		f1 = 2 * precision * recall / (precision + recall)
	}
	return precision, recall, f1
}
