package segment

// Rules is an ordered set of segmentation rules with SRX semantics.
// TEMPORARY SCAFFOLD: replaced by the rule engine (issue 3).
type Rules struct{}

// SplitSentences cuts the paragraph text[para.Start:para.End] into sentence spans
// (absolute offsets over text), using rules (nil: the default rules for lang).
// It also returns, per sentence, absolute offsets of optional sub-split points.
// TEMPORARY SCAFFOLD: replaced by the rule engine (issue 3).
func SplitSentences(text string, para Span, lang Lang, rules *Rules) (sents []Span, subs [][]int) {
	if para.Len() == 0 {
		return nil, nil
	}
	return []Span{para}, nil
}
