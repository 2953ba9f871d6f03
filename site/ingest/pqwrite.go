package ingest

import (
	"context"
	"encoding/base64"
	"fmt"
	"io"
	"runtime"
	"sync"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/flight"
	"github.com/apache/arrow/go/v15/parquet"
	"github.com/apache/arrow/go/v15/parquet/file"
	"github.com/apache/arrow/go/v15/parquet/metadata"
	"github.com/apache/arrow/go/v15/parquet/pqarrow"
)

// columnWriter writes Arrow records to Parquet like pqarrow.FileWriter,
// but encodes the columns of a row group in parallel. pqarrow writes one
// column after the other, and encoding is most of what ingest does once the
// answers are checked. Each column of a buffered row group has its own
// encoder and page buffer, and the row group is flushed to the file in
// column order, so the bytes are the same as a one-column-at-a-time write.
//
// It handles the shapes Schema makes: flat columns (nullable or not), of
// strings declared dictionary<int32, utf8> among them, and nullable lists
// of strings, whose definition and repetition levels it works out itself.
type columnWriter struct {
	w        *file.Writer
	schema   *arrow.Schema
	arrProps pqarrow.ArrowWriterProperties
	workers  int
}

func newColumnWriter(schema *arrow.Schema, w io.Writer, props *parquet.WriterProperties) (*columnWriter, error) {
	arrProps := pqarrow.NewArrowWriterProperties(pqarrow.WithStoreSchema())
	pqSchema, err := pqarrow.ToParquet(schema, props, arrProps)
	if err != nil {
		return nil, err
	}
	meta := make(metadata.KeyValueMetadata, 0)
	md := schema.Metadata()
	for i := 0; i < md.Len(); i++ {
		meta.Append(md.Keys()[i], md.Values()[i])
	}
	// What pqarrow stores, so that Arrow readers get the exact types back.
	meta.Append("ARROW:schema", base64.StdEncoding.EncodeToString(flight.SerializeSchema(schema, props.Allocator())))
	for _, f := range schema.Fields() {
		switch f.Type.ID() {
		case arrow.LIST:
			if !f.Nullable {
				return nil, fmt.Errorf("ingest: list column %s must be nullable", f.Name)
			}
			if elem := f.Type.(*arrow.ListType).Elem(); elem.ID() == arrow.LIST || elem.ID() == arrow.STRUCT {
				return nil, fmt.Errorf("ingest: column %s: nested lists are not written", f.Name)
			}
		case arrow.DICTIONARY:
			if dt := f.Type.(*arrow.DictionaryType); dt.ValueType.ID() != arrow.STRING {
				return nil, fmt.Errorf("ingest: column %s: %s is not written", f.Name, f.Type)
			}
		case arrow.STRUCT, arrow.MAP:
			return nil, fmt.Errorf("ingest: column %s: %s is not written", f.Name, f.Type)
		}
	}
	fw := file.NewParquetWriter(w, pqSchema.Root(), file.WithWriterProps(props), file.WithWriteMetadata(meta))
	return &columnWriter{w: fw, schema: schema, arrProps: arrProps, workers: runtime.GOMAXPROCS(0)}, nil
}

// Write adds rec as one row group.
func (cw *columnWriter) Write(rec arrow.Record) error {
	if !rec.Schema().Equal(cw.schema) {
		return fmt.Errorf("ingest: record schema does not match the writer's")
	}
	return cw.WriteColumns(rec.Columns())
}

// WriteColumns adds one row group of the schema's columns. A string column
// (or list of strings) may come as a dictionary array over strings: its
// indices are written as they are, and readers get strings. A dictionary
// column may come as plain strings (all null, say): Parquet stores both
// alike, and readers get the type the schema declares.
func (cw *columnWriter) WriteColumns(columns []arrow.Array) error {
	if len(columns) != cw.schema.NumFields() {
		return fmt.Errorf("ingest: %d columns for a schema of %d", len(columns), cw.schema.NumFields())
	}
	for i, c := range columns {
		if want := cw.schema.Field(i).Type; !arrow.TypeEqual(undictionary(c.DataType()), undictionary(want)) || c.Len() != columns[0].Len() {
			return fmt.Errorf("ingest: column %s is %s of %d rows, want %s of %d", cw.schema.Field(i).Name, c.DataType(), c.Len(), want, columns[0].Len())
		}
	}
	rgw := cw.w.AppendBufferedRowGroup()
	cols := make(chan int)
	errs := make([]error, len(columns))
	var wg sync.WaitGroup
	for w := 0; w < cw.workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// The write context holds scratch buffers: one per goroutine.
			ctx := pqarrow.NewArrowWriteContext(context.Background(), &cw.arrProps)
			for i := range cols {
				errs[i] = cw.writeColumn(ctx, rgw, i, columns[i], cw.schema.Field(i).Nullable)
			}
		}()
	}
	for i := range columns {
		cols <- i
	}
	close(cols)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return fmt.Errorf("ingest: column %s: %w", cw.schema.Field(i).Name, err)
		}
	}
	return rgw.Close()
}

// undictionary is t with dictionaries replaced by their value type.
func undictionary(t arrow.DataType) arrow.DataType {
	switch t := t.(type) {
	case *arrow.DictionaryType:
		return t.ValueType
	case *arrow.ListType:
		return arrow.ListOf(undictionary(t.Elem()))
	}
	return t
}

func (cw *columnWriter) writeColumn(ctx context.Context, rgw file.BufferedRowGroupWriter, i int, col arrow.Array, nullable bool) error {
	cc, err := rgw.Column(i)
	if err != nil {
		return err
	}
	if err := writeLevels(ctx, cc, col, nullable); err != nil {
		return err
	}
	// Close the chunk's last page here, in parallel: that compresses it,
	// which the row group's Close would otherwise do for every column in
	// turn (3 s of CPU in a million-row ingest). The page ends where Close
	// would end it, so the bytes are the same. Only when values are
	// buffered: an empty page would not be.
	if f, ok := cc.(interface{ FlushCurrentPage() error }); ok && cc.CurrentEncoder().EstimatedDataEncodedSize() > 0 {
		return f.FlushCurrentPage()
	}
	return nil
}

func writeLevels(ctx context.Context, cc file.ColumnChunkWriter, col arrow.Array, nullable bool) error {
	if list, ok := col.(*array.List); ok {
		def, rep, values := listLevels(list)
		defer values.Release()
		return pqarrow.WriteArrowToColumn(ctx, cc, values, def, rep, true)
	}
	if !nullable {
		return pqarrow.WriteArrowToColumn(ctx, cc, col, nil, nil, false)
	}
	def := make([]int16, col.Len())
	for r := range def {
		if col.IsValid(r) {
			def[r] = 1
		}
	}
	return pqarrow.WriteArrowToColumn(ctx, cc, col, def, nil, true)
}

// listLevels gives the levels of a nullable list of nullable items, written
// as Parquet's three-level LIST: 0 = the list is null, 1 = it is empty,
// 2 = the item is null, 3 = the item is there; repetition 0 starts a row.
func listLevels(list *array.List) (def, rep []int16, values arrow.Array) {
	offsets := list.Offsets()
	first, last := int64(offsets[0]), int64(offsets[list.Len()])
	items := list.ListValues()
	n := int(last-first) + list.Len()
	def = make([]int16, 0, n)
	rep = make([]int16, 0, n)
	for r := 0; r < list.Len(); r++ {
		start, end := offsets[r], offsets[r+1]
		switch {
		case list.IsNull(r):
			def, rep = append(def, 0), append(rep, 0)
		case start == end:
			def, rep = append(def, 1), append(rep, 0)
		default:
			for j := start; j < end; j++ {
				d := int16(3)
				if items.IsNull(int(j)) {
					d = 2
				}
				rp := int16(1)
				if j == start {
					rp = 0
				}
				def, rep = append(def, d), append(rep, rp)
			}
		}
	}
	return def, rep, array.NewSlice(items, first, last)
}

// Close writes the footer.
func (cw *columnWriter) Close() error { return cw.w.Close() }
