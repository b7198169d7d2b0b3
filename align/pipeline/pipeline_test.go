package pipeline

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bitextlab/zhen/align"
	"github.com/bitextlab/zhen/segment"
)

func write(t *testing.T, dir, name, data string) string {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func read(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestSplitLines(t *testing.T) {
	for _, tc := range []struct {
		desc, in string
		want     []string
	}{
		{"empty", "", nil},
		{"LF", "a\nb\n", []string{"a", "b"}},
		{"CRLF", "a\r\nb\r\n", []string{"a", "b"}},
		{"CR only", "a\rb\r", []string{"a", "b"}},
		{"mixed, blank lines kept", "a\r\n\rb\n\nc", []string{"a", "", "b", "", "c"}},
		{"CR CR LF", "a\r\r\nb", []string{"a", "", "b"}},
		{"invalid UTF-8 kept", "\xff\rb", []string{"\xff", "b"}},
	} {
		if diff := cmp.Diff(tc.want, SplitLines(tc.in)); diff != "" {
			t.Errorf("%s: SplitLines(%+q) mismatch (-want +got):\n%s", tc.desc, tc.in, diff)
		}
	}
}

func TestReadLimits(t *testing.T) {
	dir := t.TempDir()
	small := write(t, dir, "small.txt", "12345")
	for _, tc := range []struct {
		desc  string
		cfg   Config
		paths []string
		want  error  // errors.Is target, or nil
		says  string // in the message
	}{
		{"under the limit", Config{MaxSize: 5}, []string{small}, nil, ""},
		{"over the limit", Config{MaxSize: 4}, []string{small}, ErrTooLarge, "small.txt"},
		{"no limit", Config{MaxSize: -1}, []string{small}, nil, ""},
		{"stdin twice", Config{Stdin: strings.NewReader("x")}, []string{"-", "-"}, ErrStdinTwice, "once"},
		{"stdin over the limit", Config{Stdin: strings.NewReader("123456"), MaxSize: 5}, []string{"-"}, ErrTooLarge, "standard input"},
		{"folder", Config{}, []string{dir}, nil, "folder"},
		{"missing", Config{}, []string{filepath.Join(dir, "no.txt")}, os.ErrNotExist, "no.txt"},
		{"encodings for the wrong number of files", Config{Encoding: "gb18030,utf-8,big5"}, []string{small, small}, nil, "3 files"},
	} {
		_, err := tc.cfg.Read(tc.paths...)
		switch {
		case tc.want == nil && tc.says == "" && err != nil:
			t.Errorf("%s: %v", tc.desc, err)
		case tc.want != nil && !errors.Is(err, tc.want):
			t.Errorf("%s: error %v, want %v", tc.desc, err, tc.want)
		case tc.says != "" && (err == nil || !strings.Contains(err.Error(), tc.says)):
			t.Errorf("%s: error %v does not say %q", tc.desc, err, tc.says)
		}
	}
}

// TestReadDevZero: an endless input ends with ErrTooLarge at the limit.
func TestReadDevZero(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero on this system")
	}
	cfg := Config{MaxSize: 1 << 20}
	if _, err := cfg.Read("/dev/zero"); !errors.Is(err, ErrTooLarge) {
		t.Errorf("Read(/dev/zero) = %v, want ErrTooLarge", err)
	}
	cfg.Rules = "/dev/zero"
	if _, _, err := cfg.Segmenter(); err == nil {
		t.Error("-rules /dev/zero: no error")
	}
	cfg.Rules, cfg.Glossary = "", "/dev/zero"
	if _, err := cfg.Aligner(); !errors.Is(err, ErrTooLarge) {
		t.Errorf("glossary /dev/zero = %v, want ErrTooLarge", err)
	}
}

func TestEncodingsPerFile(t *testing.T) {
	dir := t.TempDir()
	zh := write(t, dir, "zh.txt", "\xce\xd2\xc3\xc7\xbd\xf1\xcc\xec\xbf\xaa\xbb\xe1\xa1\xa3\n") // 我们今天开会。 in GB18030
	en := write(t, dir, "en.txt", "We meet today.\n")
	cfg := Config{Encoding: "gb18030,utf-8"}
	ins, err := cfg.Read(zh, en)
	if err != nil {
		t.Fatal(err)
	}
	z, e, err := Documents(nil, ins)
	if err != nil {
		t.Fatal(err)
	}
	if z.Text != "我们今天开会。" || e.Text != "We meet today." {
		t.Errorf("texts %q, %q", z.Text, e.Text)
	}
}

func TestUnknownRulesListChoices(t *testing.T) {
	_, _, err := (&Config{Rules: "trados"}).Segmenter()
	if err == nil || !strings.Contains(err.Error(), "default") || !strings.Contains(err.Error(), "omegat") {
		t.Errorf("unknown rules: %v, want the choices listed", err)
	}
}

func TestLanguages(t *testing.T) {
	var seg segment.Segmenter
	trad, _ := seg.Monolingual("t.txt", []byte("這個國家的經濟發展們會議。\n"), segment.Chinese)
	simp, _ := seg.Monolingual("s.txt", []byte("这个国家的经济发展们会议。\n"), segment.Chinese)
	for _, tc := range []struct {
		desc, src, tgt string
		doc            *segment.Document
		want           [2]string // Src, Tgt after Fit
		noted          bool
	}{
		{"simplified", "", "", simp, [2]string{"zh-CN", "en-US"}, false},
		{"traditional", "", "", trad, [2]string{"zh-TW", "en-US"}, true},
		{"traditional, English source", "en-GB", "", trad, [2]string{"en-GB", "zh-TW"}, true},
		{"user's tag kept", "zh-HK", "", trad, [2]string{"zh-HK", "en-US"}, false},
		{"user's zh-CN kept", "zh-CN", "en-US", trad, [2]string{"zh-CN", "en-US"}, false},
	} {
		l, err := NewLanguages(tc.src, tc.tgt)
		if err != nil {
			t.Fatalf("%s: %v", tc.desc, err)
		}
		note := l.Fit(tc.doc)
		if got := [2]string{l.Src, l.Tgt}; got != tc.want || (note != "") != tc.noted {
			t.Errorf("%s: %v note %q; want %v noted %v", tc.desc, got, note, tc.want, tc.noted)
		}
	}
	if _, err := NewLanguages("zh_CN!", ""); err == nil || !strings.Contains(err.Error(), "BCP 47") {
		t.Errorf(`NewLanguages("zh_CN!", "") = %v, want a message naming BCP 47 tags`, err)
	}
	for _, bad := range [][2]string{{"fr-FR", "en-US"}, {"zh-CN", "zh-TW"}, {"", "ja"}} {
		_, err := NewLanguages(bad[0], bad[1])
		if err == nil || !strings.Contains(err.Error(), "Chinese") || !strings.Contains(err.Error(), "English") {
			t.Errorf("NewLanguages(%q, %q) = %v, want the one message", bad[0], bad[1], err)
		}
	}
}

func TestCheckMinConfidence(t *testing.T) {
	for _, x := range []float64{math.NaN(), -0.1, 1.1, math.Inf(1)} {
		if CheckMinConfidence(x) == nil {
			t.Errorf("CheckMinConfidence(%v) = nil", x)
		}
	}
	o := Output{Format: "tsv", MinConfidence: math.NaN(), Stdout: new(strings.Builder)}
	if _, err := o.Open(); err == nil {
		t.Error("Output with NaN minimum confidence opened")
	}
}

var testPairs = []align.Pair{
	{ZH: "一。", EN: "One.", Type: "1-1", Confidence: 0.9},
	{ZH: "二。", EN: "", Type: "1-0", Confidence: 0.5},
	{ZH: "一。", EN: "One.", Type: "1-1", Confidence: 0.9},
	{ZH: "三。", EN: "Three.", Type: "1-1", Confidence: 0.2},
}

// TestOutputLeftOut: every format reports what it left out, moses included.
func TestOutputLeftOut(t *testing.T) {
	for _, tc := range []struct {
		format                 string
		noCounterpart, written int
	}{
		{"tmx", 1, 1}, {"moses", 1, 1}, {"tsv", 0, 2}, {"csv", 0, 2}, {"jsonl", 0, 2}, {"html", 0, 2},
	} {
		dir := t.TempDir()
		o := Output{Format: tc.format, Path: filepath.Join(dir, "out"), MinConfidence: 0.3, Dedupe: true}
		rep, err := o.WriteAll(testPairs, nil)
		if err != nil {
			t.Fatalf("%s: %v", tc.format, err)
		}
		if rep.NoCounterpart != tc.noCounterpart || rep.Duplicates != 1 || rep.BelowMinConfidence != 1 || rep.Written != tc.written {
			t.Errorf("%s: report %s; want %d no counterpart, 1 duplicate, 1 below, %d written", tc.format, rep, tc.noCounterpart, tc.written)
		}
		var b strings.Builder
		rep.Print(&b)
		if !strings.Contains(b.String(), "duplicate: pair 2") || !strings.Contains(b.String(), "below the minimum confidence: pair 3") {
			t.Errorf("%s: list lacks the pairs left out:\n%s", tc.format, b.String())
		}
	}
}

func TestDroppedCharactersListed(t *testing.T) {
	o := Output{Format: "tmx", Path: filepath.Join(t.TempDir(), "x.tmx")}
	rep, err := o.WriteAll([]align.Pair{{ZH: "一\x01。", EN: "One.", Type: "1-1", Confidence: 1}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	rep.Print(&b)
	if rep.DroppedChars != 1 || !strings.Contains(b.String(), `dropped "\x01" from unit 1 (zh side, byte 3)`) {
		t.Errorf("report:\n%s", b.String())
	}
}

func TestReportListCapped(t *testing.T) {
	pairs := make([]align.Pair, 1000)
	for i := range pairs {
		pairs[i] = align.Pair{ZH: fmt.Sprint("句", i), Type: "1-0"}
	}
	o := Output{Format: "moses", Path: filepath.Join(t.TempDir(), "c"), MaxList: 5}
	rep, err := o.WriteAll(pairs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	rep.Print(&b)
	if n := strings.Count(b.String(), "\n"); rep.NoCounterpart != 1000 || n != 7 || !strings.Contains(b.String(), "and 995 more") {
		t.Errorf("%d counted, %d lines:\n%s", rep.NoCounterpart, n, b.String())
	}
}

const memory = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="zh-CN" datatype="plaintext" segtype="sentence" adminlang="en-US" o-tmf="zhen" creationtool="zhen" creationtoolversion="0.1"/>
<body><tu><tuv xml:lang="zh-CN"><seg>旧的。</seg></tuv><tuv xml:lang="en-US"><seg>Old.</seg></tuv></tu></body></tmx>
`

// TestMergeIntoItself: -merge F -o F keeps F's units and adds the new ones.
func TestMergeIntoItself(t *testing.T) {
	f := write(t, t.TempDir(), "m.tmx", memory)
	o := Output{Format: "tmx", Path: f, Merge: f, Dedupe: true}
	rep, err := o.WriteAll(testPairs[:1], nil)
	if err != nil {
		t.Fatal(err)
	}
	got := read(t, f)
	if rep.Merged != 1 || rep.Written != 2 || !strings.Contains(got, "旧的。") || !strings.Contains(got, "One.") {
		t.Errorf("report %s; file:\n%s", rep, got)
	}
}

// TestFailedWriteLeavesTarget: a merge that fails leaves the existing output
// as it was, and no temporary file behind.
func TestFailedWriteLeavesTarget(t *testing.T) {
	dir := t.TempDir()
	out := write(t, dir, "out.tmx", memory)
	bad := write(t, dir, "bad.tmx", "this is not a TMX")
	o := Output{Format: "tmx", Path: out, Merge: bad}
	if _, err := o.WriteAll(testPairs, nil); err == nil || !strings.Contains(err.Error(), "bad.tmx") {
		t.Errorf("merge of a non-TMX: %v", err)
	}
	if got := read(t, out); got != memory {
		t.Errorf("output changed by a failed merge:\n%s", got)
	}
	if es, _ := os.ReadDir(dir); len(es) != 2 {
		t.Errorf("files left in the folder: %v", es)
	}
}

func TestOutputIsInputRefused(t *testing.T) {
	dir := t.TempDir()
	in := write(t, dir, "corpus.zh", "中文。\n")
	en := write(t, dir, "corpus.en", "English.\n")
	link := filepath.Join(dir, "link.txt")
	if err := os.Link(in, link); err != nil {
		t.Fatal(err)
	}
	wd, _ := os.Getwd()
	rel, err := filepath.Rel(wd, in)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		desc string
		o    Output
	}{
		{"same path", Output{Format: "tmx", Path: in, Inputs: []string{in}}},
		{"relative and absolute", Output{Format: "tsv", Path: in, Inputs: []string{rel}}},
		{"hard link", Output{Format: "tsv", Path: link, Inputs: []string{in}}},
		{"moses PATH.zh and PATH.en", Output{Format: "moses", Path: filepath.Join(dir, "corpus"), Inputs: []string{in, en}}},
		{"exists, no clobber", Output{Format: "tsv", Path: en, NoClobber: true}},
	} {
		if _, err := tc.o.WriteAll(testPairs, nil); err == nil {
			t.Errorf("%s: not refused", tc.desc)
		}
	}
	if read(t, in) != "中文。\n" || read(t, en) != "English.\n" {
		t.Error("an input was overwritten")
	}
}

func TestWalk(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{
		"report.2022.zh.txt", "report.2022.en.txt", "report.2023.zh.txt", "report.2023.en.txt",
		"memo.zh.txt", "memo.en.txt", "memo.txt",
		"dup.zh.txt", "dup_zh.txt", "dup.en.txt",
		"Case.txt", "case.txt",
		"sub/a-ZH.txt", "sub/a-EN.txt", "sub/lone.en.txt",
		"tree/zh/x/y.txt", "tree/en/x/y.txt",
		".hidden/z.txt", "out/old.txt", "notes.md", "b_zh.docx", "b_en.docx",
	} {
		write(t, dir, n, "x")
	}
	jobs, probs, err := Walk(dir, filepath.Join(dir, "out"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, j := range jobs {
		got = append(got, fmt.Sprintf("%s %d", j.Name, len(j.Inputs())))
	}
	want := []string{"b 2", "report.2022 2", "report.2023 2", "sub/a 2", "tree/x/y 2"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("jobs mismatch (-want +got):\n%s", diff)
	}
	reasons := map[string]string{}
	for _, p := range probs {
		rel, _ := filepath.Rel(dir, p.Path)
		reasons[filepath.ToSlash(rel)] = strings.SplitN(p.Reason, ":", 2)[0]
	}
	wantProbs := map[string]string{
		"memo.zh.txt": "output name collision", "memo.en.txt": "output name collision", "memo.txt": "output name collision",
		"dup.zh.txt": "ambiguous", "dup_zh.txt": "ambiguous", "dup.en.txt": "not aligned",
		"Case.txt": "output name collision", "case.txt": "output name collision",
		"sub/lone.en.txt": "English file with no Chinese file beside it (want the same name with zh instead of en)",
	}
	if diff := cmp.Diff(wantProbs, reasons); diff != "" {
		t.Errorf("problems mismatch (-want +got):\n%s", diff)
	}
	if !slices.ContainsFunc(probs, func(p Problem) bool { return strings.Contains(p.Reason, "dup_zh.txt") }) {
		t.Error("the ambiguity message does not name both files")
	}
}

func TestParseFlags(t *testing.T) {
	for _, tc := range []struct {
		args  []string
		files []string
		o     string
	}{
		{[]string{"a", "-o", "x", "b"}, []string{"a", "b"}, "x"},
		{[]string{"-o", "x", "a", "b"}, []string{"a", "b"}, "x"},
		{[]string{"a", "b", "-o", "x"}, []string{"a", "b"}, "x"},
		{[]string{"-", "-o", "x"}, []string{"-"}, "x"},
		{[]string{"a", "--", "-o", "x"}, []string{"a", "-o", "x"}, ""},
	} {
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		o := fs.String("o", "", "")
		files, err := ParseFlags(fs, tc.args)
		if err != nil || !slices.Equal(files, tc.files) || *o != tc.o {
			t.Errorf("ParseFlags(%q) = %q, -o %q, %v; want %q, %q", tc.args, files, *o, err, tc.files, tc.o)
		}
	}
}

// TestAlignJobsOrder: results come in job order whatever the workers, and a
// bad job is reported, not dropped.
func TestAlignJobsOrder(t *testing.T) {
	dir := t.TempDir()
	seed, err := os.ReadFile("../../testdata/seeds/001_38bdb1c42bebbece.txt")
	if err != nil {
		t.Fatal(err)
	}
	var jobs []Job
	for i := range 4 {
		jobs = append(jobs, Job{Name: fmt.Sprint("d", i), ZH: write(t, dir, fmt.Sprint("d", i, ".txt"), string(seed))})
	}
	jobs[2].ZH = write(t, dir, "bad.txt", "\x00\x01\x02")
	var cfg Config
	seg, _, _ := cfg.Segmenter()
	a, _ := cfg.Aligner()
	var got []string
	for r := range cfg.AlignJobs(context.Background(), seg, a, nil, jobs, 3) {
		got = append(got, fmt.Sprint(r.Job.Name, " ", r.Err != nil, " ", len(r.Pairs) > 30))
	}
	want := []string{"d0 false true", "d1 false true", "d2 true false", "d3 false true"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("results mismatch (-want +got):\n%s", diff)
	}
	for range cfg.AlignJobs(context.Background(), seg, a, nil, jobs, 2) {
		break // stopping early must not hang or panic
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	n := 0
	for range cfg.AlignJobs(ctx, seg, a, nil, jobs, 1) {
		n++
		cancel() // an interrupt after the first document
	}
	if n != 1 {
		t.Errorf("%d results after cancelling, want 1", n)
	}
}

// BenchmarkReadDevZero: an endless input is refused at the default limit
// (issue target: press2tmx /dev/zero ends with a clear error in under 5 s).
func BenchmarkReadDevZero(b *testing.B) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		b.Skip("no /dev/zero")
	}
	var cfg Config
	for b.Loop() {
		if _, err := cfg.Read("/dev/zero"); !errors.Is(err, ErrTooLarge) {
			b.Fatal(err)
		}
	}
	if s := b.Elapsed().Seconds() / float64(b.N); s > 5 {
		b.Errorf("%.1f s per refusal, want under 5", s)
	}
}

func TestAlignLinesBlank(t *testing.T) {
	tests := []struct {
		name   string
		zh, en []string
		want   string
	}{
		{"no blank lines", []string{"你好。", "再见。"}, []string{"Hello.", "Goodbye."}, "[0]:[0]\n[1]:[1]\n"},
		{"blank Chinese line inside", []string{"你好。", " ", "再见。"}, []string{"Hello.", "Goodbye."}, "[0]:[0]\n[1]:[]\n[2]:[1]\n"},
		{"blank lines at both ends", []string{"", "你好。", "再见。", ""}, []string{"Hello.", "", "Goodbye.", "\t"}, "[0]:[]\n[1]:[0]\n[]:[1]\n[2]:[2]\n[3]:[]\n[]:[3]\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var a align.Aligner
			al, lines, err := AlignLines(context.Background(), &a, tt.zh, tt.en)
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			if err := align.WriteBeads(&b, lines); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, b.String()); diff != "" {
				t.Errorf("line beads mismatch (-want +got):\n%s", diff)
			}
			if n := len(al.ZH); n != 2 {
				t.Errorf("aligned %d Chinese sentences, want 2 (blank lines left out)", n)
			}
		})
	}
}

func TestSharedEncodingHint(t *testing.T) {
	zh := []byte("我们今天开会。会议在北京举行。\n")
	zh16 := make([]byte, 0, 2*len(zh))
	for _, r := range string(zh) {
		zh16 = append(zh16, byte(r), byte(r>>8))
	}
	en := []byte("We meet today. The meeting is held in Beijing.\n")
	ins := []Input{{Name: "zh16.txt", Data: zh16, Encoding: "utf-16le"}, {Name: "en.txt", Data: en, Encoding: "utf-16le"}}
	if _, _, err := Documents(nil, ins); err == nil || !strings.Contains(err.Error(), "-encoding utf-16le,utf-8") {
		t.Errorf("one encoding for both files: error %v, want the per-file hint", err)
	}
	ins[1].Encoding = "utf-8"
	if _, _, err := Documents(nil, ins); err != nil {
		t.Errorf("per-file encodings: %v", err)
	}
}

func TestReadPairsEmpty(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct{ name, data string }{
		{"blank.tsv", "\n\n"},
		{"header.tsv", "zh\ten\tconfidence\tbead\tparagraph\n"},
	} {
		path := filepath.Join(dir, tc.name)
		if err := os.WriteFile(path, []byte(tc.data), 0o644); err != nil {
			t.Fatal(err)
		}
		var c Config
		if _, err := c.ReadPairs(path); err == nil || !strings.Contains(err.Error(), "no pairs") {
			t.Errorf("%s: error %v, want one saying the file holds no pairs", tc.name, err)
		}
	}
}

func TestCreateFileFolder(t *testing.T) {
	dir := t.TempDir()
	if _, err := CreateFile(dir); err == nil || !strings.Contains(err.Error(), "folder") {
		t.Errorf("CreateFile(a folder) = %v, want an error naming it a folder", err)
	}
	entries, _ := os.ReadDir(filepath.Dir(dir))
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file %s left beside the folder", e.Name())
		}
	}
}
