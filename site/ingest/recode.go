package ingest

import (
	"fmt"
	"sort"
	"strings"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/site/answer"
)

// MetaRecoded is the Parquet metadata key holding how many answer values
// ingest read as source codes or under source names (sourceCodes), when
// any were: the report's methodology page says so.
const MetaRecoded = "opros.recoded"

// sourceCodes reads the codes and names of the tool a survey was imported
// from (the source attribute of options, questions, matrix rows and items,
// docs/language.md) as the survey's own. The compiler has checked that a
// source names one thing and is no other's code or ID, so a value or key
// is read by its source only when it is not an opros one; anything else
// is left for Validate, which refuses an unknown code or key naming the
// field.
type sourceCodes struct {
	// options: question ID → option source code → opros code.
	options map[string]map[string]string
	// keys: an answer key in the old tool's names (a question's source,
	// "<source>_other", a renamed item's or cell's key, a flat export's
	// matrix row "q_<row source>") → what it stands for.
	keys map[string]sourceKey
	// rows: matrix question ID → row source → row code, for the rows of
	// a submission's nested matrix answer.
	rows map[string]map[string]string
}

// sourceKey is what an old tool's answer key stands for: the opros key,
// and for a flat export's matrix row, the row within that question's
// nested answer.
type sourceKey struct{ key, row string }

// newSourceCodes is s's source codes and names, nil when it has none.
func newSourceCodes(s *ir.Survey) *sourceCodes {
	sc := &sourceCodes{options: map[string]map[string]string{}, keys: map[string]sourceKey{}, rows: map[string]map[string]string{}}
	taken := map[string]bool{} // opros keys, which are never read as another's
	for _, v := range s.Vars {
		taken[v.Name] = true
	}
	for _, q := range s.Questions() {
		taken[q.ID] = true
	}
	// Only a name made with a source is an alias: q.row and the like,
	// made of opros names alone, were never read, and a survey without
	// sources must keep the fast path (newChecker turns it off for one
	// with sources).
	alias := func(viaSource bool, old string, to sourceKey) {
		if viaSource && old != to.key && !taken[old] {
			sc.keys[old] = to
		}
	}
	for _, q := range s.Questions() {
		for _, o := range q.Options {
			if o.Source != "" {
				if sc.options[q.ID] == nil {
					sc.options[q.ID] = map[string]string{}
				}
				sc.options[q.ID][o.Source] = o.Code
			}
		}
		names := []string{q.ID}
		if q.Source != "" {
			names = append(names, q.Source)
			alias(true, q.Source, sourceKey{key: q.ID})
			for _, key := range []string{q.OtherKey(), q.NAKey()} {
				if key != "" {
					alias(true, q.Source+strings.TrimPrefix(key, q.ID), sourceKey{key: key})
				}
			}
		}
		rowNames := func(r ir.Row) []string {
			if r.Source == "" || r.Source == r.Code {
				return []string{r.Code}
			}
			return []string{r.Code, r.Source}
		}
		for _, it := range q.Items {
			for _, qn := range names {
				for _, in := range rowNames(it) {
					alias(qn != q.ID || in != it.Code, qn+"_"+in, sourceKey{key: q.ItemKey(it.Code)})
				}
			}
		}
		cols := q.CellColumns()
		for _, r := range q.Rows {
			if r.Source != "" && r.Source != r.Code && q.Type == ir.Matrix {
				if sc.rows[q.ID] == nil {
					sc.rows[q.ID] = map[string]string{}
				}
				sc.rows[q.ID][r.Source] = r.Code
			}
			for _, qn := range names {
				for _, rn := range rowNames(r) {
					if q.Type == ir.Matrix {
						alias(qn != q.ID || rn != r.Code, qn+"_"+rn, sourceKey{key: q.ID, row: r.Code})
						alias(qn != q.ID || rn != r.Code, qn+"."+rn, sourceKey{key: q.ID, row: r.Code})
					}
					for _, c := range cols {
						alias(qn != q.ID || rn != r.Code, qn+"_"+rn+"_"+c.Code, sourceKey{key: q.CellKey(r.Code, c.Code)})
					}
				}
			}
		}
	}
	if len(sc.options) == 0 && len(sc.keys) == 0 && len(sc.rows) == 0 {
		return nil
	}
	return sc
}

// recode reads sub's answers in the old tool's names and codes as the
// survey's and returns how many keys and values it replaced: first each
// key given by a source name is moved to its opros key (a flat export's
// text typed as that key's column is), then each source code is replaced
// by its option's code (a single or dropdown's code, each code of a
// multi's list, each row's code of a matrix). An answer given under both
// its opros name and a source name, or two source names, is a problem
// naming both fields: taking either would silently drop the other.
func (sc *sourceCodes) recode(s *ir.Survey, sub *answer.Submission) (int, []answer.FieldError) {
	n, problems := sc.rename(s, sub)
	one := func(q *ir.Question, v string) string {
		if code, ok := sc.options[q.ID][v]; ok && q.Option(v) == nil {
			n++
			return code
		}
		return v
	}
	for id := range sc.options {
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
	return n, problems
}

// rename moves the answers sub gives under source names to their opros
// keys (sourceCodes.keys, then the rows of nested matrix answers).
func (sc *sourceCodes) rename(s *ir.Survey, sub *answer.Submission) (int, []answer.FieldError) {
	n := 0
	var problems []answer.FieldError
	twice := func(field, first, second string) {
		problems = append(problems, answer.FieldError{Field: field, Code: "duplicate_key",
			Reason: fmt.Sprintf("is given twice, as %q and as %q", first, second)})
	}
	var old []string
	for k := range sub.Answers {
		if _, ok := sc.keys[k]; ok {
			old = append(old, k)
		}
	}
	sort.Strings(old)            // the same problems in the same order, whatever the map order
	given := map[string]string{} // opros key (and row) → the source name that gave it
	vars := namesOf(s).vars
	for _, k := range old {
		to := sc.keys[k]
		v := sub.Answers[k]
		delete(sub.Answers, k)
		if to.row != "" {
			text, ok := v.(string)
			if !ok {
				problems = append(problems, answer.FieldError{Field: "answers." + k, Code: "wrong_type", Reason: "must be an option code (a string)"})
				continue
			}
			m, _ := sub.Answers[to.key].(map[string]string)
			if m == nil {
				if _, other := sub.Answers[to.key]; other {
					twice("answers."+to.key+"."+to.row, to.key, k)
					continue
				}
				m = map[string]string{}
				sub.Answers[to.key] = m
			}
			if _, dup := m[to.row]; dup {
				first := to.key + "." + to.row
				if f, ok := given[first]; ok {
					first = f
				}
				twice("answers."+to.key+"."+to.row, first, k)
				continue
			}
			given[to.key+"."+to.row] = k
			m[to.row] = strings.TrimSpace(text)
			n++
			continue
		}
		if _, dup := sub.Answers[to.key]; dup {
			first := to.key
			if f, ok := given[to.key]; ok {
				first = f
			}
			twice("answers."+to.key, first, k)
			continue
		}
		// A flat export's or a CSV's text, as fromFields types a column
		// under its opros name.
		if text, ok := v.(string); ok {
			if variable, ok := vars[to.key]; ok {
				switch variable.Kind {
				case ir.VarCodes:
					var list []string
					for _, c := range strings.Split(text, ";") {
						if c = strings.TrimSpace(c); c != "" {
							list = append(list, c)
						}
					}
					v = list
				case ir.VarInt, ir.VarFloat, ir.VarBool:
					typedV, err := typed(variable, text)
					if err != nil {
						problems = append(problems, answer.FieldError{Field: "answers." + k, Code: "wrong_type", Reason: err.Error()})
						continue
					}
					v = typedV
				}
			}
		}
		given[to.key] = k
		sub.Answers[to.key] = v
		n++
	}
	for id, rows := range sc.rows {
		m, ok := sub.Answers[id].(map[string]string)
		if !ok {
			continue
		}
		var keys []string
		for r := range m {
			if _, ok := rows[r]; ok {
				keys = append(keys, r)
			}
		}
		sort.Strings(keys)
		for _, r := range keys {
			code := rows[r]
			if _, dup := m[code]; dup {
				twice("answers."+id+"."+code, code, r)
				continue
			}
			m[code] = m[r]
			delete(m, r)
			n++
		}
	}
	return n, problems
}
