package export

import (
	"encoding/csv"
	"io"

	"github.com/opros/opros/compiler/codebook"
)

// writeCSV writes a header of variable names, then a row per response:
// codes as numbers (or their labels), text made safe for spreadsheets as
// the codebook's and the report's CSV files are (codebook.SafeCell).
func writeCSV(w io.Writer, d *Dictionary, labels bool, rows func(func([]cell) error) error) error {
	cw := csv.NewWriter(w)
	record := make([]string, len(d.Vars))
	for k, v := range d.Vars {
		record[k] = codebook.SafeCell(v.Name)
	}
	if err := cw.Write(record); err != nil {
		return err
	}
	err := rows(func(row []cell) error {
		for k, v := range d.Vars {
			text, words := v.text(row[k], labels)
			if words {
				text = codebook.SafeCell(text)
			}
			record[k] = text
		}
		return cw.Write(record)
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}
