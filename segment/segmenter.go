package segment

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Segmenter turns raw files into segmented documents: it reads plain text,
// Word .docx documents and web pages (recognised by content; see the
// package manual, Input formats), decodes, cleans (recording every change
// and removal in the document's Report), splits a bilingual file
// into its Chinese and English documents, finds paragraphs and their kinds,
// and splits sentences with SplitSentences. The zero value detects the
// encoding, refuses invalid bytes, applies every cleaning rule and uses the
// default sentence rules: the right settings for Chinese–English press text.
// A Segmenter is safe for concurrent use if its fields are not changed.
type Segmenter struct {
	// Encoding names the input encoding (see Decode): "" detects it;
	// "utf-8", "utf-16le", "utf-16be", "gb18030", "gbk", "big5", or
	// "windows-1252" (Western English text, see Windows1252), which
	// detection also recognises. For a web page it overrides the page's
	// own declaration; a Word document is always read as its XML says.
	Encoding string
	// ReplaceInvalid replaces invalid byte sequences by U+FFFD instead of
	// failing; the Report counts and lists them (rule "invalid-bytes"). It
	// also lets a text with a few stray NUL bytes through (the control rule
	// removes them); without it any NUL outside UTF-16 is ErrBinary, except
	// NUL padding at the very end of the file, which the control rule
	// removes (and reports) either way.
	ReplaceInvalid bool
	// Disable lists cleaning rules to switch off, by name (see
	// CleaningRules and the Rule… constants). An unknown name is an error.
	Disable []string
	// Rules are the sentence rules passed to SplitSentences; nil selects
	// the default rules for each language.
	Rules *Rules
	// MaxBytes is the largest input read, in bytes (for a Word document,
	// of its text once unpacked). 0 means DefaultMaxBytes; a negative
	// value means no limit. A larger input is an error matching
	// ErrTooLarge.
	MaxBytes int64
}

// DefaultMaxBytes is the input size limit of a Segmenter whose MaxBytes is
// 0: 512 MiB, far above any press text or book, so that a wrong file (a
// disk image, /dev/zero) ends with an error instead of exhausting memory.
const DefaultMaxBytes = 512 << 20

func (s *Segmenter) maxBytes() int64 {
	switch {
	case s.MaxBytes == 0:
		return DefaultMaxBytes
	case s.MaxBytes < 0:
		return 1<<63 - 1
	}
	return s.MaxBytes
}

// Error is the error type of the package for problems with an input: it
// names the file and, where known, the 1-based line and the byte offset in
// the input. Err says what was wrong and matches the package's sentinel
// errors with errors.Is.
type Error struct {
	File string // the name given by the caller; may be empty
	Line int    // 1-based line, 0 when the error is about the whole input
	// Offset is the byte offset in the input (valid when Line > 0), in
	// the input's own encoding (UTF-16, GB18030, Big5…) and counting a
	// byte order mark.
	Offset int
	Err    error // what was wrong; matches the package's sentinel errors with errors.Is
}

// Error formats the error as "segment: FILE: line L, byte B: MESSAGE".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("segment: ")
	if e.File != "" {
		b.WriteString(e.File)
		b.WriteString(": ")
	}
	if e.Line > 0 {
		fmt.Fprintf(&b, "line %d, byte %d: ", e.Line, e.Offset)
	}
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// Errors reported (wrapped in *Error) for inputs that cannot be segmented.
var (
	// ErrEmpty: the input is empty or holds only white space (for
	// Monolingual: no hanzi and no Latin letter once cleaned).
	ErrEmpty = errors.New("no text: the input is empty or blank")
	// ErrBinary: the input holds NUL bytes (allowed, and removed, with
	// ReplaceInvalid unless there are many; NUL padding at the end of a
	// file is always removed) or mostly control characters.
	ErrBinary = errors.New("binary data, not text")
	// ErrOneLanguage: a file given to Bilingual holds only one language;
	// the message says which one was found.
	ErrOneLanguage = errors.New("not a bilingual file")
	// ErrLayout: a file given to Bilingual holds both languages in a
	// layout it does not read (a two-column table); the message says which.
	ErrLayout = errors.New("unsupported bilingual layout")
	// ErrWrongLanguage: a file given to Monolingual as one language is
	// almost all in the other; the message says which.
	ErrWrongLanguage = errors.New("wrong language")
	// ErrTooLarge: the input is larger than Segmenter.MaxBytes.
	ErrTooLarge = errors.New("input too large")
)

// prepared is an input after decoding and line cleaning.
type prepared struct {
	dec   decoded
	lines []line
	rep   []Change // decoding and line-level changes, in input order
	on    ruleSet
}

func withFile(err error, name string) error {
	var e *Error
	if errors.As(err, &e) {
		e.File = name
		return e
	}
	return &Error{File: name, Err: err}
}

func (s *Segmenter) prepare(name string, data []byte) (*prepared, error) {
	on, err := newRuleSet(s.Disable)
	if err != nil {
		return nil, withFile(err, name)
	}
	dec, rep, heads, err := s.decodeAny(name, data, on)
	if err != nil {
		return nil, err
	}
	p := &prepared{dec: dec, on: on, rep: rep}
	p.lines = splitLines(dec.text, on, &p.rep)
	for i := range p.lines {
		p.lines[i].heading = heads[p.lines[i].no]
	}
	for i := range p.lines {
		cleanLine(&p.lines[i], on, &p.rep)
	}
	lineRules(p.lines, on, &p.rep)
	for i := range p.lines {
		l := &p.lines[i]
		if !l.blank() {
			l.lang = DetectLang(l.text)
		}
	}
	return p, nil
}

// DecodeFile decodes a file as Bilingual and Monolingual do, without
// cleaning it: the encoding is taken from s.Encoding or detected (Windows1252
// included), a byte order mark and NUL padding at the end of the file are
// removed, invalid bytes are an *Error naming the file, line and byte
// offset (or U+FFFD with s.ReplaceInvalid), and binary data or a blank file
// is an error (ErrBinary, ErrEmpty). The Report gives the encoding and lists
// what decoding removed or replaced; line endings are left as they are.
// A Word document or web page gives its text with one paragraph per line
// (Report.Format names it; the Report lists the markup removed).
// It is for text that is already segmented, one sentence per line, where
// cleaning must not join, drop or renumber lines.
func (s *Segmenter) DecodeFile(name string, data []byte) (text string, rep *Report, err error) {
	on, err := newRuleSet(s.Disable)
	if err != nil {
		return "", nil, withFile(err, name)
	}
	dec, changes, err := s.decodeInput(name, data, on)
	if err != nil {
		return "", nil, err
	}
	return dec.text, &Report{Format: dec.format, Encoding: dec.enc, BOM: dec.bom, Replaced: dec.replaced, Changes: changes}, nil
}

// decodeInput is the decoding step of prepare: it returns the decoded text
// and the changes decoding made (byte order mark, replaced bytes, NUL
// padding), or an *Error that names the file and the position in the input.
func (s *Segmenter) decodeInput(name string, data []byte, on ruleSet) (decoded, []Change, error) {
	dec, rep, _, err := s.decodeAny(name, data, on)
	return dec, rep, err
}

// decodeAny is decodeInput that also reads Word and HTML input: it returns
// the lines that are headings in the structure of such a document.
func (s *Segmenter) decodeAny(name string, data []byte, on ruleSet) (decoded, []Change, map[int]bool, error) {
	if len(data) == 0 {
		return decoded{}, nil, nil, &Error{File: name, Err: ErrEmpty}
	}
	if int64(len(data)) > s.maxBytes() {
		return decoded{}, nil, nil, &Error{File: name, Err: fmt.Errorf("%w: %d bytes, more than the limit of %d (Segmenter.MaxBytes)", ErrTooLarge, len(data), s.maxBytes())}
	}
	format, err := sniffFormat(name, data)
	if err != nil {
		return decoded{}, nil, nil, &Error{File: name, Err: err}
	}
	if format != "" {
		x, err := s.extract(format, data)
		if err != nil {
			return decoded{}, nil, nil, withFile(err, name)
		}
		if isBlankText(x.text) {
			return decoded{}, nil, nil, &Error{File: name, Err: fmt.Errorf("%w (no text in the %s document once its markup is removed)", ErrEmpty, formatName(format))}
		}
		dec := decoded{text: x.text, enc: x.enc, bom: x.bom, replaced: x.replaced, format: format}
		var rep []Change
		if x.bom {
			rep = append(rep, Change{Rule: "bom", Line: 1, Offset: 0, Old: "\uFEFF", Note: "byte order mark of " + displayName(x.enc) + " removed by decoding"})
		}
		return dec, append(rep, x.changes...), x.headings, nil
	}
	dec, rep, err := s.decodeText(name, data, on)
	return dec, rep, nil, err
}

// formatName is the name of a format in messages.
func formatName(format string) string {
	switch format {
	case FormatDocx:
		return "Word"
	case FormatHTML:
		return "HTML"
	}
	return "text"
}

// decodeText decodes plain text.
func (s *Segmenter) decodeText(name string, data []byte, on ruleSet) (decoded, []Change, error) {
	enc, _ := normEncoding(s.Encoding)
	utf16 := enc == UTF16LE || enc == UTF16BE || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) ||
		enc == "" && utf16Hint(data) != ""
	// NUL padding at the end of a file (left by fixed-size buffers and some
	// exporters) is not binary data: the control rule removes it, on record.
	var padding *Change
	if on[RuleControl] {
		if end, ok := nulPadding(data, utf16); ok {
			n := len(data) - end
			old := strings.Repeat("\x00", n)
			if utf16 {
				old = strings.Repeat("\x00", (n+1)/2) // U+0000 characters
			}
			padding = &Change{Rule: RuleControl, Old: old,
				Note: fmt.Sprintf("%d NUL bytes of padding at the end of the file removed", n)}
			data = data[:end]
		}
	}
	if !utf16 && !s.ReplaceInvalid {
		if i := bytes.IndexByte(data, 0); i >= 0 {
			err := binaryError(data)
			if hint := utf16Hint(data); hint != "" {
				err = fmt.Errorf("%w (it looks like %s without a byte order mark: decode it as %q, Segmenter.Encoding or -encoding %s)", ErrBinary, displayName(hint), hint, hint)
			}
			return decoded{}, nil, &Error{File: name, Line: inputLine(data, i, false), Offset: i, Err: err}
		}
	}
	var dec decoded
	if isWindows1252(s.Encoding) || s.Encoding == "" && !utf16 && looksWindows1252(data) {
		dec = decoded{enc: Windows1252}
		b, _ := charmap.Windows1252.NewDecoder().Bytes(data) // every byte maps
		dec.text = string(b)
	} else {
		var err error
		if dec, err = decode(data, s.Encoding, s.ReplaceInvalid); err != nil {
			if hint := utf16NoNULHint(data); hint != "" && s.Encoding == "" && !utf16 {
				return decoded{}, nil, &Error{File: name, Err: utf16Error(hint)}
			}
			var e *Error
			if errors.As(err, &e) && e.Line > 0 && e.Offset <= len(data) {
				// The decoder counts LF only; a file with CR or CRLF
				// line ends is counted as the cleaning rules count it.
				e.Line = inputLine(data, e.Offset, dec.enc == UTF16LE || dec.enc == UTF16BE)
			}
			if e != nil && errors.Is(err, ErrInvalidEncoding) {
				how := "give the file's encoding (Segmenter.Encoding, -encoding)"
				if s.Encoding != "" {
					how = "check the encoding given"
				}
				if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) || bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) {
					// the byte order mark names the encoding
					e.Err = fmt.Errorf("%w (the file is damaged: set ReplaceInvalid (-lossy) to replace invalid bytes by U+FFFD, counted in the report)", e.Err)
				} else {
					e.Err = fmt.Errorf("%w (the file is not valid %s: %s, or set ReplaceInvalid (-lossy) to replace invalid bytes by U+FFFD, counted in the report)", e.Err, displayName(dec.enc), how)
				}
			}
			return decoded{}, nil, withFile(err, name)
		}
	}
	if off, ok := binaryText(dec.text, !s.ReplaceInvalid); ok {
		line := countLines(dec.text[:off]) + 1
		err := binaryError(data)
		if dec.enc == UTF16LE || dec.enc == UTF16BE {
			err = fmt.Errorf("%w; %s", ErrBinary, formatsRead)
		}
		return decoded{}, nil, &Error{File: name, Line: line, Offset: inputOffset(dec, off), Err: err}
	}
	if isBlankText(dec.text) {
		return decoded{}, nil, &Error{File: name, Err: ErrEmpty}
	}
	var rep []Change
	if dec.bom {
		// Not a cleaning rule: decoding removes the mark; say so.
		rep = append(rep, Change{Rule: "bom", Line: 1, Offset: 0, Old: "\uFEFF", Note: "byte order mark of " + displayName(dec.enc) + " removed by decoding"})
	}
	rep = append(rep, dec.changes...)
	if padding != nil {
		// The NULs stood at the end of the decoded text.
		padding.Offset = len(dec.text)
		padding.Line = countLines(dec.text) + 1
		rep = append(rep, *padding)
	}
	return dec, rep, nil
}

// Windows1252 is the name, in Report.Encoding and Segmenter.Encoding, of
// the Western single-byte encoding of English text saved as "ANSI" on
// Windows (a superset of Latin-1: "latin-1", "iso-8859-1" and "cp1252" name
// it too). Detection chooses it for text that is not valid UTF-8 and whose
// few non-ASCII bytes stand alone between ASCII bytes (’ “ ” – é), which
// GB18030 or Big5 would otherwise read as stray hanzi ("Party’s" as
// "Party抯").
const Windows1252 = "windows-1252"

func isWindows1252(name string) bool {
	switch strings.ReplaceAll(strings.ToLower(strings.TrimSpace(name)), "_", "-") {
	case Windows1252, "cp1252", "windows1252", "latin-1", "latin1", "iso-8859-1", "iso8859-1":
		return true
	}
	return false
}

// looksWindows1252 reports whether data, not valid UTF-8, reads as text in a
// single-byte Western encoding: bytes >= 0x80 are at most a tenth of the
// data and at least four in five of them stand alone (ASCII on both sides),
// where Chinese multi-byte text has them in runs.
func looksWindows1252(data []byte) bool {
	if bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) {
		return false
	}
	high, alone := 0, 0
	for i, c := range data {
		if c < 0x80 {
			continue
		}
		high++
		if (i == 0 || data[i-1] < 0x80) && (i+1 == len(data) || data[i+1] < 0x80) {
			alone++
		}
	}
	if high == 0 || high*10 > len(data) || alone*5 < high*4 || utf8.Valid(data) {
		return false
	}
	return DetectEncoding(data) != UTF8 // nearly valid UTF-8 stays UTF-8
}

// binaryError is ErrBinary with what to do: the formats that are read, or
// the encoding to give when data looks like UTF-16 without a byte order
// mark.
func binaryError(data []byte) error {
	if hint := utf16NoNULHint(data); hint != "" {
		return utf16Error(hint)
	}
	return fmt.Errorf("%w; %s", ErrBinary, formatsRead)
}

func utf16Error(hint string) error {
	return fmt.Errorf("%w (it looks like %s without a byte order mark: decode it as %q, Segmenter.Encoding or -encoding %s)", ErrBinary, displayName(hint), hint, hint)
}

// utf16NoNULHint recognises Chinese text in UTF-16 without a byte order
// mark and without ASCII (so without the NUL bytes utf16Hint looks for):
// the high bytes of hanzi (0x4E–0x9F), CJK punctuation (0x30) and
// full-width forms (0xFF) make at least four in five of the bytes on one
// side of the first 4 KiB, and at most three in five on the other (where
// the low bytes fall anywhere). It returns UTF16LE, UTF16BE or "".
func utf16NoNULHint(data []byte) string {
	n := min(len(data), 4096) &^ 1
	if n < 8 {
		return ""
	}
	even, odd := 0, 0
	for i := 0; i+1 < n; i += 2 {
		if isCJKHighByte(data[i]) {
			even++
		}
		if isCJKHighByte(data[i+1]) {
			odd++
		}
	}
	units := n / 2
	switch {
	case odd*5 >= units*4 && even*5 <= units*3:
		return UTF16LE
	case even*5 >= units*4 && odd*5 <= units*3:
		return UTF16BE
	}
	return ""
}

// isCJKHighByte: the high byte of a UTF-16 code unit of Chinese text.
func isCJKHighByte(c byte) bool {
	return c >= 0x4E && c <= 0x9F || c == 0x30 || c == 0xFF
}

// sideBySide recognises a two-column table (a spreadsheet saved as text):
// at least four in five of the non-blank lines, and at least two, have a
// tab with Chinese on one side and English on the other. It returns the
// number of such lines and of non-blank lines, or 0, 0.
func sideBySide(lines []line) (n, total int) {
	for i := range lines {
		l := &lines[i]
		if l.blank() {
			continue
		}
		total++
		a, b, ok := strings.Cut(l.text, "\t")
		if !ok {
			continue
		}
		la, lb := DetectLang(a), DetectLang(b)
		if la == Chinese && lb == English || la == English && lb == Chinese {
			n++
		}
	}
	if n < 2 || n*5 < total*4 {
		return 0, 0
	}
	return n, total
}

// mixedLines counts the lines that hold both languages in some volume:
// at least two hanzi and four Latin letters, neither less than a sixth of
// the other (a hanzi counting as three letters).
func mixedLines(lines []line) int {
	n := 0
	for i := range lines {
		if lines[i].blank() {
			continue
		}
		c := countScripts(lines[i].text)
		zh, en := 3*c.han, c.latin
		if c.han >= 2 && c.latin >= 4 && 6*zh >= en && 6*en >= zh {
			n++
		}
	}
	return n
}

// removedNote says how many lines cleaning removed, and by which rules, for
// an error about a text that has nothing left; "" when none was removed.
func removedNote(lines []line) string {
	n := 0
	for i := range lines {
		if lines[i].dropped {
			n++
		}
	}
	switch n {
	case 0:
		return ""
	case 1:
		return " (cleaning removed 1 line as page furniture; see Segmenter.Disable)"
	}
	return fmt.Sprintf(" (cleaning removed %d lines as page furniture; see Segmenter.Disable)", n)
}

// countLines counts the line ends in s as splitLines does: LF, CRLF and a
// lone CR (U+2028 and U+2029 too, in decoded text).
func countLines(s string) int {
	n := strings.Count(s, "\n") + strings.Count(s, "\r") - strings.Count(s, "\r\n")
	return n + strings.Count(s, "\u2028") + strings.Count(s, "\u2029")
}

// inputLine returns the 1-based line of byte offset off in the raw input:
// LF, CRLF and CR end lines. In byte encodings (UTF-8, GB18030, Big5,
// Windows-1252) the bytes 0x0A and 0x0D are always line ends; in UTF-16
// the code units are read (either byte order: a unit 0x0A00 is not in
// Chinese or English text).
func inputLine(data []byte, off int, utf16 bool) int {
	off = min(max(off, 0), len(data))
	if !utf16 {
		return countLines(string(data[:off])) + 1
	}
	var b strings.Builder
	for i := 0; i+1 < off; i += 2 {
		switch {
		case data[i] == '\n' && data[i+1] == 0 || data[i] == 0 && data[i+1] == '\n':
			b.WriteByte('\n')
		case data[i] == '\r' && data[i+1] == 0 || data[i] == 0 && data[i+1] == '\r':
			b.WriteByte('\r')
		default:
			b.WriteByte('x')
		}
	}
	return countLines(b.String()) + 1
}

// inputOffset turns an offset in the decoded text into the offset of the
// same character in the input, as every error reports it: the decoded
// prefix is measured in the input's encoding (plus its byte order mark).
func inputOffset(dec decoded, off int) int {
	prefix := dec.text[:off]
	bom := 0
	if dec.bom {
		bom = 2
		if dec.enc == UTF8 {
			bom = 3
		}
	}
	switch dec.enc {
	case UTF16LE, UTF16BE:
		n := 0
		for _, r := range prefix {
			n += 2
			if r >= 0x10000 {
				n += 2
			}
		}
		return bom + n
	case Windows1252:
		return utf8.RuneCountInString(prefix)
	case GB18030, GBK, Big5:
		if b, err := multibyteEncoding(dec.enc).NewEncoder().Bytes([]byte(prefix)); err == nil {
			return len(b)
		}
	}
	return bom + off
}

// nulPadding finds NUL bytes that only pad the end of data and returns
// where the text ends. In UTF-16 the text keeps an even length (the high
// byte of a final "\n" is 0 in UTF-16LE); elsewhere the text before must
// hold no NUL and no other control byte (or it is binary data).
func nulPadding(data []byte, utf16 bool) (int, bool) {
	end := len(bytes.TrimRight(data, "\x00"))
	if end == len(data) || end == 0 {
		return 0, false
	}
	if utf16 {
		end += end % 2
		return end, end < len(data)
	}
	if bytes.IndexByte(data[:end], 0) >= 0 || hasControlByte(data[:end]) {
		return 0, false
	}
	return end, true
}

// hasControlByte reports whether data holds a C0 control byte other than
// tab, line feed, form feed and carriage return: then it is binary data,
// whatever NULs follow. (No byte below 0x20 is part of a multi-byte
// character in UTF-8, GB18030 or Big5.)
func hasControlByte(data []byte) bool {
	for _, c := range data {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r' {
			return true
		}
	}
	return false
}

// utf16Hint guesses UTF-16 without a byte order mark from where the NUL
// bytes are: mostly at odd offsets in UTF-16LE text with ASCII, at even ones
// in UTF-16BE. The first 4 KiB decide when they hold enough ASCII; a file
// that starts with Chinese (few NULs there) is judged on its first MiB,
// where the NULs must be many and almost all on one side. It returns ""
// when neither pattern is clear.
func utf16Hint(data []byte) string {
	even, odd, half := nulParity(data[:min(len(data), 4096)&^1])
	switch {
	case half == 0:
		return ""
	case odd*10 >= half*3 && even*20 < half:
		return UTF16LE
	case even*10 >= half*3 && odd*20 < half:
		return UTF16BE
	case len(data) <= 4096:
		return ""
	}
	even, odd, half = nulParity(data[:min(len(data), 1<<20)&^1])
	switch {
	case odd >= 16 && odd >= 10*even && odd*50 >= half:
		return UTF16LE
	case even >= 16 && even >= 10*odd && even*50 >= half:
		return UTF16BE
	}
	return ""
}

// nulParity counts the NUL bytes at even and at odd offsets of sample (of
// even length) and returns them with the number of byte pairs.
func nulParity(sample []byte) (even, odd, half int) {
	for i := 0; i+1 < len(sample); i += 2 {
		if sample[i] == 0 {
			even++
		}
		if sample[i+1] == 0 {
			odd++
		}
	}
	return even, odd, len(sample) / 2
}

// binaryText reports the offset of the first control character when more
// than a tenth of the first 64 KiB of text are control characters (other
// than tab, line feed, carriage return and form feed), or, when strictNUL is
// set, at the first NUL. (With ReplaceInvalid a few NULs are removed by the
// control rule, on record.)
func binaryText(text string, strictNUL bool) (int, bool) {
	sample := text[:min(len(text), 1<<16)]
	ctl, n, first := 0, 0, -1
	for i, r := range sample {
		n++
		if r == 0 && strictNUL {
			return i, true
		}
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' {
			ctl++
			if first < 0 {
				first = i
			}
		}
	}
	if ctl*10 > n {
		return first, true
	}
	return 0, false
}

func isBlankText(s string) bool {
	for _, r := range s {
		if !(isHSpace(r) || isZeroWidth(r) || r == '\n' || r == '\r' || isControl(r) || r == 0x2028 || r == 0x2029) {
			return false
		}
	}
	return true
}

// report assembles a Report from changes, sorted into input order.
func (p *prepared) report(changes []Change, layout string) *Report {
	slices.SortStableFunc(changes, func(a, b Change) int { return a.Offset - b.Offset })
	return &Report{Format: p.dec.format, Encoding: p.dec.enc, BOM: p.dec.bom, Replaced: p.dec.replaced, Layout: layout, Changes: changes}
}

// Monolingual decodes, cleans and segments a file in one language. name
// labels the document and its errors; lang Unknown detects the language
// from the share of hanzi and Latin letters. Paragraphs in the other
// language are kept, with Kind Foreign, and reported.
//
// When lang is given and the text is almost all in the other language (less
// than a sixth as much text in lang, counting a hanzi as three letters, as
// Bilingual does), the error matches ErrWrongLanguage and says what was
// found: the usual cause is a Chinese file and an English file swapped.
func (s *Segmenter) Monolingual(name string, data []byte, lang Lang) (*Document, error) {
	p, err := s.prepare(name, data)
	if err != nil {
		return nil, err
	}
	var c scriptCount
	for i := range p.lines {
		if p.lines[i].dropped {
			continue
		}
		t := countScripts(p.lines[i].text)
		c.han += t.han
		c.latin += t.latin
	}
	if c.han == 0 && c.latin == 0 {
		return nil, &Error{File: name, Err: fmt.Errorf("%w: no Chinese or English text%s", ErrEmpty, removedNote(p.lines))}
	}
	switch lang {
	case Unknown:
		lang = c.lang()
	case Chinese, English:
		zh, en := 3*c.han, c.latin
		if lang == English {
			zh, en = en, zh // zh: the volume of lang, en: of the other
		}
		if en > 0 && 6*zh < en {
			found := English
			if lang == English {
				found = Chinese
			}
			return nil, &Error{File: name, Err: fmt.Errorf("%w: expected %s text, found %s (%d hanzi, %d Latin letters); are the Chinese and English files swapped?",
				ErrWrongLanguage, lang.name(), found.name(), c.han, c.latin)}
		}
	}
	d := &docBuilder{input: p.dec.text, lines: p.lines, lang: lang, on: p.on}
	doc := d.document(name, s.Rules)
	doc.Report = p.report(append(slices.Clip(p.rep), d.rep...), "")
	return doc, nil
}

// Bilingual decodes and cleans a file holding a Chinese text and its English
// translation, splits it into the two documents and segments each. It
// recognises two layouts, named in Report.Layout: "blocks" (all of one
// language, then all of the other, as in a press release with its
// translation appended) and "interleaved" (a paragraph in one language, then
// its translation, alternating). Each line is assigned a language by its
// share of hanzi and Latin letters; in the blocks layout a paragraph of the
// other language inside a block stays in that block's document with Kind
// Foreign. Each document's Report lists the changes made to its lines.
//
// A file that holds only one language (or almost only: less than a sixth as
// much text in the other, such as an image description) is an error
// matching ErrOneLanguage that names the language found; the document of
// that language is returned with it, other-language paragraphs set apart.
// A two-column table (Chinese and English on each line, separated by a tab)
// is an error matching ErrLayout.
func (s *Segmenter) Bilingual(name string, data []byte) (zh, en *Document, err error) {
	p, err := s.prepare(name, data)
	if err != nil {
		return nil, nil, err
	}
	if n, total := sideBySide(p.lines); n > 0 {
		return nil, nil, &Error{File: name, Err: fmt.Errorf("%w: %d of %d lines hold Chinese and English side by side, separated by a tab (a two-column table): save the columns as two files, a Chinese one and an English one, one segment per line", ErrLayout, n, total)}
	}
	sp, found := splitBilingual(p.lines)
	if sp == nil && found == Unknown {
		return nil, nil, &Error{File: name, Err: fmt.Errorf("%w: found neither Chinese nor English text", ErrOneLanguage)}
	}
	if sp == nil {
		d := &docBuilder{input: p.dec.text, lines: p.lines, lang: found, on: p.on}
		doc := d.document(name, s.Rules)
		doc.Report = p.report(append(slices.Clip(p.rep), d.rep...), "")
		other := English
		if found == English {
			other = Chinese
		}
		stray := 0
		for i := range p.lines {
			if !p.lines[i].blank() && p.lines[i].lang == other {
				stray++
			}
		}
		msg := fmt.Sprintf("found only %s text, no %s", found.name(), other.name())
		if mixed := mixedLines(p.lines); mixed > 0 && stray == 0 {
			lines := "lines hold"
			if mixed == 1 {
				lines = "line holds"
			}
			msg = fmt.Sprintf("%d %s Chinese and English together: a bilingual file has each paragraph in one language (the English after the Chinese, or alternating paragraphs); put the translation on lines of its own, or give the two languages as two files", mixed, lines)
		} else if stray > 0 {
			lines := "lines"
			if stray == 1 {
				lines = "line"
			}
			msg = fmt.Sprintf("found %s text with too little %s to be its translation (%d %s)", found.name(), other.name(), stray, lines)
		}
		err := &Error{File: name, Err: fmt.Errorf("%w: %s", ErrOneLanguage, msg)}
		if found == Chinese {
			return doc, nil, err
		}
		return nil, doc, err
	}
	docs := [2]*Document{}
	for k, lang := range [2]Lang{Chinese, English} {
		lines := sp.linesOf(p.lines, lang)
		d := &docBuilder{input: p.dec.text, lines: lines, lang: lang, on: p.on}
		doc := d.document(name, s.Rules)
		var changes []Change
		for _, c := range p.rep {
			if c.Rule == RuleLineEndings || c.Rule == "bom" || sp.ownerOfLine(c.Line) == lang {
				changes = append(changes, c)
			}
		}
		doc.Report = p.report(append(changes, d.rep...), sp.layout)
		docs[k] = doc
	}
	return docs[0], docs[1], nil
}
