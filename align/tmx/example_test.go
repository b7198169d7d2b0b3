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
		CreationDate: time.Date(2022, 10, 20, 8, 0, 0, 0, time.UTC),
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
	//   <header creationtool="zhen" creationtoolversion="0.1" segtype="sentence" o-tmf="zhen" adminlang="en-US" srclang="zh-CN" datatype="plaintext" creationdate="20221020T080000Z"/>
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
	const old = `<tmx version="1.4"><header srclang="zh-CN"/><body>
<tu><tuv xml:lang="zh-CN"><seg>一。</seg></tuv><tuv xml:lang="en-US"><seg>One.</seg></tuv></tu>
</body></tmx>`
	var out strings.Builder
	w := tmx.NewWriter(&out, tmx.Header{})
	if err := w.Merge(strings.NewReader(old)); err != nil {
		fmt.Println(err)
	}
	w.Write(align.Pair{ZH: "一。", EN: "One."}) // already in the merged file
	w.Write(align.Pair{ZH: "二。", EN: "Two."})
	w.Close()
	st := w.Stats()
	fmt.Printf("merged %d, duplicates %d, written %d\n", st.Merged, st.Duplicates, st.Written)
	// Output:
	// merged 1, duplicates 1, written 2
}

func ExampleDedupeKey() {
	a := tmx.DedupeKey(" 你好。", "Hello.\n")
	b := tmx.DedupeKey("你好。", "Hello.")
	fmt.Println(a == b)
	// Output: true
}
