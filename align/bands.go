package align

// The confidence bands: one meaning of a pair's Confidence for every tool
// that shows or filters pairs (the review page's colours and its "to
// check" navigator, press2tmx -report and its help, the advice for
// -min-confidence).
//
// They were set from measured precision: the share of pairs whose bead is
// exactly a gold bead, per band, on three hand-aligned development sets
// (literary prose "mac-dev", 6 documents, 1,343 two-sided pairs; an
// academic text "aca", 1,062; a magazine text "mag", 1,007; aligned from
// one sentence per line with the default scorers):
//
//	band                        mac-dev   aca     mag
//	green  ≥ ConfidenceHigh     98.1%     99.7%   99.2%
//	amber  in between           89.7%     98.6%   96.8%
//	red    < ConfidenceCheck    69.3%    100.0%   89.7%
//
// Green means "right at least 98% of the time on every development set";
// red means "check this pair": the band where most wrong pairs are. On
// the built-in press release every pair is right and none is red: its
// lowest two-sided confidence is 0.47.
//
// A pair with an empty side (a 1-0 or 0-1 bead) has no band: it is text
// with no counterpart and is always worth a look.
const (
	// ConfidenceHigh is the lower bound of the green band: pairs at or
	// above it are right at least 98% of the time on every development
	// set.
	ConfidenceHigh = 0.8
	// ConfidenceCheck is the upper bound of the red "check" band: pairs
	// below it (and NaN) are the ones to check. It is also the advised
	// -min-confidence filter.
	ConfidenceCheck = 0.45
)
