package review

import (
	"bytes"
	"math"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"github.com/bitextlab/zhen/align"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestReadPairs(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    []align.Pair
		wantErr string
	}{
		{"jsonl states", `{"zh":"甲。","en":"A.","type":"1-1","confidence":0.4,"paragraph":2,"doc":"d.txt","state":"confirmed"}` + "\n" +
			`{"zh":"乙。丙。","en":"B and C.","type":"2-1","confidence":1,"paragraph":2,"state":"edited"}` + "\n" +
			`{"zh":"丁。","en":"D.","type":"1-1","confidence":0.3,"paragraph":3,"scores":[{"scorer":"length","value":0.3,"weight":1}],"evidence":[{"kind":"latin","zh_start":0,"zh_end":3,"en_start":0,"en_end":1}]}` + "\n",
			[]align.Pair{
				{ZH: "甲。", EN: "A.", Type: "1-1", Confidence: 1, Paragraph: 2, Doc: "d.txt", State: align.StateConfirmed},
				{ZH: "乙。丙。", EN: "B and C.", Type: "2-1", Confidence: 1, Paragraph: 2, State: align.StateEdited},
				{ZH: "丁。", EN: "D.", Type: "1-1", Confidence: 0.3, Paragraph: 3, Scores: []align.Score{{Scorer: "length", Value: 0.3, Weight: 1}},
					Evidence: []align.Evidence{{Kind: "latin", ZHStart: 0, ZHEnd: 3, ENStart: 0, ENEnd: 1}}},
			}, ""},
		{"jsonl null confidence, no type, BOM, CRLF, blank lines", "\uFEFF\r\n" + `{"zh":"","en":"Only.","confidence":null,"paragraph":0}` + "\r\n\r\n",
			[]align.Pair{{EN: "Only.", Type: "0-1", Confidence: math.NaN()}}, ""},
		{"jsonl unknown state", `{"zh":"甲。","en":"A.","state":"maybe"}`, nil, `review: in.txt:1: unknown state "maybe"`},
		{"jsonl broken line", `{"zh":"甲。","en":"A."}` + "\n" + `{"zh":"乙`, nil, "review: in.txt:2: not a JSON Lines record"},
		{"jsonl not an object later", `{"zh":"甲。","en":"A."}` + "\n\n" + "甲\tA", nil, "review: in.txt:3: not a JSON Lines record"},
		{"jsonl two values", `{"zh":"甲。","en":"A."} {"zh":"x"}`, nil, "review: in.txt:1: more than one JSON value"},
		{"jsonl empty pair", `{"zh":"","en":""}`, nil, "review: in.txt:1: no text on either side"},
		{"two columns", "甲。\tA.\n\n乙。\t\n\tC.\n",
			[]align.Pair{{ZH: "甲。", EN: "A.", Type: "1-1", Confidence: 1}, {ZH: "乙。", Type: "1-0", Confidence: 1}, {EN: "C.", Type: "0-1", Confidence: 1}}, ""},
		{"two columns taken literally", `C:\new` + "\t" + `a\tb`, []align.Pair{{ZH: `C:\new`, EN: `a\tb`, Type: "1-1", Confidence: 1}}, ""},
		{"two columns, no final line end, CRLF", "甲。\tA.\r\n乙。\tB.", []align.Pair{{ZH: "甲。", EN: "A.", Type: "1-1", Confidence: 1}, {ZH: "乙。", EN: "B.", Type: "1-1", Confidence: 1}}, ""},
		{"three columns", "甲。\tA.\tx\n", nil, "review: in.txt:1: 3 tab-separated columns"},
		{"one column", "甲。\tA.\n乙。\n", nil, "review: in.txt:2: 1 tab-separated columns"},
		{"invalid UTF-8", "甲。\tA.\n乙\xff。\tB.\n", nil, "review: in.txt:2: invalid UTF-8 at byte 3"},
		{"five columns need the header", "甲。\tA.\t0.5\t1-1\t0\n", nil, "review: in.txt:1: 5 columns but no header"},
		{"TSVWriter output", TSVHeader + "\n" + `a\tb\\c` + "\t" + `line\nbreak` + "\t0.4500\t1-2\t3\n\tE.\tNaN\t0-1\t3\n",
			[]align.Pair{{ZH: "a\tb\\c", EN: "line\nbreak", Type: "1-2", Confidence: 0.45, Paragraph: 3}, {EN: "E.", Type: "0-1", Confidence: math.NaN(), Paragraph: 3}}, ""},
		{"TSV two columns after the header are unescaped", TSVHeader + "\n" + `a\tb` + "\tB\n", []align.Pair{{ZH: "a\tb", EN: "B", Type: "1-1", Confidence: 1}}, ""},
		{"TSV bad confidence", TSVHeader + "\n甲\tA\thigh\t1-1\t0\n", nil, `review: in.txt:2: confidence column "high"`},
		{"TSV bad paragraph", TSVHeader + "\n甲\tA\t0.5\t1-1\tx\n", nil, `review: in.txt:2: paragraph column "x"`},
		{"empty input", "", nil, ""},
		{"only the header", TSVHeader + "\n", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadPairs(strings.NewReader(tt.in), "in.txt")
			if tt.wantErr != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tt.wantErr) {
					t.Fatalf("ReadPairs() error = %v, want %q…", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateNaNs(), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("ReadPairs() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadPairsReadError(t *testing.T) {
	_, err := ReadPairs(iotest.ErrReader(iotest.ErrTimeout), "p.jsonl")
	if err == nil || !strings.Contains(err.Error(), "p.jsonl:1") {
		t.Errorf("error = %v, want one naming p.jsonl:1", err)
	}
	if _, err := ReadPairs(nil, "p.jsonl"); err == nil {
		t.Errorf("ReadPairs(nil) = nil error")
	}
}

// TestReadPairsRoundTrip: what JSONLWriter and TSVWriter write comes back.
func TestReadPairsRoundTrip(t *testing.T) {
	pairs := seedPairs()
	pairs[2].State = align.StateConfirmed
	var jl, tv bytes.Buffer
	jw, tw := NewJSONLWriter(&jl), NewTSVWriter(&tv)
	for _, p := range pairs {
		jw.Write(p)
		tw.Write(p)
	}
	if err := jw.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := tw.Flush(); err != nil {
		t.Fatal(err)
	}
	want := append([]align.Pair(nil), pairs...)
	want[2].Confidence = 1 // confirmed
	got, err := ReadPairs(&jl, "p.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("JSONL round trip mismatch (-want +got):\n%s", diff)
	}
	got, err = ReadPairs(&tv, "p.tsv")
	if err != nil {
		t.Fatal(err)
	}
	for i := range want {
		want[i].Doc, want[i].Scores, want[i].Evidence, want[i].State = "", nil, nil, ""
		want[i].Confidence = pairs[i].Confidence
	}
	if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("TSV round trip mismatch (-want +got):\n%s", diff)
	}
}

// FuzzReadPairs: ReadPairs never panics, and what JSONLWriter and TSVWriter
// write of a pair comes back with the same text.
func FuzzReadPairs(f *testing.F) {
	f.Add("甲。\tA.\n", "乙", "B\tb\\n", "edited")
	f.Add(TSVHeader+"\n\\t\tx\t0.5\t1-1\t0\n", "", "E.", "")
	f.Fuzz(func(t *testing.T, raw, zh, en, state string) {
		ReadPairs(strings.NewReader(raw), "raw") // must not panic
		if !utf8.ValidString(zh) || !utf8.ValidString(en) || zh == "" && en == "" {
			return
		}
		if state != align.StateConfirmed && state != align.StateEdited {
			state = ""
		}
		p := align.Pair{ZH: zh, EN: en, Type: "1-1", Confidence: 0.5, State: state}
		var jl, tv bytes.Buffer
		jw, tw := NewJSONLWriter(&jl), NewTSVWriter(&tv)
		jw.Write(p)
		tw.Write(p)
		if jw.Flush() != nil || tw.Flush() != nil {
			t.Fatal("write failed")
		}
		for name, in := range map[string]*bytes.Buffer{"jsonl": &jl, "tsv": &tv} {
			got, err := ReadPairs(in, name)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if len(got) != 1 || got[0].ZH != zh || got[0].EN != en {
				t.Fatalf("%s: read back %+v, want %q %q", name, got, zh, en)
			}
		}
	})
}
