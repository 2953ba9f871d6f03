package form

import (
	"strings"

	"github.com/opros/opros/compiler/ir"
)

// Carry forward and option conditions in the form (ir.Question.Offered):
// form.js hides the options a respondent is not offered and skips a
// question left with none; the form without JavaScript shows every option
// with a note in words (never the condition itself), and the endpoint
// refuses an option that was not offered.

// fromData is what form.js needs of a question's options_from: the source
// question, how many of the question's first options are carried, and
// whether those not chosen there are the ones offered.
type fromData struct {
	Q   string `json:"q"`
	N   int    `json:"n"`
	Not bool   `json:"not,omitempty"`
}

// offerData gives form.js a question's carry forward and option conditions.
func offerData(d *questionData, q *ir.Question) {
	if f := q.OptionsFrom; f != nil {
		d.From = &fromData{Q: f.Question, Not: f.Take == ir.TakeNotChosen}
		for _, o := range q.Options {
			if o.Carried {
				d.From.N++
			}
		}
	}
	for _, o := range q.Options {
		if o.ShowIf != nil {
			if d.OptIf == nil {
				d.OptIf = map[string]*ir.Expr{}
			}
			d.OptIf[o.Code] = o.ShowIf
		}
	}
}

// offerView lays a question out as form.js will leave it before any
// answer (options not offered then are left out of the first paint, and
// the question too when none is) and words the note for the form without
// JavaScript, which shows every option: which carried options apply, and
// that some options depend on earlier answers. Such a question cannot be
// natively required there: it may be skipped.
func offerView(qv *questionView, s *ir.Survey, q *ir.Question, lang string, ui map[string]string, atStart ir.Env) {
	if !q.OffersByAnswer() {
		return
	}
	qv.NativeRequired, qv.ChoiceRequired = false, false
	offered := q.Offered(atStart, func(string) bool { return true })
	some := false
	for i := range qv.Options {
		qv.Options[i].Later = !offered[i]
		some = some || offered[i]
	}
	qv.StartsHidden = qv.StartsHidden || !some
	var notes []string
	if f := q.OptionsFrom; f != nil {
		key := "carried"
		if f.Take == ir.TakeNotChosen {
			key = "carried_not"
		}
		source := ""
		if src := s.Question(f.Question); src != nil {
			source = ir.Unpiped(src.Text.Get(lang))
		}
		notes = append(notes, strings.ReplaceAll(ui[key], "{q}", source))
	}
	for _, o := range q.Options {
		if o.ShowIf != nil {
			notes = append(notes, ui["options_if"])
			break
		}
	}
	note := strings.Join(notes, " ")
	if qv.Condition == "" {
		qv.Describe = strings.Replace(qv.Describe, q.ID+"-err", q.ID+"-cond "+q.ID+"-err", 1)
		qv.Condition = note
		return
	}
	qv.Condition += " " + note
}
