package review

// The review page's fixed parts: WriteHTML writes pageHead, the title,
// pageCSS, pageBody, the JSON data block and pageJS, in that order. The
// script reads the data block, keeps the pairs in an array and draws only
// the rows on screen (a spacer gives the scroll bar its length; the drawn
// rows stick to the top of the scrolling area).

const pageHead = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
`

const pageCSS = `
:root { --hi: #e6f4ea; --hi-bar: #34a853; --mid: #fff8e1; --mid-bar: #f6bf26; --low: #fde7e4; --low-bar: #d93025;
  --gap: #f1f3f4; --gap-bar: #9aa0a6; --ok-bar: #188038; --ed: #e8f0fe; --ed-bar: #1a73e8; }
* { box-sizing: border-box; }
html, body { height: 100%; }
body { margin: 0; display: flex; flex-direction: column; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "WenQuanYi Zen Hei", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #202124; background: #fafafa; }
header { flex: none; padding: 8px 16px 6px; background: #fff; border-bottom: 1px solid #ddd; }
h1 { font-size: 17px; margin: 0 16px 0 0; display: inline; }
.bar1 { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 14px; font-size: 14px; }
.bar1 b, #check-pos, #prog-text { font-variant-numeric: tabular-nums; }
.prog { display: inline-block; width: 120px; height: 8px; background: #e0e0e0; border-radius: 4px; vertical-align: middle; overflow: hidden; }
#prog-bar { height: 100%; width: 0; background: var(--ok-bar); }
button { font: inherit; font-size: 13px; padding: 1px 8px; border: 1px solid #bbb; border-radius: 4px; background: #f8f9fa; cursor: pointer; }
button:hover { background: #e8eaed; }
select { font: inherit; font-size: 13px; }
.legend { font-size: 12px; margin-top: 4px; color: #3c4043; }
.legend span { display: inline-block; padding: 0 6px; border-left: 5px solid; margin-right: 4px; }
.legend .hi { background: var(--hi); border-color: var(--hi-bar); }
.legend .mid { background: var(--mid); border-color: var(--mid-bar); }
.legend .low { background: var(--low); border-color: var(--low-bar); }
.legend .gap { background: var(--gap); border-color: var(--gap-bar); border-left-style: dashed; }
.legend .ok { border-color: var(--ok-bar); }
.legend .ed { background: var(--ed); border-color: var(--ed-bar); }
#status { font-size: 13px; color: #1a73e8; min-height: 1.4em; }
#restore { font-size: 14px; background: #fff8e1; border: 1px solid #f0c36d; border-radius: 6px; padding: 6px 12px; margin-top: 4px; }
#restore button { margin-left: 8px; }
#help { font-size: 13px; background: #f8f9fa; border: 1px solid #ddd; border-radius: 6px; padding: 6px 12px; margin-top: 4px; columns: 2; }
#help kbd, .bar1 kbd { font: 12px ui-monospace, monospace; background: #fff; border: 1px solid #bbb; border-radius: 3px; padding: 0 4px; }
#help p { margin: 2px 0; break-inside: avoid; }
.cols, .row { display: grid; grid-template-columns: 5.5em 1fr 1fr 9em; }
.cols { flex: none; background: #f1f3f4; font-size: 13px; font-weight: 600; border-bottom: 1px solid #ccc; }
.cols > div { padding: 4px 10px; }
#scroller { flex: 1; overflow-y: auto; position: relative; outline: none; }
#spacer { position: relative; }
#view { position: sticky; top: 0; overflow: hidden; }
.row { background: #fff; border-bottom: 1px solid #e6e6e6; }
.row > div { padding: 5px 10px; overflow-wrap: anywhere; white-space: pre-wrap; }
.row .n { white-space: nowrap; text-align: right; color: #80868b; font-size: 12px; font-variant-numeric: tabular-nums; border-left: 6px solid var(--mid-bar); }
.row.hi { background: var(--hi); } .row.hi .n { border-left-color: var(--hi-bar); }
.row.mid { background: var(--mid); } .row.mid .n { border-left-color: var(--mid-bar); }
.row.low { background: var(--low); } .row.low .n { border-left-color: var(--low-bar); }
.row.gap { background: var(--gap); } .row.gap .n { border-left: 6px dashed var(--gap-bar); }
.row.ok .n { border-left-color: var(--ok-bar); border-left-width: 10px; }
.row.ok { background: #fff; }
.row.ed { background: var(--ed); } .row.ed .n { border-left-color: var(--ed-bar); border-left-width: 10px; }
.row.flag .n::after { content: " ⚑"; color: var(--low-bar); }
.row.np { border-top: 2px solid #5f6368; }
.row.cur { outline: 3px solid #1a73e8; outline-offset: -3px; position: relative; z-index: 1; }
.row.cur .side.act { box-shadow: inset 0 -3px 0 #1a73e8; }
.side.empty::before { content: "— no counterpart —"; color: #9aa0a6; font-style: italic; }
.zh { font-size: 16px; }
.meta { font-size: 12px; color: #5f6368; }
.meta .conf { font-weight: 600; font-variant-numeric: tabular-nums; color: #202124; }
.row.low .meta .conf { color: #b3261e; }
.meta .state { font-weight: 600; }
.row.ok .state { color: var(--ok-bar); } .row.ed .state { color: var(--ed-bar); } .row.flag .state { color: var(--low-bar); }
.sb { display: inline-block; width: 0; height: 1.1em; border-left: 2px dotted #9aa0a6; margin: 0 3px; vertical-align: text-bottom; }
.cut { display: inline-block; color: #fff; background: #d93025; font-size: 11px; padding: 0 4px; margin: 0 3px; border-radius: 3px; }
mark { background: none; color: inherit; border-radius: 3px; }
.row:hover mark, .row.cur mark { background: #fde68a; }
mark.lit { background: #fbbc04 !important; outline: 2px solid #e37400; }
.ed-box { width: 100%; min-height: 4.5em; font: inherit; white-space: pre; }
.ed-hint { font-size: 12px; color: #5f6368; }
.none { padding: 16px; color: #5f6368; }
#export-text { position: absolute; left: -9999px; width: 1px; height: 1px; }
`

const pageBody = `<header>
<div class="bar1">
 <h1>{{TITLE}}</h1>
 <span title="pairs confirmed or edited by you / all pairs">Checked <b id="prog-text">0 / 0</b> <span class="prog"><span id="prog-bar" style="display:block"></span></span></span>
 <span>To check <button id="prev-check" title="previous pair to check (Shift+N)">◀</button> <b id="check-pos">–</b> <button id="next-check" title="next pair to check (N)">▶</button></span>
 <label>Show <select id="filter" title="F cycles"><option value="all">all pairs</option><option value="check">to check</option><option value="unconfirmed">unconfirmed</option><option value="edited">edited</option></select></label>
 <button id="undo" title="Ctrl+Z">Undo</button><button id="redo" title="Ctrl+Y">Redo</button>
 <button id="export" title="X: download the corrected pairs as JSON Lines">Export JSONL</button><a id="download" hidden>download</a>
 <button id="help-btn" title="?">Keys</button>
</div>
<div class="legend" id="legend"></div>
<div id="help" hidden>
<p><kbd>↓</kbd> <kbd>J</kbd> / <kbd>↑</kbd> <kbd>K</kbd> next / previous pair; <kbd>PgDn</kbd> <kbd>PgUp</kbd> <kbd>Home</kbd> <kbd>End</kbd></p>
<p><kbd>Tab</kbd> switch the active side (中文 / English) for U, D and S</p>
<p><kbd>A</kbd> confirm the pair (right) and go to the next; again: unconfirm</p>
<p><kbd>Shift+A</kbd> confirm every pair from the top down to this one, except those to check</p>
<p><kbd>R</kbd> mark / unmark the pair "to check"</p>
<p><kbd>N</kbd> next pair to check; <kbd>Shift+N</kbd> previous</p>
<p><kbd>M</kbd> merge the pair with the next one</p>
<p><kbd>S</kbd> split at a sentence boundary: <kbd>↑</kbd> <kbd>↓</kbd> move the cut, <kbd>Tab</kbd> other side, <kbd>Enter</kbd> split, <kbd>Esc</kbd> cancel</p>
<p><kbd>U</kbd> move the first sentence (active side) up into the previous pair; <kbd>Shift+U</kbd> take the previous pair's last sentence</p>
<p><kbd>D</kbd> move the last sentence (active side) down into the next pair; <kbd>Shift+D</kbd> take the next pair's first sentence</p>
<p><kbd>E</kbd> edit the texts (one sentence per line): <kbd>Ctrl+Enter</kbd> save, <kbd>Esc</kbd> cancel</p>
<p><kbd>Ctrl+Z</kbd> undo, <kbd>Ctrl+Y</kbd> or <kbd>Ctrl+Shift+Z</kbd> redo</p>
<p><kbd>F</kbd> cycle the filter; <kbd>X</kbd> export JSON Lines; <kbd>?</kbd> this help</p>
<p>Your changes are also kept in this browser as you work (not sent anywhere): opening this page again offers to restore them. Export to keep them in a file.</p>
<p>Hover a row to see the matched words; hover a word to see its counterpart. Merged, split, moved or edited pairs are "edited" (confidence 1 when read back).</p>
</div>
<div id="restore" role="alert" hidden><span id="restore-text"></span><button id="restore-yes">Restore them</button><button id="restore-no">Discard them</button></div>
<div id="status" role="status" aria-live="polite"></div>
</header>
<div class="cols"><div>#</div><div lang="{{ZHLANG}}">中文</div><div lang="{{ENLANG}}">English</div><div>bead · confidence</div></div>
<main id="scroller" tabindex="0"><div id="spacer"><div id="view"></div></div></main>
<textarea id="export-text" readonly aria-hidden="true" tabindex="-1"></textarea>
<noscript><p style="padding:16px">This page needs JavaScript (it runs only in this file; nothing is sent anywhere).</p></noscript>
`

const pageJS = `
(function () {
"use strict";
var T = {start: performance.now()};
var D = JSON.parse(document.getElementById("zhen-data").textContent);
T.parsed = performance.now();
var HIGH = D.high, CHECK = D.check, KINDS = D.kinds, DOCS = D.docs, SCORERS = D.scorers;
var P = new Array(D.pairs.length);
(function () {
  for (var i = 0; i < D.pairs.length; i++) {
    var r = D.pairs[i];
    P[i] = {z: r[0], e: r[1], t: r[2], c: r[3], p: r[4], d: r[5], zs: r[6] || null, es: r[7] || null,
      ev: r[8] || null, sc: r[9] || null, st: r[10] || "", chk: false, mod: false};
  }
  D.pairs = null;
})();
T.pairs = performance.now();
var $ = function (id) { return document.getElementById(id); };
var scroller = $("scroller"), spacer = $("spacer"), view = $("view");
var cur = 0, side = 0, top = 0, filter = "all", mode = "", cut = [0, 0];
var vis = null, posInVis = null, checks = [], nDone = 0, nEdited = 0, EST = 40;
var undoStack = [], redoStack = [], dirty = false;

function esc(s) {
  return s.replace(/[&<>"']/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; });
}
// sents returns the sentences of side s (0 Chinese, 1 English); the data
// gives them as strings or as UTF-16 spans over the side's text.
function sents(p, s) {
  var list = s ? p.es : p.zs, text = s ? p.e : p.z;
  if (!list) return text ? [text] : [];
  if (typeof list[0] !== "number") return list.slice();
  var out = [];
  for (var k = 0; k + 1 < list.length; k += 2) out.push(text.slice(list[k], list[k + 1]));
  return out;
}
function unpaired(p) { return !p.z.trim() || !p.e.trim(); }
// toCheck: marked by the translator, or unchecked and red or unpaired.
function toCheck(p) {
  if (p.chk) return true;
  if (p.st) return false;
  return unpaired(p) || p.c === null || p.c < CHECK;
}
var BANDS = ["hi", "mid", "low", "gap", "ok", "ed"];
// bandOf: 0 green, 1 amber, 2 red, 3 no counterpart, 4 confirmed, 5 edited.
function bandOf(p) {
  if (p.st) return p.st === "confirmed" ? 4 : 5;
  if (unpaired(p)) return 3;
  return p.c === null || p.c < CHECK ? 2 : p.c >= HIGH ? 0 : 1;
}
function band(p) { return BANDS[bandOf(p)] + (p.chk ? " flag" : ""); }
function shows(p) {
  switch (filter) {
  case "check": return toCheck(p);
  case "unconfirmed": return !p.st;
  case "edited": return p.st === "edited";
  }
  return true;
}

// rebuild recomputes the filtered list, the to-check list and the counts.
function rebuild() {
  var n = P.length, v = new Int32Array(n), k = 0, b = [0, 0, 0, 0, 0, 0];
  posInVis = new Int32Array(n).fill(-1);
  checks = [];
  for (var i = 0; i < n; i++) {
    var p = P[i], bi = bandOf(p);
    b[bi]++;
    if (p.chk || bi === 2 || bi === 3) checks.push(i);
    if (filter === "all" || shows(p)) { posInVis[i] = k; v[k++] = i; }
  }
  nDone = b[4] + b[5]; nEdited = b[5];
  vis = v.subarray(0, k);
  EST = Math.min(40, 8e6 / Math.max(1, vis.length));
  if (cur >= n) cur = n - 1;
  if (cur < 0) cur = 0;
  spacer.style.height = (Math.max(0, vis.length - 1) * EST + scroller.clientHeight) + "px";
  var pct = n ? Math.round(1000 * nDone / n) / 10 : 0;
  $("prog-text").textContent = nDone.toLocaleString("en") + " / " + n.toLocaleString("en") + " (" + pct + "%)";
  $("prog-bar").style.width = pct + "%";
  updateNav();
  $("legend").innerHTML = '<span class="hi">green ≥ ' + HIGH + ": " + b[0] + '</span><span class="mid">amber: ' + b[1] +
    '</span><span class="low">red, to check &lt; ' + CHECK + ": " + b[2] + '</span><span class="gap">no counterpart: ' + b[3] +
    '</span><span class="ok">✓ confirmed: ' + b[4] + '</span><span class="ed">✎ edited: ' + b[5] + "</span>" +
    (D.badEvidence ? " · " + D.badEvidence + " evidence span(s) out of range, not highlighted" : "");
}
function lowerBound(a, x) {
  var lo = 0, hi = a.length;
  while (lo < hi) { var m = (lo + hi) >> 1; if (a[m] < x) lo = m + 1; else hi = m; }
  return lo;
}

// renderText writes text with evidence marks (spans: [start, end, html
// attributes], sorted, not overlapping) and sentence boundaries (cuts).
function renderText(text, spans, cuts, cutMark) {
  var out = [], pos = 0, ci = 0;
  function plain(a, b) {
    var prev = a;
    while (ci < cuts.length && cuts[ci] <= b) {
      var c = cuts[ci++];
      if (c < a) continue;
      out.push(esc(text.slice(prev, c)), c === cutMark ? '<span class="cut">✂</span>' : '<span class="sb"></span>');
      prev = c;
    }
    out.push(esc(text.slice(prev, b)));
  }
  for (var k = 0; k < spans.length; k++) {
    var s = spans[k];
    plain(pos, s[0]);
    while (ci < cuts.length && cuts[ci] < s[1]) ci++;
    out.push("<mark " + s[2] + ">" + esc(text.slice(s[0], s[1])) + "</mark>");
    pos = s[1];
  }
  plain(pos, text.length);
  return out.join("");
}
// boundaries finds where each sentence after the first starts in text.
function boundaries(text, list) {
  var out = [], pos = 0;
  if (!list) return out;
  if (typeof list[0] === "number") {
    for (var j = 2; j < list.length; j += 2) out.push(list[j]);
    return out;
  }
  for (var k = 0; k < list.length; k++) {
    var at = text.indexOf(list[k], pos);
    if (at < 0) return [];
    if (k > 0) out.push(at);
    pos = at + list[k].length;
  }
  return out;
}
function sideHTML(p, s, isCur) {
  var text = s ? p.e : p.z, list = s ? p.es : p.zs;
  if (isCur && mode === "split") {
    var l = sents(p, s), joined = "", cuts = [], mark = -1, sep = s ? " " : "";
    for (var k = 0; k < l.length; k++) {
      if (k > 0) { joined += sep; cuts.push(joined.length); }
      if (k === cut[s]) mark = joined.length;
      joined += l[k];
    }
    if (cut[s] === l.length) { cuts.push(joined.length); mark = joined.length; }
    if (cut[s] === 0) { cuts.unshift(0); mark = 0; }
    return renderText(joined, [], cuts, mark);
  }
  var spans = [];
  if (p.ev) {
    for (var k = 0; k + 4 < p.ev.length; k += 5) {
      var a = s ? p.ev[k + 3] : p.ev[k + 1], b = s ? p.ev[k + 4] : p.ev[k + 2];
      var oa = s ? p.ev[k + 1] : p.ev[k + 3], ob = s ? p.ev[k + 2] : p.ev[k + 4];
      var other = s ? p.z : p.e;
      spans.push([a, b, 'data-e="' + k + '" title="' + esc(KINDS[p.ev[k]] + " ↔ " + other.slice(oa, ob)) + '"']);
    }
    spans.sort(function (x, y) { return x[0] - y[0]; });
    var keep = [], end = 0;
    for (var j = 0; j < spans.length; j++) if (spans[j][0] >= end) { keep.push(spans[j]); end = spans[j][1]; }
    spans = keep;
  }
  return renderText(text, spans, boundaries(text, list), -1);
}
function why(p) {
  if (!p.sc) return "";
  var parts = [], num = 0, den = 0, margin = null;
  for (var k = 0; k + 2 < p.sc.length; k += 3) {
    var name = SCORERS[p.sc[k]], v = p.sc[k + 1], w = p.sc[k + 2];
    if (name === "margin" && w === 0) { margin = v; continue; }
    parts.push(name + " " + fmt(v) + " (weight " + fmt(w) + ")");
    if (v !== null && w !== null) { num += v * w; den += w; }
  }
  var s = parts.join("; ");
  if (margin !== null) s += (s ? " · " : "") + (den > 0 ? "weighted mean " + fmt(num / den) + " " : "") + "× margin " + fmt(margin);
  return s;
}
function fmt(x) { return x === null ? "?" : x.toFixed(2); }
function rowHTML(i) {
  var p = P[i], isCur = i === cur, prev = i > 0 ? P[i - 1] : null;
  var np = !prev || prev.p !== p.p || prev.d !== p.d;
  var cls = "row " + band(p) + (isCur ? " cur" : "") + (np ? " np" : "");
  var st = p.st === "confirmed" ? "✓ confirmed" : p.st === "edited" ? "✎ edited" : p.chk ? "⚑ to check" : "";
  var meta = esc(p.t) + " · <span class=\"conf\">" + (p.mod ? "–" : p.c === null ? "?" : p.c.toFixed(2)) + "</span>" +
    (st ? '<br><span class="state">' + st + "</span>" : "") +
    (np ? "<br>¶ " + p.p + (!prev || prev.d !== p.d ? (DOCS[p.d] ? " · " + esc(DOCS[p.d]) : "") : "") : "");
  var t = why(p);
  var h = '<div class="' + cls + '" data-i="' + i + '"' + (t ? ' title="' + esc(t) + '"' : "") + '><div class="n">' + (i + 1) + "</div>";
  if (isCur && mode === "edit") {
    h += '<div class="zh side"><textarea class="ed-box" id="ed-zh" lang="' + esc(D.zhLang) + '">' + esc(sents(p, 0).join("\n")) +
      '</textarea></div><div class="en side"><textarea class="ed-box" id="ed-en" lang="' + esc(D.enLang) + '">' + esc(sents(p, 1).join("\n")) +
      '</textarea></div><div class="meta">' + meta + '<br><span class="ed-hint">one sentence per line · Ctrl+Enter save · Esc cancel</span></div></div>';
    return h;
  }
  h += '<div class="zh side' + (p.z ? "" : " empty") + (isCur && side === 0 ? " act" : "") + '" lang="' + esc(D.zhLang) + '">' + sideHTML(p, 0, isCur) + "</div>";
  h += '<div class="en side' + (p.e ? "" : " empty") + (isCur && side === 1 ? " act" : "") + '" lang="' + esc(D.enLang) + '">' + sideHTML(p, 1, isCur) + "</div>";
  return h + '<div class="meta">' + meta + (isCur && mode === "split" ? '<br><span class="ed-hint">↑↓ move the cut · Tab side · Enter split · Esc cancel</span>' : "") + "</div></div>";
}
function render() {
  var h = scroller.clientHeight;
  view.style.height = h + "px";
  var n = Math.min(vis.length - top, Math.ceil(h / 22) + 1), out = [];
  for (var k = 0; k < n; k++) out.push(rowHTML(vis[top + k]));
  view.innerHTML = out.length ? out.join("") : '<p class="none">No pairs to show with this filter (F: next filter).</p>';
  if (mode === "edit") {
    var box = $(side ? "ed-en" : "ed-zh");
    if (box) box.focus();
  }
}
var scrolling = false;
function setTop(t) {
  top = Math.max(0, Math.min(t, vis.length - 1));
  scrolling = true;
  scroller.scrollTop = top * EST;
  render();
}
scroller.addEventListener("scroll", function () {
  if (scrolling) { scrolling = false; return; }
  var t = Math.min(vis.length - 1, Math.max(0, Math.floor(scroller.scrollTop / EST)));
  if (t !== top) { top = t; render(); }
});
// on a resize the spacer changes length: keep the same row at the top
window.addEventListener("resize", function () { rebuild(); setTop(top); });
// show makes pair i current and brings it on screen. When the filter hides
// it, show takes the next pair shown, or, with force, shows all pairs.
function show(i, force) {
  if (i < 0 || i >= P.length) return;
  if (posInVis[i] < 0 && force) { filter = "all"; $("filter").value = "all"; rebuild(); }
  if (posInVis[i] < 0) {
    if (!vis.length) { cur = i; render(); updateNav(); return; }
    i = vis[Math.min(vis.length - 1, lowerBound(vis, i))];
  }
  cur = i;
  var pos = posInVis[i];
  if (pos < top) setTop(Math.max(0, pos - 1));
  else if (!fits(top, i)) {
    // scroll down just enough: the least top row at which row i fits
    // (row i at the top always counts, even when it is taller than the view)
    var lo = Math.min(pos, Math.max(top + 1, pos - 60)), hi = pos;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (fits(mid, i)) hi = mid; else lo = mid + 1;
    }
    setTop(lo);
  }
  updateNav();
}
// fits draws the rows from t and says whether row i is wholly on screen.
function fits(t, i) {
  setTop(t);
  var el = view.querySelector('.row[data-i="' + i + '"]');
  return !!el && el.offsetTop + el.offsetHeight <= view.clientHeight;
}
function updateNav() {
  var ci = lowerBound(checks, cur);
  $("check-pos").textContent = (ci < checks.length && checks[ci] === cur ? (ci + 1).toLocaleString("en") : "–") +
    " of " + checks.length.toLocaleString("en");
}
// onScreen is the number of rows fully visible from the top one.
function onScreen() {
  var rows = view.querySelectorAll(".row"), h = view.clientHeight, n = 0;
  for (var k = 0; k < rows.length; k++) if (rows[k].offsetTop + rows[k].offsetHeight <= h) n++;
  return Math.max(1, n);
}
function move(d) {
  if (!vis.length) return;
  var pos = posInVis[cur];
  // after scrolling away from the current row, keys start from the screen
  if (pos < 0 || pos < top || pos >= top + onScreen()) { show(vis[top]); return; }
  pos = Math.max(0, Math.min(vis.length - 1, pos + d));
  show(vis[pos]);
}
function nextCheck(dir) {
  if (!checks.length) { say("nothing left to check"); return; }
  var ci = lowerBound(checks, cur);
  if (dir > 0) ci = ci < checks.length && checks[ci] === cur ? ci + 1 : ci;
  else ci = ci - 1;
  ci = (ci + checks.length) % checks.length;
  show(checks[ci], true);
}
function say(s) { $("status").textContent = s; }

// Editing: every change replaces a run of pairs by new ones (op), so that
// undo and redo are the same splice backwards and forwards.
function clone(p) {
  return {z: p.z, e: p.e, t: p.t, c: p.c, p: p.p, d: p.d, zs: p.zs, es: p.es, ev: p.ev, sc: p.sc, st: p.st, chk: p.chk, mod: p.mod};
}
function made(base, zs, es) {
  var q = clone(base), oz = sents(base, 0), oe = sents(base, 1);
  if (zs.join("\u0000") !== oz.join("\u0000")) { q.z = zs.join(""); q.zs = zs.length > 1 ? zs : null; }
  if (es.join("\u0000") !== oe.join("\u0000")) { q.e = es.join(" "); q.es = es.length > 1 ? es : null; }
  q.t = zs.length + "-" + es.length;
  q.c = null; q.ev = null; q.sc = null; q.st = "edited"; q.chk = false; q.mod = true;
  return q;
}
function op(at, n, neu, newCur, what) {
  if (awaiting()) return;
  var old = P.slice(at, at + n);
  var step = {at: at, old: old, neu: neu, cur0: cur, cur1: newCur, what: what};
  apply(step, false);
  undoStack.push(step);
  redoStack = [];
  say(what + " (Ctrl+Z undoes)");
}
function apply(step, back) {
  change(step, back);
  cur = back ? step.cur0 : step.cur1;
  dirty = true;
  rebuild();
  show(cur);
  saveLater();
}

// Autosave: the applied steps (the undo stack: the edits, not the page)
// are kept in the browser's localStorage under the page's key, a hash of
// its data, a moment after each change and when the page is left; opening
// the page again offers to replay them.
var KEY = D.key ? "zhen-review:" + D.key : "", saveTimer = 0, saveFailed = false;
function saveLater() {
  if (!KEY) return;
  clearTimeout(saveTimer);
  saveTimer = setTimeout(saveNow, 250);
}
function saveNow() {
  saveTimer = 0;
  if (!KEY) return;
  try {
    if (undoStack.length) localStorage.setItem(KEY, JSON.stringify({v: 1, time: Date.now(), steps: undoStack}));
    else localStorage.removeItem(KEY);
    saveFailed = false;
  } catch (e) {
    if (!saveFailed) say("your changes could not be kept in this browser (" + e.name + "): export them to keep them");
    saveFailed = true;
  }
}
function savedSteps() {
  if (!KEY) return null;
  try {
    var s = JSON.parse(localStorage.getItem(KEY) || "null");
    return s && s.v === 1 && Array.isArray(s.steps) && s.steps.length ? s : null;
  } catch (e) { return null; }
}
// awaiting reports (and says) that changes kept from an earlier visit
// wait for the translator's answer: until then nothing may change, or the
// new changes would be saved over the kept ones (or the kept ones replayed
// onto pairs they no longer fit).
function awaiting() {
  if ($("restore").hidden) return false;
  say("first restore or discard the changes kept from your last visit (above)");
  $("restore-yes").focus();
  return true;
}
function offerRestore() {
  var s = savedSteps();
  if (!s) return;
  $("restore-text").textContent = s.steps.length + (s.steps.length === 1 ? " change" : " changes") +
    " to this page, kept in this browser on " + new Date(s.time).toLocaleString() + ", were not exported with it.";
  $("restore").hidden = false;
}
// change makes the change of step to the pairs (back: undoes it).
function change(step, back) {
  if (step.kind === "confirm") { setStates(step, back); return; }
  var out = back ? step.old : step.neu, n = back ? step.neu.length : step.old.length;
  P.splice.apply(P, [step.at, n].concat(out));
}
// applies reports whether a kept step fits the pairs as they are.
function applies(st) {
  if (!st) return false;
  if (st.kind === "confirm") return Array.isArray(st.idx) && st.idx.every(function (i) { return i >= 0 && i < P.length; });
  return typeof st.at === "number" && Array.isArray(st.old) && Array.isArray(st.neu) && st.at >= 0 && st.at + st.old.length <= P.length;
}
function restore() {
  var s = savedSteps(), n = 0;
  $("restore").hidden = true;
  if (!s) return;
  for (var k = 0; k < s.steps.length; k++) {
    var st = s.steps[k];
    if (!applies(st)) break;
    change(st, false);
    undoStack.push(st);
    cur = Math.min(Math.max(0, st.cur1 | 0), Math.max(0, P.length - 1));
    n++;
  }
  redoStack = [];
  dirty = n > 0;
  rebuild();
  show(cur, true);
  say(n === s.steps.length ? "restored " + n + (n === 1 ? " change" : " changes") :
    "restored " + n + " of " + s.steps.length + " changes: the others do not fit this page");
  saveNow();
  scroller.focus();
}
function discard() {
  $("restore").hidden = true;
  try { localStorage.removeItem(KEY); } catch (e) {}
  say("the kept changes were discarded");
  scroller.focus();
}
function undo() {
  var s = undoStack.pop();
  if (!s) { say("nothing to undo"); return; }
  apply(s, true); redoStack.push(s); say("undone: " + s.what);
}
function redo() {
  var s = redoStack.pop();
  if (!s) { say("nothing to redo"); return; }
  apply(s, false); undoStack.push(s); say("redone: " + s.what);
}
var SIDE = ["Chinese", "English"];
// A bulk confirmation is a step of its own kind: the indices it
// confirmed (they were all unconfirmed), so that it stays small.
function setStates(step, back) {
  for (var k = 0; k < step.idx.length; k++) {
    var q = clone(P[step.idx[k]]);
    q.st = back ? "" : "confirmed";
    P[step.idx[k]] = q;
  }
}
// confirmAbove confirms every pair from the first down to the current one
// that is not checked yet and not to check (red, marked, or without a
// counterpart): the translator has read them.
function confirmAbove() {
  if (awaiting()) return;
  var idx = [], left = 0;
  for (var i = 0; i <= cur && i < P.length; i++) {
    if (P[i].st) continue;
    if (toCheck(P[i])) { left++; continue; }
    idx.push(i);
  }
  if (!idx.length) { say("nothing to confirm down to #" + (cur + 1) + (left ? " (" + left + " to check)" : "")); return; }
  var step = {kind: "confirm", idx: idx, cur0: cur, cur1: cur,
    what: "confirmed " + idx.length + " pairs down to #" + (cur + 1) + (left ? "; " + left + " to check left as they are" : "")};
  apply(step, false);
  undoStack.push(step);
  redoStack = [];
  say(step.what + " (Ctrl+Z undoes)");
}
function confirmPair() {
  var p = P[cur], q = clone(p);
  if (p.st === "edited") { say("an edited pair counts as checked already"); move(1); return; }
  q.st = p.st === "confirmed" ? "" : "confirmed";
  q.chk = false;
  op(cur, 1, [q], cur, (q.st ? "confirmed #" : "unconfirmed #") + (cur + 1));
  // go on to the next pair, unless the filter hid this one and show moved on
  if (q.st && P[cur] === q) move(1);
}
function flagPair() {
  var p = P[cur], q = clone(p);
  q.chk = !p.chk;
  if (q.chk && p.st === "confirmed") q.st = ""; // an edited pair stays edited
  op(cur, 1, [q], cur, (q.chk ? "marked to check #" : "unmarked #") + (cur + 1));
}
function merge() {
  if (cur + 1 >= P.length) { say("the last pair has no next pair to merge with"); return; }
  var a = P[cur], b = P[cur + 1];
  op(cur, 2, [made(a, sents(a, 0).concat(sents(b, 0)), sents(a, 1).concat(sents(b, 1)))], cur, "merged #" + (cur + 1) + " and #" + (cur + 2));
}
function withSide(p, s, list) {
  return s ? made(p, sents(p, 0), list) : made(p, list, sents(p, 1));
}
// shift moves one sentence of the active side across a boundary: up (the
// current pair's first into the previous pair), down (its last into the
// next pair), or pulls one in from a neighbour.
function shift(kind) {
  var s = side, prevI = kind === "up" || kind === "pullPrev" ? cur - 1 : cur, nextI = prevI + 1;
  if (prevI < 0 || nextI >= P.length) { say("no " + (prevI < 0 ? "previous" : "next") + " pair"); return; }
  var a = sents(P[prevI], s), b = sents(P[nextI], s);
  if (kind === "up" || kind === "pullNext") {
    if (!b.length) { say("no " + SIDE[s] + " sentence to move"); return; }
    a.push(b.shift());
  } else {
    if (!a.length) { say("no " + SIDE[s] + " sentence to move"); return; }
    b.unshift(a.pop());
  }
  var na = withSide(P[prevI], s, a), nb = withSide(P[nextI], s, b), neu = [], newCur = cur;
  var keepA = na.z || na.e, keepB = nb.z || nb.e;
  if (keepA) neu.push(na);
  if (keepB) neu.push(nb);
  if (cur === nextI && !keepA) newCur = prevI;
  if (cur === nextI && keepA && !keepB) newCur = prevI;
  if (cur === prevI && !keepA) newCur = prevI;
  if (newCur >= prevI + neu.length) newCur = prevI + neu.length - 1;
  op(prevI, 2, neu, Math.max(0, newCur), "moved a " + SIDE[s] + " sentence between #" + (prevI + 1) + " and #" + (nextI + 1));
}
function startSplit() {
  var p = P[cur], nz = sents(p, 0).length, ne = sents(p, 1).length;
  if (nz + ne < 2) { say("a pair of one sentence cannot be split"); return; }
  cut = [Math.min(1, nz), Math.min(1, ne)];
  if (nz === 1 && ne === 1) cut = [1, 0];
  mode = "split";
  say("split #" + (cur + 1) + ": ↑↓ move the cut on the active side, Tab switches side, Enter splits, Esc cancels");
  render();
}
function doSplit() {
  var p = P[cur], z = sents(p, 0), e = sents(p, 1);
  var a = made(p, z.slice(0, cut[0]), e.slice(0, cut[1])), b = made(p, z.slice(cut[0]), e.slice(cut[1]));
  mode = "";
  if (!(a.z || a.e) || !(b.z || b.e)) { say("the cut leaves nothing on one part: not split"); render(); return; }
  op(cur, 1, [a, b], cur, "split #" + (cur + 1) + " into " + a.t + " and " + b.t);
}
function startEdit() { mode = "edit"; say("edit #" + (cur + 1) + ": one sentence per line; Ctrl+Enter saves, Esc cancels"); render(); }
function lines(v) {
  return v.split("\n").map(function (s) { return s.trim(); }).filter(function (s) { return s; });
}
function saveEdit() {
  var p = P[cur], z = lines($("ed-zh").value), e = lines($("ed-en").value);
  mode = "";
  if (z.join("\n") === sents(p, 0).join("\n") && e.join("\n") === sents(p, 1).join("\n")) { say("no change"); render(); return; }
  if (!z.length && !e.length) { say("both sides empty: not saved (merge or move sentences instead)"); render(); return; }
  op(cur, 1, [made(p, z, e)], cur, "edited #" + (cur + 1));
}

// Export: JSON Lines, one review.Record per pair.
function u8len(s) {
  var n = 0;
  for (var i = 0; i < s.length; i++) {
    var c = s.charCodeAt(i);
    if (c < 0x80) n += 1; else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) { n += 4; i++; } else n += 3;
  }
  return n;
}
function record(p) {
  var r = {zh: p.z, en: p.e, type: p.t, confidence: p.mod ? 1 : p.c, paragraph: p.p};
  if (DOCS[p.d]) r.doc = DOCS[p.d];
  if (p.sc && !p.mod) {
    r.scores = [];
    for (var k = 0; k + 2 < p.sc.length; k += 3) r.scores.push({scorer: SCORERS[p.sc[k]], value: p.sc[k + 1], weight: p.sc[k + 2]});
  }
  if (p.ev && !p.mod) {
    r.evidence = [];
    for (var j = 0; j + 4 < p.ev.length; j += 5) r.evidence.push({kind: KINDS[p.ev[j]],
      zh_start: u8len(p.z.slice(0, p.ev[j + 1])), zh_end: u8len(p.z.slice(0, p.ev[j + 2])),
      en_start: u8len(p.e.slice(0, p.ev[j + 3])), en_end: u8len(p.e.slice(0, p.ev[j + 4]))});
  }
  if (p.st) r.state = p.st;
  return JSON.stringify(r);
}
function exportText() {
  var out = new Array(P.length);
  for (var i = 0; i < P.length; i++) out[i] = record(P[i]);
  return out.join("\n") + (P.length ? "\n" : "");
}
function doExport() {
  var text = exportText();
  $("export-text").value = text;
  var a = $("download");
  if (a.href) URL.revokeObjectURL(a.href);
  a.href = URL.createObjectURL(new Blob([text], {type: "application/x-ndjson"}));
  a.download = (D.title.replace(/[^\w\u4e00-\u9fff.-]+/g, "_").replace(/^_+|_+$/g, "") || "review") + ".reviewed.jsonl";
  a.hidden = false;
  a.textContent = "download " + a.download;
  if (!navigator.webdriver) a.click();
  dirty = false;
  say("exported " + P.length + " pairs (" + nDone + " checked) as " + a.download);
}
window.zhenReview = {exportText: exportText, restore: restore, discard: discard, state: function () {
  return {cur: cur, side: side, mode: mode, filter: filter, pairs: P.length, checked: nDone, toCheck: checks.length, shown: vis.length, top: top};
}};

var FILTERS = ["all", "check", "unconfirmed", "edited"];
$("filter").addEventListener("change", function () { filter = this.value; rebuild(); setTop(0); show(vis.length ? vis[0] : 0); scroller.focus(); });
$("undo").addEventListener("click", undo);
$("redo").addEventListener("click", redo);
$("export").addEventListener("click", doExport);
$("next-check").addEventListener("click", function () { nextCheck(1); });
$("prev-check").addEventListener("click", function () { nextCheck(-1); });
$("help-btn").addEventListener("click", function () { $("help").hidden = !$("help").hidden; rebuild(); render(); });
view.addEventListener("click", function (ev) {
  if (mode) return;
  var row = ev.target.closest(".row");
  if (!row) return;
  side = ev.target.closest(".en") ? 1 : 0;
  cur = +row.getAttribute("data-i");
  render(); updateNav();
});
view.addEventListener("mouseover", function (ev) {
  var m = ev.target.closest("mark");
  if (!m) return;
  var row = m.closest(".row"), k = m.getAttribute("data-e");
  row.querySelectorAll('mark[data-e="' + k + '"]').forEach(function (x) { x.classList.add("lit"); });
});
view.addEventListener("mouseout", function (ev) {
  var m = ev.target.closest("mark");
  if (!m) return;
  m.closest(".row").querySelectorAll("mark.lit").forEach(function (x) { x.classList.remove("lit"); });
});
var pendingEdit = false;
document.addEventListener("keyup", function (ev) {
  if (pendingEdit && (ev.key === "e" || ev.key === "E")) { pendingEdit = false; startEdit(); ev.preventDefault(); }
});
window.addEventListener("beforeunload", function (ev) { if (saveTimer) saveNow(); if (dirty) { ev.preventDefault(); ev.returnValue = ""; } });
window.addEventListener("pagehide", function () { if (saveTimer) saveNow(); });
// The same page open in two tabs: the browser keeps one set of changes,
// the last saved, so the translator is told.
window.addEventListener("storage", function (ev) {
  if (KEY && ev.key === KEY && undoStack.length) say("this page was changed in another tab too: the browser keeps only the changes saved last; export from this tab to keep these");
});
$("restore-yes").addEventListener("click", restore);
$("restore-no").addEventListener("click", discard);

document.addEventListener("keydown", function (ev) {
  var k = ev.key, ctrl = ev.ctrlKey || ev.metaKey;
  if (mode === "edit") {
    if (k === "Escape") { mode = ""; say("edit cancelled"); render(); ev.preventDefault(); }
    else if (k === "Enter" && ctrl) { saveEdit(); ev.preventDefault(); }
    return;
  }
  var tag = ev.target && ev.target.tagName;
  if (tag === "SELECT" || tag === "INPUT" || tag === "TEXTAREA") return;
  if (mode === "split") {
    var n = sents(P[cur], side).length;
    if (k === "Escape") { mode = ""; say("split cancelled"); render(); }
    else if (k === "Enter" || k === "s" || k === "S") doSplit();
    else if (k === "ArrowUp" || k === "k" || k === "K") { cut[side] = Math.max(0, cut[side] - 1); render(); }
    else if (k === "ArrowDown" || k === "j" || k === "J") { cut[side] = Math.min(n, cut[side] + 1); render(); }
    else if (k === "Tab") { side = 1 - side; render(); }
    else return;
    ev.preventDefault();
    return;
  }
  if (ctrl) {
    if (k === "z" || k === "Z") { if (ev.shiftKey) redo(); else undo(); }
    else if (k === "y" || k === "Y") redo();
    else return;
    ev.preventDefault();
    return;
  }
  if (ev.altKey) return;
  if ("aArRmMsSuUdDeE".indexOf(k) >= 0 && k.length === 1 && posInVis[cur] < 0) {
    say("the current pair is not shown with this filter");
    ev.preventDefault();
    return;
  }
  switch (k) {
  case "ArrowDown": case "j": case "J": move(1); break;
  case "ArrowUp": case "k": case "K": move(-1); break;
  case "PageDown": move(Math.max(1, onScreen() - 1)); break;
  case "PageUp": move(-Math.max(1, onScreen() - 1)); break;
  case "Home": move(-P.length); break;
  case "End": move(P.length); break;
  case "Tab": side = 1 - side; render(); say("active side: " + SIDE[side]); break;
  case "a": confirmPair(); break;
  case "A": if (ev.shiftKey) confirmAbove(); else confirmPair(); break;
  case "r": case "R": flagPair(); break;
  case "m": case "M": merge(); break;
  case "s": case "S": startSplit(); break;
  case "u": shift("up"); break;
  case "U": shift(ev.shiftKey ? "pullPrev" : "up"); break;
  case "d": shift("down"); break;
  case "D": shift(ev.shiftKey ? "pullNext" : "down"); break;
  case "e": case "E": pendingEdit = true; break; // opened on keyup, so that the key's own character stays out of the editor
  case "n": nextCheck(1); break;
  case "N": nextCheck(ev.shiftKey ? -1 : 1); break;
  case "p": case "P": nextCheck(-1); break;
  case "f": case "F":
    filter = FILTERS[(FILTERS.indexOf(filter) + 1) % FILTERS.length]; $("filter").value = filter;
    rebuild(); setTop(0); if (vis.length) show(vis[0]); say("showing: " + $("filter").selectedOptions[0].textContent); break;
  case "x": case "X": doExport(); break;
  case "?": $("help").hidden = !$("help").hidden; rebuild(); render(); break;
  default: return;
  }
  ev.preventDefault();
});

rebuild();
T.rebuilt = performance.now();
render();
updateNav();
offerRestore();
scroller.focus();
T.rendered = performance.now();
window.zhenTimes = T;
// zhenReady: when the first screen is about to be painted (for the
// first-screen measurement of BenchmarkBrowserFirstScreen100k)
requestAnimationFrame(function () { window.zhenReady = performance.now(); });
})();
`
