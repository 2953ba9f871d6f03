package ir

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/opros/opros/compiler/localize"
)

// PipeRef is a piped value in a text the respondent reads (question text,
// help, option label, intro, ending): {q} is question q's answer,
// {hidden.x} hidden field x, and {q|words} says words while q has no
// answer (else NoAnswer). Only identifier-shaped names are placeholders:
// any other braces are the author's text.
var PipeRef = regexp.MustCompile(`\{([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_-]*)?)(?:\|([^{}]*))?\}`)

// NoAnswer is what a piped value reads before it has one (without
// JavaScript, or while the question is unanswered or hidden), when the
// author gave no fallback: never the raw placeholder.
const NoAnswer = "—"

// Piped is one placeholder of a text.
type Piped struct {
	Ref      string // question ID, or "hidden.x"
	Fallback string // the author's words after "|"; "" for NoAnswer
}

// Pipes returns the placeholders of text in order.
func Pipes(text string) []Piped {
	var out []Piped
	for _, m := range PipeRef.FindAllStringSubmatch(text, -1) {
		out = append(out, Piped{Ref: m[1], Fallback: m[2]})
	}
	return out
}

// Pipeable reports whether a question's answer can be piped into a text:
// one value or a list of codes, not a matrix's rows or several boxes.
func Pipeable(t string) bool {
	return t != Matrix && !HasBoxes(t) && !HasCells(t)
}

// PipeText fills text's placeholders as the form does (form.js): a choice
// answer by its option labels in lang, joined by ", " for a multi; a
// boolean by its label; a number as JavaScript's String writes it (for
// the numbers people type, strconv's shortest form); anything else as
// given. env should read a question hidden by show_if as unanswered
// (site/answer's, as the form does).
func (s *Survey) PipeText(text, lang string, env Env) string {
	if !strings.Contains(text, "{") {
		return text
	}
	return PipeRef.ReplaceAllStringFunc(text, func(m string) string {
		sub := PipeRef.FindStringSubmatch(m)
		v := s.PipeValue(sub[1], lang, env)
		if v == "" {
			v = PipeFallback(sub[2])
		}
		return v
	})
}

// PipesNamed is text with each piped value named in brackets instead of
// filled in, as a researcher reads it away from any respondent (the
// report's pages, the codebook): "[answer to q_name]", "[value of c]" for
// a calculation, "[hidden field company]", in lang's words (Russian for
// "ru", else English). The form shows a fallback there instead, which
// would read as an answer.
func (s *Survey) PipesNamed(text, lang string) string {
	if !strings.Contains(text, "{") {
		return text
	}
	return PipeRef.ReplaceAllStringFunc(text, func(m string) string {
		ref := Pipes(m)[0].Ref
		what := localize.Phrase{En: "answer to ", Ru: "ответ на "}
		if id, ok := strings.CutPrefix(ref, "hidden."); ok {
			what, ref = localize.Phrase{En: "hidden field ", Ru: "скрытое поле "}, id
		} else if s.Calculation(ref) != nil {
			what = localize.Phrase{En: "value of ", Ru: "значение "}
		}
		return "[" + what.In(lang) + ref + "]"
	})
}

// PipeFallback is what a placeholder reads without a value.
func PipeFallback(fallback string) string {
	if fallback == "" {
		return NoAnswer
	}
	return fallback
}

// PipeValue is the text of one piped reference ("" when it has none).
func (s *Survey) PipeValue(ref, lang string, env Env) string {
	if id, ok := strings.CutPrefix(ref, "hidden."); ok {
		v, _ := env(id).(string)
		return v
	}
	var labels map[string]string
	if q := s.Question(ref); q != nil {
		labels = PipeLabels(q, lang)
	} else if s.Calculation(ref) == nil {
		return ""
	}
	var parts []string
	switch v := normalize(env(ref)).(type) {
	case string:
		parts = []string{v}
	case []string:
		parts = v
	case float64:
		parts = []string{strconv.FormatFloat(v, 'f', -1, 64)}
	case bool:
		parts = []string{strconv.FormatBool(v)}
	}
	for i, p := range parts {
		if l, ok := labels[p]; ok {
			parts[i] = l
		}
	}
	return strings.Join(parts, ", ")
}

// PipeLabels maps a question's stored values to the words a pipe shows
// for them in lang: option codes to labels, true and false to a boolean's
// labels; nil for questions whose answers read as they are.
func PipeLabels(q *Question, lang string) map[string]string {
	if q.Type == Boolean {
		return map[string]string{"true": Unpiped(q.TrueLabel.Get(lang)), "false": Unpiped(q.FalseLabel.Get(lang))}
	}
	if len(q.Options) == 0 {
		return nil
	}
	out := make(map[string]string, len(q.Options))
	for _, o := range q.Options {
		out[o.Code] = Unpiped(o.Label.Get(lang))
	}
	return out
}

// Unpiped is a text with each placeholder as its fallback: where a piped
// value cannot be filled in (an attribute, a <select>'s option, an option
// label piped in turn).
func Unpiped(text string) string {
	if !strings.Contains(text, "{") {
		return text
	}
	return PipeRef.ReplaceAllStringFunc(text, func(m string) string {
		return PipeFallback(Pipes(m)[0].Fallback)
	})
}
