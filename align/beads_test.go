package align_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/bitextlab/zhen/align"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func r(a, b int) align.Range { return align.Range{Start: a, End: b} }

func TestReadWriteBeads(t *testing.T) {
	beads := []align.Bead{
		{ZH: r(0, 0), EN: r(0, 1)},
		{ZH: r(0, 1), EN: r(1, 2)},
		{ZH: r(1, 2), EN: r(2, 4)},
		{ZH: r(2, 3), EN: r(4, 4)},
		{ZH: r(3, 5), EN: r(4, 5)},
	}
	var buf bytes.Buffer
	if err := align.WriteBeads(&buf, beads); err != nil {
		t.Fatal(err)
	}
	want := "[]:[0]\n[0]:[1]\n[1]:[2,3]\n[2]:[]\n[3,4]:[4]\n"
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("WriteBeads() mismatch (-want +got):\n%s", diff)
	}
	got, err := align.ReadBeads(&buf, "beads")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(beads, got); diff != "" {
		t.Errorf("ReadBeads(WriteBeads()) mismatch (-want +got):\n%s", diff)
	}
	// A side with a gap is a reversed range, written back as it was read.
	gap := "[0,2]:[0]\n[1]:[]\n[]:[1]\n"
	got, err = align.ReadBeads(strings.NewReader(gap), "gap")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]align.Bead{{ZH: r(3, 0), EN: r(0, 1)}, {ZH: r(1, 2), EN: r(1, 1)}, {ZH: r(3, 3), EN: r(1, 2)}}, got); diff != "" {
		t.Errorf("ReadBeads(gap) mismatch (-want +got):\n%s", diff)
	}
	buf.Reset()
	if err := align.WriteBeads(&buf, got); err != nil || buf.String() != gap {
		t.Errorf("WriteBeads(ReadBeads(%q)) = %q, %v", gap, buf.String(), err)
	}
	// Spaces and blank lines, as hand-made gold files have them.
	got, err = align.ReadBeads(strings.NewReader(" [0, 1] : [ ] \n\n[2]:[0]\r\n"), "gold")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]align.Bead{{ZH: r(0, 2), EN: r(0, 0)}, {ZH: r(2, 3), EN: r(0, 1)}}, got); diff != "" {
		t.Errorf("ReadBeads(spaced) mismatch (-want +got):\n%s", diff)
	}
}

func TestReadBeadsErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"no colon", "[0] [1]\n", "align: x:1: want [zh ids]:[en ids]"},
		{"no brackets", "0:[1]\n", "align: x:1: Chinese side"},
		{"bad id", "[0]:[a]\n", "align: x:1: English side: bad sentence index"},
		{"negative", "[0]:[1]\n[-1]:[2]\n", "align: x:2: Chinese side"},
		{"descending", "[1]:[3,2]\n", "align: x:1: English side: index 2 after 3"},
		{"huge", "[2147483648]:[0]\n", "align: x:1: Chinese side: bad sentence index"},
		{"repeated", "\n[1,1]:[3]\n", "align: x:2: Chinese side: index 1 after 1"},
		{"invalid UTF-8", "[0]:[\xff]\n", "align: x:1: English side"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := align.ReadBeads(strings.NewReader(tc.in), "x")
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("ReadBeads(%+q) error = %v, want prefix %q", tc.in, err, tc.want)
			}
		})
	}
	if _, err := align.ReadBeads(nil, "x"); err == nil {
		t.Error("ReadBeads(nil) = nil error")
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteBeadsError(t *testing.T) {
	err := align.WriteBeads(failWriter{}, []align.Bead{{ZH: r(0, 1), EN: r(0, 1)}})
	if err == nil || err.Error() != "disk full" {
		t.Errorf("WriteBeads to a failing writer: %v, want the writer's error", err)
	}
}

func TestStrictF1(t *testing.T) {
	gold := "[]:[0]\n[0]:[1]\n[1]:[2,3]\n[2]:[]\n[3]:[4]\n"
	tests := []struct {
		name string
		test string
		want [3]float64 // P, R, F1
	}{
		{"identical", gold, [3]float64{1, 1, 1}},
		// 4 test beads, 3 in the gold ([1]:[2,3], [2]:[] and [3]:[4]); 3
		// gold beads without 1-0/0-1, 2 found. Checked against score.py.
		{"header glued", "[0]:[0,1]\n[1]:[2,3]\n[2]:[]\n[3]:[4]\n", [3]float64{3.0 / 4, 2.0 / 3, 12.0 / 17}},
		// Split 1-2 as 1-1 + 0-1: precision 4/6, recall 2/3 (score.py agrees).
		{"split", "[]:[0]\n[0]:[1]\n[1]:[2]\n[]:[3]\n[2]:[]\n[3]:[4]\n", [3]float64{4.0 / 6, 2.0 / 3, 2.0 / 3}},
		// Duplicate beads count once, as in the set-based original.
		{"duplicates", gold + "[3]:[4]\n", [3]float64{1, 1, 1}},
		{"empty test", "", [3]float64{0, 0, 0}},
		{"empty-empty bead ignored", "[]:[]\n" + gold, [3]float64{1, 1, 1}},
		// An omission matches wherever its empty side is placed.
		// A gold bead with a gap (read as a reversed range) is never
		// found; score.py: P 5/5, R 3/4.
		{"gold with a gap", gold, [3]float64{1, 3.0 / 4, 6.0 / 7}},
		{"omission elsewhere", "[]:[0]\n[0]:[1]\n[1]:[2,3]\n[]:[]\n[3]:[4]\n[2]:[]\n", [3]float64{1, 1, 1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			gs := gold
			if tc.name == "gold with a gap" {
				gs += "[4,6]:[5]\n"
			}
			g, err := align.ReadBeads(strings.NewReader(gs), "gold")
			if err != nil {
				t.Fatal(err)
			}
			tb, err := align.ReadBeads(strings.NewReader(tc.test), tc.name)
			if err != nil {
				t.Fatal(err)
			}
			p, r, f := align.StrictF1(g, tb)
			if diff := cmp.Diff(tc.want, [3]float64{p, r, f}, cmpApprox); diff != "" {
				t.Errorf("StrictF1() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

var cmpApprox = cmp.Comparer(func(a, b float64) bool { d := a - b; return d < 1e-9 && d > -1e-9 })

// FuzzReadBeads checks that ReadBeads never panics and that what it reads
// WriteBeads writes back to the same beads.
func FuzzReadBeads(f *testing.F) {
	f.Add("[]:[0]\n[0]:[1,2]\n[1,2]:[3]\n[3]:[]\n")
	f.Add("[0,2]:[1]\n[1]:[]\n")
	f.Add(" [ 7 , 8 ]:[ ]\r\n\n[x]:[1]")
	f.Add("[99999999999999999999]:[0]")
	f.Add("[9223372036854775807]:[]")
	f.Add("[0]:[1]:[2]\n[\xff]:[]")
	f.Fuzz(func(t *testing.T, in string) {
		beads, err := align.ReadBeads(strings.NewReader(in), "fuzz")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "align: fuzz") {
				t.Fatalf("error %q does not name the input", err)
			}
			return
		}
		var buf bytes.Buffer
		if err := align.WriteBeads(&buf, beads); err != nil {
			t.Fatal(err)
		}
		again, err := align.ReadBeads(&buf, "again")
		if err != nil {
			t.Fatalf("reading back %q: %v", buf.String(), err)
		}
		if diff := cmp.Diff(beads, again, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("ReadBeads(WriteBeads(ReadBeads(%q))) mismatch (-first +again):\n%s", in, diff)
		}
		align.StrictF1(beads, again)
	})
}
