package ir

// OptionsFrom is a question's options_from block: carry forward (XLSForm
// choice_filter over an earlier selection, Qualtrics carry forward,
// SurveyJS choicesFromQuestion). The question's first options are copies
// of Question's (its Carried options, code and label), and a respondent is
// offered one of them only if Question offered it and it was chosen there
// (Take TakeChosen) or not (TakeNotChosen). The data column keeps every
// option, so its layout never depends on the answers.
type OptionsFrom struct {
	Question string `json:"question"`
	Take     string `json:"take"`
	Range    Range  `json:"range"`
}

// What an options_from block takes from its question.
const (
	TakeChosen    = "chosen"
	TakeNotChosen = "not_chosen"
)

// OffersByAnswer reports whether which options q offers depends on the
// answers: it carries options forward, or an option has a show_if. Such a
// question with none offered is skipped like one hidden by its show_if.
func (q *Question) OffersByAnswer() bool {
	if q.OptionsFrom != nil {
		return true
	}
	for i := range q.Options {
		if q.Options[i].ShowIf != nil {
			return true
		}
	}
	return false
}

// Offered says, option by option, which of q's options a respondent is
// offered: a carried option when the source question offered it
// (sourceOffered) and its answer holds the code (not, for TakeNotChosen);
// any other option when its show_if holds or it has none. env reads the
// answers as conditions do (a hidden question is nil). form.js's offered
// does the same; it is nil for a question that offers every option.
func (q *Question) Offered(env Env, sourceOffered func(code string) bool) []bool {
	if !q.OffersByAnswer() {
		return nil
	}
	out := make([]bool, len(q.Options))
	var chosen any
	if q.OptionsFrom != nil {
		chosen = env(q.OptionsFrom.Question)
	}
	for i := range q.Options {
		o := &q.Options[i]
		if o.Carried {
			out[i] = sourceOffered(o.Code) && holds(chosen, o.Code) == (q.OptionsFrom.Take == TakeChosen)
			continue
		}
		out[i] = o.ShowIf == nil || Truthy(o.ShowIf.Eval(env))
	}
	return out
}

// holds reports whether an answer (a code, or a list of codes) has code.
func holds(answer any, code string) bool {
	switch v := answer.(type) {
	case string:
		return v == code
	case []string:
		for _, c := range v {
			if c == code {
				return true
			}
		}
	}
	return false
}

// AnyOffered reports whether an Offered result offers anything (nil: all).
func AnyOffered(offered []bool) bool {
	if offered == nil {
		return true
	}
	for _, ok := range offered {
		if ok {
			return true
		}
	}
	return false
}

// MayOfferNone reports whether q can be left with no option to offer, and
// so skipped: what it offers depends on the answers, and every option of
// its own (not carried) has a show_if.
func (q *Question) MayOfferNone() bool {
	if !q.OffersByAnswer() {
		return false
	}
	for i := range q.Options {
		if !q.Options[i].Carried && q.Options[i].ShowIf == nil {
			return false
		}
	}
	return true
}
