package segment

import "sync"

// Frequent hanzi that are written one way in simplified Chinese and another
// way in traditional Chinese, and that do not occur (or hardly occur) in
// the other script: each string holds one script's forms. The lists are
// not pairs and not a conversion table; they only tell which script a text
// is written in. Characters that both scripts use (后, 里, 面, 干, 台, 只,
// 著, 于) are in neither.
const (
	simplifiedOnly  = "这们个来为国说时会对发过经么学现当没动还进样实从开关点业将两间问应战头体见产话给门东声员论处义认条题尔别变总电数报结务场计资区队马书则听达强难权记边张该规万觉术领确传师观让识带导争运飞风联组济车亲极办议证远单爱击备连调质团价党华级离亚请际约线断满视须写称农装广显标谈图历医专费号尽较语仅选红响虽势众构节维敌陈态护兴验责营严续讲终紧绝项围织举杀苏诉细钱网热属职乐刚状独创错兰试脑预谁阳继惊伤药卫险陆习劳财环纳欢获负龙树层异汉简担静积检灵协挥胜阶审坚刘读压银买养怀执乱帮岁优铁税艺阵脚恶块顿岛户评宝释顾货欧换闻坏讨丽监临舰鱼杂误湾减编测败梦温剑渐贵枪楼县遗谢鲁虑销钟诗赶剧损旧录叶乡礼妇归饭额顺输摇脱补谓疗泽灭笔鲜词圣择寻厂烟诺伦奥卖载宫阴园谋荣孙顶镇练爷馆础宁纸诸训庄丝戏隐访软萨盘扩盖稳亿拥杨齐赛虚购扬绿贸毕轮库迹竞弃伟缓潜闪灯针络纯页筑郑贝吴残圆诚宽摆毁赵"
	traditionalOnly = "這們個來為國說時會對發過經麼學現當沒動還進樣實從開關點業將兩間問應戰頭體見產話給門東聲員論處義認條題爾別變總電數報結務場計資區隊馬書則聽達強難權記邊張該規萬覺術領確傳師觀讓識帶導爭運飛風聯組濟車親極辦議證遠單愛擊備連調質團價黨華級離亞請際約線斷滿視須寫稱農裝廣顯標談圖歷醫專費號盡較語僅選紅響雖勢眾構節維敵陳態護興驗責營嚴續講終緊絕項圍織舉殺蘇訴細錢網熱屬職樂剛狀獨創錯蘭試腦預誰陽繼驚傷藥衛險陸習勞財環納歡獲負龍樹層異漢簡擔靜積檢靈協揮勝階審堅劉讀壓銀買養懷執亂幫歲優鐵稅藝陣腳惡塊頓島戶評寶釋顧貨歐換聞壞討麗監臨艦魚雜誤灣減編測敗夢溫劍漸貴槍樓縣遺謝魯慮銷鐘詩趕劇損舊錄葉鄉禮婦歸飯額順輸搖脫補謂療澤滅筆鮮詞聖擇尋廠煙諾倫奧賣載宮陰園謀榮孫頂鎮練爺館礎寧紙諸訓莊絲戲隱訪軟薩盤擴蓋穩億擁楊齊賽虛購揚綠貿畢輪庫跡競棄偉緩潛閃燈針絡純頁築鄭貝吳殘圓誠寬擺毀趙後裡"
)

// scriptOf maps each character of the two lists to its script: 1 for
// simplified, 2 for traditional. Built on first use.
var scriptOf = sync.OnceValue(func() map[rune]uint8 {
	m := make(map[rune]uint8, 700)
	for _, r := range simplifiedOnly {
		m[r] = 1
	}
	for _, r := range traditionalOnly {
		m[r] = 2
	}
	return m
})

// countScript counts the characters of s that only simplified and only
// traditional Chinese use, among the frequent ones.
func countScript(s string) (simplified, traditional int) {
	m := scriptOf()
	for _, r := range s {
		if r < 0x4E00 {
			continue
		}
		switch m[r] {
		case 1:
			simplified++
		case 2:
			traditional++
		}
	}
	return simplified, traditional
}

// Traditional reports whether the Chinese text of the document is written
// in traditional characters (as in Taiwan, Hong Kong and Macau) rather than
// simplified ones: whether it holds more characters that only the
// traditional script uses than characters that only the simplified script
// uses, counted over a list of about 350 frequent characters of each
// script. A text with neither (or as many of each) is read as simplified,
// and so is a document without Chinese text. A caller that tags the
// language uses it to choose zh-TW (or zh-HK) over zh-CN.
func (d *Document) Traditional() bool {
	if d == nil {
		return false
	}
	s, t := countScript(d.Text)
	return t > s
}
