package review

import (
	"errors"
	"testing"

	"github.com/bitextlab/zhen/align"
)

// TestZeroWriters checks that writers not made by their constructors return
// ErrNoDestination instead of panicking.
func TestZeroWriters(t *testing.T) {
	pair := align.Pair{ZH: "中文。", EN: "Chinese.", Type: "1-1", Confidence: 1}
	tests := []struct {
		name string
		call func() error
	}{
		{"zero TSVWriter Write", func() error { var w TSVWriter; return w.Write(pair) }},
		{"zero TSVWriter Flush", func() error { var w TSVWriter; return w.Flush() }},
		{"nil TSV destination", func() error { w := NewTSVWriter(nil); w.Write(pair); return w.Flush() }},
		{"zero JSONLWriter Write", func() error { var w JSONLWriter; return w.Write(pair) }},
		{"zero JSONLWriter Flush", func() error { var w JSONLWriter; return w.Flush() }},
		{"nil JSONL destination", func() error { w := NewJSONLWriter(nil); w.Write(pair); return w.Flush() }},
		{"zero MosesWriter Write", func() error { var w MosesWriter; return w.Write(pair) }},
		{"zero MosesWriter Write empty side", func() error { var w MosesWriter; return w.Write(align.Pair{ZH: "中文。", Type: "1-0"}) }},
		{"zero MosesWriter Flush", func() error { var w MosesWriter; return w.Flush() }},
		{"nil Moses destination", func() error { w := NewMosesWriter(nil, nil); w.Write(pair); return w.Flush() }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			func() {
				defer func() {
					if p := recover(); p != nil {
						t.Fatalf("panic: %v", p)
					}
				}()
				err = tt.call()
			}()
			if !errors.Is(err, ErrNoDestination) {
				t.Errorf("error = %v, want %v", err, ErrNoDestination)
			}
		})
	}
}
