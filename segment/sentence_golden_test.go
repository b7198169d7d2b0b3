package segment

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var updateSentences = flag.Bool("update-sentences", false, "rewrite the golden files in testdata/sentences")

// TestSeedSentencesGolden splits each seed with DefaultRules, one paragraph
// per line and the language decided per line, and compares with
// testdata/sentences/SEED.golden: one sentence per line, a blank line
// between paragraphs, "¦" at each sub-split point. Review a change to the
// golden files line by line before committing it (-update-sentences).
func TestSeedSentencesGolden(t *testing.T) {
	seeds, err := filepath.Glob(filepath.Join("..", "testdata", "seeds", "*.txt"))
	if err != nil || len(seeds) != 4 {
		t.Fatalf("want the 4 seeds, got %v, %v", seeds, err)
	}
	for _, path := range seeds {
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			got := sentenceDump(string(b))
			golden := filepath.Join("..", "testdata", "sentences", name+".golden")
			if *updateSentences {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update-sentences to create it)", err)
			}
			if diff := cmp.Diff(strings.Split(string(want), "\n"), strings.Split(got, "\n")); diff != "" {
				t.Errorf("sentences of %s mismatch (-want +got):\n%s", name, diff)
			}
		})
	}
}

func sentenceDump(text string) string {
	var b strings.Builder
	start := 0
	for start < len(text) {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		sents, subs := SplitSentences(text, Span{start, end}, Unknown, nil)
		for i, s := range sents {
			p := s.Start
			if subs != nil {
				for _, q := range subs[i] {
					b.WriteString(text[p:q])
					b.WriteString("¦")
					p = q
				}
			}
			b.WriteString(text[p:s.End])
			b.WriteByte('\n')
		}
		if len(sents) > 0 {
			b.WriteByte('\n')
		}
		start = end + 1
	}
	return b.String()
}
