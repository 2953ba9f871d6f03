package export

import (
	"context"
	"errors"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/apache/arrow/go/v15/parquet/file"
	"github.com/apache/arrow/go/v15/parquet/pqarrow"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/site/score"
)

// cell is one variable's value in one row: num for numbers, dates (Unix
// seconds) and flags, str for text; ok false when there is none.
type cell struct {
	num float64
	str string
	ok  bool
}

// batchRows is how many rows the reader decodes at a time: memory stays
// flat in the number of rows.
const batchRows = 16384

// checkFile checks that path holds answers to s the export can read as
// s's, by the rule opros report applies (score.CheckFile), and returns its
// number of rows.
func checkFile(s *ir.Survey, path string) (int64, error) {
	if err := score.CheckFile(s, path); err != nil {
		return 0, err
	}
	f, err := file.OpenParquetFile(path, false)
	if err != nil {
		return 0, errorText.Errorf(errDataFile, path, err)
	}
	defer f.Close()
	return f.NumRows(), nil
}

// Problems counts what the export could not write as the data held it;
// the command says each on stderr.
type Problems struct {
	// UnknownCodes are answers whose code is not an option of the survey
	// (by variable), written as missing.
	UnknownCodes map[string]int
	// BadWeights are weights (a hidden field) that are not numbers,
	// written as missing.
	BadWeights int
	// NoColumn are variables a data file has no column for (by file),
	// written as missing in its rows.
	NoColumn map[string][]string
	// OtherKind are variables of a kind the export does not know,
	// written as text.
	OtherKind []string
	// LongLabels are labels cut to SPSS's limits (.sav only): variable
	// labels and value labels to 255 bytes.
	LongLabels int
	// LongTexts are texts wider than their variable, cut (.sav only): a
	// text over SPSS's widest string (32,767 bytes), or a response id over
	// the 64 bytes opros allows in a file another tool wrote.
	LongTexts int
	// ExtraMissing are variables with more user-missing codes than SPSS
	// holds (three, or a range): the first three are marked (.sav only).
	ExtraMissing []string
}

func (p *Problems) unknown(name string) {
	if p.UnknownCodes == nil {
		p.UnknownCodes = map[string]int{}
	}
	p.UnknownCodes[name]++
}

func (p *Problems) noColumn(path, name string) {
	if p.NoColumn == nil {
		p.NoColumn = map[string][]string{}
	}
	if !slices.Contains(p.NoColumn[path], name) {
		p.NoColumn[path] = append(p.NoColumn[path], name)
	}
}

// add counts o's problems into p (a piece's, read on another goroutine).
func (p *Problems) add(o *Problems) {
	for name, n := range o.UnknownCodes {
		for range n {
			p.unknown(name)
		}
	}
	p.BadWeights += o.BadWeights
	p.LongTexts += o.LongTexts
	for path, names := range o.NoColumn {
		for _, name := range names {
			p.noColumn(path, name)
		}
	}
}

// piece is one row group of one data file: the unit read at a time, and
// on its own goroutine when the work is spread over the CPUs.
type piece struct {
	path string
	rg   int
}

func piecesOf(files []string) ([]piece, error) {
	var out []piece
	for _, path := range files {
		f, err := file.OpenParquetFile(path, false)
		if err != nil {
			return nil, errorText.Errorf(errDataFile, path, err)
		}
		for rg := 0; rg < f.NumRowGroups(); rg++ {
			out = append(out, piece{path, rg})
		}
		f.Close()
	}
	return out, nil
}

// eachRow reads the pieces in order and hands fn each row's cells, one
// per variable of d (the slice is reused).
func eachRow(d *Dictionary, pieces []piece, p *Problems, only func(*Variable) bool, fn func(row []cell) error) error {
	row := make([]cell, len(d.Vars))
	for _, pc := range pieces {
		if err := readPiece(d, pc, p, only, row, fn); err != nil {
			return err
		}
	}
	return nil
}

// readPiece reads one row group a record batch at a time (only the
// columns of the variables only keeps, all when it is nil) and hands fn
// each row's cells in row.
func readPiece(d *Dictionary, pc piece, p *Problems, only func(*Variable) bool, row []cell, fn func(row []cell) error) error {
	f, err := file.OpenParquetFile(pc.path, false)
	if err != nil {
		return errorText.Errorf(errDataFile, pc.path, err)
	}
	defer f.Close()
	schema := f.MetaData().Schema
	var cols []int
	seen := map[int]bool{}
	for _, v := range d.Vars {
		if only != nil && !only(v) {
			continue
		}
		c := schema.ColumnIndexByName(v.Column)
		if c < 0 {
			// A list column's leaf is named column.list.element.
			c = schema.ColumnIndexByName(v.Column + ".list.element")
		}
		if c < 0 {
			p.noColumn(pc.path, v.Name)
			continue
		}
		if !seen[c] {
			seen[c] = true
			cols = append(cols, c)
		}
	}
	if len(cols) == 0 {
		return nil
	}
	fr, err := pqarrow.NewFileReader(f, pqarrow.ArrowReadProperties{BatchSize: batchRows}, memory.NewGoAllocator())
	if err != nil {
		return errorText.Errorf(errDataFile, pc.path, err)
	}
	rr, err := fr.GetRecordReader(context.Background(), cols, []int{pc.rg})
	if err != nil {
		return errorText.Errorf(errDataFile, pc.path, err)
	}
	defer rr.Release()
	readers := make([]func(int) cell, len(d.Vars))
	for rr.Next() {
		rec := rr.Record()
		for k, v := range d.Vars {
			readers[k] = nil
			if only != nil && !only(v) {
				continue
			}
			if idx := rec.Schema().FieldIndices(v.Column); len(idx) > 0 {
				readers[k] = reader(v, rec.Column(idx[0]), p)
			} else {
				readers[k] = func(int) cell { return cell{} }
			}
		}
		for i := 0; i < int(rec.NumRows()); i++ {
			for k, r := range readers {
				if r != nil {
					row[k] = r(i)
				}
			}
			if err := fn(row); err != nil {
				return err
			}
		}
	}
	if err := rr.Err(); err != nil && !errors.Is(err, io.EOF) {
		return errorText.Errorf(errDataFile, pc.path, err)
	}
	return nil
}

// reader returns the function that reads v's cell of row i from col. Work
// that depends only on the batch (a dictionary's codes as values) is done
// here once.
func reader(v *Variable, col arrow.Array, p *Problems) func(int) cell {
	switch a := col.(type) {
	case *array.Dictionary:
		vals, ok := a.Dictionary().(*array.String)
		if !ok {
			break
		}
		if v.codes == nil { // a text column stored as a dictionary
			return func(i int) cell {
				if a.IsNull(i) {
					return cell{}
				}
				return cell{str: vals.Value(a.GetValueIndex(i)), ok: true}
			}
		}
		byIndex := make([]cell, vals.Len())
		for k := range byIndex {
			if x, ok := v.codes[vals.Value(k)]; ok {
				byIndex[k] = cell{num: x, ok: true}
			}
		}
		return func(i int) cell {
			if a.IsNull(i) {
				return cell{}
			}
			c := byIndex[a.GetValueIndex(i)]
			if !c.ok {
				p.unknown(v.Name)
			}
			return c
		}
	case *array.String:
		switch {
		case v.codes != nil: // a code column written by another tool
			return func(i int) cell {
				if a.IsNull(i) {
					return cell{}
				}
				x, ok := v.codes[a.Value(i)]
				if !ok {
					p.unknown(v.Name)
				}
				return cell{num: x, ok: ok}
			}
		case v.Weight && v.Type == Numeric: // a weight held by a hidden field
			return func(i int) cell {
				if a.IsNull(i) || a.Value(i) == "" {
					return cell{}
				}
				x, err := strconv.ParseFloat(strings.TrimSpace(a.Value(i)), 64)
				if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
					p.BadWeights++
					return cell{}
				}
				return cell{num: x, ok: true}
			}
		}
		return func(i int) cell {
			if a.IsNull(i) {
				return cell{}
			}
			return cell{str: a.Value(i), ok: true}
		}
	case *array.List:
		if v.Option == "" {
			break
		}
		vals, ok := a.ListValues().(*array.String)
		if !ok {
			break
		}
		want := v.Option
		return func(i int) cell {
			if a.IsNull(i) {
				return cell{}
			}
			start, end := a.ValueOffsets(i)
			for j := start; j < end; j++ {
				if vals.Value(int(j)) == want {
					return cell{num: 1, ok: true}
				}
			}
			return cell{num: 0, ok: true}
		}
	case *array.Int64:
		return func(i int) cell { return cell{num: float64(a.Value(i)), ok: a.IsValid(i)} }
	case *array.Int32:
		return func(i int) cell { return cell{num: float64(a.Value(i)), ok: a.IsValid(i)} }
	case *array.Float64:
		return func(i int) cell { return cell{num: a.Value(i), ok: a.IsValid(i)} }
	case *array.Boolean:
		return func(i int) cell {
			if a.IsNull(i) {
				return cell{}
			}
			if a.Value(i) {
				return cell{num: 1, ok: true}
			}
			return cell{num: 0, ok: true}
		}
	case *array.Date32:
		return func(i int) cell { return cell{num: float64(a.Value(i)) * 86400, ok: a.IsValid(i)} }
	case *array.Timestamp:
		unit := a.DataType().(*arrow.TimestampType).Unit
		scale := map[arrow.TimeUnit]float64{arrow.Second: 1, arrow.Millisecond: 1e3, arrow.Microsecond: 1e6, arrow.Nanosecond: 1e9}[unit]
		return func(i int) cell { return cell{num: float64(a.Value(i)) / scale, ok: a.IsValid(i)} }
	}
	// A column of another type than the kind says: written as text, so
	// nothing is lost; a number variable cannot hold it, and counts it.
	if v.Type != String {
		return func(i int) cell {
			if col.IsValid(i) {
				p.unknown(v.Name)
			}
			return cell{}
		}
	}
	return func(i int) cell {
		if col.IsNull(i) {
			return cell{}
		}
		return cell{str: col.ValueStr(i), ok: true}
	}
}
