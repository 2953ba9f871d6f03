package ingest

import (
	"bufio"
	"context"
	"errors"
	"os"
	"runtime"
	"strconv"

	"github.com/apache/arrow/go/v15/parquet"
	"github.com/apache/arrow/go/v15/parquet/compress"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/parallel"
)

// Codecs are the Parquet compressions ingest writes, by name.
var Codecs = map[string]compress.Compression{"snappy": compress.Codecs.Snappy, "zstd": compress.Codecs.Zstd}

// writerProperties are fixed so that the same rows give the same bytes.
//
// A column whose dictionary outgrows its page limit falls back to plain
// pages partway, and Arrow Go v15 then lists the chunk's page encodings in
// map order: the footer came out different from run to run (seen on a
// million responses). So columns of mostly distinct values (response ids,
// times, free text, fractional numbers) are never dictionary-encoded, and
// the others get a limit no row group reaches.
func writerProperties(s *ir.Survey, rowGroup int, codec compress.Compression) *parquet.WriterProperties {
	opts := []parquet.WriterProperty{
		// zstd, when chosen, at its default level (3): naming the level would
		// make Arrow Go v15 build a new encoder, megabytes of tables, for
		// every page.
		parquet.WithCompression(codec),
		parquet.WithDictionaryDefault(true),
		parquet.WithDictionaryPageSizeLimit(1 << 30),
		parquet.WithMaxRowGroupLength(int64(rowGroup)),
		parquet.WithCreatedBy("opros"),
		parquet.WithStats(true),
		// Version 2 data pages: Arrow Go v15 grows the level buffers of
		// version 1 pages a few bytes at a time, which makes writing them
		// slower. DuckDB, pandas and R read either.
		parquet.WithDataPageVersion(parquet.DataPageV2),
	}
	for _, name := range []string{"response_id", "started_at", "submitted_at"} {
		opts = append(opts, parquet.WithDictionaryFor(name, false))
	}
	for _, v := range s.Vars {
		if v.Kind == ir.VarString || v.Kind == ir.VarFloat {
			opts = append(opts, parquet.WithDictionaryFor(v.Name, false))
		}
	}
	return parquet.NewWriterProperties(opts...)
}

// writeParquet writes the spilled rows in the index's order to f, which
// Run renames into place, and returns how many repeated response ids the
// index dropped.
// keep, when not nil, is asked of every row: false keeps it out of the
// file.
func writeParquet(s *ir.Survey, versions []string, spill *os.File, idx *rowIndex, f *os.File, batch int, codec compress.Compression, keep func(rowRef) bool, recoded int) (int, error) {
	dups := 0
	if batch <= 0 {
		batch = 32768
	}
	schema, err := Schema(s)
	if err != nil {
		return dups, err
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	fw, err := newColumnWriter(schema, bw, writerProperties(s, batch, codec))
	if err != nil {
		return dups, err
	}
	if recoded > 0 {
		if err := fw.w.AppendKeyValueMetadata(MetaRecoded, strconv.Itoa(recoded)); err != nil {
			return dups, err
		}
	}
	// Row groups are built from the spill by builders and encoded by the
	// writer (which spreads a row group's columns over the cores) in order.
	// Three row groups may be between the index and the writer: one being
	// written and two waiting, so that a builder does not sit idle while
	// the writer writes. The window bounds the row groups in memory, and
	// so the builders that can be busy.
	const window = 3
	builders := min(runtime.GOMAXPROCS(0), window)
	dicts := newCodeDictionaries(s, schema)
	defer dicts.release()
	rgs := make([]*rowGroupBuilder, builders)
	defer func() {
		for _, rg := range rgs {
			if rg != nil {
				rg.release()
			}
		}
	}()
	stopped := errors.New("the writer failed")
	err = parallel.InOrder(context.Background(), builders, window,
		func(send func([]rowRef) bool) error {
			var refs []rowRef
			var err error
			dups, err = idx.finish(func(ref rowRef) error {
				if keep != nil && !keep(ref) {
					return nil
				}
				if refs = append(refs, ref); len(refs) == batch {
					if !send(refs) {
						return stopped
					}
					refs = make([]rowRef, 0, batch)
				}
				return nil
			})
			if err == nil && len(refs) > 0 {
				send(refs)
			}
			if err == stopped {
				return nil // the writer's error is the run's
			}
			return err
		},
		func(w int, refs []rowRef) rowGroup {
			if rgs[w] == nil {
				rgs[w] = newRowGroupBuilder(s, versions, dicts)
			}
			cols, err := rgs[w].build(spill, refs)
			return rowGroup{cols, err}
		},
		func(rg rowGroup) error {
			err := rg.err
			if err == nil {
				err = fw.WriteColumns(rg.cols)
			}
			for _, c := range rg.cols {
				c.Release()
			}
			return err
		})
	if err != nil {
		return dups, err
	}
	if err := fw.Close(); err != nil {
		return dups, err
	}
	return dups, bw.Flush()
}
