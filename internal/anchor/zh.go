package anchor

import (
	"strings"
	"unicode/utf8"
)

// ZH returns the anchors of a Chinese sentence, ordered by Start.
func ZH(s string) []Anchor { return AppendZH(nil, s) }

// AppendZH appends the anchors of a Chinese sentence to dst and returns the
// extended slice. Keys of common values are shared strings, so with a dst of
// sufficient capacity it allocates only for rare values and Latin tokens not
// seen recently.
func AppendZH(dst []Anchor, s string) []Anchor {
	z := scanner{s: s, out: dst}
	z.zh()
	return z.out
}

func (z *scanner) zh() {
	s := z.s
	z.start = skipSpace(s, 0)
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			switch {
			case isDigit(c):
				i = z.zhArabic(i)
			case isLetter(c):
				i = z.zhLatin(i)
			case c == '"':
				i = z.asciiDouble(i)
			case c == '(':
				i = z.paren(i)
			default:
				i++
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r >= hanLo && r <= hanHi {
			// The common case: a Han character, most often not a numeral.
			if hanNumeral[(r-hanLo)>>6]&(1<<((r-hanLo)&63)) != 0 {
				i = z.zhNumeral(i)
			} else {
				i += n
			}
			continue
		}
		switch {
		case r >= '０' && r <= '９':
			i = z.zhArabic(i)
		case r >= 'Ａ' && r <= 'Ｚ' || r >= 'ａ' && r <= 'ｚ':
			i = z.zhLatin(i)
		case digitVal(r) >= 0 || unitVal(r) > 0:
			i = z.zhNumeral(i)
		case r == '（':
			i = z.paren(i)
		default:
			if k := z.special(i, r, n); k >= 0 {
				i = k
			} else {
				i += n
			}
		}
	}
}

// hanNumeral is a bit set over the CJK Unified Ideographs block marking the
// numeral characters (digits and units) and the heads of weekday names (星 礼
// 周), for a fast scan of Chinese text.
var hanNumeral [(hanHi - hanLo + 64) / 64]uint64

const hanLo, hanHi = 0x4E00, 0x9FFF

func init() {
	for r := rune(hanLo); r <= hanHi; r++ {
		if digitVal(r) >= 0 || unitVal(r) > 0 || r == '星' || r == '礼' || r == '周' || r == '首' {
			hanNumeral[(r-hanLo)>>6] |= 1 << ((r - hanLo) & 63)
		}
	}
}

// digitVal returns the value of a Chinese digit (〇 零 一 … 九, 两), or -1.
func digitVal(r rune) int {
	switch r {
	case '〇', '零', '○':
		return 0
	case '一':
		return 1
	case '二', '两', '兩':
		return 2
	case '三':
		return 3
	case '四':
		return 4
	case '五':
		return 5
	case '六':
		return 6
	case '七':
		return 7
	case '八':
		return 8
	case '九':
		return 9
	}
	return -1
}

// unitVal returns the value of a Chinese numeral unit (十 百 千 万 亿), or 0.
func unitVal(r rune) uint64 {
	switch r {
	case '十':
		return 10
	case '百':
		return 100
	case '千':
		return 1000
	case '万', '萬':
		return 1e4
	case '亿', '億':
		return 1e8
	}
	return 0
}

func unitExp(u uint64) int {
	switch u {
	case 10:
		return 1
	case 100:
		return 2
	case 1000:
		return 3
	case 1e4:
		return 4
	}
	return 8
}

// zhRunEnd returns the end of the run of Chinese numeral characters at s[i],
// with at most one 点 (decimal point) followed by a digit, and its rune count.
func zhRunEnd(s string, i int) (int, int) {
	j, runes, point := i, 0, false
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if point {
			if digitVal(r) < 0 || r == '两' {
				break
			}
		} else if (r == '两' || r == '兩') && runes > 0 {
			// 两 is 2 only before a unit (两千, 三万两千); 五十两 is fifty taels.
			r2, _ := utf8.DecodeRuneInString(s[j+n:])
			prev, _ := utf8.DecodeLastRuneInString(s[:j])
			if unitVal(r2) == 0 && !(prev == '一' && runes == 1) {
				break
			}
		} else if digitVal(r) < 0 && unitVal(r) == 0 {
			if r == '点' && runes > 0 {
				r2, _ := utf8.DecodeRuneInString(s[j+n:])
				if digitVal(r2) >= 0 && r2 != '两' {
					point = true
					j += n
					continue
				}
			}
			break
		}
		j += n
		runes++
	}
	return j, runes
}

// zhNum is the value of a run of Chinese numerals.
type zhNum struct {
	v      dec
	seq    bool // a string of four or more digits, read digit by digit (二〇一二)
	digits int  // digits in a seq
	single rune // the only rune, when the run is a single digit
	ok     bool
}

// parseZhRun reads a run of Chinese numerals: unit grammar (三千五百万,
// 一百零五, 十八, 一万五 = 15000), digit strings of four or more digits
// (一九四九), single digits, and a fraction after 点 (一点三).
func parseZhRun(run string) zhNum {
	var z zhNum
	intPart, frac := run, ""
	if k := strings.Index(run, "点"); k >= 0 {
		intPart, frac = run[:k], run[k+len("点"):]
	}
	var total, section, digit, seqV, lastRuneUnit, unitBeforeDigit, smallUnit uint64
	haveDigit, prevDigit, prevZero, adjacent, hasUnit, liang := false, false, false, false, false, false
	runes, nd := 0, 0
	var only rune
	for _, r := range intPart {
		runes++
		only = r
		if d := digitVal(r); d >= 0 {
			nd++
			if r == '两' || r == '兩' {
				liang = true
			}
			if seqV < maxMant {
				seqV = seqV*10 + uint64(d)
			}
			if prevDigit && !prevZero {
				adjacent = true
			}
			digit, haveDigit, prevDigit, prevZero = uint64(d), true, true, d == 0
			unitBeforeDigit, lastRuneUnit = lastRuneUnit, 0
			continue
		}
		u := unitVal(r)
		hasUnit, prevDigit, lastRuneUnit = true, false, u
		switch {
		case u < 1e4:
			if !haveDigit {
				if u != 10 {
					return z
				}
				digit = 1
			}
			if smallUnit != 0 && u >= smallUnit {
				return z
			}
			section += digit * u
			smallUnit = u
		case u == 1e4:
			sec := section + digit
			if sec == 0 {
				return z
			}
			total += sec * 1e4
			section, smallUnit = 0, 0
		default:
			sec := total + section + digit
			if sec == 0 || sec >= 1e8 {
				return z
			}
			total = sec * 1e8
			section, smallUnit = 0, 0
		}
		digit, haveDigit = 0, false
		if total > maxMant {
			return z
		}
	}
	var iv uint64
	switch {
	case !hasUnit && nd == 1:
		iv = digit
		z.single = only
	case !hasUnit && nd >= 4 && !liang && nd <= 17:
		iv = seqV
		z.seq, z.digits = true, nd
	case !hasUnit:
		return z // 三四 七八: approximations, not values
	default:
		if adjacent {
			return z
		}
		if haveDigit && unitBeforeDigit >= 100 {
			digit = digit * unitBeforeDigit / 10 // 三千五 = 3500
		}
		iv = total + section + digit
	}
	z.v = dec{m: iv}
	if frac != "" {
		z.single = 0
		e := 0
		m := iv
		for _, r := range frac {
			d := digitVal(r)
			if d < 0 || m >= maxMant/10 {
				return z
			}
			m = m*10 + uint64(d)
			e--
		}
		z.v = dec{m: m, e: e}
	}
	z.ok = true
	return z
}

// zhStopWords are words made of numerals that are not numbers.
var zhStopWords = []string{
	"十足", "十全十美", "十字", "十之八九", "三心二意", "三番五次", "三令五申",
	"三角", "三思", "三三两两", "三明治", "四面", "四周", "四处", "四方", "四海", "四分五裂",
	"五颜六色", "五湖四海", "五花八门", "五体投地", "六神无主", "七嘴八舌", "七上八下",
	"八成", "一成不变", "八卦", "八方", "九州", "九死一生", "九霄", "二话", "二手", "一点一滴", "一点一点", "十万八千里",
	"一五一十", "一石二鸟", "一举两得", "两全其美", "两面", "两手",
}

// zhStop returns the length of the numeral-built word that is not a number
// at the head of s, or 0.
func zhStop(s string) int {
	if strings.HasPrefix(s, "十分") {
		rest := s[len("十分"):]
		if !strings.HasPrefix(rest, "之") && !strings.HasPrefix(rest, "钟") {
			return len("十分")
		}
		return 0
	}
	for _, w := range zhStopWords {
		if strings.HasPrefix(s, w) {
			return len(w)
		}
	}
	return 0
}

// zhNumeral handles the run of Chinese numerals at s[i].
func (z *scanner) zhNumeral(i int) int {
	s := z.s
	first, fn := utf8.DecodeRuneInString(s[i:])
	switch first {
	case '星', '礼', '周':
		return z.zhWeekday(i)
	case '首':
		// 首次 首届 首批: "first"
		if r, n := utf8.DecodeRuneInString(s[i+fn:]); r == '次' || r == '届' || r == '批' || r == '个' || r == '位' {
			z.emit(Ordinal, intKey(Ordinal, 1), i, i+fn+n)
			return i + fn + n
		}
		return i + fn
	}
	j, runes := zhRunEnd(s, i)
	if (first == '百' || first == '千' || first == '万') && strings.HasPrefix(s[i+fn:], "分之") {
		// 百分之六十 (percent), 千分之三, 万分之五
		k := i + fn + len("分之")
		v, end, ok := z.zhValueAt(k)
		if !ok && strings.HasPrefix(s[k:], "百") {
			v, end, ok = dec{m: 100}, k+len("百"), true // 百分之百
		}
		if !ok {
			return k
		}
		if first == '百' {
			z.emit(Percent, decKey(Percent, v), i, end)
			return end
		}
		if n, isInt := v.int(); isInt && n > 0 {
			z.emit(Fraction, fractionKey(n, unitVal(first)), i, end)
		}
		return end
	}
	if unitVal(first) > 10 {
		return j // 百姓 千万 万一 亿万: a unit with no digit is no number
	}
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	next, _ := utf8.DecodeRuneInString(s[j:])
	switch prev {
	case '几', '数':
		return j // 几十 数十: "some tens"
	case '期', '拜', '周':
		if runes == 1 {
			return j // 星期一 周三: weekdays (zhWeekday took the valid ones)
		}
	}
	if next == '几' {
		return j // 十几 二十几
	}
	if runes == 3 && first == '十' && strings.HasSuffix(s[i:j], "五") && !zhMeasure(next) {
		mid, _ := utf8.DecodeRuneInString(s[i+fn:])
		if d := digitVal(mid); d >= 1 && d <= 5 {
			z.emit(Ordinal, intKey(Ordinal, uint64(10+d)), i, j) // 十三五 (规划): 13th Five-Year Plan
			return j
		}
	}
	if runes <= 4 {
		if n := zhStop(s[i:]); n > 0 {
			return i + n
		}
	}
	run := s[i:j]
	if k := zhSkipMore(s, j); k > j {
		// 三千多万: the run goes on after 多
		v := parseZhRun(run)
		j2 := k
		for v.ok && j2 < len(s) {
			r, n := utf8.DecodeRuneInString(s[j2:])
			u := unitVal(r)
			if u < 1e4 {
				break
			}
			v.v = v.v.mulPow(unitExp(u))
			j2 += n
		}
		if v.ok && v.single == 0 {
			return z.zhNumber(i, j2, v.v, numInfo{})
		}
	}
	zn := parseZhRun(run)
	if !zn.ok {
		if a, ok := zhRange(run); ok && (a >= 10 || zhMeasure(next)) {
			// 十七八岁, 三四个: "seventeen or eighteen", "three or four".
			if a > 1 {
				z.emit(Number, intKey(Number, a), i, j)
			}
			z.emit(Number, intKey(Number, a+1), i, j)
		}
		return j
	}
	return z.zhNumber(i, j, zn.v, numInfo{plain: zn.seq, digits: zn.digits, single: zn.single, tenAlone: s[i:j] == "十"})
}

// zhWeekday handles 星期一 礼拜天 周日 at s[i]; 每周一次 (once a week) is not a
// weekday.
func (z *scanner) zhWeekday(i int) int {
	s := z.s
	k := i + len("周")
	switch {
	case strings.HasPrefix(s[i:], "星期") || strings.HasPrefix(s[i:], "礼拜"):
		k = i + len("星期")
	case !strings.HasPrefix(s[i:], "周"):
		return k
	}
	r, n := utf8.DecodeRuneInString(s[k:])
	w := 0
	switch r {
	case '日':
		w = 7
	case '天':
		if k != i+len("周") {
			w = 7
		}
	case '一', '二', '三', '四', '五', '六':
		w = digitVal(r)
	}
	if w == 0 {
		return k
	}
	if next, _ := utf8.DecodeRuneInString(s[k+n:]); next == '次' || next == '个' || next == '年' {
		return k + n
	}
	z.emit(Weekday, weekdayKey(w), i, k+n)
	return k + n
}

// zhRange reads two neighbouring values written as one run: 三四 (3 or 4),
// 十七八 (17 or 18), 二十七八, 一两. It returns the smaller.
func zhRange(run string) (uint64, bool) {
	last, ln := utf8.DecodeLastRuneInString(run)
	head := run[:len(run)-ln]
	prev, pn := utf8.DecodeLastRuneInString(head)
	d1, d2 := digitVal(prev), digitVal(last)
	if d1 < 1 || d2 != d1+1 || prev == '两' {
		return 0, false
	}
	if before, _ := utf8.DecodeLastRuneInString(head[:len(head)-pn]); len(head) > pn && before != '十' {
		return 0, false
	}
	zn := parseZhRun(head)
	if !zn.ok {
		return 0, false
	}
	return zn.v.int()
}

// zhSkipMore returns the offset after 多 or 余 at s[j] when a multiplier
// (万, 亿) follows it (10多亿, 三千多万: "more than"), or j.
func zhSkipMore(s string, j int) int {
	if strings.HasPrefix(s[j:], "多") || strings.HasPrefix(s[j:], "余") {
		r, _ := utf8.DecodeRuneInString(s[j+3:])
		if u := unitVal(r); u >= 1e4 {
			return j + 3
		}
	}
	return j
}

// zhValueAt reads a number (Arabic, or Chinese numerals including a lone 一)
// at s[i], for a day, a numerator or a percentage.
func (z *scanner) zhValueAt(i int) (dec, int, bool) {
	s := z.s
	if _, n := digitAt(s, i); n > 0 {
		a := readArabic(s, i)
		return a.v, a.end, a.ok
	}
	j, runes := zhRunEnd(s, i)
	if runes == 0 {
		return dec{}, i, false
	}
	zn := parseZhRun(s[i:j])
	return zn.v, j, zn.ok
}

// zhArabic handles an Arabic numeral at s[i] in Chinese text, with Chinese
// multipliers after it (13亿, 960万, 1.2万).
func (z *scanner) zhArabic(i int) int {
	s := z.s
	a := readArabic(s, i)
	j := a.end
	if !a.ok {
		return j
	}
	if j < len(s) && (isLetter(s[j]) || fullLetterAt(s, j)) {
		return z.numberBeforeLetters(i, a) // 100cm2, 18th, 1980s
	}
	v, plain := a.v, a.plain()
	j = zhSkipMore(s, j)
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		u := unitVal(r)
		if u == 0 {
			break
		}
		if r == '千' {
			if r2, _ := utf8.DecodeRuneInString(s[j+n:]); r2 == '米' || r2 == '克' || r2 == '瓦' || r2 == '卡' {
				break // 千米: kilometre
			}
		}
		v = v.mulPow(unitExp(u))
		plain = false
		j += n
	}
	return z.zhNumber(i, j, v, numInfo{arabic: true, plain: plain, digits: a.digits})
}

// numInfo describes how a number was written.
type numInfo struct {
	arabic   bool
	plain    bool // a bare digit string: 2012, 二〇一二 (year candidates)
	digits   int  // digits of a plain numeral
	single   rune // the Chinese digit, when the number is one Chinese digit
	tenAlone bool // the number is a lone 十
}

func isHan(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF }

// zhCounted reports whether the lone digit ending at s[j] counts something:
// a classifier follows (三个), maybe after 多 or 余 (十多年), or a range
// connective and another numeral (三至六个月).
func (z *scanner) zhCounted(j int) bool {
	s := z.s
	r, n := utf8.DecodeRuneInString(s[j:])
	switch r {
	case '多', '余':
		r, _ = utf8.DecodeRuneInString(s[j+n:])
	case '至', '到', '或', '～', '—':
		r, _ = utf8.DecodeRuneInString(s[j+n:])
		return digitVal(r) >= 0 || unitVal(r) == 10
	}
	return zhMeasure(r)
}

// zhMeasure reports whether r, after a lone Chinese digit, shows that the
// digit counts something: a classifier (个 位 次 项), a unit of time or
// measure (年 天 岁 米), or one of a few counted nouns of official prose
// (国 党 大 中 全).
func zhMeasure(r rune) bool {
	switch r {
	case '个', '位', '名', '人', '次', '年', '天', '日', '月', '周', '星', '项', '条', '种', '家', '届',
		'倍', '部', '批', '国', '党', '点', '份', '类', '方', '句', '张', '本', '轮', '场', '大', '件',
		'只', '头', '匹', '辆', '架', '艘', '座', '栋', '所', '层', '间', '户', '口', '把', '支', '根',
		'片', '块', '颗', '杯', '碗', '瓶', '箱', '包', '袋', '双', '对', '套', '副', '组', '群', '串',
		'排', '行', '列', '段', '节', '章', '篇', '首', '封', '笔', '元', '岁', '分', '秒', '小', '钟',
		'公', '米', '吨', '斤', '里', '亩', '度', '级', '代', '期', '任', '例', '起', '门', '台', '道',
		'声', '下', '遍', '番', '回', '趟', '步', '招', '样', '边', '字', '季', '省', '市', '县', '强',
		'码', '集', '卷', '幅', '票', '股', '会', '寸', '尺', '丈', '克', '英', '千', '百', '万', '亿':
		return true
	}
	return false
}

// zhNumber emits the anchor for the number v written at s[i:j], looking at
// the characters around it to tell years, months, dates, ordinals,
// centuries, decades, fractions, percentages and section markers from plain
// numbers. It returns the offset to continue from.
func (z *scanner) zhNumber(i, j int, v dec, in numInfo) int {
	s := z.s
	iv, isInt := v.int()
	prev, pn := utf8.DecodeLastRuneInString(s[:i])
	next, nn := utf8.DecodeRuneInString(s[j:])
	rest := s[j:]
	switch {
	case prev == '第' && isInt:
		z.emit(Ordinal, intKey(Ordinal, iv), i-pn, j)
		return j
	case isInt && iv >= 1 && iv <= 40 && strings.HasPrefix(rest, "世纪"):
		k := j + len("世纪")
		if _, e, ok := z.zhValueAt(k); ok && strings.HasPrefix(s[e:], "年代") {
			return k // 20世纪60年代 is "the 1960s": the decade says it all
		}
		z.emit(Century, intKey(Century, iv), i, k)
		return k
	case isInt && iv%10 == 0 && (iv < 100 || iv >= 1000 && iv <= 2100) && strings.HasPrefix(rest, "年代"):
		z.emit(Decade, decadeKey(int(iv)), i, j+len("年代"))
		return j + len("年代")
	case next == '年' && in.plain && in.digits == 4 && isInt && iv >= 1000 && iv <= 2100:
		z.emit(Year, intKey(Year, iv), i, j+nn)
		return j + nn
	case next == '月' && isInt && iv >= 1 && iv <= 12 && !(in.plain && in.digits > 2):
		return z.zhMonth(i, j+nn, int(iv))
	case isInt && iv >= 2 && strings.HasPrefix(rest, "分之"):
		if num, end, ok := z.zhValueAt(j + len("分之")); ok {
			if n, ok := num.int(); ok && n > 0 && n < iv {
				z.emit(Fraction, fractionKey(n, iv), i, end)
				return end
			}
		}
		return j
	case next == '日' && isInt && iv >= 1 && iv <= 31 && (in.arabic && in.plain || !in.arabic && in.single == 0 && !in.tenAlone):
		z.emit(Date, dayKey(int(iv)), i, j+nn) // 15日: the 15th, month from context
		return j + nn
	case next == '%' || next == '％':
		z.emit(Percent, decKey(Percent, v), i, j+nn)
		return j + nn
	case isInt && iv > 0 && iv <= 1000 && (next == '届' || strings.HasPrefix(rest, "中全会") ||
		strings.HasPrefix(rest, "次会议") || strings.HasPrefix(rest, "次全体会议") ||
		strings.HasPrefix(rest, "次全国代表大会") || strings.HasPrefix(rest, "周年") || strings.HasPrefix(rest, "岁生日") ||
		next == '大' && (iv >= 11 && iv <= 30 || prev == '“' || strings.HasSuffix(s[:i], "党的"))):
		end := j
		if next == '大' {
			end += nn
		}
		z.emit(Ordinal, intKey(Ordinal, iv), i, end)
		return end
	case next == '成' && isInt && iv >= 1 && iv <= 10 && (in.single != 0 || in.tenAlone) && !zhChengWord(rest):
		z.emit(Percent, intKey(Percent, iv*10), i, j+nn) // 七成: 70%
		return j + nn
	case next == '世' && isInt && iv >= 1 && iv <= 40 && in.single != '一':
		z.emit(Ordinal, intKey(Ordinal, iv), i, j+nn) // 伊丽莎白二世: Elizabeth II
		return j + nn
	case next == '号' && isInt && iv >= 1 && iv <= 999 && !(in.plain && in.digits == 4):
		z.emit(Ordinal, intKey(Ordinal, iv), i, j+nn) // 一号文件: No. 1 Document; 3号线: Line 3
		return j + nn
	case in.single != 0 && next == '是' && !isHan(prev):
		z.emit(Ordinal, intKey(Ordinal, iv), i, j) // 一是……二是……: first, second
		return j
	case i == z.start && isInt && iv >= 1 && iv <= 99 && (next == '、' ||
		in.arabic && in.plain && (next == '.' || next == '．') && !digitFollows(s, j+nn)):
		z.emit(Section, intKey(Section, iv), i, j+nn)
		return j + nn
	}
	switch in.single {
	case '一':
		if next == '半' {
			z.emit(Fraction, fractionKey(1, 2), i, j+nn) // 一半: half
			return j + nn
		}
		return j // 一 alone is a word-builder (一样, 统一), not a number
	case '零', '〇', '○':
		return j
	case '二', '三', '四', '五', '六', '七', '八', '九', '两', '兩':
		if !z.zhCounted(j) {
			return j // 四川 三亚 王二: a lone digit counts only before a classifier
		}
	}
	if in.tenAlone && !z.zhCounted(j) {
		return j
	}
	if in.arabic {
		if key, end := fraction(s, j, v); key != "" {
			z.emit(Fraction, key, i, end)
			return end
		}
	}
	k := Number
	if in.plain && in.digits == 4 && isInt && iv >= 1000 && iv <= 2100 {
		k = Year
	}
	z.emit(k, decKey(k, v), i, j)
	return j
}

// zhChengWord reports whether 成 at the head of s starts a word (成为, 成功)
// rather than meaning "tenths".
func zhChengWord(s string) bool {
	for _, w := range [...]string{"成为", "成功", "成立", "成员", "成果", "成绩", "成本", "成长", "成就", "成熟", "成都", "成不变", "成群", "成千", "成了"} {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

func digitFollows(s string, j int) bool {
	_, n := digitAt(s, j)
	return n > 0
}

// zhMonth handles a month number m written at s[i:k] (k is after 月): a date
// when a day with 日 or 号 follows, a month otherwise.
func (z *scanner) zhMonth(i, k, m int) int {
	if v, end, ok := z.zhValueAt(k); ok {
		if d, ok := v.int(); ok && d >= 1 && d <= 31 {
			r, n := utf8.DecodeRuneInString(z.s[end:])
			if r == '日' || r == '号' {
				z.emitDate(m, int(d), i, end+n, k, end+n)
				return end + n
			}
		}
	}
	z.emit(Month, monthKey(m), i, k)
	return k
}

// zhLatin handles a Latin-script token at s[i] in Chinese text.
func (z *scanner) zhLatin(i int) int {
	j := latinToken(z.s, i)
	tok := trimPossessive(z.s[i:j])
	if len(tok) >= 2 && !(len(tok) == 3 && tok[0] == 0xEF) {
		z.emit(Latin, latinKey(tok), i, i+len(tok))
	}
	return j
}
