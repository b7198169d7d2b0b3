package segment

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// rebuild applies a report's changes to the decoded input and applies the
// documented normalisations that are not listed change by change: line
// endings become "\n" (one summary change), and a Document's Text has one
// paragraph per line with no blank lines. What comes out must equal the
// documents' texts, one after the other: then every byte removed or
// replaced by cleaning is accounted for in the report, and nothing else
// was lost.
//
// Changes that do not apply to the decoded text are skipped: "bom" (removed
// by decoding, before the decoded text), "invalid-bytes" (decoding wrote
// U+FFFD into the decoded text; its offset is in the text) and the
// line-endings summary (replayed by the normalisation).
func rebuild(t *testing.T, decoded string, changes []Change) string {
	t.Helper()
	cs := slices.Clone(changes)
	slices.SortStableFunc(cs, func(a, b Change) int { return a.Offset - b.Offset })
	var b strings.Builder
	pos := 0
	for _, c := range cs {
		switch c.Rule {
		case "bom", RuleInvalidBytes, RuleLineEndings, RuleForeign:
			continue // RuleForeign sets a paragraph apart, it removes nothing
		}
		if c.Offset < pos {
			t.Errorf("change %v overlaps the previous one (ends at %d)", c, pos)
			continue
		}
		if c.Offset+len(c.Old) > len(decoded) || decoded[c.Offset:c.Offset+len(c.Old)] != c.Old {
			t.Errorf("change %v: the decoded input at that offset is %q", c, decoded[c.Offset:min(len(decoded), c.Offset+len(c.Old))])
			continue
		}
		b.WriteString(decoded[pos:c.Offset])
		b.WriteString(c.New)
		pos = c.Offset + len(c.Old)
	}
	b.WriteString(decoded[pos:])
	s := strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u2028", "\n", "\u2029", "\n").Replace(b.String())
	var lines []string
	for l := range strings.SplitSeq(s, "\n") {
		if l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

// TestNothingLost: for each seed, and for seed 001 with the artifacts users'
// files carry, the cleaned texts plus the report's changes rebuild the
// decoded input (see rebuild).
func TestNothingLost(t *testing.T) {
	type input struct {
		name      string
		data      string
		bilingual bool
	}
	var ins []input
	for _, sd := range seeds {
		ins = append(ins, input{sd.file, string(readSeed(t, sd.file)), sd.bilingual})
	}
	s001 := string(readSeed(t, seeds[1].file))
	ins = append(ins,
		input{"001 CRLF", strings.ReplaceAll(s001, "\n", "\r\n"), true},
		input{"001 CR", strings.ReplaceAll(s001, "\n", "\r"), true},
		input{"001 indented with U+3000 and NBSP", indentLines(s001), true},
		input{"001 web and Word artifacts", addArtifacts(s001), true},
		input{"001 extra blank lines", "\n\n" + strings.ReplaceAll(s001, "\n\n", "\n \n\n\u3000\n") + "\n\n", true},
		input{"001 NUL padding", s001 + strings.Repeat("\x00", 100), true},
		input{"001 GB18030 with CRLF and artifacts", gb18030(t, strings.ReplaceAll(addArtifacts(s001), "\n", "\r\n")), true},
		input{"001 UTF-16LE with BOM, indented", utf16LE(t, indentLines(s001)), true},
		input{"mixed artifacts", "\u3000\u3000第一段\u200b。【详细】 \r\n  1. 标题\r\n    标题\r\n[bookmark: _GoBack]正文的内容是关于Party£¬the。\r\n\x01尾\u00ad巴。\n", false},
	)
	for _, in := range ins {
		t.Run(in.name, func(t *testing.T) {
			decoded, _, err := Decode([]byte(in.data), "", false)
			if err != nil {
				t.Fatal(err)
			}
			var s Segmenter
			var docs []*Document
			if in.bilingual {
				zh, en, err := s.Bilingual(in.name, []byte(in.data))
				if err != nil {
					t.Fatal(err)
				}
				docs = []*Document{zh, en}
			} else {
				d, err := s.Monolingual(in.name, []byte(in.data), Unknown)
				if err != nil {
					t.Fatal(err)
				}
				docs = []*Document{d}
			}
			var changes []Change
			var texts []string
			for _, d := range docs {
				for _, c := range d.Report.Changes {
					// Bilingual lists the file-wide changes in both reports.
					if !slices.Contains(changes, c) {
						changes = append(changes, c)
					}
				}
				texts = append(texts, d.Text)
			}
			got := strings.Join(texts, "\n")
			if i := strings.IndexFunc(got, func(r rune) bool { return isZeroWidth(r) || isControl(r) && r != '\n' }); i >= 0 {
				t.Errorf("cleaned text keeps an invisible character at byte %d: %q", i, got[max(0, i-20):min(len(got), i+20)])
			}
			if diff := cmp.Diff(rebuild(t, decoded, changes), got); diff != "" {
				t.Errorf("decoded input + report changes mismatch (-rebuilt +documents):\n%s", diff)
			}
		})
	}
}

// indentLines indents every non-empty line: Chinese lines with two U+3000,
// English ones with NBSPs, as Word and web pages do.
func indentLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		switch DetectLang(l) {
		case Chinese:
			lines[i] = "\u3000\u3000" + l
		case English:
			lines[i] = "\u00a0\u00a0\u00a0\u00a0" + l
		}
	}
	return strings.Join(lines, "\n")
}

// addArtifacts adds what Word and web exports leave in press text: zero-width
// spaces, a BOM inside the text, soft hyphens, trailing tabs, link labels and
// bookmarks.
func addArtifacts(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if l == "" {
			continue
		}
		switch i % 4 {
		case 0:
			lines[i] = "\u200b" + l + "\t"
		case 1:
			lines[i] = "[bookmark: _Toc1234]" + l + " \u00a0"
		case 2:
			if DetectLang(l) == Chinese {
				lines[i] = l + "【详细】"
			} else {
				lines[i] = l + " [More]"
			}
		case 3:
			lines[i] = "\ufeff" + l
		}
	}
	return strings.Join(lines, "\n")
}

// mixFragments are the pieces FuzzMixedScripts builds inputs from: both
// scripts, their punctuation, line breaks of every kind, indentation, and the
// debris that cleaning removes.
var mixFragments = []string{
	"党的对外工作", "习近平总书记指出", "，", "。", "！", "？", "；", "：", "“", "”", "……", "——", "（一）", "一、", "《", "》",
	"The Party", " external work", " Mr. Smith", " U.S.", ".", "!", "?", ";", ":", "\"", "'", " ", "I. ", "1. ", "(1)",
	"\n", "\n\n", "\r\n", "\r", "\u2028", "\u3000\u3000", "\u00a0\u00a0", "\t", "\u200b", "\u00ad", "\ufeff",
	"[bookmark: _GoBack]", "【详细】", "[更多]", "£¬", "中国>>新闻>>时事", "来源:人民网 时间:2009年", "48小时排行榜",
	"（2022年10月20日）", "(October 20, 2022)", "中共中央对外联络部", "2022", "3.5%", "\x01", "\ufffd",
}

// FuzzMixedScripts builds inputs from mixFragments (so that every run mixes
// scripts, layouts and debris) and checks, for Monolingual in each language
// mode and for Bilingual: no panic, an *Error or documents whose spans rebuild
// their text, and texts that together with the report rebuild the decoded
// input (the lines of both documents, for Bilingual).
func FuzzMixedScripts(f *testing.F) {
	f.Add([]byte{0, 2, 3, 30, 22, 23, 30, 30, 0, 3, 31, 20, 21, 24})
	f.Add([]byte{48, 30, 36, 0, 2, 1, 3, 32, 49, 30, 34, 20, 22, 30, 42, 43, 30})
	f.Add([]byte{45, 31, 46, 31, 0, 4, 3, 31, 20, 21, 25, 31, 47, 31})
	f.Fuzz(func(t *testing.T, ops []byte) {
		var b strings.Builder
		for _, o := range ops {
			b.WriteString(mixFragments[int(o)%len(mixFragments)])
		}
		data := b.String()
		decoded, _, err := Decode([]byte(data), "", false)
		if err != nil {
			t.Fatalf("Decode: %v", err)
		}
		var s Segmenter
		for _, lang := range []Lang{Unknown, Chinese, English} {
			d, err := s.Monolingual("mix.txt", []byte(data), lang)
			checkFuzzResult(t, err, d)
			if err != nil {
				continue
			}
			if diff := cmp.Diff(rebuild(t, decoded, d.Report.Changes), d.Text); diff != "" {
				t.Fatalf("Monolingual(%v) of %q: input + report mismatch (-rebuilt +text):\n%s", lang, data, diff)
			}
		}
		zh, en, err := s.Bilingual("mix.txt", []byte(data))
		if err != nil {
			checkFuzzResult(t, err, nil)
			return
		}
		checkFuzzResult(t, nil, zh)
		checkFuzzResult(t, nil, en)
		var changes []Change
		for _, d := range []*Document{zh, en} {
			for _, c := range d.Report.Changes {
				if !slices.Contains(changes, c) {
					changes = append(changes, c)
				}
			}
		}
		want := strings.Split(rebuild(t, decoded, changes), "\n")
		got := append(strings.Split(zh.Text, "\n"), strings.Split(en.Text, "\n")...)
		slices.Sort(want)
		slices.Sort(got)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("Bilingual of %q: input + report mismatch (-rebuilt lines +document lines):\n%s", data, diff)
		}
	})
}

func gb18030(t *testing.T, s string) string {
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func utf16LE(t *testing.T, s string) string {
	b, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
