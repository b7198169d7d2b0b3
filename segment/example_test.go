package segment_test

import (
	"errors"
	"fmt"

	"github.com/bitextlab/zhen/segment"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func ExampleSegmenter_Bilingual() {
	data := []byte("关于对外工作的报告\n（2022年10月20日）\n[bookmark: _GoBack]党的对外工作取得新成就。\n我们广交朋友，深化合作。\n\n" +
		"Report on the External Work\n(October 20, 2022)\n\nThe Party's external work has made new achievements.\n\n" +
		"We have made friends widely and deepened cooperation.\n")
	var s segment.Segmenter
	zh, en, err := s.Bilingual("report.txt", data)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("layout:", zh.Report.Layout)
	for _, d := range []*segment.Document{zh, en} {
		for _, p := range d.Paragraphs {
			fmt.Printf("%s %-8s %s\n", d.Lang, p.Kind, p.In(d.Text))
		}
	}
	for _, c := range zh.Report.Changes {
		fmt.Println(c)
	}
	// Output:
	// layout: blocks
	// zh title    关于对外工作的报告
	// zh dateline （2022年10月20日）
	// zh body     党的对外工作取得新成就。
	// zh body     我们广交朋友，深化合作。
	// en title    Report on the External Work
	// en dateline (October 20, 2022)
	// en body     The Party's external work has made new achievements.
	// en body     We have made friends widely and deepened cooperation.
	// line 3, byte 52: word-bookmark: "[bookmark: _GoBack]" -> ""
}

func ExampleSegmenter_Bilingual_oneLanguage() {
	var s segment.Segmenter
	_, en, err := s.Bilingual("002.txt", []byte("External Relations of the Communist Party of China\n\nSince 1921, the Party has kept close links with the world.\n"))
	fmt.Println(errors.Is(err, segment.ErrOneLanguage))
	fmt.Println(err)
	fmt.Println(len(en.Paragraphs), "English paragraphs")
	// Output:
	// true
	// segment: 002.txt: not a bilingual file: found only English text, no Chinese
	// 2 English paragraphs
}

func ExampleSegmenter_Monolingual() {
	data := []byte("\u3000\u3000同主要国家政党交往逐渐成熟。同新兴政\n\n党交往实现新突破。【详细】\n\n" +
		"Advertisement for the book, with a portrait.\n")
	var s segment.Segmenter
	doc, err := s.Monolingual("003.txt", data, segment.Unknown)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range doc.Paragraphs {
		fmt.Printf("%-7s line %d: %s\n", p.Kind, p.Line, p.In(doc.Text))
	}
	for _, c := range doc.Report.Changes {
		fmt.Println(c)
	}
	// Output:
	// body    line 1: 同主要国家政党交往逐渐成熟。同新兴政党交往实现新突破。
	// foreign line 5: Advertisement for the book, with a portrait.
	// line 1, byte 0: indent: "\u3000\u3000" -> ""
	// line 1, byte 60: broken-paragraph: "\n\n" -> "" (paragraph broken mid-sentence rejoined)
	// line 3, byte 89: more-link: "【详细】" -> ""
	// line 5, byte 103: foreign-paragraph: "" -> "" (English paragraph set apart in a Chinese document (kind foreign, not aligned))
}

func ExampleSegmenter_Disable() {
	s := segment.Segmenter{Disable: []string{segment.RuleMojibake}}
	doc, _ := s.Monolingual("002.txt", []byte("The cause of the Party£¬the work.\n"), segment.English)
	fmt.Println(doc.Paragraphs[0].In(doc.Text))
	s.Disable = nil
	doc, _ = s.Monolingual("002.txt", []byte("The cause of the Party£¬the work.\n"), segment.English)
	fmt.Println(doc.Paragraphs[0].In(doc.Text))
	fmt.Println(doc.Report.Changes[0])
	// Output:
	// The cause of the Party£¬the work.
	// The cause of the Party，the work.
	// line 1, byte 22: mojibake-gbk: "£¬" -> "，"
}

func ExampleDecode() {
	gb, _ := simplifiedchinese.GB18030.NewEncoder().String("党的对外工作\n")
	text, enc, err := segment.Decode([]byte(gb), "", false)
	fmt.Printf("%q %s %v\n", text, enc, err)

	bad, _ := simplifiedchinese.GB18030.NewEncoder().String("第一行\n第二行")
	bad += "\x81\x20" // a lead byte without its trail byte
	_, _, err = segment.Decode([]byte(bad), segment.GB18030, false)
	fmt.Println(err)
	fmt.Println(errors.Is(err, segment.ErrInvalidEncoding))
	// Output:
	// "党的对外工作\n" gb18030 <nil>
	// segment: line 2, byte 13: invalid GB18030 sequence 81 20
	// true
}

func ExampleDetectEncoding() {
	data := []byte{0xFF, 0xFE, 'h', 0, 'i', 0}
	fmt.Println(segment.DetectEncoding(data))
	fmt.Println(segment.DetectEncoding([]byte("中文")))
	// Output:
	// utf-16le
	// utf-8
}

func ExampleDetectLang() {
	fmt.Println(segment.DetectLang("党的对外工作取得新成就。"))
	fmt.Println(segment.DetectLang("Xi Jinping (习近平) met the delegation."))
	fmt.Println(segment.DetectLang("2022 — 2023"))
	// Output:
	// zh
	// en
	// unknown
}

func ExampleError() {
	var s segment.Segmenter
	_, err := s.Monolingual("x.bin", []byte("MZ\x03\x04\x00\x00"), segment.Unknown)
	var e *segment.Error
	if errors.As(err, &e) {
		fmt.Println(e.File, e.Line, e.Offset, errors.Is(err, segment.ErrBinary))
	}
	fmt.Println(err)
	// Output:
	// x.bin 1 4 true
	// segment: x.bin: line 1, byte 4: binary data, not text; the formats read are plain text in UTF-8, UTF-16, GB18030, GBK, Big5 or Windows-1252, Word .docx and web pages (.html, .htm, .xhtml)
}

func ExampleReport_Count() {
	var s segment.Segmenter
	doc, _ := s.Monolingual("000.txt", []byte("  1. 毛泽东和斯大林\n    毛泽东和斯大林\n  2. 周恩来与格瓦拉握手\n    周恩来与格瓦拉握手\n正文。【详细】\n"), segment.Chinese)
	fmt.Println(doc.Report.Count(segment.RuleCaptionDuplicate), "duplicate captions removed")
	fmt.Println(doc.Report.Count(segment.RuleMoreLink), "link label removed")
	// Output:
	// 2 duplicate captions removed
	// 1 link label removed
}

// A Chinese file and an English file given the wrong way round: Monolingual
// says what it found instead of segmenting English as Chinese.
func ExampleSegmenter_Monolingual_swapped() {
	var s segment.Segmenter
	_, err := s.Monolingual("en.txt", []byte("The talks ended. Both sides agreed to meet again.\n"), segment.Chinese)
	fmt.Println(errors.Is(err, segment.ErrWrongLanguage))
	fmt.Println(err)
	// Output:
	// true
	// segment: en.txt: wrong language: expected Chinese text, found English (0 hanzi, 39 Latin letters); are the Chinese and English files swapped?
}

// English saved as "ANSI" on Windows (Windows-1252) is recognised: its curly
// apostrophe is one byte, 0x92.
func ExampleSegmenter_Monolingual_windows1252() {
	var s segment.Segmenter
	doc, _ := s.Monolingual("en.txt", []byte("The Party\x92s external work.\n"), segment.English)
	fmt.Println(doc.Report.Encoding, doc.Text)
	// Output:
	// windows-1252 The Party’s external work.
}

// DecodeFile decodes a file that is already one sentence per line, as the
// Segmenter would, without cleaning: Windows-1252 is recognised and the NUL
// padding at its end removed, on record.
func ExampleSegmenter_DecodeFile() {
	var s segment.Segmenter
	text, rep, err := s.DecodeFile("en.txt", []byte("The Party\x92s work.\r\nWe make friends.\r\n\x00\x00"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%q\n", text)
	fmt.Println(rep.Encoding)
	for _, c := range rep.Changes {
		fmt.Println(c)
	}
	// Output:
	// "The Party’s work.\r\nWe make friends.\r\n"
	// windows-1252
	// line 3, byte 39: control: "\x00\x00" -> "" (2 NUL bytes of padding at the end of the file removed)
}
