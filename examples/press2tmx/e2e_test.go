package main

// End-to-end tests: press2tmx run in-process on the files users actually
// have — other encodings, other line endings, other layouts, Word and web
// debris — must give the same sentence pairs as the clean UTF-8 original, or
// fail with exit status 1 and a message that names the file and, where it
// applies, the line and byte offset.

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/bitextlab/zhen/segment"
)

const seed001 = seeds + "001_38bdb1c42bebbece.txt"

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// encodeWith encodes UTF-8 text; every character must be representable.
func encodeWith(t *testing.T, e encoding.Encoding, text string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatalf("test input cannot be encoded: %v", err)
	}
	return b
}

// tsvOf runs press2tmx -format tsv with args and returns its output; the run
// must succeed.
func tsvOf(t *testing.T, stdin string, args ...string) string {
	t.Helper()
	code, out, errs := runCmd(t, stdin, append([]string{"-format", "tsv"}, args...)...)
	if code != exitOK {
		t.Fatalf("press2tmx %q: exit %d, stderr:\n%s", args, code, errs)
	}
	if strings.Count(out, "\n") < 30 {
		t.Fatalf("press2tmx %q: only %d lines of TSV", args, strings.Count(out, "\n"))
	}
	return out
}

// halves returns seed 001's Chinese and English parts (the English starts
// at "Material Ⅰ for the press conference").
func halves(t *testing.T) (zh, en string) {
	t.Helper()
	s := string(readFile(t, seed001))
	i := strings.Index(s, "Material Ⅰ for the press conference")
	if i < 0 {
		t.Fatal("seed 001: English part not found")
	}
	return s[:i], s[i:]
}

// paragraphs returns the cleaned paragraphs of both languages of seed 001, as
// the segmenter sees them.
func paragraphs(t *testing.T) (zh, en []string) {
	t.Helper()
	var s segment.Segmenter
	z, e, err := s.Bilingual("001", readFile(t, seed001))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range z.Paragraphs {
		zh = append(zh, p.In(z.Text))
	}
	for _, p := range e.Paragraphs {
		en = append(en, p.In(e.Text))
	}
	return zh, en
}

// TestEncodingsGiveSamePairs: seed 001 in every encoding and line-ending
// convention a user's file may come in gives the pairs of the UTF-8
// original, detected and (where it applies) named with -encoding.
func TestEncodingsGiveSamePairs(t *testing.T) {
	orig := string(readFile(t, seed001))
	want := tsvOf(t, "", seed001)
	utf16le := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	utf16be := unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	tests := []struct {
		name string
		data func(t *testing.T) []byte
		enc  string // also run with -encoding enc when set
	}{
		{"GB18030", func(t *testing.T) []byte { return encodeWith(t, simplifiedchinese.GB18030, orig) }, "gb18030"},
		{"GBK", func(t *testing.T) []byte { return encodeWith(t, simplifiedchinese.GBK, orig) }, "gbk"},
		{"UTF-16LE with BOM", func(t *testing.T) []byte { return encodeWith(t, utf16le, orig) }, "utf-16le"},
		{"UTF-16BE with BOM", func(t *testing.T) []byte { return encodeWith(t, utf16be, orig) }, "utf-16be"},
		{"UTF-16LE without BOM (Chinese first)", func(t *testing.T) []byte {
			return encodeWith(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), orig)
		}, "utf-16le"},
		{"UTF-16BE without BOM (Chinese first)", func(t *testing.T) []byte {
			return encodeWith(t, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), orig)
		}, "utf-16be"},
		{"UTF-8 with BOM", func(t *testing.T) []byte { return append([]byte("\uFEFF"), orig...) }, "utf-8"},
		{"CRLF", func(t *testing.T) []byte { return []byte(strings.ReplaceAll(orig, "\n", "\r\n")) }, ""},
		{"CR only", func(t *testing.T) []byte { return []byte(strings.ReplaceAll(orig, "\n", "\r")) }, ""},
		{"GB18030 with CRLF", func(t *testing.T) []byte {
			return encodeWith(t, simplifiedchinese.GB18030, strings.ReplaceAll(orig, "\n", "\r\n"))
		}, "gb18030"},
		{"UTF-16LE with BOM and CRLF", func(t *testing.T) []byte {
			return encodeWith(t, utf16le, strings.ReplaceAll(orig, "\n", "\r\n"))
		}, ""},
		{"trailing NUL padding", func(t *testing.T) []byte { return append([]byte(orig), make([]byte, 64)...) }, ""},
		{"UTF-16LE with BOM and NUL padding", func(t *testing.T) []byte { return append(encodeWith(t, utf16le, orig), make([]byte, 63)...) }, "utf-16le"},
		{"UTF-16BE with BOM and NUL padding", func(t *testing.T) []byte { return append(encodeWith(t, utf16be, orig), make([]byte, 64)...) }, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := writeFile(t, "in.txt", tc.data(t))
			if diff := cmp.Diff(want, tsvOf(t, "", p)); diff != "" {
				t.Errorf("detected encoding: TSV mismatch (-utf8 +%s):\n%s", tc.name, diff)
			}
			if tc.enc != "" {
				if diff := cmp.Diff(want, tsvOf(t, "", "-encoding", tc.enc, p)); diff != "" {
					t.Errorf("-encoding %s: TSV mismatch (-utf8 +%s):\n%s", tc.enc, tc.name, diff)
				}
			}
		})
	}
	// The English half alone in GBK (ASCII plus GBK's curly quotes and
	// Roman numeral), as the English file of a pair.
	t.Run("GBK English half of a pair", func(t *testing.T) {
		zh, en := halves(t)
		zp := writeFile(t, "zh.txt", []byte(zh))
		want := tsvOf(t, "", zp, writeFile(t, "en.txt", []byte(en)))
		ep := writeFile(t, "en-gbk.txt", encodeWith(t, simplifiedchinese.GBK, en))
		if diff := cmp.Diff(want, tsvOf(t, "", zp, ep)); diff != "" {
			t.Errorf("TSV mismatch (-utf8 +gbk):\n%s", diff)
		}
	})
	// The English half saved as "ANSI" on a Western Windows (Windows-1252:
	// ’ “ ” are single bytes), beside the Chinese half in GBK: not read as
	// GB18030 with stray hanzi ("Party抯").
	t.Run("Windows-1252 English half, GBK Chinese half", func(t *testing.T) {
		zh, en := halves(t)
		en = strings.ReplaceAll(en, "Ⅰ", "I") // not in Windows-1252
		want := tsvOf(t, "", writeFile(t, "zh.txt", []byte(zh)), writeFile(t, "en.txt", []byte(en)))
		zp := writeFile(t, "zh-gbk.txt", encodeWith(t, simplifiedchinese.GBK, zh))
		ep := writeFile(t, "en-1252.txt", encodeWith(t, charmap.Windows1252, en))
		if diff := cmp.Diff(want, tsvOf(t, "", zp, ep)); diff != "" {
			t.Errorf("TSV mismatch (-utf8 +gbk/windows-1252):\n%s", diff)
		}
	})
}

// A short traditional-Chinese press text and its English, written for this
// test: Big5 can carry all of it.
const big5Text = `外交部發言人記者會
（2023年3月1日）

今天上午，外交部發言人在北京舉行例行記者會，回答了記者提出的問題。
發言人表示，中方願與各方一道，推動區域和平與穩定。
她說：「我們歡迎更多國家參與合作，共同應對全球挑戰。」

Regular Press Conference of the Foreign Ministry Spokesperson
(March 1, 2023)

This morning, the spokesperson of the Foreign Ministry held a regular press conference in Beijing and answered questions from journalists.
The spokesperson said that China is willing to work with all parties to promote regional peace and stability.
She said: "We welcome more countries to take part in the cooperation and jointly meet global challenges."
`

// TestBig5 decodes a Big5 file, detected and named, to the pairs of its UTF-8
// version.
func TestBig5(t *testing.T) {
	u := writeFile(t, "tw.txt", []byte(big5Text))
	want := tsvOf0(t, "-force", u)
	b := writeFile(t, "tw-big5.txt", encodeWith(t, traditionalchinese.Big5, big5Text))
	for _, args := range [][]string{{"-force", b}, {"-force", "-encoding", "big5", b}} {
		if diff := cmp.Diff(want, tsvOf0(t, args...)); diff != "" {
			t.Errorf("press2tmx %q: TSV mismatch (-utf8 +big5):\n%s", args, diff)
		}
	}
	if !strings.Contains(want, "外交部發言人記者會\tRegular Press Conference") {
		t.Errorf("Big5 text: title pair missing:\n%s", want)
	}
}

// tsvOf0 is tsvOf for short inputs.
func tsvOf0(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errs := runCmd(t, "", append([]string{"-format", "tsv"}, args...)...)
	if code != exitOK {
		t.Fatalf("press2tmx %q: exit %d, stderr:\n%s", args, code, errs)
	}
	return out
}

// TestLayoutsGiveSamePairs: seed 001 laid out as users' files lay it out.
func TestLayoutsGiveSamePairs(t *testing.T) {
	orig := string(readFile(t, seed001))
	want := tsvOf(t, "", seed001)
	zhHalf, enHalf := halves(t)
	zhParas, enParas := paragraphs(t)
	interleave := func(sep string) string {
		var b strings.Builder
		for i := range max(len(zhParas), len(enParas)) {
			if i < len(zhParas) {
				b.WriteString(zhParas[i] + sep)
			}
			if i < len(enParas) {
				b.WriteString(enParas[i] + sep)
			}
		}
		return b.String()
	}
	indent := func(s string) string {
		lines := strings.Split(s, "\n")
		for i, l := range lines {
			switch segment.DetectLang(l) {
			case segment.Chinese:
				lines[i] = "\u3000\u3000" + l
			case segment.English:
				lines[i] = "\u00a0\u00a0\u00a0\u00a0" + l
			}
		}
		return strings.Join(lines, "\n")
	}
	artifacts := func(s string) string {
		lines := strings.Split(s, "\n")
		for i, l := range lines {
			if strings.TrimSpace(l) == "" {
				continue
			}
			switch i % 5 {
			case 0:
				lines[i] = "\u200b" + l + " \t"
			case 1:
				lines[i] = "[bookmark: _Toc98765]" + l
			case 2:
				if segment.DetectLang(l) == segment.Chinese {
					lines[i] = l + "【详细】"
				} else {
					lines[i] = l + " [More]"
				}
			case 3:
				lines[i] = "\ufeff" + strings.Replace(l, "的", "\u00ad的", 1)
			}
		}
		return strings.Join(lines, "\n")
	}
	tests := []struct {
		name string
		data string
	}{
		{"interleaved, blank lines between", interleave("\n\n")},
		{"interleaved, one paragraph per line", interleave("\n")},
		{"English block first", enHalf + "\n\n" + zhHalf},
		{"extra blank lines", "\n\n\n" + strings.ReplaceAll(orig, "\n\n", "\n\n \n\u3000\n\n") + "\n\n\n"},
		{"U+3000 and NBSP indentation", indent(orig)},
		{"Word and web artifacts", artifacts(orig)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := writeFile(t, "in.txt", []byte(tc.data))
			if diff := cmp.Diff(want, tsvOf(t, "", p)); diff != "" {
				t.Errorf("TSV mismatch (-original +%s):\n%s", tc.name, diff)
			}
		})
	}
	t.Run("two files", func(t *testing.T) {
		zp, ep := writeFile(t, "zh.txt", []byte(zhHalf)), writeFile(t, "en.txt", []byte(enHalf))
		if diff := cmp.Diff(want, tsvOf(t, "", zp, ep)); diff != "" {
			t.Errorf("TSV mismatch (-bilingual +two files):\n%s", diff)
		}
	})
	t.Run("standard input", func(t *testing.T) {
		if diff := cmp.Diff(want, tsvOf(t, orig, "-")); diff != "" {
			t.Errorf("TSV mismatch (-file +stdin bilingual):\n%s", diff)
		}
		zp := writeFile(t, "zh.txt", []byte(zhHalf))
		if diff := cmp.Diff(want, tsvOf(t, enHalf, zp, "-")); diff != "" {
			t.Errorf("TSV mismatch (-file +stdin English):\n%s", diff)
		}
	})
}

// errLine is what every input error must look like: one line naming the
// file, then the line and byte offset when the error has a position.
var errPos = regexp.MustCompile(`line (\d+), byte (\d+)`)

// TestInputErrorsNamePosition: an input error names the file, the line and
// the byte offset, computed here independently.
func TestInputErrorsNamePosition(t *testing.T) {
	orig := string(readFile(t, seed001))
	gb := encodeWith(t, simplifiedchinese.GB18030, orig)
	// An invalid GB18030 sequence (0xFF is never a lead byte) at the start
	// of the 30th line.
	off := 0
	for range 29 {
		off += bytes.IndexByte(gb[off:], '\n') + 1
	}
	badGB := append(append(append([]byte{}, gb[:off]...), 0xFF, 0xFF), gb[off:]...)
	// The same with old Mac line ends (CR only): still line 30.
	badGBCR := bytes.ReplaceAll(badGB, []byte{'\n'}, []byte{'\r'})
	// UTF-16 with CRLF line ends and an unpaired surrogate at the start of
	// the 30th line.
	u16crlf := encodeWith(t, unicode.UTF16(unicode.BigEndian, unicode.UseBOM), strings.ReplaceAll(orig, "\n", "\r\n"))
	lines29 := strings.Join(strings.SplitAfterN(orig, "\n", 30)[:29], "")
	u16crlfOff := 2 + 2*(utf8.RuneCountInString(lines29)+29)
	u16crlf = append(append(append([]byte{}, u16crlf[:u16crlfOff]...), 0xDC, 0x00), u16crlf[u16crlfOff:]...)
	// Invalid UTF-8 in the middle of a Chinese line: a cut hanzi.
	u8off := strings.Index(orig, "深刻把握战略全局") + 3
	badU8 := []byte(orig[:u8off] + "\xe6\x88" + orig[u8off:])
	// A NUL in the middle of the text (not trailing padding).
	nulOff := strings.Index(orig, "Since the 18th")
	nul := []byte(orig[:nulOff] + "\x00" + orig[nulOff:])
	// UTF-16LE with an unpaired surrogate.
	u16 := encodeWith(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), orig)
	u16off := 2 + 2*200
	u16[u16off], u16[u16off+1] = 0x00, 0xD8
	u16[u16off+2], u16[u16off+3] = 'A', 0

	// A U+0000 character inside UTF-16 text (found after decoding: the
	// position must still be the input's byte offset).
	nulAt := strings.Index(orig, "深刻把握战略全局")
	u16nulOff := 2 + 2*utf8.RuneCountInString(orig[:nulAt])
	u16nul := encodeWith(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), orig)
	u16nul = append(append(append([]byte{}, u16nul[:u16nulOff]...), 0, 0), u16nul[u16nulOff:]...)

	lineOf := func(data []byte, off int) int { return bytes.Count(data[:off], []byte{'\n'}) + 1 }
	tests := []struct {
		name string
		data []byte
		args []string
		off  int
		line int
	}{
		{"invalid GB18030, named", badGB, []string{"-encoding", "gb18030"}, off, 30},
		{"invalid GB18030, detected", badGB, nil, off, 30},
		{"invalid GB18030, CR line ends", badGBCR, nil, off, 30},
		{"unpaired surrogate in UTF-16BE with CRLF", u16crlf, nil, u16crlfOff, 30},
		{"invalid UTF-8", badU8, nil, u8off, lineOf(badU8, u8off)},
		{"invalid UTF-8, named", badU8, []string{"-encoding", "utf-8"}, u8off, lineOf(badU8, u8off)},
		{"NUL inside the text", nul, nil, nulOff, lineOf(nul, nulOff)},
		{"NUL character in UTF-16", u16nul, nil, u16nulOff, strings.Count(orig[:nulAt], "\n") + 1},
		{"unpaired UTF-16 surrogate", u16, nil, u16off, 1 + strings.Count(string(bytes.ReplaceAll(u16[:u16off], []byte{0}, nil)), "\n")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := writeFile(t, "broken.txt", tc.data)
			code, out, errs := runCmd(t, "", append(tc.args, p)...)
			if code != exitError {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitError, errs)
			}
			if out != "" {
				t.Errorf("output written despite the error: %.200q", out)
			}
			first := strings.SplitN(errs, "\n", 2)[0]
			if !strings.Contains(first, p) {
				t.Errorf("error does not name the file %s: %s", p, first)
			}
			m := errPos.FindStringSubmatch(first)
			if m == nil {
				t.Fatalf("error names no line and byte: %s", first)
			}
			if got, want := m[0], fmt.Sprintf("line %d, byte %d", tc.line, tc.off); got != want {
				t.Errorf("error position %q, want %q: %s", got, want, first)
			}
		})
	}
}

// TestWhatWasFound: inputs that cannot be aligned say why, with exit 1 (3
// for two texts that are not translations of each other).
func TestWhatWasFound(t *testing.T) {
	zhHalf, enHalf := halves(t)
	tests := []struct {
		name     string
		files    map[string][]byte // written in order of the args that name them
		args     []string
		code     int
		mentions []string
	}{
		{"Chinese only", map[string][]byte{"zh.txt": []byte(zhHalf)}, []string{"zh.txt"}, exitError, []string{"zh.txt", "Chinese", "English"}},
		{"English only", map[string][]byte{"en.txt": []byte(enHalf)}, []string{"en.txt"}, exitError, []string{"en.txt", "only English"}},
		{"seed 003 (Chinese with an English caption)", nil, []string{seeds + "003_fde2822e310dd5d8.txt"}, exitError, []string{"003_fde2822e310dd5d8.txt", "Chinese"}},
		{"seed 002 (English)", nil, []string{seeds + "002_c618ccbec1cb5b05.txt"}, exitError, []string{"002_c618ccbec1cb5b05.txt", "English"}},
		{"empty", map[string][]byte{"empty.txt": nil}, []string{"empty.txt"}, exitError, []string{"empty.txt", "empty"}},
		{"blank", map[string][]byte{"blank.txt": []byte("\r\n \u3000\n\t\n\u00a0\n")}, []string{"blank.txt"}, exitError, []string{"blank.txt", "blank"}},
		{"binary", map[string][]byte{"img.png": {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R', 0, 0, 1, 0}}, []string{"img.png"}, exitError, []string{"img.png", "binary"}},
		{"empty English file of a pair", map[string][]byte{"zh.txt": []byte(zhHalf), "en.txt": nil}, []string{"zh.txt", "en.txt"}, exitError, []string{"en.txt", "empty"}},
		{"Chinese given as the English file", map[string][]byte{"zh.txt": []byte(zhHalf), "zh2.txt": []byte(zhHalf)}, []string{"zh.txt", "zh2.txt"}, exitError, []string{"zh2.txt", "expected English text, found Chinese"}},
		{"English file of page furniture only", map[string][]byte{"zh.txt": []byte(zhHalf), "footer.txt": []byte("48小时排行榜 48小时评论榜\n来源:人民网 时间:2009年\n")}, []string{"zh.txt", "footer.txt"}, exitError, []string{"footer.txt", "no Chinese or English text", "removed 2 lines"}},
		{"two-column table", map[string][]byte{"table.tsv": []byte("党的对外工作取得新成就。\tThe Party's external work has made new achievements.\n我们广交朋友。\tWe make friends widely.\n")}, []string{"table.tsv"}, exitError, []string{"table.tsv", "side by side", "two files"}},
		{"files swapped", map[string][]byte{"en.txt": []byte(enHalf), "zh.txt": []byte(zhHalf)}, []string{"en.txt", "zh.txt"}, exitError, []string{"en.txt", "expected Chinese text, found English", "swapped"}},
		{"seed 000 against seed 002", nil, []string{seeds + "000_6b3897585427d446.txt", seeds + "002_c618ccbec1cb5b05.txt"}, exitNotParallel, []string{"score 0."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			args := tc.args
			if tc.files != nil {
				args = nil
				for _, a := range tc.args {
					p := dir + "/" + a
					if err := os.WriteFile(p, tc.files[a], 0o644); err != nil {
						t.Fatal(err)
					}
					args = append(args, p)
				}
			}
			code, out, errs := runCmd(t, "", args...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, tc.code, errs)
			}
			if out != "" {
				t.Errorf("output written: %.200q", out)
			}
			first := strings.SplitN(errs, "\n", 2)[0]
			for _, m := range tc.mentions {
				if !strings.Contains(first, m) {
					t.Errorf("first line of stderr does not mention %q: %s", m, first)
				}
			}
		})
	}
}

// wrapAt hard-wraps every line wider than width columns (a hanzi or other
// wide character counts two), as a PDF extract or an e-mail does: English
// at spaces, Chinese anywhere; a wrapped Chinese paragraph is followed by a
// blank line (the English ones have blank lines between them already).
func wrapAt(s string, width int) string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		if colsOf(line) <= width {
			out = append(out, line)
			continue
		}
		zh := segment.DetectLang(line) == segment.Chinese
		var cur strings.Builder
		cols, lastSpace := 0, -1
		for _, r := range line {
			w := 1
			if r >= 0x2E80 {
				w = 2
			}
			if cols+w > width {
				text := cur.String()
				if lastSpace > 0 { // English: cut at the last space
					out = append(out, strings.TrimRight(text[:lastSpace], " "))
					text = text[lastSpace+1:]
				} else {
					out = append(out, text)
					text = ""
				}
				cur.Reset()
				cur.WriteString(text)
				cols, lastSpace = colsOf(text), -1
			}
			if r == ' ' && !zh {
				lastSpace = cur.Len()
			}
			cur.WriteRune(r)
			cols += w
		}
		out = append(out, strings.TrimRight(cur.String(), " "))
		if zh {
			out = append(out, "")
		}
	}
	return strings.Join(out, "\n")
}

func colsOf(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x2E80 {
			n++
		}
	}
	return n
}

// TestHardWrappedGivesSamePairs: seed 001 hard-wrapped at a fixed width
// (Chinese at 70 columns, English at 72), one half or both, gives the
// output of the original: same pairs, same confidences.
func TestHardWrappedGivesSamePairs(t *testing.T) {
	want := tsvOf(t, "", seed001)
	zh, en := halves(t)
	for _, tc := range []struct{ name, data string }{
		{"English wrapped", zh + wrapAt(en, 72)},
		{"Chinese wrapped", wrapAt(zh, 70) + en},
		{"both wrapped", wrapAt(zh, 70) + wrapAt(en, 72)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := writeFile(t, "wrapped.txt", []byte(tc.data))
			if diff := cmp.Diff(want, tsvOf(t, "", p)); diff != "" {
				t.Errorf("TSV mismatch (-original +wrapped):\n%s", diff)
			}
		})
	}
}
