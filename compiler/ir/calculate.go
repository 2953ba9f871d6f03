package ir

// Calculation is a calculate block: a named value computed from earlier
// answers and hidden fields (XLSForm calculate, SurveyJS calculated
// values), which later conditions, piped texts and rules read by its ID as
// they read an answer. The form and site/answer evaluate Value alike.
type Calculation struct {
	ID    string `json:"id"`
	Value *Expr  `json:"value"`
	Page  string `json:"page"` // the page it is written on, after the questions it may read
	Range Range  `json:"range"`
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
