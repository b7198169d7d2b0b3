package tmx

import (
	"errors"
	"testing"

	"github.com/bitextlab/zhen/align"
)

// TestZeroWriter checks that a Writer not made by NewWriter returns
// ErrNoDestination from every method instead of panicking.
func TestZeroWriter(t *testing.T) {
	pair := align.Pair{ZH: "中文。", EN: "Chinese.", Type: "1-1", Confidence: 1}
	tests := []struct {
		name string
		w    func() *Writer
		call func(w *Writer) error
	}{
		{"zero Close", func() *Writer { return &Writer{} }, func(w *Writer) error { return w.Close() }},
		{"zero Write", func() *Writer { return &Writer{} }, func(w *Writer) error { return w.Write(pair) }},
		{"zero Merge", func() *Writer { return &Writer{} }, func(w *Writer) error { return w.Merge(nil) }},
		{"zero Write then Close", func() *Writer { return &Writer{} }, func(w *Writer) error { w.Write(pair); return w.Close() }},
		{"nil destination", func() *Writer { return NewWriter(nil, Header{}) }, func(w *Writer) error { w.Write(pair); return w.Close() }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := tt.w()
			var err error
			func() {
				defer func() {
					if p := recover(); p != nil {
						t.Fatalf("panic: %v", p)
					}
				}()
				err = tt.call(w)
			}()
			if !errors.Is(err, ErrNoDestination) {
				t.Errorf("error = %v, want %v", err, ErrNoDestination)
			}
			if err != nil && err.Error() != "tmx: Writer has no destination (use NewWriter)" {
				t.Errorf("error text = %q", err)
			}
		})
	}
}

// TestZeroReader checks that a Reader not made by NewReader returns
// ErrNoSource from every method instead of panicking.
func TestZeroReader(t *testing.T) {
	tests := []struct {
		name string
		r    func() *Reader
		call func(r *Reader) error
	}{
		{"zero Next", func() *Reader { return &Reader{} }, func(r *Reader) error { _, err := r.Next(); return err }},
		{"zero Header", func() *Reader { return &Reader{} }, func(r *Reader) error { _, err := r.Header(); return err }},
		{"zero All", func() *Reader { return &Reader{} }, func(r *Reader) error {
			for _, err := range r.All() {
				return err
			}
			return nil
		}},
		{"zero Next twice", func() *Reader { return &Reader{} }, func(r *Reader) error { r.Next(); _, err := r.Next(); return err }},
		{"nil source", func() *Reader { return NewReader(nil) }, func(r *Reader) error { _, err := r.Next(); return err }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.r()
			var err error
			func() {
				defer func() {
					if p := recover(); p != nil {
						t.Fatalf("panic: %v", p)
					}
				}()
				err = tt.call(r)
			}()
			if !errors.Is(err, ErrNoSource) {
				t.Errorf("error = %v, want %v", err, ErrNoSource)
			}
		})
	}
}
