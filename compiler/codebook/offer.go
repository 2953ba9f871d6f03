package codebook

import "github.com/opros/opros/compiler/ir"

// Carried options and option conditions in the codebook: an option that
// is not offered to everyone who is asked its question has a base of its
// own, so the codebook says when it is offered, as an expression an
// analyst can filter on (the CSV's show_if of the option's row).

// carriedFrom is "q_channels, chosen" for an option carried forward.
func carriedFrom(q *ir.Question, o ir.Option) string {
	if !o.Carried || q.OptionsFrom == nil {
		return ""
	}
	take := "chosen"
	if q.OptionsFrom.Take == ir.TakeNotChosen {
		take = "not chosen"
	}
	return q.OptionsFrom.Question + ", " + take
}

// offeredIf is the condition under which option o of q is offered: a
// carried option when it was (not) chosen in the source question, any
// other its show_if; "" for an option always offered.
func offeredIf(s *ir.Survey, q *ir.Question, o ir.Option) string {
	if o.ShowIf != nil {
		return ExprString(o.ShowIf)
	}
	if !o.Carried || q.OptionsFrom == nil {
		return ""
	}
	src := s.Question(q.OptionsFrom.Question)
	ref := &ir.Expr{Op: ir.OpRef, Ref: q.OptionsFrom.Question}
	lit := &ir.Expr{Op: ir.OpLit, Lit: o.Code}
	chosen := &ir.Expr{Op: ir.OpEq, Args: []*ir.Expr{ref, lit}}
	if src != nil && src.Type == ir.Multi {
		chosen = &ir.Expr{Op: ir.OpCall, Fn: "contains", Args: []*ir.Expr{ref, lit}}
	}
	if q.OptionsFrom.Take == ir.TakeNotChosen {
		// Offered there and not chosen: the source must have been
		// answered, or shown; the codebook says the part the data holds.
		chosen = &ir.Expr{Op: ir.OpNot, Args: []*ir.Expr{chosen}}
	}
	return ExprString(chosen)
}

// offerNote is an option's offer as the Markdown codebook shows it after
// the label.
func (c Code) offerNote() string {
	switch {
	case c.From != "":
		return " (options from " + md(c.From) + ")"
	case c.OfferedIf != "":
		return " (offered if " + md(c.OfferedIf) + ")"
	}
	return ""
}

// offeredTail is the range, missing and show_if cells of an option's CSV
// row: show_if also holds the option's own condition, so a filter on it
// gives the option's base.
func (c Code) offeredTail(tail []string) []string {
	if c.OfferedIf == "" {
		return tail
	}
	out := append([]string(nil), tail...)
	if last := len(out) - 1; out[last] == "" {
		out[last] = c.OfferedIf
	} else {
		out[last] = "(" + out[last] + ") && (" + c.OfferedIf + ")"
	}
	return out
}
