package score

import (
	"sort"
	"strconv"
	"strings"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"

	"github.com/opros/opros/compiler/ir"
)

// Record is one response as a participant's drill-down shows it
// (report { records = true }): its id, when it was submitted and the
// value of each column asked for, as text.
type Record struct {
	ID        string            `json:"id"`
	Submitted string            `json:"submitted_at,omitempty"` // UTC, "2006-01-02 15:04"; "" when unknown
	Values    map[string]string `json:"values,omitempty"`       // by column; a missing answer is absent
}

// Records reads the records of each participant in one wave from the data
// files, in a pass of its own over only the columns it needs (response id,
// wave, submitted_at, the participant field and cols). Compute never keeps
// rows; this pass keeps every record of the wave, so it is meant for a
// drill-down of hundreds or thousands of records per participant (visits
// of a mystery-shopping study), not for a survey of a million customers,
// and the report reads it only when the survey asks for records. Each
// participant's records are sorted by time, then id.
func Records(s *ir.Survey, files []string, wave int, cols []string) (map[string][]Record, error) {
	part := s.Bench.Participant
	if part == "" {
		return nil, nil
	}
	names := append([]string{"response_id", "wave", "submitted_at", part}, cols...)
	out := map[string][]Record{}
	for _, f := range files {
		n, _, err := checkFile(s, f, nil)
		if err != nil {
			return nil, err
		}
		for rg := 0; rg < n; rg++ {
			err := eachBatch(f, rg, names, func(rec arrow.Record) error {
				ids, _ := column(rec, "response_id").(*array.String)
				waves, _ := column(rec, "wave").(*array.Int32)
				if ids == nil || waves == nil {
					return errorText.Errorf(errNoIDColumns)
				}
				submitted, _ := column(rec, "submitted_at").(*array.Timestamp)
				who := newStrColumn(column(rec, part))
				data := make([]arrow.Array, len(cols))
				for k, c := range cols {
					data[k] = column(rec, c)
				}
				for i := 0; i < int(rec.NumRows()); i++ {
					name, ok := who.value(i)
					if !ok || int(waves.Value(i)) != wave {
						continue
					}
					r := Record{ID: ids.Value(i), Values: map[string]string{}}
					if submitted != nil && submitted.IsValid(i) {
						unit := submitted.DataType().(*arrow.TimestampType).Unit
						r.Submitted = submitted.Value(i).ToTime(unit).UTC().Format("2006-01-02 15:04")
					}
					for k, c := range cols {
						if v, ok := textOf(data[k], i); ok {
							r.Values[c] = v
						}
					}
					out[name] = append(out[name], r)
				}
				return nil
			})
			if err != nil {
				return nil, err
			}
		}
	}
	for _, rs := range out {
		sort.Slice(rs, func(i, j int) bool {
			if rs[i].Submitted != rs[j].Submitted {
				return rs[i].Submitted < rs[j].Submitted
			}
			return rs[i].ID < rs[j].ID
		})
	}
	return out, nil
}

// textOf is row i of a column as text: codes as codes, a list of codes
// joined by ", ", numbers as written, dates as 2006-01-02.
func textOf(col arrow.Array, i int) (string, bool) {
	if col == nil || col.IsNull(i) {
		return "", false
	}
	switch a := col.(type) {
	case *array.List:
		start, end := a.ValueOffsets(i)
		var parts []string
		for j := start; j < end; j++ {
			if v, ok := textOf(a.ListValues(), int(j)); ok {
				parts = append(parts, v)
			}
		}
		return strings.Join(parts, ", "), true
	case *array.Date32:
		return a.Value(i).ToTime().Format("2006-01-02"), true
	}
	switch v := cell(col, i).(type) {
	case string:
		return v, true
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64), true
	case bool:
		return strconv.FormatBool(v), true
	}
	return "", false
}
