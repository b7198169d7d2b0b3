package pipeline

import (
	"strconv"
	"strings"

	"github.com/bitextlab/zhen/align"
)

// bandText says what the confidence bands mean, for help texts.
const bandText = "at {high} or above a pair is right at least 98% of the time; below {check}, check it"

// WithBands returns s with the confidence bands every tool shares written
// in: "{high}" becomes align.ConfidenceHigh, "{check}" align.ConfidenceCheck
// and "{bands}" a phrase that says what they mean. Programs pass their help
// texts through it, so that the help, -report, the review page and the
// advice for -min-confidence give one meaning to a confidence.
func WithBands(s string) string {
	r := strings.NewReplacer("{bands}", bandText)
	s = r.Replace(s)
	return strings.NewReplacer("{high}", formatBand(align.ConfidenceHigh), "{check}", formatBand(align.ConfidenceCheck)).Replace(s)
}

func formatBand(c float64) string { return strconv.FormatFloat(c, 'g', -1, 64) }

// toCheck reports whether a two-sided pair's confidence is in the red
// "check" band: below align.ConfidenceCheck, or NaN.
func toCheck(conf float64) bool { return !(conf >= align.ConfidenceCheck) }
