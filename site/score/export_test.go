package score

import (
	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/parquet/file"

	"github.com/opros/opros/compiler/ir"
)

// Respondent is one row of a data file as scoring weighs it, for the
// cross-checks in package score_test.
type Respondent struct {
	ID     string
	Wave   int
	Base   float64 // the weight column's value, or 1 (baseWeight's rules)
	Weight float64 // Base times the raking factor of the respondent's cell
	Values []any   // the requested columns: string, float64, bool or nil
}

// Respondents reads every row of the files with the weight scoring gives
// it: the raking factors are fitted by the same two passes as Compute (the
// cell table merged in file and row-group order, then fit), and each row's
// weight is taken as scoreBatch takes it.
func Respondents(s *ir.Survey, files []string, columns []string) ([]Respondent, error) {
	m := newModel(s)
	weightName := s.Bench.Weight
	var groups [][2]any
	for _, f := range files {
		pf, err := file.OpenParquetFile(f, false)
		if err != nil {
			return nil, err
		}
		n := pf.NumRowGroups()
		pf.Close()
		for rg := 0; rg < n; rg++ {
			groups = append(groups, [2]any{f, rg})
		}
	}
	if m.rake != nil {
		all := m.rake.newTable()
		for _, g := range groups {
			t := m.rake.newTable()
			err := eachBatch(g[0].(string), g[1].(int), m.rake.columns(weightName), func(rec arrow.Record) error {
				return m.rake.countBatch(rec, weightName, t)
			})
			if err != nil {
				return nil, err
			}
			all.merge(t)
		}
		m.rake.fit(all)
	}
	var out []Respondent
	for _, g := range groups {
		err := eachBatch(g[0].(string), g[1].(int), nil, func(rec arrow.Record) error {
			ids, _ := column(rec, "response_id").(*array.String)
			waves, _ := column(rec, "wave").(*array.Int32)
			if ids == nil || waves == nil {
				return errorText.Errorf(errNoIDColumns)
			}
			var weightCol arrow.Array
			if weightName != "" {
				weightCol = column(rec, weightName)
			}
			var marginCols []strColumn
			if m.rake != nil {
				for _, mg := range m.rake.margins {
					marginCols = append(marginCols, newStrColumn(column(rec, mg.Field)))
				}
			}
			cols := make([]arrow.Array, len(columns))
			for c, name := range columns {
				cols[c] = column(rec, name)
			}
			for i := 0; i < int(rec.NumRows()); i++ {
				r := Respondent{ID: ids.Value(i), Wave: int(waves.Value(i)), Base: baseWeight(weightCol, i)}
				r.Weight = r.Base
				if m.rake != nil {
					r.Weight = m.rake.weightOf(r.Base, r.Wave, m.rake.cellOf(marginCols, i))
				}
				for _, col := range cols {
					r.Values = append(r.Values, cell(col, i))
				}
				out = append(out, r)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
