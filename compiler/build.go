package compiler

import (
	"github.com/hashicorp/hcl/v2"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/localize"
	"github.com/opros/opros/compiler/parallel"
)

// questionNode is a question with the expressions that can only be checked
// once every question is known.
type questionNode struct {
	q      *ir.Question
	showIf hcl.Expression
	seq    int // position in form order, for "refers to a later question"
	page   int
	label  hcl.Range // the question's ID in its block header, where diagnostics about it point
}

type pageNode struct {
	p      *ir.Page
	showIf hcl.Expression
	first  int // seq of its first question
}

// scope is everything an expression or a scoring rule may refer to.
type scope struct {
	questions map[string]*questionNode
	order     []string
	hidden    map[string]*ir.Hidden
	blocks    map[string]*ir.Block
	indexes   map[string]*ir.Index
	calcs     map[string]*calcNode
	iters     []*iteration // by page: its loop iteration, nil outside loops (scope.at)
}

func buildIR(syn *syntax, onDisk bool) (*ir.Survey, hcl.Diagnostics) {
	b := &builder{langAt: map[string]hcl.Range{}, onDisk: onDisk, hasLoops: len(syn.loops) > 0}
	b.hasOffers = func() bool { return offersIn(syn) }
	b.hasType = func(t string) bool { return typesIn(syn)[t] }
	s := b.surveyMeta(syn)
	s.UI = b.uiText(syn.ui, s.Languages, syn.survey.DefRange)
	sc := &scope{questions: map[string]*questionNode{}, hidden: map[string]*ir.Hidden{},
		blocks: map[string]*ir.Block{}, indexes: map[string]*ir.Index{}}

	// IDs share one namespace: questions, hidden fields and pages are all
	// expression identifiers or column names.
	ids := map[string]hcl.Range{}
	claim := func(id string, rng hcl.Range, what noun) bool {
		if first, dup := ids[id]; dup {
			b.errorf(rng, msgDuplicateID, what, id, first)
			return false
		}
		ids[id] = rng
		return true
	}
	if s.Invitations != nil {
		// The data file's column of the invitation id (site/ingest).
		ids["invitation"] = hcl.Range{Filename: s.Invitations.Range.File, Start: hcl.Pos{Line: s.Invitations.Range.Line, Column: s.Invitations.Range.Column}}
	}
	for _, blk := range syn.hidden {
		h := b.hiddenField(blk)
		if claim(h.ID, blk.LabelRanges[0], nounHiddenField) {
			s.Hidden = append(s.Hidden, h)
		}
		if s.Invitations != nil && (h.Param == "inv" || h.Param == "sig" || h.Param == "exp") {
			b.errorf(blk.DefRange, msgInvitationParamTaken, h.Param)
		}
	}
	for i := range s.Hidden {
		sc.hidden[s.Hidden[i].ID] = &s.Hidden[i]
	}

	optSets := map[string][]ir.Option{}
	for _, blk := range syn.optSets {
		name := blk.Labels[0]
		b.checkID(name, blk.LabelRanges[0], nounOptionSet)
		if _, dup := optSets[name]; dup {
			b.errorf(blk.LabelRanges[0], msgDuplicateOptionSet, name)
		}
		c, d := blk.Body.Content(optionSetSchema)
		b.add(d...)
		if c == nil {
			continue
		}
		opts := b.options(c.Blocks)
		if len(opts) == 0 {
			b.errorf(blk.DefRange, msgEmptyOptionSet, name)
		}
		optSets[name] = opts
	}
	scales := map[string]*ir.ScaleDef{}
	for _, blk := range syn.scales {
		name := blk.Labels[0]
		b.checkID(name, blk.LabelRanges[0], nounScale)
		if _, dup := scales[name]; dup {
			b.errorf(blk.LabelRanges[0], msgDuplicateScale, name)
		}
		c, d := blk.Body.Content(scaleSchema)
		b.add(d...)
		if c == nil {
			continue
		}
		def := b.scaleDef(c.Attributes, blk.DefRange)
		complete := true
		for _, need := range []string{"min", "max"} {
			if _, ok := c.Attributes[need]; !ok {
				b.errorf(blk.DefRange, msgScaleNeeds, name, need)
				complete = false
			}
		}
		if complete {
			b.checkScale(def, blk.DefRange)
		}
		scales[name] = def
	}

	drafts := draftPages(b, syn.pages, optSets, scales)
	syn.pages, drafts, sc.iters = b.expandLoops(s, syn, drafts, claim)
	var pages []*pageNode
	var questions []*questionNode
	for pi, blk := range syn.pages {
		p := &ir.Page{ID: sc.pageID(pi, blk.Labels[0]), Range: toRange(blk.DefRange)}
		b.checkID(p.ID, blk.LabelRanges[0], nounPage)
		claim(p.ID, blk.LabelRanges[0], nounPage)
		draft := drafts[pi]
		b.add(draft.diags...)
		pn := &pageNode{p: p, first: len(questions)}
		pages = append(pages, pn)
		if draft.content == nil {
			continue
		}
		p.Title = b.text(draft.content.Attributes, "title", false, blk.DefRange)
		p.Intro = b.text(draft.content.Attributes, "intro", false, blk.DefRange)
		if a, ok := draft.content.Attributes["show_if"]; ok {
			pn.showIf = a.Expr
		}
		for i, qb := range questionBlocks(draft.content.Blocks) {
			qd := draft.questions[i]
			b.add(qd.diags...)
			qd.q.Page = p.ID
			if !claim(qd.q.ID, qb.LabelRanges[0], nounQuestion) {
				continue
			}
			p.Questions = append(p.Questions, *qd.q)
			b.noteQuestionSource(qd.q.ID, qb)
			questions = append(questions, &questionNode{showIf: qd.showIf, seq: len(questions), page: pi, label: qb.LabelRanges[0]})
		}
		if len(p.Questions) == 0 {
			b.errorf(blk.DefRange, msgEmptyPage, p.ID)
		}
	}
	if len(syn.pages) == 0 {
		b.errorf(syn.survey.DefRange, msgNoPages)
	}
	for _, pn := range pages {
		s.Pages = append(s.Pages, *pn.p)
	}
	// Point the nodes at the questions' final home in s.Pages.
	seq := 0
	for pi := range s.Pages {
		for qi := range s.Pages[pi].Questions {
			q := &s.Pages[pi].Questions[qi]
			questions[seq].q = q
			sc.questions[q.ID] = questions[seq]
			sc.order = append(sc.order, q.ID)
			seq++
		}
	}
	b.checkQuestionSources(s)

	b.carryForward(sc, drafts)
	b.calculations(s, sc, pages, drafts, claim)

	// Conditions may look back only: at hidden fields, at questions on
	// earlier pages and, for a question, earlier on its own page. That rule
	// also makes cycles impossible.
	for pi, pn := range pages {
		if pn.showIf == nil {
			continue
		}
		e := b.expr(pn.showIf, sc.at(pi), func(ref *questionNode) bool { return ref.page < pi }, localize.Phrase{En: "a page's show_if may only use questions on earlier pages", Ru: "show_if страницы может использовать только вопросы с предыдущих страниц"})
		b.wantBool(e, pn.showIf, "show_if")
		s.Pages[pi].ShowIf = e
	}
	loopConditions(s, sc)
	for _, qn := range questions {
		if qn.showIf == nil {
			continue
		}
		e := b.expr(qn.showIf, sc.at(qn.page), func(ref *questionNode) bool { return ref.seq < qn.seq }, localize.Phrase{En: "a question's show_if may only use questions asked before it", Ru: "show_if вопроса может использовать только вопросы, заданные до него"})
		b.wantBool(e, qn.showIf, "show_if")
		qn.q.ShowIf = e
	}

	b.optionConditions(sc, drafts)
	b.optionSetConditions(syn)
	b.endings(s, syn, sc, pages, drafts)
	b.pipes(s, syn, sc)
	b.validationRules(s, sc, drafts)
	b.scoring(s, syn, sc, claim)
	s.Vars = b.variables(s, syn, sc, questions)
	if b.diags.HasErrors() {
		return nil, b.diags
	}
	return s, b.diags
}

// wantBool says when a condition (attr: show_if, a screen_out's if, a
// validate's must) is not one.
func (b *builder) wantBool(e *ir.Expr, src hcl.Expression, attr string) {
	if e != nil && e.Type != "bool" && e.Type != "any" {
		b.errorf(src.Range(), msgConditionIsNotTrueOrFalse, attr, typeNames{e.Type})
	}
}

// pageDraft is a page's content and its questions built on their own, with
// the diagnostics each produced, to be merged in source order.
type pageDraft struct {
	content   *hcl.BodyContent
	diags     hcl.Diagnostics
	questions []questionDraft
}

type questionDraft struct {
	q      *ir.Question
	showIf hcl.Expression
	diags  hcl.Diagnostics
}

// draftPages builds every page's questions, pages spread over the CPUs: a
// question reads only the option sets and scales, so questions are
// independent until IDs are claimed and conditions resolved, which
// buildIR then does in order.
func draftPages(b *builder, blocks []*hcl.Block, optSets map[string][]ir.Option, scales map[string]*ir.ScaleDef) []pageDraft {
	drafts := make([]pageDraft, len(blocks))
	parallel.For(len(blocks), func(i int) {
		d := &drafts[i]
		d.content, d.diags = blocks[i].Body.Content(pageSchema)
		if d.content == nil {
			return
		}
		for _, qb := range questionBlocks(d.content.Blocks) {
			qbuild := &builder{languages: b.languages}
			q, showIf := qbuild.question(qb, optSets, scales)
			d.questions = append(d.questions, questionDraft{q: q, showIf: showIf, diags: qbuild.diags})
		}
	})
	return drafts
}

// variables derives the data columns as documented on ir.Variable and
// reports generated names that collide (question a_b vs matrix a, row b).
func (b *builder) variables(s *ir.Survey, syn *syntax, sc *scope, questions []*questionNode) []ir.Variable {
	var vars []ir.Variable
	taken := map[string]column{} // what each column name already holds
	for _, m := range []string{"response_id", "survey_id", "version", "lang", "wave", "started_at", "submitted_at"} {
		taken[m] = column{kind: "builtin"}
	}
	for _, h := range s.Hidden {
		if what, dup := taken[h.ID]; dup {
			b.errorf(hiddenLabel(syn, h.ID), msgReservedName, h.ID, what)
		}
		taken[h.ID] = column{kind: "hidden", id: h.ID}
	}
	var at hcl.Range // the ID of the question whose variables are being added
	add := func(q *ir.Question, v ir.Variable) {
		if what, dup := taken[v.Name]; dup {
			b.errorf(at, msgColumnNameCollision, q.ID, v.Name, what)
		}
		taken[v.Name] = column{kind: "question", id: q.ID}
		vars = append(vars, v)
	}
	for _, qn := range questions {
		q := qn.q
		at = qn.label
		switch q.Type {
		case ir.Single, ir.Dropdown:
			add(q, ir.Variable{Name: q.ID, Question: q.ID, Kind: ir.VarCode, Role: "answer"})
		case ir.Multi:
			add(q, ir.Variable{Name: q.ID, Question: q.ID, Kind: ir.VarCodes, Role: "answer"})
		case ir.Matrix:
			for _, r := range q.Rows {
				add(q, ir.Variable{Name: q.ID + "_" + r.Code, Question: q.ID, Row: r.Code, Kind: ir.VarCode, Role: "answer"})
			}
		case ir.Likert, ir.Scale, ir.NPS, ir.Rating:
			add(q, ir.Variable{Name: q.ID, Question: q.ID, Kind: ir.VarInt, Role: "answer"})
			if key := q.NAKey(); key != "" {
				add(q, ir.Variable{Name: key, Question: q.ID, Kind: ir.VarBool, Role: "na"})
			}
		case ir.Number:
			kind := ir.VarFloat
			if q.Integer {
				kind = ir.VarInt
			}
			add(q, ir.Variable{Name: q.ID, Question: q.ID, Kind: kind, Role: "answer"})
		case ir.TextQ, ir.Email:
			add(q, ir.Variable{Name: q.ID, Question: q.ID, Kind: ir.VarString, Role: "answer"})
		case ir.Date:
			add(q, ir.Variable{Name: q.ID, Question: q.ID, Kind: ir.VarDate, Role: "answer"})
		case ir.Boolean:
			add(q, ir.Variable{Name: q.ID, Question: q.ID, Kind: ir.VarBool, Role: "answer"})
		case ir.Inputs, ir.ConstantSum, ir.Ranking:
			if q.Type == ir.Ranking {
				add(q, ir.Variable{Name: q.ID, Question: q.ID, Kind: ir.VarString, Role: ir.RoleOrder})
			}
			for _, it := range q.Items {
				add(q, ir.Variable{Name: q.ItemKey(it.Code), Question: q.ID, Item: it.Code, Kind: q.ItemKind(), Role: "answer"})
			}
		case ir.MatrixMulti, ir.Grid:
			for _, c := range q.Cells() {
				ref := c.CellRef
				add(q, ir.Variable{Name: c.Key, Question: q.ID, Cell: &ref, Kind: q.CellKind(), Role: "answer"})
			}
		}
		if key := q.OtherKey(); key != "" {
			add(q, ir.Variable{Name: key, Question: q.ID, Kind: ir.VarString, Role: "other"})
		}
	}
	// Calculations come after the answers they are computed from, in form
	// order; their IDs share the namespace of questions, not of the
	// columns a question adds (q_other, q_row, q_na).
	for _, c := range s.Calculations {
		if c.Type == "" {
			continue // Calculation Cannot Be Stored
		}
		n := sc.calcs[c.ID]
		if what, dup := taken[c.ID]; dup {
			b.errorf(n.node.label, msgCalculationColumnCollision, c.ID, what)
		}
		taken[c.ID] = column{kind: "calculation", id: c.ID}
		vars = append(vars, ir.Variable{Name: c.ID, Kind: ir.CalcKind(c.Type), Role: ir.RoleCalc})
	}
	return vars
}

// hiddenLabel returns the ID in the header of the first hidden block named id.
func hiddenLabel(syn *syntax, id string) hcl.Range {
	for _, blk := range syn.hidden {
		if blk.Labels[0] == id {
			return blk.LabelRanges[0]
		}
	}
	return syn.survey.DefRange
}
