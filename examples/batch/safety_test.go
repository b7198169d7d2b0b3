package main

// Regression tests: batch never overwrites or drops a document silently, and
// refuses what press2tmx refuses with the same message.

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bitextlab/zhen/align/pipeline"
)

func runBatch(t *testing.T, args ...string) (int, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(append([]string{"-q"}, args...), &stdout, &stderr)
	return code, stderr.String()
}

// halvesDir writes seed 001 as the pair NAME.zh.txt / NAME.en.txt for each
// name (or at the paths given for zh/ and en/ trees).
func writeHalves(t *testing.T, zhPath, enPath string) {
	t.Helper()
	b, err := os.ReadFile(seeds + "001_38bdb1c42bebbece.txt")
	if err != nil {
		t.Fatal(err)
	}
	cut := bytes.Index(b, []byte("Material"))
	for p, data := range map[string][]byte{zhPath: b[:cut], enPath: b[cut:]} {
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestCollisionsAndAmbiguity(t *testing.T) {
	in := t.TempDir()
	writeHalves(t, filepath.Join(in, "report.2022.zh.txt"), filepath.Join(in, "report.2022.en.txt"))
	writeHalves(t, filepath.Join(in, "report.2023.zh.txt"), filepath.Join(in, "report.2023.en.txt"))
	writeHalves(t, filepath.Join(in, "memo.zh.txt"), filepath.Join(in, "memo.en.txt"))
	copySeed(t, in, "001_38bdb1c42bebbece.txt", "memo.txt")
	writeHalves(t, filepath.Join(in, "dup.zh.txt"), filepath.Join(in, "dup.en.txt"))
	copySeed(t, in, "001_38bdb1c42bebbece.txt", "dup_zh.txt")
	out := filepath.Join(t.TempDir(), "out")
	code, log := runBatch(t, "-out", out, in)
	if code != exitSkipped {
		t.Errorf("exit %d, want %d (documents not aligned)\n%s", code, exitSkipped, log)
	}
	for _, want := range []string{"aligned 2 of 2 documents", "memo.txt: output name collision", "memo.zh.txt: output name collision", "dup_zh.txt: ambiguous", "dup.zh.txt: ambiguous", "dup.en.txt: not aligned"} {
		if !strings.Contains(log, want) {
			t.Errorf("summary lacks %q:\n%s", want, log)
		}
	}
	for _, name := range []string{"report.2022.tmx", "report.2023.tmx"} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestOutputFolderNeverInputNorOverwritten(t *testing.T) {
	in := filepath.Join(t.TempDir(), "press")
	writeHalves(t, filepath.Join(in, "a.zh.txt"), filepath.Join(in, "a.en.txt"))
	if code, log := runBatch(t, in); code != exitOK {
		t.Fatalf("exit %d\n%s", code, log)
	}
	if _, err := os.Stat(filepath.Join(in+"-aligned", "a.tmx")); err != nil {
		t.Errorf("default output folder: %v", err)
	}
	if es, _ := os.ReadDir(in); len(es) != 2 {
		t.Errorf("the input folder holds %d entries, want its 2 files", len(es))
	}
	before, _ := os.ReadFile(filepath.Join(in+"-aligned", "a.tmx"))
	if code, log := runBatch(t, in); code != exitError || !strings.Contains(log, "-f") {
		t.Errorf("second run without -f: exit %d\n%s", code, log)
	}
	if after, _ := os.ReadFile(filepath.Join(in+"-aligned", "a.tmx")); !bytes.Equal(before, after) {
		t.Error("output overwritten without -f")
	}
	if code, log := runBatch(t, "-f", in); code != exitOK {
		t.Errorf("-f: exit %d\n%s", code, log)
	}
	merged := filepath.Join(t.TempDir(), "all.tmx")
	os.WriteFile(merged, []byte("precious"), 0o644)
	if code, _ := runBatch(t, "-merged", merged, in); code != exitError {
		t.Errorf("-merged over an existing file without -f: exit %d", code)
	}
	if b, _ := os.ReadFile(merged); string(b) != "precious" {
		t.Error("-merged file overwritten without -f")
	}
}

func TestTreeJSONL(t *testing.T) {
	in := t.TempDir()
	writeHalves(t, filepath.Join(in, "zh", "2022", "speech.txt"), filepath.Join(in, "en", "2022", "speech.txt"))
	writeHalves(t, filepath.Join(in, "zh", "note.txt"), filepath.Join(in, "en", "note.txt"))
	os.WriteFile(filepath.Join(in, "zh", "alone.txt"), []byte("一句话。\n"), 0o644)
	out := filepath.Join(t.TempDir(), "corpus")
	code, log := runBatch(t, "-format", "jsonl", "-out", out, in)
	if code != exitSkipped || !strings.Contains(log, "aligned 2 of 2") || !strings.Contains(log, "alone.txt: Chinese file with no English file") {
		t.Errorf("exit %d\n%s", code, log)
	}
	b, err := os.ReadFile(filepath.Join(out, "2022", "speech.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	var rec struct{ Doc string }
	if err := json.Unmarshal(b[:bytes.IndexByte(b, '\n')], &rec); err != nil || rec.Doc != "2022/speech" {
		t.Errorf("first record: doc %q, %v", rec.Doc, err)
	}
}

func TestSameRefusalsAsPress2tmx(t *testing.T) {
	code, log := runBatch(t, "-srclang", "fr-FR", "-merged", "x.tmx", t.TempDir())
	_, err := pipeline.NewLanguages("fr-FR", "")
	want := "-srclang/-tgtlang: " + err.Error() // press2tmx prints the same
	if code != exitError || !strings.Contains(log, "batch: "+want) {
		t.Errorf("exit %d\n%s", code, log)
	}
}

func TestEveryFormat(t *testing.T) {
	in := t.TempDir()
	writeHalves(t, filepath.Join(in, "a.zh.txt"), filepath.Join(in, "a.en.txt"))
	for _, f := range []string{"tmx", "tsv", "csv", "jsonl", "html", "moses", "beads"} {
		out := filepath.Join(t.TempDir(), "o")
		if code, log := runBatch(t, "-format", f, "-out", out, in); code != exitOK {
			t.Errorf("%s: exit %d\n%s", f, code, log)
		}
		es, _ := os.ReadDir(out)
		if len(es) == 0 {
			t.Fatalf("%s: nothing written", f)
		}
		if b, _ := os.ReadFile(filepath.Join(out, es[0].Name())); len(b) < 100 {
			t.Errorf("%s: %s holds %d bytes", f, es[0].Name(), len(b))
		}
	}
}
