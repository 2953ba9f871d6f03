package ir

// Calculation is a calculate block: a named value computed from earlier
// answers and hidden fields (XLSForm calculate, SurveyJS calculated
// values), which later conditions, piped texts, rules and index formulas
// read by its ID as they read an answer. The form and site/answer evaluate
// Value alike; the data stores it in a column of its own (a Variable with
// role "calc"), which ingest computes from the answers.
type Calculation struct {
	ID    string `json:"id"`
	Value *Expr  `json:"value"`
	// Type is the type of every value Value can have besides null:
	// "number", "bool" or "string" (the compiler refuses any other), and
	// so its column's: VarFloat, VarBool or VarString (CalcKind).
	Type  string `json:"type"`
	Page  string `json:"page"` // the page it is written on, after the questions it may read
	Range Range  `json:"range"`
}

// RoleCalc is the Variable.Role of a calculation's column: Name is the
// calculation's ID, Question is empty, and the form does not send it;
// ingest computes it from the answers (site/answer.Calculate).
const RoleCalc = "calc"

// CalcKind is the column kind of a calculation of type t, "" for a type
// the data cannot hold.
func CalcKind(t string) string {
	switch t {
	case "number":
		return VarFloat
	case "bool":
		return VarBool
	case "string":
		return VarString
	}
	return ""
}

// Calculation returns the calculation with that ID, or nil.
func (s *Survey) Calculation(id string) *Calculation {
	for i := range s.Calculations {
		if s.Calculations[i].ID == id {
			return &s.Calculations[i]
		}
	}
	return nil
}

// AsQuestion is the question a calculation's column reads like where
// answers are counted (site/score's question figures, site/report's
// question pages): a number question for a number, a boolean question
// whose answers read true and false for true/false, a text question for
// a text. Nobody is asked it: it is on no page's list of questions.
func (c *Calculation) AsQuestion() *Question {
	q := &Question{ID: c.ID, Type: TextQ, Page: c.Page, Text: Text{"en": c.ID}}
	switch c.Type {
	case "number":
		q.Type = Number
	case "bool":
		q.Type = Boolean
		q.TrueLabel, q.FalseLabel = Text{"en": "true"}, Text{"en": "false"}
	}
	return q
}
