package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestReadManifest(t *testing.T) {
	tests := []struct {
		name     string
		manifest string
		in       string // the manifest's own path
		want     []task
		dead     []deadLetter
	}{
		{
			name:     "bilingual and monolingual, relative to the manifest",
			in:       "corpus/m.tsv",
			manifest: "a\ta.txt\nb\tzh/b.txt\ten/b.txt\n",
			want: []task{
				{ID: "a", Files: []string{"corpus/a.txt"}, Source: "corpus/m.tsv:1"},
				{ID: "b", Files: []string{"corpus/zh/b.txt", "corpus/en/b.txt"}, Source: "corpus/m.tsv:2"},
			},
		},
		{
			name:     "absolute paths and URLs stay",
			in:       "gs://bucket/lists/m.tsv",
			manifest: "a\t/data/a.txt\nb\tgs://other/b.txt\nc\tc.txt\n",
			want: []task{
				{ID: "a", Files: []string{"/data/a.txt"}, Source: "gs://bucket/lists/m.tsv:1"},
				{ID: "b", Files: []string{"gs://other/b.txt"}, Source: "gs://bucket/lists/m.tsv:2"},
				{ID: "c", Files: []string{"gs://bucket/lists/c.txt"}, Source: "gs://bucket/lists/m.tsv:3"},
			},
		},
		{
			name:     "BOM, CRLF, comments, blank lines",
			in:       "m.tsv",
			manifest: "\uFEFF# id\tfile\r\n\r\n  \r\na\ta.txt\r\n",
			want:     []task{{ID: "a", Files: []string{"a.txt"}, Source: "m.tsv:4"}},
		},
		{
			name:     "bad lines go to the dead letters with their line",
			in:       "m.tsv",
			manifest: "lonely\na\t\nb\t1\t2\t3\nc\tc.txt\nc\tother.txt\n\t x.txt\n",
			want:     []task{{ID: "c", Files: []string{"c.txt"}, Source: "m.tsv:4"}},
			dead: []deadLetter{
				{ID: "lonely", Source: "m.tsv:1", Kind: kindManifest, Reason: "m.tsv:1: 1 fields: want ID<TAB>FILE or ID<TAB>CHINESE_FILE<TAB>ENGLISH_FILE"},
				{ID: "a", Source: "m.tsv:2", Kind: kindManifest, Reason: "m.tsv:2: field 2 is empty"},
				{ID: "b", Source: "m.tsv:3", Kind: kindManifest, Reason: "m.tsv:3: 4 fields: want ID<TAB>FILE or ID<TAB>CHINESE_FILE<TAB>ENGLISH_FILE"},
				{ID: "c", Source: "m.tsv:5", Kind: kindManifest, Reason: `m.tsv:5: id "c" is already used on line 4`},
				{ID: "", Source: "m.tsv:6", Kind: kindManifest, Reason: "m.tsv:6: field 1 is empty"},
			},
		},
		{
			name:     "invalid UTF-8 in an id is kept as bytes",
			in:       "m.tsv",
			manifest: "\xff\ta.txt\n",
			want:     []task{{ID: "\xff", Files: []string{"a.txt"}, Source: "m.tsv:1"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []task
			var dead []deadLetter
			err := readManifest(strings.NewReader(tt.manifest), tt.in, func(x task) { got = append(got, x) }, func(d deadLetter) { dead = append(dead, d) })
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("tasks mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.dead, dead); diff != "" {
				t.Errorf("dead letters mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadManifestLongLine(t *testing.T) {
	long := "a\t" + strings.Repeat("x", maxManifestLine+1) + "\n"
	err := readManifest(strings.NewReader(long), "m.tsv", func(task) {}, func(deadLetter) {})
	if err == nil || !strings.Contains(err.Error(), "m.tsv: after line 0") {
		t.Errorf("err = %v, want a manifest error after line 0", err)
	}
}

func TestGlobTasks(t *testing.T) {
	tests := []struct {
		name  string
		glob  string
		files []string
		want  []task
		dead  []deadLetter
	}{
		{
			name:  "bilingual files",
			glob:  "in/*.txt",
			files: []string{"in/b.txt", "in/a.txt"},
			want: []task{
				{ID: "a", Files: []string{"in/a.txt"}, Source: "in/*.txt"},
				{ID: "b", Files: []string{"in/b.txt"}, Source: "in/*.txt"},
			},
		},
		{
			name:  "language markers pair up, per separator",
			glob:  "in/*/*",
			files: []string{"in/x/r1.zh.txt", "in/x/r1.en.txt", "in/y/r2-EN.txt", "in/y/r2-ZH.txt", "in/y/r3_zh.md", "in/y/r3_en.md"},
			want: []task{
				{ID: "x/r1", Files: []string{"in/x/r1.zh.txt", "in/x/r1.en.txt"}, Source: "in/*/*"},
				{ID: "y/r2", Files: []string{"in/y/r2-ZH.txt", "in/y/r2-EN.txt"}, Source: "in/*/*"},
				{ID: "y/r3", Files: []string{"in/y/r3_zh.md", "in/y/r3_en.md"}, Source: "in/*/*"},
			},
		},
		{
			name:  "a side without its counterpart is a dead letter",
			glob:  "*.txt",
			files: []string{"a.zh.txt", "b-en.txt", "a-en.txt"},
			want:  nil,
			dead: []deadLetter{
				{ID: "a", Files: []string{"a-en.txt"}, Source: "*.txt", Kind: kindUnpaired, Reason: "a-en.txt: no Chinese file next to it (a-zh.txt)"},
				{ID: "a", Files: []string{"a.zh.txt"}, Source: "*.txt", Kind: kindUnpaired, Reason: "a.zh.txt: no English file next to it (a.en.txt)"},
				{ID: "b", Files: []string{"b-en.txt"}, Source: "*.txt", Kind: kindUnpaired, Reason: "b-en.txt: no Chinese file next to it (b-zh.txt)"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []task
			var dead []deadLetter
			globTasks(tt.glob, tt.files, func(x task) { got = append(got, x) }, func(d deadLetter) { dead = append(dead, d) })
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("tasks mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.dead, dead); diff != "" {
				t.Errorf("dead letters mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestFirstPair(t *testing.T) {
	rows := []pairRow{
		{Doc: "b", Index: 0},
		{Doc: "a", Index: 7},
		{Doc: "a", Index: 3},
		{Doc: "c", Index: 1},
	}
	want := pairRow{Doc: "a", Index: 3}
	// Whatever order the runner combines them in, the same row survives.
	for _, order := range [][]int{{0, 1, 2, 3}, {3, 2, 1, 0}, {2, 0, 3, 1}, {1, 3, 0, 2}} {
		acc := rows[order[0]]
		for _, i := range order[1:] {
			acc = firstPair(acc, rows[i])
		}
		if acc != want {
			t.Errorf("order %v: got %+v, want %+v", order, acc, want)
		}
	}
}

func TestPrepareOutput(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	prefix := filepath.Join(dir, "pairs")
	if err := prepareOutput(ctx, prefix, false); err != nil {
		t.Fatalf("empty directory: %v", err)
	}
	ours := []string{"pairs-00000-of-00002.jsonl", "pairs-00001-of-00002.tmx", "pairs-00000-of-00002.zh", "pairs-deadletters-00000-of-00001.jsonl"}
	others := []string{"pairs-notes.txt", "pairs-00000-of-00002.jsonl.bak", "other-00000-of-00002.jsonl"}
	for _, f := range append(append([]string(nil), ours...), others...) {
		if err := os.WriteFile(filepath.Join(dir, f), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	err := prepareOutput(ctx, prefix, false)
	if err == nil || !strings.Contains(err.Error(), "--overwrite") {
		t.Fatalf("earlier output, no --overwrite: err = %v, want a hint to --overwrite", err)
	}
	if err := prepareOutput(ctx, prefix, true); err != nil {
		t.Fatalf("--overwrite: %v", err)
	}
	for _, f := range ours {
		if _, err := os.Stat(filepath.Join(dir, f)); !os.IsNotExist(err) {
			t.Errorf("%s: still there after --overwrite (%v)", f, err)
		}
	}
	for _, f := range others {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("%s: not ours, but gone: %v", f, err)
		}
	}
}
