package export

import (
	"io"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/opros/opros/compiler/codebook"
	"github.com/opros/opros/compiler/ir"
)

// maxColumns and maxRows are the widest and longest sheet Excel opens.
const (
	maxColumns = 16384
	maxRows    = 1048576
)

// writeXLSX writes a workbook of two sheets: "data", the variable names in
// its first row and their labels in the second, then a row per response
// (numbers as numbers, days and times as Excel dates, codes or, with
// labels, their labels); and "codebook", a row per variable and labelled
// value. Text goes through codebook.SafeCell as in the CSV files, so a
// sheet saved again as CSV carries no formula.
func writeXLSX(w io.Writer, s *ir.Survey, d *Dictionary, opts Options, rows func(func([]cell) error) error) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "data"); err != nil {
		return err
	}
	dayStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("yyyy-mm-dd")})
	if err != nil {
		return err
	}
	timeStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("yyyy-mm-dd hh:mm:ss")})
	if err != nil {
		return err
	}
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	sw, err := f.NewStreamWriter("data")
	if err != nil {
		return err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	names := make([]any, len(d.Vars))
	labels := make([]any, len(d.Vars))
	for k, v := range d.Vars {
		names[k] = excelize.Cell{StyleID: head, Value: codebook.SafeCell(v.Name)}
		labels[k] = codebook.SafeCell(v.Label)
	}
	if err := sw.SetRow("A1", names); err != nil {
		return err
	}
	if err := sw.SetRow("A2", labels); err != nil {
		return err
	}
	line := 3
	values := make([]any, len(d.Vars))
	err = rows(func(row []cell) error {
		for k, v := range d.Vars {
			c := row[k]
			switch {
			case !c.ok:
				values[k] = nil
			case v.Type == Date:
				values[k] = excelize.Cell{StyleID: dayStyle, Value: time.Unix(int64(c.num), 0).UTC()}
			case v.Type == DateTime:
				values[k] = excelize.Cell{StyleID: timeStyle, Value: time.Unix(int64(c.num), 0).UTC()}
			case v.Type == String:
				values[k] = codebook.SafeCell(c.str)
			default:
				values[k] = c.num
				if opts.Labels {
					if l, ok := v.labelOf(c.num); ok {
						values[k] = codebook.SafeCell(l)
					}
				}
			}
		}
		cellName, _ := excelize.CoordinatesToCellName(1, line)
		line++
		return sw.SetRow(cellName, values)
	})
	if err != nil {
		return err
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	if err := writeCodebookSheet(f, d, head); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	_, err = f.WriteTo(w)
	return err
}

// writeCodebookSheet lists each variable once per labelled value, so a
// filter on the variable shows its codes.
func writeCodebookSheet(f *excelize.File, d *Dictionary, head int) error {
	if _, err := f.NewSheet("codebook"); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter("codebook")
	if err != nil {
		return err
	}
	header := []any{}
	for _, h := range []string{"variable", "label", "type", "measure", "value", "value label", "code", "user-missing", "column"} {
		header = append(header, excelize.Cell{StyleID: head, Value: h})
	}
	if err := sw.SetRow("A1", header); err != nil {
		return err
	}
	line := 2
	put := func(vals ...any) error {
		for i, v := range vals {
			if s, ok := v.(string); ok {
				vals[i] = codebook.SafeCell(s)
			}
		}
		cellName, _ := excelize.CoordinatesToCellName(1, line)
		line++
		return sw.SetRow(cellName, vals)
	}
	for _, v := range d.Vars {
		base := []any{v.Name, v.Label, typeName[v.Type], measureName[v.Measure]}
		column := v.Column
		if v.Option != "" {
			column += " ∋ " + v.Option
		}
		if len(v.Labels) == 0 {
			if err := put(append(base, nil, nil, nil, nil, column)...); err != nil {
				return err
			}
			continue
		}
		for _, l := range v.Labels {
			missing := ""
			for _, m := range v.Missing {
				if m == l.Value {
					missing = "yes"
				}
			}
			row := append(append([]any(nil), base...), l.Value, l.Label, l.Code, missing, column)
			if err := put(row...); err != nil {
				return err
			}
		}
	}
	return sw.Flush()
}

var typeName = map[Type]string{Numeric: "numeric", String: "string", Date: "date", DateTime: "datetime"}

var measureName = map[int]string{Nominal: "nominal", Ordinal: "ordinal", Scale: "scale"}

func ptr(s string) *string { return &s }
