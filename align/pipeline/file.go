package pipeline

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// File is an output file written atomically: the bytes go to a temporary
// file in the target's folder, and Commit renames it over the target. Until
// Commit the target is untouched, whatever happens (an error, a full disk, an
// interrupt), so that no one ever finds a truncated file under its name.
type File struct {
	tmp    *os.File
	path   string
	closed bool
}

// CreateFile starts writing the file at path. Call Commit when everything
// is written, or Abort to leave the target as it was. A path that is a
// folder is an error.
func CreateFile(path string) (*File, error) {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return nil, fmt.Errorf("pipeline: cannot write %s: it is a folder; give the name of a file in it", path)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, fmt.Errorf("pipeline: cannot write %s: %w", path, errors.Unwrap(err))
	}
	return &File{tmp: tmp, path: path}, nil
}

// Name returns the target's path.
func (f *File) Name() string { return f.path }

// Write writes to the temporary file.
func (f *File) Write(p []byte) (int, error) {
	n, err := f.tmp.Write(p)
	if err != nil {
		err = fmt.Errorf("pipeline: writing %s: %w", f.path, errors.Unwrap(err))
	}
	return n, err
}

// Commit flushes the temporary file to disk and renames it to the target,
// with the target's permissions when it existed (0644 otherwise). On error
// the temporary file is removed and the target is left as it was.
func (f *File) Commit() error {
	if f.closed {
		return fmt.Errorf("pipeline: %s: already committed or aborted", f.path)
	}
	f.closed = true
	mode := os.FileMode(0o644)
	if st, err := os.Stat(f.path); err == nil {
		mode = st.Mode().Perm()
	}
	err := f.tmp.Sync()
	if cerr := f.tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.tmp.Name(), mode)
	}
	if err == nil {
		err = os.Rename(f.tmp.Name(), f.path)
	}
	if err != nil {
		os.Remove(f.tmp.Name())
		return fmt.Errorf("pipeline: writing %s: %w", f.path, err)
	}
	return nil
}

// Abort removes the temporary file; the target stays as it was. It does
// nothing after Commit.
func (f *File) Abort() {
	if f.closed {
		return
	}
	f.closed = true
	f.tmp.Close()
	os.Remove(f.tmp.Name())
}

// sameFile reports whether paths a and b name the same file: equal absolute
// paths, or os.SameFile for files that exist (hard links, symbolic links,
// case-insensitive file systems).
func sameFile(a, b string) bool {
	if a == "-" || b == "-" {
		return false
	}
	aa, err1 := filepath.Abs(a)
	bb, err2 := filepath.Abs(b)
	if err1 == nil && err2 == nil && aa == bb {
		return true
	}
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}
