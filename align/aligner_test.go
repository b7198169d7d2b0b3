package align

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bitextlab/zhen/segment"
	"github.com/google/go-cmp/cmp"
)

// checkBeads checks that beads cover [0,n)×[0,m) exactly once, in order,
// with confidences in [0,1].
func checkBeads(t *testing.T, beads []Bead, n, m int) {
	t.Helper()
	i, j := 0, 0
	for _, b := range beads {
		if b.ZH.Start != i || b.EN.Start != j || b.ZH.Len() < 0 || b.EN.Len() < 0 || b.ZH.Len()+b.EN.Len() == 0 {
			t.Fatalf("bead %v:%v does not continue from (%d,%d)", b.ZH, b.EN, i, j)
		}
		if !(b.Confidence >= 0 && b.Confidence <= 1) {
			t.Fatalf("bead %v:%v confidence %v out of [0,1]", b.ZH, b.EN, b.Confidence)
		}
		i, j = b.ZH.End, b.EN.End
	}
	if i != n || j != m {
		t.Fatalf("beads end at (%d,%d), want (%d,%d)", i, j, n, m)
	}
}

func beadTypes(beads []Bead) []string {
	var out []string
	for _, b := range beads {
		out = append(out, b.Type())
	}
	return out
}

// TestAlignSentences aligns the 15 body paragraphs of seed 001 as units,
// whole and with one English paragraph removed.
func TestAlignSentences(t *testing.T) {
	zp, ep := seedBody(t)
	ones := strings.Split(strings.Repeat("1-1 ", 15), " ")[:15]
	dropped := append(append([]string{}, ones[:7]...), "1-0")
	dropped = append(dropped, ones[8:]...)
	merged := append(append([]string{}, ones[:7]...), "1-2")
	merged = append(merged, ones[8:]...)
	tests := []struct {
		name   string
		zh, en []string
		want   []string
	}{
		{name: "parallel", zh: zp, en: ep, want: ones},
		{name: "english paragraph missing", zh: zp, en: append(append([]string{}, ep[:7]...), ep[8:]...), want: dropped},
		{name: "english paragraph split", zh: zp, en: append(append(append([]string{}, ep[:7]...), splitEN(ep[7])[0], strings.Join(splitEN(ep[7])[1:], " ")), ep[8:]...), want: merged},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			al, err := (&Aligner{}).AlignSentences(tt.zh, tt.en)
			if err != nil {
				t.Fatalf("AlignSentences: %v", err)
			}
			checkBeads(t, al.Beads, len(tt.zh), len(tt.en))
			if diff := cmp.Diff(tt.want, beadTypes(al.Beads)); diff != "" {
				t.Errorf("bead types mismatch (-want +got):\n%s", diff)
			}
			if al.Score < DefaultThreshold || al.Score > 1 {
				t.Errorf("Score = %v", al.Score)
			}
		})
	}
}

func TestAlignEmpty(t *testing.T) {
	al, err := (&Aligner{}).AlignSentences(nil, nil)
	if err != nil || len(al.Beads) != 0 {
		t.Errorf("AlignSentences(nil, nil) = %d beads, %v; want none, nil", len(al.Beads), err)
	}
	al, err = (&Aligner{}).AlignSentences([]string{"你好。"}, nil)
	if !errors.Is(err, ErrNotParallel) {
		t.Errorf("Chinese against nothing: error %v, want ErrNotParallel", err)
	}
	checkBeads(t, al.Beads, 1, 0)
	al, err = (&Aligner{Force: true}).AlignSentences(nil, []string{"Hello."})
	if err != nil {
		t.Errorf("Force: %v", err)
	}
	checkBeads(t, al.Beads, 0, 1)
}

func TestProgress(t *testing.T) {
	zh, en := benchCorpus(t, 200)
	var calls [][2]int
	a := &Aligner{Progress: func(done, total int) { calls = append(calls, [2]int{done, total}) }}
	if _, err := a.AlignSentences(zh, en); err != nil {
		t.Fatal(err)
	}
	if len(calls) == 0 {
		t.Fatal("Progress never called")
	}
	for k, c := range calls {
		if c[0] > c[1] || (k > 0 && c[0] < calls[k-1][0]) {
			t.Errorf("call %d: done %d of %d (previous %v)", k, c[0], c[1], calls[max(k-1, 0)])
		}
	}
	if last := calls[len(calls)-1]; last[0] != last[1] {
		t.Errorf("last Progress call %v: want done = total", last)
	}
}

func TestPairsJoin(t *testing.T) {
	zh := []string{"第一句。", "第二句。"}
	en := []string{"First.", "Second."}
	al := &Alignment{ZH: zh, EN: en, Beads: []Bead{{ZH: Range{0, 2}, EN: Range{0, 2}, Confidence: 0.5}, {ZH: Range{2, 2}, EN: Range{2, 2}}}}
	got := al.Pairs()
	want := []Pair{{ZH: "第一句。第二句。", EN: "First. Second.", Type: "2-2", Confidence: 0.5}, {Type: "0-0"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Pairs() mismatch (-want +got):\n%s", diff)
	}
}

// vetoScorer forbids beads that start at a given English sentence: a
// custom scorer plugged in beside the defaults.
type vetoScorer struct{ at int }

func (vetoScorer) Name() string { return "veto" }

func (v vetoScorer) Prepare(zh, en []string) Scoring { return v }

func (v vetoScorer) Cost(zh, en Range) float64 {
	if en.Start == v.at && zh.Len() > 0 && en.Len() > 0 {
		return 1e6
	}
	return 0
}

func (v vetoScorer) Similarity(zh, en Range) (float64, float64) { return 1, 0 }

func TestCustomScorer(t *testing.T) {
	zp, ep := seedBody(t)
	def := DefaultScorers(nil)
	a := &Aligner{Scorers: append(def, vetoScorer{at: 3}), Force: true}
	al, err := a.AlignSentences(zp, ep)
	if err != nil {
		t.Fatal(err)
	}
	checkBeads(t, al.Beads, len(zp), len(ep))
	for _, b := range al.Beads {
		if b.EN.Start == 3 && b.ZH.Len() > 0 && b.EN.Len() > 0 { // as the veto: a 1-0 bead holds no English
			t.Errorf("bead %v:%v starts at the vetoed English sentence", b.ZH, b.EN)
		}
		if got := b.Scores[len(def)].Scorer; got != "veto" {
			t.Errorf("score %d is %q, want the custom scorer", len(def), got)
		}
	}
}

func TestPriorsConfigurable(t *testing.T) {
	zp, ep := seedBody(t)
	// Only 1-1, 1-0 and 0-1 allowed: no other bead type may appear.
	a := &Aligner{Priors: map[BeadType]float64{{1, 1}: 0.9, {1, 0}: 0.05, {0, 1}: 0.05}}
	al, err := a.AlignSentences(zp[:5], append(append([]string{}, ep[:2]...), ep[2]+" "+ep[3], ep[4]))
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range al.Beads {
		if ty := b.Type(); ty != "1-1" && ty != "1-0" && ty != "0-1" {
			t.Errorf("bead type %s not in the priors", ty)
		}
	}
}

// FuzzAlignSentences feeds random sentence lists: no panic, and the beads
// cover every sentence exactly once, in order, with confidence in [0,1].
func FuzzAlignSentences(f *testing.F) {
	f.Add("党的十八大以来。\n我们加强合作。", "Since the 18th Congress.\nWe cooperate.\nMore.")
	f.Add("", "x")
	f.Add("\xff\xfe", "\x00")
	f.Add("一\n二\n三\n四\n五\n六", "1\n2")
	f.Add("2012年11月15日\n十三亿\n百分之六十", "November 15, 2012\n1.3 billion\n60 percent")
	f.Fuzz(func(t *testing.T, zs, es string) {
		if len(zs) > 4000 || len(es) > 4000 {
			return
		}
		var zh, en []string
		if zs != "" {
			zh = strings.Split(zs, "\n")
		}
		if es != "" {
			en = strings.Split(es, "\n")
		}
		for _, force := range []bool{false, true} {
			al, err := (&Aligner{Force: force}).AlignSentences(zh, en)
			if errors.Is(err, ErrEmptySentence) || errors.Is(err, ErrWrongLanguage) {
				if al != nil {
					t.Fatalf("input error %v with an alignment", err)
				}
				return
			}
			if err != nil && !errors.Is(err, ErrNotParallel) {
				t.Fatalf("unexpected error %v", err)
			}
			if force && err != nil {
				t.Fatalf("Force: error %v", err)
			}
			checkBeads(t, al.Beads, len(zh), len(en))
			if !(al.Score >= 0 && al.Score <= 1) {
				t.Fatalf("Score %v", al.Score)
			}
			for _, p := range al.Pairs() {
				if !(p.Confidence >= 0 && p.Confidence <= 1) {
					t.Fatalf("pair confidence %v", p.Confidence)
				}
				for _, e := range p.Evidence {
					if e.ZHStart < 0 || e.ZHEnd > len(p.ZH) || e.ENStart < 0 || e.ENEnd > len(p.EN) {
						t.Fatalf("evidence %+v outside pair texts (%d, %d bytes)", e, len(p.ZH), len(p.EN))
					}
				}
			}
		}
		_ = utf8.ValidString(zs)
	})
}

// TestEvidence checks that pairs show what matched, at the right offsets.
func TestEvidence(t *testing.T) {
	zp, ep := seedBody(t)
	al, err := (&Aligner{}).AlignSentences(zp[:3], ep[:3])
	if err != nil {
		t.Fatal(err)
	}
	p := al.Pairs()[0]
	found := map[string]bool{}
	for _, e := range p.Evidence {
		if e.ZHStart < 0 || e.ZHEnd > len(p.ZH) || e.ENStart < 0 || e.ENEnd > len(p.EN) || e.ZHStart >= e.ZHEnd || e.ENStart >= e.ENEnd {
			t.Fatalf("evidence %+v outside the pair's text", e)
		}
		found[e.Kind+" "+p.ZH[e.ZHStart:e.ZHEnd]+"="+p.EN[e.ENStart:e.ENEnd]] = true
	}
	for _, want := range []string{"ordinal 十八大=18th", "lexicon 党=Party", "lexicon 重要=important"} {
		if !found[want] {
			t.Errorf("evidence %q not found in %v", want, found)
		}
	}
}

// doc builds a Document from paragraphs of sentences; kinds gives the
// Kind of each paragraph (Body when missing).
func doc(lang segment.Lang, paras [][]string, kinds ...segment.Kind) *segment.Document {
	d := &segment.Document{Name: "test", Lang: lang}
	var b strings.Builder
	for k, p := range paras {
		if k > 0 {
			b.WriteString("\n\n")
		}
		para := segment.Paragraph{}
		para.Start = b.Len()
		for s, text := range p {
			if s > 0 && lang == segment.English {
				b.WriteString(" ")
			}
			st := b.Len()
			b.WriteString(text)
			para.Sentences = append(para.Sentences, segment.Span{Start: st, End: b.Len()})
		}
		para.End = b.Len()
		if k < len(kinds) {
			para.Kind = kinds[k]
		}
		d.Paragraphs = append(d.Paragraphs, para)
	}
	d.Text = b.String()
	return d
}

// TestAlignDocuments checks the two levels: Foreign paragraphs are skipped
// and reported, sentence beads stay in their paragraph bead, and pair text
// is the original span.
func TestAlignDocuments(t *testing.T) {
	zp, ep := seedBody(t)
	zpar := [][]string{splitZH(zp[0]), {"This English caption sits in the Chinese text."}, splitZH(zp[1]), splitZH(zp[2])}
	epar := [][]string{splitEN(ep[0]), splitEN(ep[1]), splitEN(ep[2])}
	zh := doc(segment.Chinese, zpar, segment.Body, segment.Foreign)
	en := doc(segment.English, epar)
	al, err := (&Aligner{}).Align(zh, en)
	if err != nil {
		t.Fatal(err)
	}
	want := []Skipped{{Lang: segment.Chinese, Paragraph: 1, Span: zh.Paragraphs[1].Span, Reason: "foreign"}}
	if diff := cmp.Diff(want, al.Skipped); diff != "" {
		t.Errorf("Skipped mismatch (-want +got):\n%s", diff)
	}
	if n := len(zpar[0]) + len(zpar[2]) + len(zpar[3]); len(al.ZH) != n {
		t.Errorf("got %d Chinese sentences, want %d (the foreign paragraph left out)", len(al.ZH), n)
	}
	checkBeads(t, al.Beads, len(al.ZH), len(al.EN))
	if got := len(al.Paragraphs); got != 3 {
		t.Errorf("got %d paragraph beads, want 3", got)
	}
	for _, p := range al.ParagraphPairs() {
		if p.Type != "1-1" {
			t.Errorf("paragraph pair %s, want 1-1: %.20q | %.20q", p.Type, p.ZH, p.EN)
		}
	}
	for k, p := range al.Pairs() {
		b := al.Beads[k]
		if b.ZH.Len() > 0 {
			want := zh.Text[al.zhSpans[b.ZH.Start].Start:al.zhSpans[b.ZH.End-1].End]
			if p.ZH != want {
				t.Errorf("pair %d Chinese %q, want the original span %q", k, p.ZH, want)
			}
		}
		if b.EN.Len() > 1 && !strings.Contains(en.Text, p.EN) {
			t.Errorf("pair %d English %q is not the original span", k, p.EN)
		}
	}
}

// TestConcurrentUse runs one Aligner from several goroutines (run with
// -race): results must equal a sequential run.
func TestConcurrentUse(t *testing.T) {
	zp, ep := seedBody(t)
	a := &Aligner{}
	want, err := a.AlignSentences(zp, ep)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan []string)
	for range 4 {
		go func() {
			al, err := a.AlignSentences(zp, ep)
			if err != nil {
				done <- []string{err.Error()}
				return
			}
			done <- beadTypes(al.Beads)
		}()
	}
	for range 4 {
		if diff := cmp.Diff(beadTypes(want.Beads), <-done); diff != "" {
			t.Errorf("concurrent AlignSentences mismatch (-want +got):\n%s", diff)
		}
	}
}

// FuzzAlign feeds random documents (paragraphs split at blank lines,
// sentences at line breaks, every third paragraph Foreign when the flag is
// set): no panic, beads cover the sentences in order, sentence beads stay
// inside their paragraph bead.
func FuzzAlign(f *testing.F) {
	f.Add("党的十八大以来。\n我们加强合作。\n\n二、标题", "Since the 18th Congress.\nWe cooperate.\n\nII. Title", false)
	f.Add("", "", true)
	f.Add("\n\n\n", "a\n\n\nb", true)
	f.Fuzz(func(t *testing.T, zs, es string, foreign bool) {
		if len(zs) > 3000 || len(es) > 3000 {
			return
		}
		build := func(s string, lang segment.Lang) *segment.Document {
			var paras [][]string
			var kinds []segment.Kind
			for k, p := range strings.Split(s, "\n\n") {
				var sents []string
				for _, l := range strings.Split(p, "\n") {
					if l != "" {
						sents = append(sents, l)
					}
				}
				paras = append(paras, sents)
				if foreign && k%3 == 2 {
					kinds = append(kinds, segment.Foreign)
				} else {
					kinds = append(kinds, segment.Body)
				}
			}
			return doc(lang, paras, kinds...)
		}
		zh, en := build(zs, segment.Chinese), build(es, segment.English)
		al, err := (&Aligner{Force: true}).Align(zh, en)
		if err != nil {
			t.Fatalf("Align with Force: %v", err)
		}
		checkBeads(t, al.Beads, len(al.ZH), len(al.EN))
		checkBeads(t, al.Paragraphs, len(al.ZH), len(al.EN))
		for _, b := range al.Beads {
			pb := al.Paragraphs[b.Paragraph]
			if b.ZH.Start < pb.ZH.Start || b.ZH.End > pb.ZH.End || b.EN.Start < pb.EN.Start || b.EN.End > pb.EN.End {
				t.Fatalf("sentence bead %v:%v crosses paragraph bead %v:%v", b.ZH, b.EN, pb.ZH, pb.EN)
			}
		}
		_ = al.Pairs()
		_ = al.ParagraphPairs()
	})
}

// TestLargeInsertion hides a run of unrelated English text (from seed 002,
// a different document on a similar subject) in the middle of a long
// parallel text: the band must widen to get past it, every Chinese unit
// must still find its own translation, and the inserted units must be
// left out (0-1).
func TestLargeInsertion(t *testing.T) {
	zp, ep := seedBody(t)
	var zh, en []string
	for k := range 12 {
		for p := range zp {
			tag := itoa(k*100 + p + 1000)
			zh = append(zh, tag+"　"+zp[p])
			en = append(en, tag+" "+ep[p])
		}
	}
	var extra []string
	for _, l := range strings.Split(string(readSeed(t, seed002)), "\n") {
		for _, s := range splitEN(strings.TrimSpace(l)) {
			if len(s) > 80 {
				extra = append(extra, s)
			}
		}
	}
	// A dozen units: longer insertions still come out right around them,
	// but their first units get glued into 1-4/1-5 beads (each omission
	// costs as much as an isolated one; see the package notes).
	if len(extra) < 12 {
		t.Fatalf("seed 002 gave %d long English sentences, want at least 12", len(extra))
	}
	extra = extra[:12]
	mid := len(en) / 2
	withExtra := append(append(append([]string{}, en[:mid]...), extra...), en[mid:]...)
	al, err := (&Aligner{}).AlignSentences(zh, withExtra)
	if err != nil {
		t.Fatal(err)
	}
	checkBeads(t, al.Beads, len(zh), len(withExtra))
	want := func(i int) int { // the English unit of Chinese unit i
		if i < mid {
			return i
		}
		return i + len(extra)
	}
	wrong := 0
	for _, b := range al.Beads {
		if b.ZH.Len() == 0 {
			if b.EN.Start < mid || b.EN.End > mid+len(extra) {
				t.Errorf("0-1 bead %v outside the inserted text [%d, %d)", b.EN, mid, mid+len(extra))
			}
			continue
		}
		if b.ZH.Len() != 1 || b.EN.Len() != 1 || b.EN.Start != want(b.ZH.Start) {
			wrong++
		}
	}
	if wrong > 2 {
		t.Errorf("%d of %d Chinese units not paired 1-1 with their translation", wrong, len(zh))
	}
}

// TestPriorsCannotTile: with only 1-1 beads allowed and unequal counts no
// path exists; every sentence is still covered, as omissions.
func TestPriorsCannotTile(t *testing.T) {
	zp, ep := seedBody(t)
	a := &Aligner{Priors: map[BeadType]float64{{1, 1}: 1}, Force: true}
	al, err := a.AlignSentences(zp[:4], ep[:3])
	if err != nil {
		t.Fatal(err)
	}
	checkBeads(t, al.Beads, 4, 3)
	if diff := cmp.Diff([]string{"1-0", "1-0", "1-0", "1-0", "0-1", "0-1", "0-1"}, beadTypes(al.Beads)); diff != "" {
		t.Errorf("bead types mismatch (-want +got):\n%s", diff)
	}
}
