package ingest

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"

	"github.com/opros/opros/compiler/ir"
)

// rowGroup is one row group's columns as a builder made them, or why it
// could not.
type rowGroup struct {
	cols []arrow.Array
	err  error
}

// codeDictionaries are, per column of the file's schema, the option codes
// of a code column (nil for the others). Codes are written to Parquet as
// indices into them: the file's dictionary pages hold the options in the
// survey's order, and the writer does not hash every code to find it.
// A code column's Arrow type is dictionary<int32, utf8> (codeType) and
// readers get the dictionary as it is; a list of codes is a list of
// strings, and readers get strings.
type codeDictionaries struct {
	values []arrow.Array
	typ    *arrow.DictionaryType
}

func newCodeDictionaries(s *ir.Survey, schema *arrow.Schema) *codeDictionaries {
	d := &codeDictionaries{values: make([]arrow.Array, schema.NumFields()),
		typ: codeType}
	first := schema.NumFields() - len(s.Vars)
	for i, v := range s.Vars {
		if v.Kind != ir.VarCode && v.Kind != ir.VarCodes {
			continue
		}
		b := array.NewStringBuilder(memory.DefaultAllocator)
		for _, o := range s.Question(v.Question).Options {
			b.Append(o.Code)
		}
		d.values[first+i] = b.NewArray()
		b.Release()
	}
	return d
}

func (d *codeDictionaries) release() {
	for _, v := range d.values {
		if v != nil {
			v.Release()
		}
	}
}

// rowGroupBuilder turns spilled rows into a row group's columns; each
// builder goroutine has its own.
type rowGroupBuilder struct {
	s        *ir.Survey
	versions []string
	dicts    *codeDictionaries
	rb       *array.RecordBuilder // codes as int32 indices
	buf      []byte
}

func newRowGroupBuilder(s *ir.Survey, versions []string, dicts *codeDictionaries) *rowGroupBuilder {
	schema, _ := Schema(s) // Run has built it once already
	fields := schema.Fields()
	for i, v := range dicts.values {
		if v == nil {
			continue
		}
		if fields[i].Type.ID() == arrow.LIST {
			fields[i].Type = arrow.ListOf(arrow.PrimitiveTypes.Int32)
		} else {
			fields[i].Type = arrow.PrimitiveTypes.Int32
		}
	}
	rb := array.NewRecordBuilder(memory.NewGoAllocator(), arrow.NewSchema(fields, nil))
	return &rowGroupBuilder{s: s, versions: versions, dicts: dicts, rb: rb}
}

func (g *rowGroupBuilder) release() { g.rb.Release() }

// build reads refs' rows from the spill into one row group's columns.
func (g *rowGroupBuilder) build(spill *os.File, refs []rowRef) ([]arrow.Array, error) {
	for _, ref := range refs {
		if cap(g.buf) < int(ref.size) {
			g.buf = make([]byte, ref.size)
		}
		row := g.buf[:ref.size]
		if _, err := spill.ReadAt(row, ref.offset); err != nil && err != io.EOF {
			return nil, fmt.Errorf("read the spill file: %w", err)
		}
		if err := g.appendRow(row); err != nil {
			return nil, err
		}
	}
	rec := g.rb.NewRecord()
	defer rec.Release()
	cols := make([]arrow.Array, rec.NumCols())
	for i, col := range rec.Columns() {
		if dict := g.dicts.values[i]; dict != nil {
			cols[i] = dictionaryColumn(col, dict, g.dicts.typ)
		} else {
			col.Retain()
			cols[i] = col
		}
	}
	return cols, nil
}

// dictionaryColumn makes a column of option indices (int32, or a list of
// them) a dictionary column over dict, the column's option codes.
func dictionaryColumn(col, dict arrow.Array, typ *arrow.DictionaryType) arrow.Array {
	switch {
	case col.DataType().ID() == arrow.LIST:
		// Arrow Go v15 fails on a dictionary column without values, so a
		// row group without any gets an empty string array instead.
		list := col.(*array.List)
		var items arrow.Array
		if list.ListValues().Len() == 0 {
			items = array.MakeArrayOfNull(memory.DefaultAllocator, arrow.BinaryTypes.String, 0)
		} else {
			items = array.NewDictionaryArray(typ, list.ListValues(), dict)
		}
		data := array.NewData(arrow.ListOf(items.DataType()), list.Len(), list.Data().Buffers(),
			[]arrow.ArrayData{items.Data()}, list.NullN(), list.Data().Offset())
		defer data.Release()
		defer items.Release()
		return array.NewListData(data)
	case col.NullN() == col.Len():
		return array.MakeArrayOfNull(memory.DefaultAllocator, arrow.BinaryTypes.String, col.Len())
	}
	return array.NewDictionaryArray(typ, col, dict)
}

var errCorruptRow = errors.New("ingest: corrupt spill row")

func (g *rowGroupBuilder) appendRow(row []byte) error {
	s, rb := g.s, g.rb
	d := &rowDecoder{b: row}
	col := 0
	next := func() array.Builder { b := rb.Field(col); col++; return b }
	appendStr(next(), d.str())
	next().(*array.StringBuilder).Append(s.ID)
	if v := d.uvarint(); v < uint64(len(g.versions)) {
		next().(*array.StringBuilder).Append(g.versions[v])
	} else {
		return errCorruptRow
	}
	appendStr(next(), d.str())
	next().(*array.Int32Builder).Append(int32(d.varint()))
	for i := 0; i < 2; i++ {
		b := next().(*array.TimestampBuilder)
		if ms := d.varint(); ms == math.MinInt64 {
			b.AppendNull()
		} else {
			b.Append(arrow.Timestamp(ms))
		}
	}
	nStr := len(s.Hidden)
	if s.Invitations != nil {
		nStr++ // the invitation id
	}
	if len(s.Endings) > 0 {
		nStr++ // the ending reached
	}
	for range nStr {
		b := next()
		if d.tag() {
			appendStr(b, d.str())
		} else {
			b.AppendNull()
		}
	}
	for _, v := range s.Vars {
		dict := g.dicts.values[col]
		b := next()
		if !d.tag() {
			b.AppendNull()
			continue
		}
		code := func() int32 {
			i := d.uvarint()
			if i >= uint64(dict.Len()) {
				d.err = errCorruptRow
			}
			return int32(i)
		}
		switch v.Kind {
		case ir.VarCode:
			b.(*array.Int32Builder).Append(code())
		case ir.VarString:
			appendStr(b, d.str())
		case ir.VarDate:
			b.(*array.Date32Builder).Append(arrow.Date32(d.varint()))
		case ir.VarCodes:
			lb := b.(*array.ListBuilder)
			lb.Append(true)
			vb := lb.ValueBuilder().(*array.Int32Builder)
			for n := d.uvarint(); n > 0 && d.err == nil; n-- {
				vb.Append(code())
			}
		case ir.VarInt:
			b.(*array.Int64Builder).Append(d.varint())
		case ir.VarFloat:
			if len(d.b) < 8 {
				return errCorruptRow
			}
			b.(*array.Float64Builder).Append(math.Float64frombits(binary.LittleEndian.Uint64(d.b)))
			d.b = d.b[8:]
		case ir.VarBool:
			if len(d.b) < 1 {
				return errCorruptRow
			}
			b.(*array.BooleanBuilder).Append(d.b[0] == 1)
			d.b = d.b[1:]
		}
	}
	return d.err
}

// appendStr appends a string value from its bytes.
func appendStr(b array.Builder, v []byte) {
	b.(*array.StringBuilder).BinaryBuilder.Append(v)
}
