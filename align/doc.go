// Package align aligns Chinese text with its English translation: it finds
// which Chinese sentences and which English sentences say the same thing,
// and how sure it is.
//
// # Use
//
// Segment both sides with package segment, align them, and use the pairs:
//
//	var sg segment.Segmenter
//	zh, en, err := sg.Bilingual("release.txt", data) // or Monolingual twice
//	…
//	al, err := (&align.Aligner{}).Align(zh, en)
//	if errors.Is(err, align.ErrNotParallel) { … } // not translations of each other
//	for p := range al.All() {
//		fmt.Println(p.Type, p.Confidence, p.ZH, p.EN)
//	}
//
// The zero [Aligner] is right for Chinese–English press text. For corpora
// that arrive one sentence per line, call [Aligner.AlignSentences]. Long
// jobs take a context: [Aligner.AlignContext], [Aligner.AlignSentencesContext].
// [WriteBeads], [ReadBeads] and [StrictF1] write, read and score alignments
// in the notation of the evaluation sets ([0,1]:[2]).
//
// # Beads
//
// A [Bead] joins a run of Chinese sentences with a run of English sentences:
// 1-1, 1-2 (a long Chinese sentence translated as two), 2-1, 2-2, 1-3, 3-1,
// 1-4, 4-1, 2-3, 3-2, or 1-0 / 0-1 for text with no counterpart. The beads
// cover every sentence exactly once, in order. Align works in two levels:
// paragraphs first, then sentences inside each paragraph bead, so a
// sentence bead never crosses a paragraph bead; paragraphs of Kind Foreign
// are left out and listed in Alignment.Skipped.
//
// Each bead carries a Confidence in [0,1] and the Score of every scorer
// (value and weight), so a translator can filter pairs and see why a pair
// was made; [Alignment.Pairs] and [Alignment.All] give each bead's text and
// the Evidence matched inside it, for highlighting. Alignment.Score is the
// overall parallelism of the two texts; below Aligner.Threshold (default
// [DefaultThreshold]) Align returns a [*NotParallelError] (matching
// [ErrNotParallel]) together with the alignment, unless Aligner.Force is
// set.
//
// Text with no counterpart is far more common at a document's edges (a
// header line over the title, a dateline, a footer) than inside it: a 1-0
// or 0-1 bead before the other side's first unit or after its last is
// priced as such (about 25 times likelier, and not by its length), so a
// header is left out rather than glued to the title unless it adds
// evidence.
//
// Bead priors ([DefaultPriors]) fit Chinese-original official prose; they
// are re-estimated from the first pass of each document, so
// English-original text (more 2-1) is handled too. Set Aligner.Priors to
// allow other shapes or forbid some.
//
// # Confidence
//
// A bead's Confidence is the weighted mean of its scorers' similarities
// (length: the posterior of a translation from δ alone, at most 0.75;
// anchors: matched share, anchors on one side only counting as weak
// evidence against; lexicon: the posterior from its log-likelihood ratio
// taken per word and counted for at most about sixteen words, so that it
// does not saturate on long beads), times the bead's margin: its local
// posterior 1/(1 + Σ e^−Δ) over the other ways of cutting the same
// stretch of text (the bead cut in two or into omissions, its boundary
// with a neighbour moved by one unit, merged with a neighbour), Δ being
// how much dearer each alternative is in the search's own cost. A bead
// whose two sides look alike but which nearly ties with another cut
// (1-2 against 1-1 + 0-1) is therefore not called sure. The README gives
// the share of right beads in each confidence band on the development
// sets. The overall Alignment.Score and DefaultThreshold are computed from
// the first pass, with each scorer's [Screener] view where it has one.
//
// # Scorers
//
// Evidence comes from [Scorer]s. A Scorer prepares a [Scoring] for a
// document pair, which reports a cost in nats (a log-likelihood ratio of
// "translation" against "chance") for any candidate bead and a similarity
// for its confidence. The search adds the costs up with the bead prior.
// What else a Scoring can do it says through optional interfaces, which the
// built-in scorers use as any other scorer would: [LowerBounder] (a cheap
// bound, so that hopeless beads skip the full cost), [Matcher] (evidence
// for display), [Refiner] (too costly for the first, wide search of a long
// document), [Chainer] (sure unit pairs that guide the search), [Screener]
// (its view for judging a whole first pass), [Summarizer] (a short vector
// of what each unit is about, for the coarse levels of a long document)
// and [Learner] (learns from the first pass). The defaults ([DefaultScorers]):
//
//   - [LengthScorer]: Gale and Church's length model. The ratio c (English
//     characters per Chinese character) is Σen/Σzh of the document pair, as
//     it moves by 25–45% with the translation direction; Latin letters and
//     digits inside Chinese count 0.4 of a hanzi; the variance s² is
//     re-estimated from the first pass. The normal tail is computed in log
//     space, so no bead ever costs +Inf.
//   - [AnchorScorer]: numbers by value, ordinals (十八大 ↔ 18th), dates,
//     percentages, Latin tokens, section markers and quotes, weighted by
//     rarity in the document; a match gains more than a miss costs. Rare
//     anchors found once on each side are chained with go-diff into a
//     monotone chain of sure anchors that guides the search.
//   - [LexiconScorer]: how much of each side the other covers through the
//     built-in CC-CEDICT lexicon (and a user [Glossary]), words weighted by
//     rarity, compared with the coverage unrelated sentences of the same
//     document reach by chance. After the first pass it learns word
//     associations from the confident beads (Dice over co-occurrence), such
//     as 十八大 ↔ "congress", and the aligner searches again. It also
//     summarises each sentence for the coarse levels: the English stems of
//     its glosses, or its own English stems, hashed into signed buckets
//     and weighted by rarity.
//   - [QuoteScorer]: whether a bead ends inside an open quotation on both
//     sides or outside on both. Dialogue is cut into sentences differently
//     on the two sides, and the side of a closing quote a boundary falls on
//     picks the right cut where lengths and words barely differ. It takes
//     no part in Confidence.
//   - [MoodScorer]: whether both sides of a bead ask a question (a
//     question mark on each) or only one does, and likewise for an
//     exclamation. Translators keep questions as questions, unrelated
//     neighbours rarely share one. It takes no part in Confidence.
//
// # Search
//
// The search is dynamic programming over the sentence grid restricted to a
// band around a centre line. On short texts the centre runs through the
// sure anchors, along equal cumulative length between them, and where the
// best path runs along the band's edge the band widens around it and the
// search runs again, so a large omission is still found.
//
// Long texts (4,000 sentences or more on the two sides) must not depend on
// unique anchors: a corpus of many documents repeats its numbers and
// names, and the ratio of lengths drifts from one part of a book to the
// next. Their first path is found coarse to fine (after Vecalign): the
// sentences of each side are grouped in pairs, again and again, down to a
// small grid aligned in full, and each path is projected one level finer
// and refined in a narrow band. At every level a group bead is priced by
// its lengths, by its content and by the sure-anchor chain: the content is
// the cosine of the sums of its sides' [Summarizer] vectors (the lexicon's
// by default), and each sure anchor pair inside the bead makes it cheaper,
// so that even a sparse chain holds the path. Without a Summarizer the
// levels compare lengths alone (where the sure-anchor chain is dense, the
// first band is centred on it instead), and a cheap pass without the
// [Refiner] scorings refines that path first. The full search is then banded
// around the path before it and, on long texts, spans the area between
// that path and the coarse one; where the path touches the band's edge,
// only that stretch is searched again, wider on the side it pressed
// against, with a beam that drops cells far worse than the best of their
// row. Time and memory grow with the number of sentences times the band
// width, never with N×M. Texts whose first path already scores far below
// the threshold are not refined.
//
// A run of a few sentences with no counterpart on one side (a paragraph
// repeated or left untranslated) is priced as one event rather than as
// that many separate omissions, and is reported as single 1-0 or 0-1
// beads. The overall score counts omitted text as 0, so that a long side
// of unrelated text lowers it instead of raising it, and a sentence at the
// end of a 1-N or N-1 bead that shows no sign of translating the bead's
// other side is split off as an omission rather than glued to a
// translation. With the default scorers the sign is a logistic model of how
// the sentence changes the bead's length cost, the words of the other side
// that only it covers, its own words covered, and the anchors it brings;
// with other scorer sets, next to no evidence from the [Matcher]s.
//
// # Limits
//
// On long texts with no unique anchors, a long stretch left out on one side
// is found through the widening only while the true path does not fall
// more than the beam (600 nats) behind the best one in its rows; longer
// stretches may be found only in part. Measured on the 13,056 × 10,000
// Bible with the English of 400 verses and the Chinese of 150 others left
// out: strict F1 0.862, against 0.861 for the intact text. A run of text
// with no counterpart is priced in runs of at most five sentences, each
// run paying the omission prior once, so part of a long one may still be
// glued into 1-4 or 1-5 beads next to it; such beads get a low confidence.
//
// Untranslated single sentences are the weakest case. On variants of the
// development sets with 3% of one side's sentences deleted (and 5% of
// adjacent pairs merged), 56% of the sentences left without a counterpart
// come out as their own 1-0 or 0-1 bead and 85% of those reported are
// right; most of the rest are glued to a neighbour on the same subject,
// whose words they share, and a few are paired with a wrong sentence. Two
// in five of those missed lie in a pair below [ConfidenceCheck] (7% of all
// pairs are): reviewing those pairs finds them. The lexicon and the
// length model do not tell such a sentence from the extra sentence of a
// true 1-2 bead any better: on the
// same variants, 223 of the 3,040 sentences that end true 1-N or N-1 beads
// have no word covered by the bead's other side, more than the 99 of 328
// untranslated sentences glued to a neighbour that have none. The
// optional sub-split points of segment.Paragraph.Subs (after ；) are not
// used: beads always hold whole sentences.
//
// # Glossaries
//
// [LoadGlossary] reads term pairs (TSV: Chinese TAB English; or TBX). Their
// Chinese terms become words of the lexicon and their English stems sure
// translations, with full weight.
package align
