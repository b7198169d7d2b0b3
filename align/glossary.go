package align

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/bitextlab/zhen/internal/lexicon"
)

// Glossary is a user's list of term pairs (Chinese term, English term),
// merged with the built-in lexicon: the lexicon scorer treats its terms as
// words (对外联络部 becomes one token) whose English translations are sure,
// and gives them full weight. Load one with LoadGlossary; set it in
// Aligner.Glossary or LexiconScorer.Glossary.
type Glossary struct {
	// Name is the name the glossary was loaded under (a file name).
	Name    string
	entries []lexicon.Entry

	once sync.Once
	lex  *lexicon.Lexicon
}

// LoadGlossary reads a glossary in TSV (Chinese TAB English per line,
// optional header, "#" comments) or TBX (detected by a leading "<" or a
// .tbx/.xml name). Errors name the file and line; a nil r is an error.
func LoadGlossary(r io.Reader, name string) (*Glossary, error) {
	if r == nil {
		return nil, fmt.Errorf("align: %s: nil reader", name)
	}
	br := bufio.NewReader(r)
	head, _ := br.Peek(512)
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	head = bytes.TrimLeft(head, " \t\r\n")
	lower := strings.ToLower(name)
	var (
		es  []lexicon.Entry
		err error
	)
	if bytes.HasPrefix(head, []byte("<")) || strings.HasSuffix(lower, ".tbx") || strings.HasSuffix(lower, ".xml") {
		es, err = lexicon.LoadTBX(br, name)
	} else {
		es, err = lexicon.LoadTSV(br, name)
	}
	if err != nil {
		return nil, glossaryError{err}
	}
	return &Glossary{Name: name, entries: es}, nil
}

// glossaryError is an error reading a glossary, with one package prefix:
// "align: terms.tsv:2: …" (the loader's own "lexicon: " prefix is dropped
// from the message; the loader's error is still wrapped).
type glossaryError struct{ err error }

func (e glossaryError) Error() string {
	return "align: " + strings.TrimPrefix(e.err.Error(), "lexicon: ")
}

func (e glossaryError) Unwrap() error { return e.err }

// Len returns the number of term pairs.
func (g *Glossary) Len() int {
	if g == nil {
		return 0
	}
	return len(g.entries)
}

// Terms returns the term pairs, Chinese first, in file order.
func (g *Glossary) Terms() [][2]string {
	if g == nil {
		return nil
	}
	out := make([][2]string, len(g.entries))
	for k, e := range g.entries {
		out[k] = [2]string{e.Zh, e.En}
	}
	return out
}

// lexicon returns the built-in lexicon with the glossary merged in (built
// once).
func (g *Glossary) lexicon() *lexicon.Lexicon {
	if g == nil || len(g.entries) == 0 {
		return lexicon.Builtin()
	}
	g.once.Do(func() { g.lex = lexicon.Builtin().With(g.entries) })
	return g.lex
}
