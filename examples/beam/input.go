package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
)

// maxManifestLine is the longest manifest line read (an id and two paths).
const maxManifestLine = 1 << 20

// expandFn turns the input (a manifest, or a glob) into tasks. Lines of a
// manifest that cannot be used, and files of a glob that have no
// counterpart, go to the dead letters; only an unreadable manifest or a
// failing listing stops the job.
type expandFn struct {
	Manifest bool
}

// ProcessElement expands one input.
func (f *expandFn) ProcessElement(ctx context.Context, in string, emit func(task), dead func(string)) error {
	fs, err := filesystem.New(ctx, in)
	if err != nil {
		return err
	}
	defer fs.Close()
	if f.Manifest {
		r, err := fs.OpenRead(ctx, in)
		if err != nil {
			return fmt.Errorf("manifest: %w", err)
		}
		defer r.Close()
		return readManifest(r, in, emit, func(d deadLetter) { documentsFailed.Inc(ctx, 1); dead(d.line()) })
	}
	files, err := fs.List(ctx, in)
	if err != nil {
		return fmt.Errorf("input %s: %w", in, err)
	}
	if len(files) == 0 {
		return fmt.Errorf("input %s: no file matches", in)
	}
	globTasks(in, files, emit, func(d deadLetter) { documentsFailed.Inc(ctx, 1); dead(d.line()) })
	return nil
}

// readManifest reads a manifest: one document pair per line, tab-separated:
//
//	ID<TAB>BILINGUAL_FILE
//	ID<TAB>CHINESE_FILE<TAB>ENGLISH_FILE
//
// Blank lines and lines starting with "#" are skipped. A relative path is
// relative to the manifest's directory. A line with another number of
// fields, an empty field or an id used before goes to the dead letters
// with its line number.
func readManifest(r io.Reader, name string, emit func(task), dead func(deadLetter)) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), maxManifestLine)
	seen := map[string]int{}
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSuffix(sc.Text(), "\r")
		if line == 1 {
			text = strings.TrimPrefix(text, "\uFEFF")
		}
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		src := fmt.Sprintf("%s:%d", name, line)
		fields := strings.Split(text, "\t")
		for i := range fields {
			fields[i] = strings.TrimSpace(fields[i])
		}
		id := fields[0]
		if len(fields) < 2 || len(fields) > 3 {
			dead(deadLetter{ID: id, Source: src, Kind: kindManifest,
				Reason: fmt.Sprintf("%s: %d fields: want ID<TAB>FILE or ID<TAB>CHINESE_FILE<TAB>ENGLISH_FILE", src, len(fields))})
			continue
		}
		if i := indexEmpty(fields); i >= 0 {
			dead(deadLetter{ID: id, Source: src, Kind: kindManifest,
				Reason: fmt.Sprintf("%s: field %d is empty", src, i+1)})
			continue
		}
		if prev, ok := seen[id]; ok {
			dead(deadLetter{ID: id, Source: src, Kind: kindManifest,
				Reason: fmt.Sprintf("%s: id %q is already used on line %d", src, id, prev)})
			continue
		}
		seen[id] = line
		t := task{ID: id, Source: src}
		for _, f := range fields[1:] {
			t.Files = append(t.Files, resolve(name, f))
		}
		emit(t)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("manifest %s: after line %d: %w", name, line, err)
	}
	return nil
}

func indexEmpty(fields []string) int {
	for i, f := range fields {
		if f == "" {
			return i
		}
	}
	return -1
}

// resolve makes p relative to the directory of the manifest named base,
// unless it is absolute (a rooted path, or a URL such as gs://b/x).
func resolve(base, p string) string {
	if strings.Contains(p, "://") || filepath.IsAbs(p) {
		return p
	}
	if i := strings.Index(base, "://"); i >= 0 {
		return base[:strings.LastIndex(base, "/")+1] + p
	}
	return filepath.Join(filepath.Dir(base), p)
}

// Language markers of monolingual file names in a glob: NAME.zh.txt and
// NAME.en.txt, NAME-zh.txt and NAME-en.txt, NAME_zh.txt and NAME_en.txt.
var langMarkers = []string{".", "-", "_"}

// splitLang returns the name without its language marker and the
// language ("zh", "en", or "" for a bilingual file).
func splitLang(file string) (stem, lang string) {
	ext := path.Ext(file)
	base := strings.TrimSuffix(file, ext)
	for _, m := range langMarkers {
		for _, l := range []string{"zh", "en"} {
			if strings.HasSuffix(strings.ToLower(base), m+l) {
				return base[:len(base)-3] + m + "*" + ext, l
			}
		}
	}
	return file, ""
}

// globTasks makes tasks from the files a glob matched: a file whose name
// carries a language marker (NAME.zh.txt, NAME-en.txt, NAME_zh.txt) pairs
// with the file of the other language next to it; any other file is one
// bilingual file. The id is the file's path below the fixed part of the
// glob, without the marker. A file with no counterpart goes to the dead
// letters.
func globTasks(glob string, files []string, emit func(task), dead func(deadLetter)) {
	sort.Strings(files)
	root := globRoot(glob)
	type sides struct{ zh, en string }
	pairs := map[string]*sides{}
	var order []string
	for _, f := range files {
		stem, lang := splitLang(f)
		if lang == "" {
			emit(task{ID: idOf(root, f), Files: []string{f}, Source: glob})
			continue
		}
		p := pairs[stem]
		if p == nil {
			p = &sides{}
			pairs[stem] = p
			order = append(order, stem)
		}
		if lang == "zh" {
			p.zh = f
		} else {
			p.en = f
		}
	}
	for _, stem := range order {
		p := pairs[stem]
		id := idOf(root, strings.Replace(stem, "*", "", 1))
		switch {
		case p.en == "":
			dead(deadLetter{ID: id, Files: []string{p.zh}, Source: glob, Kind: kindUnpaired,
				Reason: fmt.Sprintf("%s: no English file next to it (%s)", p.zh, strings.Replace(stem, "*", "en", 1))})
		case p.zh == "":
			dead(deadLetter{ID: id, Files: []string{p.en}, Source: glob, Kind: kindUnpaired,
				Reason: fmt.Sprintf("%s: no Chinese file next to it (%s)", p.en, strings.Replace(stem, "*", "zh", 1))})
		default:
			emit(task{ID: id, Files: []string{p.zh, p.en}, Source: glob})
		}
	}
}

// globRoot is the directory part of glob before its first pattern
// character, ending in "/" (or "" when the pattern starts at once).
func globRoot(glob string) string {
	i := strings.IndexAny(glob, "*?[")
	if i < 0 {
		i = len(glob)
	}
	return glob[:strings.LastIndex(glob[:i], "/")+1]
}

// idOf is a file's id: its path below root, without the extension and
// without a trailing marker separator.
func idOf(root, f string) string {
	id := strings.TrimPrefix(f, root)
	id = strings.TrimSuffix(id, path.Ext(id))
	return strings.TrimRight(id, ".-_")
}
