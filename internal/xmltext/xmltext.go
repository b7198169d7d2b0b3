// Package xmltext writes text into XML 1.0 documents: it checks the XML 1.0
// Char production, escapes with the five predefined entities only, and drops
// (and reports) what XML 1.0 cannot carry at all.
//
// Characters outside Char (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F,
// U+FFFE, U+FFFF, surrogates) cannot be written even as character
// references, so they are dropped and every drop is reported to the caller.
// Each byte of an invalid UTF-8 sequence (which is how a lone surrogate
// reaches a Go string) counts as one dropped character, the way a range loop
// over the string sees it.
package xmltext

import (
	"unicode/utf8"
)

// IsChar reports whether r matches the XML 1.0 Char production:
// #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
func IsChar(r rune) bool {
	switch {
	case r == 0x9 || r == 0xA || r == 0xD:
		return true
	case r >= 0x20 && r <= 0xD7FF:
		return true
	case r >= 0xE000 && r <= 0xFFFD:
		return true
	case r >= 0x10000 && r <= 0x10FFFF:
		return true
	}
	return false
}

// Drop is one character (or one byte of invalid UTF-8) that XML 1.0 cannot
// carry and that was left out.
type Drop struct {
	Offset int    // byte offset in the input string
	Bytes  string // the dropped bytes (one rune, or one invalid byte)
}

// Valid reports whether every character of s is an XML 1.0 Char and s is
// valid UTF-8, so that s can be written without dropping anything.
func Valid(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != 0x9 && c != 0xA && c != 0xD {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || !IsChar(r) {
			return false
		}
		i += n
	}
	return true
}

// Clean returns s without the characters XML 1.0 cannot carry, and the drops
// in input order. When nothing is dropped it returns s itself and nil.
func Clean(s string) (string, []Drop) {
	if Valid(s) {
		return s, nil
	}
	var drops []Drop
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || !IsChar(r) {
			drops = append(drops, Drop{Offset: i, Bytes: s[i : i+n]})
		} else {
			b = append(b, s[i:i+n]...)
		}
		i += n
	}
	return string(b), drops
}

// AppendText appends s to dst escaped as XML character data: & < > become
// &amp; &lt; &gt;, a carriage return becomes &#xD; (a parser would otherwise
// turn it into a line feed), and everything else is copied as UTF-8. s must
// already be clean (see Clean); characters that are not XML Chars are
// skipped here without a report, so call Clean first.
func AppendText(dst []byte, s string) []byte {
	return appendEscaped(dst, s, false)
}

// AppendAttr appends s to dst escaped for a double-quoted attribute value:
// as AppendText, plus " becomes &quot; and tab and line feed become character
// references (a parser would otherwise normalise them to spaces).
func AppendAttr(dst []byte, s string) []byte {
	return appendEscaped(dst, s, true)
}

func appendEscaped(dst []byte, s string, attr bool) []byte {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		var esc string
		n := 1
		if c < utf8.RuneSelf {
			switch c {
			case '&':
				esc = "&amp;"
			case '<':
				esc = "&lt;"
			case '>':
				esc = "&gt;"
			case '\r':
				esc = "&#xD;"
			case '"':
				if attr {
					esc = "&quot;"
				}
			case '\t':
				if attr {
					esc = "&#x9;"
				}
			case '\n':
				if attr {
					esc = "&#xA;"
				}
			default:
				if c < 0x20 { // not a Char: skip
					dst = append(dst, s[last:i]...)
					i++
					last = i
					continue
				}
			}
		} else {
			var r rune
			r, n = utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 || !IsChar(r) {
				dst = append(dst, s[last:i]...)
				i += n
				last = i
				continue
			}
		}
		if esc != "" {
			dst = append(dst, s[last:i]...)
			dst = append(dst, esc...)
			i += n
			last = i
			continue
		}
		i += n
	}
	return append(dst, s[last:]...)
}
