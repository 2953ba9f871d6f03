package collect

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/site/answer"
)

// ownMessage is the survey's own words for a refused answer of the form
// without JavaScript, as form.js would show them: the question's messages
// block (or its pattern message) in the form's language, after the
// question's text (a page's validate rule's after the page's title); ""
// when the survey has none for that check.
func ownMessage(s *ir.Survey, e answer.FieldError, form url.Values) string {
	if id, ok := strings.CutPrefix(e.Field, "pages."); ok && e.Code == "page_rule" {
		r := answer.BrokenPageRule(s, answer.DecodeForm(form, s), id)
		if r == nil {
			return ""
		}
		lang := form.Get("_lang")
		for _, p := range s.Pages {
			if t := p.Title.Get(lang); p.ID == id && t != "" {
				return answer.Piped(t, s, answer.DecodeForm(form, s)) + ": " + r.Message.Get(lang)
			}
		}
		return r.Message.Get(lang)
	}
	q := s.Question(strings.TrimPrefix(e.Field, "answers."))
	if e.Code == "duplicate_rank" { // said of the item's box, worded by its ranking
		q = rankingOf(s, strings.TrimPrefix(e.Field, "answers."))
	}
	if q == nil || !strings.HasPrefix(e.Field, "answers.") {
		return ""
	}
	lang := form.Get("_lang")
	var key, n string
	switch e.Code {
	case "rule":
		if r := answer.BrokenRule(s, answer.DecodeForm(form, s), q.ID); r != nil {
			return q.Text.Get(lang) + ": " + r.Message.Get(lang)
		}
		return ""
	case "required":
		key = "required"
	case "too_few":
		key, n = "min_select", strconv.Itoa(q.MinSelect)
	case "too_many":
		key, n = "max_select", strconv.Itoa(q.MaxSelect)
	case "too_short":
		key, n = "min_length", strconv.Itoa(q.MinLength)
	case "too_long":
		key, n = "max_length", strconv.Itoa(q.MaxLength)
	case "pattern":
		if t := q.PatternMessage.Get(lang); t != "" {
			return q.Text.Get(lang) + ": " + t
		}
		return ""
	case "wrong_total":
		key, n = "total", strconv.FormatFloat(q.Total, 'f', -1, 64)
	case "rank_gap", "duplicate_rank":
		key = "rank_gap"
	case "out_of_range":
		v, err := strconv.ParseFloat(strings.Replace(form.Get(q.ID), ",", ".", 1), 64)
		switch {
		case err != nil || q.Type != ir.Number:
			return ""
		case q.Min != nil && v < *q.Min:
			key, n = "min", strconv.FormatFloat(*q.Min, 'f', -1, 64)
		case q.Max != nil && v > *q.Max:
			key, n = "max", strconv.FormatFloat(*q.Max, 'f', -1, 64)
		}
	}
	t := q.Messages[key].Get(lang)
	if t == "" {
		return ""
	}
	return q.Text.Get(lang) + ": " + strings.ReplaceAll(t, "{n}", n)
}

// rankingOf is the ranking question one of whose boxes is key, or nil.
func rankingOf(s *ir.Survey, key string) *ir.Question {
	for _, q := range s.Questions() {
		if q.Type != ir.Ranking {
			continue
		}
		for _, it := range q.Items {
			if q.ItemKey(it.Code) == key {
				return q
			}
		}
	}
	return nil
}
