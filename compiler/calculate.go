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
		if pi >= len(drafts) || drafts[pi].content == nil || pi >= len(s.Pages) {
			continue
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
		if t.n.c.Value != nil {
			s.Calculations = append(s.Calculations, *t.n.c)
		}
	}
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
	return &ir.Expr{Op: ir.OpRef, Ref: id, Type: n.c.Value.Type}, true
}

// scoredCalcs reports the calculations an index formula reads: scoring
// reads the data's columns, and a calculation has none yet.
func (b *builder) scoredCalcs(e *ir.Expr, sc *scope, rng hcl.Range) {
	for _, ref := range e.Refs() {
		if sc.calcs[ref] != nil {
			b.errorf(rng, msgCalculationNotScored, ref)
		}
	}
}
