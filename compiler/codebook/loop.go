package codebook

import (
	"strings"

	"github.com/opros/opros/compiler/ir"
)

// iteration words an entry of a loop question's column: its text names
// the option it is asked for (the label, unless the text already reads
// it), and its condition starts with the option being chosen, which is
// what decides whether the column can hold an answer.
func iteration(s *ir.Survey, q *ir.Question, lang string, e *Entry) {
	it := q.Iteration
	l := s.Loop(it.Loop)
	if l == nil {
		return
	}
	if label := s.IterationLabel(it, lang); label != "" && !strings.Contains(e.Text, label) {
		e.Text += " — " + oneLine(label)
	}
	chosen := ExprString(&ir.Expr{Op: ir.OpCall, Fn: "contains", Args: []*ir.Expr{{Op: ir.OpRef, Ref: l.Over}, {Op: ir.OpLit, Lit: it.Option}}})
	if e.ShowIf == "" {
		e.ShowIf = chosen
	} else {
		e.ShowIf = chosen + " && (" + e.ShowIf + ")"
	}
}
