package pipeline

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/bitextlab/zhen/align"
	"github.com/bitextlab/zhen/align/review"
	"github.com/bitextlab/zhen/segment"
)

// DefaultMaxSize is the largest input file Config reads when Config.MaxSize
// is 0: 64 MiB, far above any press document, well below what would exhaust
// the machine.
const DefaultMaxSize = 64 << 20

// ErrTooLarge is matched (errors.Is) by the error for an input file larger
// than Config.MaxSize.
var ErrTooLarge = errors.New("larger than the input size limit")

// ErrStdinTwice is returned by Config.Read when "-" is given twice.
var ErrStdinTwice = errors.New("pipeline: standard input (-) can be read only once")

// Input is one input file's bytes.
type Input struct {
	// Path is the path as given; "-" for standard input.
	Path string
	// Name is the label messages use: Path, or "standard input".
	Name string
	// Data are the file's bytes.
	Data []byte
	// Encoding is the encoding to decode Data from; "" uses the
	// Segmenter's (which detects it when empty).
	Encoding string
}

// Config holds what the programs' flags set for reading and aligning: limits,
// encodings, the sentence rules, the glossary. The zero Config reads files up
// to DefaultMaxSize from the file system and standard input, detects
// encodings, refuses invalid bytes and uses the default rules: the right
// settings for Chinese–English press text.
type Config struct {
	// Stdin is read for the path "-" (nil: os.Stdin).
	Stdin io.Reader
	// MaxSize is the largest file read, in bytes (0: DefaultMaxSize;
	// negative: no limit). It applies to inputs, rules, glossaries, merged
	// memories and pair files.
	MaxSize int64
	// Encoding is one encoding name for every input, or a comma-separated
	// list with one name per input in order ("gb18030,utf-8"); "" detects.
	Encoding string
	// Lossy replaces invalid byte sequences by U+FFFD instead of refusing
	// the file; the document's Report counts them.
	Lossy bool
	// Rules names the sentence rules: "" or "default", "omegat", or the
	// path of an SRX 2.0 file.
	Rules string
	// Glossary is the path of a term list (TSV Chinese<TAB>English, or TBX)
	// for the aligner; "" for none.
	Glossary string
	// Force aligns texts that do not look like translations of each other.
	Force bool
}

func (c *Config) maxSize() int64 {
	if c.MaxSize == 0 {
		return DefaultMaxSize
	}
	return c.MaxSize
}

// readLimited reads path ("-": stdin) up to max bytes (max < 0: no limit).
func readLimited(path string, stdin io.Reader, max int64) ([]byte, error) {
	var r io.Reader
	name := path
	if path == "-" {
		r, name = stdin, "standard input"
		if r == nil {
			r = os.Stdin
		}
	} else {
		f, err := os.Open(path)
		if err != nil {
			return nil, err // *PathError names the file
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			return nil, fmt.Errorf("%s: is a folder, not a file", path)
		}
		r = f
	}
	if max < 0 {
		b, err := io.ReadAll(r)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return b, nil
	}
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("pipeline: %s: %w of %s", name, ErrTooLarge, sizeString(max))
	}
	return b, nil
}

func sizeString(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

// Read reads the files at paths ("-" is Stdin, at most once) and gives each
// its encoding from Encoding. Every file is read in full before Read returns,
// so that a program can create its outputs afterwards, never before.
func (c *Config) Read(paths ...string) ([]Input, error) {
	encs, err := encodings(c.Encoding, len(paths))
	if err != nil {
		return nil, err
	}
	ins := make([]Input, 0, len(paths))
	stdin := false
	for i, p := range paths {
		name := p
		if p == "-" {
			if stdin {
				return nil, ErrStdinTwice
			}
			stdin, name = true, "standard input"
		}
		b, err := readLimited(p, c.Stdin, c.maxSize())
		if err != nil {
			return nil, err
		}
		ins = append(ins, Input{Path: p, Name: name, Data: b, Encoding: encs[i]})
	}
	return ins, nil
}

// encodings splits an encoding value into one name per file.
func encodings(value string, n int) ([]string, error) {
	out := make([]string, n)
	if !strings.Contains(value, ",") {
		for i := range out {
			out[i] = strings.TrimSpace(value)
		}
		return out, nil
	}
	parts := strings.Split(value, ",")
	if len(parts) != n {
		return nil, fmt.Errorf("pipeline: encodings %q name %d files, but %d are given: give one encoding for all, or one per file in order", value, len(parts), n)
	}
	for i, p := range parts {
		out[i] = strings.TrimSpace(p)
	}
	return out, nil
}

// Segmenter returns the segmenter Config describes, and the report on the SRX
// file when Rules names one (nil otherwise). An unknown Rules name that is not
// a file gets an error listing the choices.
func (c *Config) Segmenter() (*segment.Segmenter, *segment.SRXReport, error) {
	r, rep, err := segment.LoadRules(c.Rules)
	if err != nil {
		return nil, nil, err
	}
	return &segment.Segmenter{Rules: r, ReplaceInvalid: c.Lossy}, rep, nil
}

// Aligner returns the aligner Config describes: Force, and the glossary.
func (c *Config) Aligner() (*align.Aligner, error) {
	a := &align.Aligner{Force: c.Force}
	if c.Glossary == "" {
		return a, nil
	}
	b, err := readLimited(c.Glossary, c.Stdin, c.maxSize())
	if err != nil {
		return nil, err
	}
	g, err := align.LoadGlossary(bytes.NewReader(b), c.Glossary)
	if err != nil {
		return nil, err
	}
	a.Glossary = g
	return a, nil
}

// ReadPairs reads pairs a person reviewed from path, within the size limit,
// with review.ReadPairs: the JSON Lines export of the review page (or
// -format jsonl), the TSV the tsv format writes, or two-column
// Chinese<TAB>English lines. Confirmed and edited pairs get confidence 1
// and keep their State. Errors name the file and line; a file that holds
// no pair (blank, or a header only) is an error too, so that an empty
// memory is never written from it by mistake.
func (c *Config) ReadPairs(path string) ([]align.Pair, error) {
	ins, err := c.Read(path)
	if err != nil {
		return nil, err
	}
	pairs, err := review.ReadPairs(bytes.NewReader(ins[0].Data), ins[0].Name)
	if err == nil && len(pairs) == 0 {
		err = fmt.Errorf("pipeline: %s: no pairs in the file (want JSON Lines records or Chinese<TAB>English lines)", ins[0].Name)
	}
	return pairs, err
}

// with returns seg with in's encoding when it has one.
func with(seg *segment.Segmenter, in Input) *segment.Segmenter {
	if seg == nil {
		seg = &segment.Segmenter{}
	}
	if in.Encoding == "" || in.Encoding == seg.Encoding {
		return seg
	}
	s := *seg
	s.Encoding = in.Encoding
	return &s
}

// ErrInputCount is returned by Documents for other than one or two inputs.
var ErrInputCount = errors.New("pipeline: give one bilingual file, or a Chinese file and an English file")

// Documents turns the inputs into a Chinese and an English document: one
// bilingual file (a Chinese block and its English block, or alternating
// paragraphs), or a Chinese file and an English file, in that order. Each
// input is decoded from its own Encoding. A nil seg is the zero Segmenter.
func Documents(seg *segment.Segmenter, ins []Input) (zh, en *segment.Document, err error) {
	switch len(ins) {
	case 1:
		return with(seg, ins[0]).Bilingual(ins[0].Name, ins[0].Data)
	case 2:
		zh, err = with(seg, ins[0]).Monolingual(ins[0].Name, ins[0].Data, segment.Chinese)
		if err != nil {
			return nil, nil, sharedEncoding(err, ins)
		}
		en, err = with(seg, ins[1]).Monolingual(ins[1].Name, ins[1].Data, segment.English)
		if err != nil {
			return nil, nil, sharedEncoding(err, ins)
		}
		return zh, en, nil
	}
	return nil, nil, ErrInputCount
}

// sharedEncoding adds a hint to err when one encoding was given for both
// files of a pair: the two files of a translation are often in different
// encodings (a UTF-16 Chinese file, a UTF-8 English one).
func sharedEncoding(err error, ins []Input) error {
	if len(ins) != 2 || ins[0].Encoding == "" || ins[0].Encoding != ins[1].Encoding {
		return err
	}
	return fmt.Errorf("%w (the encoding %s was given for both files; if they differ, give one per file in order, as -encoding %s,utf-8)", err, ins[0].Encoding, ins[0].Encoding)
}

// SentenceLines reads a file that already holds one sentence per line:
// decoded as seg decodes (encoding detection, error positions), with no
// cleaning and no segmentation, so that line i is sentence i, empty lines
// included. Lines end in LF, CR LF or a lone CR.
func SentenceLines(seg *segment.Segmenter, in Input) ([]string, error) {
	text, _, err := with(seg, in).DecodeFile(in.Name, in.Data)
	if err != nil {
		return nil, err // names the file, line and byte
	}
	return SplitLines(text), nil
}

// SplitLines splits text into lines ending in LF, CR LF or a lone CR. A line
// end at the very end of the text ends the last line; it does not start an
// empty one.
func SplitLines(text string) []string {
	var lines []string
	start := 0
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			lines = append(lines, text[start:i])
			start = i + 1
		case '\r':
			lines = append(lines, text[start:i])
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			start = i + 1
		}
	}
	if start < len(text) {
		lines = append(lines, text[start:])
	}
	return lines
}

// FileDocuments returns the documents of one file for display, such as a
// program's "show the segmentation": both documents of a bilingual file, or
// the one document of a file in one language (which cannot be aligned but
// can be shown).
func FileDocuments(seg *segment.Segmenter, in Input) ([]*segment.Document, error) {
	zh, en, err := with(seg, in).Bilingual(in.Name, in.Data)
	if err != nil && (!errors.Is(err, segment.ErrOneLanguage) || zh == nil && en == nil) {
		return nil, err
	}
	var docs []*segment.Document
	for _, d := range []*segment.Document{zh, en} {
		if d != nil {
			docs = append(docs, d)
		}
	}
	return docs, nil
}
