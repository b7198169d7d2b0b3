package segment

import "testing"

func TestDetectLang(t *testing.T) {
	tests := []struct {
		name string
		text string
		want Lang
	}{
		{"chinese", "党的对外工作取得新成就。", Chinese},
		{"chinese with an acronym", "在APEC会议期间，双方举行会谈。", Chinese},
		{"chinese with a long name", "习近平会见Joe Biden。", Chinese},
		{"english", "The Party's external work has made new achievements.", English},
		{"english with a hanzi name", "Xi Jinping (习近平) met the delegation.", English},
		{"english with accents", "Ñandú and café au lait", English},
		{"full-width latin", "ＡＢＣＤ", English},
		{"digits and punctuation", "2022 — 2023 (1)", Unknown},
		{"ellipsis", "……", Unknown},
		{"empty", "", Unknown},
		{"invalid utf-8", "\xff\xfe中", Chinese},
		{"ideographic zero", "〇", Chinese},
		{"cjk extension b", "𠀀𠀁", Chinese},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DetectLang(tt.text); got != tt.want {
				t.Errorf("DetectLang(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}
