package main

import (
	"os"
	"strings"
	"testing"

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
