package review

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/bitextlab/zhen/align"
)

// csvHeader is the header row a CSVWriter writes: the columns of TSVHeader.
var csvHeader = strings.Split(TSVHeader, "\t")

// CSVWriter writes pairs as comma-separated values (RFC 4180) for
// spreadsheets: UTF-8 with a byte order mark (so that Excel and LibreOffice
// read the Chinese as UTF-8), a header row, then one record per pair with
// the columns of TSVWriter: Chinese, English, confidence (four decimals),
// bead type, paragraph number (0-based). Records end with CR LF.
//
// The text columns (Chinese, English, bead) are always enclosed in double
// quotes, a double quote inside doubled, so that a spreadsheet told to
// read quoted fields as text (LibreOffice: "Format quoted field as text")
// never turns a segment into a number or a date; the header row is quoted
// where needed only. Line breaks
// stay inside the cell, and a CSV reader (such as encoding/csv) gets the
// text back byte for byte, except that it may turn CR LF inside a field
// into LF, and except for formulas:
//
// A spreadsheet evaluates a cell that begins with "=" (Excel also "+",
// "-", "@") as a formula: "=1+1" would show 2, and a crafted segment
// could run a command. A text field that begins with one of = + - @ is
// therefore written with an apostrophe before it ("'=1+1"), as OWASP
// advises; Guarded counts them. For programs, TSVWriter and JSONLWriter
// keep the text exactly.
//
// LibreOffice 7.4 opened headless (libreoffice --headless --convert-to
// xlsx) ignores the byte order mark and reads a CSV in an 8-bit charset
// unless told: --infilter=CSV:44,34,76,1,,0,true (comma, double quote,
// UTF-8, from line 1, quoted fields as text).
//
// Make one with NewCSVWriter. The zero CSVWriter has nowhere to write:
// Write and Flush return ErrNoDestination, never panic.
type CSVWriter struct {
	w       *bufio.Writer
	err     error
	header  bool
	guarded int
}

// NewCSVWriter returns a CSVWriter writing to w.
// A nil w gives a writer whose methods return ErrNoDestination.
func NewCSVWriter(w io.Writer) *CSVWriter {
	if w == nil {
		return &CSVWriter{}
	}
	return &CSVWriter{w: bufio.NewWriter(w)}
}

// ready records ErrNoDestination for a writer with no destination, writes
// the byte order mark and the header row once, and reports whether c may
// go on.
func (c *CSVWriter) ready() bool {
	if c.w == nil && c.err == nil {
		c.err = ErrNoDestination
	}
	if c.err != nil {
		return false
	}
	if !c.header {
		c.header = true
		c.w.WriteString("\ufeff")
		c.record(nil, csvHeader...)
	}
	return true
}

// record writes one record; the fields of the columns in quote are
// always quoted.
func (c *CSVWriter) record(quote []bool, fields ...string) {
	for i, f := range fields {
		if i > 0 {
			c.w.WriteByte(',')
		}
		c.field(f, quote != nil && quote[i])
	}
	if _, err := c.w.WriteString("\r\n"); err != nil && c.err == nil {
		c.err = fmt.Errorf("review: csv: %w", err)
	}
}

// textColumns marks the columns that are always quoted.
var textColumns = []bool{true, true, false, true, false}

// needsQuotes reports whether field f must be enclosed in double quotes.
func needsQuotes(f string) bool {
	if f == "" {
		return false
	}
	if strings.ContainsAny(f, ",\"\r\n\v\f\x1c\x1d\x1e\u0085\u2028\u2029") {
		return true
	}
	first, last := f[0], f[len(f)-1]
	return first == ' ' || first == '\t' || last == ' ' || last == '\t'
}

func (c *CSVWriter) field(f string, quote bool) {
	if !quote && !needsQuotes(f) {
		c.w.WriteString(f)
		return
	}
	c.w.WriteByte('"')
	for {
		i := strings.IndexByte(f, '"')
		if i < 0 {
			break
		}
		c.w.WriteString(f[:i+1])
		c.w.WriteByte('"')
		f = f[i+1:]
	}
	c.w.WriteString(f)
	c.w.WriteByte('"')
}

// Write writes one record. Errors are sticky.
func (c *CSVWriter) Write(p align.Pair) error {
	if !c.ready() {
		return c.err
	}
	c.record(textColumns, c.guard(p.ZH), c.guard(p.EN), formatConfidence(p.Confidence), c.guard(p.Type), strconv.Itoa(p.Paragraph))
	return c.err
}

// guard puts an apostrophe before a text field a spreadsheet would read
// as a formula.
func (c *CSVWriter) guard(f string) string {
	if f == "" || !strings.ContainsRune("=+-@", rune(f[0])) {
		return f
	}
	c.guarded++
	return "'" + f
}

// Guarded returns how many text fields were written with an apostrophe
// before them, so that a spreadsheet does not read them as formulas.
func (c *CSVWriter) Guarded() int { return c.guarded }

// Flush writes the byte order mark and header if no record was written,
// flushes the buffer and returns the first error.
func (c *CSVWriter) Flush() error {
	if !c.ready() {
		return c.err
	}
	if err := c.w.Flush(); err != nil && c.err == nil {
		c.err = fmt.Errorf("review: csv: %w", err)
	}
	return c.err
}
