// Command library is the shortest program that uses zhen: it reads one
// bilingual press file (a Chinese block and its English translation, or
// alternating paragraphs), aligns its sentences and writes a TMX 1.4b
// translation memory to standard output.
//
//	go run ./examples/library testdata/seeds/001_38bdb1c42bebbece.txt > press.tmx
package main

import (
	"fmt"
	"os"

	"github.com/bitextlab/zhen/align"
	"github.com/bitextlab/zhen/align/tmx"
	"github.com/bitextlab/zhen/segment"
)

func main() {
	if len(os.Args) != 2 || os.Args[1] == "-h" || os.Args[1] == "-help" {
		fmt.Fprintln(os.Stderr, "usage: library BILINGUAL_FILE > memory.tmx")
		os.Exit(1)
	}
	if err := convert(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "library:", err)
		os.Exit(1)
	}
}

func convert(name string) error {
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}

	// Decode, clean and split one bilingual file into its Chinese and English documents.
	var seg segment.Segmenter
	zh, en, err := seg.Bilingual(name, data)
	if err != nil {
		return err // names the file, the line and the byte offset
	}

	// Align paragraphs, then sentences inside them.
	var aligner align.Aligner
	result, err := aligner.Align(zh, en) // errors.Is(err, align.ErrNotParallel) for unrelated texts
	if err != nil {
		return err
	}

	// Write the pairs as a zh-CN → en-US translation memory.
	w := tmx.NewWriter(os.Stdout, tmx.Header{})
	for _, p := range result.Pairs() {
		w.Write(p) // the error is sticky: Close returns it
	}
	return w.Close()
}
