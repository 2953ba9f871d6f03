package ingest

import (
	"fmt"
	"math"
	"sort"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/semdiff"
	"github.com/opros/opros/site/answer"
)

// previousVersion is an older version of the survey that ingest maps
// answers from, with what it needs to know of the current one.
type previousVersion struct {
	old    *ir.Survey
	mapper *semdiff.Mapper
	cur    *ir.Survey
	// the current survey's homes for answers: plain variables by name,
	// matrix questions by ID with their rows
	vars   map[string]ir.Variable
	matrix map[string]map[string]bool
	hidden map[string]bool
}

func newPreviousVersion(old, cur *ir.Survey) *previousVersion {
	p := &previousVersion{old: old, cur: cur, mapper: semdiff.Diff(old, cur).Mapper(),
		vars: map[string]ir.Variable{}, matrix: map[string]map[string]bool{}, hidden: map[string]bool{}}
	for _, v := range cur.Vars {
		if v.Row == "" {
			p.vars[v.Name] = v
		}
	}
	for _, q := range cur.Questions() {
		if q.Type == ir.Matrix {
			rows := map[string]bool{}
			for _, r := range q.Rows {
				rows[r.Code] = true
			}
			p.matrix[q.ID] = rows
		}
	}
	for _, h := range cur.Hidden {
		p.hidden[h.ID] = true
	}
	return p
}

// check validates a submission recorded against the old version against
// that version, which it was made with (a question added since, even a
// required one, is then simply unanswered), and asks the diff's mapper
// about every answer: one to a question, row or option the current
// version no longer has, or whose type or scale changed, rejects the
// record with the diff's reason. What the diff does not speak of must
// still have a column in the current version and fit it, or the record is
// rejected too: nothing is dropped on the way to the file.
func (p *previousVersion) check(sub *answer.Submission) []answer.FieldError {
	if errs := answer.Validate(p.old, sub); len(errs) > 0 {
		return errs
	}
	var errs []answer.FieldError
	reject := func(field, code, reason string) {
		errs = append(errs, answer.FieldError{Field: field, Code: code, Reason: reason})
	}
	// In form order, and each question's keys in a fixed order: the
	// reasons come out the same from run to run.
	for _, q := range p.old.Questions() {
		for _, key := range []string{q.ID, q.ID + "_other", q.ID + "_na"} {
			v, has := sub.Answers[key]
			if !has {
				continue
			}
			field := "answers." + key
			if ok, why := p.mapper.Question(q.ID); !ok {
				reject(field, "not_comparable", why)
				continue
			}
			before := len(errs)
			switch x := v.(type) {
			case string:
				if key == q.ID && len(q.Options) > 0 {
					if ok, why := p.mapper.Code(q.ID, x); !ok {
						reject(field, "removed_option", why)
					}
				}
			case []string:
				for _, c := range x {
					if ok, why := p.mapper.Code(q.ID, c); !ok {
						reject(field, "removed_option", why)
					}
				}
			case map[string]string:
				for _, r := range q.Rows { // Validate under the old version let no other row through
					c, answered := x[r.Code]
					if !answered {
						continue
					}
					if ok, why := p.mapper.Row(q.ID, r.Code); !ok {
						reject(field+"."+r.Code, "not_comparable", why)
					} else if ok, why := p.mapper.Code(q.ID, c); !ok {
						reject(field+"."+r.Code, "removed_option", why)
					} else if !p.matrix[q.ID][r.Code] {
						reject(field+"."+r.Code, "not_comparable", fmt.Sprintf("the current version has no matrix row %q", r.Code))
					}
				}
			}
			if len(errs) == before {
				if why := p.fits(key, v); why != "" {
					reject(field, "not_comparable", why)
				}
			}
		}
	}
	hidden := make([]string, 0, len(sub.Hidden))
	for h := range sub.Hidden {
		hidden = append(hidden, h)
	}
	sort.Strings(hidden)
	for _, h := range hidden {
		if !p.hidden[h] && sub.Hidden[h] != "" {
			reject("hidden."+h, "not_comparable", fmt.Sprintf("the current version has no hidden field %q", h))
		}
	}
	return errs
}

// fits says why an answer valid under the old version has no place in the
// current version's columns, or "" when it has one.
func (p *previousVersion) fits(key string, v any) string {
	if _, isMatrix := v.(map[string]string); isMatrix {
		if _, ok := p.matrix[key]; !ok {
			return fmt.Sprintf("the current version has no matrix question %q", key)
		}
		return ""
	}
	cv, ok := p.vars[key]
	if !ok {
		return fmt.Sprintf("the current version has no column %q", key)
	}
	fit := false
	switch x := v.(type) {
	case string:
		fit = cv.Kind == ir.VarCode || cv.Kind == ir.VarString || cv.Kind == ir.VarDate
	case []string:
		fit = cv.Kind == ir.VarCodes
	case float64:
		fit = cv.Kind == ir.VarFloat || cv.Kind == ir.VarInt && x == math.Trunc(x) && math.Abs(x) <= answer.MaxInteger
	case bool:
		fit = cv.Kind == ir.VarBool
	}
	if !fit {
		return fmt.Sprintf("the answer %v does not fit the current version's column %q (%s)", v, key, cv.Kind)
	}
	return ""
}
