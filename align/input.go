package align

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

var (
	// ErrEmptySentence is matched (errors.Is) by the error AlignSentences
	// returns for an empty or blank sentence; the message names the side
	// and the index.
	ErrEmptySentence = errors.New("align: empty sentence")
	// ErrWrongLanguage is matched by the error AlignSentences returns when
	// one side is almost all in the other language (the two sides swapped,
	// or the same language twice); the message says what was found.
	ErrWrongLanguage = errors.New("align: wrong language")
)

// inputError is an error about the input, with its own message, matching
// a sentinel.
type inputError struct {
	msg string
	err error
}

func (e *inputError) Error() string { return e.msg }
func (e *inputError) Unwrap() error { return e.err }

// check reports settings of the Aligner that cannot work.
func (a *Aligner) check() error {
	if math.IsNaN(a.Threshold) {
		return errors.New("align: Aligner.Threshold is NaN")
	}
	for k, s := range a.Scorers {
		if s == nil {
			return fmt.Errorf("align: Aligner.Scorers[%d] is nil", k)
		}
	}
	for _, ps := range []struct {
		name   string
		priors map[BeadType]float64
	}{{"Priors", a.Priors}, {"ParagraphPriors", a.ParagraphPriors}} {
		for _, t := range sortedTypes(ps.priors) {
			if p := ps.priors[t]; math.IsNaN(p) || math.IsInf(p, 1) {
				return fmt.Errorf("align: Aligner.%s[%s] is %v: want a probability", ps.name, t, p)
			}
		}
	}
	return nil
}

// checkSentences reports an empty sentence, or a side in the wrong
// language: by the rule segment.Segmenter.Monolingual applies to a file,
// a side whose Latin letters outnumber six times its hanzi counted thrice
// (a hanzi carries about as much as three letters) is English, and the
// reverse.
func checkSentences(zh, en []string) error {
	for _, side := range []struct {
		name  string
		sents []string
	}{{"Chinese", zh}, {"English", en}} {
		for k, s := range side.sents {
			if strings.TrimSpace(s) == "" {
				return &inputError{fmt.Sprintf("align: %s sentence %d is empty", side.name, k), ErrEmptySentence}
			}
		}
	}
	han, latin, first := countScripts(zh, false)
	if latin > 0 && 6*3*han < latin {
		return &inputError{fmt.Sprintf("align: the Chinese sentences are English (%d hanzi, %d Latin letters; sentence %d: %.40q): are the two sides swapped?",
			han, latin, first, zh[first]), ErrWrongLanguage}
	}
	han, latin, first = countScripts(en, true)
	if han > 0 && 6*latin < 3*han {
		return &inputError{fmt.Sprintf("align: the English sentences are Chinese (%d hanzi, %d Latin letters; sentence %d: %.40q): are the two sides swapped?",
			han, latin, first, en[first]), ErrWrongLanguage}
	}
	return nil
}

// countScripts counts the hanzi and Latin letters of sents, and returns the
// index of the first sentence wholly in the script that is not expected
// (Han when wantLatin is set, Latin otherwise; 0 if there is none).
func countScripts(sents []string, wantLatin bool) (han, latin, first int) {
	first = -1
	for k, s := range sents {
		h, l := 0, 0
		for i := 0; i < len(s); {
			b := s[i]
			if b < utf8.RuneSelf {
				if b|0x20 >= 'a' && b|0x20 <= 'z' {
					l++
				}
				i++
				continue
			}
			r, n := utf8.DecodeRuneInString(s[i:])
			i += n
			switch {
			case unicode.Is(unicode.Han, r):
				h++
			case unicode.IsLetter(r) && unicode.Is(unicode.Latin, r):
				l++
			}
		}
		han += h
		latin += l
		if first < 0 && (wantLatin && h > 0 && l == 0 || !wantLatin && l > 0 && h == 0) {
			first = k
		}
	}
	return han, latin, max(first, 0)
}

// job is one call of Align or AlignSentences: its context, and a flag set
// when the context is done, which the search reads on every bead.
type job struct {
	ctx     context.Context
	stop    atomic.Bool
	release func() bool // stops watching ctx
}

// startJob watches ctx (nil: never done); it returns an error if ctx is
// already done.
func startJob(ctx context.Context) (*job, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	j := &job{ctx: ctx}
	if err := j.err(); err != nil {
		return nil, err
	}
	if ctx.Done() != nil {
		j.release = context.AfterFunc(ctx, func() { j.stop.Store(true) })
	}
	return j, nil
}

// stopped returns the flag set when the job's context is done (nil when it
// never is).
func (j *job) stopped() *atomic.Bool {
	if j == nil || j.release == nil {
		return nil
	}
	return &j.stop
}

// end stops watching the context.
func (j *job) end() {
	if j.release != nil {
		j.release()
	}
}

// err returns ctx.Err() with the package prefix, or nil.
func (j *job) err() error {
	if err := j.ctx.Err(); err != nil {
		return fmt.Errorf("align: %w", err)
	}
	return nil
}
