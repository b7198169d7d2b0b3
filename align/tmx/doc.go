// Package tmx writes and reads TMX 1.4b translation memories, the format
// CAT tools (OmegaT, Trados Studio, memoQ) load.
//
// # Writing
//
// A [Writer] streams one <tu> per [align.Pair] as pairs arrive, so a book
// never has to sit in memory:
//
//	w := tmx.NewWriter(f, tmx.Header{})   // zh-CN → en-US, sentence units
//	w.MinConfidence = 0.5
//	for _, p := range pairs {
//		w.Write(p)                         // the error is sticky: check Close
//	}
//	if err := w.Close(); err != nil { … }
//	st := w.Stats()                        // what was written, skipped, dropped
//
// Make Writers and Readers with [NewWriter] and [NewReader]: a zero Writer
// has nowhere to write and returns [ErrNoDestination], a zero Reader has
// nothing to read and returns [ErrNoSource]. Neither panics.
//
// The output is UTF-8 without a byte order mark and uses only the five XML
// entities. It is valid against the TMX 1.4b DTD, and it is written for
// what OmegaT 3.6 actually does with a TMX: OmegaT applies a TU only when
// its source <seg> equals its own segment byte for byte, and it rejects the
// whole file, while exiting 0, over one illegal character, a missing
// srclang, or a <tuv> without xml:lang. Therefore the Writer
//
//   - fills in every required header attribute (creationtool "zhen",
//     creationtoolversion from the build information, see [ToolVersion];
//     segtype, o-tmf, adminlang en-US, srclang, datatype plaintext) and the
//     creation date in UTC (YYYYMMDDThhmmssZ);
//   - writes xml:lang as canonical BCP 47 tags ([Header.SrcLang] and
//     [Header.TgtLang] are plain strings such as "zh-TW" or "en-GB",
//     checked with golang.org/x/text/language; never zh_CN), accepts only
//     one Chinese and one English tag ([CheckLangs]), and puts the source
//     <tuv> first;
//   - drops characters that XML 1.0 cannot carry (C0 controls other than
//     tab, LF, CR; U+FFFE, U+FFFF; invalid UTF-8, which is how lone
//     surrogates arrive) and reports each in [Stats.Drops] with the pair,
//     TU, side and byte offset;
//   - trims leading and trailing white space (NBSP and U+3000 included)
//     from each <seg> and counts it ([Stats.Trimmed]); nothing inside a
//     segment is changed; a carriage return is written as &#xD; so that it
//     survives parsing;
//   - never writes an empty <seg> (an empty translation would erase text
//     in OmegaT): 1-0 and 0-1 beads, and sides that are empty after
//     cleaning, are counted in [Stats.SkippedEmpty];
//   - writes its metadata as <prop type="x-confidence">, "x-state" (when
//     a person confirmed or edited the pair, [align.Pair.State]; the
//     confidence is then 1), "x-bead" (the bead type, Chinese count first,
//     e.g. 1-2, whichever side is the source), "x-paragraph" (0-based
//     paragraph bead number) and "x-document"; never OmegaT's reserved
//     types file, id, prev, next or path, which would turn the TU into a
//     context-bound alternative.
//
// Which side is the source follows [Header.SrcLang]: English when its base
// language is "en", Chinese otherwise.
//
// # Options
//
// [Writer.MinConfidence] drops weak pairs; repeated (Chinese, English)
// pairs are written once unless [Writer.KeepDuplicates] is set;
// [Header.SegType] says whether the units are sentences or paragraphs. Each
// is counted in [Stats].
//
// # Merging
//
// [Writer.Merge] copies an existing memory into the output first, as it
// was: every unit whatever its languages (a Chinese–French unit, a blank
// side, extra Japanese variants), every attribute (tuid, creationdate,
// usagecount, …), prop, note and inline code, language tags as written
// (zh-TW stays zh-TW), the header's props and notes. Later pairs that the
// memory already holds are skipped. [Stats] counts the units merged, those
// merged without a Chinese–English pair, identical units left out, and
// units not copied with the reason for each ([Stats.MergeSkips]).
//
// # Reading
//
// A [Reader] reads what this package writes and what OmegaT, Okapi,
// translate-toolkit, Perl's XML::TMX and Trados write: TMX 1.1 to 1.4,
// xml:lang or lang, UTF-8 with or without a byte order mark, UTF-16 with a
// byte order mark (or recognised from the leading "<"), and legacy
// encodings named in the XML declaration. Errors name the line and byte
// offset: "tmx: line 12 (byte 345): …". Invalid UTF-8, invalid UTF-16 (an
// unpaired surrogate, an odd byte), characters outside XML 1.0 and
// undeclared entities (such as &nbsp;) are errors; no entity is ever
// expanded and no external file fetched. Invalid UTF-8 and control bytes
// are reported at their first byte, wherever they are (in text, a name or
// a comment), with offsets counted after a byte order mark.
//
// Data that is not XML ends with an error at once: the document must begin
// with "<" (after white space), and reading stops at the first NUL or
// other control byte. A single tag, text or comment may hold up to
// [MaxTokenSize] bytes and a document up to [MaxSize]: beyond that the
// Reader returns an error instead of filling memory.
//
// Inline markup inside <seg> is reduced to the text a translator sees:
// bpt, ept, it, ph and ut hold native codes (such as "<b>") and their
// content is left out (counted in [Variant.Codes]), except text inside a
// <sub> within them, which is translatable and kept; hi marks text and its
// content is kept. Props and notes of the TU and of each variant are kept.
package tmx
