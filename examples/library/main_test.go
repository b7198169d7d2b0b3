package main

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bitextlab/zhen/align/tmx"
)

func TestConvert(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "out")
	if err != nil {
		t.Fatal(err)
	}
	stdout := os.Stdout
	os.Stdout = f
	err = convert("../../testdata/seeds/001_38bdb1c42bebbece.txt")
	os.Stdout = stdout
	if err != nil {
		t.Fatal(err)
	}
	f.Seek(0, 0)
	_, tus, err := tmx.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(tus) < 30 {
		t.Errorf("%d TUs, want at least 30", len(tus))
	}
	if err := convert("../../testdata/seeds/003_fde2822e310dd5d8.txt"); err == nil || !strings.Contains(err.Error(), "003_fde2822e310dd5d8.txt") {
		t.Errorf("monolingual file: err = %v, want an error naming the file", err)
	}
}

// TestMatchesREADME: the README's first Go snippet is this program's
// convert, from its first comment to its return, line for line.
func TestMatchesREADME(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, snippet, ok := strings.Cut(string(readme), "```go\n")
	snippet, _, _ = strings.Cut(snippet, "```")
	_, snippet, _ = strings.Cut(snippet, ")\n\n") // after the import block
	src, err := os.ReadFile("main.go")
	if err != nil {
		t.Fatal(err)
	}
	_, body, _ := strings.Cut(string(src), "func convert(name string) error {\n")
	body = body[strings.Index(body, "\t// "):strings.LastIndex(body, "}")]
	body = strings.ReplaceAll(strings.TrimPrefix(body, "\t"), "\n\t", "\n")
	if !ok || snippet == "" {
		t.Fatal("README.md has no Go snippet")
	}
	if diff := cmp.Diff(snippet, body); diff != "" {
		t.Errorf("README snippet and examples/library differ (-README +main.go):\n%s", diff)
	}
}
