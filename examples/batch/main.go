// Command batch aligns a whole directory of Chinese–English press material
// with parallel workers and writes one TMX per document pair, or one merged
// TMX for the lot.
//
// A document pair is NAME.zh.txt with NAME.en.txt (also NAME_zh.txt /
// NAME_en.txt, NAME.zh / NAME.en); any other *.txt file is read as one
// bilingual file (a Chinese block and its English translation, or alternating
// paragraphs). Progress goes to standard error, and at the end a summary lists
// every document that was skipped and why.
//
//	batch -o tmx/ press/              one TMX per pair in tmx/
//	batch -merged all.tmx press/      one TMX with every pair
//
// Exit status: 0 when every document was aligned; 1 on a usage error or when
// nothing could be aligned; 2 when some documents were skipped (listed).
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
