package tmx_test

import (
	"bytes"
	"fmt"
	"time"

	"github.com/bitextlab/zhen/align"
	"github.com/bitextlab/zhen/align/tmx"
	"github.com/bitextlab/zhen/segment"
)

// Example_pipeline is the whole job in a few lines: one bilingual press file
// in, a translation memory out. The README shows the same code.
func Example_pipeline() {
	data := []byte("中共中央对外联络部\n" +
		"党的十八大以来，习近平总书记就党的对外工作作出一系列重要论述。\n" +
		"\n" +
		"International Department of the Central Committee of the CPC\n" +
		"\n" +
		"Since the 18th National Congress of the CPC in 2012, General Secretary Xi Jinping has put forward a series of important expositions regarding the Party's external work.\n")

	// Decode, clean and split one bilingual file into its Chinese and English documents.
	var seg segment.Segmenter
	zh, en, err := seg.Bilingual("press.txt", data)
	if err != nil {
		fmt.Println(err) // names the file, the line and the byte offset
		return
	}

	// Align paragraphs, then sentences inside them.
	var aligner align.Aligner
	result, err := aligner.Align(zh, en) // errors.Is(err, align.ErrNotParallel) for unrelated texts
	if err != nil {
		fmt.Println(err)
		return
	}

	// Write the pairs as a zh-CN → en-US translation memory.
	var file bytes.Buffer
	w := tmx.NewWriter(&file, tmx.Header{CreationDate: time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)})
	for _, p := range result.Pairs() {
		w.Write(p) // the error is sticky: Close returns it
	}
	if err := w.Close(); err != nil {
		fmt.Println(err)
		return
	}

	// What a CAT tool will find in the file.
	header, units, err := tmx.ReadAll(&file)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("srclang", header.SrcLang)
	for _, u := range units {
		zh, _ := u.Variant("zh")
		en, _ := u.Variant("en")
		fmt.Printf("%s | %.50s…\n", zh.Text, en.Text)
	}
	// Output:
	// srclang zh-CN
	// 中共中央对外联络部 | International Department of the Central Committee …
	// 党的十八大以来，习近平总书记就党的对外工作作出一系列重要论述。 | Since the 18th National Congress of the CPC in 201…
}
