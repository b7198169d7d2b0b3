package pipeline_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/bitextlab/zhen/align"
	"github.com/bitextlab/zhen/align/pipeline"
	"github.com/bitextlab/zhen/segment"
)

const seed001 = "../../testdata/seeds/001_38bdb1c42bebbece.txt"

// Example is the whole pipeline: a bilingual file in, a TMX out, and the
// report of what was left out.
func Example() {
	dir, _ := os.MkdirTemp("", "pipeline")
	defer os.RemoveAll(dir)

	var cfg pipeline.Config
	ins, err := cfg.Read(seed001)
	if err != nil {
		fmt.Println(err)
		return
	}
	seg, _, _ := cfg.Segmenter()
	zh, en, _ := pipeline.Documents(seg, ins)
	aligner, _ := cfg.Aligner()
	al, _ := aligner.Align(zh, en)
	langs, _ := pipeline.NewLanguages("", "")
	out := &pipeline.Output{Format: "tmx", Path: filepath.Join(dir, "press.tmx"), Inputs: []string{seed001}, Dedupe: true, Languages: langs}
	rep, err := out.WriteAll(al.Pairs(), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rep)
	// Output:
	// tmx: 55 written; left out: 1 with no counterpart, 0 below confidence 0, 0 duplicates
}

func ExampleFormats() {
	fmt.Println(pipeline.Formats())
	// Output: [tmx tsv csv jsonl html moses beads]
}

func ExampleCheckFormat() {
	fmt.Println(pipeline.CheckFormat("csv"))
	fmt.Println(pipeline.CheckFormat("xlsx"))
	// Output:
	// <nil>
	// pipeline: unknown format "xlsx": want one of tmx, tsv, csv, jsonl, html, moses, beads
}

func ExampleExtension() {
	for _, f := range []string{"tmx", "jsonl", "beads", "moses"} {
		fmt.Printf("%s %q\n", f, pipeline.Extension(f))
	}
	// Output:
	// tmx ".tmx"
	// jsonl ".jsonl"
	// beads ".txt"
	// moses ""
}

func ExampleCheckMinConfidence() {
	for _, x := range []float64{0.5, 2} {
		fmt.Println(pipeline.CheckMinConfidence(x))
	}
	// Output:
	// <nil>
	// pipeline: minimum confidence 2: want a number from 0 to 1 (0.45 leaves out the pairs to check)
}

// ExampleCreateFile: the target appears only on Commit; Abort leaves it as
// it was.
func ExampleCreateFile() {
	dir, _ := os.MkdirTemp("", "pipeline")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "memory.tmx")
	os.WriteFile(path, []byte("old"), 0o644)

	f, _ := pipeline.CreateFile(path)
	fmt.Fprint(f, "half-writ")
	f.Abort()
	b, _ := os.ReadFile(path)
	fmt.Println(string(b))

	f, _ = pipeline.CreateFile(path)
	fmt.Fprint(f, "new")
	fmt.Println(f.Commit())
	b, _ = os.ReadFile(path)
	fmt.Println(string(b))
	// Output:
	// old
	// <nil>
	// new
}

func ExampleNewLanguages() {
	l, _ := pipeline.NewLanguages("", "en-GB")
	fmt.Println(l.Src, l.Tgt, l.ZH, l.EN)
	l, _ = pipeline.NewLanguages("en-US", "")
	fmt.Println(l.Src, l.Tgt, l.ZH, l.EN)
	_, err := pipeline.NewLanguages("fr-FR", "en-US")
	fmt.Println(err != nil)
	// Output:
	// zh-CN en-GB zh-CN en-GB
	// en-US zh-CN zh-CN en-US
	// true
}

func ExampleDocuments() {
	ins := []pipeline.Input{
		{Name: "zh.txt", Data: []byte("我们今天开会。会议在北京举行。\n")},
		{Name: "en.txt", Data: []byte("We meet today. The meeting is held in Beijing.\n")},
	}
	zh, en, err := pipeline.Documents(nil, ins)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(zh.Lang, len(zh.Paragraphs[0].Sentences), en.Lang, len(en.Paragraphs[0].Sentences))
	// Output: zh 2 en 2
}

func ExampleSentenceLines() {
	in := pipeline.Input{Name: "zh.txt", Data: []byte("第一句。\r第二句。\r\n\r第四句。\r")}
	lines, err := pipeline.SentenceLines(nil, in)
	fmt.Printf("%q %v\n", lines, err)
	// Output: ["第一句。" "第二句。" "" "第四句。"] <nil>
}

func ExampleSplitLines() {
	fmt.Printf("%q\n", pipeline.SplitLines("a\nb\r\nc\rd"))
	fmt.Printf("%q\n", pipeline.SplitLines("a\n\n"))
	// Output:
	// ["a" "b" "c" "d"]
	// ["a" ""]
}

func ExampleFileDocuments() {
	var seg segment.Segmenter
	docs, err := pipeline.FileDocuments(&seg, pipeline.Input{Name: "one.txt", Data: []byte("Only English here. Nothing else.\n")})
	fmt.Println(len(docs), docs[0].Lang, err)
	// Output: 1 en <nil>
}

func ExampleWriteSentences() {
	var seg segment.Segmenter
	zh, _ := seg.Monolingual("zh.txt", []byte("第一段。还是第一段。\n\n第二段。\n"), segment.Chinese)
	pipeline.WriteSentences(os.Stdout, os.Stdout, "", zh)
	// Output:
	// 第一段。
	// 还是第一段。
	//
	// 第二段。
}

func ExampleWalk() {
	dir, _ := os.MkdirTemp("", "pipeline")
	defer os.RemoveAll(dir)
	for _, name := range []string{
		"report.2022.zh.txt", "report.2022.en.txt", // a pair by name
		"report.2023-zh.txt", "report.2023-en.txt", // another convention, another name
		"zh/2024/speech.txt", "en/2024/speech.txt", // a parallel tree
		"release.txt",                            // one bilingual file
		"dup.zh.txt", "dup_zh.txt", "dup.en.txt", // ambiguous
		"notes.md", // not a document
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("x"), 0o644)
	}
	jobs, probs, _ := pipeline.Walk(dir)
	for _, j := range jobs {
		fmt.Println(j.Name, len(j.Inputs()))
	}
	for _, p := range probs {
		fmt.Println(filepath.Base(p.Path), strings.Split(p.Reason, ":")[0])
	}
	// Output:
	// 2024/speech 2
	// release 1
	// report.2022 2
	// report.2023 2
	// dup.en.txt not aligned
	// dup.zh.txt ambiguous
	// dup_zh.txt ambiguous
}

func ExampleParseFlags() {
	fs := flag.NewFlagSet("press2tmx", flag.ContinueOnError)
	out := fs.String("o", "", "output")
	files, err := pipeline.ParseFlags(fs, []string{"zh.txt", "en.txt", "-o", "x.tmx"})
	fmt.Println(files, *out, err)
	// Output: [zh.txt en.txt] x.tmx <nil>
}

func ExamplePrintDocument() {
	var seg segment.Segmenter
	zh, _ := seg.Monolingual("zh.txt", []byte("第一段。\n"), segment.Chinese)
	pipeline.PrintDocument(os.Stdout, zh, 10)
	// Output: zh.txt: zh, encoding utf-8, 1 paragraphs, 0 changes
}

func ExamplePrintSRX() {
	rules := `<?xml version="1.0"?><srx xmlns="http://www.lisa.org/srx20" version="2.0"><header cascade="no"/><body>
<languagerules><languagerule languagerulename="all">
<rule break="no"><beforebreak>(?&lt;=Mr)\.</beforebreak><afterbreak>\s</afterbreak></rule>
<rule break="yes"><beforebreak>[。]</beforebreak><afterbreak></afterbreak></rule>
</languagerule></languagerules>
<maprules><languagemap languagepattern=".*" languagerulename="all"/></maprules></body></srx>`
	_, rep, err := segment.LoadSRX(strings.NewReader(rules), "mine.srx")
	if err != nil {
		fmt.Println(err)
		return
	}
	var b strings.Builder
	pipeline.PrintSRX(&b, "tool: ", rep)
	fmt.Println(strings.Split(b.String(), "\n")[0]) // then one line per rule, with its line number
	// Output:
	// tool: mine.srx: using 1 rules; 1 cannot be used:
}

func alignSmall() *align.Alignment {
	var a align.Aligner
	a.Force = true
	al, _ := a.AlignSentences([]string{"我们今天开会。", "会议在北京举行。", "谢谢。"}, []string{"We meet today.", "The meeting is held in Beijing."})
	return al
}

func ExamplePrintAlignment() {
	var b strings.Builder
	pipeline.PrintAlignment(&b, alignSmall(), 10)
	fmt.Println(strings.Contains(b.String(), "no English counterpart for Chinese sentence 2"))
	// Output: true
}

func ExamplePrintSkipped() {
	var seg segment.Segmenter
	zh, _ := seg.Monolingual("zh.txt", []byte("我们今天开会。\n\nAdvertisement: read our book about the meeting, on sale in every bookshop now.\n\n会议在北京举行。\n"), segment.Chinese)
	en, _ := seg.Monolingual("en.txt", []byte("We meet today.\n\nThe meeting is held in Beijing.\n"), segment.English)
	var a align.Aligner
	a.Force = true
	al, err := a.Align(zh, en)
	if err != nil {
		fmt.Println(err)
		return
	}
	pipeline.PrintSkipped(os.Stdout, "", al, 10)
	// Output: left out zh paragraph 1 (bytes 22–100 of the cleaned text): foreign
}

func ExampleProgress() {
	var a align.Aligner
	a.Progress = pipeline.Progress(os.Stderr, "press2tmx: ") // prints only on jobs longer than a second
	al, _ := a.AlignSentences([]string{"我们今天开会。"}, []string{"We meet today."})
	fmt.Println(len(al.Beads))
	// Output: 1
}

func ExamplePrintProblems() {
	pipeline.PrintProblems(os.Stdout, "batch: ", []pipeline.Problem{{Path: "in/a.zh.txt", Reason: "Chinese file with no English file beside it"}})
	// Output:
	// batch: 1 files or documents not aligned:
	//   in/a.zh.txt: Chinese file with no English file beside it
}

func ExampleAlignLines() {
	zh := []string{"你好。", "", "再见。"}
	en := []string{"Hello.", "Goodbye."}
	var a align.Aligner
	al, lines, err := pipeline.AlignLines(context.Background(), &a, zh, en)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(al.ZH), "sentences aligned")
	var b strings.Builder
	align.WriteBeads(&b, lines)
	fmt.Print(b.String())
	// Output:
	// 2 sentences aligned
	// [0]:[0]
	// [1]:[]
	// [2]:[1]
}

// ExampleForOmegaT regroups pairs for an OmegaT project: the title and the
// date are on consecutive lines of the Chinese file, so OmegaT sees one
// segment and needs one unit for it; the body sentences stay as they are.
func ExampleForOmegaT() {
	source := "标题\n（2022年10月20日）\n\n第一句。第二句。\n"
	pairs := []align.Pair{
		{ZH: "标题", EN: "Title", Type: "1-1", Confidence: 0.7},
		{ZH: "（2022年10月20日）", EN: "(October 20, 2022)", Type: "1-1", Confidence: 0.6},
		{ZH: "第一句。", EN: "First.", Type: "1-1", Confidence: 0.9},
		{ZH: "第二句。", EN: "Second.", Type: "1-1", Confidence: 0.9},
	}
	for _, p := range pipeline.ForOmegaT(pairs, source, segment.OmegaTOptions{}) {
		fmt.Printf("%q → %q (%s, %.1f)\n", p.ZH, p.EN, p.Type, p.Confidence)
	}
	// Output:
	// "标题\n（2022年10月20日）" → "Title (October 20, 2022)" (2-2, 0.6)
	// "第一句。" → "First." (1-1, 0.9)
	// "第二句。" → "Second." (1-1, 0.9)
}

// ExampleForOmegaTEnglish regroups pairs for an English-to-Chinese
// project: OmegaT's text filter reads the title and the date below it as
// one segment of the English file.
func ExampleForOmegaTEnglish() {
	source := "Title\n(October 20, 2022)\n\nFirst. Second.\n"
	pairs := []align.Pair{
		{ZH: "标题", EN: "Title", Type: "1-1", Confidence: 0.7},
		{ZH: "（2022年10月20日）", EN: "(October 20, 2022)", Type: "1-1", Confidence: 0.6},
		{ZH: "第一句。", EN: "First.", Type: "1-1", Confidence: 0.9},
		{ZH: "第二句。", EN: "Second.", Type: "1-1", Confidence: 0.9},
	}
	for _, p := range pipeline.ForOmegaTEnglish(pairs, source, segment.OmegaTOptions{}) {
		fmt.Printf("%q → %q (%s, %.1f)\n", p.EN, p.ZH, p.Type, p.Confidence)
	}
	// Output:
	// "Title\n(October 20, 2022)" → "标题（2022年10月20日）" (2-2, 0.6)
	// "First." → "第一句。" (1-1, 0.9)
	// "Second." → "第二句。" (1-1, 0.9)
}

// ExampleSourceInput picks the file OmegaT translates: the English one of
// a pair when the memory's source language is English.
func ExampleSourceInput() {
	ins := []pipeline.Input{{Name: "release.zh.txt"}, {Name: "release.en.txt"}}
	zhFirst, _ := pipeline.NewLanguages("", "")
	enFirst, _ := pipeline.NewLanguages("en-GB", "zh-CN")
	fmt.Println(pipeline.SourceInput(ins, zhFirst).Name, pipeline.SourceInput(ins, enFirst).Name)
	// Output: release.zh.txt release.en.txt
}

// ExampleConfig_OmegaTSource: only -rules omegat needs the source file
// again after aligning (OmegaTPairs regroups the pairs by it); with other
// rules there is none, and the inputs' bytes need not be kept.
func ExampleConfig_OmegaTSource() {
	ins := []pipeline.Input{{Name: "release.zh.txt"}, {Name: "release.en.txt"}}
	langs, _ := pipeline.NewLanguages("", "")
	for _, rules := range []string{"default", "omegat"} {
		c := pipeline.Config{Rules: rules}
		fmt.Printf("%s: %q\n", rules, c.OmegaTSource(ins, langs).Name)
	}
	// Output:
	// default: ""
	// omegat: "release.zh.txt"
}

// ExampleConfig_OmegaTPairs aligns the press release with the OmegaT rules
// and regroups its pairs by the segments OmegaT makes of its Chinese block:
// the heading lines become one unit, a paragraph keeps the Word residue
// that cleaning removed.
func ExampleConfig_OmegaTPairs() {
	cfg := pipeline.Config{Rules: "omegat"}
	ins, _ := cfg.Read(seed001)
	seg, _, _ := cfg.Segmenter()
	zh, en, _ := pipeline.Documents(seg, ins)
	aligner, _ := cfg.Aligner()
	al, _ := aligner.Align(zh, en)
	pairs := al.Pairs()
	units := cfg.OmegaTPairs(seg, ins[0], pairs, false, nil)
	fmt.Println(len(pairs), "pairs,", len(units), "units")
	fmt.Printf("%q\n", units[1].ZH)
	// Output:
	// 56 pairs, 54 units
	// "习近平总书记关于党的对外工作的重要论述\n和十年来党的对外工作主要情况\n（2022年10月20日）\n中共中央对外联络部"
}

// ExampleWithBands writes the shared confidence bands into a help text.
func ExampleWithBands() {
	fmt.Println(pipeline.WithBands("-min-confidence {check}: {bands}."))
	// Output:
	// -min-confidence 0.45: at 0.8 or above a pair is right at least 98% of the time; below 0.45, check it.
}

func ExampleReport_PrintBrief() {
	rep := &pipeline.Report{Format: "tmx", Written: 54, NoCounterpart: 1}
	rep.PrintBrief(os.Stdout, "press2tmx: ")
	// Output:
	// press2tmx: tmx: 54 written; left out: 1 with no counterpart, 0 below confidence 0, 0 duplicates (-report lists them)
}
