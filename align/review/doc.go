// Package review writes aligned pairs in the formats people and programs
// use to check and reuse an alignment, next to the TMX of package
// [github.com/bitextlab/zhen/align/tmx].
//
// # Formats
//
//   - [TSVWriter]: tab-separated values with a header line, one row per
//     pair: zh, en, confidence, bead, paragraph. Open it in a spreadsheet.
//     Text escapes: backslash → \\, tab → \t, line feed → \n, carriage
//     return → \r ([UnescapeTSV] reverses it). Nothing else changes.
//   - [JSONLWriter]: JSON Lines, one [Record] per pair with everything in
//     the pair (scores and evidence offsets included), for programs. JSON
//     cannot carry invalid UTF-8 or NaN: bad bytes become U+FFFD and are
//     counted ([JSONLWriter.InvalidUTF8]); NaN and ±Inf become null.
//   - [MosesWriter]: a Moses-style pair of plain files, line n of one the
//     translation of line n of the other. Line breaks inside a segment
//     become a space and pairs with an empty side are left out; both are
//     counted ([MosesWriter.Stats]).
//   - [WriteHTML]: a self-contained review page (inline CSS, no script, no
//     external resources): the two texts side by side, one row per pair;
//     rows green at or above [HTMLOptions.High] (0.9), neutral down to
//     [HTMLOptions.Low] (0.6), amber below; 1-0 and 0-1 rows grey with a
//     dashed bar; a grey band at each paragraph boundary; evidence spans
//     from [align.Evidence] highlighted as <mark class="k-KIND">; the scores
//     behind each confidence as the row's tooltip, with the "margin"
//     score shown as the factor it is ("… · weighted mean 0.88 × margin
//     0.93"; under the confidence too when it is below High); and a
//     summary header with counts per bead type and per band, and links to
//     every low-confidence and unpaired row. A checkbox shows only the rows that
//     need checking. html/template escapes all text.
//
// The streaming writers buffer their output: call Flush at the end. Their
// errors are sticky and carry the "review: " prefix. Make them with their
// New functions: a zero writer has nowhere to write, and its Write and
// Flush return [ErrNoDestination].
package review
