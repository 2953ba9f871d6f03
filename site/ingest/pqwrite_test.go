package ingest

import (
	"bytes"
	"context"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/apache/arrow/go/v15/parquet/compress"
	"github.com/apache/arrow/go/v15/parquet/pqarrow"

	"github.com/opros/opros/compiler/ir"
)

// TestColumnWriterMatchesPqarrow writes the same records, with every shape
// of column and every kind of null, through columnWriter and through
// pqarrow's own writer, and reads both back: the tables must be equal.
func TestColumnWriterMatchesPqarrow(t *testing.T) {
	md := arrow.NewMetadata([]string{"k"}, []string{"v"})
	schema := arrow.NewSchema([]arrow.Field{
		{Name: "id", Type: arrow.BinaryTypes.String},
		{Name: "code", Type: arrow.BinaryTypes.String, Nullable: true},
		{Name: "n", Type: arrow.PrimitiveTypes.Int64, Nullable: true},
		{Name: "x", Type: arrow.PrimitiveTypes.Float64, Nullable: true},
		{Name: "b", Type: arrow.FixedWidthTypes.Boolean, Nullable: true},
		{Name: "d", Type: arrow.FixedWidthTypes.Date32, Nullable: true},
		{Name: "ts", Type: &arrow.TimestampType{Unit: arrow.Millisecond, TimeZone: "UTC"}, Nullable: true},
		{Name: "codes", Type: arrow.ListOf(arrow.BinaryTypes.String), Nullable: true},
	}, &md)
	mem := memory.NewGoAllocator()
	rb := array.NewRecordBuilder(mem, schema)
	defer rb.Release()
	var recs []arrow.Record
	for batch := 0; batch < 3; batch++ {
		for i := 0; i < 700; i++ {
			k := batch*700 + i
			rb.Field(0).(*array.StringBuilder).Append("r" + string(rune('a'+k%26)) + string(rune('a'+k/26%26)))
			if k%5 == 0 {
				for f := 1; f < 8; f++ {
					rb.Field(f).AppendNull()
				}
			} else {
				rb.Field(1).(*array.StringBuilder).Append([]string{"yes", "no", "l4"}[k%3])
				rb.Field(2).(*array.Int64Builder).Append(int64(k))
				rb.Field(3).(*array.Float64Builder).Append(float64(k) / 7)
				rb.Field(4).(*array.BooleanBuilder).Append(k%2 == 0)
				rb.Field(5).(*array.Date32Builder).Append(arrow.Date32(19000 + k))
				rb.Field(6).(*array.TimestampBuilder).Append(arrow.Timestamp(int64(k) * 1000))
				lb := rb.Field(7).(*array.ListBuilder)
				lb.Append(true)
				vb := lb.ValueBuilder().(*array.StringBuilder)
				for j := 0; j < k%4; j++ { // k%4 == 0: an empty list
					if j == 2 && k%3 == 0 {
						vb.AppendNull()
					} else {
						vb.Append([]string{"a", "b", "c"}[j])
					}
				}
			}
		}
		recs = append(recs, rb.NewRecord())
	}
	write := func(ours bool) []byte {
		var buf bytes.Buffer
		props := WriterProperties(&ir.Survey{}, 1000, compress.Codecs.Zstd)
		var w interface {
			Write(arrow.Record) error
			Close() error
		}
		var err error
		if ours {
			w, err = newColumnWriter(schema, &buf, props)
		} else {
			w, err = pqarrow.NewFileWriter(schema, &buf, props, pqarrow.NewArrowWriterProperties(pqarrow.WithStoreSchema()))
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range recs {
			if err := w.Write(r); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	read := func(b []byte) arrow.Table {
		tbl, err := pqarrow.ReadTable(context.Background(), bytes.NewReader(b), nil, pqarrow.ArrowReadProperties{}, mem)
		if err != nil {
			t.Fatal(err)
		}
		return tbl
	}
	ours, theirs := read(write(true)), read(write(false))
	if !ours.Schema().Equal(theirs.Schema()) {
		t.Fatalf("schema:\n%s\nwant\n%s", ours.Schema(), theirs.Schema())
	}
	if ours.NumRows() != 2100 || theirs.NumRows() != 2100 {
		t.Fatalf("rows %d, %d", ours.NumRows(), theirs.NumRows())
	}
	for c := 0; c < int(ours.NumCols()); c++ {
		if !array.ChunkedEqual(ours.Column(c).Data(), theirs.Column(c).Data()) {
			t.Errorf("column %s differs", schema.Field(c).Name)
		}
	}
	if !bytes.Equal(write(true), write(true)) {
		t.Error("two writes of the same records differ")
	}
}
