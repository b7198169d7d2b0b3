package segment

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// para is a paragraph as the hard-case tables write it: "kind: text".
func paraList(d *Document) []string {
	var out []string
	for _, p := range d.Paragraphs {
		out = append(out, p.Kind.String()+": "+p.In(d.Text))
	}
	return out
}

func ruleList(r *Report) []string {
	var out []string
	for _, c := range r.Changes {
		out = append(out, c.Rule)
	}
	return out
}

// TestParagraphHardCases is the table of hard cases for cleaning and
// paragraphs: each input goes through Segmenter.Monolingual and must give
// exactly these paragraphs (kind and text) and these report entries.
func TestParagraphHardCases(t *testing.T) {
	tests := []struct {
		name    string
		lang    Lang
		disable []string
		in      string
		want    []string
		rules   []string
	}{
		{
			name: "zh lines are paragraphs, dateline and department",
			lang: Chinese,
			in:   "关于某事的通知\n（2022年10月20日）\n中共中央对外联络部\n\n第一段。\n第二段。\n",
			want: []string{"title: 关于某事的通知", "dateline: （2022年10月20日）", "dateline: 中共中央对外联络部", "body: 第一段。", "body: 第二段。"},
		},
		{
			name: "zh news agency dateline and byline are datelines, not joined to the title",
			lang: Chinese,
			in:   "外交部发言人就中美关系答记者问\n新华社北京10月20日电\n问：据报道，美方近日宣布了新的措施。中方对此有何评论？\n答：中方坚决反对！\n（记者 王某 李某）\n",
			want: []string{"title: 外交部发言人就中美关系答记者问", "dateline: 新华社北京10月20日电", "body: 问：据报道，美方近日宣布了新的措施。中方对此有何评论？", "body: 答：中方坚决反对！", "dateline: （记者 王某 李某）"},
		},
		{
			name: "en title naming a ministry is a title; the ministry's own line a dateline",
			lang: English,
			in:   "Foreign Ministry Spokesperson's Remarks on China-US Relations\nMinistry of Foreign Affairs of the People's Republic of China\nXinhua News Agency\nQ: What is China's comment?\n(Reporters: Wang and Li)\n",
			want: []string{"title: Foreign Ministry Spokesperson's Remarks on China-US Relations", "dateline: Ministry of Foreign Affairs of the People's Republic of China", "dateline: Xinhua News Agency", "body: Q: What is China's comment?", "dateline: (Reporters: Wang and Li)"},
		},
		{
			name:  "zh title over two lines rejoined, never into body",
			lang:  Chinese,
			in:    "习近平总书记关于党的对外工作的重要论述\n和十年来党的对外工作主要情况\n正文第一句话在这里。\n",
			want:  []string{"title: 习近平总书记关于党的对外工作的重要论述和十年来党的对外工作主要情况", "body: 正文第一句话在这里。"},
			rules: []string{RuleTitleJoin},
		},
		{
			name:  "zh paragraph broken across a blank line by page layout",
			lang:  Chinese,
			in:    "党的对外工作开创新局面。同主要国家政党交往逐渐成熟，同新兴政\n\n党交往实现新突破。不拘一格的交往形式。\n",
			want:  []string{"body: 党的对外工作开创新局面。同主要国家政党交往逐渐成熟，同新兴政党交往实现新突破。不拘一格的交往形式。"},
			rules: []string{RuleBrokenParagraph},
		},
		{
			name:  "en paragraph broken across a blank line",
			lang:  English,
			in:    "The Party has made friends. It has deepened its cooperation with the\n\nparties of all countries and regions.\n",
			want:  []string{"body: The Party has made friends. It has deepened its cooperation with the parties of all countries and regions."},
			rules: []string{RuleBrokenParagraph},
		},
		{
			name:  "zero width joiner inside an emoji sequence is kept",
			lang:  Chinese,
			in:    "大家点赞👨\u200d👩，好\u200d。\n",
			want:  []string{"body: 大家点赞👨\u200d👩，好。"},
			rules: []string{RuleZeroWidth},
		},
		{
			name: "zh title without punctuation is not joined to the body after it",
			lang: Chinese,
			in:   "围绕巩固新生的人民政权,以“打破封锁”为核心使命\n\n建国之初,围绕巩固新生的人民政权这一中心工作,党的对外工作实现了第一步跨越式发展。\n",
			want: []string{"title: 围绕巩固新生的人民政权,以“打破封锁”为核心使命", "body: 建国之初,围绕巩固新生的人民政权这一中心工作,党的对外工作实现了第一步跨越式发展。"},
		},
		{
			name: "zh line ending a sentence is not joined",
			lang: Chinese,
			in:   "越来越多的政党来到中国。\n\n领导人们纷纷表示赞赏，希望加强交流。\n",
			want: []string{"body: 越来越多的政党来到中国。", "body: 领导人们纷纷表示赞赏，希望加强交流。"},
		},
		{
			name: "zh broken line not joined to a section heading",
			lang: Chinese,
			in:   "这是一段很长的正文，讲述了许多事情。后面还有一些内容但是被截断了没有标点\n\n二、第二部分的标题\n",
			want: []string{"body: 这是一段很长的正文，讲述了许多事情。后面还有一些内容但是被截断了没有标点", "heading: 二、第二部分的标题"},
		},
		{
			name: "zh sub-section label is a heading",
			lang: Chinese,
			in:   "(一) 青山着意化为桥\n\n正文。\n",
			want: []string{"heading: (一) 青山着意化为桥", "body: 正文。"},
		},
		{
			name: "zh lead-in ending with a dash is body",
			lang: Chinese,
			in:   "日臻成熟的对话机制，让党际交往韧性更强——\n中俄执政党对话定期举行。\n",
			want: []string{"body: 日臻成熟的对话机制，让党际交往韧性更强——", "body: 中俄执政党对话定期举行。"},
		},
		{
			name:  "foreign paragraph set apart",
			lang:  Chinese,
			in:    "党的对外工作历来是党的一条重要战线。\n\nAdvertisement for the book, with a portrait and a photo of a launch event.\n\n东方风来春色新\n",
			want:  []string{"body: 党的对外工作历来是党的一条重要战线。", "foreign: Advertisement for the book, with a portrait and a photo of a launch event.", "title: 东方风来春色新"},
			rules: []string{RuleForeign},
		},
		{
			name:    "foreign rule disabled",
			lang:    Chinese,
			disable: []string{RuleForeign},
			in:      "党的对外工作历来是党的一条重要战线。\nAn English sentence here.\n",
			want:    []string{"body: 党的对外工作历来是党的一条重要战线。", "body: An English sentence here."},
		},
		{
			name: "en title over three lines, dateline, department",
			lang: English,
			in:   "The External Work of the Communist Party of China \nover the Past Decade Under the Guidance of Xi Jinping:\nAn Overview \n(October 20, 2022)\nInternational Department of the Central Committee of the Communist Party of China\n\nSince 2012, much has been done.\n",
			want: []string{
				"title: The External Work of the Communist Party of China over the Past Decade Under the Guidance of Xi Jinping: An Overview",
				"dateline: (October 20, 2022)",
				"dateline: International Department of the Central Committee of the Communist Party of China",
				"body: Since 2012, much has been done.",
			},
			rules: []string{RuleTrailingSpace, RuleTitleJoin, RuleTitleJoin, RuleTrailingSpace},
		},
		{
			name: "en day-month dateline",
			lang: English,
			in:   "External Relations of the Communist Party of China\n\n25 September, 2003\n\nSince its foundation in 1921, the Party has kept close links.\n",
			want: []string{"title: External Relations of the Communist Party of China", "dateline: 25 September, 2003", "body: Since its foundation in 1921, the Party has kept close links."},
		},
		{
			name: "en hard-wrapped paragraphs are unwrapped",
			lang: English,
			in: "Since its foundation in 1921, the Communist Party of China has\nmaintained close links with the outside world.\n\n" +
				"As the CPC became the ruling party, its external relations\nbecame an important part of the state diplomacy.\n\n" +
				"In the wake of the Third Plenary Session, the Party shifted\nits focus to economic development.\n",
			want: []string{
				"body: Since its foundation in 1921, the Communist Party of China has maintained close links with the outside world.",
				"body: As the CPC became the ruling party, its external relations became an important part of the state diplomacy.",
				"body: In the wake of the Third Plenary Session, the Party shifted its focus to economic development.",
			},
			rules: []string{RuleUnwrap, RuleUnwrap, RuleUnwrap},
		},
		{
			name: "zh hard-wrapped at a fixed width, paragraphs marked by indentation",
			lang: Chinese,
			in: "第一章　开端\n" +
				"\u3000\u3000党的对外工作历来是党的一条重要战线，新中国成立\n" +
				"后更成为国家总体外交的重要组成部分。党的十八大以\n" +
				"来，党的对外工作不断开创新境界。\n" +
				"\u3000\u3000中国共产党是世界上最大的政党，为人类作出新的更\n" +
				"大的贡献，是中国共产党为之不懈奋斗的崇高理想。\n",
			want: []string{
				"heading: 第一章　开端",
				"body: 党的对外工作历来是党的一条重要战线，新中国成立后更成为国家总体外交的重要组成部分。党的十八大以来，党的对外工作不断开创新境界。",
				"body: 中国共产党是世界上最大的政党，为人类作出新的更大的贡献，是中国共产党为之不懈奋斗的崇高理想。",
			},
			rules: []string{RuleIndent, RuleUnwrap, RuleUnwrap, RuleIndent, RuleUnwrap},
		},
		{
			name: "en hard-wrapped without blank lines",
			lang: English,
			in: "Since its foundation in 1921, the Communist Party of China has\n" +
				"maintained close links with the outside world. The Party were in\n" +
				"friendly contacts with progressive forces around the world.\n" +
				"    As the CPC became the ruling party of New China, its external\n" +
				"relations became an important part of the country's diplomacy, a well-\n" +
				"known one.\n",
			want: []string{
				"body: Since its foundation in 1921, the Communist Party of China has maintained close links with the outside world. The Party were in friendly contacts with progressive forces around the world.",
				"body: As the CPC became the ruling party of New China, its external relations became an important part of the country's diplomacy, a well-known one.",
			},
			rules: []string{RuleUnwrap, RuleUnwrap, RuleIndent, RuleUnwrap, RuleUnwrap},
		},
		{
			name: "zh wrapped at a fixed width: a section label at full width is not a heading",
			lang: Chinese,
			in: "（一）青山着意化为桥\n\n" +
				"一、习近平总书记关于党的对外工作的重要论述深刻回答了新\n" +
				"时代党的对外工作一系列方向性、根本性、战略性重大问题。\n\n" +
				"党的十八大以来，习近平总书记就党的对外工作作出一系列重\n" +
				"要论述，为做好新时代党的对外工作提供了根本遵循和行动。\n\n" +
				"二、党的对外工作顺时谋势、守正创新，不断开创新局面，展\n" +
				"现新气象，取得一系列历史性成就，为党和国家作出了贡献。\n",
			want: []string{
				"heading: （一）青山着意化为桥",
				"body: 一、习近平总书记关于党的对外工作的重要论述深刻回答了新时代党的对外工作一系列方向性、根本性、战略性重大问题。",
				"body: 党的十八大以来，习近平总书记就党的对外工作作出一系列重要论述，为做好新时代党的对外工作提供了根本遵循和行动。",
				"body: 二、党的对外工作顺时谋势、守正创新，不断开创新局面，展现新气象，取得一系列历史性成就，为党和国家作出了贡献。",
			},
			rules: []string{RuleUnwrap, RuleUnwrap, RuleUnwrap},
		},
		{
			name: "en wrapped: a section label and a department line at full width go on",
			lang: English,
			in: "International Department of the Central Committee of the Communist Party\n" +
				"of China\n\n" +
				"I. The important expositions by General Secretary Xi Jinping give\n" +
				"definitive answers to a series of major questions of orientational,\n" +
				"fundamental and strategic significance in the new era.\n\n" +
				"Based on a keen understanding of the historical context, these\n" +
				"expositions establish a clear definition of the background for the\n" +
				"Party's external work in the new era.\n\n" +
				"II. Main achievements\n",
			want: []string{
				"dateline: International Department of the Central Committee of the Communist Party of China",
				"body: I. The important expositions by General Secretary Xi Jinping give definitive answers to a series of major questions of orientational, fundamental and strategic significance in the new era.",
				"body: Based on a keen understanding of the historical context, these expositions establish a clear definition of the background for the Party's external work in the new era.",
				"heading: II. Main achievements",
			},
			rules: []string{RuleUnwrap, RuleUnwrap, RuleUnwrap, RuleUnwrap, RuleUnwrap},
		},
		{
			name:  "zh line starting with 。 or ” continues the line before",
			lang:  Chinese,
			in:    "深刻把握时代潮流，明确新时代党的对外工作的基本原则\n。习近平总书记指出，要增进互信。他说：“我们不输入外国模式。\n”随后他离开了。\n\n……\n",
			want:  []string{"body: 深刻把握时代潮流，明确新时代党的对外工作的基本原则。习近平总书记指出，要增进互信。他说：“我们不输入外国模式。”随后他离开了。", "body: ……"},
			rules: []string{RuleUnwrap, RuleUnwrap},
		},
		{
			name: "en unwrapped lines are not joined when most blocks are single lines",
			lang: English,
			in:   "First paragraph ends here.\n\nSecond paragraph ends here.\n\nThird one.\nFourth one.\n",
			want: []string{"body: First paragraph ends here.", "body: Second paragraph ends here.", "body: Third one.", "body: Fourth one."},
		},
		{
			name:  "en section label kept with its sentence",
			lang:  English,
			in:    "I. The important expositions give answers.\n",
			want:  []string{"body: I. The important expositions give answers."},
			rules: nil,
		},
		{
			name:  "photo caption printed twice",
			lang:  Chinese,
			in:    "  1. 毛泽东和斯大林\n    毛泽东和斯大林\n  2. 周恩来与格瓦拉握手\n    周恩来与格瓦拉握手\n正文。\n",
			want:  []string{"heading: 1. 毛泽东和斯大林", "heading: 2. 周恩来与格瓦拉握手", "body: 正文。"},
			rules: []string{RuleIndent, RuleCaptionDuplicate, RuleIndent, RuleCaptionDuplicate}, // the dropped line's own indent is part of its removal
		},
		{
			name:  "breadcrumb and footer lines",
			lang:  Chinese,
			in:    "正文。\n中国共产党新闻>>党政视点>>时事热点来源:人民网    时间:2009年09月16日07:19    (责编:高雷)\n48小时排行榜 48小时评论榜\n",
			want:  []string{"body: 正文。"},
			rules: []string{RuleBreadcrumb, RuleFooter},
		},
		{
			name: "a body sentence about sources is not a footer",
			lang: Chinese,
			in:   "这是力量的来源，也是时间的见证。\n资金来源与使用时间表\n",
			want: []string{"body: 这是力量的来源，也是时间的见证。", "title: 资金来源与使用时间表"},
		},
		{
			name:  "more links and a Word bookmark",
			lang:  Chinese,
			in:    "[bookmark: _GoBack]深刻把握时代潮流。\n正文到此结束。【详细】\n另一段。 [更多]\n",
			want:  []string{"body: 深刻把握时代潮流。", "body: 正文到此结束。", "body: 另一段。"},
			rules: []string{RuleBookmark, RuleMoreLink, RuleTrailingSpace, RuleMoreLink},
		},
		{
			name:  "zero-width, control characters and U+3000 indentation",
			lang:  Chinese,
			in:    "\u3000\u3000党的\u200b对外\u0007工作。\r\n第二段\ufeff。\r\n",
			want:  []string{"body: 党的对外工作。", "body: 第二段。"},
			rules: []string{RuleIndent, RuleZeroWidth, RuleControl, RuleLineEndings, RuleZeroWidth},
		},
		{
			name:  "GBK mojibake repaired",
			lang:  English,
			in:    "As an important part of the cause of the Party£¬the Party's external work goes on.\n",
			want:  []string{"body: As an important part of the cause of the Party，the Party's external work goes on."},
			rules: []string{RuleMojibake},
		},
		{
			name: "real Latin-1 text is not mojibake",
			lang: English,
			in:   "The café served a créée dish, süß and ½ price; £5 only.\n",
			want: []string{"body: The café served a créée dish, süß and ½ price; £5 only."},
		},
		{
			name:    "every cleaning rule can be switched off",
			lang:    Chinese,
			disable: []string{RuleIndent, RuleMoreLink, RuleMojibake},
			in:      "\u3000\u3000正文。【详细】\n",
			want:    []string{"body: \u3000\u3000正文。【详细】"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Segmenter{Disable: tt.disable}
			doc, err := s.Monolingual("case.txt", []byte(tt.in), tt.lang)
			if err != nil {
				t.Fatalf("Monolingual() error: %v", err)
			}
			checkDocument(t, doc)
			if diff := cmp.Diff(tt.want, paraList(doc)); diff != "" {
				t.Errorf("paragraphs mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.rules, ruleList(doc.Report)); diff != "" {
				t.Errorf("report rules mismatch (-want +got):\n%s\n%s", diff, reportString(doc.Report))
			}
		})
	}
}

func reportString(r *Report) string {
	var b strings.Builder
	for _, c := range r.Changes {
		b.WriteString(c.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// checkDocument asserts the span contract: paragraphs are ordered, disjoint
// and inside Text, separated by exactly "\n"; sentences likewise inside
// their paragraph, and with the gaps they rebuild it.
func checkDocument(t testing.TB, d *Document) {
	t.Helper()
	pos := 0
	for i, p := range d.Paragraphs {
		if p.Start < pos || p.End < p.Start || p.End > len(d.Text) {
			t.Fatalf("paragraph %d span %v out of order or outside text (len %d, pos %d)", i, p.Span, len(d.Text), pos)
		}
		if i > 0 && d.Text[pos:p.Start] != "\n" {
			t.Fatalf("paragraph %d: gap %q before it, want \"\\n\"", i, d.Text[pos:p.Start])
		}
		sp := p.Start
		for j, s := range p.Sentences {
			if s.Start < sp || s.End < s.Start || s.End > p.End {
				t.Fatalf("paragraph %d sentence %d span %v outside %v or out of order", i, j, s, p.Span)
			}
			sp = s.End
		}
		pos = p.End
	}
	if len(d.Paragraphs) > 0 && pos != len(d.Text) {
		t.Fatalf("text continues after the last paragraph: %q", d.Text[pos:])
	}
	if len(d.Paragraphs) == 0 && d.Text != "" {
		t.Fatalf("text %q without paragraphs", d.Text)
	}
	if d.Report == nil {
		t.Fatal("document without report")
	}
}

func TestBreadcrumbLines(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"中国共产党新闻>>党政视点>>时事热点", true},
		{"首页 > 新闻 > 国际", true},
		{"首页 > 新闻", true},
		{"当前位置：首页 - 新闻中心", true},
		{"Home » World » Asia", true},
		{"增长率>>10%的企业>>数量翻番。", false},
		{"a > b is true when a is larger", false},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			if got := isBreadcrumb(tt.line); got != tt.want {
				t.Errorf("isBreadcrumb(%q) = %v, want %v", tt.line, got, tt.want)
			}
		})
	}
}

func TestFooterLines(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"来源：新华社", true},
		{"责任编辑：张三", true},
		{"Source: Xinhua", true},
		{"(责编:高雷)", true},
		{"48小时排行榜 48小时评论榜", true},
		{"来源:人民网-中国共产党新闻网    时间:2009年09月16日07:19", true},
		{"这是力量的来源，也是时间的见证。", false},
		{"资金来源与使用时间表", false},
		{"编辑：你怎么看这个问题？", false},
		{"The source of the river", false},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			if got := isFooter(tt.line); got != tt.want {
				t.Errorf("isFooter(%q) = %v, want %v", tt.line, got, tt.want)
			}
		})
	}
}

func TestIsDate(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"（2022年10月20日）", true},
		{"2009年09月16日07:19", true},
		{"二〇二二年十月二十日", true},
		{"(October 20, 2022)", true},
		{"25 September, 2003", true},
		{"Beijing, 20\u00a0October 2022", true},
		{"Sept. 3rd, 2003", true},
		{"October 20, 2022, the Party held a meeting.", false},
		{"May I help you", false},
		{"2022年的工作", false},
		{"The 2022 March", false},
	}
	for _, tt := range tests {
		t.Run(tt.s, func(t *testing.T) {
			if got := isDate(tt.s); got != tt.want {
				t.Errorf("isDate(%q) = %v, want %v", tt.s, got, tt.want)
			}
		})
	}
}
