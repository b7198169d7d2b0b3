package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"runtime/debug"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"

	"github.com/bitextlab/zhen/align"
	"github.com/bitextlab/zhen/align/review"
	"github.com/bitextlab/zhen/align/tmx"
	"github.com/bitextlab/zhen/segment"
)

// The job's counters (namespace "zhen"), printed at the end.
var (
	documentsAligned = beam.NewCounter("zhen", "documents_aligned")
	documentsRefused = beam.NewCounter("zhen", "documents_refused")
	documentsFailed  = beam.NewCounter("zhen", "documents_failed")
	pairsAligned     = beam.NewCounter("zhen", "pairs_aligned")
	pairsLeftOut     = beam.NewCounter("zhen", "pairs_left_out")
	pairsWritten     = beam.NewCounter("zhen", "pairs_written")
)

// Kinds of dead letters.
const (
	kindManifest    = "manifest"     // a manifest line that cannot be used
	kindUnpaired    = "unpaired"     // a glob matched one language of a pair only
	kindUnreadable  = "unreadable"   // the file cannot be opened or read, or is too large
	kindEncoding    = "encoding"     // invalid bytes, unknown encoding, binary data
	kindEmpty       = "empty"        // no text, or no sentence on one side
	kindLayout      = "layout"       // not a bilingual file, wrong language, unsupported layout
	kindNotParallel = "not-parallel" // the aligner refused the pair (use --force)
	kindFailed      = "failed"       // any other error of the library
	kindInternal    = "internal"     // a panic in the library, caught
)

// deadLetter is one line of the dead-letter file: a document pair (or
// manifest line) that produced no pairs, and why.
type deadLetter struct {
	ID     string   `json:"id"`
	Files  []string `json:"files,omitempty"`
	Source string   `json:"source,omitempty"` // manifest:line, or the glob
	Kind   string   `json:"kind"`             // see the kind… constants
	Reason string   `json:"reason"`           // the error, naming file, line and byte where the library says
}

func (d deadLetter) line() string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(d) // cannot fail: strings only (invalid UTF-8 becomes U+FFFD)
	return strings.TrimSuffix(b.String(), "\n")
}

// dedupeKey is the corpus-wide duplicate key of a pair: the SHA-256 of
// tmx.DedupeKey (the TMX writer's own key: the cleaned, trimmed text of
// both sides), so that the shuffle carries 64 bytes, not the text again.
func dedupeKey(p align.Pair) string {
	sum := sha256.Sum256([]byte(tmx.DedupeKey(p.ZH, p.EN)))
	return hex.EncodeToString(sum[:])
}

// alignFn decodes, segments and aligns one document pair with the library.
// Setup builds the Segmenter and the Aligner once per DoFn instance (and
// loads the lexicon), not once per document. A pair that cannot be
// aligned goes to the dead letters with its reason; it never fails the
// job.
type alignFn struct {
	Options alignOptions

	seg  *segment.Segmenter
	al   *align.Aligner
	fss  map[string]filesystem.Interface // by scheme, opened on first use
	buf  bytes.Buffer
	json *review.JSONLWriter
}

// Setup builds the Segmenter and the Aligner, reading the rules and the
// glossary through Beam's file systems, and loads the lexicon.
func (f *alignFn) Setup(ctx context.Context) error {
	seg, al, err := newLibrary(ctx, f.Options)
	if err != nil {
		return err
	}
	f.seg, f.al = seg, al
	f.fss = map[string]filesystem.Interface{}
	f.json = review.NewJSONLWriter(&f.buf)
	return nil
}

// Teardown closes the file systems.
func (f *alignFn) Teardown() {
	for _, fs := range f.fss {
		fs.Close()
	}
}

// newLibrary makes the Segmenter and Aligner for o, as the pipeline's
// workers use them (the tests align document by document with the same).
func newLibrary(ctx context.Context, o alignOptions) (*segment.Segmenter, *align.Aligner, error) {
	seg := &segment.Segmenter{Encoding: o.Encoding}
	switch o.Rules {
	case "", "default":
	case "omegat":
		seg.Rules = segment.OmegaTRules()
	default:
		data, err := readAll(ctx, nil, o.Rules, 0)
		if err != nil {
			return nil, nil, fmt.Errorf("--rules: %w", err)
		}
		r, _, err := segment.LoadSRX(bytes.NewReader(data), o.Rules)
		if err != nil {
			return nil, nil, fmt.Errorf("--rules: %w", err)
		}
		seg.Rules = r
	}
	al := &align.Aligner{Force: o.Force}
	if o.Glossary != "" {
		data, err := readAll(ctx, nil, o.Glossary, 0)
		if err != nil {
			return nil, nil, fmt.Errorf("--glossary: %w", err)
		}
		g, err := align.LoadGlossary(bytes.NewReader(data), o.Glossary)
		if err != nil {
			return nil, nil, fmt.Errorf("--glossary: %w", err)
		}
		al.Glossary = g
	}
	// Load the lexicon now, once, rather than inside the first element.
	warm := *al
	warm.Force = true
	warm.AlignSentences([]string{"中国经济稳定增长。"}, []string{"China's economy grew steadily."})
	return seg, al, nil
}

// omegatRules are OmegaT's sentence rules.
// ProcessElement aligns one task and emits its pairs, keyed by their
// duplicate key, or one dead letter.
func (f *alignFn) ProcessElement(ctx context.Context, t task, emit func(string, pairRow), dead func(string)) (err error) {
	defer func() {
		if r := recover(); r != nil {
			documentsFailed.Inc(ctx, 1)
			dead(deadLetter{ID: t.ID, Files: t.Files, Source: t.Source, Kind: kindInternal,
				Reason: fmt.Sprintf("panic: %v\n%s", r, debug.Stack())}.line())
			err = nil
		}
	}()
	pairs, kind, aerr := f.alignTask(ctx, t)
	if aerr != nil {
		if kind == kindNotParallel {
			documentsRefused.Inc(ctx, 1)
		} else {
			documentsFailed.Inc(ctx, 1)
		}
		dead(deadLetter{ID: t.ID, Files: t.Files, Source: t.Source, Kind: kind, Reason: aerr.Error()}.line())
		return nil
	}
	documentsAligned.Inc(ctx, 1)
	for i, p := range pairs {
		if !keep(p, f.Options.MinConfidence) {
			pairsLeftOut.Inc(ctx, 1)
			continue
		}
		p.Doc = t.ID
		f.buf.Reset()
		if err := f.json.Write(p); err != nil {
			return err
		}
		if err := f.json.Flush(); err != nil {
			return err
		}
		pairsAligned.Inc(ctx, 1)
		emit(dedupeKey(p), pairRow{Doc: t.ID, Index: i, Record: strings.TrimSuffix(f.buf.String(), "\n")})
	}
	return nil
}

// keep says whether a pair goes to the corpus: text on both sides (1-0 and
// 0-1 beads have none, and the TMX and Moses formats cannot hold them) and
// a confidence of at least min.
func keep(p align.Pair, min float64) bool {
	if strings.TrimSpace(p.ZH) == "" || strings.TrimSpace(p.EN) == "" {
		return false
	}
	if math.IsNaN(p.Confidence) {
		return min <= 0
	}
	return p.Confidence >= min
}

// alignTask reads, segments and aligns one task. On error it also returns
// the dead letter's kind.
func (f *alignFn) alignTask(ctx context.Context, t task) ([]align.Pair, string, error) {
	var data [][]byte
	for _, name := range t.Files {
		b, err := readAll(ctx, f.fss, name, f.Options.MaxBytes)
		if err != nil {
			return nil, kindUnreadable, err
		}
		data = append(data, b)
	}
	return alignDocs(f.seg, f.al, t.Files, data)
}

// alignDocs is the library's work on one document pair: one bilingual file
// or a Chinese and an English file, segmented and aligned.
func alignDocs(seg *segment.Segmenter, al *align.Aligner, names []string, data [][]byte) ([]align.Pair, string, error) {
	var zh, en *segment.Document
	var err error
	switch len(names) {
	case 1:
		zh, en, err = seg.Bilingual(names[0], data[0])
	case 2:
		zh, err = seg.Monolingual(names[0], data[0], segment.Chinese)
		if err == nil {
			en, err = seg.Monolingual(names[1], data[1], segment.English)
		}
	default:
		return nil, kindFailed, fmt.Errorf("%d files: want one bilingual file or a Chinese and an English file", len(names))
	}
	if err != nil {
		return nil, segmentKind(err), err
	}
	res, err := al.Align(zh, en)
	switch {
	case errors.Is(err, align.ErrNotParallel):
		return nil, kindNotParallel, fmt.Errorf("%s: %w", strings.Join(names, " + "), err)
	case err != nil:
		return nil, kindFailed, fmt.Errorf("%s: %w", strings.Join(names, " + "), err)
	case len(res.ZH) == 0 || len(res.EN) == 0:
		return nil, kindEmpty, fmt.Errorf("%s: no sentence to align on the %s side", strings.Join(names, ", "), emptySide(res))
	}
	return res.Pairs(), "", nil
}

func emptySide(res *align.Alignment) string {
	if len(res.ZH) == 0 {
		return "Chinese"
	}
	return "English"
}

// segmentKind classifies an error of the Segmenter.
func segmentKind(err error) string {
	switch {
	case errors.Is(err, segment.ErrEmpty):
		return kindEmpty
	case errors.Is(err, segment.ErrInvalidEncoding), errors.Is(err, segment.ErrUnknownEncoding), errors.Is(err, segment.ErrBinary):
		return kindEncoding
	case errors.Is(err, segment.ErrOneLanguage), errors.Is(err, segment.ErrLayout), errors.Is(err, segment.ErrWrongLanguage):
		return kindLayout
	}
	return kindFailed
}

// readAll reads a file through Beam's file systems (local paths, gs://,
// s3://, whichever are registered), refusing files larger than max bytes
// (0: no limit). fss caches one file system per scheme; nil opens and
// closes one for this file.
func readAll(ctx context.Context, fss map[string]filesystem.Interface, name string, max int64) ([]byte, error) {
	scheme := "default"
	if i := strings.Index(name, "://"); i > 0 {
		scheme = name[:i]
	}
	fs := fss[scheme]
	if fs == nil {
		var err error
		fs, err = filesystem.New(ctx, name)
		if err != nil {
			return nil, err
		}
		if fss == nil {
			defer fs.Close()
		} else {
			fss[scheme] = fs
		}
	}
	r, err := fs.OpenRead(ctx, name)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	var src io.Reader = r
	if max > 0 {
		src = io.LimitReader(r, max+1)
	}
	b, err := io.ReadAll(src)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if max > 0 && int64(len(b)) > max {
		return nil, fmt.Errorf("%s: larger than --max_bytes=%d", name, max)
	}
	return b, nil
}
