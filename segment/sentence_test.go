package segment

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// splitText runs SplitSentences on the whole of text as one paragraph and
// returns the sentence texts.
func splitText(text string, lang Lang, r *Rules) []string {
	sents, _ := SplitSentences(text, Span{0, len(text)}, lang, r)
	var out []string
	for _, s := range sents {
		out = append(out, s.In(text))
	}
	return out
}

// One table per pitfall of REFERENCE §5; every case is one paragraph.
var zhHardCases = []struct {
	name string
	in   string
	want []string
}{
	// terminators and runs
	{"full stop", "今天下雨。明天晴。", []string{"今天下雨。", "明天晴。"}},
	{"exclamation and question", "真好！你去吗？我去。", []string{"真好！", "你去吗？", "我去。"}},
	{"run ？！", "真的吗？！不会吧。", []string{"真的吗？！", "不会吧。"}},
	{"run ！！", "太好了！！我们赢了。", []string{"太好了！！", "我们赢了。"}},
	{"run 。。", "完了。。再见。", []string{"完了。。", "再见。"}},
	{"ellipsis then full stop", "他想了想……。然后走了。", []string{"他想了想……。", "然后走了。"}},
	{"ellipsis alone is not an end", "格瓦拉 铁托 基辛格……中共60年来广交好友", []string{"格瓦拉 铁托 基辛格……中共60年来广交好友"}},
	{"ellipsis in a list", "同朝鲜交往，同越南交往……赓续传统友谊。", []string{"同朝鲜交往，同越南交往……赓续传统友谊。"}},
	{"no final punctuation", "东方风来春色新", []string{"东方风来春色新"}},
	// closers stay with the sentence they close
	{"。” ends a sentence", "他说：“我们要开放。”随后他离开了。", []string{"他说：“我们要开放。”", "随后他离开了。"}},
	{"？” ends a sentence", "“你去吗？”他转身走了。", []string{"“你去吗？”", "他转身走了。"}},
	// a quotation and its attribution are one sentence (the English has one:
	// “…,” Bounnhang said.)
	{"attribution 说", "“中国同志的好做法十分宝贵。”本扬说。", []string{"“中国同志的好做法十分宝贵。”本扬说。"}},
	{"attribution with a long speaker", "“这充分展示了民主决策过程。”巴拿马民主革命党总书记佩德罗·冈萨雷斯说。下一句。", []string{"“这充分展示了民主决策过程。”巴拿马民主革命党总书记佩德罗·冈萨雷斯说。", "下一句。"}},
	{"attribution between two quotes", "“我们欢迎合作。”她说，“门是敞开的。”", []string{"“我们欢迎合作。”她说，“门是敞开的。”"}},
	{"attribution 问", "“你去吗？”他问。", []string{"“你去吗？”他问。"}},
	{"attribution 强调", "“我们要开放。”他强调。随后他离开了。", []string{"“我们要开放。”他强调。", "随后他离开了。"}},
	{"not an attribution: 小说", "“书很好看。”这是一部小说。", []string{"“书很好看。”", "这是一部小说。"}},
	{"not an attribution: 访问", "“我们要开放。”他结束了访问。", []string{"“我们要开放。”", "他结束了访问。"}},
	{"not an attribution: 表示赞同", "“要坚持开放。”与会代表表示赞同。", []string{"“要坚持开放。”", "与会代表表示赞同。"}},
	{"not an attribution: a comma in the clause", "“要坚持开放。”会后，他对记者说。", []string{"“要坚持开放。”", "会后，他对记者说。"}},
	{"closer run 。”）", "（他说：“好。”）我们走吧。", []string{"（他说：“好。”）", "我们走吧。"}},
	{"corner brackets", "「走吧。」『好。』", []string{"「走吧。」", "『好。』"}},
	{"book title bracket", "他读了《论语。》然后睡了。", []string{"他读了《论语。》", "然后睡了。"}},
	{"lenticular bracket", "【详细。】下一条。", []string{"【详细。】", "下一条。"}},
	{"closer after a space", "你不会摔交。 ”韦小宝道：“谁说不会？”", []string{"你不会摔交。 ”", "韦小宝道：“谁说不会？”"}},
	{"ellipsis closing a quotation ends", "“不过……不过……”海老公道：“不过怎么？”", []string{"“不过……不过……”", "海老公道：“不过怎么？”"}},
	{"dash closing a quotation ends", "“你为什么——”说到这里，他停了。", []string{"“你为什么——”", "说到这里，他停了。"}},
	{"ellipsis and closer before a comma", "“不过……”，他说。", []string{"“不过……”，他说。"}},
	{"number label with space before hanzi", "这是生活的一部分。7. 开麦拉", []string{"这是生活的一部分。", "7. 开麦拉"}},
	{"ASCII quote as closer", "他说\"好。\"我走了。", []string{"他说\"好。\"", "我走了。"}},
	{"quote without terminator does not end", "他用“一边倒”的政策取得成功。", []string{"他用“一边倒”的政策取得成功。"}},
	{"quote run inside sentence", "“欣闻大选顺利。”2020年11月16日，他发去贺信。", []string{"“欣闻大选顺利。”", "2020年11月16日，他发去贺信。"}},
	// break before an opener
	{"break before （", "会议结束。（完）", []string{"会议结束。", "（完）"}},
	{"break before “", "他走了。“再见”是他的最后一句话。", []string{"他走了。", "“再见”是他的最后一句话。"}},
	{"break between ” and “", "“好。”“走吧。”", []string{"“好。”", "“走吧。”"}},
	// list markers stay with their item
	{"一、", "一、坚持原则。二、扩大交往。", []string{"一、坚持原则。", "二、扩大交往。"}},
	{"（一）", "（一）青山着意化为桥。（二）万里同心。", []string{"（一）青山着意化为桥。", "（二）万里同心。"}},
	{"(一) half-width", "(一) 青山着意化为桥", []string{"(一) 青山着意化为桥"}},
	{"1. before hanzi", "1.坚持原则。2.扩大交往。", []string{"1.坚持原则。", "2.扩大交往。"}},
	{"circled numbers", "①坚持原则。②扩大交往。", []string{"①坚持原则。", "②扩大交往。"}},
	{"decimal in Chinese", "增长了3.5%。达到1.3亿。", []string{"增长了3.5%。", "达到1.3亿。"}},
	// list markers in mid-paragraph, after a sentence end
	{"mid 三、", "会议结束。三、深化合作。", []string{"会议结束。", "三、深化合作。"}},
	{"mid （二） after a space", "他说完了。 （二）万里同心。", []string{"他说完了。", "（二）万里同心。"}},
	{"mid (二) half-width", "他说完了。(二) 万里同心。", []string{"他说完了。", "(二) 万里同心。"}},
	{"mid ③", "任务明确。③深化合作。", []string{"任务明确。", "③深化合作。"}},
	{"mid 2. before hanzi", "任务明确。2. 深化合作。", []string{"任务明确。", "2. 深化合作。"}},
	{"mid II. before hanzi", "任务明确。II. 深化合作。", []string{"任务明确。", "II. 深化合作。"}},
	{"mid (c) before hanzi", "任务明确。(c) 深化合作。", []string{"任务明确。", "(c) 深化合作。"}},
	{"mid a) before hanzi", "任务明确。a) 深化合作。", []string{"任务明确。", "a) 深化合作。"}},
	{"mid 2. after half-width end", "他来了. 2. 我走了", []string{"他来了.", "2. 我走了"}},
	{"mid II. with English item", "任务明确。 II. Next steps are set.", []string{"任务明确。", "II. Next steps are set."}},
	{"ordinal 第2.3节 is no label", "见第2.3节。第3节更长。", []string{"见第2.3节。", "第3节更长。"}},
	// half-width punctuation in web text
	{"half-width . before hanzi", "他来了.我走了.", []string{"他来了.", "我走了."}},
	{"half-width ! ? before hanzi", "真好!你去吗?我去", []string{"真好!", "你去吗?", "我去"}},
	{"half-width with space", "他来了. 我走了", []string{"他来了.", "我走了"}},
	{"half-width run ?!", "真的吗?!不会吧", []string{"真的吗?!", "不会吧"}},
	{"half-width . after Latin stays", "他在U.S.工作。", []string{"他在U.S.工作。"}},
	{"half-width before opener", "会议结束.(完)", []string{"会议结束.", "(完)"}},
	// ；and ：are not sentence ends
	{"；is not an end", "一是坚持原则；二是扩大交往。", []string{"一是坚持原则；二是扩大交往。"}},
	{"：is not an end", "他说：我们走。", []string{"他说：我们走。"}},
	{"，is not an end", "中国共产党，世界上最大的政党。", []string{"中国共产党，世界上最大的政党。"}},
	// white space
	{"ideographic space after end", "甲。\u3000乙。", []string{"甲。", "乙。"}},
	{"indent is left in the gap", "\u3000\u3000党的十八大以来，成绩显著。", []string{"党的十八大以来，成绩显著。"}},
	{"space before terminator kept", "甲十九 。乙", []string{"甲十九 。", "乙"}},
	// English inside a Chinese paragraph
	{"initials after a hanzi", "用法律实证主义者H. L. A.哈特的话说：证明某物有效。", []string{"用法律实证主义者H. L. A.哈特的话说：证明某物有效。"}},
	{"title after a hanzi", "会见了Mr. Smith先生。", []string{"会见了Mr. Smith先生。"}},
	{"English sentence inside", "他说：Mr. Smith went home. He slept.好。", []string{"他说：Mr. Smith went home.", "He slept.好。"}},
}

var enHardCases = []struct {
	name string
	in   string
	want []string
}{
	{"simple", "The talks ended. Both sides agreed.", []string{"The talks ended.", "Both sides agreed."}},
	{"question and exclamation", "Why? Because! It works.", []string{"Why?", "Because!", "It works."}},
	{"no final punctuation", "External Relations of the Communist Party of China", []string{"External Relations of the Communist Party of China"}},
	// abbreviations
	{"Mr. Mrs. Dr.", "Mr. Smith met Mrs. Jones and Dr. Brown. They talked.", []string{"Mr. Smith met Mrs. Jones and Dr. Brown.", "They talked."}},
	{"Prof. St.", "Prof. Li visited St. Petersburg. It was cold.", []string{"Prof. Li visited St. Petersburg.", "It was cold."}},
	{"Pres. Gen.", "Pres. Lincoln met Gen. Grant. The war ended.", []string{"Pres. Lincoln met Gen. Grant.", "The war ended."}},
	{"U.S. before a capital", "The U.S. President arrived. He spoke.", []string{"The U.S. President arrived.", "He spoke."}},
	{"U.K. and U.S.", "Talks with the U.K. and the U.S. went well. Good.", []string{"Talks with the U.K. and the U.S. went well.", "Good."}},
	{"No. before a number", "He lives at No. 10 Downing Street. Next.", []string{"He lives at No. 10 Downing Street.", "Next."}},
	{"No. at sentence end", "He said No. Then he left.", []string{"He said No.", "Then he left."}},
	{"e.g. and i.e.", "Some parties, e.g. Labour, agreed, i.e. most of them. Fine.", []string{"Some parties, e.g. Labour, agreed, i.e. most of them.", "Fine."}},
	{"etc. mid-sentence", "Parties, unions, etc. were invited. They came.", []string{"Parties, unions, etc. were invited.", "They came."}},
	{"etc. at the end", "We met parties, unions, etc. The talks began.", []string{"We met parties, unions, etc.", "The talks began."}},
	{"month before a day", "On Jan. 20 he left. In Dec. 2003 he returned.", []string{"On Jan. 20 he left.", "In Dec. 2003 he returned."}},
	{"Inc. before lowercase", "Acme Inc. and Foo Ltd. signed. Done.", []string{"Acme Inc. and Foo Ltd. signed.", "Done."}},
	{"Ltd. at the end", "He joined Foo Ltd. The firm grew.", []string{"He joined Foo Ltd.", "The firm grew."}},
	{"pp. and Fig.", "See pp. 3-5 and Fig. 2 for details. Then stop.", []string{"See pp. 3-5 and Fig. 2 for details.", "Then stop."}},
	{"et al.", "Smith et al. found it. Others did not.", []string{"Smith et al. found it.", "Others did not."}},
	{"vs.", "China vs. Brazil ended 1-1. Fans cheered.", []string{"China vs. Brazil ended 1-1.", "Fans cheered."}},
	{"Amb. and Rt. Hon.", "He met Amb. Qin Gang and the Rt. Hon. Tony Blair. They talked.", []string{"He met Amb. Qin Gang and the Rt. Hon. Tony Blair.", "They talked."}},
	{"Dept. and Govt.", "The U.S. Dept. of State and the Govt. Printing Office agreed. Fine.", []string{"The U.S. Dept. of State and the Govt. Printing Office agreed.", "Fine."}},
	{"a.m. before a time zone", "The meeting opened at 10 a.m. Beijing time on Monday. It lasted two hours.", []string{"The meeting opened at 10 a.m. Beijing time on Monday.", "It lasted two hours."}},
	{"p.m. GMT", "Voting closes at 9 p.m. GMT. Results follow.", []string{"Voting closes at 9 p.m. GMT.", "Results follow."}},
	{"p.m. at the end", "He arrived at 3 p.m. The talks began at once.", []string{"He arrived at 3 p.m.", "The talks began at once."}},
	{"quoted question and its attribution", "“Why not?” President Xi asked. The room was silent.", []string{"“Why not?” President Xi asked.", "The room was silent."}},
	{"quoted question then a new sentence", "“Why not?” The room was silent.", []string{"“Why not?”", "The room was silent."}},
	// initials
	{"initials", "J. R. R. Tolkien wrote it. We read it.", []string{"J. R. R. Tolkien wrote it.", "We read it."}},
	{"pronoun I at the end", "I was satisfied, and so was I. At those moments, I felt it.", []string{"I was satisfied, and so was I.", "At those moments, I felt it."}},
	{"spaced ellipsis", "It's just that. . . what with killing that boy. Then he left.", []string{"It's just that. . . what with killing that boy.", "Then he left."}},
	{"lowercase fig.", "The instrument in fig. 1.2 consists of two parts. It works.", []string{"The instrument in fig. 1.2 consists of two parts.", "It works."}},
	{"middle initial", "George W. Bush visited China. He met leaders.", []string{"George W. Bush visited China.", "He met leaders."}},
	// numbers
	{"decimal", "Growth was 1.3 percent. It rose.", []string{"Growth was 1.3 percent.", "It rose."}},
	{"decimal at start", "3.5 million people came. They left.", []string{"3.5 million people came.", "They left."}},
	{"sentence ending in a number", "It was founded in 1921. The Party grew.", []string{"It was founded in 1921.", "The Party grew."}},
	// section labels at paragraph start
	{"roman I.", "I. The Party's external work is growing. It helps.", []string{"I. The Party's external work is growing.", "It helps."}},
	{"roman II.", "II. Deepening exchanges matters. We agree.", []string{"II. Deepening exchanges matters.", "We agree."}},
	{"arabic 1.", "1. Stick to principles. Expand exchanges.", []string{"1. Stick to principles.", "Expand exchanges."}},
	{"arabic 1.2.", "1.2. Scope of work. It is wide.", []string{"1.2. Scope of work.", "It is wide."}},
	{"letter A.", "A. Introduction to the topic. It follows.", []string{"A. Introduction to the topic.", "It follows."}},
	{"(a) label", "(a) The first point. The second point.", []string{"(a) The first point.", "The second point."}},
	{"indented label", "  1. Stick to principles.", []string{"1. Stick to principles."}},
	// section and list labels after a sentence end stay with their item
	{"mid roman III.", "Done. III. Next steps are here.", []string{"Done.", "III. Next steps are here."}},
	{"mid roman I.", "Done. I. The first part. II. The second part.", []string{"Done.", "I. The first part.", "II. The second part."}},
	{"mid arabic 2.", "We agreed. 2. Main tasks are set.", []string{"We agreed.", "2. Main tasks are set."}},
	{"mid arabic 1.2.", "It helps. 1.2. Scope of work.", []string{"It helps.", "1.2. Scope of work."}},
	{"mid letter A.", "Done. A. Introduction follows.", []string{"Done.", "A. Introduction follows."}},
	{"mid lowercase b.", "He left. b. The second item.", []string{"He left.", "b. The second item."}},
	{"mid lowercase iv.", "He left. iv. The fourth item.", []string{"He left.", "iv. The fourth item."}},
	{"mid (b)", "He left. (b) The second item.", []string{"He left.", "(b) The second item."}},
	{"mid (c) before lowercase", "He left. (c) the third item.", []string{"He left.", "(c) the third item."}},
	{"mid (iv)", "He left. (iv) The fourth item.", []string{"He left.", "(iv) The fourth item."}},
	{"mid (B)", "He left. (B) The second item.", []string{"He left.", "(B) The second item."}},
	{"mid (3)", "He left. (3) The third item.", []string{"He left.", "(3) The third item."}},
	{"mid a)", "He left. a) The second item.", []string{"He left.", "a) The second item."}},
	{"mid b) before lowercase", "He left. b) the second item.", []string{"He left.", "b) the second item."}},
	{"mid 4)", "He left. 4) The fourth item.", []string{"He left.", "4) The fourth item."}},
	{"label after a question", "Why? 2. Because it works.", []string{"Why?", "2. Because it works."}},
	{"label after a closing quote", "He said \"yes.\" II. Next steps.", []string{"He said \"yes.\"", "II. Next steps."}},
	{"label after a line break", "Done.\nIII. Next steps.", []string{"Done.", "III. Next steps."}},
	{"label after an ellipsis", "He waited… 2. Next steps.", []string{"He waited…", "2. Next steps."}},
	{"label then lowercase", "We agreed. 2. main tasks are set.", []string{"We agreed.", "2. main tasks are set."}},
	// ... and what looks like a label but is not one
	{"Chapter II. then a sentence", "Chapter II. The war began.", []string{"Chapter II.", "The war began."}},
	{"World War II. at the end", "It ended World War II. The peace began.", []string{"It ended World War II.", "The peace began."}},
	{"number at the end after a word", "The score was 2. Fans cheered.", []string{"The score was 2.", "Fans cheered."}},
	{"in 2. Quarter is a sentence end", "Sales rose in 2. Quarter results follow.", []string{"Sales rose in 2.", "Quarter results follow."}},
	{"U.S. II Corps", "The U.S. II Corps landed. It won.", []string{"The U.S. II Corps landed.", "It won."}},
	{"decimal after an end", "Done. 3.5 million came. They left.", []string{"Done.", "3.5 million came.", "They left."}},
	{"No. 2 Plant", "No. 2 Plant opened. It grew.", []string{"No. 2 Plant opened.", "It grew."}},
	{"pp. 12. at the end", "See pp. 12. Then he left.", []string{"See pp. 12.", "Then he left."}},
	{"Fig. 2. at the end", "See Fig. 2. The results differ.", []string{"See Fig. 2.", "The results differ."}},
	{"No. 10. at the end", "He lives at No. 10. Next door lives Li.", []string{"He lives at No. 10.", "Next door lives Li."}},
	{"Vol. II. at the end", "Read Vol. II. The plot thickens.", []string{"Read Vol. II.", "The plot thickens."}},
	{"initials are not labels", "He met J. K. Rowling. She smiled.", []string{"He met J. K. Rowling.", "She smiled."}},
	{"Mr. A. Smith", "Mr. A. Smith left. He came back.", []string{"Mr. A. Smith left.", "He came back."}},
	{"e.g. (a) stays", "Use a tool, e.g. (a) a saw. Fine.", []string{"Use a tool, e.g. (a) a saw.", "Fine."}},
	{"i.e. after an end is not a label", "He left. i.e. he was gone. Fine.", []string{"He left. i.e. he was gone.", "Fine."}},
	{"lowercase a. before lowercase is no label", "He left. a. the rest. Fine.", []string{"He left. a. the rest.", "Fine."}},
	{"p. before a number after an end", "It is cited. p. 45 has it. Fine.", []string{"It is cited. p. 45 has it.", "Fine."}},
	{"one-letter answer: a known limit", "Who came? I. Then he left.", []string{"Who came?", "I. Then he left."}},
	{"(s) inside a sentence", "The member(s) left. (a) Next.", []string{"The member(s) left.", "(a) Next."}},
	{"parenthesized word after an end", "He left. (but why?) Nobody knew.", []string{"He left. (but why?)", "Nobody knew."}},
	// ellipsis
	{"ellipsis before capital", "He waited... Nobody came.", []string{"He waited...", "Nobody came."}},
	{"ellipsis before lowercase", "He waited... and waited.", []string{"He waited... and waited."}},
	{"unicode ellipsis", "He waited… Nobody came.", []string{"He waited…", "Nobody came."}},
	// quotes and brackets after the terminator
	{"period inside quote", "He said, \"We agree.\" Then he left.", []string{"He said, \"We agree.\"", "Then he left."}},
	{"curly quote", "He said, “We agree.” Then he left.", []string{"He said, “We agree.”", "Then he left."}},
	{"single quote", "He said 'yes.' Then he left.", []string{"He said 'yes.'", "Then he left."}},
	{"question in parentheses", "He asked (why?) and left. Fine.", []string{"He asked (why?) and left.", "Fine."}},
	{"?) at the end", "It was a test (was it?) Yes.", []string{"It was a test (was it?)", "Yes."}},
	{"next sentence in quotes", "He left. \"Why?\" she asked.", []string{"He left.", "\"Why?\" she asked."}},
	// lowercase and other followers
	{"no break before lowercase", "Why? he asked. What now? she said.", []string{"Why? he asked.", "What now? she said."}},
	{"no space no break", "see www.example.com.cn for details.", []string{"see www.example.com.cn for details."}},
	{"digit after end", "It grew in 2019. 2020 was harder.", []string{"It grew in 2019.", "2020 was harder."}},
	{"no-break space after end", "End.\u00a0Next one.", []string{"End.", "Next one."}},
	{"line break inside paragraph", "First line.\nSecond line.", []string{"First line.", "Second line."}},
	{"Chinese full stop in English", "He said 你好。Then left.", []string{"He said 你好。", "Then left."}},
}

func TestSplitSentencesChinese(t *testing.T) {
	for _, tc := range zhHardCases {
		t.Run(tc.name, func(t *testing.T) {
			got := splitText(tc.in, Chinese, nil)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("SplitSentences(%q) mismatch (-want +got):\n%s", tc.in, diff)
			}
			checkSpans(t, tc.in, Span{0, len(tc.in)}, Chinese, nil)
		})
	}
}

func TestSplitSentencesEnglish(t *testing.T) {
	for _, tc := range enHardCases {
		t.Run(tc.name, func(t *testing.T) {
			got := splitText(tc.in, English, nil)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("SplitSentences(%q) mismatch (-want +got):\n%s", tc.in, diff)
			}
			checkSpans(t, tc.in, Span{0, len(tc.in)}, English, nil)
		})
	}
}

func TestSplitSentencesSubs(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want [][]string // per sentence, the pieces between sub-split points
	}{
		{"；", "一是坚持原则；二是扩大交往；三是深化合作。下一句。",
			[][]string{{"一是坚持原则；", "二是扩大交往；", "三是深化合作。"}, {"下一句。"}}},
		{"：before a quote", "他说：“我们走。”好。", [][]string{{"他说：", "“我们走。”"}, {"好。"}}},
		{"：without a quote", "他说：我们走。", [][]string{{"他说：我们走。"}}},
		{"；before a closer: the closer stays", "（一是原则；）二是交往。", [][]string{{"（一是原则；）", "二是交往。"}}},
		{"；at the end", "一是原则；", [][]string{{"一是原则；"}}},
		{"half-width ; after hanzi", "一是原则;二是交往。", [][]string{{"一是原则;", "二是交往。"}}},
		{"English ; is not a sub-split", "One; two.", [][]string{{"One; two."}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sents, subs := SplitSentences(tc.in, Span{0, len(tc.in)}, Unknown, nil)
			var got [][]string
			for i, s := range sents {
				var pieces []string
				start := s.Start
				if subs != nil {
					for _, p := range subs[i] {
						pieces = append(pieces, tc.in[start:p])
						start = p
					}
				}
				got = append(got, append(pieces, tc.in[start:s.End]))
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("SplitSentences(%q) sub-splits mismatch (-want +got):\n%s", tc.in, diff)
			}
			if subs != nil && len(subs) != len(sents) {
				t.Errorf("len(subs) = %d, want %d", len(subs), len(sents))
			}
		})
	}
}

func TestSplitSentencesSpans(t *testing.T) {
	text := "标题\n他说：“好。”随后走了。\nMr. Smith left. He came back."
	tests := []struct {
		name string
		para Span
		lang Lang
		want []Span
	}{
		{"Chinese paragraph, absolute offsets", Span{7, 44}, Chinese, []Span{{7, 28}, {28, 43}}},
		{"English by script", Span{44, len(text)}, Unknown, []Span{{44, 59}, {60, len(text)}}},
		{"empty paragraph", Span{3, 3}, Chinese, nil},
		{"reversed paragraph", Span{10, 3}, Chinese, nil},
		{"paragraph past the end is clipped", Span{44, len(text) + 100}, English, []Span{{44, 59}, {60, len(text)}}},
		{"negative start is clipped", Span{-5, 6}, Chinese, []Span{{0, 6}}},
		{"white space only", Span{6, 7}, Chinese, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, _ := SplitSentences(text, tc.para, tc.lang, nil)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("SplitSentences(%v) mismatch (-want +got):\n%s", tc.para, diff)
			}
		})
	}
}

func TestSplitSentencesUnknownLang(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		// as Chinese, "." after a hanzi ends the sentence; as English it would not
		{"Chinese by script", "他来了.我走了", []string{"他来了.", "我走了"}},
		// as English, a lowercase word after "?" does not start a sentence
		{"English by script", "Why? he asked. Fine.", []string{"Why? he asked.", "Fine."}},
		{"mostly English with a name in hanzi", "Mr. Wang (王) left. He came back.", []string{"Mr. Wang (王) left.", "He came back."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := splitText(tc.in, Unknown, nil)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("SplitSentences(%q, Unknown) mismatch (-want +got):\n%s", tc.in, diff)
			}
		})
	}
}

func TestSentences(t *testing.T) {
	in := "东方风来春色新\n\n他说：“好。”随后走了。\r\nMr. Smith left. He came back.\n"
	want := []string{"东方风来春色新", "他说：“好。”", "随后走了。", "Mr. Smith left.", "He came back."}
	if diff := cmp.Diff(want, Sentences(in, Unknown)); diff != "" {
		t.Errorf("Sentences() mismatch (-want +got):\n%s", diff)
	}
	var first []string
	for s := range SentenceSeq(in, Unknown) {
		first = append(first, s)
		if len(first) == 2 {
			break
		}
	}
	if diff := cmp.Diff(want[:2], first); diff != "" {
		t.Errorf("SentenceSeq() with break mismatch (-want +got):\n%s", diff)
	}
}

// A 10 MB paragraph with no punctuation, and one made of terminators only:
// linear time, no stack growth, one sentence / many.
func TestSplitSentencesHugeParagraph(t *testing.T) {
	if testing.Short() {
		t.Skip("large input")
	}
	tests := []struct {
		name  string
		text  string
		lang  Lang
		nSent int
	}{
		{"10 MB of hanzi", strings.Repeat("党的对外工作", 10<<20/18), Chinese, 1},
		{"10 MB of ASCII words", strings.Repeat("word ", 2<<20), English, 1},
		{"1 MB of full stops is one run", strings.Repeat("。", 1<<20/3), Chinese, 1},
		{"1 MB of short sentences", strings.Repeat("好。", 1<<20/6), Chinese, 1 << 20 / 6},
		{"1 MB of dots and spaces is one spaced ellipsis", strings.Repeat(". ", 1<<19), English, 1},
		{"1 MB of short English sentences", strings.Repeat("Go. ", 1<<18), English, 1 << 18},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sents, _ := SplitSentences(tc.text, Span{0, len(tc.text)}, tc.lang, nil)
			if len(sents) != tc.nSent {
				t.Errorf("got %d sentences, want %d", len(sents), tc.nSent)
			}
		})
	}
}

// checkSpans asserts the SplitSentences contract: spans ordered, disjoint,
// non-empty, inside para, no white space at their ends, and the gaps hold
// only white space (so spans and gaps rebuild the paragraph).
func checkSpans(t *testing.T, text string, para Span, lang Lang, r *Rules) {
	t.Helper()
	sents, subs := SplitSentences(text, para, lang, r)
	lo, hi := max(para.Start, 0), min(para.End, len(text))
	trim := r.orDefault().trim
	prev := lo
	var rebuilt strings.Builder
	for i, s := range sents {
		if s.Start < prev || s.End <= s.Start || s.End > hi {
			t.Fatalf("span %d %v out of order or outside [%d,%d) (prev end %d)", i, s, lo, hi, prev)
		}
		gap := text[prev:s.Start]
		for _, c := range gap {
			if !trim(c) {
				t.Fatalf("gap %q before span %d holds a non-space", gap, i)
			}
		}
		if c, _ := utf8.DecodeRuneInString(s.In(text)); trim(c) {
			t.Errorf("span %d %q starts with white space", i, s.In(text))
		}
		if c, _ := utf8.DecodeLastRuneInString(s.In(text)); trim(c) {
			t.Errorf("span %d %q ends with white space", i, s.In(text))
		}
		rebuilt.WriteString(gap)
		rebuilt.WriteString(s.In(text))
		prev = s.End
		if subs != nil {
			for _, p := range subs[i] {
				if p <= s.Start || p >= s.End {
					t.Errorf("sub-split %d outside sentence %d %v", p, i, s)
				}
			}
		}
	}
	if lo < hi {
		rebuilt.WriteString(text[prev:hi])
		if rebuilt.String() != text[lo:hi] {
			t.Errorf("spans and gaps do not rebuild the paragraph")
		}
	}
	if subs != nil && len(subs) != len(sents) {
		t.Errorf("len(subs) = %d, len(sents) = %d", len(subs), len(sents))
	}
}
