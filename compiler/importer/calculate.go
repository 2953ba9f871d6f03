package importer

import "errors"

// A calculation (XLSForm calculate, SurveyJS calculatedValues) becomes an
// opros calculate block, written on a page after the questions it reads,
// as opros requires (docs/language.md, calculate). The old tools compute
// theirs whenever an answer changes, wherever they stand, so one reading
// a question asked later waits until that question is imported, and is
// written right after it (listed as moved). What it could never read,
// and any expression the shared translator cannot carry, drops it with
// the reason; a condition or text reading it is then dropped as reading
// an unknown question.

// calc is a calculation of the source, waiting to be placed.
type calc struct {
	at        Place
	name, src string
	parse     func(string) (*node, error)
	err       error // why it could not be placed yet
	waited    bool  // it met a question not imported yet
}

// calcs places calculations as the questions they read are imported.
type calcs struct {
	pending []*calc
}

// place tries c on page p, after the n questions and calculations
// imported so far: true when it is written there (or dropped for good).
func (cs *calcs) place(c *calc, p *page, n *int, syms symbols, names *ids, l *log, s *survey) bool {
	tree, err := c.parse(c.src)
	if err != nil {
		eid, args := asDrop(err)
		l.drop(c.at, msgDropCalculate, c.name, c.src, messages.Errorf(eid, args...))
		return true
	}
	at := *n
	t := &translator{syms: syms, visible: func(s *symbol) bool { return s.at < at }}
	expr, typ, err := t.expr(tree, 0)
	var e *errExpr
	if err != nil && errors.As(err, &e) && e.id == msgExprUnknownRef {
		c.err, c.waited = err, true
		return false // perhaps a question asked later
	}
	if err == nil && typ == tList {
		err = fail(msgExprNotStored)
	}
	if err != nil {
		eid, args := asDrop(err)
		l.drop(c.at, msgDropCalculate, c.name, c.src, messages.Errorf(eid, args...))
		return true
	}
	id, renamed := names.make(c.name, "c_")
	q := &question{at: c.at, id: id, value: expr}
	if renamed {
		l.change(c.at, msgChangeID, c.name, id)
		q.comment = "source name: " + quote(c.name)
	}
	if last := lastAsked(p); c.waited && last != "" {
		l.change(c.at, msgChangeCalcMoved, c.name, last)
	}
	sym := &symbol{id: id, at: at, page: len(s.pages) - 1}
	switch typ {
	case tNum:
		sym.kind = kNumber
	case tStr:
		sym.kind = kText
	case tBool:
		sym.kind, sym.codes = kBool, map[string]string{"true": "true", "false": "false"}
	}
	syms[c.name] = sym
	*n++
	p.questions = append(p.questions, q)
	return true
}

// add places c now if it can be, else keeps it for later.
func (cs *calcs) add(c *calc, p *page, n *int, syms symbols, names *ids, l *log, s *survey) {
	if p == nil || !cs.place(c, p, n, syms, names, l, s) {
		cs.pending = append(cs.pending, c)
	}
}

// retry places the waiting calculations that now can be, after a question
// was imported to p.
func (cs *calcs) retry(p *page, n *int, syms symbols, names *ids, l *log, s *survey) {
	kept := cs.pending[:0]
	for _, c := range cs.pending {
		if !cs.place(c, p, n, syms, names, l, s) {
			kept = append(kept, c)
		}
	}
	cs.pending = kept
}

// finish drops the calculations that never could be placed.
func (cs *calcs) finish(l *log) {
	for _, c := range cs.pending {
		err := c.err
		if err == nil {
			err = fail(msgExprUnsupported, c.src)
		}
		eid, args := asDrop(err)
		l.drop(c.at, msgDropCalculate, c.name, c.src, messages.Errorf(eid, args...))
	}
	cs.pending = nil
}

// lastAsked is the ID of p's last question (not calculation), if any.
func lastAsked(p *page) string {
	for i := len(p.questions) - 1; i >= 0; i-- {
		if p.questions[i].value == "" {
			return p.questions[i].id
		}
	}
	return ""
}

// asked is how many questions (not calculations) p holds.
func asked(p *page) int {
	n := 0
	for _, q := range p.questions {
		if q.value == "" {
			n++
		}
	}
	return n
}

// prunePages leaves out the pages without a question, which the compiler
// would refuse; their calculations join the page before (they read only
// earlier answers), or are dropped when there is none.
func prunePages(pages []*page, l *log) []*page {
	kept := pages[:0]
	for _, p := range pages {
		if asked(p) > 0 {
			kept = append(kept, p)
			continue
		}
		for _, q := range p.questions {
			if len(kept) > 0 {
				prev := kept[len(kept)-1]
				prev.questions = append(prev.questions, q)
			} else {
				l.drop(q.at, msgDropCalculate, q.id, q.value, messages.Errorf(msgExprNoQuestion))
			}
		}
	}
	return kept
}
