package segment

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// MaxRulesBytes is the largest SRX file LoadRules and LoadSRX read. Rule
// files are a few kilobytes; a larger input (a device such as /dev/zero, a
// file given by mistake) is refused before it is read in full.
const MaxRulesBytes = 16 << 20

// RuleSetNames are the names LoadRules accepts besides a path, in the order
// its error lists them.
func RuleSetNames() []string { return []string{"default", "omegat"} }

// LoadRules returns a rule set by name: "default" or "" (DefaultRules), "omegat"
// (OmegaTRules), or the path of an SRX 2.0 file, read with LoadSRX. The
// report is nil for the built-in sets. A name that is neither a built-in
// set nor a readable file is an error that lists the built-in names.
func LoadRules(name string) (*Rules, *SRXReport, error) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "default", "":
		return DefaultRules(), nil, nil
	case "omegat":
		return OmegaTRules(), nil, nil
	}
	f, err := os.Open(name)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, nil, fmt.Errorf("segment: rules %q: not a rule set name (%s) and no such file (an SRX 2.0 file exported by OmegaT, Trados or Okapi)",
				name, strings.Join(RuleSetNames(), ", "))
		}
		return nil, nil, fmt.Errorf("segment: rules %q: %w", name, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, nil, fmt.Errorf("segment: rules %q: a directory, not a rule set name (%s) or an SRX file", name, strings.Join(RuleSetNames(), ", "))
	}
	return LoadSRX(f, name)
}

// readLimited reads r to the end, or fails when it holds more than limit
// bytes, naming what was being read.
func readLimited(r io.Reader, limit int64, what string) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("more than %d MiB: too large for %s", limit>>20, what)
	}
	return data, nil
}

// declaredEncoding returns the encoding pseudo-attribute of an XML
// declaration at the start of data in an ASCII-compatible encoding, or "".
func declaredEncoding(data []byte) string {
	data = bytes.TrimLeft(data[:min(len(data), 256)], "\xef\xbb\xbf \t\r\n")
	if !bytes.HasPrefix(data, []byte("<?xml")) {
		return ""
	}
	decl, _, ok := bytes.Cut(data, []byte("?>"))
	if !ok {
		return ""
	}
	_, v, ok := bytes.Cut(decl, []byte("encoding"))
	if !ok {
		return ""
	}
	v = bytes.TrimLeft(v, " \t\r\n")
	if len(v) == 0 || v[0] != '=' {
		return ""
	}
	v = bytes.TrimLeft(v[1:], " \t\r\n")
	if len(v) < 2 || v[0] != '"' && v[0] != '\'' {
		return ""
	}
	end := bytes.IndexByte(v[1:], v[0])
	if end < 0 {
		return ""
	}
	return string(v[1 : 1+end])
}

// decodeXML turns an XML file into UTF-8 text, as text files are decoded:
// a byte order mark, UTF-16 without one, the encoding named in the XML
// declaration (GB18030, GBK, Big5, UTF-16), valid UTF-8, or detection.
// Invalid bytes are an *Error with the line and byte offset.
func decodeXML(data []byte) (string, error) {
	enc := ""
	if e, ok := normEncoding(declaredEncoding(data)); ok {
		enc = e
	}
	// A declaration in UTF-16 text is not readable as ASCII; a byte order
	// mark or the NUL pattern decides then, as for text.
	if enc == UTF8 || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		enc = ""
	}
	d, err := decode(data, enc, false)
	if err != nil {
		return "", err
	}
	return d.text, nil
}

// keepCharset is the xml.Decoder CharsetReader for text that decodeXML has
// already turned into UTF-8, whatever its declaration says.
func keepCharset(_ string, r io.Reader) (io.Reader, error) { return r, nil }

// stripPrefix returns the message of a package *Error without its
// "segment: " prefix, for errors wrapped into another message of the
// package.
func stripPrefix(err error) error {
	var e *Error
	if errors.As(err, &e) {
		return errors.New(strings.TrimPrefix(e.Error(), "segment: "))
	}
	return err
}
