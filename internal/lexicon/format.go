package lexicon

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync/atomic"
	"unicode/utf8"
	"unsafe"
)

// Data file format, version 2: UTF-8 text, one record per line, optionally
// gzip-compressed (the embedded lexicon.dat is not compressed: decoding it
// then needs no inflating and no copy, and git and module zips compress it
// anyway):
//
//	zhenlex 2
//	# comment lines: source, date, licence, what was changed
//	stems N
//	N lines, one stem each; the k-th is stem ID k
//	entries M
//	M lines: HEADWORD TAB SENSES TAB GLOSSES
//	aliases K
//	K lines: FORM TAB ENTRY
//
// Entries are sorted by simplified headword (byte order) and numbered from
// 0; HEADWORD is front-coded: the number of leading bytes it shares with the
// previous headword, as a number code, then the rest of it (after 党,
// "D员" is 党员: 3 bytes shared, then 员);
// SENSES is the decimal number of dictionary lines merged into the entry
// (empty for 1). GLOSSES is the entry's ascending stem IDs as deltas from the
// previous ID (the first from 0), each written as a number code. Aliases
// (traditional forms) are sorted by form and front-coded the same way in
// FORM; ENTRY is an entry ID as a number code. A number code is the number in base 32, most significant digit
// first, all digits but the last from [codeCont] and the last from
// [codeFinal], so codes need no separator: 0 = "A", 31 = "*", 32 = "1A".
const magic = "zhenlex 2"

const (
	codeCont  = "0123456789abcdefghijklmnopqrstuv"
	codeFinal = "ABCDEFGHIJKLMNOPQRSTUVWXYZ@#$%&*"
)

// codeVal maps a code byte to its digit value (0–31) plus 32 for final
// digits, or 0xFF for bytes that are not code digits.
var codeVal = func() (t [256]byte) {
	for i := range t {
		t[i] = 0xFF
	}
	for i := range 32 {
		t[codeCont[i]] = byte(i)
		t[codeFinal[i]] = byte(i) + 32
	}
	return t
}()

func appendCode(b []byte, v int) []byte {
	var tmp [8]byte
	i := len(tmp) - 1
	tmp[i] = codeFinal[v&31]
	for v >>= 5; v > 0; v >>= 5 {
		i--
		tmp[i] = codeCont[v&31]
	}
	return append(b, tmp[i:]...)
}

// nextCode decodes the number code at the start of s and returns the value
// and the rest of s; ok is false on a malformed or too long code.
func nextCode(s string) (v int32, rest string, ok bool) {
	for i := 0; i < len(s) && i < 6; i++ {
		d := codeVal[s[i]]
		if d == 0xFF {
			return 0, s, false
		}
		v = v<<5 | int32(d&31)
		if d >= 32 {
			return v, s[i+1:], true
		}
	}
	return 0, s, false
}

// Load reads a lexicon in the package's data format, gzip-compressed or
// not. Errors name the line of the (uncompressed) data.
//
// Compressed data is inflated in a second goroutine while the lines already
// inflated are parsed, which hides most of the decompression time when a
// second CPU is free.
func Load(r io.Reader) (*Lexicon, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("lexicon: reading data: %w", err)
	}
	if len(b) < 18 || b[0] != 0x1f || b[1] != 0x8b {
		if len(b) == 0 {
			return parse(&lineReader{})
		}
		// b is not used again: the lexicon's strings share its memory.
		s := unsafe.String(&b[0], len(b))
		return parse(&lineReader{data: s, limit: len(s)})
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	// The gzip trailer holds the uncompressed size (mod 2³²). One byte more
	// is allocated, to notice data longer than announced.
	size := int(binary.LittleEndian.Uint32(b[len(b)-4:]))
	buf := make([]byte, min(size, 64<<20)+1)
	f := &feeder{notify: make(chan struct{}, 1)}
	go f.inflate(zr, buf)
	l, perr := parse(&lineReader{data: unsafe.String(&buf[0], len(buf)), feed: f})
	f.wait(len(buf)) // until inflate is done
	if f.err != nil {
		return nil, fmt.Errorf("lexicon: decompressing data: %w", f.err)
	}
	return l, perr
}

// feeder publishes how much of a buffer another goroutine has filled.
type feeder struct {
	n      atomic.Int64  // bytes filled; they are not written again
	done   atomic.Bool   // filling ended (n is final, err is set)
	notify chan struct{} // signalled after n or done changes
	err    error
}

func (f *feeder) signal() {
	select {
	case f.notify <- struct{}{}:
	default:
	}
}

// inflate fills buf from zr and publishes the progress.
func (f *feeder) inflate(zr io.Reader, buf []byte) {
	n := 0
	for {
		k, err := zr.Read(buf[n:])
		n += k
		f.n.Store(int64(n))
		if err == nil && n == len(buf) {
			err = errors.New("more data than the gzip trailer announces")
		}
		if err != nil {
			if err != io.EOF {
				f.err = err
			}
			f.done.Store(true)
			f.signal()
			return
		}
		if k > 0 {
			f.signal()
		}
	}
}

// wait blocks until more than have bytes are filled or filling is done, and
// returns the bytes filled.
func (f *feeder) wait(have int) (n int, done bool) {
	for {
		if n := int(f.n.Load()); n > have {
			return n, false
		}
		if f.done.Load() {
			return int(f.n.Load()), true
		}
		<-f.notify
	}
}

// lineReader reads lines from data[:limit], waiting for the feeder (when
// there is one) to extend limit.
type lineReader struct {
	data       string
	pos, limit int
	line       int
	feed       *feeder
}

// more extends limit and reports whether it grew.
func (lr *lineReader) more() bool {
	if lr.feed == nil {
		return false
	}
	n, _ := lr.feed.wait(lr.limit)
	grew := n > lr.limit
	lr.limit = n
	return grew
}

func (lr *lineReader) next() (string, bool) {
	for {
		if i := strings.IndexByte(lr.data[lr.pos:lr.limit], '\n'); i >= 0 {
			l := lr.data[lr.pos : lr.pos+i]
			lr.pos += i + 1
			lr.line++
			return l, true
		}
		if !lr.more() {
			if lr.pos == lr.limit {
				return "", false
			}
			l := lr.data[lr.pos:lr.limit]
			lr.pos = lr.limit
			lr.line++
			return l, true
		}
	}
}

// peek returns the next byte without consuming it, or 0 at the end.
func (lr *lineReader) peek() byte {
	for lr.pos == lr.limit {
		if !lr.more() {
			return 0
		}
	}
	return lr.data[lr.pos]
}

// rest returns all that is left.
func (lr *lineReader) rest() string {
	for lr.more() {
	}
	r := lr.data[lr.pos:lr.limit]
	lr.pos = lr.limit
	return r
}

func (lr *lineReader) errorf(format string, args ...any) error {
	return fmt.Errorf("lexicon: data line %d: %s", max(lr.line, 1), fmt.Sprintf(format, args...))
}

// count reads a "name N" line.
func (lr *lineReader) count(name string) (int, error) {
	l, ok := lr.next()
	if !ok {
		return 0, lr.errorf("missing %q line", name)
	}
	rest, found := strings.CutPrefix(l, name+" ")
	n, err := strconv.Atoi(rest)
	if !found || err != nil || n < 0 || n > 1<<26 {
		return 0, lr.errorf("want %q and a count, have %q", name, l)
	}
	return n, nil
}

func parse(lr *lineReader) (*Lexicon, error) {
	if l, _ := lr.next(); l != magic {
		return nil, lr.errorf("not a lexicon file (want %q)", magic)
	}
	l := &Lexicon{}
	for lr.peek() == '#' {
		c, _ := lr.next()
		l.header = append(l.header, strings.Clone(strings.TrimSpace(strings.TrimPrefix(c, "#"))))
	}

	arena := &frontDecoder{}
	ns, err := lr.count("stems")
	if err != nil {
		return nil, err
	}
	l.stems = make([]string, ns)
	l.stemIx = make(map[string]int32, ns)
	for i := range ns {
		st, ok := lr.next()
		if !ok || st == "" {
			return nil, lr.errorf("stem %d missing or empty", i)
		}
		if _, dup := l.stemIx[st]; dup {
			return nil, lr.errorf("duplicate stem %q", st)
		}
		st = arena.copy(st) // not into the data buffer, so that it can be freed
		l.stems[i] = st
		l.stemIx[st] = int32(i)
	}

	ne, err := lr.count("entries")
	if err != nil {
		return nil, err
	}
	l.words = make([]string, ne)
	l.senses = make([]uint16, ne)
	l.glossOff = make([]int32, ne+1)
	l.gloss = make([]int32, 0, ne*4)
	nodes := 0
	prevWord := ""
	for i := range ne {
		line, ok := lr.next()
		if !ok {
			return nil, lr.errorf("entry %d missing", i)
		}
		fw, rest, ok1 := strings.Cut(line, "\t")
		sn, ids, ok2 := strings.Cut(rest, "\t")
		w, ok3 := arena.front(prevWord, fw)
		if !ok1 || !ok2 || !ok3 || w == "" || !utf8.ValidString(w) {
			return nil, lr.errorf("want HEADWORD TAB SENSES TAB GLOSSES, have %q", line)
		}
		prevWord = w
		if i > 0 && l.words[i-1] >= w {
			return nil, lr.errorf("headword %q not after %q (want sorted, unique)", w, l.words[i-1])
		}
		senses := int32(1)
		if sn != "" {
			if senses, err = atoi32(sn); err != nil || senses > 0xFFFF {
				return nil, lr.errorf("bad sense count %q", sn)
			}
		}
		l.words[i], l.senses[i] = w, uint16(senses)
		if i > 0 {
			nodes += newRunes(l.words[i-1], w)
		} else {
			nodes += utf8.RuneCountInString(w)
		}
		prev := int32(-1)
		for ids != "" {
			d, r, ok := nextCode(ids)
			id := prev + d
			if prev < 0 {
				id = d
			}
			if !ok || id <= prev || int(id) >= ns {
				return nil, lr.errorf("bad gloss code at %q (want ascending stem IDs < %d)", ids, ns)
			}
			l.gloss = append(l.gloss, id)
			prev, ids = id, r
		}
		l.maxRune = max(l.maxRune, utf8.RuneCountInString(w))
		l.glossOff[i+1] = int32(len(l.gloss))
	}

	na, err := lr.count("aliases")
	if err != nil {
		return nil, err
	}
	type alias struct {
		form string
		id   int32
	}
	aliases := make([]alias, na)
	anodes := 0
	prevWord = ""
	for i := range na {
		line, ok := lr.next()
		if !ok {
			return nil, lr.errorf("alias %d missing", i)
		}
		fform, code, _ := strings.Cut(line, "\t")
		form, okf := arena.front(prevWord, fform)
		id, rest, ok := nextCode(code)
		if !ok || !okf || rest != "" || form == "" || !utf8.ValidString(form) || int(id) >= ne {
			return nil, lr.errorf("want FORM TAB ENTRY, have %q", line)
		}
		if i > 0 && aliases[i-1].form >= form {
			return nil, lr.errorf("alias %q not after %q (want sorted, unique)", form, aliases[i-1].form)
		}
		prevWord = form
		aliases[i] = alias{form, id}
		l.maxRune = max(l.maxRune, utf8.RuneCountInString(form))
		if i > 0 {
			anodes += newRunes(aliases[i-1].form, form)
		} else {
			anodes += utf8.RuneCountInString(form)
		}
	}
	if rest := strings.TrimSpace(lr.rest()); rest != "" {
		lr.line++
		return nil, lr.errorf("unexpected data after the aliases")
	}

	l.indexPinyin()
	l.stemDF = make([]int32, ns)
	for _, g := range l.gloss {
		l.stemDF[g]++
	}
	// Simplified headwords first; then traditional forms, unless the form
	// is itself a simplified headword.
	l.trie.init(nodes + anodes)
	add := sortedAdder{t: &l.trie}
	for i, w := range l.words {
		if !add.add(w, int32(i), false) {
			return nil, errTrieFull
		}
	}
	add = sortedAdder{t: &l.trie}
	for _, a := range aliases {
		if !add.add(a.form, a.id, true) {
			return nil, errTrieFull
		}
	}
	return l, nil
}

var errTrieFull = fmt.Errorf("lexicon: data: more than %d trie nodes", maxNodes-1)

// frontDecoder rebuilds front-coded words into one arena; the strings it
// returns stay valid (each arena chunk is never written again once a
// string points into it).
type frontDecoder struct {
	buf []byte
}

// front decodes a front-coded word (number code of shared bytes, then the
// rest) against the previous word prev.
func (d *frontDecoder) front(prev, coded string) (string, bool) {
	c, rest, ok := nextCode(coded)
	if !ok || int(c) > len(prev) {
		return "", false
	}
	return d.put(prev[:c], rest), true
}

// copy copies s into the arena.
func (d *frontDecoder) copy(s string) string { return d.put("", s) }

// put stores a+b in the arena.
func (d *frontDecoder) put(a, b string) string {
	n := len(a) + len(b)
	if n == 0 {
		return ""
	}
	if len(d.buf)+n > cap(d.buf) {
		d.buf = make([]byte, 0, max(n, 256<<10))
	}
	start := len(d.buf)
	d.buf = append(d.buf, a...)
	d.buf = append(d.buf, b...)
	return unsafe.String(&d.buf[start], n)
}

// newRunes returns the number of runes of w after its common prefix with
// prev: the trie nodes w adds after prev in sorted order.
func newRunes(prev, w string) int {
	c := 0
	for c < len(prev) && c < len(w) && prev[c] == w[c] {
		c++
	}
	for c > 0 && c < len(w) && !utf8.RuneStart(w[c]) {
		c--
	}
	return utf8.RuneCountInString(w[c:])
}

func atoi32(s string) (int32, error) {
	if s == "" || len(s) > 9 {
		return 0, errors.New("bad number")
	}
	var v int32
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, errors.New("bad number")
		}
		v = v*10 + int32(c-'0')
	}
	return v, nil
}
