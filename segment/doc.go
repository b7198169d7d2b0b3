// Package segment turns raw Chinese and English press material into clean,
// lossless paragraphs and sentences, ready for alignment.
//
// # Use
//
// The zero [Segmenter] is right for Chinese–English press text. Give it the
// bytes of a file, plain text, a Word .docx or a web page, and read the
// sentences of each language:
//
//	var s segment.Segmenter
//	zh, en, err := s.Bilingual("release.docx", data) // Chinese, then English
//	if err != nil {
//		return err // says what was wrong, where, and what to do
//	}
//	for _, p := range zh.Paragraphs {
//		for _, sent := range p.Sentences {
//			fmt.Println(sent.In(zh.Text))
//		}
//	}
//	tag := "zh-CN"
//	if zh.Traditional() {
//		tag = "zh-TW"
//	}
//
// [Segmenter.Monolingual] reads a file in one language (a zh/en pair of
// files); [Segmenter.DecodeFile] only decodes, for text already split one
// sentence per line. [LoadRules] picks the sentence rules by name
// ("default", "omegat") or SRX file, for Segmenter.Rules. Each Document's
// [Report] lists everything decoding and cleaning changed or removed.
//
// # Pipeline
//
// A Segmenter runs
//
//	read (text, Word, HTML) → decode → clean (+ report) → split bilingual → paragraphs → sentences
//
// # Input formats
//
// The format is recognised by content, the file name being only a hint.
// Plain text is decoded as described under Decoding. A Word document
// (.docx, a ZIP archive holding word/document.xml) gives one line per
// paragraph, table cells included; line breaks and tabs are kept, and
// paragraphs in a heading or title style are marked. A web page (.html,
// .htm, .xhtml, or any file that starts with a doctype or an <html> tag) is
// decoded by its byte order mark, <meta charset>, http-equiv or XML
// declaration; each block element (p, div, li, table cells, headings…) is a
// paragraph, <br> ends a line and white space is collapsed as a browser
// does. What reading removed is listed in the Report (rules [DropWordBookmark]
// … and [DropHTMLScript] …), like every other removal, and Report.Format
// names the format. A PDF, an old Word .doc, another archive or an image is
// refused with an error that says what to export it as. Inputs larger than
// Segmenter.MaxBytes ([DefaultMaxBytes] by default) are refused
// ([ErrTooLarge]).
//
// # Documents and spans
//
// A Document's Text is its cleaned text with one paragraph per line: the
// paragraphs, in order, separated by a single "\n" (blank lines of the input
// and the line breaks inside a hard-wrapped or broken paragraph are gone;
// the joins are reported). Paragraphs and their sentences are byte spans
// ([Span]) over Text, so Text[p.Start:p.End] is paragraph p, nothing is
// copied, and the spans with the gaps between them rebuild Text.
// [Paragraph.Line] points back to the input line where a paragraph starts.
//
// Each paragraph has a [Kind]: Body; Title (short, no final punctuation);
// Dateline (a date such as "（2022年10月20日）" or "(October 20, 2022)", or a
// department or source line such as "中共中央对外联络部"); Heading (a section
// or list label with a short text, "(一) 青山着意化为桥"); Foreign (a
// paragraph in the other language, kept but set apart: aligners skip it).
//
// # Decoding
//
// [Decode] reads UTF-8 (with or without a byte order mark), UTF-16LE/BE
// (with a byte order mark, named, or recognised by its NUL bytes), GB18030/GBK
// and Big5. With
// Segmenter.Encoding empty the encoding is detected ([DetectEncoding]).
// Invalid bytes are an [*Error] naming the line and byte offset, unless
// Segmenter.ReplaceInvalid is set: then they become U+FFFD and the
// [Report] counts and lists them. A [Segmenter] also reads English saved as
// "ANSI" on Windows ([Windows1252]: detected when its few non-ASCII bytes
// stand alone, which GB18030 would read as stray hanzi), and removes NUL
// padding at the end of a file, on record. Error positions are in the
// input: the byte offset in its own encoding, the line counted at LF, CRLF
// or CR.
//
// # Cleaning, on the record
//
// Cleaning is conservative, and every change is a [Change] in the
// document's Report (rule, input line, byte offset in the decoded input, old
// and new text). Every rule can be switched off by listing its name in
// Segmenter.Disable ([CleaningRules] lists them all):
//
//   - line-endings: CRLF, CR, U+2028 and U+2029 become LF (one summary entry);
//   - indent, trailing-space: spaces, tabs, NBSP and U+3000 at line ends;
//   - zero-width, control: U+200B–U+200D, U+2060, U+FEFF, the soft hyphen
//     U+00AD; C0/C1 controls;
//   - word-bookmark: "[bookmark: _GoBack]" and other Word export bookmarks;
//   - more-link: web link labels such as "【详细】" and "[更多]";
//   - breadcrumb, footer: navigation lines ("A>>B>>C") and page footers
//     ("来源:… 时间:… (责编:…)", "48小时排行榜");
//   - caption-duplicate: a photo caption printed twice ("1. X" then "X");
//   - mojibake-gbk: GBK bytes read as Latin-1 ("Party£¬the" → "Party，the"),
//     only where the bytes form GB2312 hanzi or CJK punctuation and the run
//     cannot be ordinary Latin-1 text;
//   - unwrap: hard-wrapped lines joined into their paragraph: English whose
//     blank-line separated blocks mostly have several lines ending without
//     sentence punctuation, and any text wrapped at a fixed width (many
//     lines reach the widest line's width, counting a hanzi as two columns;
//     where paragraphs are marked by indentation, an indented line starts a
//     new one). Text with one paragraph or one sentence per line is left
//     alone;
//   - broken-paragraph: a paragraph cut mid-sentence by page layout is
//     rejoined when the first part is body text ending on a hanzi without
//     punctuation and the next starts with a hanzi (a lower-case word in
//     English); a title, dateline, heading or sentence end is never joined;
//   - title-join: a title broken over two or three lines at the head of a
//     document is rejoined; a title never merges into body text;
//   - foreign-paragraph: a paragraph in the other language is given Kind
//     Foreign.
//
// Decoding also records a removed byte order mark (rule "bom") and
// replaced invalid bytes (rule "invalid-bytes").
//
// # Bilingual files
//
// Each line is given a language by its share of hanzi and Latin letters
// ([DetectLang]). The layout, named in Report.Layout, is "blocks" (all of
// one language, then all of the other: at most a tenth of the text may sit
// on the wrong side, and such stray paragraphs become Foreign) or
// "interleaved" (a paragraph and its translation, alternating). A file
// with only one language gives an error matching [ErrOneLanguage] that
// names the language found, together with that language's document.
//
// # Sentences
//
// [SplitSentences] cuts a paragraph span into sentence spans with [Rules]:
// ordered break and exception rules with SRX 2.0 semantics (the first rule
// that matches at a position decides), built from a [RuleSet] with
// [NewRules]. [DefaultRules] keep Chinese closers (。” ends a sentence) with
// their sentence, break before an opener, treat a run of terminators (？！,
// ……。) as one, keep list markers (一、 （一） 1. ①) and section labels (I.)
// with their item, read half-width .!? between hanzi as terminators, keep a
// quotation with its short attribution (“……。”本扬说。 is one sentence, as its
// translation is), and know English abbreviations, initials, decimals and
// clock times. Chinese "；" does not
// end a sentence but is returned as an optional sub-split point
// (Paragraph.Subs) that an aligner may use. [OmegaTRules] reproduce
// OmegaT's default segmentation, so that a TMX built with them gives 100%
// matches in that CAT tool; [OmegaTSegments] and [OmegaTParagraphs] show
// OmegaT's view of a plain-text file. [LoadSRX] reads an SRX 2.0 file
// exported by OmegaT, Trados or Okapi (in UTF-8, UTF-16 or GBK), keeping
// the rules Go's RE2 engine can express and reporting the others; every
// rule's cost per character is bounded, whatever its pattern.
// [LoadRules] chooses among the built-in sets and SRX files by name.
// Segmenter.Rules selects the rules a Segmenter uses. The built-in sets are
// compiled on first use, so importing the package costs nothing. [Sentences] and [SentenceSeq] split plain text (one
// paragraph per line) when spans are not needed.
//
// # Script
//
// [Document.Traditional] tells a text in traditional characters (Taiwan,
// Hong Kong, Macau) from one in simplified characters, for a language tag
// such as zh-TW or zh-CN.
//
// # Errors
//
// Errors about an input are [*Error] values: "segment: FILE: line L, byte
// B: what was wrong (what to do)". They match [ErrEmpty], [ErrBinary]
// (also for formats that are not read), [ErrTooLarge],
// [ErrInvalidEncoding], [ErrUnknownEncoding], [ErrOneLanguage],
// [ErrLayout] (a two-column table, Chinese and English side by side) and
// [ErrWrongLanguage] (a file given to Monolingual as Chinese that is almost
// all English, or the reverse: swapped files) with errors.Is. No input makes
// the package panic.
package segment
