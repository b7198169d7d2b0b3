// Command batch aligns a folder of Chinese–English press material, with its
// subfolders, using parallel workers, and writes one file per document (TMX,
// TSV, CSV, JSON Lines, HTML, Moses or beads) or one merged file for the lot.
// How files are paired (zh/ and en/ folders, NAME.zh.txt and NAME.en.txt…) is
// described by "batch -h" and pipeline.Walk. Progress and a summary of every
// document not aligned go to standard error.
//
// Exit status: 0 when every document was aligned; 1 on a usage error or when
// nothing could be aligned; 2 when some documents were not aligned (listed).
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
