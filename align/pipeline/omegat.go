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
	texts := make([]string, len(pairs))
	for i, p := range pairs {
		texts[i] = p.ZH
	}
	out := make([]align.Pair, 0, len(pairs))
	for _, g := range segment.OmegaTGroups(source, segment.Chinese, texts, opts) {
		run := pairs[g.First:g.End]
		if g.Segment == "" || len(run) == 1 && run[0].ZH == g.Segment {
			out = append(out, run...)
			continue
		}
		out = append(out, mergePairs(run, g.Segment))
	}
	return out
}

// mergePairs makes one pair of run with zh as its Chinese.
func mergePairs(run []align.Pair, zh string) align.Pair {
	m := align.Pair{ZH: zh, Confidence: math.Inf(1), Paragraph: run[0].Paragraph, Doc: run[0].Doc, State: run[0].State}
	var en []string
	nz, ne := 0, 0
	for _, p := range run {
		if p.EN != "" {
			en = append(en, p.EN)
		}
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
	m.Type = strconv.Itoa(nz) + "-" + strconv.Itoa(ne)
	return m
}

// OmegaTPairs returns pairs regrouped with ForOmegaT when the rules are
// OmegaT's (Rules "omegat"), the memory's source language is Chinese and
// zh is a plain-text file; otherwise pairs as they are. zh is the input
// that holds the Chinese: the Chinese file of a zh/en pair, or the one
// bilingual file. Its text as decoded (not cleaned) is the source:
//
//   - for a zh/en pair, the Chinese file: give OmegaT that file;
//   - for a bilingual file, the whole file; only the segments that hold
//     the Chinese pairs count, so the memory fits the file's Chinese block
//     saved as a file of its own, exactly as it stands (every line before
//     the English block, line breaks and empty lines kept): give OmegaT
//     that file.
//
// paragraphs says the pairs are paragraph pairs: the OmegaT project then
// needs sentence segmentation off (Project > Properties: "Sentence-level
// segmenting" unticked) and the text filter's default paragraph mode
// (paragraphs end at empty lines). Word and HTML files are left alone:
// OmegaT reads them with other filters.
func (c *Config) OmegaTPairs(seg *segment.Segmenter, zh Input, pairs []align.Pair, paragraphs bool, langs *Languages) []align.Pair {
	if c.Rules != "omegat" || langs != nil && langs.Src != langs.ZH || !plainText(zh) {
		return pairs
	}
	text, _, err := with(seg, zh).DecodeFile(zh.Name, zh.Data)
	if err != nil {
		return pairs // it was decoded before; nothing to regroup by
	}
	return ForOmegaT(pairs, text, segment.OmegaTOptions{NoSentences: paragraphs})
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
