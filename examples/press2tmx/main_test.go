package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bitextlab/zhen/align/tmx"
)

const seeds = "../../testdata/seeds/"

// runCmd runs press2tmx in-process and returns its exit status and outputs.
func runCmd(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("press2tmx %q panicked: %v", args, r)
		}
	}()
	code = run(append([]string{"-q"}, args...), strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestEmbeddedSampleIsSeed001(t *testing.T) {
	want, err := os.ReadFile(seeds + "001_38bdb1c42bebbece.txt")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(pressSample, want) {
		t.Error("press/001_38bdb1c42bebbece.txt differs from testdata/seeds/001_38bdb1c42bebbece.txt: copy the seed again")
	}
}

// TestDefaultRun is the newcomer path: no arguments, a TMX on standard output.
func TestDefaultRun(t *testing.T) {
	code, out, errs := runCmd(t, "")
	if code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, errs)
	}
	h, tus, err := tmx.ReadAll(strings.NewReader(out))
	if err != nil {
		t.Fatalf("output does not read back as TMX: %v", err)
	}
	if h.SrcLang != "zh-CN" {
		t.Errorf("srclang = %q, want zh-CN", h.SrcLang)
	}
	// Seed 001 has 15 body paragraphs on each side, most of one Chinese
	// sentence for one or more English ones: expect many units, all non-empty.
	if len(tus) < 30 {
		t.Errorf("got %d TUs from seed 001, want at least 30", len(tus))
	}
	for i, tu := range tus {
		if len(tu.Variants) != 2 {
			t.Fatalf("TU %d has %d variants, want 2", i, len(tu.Variants))
		}
		for _, v := range tu.Variants {
			if strings.TrimSpace(v.Text) == "" || v.Text != strings.TrimSpace(v.Text) {
				t.Errorf("TU %d %s segment %q is empty or padded", i, v.Lang, v.Text)
			}
		}
	}
	if !strings.Contains(out, "党的十八大以来") || !strings.Contains(out, "Since the 18th National Congress") {
		t.Error("output lacks the first body sentence pair of seed 001")
	}
}

func TestXMLLint(t *testing.T) {
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("xmllint not installed (CI is set): apt-get install libxml2-utils")
		}
		t.Skip("xmllint not installed: apt-get install libxml2-utils")
	}
	_, out, _ := runCmd(t, "")
	p := writeFile(t, "press.tmx", []byte(out))
	cmd := exec.Command(xmllint, "--noout", "--dtdvalid", "../../testdata/tmx/tmx14.dtd", p)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("xmllint rejects press2tmx output: %v\n%s", err, b)
	}
}

var beadLine = regexp.MustCompile(`^\[(\d+(,\d+)*)?\]:\[(\d+(,\d+)*)?\]$`)

func TestPresplitBeads(t *testing.T) {
	zh := writeFile(t, "zh", []byte("我们今天开会。\n会议在北京举行。\n2012年11月15日，十八大闭幕。\n"))
	en := writeFile(t, "en", []byte("We meet today.\nThe meeting is held in Beijing.\nThe 18th National Congress closed on November 15, 2012.\n"))
	code, out, errs := runCmd(t, "", "-presplit", "-format", "beads", "-force", zh, en)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	for _, l := range lines {
		if !beadLine.MatchString(l) {
			t.Errorf("bead line %q is not in the gold format [ids]:[ids]", l)
		}
	}
	if diff := cmp.Diff([]string{"[0]:[0]", "[1]:[1]", "[2]:[2]"}, lines); diff != "" {
		t.Errorf("beads mismatch (-want +got):\n%s", diff)
	}
}

func TestFormats(t *testing.T) {
	for _, tc := range []struct {
		name, format string
		check        func(t *testing.T, out string)
	}{
		{"tsv", "tsv", func(t *testing.T, out string) {
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			if lines[0] != "zh\ten\tconfidence\tbead\tparagraph" {
				t.Errorf("TSV header = %q", lines[0])
			}
			for _, l := range lines {
				if n := strings.Count(l, "\t"); n != 4 {
					t.Fatalf("TSV line has %d tabs, want 4: %q", n, l)
				}
			}
		}},
		{"jsonl", "jsonl", func(t *testing.T, out string) {
			for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
				var v map[string]any
				if err := json.Unmarshal([]byte(l), &v); err != nil {
					t.Fatalf("JSON line %q: %v", l, err)
				}
			}
		}},
		{"html", "html", func(t *testing.T, out string) {
			text := regexp.MustCompile(`<[^>]*>`).ReplaceAllString(out, "")
			if !strings.Contains(out, "<html") || !strings.Contains(text, "为做好新时代党的对外工作提供了根本遵循和行动指南") || !strings.Contains(out, "<mark") {
				t.Error("HTML page lacks the document text or its highlighted anchors")
			}
		}},
		{"paragraph tmx", "tmx", func(t *testing.T, out string) {
			if err := xml.Unmarshal([]byte(out), new(struct{})); err != nil {
				t.Errorf("not well-formed XML: %v", err)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := []string{"-format", tc.format}
			if tc.name == "paragraph tmx" {
				args = append(args, "-level", "paragraph")
			}
			code, out, errs := runCmd(t, "", args...)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, errs)
			}
			tc.check(t, out)
		})
	}
}

func TestOutputFileAndMoses(t *testing.T) {
	dir := t.TempDir()
	if code, _, errs := runCmd(t, "", "-o", filepath.Join(dir, "x.tmx")); code != exitOK {
		t.Fatalf("-o: exit %d: %s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.tmx")); err != nil {
		t.Error(err)
	}
	if code, _, errs := runCmd(t, "", "-format", "moses", "-o", filepath.Join(dir, "corpus")); code != exitOK {
		t.Fatalf("moses: exit %d: %s", code, errs)
	}
	zh, _ := os.ReadFile(filepath.Join(dir, "corpus.zh"))
	en, _ := os.ReadFile(filepath.Join(dir, "corpus.en"))
	if nz, ne := bytes.Count(zh, []byte("\n")), bytes.Count(en, []byte("\n")); nz == 0 || nz != ne {
		t.Errorf("moses files have %d and %d lines, want equal and non-zero", nz, ne)
	}
}

func TestSplit(t *testing.T) {
	code, out, errs := runCmd(t, "", "-split", seeds+"001_38bdb1c42bebbece.txt")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "\n\n") {
		t.Error("no blank line between paragraphs")
	}
	for _, l := range strings.Split(out, "\n") {
		if l != strings.TrimSpace(l) {
			t.Errorf("sentence line %q has surrounding white space", l)
		}
	}
	// A monolingual file is shown too (it cannot be aligned, but can be split).
	if code, out, errs := runCmd(t, "", "-split", seeds+"003_fde2822e310dd5d8.txt"); code != exitOK || out == "" {
		t.Errorf("-split on monolingual seed 003: exit %d, stderr %s", code, errs)
	}
}

// TestBadInput: every bad input gets exit status 1 or 3 and a one-line
// message naming the file; none panics.
func TestBadInput(t *testing.T) {
	seed := func(n string) string { return seeds + n }
	empty := writeFile(t, "empty.txt", nil)
	blank := writeFile(t, "blank.txt", []byte(" \n\n\u3000\n"))
	binary := writeFile(t, "binary.bin", []byte{0x00, 0x01, 0xff, 0xfe, 0x00, 0x7f, 0x80, 0x00, 0x00, 0x10})
	invalid := writeFile(t, "invalid.txt", []byte("中文\xff\xfe\xfd文本。\n"))
	zhOnly := writeFile(t, "zh.txt", []byte("这是一个中文句子。\n"))
	for _, tc := range []struct {
		name     string
		args     []string
		want     int
		mentions string
	}{
		{"missing file", []string{"/no/such/file.txt"}, exitError, "/no/such/file.txt"},
		{"empty bilingual", []string{empty}, exitError, "empty.txt"},
		{"blank bilingual", []string{blank}, exitError, "blank.txt"},
		{"binary", []string{binary}, exitError, "binary.bin"},
		{"invalid utf-8", []string{"-encoding", "utf-8", invalid}, exitError, "invalid.txt"},
		{"one language only", []string{seed("003_fde2822e310dd5d8.txt")}, exitError, "003_fde2822e310dd5d8.txt"},
		{"one side empty", []string{zhOnly, empty}, exitError, "empty.txt"},
		{"not parallel", []string{seed("000_6b3897585427d446.txt"), seed("002_c618ccbec1cb5b05.txt")}, exitNotParallel, "score"},
		{"three files", []string{zhOnly, zhOnly, zhOnly}, exitError, "3 files"},
		{"bad format", []string{"-format", "docx"}, exitError, "docx"},
		{"bad level", []string{"-level", "word"}, exitError, "word"},
		{"bad language", []string{"-srclang", "zh_CN!"}, exitError, "srclang"},
		{"two chinese tags", []string{"-srclang", "zh-CN", "-tgtlang", "zh-TW"}, exitError, "English"},
		{"confidence out of range", []string{"-min-confidence", "2"}, exitError, "min-confidence"},
		{"moses without -o", []string{"-format", "moses"}, exitError, "-o"},
		{"presplit needs two files", []string{"-presplit", zhOnly}, exitError, "two files"},
		{"missing glossary", []string{"-glossary", "/no/glossary.tsv"}, exitError, "glossary"},
		{"unknown flag", []string{"-frobnicate"}, exitError, "frobnicate"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errs := runCmd(t, "", tc.args...)
			if code != tc.want {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tc.want, errs)
			}
			if !strings.Contains(errs, tc.mentions) {
				t.Errorf("stderr does not mention %q:\n%s", tc.mentions, errs)
			}
		})
	}
}

func TestForceAlignsNonParallel(t *testing.T) {
	code, out, errs := runCmd(t, "", "-force", "-format", "tsv", seeds+"000_6b3897585427d446.txt", seeds+"002_c618ccbec1cb5b05.txt")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if out == "" {
		t.Error("no output with -force")
	}
}

func TestStdin(t *testing.T) {
	b, err := os.ReadFile(seeds + "001_38bdb1c42bebbece.txt")
	if err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCmd(t, string(b), "-format", "tsv", "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "党的十八大以来") {
		t.Error("standard input was not aligned")
	}
	if code, _, errs := runCmd(t, "", "-", "-"); code != exitError || !strings.Contains(errs, "once") {
		t.Errorf("- - : exit %d, stderr %s", code, errs)
	}
}

func TestHelp(t *testing.T) {
	code, out, errs := runCmd(t, "", "-h")
	if code != exitOK || errs != "" {
		t.Errorf("-h exit %d, stderr %q; want 0 and the help on standard output", code, errs)
	}
	for _, want := range []string{"OmegaT", "-min-confidence", "-format", "Exit status", "1-2", "one Chinese sentence translated by two English"} {
		if !strings.Contains(strings.ReplaceAll(out, "\n", " "), want) {
			t.Errorf("-h does not explain %q", want)
		}
	}
}

// FuzzPress2TMX feeds arbitrary bytes as a bilingual file and as a pair of
// files: press2tmx must not panic, and must exit 0, 1 or 3.
func FuzzPress2TMX(f *testing.F) {
	for _, s := range []string{"", "中文。\n\nEnglish.\n", "\xff\xfe\x00", "一、标题\nI. Title\n"} {
		f.Add([]byte(s), []byte("English text."))
	}
	f.Fuzz(func(t *testing.T, a, b []byte) {
		dir := t.TempDir()
		pa, pb := filepath.Join(dir, "a"), filepath.Join(dir, "b")
		os.WriteFile(pa, a, 0o644)
		os.WriteFile(pb, b, 0o644)
		for _, args := range [][]string{{pa}, {pa, pb}, {"-presplit", "-format", "beads", pa, pb}} {
			var out, errb bytes.Buffer
			code := run(append([]string{"-q"}, args...), strings.NewReader(""), &out, &errb)
			if code != exitOK && code != exitError && code != exitNotParallel {
				t.Fatalf("%q: exit %d", args, code)
			}
		}
	})
}

func TestSRXSkippedRulesReported(t *testing.T) {
	srx := writeFile(t, "lb.srx", []byte(`<?xml version="1.0" encoding="UTF-8"?>
<srx xmlns="http://www.lisa.org/srx20" version="2.0">
  <header segmentsubflows="yes" cascade="no"/>
  <body>
    <languagerules>
      <languagerule languagerulename="zh">
        <rule break="no"><beforebreak>(?&lt;=Mr)\.</beforebreak><afterbreak>\s</afterbreak></rule>
        <rule break="yes"><beforebreak>[。！？]</beforebreak><afterbreak></afterbreak></rule>
      </languagerule>
    </languagerules>
    <maprules>
      <languagemap languagepattern=".*" languagerulename="zh"/>
    </maprules>
  </body>
</srx>
`))
	code, out, errs := runCmd(t, "", "-rules", srx, "-split", seeds+"001_38bdb1c42bebbece.txt")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if out == "" {
		t.Error("no segmentation printed")
	}
	if !strings.Contains(errs, "lb.srx") || !strings.Contains(errs, "cannot be used") {
		t.Errorf("the look-behind rule RE2 cannot express is not reported:\n%s", errs)
	}
}

func TestSetApartParagraphNamed(t *testing.T) {
	_, _, errs := runCmd(t, "", "-split", seeds+"003_fde2822e310dd5d8.txt")
	if !strings.Contains(errs, "set apart") || !strings.Contains(errs, "Advertisement for the book") {
		t.Errorf("-split does not say that seed 003's English paragraph was set apart:\n%s", errs)
	}
	_, _, errs = runCmd(t, "", "-split", "-report", seeds+"000_6b3897585427d446.txt")
	if !strings.Contains(errs, "changes") {
		t.Errorf("-split -report prints no cleaning report:\n%s", errs)
	}
}

func TestPresplitEmptySide(t *testing.T) {
	empty := writeFile(t, "empty.txt", []byte("\n\n"))
	full := writeFile(t, "zh.txt", []byte("一句话。\n"))
	for _, args := range [][]string{{empty, empty}, {full, empty}, {empty, full}} {
		code, _, errs := runCmd(t, "", append([]string{"-presplit", "-format", "beads"}, args...)...)
		if code != exitError || !strings.Contains(errs, "empty.txt") || !strings.Contains(errs, "empty or blank") {
			t.Errorf("-presplit %v: exit %d, stderr %q; want exit 1 naming the empty file", args, code, errs)
		}
	}
}
