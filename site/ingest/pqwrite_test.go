package ingest

import (
	"bytes"
	"context"
	"slices"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/apache/arrow/go/v15/parquet/compress"
	"github.com/apache/arrow/go/v15/parquet/file"
	"github.com/apache/arrow/go/v15/parquet/pqarrow"

	"github.com/opros/opros/compiler/ir"
)

// TestColumnWriterMatchesPqarrow writes the same records, with every shape
// of column and every kind of null, through columnWriter and through
// pqarrow's own writer, and reads both back: the tables must be equal.
func TestColumnWriterMatchesPqarrow(t *testing.T) {
	schema, recs := columnTestRecords(true)
	mem := memory.NewGoAllocator()
	write := func(ours bool) []byte {
		var buf bytes.Buffer
		props := writerProperties(&ir.Survey{}, 1000, compress.Codecs.Zstd)
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

// columnTestRecords are three records with every shape of column and every
// kind of null (list items too, when nullItems).
func columnTestRecords(nullItems bool) (*arrow.Schema, []arrow.Record) {
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
	rb := array.NewRecordBuilder(memory.NewGoAllocator(), schema)
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
					if j == 2 && k%3 == 0 && nullItems {
						vb.AppendNull()
					} else {
						vb.Append([]string{"a", "b", "c"}[j])
					}
				}
			}
		}
		recs = append(recs, rb.NewRecord())
	}
	return schema, recs
}

// TestDictionaryColumnsMatchDense: codes written as indices into the
// options (dictionaryColumn) read back as the same strings, with the same
// statistics in every column chunk, as codes written as strings.
func TestDictionaryColumnsMatchDense(t *testing.T) {
	schema, recs := columnTestRecords(false)
	mem := memory.NewGoAllocator()
	options := []string{"yes", "no", "l4", "a", "b", "c", "unused"}
	db := array.NewStringBuilder(mem)
	db.AppendValues(options, nil)
	dict := db.NewArray()
	typ := &arrow.DictionaryType{IndexType: arrow.PrimitiveTypes.Int32, ValueType: arrow.BinaryTypes.String}
	indices := func(strs *array.String) arrow.Array {
		b := array.NewInt32Builder(mem)
		for i := 0; i < strs.Len(); i++ {
			if strs.IsNull(i) {
				b.AppendNull()
			} else {
				b.Append(int32(slices.Index(options, strs.Value(i))))
			}
		}
		return b.NewArray()
	}
	// A row group whose codes are all null and lists all empty or null, as
	// a question nobody was shown gives.
	empty := array.NewRecordBuilder(mem, schema)
	for i := 0; i < 50; i++ {
		empty.Field(0).(*array.StringBuilder).Append("e")
		for f := 1; f < 7; f++ {
			empty.Field(f).AppendNull()
		}
		if i%2 == 0 {
			empty.Field(7).(*array.ListBuilder).Append(true)
		} else {
			empty.Field(7).(*array.ListBuilder).AppendNull()
		}
	}
	recs = append(recs, empty.NewRecord())
	write := func(asDictionary bool) []byte {
		var buf bytes.Buffer
		w, err := newColumnWriter(schema, &buf, writerProperties(&ir.Survey{}, 1000, compress.Codecs.Snappy))
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range recs {
			cols := slices.Clone(r.Columns())
			if asDictionary {
				cols[1] = dictionaryColumn(indices(r.Column(1).(*array.String)), dict, typ)
				list := r.Column(7).(*array.List)
				idx := indices(list.ListValues().(*array.String))
				data := array.NewData(arrow.ListOf(arrow.PrimitiveTypes.Int32), list.Len(), list.Data().Buffers(),
					[]arrow.ArrayData{idx.Data()}, list.NullN(), list.Data().Offset())
				cols[7] = dictionaryColumn(array.NewListData(data), dict, typ)
			}
			if err := w.WriteColumns(cols); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	dense, dictionary := write(false), write(true)
	read := func(b []byte) arrow.Table {
		tbl, err := pqarrow.ReadTable(context.Background(), bytes.NewReader(b), nil, pqarrow.ArrowReadProperties{}, mem)
		if err != nil {
			t.Fatal(err)
		}
		return tbl
	}
	a, b := read(dense), read(dictionary)
	if !a.Schema().Equal(b.Schema()) || a.NumRows() != b.NumRows() {
		t.Fatalf("schema or rows differ:\n%s %d\n%s %d", a.Schema(), a.NumRows(), b.Schema(), b.NumRows())
	}
	for c := 0; c < int(a.NumCols()); c++ {
		if !array.ChunkedEqual(a.Column(c).Data(), b.Column(c).Data()) {
			t.Errorf("column %s reads back differently", schema.Field(c).Name)
		}
	}
	fa, err := file.NewParquetReader(bytes.NewReader(dense))
	if err != nil {
		t.Fatal(err)
	}
	fb, err := file.NewParquetReader(bytes.NewReader(dictionary))
	if err != nil {
		t.Fatal(err)
	}
	for rg := 0; rg < fa.NumRowGroups(); rg++ {
		for c := 0; c < fa.MetaData().Schema.NumColumns(); c++ {
			ca, _ := fa.MetaData().RowGroup(rg).ColumnChunk(c)
			cb, _ := fb.MetaData().RowGroup(rg).ColumnChunk(c)
			sa, _ := ca.Statistics()
			sb, _ := cb.Statistics()
			if sa == nil || sb == nil {
				if (sa == nil) != (sb == nil) {
					t.Errorf("row group %d column %d: statistics in one file only", rg, c)
				}
				continue
			}
			if sa.HasMinMax() != sb.HasMinMax() || sa.NullCount() != sb.NullCount() || sa.NumValues() != sb.NumValues() ||
				!bytes.Equal(sa.EncodeMin(), sb.EncodeMin()) || !bytes.Equal(sa.EncodeMax(), sb.EncodeMax()) {
				t.Errorf("row group %d column %s: statistics %q..%q nulls %d values %d, as strings %q..%q nulls %d values %d", rg,
					ca.PathInSchema(), sb.EncodeMin(), sb.EncodeMax(), sb.NullCount(), sb.NumValues(),
					sa.EncodeMin(), sa.EncodeMax(), sa.NullCount(), sa.NumValues())
			}
		}
	}
}

// TestDictionarySchema: a column declared dictionary<int32, utf8>, as code
// columns are, reads back as a dictionary whose values are the options in
// the order given and whose cells are the strings written, in a row group
// whose codes are all null (written as plain nulls) too.
func TestDictionarySchema(t *testing.T) {
	mem := memory.NewGoAllocator()
	schema := arrow.NewSchema([]arrow.Field{
		{Name: "id", Type: arrow.BinaryTypes.String},
		{Name: "code", Type: codeType, Nullable: true},
	}, nil)
	options := []string{"no", "yes", "unused"}
	db := array.NewStringBuilder(mem)
	db.AppendValues(options, nil)
	dict := db.NewArray()
	defer dict.Release()
	var want []any
	var buf bytes.Buffer
	w, err := newColumnWriter(schema, &buf, writerProperties(&ir.Survey{}, 1000, compress.Codecs.Snappy))
	if err != nil {
		t.Fatal(err)
	}
	for rg, n := range []int{700, 50} {
		ids, idx := array.NewStringBuilder(mem), array.NewInt32Builder(mem)
		for i := 0; i < n; i++ {
			ids.Append("r")
			if rg == 1 || i%5 == 0 {
				idx.AppendNull()
				want = append(want, nil)
			} else {
				idx.Append(int32(i % 2))
				want = append(want, options[i%2])
			}
		}
		if err := w.WriteColumns([]arrow.Array{ids.NewArray(), dictionaryColumn(idx.NewArray(), dict, codeType)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	tbl, err := pqarrow.ReadTable(context.Background(), bytes.NewReader(buf.Bytes()), nil, pqarrow.ArrowReadProperties{}, mem)
	if err != nil {
		t.Fatal(err)
	}
	defer tbl.Release()
	if got := tbl.Schema().Field(1).Type; !arrow.TypeEqual(got, codeType) {
		t.Fatalf("code column reads back as %s, want %s", got, codeType)
	}
	var got []any
	for k, chunk := range tbl.Column(1).Data().Chunks() {
		d := chunk.(*array.Dictionary)
		values := d.Dictionary().(*array.String)
		if k == 0 {
			var codes []string
			for i := 0; i < values.Len(); i++ {
				codes = append(codes, values.Value(i))
			}
			if !slices.Equal(codes, options) {
				t.Errorf("dictionary %q, want the options %q", codes, options)
			}
		}
		for i := 0; i < d.Len(); i++ {
			if d.IsNull(i) {
				got = append(got, nil)
			} else {
				got = append(got, values.Value(d.GetValueIndex(i)))
			}
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("read back %d cells, want %d: %v", len(got), len(want), got)
	}
}
