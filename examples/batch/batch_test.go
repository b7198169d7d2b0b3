package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bitextlab/zhen/align/pipeline"
	"github.com/bitextlab/zhen/align/tmx"
)

const seeds = "../../testdata/seeds/"

func copySeed(t *testing.T, dir, seed, as string) {
	t.Helper()
	b, err := os.ReadFile(seeds + seed)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, as), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// pressDir builds a directory with one bilingual file, one monolingual pair
// cut from it, an unpaired file, a non-parallel pair and a stray file.
func pressDir(t *testing.T) string {
	dir := t.TempDir()
	copySeed(t, dir, "001_38bdb1c42bebbece.txt", "release.txt")
	b, _ := os.ReadFile(seeds + "001_38bdb1c42bebbece.txt")
	cut := bytes.Index(b, []byte("Material"))
	os.WriteFile(filepath.Join(dir, "split.zh.txt"), b[:cut], 0o644)
	os.WriteFile(filepath.Join(dir, "split.en.txt"), b[cut:], 0o644)
	copySeed(t, dir, "003_fde2822e310dd5d8.txt", "alone_zh.txt")
	copySeed(t, dir, "000_6b3897585427d446.txt", "unrelated.zh.txt")
	copySeed(t, dir, "002_c618ccbec1cb5b05.txt", "unrelated.en.txt")
	os.WriteFile(filepath.Join(dir, "notes.md"), []byte("not a document"), 0o644)
	return dir
}

func TestWalkPressDir(t *testing.T) {
	jobs, probs, err := pipeline.Walk(pressDir(t))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, j := range jobs {
		names = append(names, j.Name)
	}
	if diff := cmp.Diff([]string{"release", "split", "unrelated"}, names); diff != "" {
		t.Errorf("jobs mismatch (-want +got):\n%s", diff)
	}
	if len(probs) != 1 || filepath.Base(probs[0].Path) != "alone_zh.txt" {
		t.Errorf("problems = %v, want alone_zh.txt without its English file", probs)
	}
}

func TestMerged(t *testing.T) {
	dir := pressDir(t)
	out := filepath.Join(t.TempDir(), "all.tmx")
	var stdout, stderr bytes.Buffer
	code := run([]string{"-merged", out, "-workers", "2", dir}, &stdout, &stderr)
	if code != exitSkipped {
		t.Fatalf("exit %d, want %d (some skipped); stderr:\n%s", code, exitSkipped, stderr.String())
	}
	log := stderr.String()
	for _, want := range []string{"aligned 2 of 3 documents", "unrelated: not a translation pair", "alone_zh.txt: Chinese file with no English file"} {
		if !strings.Contains(log, want) {
			t.Errorf("summary lacks %q:\n%s", want, log)
		}
	}
	tus := readUnits(t, out)
	// The bilingual file and the split pair hold the same text: with dedupe
	// on, the second adds few units.
	if len(tus) < 30 {
		t.Errorf("merged TMX has %d TUs, want at least 30", len(tus))
	}
}

func TestPerDocumentAndOrder(t *testing.T) {
	dir := pressDir(t)
	outDir := t.TempDir()
	var stdout, stderr bytes.Buffer
	run([]string{"-q", "-o", outDir, "-workers", "3", dir}, &stdout, &stderr)
	for _, name := range []string{"release.tmx", "split.tmx"} { // never "release.txt.tmx"
		if _, err := os.Stat(filepath.Join(outDir, name)); err != nil {
			t.Errorf("missing %s: %v\n%s", name, err, stderr.String())
		}
	}
	// Same result with one worker as with three.
	one, three := filepath.Join(t.TempDir(), "1.tmx"), filepath.Join(t.TempDir(), "3.tmx")
	run([]string{"-q", "-merged", one, "-workers", "1", dir}, &stdout, &stderr)
	run([]string{"-q", "-merged", three, "-workers", "3", dir}, &stdout, &stderr)
	a, _ := os.ReadFile(one)
	b, _ := os.ReadFile(three)
	strip := func(b []byte) string { // creation dates differ
		s := string(b)
		if i := strings.Index(s, "<body>"); i >= 0 {
			return s[i:]
		}
		return s
	}
	if diff := cmp.Diff(strip(a), strip(b)); diff != "" {
		t.Errorf("merged TMX depends on the number of workers (-1 +3):\n%s", diff)
	}
}

func TestUsage(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"no dir", nil, "give one folder"},
		{"missing dir", []string{"/no/such/dir"}, "/no/such/dir"},
		{"empty dir", []string{t.TempDir()}, "no documents"},
		{"bad workers", []string{"-workers", "0", "."}, "-workers"},
		{"both outputs", []string{"-o", "x", "-merged", "y", "."}, "neither with -out"},
		{"merged beads", []string{"-format", "beads", "-merged", "y", "."}, "sentence numbers are per document"},
		{"not Chinese and English", []string{"-srclang", "fr-FR", "-merged", "y", "."}, "Chinese"},
		{"NaN confidence", []string{"-min-confidence", "NaN", "-merged", "y", "."}, "from 0 to 1"},
		{"unknown format", []string{"-format", "docx", "-merged", "y", "."}, "tmx, tsv, csv, jsonl, html, moses, beads"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run(tc.args, &stdout, &stderr); code != exitError {
				t.Errorf("exit %d, want %d", code, exitError)
			}
			if !strings.Contains(stderr.String(), tc.want) {
				t.Errorf("stderr lacks %q:\n%s", tc.want, stderr.String())
			}
		})
	}
}

// readUnits reads the TUs of a TMX file.
func readUnits(t *testing.T, path string) []tmx.TU {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	_, tus, err := tmx.ReadAll(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return tus
}

// TestRulesOmegaT: with -rules omegat each unit is one segment OmegaT makes
// of the Chinese text, the same for the bilingual file and for the pair cut
// from it (the heading lines are one segment); with the default rules no
// unit joins lines.
func TestRulesOmegaT(t *testing.T) {
	const heading = "习近平总书记关于党的对外工作的重要论述\n和十年来党的对外工作主要情况\n（2022年10月20日）\n中共中央对外联络部"
	dir := pressDir(t)
	for _, rules := range []string{"omegat", "default"} {
		t.Run(rules, func(t *testing.T) {
			outDir := t.TempDir()
			var stdout, stderr bytes.Buffer
			run([]string{"-q", "-rules", rules, "-o", outDir, dir}, &stdout, &stderr)
			var sources [2][]string
			for i, name := range []string{"release.tmx", "split.tmx"} {
				for _, tu := range readUnits(t, filepath.Join(outDir, name)) {
					zh, _ := tu.Variant("zh-CN")
					sources[i] = append(sources[i], zh.Text)
				}
			}
			if diff := cmp.Diff(sources[0], sources[1]); diff != "" {
				t.Errorf("bilingual file and pair give other units (-release +split):\n%s", diff)
			}
			joined := slices.IndexFunc(sources[0], func(s string) bool { return strings.Contains(s, "\n") })
			switch {
			case rules == "omegat" && (len(sources[0]) != 53 || !slices.Contains(sources[0], heading)):
				t.Errorf("%d units (want 53, one per OmegaT segment), heading unit found: %v", len(sources[0]), slices.Contains(sources[0], heading))
			case rules == "default" && joined >= 0:
				t.Errorf("default rules: unit %q joins lines", sources[0][joined])
			}
		})
	}
}
