package review

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/bitextlab/zhen/align"
	"github.com/google/go-cmp/cmp"
)

var dumpDir = flag.String("dump", "", "write the review files of the tests into this directory (to look at them)")

// seedPairs is a hand-made alignment of part of seed 001 with scores and
// evidence, standing in for the aligner's output.
func seedPairs() []align.Pair {
	const doc = "001_38bdb1c42bebbece.txt"
	sc := func(l, a float64) []align.Score {
		return []align.Score{{Scorer: "length", Value: l, Weight: 0.6}, {Scorer: "anchors", Value: a, Weight: 0.4}}
	}
	zh1 := "党的十八大以来，习近平总书记就党的对外工作作出一系列重要论述，为做好新时代党的对外工作提供了根本遵循和行动指南。"
	en1 := "Since the 18th National Congress of the Communist Party of China (CPC) in 2012, General Secretary Xi Jinping has put forward a series of important expositions regarding the Party’s external work, providing fundamental guidance for the conduct thereof."
	zh3 := "（2022年10月20日）"
	en3 := "(October 20, 2022)"
	return []align.Pair{
		{ZH: "", EN: "Material Ⅰ for the press conference of the Press Center for the 20th National Congress of the Communist Party of China", Type: "0-1", Confidence: 0.41, Paragraph: 0, Doc: doc},
		{ZH: "习近平总书记关于党的对外工作的重要论述综述", EN: "The External Work of the Communist Party of China over the Past Decade Under the Guidance of the Important Expositions by General Secretary Xi Jinping: An Overview", Type: "1-1", Confidence: 0.62, Paragraph: 1, Doc: doc, Scores: sc(0.55, 0.7)},
		{ZH: zh3, EN: en3, Type: "1-1", Confidence: 0.97, Paragraph: 2, Doc: doc, Scores: sc(0.9, 1),
			Evidence: []align.Evidence{{Kind: "date", ZHStart: strings.Index(zh3, "2022"), ZHEnd: strings.Index(zh3, "）"), ENStart: 1, ENEnd: len(en3) - 1}}},
		{ZH: zh1, EN: en1, Type: "1-1", Confidence: 0.94, Paragraph: 4, Doc: doc, Scores: sc(0.92, 0.97),
			Evidence: []align.Evidence{
				{Kind: "number", ZHStart: strings.Index(zh1, "十八"), ZHEnd: strings.Index(zh1, "大以来"), ENStart: strings.Index(en1, "18th"), ENEnd: strings.Index(en1, "18th") + 4},
				{Kind: "lexicon", ZHStart: strings.Index(zh1, "习近平"), ZHEnd: strings.Index(zh1, "总书记"), ENStart: strings.Index(en1, "Xi Jinping"), ENEnd: strings.Index(en1, "Xi Jinping") + 10},
			}},
		{ZH: "党的对外工作坚持以习近平外交思想特别是习近平总书记关于党的对外工作的重要论述为指引，锐意进取、开拓创新，不断展现新作为、取得新成就。",
			EN:   "Staying committed to following the guidance of Xi Jinping Thought on Diplomacy and in particular, the important expositions by General Secretary Xi Jinping, the Party’s external work has forged ahead with determined and pioneering efforts. Hence, new strides have been made and new accomplishments have been achieved.",
			Type: "1-2", Confidence: 0.78, Paragraph: 4, Doc: doc, Scores: sc(0.8, 0.75)},
		{ZH: "深刻把握历史方位，明确新时代党的对外工作的时代背景。", EN: "Based on a keen understanding of the historical context, these expositions establish a clear definition of the background for the Party’s external work in the new era.", Type: "1-1", Confidence: 0.91, Paragraph: 6, Doc: doc, Scores: sc(0.9, 0.95)},
		{ZH: "这些重大论断为我们深刻把握中国发展新的历史方位<script>alert(1)</script>提供了坚实依据。", EN: "These <b>major</b> conclusions & \"quotes\" provide a solid basis.", Type: "2-1", Confidence: 0.35, Paragraph: 6, Doc: doc, Scores: sc(0.3, 0.4)},
		{ZH: "深刻把握战略全局，明确新时代党的对外工作的基本定位。", EN: "", Type: "1-0", Confidence: 0.2, Paragraph: 7, Doc: doc},
	}
}

func TestTSV(t *testing.T) {
	tests := []struct {
		name  string
		pairs []align.Pair
		want  string
	}{
		{"none", nil, TSVHeader + "\n"},
		{"plain", []align.Pair{{ZH: "一。", EN: "One.", Type: "1-1", Confidence: 0.9, Paragraph: 2}},
			TSVHeader + "\n一。\tOne.\t0.9000\t1-1\t2\n"},
		{"escapes", []align.Pair{{ZH: "a\tb\nc", EN: `back\slash` + "\r\n", Type: "1-2", Confidence: 0.5}},
			TSVHeader + "\na\\tb\\nc\tback\\\\slash\\r\\n\t0.5000\t1-2\t0\n"},
		{"unpaired", []align.Pair{{ZH: "", EN: "Only English.", Type: "0-1"}},
			TSVHeader + "\n\tOnly English.\t0.0000\t0-1\t0\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			w := NewTSVWriter(&buf)
			for _, p := range tt.pairs {
				if err := w.Write(p); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, buf.String()); diff != "" {
				t.Errorf("TSV mismatch (-want +got):\n%s", diff)
			}
			// every row has 5 columns and the text comes back
			lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
			for i, l := range lines[1:] {
				cols := strings.Split(l, "\t")
				if len(cols) != 5 {
					t.Fatalf("row %d has %d columns", i, len(cols))
				}
				if UnescapeTSV(cols[0]) != tt.pairs[i].ZH || UnescapeTSV(cols[1]) != tt.pairs[i].EN {
					t.Errorf("row %d does not unescape to the pair: %q %q", i, cols[0], cols[1])
				}
			}
		})
	}
}

func TestJSONL(t *testing.T) {
	var buf bytes.Buffer
	w := NewJSONLWriter(&buf)
	pairs := seedPairs()
	pairs = append(pairs, align.Pair{ZH: "坏\xff", EN: "<&>", Type: "1-1", Confidence: nan()})
	for _, p := range pairs {
		if err := w.Write(p); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if w.InvalidUTF8() != 1 {
		t.Errorf("InvalidUTF8() = %d, want 1", w.InvalidUTF8())
	}
	sc := bufio.NewScanner(&buf)
	sc.Buffer(nil, 1<<20)
	i := 0
	for sc.Scan() {
		var r Record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		want := NewRecord(pairs[i])
		if i == len(pairs)-1 {
			want.ZH = "坏\uFFFD"
			if r.Confidence != nil || !strings.Contains(sc.Text(), `"en":"<&>"`) || !strings.Contains(sc.Text(), `"confidence":null`) {
				t.Errorf("last line: %s", sc.Text())
			}
		}
		if diff := cmp.Diff(want, r); diff != "" {
			t.Errorf("line %d mismatch (-want +got):\n%s", i+1, diff)
		}
		i++
	}
	if i != len(pairs) {
		t.Errorf("read %d lines, want %d", i, len(pairs))
	}
}

// TestRecordCoversPair fails when align.Pair gains a field that Record does
// not carry: JSON Lines promises everything in a Pair.
func TestRecordCoversPair(t *testing.T) {
	pt := reflect.TypeOf(align.Pair{})
	rt := reflect.TypeOf(Record{})
	for i := 0; i < pt.NumField(); i++ {
		if _, ok := rt.FieldByName(pt.Field(i).Name); !ok {
			t.Errorf("review.Record has no field for align.Pair.%s", pt.Field(i).Name)
		}
	}
}

func nan() float64 { z := 0.0; return z / z }

func TestMoses(t *testing.T) {
	pairs := []align.Pair{
		{ZH: "一。", EN: "One."},
		{ZH: "", EN: "Orphan."},
		{ZH: "二\n行。", EN: "Two\r\nlines\u2028here."},
		{ZH: "三。", EN: "  "},
		{ZH: "四\v。", EN: "Four\u0085."},
	}
	var zh, en bytes.Buffer
	w := NewMosesWriter(&zh, &en)
	for _, p := range pairs {
		if err := w.Write(p); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff("一。\n二 行。\n四 。\n", zh.String()); diff != "" {
		t.Errorf("zh mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff("One.\nTwo lines here.\nFour .\n", en.String()); diff != "" {
		t.Errorf("en mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(MosesStats{Lines: 3, SkippedEmpty: 2, Newlines: 5}, w.Stats()); diff != "" {
		t.Errorf("Stats() mismatch (-want +got):\n%s", diff)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteErrors(t *testing.T) {
	long := align.Pair{ZH: strings.Repeat("长", 5000), EN: strings.Repeat("long ", 3000)}
	tw := NewTSVWriter(failWriter{})
	jw := NewJSONLWriter(failWriter{})
	mw := NewMosesWriter(failWriter{}, failWriter{})
	tw.Write(long)
	jw.Write(long)
	mw.Write(long)
	for name, err := range map[string]error{"tsv": tw.Flush(), "jsonl": jw.Flush(), "moses": mw.Flush()} {
		if err == nil || !strings.Contains(err.Error(), "disk full") || !strings.HasPrefix(err.Error(), "review: ") {
			t.Errorf("%s: got %v, want the write error", name, err)
		}
	}
	if _, err := WriteHTML(failWriter{}, seedPairs(), HTMLOptions{}); err == nil {
		t.Errorf("WriteHTML to a failing writer = nil error")
	}
}

func FuzzTSVRoundTrip(f *testing.F) {
	f.Add("a\tb", "c\\nd\r\n")
	f.Add("", `\`)
	f.Fuzz(func(t *testing.T, zh, en string) {
		var buf bytes.Buffer
		w := NewTSVWriter(&buf)
		w.Write(align.Pair{ZH: zh, EN: en, Type: "1-1"})
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
		if len(lines) != 2 {
			t.Fatalf("%d lines, want 2", len(lines))
		}
		cols := strings.Split(lines[1], "\t")
		if len(cols) != 5 || UnescapeTSV(cols[0]) != zh || UnescapeTSV(cols[1]) != en {
			t.Fatalf("row %q does not restore %q %q", lines[1], zh, en)
		}
	})
}

func BenchmarkTSV100k(b *testing.B) {
	seed := seedPairs()
	b.ReportAllocs()
	for b.Loop() {
		w := NewTSVWriter(io.Discard)
		for i := 0; i < 100000; i++ {
			w.Write(seed[i%len(seed)])
		}
		w.Flush()
	}
}
