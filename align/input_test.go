package align_test

import (
	"context"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/bitextlab/zhen/align"
	"github.com/bitextlab/zhen/segment"
	"github.com/google/go-cmp/cmp"
)

var (
	sampleZH = []string{"党的十八大以来，我们加强了合作。", "我们举办了14场宣介会。"}
	sampleEN = []string{"Since the 18th National Congress, we have strengthened cooperation.", "We hosted 14 briefings."}
)

func TestAlignSentencesInput(t *testing.T) {
	tests := []struct {
		name   string
		zh, en []string
		is     error  // nil: no error
		msg    string // a part of the message
	}{
		{"good", sampleZH, sampleEN, nil, ""},
		{"empty Chinese", []string{sampleZH[0], "", sampleZH[1]}, sampleEN, align.ErrEmptySentence, "Chinese sentence 1 is empty"},
		{"blank English", sampleZH, []string{" \u3000\t", sampleEN[1]}, align.ErrEmptySentence, "English sentence 0 is empty"},
		{"English as Chinese", sampleEN, sampleEN, align.ErrWrongLanguage, `Chinese sentences are English (0 hanzi, 72 Latin letters; sentence 0: "Since the 18th`},
		{"swapped", sampleEN, sampleZH, align.ErrWrongLanguage, "are the two sides swapped?"},
		{"Chinese as English", sampleZH, sampleZH, align.ErrWrongLanguage, "English sentences are Chinese (23 hanzi, 0 Latin letters; sentence 0"},
		// A name left in English in the Chinese text is not an error.
		{"one English line", append([]string{"Jack Hirshleifer"}, sampleZH...), sampleEN, nil, ""},
		{"invalid UTF-8", []string{"\xff\xfe我们。"}, []string{"We \xff."}, nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			al, err := (&align.Aligner{Force: true}).AlignSentences(tc.zh, tc.en)
			if tc.is == nil {
				if err != nil || al == nil {
					t.Fatalf("AlignSentences() = %v, %v; want an alignment", al, err)
				}
				return
			}
			if !errors.Is(err, tc.is) || !strings.Contains(err.Error(), tc.msg) || !strings.HasPrefix(err.Error(), "align: ") {
				t.Errorf("AlignSentences() error = %v, want %v with %q", err, tc.is, tc.msg)
			}
			if al != nil {
				t.Errorf("AlignSentences() returned an alignment with error %v", err)
			}
		})
	}
}

// nilScorer prepares no Scoring.
type nilScorer struct{}

func (nilScorer) Name() string                          { return "nil" }
func (nilScorer) Prepare(zh, en []string) align.Scoring { return nil }

func TestAlignerSettings(t *testing.T) {
	docZH := &segment.Document{Lang: segment.Chinese, Text: sampleZH[0],
		Paragraphs: []segment.Paragraph{{Span: segment.Span{Start: 0, End: len(sampleZH[0])}, Sentences: []segment.Span{{Start: 0, End: len(sampleZH[0])}}}}}
	docEN := &segment.Document{Lang: segment.English, Text: sampleEN[0],
		Paragraphs: []segment.Paragraph{{Span: segment.Span{Start: 0, End: len(sampleEN[0])}, Sentences: []segment.Span{{Start: 0, End: len(sampleEN[0])}}}}}
	tests := []struct {
		name string
		a    align.Aligner
		msg  string // "": no error
	}{
		{"zero", align.Aligner{}, ""},
		{"threshold NaN", align.Aligner{Threshold: math.NaN()}, "align: Aligner.Threshold is NaN"},
		{"threshold negative", align.Aligner{Threshold: -1}, ""},
		{"nil scorer", align.Aligner{Scorers: []align.Scorer{nil}}, "align: Aligner.Scorers[0] is nil"},
		{"nil after length", align.Aligner{Scorers: []align.Scorer{align.LengthScorer{}, nil}}, "align: Aligner.Scorers[1] is nil"},
		{"nil scoring", align.Aligner{Scorers: []align.Scorer{align.LengthScorer{}, nilScorer{}}}, `align: scorer "nil" (Scorers[1]) prepared a nil Scoring`},
		{"prior NaN", align.Aligner{Priors: map[align.BeadType]float64{{ZH: 1, EN: 1}: 1, {ZH: 1, EN: 2}: math.NaN()}}, "align: Aligner.Priors[1-2] is NaN: want a probability"},
		{"paragraph prior +Inf", align.Aligner{ParagraphPriors: map[align.BeadType]float64{{ZH: 1, EN: 1}: math.Inf(1)}}, "align: Aligner.ParagraphPriors[1-1] is +Inf: want a probability"},
		{"prior negative", align.Aligner{Priors: map[align.BeadType]float64{{ZH: 1, EN: 1}: 1, {ZH: 2, EN: 1}: -1}}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := tc.a
			a.Force = true
			_, err1 := a.AlignSentences(sampleZH[:1], sampleEN[:1])
			_, err2 := a.Align(docZH, docEN)
			for _, err := range []error{err1, err2} {
				if tc.msg == "" && err != nil {
					t.Errorf("error %v, want none", err)
				}
				if tc.msg != "" && (err == nil || err.Error() != tc.msg) {
					t.Errorf("error %v, want %q", err, tc.msg)
				}
			}
		})
	}
}

// TestThresholdNaNNeverPasses checks that a NaN threshold does not let an
// unrelated pair through as the zero threshold would not.
func TestThresholdNaNNeverPasses(t *testing.T) {
	al, err := (&align.Aligner{Threshold: math.NaN()}).AlignSentences([]string{"今天天气很好。"}, []string{"The committee approved the budget for 2023."})
	if err == nil || al != nil {
		t.Errorf("Threshold NaN: %v, %v; want an error and no alignment", al, err)
	}
}

func TestPairsOutOfRange(t *testing.T) {
	al, err := (&align.Aligner{Force: true}).AlignSentences(sampleZH, sampleEN)
	if err != nil {
		t.Fatal(err)
	}
	al.Beads = append(al.Beads,
		align.Bead{ZH: r(1, 9), EN: r(-3, 1)},
		align.Bead{ZH: r(7, 8), EN: r(5, 2)},
		align.Bead{ZH: r(2, 1), EN: r(-1, -1)})
	al.Paragraphs = append(al.Paragraphs, align.Bead{ZH: r(-1, 5), EN: r(3, 4)})
	ps := al.Pairs()
	n := len(ps)
	want := []align.Pair{
		{ZH: sampleZH[1], EN: sampleEN[0], Type: "1-1"},
		{Type: "0-0"},
		{Type: "0-0"},
	}
	if diff := cmp.Diff(want, ps[n-3:]); diff != "" {
		t.Errorf("Pairs() of out-of-range beads mismatch (-want +got):\n%s", diff)
	}
	pp := al.ParagraphPairs()
	if got := pp[len(pp)-1]; got.ZH != strings.Join(sampleZH, "") || got.EN != "" {
		t.Errorf("ParagraphPairs() of an out-of-range bead = %+v", got)
	}
	k := 0
	for p := range al.All() {
		if diff := cmp.Diff(ps[k], p); diff != "" {
			t.Errorf("All() pair %d mismatch (-Pairs +All):\n%s", k, diff)
		}
		k++
	}
	if k != n {
		t.Errorf("All() yielded %d pairs, Pairs() %d", k, n)
	}
}

func TestAllStops(t *testing.T) {
	al, err := (&align.Aligner{Force: true}).AlignSentences(sampleZH, sampleEN)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for range al.All() {
		n++
		break
	}
	if n != 1 {
		t.Errorf("All() after break: %d pairs, want 1", n)
	}
}

func TestDefaultPriorsCopy(t *testing.T) {
	p := align.DefaultPriors()
	clear(p)
	q := align.DefaultParagraphPriors()
	q[align.BeadType{ZH: 1, EN: 1}] = 0
	if len(align.DefaultPriors()) != 13 || align.DefaultParagraphPriors()[align.BeadType{ZH: 1, EN: 1}] != 0.86 {
		t.Error("changing the returned maps changed the defaults")
	}
}

func TestAlignContext(t *testing.T) {
	zh, en := readLines(t, pressZH), readLines(t, pressEN)
	var lzh, len_ []string
	for range 30 { // a long document: the search checks the context per bead
		lzh = append(lzh, zh...)
		len_ = append(len_, en...)
	}
	t.Run("done before", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		al, err := (&align.Aligner{}).AlignSentencesContext(ctx, zh, en)
		if !errors.Is(err, context.Canceled) || al != nil || !strings.HasPrefix(err.Error(), "align: ") {
			t.Errorf("AlignSentencesContext(cancelled) = %v, %v; want align: context canceled", al, err)
		}
	})
	t.Run("cancelled while aligning", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		calls := 0
		a := &align.Aligner{Progress: func(done, total int) {
			if calls++; calls == 1 {
				cancel()
			}
		}}
		start := time.Now()
		al, err := a.AlignSentencesContext(ctx, lzh, len_)
		if !errors.Is(err, context.Canceled) || al != nil {
			t.Errorf("AlignSentencesContext() = %v, %v; want context canceled", al, err)
		}
		t.Logf("stopped after %v", time.Since(start))
	})
	t.Run("documents", func(t *testing.T) {
		var sg segment.Segmenter
		dz, err := sg.Monolingual("zh.txt", []byte(strings.Join(zh, "\n\n")), segment.Chinese)
		if err != nil {
			t.Fatal(err)
		}
		de, err := sg.Monolingual("en.txt", []byte(strings.Join(en, "\n\n")), segment.English)
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), time.Hour)
		defer cancel()
		al, err := (&align.Aligner{}).AlignContext(ctx, dz, de)
		if err != nil || len(al.Beads) == 0 {
			t.Fatalf("AlignContext() = %v", err)
		}
		ctx, cancel2 := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
		defer cancel2()
		if _, err := (&align.Aligner{}).AlignContext(ctx, dz, de); !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("AlignContext(past deadline) error = %v", err)
		}
	})
}
