package tmx_test

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/bitextlab/zhen/align"
	"github.com/bitextlab/zhen/align/tmx"
)

func ExampleNewWriter() {
	w := tmx.NewWriter(os.Stdout, tmx.Header{
		CreationDate:        time.Date(2022, 10, 20, 8, 0, 0, 0, time.UTC),
		CreationToolVersion: "v0.1.0", // zero: ToolVersion()
	})
	w.Write(align.Pair{ZH: "中共中央对外联络部", EN: "International Department of the CPC Central Committee", Type: "1-1", Confidence: 0.92, Paragraph: 3})
	w.Write(align.Pair{ZH: "", EN: "Material I", Type: "0-1"}) // not written, counted
	if err := w.Close(); err != nil {
		fmt.Println(err)
	}
	st := w.Stats()
	fmt.Printf("written %d, skipped (empty side) %d\n", st.Written, st.SkippedEmpty)
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <tmx version="1.4">
	//   <header creationtool="zhen" creationtoolversion="v0.1.0" segtype="sentence" o-tmf="zhen" adminlang="en-US" srclang="zh-CN" datatype="plaintext" creationdate="20221020T080000Z"/>
	//   <body>
	//     <tu>
	//       <prop type="x-confidence">0.92</prop>
	//       <prop type="x-bead">1-1</prop>
	//       <prop type="x-paragraph">3</prop>
	//       <tuv xml:lang="zh-CN"><seg>中共中央对外联络部</seg></tuv>
	//       <tuv xml:lang="en-US"><seg>International Department of the CPC Central Committee</seg></tuv>
	//     </tu>
	//   </body>
	// </tmx>
	// written 1, skipped (empty side) 1
}

func ExampleWriter_Stats() {
	var out strings.Builder
	w := tmx.NewWriter(&out, tmx.Header{})
	w.MinConfidence = 0.5
	w.Write(align.Pair{ZH: "甲\x01乙。", EN: "A & B.", Confidence: 0.9})
	w.Write(align.Pair{ZH: "丙。", EN: "C.", Confidence: 0.2})
	w.Close()
	st := w.Stats()
	fmt.Printf("written %d, below minimum %d, dropped %d\n", st.Written, st.BelowMinConfidence, st.DroppedChars)
	for _, d := range st.Drops {
		fmt.Printf("TU %d %s byte %d: %+q\n", d.TU, d.Side, d.Offset, d.Bytes)
	}
	// Output:
	// written 1, below minimum 1, dropped 1
	// TU 1 zh byte 3: "\x01"
}

func ExampleNewReader() {
	const doc = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.1"><header srclang="EN" creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext"/>
<body>
<tu tuid="7"><prop type="x-bead">1-1</prop>
<tuv lang="EN"><seg>Press <bpt i="1">&lt;b&gt;</bpt>Start<ept i="1">&lt;/b&gt;</ept>.</seg></tuv>
<tuv lang="ZH-CN"><seg>按<hi>开始</hi>。</seg></tuv></tu>
</body></tmx>`
	r := tmx.NewReader(strings.NewReader(doc))
	for tu, err := range r.All() {
		if err != nil {
			fmt.Println(err)
			return
		}
		en, _ := tu.Variant("en-US")
		zh, _ := tu.Variant("zh")
		bead, _ := tu.Prop("x-bead")
		fmt.Printf("line %d, tuid %s, bead %s: %q (%d codes) = %q\n", tu.Line, tu.TUID, bead, en.Text, en.Codes, zh.Text)
	}
	// Output:
	// line 4, tuid 7, bead 1-1: "Press Start." (2 codes) = "按开始。"
}

func ExampleReadAll() {
	_, _, err := tmx.ReadAll(strings.NewReader("<tmx version=\"1.4\">\n<body>\n<tu><tuv xml:lang=\"en\"><seg>a &nbsp; b</seg></tuv></tu>\n</body></tmx>"))
	fmt.Println(err)
	// Output:
	// tmx: line 3 (byte 63): invalid character entity &nbsp;
}

func ExampleWriter_Merge() {
	const old = `<tmx version="1.4"><header srclang="zh-TW"/><body>
<tu tuid="7" usagecount="3"><tuv xml:lang="zh-TW"><seg>一。</seg></tuv><tuv xml:lang="en-GB"><seg>Click <bpt i="1">&lt;b&gt;</bpt>One<ept i="1">&lt;/b&gt;</ept>.</seg></tuv></tu>
<tu tuid="8"><tuv xml:lang="zh-TW"><seg>二。</seg></tuv><tuv xml:lang="fr-FR"><seg>Deux.</seg></tuv></tu>
<tu tuid="7" usagecount="3"><tuv xml:lang="zh-TW"><seg>一。</seg></tuv><tuv xml:lang="en-GB"><seg>Click <bpt i="1">&lt;b&gt;</bpt>One<ept i="1">&lt;/b&gt;</ept>.</seg></tuv></tu>
<tu><seg>?</seg></tu>
</body></tmx>`
	var out strings.Builder
	w := tmx.NewWriter(&out, tmx.Header{CreationToolVersion: "v0.1.0"})
	if err := w.Merge(strings.NewReader(old)); err != nil {
		fmt.Println(err)
	}
	w.Write(align.Pair{ZH: "一。", EN: "Click One."}) // already in the merged file
	w.Write(align.Pair{ZH: "三。", EN: "Three."})
	w.Close()
	st := w.Stats()
	fmt.Printf("merged %d (%d without a Chinese–English pair), identical %d, skipped %d, duplicate pairs %d, written %d\n",
		st.Merged, st.MergeOther, st.MergeDuplicates, st.MergeSkipped, st.Duplicates, st.Written)
	fmt.Print(st.MergeReport())
	_, body, _ := strings.Cut(out.String(), "<body>\n")
	fmt.Print(body)
	// Output:
	// merged 2 (1 without a Chinese–English pair), identical 1, skipped 1, duplicate pairs 1, written 3
	// merge: 4 units read, 2 kept as they were (1 of them without a Chinese–English pair), 1 identical units left out, 1 not copied
	// merge: file 1, line 5: unit not copied: no <tuv>
	//     <tu tuid="7" usagecount="3" srclang="zh-TW"><tuv xml:lang="zh-TW"><seg>一。</seg></tuv><tuv xml:lang="en-GB"><seg>Click <bpt i="1">&lt;b&gt;</bpt>One<ept i="1">&lt;/b&gt;</ept>.</seg></tuv></tu>
	//     <tu tuid="8" srclang="zh-TW"><tuv xml:lang="zh-TW"><seg>二。</seg></tuv><tuv xml:lang="fr-FR"><seg>Deux.</seg></tuv></tu>
	//     <tu>
	//       <prop type="x-confidence">0</prop>
	//       <prop type="x-paragraph">0</prop>
	//       <tuv xml:lang="zh-CN"><seg>三。</seg></tuv>
	//       <tuv xml:lang="en-US"><seg>Three.</seg></tuv>
	//     </tu>
	//   </body>
	// </tmx>
}

func ExampleCheckLangs() {
	for _, p := range [][2]string{{"zh-TW", "en-GB"}, {"en-US", "zh_CN"}, {"", ""}, {"fr-FR", "en-US"}, {"zh-CN", "english"}} {
		fmt.Println(tmx.CheckLangs(p[0], p[1]))
	}
	// Output:
	// <nil>
	// <nil>
	// <nil>
	// tmx: language pair fr-FR → en-US: give one Chinese tag (zh-CN, zh-TW, zh-HK) and one English tag (en-US, en-GB): zhen aligns Chinese with English
	// tmx: language tag "english" is not a BCP 47 tag (such as zh-CN, zh-TW, en-US, en-GB)
}

func ExampleToolVersion() {
	// A program built from a tagged release of the module reports its
	// version ("v0.1.0"); go test and go run report "(devel)".
	fmt.Println(tmx.ToolVersion())
	// Output: (devel)
}

func ExampleWriter_KeepDuplicates() {
	var out strings.Builder
	w := tmx.NewWriter(&out, tmx.Header{})
	w.Write(align.Pair{ZH: "一。", EN: "One."})
	w.Write(align.Pair{ZH: "一。", EN: "One. "}) // the same once trimmed: skipped by default
	w.Close()
	fmt.Println(w.Stats().Written, w.Stats().Duplicates)

	out.Reset()
	w = tmx.NewWriter(&out, tmx.Header{})
	w.KeepDuplicates = true
	w.Write(align.Pair{ZH: "一。", EN: "One."})
	w.Write(align.Pair{ZH: "一。", EN: "One. "})
	w.Close()
	fmt.Println(w.Stats().Written, w.Stats().Duplicates)
	// Output:
	// 1 1
	// 2 0
}

func ExampleWriter_Write_state() {
	var out strings.Builder
	w := tmx.NewWriter(&out, tmx.Header{})
	w.MinConfidence = 0.5
	w.Write(align.Pair{ZH: "一。", EN: "One.", Confidence: 0.3, State: align.StateEdited}) // a person's pair: confidence 1
	w.Close()
	_, tu, _ := strings.Cut(out.String(), "<tu>\n")
	tu, _, _ = strings.Cut(tu, "<tuv")
	fmt.Print(tu)
	// Output:
	//       <prop type="x-confidence">1</prop>
	//       <prop type="x-state">edited</prop>
	//       <prop type="x-paragraph">0</prop>
}

func ExampleDedupeKey() {
	a := tmx.DedupeKey(" 你好。", "Hello.\n")
	b := tmx.DedupeKey("你好。", "Hello.")
	fmt.Println(a == b)
	// Output: true
}
