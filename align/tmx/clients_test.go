package tmx

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bitextlab/zhen/internal/testenv"
)

var dumpDir = flag.String("dump", "", "also write the TMX files that TestXmllintDTD checks into this directory")

func TestXmllintDTD(t *testing.T) {
	xmllint := testenv.Path(t, "xmllint", "apt-get install libxml2-utils")
	dtd, err := filepath.Abs(testdata("tmx14.dtd"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		doc  []byte
	}{
		{"seed 001", mustWrite(t, Header{CreationDate: goldenDate}, seedPairs())},
		{"seed 001, English source, paragraphs", mustWrite(t, Header{SrcLang: "en-GB", SegType: Paragraph}, seedPairs())},
		{"nasty input", mustWrite(t, Header{}, nastyPairs())},
		{"empty", mustWrite(t, Header{}, nil)},
		{"merged OmegaT and SDL files", mergedDoc(t)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if *dumpDir != "" {
				dir = *dumpDir
			}
			f := filepath.Join(dir, strings.NewReplacer(" ", "_", ",", "").Replace(tt.name)+".tmx")
			if err := os.WriteFile(f, tt.doc, 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(xmllint, "--noout", "--nonet", "--dtdvalid", dtd, f).CombinedOutput()
			if err != nil || len(out) > 0 {
				t.Errorf("xmllint --dtdvalid: %v\n%s", err, out)
			}
		})
	}
}

func mustWrite(t *testing.T, h Header, pairs []alignPair) []byte {
	t.Helper()
	doc, _ := writeAll(t, h, nil, pairs)
	return doc
}

// mergedDoc merges the OmegaT and Okapi fixtures (with their OmegaT-only
// and Okapi-only props) into a new file with the seed pairs.
func mergedDoc(t *testing.T) []byte {
	var buf bytes.Buffer
	w := NewWriter(&buf, Header{})
	for _, name := range []string{"omegat.tmx", "utf16le-bom.tmx"} {
		f, err := os.Open(testdata(filepath.Join("in", name)))
		if err != nil {
			t.Fatal(err)
		}
		err = w.Merge(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range seedPairs() {
		w.Write(p)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if w.Stats().Merged != 3 {
		t.Fatalf("merged %d TUs, want 3", w.Stats().Merged)
	}
	return buf.Bytes()
}

// omegaT is a throwaway OmegaT project, built the way
// ../shared/tools/omegat-check.sh builds one.
type omegaT struct {
	Source           string // source document text, saved as source/x.utf8
	TMX              []byte // saved as tm/auto/zhen.tmx
	SrcLang, TgtLang string // project languages, e.g. zh-CN and en-US
}

// omegaTResult is what a console-translate run produced.
type omegaTResult struct {
	Target    string // target/x.utf8
	Log       string // OmegaT's stdout and stderr
	Total     int    // segments in the source (project_stats.txt "Total")
	Remaining int    // segments left untranslated ("Remaining")
}

// project builds the project in a temporary directory, skipping the test
// when OmegaT is missing (failing it in CI).
func (o omegaT) project(t *testing.T) *testenv.OmegaTProject {
	t.Helper()
	files := map[string][]byte{"source/x.utf8": []byte(o.Source), "tm/auto/zhen.tmx": o.TMX}
	p, err := testenv.RequireOmegaT(t).NewProject(t.TempDir(), o.SrcLang, o.TgtLang, files)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// run builds the project in a temporary directory and runs OmegaT headless
// in console-translate mode.
func (o omegaT) run(t *testing.T) omegaTResult {
	t.Helper()
	p := o.project(t)
	log, err := p.Translate(context.Background())
	if err != nil {
		t.Fatalf("OmegaT failed: %v", err)
	}
	res := omegaTResult{Log: log}
	target, err := os.ReadFile(filepath.Join(p.Dir, "target", "x.utf8"))
	if err != nil {
		t.Fatalf("OmegaT wrote no target file: %v\n%s", err, testenv.OmegaTLogTail(res.Log))
	}
	res.Target = string(target)
	if res.Total, res.Remaining, err = p.Stats(); err != nil {
		t.Fatal(err)
	}
	return res
}

// checkLoaded fails if OmegaT logged that it could not read the TMX (it
// still exits 0 then).
func checkLoaded(t *testing.T, res omegaTResult) {
	t.Helper()
	for _, bad := range testenv.OmegaTLogErrors(res.Log) {
		t.Errorf("OmegaT log has %s:\n%s", bad, testenv.OmegaTLogTail(res.Log))
	}
}

func TestOmegaTLoadsTMX(t *testing.T) {
	var oneSentenceEN []alignPair // English source: OmegaT splits English at ". "
	for _, p := range seedPairs() {
		if p.Type == "1-1" {
			oneSentenceEN = append(oneSentenceEN, p)
		}
	}
	tests := []struct {
		name     string
		h        Header
		pairs    []alignPair
		src, tgt string
	}{
		{"seed 001", Header{}, seedPairs(), "zh-CN", "en-US"},
		{"nasty input", Header{}, nastyPairs(), "zh-CN", "en-US"},
		{"English source", Header{SrcLang: "en-US"}, oneSentenceEN, "en-US", "zh-CN"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, st := writeAll(t, tt.h, nil, tt.pairs)
			// The source document: each written pair's source side as a
			// paragraph, the way the TMX holds it (cleaned and trimmed).
			_, tus, err := ReadAll(bytes.NewReader(doc))
			if err != nil {
				t.Fatal(err)
			}
			if len(tus) != st.Written || st.Written == 0 {
				t.Fatalf("read %d TUs, wrote %d", len(tus), st.Written)
			}
			var src, want []string
			for _, tu := range tus {
				s, _ := tu.Variant(tt.src)
				g, _ := tu.Variant(tt.tgt)
				src = append(src, s.Text)
				want = append(want, g.Text)
			}
			res := omegaT{Source: strings.Join(src, "\n\n") + "\n", TMX: doc, SrcLang: tt.src, TgtLang: tt.tgt}.run(t)
			checkLoaded(t, res)
			got := strings.Split(strings.TrimSuffix(res.Target, "\n"), "\n\n")
			if diff := cmpDiffLong(want, got); diff != "" {
				t.Errorf("OmegaT target mismatch (-want +got):\n%s", diff)
			}
			if res.Remaining != 0 || res.Total != len(tus) {
				t.Errorf("OmegaT: %d segments, %d untranslated; want %d and 0", res.Total, res.Remaining, len(tus))
			}
		})
	}
}

// TestOmegaTRejectsBrokenTMX shows that the OmegaT check can fail: a TMX
// with a control character is rejected as a whole, and OmegaT still exits 0.
func TestOmegaTRejectsBrokenTMX(t *testing.T) {
	doc := mustWrite(t, Header{}, seedPairs())
	broken := bytes.Replace(doc, []byte("中共中央对外联络部"), []byte("中共中央\x01对外联络部"), 1)
	res := omegaT{Source: "党的十八大以来，习近平总书记就党的对外工作作出一系列重要论述，为做好新时代党的对外工作提供了根本遵循和行动指南。\n",
		TMX: broken, SrcLang: "zh-CN", TgtLang: "en-US"}.run(t)
	if !strings.Contains(res.Log, "TF_TM_LOAD_ERROR") {
		t.Errorf("OmegaT did not report TF_TM_LOAD_ERROR for a TMX with U+0001:\n%s", testenv.OmegaTLogTail(res.Log))
	}
	if res.Remaining != 1 {
		t.Errorf("Remaining = %d, want 1 (nothing applied)", res.Remaining)
	}
}

// TestReadOmegaTOutput reads a TMX that OmegaT itself wrote (a
// pseudo-translation memory with one TU per segment, target = source).
func TestReadOmegaTOutput(t *testing.T) {
	src := "甲&乙<丙>“引号”。第二句！\n\nA & B <C> \"q\" 😀。\n"
	out := filepath.Join(t.TempDir(), "pseudo.tmx")
	p := omegaT{Source: src, SrcLang: "zh-CN", TgtLang: "en-US"}.project(t)
	if _, err := p.PseudoTMX(context.Background(), out); err != nil {
		t.Fatalf("OmegaT failed: %v", err)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatalf("OmegaT wrote no pseudo TMX: %v", err)
	}
	defer f.Close()
	hdr, tus, err := ReadAll(f)
	if err != nil {
		t.Fatalf("ReadAll(OmegaT's TMX): %v", err)
	}
	if hdr.CreationTool != "OmegaT" || primary(hdr.SrcLang) != "zh" {
		t.Errorf("header = %+v", hdr)
	}
	got := map[string]bool{}
	for _, tu := range tus {
		s, ok1 := tu.Variant("zh-CN")
		g, ok2 := tu.Variant("en-US")
		if !ok1 || !ok2 || s.Text != g.Text {
			t.Errorf("TU line %d: %+v", tu.Line, tu.Variants)
		}
		got[s.Text] = true
	}
	want := map[string]bool{"甲&乙<丙>“引号”。": true, "第二句！": true, `A & B <C> "q" 😀。`: true}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("segments mismatch (-want +got):\n%s", diff)
	}
}

// python3 returns a Python 3 that has translate-toolkit (Debian's
// python3-translate), skipping the test when there is none (failing it
// when CI is set).
func python3(t *testing.T) string {
	t.Helper()
	for _, py := range []string{"/usr/bin/python3", "python3"} {
		if exec.Command(py, "-c", "import translate.storage.tmx").Run() == nil {
			return py
		}
	}
	testenv.Missing(t, "translate-toolkit not installed (apt-get install python3-translate)")
	return ""
}

// TestTranslateToolkit exchanges TMX files with translate-toolkit (the
// Python library behind Pootle and Weblate) in both directions.
func TestTranslateToolkit(t *testing.T) {
	py := python3(t)
	pairs := nastyPairs()
	t.Run("it reads ours", func(t *testing.T) {
		doc, _ := writeAll(t, Header{}, nil, pairs)
		f := filepath.Join(t.TempDir(), "ours.tmx")
		if err := os.WriteFile(f, doc, 0o644); err != nil {
			t.Fatal(err)
		}
		script := `import sys, json
from translate.storage import tmx
with open(sys.argv[1], 'rb') as fh:
    store = tmx.tmxfile(fh)
json.dump([[u.source, u.target] for u in store.units], sys.stdout)`
		out, err := exec.Command(py, "-c", script, f).Output()
		if err != nil {
			t.Fatalf("translate-toolkit: %v", err)
		}
		var got [][2]string
		if err := json.Unmarshal(out, &got); err != nil {
			t.Fatal(err)
		}
		var want [][2]string
		for _, p := range pairs {
			want = append(want, [2]string{expectText(p.ZH), expectText(p.EN)})
		}
		if !cmp.Equal(want, got) {
			t.Errorf("translate-toolkit read %d units; first mismatch:\n%s", len(got), firstMismatch(want, got))
		}
	})
	t.Run("we read its", func(t *testing.T) {
		f := filepath.Join(t.TempDir(), "theirs.tmx")
		var in [][2]string
		for _, p := range pairs {
			in = append(in, [2]string{expectText(p.ZH), expectText(p.EN)})
		}
		js, _ := json.Marshal(in)
		script := `import sys, json
from translate.storage import tmx
store = tmx.tmxfile(sourcelanguage="zh-CN", targetlanguage="en-US")
for zh, en in json.load(sys.stdin):
    store.addtranslation(zh, "zh-CN", en, "en-US", comment="from translate-toolkit")
with open(sys.argv[1], 'wb') as fh:
    store.serialize(fh)`
		cmd := exec.Command(py, "-c", script, f)
		cmd.Stdin = bytes.NewReader(js)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("translate-toolkit: %v\n%s", err, out)
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		_, tus, err := ReadAll(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("ReadAll: %v", err)
		}
		var got [][2]string
		for _, tu := range tus {
			zh, _ := tu.Variant("zh-CN")
			en, _ := tu.Variant("en-US")
			got = append(got, [2]string{zh.Text, en.Text})
			if len(tu.Notes) != 1 || tu.Notes[0] != "from translate-toolkit" {
				t.Errorf("TU line %d notes = %q", tu.Line, tu.Notes)
			}
		}
		if !cmp.Equal(in, got) {
			t.Errorf("we read %d units; first mismatch:\n%s", len(got), firstMismatch(in, got))
		}
	})
}

func firstMismatch(want, got [][2]string) string {
	for i := 0; i < len(want) && i < len(got); i++ {
		if want[i] != got[i] {
			return cmpDiffLong(want[i][:], got[i][:])
		}
	}
	return "different lengths"
}
