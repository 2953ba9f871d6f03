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
