package importer

import (
	"regexp"
	"sort"
	"strings"
)

// An XLSForm repeat over a selection, the common ODK idiom
//
//	begin repeat  crop_rep  repeat_count = count-selected(${crops})
//	calculate     crop_name calculation  = jr:choice-name(selected-at(${crops}, position(..) - 1), '${crops}')
//	integer       area      label        = Area of ${crop_name}?
//
// becomes an opros loop over that multi question (docs/language.md, loop):
// the repeat's questions are its page, asked once per option chosen, and a
// calculation naming the option becomes {loop.label} ({loop.code} for
// selected-at alone) in texts. Any other repeat is left out with its
// reason, as before.

// The idioms, matched with spaces removed.
var (
	countSelected = regexp.MustCompile(`^count-selected\(\$\{([^{}]+)\}\)$`)
	choiceNameAt  = regexp.MustCompile(`^jr:choice-name\(selected-at\(\$\{([^{}]+)\},position\(\.\.\)-1\),['"]\$\{([^{}]+)\}['"]\)$`)
	selectedAt    = regexp.MustCompile(`^selected-at\(\$\{([^{}]+)\},position\(\.\.\)-1\)$`)
	iterationCode = regexp.MustCompile(`^[A-Za-z0-9_]+$`)
)

// loopState is a repeat being imported as a loop.
type loopState struct {
	block   *loopBlock
	name    string // the repeat's
	row     int
	over    string // the source's name of the multi question
	showIf  string
	before  map[string]bool // the names imported before the loop
	pending []*calc         // calculations waiting outside the loop
}

func compact(s string) string { return strings.Join(strings.Fields(s), "") }

// loopOver reads a repeat's count: a loop when it counts an earlier
// select_multiple's choices, else nil and how to say why it is left out.
func (x *xlsImport) loopOver(i int, name string) (*loopBlock, func(int)) {
	st := x.survey
	at := st.place(i)
	count := st.get(i, "repeat_count")
	if count == "" {
		return nil, func(n int) { x.drop(at, msgDropRepeatOpen, name, n) }
	}
	m := countSelected.FindStringSubmatch(compact(count))
	if m == nil {
		return nil, func(n int) { x.drop(at, msgDropRepeatCount, name, n, count) }
	}
	sym := x.syms[m[1]]
	if sym == nil || sym.kind != kMulti {
		return nil, func(n int) { x.drop(at, msgDropRepeatOver, name, n, m[1]) }
	}
	var codes []string
	for _, c := range sym.codes {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	for _, c := range codes {
		if !iterationCode.MatchString(c) {
			return nil, func(n int) { x.drop(at, msgDropRepeatCode, name, n, c, m[1]) }
		}
	}
	id, _ := x.ids.make(name, "loop_")
	return &loopBlock{id: id, over: sym.id}, nil
}

// beginLoop starts importing the repeat in row i as the loop lb: its
// condition reads earlier pages, and calculations waiting for a later
// question wait outside it (a loop holds none).
func (x *xlsImport) beginLoop(i int, lb *loopBlock) *loopState {
	st := x.survey
	name := st.get(i, "name")
	l := &loopState{block: lb, name: name, row: i, over: countSelected.FindStringSubmatch(compact(st.get(i, "repeat_count")))[1], before: map[string]bool{}}
	for k := range x.syms {
		l.before[k] = true
	}
	if rel := st.get(i, "relevant"); rel != "" {
		pageIndex := len(x.s.pages)
		expr, err := x.translate(rel, nil, func(s *symbol) bool { return s.page < pageIndex })
		if err != nil {
			id, args := asDrop(err)
			x.drop(st.place(i), msgDropPageRelevant, rel, name, messages.Errorf(id, args...))
		} else {
			l.showIf = expr
		}
	}
	l.pending, x.calcs.pending = x.calcs.pending, nil
	x.loopTexts = symbols{}
	return l
}

// loopCalc reads a calculation inside the loop: one naming the option is
// a text the loop's pipes read; any other is left out.
func (x *xlsImport) loopCalc(l *loopState, i int, name string) {
	st := x.survey
	at := st.place(i)
	src := compact(st.get(i, "calculation"))
	if m := choiceNameAt.FindStringSubmatch(src); m != nil && m[1] == l.over && m[2] == l.over {
		x.loopTexts[name] = &symbol{id: "loop.label", kind: kLoopText}
		x.change(at, msgChangeLoopText, name, "{loop.label}")
		return
	}
	if m := selectedAt.FindStringSubmatch(src); m != nil && m[1] == l.over {
		x.loopTexts[name] = &symbol{id: "loop.code", kind: kLoopText}
		x.change(at, msgChangeLoopText, name, "{loop.code}")
		return
	}
	x.drop(at, msgDropLoopCalc, name)
}

// endLoop finishes the loop's page p: its title is the repeat's label
// (which may pipe the option), and after the loop its questions are not
// read (opros names an iteration there, which the source cannot).
func (x *xlsImport) endLoop(l *loopState, p *page) {
	st := x.survey
	at := st.place(l.row)
	for k := range x.syms {
		if !l.before[k] {
			delete(x.syms, k)
			if x.loopAsked == nil {
				x.loopAsked = map[string]string{}
			}
			x.loopAsked[k] = l.name
		}
	}
	if p != nil {
		p.title = x.piped(st.texts(l.row, "label", x.defLang), at)
		p.showIf = l.showIf
	}
	x.loopTexts = nil
	x.calcs.pending = append(l.pending, x.calcs.pending...)
	x.change(at, msgChangeLoop, l.name, l.over, l.block.id)
}
