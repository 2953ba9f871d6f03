package compiler

import (
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/opros/opros/compiler/internal/parallel"
	"github.com/opros/opros/compiler/ir"
)

var questionTypes = []string{ir.Single, ir.Multi, ir.Dropdown, ir.Matrix, ir.Likert, ir.Scale, ir.NPS,
	ir.Rating, ir.TextQ, ir.Number, ir.Email, ir.Date}

// allowedAttrs says which question attributes mean something for a type, so
// that `options` on an nps question is reported instead of silently ignored.
var allowedAttrs = func() map[string][]string {
	common := []string{"type", "text", "help", "required", "show_if", "personal"}
	choice := append([]string{"options", "randomize"}, common...)
	scale := append([]string{"scale", "min", "max", "min_label", "max_label", "labels", "missing"}, common...)
	text := append([]string{"min_length", "max_length", "pattern", "pattern_message", "placeholder"}, common...)
	return map[string][]string{
		ir.Single:   append([]string{"style"}, choice...),
		ir.Multi:    append([]string{"min_select", "max_select"}, choice...),
		ir.Dropdown: choice,
		ir.Matrix:   choice,
		ir.Likert:   scale,
		ir.Scale:    scale,
		ir.NPS:      append([]string{"min_label", "max_label", "missing"}, common...),
		ir.Rating:   scale,
		ir.TextQ:    append([]string{"multiline"}, text...),
		ir.Email:    append([]string{"placeholder", "max_length"}, common...),
		ir.Number:   append([]string{"min", "max", "integer", "placeholder"}, common...),
		ir.Date:     append([]string{"min", "max"}, common...),
	}
}()

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
}

func buildIR(syn *syntax, onDisk bool) (*ir.Survey, hcl.Diagnostics) {
	b := &builder{langAt: map[string]hcl.Range{}, onDisk: onDisk}
	s := b.surveyMeta(syn)
	s.UI = b.uiText(syn.ui, s.Languages, syn.survey.DefRange)
	sc := &scope{questions: map[string]*questionNode{}, hidden: map[string]*ir.Hidden{},
		blocks: map[string]*ir.Block{}, indexes: map[string]*ir.Index{}}

	// IDs share one namespace: questions, hidden fields and pages are all
	// expression identifiers or column names.
	ids := map[string]hcl.Range{}
	claim := func(id string, rng hcl.Range, what noun) bool {
		if first, dup := ids[id]; dup {
			b.errorf(rng, "duplicate_id", what, id, first)
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
		if claim(h.ID, blk.LabelRanges[0], "hidden field") {
			s.Hidden = append(s.Hidden, h)
		}
		if s.Invitations != nil && (h.Param == "inv" || h.Param == "sig" || h.Param == "exp") {
			b.errorf(blk.DefRange, "invitation_param_taken", h.Param)
		}
	}
	for i := range s.Hidden {
		sc.hidden[s.Hidden[i].ID] = &s.Hidden[i]
	}

	optSets := map[string][]ir.Option{}
	for _, blk := range syn.optSets {
		name := blk.Labels[0]
		b.checkID(name, blk.LabelRanges[0], "option set")
		if _, dup := optSets[name]; dup {
			b.errorf(blk.LabelRanges[0], "duplicate_option_set", name)
		}
		c, d := blk.Body.Content(optionSetSchema)
		b.add(d...)
		if c == nil {
			continue
		}
		opts := b.options(c.Blocks)
		if len(opts) == 0 {
			b.errorf(blk.DefRange, "empty_option_set", name)
		}
		optSets[name] = opts
	}
	scales := map[string]*ir.ScaleDef{}
	for _, blk := range syn.scales {
		name := blk.Labels[0]
		b.checkID(name, blk.LabelRanges[0], "scale")
		if _, dup := scales[name]; dup {
			b.errorf(blk.LabelRanges[0], "duplicate_scale", name)
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
				b.errorf(blk.DefRange, "scale_needs", name, need)
				complete = false
			}
		}
		if complete {
			b.checkScale(def, blk.DefRange)
		}
		scales[name] = def
	}

	drafts := draftPages(b, syn.pages, optSets, scales)
	var pages []*pageNode
	var questions []*questionNode
	for pi, blk := range syn.pages {
		p := &ir.Page{ID: blk.Labels[0], Range: toRange(blk.DefRange)}
		b.checkID(p.ID, blk.LabelRanges[0], "page")
		claim(p.ID, blk.LabelRanges[0], "page")
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
		for i, qb := range draft.content.Blocks {
			qd := draft.questions[i]
			b.add(qd.diags...)
			qd.q.Page = p.ID
			if !claim(qd.q.ID, qb.LabelRanges[0], "question") {
				continue
			}
			p.Questions = append(p.Questions, *qd.q)
			questions = append(questions, &questionNode{showIf: qd.showIf, seq: len(questions), page: pi, label: qb.LabelRanges[0]})
		}
		if len(p.Questions) == 0 {
			b.errorf(blk.DefRange, "empty_page", p.ID)
		}
	}
	if len(syn.pages) == 0 {
		b.errorf(syn.survey.DefRange, "no_pages")
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

	// Conditions may look back only: at hidden fields, at questions on
	// earlier pages and, for a question, earlier on its own page. That rule
	// also makes cycles impossible.
	for pi, pn := range pages {
		if pn.showIf == nil {
			continue
		}
		e := b.expr(pn.showIf, sc, func(ref *questionNode) bool { return ref.page < pi }, tr{"a page's show_if may only use questions on earlier pages", "show_if страницы может использовать только вопросы с предыдущих страниц"})
		b.wantBool(e, pn.showIf)
		s.Pages[pi].ShowIf = e
	}
	for _, qn := range questions {
		if qn.showIf == nil {
			continue
		}
		e := b.expr(qn.showIf, sc, func(ref *questionNode) bool { return ref.seq < qn.seq }, tr{"a question's show_if may only use questions asked before it", "show_if вопроса может использовать только вопросы, заданные до него"})
		b.wantBool(e, qn.showIf)
		qn.q.ShowIf = e
	}

	b.scoring(s, syn, sc, claim)
	s.Vars = b.variables(s, syn, questions)
	if b.diags.HasErrors() {
		return nil, b.diags
	}
	return s, b.diags
}

func (b *builder) wantBool(e *ir.Expr, src hcl.Expression) {
	if e != nil && e.Type != "bool" && e.Type != "any" {
		b.errorf(src.Range(), "condition_is_not_true_or_false", typeNames{e.Type})
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
		for _, qb := range d.content.Blocks {
			qbuild := &builder{languages: b.languages}
			q, showIf := qbuild.question(qb, optSets, scales)
			d.questions = append(d.questions, questionDraft{q: q, showIf: showIf, diags: qbuild.diags})
		}
	})
	return drafts
}

func (b *builder) question(qb *hcl.Block, optSets map[string][]ir.Option, scales map[string]*ir.ScaleDef) (*ir.Question, hcl.Expression) {
	q := &ir.Question{ID: qb.Labels[0], Range: toRange(qb.DefRange)}
	b.checkID(q.ID, qb.LabelRanges[0], "question")
	c, d := qb.Body.Content(questionSchema)
	b.add(d...)
	if c == nil {
		return q, nil
	}
	at := c.Attributes
	q.Type = b.str(at, "type")
	if _, ok := at["type"]; !ok {
		b.errorf(qb.DefRange, "missing_question_type", q.ID, strings.Join(questionTypes, ", "))
		return q, nil
	}
	allowed, known := allowedAttrs[q.Type]
	if !known {
		b.errorf(at["type"].Expr.Range(), "unknown_question_type",
			q.Type, strings.Join(questionTypes, ", "), didYouMean(q.Type, questionTypes))
		return q, nil
	}
	names := slices.Sorted(maps.Keys(at))
	for _, n := range names {
		if !contains(allowed, n) {
			b.errorf(at[n].NameRange, "question_attribute_not_allowed", q.Type, n)
		}
	}
	q.Text = b.text(at, "text", true, qb.DefRange)
	q.Help = b.text(at, "help", false, qb.DefRange)
	q.Required = b.boolean(at, "required")
	q.Personal = b.boolean(at, "personal")
	q.Randomize = b.boolean(at, "randomize")
	q.Style = b.str(at, "style")
	if a, ok := at["style"]; ok && q.Style != "statements" {
		b.errorf(a.Expr.Range(), "invalid_style")
	}

	if ir.IsChoiceType(q.Type) {
		var setRange hcl.Range // where the question names its option set
		fromSet := 0           // how many of q.Options come from it
		if a, ok := at["options"]; ok {
			if name, rng := b.referenced(a, "option_set"); name != "" {
				setRange = rng
				set, found := optSets[name]
				if !found {
					known := slices.Collect(maps.Keys(optSets))
					b.errorf(rng, "unknown_option_set", name, didYouMean(name, known))
				}
				q.Options = append(q.Options, set...)
				fromSet = len(set)
			}
		}
		// optionRange is where a diagnostic about q.Options[i] points: the
		// option's code in its block, or, for an option of the set, the
		// question's reference to the set. It is looked up only for a
		// diagnostic, so building a question keeps no ranges.
		var localAt []int // the option block of each local option in q.Options
		optionRange := func(i int) hcl.Range {
			if i < fromSet {
				return setRange
			}
			return optionBlock(c.Blocks, localAt[i-fromSet]).LabelRanges[0]
		}
		for i, o := range b.options(c.Blocks) {
			if q.Option(o.Code) != nil {
				// A duplicate among the question's own options is reported by options.
				if inSet := slices.ContainsFunc(q.Options[:fromSet], func(so ir.Option) bool { return so.Code == o.Code }); inSet {
					b.errorf(optionBlock(c.Blocks, i).LabelRanges[0], "duplicate_set_option", o.Code, q.ID)
				}
				continue
			}
			q.Options = append(q.Options, o)
			localAt = append(localAt, i)
		}
		if _, fromSet := at["options"]; len(q.Options) == 0 && !fromSet {
			b.errorf(qb.DefRange, "empty_option_list", q.Type, q.ID)
		}
		others := 0
		for i, o := range q.Options {
			if o.Exclusive && q.Type != ir.Multi {
				b.errorf(optionRange(i), "exclusive_option_outside_multi", o.Code, q.Type)
			}
			if o.Other {
				others++
				if q.Type == ir.Matrix {
					b.errorf(optionRange(i), "other_option_in_matrix")
				}
			}
		}
		if others > 1 {
			b.errorf(qb.DefRange, "several_other_options", q.ID, others)
		}
		seenRows := map[string]bool{}
		for _, rb := range c.Blocks {
			if rb.Type != "row" {
				continue
			}
			if q.Type != ir.Matrix {
				b.errorf(rb.DefRange, "row_outside_matrix")
				continue
			}
			r := ir.Row{Code: rb.Labels[0], Range: toRange(rb.DefRange)}
			b.checkID(r.Code, rb.LabelRanges[0], "row")
			if seenRows[r.Code] {
				b.errorf(rb.LabelRanges[0], "duplicate_row", r.Code, q.ID)
				continue // its column would collide with the first's
			}
			seenRows[r.Code] = true
			rc, d := rb.Body.Content(rowSchema)
			b.add(d...)
			if rc != nil {
				r.Label = b.text(rc.Attributes, "label", true, rb.DefRange)
			}
			q.Rows = append(q.Rows, r)
		}
		if q.Type == ir.Matrix && len(q.Rows) == 0 {
			b.errorf(qb.DefRange, "matrix_without_rows", q.ID)
		}
		if v, ok := b.integer(at, "min_select"); ok {
			q.MinSelect = v
		}
		if v, ok := b.integer(at, "max_select"); ok {
			q.MaxSelect = v
		}
		if q.MaxSelect > 0 && q.MinSelect > q.MaxSelect {
			b.errorf(at["min_select"].Expr.Range(), "min_select_above_max", q.MinSelect, q.MaxSelect)
		}
		if q.MinSelect > len(q.Options) && len(q.Options) > 0 {
			b.errorf(at["min_select"].Expr.Range(), "min_select_above_options", q.MinSelect, len(q.Options))
		}
		if q.MinSelect < 0 || q.MaxSelect < 0 {
			b.errorf(qb.DefRange, "negative_selection_limits")
		}
	} else {
		for _, blk := range c.Blocks {
			b.errorf(blk.DefRange, "block_not_allowed_here", q.Type, blk.Type)
		}
	}

	if ir.IsScaleType(q.Type) {
		q.Scale = b.questionScale(q, at, scales, qb.DefRange)
	}
	switch q.Type {
	case ir.TextQ, ir.Email:
		q.Multiline = b.boolean(at, "multiline")
		if v, ok := b.integer(at, "min_length"); ok {
			q.MinLength = v
		}
		if v, ok := b.integer(at, "max_length"); ok {
			q.MaxLength = v
		}
		if q.MaxLength > 0 && q.MinLength > q.MaxLength {
			b.errorf(at["min_length"].Expr.Range(), "min_length_above_max", q.MinLength, q.MaxLength)
		}
		if q.MinLength < 0 || q.MaxLength < 0 {
			b.errorf(qb.DefRange, "negative_length_limits")
		}
		q.Pattern = b.str(at, "pattern")
		if a, ok := at["pattern"]; ok {
			b.checkPattern(q.Pattern, a.Expr.Range())
		}
		q.PatternMessage = b.text(at, "pattern_message", false, qb.DefRange)
		if q.PatternMessage != nil && q.Pattern == "" {
			b.errorf(at["pattern_message"].NameRange, "message_without_pattern")
		}
		q.Placeholder = b.text(at, "placeholder", false, qb.DefRange)
	case ir.Number:
		q.Min = b.number(at, "min")
		q.Max = b.number(at, "max")
		q.Integer = b.boolean(at, "integer")
		q.Placeholder = b.text(at, "placeholder", false, qb.DefRange)
		if q.Min != nil && q.Max != nil && *q.Min > *q.Max {
			b.errorf(at["min"].Expr.Range(), "invalid_range", *q.Min, *q.Max)
		}
	case ir.Date:
		for _, n := range []string{"min", "max"} {
			if a, ok := at[n]; ok {
				b.errorf(a.NameRange, "date_limits", n)
			}
		}
	}
	var showIf hcl.Expression
	if a, ok := at["show_if"]; ok {
		showIf = a.Expr
	}
	return q, showIf
}

func (b *builder) questionScale(q *ir.Question, at hcl.Attributes, scales map[string]*ir.ScaleDef, owner hcl.Range) *ir.ScaleDef {
	def := &ir.ScaleDef{}
	if a, ok := at["scale"]; ok {
		if name, rng := b.referenced(a, "scale"); name != "" {
			if s, found := scales[name]; found {
				cp := *s
				def = &cp
			} else {
				known := slices.Collect(maps.Keys(scales))
				b.errorf(rng, "unknown_scale", name, didYouMean(name, known))
				return def // checking an empty scale would only report its emptiness
			}
		}
	}
	inline := b.scaleDef(at, owner)
	_, hasMin := at["min"]
	_, hasMax := at["max"]
	if hasMin {
		def.Min = inline.Min
	}
	if hasMax {
		def.Max = inline.Max
	}
	if inline.MinLabel != nil {
		def.MinLabel = inline.MinLabel
	}
	if inline.MaxLabel != nil {
		def.MaxLabel = inline.MaxLabel
	}
	if inline.Labels != nil {
		def.Labels = inline.Labels
	}
	if inline.Missing != nil {
		def.Missing = inline.Missing
	}
	_, fromSet := at["scale"]
	switch q.Type {
	case ir.NPS:
		def.Min, def.Max = 0, 10
	case ir.Rating:
		if !hasMin && !fromSet {
			def.Min = 1
		}
		if !hasMax && !fromSet {
			def.Max = 5
		}
		if def.Min != 0 && def.Min != 1 {
			b.errorf(owner, "rating_min", def.Min)
		}
		if def.Max < 3 || def.Max > 10 {
			b.errorf(owner, "rating_max", def.Max)
		}
	default:
		if !fromSet && (!hasMin || !hasMax) {
			b.errorf(owner, "missing_scale", q.Type, q.ID)
			return def
		}
	}
	b.checkScale(def, owner)
	return def
}

func (b *builder) checkScale(def *ir.ScaleDef, rng hcl.Range) {
	if def.Max <= def.Min {
		b.errorf(rng, "scale_max_not_above_min", def.Max, def.Min)
		return
	}
	if def.Max-def.Min > 100 {
		b.errorf(rng, "scale_too_long", def.Max-def.Min+1)
	}
	if def.Labels != nil && len(def.Labels) != def.Max-def.Min+1 {
		b.errorf(rng, "wrong_number_of_labels", def.Min, def.Max, def.Max-def.Min+1, len(def.Labels))
	}
}

// ecmaIncompatible lists RE2 syntax that browsers' ECMAScript regular
// expressions read differently or not at all; the same pattern is checked
// by the form and by the collector, so it must mean the same in both.
var ecmaIncompatible = []struct {
	token string
	why   tr
}{
	{"(?", tr{"inline flags and named groups like (?i) or (?P<name>…)", "встроенные флаги и именованные группы вроде (?i) или (?P<name>…)"}},
	{`\A`, tr{`\A`, `\A`}}, {`\z`, tr{`\z`, `\z`}}, {`\Q`, tr{`\Q…\E`, `\Q…\E`}},
	{"[[:", tr{"POSIX classes like [[:alpha:]]", "классы POSIX вроде [[:alpha:]]"}}, {`\p{`, tr{`\p{…}`, `\p{…}`}}, {`\C`, tr{`\C`, `\C`}},
}

func (b *builder) checkPattern(p string, rng hcl.Range) {
	if _, err := regexp.Compile(p); err != nil {
		b.errorf(rng, "invalid_pattern", strings.TrimPrefix(err.Error(), "error parsing regexp: "))
		return
	}
	for _, bad := range ecmaIncompatible {
		if strings.Contains(p, bad.token) {
			b.errorf(rng, "unportable_pattern", bad.why)
			return
		}
	}
}

// optionBlock returns the i-th option block among blocks (options decodes
// them in this order, one ir.Option each).
func optionBlock(blocks hcl.Blocks, i int) *hcl.Block {
	for _, blk := range blocks {
		if blk.Type != "option" {
			continue
		}
		if i == 0 {
			return blk
		}
		i--
	}
	return nil
}

// variables derives the data columns as documented on ir.Variable and
// reports generated names that collide (question a_b vs matrix a, row b).
func (b *builder) variables(s *ir.Survey, syn *syntax, questions []*questionNode) []ir.Variable {
	var vars []ir.Variable
	taken := map[string]column{} // what each column name already holds
	for _, m := range []string{"response_id", "survey_id", "version", "lang", "wave", "started_at", "submitted_at"} {
		taken[m] = column{kind: "builtin"}
	}
	for _, h := range s.Hidden {
		if what, dup := taken[h.ID]; dup {
			b.errorf(hiddenLabel(syn, h.ID), "reserved_name", h.ID, what)
		}
		taken[h.ID] = column{kind: "hidden", id: h.ID}
	}
	var at hcl.Range // the ID of the question whose variables are being added
	add := func(q *ir.Question, v ir.Variable) {
		if what, dup := taken[v.Name]; dup {
			b.errorf(at, "column_name_collision", q.ID, v.Name, what)
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
			if q.Scale != nil && q.Scale.Missing != nil {
				add(q, ir.Variable{Name: q.ID + "_na", Question: q.ID, Kind: ir.VarBool, Role: "na"})
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
		}
		for _, o := range q.Options {
			if o.Other {
				add(q, ir.Variable{Name: q.ID + "_other", Question: q.ID, Kind: ir.VarString, Role: "other"})
				break
			}
		}
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
