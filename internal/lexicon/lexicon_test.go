package lexicon

import (
	"bytes"
	"testing"
)

func TestBuiltinLoads(t *testing.T) {
	l := Builtin()
	if l.Len() < 100000 || l.VocabLen() < 20000 {
		t.Fatalf("Builtin() has %d entries and %d stems, want ≥ 100000 and ≥ 20000", l.Len(), l.VocabLen())
	}
	for _, w := range []string{"发展", "發展", "合作", "政党", "人类", "共同体", "中国"} {
		if l.Lookup(w) < 0 {
			t.Errorf("Lookup(%q) = -1, want an entry", w)
		}
	}
	if got := l.Lookup("發展"); got != l.Lookup("发展") {
		t.Errorf("traditional 發展 → %d, simplified 发展 → %d; want the same entry", got, l.Lookup("发展"))
	}
}

func BenchmarkLoad(b *testing.B) {
	b.SetBytes(int64(len(builtinData)))
	for b.Loop() {
		if _, err := Load(bytes.NewReader(builtinData)); err != nil {
			b.Fatal(err)
		}
	}
	if ms := b.Elapsed().Seconds() * 1000 / float64(b.N); ms > 100 {
		b.Fatalf("loading the built-in lexicon takes %.1f ms, want < 100 ms", ms)
	}
}
