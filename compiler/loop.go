package compiler

import (
	"encoding/json"
	"maps"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/opros/opros/compiler/ir"
)

// Loops (ir.Loop): a loop block's pages are written out once per option
// of its multi question, before anything reads pages, so every later
// step of the build (IDs, conditions, pipes, rules, columns) sees plain
// pages and questions. What is particular to an iteration is only how a
// name written in the loop resolves: within an iteration, a loop
// question's name (contacts) is that iteration's question
// (contacts__phone), in expressions (scope.at) and in piped texts
// (fillLoops).

var loopSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{{Name: "over", Required: true}},
	Blocks:     []hcl.BlockHeaderSchema{{Type: "page", LabelNames: []string{"id"}}, {Type: "loop", LabelNames: []string{"id"}}},
}

// loopSyntax is a loop block after decoding: its pages stand in
// syntax.pages where the loop is written, marked by their loop.
type loopSyntax struct {
	blk  *hcl.Block
	over hcl.Expression // nil when missing (HCL said so)
}

// decodeLoop adds a loop block's pages to syn.pages, each marked as the
// loop's in syn.pageLoop.
func decodeLoop(syn *syntax, blk *hcl.Block) hcl.Diagnostics {
	c, diags := blk.Body.Content(loopSchema)
	if c == nil {
		return diags
	}
	ls := &loopSyntax{blk: blk}
	if a, ok := c.Attributes["over"]; ok {
		ls.over = a.Expr
	}
	syn.loops = append(syn.loops, ls)
	pages := 0
	for _, inner := range c.Blocks {
		if inner.Type == "loop" {
			diags = append(diags, errorAt(inner.DefRange, msgNestedLoop, inner.Labels[0], blk.Labels[0]))
			continue
		}
		for len(syn.pageLoop) < len(syn.pages) {
			syn.pageLoop = append(syn.pageLoop, nil)
		}
		syn.pages = append(syn.pages, inner)
		syn.pageLoop = append(syn.pageLoop, ls)
		pages++
	}
	if pages == 0 {
		diags = append(diags, errorAt(blk.DefRange, msgEmptyLoop, blk.Labels[0]))
	}
	return diags
}

// iteration is one option's pass through a loop's pages.
type iteration struct {
	loop *ir.Loop
	code string
	// alias maps the loop's questions as written to their IDs in this
	// iteration.
	alias map[string]string
	// questions is the scope's questions with alias laid over
	// (scope.at), made once.
	questions map[string]*questionNode
}

// expandLoops writes every loop's pages out once per iterated option,
// option by option (all of a loop's pages for its first option, then
// for the next), in place of the pages as written, and returns the pages
// and their drafts with each page's iteration (nil outside loops).
// Diagnostics of the pages as written are kept with their first
// iteration only, so each is said once.
func (b *builder) expandLoops(s *ir.Survey, syn *syntax, drafts []pageDraft, claim func(string, hcl.Range, noun) bool) ([]*hcl.Block, []pageDraft, []*iteration) {
	if len(syn.loops) == 0 {
		return syn.pages, drafts, nil
	}
	for len(syn.pageLoop) < len(syn.pages) {
		syn.pageLoop = append(syn.pageLoop, nil)
	}
	// The questions outside loops, by ID, with their page's index: what
	// a loop may repeat over and what its questions' IDs must not take.
	type plain struct {
		q    *ir.Question
		page int
		at   hcl.Range
	}
	outside := map[string]plain{}
	for pi, d := range drafts {
		if syn.pageLoop[pi] != nil || d.content == nil {
			continue
		}
		for i, qb := range questionBlocks(d.content.Blocks) {
			if _, dup := outside[qb.Labels[0]]; !dup && i < len(d.questions) {
				outside[qb.Labels[0]] = plain{d.questions[i].q, pi, qb.LabelRanges[0]}
			}
		}
	}
	var pages []*hcl.Block
	var out []pageDraft
	var iters []*iteration
	done := map[*loopSyntax]bool{}
	for pi := 0; pi < len(syn.pages); pi++ {
		ls := syn.pageLoop[pi]
		if ls == nil {
			pages = append(pages, syn.pages[pi])
			out = append(out, drafts[pi])
			iters = append(iters, nil)
			continue
		}
		if done[ls] {
			continue
		}
		done[ls] = true
		first, last := pi, pi
		for last+1 < len(syn.pages) && syn.pageLoop[last+1] == ls {
			last++
		}
		l := &ir.Loop{ID: ls.blk.Labels[0], Range: toRange(ls.blk.DefRange)}
		b.checkID(l.ID, ls.blk.LabelRanges[0], nounLoop)
		claim(l.ID, ls.blk.LabelRanges[0], nounLoop)
		for i := first; i <= last; i++ {
			l.Pages = append(l.Pages, syn.pages[i].Labels[0])
			if drafts[i].content == nil {
				continue
			}
			for _, blk := range drafts[i].content.Blocks {
				if blk.Type == "calculate" {
					b.errorf(blk.DefRange, msgCalculateInLoop, blk.Labels[0], l.ID)
				}
			}
			var blocks hcl.Blocks
			if drafts[i].content != nil {
				blocks = questionBlocks(drafts[i].content.Blocks)
			}
			for j, qd := range drafts[i].questions {
				l.Asks = append(l.Asks, qd.q.ID)
				// Within the loop the name is the loop's question: one
				// outside the loop by that name could not be read there.
				if p, taken := outside[qd.q.ID]; taken && j < len(blocks) {
					b.errorf(blocks[j].LabelRanges[0], msgLoopQuestionNamedLikeAnother, l.ID, qd.q.ID, p.at)
				}
			}
		}
		over := b.loopSource(l, ls, first, slices.Collect(maps.Keys(outside)), func(id string) (*ir.Question, int, bool) {
			p, ok := outside[id]
			return p.q, p.page, ok
		})
		if over != nil {
			l.Over = over.ID
			for _, o := range over.Options {
				if o.Exclusive {
					continue
				}
				if !idPattern.MatchString(ir.IterationID("x", o.Code)) {
					b.errorf(ls.over.Range(), msgLoopCodeNotIdentifier, l.ID, o.Code, over.ID)
					continue
				}
				l.Options = append(l.Options, o.Code)
			}
		}
		s.Loops = append(s.Loops, *l)
		if over == nil || len(l.Options) == 0 {
			// No iteration to carry the pages' own problems: say them
			// here, so that fixing the source does not reveal new ones.
			for i := first; i <= last; i++ {
				b.add(drafts[i].diags...)
				for _, qd := range drafts[i].questions {
					b.add(qd.diags...)
				}
			}
			continue
		}
		for n, code := range l.Options {
			it := &iteration{loop: l, code: code, alias: map[string]string{}}
			for _, id := range l.Asks {
				it.alias[id] = ir.IterationID(id, code)
			}
			for i := first; i <= last; i++ {
				d := pageDraft{content: drafts[i].content}
				if n == 0 {
					d.diags = drafts[i].diags
				}
				var blocks hcl.Blocks
				if d.content != nil {
					blocks = questionBlocks(d.content.Blocks)
				}
				for j, qd := range drafts[i].questions {
					q := cloneQuestion(qd.q)
					q.ID = it.alias[qd.q.ID]
					q.Iteration = &ir.Iteration{Loop: l.ID, Option: code, Of: qd.q.ID}
					if q.Source != "" {
						if n == 0 && j < len(blocks) {
							b.errorf(sourceRange(blocks[j]), msgSourceInLoop, l.ID, qd.q.ID)
						}
						q.Source = "" // said once, not again as each iteration's duplicate
					}
					if p, taken := outside[q.ID]; taken && j < len(blocks) {
						b.errorf(blocks[j].LabelRanges[0], msgLoopColumnTaken, l.ID, qd.q.ID, code, q.ID, p.at)
						// Not said again as a duplicate ID: the survey does
						// not compile, so the question only keeps its place.
						q.ID += "#taken"
					}
					nd := questionDraft{q: q, showIf: qd.showIf}
					if n == 0 {
						nd.diags = qd.diags
					}
					d.questions = append(d.questions, nd)
				}
				pages = append(pages, syn.pages[i])
				out = append(out, d)
				iters = append(iters, it)
			}
		}
	}
	syn.pageLoop = nil
	return pages, out, iters
}

// loopSource resolves a loop's over: a multi question outside loops on a
// page before the loop's first.
func (b *builder) loopSource(l *ir.Loop, ls *loopSyntax, first int, names []string, find func(string) (*ir.Question, int, bool)) *ir.Question {
	if ls.over == nil {
		return nil
	}
	t, diags := hcl.AbsTraversalForExpr(ls.over)
	if diags.HasErrors() || len(t) != 1 {
		b.errorf(ls.over.Range(), msgLoopOverNotQuestion, l.ID)
		return nil
	}
	name := t.RootName()
	q, page, ok := find(name)
	if !ok {
		b.errorf(ls.over.Range(), msgUnknownQuestion, name, didYouMean(name, names))
		return nil
	}
	if page >= first {
		b.errorf(ls.over.Range(), msgLoopOverLater, l.ID, name)
		return nil
	}
	if q.Type != ir.Multi {
		b.errorf(ls.over.Range(), msgLoopOverNotMulti, l.ID, name, q.Type)
		return nil
	}
	return q
}

// cloneQuestion is a deep copy of a drafted question, whose texts an
// iteration then fills in.
func cloneQuestion(q *ir.Question) *ir.Question {
	raw, err := json.Marshal(q)
	if err != nil {
		panic("compiler: marshal question: " + err.Error()) // plain data: a bug in the IR types
	}
	var c ir.Question
	if err := json.Unmarshal(raw, &c); err != nil {
		panic("compiler: unmarshal question: " + err.Error())
	}
	return &c
}

// iter is page pi's iteration, nil outside loops.
func (sc *scope) iter(pi int) *iteration {
	if pi < 0 || pi >= len(sc.iters) {
		return nil
	}
	return sc.iters[pi]
}

// at is the scope an expression on page pi reads: within a loop's
// iteration, the loop's questions by the names written in the loop are
// that iteration's.
func (sc *scope) at(pi int) *scope {
	if pi < 0 || pi >= len(sc.iters) || sc.iters[pi] == nil {
		return sc
	}
	it := sc.iters[pi]
	if it.questions == nil {
		it.questions = maps.Clone(sc.questions)
		for as, id := range it.alias {
			if qn := sc.questions[id]; qn != nil {
				it.questions[as] = qn
			}
		}
	}
	c := *sc
	c.questions = it.questions
	return &c
}

// loopOf returns the loop that asks a question written as name, when
// name is no question of its own: an expression or a text outside the
// loop that names a loop question without its iteration.
func (sc *scope) loopOf(name string) *ir.Loop {
	for _, it := range sc.iters {
		if it != nil {
			if _, ok := it.alias[name]; ok {
				return it.loop
			}
		}
	}
	return nil
}

// iterationsOf lists how a loop question is named in each iteration, for
// the message saying to name one.
func iterationsOf(l *ir.Loop, name string) string {
	var ids []string
	for _, code := range l.Options {
		ids = append(ids, ir.IterationID(name, code))
	}
	return strings.Join(ids, ", ")
}

// pageID is the ID of page pi: as written, with its option's code in an
// iteration.
func (sc *scope) pageID(pi int, written string) string {
	if pi < len(sc.iters) && sc.iters[pi] != nil {
		return ir.IterationID(written, sc.iters[pi].code)
	}
	return written
}

// loopConditions makes each iteration's page shown only while its loop's
// question has the option: contains(over, "code"), before the page's own
// show_if.
func loopConditions(s *ir.Survey, sc *scope) {
	for pi := range s.Pages {
		if pi >= len(sc.iters) || sc.iters[pi] == nil {
			continue
		}
		it := sc.iters[pi]
		p := &s.Pages[pi]
		p.Iteration = &ir.Iteration{Loop: it.loop.ID, Option: it.code, Of: strings.TrimSuffix(p.ID, ir.IterationSep+it.code)}
		chosen := &ir.Expr{Op: ir.OpCall, Fn: "contains", Type: "bool", Args: []*ir.Expr{
			{Op: ir.OpRef, Ref: it.loop.Over, Type: "list"},
			{Op: ir.OpLit, Lit: it.code, Type: "string"},
		}}
		if p.ShowIf == nil {
			p.ShowIf = chosen
		} else {
			p.ShowIf = &ir.Expr{Op: ir.OpAnd, Type: "bool", Args: []*ir.Expr{chosen, p.ShowIf}}
		}
	}
}

// fillLoops writes each iteration's option into the texts of its page
// and questions ({loop.label} in every language, {loop.code}) and names
// the iteration's own questions in piped values ({contacts} is
// {contacts__phone}); a page without a title is titled by the option.
// It reads the IR alone (Page.Iteration, Survey.Loops), once every text
// is decoded and checked.
func fillLoops(s *ir.Survey) {
	for pi := range s.Pages {
		p := &s.Pages[pi]
		it := p.Iteration
		if it == nil {
			continue
		}
		l := s.Loop(it.Loop)
		over := s.Question(l.Over)
		label := over.Option(it.Option).Label
		asks := map[string]bool{}
		for _, id := range l.Asks {
			asks[id] = true
		}
		fill := func(t ir.Text) {
			for lang, text := range t {
				text = ir.FillLoop(text, ir.Unpiped(label.Get(lang)), it.Option)
				if strings.Contains(text, "{") {
					text = ir.PipeRef.ReplaceAllStringFunc(text, func(m string) string {
						sub := ir.PipeRef.FindStringSubmatchIndex(m)
						if ref := m[sub[2]:sub[3]]; asks[ref] {
							return m[:sub[2]] + ir.IterationID(ref, it.Option) + m[sub[3]:]
						}
						return m
					})
				}
				t[lang] = text
			}
		}
		if len(p.Title) == 0 {
			p.Title = ir.Text{}
			for lang, l := range label {
				p.Title[lang] = ir.Unpiped(l)
			}
		}
		fill(p.Title)
		fill(p.Intro)
		for i := range p.Rules {
			fill(p.Rules[i].Message)
		}
		for qi := range p.Questions {
			eachText(&p.Questions[qi], fill)
		}
	}
}

// eachText calls f with every text of a question a respondent reads.
func eachText(q *ir.Question, f func(ir.Text)) {
	f(q.Text)
	f(q.Help)
	f(q.Placeholder)
	f(q.PatternMessage)
	f(q.TrueLabel)
	f(q.FalseLabel)
	for _, k := range slices.Sorted(maps.Keys(q.Messages)) {
		f(q.Messages[k])
	}
	for i := range q.Rules {
		f(q.Rules[i].Message)
	}
	for i := range q.Options {
		f(q.Options[i].Label)
	}
	for _, rows := range [][]ir.Row{q.Rows, q.Cols, q.Items} {
		for i := range rows {
			f(rows[i].Label)
		}
	}
	if sd := q.Scale; sd != nil {
		f(sd.MinLabel)
		f(sd.MaxLabel)
		f(sd.Missing)
		for _, l := range sd.Labels {
			f(l)
		}
	}
}

// loopPipe checks a {loop.x} placeholder: only label and code, only in
// a loop's pages.
func (p *pipeCheck) loopPipe(ref string, rng hcl.Range) {
	if !p.inLoop {
		p.b.errorf(rng, msgLoopPipeOutsideLoop, ref)
		return
	}
	if ref != "loop.label" && ref != "loop.code" {
		p.b.errorf(rng, msgUnknownLoopPipe, ref)
	}
}

// loopTitle checks the {loop.x} in a page's title: a title pipes no
// answers, but a loop's page is titled by its option.
func (p *pipeCheck) loopTitle(t ir.Text, rng hcl.Range) {
	seen := map[string]bool{}
	for _, lang := range slices.Sorted(maps.Keys(t)) {
		for _, u := range ir.Pipes(t[lang]) {
			if strings.HasPrefix(u.Ref, "loop.") && !seen[u.Ref] {
				seen[u.Ref] = true
				p.loopPipe(u.Ref, rng)
			}
		}
	}
}

// onceEach drops diagnostics said before with the same words at the same
// place: a loop's page written out once per option meets a problem once
// per iteration.
func onceEach(diags hcl.Diagnostics) hcl.Diagnostics {
	type key struct {
		summary, detail string
		at              hcl.Range
	}
	seen := map[key]bool{}
	out := diags[:0]
	for _, d := range diags {
		k := key{summary: d.Summary, detail: d.Detail}
		if d.Subject != nil {
			k.at = *d.Subject
		}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, d)
	}
	return out
}
