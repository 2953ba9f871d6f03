package compiler

import (
	"github.com/hashicorp/hcl/v2"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/localize"
)

// calcNode is a calculate block in the scope: where it stands in the form
// (node: the seq of the question before it and its page, so the visibility
// rules of show_if apply to it as to a question) and its value's type.
type calcNode struct {
	c    *ir.Calculation
	node questionNode
	done bool // its value is converted: later calculations may read it
}

// calculations decodes the pages' calculate blocks in form order. A
// value reads hidden fields, questions written before it and earlier
// calculations; what comes after it may read it by its ID.
func (b *builder) calculations(s *ir.Survey, sc *scope, pages []*pageNode, drafts []pageDraft, claim func(string, hcl.Range, noun) bool) {
	sc.calcs = map[string]*calcNode{}
	type pending struct {
		n    *calcNode
		expr hcl.Expression
	}
	var todo []pending
	for pi := range pages {
		if pi >= len(drafts) || drafts[pi].content == nil || pi >= len(s.Pages) || sc.iter(pi) != nil {
			continue // a loop's page: Calculate In A Loop
		}
		before := pages[pi].first - 1 // seq of the last question before the block
		for _, blk := range drafts[pi].content.Blocks {
			switch blk.Type {
			case "question":
				if qn := sc.questions[blk.Labels[0]]; qn != nil && qn.page == pi {
					before = qn.seq
				}
			case "calculate":
				id := blk.Labels[0]
				b.checkID(id, blk.LabelRanges[0], nounCalculation)
				if !claim(id, blk.LabelRanges[0], nounCalculation) {
					continue
				}
				c, d := blk.Body.Content(calculateSchema)
				b.add(d...)
				if c == nil || c.Attributes["value"] == nil {
					continue
				}
				n := &calcNode{c: &ir.Calculation{ID: id, Page: s.Pages[pi].ID, Range: toRange(blk.DefRange)},
					node: questionNode{seq: before, page: pi, label: blk.LabelRanges[0]}}
				sc.calcs[id] = n
				todo = append(todo, pending{n, c.Attributes["value"].Expr})
			}
		}
	}
	for _, t := range todo {
		at := t.n.node.seq
		t.n.c.Value = b.expr(t.expr, sc, func(ref *questionNode) bool { return ref.seq <= at },
			localize.Phrase{En: "a calculate block may only use the questions written before it", Ru: "calculate может использовать только вопросы, записанные до него"})
		t.n.done = true
		if t.n.c.Value == nil {
			continue
		}
		types := valueTypes(t.n.c.Value, sc, nil)
		if len(types) == 1 && ir.CalcKind(types[0]) != "" {
			t.n.c.Type = types[0]
		} else {
			if len(types) == 0 {
				types = []string{"null"}
			}
			b.errorf(t.expr.Range(), msgCalculationType, t.n.c.ID, typeNames(types))
		}
		s.Calculations = append(s.Calculations, *t.n.c)
	}
}

// valueTypes lists the types the values of e can have besides null, in
// the order met, added to seen: the type its column is stored as, when
// there is exactly one. A null branch of a condition or a null argument of
// coalesce adds none (so q_total > 0 ? q_chat / q_total : null is a
// number), each other branch or argument adds its own, and a calculation
// read by another adds its own type; anything else adds its static type,
// which may be "list" (q_channels), which a column cannot hold.
func valueTypes(e *ir.Expr, sc *scope, seen []string) []string {
	switch {
	case e.Op == ir.OpLit && e.Lit == nil:
		return seen
	case e.Op == ir.OpCond && len(e.Args) == 3:
		return valueTypes(e.Args[2], sc, valueTypes(e.Args[1], sc, seen))
	case e.Op == ir.OpCall && e.Fn == "coalesce":
		for _, a := range e.Args {
			seen = valueTypes(a, sc, seen)
		}
		return seen
	}
	t := e.Type
	if n := sc.calcs[e.Ref]; e.Op == ir.OpRef && n != nil && n.c.Type != "" {
		t = n.c.Type
	}
	if !contains(seen, t) {
		seen = append(seen, t)
	}
	return seen
}

// calcRef resolves a reference to a calculation, or returns ok false
// when the name is none.
func (x *exprCtx) calcRef(id string, rng hcl.Range) (e *ir.Expr, ok bool) {
	n := x.sc.calcs[id]
	if n == nil {
		return nil, false
	}
	if !n.done || x.visible != nil && !x.visible(&n.node) {
		x.b.errorf(rng, msgReferenceToALaterQuestion, id, x.why)
		return nil, true
	}
	if n.c.Value == nil {
		return nil, true // its own error is reported
	}
	t := n.c.Type // its column's type, when it has one
	if t == "" {
		t = n.c.Value.Type
	}
	return &ir.Expr{Op: ir.OpRef, Ref: id, Type: t}, true
}

// scoredCalc resolves an item of an index or block that names a
// calculation: its ID and whether its type is one of want, reporting the
// ones that are not (need says what the owner reads). ok is false when the
// name is no calculation.
func (b *builder) scoredCalc(t hcl.Traversal, sc *scope, owner noun, id string, need localize.Phrase, want ...string) (ref string, ok bool) {
	n := sc.calcs[traversalString(t)]
	if n == nil {
		return "", false
	}
	if n.c.Type == "" { // no value, or one the data cannot hold: reported
		return "", true
	}
	if !contains(want, n.c.Type) {
		b.errorf(t.SourceRange(), msgCalculationNotScored, n.c.ID, typeNames{n.c.Type}, owner, id, need)
		return "", true
	}
	return n.c.ID, true
}
