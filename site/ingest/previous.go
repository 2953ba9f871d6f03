package ingest

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/schema"
	"github.com/opros/opros/compiler/semdiff"
	"github.com/opros/opros/site/answer"
)

// previousVersion is an older version of the survey that ingest maps
// answers from, with what it needs to know of the current one.
type previousVersion struct {
	old    *ir.Survey
	mapper *semdiff.Mapper
	cur    *ir.Survey
	// kind is the diff's kind of change for a question whose answers the
	// mapper refuses (question_removed, type_changed, scale_changed);
	// breaking holds, per question, the reasons of the diff's other
	// breaking changes to it, which decide whether what is left of a
	// multi answer once its removed options are set aside can be kept.
	kind     map[string]string
	breaking map[string]string
	// the current survey's homes for answers: plain variables by name,
	// matrix questions by ID with their rows
	vars   map[string]ir.Variable
	matrix map[string]map[string]bool
	hidden map[string]bool
}

func newPreviousVersion(old, cur *ir.Survey) *previousVersion {
	report := semdiff.Diff(old, cur)
	p := &previousVersion{old: old, cur: cur, mapper: report.Mapper(),
		kind: map[string]string{}, breaking: map[string]string{},
		vars: map[string]ir.Variable{}, matrix: map[string]map[string]bool{}, hidden: map[string]bool{}}
	for _, c := range report.Changes {
		switch {
		case c.Question == "":
		case c.Kind == "question_removed" || c.Kind == "type_changed" || c.Kind == "scale_changed" || c.Kind == "total_changed" || c.Kind == "rank_changed":
			p.kind[c.Question] = c.Kind
		case c.Severity == semdiff.Breaking && c.Kind != "option_removed":
			p.breaking[c.Question] = strings.TrimSpace(p.breaking[c.Question] + " " + c.Reason)
		}
	}
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

// aside is one answer of an accepted record that the current version has
// no column for, with the reason: it goes to the set-aside file.
type aside struct {
	field, code string
	value       any
	reason      string
}

// check validates a submission recorded against the old version against
// that version, which it was made with, and rejects it only when it is
// invalid there. A valid one is accepted: a question or row added since,
// even a required one, is then simply unanswered, and every answer the
// current version cannot hold is taken out of sub and returned to be set
// aside, never dropped (docs/architecture.md, "Ingest"):
//
//   - an answer to a question or matrix row the current version removed,
//     or to a question whose type or scale changed: the diff's reason;
//   - a single or dropdown answer, or a matrix cell, whose option was
//     removed: the column is null;
//   - a multi answer with removed options: those codes are set aside and
//     the rest kept when the diff finds the question otherwise
//     comparable (no other breaking change to it), else the whole answer
//     is set aside; the "other" text goes with the other option;
//   - what the diff does not speak of but has no column now, or does not
//     fit it (a removed hidden field, say).
//
// The answers come in form order, each question's keys in a fixed order,
// so the set-aside file is the same from run to run.
func (p *previousVersion) check(sub *answer.Submission) ([]answer.FieldError, []aside) {
	if errs := answer.Validate(p.old, sub); len(errs) > 0 {
		return errs, nil
	}
	var out []aside
	setAside := func(field, code string, value any, reason string) {
		out = append(out, aside{field: field, code: code, value: value, reason: reason})
	}
	for _, q := range p.old.Questions() {
		keys := []string{q.ID}
		for _, k := range []string{q.OtherKey(), q.NAKey()} {
			if k != "" {
				keys = append(keys, k)
			}
		}
		for _, it := range q.Items { // the boxes of inputs and constant_sum
			keys = append(keys, q.ItemKey(it.Code))
		}
		for _, c := range q.Cells() { // a matrix_multi's boxes, a grid's cells
			keys = append(keys, c.Key)
		}
		if ok, why := p.mapper.Question(q.ID); !ok {
			for _, key := range keys {
				if v, has := sub.Answers[key]; has {
					setAside("answers."+key, p.kind[q.ID], v, why)
					delete(sub.Answers, key)
				}
			}
			continue
		}
		// otherWhy is set when the "other" text must follow its option aside.
		otherWhy, otherCode := "", ""
		if v, has := sub.Answers[q.ID]; has {
			field := "answers." + q.ID
			switch x := v.(type) {
			case string:
				if len(q.Options) > 0 {
					if ok, why := p.mapper.Code(q.ID, x); !ok {
						setAside(field, "option_removed", x, why)
						delete(sub.Answers, q.ID)
						otherWhy, otherCode = why, "option_removed"
					}
				}
			case []string:
				var kept, removed []string
				var whys []string
				otherRemoved := false
				for _, c := range x {
					if ok, why := p.mapper.Code(q.ID, c); !ok {
						removed = append(removed, c)
						whys = append(whys, why)
						otherRemoved = otherRemoved || q.Option(c) != nil && q.Option(c).Other
					} else {
						kept = append(kept, c)
					}
				}
				if len(removed) == 0 {
					break
				}
				why := strings.Join(whys, " ")
				if more := p.breaking[q.ID]; more != "" || len(kept) == 0 {
					setAside(field, "option_removed", x, strings.TrimSpace(why+" "+more))
					delete(sub.Answers, q.ID)
					otherWhy, otherCode = strings.TrimSpace(why+" "+more), "option_removed"
					break
				}
				setAside(field, "option_removed", removed, why)
				sub.Answers[q.ID] = kept
				if otherRemoved {
					otherWhy, otherCode = why, "option_removed"
				}
			case map[string]string:
				for _, r := range q.Rows { // Validate under the old version let no other row through
					c, answered := x[r.Code]
					if !answered {
						continue
					}
					cell := field + "." + r.Code
					if ok, why := p.mapper.Row(q.ID, r.Code); !ok {
						setAside(cell, "row_removed", c, why)
						delete(x, r.Code)
					} else if ok, why := p.mapper.Code(q.ID, c); !ok {
						setAside(cell, "option_removed", c, why)
						delete(x, r.Code)
					} else if !p.matrix[q.ID][r.Code] {
						setAside(cell, "no_column", c, fmt.Sprintf("the current version has no matrix row %q", r.Code))
						delete(x, r.Code)
					}
				}
				if len(x) == 0 {
					delete(sub.Answers, q.ID)
				}
			}
			if v, still := sub.Answers[q.ID]; still {
				if why := p.fits(q.ID, v); why != "" {
					setAside(field, "no_column", v, why)
					delete(sub.Answers, q.ID)
					otherWhy, otherCode = why, "no_column"
				}
			}
		}
		for _, key := range keys[1:] {
			v, has := sub.Answers[key]
			if !has {
				continue
			}
			why, code := p.fits(key, v), "no_column"
			if key == keys[1] && otherWhy != "" {
				why, code = otherWhy, otherCode
			}
			if c, isCode := v.(string); why == "" && q.Type == ir.Grid && isCode { // a dropdown cell
				if ok, w := p.mapper.Code(q.ID, c); !ok {
					why, code = w, "option_removed"
				}
			}
			if why != "" {
				setAside("answers."+key, code, v, why)
				delete(sub.Answers, key)
			}
		}
	}
	for _, h := range slices.Sorted(maps.Keys(sub.Hidden)) {
		if !p.hidden[h] && sub.Hidden[h] != "" {
			setAside("hidden."+h, "no_column", sub.Hidden[h], fmt.Sprintf("the current version has no hidden field %q", h))
			delete(sub.Hidden, h)
		}
	}
	return nil, out
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
		fit = cv.Kind == ir.VarFloat || cv.Kind == ir.VarInt && x == math.Trunc(x) && math.Abs(x) <= schema.MaxInteger
	case bool:
		fit = cv.Kind == ir.VarBool
	}
	if !fit {
		return fmt.Sprintf("the answer %v does not fit the current version's column %q (%s)", v, key, cv.Kind)
	}
	return ""
}
