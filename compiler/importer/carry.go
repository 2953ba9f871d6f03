package importer

import (
	"strconv"
	"strings"
)

// Carry forward and option conditions from the old tools: XLSForm's
// choice_filter and SurveyJS's choicesFromQuestion and choicesVisibleIf
// become an options_from block (a filter that offers the choices chosen,
// or not chosen, in an earlier select of the same choices) or a show_if
// on each option; a filter that cannot be translated is listed as dropped
// with its place, and every option is shown.

// optionsFrom is a question's options_from block as written.
type optionsFrom struct {
	question  string // the opros ID of the earlier question
	notChosen bool
}

// choiceFilter translates an XLSForm select's choice_filter. The filter is
// read once per choice with the choice put in for name and for the
// choices sheet's columns it names (state = ${q_state}: a cascading
// select), which gives each option's show_if; when those say exactly
// "chosen (or not) in ${q}" of an earlier select with the same choices
// (selected(${q}, name)), the question carries them forward instead.
func (x *xlsImport) choiceFilter(q *question, fields []string, f, name string, at Place) {
	if len(fields) < 2 || len(q.options) == 0 {
		x.drop(at, msgDropChoiceFilter, f, name, messages.Errorf(msgExprSyntax, f))
		return
	}
	list := x.choices[strings.Join(fields[1:], " ")]
	if len(list) != len(q.options) {
		list = x.choices[fields[1]]
	}
	toks, err := lexXPath(f)
	if err == nil && len(list) != len(q.options) {
		err = fail(msgExprSyntax, f)
	}
	n := x.n
	conds := make([]string, len(q.options))
	for k := 0; err == nil && k < len(list); k++ {
		p := &parser{toks: choiceTokens(toks, list[k]), binary: xpathBinary}
		var nd *node
		if nd, err = p.whole(); err == nil {
			conds[k], err = (&translator{syms: x.syms, visible: func(s *symbol) bool { return s.at < n }}).condition(nd)
		}
	}
	if err != nil {
		eid, args := asDrop(err)
		x.drop(at, msgDropChoiceFilter, f, name, messages.Errorf(eid, args...))
		return
	}
	if from := x.carried(q, conds); from != nil {
		q.optionsFrom, q.options = from, nil
		return
	}
	for k := range q.options {
		if conds[k] != "true" {
			q.options[k].showIf = conds[k]
		}
	}
}

// choiceTokens is a filter's tokens for one choice: the bare word name is
// its name, and a bare word naming a column of the choices sheet is the
// choice's value there, both as strings.
func choiceTokens(toks []token, c choice) []token {
	out := make([]token, len(toks))
	for i, t := range toks {
		out[i] = t
		if t.kind != "name" || (i+1 < len(toks) && toks[i+1].text == "(") {
			continue
		}
		switch w := strings.ToLower(t.text); {
		case w == "and" || w == "or" || w == "div" || w == "mod" || w == "true" || w == "false":
		case t.text == "name":
			out[i] = token{kind: "str", text: c.name}
		default:
			if v, ok := c.cols[t.text]; ok {
				out[i] = token{kind: "str", text: v}
			}
		}
	}
	return out
}

// carried is the options_from block that offers what conds say, option by
// option, when they say contains(src, "code") (or its negation) for each
// option's own code, of one earlier select src whose options are the
// question's; nil otherwise.
func (x *xlsImport) carried(q *question, conds []string) *optionsFrom {
	var src string
	not := strings.HasPrefix(conds[0], "!")
	for k, c := range conds {
		c = strings.TrimPrefix(c, "!")
		if strings.HasPrefix(conds[k], "!") != not {
			return nil
		}
		id, rest, ok := strings.Cut(strings.TrimPrefix(c, "contains("), ", ")
		if !ok || !strings.HasPrefix(c, "contains(") || rest != strconv.Quote(q.options[k].code)+")" || (src != "" && id != src) {
			return nil
		}
		src = id
	}
	for _, s := range x.syms {
		if s.id != src || len(s.codes) != len(q.options) {
			continue
		}
		for _, o := range q.options {
			if !codeIn(s.codes, o.code) {
				return nil
			}
		}
		return &optionsFrom{question: src, notChosen: not}
	}
	return nil
}

func codeIn(codes map[string]string, code string) bool {
	for _, c := range codes {
		if c == code {
			return true
		}
	}
	return false
}

// carry reads a SurveyJS choice question's choicesFromQuestion, with
// choicesFromQuestionMode "selected" or "unselected" (an options_from
// block; the mode "all" and a source that is not an earlier choice
// question are listed as dropped), and its choicesVisibleIf (a show_if per
// choice, {item} standing for the choice's value; "none" and "other" are
// always offered, as in SurveyJS). false when the question is left with
// no options at all.
func (j *sjsImport) carry(q *question, sym *symbol, em map[string]any, path, name string) bool {
	n := j.n
	if from, _ := em["choicesFromQuestion"].(string); from != "" {
		mode, _ := em["choicesFromQuestionMode"].(string)
		if mode == "" {
			mode = "all" // SurveyJS's default
		}
		src := j.syms[from]
		if src == nil || src.at >= n || (src.kind != kSingle && src.kind != kMulti) || (mode != "selected" && mode != "unselected") {
			j.drop(Place{Path: path + ".choicesFromQuestion"}, msgDropCarry, name, from, mode)
		} else {
			q.optionsFrom = &optionsFrom{question: src.id, notChosen: mode == "unselected"}
			for value, code := range src.codes { // conditions may compare the question with a carried value
				if _, own := sym.codes[value]; !own {
					sym.codes[value] = code
				}
			}
		}
	}
	if c, _ := em["choicesVisibleIf"].(string); c != "" {
		conds := make([]string, len(q.options))
		for k, o := range q.options {
			value := o.source
			if value == "" {
				value = o.code
			}
			if o.other || o.exclusive || strings.ContainsAny(value, `'"`) {
				continue
			}
			expr, err := j.translate(strings.ReplaceAll(c, "{item}", "'"+value+"'"), func(s *symbol) bool { return s.at < n })
			if err != nil {
				eid, args := asDrop(err)
				j.drop(Place{Path: path + ".choicesVisibleIf"}, msgDropChoicesVisibleIf, c, name, messages.Errorf(eid, args...))
				conds = nil
				break
			}
			conds[k] = expr
		}
		for k := range conds {
			if conds[k] != "true" && conds[k] != "" {
				q.options[k].showIf = conds[k]
			}
		}
	}
	if len(q.options) == 0 && q.optionsFrom == nil {
		j.drop(Place{Path: path}, msgDropEmptyList, name)
		return false
	}
	return true
}
