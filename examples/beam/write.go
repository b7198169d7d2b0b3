package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"regexp"
	"sort"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"

	"github.com/bitextlab/zhen/align"
	"github.com/bitextlab/zhen/align/review"
	"github.com/bitextlab/zhen/align/tmx"
)

// pair restores the fields of the pair that the TMX and Moses writers use
// from its JSON Lines record.
func (r pairRow) pair() (align.Pair, error) {
	var rec review.Record
	if err := json.Unmarshal([]byte(r.Record), &rec); err != nil {
		return align.Pair{}, fmt.Errorf("pair %d of %s: %w", r.Index, r.Doc, err)
	}
	p := align.Pair{ZH: rec.ZH, EN: rec.EN, Type: rec.Type, Confidence: math.NaN(), Paragraph: rec.Paragraph, Doc: rec.Doc, State: rec.State}
	if rec.Confidence != nil {
		p.Confidence = *rec.Confidence
	}
	return p, nil
}

// writeShardFn writes one shard's TMX document (PREFIX-00000-of-00004.tmx)
// and Moses files (….zh, ….en) from the shard's grouped pairs, through
// Beam's file systems. The TMX is written by the library's tmx.Writer, so
// it has its header and footer and is valid against the TMX 1.4b DTD.
type writeShardFn struct {
	Prefix string
	Shards int
}

// ProcessElement writes shard i.
func (f *writeShardFn) ProcessElement(ctx context.Context, i int, rows func(*pairRow) bool) (err error) {
	files := &outFiles{}
	defer func() {
		if cerr := files.close(); err == nil {
			err = cerr
		}
	}()
	tmxOut, err := files.create(ctx, shardName(f.Prefix, i, f.Shards, "tmx"))
	if err != nil {
		return err
	}
	zhOut, err := files.create(ctx, shardName(f.Prefix, i, f.Shards, "zh"))
	if err != nil {
		return err
	}
	enOut, err := files.create(ctx, shardName(f.Prefix, i, f.Shards, "en"))
	if err != nil {
		return err
	}
	tw := tmx.NewWriter(tmxOut, tmx.Header{SegType: tmx.Sentence})
	mw := review.NewMosesWriter(zhOut, enOut)
	var r pairRow
	for rows(&r) {
		if r.Index < 0 { // the shard's empty marker
			continue
		}
		p, err := r.pair()
		if err != nil {
			return err
		}
		tw.Write(p) // errors are sticky: Close returns them
		mw.Write(p)
		pairsWritten.Inc(ctx, 1)
	}
	if err := tw.Close(); err != nil {
		return err
	}
	return mw.Flush()
}

// writeDeadFn writes the dead letters, one JSON object per line, sorted so
// that two runs over the same input give the same file.
type writeDeadFn struct {
	Name string
}

// ProcessElement writes the dead-letter file.
func (f *writeDeadFn) ProcessElement(ctx context.Context, _ int, lines func(*string) bool) (err error) {
	var all []string
	var l string
	for lines(&l) {
		if l != "" { // the marker that makes the file exist
			all = append(all, l)
		}
	}
	sort.Strings(all)
	files := &outFiles{}
	defer func() {
		if cerr := files.close(); err == nil {
			err = cerr
		}
	}()
	w, err := files.create(ctx, f.Name)
	if err != nil {
		return err
	}
	for _, l := range all {
		w.WriteString(l)
		w.WriteByte('\n')
	}
	return nil
}

// outFiles are buffered output files opened through Beam's file systems.
type outFiles struct {
	open []struct {
		name string
		bw   *bufio.Writer
		wc   io.WriteCloser
		fs   filesystem.Interface
	}
}

func (o *outFiles) create(ctx context.Context, name string) (*bufio.Writer, error) {
	fs, err := filesystem.New(ctx, name)
	if err != nil {
		return nil, err
	}
	wc, err := fs.OpenWrite(ctx, name)
	if err != nil {
		fs.Close()
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	bw := bufio.NewWriterSize(wc, 1<<20)
	o.open = append(o.open, struct {
		name string
		bw   *bufio.Writer
		wc   io.WriteCloser
		fs   filesystem.Interface
	}{name, bw, wc, fs})
	return bw, nil
}

// close flushes and closes every file and returns the first error.
func (o *outFiles) close() error {
	var first error
	for _, f := range o.open {
		if err := f.bw.Flush(); err != nil && first == nil {
			first = fmt.Errorf("%s: %w", f.name, err)
		}
		if err := f.wc.Close(); err != nil && first == nil {
			first = fmt.Errorf("%s: %w", f.name, err)
		}
		f.fs.Close()
	}
	o.open = nil
	return first
}

// outputPattern matches the names this program writes under prefix.
func outputPattern(prefix string) *regexp.Regexp {
	return regexp.MustCompile(`^` + regexp.QuoteMeta(prefix) + `-(deadletters-)?\d{5}-of-\d{5}\.(jsonl|tmx|zh|en)$`)
}

// prepareOutput checks the output prefix before the job starts: earlier
// output of this prefix is an error unless overwrite is set, and then it
// is removed first (where the file system can remove files), so that no
// shard of an earlier run with another shard count is left among the new
// ones.
func prepareOutput(ctx context.Context, prefix string, overwrite bool) error {
	fs, err := filesystem.New(ctx, prefix)
	if err != nil {
		return err
	}
	defer fs.Close()
	found, err := fs.List(ctx, globEscape(prefix)+"-*")
	if err != nil {
		return fmt.Errorf("--output %s: %w", prefix, err)
	}
	re := outputPattern(prefix)
	var ours []string
	for _, f := range found {
		if re.MatchString(f) {
			ours = append(ours, f)
		}
	}
	if len(ours) == 0 {
		return nil
	}
	sort.Strings(ours)
	if !overwrite {
		return fmt.Errorf("--output %s: %s and %d more files of an earlier run exist: use --overwrite to replace them, or another prefix", prefix, ours[0], len(ours)-1)
	}
	rm, ok := fs.(filesystem.Remover)
	if !ok {
		return nil // the new files overwrite the old ones of the same names
	}
	for _, f := range ours {
		if err := rm.Remove(ctx, f); err != nil {
			return fmt.Errorf("--overwrite: %w", err)
		}
	}
	return nil
}

// globEscape escapes the pattern characters of a literal prefix.
func globEscape(s string) string {
	if !strings.ContainsAny(s, `*?[\`) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`*?[\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
