package align

// DefaultScorers returns the scorers the zero Aligner uses: length,
// anchors, and the lexicon with the glossary's terms (g may be nil).
func DefaultScorers(g *Glossary) []Scorer {
	return []Scorer{LengthScorer{}, AnchorScorer{}, LexiconScorer{Glossary: g}, QuoteScorer{}}
}
