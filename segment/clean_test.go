package segment

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestMojibake checks the GBK-as-Latin-1 repair on real mojibake and on
// real Latin-1 text that must stay as it is.
func TestMojibake(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"full-width comma between words", "Party£¬the", "Party，the"},
		{"hanzi pair", "ÖÐ¹ú", "中国"},
		{"hanzi and full stop", "ÖÐ¹ú¡£", "中国。"},
		{"french word with two accented letters", "créée", "créée"},
		{"german word", "süß", "süß"},
		{"single accented letter", "café", "café"},
		{"pound sign and digit", "£5", "£5"},
		{"copyright and registered signs", "©®", "©®"},
		{"odd run", "£¬£", "£¬£"},
		{"two runs in one line", "a£¬b ÖÐ¹ú c", "a，b 中国 c"},
	}
	on, _ := newRuleSet(nil)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := line{raw: tt.in, no: 1}
			var rep []Change
			cleanLine(&l, on, &rep)
			if diff := cmp.Diff(tt.want, l.text); diff != "" {
				t.Errorf("cleanLine(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
			if changed := tt.in != tt.want; changed != (len(rep) > 0) {
				t.Errorf("cleanLine(%q) reported %v", tt.in, rep)
			}
		})
	}
}

// TestChangeOffsets checks that every change points at its old text in the
// decoded input.
func TestChangeOffsets(t *testing.T) {
	in := "\u3000\u3000第一段\u200b。【详细】 \r\n  1. 标题\r\n    标题\r\n[bookmark: _GoBack]正文的内容是关于Party£¬the。\r\n"
	var s Segmenter
	d, err := s.Monolingual("o.txt", []byte(in), Chinese)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range d.Report.Changes {
		if c.Old == "" {
			continue
		}
		if c.Offset+len(c.Old) > len(in) || in[c.Offset:c.Offset+len(c.Old)] != c.Old {
			t.Errorf("change %v: input at offset is %q", c, in[c.Offset:min(len(in), c.Offset+len(c.Old))])
		}
	}
	want := []string{RuleIndent, RuleZeroWidth, RuleMoreLink, RuleTrailingSpace, RuleLineEndings, RuleIndent, RuleCaptionDuplicate, RuleBookmark, RuleMojibake}
	if diff := cmp.Diff(want, ruleList(d.Report)); diff != "" {
		t.Errorf("rules mismatch (-want +got):\n%s", diff)
	}
}
