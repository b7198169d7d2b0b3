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
//   - [WriteHTML]: a review page that corrects the alignment: one
//     self-contained HTML file (inline style, script and data; no network)
//     that opens from disk. Rows are coloured by the confidence bands
//     [align.ConfidenceHigh] (green) and [align.ConfidenceCheck] (red, "to
//     check"), amber in between, grey for text with no counterpart. The
//     translator moves a sentence between neighbouring pairs on either side,
//     merges, splits at a sentence boundary, confirms, marks to check,
//     edits a segment's text, undoes and redoes, all with the keyboard (the
//     keys are listed on the page); filters the rows (all, to check,
//     unconfirmed, edited) and steps through the pairs to check with a
//     counter. Matched words (Pair.Evidence) are highlighted on the row
//     under the mouse or the cursor, and hovering one names its
//     counterpart. The page draws only the rows on screen, so 100,000 pairs
//     stay fast, and exports the corrected pairs as JSON Lines ([Record]
//     with its State). The changes are also kept in the browser's local
//     storage as they are made (keyed by a hash of the page's data;
//     nothing leaves the machine), and opening the same page again offers
//     to restore those not exported.
//
// [ReadPairs] reads pairs back: the page's export and [JSONLWriter]'s
// output, [TSVWriter]'s output, or a two-column Chinese<TAB>English file.
// Confirmed and edited pairs get confidence 1.
//
// The streaming writers buffer their output: call Flush at the end. Their
// errors are sticky and carry the "review: " prefix. Make them with their
// New functions: a zero writer has nowhere to write, and its Write and
// Flush return [ErrNoDestination].
package review
