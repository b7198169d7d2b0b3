package align

import (
	"errors"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// unrelatedEN returns English sentences of seed 002 (a text of the same
// genre as seed 001 with no counterpart in it), cycling through them to
// give n.
func unrelatedEN(tb testing.TB, n int) []string {
	tb.Helper()
	b, err := os.ReadFile("../testdata/seeds/002_c618ccbec1cb5b05.txt")
	if err != nil {
		tb.Fatalf("reading seed 002: %v", err)
	}
	var all []string
	for _, l := range strings.Split(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n") {
		if l = strings.TrimSpace(l); len(l) > 80 {
			all = append(all, splitEN(l)...)
		}
	}
	if len(all) < 20 {
		tb.Fatalf("seed 002: %d English sentences, want at least 20", len(all))
	}
	out := make([]string, n)
	for k := range out {
		out[k] = all[k%len(all)]
	}
	return out
}

// offTopicEN are English sentences about nothing in the seeds.
var offTopicEN = []string{
	"The orchard behind the old mill produces small, sour apples that are best used for cider.",
	"Every spring the river floods the lower meadow, and the cows are moved to the hill pasture.",
	"She repaired the bicycle chain with a borrowed tool and rode to the lighthouse before dawn.",
	"A good sourdough starter needs flour, water, patience and a warm corner of the kitchen.",
	"The museum's collection of pocket watches was donated by a retired railway engineer.",
	"Owls hunt mostly at night, locating mice by sound even under a layer of snow.",
	"The recipe calls for two cups of rice, a pinch of saffron and a handful of peas.",
	"Our neighbour's dog barks at the postman but sleeps through thunderstorms.",
	"Knitting a sweater by hand can take a beginner several months of evenings.",
	"The tide pools at the far end of the beach are full of crabs and small anemones.",
	"He painted the fence blue, then decided he preferred the old green after all.",
	"Bees visit the lavender all afternoon and ignore the roses by the gate.",
}

// offTopic returns n off-topic English sentences, cycling.
func offTopic(n int) []string {
	out := make([]string, n)
	for k := range out {
		out[k] = offTopicEN[k%len(offTopicEN)]
	}
	return out
}

func TestScoreCountsOmissionsAsZero(t *testing.T) {
	zh := []string{"中国经济保持稳定增长。", "我们欢迎各国朋友。"}
	en := []string{"China's economy keeps growing steadily.", "We welcome friends from all countries.", "Unrelated line."}
	a := &Aligner{}
	r := a.newRun(zh, en, a.priors(), true)
	beads := []Bead{
		{ZH: Range{0, 1}, EN: Range{0, 1}, Confidence: 0.8},
		{ZH: Range{1, 2}, EN: Range{1, 2}, Confidence: 0.8},
		{ZH: Range{2, 2}, EN: Range{2, 3}, Confidence: 0.7}, // an omission, however confident
	}
	got := r.score(beads)
	w := func(b Bead) float64 {
		return r.zcum[b.ZH.End] - r.zcum[b.ZH.Start] + (r.ecum[b.EN.End]-r.ecum[b.EN.Start])/r.c
	}
	want := 0.8 * (w(beads[0]) + w(beads[1])) / (w(beads[0]) + w(beads[1]) + w(beads[2]))
	if math.Abs(got-want) > 1e-12 {
		t.Errorf("score() = %.6f, want %.6f (the 0-1 bead counting 0)", got, want)
	}
}

// TestScoreDoesNotRiseWithUnrelatedSide aligns one Chinese sentence with
// more and more unrelated English lines: the score must not grow with
// them, and the pair must be refused at every size (it rose from 0.03 to
// 0.41 and passed the threshold at 200 lines when each 0-1 bead counted
// its own confidence).
func TestScoreDoesNotRiseWithUnrelatedSide(t *testing.T) {
	zp, _ := seedBody(t)
	zh := splitZH(zp[2])[:1]
	prev := math.Inf(1)
	for _, k := range []int{3, 10, 50, 200} {
		t.Run(itoa(k), func(t *testing.T) {
			al, err := (&Aligner{}).AlignSentences(zh, offTopic(k))
			if !errors.Is(err, ErrNotParallel) {
				t.Errorf("1 sentence against %d unrelated lines: error %v, want ErrNotParallel", k, err)
			}
			if al.Score > prev+1e-9 {
				t.Errorf("score %.3f with %d unrelated lines, above %.3f with fewer", al.Score, k, prev)
			}
			prev = al.Score
		})
	}
}

// TestMostlyUnrelatedRefused aligns documents whose English holds the
// translation of a few paragraphs, each followed by many lines of another
// text on the same subject.
func TestMostlyUnrelatedRefused(t *testing.T) {
	zp, ep := seedBody(t)
	u := unrelatedEN(t, 400)
	for _, k := range []int{2, 3, 5} {
		t.Run(itoa(k), func(t *testing.T) {
			var zh, en []string
			for p := 0; p < k; p++ {
				zh = append(zh, splitZH(zp[p])...)
				en = append(en, splitEN(ep[p])...)
				en = append(en, u[p*10:(p+1)*10]...)
			}
			if al, err := (&Aligner{}).AlignSentences(zh, en); !errors.Is(err, ErrNotParallel) {
				t.Errorf("%d translated paragraphs, each followed by 10 unrelated lines: score %.3f, error %v, want ErrNotParallel", k, al.Score, err)
			}
		})
	}
}

// TestUnrelatedExtrasSplit aligns a Chinese paragraph (as one unit) with
// its English translation (one unit) followed by four unrelated lines
// (off-topic, or from another text on the same subject): the result must
// be the 1-1 pair and four 0-1 beads, not a 1-N pair.
func TestUnrelatedExtrasSplit(t *testing.T) {
	zp, ep := seedBody(t)
	for _, tt := range []struct {
		p       int
		subject bool // the unrelated lines are on the same subject
	}{{2, false}, {9, false}, {14, false}, {4, true}, {12, true}} {
		t.Run(itoa(tt.p), func(t *testing.T) {
			extra := offTopic(4 + tt.p)[tt.p:]
			if tt.subject {
				extra = unrelatedEN(t, 4+tt.p)[tt.p:]
			}
			en := append([]string{ep[tt.p]}, extra...)
			al, _ := (&Aligner{Force: true}).AlignSentences([]string{zp[tt.p]}, en)
			var got []string
			for _, b := range al.Beads {
				got = append(got, b.Type())
			}
			want := []string{"1-1", "0-1", "0-1", "0-1", "0-1"}
			if diff := cmp.Diff(want, got); diff != "" || al.Beads[0].EN != (Range{0, 1}) {
				t.Errorf("bead types mismatch (-want +got):\n%s\nbeads: %v", diff, al.Beads)
			}
		})
	}
}
