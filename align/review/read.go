package review

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bitextlab/zhen/align"
)

// ReadPairs reads pairs back: the JSON Lines that JSONLWriter writes and
// the review page exports (one Record per line), or tab-separated text —
// the TSV that TSVWriter writes (recognised by its header line, TSVHeader;
// text columns unescaped with UnescapeTSV), or a plain two-column file,
// Chinese<TAB>English per line, taken literally. The first line that is
// not blank decides: "{" starts JSON Lines. Blank lines are skipped, a
// UTF-8 byte order mark and CR LF line ends are accepted.
//
// Confidence: pairs whose State is align.StateConfirmed or
// align.StateEdited get Confidence 1 — a person stands behind them — and
// keep their State; other JSON Lines pairs keep the confidence written
// (null reads as NaN). TSV rows keep their confidence column. A
// two-column file carries no confidence: its pairs get 1 and no State.
//
// Errors name the input and the 1-based line ("review: p.jsonl:7: …"): a
// line that is not a JSON object, an unknown state, a row that has neither
// two nor five columns, a bad number, invalid UTF-8 in TSV text, a line
// with no text on either side.
func ReadPairs(r io.Reader, name string) ([]align.Pair, error) {
	if r == nil {
		return nil, fmt.Errorf("review: %s: nil reader", name)
	}
	br := bufio.NewReaderSize(r, 1<<16)
	var (
		out    []align.Pair
		line   int
		format int // 0 undecided, 1 JSON Lines, 2 TSV with header, 3 two-column
	)
	for {
		text, err := br.ReadString('\n')
		if err != nil && err != io.EOF {
			return out, fmt.Errorf("review: %s:%d: %w", name, line+1, err)
		}
		if text == "" && err == io.EOF {
			break
		}
		line++
		if line == 1 {
			text = strings.TrimPrefix(text, "\uFEFF")
		}
		text = strings.TrimSuffix(strings.TrimSuffix(text, "\n"), "\r")
		if strings.TrimSpace(text) == "" {
			if err == io.EOF {
				break
			}
			continue
		}
		if format == 0 {
			switch {
			case strings.HasPrefix(strings.TrimLeft(text, " \t"), "{"):
				format = 1
			case text == TSVHeader || strings.HasPrefix(text, "zh\ten\t"):
				format = 2
				if err == io.EOF {
					break
				}
				continue
			default:
				format = 3
			}
		}
		var p align.Pair
		var perr error
		switch format {
		case 1:
			p, perr = jsonPair(text)
		default:
			p, perr = tsvPair(text, format == 2)
		}
		if perr != nil {
			return out, fmt.Errorf("review: %s:%d: %w", name, line, perr)
		}
		out = append(out, p)
		if err == io.EOF {
			break
		}
	}
	return out, nil
}

// jsonPair decodes one Record line.
func jsonPair(text string) (align.Pair, error) {
	var rec Record
	dec := json.NewDecoder(strings.NewReader(text))
	if err := dec.Decode(&rec); err != nil {
		return align.Pair{}, fmt.Errorf("not a JSON Lines record: %w", err)
	}
	if dec.More() {
		return align.Pair{}, errors.New("more than one JSON value on the line")
	}
	if rec.ZH == "" && rec.EN == "" {
		return align.Pair{}, errors.New("no text on either side")
	}
	p := align.Pair{ZH: rec.ZH, EN: rec.EN, Type: rec.Type, Paragraph: rec.Paragraph, Doc: rec.Doc, State: rec.State,
		Confidence: math.NaN()}
	if rec.Confidence != nil {
		p.Confidence = *rec.Confidence
	}
	switch rec.State {
	case "":
	case align.StateConfirmed, align.StateEdited:
		p.Confidence = 1
	default:
		return align.Pair{}, fmt.Errorf("unknown state %q (want %q, %q or none)", rec.State, align.StateConfirmed, align.StateEdited)
	}
	if p.Type == "" {
		p.Type = typeOf(p.ZH, p.EN)
	}
	for _, s := range rec.Scores {
		sc := align.Score{Scorer: s.Scorer, Value: math.NaN(), Weight: math.NaN()}
		if s.Value != nil {
			sc.Value = *s.Value
		}
		if s.Weight != nil {
			sc.Weight = *s.Weight
		}
		p.Scores = append(p.Scores, sc)
	}
	for _, e := range rec.Evidence {
		p.Evidence = append(p.Evidence, align.Evidence{Kind: e.Kind, ZHStart: e.ZHStart, ZHEnd: e.ZHEnd, ENStart: e.ENStart, ENEnd: e.ENEnd})
	}
	return p, nil
}

// tsvPair reads one row: five columns as TSVWriter writes them (escaped),
// or two columns, Chinese and English, literally.
func tsvPair(text string, escaped bool) (align.Pair, error) {
	if !utf8.ValidString(text) {
		return align.Pair{}, fmt.Errorf("invalid UTF-8 at byte %d of the line", invalidAt(text))
	}
	cols := strings.Split(text, "\t")
	var p align.Pair
	switch len(cols) {
	case 2:
		p = align.Pair{ZH: cols[0], EN: cols[1], Confidence: 1}
		if escaped {
			p.ZH, p.EN = UnescapeTSV(cols[0]), UnescapeTSV(cols[1])
		}
		p.Type = typeOf(p.ZH, p.EN)
	case 5:
		if !escaped {
			return align.Pair{}, errors.New("5 columns but no header line " + strconv.Quote(TSVHeader))
		}
		conf, err := strconv.ParseFloat(cols[2], 64)
		if err != nil {
			return align.Pair{}, fmt.Errorf("confidence column %q: not a number", cols[2])
		}
		para, err := strconv.Atoi(cols[4])
		if err != nil {
			return align.Pair{}, fmt.Errorf("paragraph column %q: not a whole number", cols[4])
		}
		p = align.Pair{ZH: UnescapeTSV(cols[0]), EN: UnescapeTSV(cols[1]), Confidence: conf, Type: UnescapeTSV(cols[3]), Paragraph: para}
	default:
		return align.Pair{}, fmt.Errorf("%d tab-separated columns, want 2 (Chinese<TAB>English) or 5 (%s)", len(cols), strings.ReplaceAll(TSVHeader, "\t", ", "))
	}
	if p.ZH == "" && p.EN == "" {
		return align.Pair{}, errors.New("no text on either side")
	}
	return p, nil
}

// typeOf is the bead type of a pair read without one: 1-1, or 1-0 / 0-1
// when a side is empty.
func typeOf(zh, en string) string {
	switch {
	case zh == "":
		return "0-1"
	case en == "":
		return "1-0"
	}
	return "1-1"
}

func invalidAt(s string) int {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}
