package tmx

import (
	"fmt"

	"github.com/google/go-cmp/cmp"
	"strings"

	"github.com/bitextlab/zhen/align"
)

// seedPairs is a hand-made alignment of the start of seed 001 (sentence
// units, the way the aligner joins a 1-n bead: English sentences with one
// space). It stands in for the aligner's output in the writer tests.
func seedPairs() []align.Pair {
	const doc = "001_38bdb1c42bebbece.txt"
	return []align.Pair{
		{ZH: "", EN: "Material Ⅰ for the press conference of the Press Center for the 20th National Congress of the Communist Party of China", Type: "0-1", Confidence: 0.41, Paragraph: 0, Doc: doc},
		{ZH: "中共中央对外联络部", EN: "International Department of the Central Committee of the Communist Party of China", Type: "1-1", Confidence: 0.72, Paragraph: 3, Doc: doc},
		{ZH: "党的十八大以来，习近平总书记就党的对外工作作出一系列重要论述，为做好新时代党的对外工作提供了根本遵循和行动指南。",
			EN:   "Since the 18th National Congress of the Communist Party of China (CPC) in 2012, General Secretary Xi Jinping has put forward a series of important expositions regarding the Party’s external work, providing fundamental guidance for the conduct thereof.",
			Type: "1-1", Confidence: 0.94, Paragraph: 4, Doc: doc,
			Evidence: []align.Evidence{{Kind: "number", ZHStart: 3, ZHEnd: 9, ENStart: 10, ENEnd: 14}}},
		{ZH: "党的对外工作坚持以习近平外交思想特别是习近平总书记关于党的对外工作的重要论述为指引，锐意进取、开拓创新，不断展现新作为、取得新成就。",
			EN:   "Staying committed to following the guidance of Xi Jinping Thought on Diplomacy and in particular, the important expositions by General Secretary Xi Jinping, the Party’s external work has forged ahead with determined and pioneering efforts. Hence, new strides have been made and new accomplishments have been achieved.",
			Type: "1-2", Confidence: 0.88, Paragraph: 4, Doc: doc},
		{ZH: "深刻把握历史方位，明确新时代党的对外工作的时代背景。",
			EN:   "Based on a keen understanding of the historical context, these expositions establish a clear definition of the background for the Party’s external work in the new era.",
			Type: "1-1", Confidence: 0.91, Paragraph: 6, Doc: doc},
		{ZH: "习近平总书记指出，当前，世界百年未有之大变局加速演进，世界之变、时代之变、历史之变正以前所未有的方式展开。",
			EN:   "As General Secretary Xi Jinping has pointed out, our world today is undergoing accelerating changes unseen in a century. Changes of the world, of our times and of history are unfolding like never before.",
			Type: "1-2", Confidence: 0.86, Paragraph: 6, Doc: doc},
		{ZH: "同时，中国特色社会主义进入新时代，实现中华民族伟大复兴进入不可逆转的历史进程，中国日益走近世界舞台中央。",
			EN:   "Meanwhile, socialism with Chinese characteristics has entered a new era. The rejuvenation of the Chinese nation has entered an irreversible historical process. China is moving ever closer to the centre of the world stage.",
			Type: "1-3", Confidence: 0.83, Paragraph: 6, Doc: doc},
		{ZH: "这些重大论断为我们深刻把握中国发展新的历史方位、新的时代坐标，深刻把握中国与世界、中国共产党与世界关系的历史性变化，科学谋划和深入推进党的对外工作提供了坚实依据。",
			EN:   "These major conclusions provide a solid basis for understanding the new historical context of China's development, the historical changes in the relationship between China and the world and between the CPC and the world as well as the scientific planning and in-depth promotion of the Party’s external work.",
			Type: "1-1", Confidence: 0.55, Paragraph: 6, Doc: doc},
		{ZH: "深刻把握战略全局，明确新时代党的对外工作的基本定位。", EN: "", Type: "1-0", Confidence: 0.3, Paragraph: 7, Doc: doc},
	}
}

// nastyPairs holds inputs that break naive TMX writers. Every Chinese side
// is a single sentence ending in 。 so that OmegaT makes it one segment.
func nastyPairs() []align.Pair {
	long := strings.Repeat("中华人民共和国在国际舞台上发挥着越来越重要的作用，", 2000) + "完。" // ~100 KB
	longEN := strings.Repeat("China plays an ever more important role on the world stage, ", 1700) + "the end."
	return []align.Pair{
		{ZH: "甲乙&丙<丁>戊“引号”和'单引号'。", EN: `A & B <C> "D" 'E'.`, Type: "1-1", Confidence: 0.9},
		{ZH: "控制\u0001字符\u000B被删除。", EN: "control\u0001 characters\u000B dropped.", Type: "1-1", Confidence: 0.9},
		{ZH: "非字符\uFFFE与孤立代理\xed\xa0\x80。", EN: "non-character\uFFFE and lone surrogate\xed\xb0\x80.", Type: "1-1", Confidence: 0.9},
		{ZH: "表情😀和旗帜🇨🇳。", EN: "Emoji 😀 and flag 🇨🇳.", Type: "1-1", Confidence: 0.9},
		{ZH: "不换行\u00a0空格和全角\u3000空格。", EN: "No-break\u00a0space and ideographic\u3000space.", Type: "1-1", Confidence: 0.9},
		{ZH: "标点：《书名》【注】（一）、——……；！？", EN: "Punctuation: “Book” [note] (1), — …; !?", Type: "1-1", Confidence: 0.9},
		{ZH: "制表\t符与]]>结束。", EN: "tab\tand ]]> end.", Type: "1-1", Confidence: 0.9},
		{ZH: long, EN: longEN, Type: "1-1", Confidence: 0.9},
	}
}

type alignPair = align.Pair

// cmpDiffLong is cmp.Diff with long strings shortened, so that a ~100 KB
// segment does not flood the test log.
func cmpDiffLong(want, got []string) string {
	short := func(ss []string) []string {
		out := make([]string, len(ss))
		for i, s := range ss {
			if len(s) > 300 {
				s = s[:150] + fmt.Sprintf("…[%d bytes]…", len(s)-300) + s[len(s)-150:]
			}
			out[i] = s
		}
		return out
	}
	if cmp.Equal(want, got) {
		return ""
	}
	return cmp.Diff(short(want), short(got))
}
