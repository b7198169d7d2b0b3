package main

// The translator's loop end to end: press2tmx -format jsonl, the pairs
// corrected by hand (as the review page exports them), press2tmx -pairs
// back to a TMX that holds exactly the corrected pairs.

import (
	"encoding/json"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bitextlab/zhen/align"
	"github.com/bitextlab/zhen/align/review"
	"github.com/bitextlab/zhen/align/tmx"
	"github.com/bitextlab/zhen/internal/testenv"
)

// unit is what the test compares of a TU.
type unit struct{ ZH, EN, Confidence, State string }

func TestEditedPairsToTMX(t *testing.T) {
	code, out, errs := runCmd(t, "", "-format", "jsonl")
	if code != exitOK {
		t.Fatalf("-format jsonl: exit %d, stderr:\n%s", code, errs)
	}
	var recs []review.Record
	for n, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		var r review.Record
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("jsonl line %d: %v", n+1, err)
		}
		recs = append(recs, r)
	}
	// find the pairs to edit by their text, so that the test does not
	// depend on where the aligner put the 0-1 heading
	find := func(zhPrefix string) int {
		for i, r := range recs {
			if strings.HasPrefix(r.ZH, zhPrefix) {
				return i
			}
		}
		t.Fatalf("no pair starts with %q", zhPrefix)
		return -1
	}
	date, dept := find("（2022年10月20日）"), find("中共中央对外联络部")
	recs[date].EN, recs[date].State = "(20 October 2022)", align.StateEdited
	// merge the department line with the pair after it into one record
	next := recs[dept+1]
	recs[dept].ZH += next.ZH
	recs[dept].EN += " " + next.EN
	recs[dept].Type, recs[dept].State = "2-2", align.StateEdited
	recs = append(recs[:dept+1], recs[dept+2:]...)
	body := find("党的十八大以来")
	recs[body].State = align.StateConfirmed

	var edited strings.Builder
	var want []unit
	for _, r := range recs {
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		edited.Write(append(b, '\n'))
		if r.ZH == "" || r.EN == "" {
			continue // no unit for a sentence with no counterpart
		}
		u := unit{ZH: r.ZH, EN: r.EN, State: r.State, Confidence: "1"}
		if r.State == "" {
			u.Confidence = confString(*r.Confidence)
		}
		want = append(want, u)
	}
	p := writeFile(t, "p.jsonl", []byte(edited.String()))
	tmxPath := strings.TrimSuffix(p, ".jsonl") + ".tmx"
	if code, _, errs := runCmd(t, "", "-pairs", p, "-o", tmxPath); code != exitOK {
		t.Fatalf("-pairs: exit %d, stderr:\n%s", code, errs)
	}
	_, tus, err := tmx.ReadAll(strings.NewReader(string(readFile(t, tmxPath))))
	if err != nil {
		t.Fatalf("output does not read back as TMX: %v", err)
	}
	var got []unit
	for _, tu := range tus {
		zh, _ := tu.Variant("zh-CN")
		en, _ := tu.Variant("en-US")
		c, _ := tu.Prop("x-confidence")
		s, _ := tu.Prop("x-state")
		got = append(got, unit{ZH: zh.Text, EN: en.Text, Confidence: c, State: s})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("TMX units mismatch (-want +got):\n%s", diff)
	}
	if len(got) != len(recs)-1 {
		t.Errorf("%d units for %d records (one of them 0-1)", len(got), len(recs))
	}
	xmllint := testenv.Path(t, "xmllint", "apt-get install libxml2-utils")
	if b, err := exec.Command(xmllint, "--noout", "--dtdvalid", "../../testdata/tmx/tmx14.dtd", tmxPath).CombinedOutput(); err != nil {
		t.Errorf("xmllint rejects the TMX: %v\n%s", err, b)
	}
}

// confString formats a confidence as the TMX writer does: four decimals,
// trailing zeros dropped.
func confString(c float64) string {
	return strings.TrimRight(strings.TrimRight(strconv.FormatFloat(c, 'f', 4, 64), "0"), ".")
}

// TestRulesOmegaT: -rules omegat writes one pair per segment OmegaT makes
// of the press release's Chinese block: 53 with sentence segmentation, two
// (the heading block and the body) with it off. The heading lines are
// joined as OmegaT joins them; the default rules keep them apart.
func TestRulesOmegaT(t *testing.T) {
	const headingText = "习近平总书记关于党的对外工作的重要论述\n和十年来党的对外工作主要情况\n（2022年10月20日）\n中共中央对外联络部"
	tests := []struct {
		args        []string
		wantPairs   int // with text on both sides
		wantHeading bool
	}{
		{[]string{"-rules", "omegat"}, 53, true},
		{[]string{"-rules", "omegat", "-level", "paragraph"}, 2, true}, // the heading block, the body
		{[]string{"-rules", "default"}, 55, false},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, out, errs := runCmd(t, "", append(tt.args, "-format", "jsonl")...)
			if code != exitOK {
				t.Fatalf("exit %d, stderr:\n%s", code, errs)
			}
			n, heading := 0, false
			for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
				var r review.Record
				if err := json.Unmarshal([]byte(line), &r); err != nil {
					t.Fatal(err)
				}
				if r.ZH != "" && r.EN != "" {
					n++
				}
				heading = heading || r.ZH == headingText
			}
			if n != tt.wantPairs || heading != tt.wantHeading {
				t.Errorf("%d pairs, heading unit %v; want %d, %v", n, heading, tt.wantPairs, tt.wantHeading)
			}
		})
	}
}
