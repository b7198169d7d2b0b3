// Package pipeline is what a program around zhen needs between the command
// line and the packages segment, align, align/tmx and align/review: files in,
// documents, rules and glossary by name, language tags, pairs out in any
// format, written so that nothing a user owns is ever lost. The programs
// examples/press2tmx and examples/batch are flag parsing plus calls into it,
// as x/text's cmd/gotext is over message/pipeline.
//
// # Use
//
//	cfg := pipeline.Config{Encoding: "gb18030,utf-8", Lossy: true}
//	ins, err := cfg.Read("zh.txt", "en.txt")   // every input read first, size-limited
//	seg, _, err := cfg.Segmenter()             // rules by name: default, omegat, an SRX file
//	zh, en, err := pipeline.Documents(seg, ins)
//	aligner, err := cfg.Aligner()              // Force, the glossary by path
//	al, err := aligner.Align(zh, en)
//	langs, err := pipeline.NewLanguages("", "") // zh-CN/en-US; Fit(zh) gives zh-TW for traditional script
//	langs.Fit(zh)
//	out := &pipeline.Output{Format: "tmx", Path: "memory.tmx", Merge: "memory.tmx",
//		Inputs: []string{"zh.txt", "en.txt"}, Dedupe: true, Languages: langs}
//	rep, err := out.WriteAll(al.Pairs(), nil)
//	rep.Print(os.Stderr)                       // what was written and left out, lists capped
//
// # Inputs
//
// Config.Read reads files ("-" is standard input, once) up to Config.MaxSize
// bytes each (DefaultMaxSize, 64 MiB, when zero): a larger file, or an endless
// one such as /dev/zero, is an error matching ErrTooLarge as soon as the limit
// is passed. Config.Encoding is one encoding for every file or one per file
// ("gb18030,utf-8"). Documents makes the Chinese and the English document of
// one bilingual file or of a Chinese file and an English file. SentenceLines
// reads a file that already holds one sentence per line (LF, CR LF or a lone
// CR).
//
// # Outputs
//
// Output writes pairs as tmx, tsv, csv, jsonl, html, moses (two files,
// PATH.zh and PATH.en) or beads (Formats). Every file is written atomically
// (see File): a temporary file in the target's folder, renamed over the target
// only when everything was written. A failure (a merge file that is not a
// TMX, a full disk) leaves the target as it was. The memory to merge is read in
// full before any output is created, so the merge file may be the output. An
// output that is one of the inputs is refused, for moses both PATH.zh and
// PATH.en. The Report counts what was left out (pairs with no counterpart,
// below the minimum confidence, duplicates by tmx.DedupeKey, characters XML
// cannot carry) for every format, with lists capped at Output.MaxList.
//
// # OmegaT
//
// OmegaT applies a unit of a translation memory only when its source is a
// whole segment of the file being translated, and its plain-text filter
// joins lines that no empty line separates (a title, the date and the
// department below it are one segment). ForOmegaT regroups pairs into one
// pair per OmegaT segment of the Chinese source text (ForOmegaTEnglish of
// the English, for an English-to-Chinese memory); Config.OmegaTPairs does
// so when Config.Rules is "omegat", taking as the source the file of a
// zh/en pair in the memory's source language (SourceInput) or, for one
// bilingual file, the whole file (the units then fit that language's block
// saved as a file of its own, as it stands). Both programs apply it with
// -rules omegat. Paragraph pairs fit a project with sentence segmentation
// off.
//
// # Confidence
//
// Reports and help texts use the shared bands align.ConfidenceHigh and
// align.ConfidenceCheck: PrintAlignment counts the pairs to check, WithBands
// writes the bands into a help text.
//
// # Folders of documents
//
// Walk finds the documents under a folder and its subfolders:
//
//   - a parallel tree: zh/PATH and en/PATH (a folder named zh beside one
//     named en, the same relative path in both);
//   - pairs by name: NAME.zh.txt + NAME.en.txt, NAME-zh.txt + NAME-en.txt,
//     NAME_zh.txt + NAME_en.txt, NAME.zh + NAME.en (any case; .docx, .html,
//     .htm, .xhtml as well as .txt);
//   - any other .txt, .docx, .html, .htm or .xhtml file: one bilingual file.
//
// Each Job is named by its whole path without language mark and extension
// ("report.2022" and "report.2023" stay apart), unique ignoring case.
// Ambiguous names (dup.zh.txt beside dup_zh.txt) and two documents for one
// output name (memo.zh.txt + memo.en.txt beside a bilingual memo.txt) are
// Problems, not jobs: never dropped silently. Config.AlignJobs aligns the jobs
// with parallel workers and yields them in order.
package pipeline
