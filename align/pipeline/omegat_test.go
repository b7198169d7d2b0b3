package pipeline

import (
	"math"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/bitextlab/zhen/align"
	"github.com/bitextlab/zhen/segment"
)

func TestForOmegaT(t *testing.T) {
	scores := []align.Score{{Scorer: "length", Value: 0.5, Weight: 1}}
	p := func(zh, en, typ string, conf float64, para int) align.Pair {
		return align.Pair{ZH: zh, EN: en, Type: typ, Confidence: conf, Paragraph: para, Doc: "d.txt", Scores: scores}
	}
	state := func(pr align.Pair, s string) align.Pair { pr.State = s; return pr }
	merged := func(zh, en, typ string, conf float64, para int) align.Pair {
		return align.Pair{ZH: zh, EN: en, Type: typ, Confidence: conf, Paragraph: para, Doc: "d.txt"}
	}
	tests := []struct {
		name   string
		source string
		opts   segment.OmegaTOptions
		pairs  []align.Pair
		want   []align.Pair
	}{
		{
			name:   "every pair one segment",
			source: "第一句。第二句。\n\n第三句。\n",
			pairs:  []align.Pair{p("第一句。", "One.", "1-1", 0.9, 0), p("第二句。", "Two.", "1-1", 0.8, 0), p("第三句。", "Three.", "1-1", 0.7, 1)},
			want:   []align.Pair{p("第一句。", "One.", "1-1", 0.9, 0), p("第二句。", "Two.", "1-1", 0.8, 0), p("第三句。", "Three.", "1-1", 0.7, 1)},
		},
		{
			name:   "heading lines joined, line breaks kept",
			source: "标题\n（2022年10月20日）\n中联部\n\n正文。\n",
			pairs:  []align.Pair{p("标题", "Title", "1-1", 0.7, 0), p("（2022年10月20日）", "(October 20, 2022)", "1-1", 0.5, 1), p("中联部", "IDCPC", "1-2", 0.9, 2), p("正文。", "Text.", "1-1", 0.9, 3)},
			want:   []align.Pair{merged("标题\n（2022年10月20日）\n中联部", "Title (October 20, 2022) IDCPC", "3-4", 0.5, 0), p("正文。", "Text.", "1-1", 0.9, 3)},
		},
		{
			name:   "a pair with no Chinese inside a segment joins it",
			source: "标题\n日期\n\n正文。\n",
			pairs:  []align.Pair{p("标题", "Title", "1-1", 0.7, 0), p("", "Subtitle", "0-1", 0.1, 0), p("日期", "Date", "1-1", 0.6, 0), p("正文。", "Text.", "1-1", 0.9, 1)},
			want:   []align.Pair{merged("标题\n日期", "Title Subtitle Date", "2-3", 0.1, 0), p("正文。", "Text.", "1-1", 0.9, 1)},
		},
		{
			name:   "a pair with no Chinese between segments stays",
			source: "第一句。\n\n第二句。\n",
			pairs:  []align.Pair{p("第一句。", "One.", "1-1", 0.9, 0), p("", "Extra.", "0-1", 0.1, 0), p("第二句。", "Two.", "1-1", 0.8, 1)},
			want:   []align.Pair{p("第一句。", "One.", "1-1", 0.9, 0), p("", "Extra.", "0-1", 0.1, 0), p("第二句。", "Two.", "1-1", 0.8, 1)},
		},
		{
			name:   "text cleaning removed stays in the unit",
			source: "[x]这是一个很长的句子。\n",
			pairs:  []align.Pair{p("这是一个很长的句子。", "A long sentence.", "1-1", 0.9, 0)},
			want:   []align.Pair{merged("[x]这是一个很长的句子。", "A long sentence.", "1-1", 0.9, 0)},
		},
		{
			name:   "Chinese not in the source stays",
			source: "第一句。\n",
			pairs:  []align.Pair{p("别的句子。", "Other.", "1-1", 0.9, 0), p("第一句。", "One.", "1-1", 0.9, 0)},
			want:   []align.Pair{p("别的句子。", "Other.", "1-1", 0.9, 0), p("第一句。", "One.", "1-1", 0.9, 0)},
		},
		{
			name:   "states: the same kept, mixed dropped; NaN is the lowest",
			source: "甲\n乙\n\n丙\n丁\n",
			pairs: []align.Pair{state(p("甲", "A", "1-1", 1, 0), align.StateConfirmed), state(p("乙", "B", "1-1", 1, 1), align.StateConfirmed),
				state(p("丙", "C", "1-1", 1, 2), align.StateEdited), p("丁", "D", "1-1", math.NaN(), 3)},
			want: []align.Pair{state(merged("甲\n乙", "A B", "2-2", 1, 0), align.StateConfirmed), merged("丙\n丁", "C D", "2-2", math.NaN(), 2)},
		},
		{
			name:   "sentence segmentation off: a paragraph is one unit",
			source: "第一句。第二句。\n\n第三句。\n",
			opts:   segment.OmegaTOptions{NoSentences: true},
			pairs:  []align.Pair{p("第一句。", "One.", "1-1", 0.9, 0), p("第二句。", "Two.", "1-1", 0.8, 0), p("第三句。", "Three.", "1-1", 0.7, 1)},
			want:   []align.Pair{merged("第一句。第二句。", "One. Two.", "2-2", 0.8, 0), p("第三句。", "Three.", "1-1", 0.7, 1)},
		},
		{
			name:   "CR LF line ends",
			source: "标题\r\n日期\r\n\r\n正文。\r\n",
			pairs:  []align.Pair{p("标题", "Title", "1-1", 0.7, 0), p("日期", "Date", "1-1", 0.6, 0), p("正文。", "Text.", "1-1", 0.9, 1)},
			want:   []align.Pair{merged("标题\n日期", "Title Date", "2-2", 0.6, 0), p("正文。", "Text.", "1-1", 0.9, 1)},
		},
		{
			name:   "no pairs",
			source: "第一句。\n",
			want:   []align.Pair{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := slices.Clone(tt.pairs)
			got := ForOmegaT(tt.pairs, tt.source, tt.opts)
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateNaNs(), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("ForOmegaT mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(in, tt.pairs, cmpopts.EquateNaNs()); diff != "" {
				t.Errorf("ForOmegaT changed its input (-before +after):\n%s", diff)
			}
		})
	}
}

func TestOmegaTPairsApplies(t *testing.T) {
	pairs := []align.Pair{{ZH: "标题", EN: "Title", Type: "1-1", Confidence: 1}, {ZH: "日期", EN: "Date", Type: "1-1", Confidence: 1}}
	text := Input{Path: "zh.txt", Name: "zh.txt", Data: []byte("标题\n日期\n")}
	zhSource, _ := NewLanguages("", "")
	enSource, _ := NewLanguages("en-US", "zh-CN")
	tests := []struct {
		name  string
		rules string
		in    Input
		langs *Languages
		want  int // pairs out
	}{
		{"omegat rules, Chinese source", "omegat", text, zhSource, 1},
		{"no languages given: Chinese source", "omegat", text, nil, 1},
		{"default rules", "default", text, zhSource, 2},
		{"English source, the Chinese file given", "omegat", text, enSource, 2},
		{"English source", "omegat", Input{Path: "en.txt", Name: "en.txt", Data: []byte("Title\nDate\n")}, enSource, 1},
		{"Word file", "omegat", Input{Path: "zh.docx", Name: "zh.docx", Data: []byte("PK\x03\x04")}, zhSource, 2},
		{"web page by content", "omegat", Input{Path: "zh", Name: "zh", Data: []byte("<!DOCTYPE html><p>标题</p>")}, zhSource, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Config{Rules: tt.rules}
			if got := c.OmegaTPairs(nil, tt.in, pairs, false, tt.langs); len(got) != tt.want {
				t.Errorf("OmegaTPairs gave %d pairs, want %d: %+v", len(got), tt.want, got)
			}
		})
	}
}
