package ingest

import (
	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/site/answer"
)

// MetaRecoded is the Parquet metadata key holding how many answer values
// ingest read as source codes (sourceCodes), when any were: the report's
// methodology page says so.
const MetaRecoded = "opros.recoded"

// sourceCodes reads the codes of the tool a survey was imported from
// (option source, docs/language.md) as the options' own: question ID →
// source code → opros code. The compiler has checked that a source names
// one option and is no option's code, so a value is recoded only when it
// is not a code of its question and is one of its sources; anything else
// is left for Validate, which refuses an unknown code naming the field.
type sourceCodes map[string]map[string]string

// newSourceCodes is s's source codes, nil when it has none.
func newSourceCodes(s *ir.Survey) sourceCodes {
	var sc sourceCodes
	for _, q := range s.Questions() {
		for _, o := range q.Options {
			if o.Source == "" {
				continue
			}
			if sc == nil {
				sc = sourceCodes{}
			}
			if sc[q.ID] == nil {
				sc[q.ID] = map[string]string{}
			}
			sc[q.ID][o.Source] = o.Code
		}
	}
	return sc
}

// recode replaces, in sub's answers, each source code by its option's code
// and returns how many it replaced: a single or dropdown's code, each code
// of a multi's list, each row's code of a matrix.
func (sc sourceCodes) recode(s *ir.Survey, sub *answer.Submission) int {
	n := 0
	one := func(q *ir.Question, v string) string {
		if code, ok := sc[q.ID][v]; ok && q.Option(v) == nil {
			n++
			return code
		}
		return v
	}
	for id := range sc {
		q := s.Question(id)
		if q == nil {
			continue
		}
		switch v := sub.Answers[id].(type) {
		case string:
			sub.Answers[id] = one(q, v)
		case []string:
			for i := range v {
				v[i] = one(q, v[i])
			}
		case map[string]string:
			for r, c := range v {
				v[r] = one(q, c)
			}
		}
	}
	return n
}
