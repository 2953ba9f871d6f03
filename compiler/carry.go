package compiler

import (
	"iter"

	"github.com/hashicorp/hcl/v2"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/localize"
)

// Carry forward (a question's options_from block) and option conditions
// (an option's show_if): which options a respondent is offered depends on
// earlier answers (ir.Question.Offered). Both read only questions asked
// before the question, as show_if does, so the logic reads top to bottom.

var optionsFromSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "question", Required: true}, {Name: "take"}}}

// offersOneByOne reports whether a question type offers its options one
// by one, so that some can be carried or conditional: a matrix's options
// are the columns of every row.
func offersOneByOne(t string) bool { return t == ir.Single || t == ir.Multi || t == ir.Dropdown }

// optionBlocksSchema finds a question's options_from and option blocks
// again once every question is known (the draft decoded the rest).
var optionBlocksSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "options_from"}, {Type: "option", LabelNames: []string{"code"}}}}

// carryForward puts the carried options in front of the own options of
// every question with an options_from block, in form order, so that a
// question carrying from one that carries finds that one's options
// complete. It runs before any expression is checked: a condition
// comparing the question with a carried code must find the code.
func (b *builder) carryForward(sc *scope, drafts []pageDraft) {
	for qb, qn := range draftQuestions(sc, drafts) {
		c, _, _ := qb.Body.PartialContent(optionBlocksSchema)
		var from *hcl.Block
		for _, blk := range c.Blocks {
			if blk.Type != "options_from" {
				continue
			}
			if from != nil {
				b.errorf(blk.DefRange, msgDuplicateBlock, "options_from", from.DefRange)
				continue
			}
			from = blk
		}
		q := qn.q
		if from == nil {
			continue
		}
		if !offersOneByOne(q.Type) {
			if ir.IsChoiceType(q.Type) { // the other types' draft said so
				b.errorf(from.DefRange, msgBlockNotAllowedHere, q.Type, from.Type)
			}
			continue
		}
		fc, d := from.Body.Content(optionsFromSchema)
		b.add(d...)
		if fc == nil {
			continue
		}
		take := ir.TakeChosen
		if a, ok := fc.Attributes["take"]; ok {
			before := len(b.diags)
			if t := b.str(fc.Attributes, "take"); len(b.diags) > before {
				continue // not a string: said already
			} else if t != ir.TakeChosen && t != ir.TakeNotChosen {
				b.errorf(a.Expr.Range(), msgInvalidTake, t, didYouMean(t, []string{ir.TakeChosen, ir.TakeNotChosen}))
				continue
			}
			take = b.str(fc.Attributes, "take")
		}
		a, ok := fc.Attributes["question"]
		if !ok {
			continue // HCL said it is required
		}
		t := b.ref(a.Expr, "question")
		if t == nil {
			continue
		}
		id := traversalString(t)
		src, known := sc.questions[id]
		switch {
		case !known:
			b.errorf(a.Expr.Range(), msgUnknownQuestion, id, didYouMean(id, sc.order))
			continue
		case src == qn:
			b.errorf(a.Expr.Range(), msgOptionsFromItself, id)
			continue
		case src.seq > qn.seq:
			b.errorf(a.Expr.Range(), msgOptionsFromLater, id, q.ID)
			continue
		case !offersOneByOne(src.q.Type):
			b.errorf(a.Expr.Range(), msgOptionsFromNotChoice, id, src.q.Type)
			continue
		}
		// "None of these" and "don't know" say something about the list,
		// not an item of it: they are not carried.
		var carried []ir.Option
		for _, o := range src.q.Options {
			if o.Exclusive || o.Missing {
				continue
			}
			carried = append(carried, ir.Option{Code: o.Code, Label: o.Label, Carried: true, Range: o.Range})
		}
		if len(carried) == 0 {
			if len(src.q.Options) > 0 { // none at all: its own problem, said there
				b.errorf(a.Expr.Range(), msgNothingToCarry, id)
			}
			continue
		}
		own := q.Options[:0:0]
		for _, o := range q.Options {
			if carriedCode(carried, o.Code) {
				b.errorf(ownOptionLabel(c.Blocks, o.Code, qn.label), msgDuplicateCarriedOption, o.Code, id)
				continue
			}
			own = append(own, o)
		}
		q.Options = append(carried, own...)
		q.OptionsFrom = &ir.OptionsFrom{Question: id, Take: take, Range: toRange(from.DefRange)}
		if q.MinSelect > len(q.Options) {
			b.errorf(qn.label, msgMinSelectAboveOptions, q.MinSelect, len(q.Options))
		}
	}
}

// ownOptionLabel is the code in the header of the question's option
// block of that code (an option of its set: the question's ID).
func ownOptionLabel(blocks hcl.Blocks, code string, question hcl.Range) hcl.Range {
	for _, blk := range blocks {
		if blk.Type == "option" && blk.Labels[0] == code {
			return blk.LabelRanges[0]
		}
	}
	return question
}

func carriedCode(carried []ir.Option, code string) bool {
	for _, o := range carried {
		if o.Code == code {
			return true
		}
	}
	return false
}

// optionConditions checks every option's show_if: a condition over
// hidden fields and the questions asked before the option's question
// (its own answer is what the condition decides). A question none of
// whose options can ever be offered, when that is known without any
// answer, is refused: it would always be skipped.
func (b *builder) optionConditions(sc *scope, drafts []pageDraft) {
	for qb, qn := range draftQuestions(sc, drafts) {
		c, _, _ := qb.Body.PartialContent(optionBlocksSchema)
		q := qn.q
		conditional, never := 0, 0
		for _, ob := range c.Blocks {
			if ob.Type != "option" {
				continue
			}
			oc, _, _ := ob.Body.PartialContent(&hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "show_if"}}})
			a, ok := oc.Attributes["show_if"]
			if !ok {
				continue
			}
			if !offersOneByOne(q.Type) {
				if ir.IsChoiceType(q.Type) {
					b.errorf(a.NameRange, msgOptionConditionNotAllowed, q.Type)
				}
				continue
			}
			if usesItself(a.Expr, q.ID) {
				b.errorf(a.Expr.Range(), msgOptionConditionOnItself, ob.Labels[0], q.ID)
				continue
			}
			e := b.expr(a.Expr, sc, func(ref *questionNode) bool { return ref.seq < qn.seq },
				localize.Phrase{En: "an option's show_if may only use questions asked before its question", Ru: "show_if варианта может использовать только вопросы, заданные до его вопроса"})
			b.wantBool(e, a.Expr, "show_if")
			o := q.Option(ob.Labels[0])
			if e == nil || o == nil || o.Carried {
				continue
			}
			o.ShowIf = e
			conditional++
			if len(e.Refs()) == 0 && !ir.Truthy(e.Eval(func(string) any { return nil })) {
				never++
			}
		}
		if conditional > 0 && never == len(q.Options) {
			b.errorf(qn.label, msgNoOptionCanBeShown, q.ID)
		}
	}
}

// usesItself reports whether an expression reads question id.
func usesItself(e hcl.Expression, id string) bool {
	for _, t := range e.Variables() {
		if t.RootName() == id {
			return true
		}
	}
	return false
}

// optionSetConditions refuses a show_if on an option of an option set:
// the questions sharing the set stand at different places in the form,
// and a condition may only look back from its question.
func (b *builder) optionSetConditions(syn *syntax) {
	for _, set := range syn.optSets {
		c, _, _ := set.Body.PartialContent(optionBlocksSchema)
		for _, ob := range c.Blocks {
			oc, _, _ := ob.Body.PartialContent(&hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "show_if"}}})
			if a, ok := oc.Attributes["show_if"]; ok && ob.Type == "option" {
				b.errorf(a.NameRange, msgOptionConditionInSet, ob.Labels[0], set.Labels[0])
			}
		}
	}
}

// draftQuestions yields each question block in form order with its node,
// leaving out a block whose ID another question took first.
func draftQuestions(sc *scope, drafts []pageDraft) iter.Seq2[*hcl.Block, *questionNode] {
	return func(yield func(*hcl.Block, *questionNode) bool) {
		for _, d := range drafts {
			if d.content == nil {
				continue
			}
			for _, qb := range questionBlocks(d.content.Blocks) {
				qn := sc.questions[qb.Labels[0]]
				if qn == nil || qn.label != qb.LabelRanges[0] {
					continue
				}
				if !yield(qb, qn) {
					return
				}
			}
		}
	}
}

// offersIn reports whether a survey carries options forward or has an
// option's show_if, reading the syntax alone: the compiler asks it while
// checking the interface text of a language without built-in text, before
// the questions are decoded.
func offersIn(syn *syntax) bool {
	for _, pb := range syn.pages {
		pc, _, _ := pb.Body.PartialContent(&hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "question", LabelNames: []string{"id"}}}})
		for _, qb := range pc.Blocks {
			qc, _, _ := qb.Body.PartialContent(optionBlocksSchema)
			for _, blk := range qc.Blocks {
				if blk.Type == "options_from" {
					return true
				}
				oc, _, _ := blk.Body.PartialContent(&hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "show_if"}}})
				if _, ok := oc.Attributes["show_if"]; ok {
					return true
				}
			}
		}
	}
	return false
}
