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
