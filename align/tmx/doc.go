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
//     segtype, o-tmf, adminlang en-US, srclang, datatype plaintext) and the
//     creation date in UTC (YYYYMMDDThhmmssZ);
//   - writes xml:lang from golang.org/x/text/language tags ("zh-CN",
//     "en-US"; never zh_CN) and puts the source <tuv> first;
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
//   - writes its metadata as <prop type="x-confidence">, "x-bead" (the bead
//     type, Chinese count first, e.g. 1-2, whichever side is the source),
//     "x-paragraph" (0-based paragraph bead number) and "x-document"; never
//     OmegaT's reserved types file, id, prev, next or path, which would turn
//     the TU into a context-bound alternative.
//
// Which side is the source follows [Header.SrcLang]: English when its base
// language is "en", Chinese otherwise.
//
// # Options
//
// [Writer.MinConfidence] drops weak pairs, [Writer.Dedupe] drops repeated
// (Chinese, English) pairs, [Header.SegType] says whether the units are
// sentences or paragraphs, and [Writer.Merge] copies an existing TMX into
// the output first (skipping later pairs it already holds). Each is counted
// in [Stats].
//
// # Reading
//
// A [Reader] reads what this package writes and what OmegaT, Okapi,
// translate-toolkit, Perl's XML::TMX and Trados write: TMX 1.1 to 1.4,
// xml:lang or lang, UTF-8 with or without a byte order mark, UTF-16 with a
// byte order mark (or recognised from the leading "<"), and legacy
// encodings named in the XML declaration. Errors name the line and byte
// offset: "tmx: line 12 (byte 345): …". Invalid UTF-8, characters outside
// XML 1.0 and undeclared entities (such as &nbsp;) are errors; invalid
// UTF-8 is reported at its first byte, wherever it is (in text, a name or
// a comment), with offsets counted after a byte order mark; in UTF-16
// input, an unpaired surrogate is decoded as U+FFFD, as
// golang.org/x/text/encoding/unicode does.
//
// Inline markup inside <seg> is reduced to the text a translator sees:
// bpt, ept, it, ph and ut hold native codes (such as "<b>") and their
// content is left out (counted in [Variant.Codes]), except text inside a
// <sub> within them, which is translatable and kept; hi marks text and its
// content is kept. Props and notes of the TU and of each variant are kept.
package tmx
