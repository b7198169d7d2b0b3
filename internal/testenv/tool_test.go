package testenv

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestFind(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		in      string
		want    string
		wantErr bool
	}{
		{"absolute file that exists", exe, exe, false},
		{"absolute file that does not", filepath.Join(t.TempDir(), "no-such-tool"), "", true},
		{"program not in PATH", "no-such-tool-zhen-testenv", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Find(tt.in)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Errorf("Find(%q) = %q, %v; want %q, error %v", tt.in, got, err, tt.want, tt.wantErr)
			}
		})
	}
}

// recorder notes whether Skip or Fatalf was called; both end the goroutine
// as the real ones do. Missing and Path call nothing else (the embedded nil
// TB would panic if they did).
type recorder struct {
	testing.TB
	skipped, failed bool
}

func (r *recorder) Helper()               {}
func (r *recorder) Skip(...any)           { r.skipped = true; runtime.Goexit() }
func (r *recorder) Fatalf(string, ...any) { r.failed = true; runtime.Goexit() }

func TestPathMissing(t *testing.T) {
	tests := []struct {
		name              string
		ci                string
		wantSkip, wantErr bool
	}{
		{"skipped without CI", "", true, false},
		{"fails in CI", "1", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("CI", tt.ci)
			r := &recorder{}
			done := make(chan struct{})
			go func() {
				defer close(done)
				Path(r, "no-such-tool-zhen-testenv", "not installable")
			}()
			<-done
			if r.skipped != tt.wantSkip || r.failed != tt.wantErr {
				t.Errorf("Path() of a missing tool with CI=%q: skipped %v, failed %v; want %v, %v", tt.ci, r.skipped, r.failed, tt.wantSkip, tt.wantErr)
			}
		})
	}
}
