package segment

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/bitextlab/zhen/internal/testenv"
)

// The OmegaT tests compare OmegaTSegments with what OmegaT 3.6 itself makes
// of the same files. Inputs: the probe texts in testdata/sentences/omegat
// (zh-*.txt are run with source language zh-CN, en-*.txt with en-US; each
// probes one behaviour, written for this project) and the seeds (seed 000
// and 003, seed 001's Chinese block: zh-CN; seed 001's English block and
// seed 002: en-US). OmegaT lists each distinct segment once and in no useful
// order, so the comparison is between sets of segments, per language.
//
// TestOmegaTGolden compares with OmegaT's segments recorded in
// testdata/sentences/omegat/{zh,en}.omegat.json (pure Go, always runs).
// TestOmegaTLive runs OmegaT (java -jar /usr/share/omegat/OmegaT.jar, or
// $OMEGAT_JAR) headless on the same inputs and compares with its output;
// it skips when java or OmegaT is missing, and fails then when $CI is set.
// go test -run TestOmegaTLive -update-omegat rewrites the recorded files.

var updateOmegaT = flag.Bool("update-omegat", false, "rewrite testdata/sentences/omegat/*.omegat.json from a live OmegaT run")

type omegaTInput struct {
	name string
	text string
}

// omegaTInputs returns the inputs for one project language ("zh" or "en").
func omegaTInputs(t *testing.T, lang string) []omegaTInput {
	t.Helper()
	dir := filepath.Join("..", "testdata", "sentences", "omegat")
	files, err := filepath.Glob(filepath.Join(dir, lang+"-*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no probe files in %s: %v", dir, err)
	}
	var in []omegaTInput
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		in = append(in, omegaTInput{filepath.Base(f), string(b)})
	}
	seed := func(name string) string {
		b, err := os.ReadFile(filepath.Join("..", "testdata", "seeds", name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	s001 := seed("001_38bdb1c42bebbece.txt")
	cut := strings.Index(s001, "Material Ⅰ for the press conference")
	if cut < 0 {
		t.Fatal("seed 001: English block not found")
	}
	if lang == "zh" {
		in = append(in,
			omegaTInput{"seed000", seed("000_6b3897585427d446.txt")},
			omegaTInput{"seed001zh", s001[:cut]},
			omegaTInput{"seed003", seed("003_fde2822e310dd5d8.txt")})
	} else {
		in = append(in,
			omegaTInput{"seed001en", s001[cut:]},
			omegaTInput{"seed002", seed("002_c618ccbec1cb5b05.txt")})
	}
	return in
}

// ourOmegaTSegments is the sorted set of OmegaTSegments over the inputs.
func ourOmegaTSegments(in []omegaTInput, lang string) []string {
	l := English
	if lang == "zh" {
		l = Chinese
	}
	var all []string
	for _, x := range in {
		all = append(all, OmegaTSegments(x.text, l)...)
	}
	slices.Sort(all)
	return slices.Compact(all)
}

func omegaTGoldenPath(lang string) string {
	return filepath.Join("..", "testdata", "sentences", "omegat", lang+".omegat.json")
}

func TestOmegaTGolden(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		t.Run(lang, func(t *testing.T) {
			b, err := os.ReadFile(omegaTGoldenPath(lang))
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			if err := json.Unmarshal(b, &want); err != nil {
				t.Fatalf("%s: %v", omegaTGoldenPath(lang), err)
			}
			got := ourOmegaTSegments(omegaTInputs(t, lang), lang)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("OmegaTSegments() vs recorded OmegaT segments mismatch (-omegat +ours):\n%s", diff)
			}
		})
	}
}

func TestOmegaTLive(t *testing.T) {
	o := testenv.RequireOmegaT(t)
	if testing.Short() && !*updateOmegaT {
		t.Skip("runs OmegaT (about 10 s); not in -short mode")
	}
	for _, lang := range []string{"zh", "en"} {
		t.Run(lang, func(t *testing.T) {
			in := omegaTInputs(t, lang)
			theirs := runOmegaT(t, o, lang, in)
			if *updateOmegaT {
				b, _ := json.MarshalIndent(theirs, "", "  ")
				if err := os.WriteFile(omegaTGoldenPath(lang), append(b, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			got := ourOmegaTSegments(in, lang)
			if diff := cmp.Diff(theirs, got); diff != "" {
				t.Errorf("OmegaTSegments() vs OmegaT mismatch (-omegat +ours):\n%s", diff)
			}
		})
	}
}

// runOmegaT builds a throwaway OmegaT project with the inputs as source
// files, has OmegaT write a pseudo-translated TMX (one TU per segment, the
// target equal to the source) and returns the sorted set of its segments.
func runOmegaT(t *testing.T, o testenv.OmegaT, lang string, in []omegaTInput) []string {
	t.Helper()
	files := map[string][]byte{}
	for i, x := range in {
		// *.utf8: OmegaT's text filter reads it as UTF-8 whatever the locale
		name := fmt.Sprintf("source/%02d-%s.utf8", i, strings.TrimSuffix(x.name, ".txt"))
		files[name] = []byte(x.text)
	}
	src, tgt := "en-US", "zh-CN"
	if lang == "zh" {
		src, tgt = tgt, src
	}
	dir := t.TempDir()
	p, err := o.NewProject(dir, src, tgt, files)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.tmx")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	log, err := p.PseudoTMX(ctx, out)
	if err != nil {
		t.Fatalf("OmegaT: %v", err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("OmegaT wrote no TMX: %v\n%s", err, testenv.OmegaTLogTail(log))
	}
	var tmx struct {
		TUs []struct {
			TUVs []struct {
				Seg string `xml:"seg"`
			} `xml:"tuv"`
		} `xml:"body>tu"`
	}
	if err := xml.Unmarshal(b, &tmx); err != nil {
		t.Fatalf("OmegaT's TMX: %v", err)
	}
	var segs []string
	for _, tu := range tmx.TUs {
		if len(tu.TUVs) > 0 {
			segs = append(segs, tu.TUVs[0].Seg)
		}
	}
	if len(segs) == 0 {
		t.Fatalf("OmegaT's TMX has no segments\n%s", testenv.OmegaTLogTail(log))
	}
	slices.Sort(segs)
	return slices.Compact(segs)
}

func TestOmegaTParagraphs(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"blank line", "甲\n\n乙", []string{"甲", "乙"}},
		{"line break inside", "标题\n正文。", []string{"标题\n正文。"}},
		{"line of spaces is not empty", "甲\n  \n乙", []string{"甲\n  \n乙"}},
		{"indented line", "甲\n  乙\n丙", []string{"甲\n  乙\n丙"}},
		{"three line breaks", "甲\n\n\n乙", []string{"甲", "乙"}},
		{"trimmed with no-break space", "\u00a0甲\u00a0\n\n\n", []string{"甲"}},
		{"empty", "", nil},
		{"only newlines", "\n\n\n", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, p := range OmegaTParagraphs(tc.in) {
				got = append(got, p.In(tc.in))
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("OmegaTParagraphs(%q) mismatch (-want +got):\n%s", tc.in, diff)
			}
		})
	}
}

func TestOmegaTSegments(t *testing.T) {
	tests := []struct {
		name string
		in   string
		lang Lang
		want []string
	}{
		{"closer keeps Chinese sentence together", "他说：“我们要开放。”随后他离开了。", Chinese, []string{"他说：“我们要开放。”随后他离开了。"}},
		{"run is cut", "真的吗？！不会吧。", Chinese, []string{"真的吗？", "！", "不会吧。"}},
		{"CR LF read as LF", "标题\r\n正文。\r\n\r\n下一段。", Chinese, []string{"标题\n正文。", "下一段。"}},
		{"no-break space not trimmed inside", "甲。\u00a0乙", Chinese, []string{"甲。", "\u00a0乙"}},
		{"English breaks before lowercase", "Why? he asked.", English, []string{"Why?", "he asked."}},
		{"U.S. breaks, U.K. does not", "The U.S. Army and the U.K. Army met.", English, []string{"The U.S.", "Army and the U.K. Army met."}},
		{"number label", "1. First item.", English, []string{"1.", "First item."}},
		{"two-digit number before a capital", "25 September, 2003", English, []string{"25", "September, 2003"}},
		{"one digit before a capital", "1 Abc", English, []string{"1 Abc"}},
		{"indented line starts a segment", "甲\n  乙\n丙", Chinese, []string{"甲", "乙\n丙"}},
		{"tab or U+3000 does not", "甲\n\t乙\n\u3000丙", Chinese, []string{"甲\n\t乙\n\u3000丙"}},
		{"segment trim keeps U+00A0", "X\n \n\u00a0A\u00a0", Chinese, []string{"X", "\u00a0A"}},
		{"paragraph trim drops U+00A0", "X\n\n \n\u00a0A", Chinese, []string{"X", "A"}},
		{"closer, ？ or — after 。 keeps the segment", "甲。？乙。——丙。’丁", Chinese, []string{"甲。？", "乙。——丙。’丁"}},
		{"min. after a number", "It took 5 min. Then x min. Then.", English, []string{"It took 5 min. Then x min.", "Then."}},
		{"vs. after white space only", "A vs. B and (vs. C.", English, []string{"A vs. B and (vs.", "C."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, OmegaTSegments(tc.in, tc.lang)); diff != "" {
				t.Errorf("OmegaTSegments(%q) mismatch (-want +got):\n%s", tc.in, diff)
			}
		})
	}
}

func TestOmegaTSpans(t *testing.T) {
	const text = "标题\n第二行\n\n甲。乙。\n丙。"
	tests := []struct {
		name string
		opts OmegaTOptions
		want []string
	}{
		{"default", OmegaTOptions{}, []string{"标题\n第二行", "甲。", "乙。", "丙。"}},
		{"no sentences", OmegaTOptions{NoSentences: true}, []string{"标题\n第二行", "甲。乙。\n丙。"}},
		{"line breaks", OmegaTOptions{Paragraphs: OmegaTLineBreaks, NoSentences: true}, []string{"标题", "第二行", "甲。乙。", "丙。"}},
		{"line breaks and sentences", OmegaTOptions{Paragraphs: OmegaTLineBreaks}, []string{"标题", "第二行", "甲。", "乙。", "丙。"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, s := range OmegaTSpans(text, Chinese, tc.opts) {
				got = append(got, s.In(text))
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("OmegaTSpans() mismatch (-want +got):\n%s", diff)
			}
		})
	}
	if diff := cmp.Diff(OmegaTSegments(text, Chinese), []string{"标题\n第二行", "甲。", "乙。", "丙。"}); diff != "" {
		t.Errorf("OmegaTSegments and OmegaTSpans disagree:\n%s", diff)
	}
}

func TestOmegaTGroups(t *testing.T) {
	// a heading block on consecutive lines (one OmegaT segment), then a
	// paragraph that starts with Word residue the cleaning removed
	const source = "习近平总书记关于党的对外工作\n的重要论述\r\n（2022年10月20日）\n中共中央对外联络部\n\n[bookmark: _GoBack]深刻把握时代潮流，明确新时代党的对外工作的基本原则。党的对外工作。\n"
	heading := "习近平总书记关于党的对外工作\n的重要论述\n（2022年10月20日）\n中共中央对外联络部"
	tests := []struct {
		name  string
		texts []string
		opts  OmegaTOptions
		want  []OmegaTGroup
	}{
		{"heading lines and residue", []string{"习近平总书记关于党的对外工作的重要论述", "（2022年10月20日）", "中共中央对外联络部", "深刻把握时代潮流，明确新时代党的对外工作的基本原则。", "党的对外工作。"}, OmegaTOptions{},
			[]OmegaTGroup{{First: 0, End: 3, Segment: heading}, {First: 3, End: 4, Segment: "[bookmark: _GoBack]深刻把握时代潮流，明确新时代党的对外工作的基本原则。", Missing: 18}, {First: 4, End: 5, Segment: "党的对外工作。"}}},
		{"empty side inside a segment joins it", []string{"习近平总书记关于党的对外工作的重要论述", "", "（2022年10月20日）中共中央对外联络部", ""}, OmegaTOptions{},
			[]OmegaTGroup{{First: 0, End: 3, Segment: heading}, {First: 3, End: 4}}},
		{"a text over two segments makes none", []string{"习近平总书记关于党的对外工作的重要论述（2022年10月20日）中共中央对外联络部", "深刻把握时代潮流，明确新时代党的对外工作的基本原则。党的对外工作。"}, OmegaTOptions{},
			[]OmegaTGroup{{First: 0, End: 1, Segment: heading}, {First: 1, End: 2}}},
		{"a text not in the source", []string{"别的文字。", "党的对外工作。"}, OmegaTOptions{},
			[]OmegaTGroup{{First: 0, End: 1}, {First: 1, End: 2, Segment: "党的对外工作。"}}},
		{"mostly missing", []string{"中共中央对外联络部"}, OmegaTOptions{}, []OmegaTGroup{{First: 0, End: 1, Missing: 32}}},
		{"paragraph level", []string{"习近平总书记关于党的对外工作的重要论述\n（2022年10月20日）\n中共中央对外联络部", "深刻把握时代潮流，明确新时代党的对外工作的基本原则。党的对外工作。"}, OmegaTOptions{NoSentences: true},
			[]OmegaTGroup{{First: 0, End: 1, Segment: heading}, {First: 1, End: 2, Segment: "[bookmark: _GoBack]深刻把握时代潮流，明确新时代党的对外工作的基本原则。党的对外工作。", Missing: 18}}},
		{"paragraphs at line breaks: the joined title spans two", []string{"习近平总书记关于党的对外工作的重要论述", "（2022年10月20日）"}, OmegaTOptions{Paragraphs: OmegaTLineBreaks, NoSentences: true},
			[]OmegaTGroup{{First: 0, End: 1}, {First: 1, End: 2, Segment: "（2022年10月20日）"}}},
		{"invalid UTF-8 and nothing", []string{"\xff", ""}, OmegaTOptions{}, []OmegaTGroup{{First: 0, End: 1}, {First: 1, End: 2}}},
		{"no texts", nil, OmegaTOptions{}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := OmegaTGroups(source, Chinese, tc.texts, tc.opts)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("OmegaTGroups() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func ExampleOmegaTGroups() {
	// OmegaT's text filter joins the title and date lines into one
	// segment; the aligner made two pairs of them
	source := "关于对外工作的论述\n（2022年10月20日）\n\n党的对外工作取得新成就。"
	zhOfPairs := []string{"关于对外工作的论述", "（2022年10月20日）", "党的对外工作取得新成就。"}
	for _, g := range OmegaTGroups(source, Chinese, zhOfPairs, OmegaTOptions{}) {
		fmt.Printf("pairs %d–%d: %q\n", g.First, g.End-1, g.Segment)
	}
	// Output:
	// pairs 0–1: "关于对外工作的论述\n（2022年10月20日）"
	// pairs 2–2: "党的对外工作取得新成就。"
}

func ExampleOmegaTSpans() {
	text := "标题\n第二行\n\n甲。乙。"
	for _, s := range OmegaTSpans(text, Chinese, OmegaTOptions{}) {
		fmt.Printf("%q\n", s.In(text))
	}
	// Output:
	// "标题\n第二行"
	// "甲。"
	// "乙。"
}
