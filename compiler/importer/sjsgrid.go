package importer

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// A SurveyJS matrixdropdown asks a cell per row and column, each column
// with its own cellType (dropdown unless the matrix's cellType says
// otherwise). opros has one kind of cell per question (docs/language.md,
// grid and matrix_multi), so it becomes
//   - a grid with input = "dropdown" when every column is a dropdown (or
//     radio buttons, listed) over the same choices;
//   - a grid of numbers when every column is a text cell with inputType
//     number (min and max carried when every column has the same);
//   - a matrix_multi when its one column is a checkbox (the choices are
//     the boxes), or every column is a checkbox of one choice (the columns
//     are the boxes);
//
// and anything else is dropped with the reason.

// gridColumnKeys are the column properties the import reads.
var gridColumnKeys = map[string]bool{"name": true, "title": true, "cellType": true, "choices": true, "inputType": true, "min": true, "max": true}

// grid reads a matrixdropdown into q; false when it is dropped.
func (j *sjsImport) grid(q *question, em map[string]any, path, name string) bool {
	at := Place{Path: path}
	cols, _ := em["columns"].([]any)
	rows, _ := em["rows"].([]any)
	q.rows, _ = j.itemsWith(rows, path+".rows", name, map[string]string{}, true)
	def, _ := em["cellType"].(string)
	if def == "" {
		def = "dropdown"
	}
	type column struct {
		m    map[string]any
		at   string
		kind string // dropdown, number, checkbox
	}
	var columns []column
	kinds := map[string]bool{}
	radio := false
	for i, c := range cols {
		m, ok := c.(map[string]any)
		if !ok || scalar(m["name"]) == "" {
			continue
		}
		ct, _ := m["cellType"].(string)
		if ct == "" || ct == "default" {
			ct = def
		}
		kind := ct
		switch ct {
		case "dropdown":
		case "radiogroup":
			kind, radio = "dropdown", true
		case "checkbox":
		case "text":
			if it, _ := m["inputType"].(string); it != "number" {
				j.drop(at, msgDropGridCell, name, ct)
				return false
			}
			kind = "number"
		default:
			j.drop(at, msgDropGridCell, name, ct)
			return false
		}
		kinds[kind] = true
		columns = append(columns, column{m, fmt.Sprintf("%s.columns[%d]", path, i), kind})
	}
	if len(columns) == 0 || len(q.rows) == 0 {
		j.drop(at, msgDropEmptyList, name)
		return false
	}
	if len(kinds) > 1 {
		var list []string
		for k := range kinds {
			list = append(list, k)
		}
		sort.Strings(list)
		j.drop(at, msgDropGridMixed, name, strings.Join(list, ", "))
		return false
	}
	// choices of a column, its own or the matrix's, and as compared.
	choicesOf := func(c column) ([]any, string, string) {
		if list, ok := c.m["choices"].([]any); ok && len(list) > 0 {
			b, _ := json.Marshal(list)
			return list, c.at + ".choices", string(b)
		}
		list, _ := em["choices"].([]any)
		b, _ := json.Marshal(list)
		return list, path + ".choices", string(b)
	}
	asItems := func() []any {
		var out []any
		for _, c := range columns {
			out = append(out, map[string]any{"value": c.m["name"], "text": c.m["title"]})
		}
		return out
	}
	for _, c := range columns {
		for _, k := range sortedKeys(c.m) {
			if !gridColumnKeys[k] || (k == "min" || k == "max") && c.kind != "number" {
				j.drop(Place{Path: c.at + "." + k}, msgDropProperty, k, brief(c.m[k]))
			}
		}
	}
	switch {
	case kinds["dropdown"]:
		list, from, first := choicesOf(columns[0])
		for _, c := range columns[1:] {
			if _, _, other := choicesOf(c); other != first {
				j.drop(at, msgDropGridChoices, name)
				return false
			}
		}
		q.typ, q.input = "grid", "dropdown"
		q.options = j.items(list, from, name, map[string]string{})
		if len(q.options) == 0 {
			j.drop(at, msgDropEmptyList, name)
			return false
		}
		q.gridColumns, _ = j.itemsWith(asItems(), path+".columns", name, map[string]string{}, true)
		if radio {
			j.change(at, msgChangeGridRadio, name)
		}
	case kinds["number"]:
		q.typ = "grid"
		q.gridColumns, _ = j.itemsWith(asItems(), path+".columns", name, map[string]string{}, true)
		for _, k := range []string{"min", "max"} {
			v := brief(columns[0].m[k])
			same := true
			for _, c := range columns[1:] {
				same = same && brief(c.m[k]) == v
			}
			if !same {
				for _, c := range columns {
					if c.m[k] != nil {
						j.drop(Place{Path: c.at + "." + k}, msgDropProperty, k, brief(c.m[k]))
					}
				}
				continue
			}
			if k == "min" {
				q.min = floatOf(columns[0].m[k])
			} else {
				q.max = floatOf(columns[0].m[k])
			}
		}
	default: // checkboxes
		q.typ = "matrix_multi"
		if len(columns) == 1 {
			list, from, _ := choicesOf(columns[0])
			q.options = j.items(list, from, name, map[string]string{})
		} else {
			for _, c := range columns {
				if list, _, _ := choicesOf(c); len(list) != 1 {
					j.drop(at, msgDropGridBoxes, name)
					return false
				}
			}
			q.options = j.items(asItems(), path+".columns", name, map[string]string{})
		}
		if len(q.options) == 0 {
			j.drop(at, msgDropEmptyList, name)
			return false
		}
	}
	return true
}
