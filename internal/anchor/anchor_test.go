package anchor

import (
	"math"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// show renders anchors as "key[text]" for readable diffs.
func show(s string, as []Anchor) []string {
	out := make([]string, 0, len(as))
	for _, a := range as {
		out = append(out, a.Key+"["+s[a.Start:a.End]+"]")
	}
	return out
}

func TestZH(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		// Arabic numbers and Chinese multipliers
		{"thousands separator", "共接待5,000人", []string{"n:5000[5,000]"}},
		{"plain thousands", "共接待5000人", []string{"n:5000[5000]"}},
		{"full-width digits", "共有５０００人", []string{"n:5000[５０００]"}},
		{"decimal", "增长了1.3个百分点", []string{"n:1.3[1.3]"}},
		{"yi after digits", "拥有13亿人口的中国", []string{"n:1300000000[13亿]"}},
		{"wan after digits", "960万平方公里的土地", []string{"n:9600000[960万]"}},
		{"decimal wan", "约1.2万人参加", []string{"n:12000[1.2万]"}},
		{"qianwan", "投入3千万元", []string{"n:30000000[3千万]"}},
		{"kilometre is not a multiplier", "全长5千米", []string{"n:5[5]"}},
		{"duo after digits", "160多个国家和地区的520多个政党", []string{"n:160[160]", "n:520[520]"}},
		{"arabic fraction", "约占1/3", []string{"f:1/3[1/3]"}},
		// Chinese numerals
		{"shiba", "他十八岁那年", []string{"n:18[十八]"}},
		{"ershiyi", "我二十一岁那年", []string{"n:21[二十一]"}},
		{"yibailingwu", "共一百零五项", []string{"n:105[一百零五]"}},
		{"liangqian", "两千多年前", []string{"n:2000[两千]"}},
		{"wuqian duo nian", "五千多年文明史", []string{"n:5000[五千]"}},
		{"sanqianwubaiwan", "三千五百万人", []string{"n:35000000[三千五百万]"}},
		{"yiwanwu abbreviation", "月薪一万五。", []string{"n:15000[一万五]"}},
		{"shisanyi", "十三亿人民", []string{"n:1300000000[十三亿]"}},
		{"yi wan yi", "一万亿元", []string{"n:1000000000000[一万亿]"}},
		{"decimal yidiansan", "增长一点三倍", []string{"n:1.3[一点三]"}},
		{"shi alone before classifier", "十年来党的对外工作", []string{"n:10[十]"}},
		{"lone digit before classifier", "三个代表", []string{"n:3[三]"}},
		{"liang before classifier", "两国关系", []string{"n:2[两]"}},
		{"big number", "约一百四十亿年前", []string{"n:14000000000[一百四十亿]"}},
		// words that are not numbers
		{"yi words", "一些国家一样一起一直一定统一万一一切", nil},
		{"shifen very", "十分重要", nil},
		{"shifen zhong", "十分钟后", []string{"n:10[十]"}},
		{"qianwan must", "千万不要忘记", nil},
		{"baixing", "老百姓", nil},
		{"sichuan", "四川省", nil},
		{"range", "三四个人", []string{"n:3[三四]", "n:4[三四]"}},
		{"range with connective", "三至六个月", []string{"n:3[三]", "n:6[六]"}},
		{"ten odd years", "十多年时间", []string{"n:10[十]"}},
		{"more than before multiplier", "10多亿美元", []string{"n:1000000000[10多亿]"}},
		{"chinese more than before multiplier", "三千多万人", []string{"n:30000000[三千多万]"}},
		{"range with ten", "十七八岁的少年", []string{"n:17[十七八]", "n:18[十七八]"}},
		{"range one or two", "一两个", []string{"n:2[一两]"}},
		{"range needs classifier", "乱七八糟", nil},
		{"liang tael", "五十两银子", []string{"n:50[五十]"}},
		{"liang before unit", "三万两千人", []string{"n:32000[三万两千]"}},
		{"full-width separator", "有1，800万种", []string{"n:18000000[1，800万]"}},
		{"full-width separator percent", "2，300%的速度", []string{"p:2300[2，300%]"}},
		{"cheng percent", "可能性有七成", []string{"p:70[七成]"}},
		{"cheng word", "三成为", nil},
		{"century and decade", "20世纪60年代末", []string{"dc:60[60年代]"}},
		{"jishi", "几十年来", nil},
		{"shushi", "数十个国家", nil},
		{"after verb complement", "完成三项任务，达成两项协议，缩小三个百分点", []string{"n:3[三]", "n:2[两]", "n:3[三]"}},
		{"shiji", "十几个国家", nil},
		{"idiom", "四面八方、五颜六色", nil},
		{"stop word skips whole idiom", "七嘴八舌", nil},
		{"weekday", "星期一", []string{"w:1[星期一]"}},
		{"weekday zhou", "周日上午", []string{"w:7[周日]"}},
		{"weekday sunday", "礼拜天", []string{"w:7[礼拜天]"}},
		{"once a week", "每周一次", nil},
		{"first anniversary is no weekday", "一周年", []string{"o:1[一]"}},
		{"day alone", "15日，习近平会见", []string{"d:15[15日]"}},
		{"chinese day alone", "二十日上午", []string{"d:20[二十日]"}},
		{"three days is no date", "三日后", []string{"n:3[三]"}},
		{"name", "罗小四来了", nil},
		{"yidian yidi", "一点一滴", nil},
		{"first time", "第一时间", []string{"o:1[第一]"}},
		{"hao", "中央一号文件", []string{"o:1[一号]"}},
		{"shi regnal", "伊丽莎白二世", []string{"o:2[二世]"}},
		{"second world war", "第二次世界大战", []string{"o:2[第二]"}},
		{"hao line", "地铁3号线", []string{"o:3[3号]"}},
		{"shouci", "首次参赛", []string{"o:1[首次]"}},
		{"shou alone", "首都北京", nil},
		{"two sessions", "全国两会期间", []string{"n:2[两]"}},
		// ordinals
		{"shibada", "党的十八大以来", []string{"o:18[十八大]"}},
		{"ershida", "二十大报告", []string{"o:20[二十大]"}},
		{"di shiba", "第十八次全国代表大会", []string{"o:18[第十八]"}},
		{"jie and plenum", "十一届三中全会", []string{"o:11[十一]", "o:3[三]"}},
		{"quoted bada", "召开“八大”时", []string{"q[“八大”]", "o:8[八大]"}},
		{"anniversary", "建交70周年之际", []string{"o:70[70]"}},
		{"birthday", "我过二十一岁生日以前", []string{"o:21[二十一]"}},
		{"five-year plan", "十三五规划", []string{"o:13[十三五]"}},
		{"quoted five-year plan", "“十四五”时期", []string{"q[“十四五”]", "o:14[十四五]"}},
		{"circle zero", "二○一二年", []string{"n:2012[二○一二年]"}},
		{"yi shi er shi", "一是加强合作，二是扩大交流", []string{"o:1[一]", "o:2[二]"}},
		{"ordinal six major is cardinal", "公司的六大经营宗旨", []string{"n:6[六]"}},
		// years, months and dates
		{"year", "2012年", []string{"n:2012[2012年]"}},
		{"chinese digit year", "二〇一二年", []string{"n:2012[二〇一二年]"}},
		{"yijiusijiu", "一九四九年", []string{"n:1949[一九四九年]"}},
		{"full date in brackets", "（2012年11月15日）", []string{"n:2012[2012年]", "d:11-15[11月15日]", "d:15[15日]"}},
		{"month day", "10月20日", []string{"d:10-20[10月20日]", "d:20[20日]"}},
		{"chinese month day", "十一月十五日", []string{"d:11-15[十一月十五日]", "d:15[十五日]"}},
		{"month alone", "2020年1月", []string{"n:2020[2020年]", "m:1[1月]"}},
		{"yiyue", "一月份", []string{"m:1[一月]"}},
		{"three months is a number", "三个月后", []string{"n:3[三]"}},
		{"liangqian nian is years", "两千年", []string{"n:2000[两千]"}},
		{"bare year", "2012—2017年", []string{"n:2012[2012]", "n:2017[2017年]"}},
		{"century", "二十一世纪", []string{"c:21[二十一世纪]"}},
		{"arabic century", "20世纪", []string{"c:20[20世纪]"}},
		{"decade", "上世纪80年代", []string{"dc:80[80年代]"}},
		{"chinese decade", "九十年代初", []string{"dc:90[九十年代]"}},
		// percentages and fractions
		{"percent sign", "占60%", []string{"p:60[60%]"}},
		{"full-width percent", "占６０％", []string{"p:60[６０％]"}},
		{"baifenzhi", "百分之六十", []string{"p:60[百分之六十]"}},
		{"baifenzhi decimal", "百分之六点五", []string{"p:6.5[百分之六点五]"}},
		{"sanfenzhiyi", "三分之一", []string{"f:1/3[三分之一]"}},
		{"shifenzhiyi", "十分之一", []string{"f:1/10[十分之一]"}},
		{"baifenzhibai", "百分之百", []string{"p:100[百分之百]"}},
		{"qianfenzhi", "千分之三", []string{"f:3/1000[千分之三]"}},
		{"yiban", "一半以上", []string{"f:1/2[一半]"}},
		// Latin
		{"acronyms", "中国共产党（CPC）和WTO", []string{"l:cpc[CPC]", "l:wto[WTO]"}},
		{"domain", "例如，Adornis.com主要销售", []string{"l:adornis.com[Adornis.com]"}},
		{"mixed case", "苹果公司的iPhone和eBay", []string{"l:iphone[iPhone]", "l:ebay[eBay]"}},
		{"digit letter", "5G网络和G20峰会", []string{"l:5g[5G]", "l:g20[G20]"}},
		{"full-width latin", "ＣＰＣ代表团", []string{"l:cpc[ＣＰＣ]"}},
		{"single letter skipped", "A股市场", nil},
		{"hyphenated", "新冠肺炎COVID-19疫情", []string{"l:covid-19[COVID-19]"}},
		{"unit after number", "面积为100cm2、间距为20cm", []string{"n:100[100]", "l:cm2[cm2]", "n:20[20]", "l:cm[cm]"}},
		{"ordinal suffix in chinese", "第18th", []string{"o:18[18th]"}},
		// sections
		{"yi dun", "一、习近平总书记关于", []string{"s:1[一、]"}},
		{"er dun", "二、党的十八大以来", []string{"s:2[二、]", "o:18[十八大]"}},
		{"bracket yi", "（一）青山着意化为桥", []string{"s:1[（一）]"}},
		{"ascii bracket yi", "(一) 青山着意化为桥", []string{"s:1[(一)]"}},
		{"bracket digit", "（2）加强合作", []string{"s:2[（2）]"}},
		{"circled", "①加强合作", []string{"s:1[①]"}},
		{"arabic head", "6. 片厂", []string{"s:6[6.]"}},
		{"roman char", "材料Ⅰ", []string{"s:1[Ⅰ]"}},
		{"dun not at head", "有一、二两种", []string{"n:2[两]"}},
		// quotes and titles
		{"double quotes", "不“输入”外国模式", []string{"q[“输入”]"}},
		{"corner quotes", "「你好」", []string{"q[「你好」]"}},
		{"nested quotes", "“他说‘好’”", []string{"q[“他说‘好’”]", "q[‘好’]"}},
		{"title", "《人民日报》报道", []string{"q[《人民日报》]"}},
		{"unclosed opener", "他说：“明天再来。", []string{"q[“]"}},
		{"closer only", "不过你不是我对手。”", []string{"q[”]"}},
		{"ascii quotes", `他说"好"`, []string{`q["好"]`}},
		{"empty", "", nil},
		{"invalid utf8", "\xff\xfe十八大\xc3", []string{"o:18[十八大]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := show(tt.in, ZH(tt.in))
			if len(got) == 0 {
				got = nil
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ZH(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestEN(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		// Arabic numbers
		{"thousands separator", "received over 4,500 delegations", []string{"n:4500[4,500]"}},
		{"decimal", "grew by 1.3 points", []string{"n:1.3[1.3]"}},
		{"billion", "a population of 1.3 billion", []string{"n:1300000000[1.3 billion]"}},
		{"million", "9.6 million square kilometres", []string{"n:9600000[9.6 million]"}},
		{"bn", "$1.3bn", []string{"n:1300000000[1.3bn]"}},
		{"leading point", "5 mg and .5mg", []string{"n:5[5]", "n:0.5[.5]"}},
		{"year span", "the 1997-98 Whitbread race", []string{"n:1997[1997]", "n:1998[98]", "l:whitbread[Whitbread]"}},
		{"year span dash", "in 2012–13", []string{"n:2012[2012]", "n:2013[13]"}},
		{"odd", "400-odd political parties", []string{"n:400[400]"}},
		{"list commas are not separators", "1,2,3", []string{"n:1[1]", "n:2[2]", "n:3[3]"}},
		{"fraction", "about 1/3 of them", []string{"f:1/3[1/3]"}},
		{"us date is no fraction", "11/15/2012", []string{"n:11[11]", "n:15[15]", "n:2012[2012]"}},
		{"9/11 is no fraction", "after 9/11", []string{"n:9[9]", "n:11[11]"}},
		{"decade abbreviation", "the '90s and the ’80s", []string{"dc:90[90s]", "dc:80[80s]"}},
		// spelled-out numbers
		{"three", "three rural issues", []string{"n:3[three]"}},
		{"twenty-one", "twenty-one guns", []string{"n:21[twenty-one]"}},
		{"hundred and five", "one hundred and five items", []string{"n:105[one hundred and five]"}},
		{"five thousand", "five thousand years", []string{"n:5000[five thousand]"}},
		{"a million", "a million people", []string{"n:1000000[a million]"}},
		{"three hundred thousand", "three hundred thousand troops", []string{"n:300000[three hundred thousand]"}},
		// older English (the King James Bible): units after the tens with
		// "and", or before them; the score
		{"tens and units", "were forty and six thousand and five hundred.", []string{"n:46500[forty and six thousand and five hundred]"}},
		{"units and tens", "an hundred and seven and twenty years", []string{"n:127[an hundred and seven and twenty]"}},
		{"score", "an hundred threescore and fifteen years", []string{"n:175[an hundred threescore and fifteen]"}},
		{"score thousand", "sixscore thousand persons", []string{"n:120000[sixscore thousand]"}},
		{"two numbers with and", "between forty and fifty", []string{"n:40[forty]", "n:50[fifty]"}},
		{"units and units", "ages four and six", []string{"n:4[four]", "n:6[six]"}},
		{"lone one", "one of the most important", nil},
		{"capital one", "One of them", nil},
		{"article alone", "a party and an organisation", nil},
		// ordinals and centuries
		{"18th", "the 18th National Congress", []string{"o:18[18th]", "l:national[National]", "l:congress[Congress]"}},
		{"first", "for the first time", []string{"o:1[first]"}},
		{"firstly", "Firstly, we", []string{"o:1[Firstly]"}},
		{"birthday", "my twenty-first birthday", []string{"o:21[twenty-first]"}},
		{"twenty-first", "the twenty-first session", []string{"o:21[twenty-first]"}},
		{"twentieth", "the Twentieth Congress", []string{"o:20[Twentieth]", "l:congress[Congress]"}},
		{"21st century", "in the 21st century", []string{"c:21[21st century]"}},
		{"spelled century", "the twenty-first century", []string{"c:21[twenty-first century]"}},
		{"plenary", "Third Plenary Session of the 11th CPC Central Committee", []string{
			"o:3[Third]", "l:plenary[Plenary]", "l:session[Session]", "o:11[11th]", "l:cpc[CPC]", "l:central[Central]", "l:committee[Committee]"}},
		// years, months, dates, decades
		{"year", "in 2012, the", []string{"n:2012[2012]"}},
		{"month day year", "(October 20, 2022)", []string{"d:10-20[October 20]", "d:20[20]", "n:2022[2022]"}},
		{"day month year", "25 September, 2003", []string{"d:9-25[25 September]", "d:25[25]", "n:2003[2003]"}},
		{"abbreviated", "Nov. 15, 2012", []string{"d:11-15[Nov. 15]", "d:15[15]", "n:2012[2012]"}},
		{"ordinal day", "on November 15th", []string{"d:11-15[November 15th]", "d:15[15]"}},
		{"of month", "the 15th of November", []string{"d:11-15[15th of November]", "d:15[15th]"}},
		{"month year", "in March 2019", []string{"m:3[March]", "n:2019[2019]"}},
		{"may modal", "May I come in", nil},
		{"may date", "May 4, 1919", []string{"d:5-4[May 4]", "d:4[4]", "n:1919[1919]"}},
		{"weekday", "on Monday morning", []string{"w:1[Monday]"}},
		{"decade", "the late 1970s", []string{"dc:70[1970s]"}},
		{"decade apostrophe", "the 1980's", []string{"dc:80[1980's]"}},
		// percentages and fractions
		{"percent word", "60 percent of", []string{"p:60[60 percent]"}},
		{"per cent", "60 per cent", []string{"p:60[60 per cent]"}},
		{"percent sign", "60% of", []string{"p:60[60%]"}},
		{"spelled percent", "sixty percent", []string{"p:60[sixty percent]"}},
		{"one third", "one third of the parties", []string{"f:1/3[one third]"}},
		{"one-third", "one-third of the parties", []string{"f:1/3[one-third]"}},
		{"a third of", "a third of them", []string{"f:1/3[a third]"}},
		{"a third time", "a third time", []string{"o:3[third]"}},
		{"two thirds", "two thirds majority", []string{"f:2/3[two thirds]"}},
		{"quarters of a year", "in the first three quarters", []string{"o:1[first]", "n:3[three]"}},
		{"day range", "from November 8 to 14, 2012", []string{"d:11-8[November 8]", "d:8[8]", "d:14[14]", "n:2012[2012]"}},
		{"day range dash", "Nov. 8-14", []string{"d:11-8[Nov. 8]", "d:8[8]", "d:14[14]"}},
		{"abbreviation without space", "Aug.6 Opens", []string{"d:8-6[Aug.6]", "d:6[6]", "l:opens[Opens]"}},
		{"a quarter", "a quarter of", []string{"f:1/4[a quarter]"}},
		{"half", "more than half of", []string{"f:1/2[half]"}},
		// Latin
		{"acronym", "the Communist Party of China (CPC)", []string{"l:communist[Communist]", "l:party[Party]", "l:china[China]", "l:cpc[CPC]"}},
		{"possessive", "the Party’s external work", []string{"l:party[Party]"}},
		{"domain", "Adornis.com sells luxury goods", []string{"l:adornis.com[Adornis.com]"}},
		{"mixed", "the iPhone and eBay", []string{"l:iphone[iPhone]", "l:ebay[eBay]"}},
		{"g20 5g", "G20 and 5G", []string{"l:g20[G20]", "l:5g[5G]"}},
		{"function word", "The world", nil},
		{"unit after number", "each with 100 cm2 area and 20cm apart", []string{"n:100[100]", "l:cm2[cm2]", "n:20[20]"}},
		{"unit glued", "up to 1GeV", []string{"n:1[1]", "l:gev[GeV]"}},
		{"space thousands", "nearly 100 000 particles", []string{"n:100000[100 000]"}},
		{"space after year is no group", "in 1985 100 people", []string{"n:1985[1985]", "n:100[100]"}},
		{"all caps heading", "THE FIRST PART OF MAN", []string{"o:1[FIRST]", "l:part[PART]", "l:man[MAN]"}},
		{"lowercase words", "the external work of the party", nil},
		// sections
		{"roman I", "I. The important expositions", []string{"s:1[I.]"}},
		{"roman II", "II. Since the 18th", []string{"s:2[II.]", "o:18[18th]"}},
		{"pronoun I", "I think so", nil},
		{"roman ordinal", "after World War II ended", []string{"l:world[World]", "l:war[War]", "o:2[II]"}},
		{"roman ordinal name", "Elizabeth II's reign", []string{"l:elizabeth[Elizabeth]", "o:2[II]"}},
		{"roman ordinal at the end", "since World War II.", []string{"l:world[World]", "l:war[War]", "o:2[II]"}},
		{"not roman", "the LIVE show and IX-ray", []string{"l:live[LIVE]", "l:ix-ray[IX-ray]"}},
		{"arabic head", "1. Mao Zedong and Stalin", []string{"s:1[1.]", "l:mao[Mao]", "l:zedong[Zedong]", "l:stalin[Stalin]"}},
		{"paren digit", "(1) strengthen", []string{"s:1[(1)]"}},
		{"paren letter", "(a) strengthen", []string{"s:1[(a)]"}},
		{"paren roman", "(iv) strengthen", []string{"s:4[(iv)]"}},
		{"paren word", "(CPC)", []string{"l:cpc[CPC]"}},
		{"material roman char", "Material Ⅰ for the press", []string{"l:material[Material]", "s:1[Ⅰ]"}},
		// marker nouns, decades, half
		{"chapter", "Chapter 3 Narrating", []string{"o:3[Chapter 3]", "l:narrating[Narrating]"}},
		{"chapter roman", "CHAPTER II OF IMAGINATION", []string{"o:2[CHAPTER II]", "l:imagination[IMAGINATION]"}},
		{"rule", "a violent death (Rule 6).", []string{"o:6[Rule 6]"}},
		{"article word", "under Article Five of", []string{"o:5[Article Five]"}},
		{"number sign", "No. 18 Middle School", []string{"o:18[No. 18]", "l:middle[Middle]", "l:school[School]"}},
		{"not a marker", "part of it", nil},
		{"two decades", "in the past two decades", []string{"n:20[two decades]"}},
		{"a decade", "in a decade", []string{"n:10[a decade]"}},
		{"seventies", "in the early seventies", []string{"dc:70[seventies]"}},
		{"half a million", "Half a million people", []string{"n:500000[Half a million]"}},
		{"eighteenth-century", "the eighteenth-century systematizing", []string{"c:18[eighteenth-century]"}},
		{"18th-century", "an 18th-century text", []string{"c:18[18th-century]"}},
		{"mid-century", "the mid-twentieth century", []string{"c:20[twentieth century]"}},
		{"ordinal hyphen", "a 21st-floor office", []string{"o:21[21st]"}},
		{"may comma year", "in May, 1994, he", []string{"m:5[May]", "n:1994[1994]"}},
		{"eighteen million", "Eighteen million, so far.", []string{"n:18000000[Eighteen million]"}},
		// quotes
		{"curly quotes", "not “import” models", []string{"q[“import”]"}},
		{"straight quotes", `the "Left" thinking`, []string{`q["Left"]`, "l:left[Left]"}},
		{"single quotes", "the book 'Incontro' (Meeting)", []string{"q['Incontro']", "l:incontro[Incontro]", "l:meeting[Meeting]"}},
		{"apostrophe", "the Party's and parties’ work", []string{"l:party[Party]"}},
		{"dialogue", "'It's starting to rain,' he said, 'so let's go.'", []string{"q['It's starting to rain,']", "q['so let's go.']"}},
		{"empty", "", nil},
		{"invalid utf8", "\xffthe 18th\xc3", []string{"o:18[18th]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := show(tt.in, EN(tt.in))
			if len(got) == 0 {
				got = nil
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("EN(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

// TestPairs checks the point of the package: the same value in Chinese and
// English gives the same keys. Latin anchors of the English side that the
// Chinese lacks are ignored.
func TestPairs(t *testing.T) {
	tests := []struct {
		name   string
		zh, en string
		want   []string
	}{
		{"congress", "党的十八大以来", "Since the 18th National Congress", []string{"o:18"}},
		{"twentieth", "二十大", "the 20th National Congress", []string{"o:20"}},
		{"population", "13亿人口", "1.3 billion people", []string{"n:1300000000"}},
		{"territory", "960万平方公里", "9.6 million square kilometres", []string{"n:9600000"}},
		{"wan vs thousands", "1.2万人", "12,000 people", []string{"n:12000"}},
		{"civilisation", "五千多年文明", "5,000 years of civilisation", []string{"n:5000"}},
		{"date", "（2012年11月15日）", "(November 15, 2012)", []string{"n:2012", "d:11-15", "d:15"}},
		{"weekday", "星期三", "on Wednesday", []string{"w:3"}},
		{"date day first", "2003年9月25日", "25 September, 2003", []string{"n:2003", "d:9-25", "d:25"}},
		{"press date", "2022年10月20日", "October 20, 2022", []string{"n:2022", "d:10-20", "d:20"}},
		{"century", "二十一世纪", "the 21st century", []string{"c:21"}},
		{"decade", "上世纪七十年代末", "the late 1970s", []string{"dc:70"}},
		{"percent", "百分之六十", "60 percent", []string{"p:60"}},
		{"percent sign", "60%", "sixty per cent", []string{"p:60"}},
		{"fraction", "三分之一", "one third", []string{"f:1/3"}},
		{"fraction digits", "约占1/3", "about a third of", []string{"f:1/3"}},
		{"year", "1949年", "in 1949", []string{"n:1949"}},
		{"chinese year", "一九四九年", "in 1949", []string{"n:1949"}},
		{"plenum", "十一届三中全会", "Third Plenary Session of the 11th", []string{"o:3", "o:11"}},
		{"section", "一、", "I. ", []string{"s:1"}},
		{"bracket section", "（一）", "(a)", []string{"s:1"}},
		{"circled section", "①", "(1)", []string{"s:1"}},
		{"quotes", "不“输入”外国模式", "not “import” foreign models", []string{"q"}},
		{"title vs quotes", "《治国理政》", "'Governing China'", []string{"q"}},
		{"acronym", "中共（CPC）", "the CPC", []string{"l:cpc"}},
		{"month", "十一月", "in November", []string{"m:11"}},
		{"anniversary", "马克思诞辰200周年", "the 200th birthday of Karl Marx", []string{"o:200"}},
		{"counted", "三个代表", "Three Represents", []string{"n:3"}},
		{"first", "第一次", "the first time", []string{"o:1"}},
		{"thousand", "两千", "two thousand", []string{"n:2000"}},
		{"full-width", "５０００", "5,000", []string{"n:5000"}},
	}
	keys := func(as []Anchor, dropLatin bool) []string {
		var out []string
		for _, a := range as {
			if dropLatin && a.Kind == Latin {
				continue
			}
			out = append(out, a.Key)
		}
		return out
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(sorted(tt.want), sorted(keys(ZH(tt.zh), false))); diff != "" {
				t.Errorf("ZH(%q) keys mismatch (-want +got):\n%s", tt.zh, diff)
			}
			latin := strings.Contains(strings.Join(tt.want, " "), "l:")
			got := keys(EN(tt.en), !latin)
			if latin {
				got = keys(EN(tt.en), false)
				got = filter(got, tt.want)
			}
			if diff := cmp.Diff(sorted(tt.want), sorted(got)); diff != "" {
				t.Errorf("EN(%q) keys mismatch (-want +got):\n%s", tt.en, diff)
			}
		})
	}
}

func filter(got, keep []string) []string {
	var out []string
	for _, g := range got {
		for _, k := range keep {
			if g == k {
				out = append(out, g)
				break
			}
		}
	}
	return out
}

func sorted(s []string) []string {
	out := append([]string(nil), s...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func TestKinds(t *testing.T) {
	tests := []struct {
		name string
		in   string
		zh   bool
		want []Kind
	}{
		{"zh date", "2012年11月15日", true, []Kind{Year, Date, Date}},
		{"weekdays", "星期五 Friday", true, []Kind{Weekday, Latin}},
		{"zh title and quote", "《人民日报》“好”", true, []Kind{Title, Quote}},
		{"zh mix", "第一，60%，三分之一，二十一世纪，80年代，十一月，CPC，①", true,
			[]Kind{Ordinal, Percent, Fraction, Century, Decade, Month, Latin, Section}},
		{"en mix", "the first 60% one third 21st century 1980s November CPC (1) 5,000", false,
			[]Kind{Ordinal, Percent, Fraction, Century, Decade, Month, Latin, Section, Number}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var as []Anchor
			if tt.zh {
				as = ZH(tt.in)
			} else {
				as = EN(tt.in)
			}
			var got []Kind
			for _, a := range as {
				got = append(got, a.Kind)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("kinds of %q mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestWeight(t *testing.T) {
	tests := []struct {
		name string
		a    Anchor
		want float64
		weak bool
	}{
		{"small number", Anchor{Kind: Number, Key: "n:1"}, 0.8 / 3, true},
		{"ten", Anchor{Kind: Number, Key: "n:10"}, 0.8 / 3, true},
		{"two digits", Anchor{Kind: Number, Key: "n:18"}, 0.8 * 0.75, false},
		{"hundred", Anchor{Kind: Number, Key: "n:100"}, 0.8 * 0.75, false},
		{"rare number", Anchor{Kind: Number, Key: "n:1300000000"}, 0.8, false},
		{"decimal", Anchor{Kind: Number, Key: "n:1.3"}, 0.8, false},
		{"first", Anchor{Kind: Ordinal, Key: "o:1"}, 0.8 / 3, true},
		{"18th", Anchor{Kind: Ordinal, Key: "o:18"}, 0.8 * 0.75, false},
		{"year", Anchor{Kind: Year, Key: "n:2012"}, 0.9, false},
		{"date", Anchor{Kind: Date, Key: "d:11-15"}, 1.0, false},
		{"day", Anchor{Kind: Date, Key: "d:15"}, 0.5, false},
		{"weekday", Anchor{Kind: Weekday, Key: "w:1"}, 0.6, false},
		{"half", Anchor{Kind: Fraction, Key: "f:1/2"}, 0.7 / 3, true},
		{"third", Anchor{Kind: Fraction, Key: "f:1/3"}, 0.7, false},
		{"quote", Anchor{Kind: Quote, Key: "q"}, 0.15, true},
		{"title", Anchor{Kind: Title, Key: "q"}, 0.1, true},
		{"section 1", Anchor{Kind: Section, Key: "s:1"}, 0.5 / 3, true},
		{"latin", Anchor{Kind: Latin, Key: "l:cpc"}, 0.7, false},
		{"unknown", Anchor{Kind: 200, Key: "x"}, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.a.Weight(); math.Abs(got-tt.want) > 1e-9 {
				t.Errorf("%+v.Weight() = %v, want %v", tt.a, got, tt.want)
			}
			if got := tt.a.Weak(); got != tt.weak {
				t.Errorf("%+v.Weak() = %v, want %v", tt.a, got, tt.weak)
			}
		})
	}
}

func TestKindString(t *testing.T) {
	tests := []struct {
		k    Kind
		want string
	}{
		{Number, "number"}, {Date, "date"}, {Latin, "latin"}, {Title, "title"}, {0, "kind(0)"}, {99, "kind(99)"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := tt.k.String(); got != tt.want {
				t.Errorf("Kind(%d).String() = %q, want %q", tt.k, got, tt.want)
			}
		})
	}
}

func TestAppendKeepsDst(t *testing.T) {
	dst := ZH("十八大")
	dst = AppendEN(dst, "the “import” of 18th")
	got := make([]string, len(dst))
	for i, a := range dst {
		got[i] = a.Key
	}
	if diff := cmp.Diff([]string{"o:18", "q", "o:18"}, got); diff != "" {
		t.Errorf("AppendEN mismatch (-want +got):\n%s", diff)
	}
	if dst[1].End-dst[1].Start != len("“import”") {
		t.Errorf("quote span %d–%d, want the pair", dst[1].Start, dst[1].End)
	}
}

// TestSeedAgreement checks on a real press release (seed 001: Chinese
// original and its English translation) that the two halves yield mostly the
// same non-Latin keys: Dice overlap of the key multisets at least 0.8
// (measured 0.85), and key facts present on both sides.
func TestSeedAgreement(t *testing.T) {
	b, err := os.ReadFile("../../testdata/seeds/001_38bdb1c42bebbece.txt")
	if err != nil {
		t.Fatal(err)
	}
	zc, ec := map[string]int{}, map[string]int{}
	for _, l := range strings.Split(string(b), "\n") {
		as, c := EN(l), ec
		if hasHan(l) {
			as, c = ZH(l), zc
		}
		for _, a := range as {
			if a.Kind != Latin {
				c[a.Key]++
			}
		}
	}
	match, total := 0, 0
	for k, n := range zc {
		match += min(n, ec[k])
		total += n
	}
	for _, n := range ec {
		total += n
	}
	if dice := 2 * float64(match) / float64(total); dice < 0.8 {
		t.Errorf("seed 001: Dice overlap of keys = %.2f, want ≥ 0.8\nzh %v\nen %v", dice, zc, ec)
	}
	// 1500 (messages) is read as a year on both sides: consistent, if not true.
	for _, k := range []string{"o:18", "o:19", "d:10-20", "n:2022", "n:149", "n:1500", "s:1", "s:2"} {
		if zc[k] == 0 || ec[k] == 0 {
			t.Errorf("seed 001: key %s found %d times in Chinese, %d in English; want both", k, zc[k], ec[k])
		}
	}
}
