package tmx

import (
	"bytes"
	"encoding/xml"
	"slices"

	"github.com/bitextlab/zhen/internal/xmltext"
)

// xmlNS is the namespace encoding/xml gives the xml: prefix.
const xmlNS = "http://www.w3.org/XML/1998/namespace"

// With KeepXML, the Reader keeps the XML of each <tu> (and the children of
// <header>, for Writer.Merge) as it was: each token is written back as it was
// read, with the names and prefixes as written, every attribute in order,
// text and attribute values escaped with the five XML entities (the same
// characters, so the same text once parsed), comments and processing
// instructions kept. Only the spelling of the markup may change (&#x41;
// becomes A, a CDATA section becomes escaped text, attribute quotes become
// double quotes, <x></x> becomes <x/>).

// startRecording begins recording the element se (a <tu> or <header>) if
// the Reader keeps their XML. Namespace prefixes declared outside the element
// (on <tmx> or <body>) are declared on it, so that it stands alone.
func (r *Reader) startRecording(se xml.StartElement) {
	r.recording = r.KeepXML
	if !r.KeepXML {
		return
	}
	r.rec = r.rec[:0]
	r.pendStart = false
	r.tuAttrs = slices.Clone(se.Attr)
	for _, d := range r.ns {
		if !slices.ContainsFunc(se.Attr, func(a xml.Attr) bool { return a.Name == d.Name }) {
			se.Attr = append(se.Attr[:len(se.Attr):len(se.Attr)], d)
		}
	}
	r.record(se)
}

// noteNS remembers the namespace declarations of an element, which name
// the prefix to write for a namespace. The prefixed ones of an outer
// element (<tmx>, <body>) are also carried onto each recorded unit.
func (r *Reader) noteNS(se xml.StartElement, outer bool) {
	for _, a := range se.Attr {
		switch {
		case a.Name.Space == "xmlns":
			if r.prefix == nil {
				r.prefix = map[string]string{}
			}
			r.prefix[a.Value] = a.Name.Local
			if outer {
				r.ns = append(r.ns, a)
			}
		case a.Name.Space == "" && a.Name.Local == "xmlns":
			// A default namespace: its elements are written without a
			// prefix, and the declaration is left out (TMX elements
			// have no namespace in TMX 1.4b).
			if r.prefix == nil {
				r.prefix = map[string]string{}
			}
			r.prefix[a.Value] = ""
		}
	}
}

// qname returns the name as written in the document.
func (r *Reader) qname(b []byte, n xml.Name) []byte {
	switch {
	case n.Space == "":
	case n.Space == xmlNS:
		b = append(b, "xml:"...)
	case n.Space == "xmlns":
		b = append(b, "xmlns:"...)
	default:
		p, ok := r.prefix[n.Space]
		if !ok {
			p = n.Space // an undeclared prefix, as written
		}
		if p != "" {
			b = append(b, p...)
			b = append(b, ':')
		}
	}
	return append(b, n.Local...)
}

// record appends token t to the recording.
func (r *Reader) record(t xml.Token) {
	b := r.rec
	if _, end := t.(xml.EndElement); !end && r.pendStart {
		b = append(b, '>')
		r.pendStart = false
	}
	switch t := t.(type) {
	case xml.StartElement:
		r.noteNS(t, false)
		if t.Name.Local == "tuv" {
			t.Attr = xmlLang(t.Attr)
		}
		b = append(b, '<')
		b = r.qname(b, t.Name)
		for _, a := range t.Attr {
			if a.Name.Space == "" && a.Name.Local == "xmlns" {
				continue
			}
			b = append(b, ' ')
			b = r.qname(b, a.Name)
			b = append(b, `="`...)
			b = xmltext.AppendAttr(b, a.Value)
			b = append(b, '"')
		}
		r.pendStart = true
	case xml.EndElement:
		if r.pendStart {
			b = append(b, "/>"...)
			r.pendStart = false
		} else {
			b = append(b, "</"...)
			b = r.qname(b, t.Name)
			b = append(b, '>')
		}
	case xml.CharData:
		b = xmltext.AppendText(b, string(t))
	case xml.Comment:
		b = append(b, "<!--"...)
		b = append(b, t...)
		b = append(b, "-->"...)
	case xml.ProcInst:
		b = append(b, "<?"...)
		b = append(b, t.Target...)
		if len(t.Inst) > 0 {
			b = append(b, ' ')
			b = append(b, t.Inst...)
		}
		b = append(b, "?>"...)
	}
	r.rec = b
}

// innerXML returns what lies between the start and end tag of the one
// element recorded in rec, without surrounding white space.
func innerXML(rec []byte) []byte {
	i := bytes.IndexByte(rec, '>')
	if i < 0 || rec[i-1] == '/' {
		return nil
	}
	j := bytes.LastIndex(rec, []byte("</"))
	if j < i {
		return nil
	}
	return bytes.Clone(bytes.TrimSpace(rec[i+1 : j]))
}

// xmlLang returns the attributes of a <tuv> with a TMX 1.1 lang attribute
// renamed xml:lang, unless xml:lang is there too.
func xmlLang(attrs []xml.Attr) []xml.Attr {
	k := -1
	for i, a := range attrs {
		if a.Name.Local == "lang" {
			if a.Name.Space == xmlNS {
				return attrs
			}
			if a.Name.Space == "" {
				k = i
			}
		}
	}
	if k < 0 {
		return attrs
	}
	attrs = slices.Clone(attrs)
	attrs[k].Name.Space = xmlNS
	return attrs
}
