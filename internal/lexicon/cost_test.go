package lexicon

import (
	"fmt"
	"strings"
	"testing"
)

// sharedFirstWord returns n glossary entries whose English terms all begin
// with the same word ("National …"): the shape that made With quadratic.
func sharedFirstWord(n int) []Entry {
	es := make([]Entry, n)
	for i := range es {
		es[i] = Entry{Zh: fmt.Sprintf("国家术语%d号", i), En: fmt.Sprintf("National term%s number", strings.Repeat("x", 1+i%7)+fmt.Sprint(i))}
	}
	return es
}

// BenchmarkWithSharedFirstWord merges 40,000 glossary terms whose English
// terms share their first word into the built-in lexicon. Before the fix
// this took about 15 CPU-s (quadratic in the terms sharing a first word).
func BenchmarkWithSharedFirstWord(b *testing.B) {
	es := sharedFirstWord(40000)
	base := Builtin()
	b.ReportAllocs()
	for b.Loop() {
		l := base.With(es)
		if l.NumPhrases() != len(es) {
			b.Fatalf("%d phrases, want %d", l.NumPhrases(), len(es))
		}
	}
}

// BenchmarkMatchPhrasesSharedFirstWord matches a 40-word sentence, eight
// of its words the shared first word, against the 40,000 phrases of
// sharedFirstWord.
func BenchmarkMatchPhrasesSharedFirstWord(b *testing.B) {
	l := Builtin().With(sharedFirstWord(40000))
	text := strings.Repeat("The national team met national leaders of the national parks. ", 4)
	toks := l.AppendEnglish(nil, text)
	b.ReportAllocs()
	for b.Loop() {
		l.MatchPhrases(toks)
	}
}

// crossTBX returns a TBX with one entry of n Chinese and n English terms,
// padded to about size bytes with n.
func crossTBX(n int) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><martif type="TBX"><text><body><termEntry id="1">`)
	b.WriteString(`<langSet xml:lang="zh">`)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "<tig><term>术语%d</term></tig>", i)
	}
	b.WriteString(`</langSet><langSet xml:lang="en">`)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "<tig><term>term%d</term></tig>", i)
	}
	b.WriteString(`</langSet></termEntry></body></text></martif>`)
	return []byte(b.String())
}

// BenchmarkLoadTBXCrossProduct loads a 64 KB TBX whose one entry holds
// about 1,300 Chinese and 1,300 English terms. Paired as a cross product
// it took 207 MB; the target is under 100 MB (see B/op).
func BenchmarkLoadTBXCrossProduct(b *testing.B) {
	n := 1
	for len(crossTBX(n)) < 64<<10 {
		n++
	}
	doc := crossTBX(n)
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		es, rep, err := LoadTBXReport(strings.NewReader(string(doc)), "cross.tbx")
		if err != nil {
			b.Fatal(err)
		}
		if len(es) != 2*n-1 || len(rep.Linear) != 1 {
			b.Fatalf("%d pairs, %d linear entries; want %d, 1", len(es), len(rep.Linear), 2*n-1)
		}
	}
	b.ReportMetric(float64(n), "terms/lang")
}
