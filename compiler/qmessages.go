package compiler

import (
	"github.com/hashicorp/hcl/v2"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/localize"
)

// splitMessages takes a question's messages blocks out of its blocks,
// and its validate blocks, which validationRules decodes once every
// question is known.
func splitMessages(blocks hcl.Blocks) (rest, messages hcl.Blocks) {
	for _, blk := range blocks {
		switch blk.Type {
		case "messages":
			messages = append(messages, blk)
		case "validate", "screen_out": // validationRules, endings
		default:
			rest = append(rest, blk)
		}
	}
	return rest, messages
}

// validationRules decodes every question's and every page's validate
// blocks: a condition over the question's own answer (the page's
// answers), earlier answers and hidden fields, and a message in every
// language.
func (b *builder) validationRules(s *ir.Survey, sc *scope, drafts []pageDraft) {
	for pi, d := range drafts {
		if d.content == nil {
			continue
		}
		if pi < len(s.Pages) {
			for _, blk := range d.content.Blocks {
				if blk.Type != "validate" {
					continue
				}
				r := b.rule(blk, sc.at(pi), func(ref *questionNode) bool { return ref.page <= pi },
					localize.Phrase{En: "a page's validate may only use questions on its page and earlier ones", Ru: "validate страницы может использовать только вопросы с этой и предыдущих страниц"})
				if r != nil {
					s.Pages[pi].Rules = append(s.Pages[pi].Rules, *r)
				}
			}
		}
		for _, qb := range questionBlocks(d.content.Blocks) {
			qn := sc.at(pi).questions[qb.Labels[0]] // in a loop, its iteration's
			if qn == nil {
				continue // a duplicate ID, said already
			}
			c, _, _ := qb.Body.PartialContent(&hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "validate"}}})
			if c == nil {
				continue
			}
			for _, blk := range c.Blocks {
				r := b.rule(blk, sc.at(pi), func(ref *questionNode) bool { return ref.seq <= qn.seq },
					localize.Phrase{En: "a question's validate may only use that question and the ones asked before it", Ru: "validate вопроса может использовать только этот вопрос и заданные до него"})
				if r != nil {
					qn.q.Rules = append(qn.q.Rules, *r)
				}
			}
		}
	}
}

// rule decodes one validate block, a question's or a page's: must may
// read the questions visible says it may (why says which those are).
func (b *builder) rule(blk *hcl.Block, sc *scope, visible func(*questionNode) bool, why localize.Phrase) *ir.Rule {
	vc, diags := blk.Body.Content(validateSchema)
	b.add(diags...)
	if vc == nil {
		return nil
	}
	r := ir.Rule{Range: toRange(blk.DefRange)}
	r.Message = b.text(vc.Attributes, "message", false, blk.DefRange) // required: HCL says when it is missing
	if a, ok := vc.Attributes["must"]; ok {
		r.Must = b.expr(a.Expr, sc, visible, why)
		b.wantBool(r.Must, a.Expr, "validate { must }")
	}
	if r.Must == nil {
		return nil
	}
	return &r
}

// questionMessages decodes a question's messages block: its own words
// for the checks it has (ir.Question.Messages; messages.pattern is
// PatternMessage, the one text the form without JavaScript shows too).
// A message for a check the question does not make is refused: it would
// never be shown.
func (b *builder) questionMessages(q *ir.Question, blocks hcl.Blocks) {
	for i, blk := range blocks {
		if i > 0 {
			b.errorf(blk.DefRange, msgDuplicateBlock, "messages", blocks[0].DefRange)
			continue
		}
		c, d := blk.Body.Content(messagesSchema)
		b.add(d...)
		if c == nil {
			continue
		}
		for _, key := range ir.MessageKeys {
			a, ok := c.Attributes[key]
			if !ok {
				continue
			}
			if need := checkOf(q, key); need != "" {
				b.errorf(a.NameRange, msgMessageWithoutCheck, key, need)
				continue
			}
			t := b.text(c.Attributes, key, false, blk.DefRange)
			b.messagePlaceholders(key, t, a.Expr.Range())
			if key == "pattern" {
				if q.PatternMessage != nil {
					b.errorf(a.NameRange, msgPatternMessageTwice)
				}
				q.PatternMessage = t
				continue
			}
			if q.Messages == nil {
				q.Messages = map[string]ir.Text{}
			}
			q.Messages[key] = t
		}
	}
}

// messagePlaceholders checks a question's own message for a check (key,
// one of ir.MessageKeys) as uiText checks the form's text it replaces:
// the form fills in only that text's placeholders ({n}, the limit, in
// min, max, min_select, …; none in required and pattern), so any other
// would reach respondents as written.
func (b *builder) messagePlaceholders(key string, t ir.Text, rng hcl.Range) {
	var want []string
	for _, k := range ir.UIKeys {
		if k.Name == key {
			want = k.Placeholders
		}
	}
	said := map[string]bool{}
	for _, lang := range b.languages {
		for _, p := range placeholder.FindAllString(t[lang], -1) {
			if !contains(want, p) && !said[p] {
				said[p] = true
				b.errorf(rng, msgUIUnknownPlaceholder, key, p, placeholders(want))
			}
		}
	}
}

// checkOf is "" when the question makes the check a message key words,
// else the attribute that would make it.
func checkOf(q *ir.Question, key string) string {
	has := map[string]bool{
		"required": q.Required, "pattern": q.Pattern != "",
		"min": q.Min != nil, "max": q.Max != nil,
		"min_select": q.MinSelect > 0, "max_select": q.MaxSelect > 0,
		"min_length": q.MinLength > 0, "max_length": q.MaxLength > 0,
		"total": q.Type == ir.ConstantSum, "rank_gap": q.Type == ir.Ranking,
	}[key]
	switch {
	case has:
		return ""
	case key == "required":
		return "required = true"
	case key == "total":
		return `type = "constant_sum"`
	case key == "rank_gap":
		return `type = "ranking"`
	}
	return key
}
