// Package anchor finds language-independent anchor tokens in Chinese and
// English sentences: numbers by value, ordinals, years and dates,
// percentages, fractions, centuries and decades, Latin-script tokens, section
// markers, quotation and title marks. The same value written in either
// language gets the same Key, so an aligner can match sentences by their
// anchors without a dictionary:
//
//	ZH("党的十八大以来")            → {Ordinal "o:18"}
//	EN("Since the 18th National Congress") → {Ordinal "o:18"}
//	ZH("（2012年11月15日）")        → {Year "n:2012"} {Date "d:11-15"} {Date "d:15"}
//	EN("November 15, 2012")        → {Date "d:11-15"} {Date "d:15"} {Year "n:2012"}
//	ZH("13亿") EN("1.3 billion")   → {Number "n:1300000000"}
//
// # Entry points
//
// ZH and EN return the anchors of one sentence, ordered by Start; AppendZH
// and AppendEN append to a caller's slice. The functions are total (any
// string, valid UTF-8 or not, gives a result and never panics) and safe for
// concurrent use. Offsets are bytes into the sentence. Common keys (integers
// up to 2100, months, dates, centuries, small fractions) are shared strings
// and Latin keys are cached, so the Append forms allocate only for rare
// values and Latin tokens not seen recently.
//
// # Key format
//
// A key is a short prefix naming the value space, a colon, and the
// normalised value. Kinds that can be written alike in both languages share
// the prefix; two anchors match exactly when their keys are equal.
//
//	n:V     Number    V is the decimal value with no separators, no leading
//	                  zeros and no trailing fractional zeros: 5,000 = 五千 =
//	                  ５０００ = "n:5000"; 1.3 = 一点三 = "n:1.3"; 13亿 =
//	                  "1.3 billion" = "n:1300000000"; 1.2万 = "12,000".
//	o:V     Ordinal   第十八 = 十八大 = 十八届 = "18th" = "eighteenth" = "o:18".
//	n:YYYY  Year      2012年 = 二〇一二年 = "2012" = "n:2012". Years share the
//	                  Number prefix, so that a bare 1500 read as a year on
//	                  one side and as a count ("1,500") on the other still
//	                  matches; the Kind tells them apart for weighting.
//	m:M     Month     十一月 = 11月 = "November" = "m:11" (a month with no day).
//	d:M-D   Date      11月15日 = "November 15" = "15 Nov." = "d:11-15".
//	d:D     Date      the day alone: 15日 = "d:15"; every full date gives it
//	                  too, since Chinese news leaves the month to the context.
//	w:N     Weekday   星期一 = 周一 = "Monday" = "w:1" … 星期日 = 星期天 = "Sunday" = "w:7".
//	p:V     Percent   60% = 百分之六十 = "60 percent" = "60 per cent" = "p:60".
//	f:N/D   Fraction  三分之一 = "one third" = "a third of" = "1/3" = "f:1/3";
//	                  一半 = "half" = "f:1/2". Not reduced: 四分之二 = "f:2/4".
//	c:N     Century   二十一世纪 = "21st century" = "twenty-first century" = "c:21".
//	dc:D    Decade    80年代 = 八十年代 = 1980年代 = "1980s" = "1980's" = "dc:80"
//	                  (D is the decade within its century, 0–90).
//	l:TOK   Latin     the token lower-cased, full-width letters folded, a
//	                  trailing 's removed: CPC = "l:cpc", Amazon.com =
//	                  "l:amazon.com", iPhone = "l:iphone", 5G = "l:5g".
//	                  A number glued to a unit keeps its value: 100cm2 =
//	                  "100 cm2" = "n:100" "l:cm2" (one digit and one capital,
//	                  as in 5G, 3D, stays a name).
//	s:N     Section   一、 = （一） = (1) = ① = Ⅰ = "I." = "(a)" = "(i)" = "s:1".
//	q       Quote     any pair of quotation marks, and title marks 《》〈〉.
//
// A full date gives a Date key, a day key and a Year key (2012年11月15日 →
// n:2012, d:11-15, d:15), a year and month a Year and a Month key, so a
// partial match still counts. 多 and 余 after a number ("more than") are
// ignored: 五千多年 matches "5,000 years", 10多亿 "a billion".
//
// # What counts as an anchor
//
// Chinese numerals follow the 十/百/千/万/亿 grammar (十八 18, 一百零五 105,
// 三千五百万 35,000,000, 一万五 15,000, 两千 2,000), with 〇, ○ or 零 for zero
// and 点 for the decimal point. Runs of four or more plain digits read digit by digit
// (一九四九年 1949). Arabic numerals take Chinese multipliers after them
// (13亿, 960万, 1.2万). Thousands separators may be "," or "，" in Chinese,
// "," or a space in English ("100 000"). English spelled-out numbers include
// the forms of older English, as the King James Bible writes them: units
// after the tens with "and" ("forty and six thousand" 46,000), or before them
// ("seven and twenty" 27), and the score ("threescore and ten" 70). To avoid
// false anchors:
//
//   - A lone 一 is never a number (一样, 一起, 统一, 之一, 一带一路); it counts
//     only in 第一, 首次, 一月, 一是, 一、, （一）, 一半, 一点三, 十一, 一百 and
//     the like. English "one" alone is not a number either (it is a pronoun
//     as often), but "one hundred", "one third", "twenty-one" are.
//   - A lone 二…九, 两 or 十 counts only before a classifier or unit (三个,
//     两国, 五年, 十大, 十多年), or before 至/到/或 and another numeral
//     (三至六个月); 四川, 王二, 三闷儿 give nothing. 两 is never a final digit
//     (五十两 is fifty taels).
//   - A run that starts with 百, 千, 万 or 亿 with no digit before it is not a
//     number (百姓, 千万, 万一, 亿万), except 百分之 (percent).
//   - Numerals after 几 or 数, or before 几, are vague (几十, 数十, 十几) and
//     give nothing; so do two or three unrelated plain digits (五四).
//     Neighbouring digits before a classifier are a range and give both
//     values: 十七八岁 = "seventeen or eighteen" = n:17 n:18; 三四个 = n:3 n:4.
//   - A small stop list removes idioms built with numerals (十分 "very" but not
//     十分钟 or 十分之一, 四面八方, 五颜六色, 一点一滴, 九死一生 …).
//   - 星期一, 周三 are weekdays (w:1, w:3), not numbers.
//
// 七成 is 70%. Ordinals are 第 + number, 首次 / 首届 / 首批 (first), number +
// 届 / 中全会 / 次会议 / 周年 / 岁生日, 十八大 (a number from 11 to 30 before
// 大, or any number after 党的 or in “八大”), 十三五 (the Five-Year Plan),
// 一是/二是 at the head of a clause, 一号 / 3号 (No. 1, Line 3), 二世
// (the Second); in English "18th", "first", "firstly", "twenty-first",
// capital Roman numerals of two or more letters (World War II), and numbers
// after Chapter, Part, Section, Article, Rule, No. and the like (Chapter 3 =
// 第三章 = o:3, CHAPTER II = o:2). "two decades" is n:20 (二十年), "half a
// million" n:500000.
//
// A bare Arabic four-digit number from 1000 to 2100 is a year in both
// languages; with 年 it must be written as a plain digit string (2012年,
// 二〇一二年), so 两千年 ("2,000 years") stays a number.
//
// Latin tokens are runs of ASCII or full-width letters and digits joined by
// . - & _ ' or ’. In Chinese text every such token of two or more characters
// is an anchor. In English text only marked tokens are: those with a capital
// letter, or mixing letters and digits (G20, 5G), or with an inner dot
// (Amazon.com); capitalised function words (The, However, In …) are skipped.
// English therefore yields many Latin anchors (Party, Xi, Jinping) that the
// Chinese side never has: the aligner should keep a Latin key only when it
// occurs on both sides of the document.
//
// Section markers are 一、 and 1. (also 1、 １．) at the head of the sentence,
// "I." / "II." (Roman, capital) and "1." or "1)" at the head of an English
// sentence, and (1) （一） (a) (iv) ① ⑴ ⒈ Ⅰ ⅰ anywhere.
//
// Quotation marks “” ‘’ 「」 『』 «» and straight " ' give one Quote anchor per
// pair, spanning the pair; a closing mark with no opener (a sentence that
// starts inside a quotation) gives an anchor of its own, an opener with no
// closer spans only itself. A ’ or ' between letters, or after a letter with
// no single quote open, is an apostrophe (Party’s, parties’), not a quote.
// Title marks 《》〈〉 give Title anchors with the Quote key "q", since English
// renders titles with quotes or italics.
//
// # Weights
//
// Weight gives a base weight per kind (dates 1.0 … title marks 0.1) and
// Anchor.Weight lowers it for values that are too common to be good evidence:
// integers from 0 to 10 weigh a third, 11 to 100 three quarters (hunalign's
// bare-digit bonus matched "Chapter 1" to "Libro 1"). Anchors below
// WeakWeight (Weak reports it) should not enter the chain of sure anchors.
// Rarity across the document, and the rule that a miss costs less than a
// match gains, are the aligner's business.
package anchor
