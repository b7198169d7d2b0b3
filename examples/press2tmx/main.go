// Command press2tmx turns Chinese–English press material into a translation
// memory (TMX 1.4b) that CAT tools such as OmegaT, Trados Studio and memoQ load,
// or into review formats (TSV, JSON Lines, an HTML side-by-side page).
//
// Usage:
//
//	press2tmx [flags]                    the embedded press material (one bilingual file), TMX to stdout
//	press2tmx [flags] FILE               one bilingual file (Chinese block + English block, or interleaved)
//	press2tmx [flags] ZH_FILE EN_FILE    two monolingual files; "-" reads standard input
//	press2tmx -split FILE…               print what the aligner will see
//
// Run "press2tmx -h" for the flags. Exit status: 0 done; 1 usage or input
// error; 3 the texts do not look like translations of each other (-force
// aligns them anyway).
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
