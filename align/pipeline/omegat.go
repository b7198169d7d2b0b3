package pipeline

import (
	"bytes"
	"math"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/bitextlab/zhen/align"
	"github.com/bitextlab/zhen/segment"
)

// ForOmegaT returns pairs as OmegaT needs them in a translation memory:
// one pair per OmegaT segment of the Chinese source file. OmegaT applies a
// unit only when its source is a whole segment of the file, byte for byte,
// and its plain-text filter cuts a file differently from the aligner: it
// joins lines that no empty line separates (a title over two lines, the
// date and the department below it make one segment) and it keeps text
// that cleaning removed (Word residue such as "[bookmark: _GoBack]").
//
// source is the text of the Chinese file as OmegaT reads it (decoded, not
// cleaned; see Config.OmegaTPairs for which file that is), opts the OmegaT
// project's settings (the zero value is OmegaT's default; NoSentences for
// paragraph pairs, with the project's sentence segmentation off). The
// pairs that fall in one OmegaT segment (segment.OmegaTGroups) become one
// pair: its Chinese is that segment exactly, line breaks included; its
// English the pairs' English joined by spaces; its Type the sum of their
// sentence counts ("1-1" and "1-1" give "2-2"); its Confidence the lowest
// of theirs; its State theirs when they all have the same, else "". Its
// Paragraph and Doc are the first pair's, its Scores and Evidence are
// dropped (they describe other text). Pairs that are one segment already,
// and pairs whose Chinese is not one segment of source (not found, or
// across segments), are returned as they are. pairs is not modified.
func ForOmegaT(pairs []align.Pair, source string, opts segment.OmegaTOptions) []align.Pair {
	return forOmegaT(pairs, source, segment.Chinese, opts)
}

// ForOmegaTEnglish is ForOmegaT for a memory whose source language is
// English (an English-to-Chinese OmegaT project): one pair per OmegaT
// segment of the English source file. A merged pair's English is that
// segment exactly, and its Chinese the pairs' Chinese joined.
func ForOmegaTEnglish(pairs []align.Pair, source string, opts segment.OmegaTOptions) []align.Pair {
	return forOmegaT(pairs, source, segment.English, opts)
}

func forOmegaT(pairs []align.Pair, source string, lang segment.Lang, opts segment.OmegaTOptions) []align.Pair {
	side := func(p align.Pair) string {
		if lang == segment.English {
			return p.EN
		}
		return p.ZH
	}
	texts := make([]string, len(pairs))
	for i, p := range pairs {
		texts[i] = side(p)
	}
	out := make([]align.Pair, 0, len(pairs))
	for _, g := range segment.OmegaTGroups(source, lang, texts, opts) {
		run := pairs[g.First:g.End]
		if g.Segment == "" || len(run) == 1 && side(run[0]) == g.Segment {
			out = append(out, run...)
			continue
		}
		out = append(out, mergePairs(run, g.Segment, lang))
	}
	return out
}

// mergePairs makes one pair of run with seg as its text in lang; the
// other side is the run's texts joined (with spaces for English).
func mergePairs(run []align.Pair, seg string, lang segment.Lang) align.Pair {
	m := align.Pair{ZH: seg, Confidence: math.Inf(1), Paragraph: run[0].Paragraph, Doc: run[0].Doc, State: run[0].State}
	var en, zh []string
	nz, ne := 0, 0
	for _, p := range run {
		if p.EN != "" {
			en = append(en, p.EN)
		}
		zh = append(zh, p.ZH)
		a, b, _ := strings.Cut(p.Type, "-")
		x, _ := strconv.Atoi(a)
		y, _ := strconv.Atoi(b)
		nz, ne = nz+x, ne+y
		if p.Confidence < m.Confidence || math.IsNaN(p.Confidence) {
			m.Confidence = p.Confidence
		}
		if p.State != m.State {
			m.State = ""
		}
	}
	m.EN = strings.Join(en, " ")
	if lang == segment.English {
		m.ZH, m.EN = strings.Join(zh, ""), seg
	}
	m.Type = strconv.Itoa(nz) + "-" + strconv.Itoa(ne)
	return m
}

// OmegaTPairs returns pairs regrouped with ForOmegaT (ForOmegaTEnglish
// when the memory's source language is English) when the rules are
// OmegaT's (Rules "omegat") and src is a plain-text file; otherwise pairs
// as they are. src is the input that holds the source language's text
// (see SourceInput): the Chinese (or English) file of a zh/en pair, or the
// one bilingual file. Its text as decoded (not cleaned) is the source:
//
//   - for a zh/en pair, that file: give OmegaT that file;
//   - for a bilingual file, the whole file; only the segments that hold
//     the source language's pairs count, so the memory fits that
//     language's block saved as a file of its own, exactly as it stands
//     (every line of the block, line breaks and empty lines kept): give
//     OmegaT that file.
//
// paragraphs says the pairs are paragraph pairs: the OmegaT project then
// needs sentence segmentation off (Project > Properties: "Sentence-level
// segmenting" unticked) and the text filter's default paragraph mode
// (paragraphs end at empty lines). Word and HTML files are left alone:
// OmegaT reads them with other filters.
func (c *Config) OmegaTPairs(seg *segment.Segmenter, src Input, pairs []align.Pair, paragraphs bool, langs *Languages) []align.Pair {
	if c.Rules != "omegat" || !plainText(src) {
		return pairs
	}
	text, _, err := with(seg, src).DecodeFile(src.Name, src.Data)
	if err != nil {
		return pairs // it was decoded before; nothing to regroup by
	}
	opts := segment.OmegaTOptions{NoSentences: paragraphs}
	if langs != nil && langs.Src == langs.EN {
		return ForOmegaTEnglish(pairs, text, opts)
	}
	return ForOmegaT(pairs, text, opts)
}

// SourceInput returns the input among ins (one bilingual file, or the
// Chinese and the English file of a pair, in that order, as Documents
// reads them) that holds the memory's source language: the English file
// when langs makes English the source, else the first.
func SourceInput(ins []Input, langs *Languages) Input {
	if len(ins) == 0 {
		return Input{}
	}
	if langs != nil && langs.Src == langs.EN {
		return ins[len(ins)-1]
	}
	return ins[0]
}

// OmegaTSource returns the input that OmegaTPairs regroups by: with
// Rules "omegat", SourceInput(ins, langs); otherwise none (the zero
// Input), so that a program keeps no input's bytes past decoding when it
// has no use for them.
func (c *Config) OmegaTSource(ins []Input, langs *Languages) Input {
	if c.Rules != "omegat" {
		return Input{}
	}
	return SourceInput(ins, langs)
}

// plainText reports whether in is neither a Word file nor a web page.
func plainText(in Input) bool {
	switch strings.ToLower(filepath.Ext(in.Path)) {
	case ".docx", ".html", ".htm", ".xhtml":
		return false
	}
	head := bytes.ToLower(bytes.TrimSpace(in.Data[:min(len(in.Data), 512)]))
	return !bytes.HasPrefix(in.Data, []byte("PK\x03\x04")) && !bytes.HasPrefix(head, []byte("<!doctype html")) && !bytes.HasPrefix(head, []byte("<html"))
}
