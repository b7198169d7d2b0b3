package review

import (
	"fmt"
	"html/template"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bitextlab/zhen/align"
)

// HTMLOptions configures WriteHTML. The zero value is ready to use.
type HTMLOptions struct {
	Title string // page title; default "Alignment review"
	// High and Low are the confidence bands: rows at or above High are
	// green, below Low amber (and listed at the top), in between neutral.
	// Defaults 0.9 and 0.6. A row whose "margin" score (see align.Score)
	// is below High shows it under its confidence ("× margin 0.62"): the
	// margin alone keeps that pair out of the green band.
	High, Low float64
	// ZHLang and ENLang are the lang attributes of the two columns
	// (defaults "zh-CN" and "en"), so that the browser picks CJK fonts.
	ZHLang, ENLang string
}

// HTMLStats is what WriteHTML found while rendering.
type HTMLStats struct {
	Rows        int            // one per pair
	ByType      map[string]int // rows per bead type
	Low         int            // paired rows below Low
	Unpaired    int            // 1-0 and 0-1 rows
	BadEvidence int            // evidence spans out of range or not on character boundaries, not highlighted
}

// piece is a run of text, highlighted when Kind is set.
type piece struct {
	Text  string
	Kind  string // CSS class, "" for plain text
	Label string // evidence kind as given
}

type htmlRow struct {
	N          int
	ID         string
	Class      string
	ZH, EN     []piece
	Type       string
	Confidence string
	Why        string // the scores, for the tooltip
	Margin     string // the margin factor, shown when it is below High; "" otherwise
	Paragraph  int
	Doc        string
	NewPara    bool
	NewDoc     bool
	ZHEmpty    bool
	ENEmpty    bool
}

type htmlLink struct {
	ID    string
	N     int
	Label string
}

type htmlPage struct {
	Title          string
	ZHLang, ENLang string
	HighText       string
	LowText        string
	Rows           []htmlRow
	Types          []typeCount
	Total          int
	Low            []htmlLink
	Unpaired       []htmlLink
	Bands          [3]int // high, mid, low (paired rows)
	BadEvidence    int
	Kinds          []string
}

type typeCount struct {
	Type string
	N    int
}

// WriteHTML writes a self-contained HTML review page for pairs: the two
// texts side by side, one row per pair in order, coloured by confidence,
// with evidence (Pair.Evidence spans) highlighted, paragraph boundaries
// marked, 1-0 and 0-1 rows shown, and a summary at the top with counts per
// bead type and links to the low-confidence and unpaired rows. A checkbox
// hides every row that needs no checking (CSS only; no script). All text
// is escaped by html/template.
func WriteHTML(w io.Writer, pairs []align.Pair, o HTMLOptions) (HTMLStats, error) {
	if o.Title == "" {
		o.Title = "Alignment review"
	}
	if o.High == 0 {
		o.High = 0.9
	}
	if o.Low == 0 {
		o.Low = 0.6
	}
	if o.ZHLang == "" {
		o.ZHLang = "zh-CN"
	}
	if o.ENLang == "" {
		o.ENLang = "en"
	}
	st := HTMLStats{Rows: len(pairs), ByType: map[string]int{}}
	page := htmlPage{Title: o.Title, ZHLang: o.ZHLang, ENLang: o.ENLang,
		HighText: strconv.FormatFloat(o.High, 'f', -1, 64), LowText: strconv.FormatFloat(o.Low, 'f', -1, 64),
		Total: len(pairs), Rows: make([]htmlRow, 0, len(pairs))}
	kinds := map[string]bool{}
	for i, p := range pairs {
		r := htmlRow{N: i + 1, ID: "r" + strconv.Itoa(i+1), Type: p.Type, Paragraph: p.Paragraph, Doc: p.Doc,
			Confidence: strconv.FormatFloat(p.Confidence, 'f', 2, 64)}
		if i == 0 || p.Paragraph != pairs[i-1].Paragraph || p.Doc != pairs[i-1].Doc {
			r.NewPara = true
		}
		r.NewDoc = i == 0 || p.Doc != pairs[i-1].Doc
		st.ByType[p.Type]++
		unpaired := strings.TrimSpace(p.ZH) == "" || strings.TrimSpace(p.EN) == ""
		switch {
		case unpaired:
			r.Class = "gap"
			st.Unpaired++
			page.Unpaired = append(page.Unpaired, htmlLink{r.ID, r.N, p.Type})
		case p.Confidence >= o.High:
			r.Class = "hi"
			page.Bands[0]++
		case p.Confidence >= o.Low:
			r.Class = "mid"
			page.Bands[1]++
		default: // below Low, or NaN
			r.Class = "low"
			st.Low++
			page.Bands[2]++
			page.Low = append(page.Low, htmlLink{r.ID, r.N, r.Confidence})
		}
		if math.IsNaN(p.Confidence) {
			r.Confidence = "?"
		}
		var zs, es []span
		for _, e := range p.Evidence {
			zs = append(zs, span{e.ZHStart, e.ZHEnd, e.Kind})
			es = append(es, span{e.ENStart, e.ENEnd, e.Kind})
			kinds[e.Kind] = true
		}
		var bad int
		r.ZH, bad = split(p.ZH, zs)
		st.BadEvidence += bad
		r.EN, bad = split(p.EN, es)
		r.ZHEmpty, r.ENEmpty = p.ZH == "", p.EN == ""
		st.BadEvidence += bad
		var margin float64
		var hasMargin bool
		r.Why, margin, hasMargin = explain(p.Scores)
		if hasMargin && margin < o.High {
			r.Margin = strconv.FormatFloat(margin, 'f', 2, 64)
		}
		page.Rows = append(page.Rows, r)
	}
	for t, n := range st.ByType {
		page.Types = append(page.Types, typeCount{t, n})
	}
	sort.Slice(page.Types, func(i, j int) bool {
		if page.Types[i].N != page.Types[j].N {
			return page.Types[i].N > page.Types[j].N
		}
		return page.Types[i].Type < page.Types[j].Type
	})
	for k := range kinds {
		page.Kinds = append(page.Kinds, k)
	}
	sort.Strings(page.Kinds)
	page.BadEvidence = st.BadEvidence
	if err := pageTemplate.Execute(w, page); err != nil {
		return st, fmt.Errorf("review: html: %w", err)
	}
	return st, nil
}

// marginScorer names the Score that align adds to each two-sided bead: a
// factor on the weighted mean of the other scores, not a weighted part of
// it (see align.Score).
const marginScorer = "margin"

// explain writes the scores behind a confidence for the row's tooltip:
// each weighted score as "length 0.93 (weight 0.50)", then, when there is
// a margin, the weighted mean and the margin as the factor it is:
// "… · weighted mean 0.88 × margin 0.93". It returns the margin too (the
// last one, if several) and whether there is one.
func explain(scores []align.Score) (why string, margin float64, hasMargin bool) {
	var b strings.Builder
	var num, den float64
	for _, s := range scores {
		if s.Scorer == marginScorer && s.Weight == 0 {
			margin, hasMargin = s.Value, true
			continue
		}
		if b.Len() > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "%s %.2f (weight %.2f)", s.Scorer, s.Value, s.Weight)
		num += s.Value * s.Weight
		den += s.Weight
	}
	if !hasMargin {
		return b.String(), 0, false
	}
	if b.Len() > 0 {
		b.WriteString(" · ")
	}
	if den > 0 {
		fmt.Fprintf(&b, "weighted mean %.2f ", num/den)
	}
	for _, s := range scores {
		if s.Scorer == marginScorer && s.Weight == 0 {
			fmt.Fprintf(&b, "× %s %.2f", s.Scorer, s.Value)
		}
	}
	return b.String(), margin, true
}

// span is an evidence byte range in one side's text.
type span struct {
	start, end int
	kind       string
}

// kindClass turns an evidence kind into a safe CSS class name.
func kindClass(kind string) string {
	var b strings.Builder
	b.WriteString("k-")
	for _, r := range strings.ToLower(kind) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	return b.String()
}

// split cuts text at the evidence spans. Spans out of range, empty, or not
// on UTF-8 character boundaries are not used and are counted. Where spans
// overlap, the one given first wins.
func split(text string, spans []span) ([]piece, int) {
	bad := 0
	var ok []span
	for _, s := range spans {
		if s.start < 0 || s.end > len(text) || s.start >= s.end ||
			!utf8.RuneStart(text[s.start]) || s.end < len(text) && !utf8.RuneStart(text[s.end]) {
			if !(s.start == 0 && s.end == 0) { // a side without evidence
				bad++
			}
			continue
		}
		ok = append(ok, s)
	}
	if len(ok) == 0 {
		return []piece{{Text: text}}, bad
	}
	cuts := []int{0, len(text)}
	for _, s := range ok {
		cuts = append(cuts, s.start, s.end)
	}
	sort.Ints(cuts)
	var out []piece
	for i := 0; i+1 < len(cuts); i++ {
		a, b := cuts[i], cuts[i+1]
		if a == b {
			continue
		}
		var p piece
		p.Text = text[a:b]
		for _, s := range ok {
			if s.start <= a && b <= s.end {
				p.Kind, p.Label = kindClass(s.kind), s.kind
				break
			}
		}
		if n := len(out); n > 0 && out[n-1].Kind == p.Kind && out[n-1].Label == p.Label {
			out[n-1].Text += p.Text
			continue
		}
		out = append(out, p)
	}
	return out, bad
}

var pageTemplate = template.Must(template.New("page").Funcs(template.FuncMap{"kind": kindClass}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
:root { --hi: #e6f4ea; --hi-bar: #34a853; --mid: #ffffff; --mid-bar: #c8c8c8; --low: #fff1d6; --low-bar: #e8710a; --gap: #f3f3f3; --gap-bar: #9aa0a6; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.55 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #202124; background: #fafafa; }
header { padding: 16px 24px 8px; background: #fff; border-bottom: 1px solid #ddd; }
h1 { font-size: 20px; margin: 0 0 8px; }
.summary { display: flex; flex-wrap: wrap; gap: 8px 28px; font-size: 14px; }
.summary b { font-variant-numeric: tabular-nums; }
.summary ul { margin: 4px 0; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: 4px 10px; }
.jump { max-width: 100%; }
.jump a { color: #b35300; text-decoration: none; font-variant-numeric: tabular-nums; }
.jump a:hover { text-decoration: underline; }
.legend span { display: inline-block; padding: 0 8px; border-left: 4px solid; margin-right: 6px; }
.legend .hi { background: var(--hi); border-color: var(--hi-bar); }
.legend .mid { background: var(--mid); border-color: var(--mid-bar); }
.legend .low { background: var(--low); border-color: var(--low-bar); }
.legend .gap { background: var(--gap); border-color: var(--gap-bar); }
#only-check { margin: 10px 6px 10px 24px; vertical-align: middle; }
.filter { font-size: 14px; vertical-align: middle; cursor: pointer; }
#only-check:checked ~ table tbody tr.hi, #only-check:checked ~ table tbody tr.mid, #only-check:checked ~ table tbody tr.para { display: none; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; background: #fff; }
thead th { position: sticky; top: 0; background: #f1f3f4; text-align: left; font-weight: 600; font-size: 13px; padding: 6px 10px; border-bottom: 1px solid #ccc; z-index: 1; }
th.n, td.n { width: 3.5em; text-align: right; color: #80868b; font-size: 12px; font-variant-numeric: tabular-nums; }
th.meta, td.meta { width: 8.5em; font-size: 12px; color: #5f6368; }
td { padding: 6px 10px; vertical-align: top; border-bottom: 1px solid #eee; overflow-wrap: anywhere; white-space: pre-wrap; }
tr.hi td.n { border-left: 5px solid var(--hi-bar); } tr.hi { background: var(--hi); }
tr.mid td.n { border-left: 5px solid var(--mid-bar); } tr.mid { background: var(--mid); }
tr.low td.n { border-left: 5px solid var(--low-bar); } tr.low { background: var(--low); }
tr.gap td.n { border-left: 5px dashed var(--gap-bar); } tr.gap { background: var(--gap); }
tr.gap td.empty::before { content: "— no counterpart —"; color: #9aa0a6; font-style: italic; }
tr.para td { background: #e8eaed; color: #3c4043; font-size: 12px; font-weight: 600; padding: 3px 10px; border-top: 2px solid #5f6368; white-space: normal; }
tr:target { outline: 3px solid #1a73e8; outline-offset: -3px; }
td.zh { font-size: 16px; }
.conf { font-weight: 600; font-variant-numeric: tabular-nums; }
tr.low .conf { color: #b35300; }
.margin { font-size: 11px; color: #5f6368; font-variant-numeric: tabular-nums; white-space: nowrap; }
mark { background: #fde68a; border-radius: 3px; padding: 0 1px; color: inherit; }
mark.k-number { background: #c6e2ff; } mark.k-date { background: #d7ccff; } mark.k-latin { background: #ffd6e7; }
mark.k-section { background: #c8f0dd; } mark.k-ordinal { background: #b3e5fc; } mark.k-year { background: #e1bee7; } mark.k-percent { background: #ffccbc; } mark.k-quote { background: #ffe0b3; } mark.k-lexicon { background: #e6ee9c; } mark.k-glossary { background: #b2ebf2; }
footer { padding: 12px 24px; font-size: 12px; color: #80868b; }
</style>
</head>
<body>
<header>
<h1>{{.Title}}</h1>
<div class="summary">
 <div><b>{{.Total}}</b> pairs ·
 {{range $i, $t := .Types}}{{if $i}}, {{end}}<b>{{$t.N}}</b>&nbsp;×&nbsp;{{$t.Type}}{{end}}</div>
 <div class="legend"><span class="hi">≥ {{$.HighText}}: {{index .Bands 0}}</span><span class="mid">{{$.LowText}}–{{$.HighText}}: {{index .Bands 1}}</span><span class="low">&lt; {{$.LowText}}: {{index .Bands 2}}</span><span class="gap">unpaired: {{len .Unpaired}}</span></div>
 {{if .Kinds}}<div>evidence: {{range .Kinds}}<mark class="{{kind .}}">{{.}}</mark> {{end}}</div>{{end}}
 {{if .BadEvidence}}<div>{{.BadEvidence}} evidence span(s) out of range, not highlighted</div>{{end}}
</div>
{{if .Low}}<div class="summary jump">Low confidence ({{len .Low}}): <ul>{{range .Low}}<li><a href="#{{.ID}}">#{{.N}}&nbsp;({{.Label}})</a></li>{{end}}</ul></div>{{end}}
{{if .Unpaired}}<div class="summary jump">Unpaired ({{len .Unpaired}}): <ul>{{range .Unpaired}}<li><a href="#{{.ID}}">#{{.N}}&nbsp;({{.Label}})</a></li>{{end}}</ul></div>{{end}}
</header>
<main>
<input type="checkbox" id="only-check"><label class="filter" for="only-check">Show only rows to check (below {{$.LowText}} or unpaired)</label>
<table>
<thead><tr><th class="n">#</th><th lang="{{.ZHLang}}">中文</th><th>English</th><th class="meta">bead · conf.</th></tr></thead>
<tbody>
{{range .Rows}}{{if .NewPara}}<tr class="para"><td colspan="4">¶ paragraph {{.Paragraph}}{{if .NewDoc}}{{if .Doc}} · {{.Doc}}{{end}}{{end}}</td></tr>
{{end}}<tr id="{{.ID}}" class="{{.Class}}"{{if .Why}} title="{{.Why}}"{{end}}><td class="n">{{.N}}</td><td class="zh{{if .ZHEmpty}} empty{{end}}" lang="{{$.ZHLang}}">{{range .ZH}}{{if .Kind}}<mark class="{{.Kind}}" title="{{.Label}}">{{.Text}}</mark>{{else}}{{.Text}}{{end}}{{end}}</td><td class="en{{if .ENEmpty}} empty{{end}}" lang="{{$.ENLang}}">{{range .EN}}{{if .Kind}}<mark class="{{.Kind}}" title="{{.Label}}">{{.Text}}</mark>{{else}}{{.Text}}{{end}}{{end}}</td><td class="meta">{{.Type}} · <span class="conf">{{.Confidence}}</span>{{if .Margin}}<br><span class="margin" title="the confidence is the weighted mean of the scores times this margin: how clearly this pair beats the other ways of cutting the same text">× margin {{.Margin}}</span>{{end}}</td></tr>
{{end}}</tbody>
</table>
</main>
<footer>Hover a row for the scores behind its confidence: the weighted mean of the scorers' values, times the margin (how clearly the pair beats the other ways of cutting the same text; shown under the confidence when below {{$.HighText}}). Rows: green ≥ {{$.HighText}}, white {{$.LowText}}–{{$.HighText}}, amber &lt; {{$.LowText}}, grey dashed: text with no counterpart.</footer>
</body>
</html>
`))
