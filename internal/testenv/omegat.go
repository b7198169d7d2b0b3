package testenv

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// DefaultOmegaTJar is where Debian's omegat package installs OmegaT; the
// environment variable OMEGAT_JAR overrides it.
const DefaultOmegaTJar = "/usr/share/omegat/OmegaT.jar"

// OmegaT is an installed OmegaT: the java program and OmegaT's jar file.
type OmegaT struct {
	Java string // path of the java program
	Jar  string // path of OmegaT.jar
}

// FindOmegaT returns the installed OmegaT (the jar at $OMEGAT_JAR, or else
// DefaultOmegaTJar), or an error naming what is missing.
func FindOmegaT() (OmegaT, error) {
	jar := os.Getenv("OMEGAT_JAR")
	if jar == "" {
		jar = DefaultOmegaTJar
	}
	java, errJava := Find("java")
	_, errJar := os.Stat(jar)
	if errJava != nil || errJar != nil {
		return OmegaT{}, fmt.Errorf("testenv: OmegaT not available (java: %v; %s: %v)", errJava, jar, errJar)
	}
	return OmegaT{Java: java, Jar: jar}, nil
}

// RequireOmegaT returns the installed OmegaT; when java or OmegaT is
// missing it skips tb, or fails it when the environment variable CI is set.
func RequireOmegaT(tb testing.TB) OmegaT {
	tb.Helper()
	o, err := FindOmegaT()
	if err != nil {
		Missing(tb, "%v; apt-get install omegat", err)
	}
	return o
}

// OmegaTProject is a throwaway OmegaT project.
type OmegaTProject struct {
	OmegaT           // the OmegaT that runs on it
	Dir       string // the project directory
	ConfigDir string // OmegaT's configuration directory for the runs
}

// OmegaTTokenizer returns the OmegaT tokenizer class for a language code
// such as "zh-CN" or "en-US": Lucene's SmartChinese for Chinese, its English
// one otherwise.
func OmegaTTokenizer(lang string) string {
	if i := strings.IndexAny(lang, "-_"); i >= 0 {
		lang = lang[:i]
	}
	if strings.EqualFold(lang, "zh") {
		return "org.omegat.tokenizer.LuceneSmartChineseTokenizer"
	}
	return "org.omegat.tokenizer.LuceneEnglishTokenizer"
}

// NewProject makes a project translating srcLang into tgtLang (language
// codes such as "zh-CN" and "en-US") in dir/project, with sentence
// segmentation on, its configuration directory at dir/config, and the
// files given (names relative to the project directory, such as
// "source/x.utf8" or "tm/auto/zhen.tmx"; OmegaT's text filter reads *.utf8
// as UTF-8 whatever the locale).
func (o OmegaT) NewProject(dir, srcLang, tgtLang string, files map[string][]byte) (*OmegaTProject, error) {
	return o.NewProjectWith(dir, OmegaTSettings{SrcLang: srcLang, TgtLang: tgtLang}, files)
}

// OmegaTSettings are the project settings NewProjectWith writes. The zero
// value of each field but the languages is OmegaT's default.
type OmegaTSettings struct {
	SrcLang, TgtLang string // language codes such as "zh-CN" and "en-US"
	// NoSentences turns the project's sentence segmentation off: each
	// paragraph is one segment.
	NoSentences bool
	// Paragraphs is the text filter's paragraph option (segmentOn):
	// "EMPTYLINES" (OmegaT's default, also for ""), "BREAKS" (every line
	// is a paragraph) or "NEVER". Anything but "" writes
	// omegat/filters.xml.
	Paragraphs string
}

// NewProjectWith makes a project as NewProject does, with the settings s.
func (o OmegaT) NewProjectWith(dir string, s OmegaTSettings, files map[string][]byte) (*OmegaTProject, error) {
	srcLang, tgtLang := s.SrcLang, s.TgtLang
	p := &OmegaTProject{OmegaT: o, Dir: filepath.Join(dir, "project"), ConfigDir: filepath.Join(dir, "config")}
	for _, d := range []string{"source", "target", "tm/auto", "omegat", "glossary", "dictionary"} {
		if err := os.MkdirAll(filepath.Join(p.Dir, d), 0o755); err != nil {
			return nil, fmt.Errorf("testenv: %w", err)
		}
	}
	if err := os.MkdirAll(p.ConfigDir, 0o755); err != nil {
		return nil, fmt.Errorf("testenv: %w", err)
	}
	project := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
    <project version="1.0">
        <source_dir>__DEFAULT__</source_dir>
        <target_dir>__DEFAULT__</target_dir>
        <tm_dir>__DEFAULT__</tm_dir>
        <glossary_dir>__DEFAULT__</glossary_dir>
        <glossary_file>__DEFAULT__</glossary_file>
        <dictionary_dir>__DEFAULT__</dictionary_dir>
        <source_lang>` + srcLang + `</source_lang>
        <target_lang>` + tgtLang + `</target_lang>
        <source_tok>` + OmegaTTokenizer(srcLang) + `</source_tok>
        <target_tok>` + OmegaTTokenizer(tgtLang) + `</target_tok>
        <sentence_seg>` + strconv.FormatBool(!s.NoSentences) + `</sentence_seg>
        <support_default_translations>true</support_default_translations>
        <remove_tags>false</remove_tags>
    </project>
</omegat>
`
	if err := os.WriteFile(filepath.Join(p.Dir, "omegat.project"), []byte(project), 0o644); err != nil {
		return nil, fmt.Errorf("testenv: %w", err)
	}
	switch s.Paragraphs {
	case "":
	case "EMPTYLINES", "BREAKS", "NEVER":
		// OmegaT 3.6 reads a project's own filter settings from
		// omegat/filters.xml; the *.utf8 mask keeps sources UTF-8.
		filters := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<filters removeTags="false" removeSpacesNonseg="false" preserveSpaces="false" ignoreFileContext="false">
    <filter className="org.omegat.filters2.text.TextFilter" enabled="true">
        <files sourceFilenameMask="*.txt" targetFilenamePattern="${filename}"/>
        <files sourceFilenameMask="*.utf8" targetFilenamePattern="${filename}" sourceEncoding="UTF-8" targetEncoding="UTF-8"/>
        <option name="segmentOn" value="` + s.Paragraphs + `"/>
    </filter>
</filters>
`
		if err := os.WriteFile(filepath.Join(p.Dir, "omegat", "filters.xml"), []byte(filters), 0o644); err != nil {
			return nil, fmt.Errorf("testenv: %w", err)
		}
	default:
		return nil, fmt.Errorf("testenv: OmegaT paragraph option %q: want EMPTYLINES, BREAKS or NEVER", s.Paragraphs)
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(p.Dir, filepath.FromSlash(name)), b, 0o644); err != nil {
			return nil, fmt.Errorf("testenv: %w", err)
		}
	}
	return p, nil
}

// Run runs OmegaT headless on the project with the mode arguments (such as
// "--mode=console-translate") and returns its standard output and error
// together. The error is the java run's, with the tail of the log.
func (p *OmegaTProject) Run(ctx context.Context, mode ...string) (string, error) {
	args := []string{"-Djava.awt.headless=true", "-Dfile.encoding=UTF-8", "-jar", p.Jar}
	args = append(args, mode...)
	args = append(args, "--config-dir="+p.ConfigDir, "--no-team", "--disable-project-locking", p.Dir)
	cmd := exec.CommandContext(ctx, p.Java, args...)
	cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8")
	out, err := cmd.CombinedOutput()
	if err != nil {
		return string(out), fmt.Errorf("testenv: %v\n%s", err, OmegaTLogTail(string(out)))
	}
	return string(out), nil
}

// Translate runs OmegaT in console-translate mode: it writes the
// translated source files under target/ (with the TMX files in tm/auto
// applied) and omegat/project_stats.txt. It returns the log as Run does.
func (p *OmegaTProject) Translate(ctx context.Context) (string, error) {
	return p.Run(ctx, "--mode=console-translate")
}

// PseudoTMX has OmegaT write to out a pseudo-translation memory of the
// source files: one TU per distinct segment, its target equal to its
// source. It returns the log as Run does.
func (p *OmegaTProject) PseudoTMX(ctx context.Context, out string) (string, error) {
	// console-createpseudotranslatetmx: --help's "console-pseudotranslatetmx"
	// falls back to the GUI and dies.
	return p.Run(ctx, "--mode=console-createpseudotranslatetmx", "--pseudotranslatetmx="+out, "--pseudotranslatetype=equal")
}

// Stats returns two rows of omegat/project_stats.txt, written by Translate:
// the number of segments in the source files ("Total") and of those left
// untranslated ("Remaining").
func (p *OmegaTProject) Stats() (total, remaining int, err error) {
	name := filepath.Join(p.Dir, "omegat", "project_stats.txt")
	b, err := os.ReadFile(name)
	if err != nil {
		return 0, 0, fmt.Errorf("testenv: %w", err)
	}
	row := func(label string) (int, error) {
		m := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(label) + `\s*\t\s*(\d+)`).FindSubmatch(b)
		if m == nil {
			return 0, fmt.Errorf("testenv: %s has no %q row:\n%s", name, label, b)
		}
		return strconv.Atoi(string(m[1]))
	}
	if total, err = row("Total:"); err != nil {
		return 0, 0, err
	}
	if remaining, err = row("Remaining:"); err != nil {
		return 0, 0, err
	}
	return total, remaining, nil
}

// omegaTErrorMarks are what OmegaT logs when it cannot read a TMX file; it
// still exits 0 then.
var omegaTErrorMarks = []string{"TF_TM_LOAD_ERROR", "TMXR_ERROR", "TMXR_WARNING", "Exception"}

// OmegaTLogErrors returns which of OmegaT's TMX load errors
// (TF_TM_LOAD_ERROR, TMXR_ERROR, TMXR_WARNING) and Java exceptions the log
// mentions, in that order.
func OmegaTLogErrors(log string) []string {
	var found []string
	for _, bad := range omegaTErrorMarks {
		if strings.Contains(log, bad) {
			found = append(found, bad)
		}
	}
	return found
}

// OmegaTLogTail returns the last 30 lines of an OmegaT log, without the
// PLUGIN_LOAD_OK lines that make up most of it.
func OmegaTLogTail(log string) string {
	var keep []string
	for _, l := range strings.Split(log, "\n") {
		if !strings.Contains(l, "PLUGIN_LOAD_OK") {
			keep = append(keep, l)
		}
	}
	if len(keep) > 30 {
		keep = keep[len(keep)-30:]
	}
	return strings.Join(keep, "\n")
}
