package compiler

import (
	"maps"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/localize"
)

// pipes checks the piped values ({q}, {hidden.x}, ir.PipeRef) of every
// text a respondent reads, as show_if is checked: a name must be a
// question or a hidden field, a question must be answered before the text
// is shown (the survey's intro: none; a page's title and intro: earlier
// pages; a question's text, help and options: questions asked before it;
// an ending and the thank-you text: any), and its answer must be one
// value or a list of codes.
func (b *builder) pipes(s *ir.Survey, syn *syntax, sc *scope) {
	p := &pipeCheck{b: b, sc: sc}
	p.text(s.Intro, attrRange(syn.survey, "intro"), func(*questionNode) bool { return false },
		localize.Phrase{En: "the survey's intro comes before every question", Ru: "вступление анкеты идёт до всех вопросов"})
	p.text(s.ThankYou, attrRange(syn.survey, "thank_you"), func(*questionNode) bool { return true }, localize.Phrase{}) // shown once every answer is in
	questionAt := map[string]*hcl.Block{}
	for pi := range s.Pages {
		page := &s.Pages[pi]
		p.sc, p.inLoop = sc.at(pi), sc.iter(pi) != nil
		if pi < len(syn.pages) {
			p.loopTitle(page.Title, attrRange(syn.pages[pi], "title"))
			p.text(answersOnly(page.Title), attrRange(syn.pages[pi], "title"), func(ref *questionNode) bool { return ref.page < pi },
				localize.Phrase{En: "a page's title may only pipe questions on earlier pages", Ru: "в заголовок страницы можно подставить только вопросы с предыдущих страниц"})
			p.text(page.Intro, attrRange(syn.pages[pi], "intro"), func(ref *questionNode) bool { return ref.page < pi },
				localize.Phrase{En: "a page's intro may only pipe questions on earlier pages", Ru: "во вступление страницы можно подставить только вопросы с предыдущих страниц"})
			if body, ok := syn.pages[pi].Body.(*hclsyntax.Body); ok {
				for _, blk := range body.Blocks {
					if blk.Type == "question" && len(blk.Labels) > 0 && questionAt[blk.Labels[0]] == nil {
						questionAt[blk.Labels[0]] = blk.AsHCLBlock()
					}
				}
			}
		}
		for qi := range page.Questions {
			q := &page.Questions[qi]
			qn := sc.questions[q.ID]
			if qn == nil {
				continue
			}
			earlier := func(ref *questionNode) bool { return ref.seq < qn.seq }
			why := localize.Phrase{En: "a question's texts may only pipe questions asked before it", Ru: "в тексты вопроса можно подставить только вопросы, заданные до него"}
			blk := questionAt[q.ID]
			if q.Iteration != nil {
				blk = questionAt[q.Iteration.Of]
			}
			p.text(q.Text, attrRange(blk, "text"), earlier, why)
			p.text(q.Help, attrRange(blk, "help"), earlier, why)
			for _, o := range q.Options {
				rng := hclRange(o.Range) // an option set's
				if blk != nil {
					for _, ob := range blk.Body.(*hclsyntax.Body).Blocks {
						if ob.Type == "option" && len(ob.Labels) > 0 && ob.Labels[0] == o.Code {
							rng = attrRange(ob.AsHCLBlock(), "label")
						}
					}
				}
				p.text(o.Label, rng, earlier, why)
			}
		}
	}
	p.sc, p.inLoop = sc, false
	for i, e := range s.Endings {
		var blk *hcl.Block
		if i < len(syn.endings) {
			blk = syn.endings[i]
		}
		p.text(e.Text, attrRange(blk, "text"), func(*questionNode) bool { return true }, localize.Phrase{})
	}
}

// answersOnly is a page title without its {loop.x} placeholders, which
// loopTitle checks: the answers it pipes.
func answersOnly(t ir.Text) ir.Text {
	out := ir.Text{}
	for lang, s := range t {
		out[lang] = ir.PipeRef.ReplaceAllStringFunc(s, func(m string) string {
			if strings.HasPrefix(ir.Pipes(m)[0].Ref, "loop.") {
				return ""
			}
			return m
		})
	}
	return out
}

type pipeCheck struct {
	b      *builder
	sc     *scope
	inLoop bool // the text is on a loop's page: {loop.label} is its option's
}

// text checks the placeholders of one text in every language, each name
// once per text.
func (p *pipeCheck) text(t ir.Text, rng hcl.Range, visible func(*questionNode) bool, why localize.Phrase) {
	seen := map[string]bool{}
	for _, lang := range slices.Sorted(maps.Keys(t)) {
		for _, u := range ir.Pipes(t[lang]) {
			if seen[u.Ref] {
				continue
			}
			seen[u.Ref] = true
			p.ref(u.Ref, rng, visible, why)
		}
	}
}

func (p *pipeCheck) ref(ref string, rng hcl.Range, visible func(*questionNode) bool, why localize.Phrase) {
	names := slices.Clone(p.sc.order)
	for id := range p.sc.hidden {
		names = append(names, "hidden."+id)
	}
	if p.sc.hidden[ref] != nil {
		p.b.errorf(rng, msgUnknownPipedName, ref, suggestion("hidden."+ref))
		return
	}
	if c := p.sc.calcs[ref]; c != nil {
		if !visible(&c.node) {
			p.b.errorf(rng, msgPipeOfALaterQuestion, ref, why)
		}
		return
	}
	qn := p.sc.questions[ref]
	if qn == nil {
		if id, ok := strings.CutPrefix(ref, "hidden."); ok && p.sc.hidden[id] != nil {
			return
		}
		if strings.HasPrefix(ref, "loop.") {
			p.loopPipe(ref, rng)
			return
		}
		if l := p.sc.loopOf(ref); l != nil {
			p.b.errorf(rng, msgLoopQuestionNeedsIteration, ref, l.ID, iterationsOf(l, ref))
			return
		}
		p.b.errorf(rng, msgUnknownPipedName, ref, didYouMean(ref, names))
		return
	}
	if !visible(qn) {
		p.b.errorf(rng, msgPipeOfALaterQuestion, ref, why)
		return
	}
	if !ir.Pipeable(qn.q.Type) {
		p.b.errorf(rng, msgPipeNotOneValue, ref, qn.q.Type)
	}
}

// attrRange is where a block's attribute is written, else the block's
// header; a zero range without a block.
func attrRange(blk *hcl.Block, name string) hcl.Range {
	if blk == nil {
		return hcl.Range{}
	}
	if body, ok := blk.Body.(*hclsyntax.Body); ok {
		if a, ok := body.Attributes[name]; ok {
			return a.Expr.Range()
		}
	}
	return blk.DefRange
}

// hclRange is an IR range back as HCL's.
func hclRange(r ir.Range) hcl.Range {
	return hcl.Range{Filename: r.File, Start: hcl.Pos{Line: r.Line, Column: r.Column}, End: hcl.Pos{Line: r.EndLine, Column: r.EndColumn}}
}
