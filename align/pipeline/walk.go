package pipeline

import (
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

// Job is one document to align: a Chinese file and its English translation,
// or one bilingual file.
type Job struct {
	// Name is the document's name: its path relative to the folder walked,
	// without the language mark and the extension ("2022/report.2022" for
	// 2022/report.2022.zh.txt, or for zh/2022/report.2022.txt). It is
	// unique among the jobs Walk returns, ignoring case, so that an output
	// named after it (Name + Extension(format)) never overwrites another.
	Name string
	// ZH and EN are the Chinese and the English file; EN is "" when ZH is
	// a bilingual file.
	ZH, EN string
}

// Inputs returns the job's input paths: [ZH] or [ZH, EN].
func (j Job) Inputs() []string {
	if j.EN == "" {
		return []string{j.ZH}
	}
	return []string{j.ZH, j.EN}
}

// Problem is a file Walk could not make a job of, and why.
type Problem struct {
	// Path is the file.
	Path string
	// Reason says what is wrong and what to do.
	Reason string
}

// documentExt reports whether a file name ends in an extension of a document
// the segmenter reads.
func documentExt(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".docx", ".html", ".htm", ".xhtml":
		return true
	}
	return false
}

// langMark splits a language mark off a file name: NAME.zh.txt, NAME-zh.txt,
// NAME_zh.txt, NAME.zh (and "en"; any case; any document extension). It
// returns the name without mark and extension, and "zh", "en" or "" when the
// name has no mark.
func langMark(name string) (stem, lang string) {
	base := name
	if documentExt(base) {
		base = base[:len(base)-len(filepath.Ext(base))]
	}
	for _, l := range []string{"zh", "en"} {
		for _, sep := range []string{".", "_", "-"} {
			suf := sep + l
			if len(base) > len(suf) && strings.EqualFold(base[len(base)-len(suf):], suf) {
				return base[:len(base)-len(suf)], l
			}
		}
	}
	return base, ""
}

// Walk finds the documents under dir, in every subfolder:
//
//   - a parallel tree: a folder zh/ beside a folder en/; zh/PATH and en/PATH
//     are a pair (PATH may carry a language mark, as in zh/a-zh.txt and
//     en/a-en.txt);
//   - a pair by name: NAME.zh.txt and NAME.en.txt, or NAME-zh.txt and
//     NAME-en.txt, or NAME_zh.txt and NAME_en.txt, or NAME.zh and NAME.en
//     (any case; .docx, .html and .htm instead of .txt too);
//   - any other .txt, .docx, .html or .htm file: one bilingual file.
//
// Hidden files and folders (names starting with ".") and the folders in
// skip (such as the output folder) are not entered; other files are ignored.
// A file that cannot be made a job is a Problem, never dropped silently: a
// half without its other half, two files for the same half ("dup.zh.txt"
// and "dup_zh.txt"), and jobs whose names differ only in case or are equal
// ("memo.zh.txt" with "memo.en.txt" beside a bilingual "memo.txt"): none of
// those is aligned. Jobs and problems are sorted by name and path.
func Walk(dir string, skip ...string) ([]Job, []Problem, error) {
	type key struct{ name, lang string }
	found := map[key][]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if path != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if path != dir && slices.ContainsFunc(skip, func(s string) bool { return sameFile(s, path) }) {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		stem, lang := langMark(filepath.Base(rel))
		if lang == "" && !documentExt(rel) {
			return nil
		}
		parts := strings.Split(filepath.ToSlash(filepath.Dir(rel)), "/")
		for i, p := range parts {
			if l := strings.ToLower(p); l == "zh" || l == "en" {
				// A parallel tree: the folder is the language mark.
				lang = l
				parts = slices.Delete(slices.Clone(parts), i, i+1)
				break
			}
		}
		parts = append(parts, stem)
		name := strings.TrimPrefix(strings.Join(parts, "/"), "./")
		found[key{name, lang}] = append(found[key{name, lang}], path)
		return nil
	})
	if err != nil {
		return nil, nil, err
	}

	var jobs []Job
	var probs []Problem
	names := map[string]bool{}
	for k := range found {
		names[k.name] = true
	}
	byFold := map[string][]Job{}
	for name := range names {
		zh, en, bi := found[key{name, "zh"}], found[key{name, "en"}], found[key{name, ""}]
		if len(zh) > 1 || len(en) > 1 || len(bi) > 1 {
			for _, list := range [][]string{zh, en, bi} {
				for _, p := range list {
					why := fmt.Sprintf("not aligned: another file of the document %q is ambiguous", name)
					if len(list) > 1 {
						why = fmt.Sprintf("ambiguous: %s all name the same document %q; rename all but one", strings.Join(list, ", "), name)
					}
					probs = append(probs, Problem{p, why})
				}
			}
			continue
		}
		var js []Job
		switch {
		case len(zh) == 1 && len(en) == 1:
			js = append(js, Job{Name: name, ZH: zh[0], EN: en[0]})
		case len(zh) == 1:
			probs = append(probs, Problem{zh[0], "Chinese file with no English file beside it (want the same name with en instead of zh)"})
		case len(en) == 1:
			probs = append(probs, Problem{en[0], "English file with no Chinese file beside it (want the same name with zh instead of en)"})
		}
		if len(bi) == 1 {
			js = append(js, Job{Name: name, ZH: bi[0]})
		}
		for _, j := range js {
			f := strings.ToLower(j.Name)
			byFold[f] = append(byFold[f], j)
		}
	}
	for _, js := range byFold {
		if len(js) == 1 {
			jobs = append(jobs, js[0])
			continue
		}
		var files []string
		for _, j := range js {
			files = append(files, j.Inputs()...)
		}
		for _, p := range files {
			probs = append(probs, Problem{p, fmt.Sprintf("output name collision: %s would all be written as %q; rename all but one", strings.Join(files, ", "), js[0].Name)})
		}
	}
	sort.Slice(jobs, func(a, b int) bool { return jobs[a].Name < jobs[b].Name })
	sort.Slice(probs, func(a, b int) bool { return probs[a].Path < probs[b].Path })
	return jobs, probs, nil
}

// PrintProblems lists problems, one per line after a count, the count line
// starting with prefix; nothing when there are none. The list is never
// capped: each line is a document the user expected and did not get.
func PrintProblems(w io.Writer, prefix string, probs []Problem) {
	if len(probs) > 0 {
		fmt.Fprintf(w, "%s%d files or documents not aligned:\n", prefix, len(probs))
	}
	for _, p := range probs {
		fmt.Fprintf(w, "  %s: %s\n", p.Path, p.Reason)
	}
}
