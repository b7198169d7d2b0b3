package pipeline

import (
	"fmt"
	"math"

	"golang.org/x/text/language"

	"github.com/bitextlab/zhen/align"
	"github.com/bitextlab/zhen/align/tmx"
	"github.com/bitextlab/zhen/segment"
)

// Languages are the language tags of an output: the TMX source and target,
// and which of them is Chinese and which English.
type Languages struct {
	// Src and Tgt are the TMX srclang and the target language.
	Src, Tgt string
	// ZH and EN are the Chinese and the English tag among Src and Tgt.
	ZH, EN string

	zhSet bool // the user chose the Chinese tag
}

// NewLanguages checks the tags a user gave ("" for a tag not given) and fills
// in the others: zh-CN and en-US, with the source Chinese unless src is
// English. A pair that is not one Chinese and one English tag is refused,
// with the same message in every program.
func NewLanguages(src, tgt string) (*Languages, error) {
	l := &Languages{Src: src, Tgt: tgt}
	isEN := func(t string) bool {
		tag, err := language.Parse(t)
		b, _ := tag.Base()
		return err == nil && b.String() == "en"
	}
	switch {
	case src == "" && tgt == "":
		l.Src, l.Tgt = "zh-CN", "en-US"
	case src == "" && isEN(tgt):
		l.Src = "zh-CN"
	case src == "":
		l.Src = "en-US"
	case tgt == "" && isEN(src):
		l.Tgt = "zh-CN"
	case tgt == "":
		l.Tgt = "en-US"
	}
	if err := tmx.CheckLangs(l.Src, l.Tgt); err != nil {
		return nil, err
	}
	if isEN(l.Src) {
		l.ZH, l.EN, l.zhSet = l.Tgt, l.Src, tgt != ""
	} else {
		l.ZH, l.EN, l.zhSet = l.Src, l.Tgt, src != ""
	}
	return l, nil
}

// Fit tags the Chinese side zh-TW when zh is in traditional script and the
// user did not choose the Chinese tag, and returns a note saying so for the
// report ("" when nothing changed). A nil zh changes nothing.
func (l *Languages) Fit(zh *segment.Document) string {
	if l.zhSet || zh == nil || !zh.Traditional() {
		return ""
	}
	old := l.ZH
	l.ZH = "zh-TW"
	if l.Src == old {
		l.Src = l.ZH
	} else {
		l.Tgt = l.ZH
	}
	return fmt.Sprintf("%s: the Chinese text is in traditional script: tagged %s (set the tag yourself, e.g. zh-HK, to change it)", zh.Name, l.ZH)
}

// CheckMinConfidence refuses a minimum confidence that is not a number from 0
// to 1 (NaN included: it would compare false with every confidence).
func CheckMinConfidence(x float64) error {
	if math.IsNaN(x) || x < 0 || x > 1 {
		return fmt.Errorf("pipeline: minimum confidence %v: want a number from 0 to 1 (%s leaves out the pairs to check)", x, formatBand(align.ConfidenceCheck))
	}
	return nil
}
