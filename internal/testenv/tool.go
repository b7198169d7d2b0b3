package testenv

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Missing skips tb with the message, or fails it with the message when the
// environment variable CI is set. Like Skip and Fatal, it does not return.
func Missing(tb testing.TB, format string, args ...any) {
	tb.Helper()
	msg := fmt.Sprintf(format, args...)
	if os.Getenv("CI") != "" {
		tb.Fatalf("required in CI ($CI is set): %s", msg)
	}
	tb.Skip(msg)
}

// Path returns where the program name is: looked up in PATH, or, when name
// is an absolute file name, checked to exist. When it is missing it calls
// Missing with a message naming it and hint (how to install it, e.g.
// "apt-get install libxml2-utils").
func Path(tb testing.TB, name, hint string) string {
	tb.Helper()
	path, err := Find(name)
	if err != nil {
		Missing(tb, "%s not installed (%s): %v", name, hint, err)
	}
	return path
}

// Find returns where the program name is, as Path does, or an error when
// it is missing.
func Find(name string) (string, error) {
	if filepath.IsAbs(name) {
		if _, err := os.Stat(name); err != nil {
			return "", err
		}
		return name, nil
	}
	return exec.LookPath(name)
}
