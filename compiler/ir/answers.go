package ir

// AnswerOptions are the answers a question's answer is one of, as options
// in the order shown: its Options, or for a boolean question yes and no
// as options coded "true" and "false" with its labels, so that
// statistics, codebooks and reports treat both alike.
func (q *Question) AnswerOptions() []Option {
	if q.Type == Boolean {
		return []Option{{Code: "true", Label: q.TrueLabel}, {Code: "false", Label: q.FalseLabel}}
	}
	return q.Options
}

// AnswerOption returns the answer option with the given code (see
// AnswerOptions), or nil.
func (q *Question) AnswerOption(code string) *Option {
	if q.Type != Boolean {
		return q.Option(code)
	}
	for _, o := range q.AnswerOptions() {
		if o.Code == code {
			return &o
		}
	}
	return nil
}

// HasBoxes reports whether a question type's answer is a box per item,
// each under its own key (ItemKey): inputs, constant_sum and ranking (a
// rank per item).
func HasBoxes(t string) bool { return t == Inputs || t == ConstantSum || t == Ranking }

// ItemKey is the answers key and data column of one box of an inputs
// question: <q>_<item>, named like a matrix row's column.
func (q *Question) ItemKey(item string) string { return q.ID + "_" + item }

// RoleOrder is the Variable.Role of a ranking's order: the codes of the
// items ranked, in rank order, separated by spaces ("reach cost"), in a
// string column named as the question, beside each item's rank in a
// column of its own. Ingest writes it from the ranks (the forms send a
// rank per item); readers get the order without sorting ranks, and
// DuckDB's string_split(q, ' ')[1] is the item ranked first.
const RoleOrder = "order"

// ItemKind is the column kind of an inputs question's boxes.
func (q *Question) ItemKind() string {
	switch {
	case q.Input != InputNumber:
		return VarString
	case q.Integer:
		return VarInt
	}
	return VarFloat
}

// HasCells reports whether a question type's answer is a value per row
// and column, each cell under its own key (Question.Cells): matrix_multi
// (a checkbox per row and option) and grid.
func HasCells(t string) bool { return t == MatrixMulti || t == Grid }

// CellRef names one cell of a matrix_multi or grid question: its row's
// code and its column's (a matrix_multi's column is an option).
type CellRef struct {
	Row string `json:"row"`
	Col string `json:"col"`
}

// Cell is one cell of a matrix_multi or grid question with its answers
// key and data column.
type Cell struct {
	CellRef
	Key string // <q>_<row>_<col>, named like a matrix row's column
}

// CellColumns are the columns of a matrix_multi (its options) or grid
// question (its Cols), as rows: code and label.
func (q *Question) CellColumns() []Row {
	if q.Type == Grid {
		return q.Cols
	}
	cols := make([]Row, len(q.Options))
	for i, o := range q.Options {
		cols[i] = Row{Code: o.Code, Label: o.Label, Range: o.Range}
	}
	return cols
}

// Cells lists a matrix_multi or grid question's cells row by row, in the
// order shown (nil for other types).
func (q *Question) Cells() []Cell {
	if !HasCells(q.Type) {
		return nil
	}
	cols := q.CellColumns()
	out := make([]Cell, 0, len(q.Rows)*len(cols))
	for _, r := range q.Rows {
		for _, c := range cols {
			out = append(out, Cell{CellRef: CellRef{Row: r.Code, Col: c.Code}, Key: q.CellKey(r.Code, c.Code)})
		}
	}
	return out
}

// CellLabel names a cell in lang as codebooks and exports do: "row —
// column" (for a matrix_multi, "row — option").
func (q *Question) CellLabel(c CellRef, lang string) string {
	var row, col string
	for _, r := range q.Rows {
		if r.Code == c.Row {
			row = r.Label.Get(lang)
		}
	}
	for _, k := range q.CellColumns() {
		if k.Code == c.Col {
			col = k.Label.Get(lang)
		}
	}
	return row + " — " + col
}

// CellKey is the answers key and data column of one cell: <q>_<row>_<col>.
func (q *Question) CellKey(row, col string) string { return q.ID + "_" + row + "_" + col }

// CellKind is the column kind of a matrix_multi or grid question's cells:
// bool (checked or not), a code (a dropdown grid), int or float.
func (q *Question) CellKind() string {
	switch {
	case q.Type == MatrixMulti:
		return VarBool
	case q.Input == InputDropdown:
		return VarCode
	case q.Integer:
		return VarInt
	}
	return VarFloat
}

// OtherKey is the key, and column, of the question's "other" text
// (q_other) when one of its options is "other", else "". Readers ask
// this rather than append "_other": q_staff_other may be a question of its
// own beside a q_staff that has no "other" option.
func (q *Question) OtherKey() string {
	for _, o := range q.Options {
		if o.Other {
			return q.ID + "_other"
		}
	}
	return ""
}

// NAKey is the key, and column, of a scale's "not applicable" flag (q_na)
// when its scale has a missing choice, else "" (see OtherKey).
func (q *Question) NAKey() string {
	if q.Scale != nil && q.Scale.Missing != nil && (q.Type == Likert || q.Type == Scale || q.Type == NPS || q.Type == Rating) {
		return q.ID + "_na"
	}
	return ""
}
