package answer

import "github.com/opros/opros/compiler/ir"

// notShown is how an answer to a question that was not shown is refused:
// an iteration of a loop whose option the respondent did not choose is
// not_chosen, naming the option and the question it is chosen in; any
// other question hidden by a show_if (its own, its page's) or after a
// screen-out is not_shown. env is the page walk's: a hidden question
// reads as unanswered.
func notShown(s *ir.Survey, q *ir.Question, env ir.Env) (code, format string, args []any) {
	if it := q.Iteration; it != nil {
		if l := s.Loop(it.Loop); l != nil {
			chosen := &ir.Expr{Op: ir.OpCall, Fn: "contains", Args: []*ir.Expr{{Op: ir.OpRef, Ref: l.Over}, {Op: ir.OpLit, Lit: it.Option}}}
			if !ir.Truthy(chosen.Eval(env)) {
				return "not_chosen", "is asked in the loop %q only for those who chose %q in %q, and this respondent did not, so it cannot have an answer", []any{l.ID, it.Option, l.Over}
			}
		}
	}
	return "not_shown", "the question was not shown to this respondent (show_if), so it cannot have an answer", nil
}
