package testenv

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestOmegaTTokenizer(t *testing.T) {
	tests := []struct {
		name, lang, want string
	}{
		{"Chinese with region", "zh-CN", "org.omegat.tokenizer.LuceneSmartChineseTokenizer"},
		{"Chinese, underscore, upper case", "ZH_tw", "org.omegat.tokenizer.LuceneSmartChineseTokenizer"},
		{"bare Chinese", "zh", "org.omegat.tokenizer.LuceneSmartChineseTokenizer"},
		{"English", "en-US", "org.omegat.tokenizer.LuceneEnglishTokenizer"},
		{"zh is a prefix only", "zha", "org.omegat.tokenizer.LuceneEnglishTokenizer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := OmegaTTokenizer(tt.lang); got != tt.want {
				t.Errorf("OmegaTTokenizer(%q) = %q, want %q", tt.lang, got, tt.want)
			}
		})
	}
}

func TestOmegaTLogErrors(t *testing.T) {
	tests := []struct {
		name string
		log  string
		want []string
	}{
		{"clean", "INFO: PLUGIN_LOAD_OK x\nINFO: done\n", nil},
		{"load error", "SEVERE: TF_TM_LOAD_ERROR tm/auto/zhen.tmx\n", []string{"TF_TM_LOAD_ERROR"}},
		{"reader warning and exception", "java.lang.Exception: x\nTMXR_WARNING y\n", []string{"TMXR_WARNING", "Exception"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, OmegaTLogErrors(tt.log)); diff != "" {
				t.Errorf("OmegaTLogErrors() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestOmegaTLogTail(t *testing.T) {
	var lines []string
	for i := range 40 {
		lines = append(lines, "line "+string(rune('A'+i)), "INFO: PLUGIN_LOAD_OK p")
	}
	got := strings.Split(OmegaTLogTail(strings.Join(lines, "\n")), "\n")
	var want []string
	for i := 10; i < 40; i++ {
		want = append(want, "line "+string(rune('A'+i)))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("OmegaTLogTail() mismatch (-want +got):\n%s", diff)
	}
}

func TestOmegaTNewProject(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{"source/x.utf8": []byte("甲。乙。\n"), "tm/auto/zhen.tmx": []byte("<tmx/>")}
	p, err := OmegaT{Java: "java", Jar: "OmegaT.jar"}.NewProject(dir, "zh-CN", "en-US", files)
	if err != nil {
		t.Fatal(err)
	}
	if p.Dir != filepath.Join(dir, "project") || p.ConfigDir != filepath.Join(dir, "config") {
		t.Errorf("NewProject() dirs = %q, %q", p.Dir, p.ConfigDir)
	}
	for _, d := range []string{"source", "target", "tm/auto", "omegat", "glossary", "dictionary"} {
		if fi, err := os.Stat(filepath.Join(p.Dir, d)); err != nil || !fi.IsDir() {
			t.Errorf("project has no directory %s: %v", d, err)
		}
	}
	for name, want := range files {
		got, err := os.ReadFile(filepath.Join(p.Dir, name))
		if err != nil || string(got) != string(want) {
			t.Errorf("project file %s = %q, %v; want %q", name, got, err, want)
		}
	}
	b, err := os.ReadFile(filepath.Join(p.Dir, "omegat.project"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"<source_lang>zh-CN</source_lang>", "<target_lang>en-US</target_lang>",
		"<source_tok>org.omegat.tokenizer.LuceneSmartChineseTokenizer</source_tok>",
		"<target_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</target_tok>",
		"<sentence_seg>true</sentence_seg>",
	} {
		if !strings.Contains(string(b), want) {
			t.Errorf("omegat.project lacks %s:\n%s", want, b)
		}
	}
}

func TestOmegaTProjectStats(t *testing.T) {
	tests := []struct {
		name                 string
		stats                string
		wantTotal, wantRemai int
		wantErr              bool
	}{
		// as OmegaT 3.6 writes it (abridged)
		{"OmegaT's layout", "11/21/26, 10:06 AM\nProject Statistics\n\n                 \tSegments\tWords\t\n" +
			"Total:           \t      13\t   42\t\nRemaining:       \t       4\t    9\t\n" +
			"Unique:          \t      12\t   40\t\nUnique Remaining:\t       3\t    7\t\n", 13, 4, false},
		{"no Remaining row", "Total:\t3\t12\n", 0, 0, true},
		{"empty", "", 0, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &OmegaTProject{Dir: t.TempDir()}
			if err := os.MkdirAll(filepath.Join(p.Dir, "omegat"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(p.Dir, "omegat", "project_stats.txt"), []byte(tt.stats), 0o644); err != nil {
				t.Fatal(err)
			}
			total, remaining, err := p.Stats()
			if (err != nil) != tt.wantErr || total != tt.wantTotal || remaining != tt.wantRemai {
				t.Errorf("Stats() = %d, %d, %v; want %d, %d, error %v", total, remaining, err, tt.wantTotal, tt.wantRemai, tt.wantErr)
			}
		})
	}
}

// TestOmegaTTranslateLive runs OmegaT on a two-sentence project with no
// translation memory: both segments stay untranslated.
func TestOmegaTTranslateLive(t *testing.T) {
	o := RequireOmegaT(t)
	if testing.Short() {
		t.Skip("runs OmegaT (about 2 s); not in -short mode")
	}
	p, err := o.NewProject(t.TempDir(), "zh-CN", "en-US", map[string][]byte{"source/x.utf8": []byte("甲是甲。乙是乙。\n")})
	if err != nil {
		t.Fatal(err)
	}
	log, err := p.Translate(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if bad := OmegaTLogErrors(log); bad != nil {
		t.Errorf("OmegaT log has %v:\n%s", bad, OmegaTLogTail(log))
	}
	total, remaining, err := p.Stats()
	if err != nil || total != 2 || remaining != 2 {
		t.Errorf("Stats() = %d, %d, %v; want 2, 2, no error", total, remaining, err)
	}
}

func TestOmegaTNewProjectWith(t *testing.T) {
	tests := []struct {
		name        string
		s           OmegaTSettings
		wantSeg     string
		wantFilters string // "" when no filters.xml is written
		wantErr     bool
	}{
		{"defaults", OmegaTSettings{SrcLang: "zh-CN", TgtLang: "en-US"}, "<sentence_seg>true</sentence_seg>", "", false},
		{"paragraph units at line breaks", OmegaTSettings{SrcLang: "zh-CN", TgtLang: "en-US", NoSentences: true, Paragraphs: "BREAKS"},
			"<sentence_seg>false</sentence_seg>", `<option name="segmentOn" value="BREAKS"/>`, false},
		{"unknown paragraph option", OmegaTSettings{SrcLang: "zh-CN", TgtLang: "en-US", Paragraphs: "lines"}, "", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := OmegaT{Java: "java", Jar: "OmegaT.jar"}.NewProjectWith(t.TempDir(), tt.s, nil)
			if (err != nil) != tt.wantErr {
				t.Fatalf("NewProjectWith() error = %v, want error %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			b, err := os.ReadFile(filepath.Join(p.Dir, "omegat.project"))
			if err != nil || !strings.Contains(string(b), tt.wantSeg) {
				t.Errorf("omegat.project lacks %s (%v):\n%s", tt.wantSeg, err, b)
			}
			f, err := os.ReadFile(filepath.Join(p.Dir, "omegat", "filters.xml"))
			if tt.wantFilters == "" {
				if err == nil {
					t.Errorf("filters.xml written:\n%s", f)
				}
			} else if !strings.Contains(string(f), tt.wantFilters) {
				t.Errorf("filters.xml lacks %s (%v):\n%s", tt.wantFilters, err, f)
			}
		})
	}
}
