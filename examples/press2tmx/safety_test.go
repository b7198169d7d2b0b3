package main

// Regression tests for what a user owns (issue "nothing a user owns is ever
// lost") and for the refusals that must say what to do (issue "read press
// material as it is published"). Each failed before align/pipeline.

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bitextlab/zhen/align/pipeline"
	"github.com/bitextlab/zhen/align/tmx"
)

// splitSeed writes seed 001's halves as zh.txt and en.txt in dir.
func splitSeed(t *testing.T, dir string) (zh, en string) {
	t.Helper()
	z, e := halves(t)
	zh, en = filepath.Join(dir, "zh.txt"), filepath.Join(dir, "en.txt")
	os.WriteFile(zh, []byte(z), 0o644)
	os.WriteFile(en, []byte(e), 0o644)
	return zh, en
}

func units(t *testing.T, path string) []tmx.TU {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	_, tus, err := tmx.ReadAll(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return tus
}

func TestMergeIntoTheOutputItself(t *testing.T) {
	dir := t.TempDir()
	zh, en := splitSeed(t, dir)
	f := filepath.Join(dir, "memory.tmx")
	if code, _, errs := runCmd(t, "", "-o", f, zh, en); code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	before := len(units(t, f))
	short := writeFile(t, "new.txt", []byte("新的一句话。\n\nA new sentence.\n"))
	code, _, errs := runCmd(t, "", "-merge", f, "-o", f, "-force", short)
	if code != exitOK {
		t.Fatalf("-merge F -o F: exit %d: %s", code, errs)
	}
	if after := len(units(t, f)); after != before+1 {
		t.Errorf("-merge F -o F: %d units, want %d + 1", after, before)
	}
}

func TestFailedMergeLeavesOutput(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.tmx")
	old := strings.Repeat("precious work ", 10000)
	os.WriteFile(out, []byte(old), 0o644)
	bad := writeFile(t, "bad.tmx", []byte("not a translation memory"))
	code, _, errs := runCmd(t, "", "-merge", bad, "-o", out)
	if code != exitError || !strings.Contains(errs, "bad.tmx") {
		t.Errorf("exit %d, stderr %s; want 1 naming bad.tmx", code, errs)
	}
	if b, _ := os.ReadFile(out); string(b) != old {
		t.Errorf("the existing output was changed (%d bytes, was %d)", len(b), len(old))
	}
	if es, _ := os.ReadDir(dir); len(es) != 1 {
		t.Errorf("files left behind: %v", es)
	}
}

func TestOutputIsAnInput(t *testing.T) {
	dir := t.TempDir()
	zh, en := splitSeed(t, dir)
	corpusZH, corpusEN := filepath.Join(dir, "corpus.zh"), filepath.Join(dir, "corpus.en")
	os.WriteFile(corpusZH, []byte("我们今天开会。\n"), 0o644)
	os.WriteFile(corpusEN, []byte("We meet today.\n"), 0o644)
	for _, args := range [][]string{
		{"-o", zh, zh, en},
		{"-o", en, "-format", "tsv", zh, en},
		{"-presplit", "-force", "-format", "moses", "-o", filepath.Join(dir, "corpus"), corpusZH, corpusEN},
	} {
		code, _, errs := runCmd(t, "", args...)
		if code != exitError || !strings.Contains(errs, "is the input") {
			t.Errorf("%q: exit %d, stderr %s; want 1, refused", args, code, errs)
		}
	}
	z, _ := halves(t)
	if b, _ := os.ReadFile(zh); string(b) != z {
		t.Error("zh.txt was overwritten")
	}
	if b, _ := os.ReadFile(corpusZH); string(b) != "我们今天开会。\n" {
		t.Error("corpus.zh was overwritten")
	}
}

func TestEndlessInput(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	for _, args := range [][]string{{"/dev/zero"}, {"-merge", "/dev/zero"}, {"-rules", "/dev/zero"}, {"-glossary", "/dev/zero"}} {
		start := time.Now()
		code, _, errs := runCmd(t, "", append([]string{"-max-size", "8"}, args...)...)
		if code != exitError || !strings.Contains(errs, "limit") && !strings.Contains(errs, "too large") {
			t.Errorf("%q: exit %d, stderr %s; want 1 and a size limit", args, code, errs)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Logf("%q took %v", args, d) // not asserted: timing belongs in benchmarks
		}
	}
}

func TestNaNConfidenceRefused(t *testing.T) {
	code, _, errs := runCmd(t, "", "-min-confidence", "NaN", "-format", "tsv")
	if code != exitError || !strings.Contains(errs, "from 0 to 1") {
		t.Errorf("exit %d, stderr %s", code, errs)
	}
}

func TestPresplitCROnly(t *testing.T) {
	zh := writeFile(t, "zh", []byte("我们今天开会。\r会议在北京举行。\r2012年11月15日，十八大闭幕。\r"))
	en := writeFile(t, "en", []byte("We meet today.\rThe meeting is held in Beijing.\rThe 18th National Congress closed on November 15, 2012.\r"))
	code, out, errs := runCmd(t, "", "-presplit", "-format", "beads", "-force", zh, en)
	if code != exitOK || out != "[0]:[0]\n[1]:[1]\n[2]:[2]\n" {
		t.Errorf("exit %d, beads %q, stderr %s", code, out, errs)
	}
}

func TestMosesReportsLeftOut(t *testing.T) {
	code, _, errs := runCmd(t, "", "-format", "moses", "-o", filepath.Join(t.TempDir(), "c"))
	if code != exitOK || !strings.Contains(errs, "with no counterpart") {
		t.Errorf("exit %d; moses does not say what it left out: %s", code, errs)
	}
}

func TestFlagsAfterFiles(t *testing.T) {
	dir := t.TempDir()
	zh, en := splitSeed(t, dir)
	out := filepath.Join(dir, "x.tmx")
	if code, _, errs := runCmd(t, "", zh, en, "-o", out); code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if len(units(t, out)) < 30 {
		t.Error("too few units")
	}
}

func TestRefusalsListChoices(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-rules", "trados"}, "omegat"},
		{[]string{"-format", "xlsx"}, "tmx, tsv, csv, jsonl, html, moses, beads"},
		{[]string{"-srclang", "fr-FR"}, "Chinese"},
		{[]string{"-encoding", "utf-8,utf-8,utf-8", "a", "b"}, "one per file"},
	} {
		code, _, errs := runCmd(t, "", tc.args...)
		if code != exitError || !strings.Contains(errs, tc.want) {
			t.Errorf("%q: exit %d, stderr %s; want %q", tc.args, code, errs, tc.want)
		}
	}
}

func TestDocumentNameAndTraditional(t *testing.T) {
	dir := t.TempDir()
	zh, en := splitSeed(t, dir)
	out := filepath.Join(dir, "x.tmx")
	runCmd(t, "", zh, en, "-o", out)
	b, _ := os.ReadFile(out)
	if strings.Contains(string(b), dir) || !strings.Contains(string(b), `<prop type="x-document">zh.txt</prop>`) {
		t.Error("x-document is not the file's base name")
	}
	runCmd(t, "", zh, en, "-o", out, "-full-path")
	if b, _ := os.ReadFile(out); !strings.Contains(string(b), `<prop type="x-document">`+zh+`</prop>`) {
		t.Error("-full-path: x-document is not the full path")
	}

	trad := writeFile(t, "trad.txt", []byte("這個國家的經濟發展們會議。\n\nThe economic development of this country.\n"))
	code, stdout, errs := runCmd(t, "", "-force", trad)
	if code != exitOK || !strings.Contains(stdout, `srclang="zh-TW"`) || !strings.Contains(errs, "traditional") {
		t.Errorf("traditional text: exit %d, zh-TW %v, stderr %s", code, strings.Contains(stdout, `srclang="zh-TW"`), errs)
	}
	_, stdout, _ = runCmd(t, "", "-force", "-srclang", "zh-HK", trad)
	if !strings.Contains(stdout, `srclang="zh-HK"`) {
		t.Error("-srclang zh-HK not kept")
	}
}

func TestLossyAndPerFileEncoding(t *testing.T) {
	dir := t.TempDir()
	zh, en := splitSeed(t, dir)
	b, _ := os.ReadFile(zh)
	os.WriteFile(zh, append(b, 0xe4, 0xb8), 0o644) // a truncated UTF-8 character at the end
	if code, _, _ := runCmd(t, "", "-encoding", "utf-8", zh, en); code != exitError {
		t.Errorf("truncated UTF-8 without -lossy: exit %d, want 1", code)
	}
	if code, _, errs := runCmd(t, "", "-lossy", zh, en); code != exitOK || !strings.Contains(errs, "1 invalid byte sequences replaced") {
		t.Errorf("-lossy: exit %d, stderr %s", code, errs)
	}
	if code, _, errs := runCmd(t, "", "-encoding", "utf-8,utf-8", zh, en); code != exitError || !strings.Contains(errs, "zh.txt") {
		t.Errorf("per-file encodings: exit %d, stderr %s", code, errs)
	}
}

func TestPairsAndCSV(t *testing.T) {
	pairs := writeFile(t, "checked.tsv", []byte("我们今天开会。\tWe meet today.\n会议在北京举行。\tThe meeting is held in Beijing.\n"))
	code, out, errs := runCmd(t, "", "-pairs", pairs, "-format", "csv")
	if code != exitOK || !strings.HasPrefix(out, "\uFEFF") || !strings.Contains(out, `"会议在北京举行。","The meeting is held in Beijing."`) {
		t.Errorf("exit %d, csv %q, stderr %s", code, out, errs)
	}
}

func TestLanguageRefusalMessage(t *testing.T) {
	_, _, errs := runCmd(t, "", "-srclang", "fr-FR")
	_, err := pipeline.NewLanguages("fr-FR", "")
	want := "press2tmx: -srclang/-tgtlang: " + err.Error() // batch prints the same
	if !strings.Contains(errs, want) {
		t.Errorf("stderr %s; want %s (the message batch prints too)", errs, want)
	}
}
