package align

// DefaultScorers returns the scorers the zero Aligner uses: length,
// anchors, the lexicon with the glossary's terms (g may be nil),
// quotation state and mood (question and exclamation marks).
func DefaultScorers(g *Glossary) []Scorer {
	return []Scorer{LengthScorer{}, AnchorScorer{}, LexiconScorer{Glossary: g}, QuoteScorer{}, MoodScorer{}}
}
