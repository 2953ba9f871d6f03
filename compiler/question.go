package compiler

import (
	"maps"
	"math"
	"regexp"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/localize"
)

var questionTypes = []string{ir.Single, ir.Multi, ir.Dropdown, ir.Matrix, ir.Likert, ir.Scale, ir.NPS,
	ir.Rating, ir.TextQ, ir.Number, ir.Email, ir.Date, ir.Boolean, ir.Inputs, ir.ConstantSum, ir.Ranking,
	ir.MatrixMulti, ir.Grid}

// allowedAttrs says which question attributes mean something for a type, so
// that `options` on an nps question is reported instead of silently ignored.
var allowedAttrs = func() map[string][]string {
	common := []string{"type", "text", "help", "required", "show_if", "personal", "source"}
	choice := append([]string{"options", "randomize"}, common...)
	scale := append([]string{"scale", "min", "max", "min_label", "max_label", "labels", "missing"}, common...)
	text := append([]string{"min_length", "max_length", "pattern", "pattern_message", "placeholder"}, common...)
	return map[string][]string{
		ir.Single:      append([]string{"style", "columns"}, choice...),
		ir.Multi:       append([]string{"min_select", "max_select", "columns"}, choice...),
		ir.Dropdown:    choice,
		ir.Matrix:      choice,
		ir.Likert:      scale,
		ir.Scale:       scale,
		ir.NPS:         append([]string{"min_label", "max_label", "missing"}, common...),
		ir.Rating:      scale,
		ir.TextQ:       append([]string{"multiline"}, text...),
		ir.Email:       append([]string{"placeholder", "max_length"}, common...),
		ir.Number:      append([]string{"min", "max", "integer", "placeholder"}, common...),
		ir.Date:        append([]string{"min", "max"}, common...),
		ir.Boolean:     append([]string{"true_label", "false_label"}, common...),
		ir.Inputs:      append([]string{"input", "min", "max", "integer", "min_length", "max_length", "pattern", "pattern_message", "placeholder"}, common...),
		ir.ConstantSum: append([]string{"total", "integer", "max", "placeholder"}, common...),
		ir.Ranking:     append([]string{"rank"}, common...),
		ir.MatrixMulti: append([]string{"min_select", "max_select"}, choice...),
		ir.Grid:        append([]string{"input", "options", "min", "max", "integer", "placeholder"}, common...),
	}
}()

func (b *builder) question(qb *hcl.Block, optSets map[string][]ir.Option, scales map[string]*ir.ScaleDef) (*ir.Question, hcl.Expression) {
	q := &ir.Question{ID: qb.Labels[0], Range: toRange(qb.DefRange)}
	b.checkID(q.ID, qb.LabelRanges[0], nounQuestion)
	c, d := qb.Body.Content(questionSchema)
	b.add(d...)
	if c == nil {
		return q, nil
	}
	var messages hcl.Blocks // decoded last, once the checks they word are known
	c.Blocks, messages = splitMessages(c.Blocks)
	at := c.Attributes
	q.Type = b.str(at, "type")
	if _, ok := at["type"]; !ok {
		b.errorf(qb.DefRange, msgMissingQuestionType, q.ID, strings.Join(questionTypes, ", "))
		return q, nil
	}
	allowed, known := allowedAttrs[q.Type]
	if !known {
		b.errorf(at["type"].Expr.Range(), msgUnknownQuestionType,
			q.Type, strings.Join(questionTypes, ", "), didYouMean(q.Type, questionTypes))
		return q, nil
	}
	names := slices.Sorted(maps.Keys(at))
	for _, n := range names {
		if !contains(allowed, n) {
			b.errorf(at[n].NameRange, msgQuestionAttributeNotAllowed, q.Type, n)
		}
	}
	q.Text = b.text(at, "text", true, qb.DefRange)
	q.Help = b.text(at, "help", false, qb.DefRange)
	q.Required = b.boolean(at, "required")
	q.Personal = b.boolean(at, "personal")
	q.Source = b.str(at, "source")
	if a, ok := at["source"]; ok && q.Source == "" {
		b.errorf(a.Expr.Range(), msgEmptySourceName, q.ID)
	}
	q.Randomize = b.boolean(at, "randomize")
	q.Columns = b.columns(at)
	q.Style = b.str(at, "style")
	if a, ok := at["style"]; ok && q.Style != "statements" {
		b.errorf(a.Expr.Range(), msgInvalidStyle)
	}

	if ir.IsChoiceType(q.Type) || q.Type == ir.MatrixMulti {
		b.choices(q, c, qb, optSets)
	} else if q.Type == ir.Grid {
		b.grid(q, c, qb, optSets)
	} else if ir.HasBoxes(q.Type) {
		q.Items = b.items(q, c.Blocks, qb.DefRange)
	} else {
		for _, blk := range c.Blocks {
			b.errorf(blk.DefRange, msgBlockNotAllowedHere, q.Type, blk.Type)
		}
	}

	if ir.IsScaleType(q.Type) {
		q.Scale = b.questionScale(q, at, scales, qb.DefRange)
	}
	switch q.Type {
	case ir.TextQ, ir.Email:
		q.Multiline = b.boolean(at, "multiline")
		b.textLimits(q, at, qb.DefRange)
	case ir.Number:
		b.numberLimits(q, at, qb.DefRange)
	case ir.Date:
		for _, n := range []string{"min", "max"} {
			if a, ok := at[n]; ok {
				b.errorf(a.NameRange, msgDateLimits, n)
			}
		}
	case ir.Boolean:
		q.TrueLabel = b.booleanLabel(at, "true_label", qb.DefRange)
		q.FalseLabel = b.booleanLabel(at, "false_label", qb.DefRange)
	case ir.Inputs:
		b.inputLimits(q, at, qb.DefRange)
	case ir.ConstantSum:
		b.constantSum(q, at, qb.DefRange)
	case ir.Ranking:
		b.ranking(q, at)
	}
	b.questionMessages(q, messages)
	var showIf hcl.Expression
	if a, ok := at["show_if"]; ok {
		showIf = a.Expr
	}
	return q, showIf
}

// choices decodes a choice question's options (its own and its option
// set's), a matrix's rows and a multi's selection limits.
func (b *builder) choices(q *ir.Question, c *hcl.BodyContent, qb *hcl.Block, optSets map[string][]ir.Option) {
	at := c.Attributes
	var setRange hcl.Range // where the question names its option set
	fromSet := 0           // how many of q.Options come from it
	if a, ok := at["options"]; ok {
		if name, rng := b.referenced(a, "option_set", nounOptionSet); name != "" {
			setRange = rng
			set, found := optSets[name]
			if !found {
				known := slices.Collect(maps.Keys(optSets))
				b.errorf(rng, msgUnknownOptionSet, name, didYouMean(name, known))
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
				b.errorf(optionBlock(c.Blocks, i).LabelRanges[0], msgDuplicateSetOption, o.Code, q.ID)
			}
			continue
		}
		q.Options = append(q.Options, o)
		localAt = append(localAt, i)
	}
	// A question carrying options forward gets them once every question
	// is known (carryForward), which checks its option count then.
	carries := slices.ContainsFunc(c.Blocks, func(blk *hcl.Block) bool { return blk.Type == "options_from" })
	if _, fromSet := at["options"]; len(q.Options) == 0 && !fromSet && !carries {
		b.errorf(qb.DefRange, msgEmptyOptionList, q.Type, q.ID)
	}
	others := 0
	for i, o := range q.Options {
		if o.Exclusive && q.Type != ir.Multi && q.Type != ir.MatrixMulti {
			b.errorf(optionRange(i), msgExclusiveOptionOutsideMulti, o.Code, q.Type)
		}
		if o.Other {
			others++
			if q.Type == ir.Matrix || ir.HasCells(q.Type) {
				b.errorf(optionRange(i), msgOtherOptionInMatrix)
			}
		}
	}
	if others > 1 {
		b.errorf(qb.DefRange, msgSeveralOtherOptions, q.ID, others)
	}
	b.checkSources(q, func(i int) hcl.Range {
		if i < fromSet {
			return setRange
		}
		return sourceRange(optionBlock(c.Blocks, localAt[i-fromSet]))
	})
	hasRows := q.Type == ir.Matrix || ir.HasCells(q.Type)
	for _, rb := range c.Blocks {
		switch {
		case rb.Type == "item" || rb.Type == "column" && q.Type != ir.Grid:
			b.errorf(rb.DefRange, msgBlockNotAllowedHere, q.Type, rb.Type)
		case rb.Type == "row" && !hasRows:
			b.errorf(rb.DefRange, msgRowOutsideMatrix)
		}
	}
	if hasRows {
		q.Rows = b.labelled(q, c.Blocks, "row", nounRow, msgDuplicateRow)
		if len(q.Rows) == 0 {
			b.errorf(qb.DefRange, msgMatrixWithoutRows, q.ID)
		}
	}
	if v, ok := b.integer(at, "min_select"); ok {
		q.MinSelect = v
	}
	if v, ok := b.integer(at, "max_select"); ok {
		q.MaxSelect = v
	}
	if q.MaxSelect > 0 && q.MinSelect > q.MaxSelect {
		b.errorf(at["min_select"].Expr.Range(), msgMinSelectAboveMax, q.MinSelect, q.MaxSelect)
	}
	if q.MinSelect > len(q.Options) && len(q.Options) > 0 && !carries {
		b.errorf(at["min_select"].Expr.Range(), msgMinSelectAboveOptions, q.MinSelect, len(q.Options))
	}
	if q.MinSelect < 0 || q.MaxSelect < 0 {
		b.errorf(qb.DefRange, msgNegativeSelectionLimits)
	}
}

// textLimits decodes the limits of a text answer (a text question's, or
// each box of an inputs question with input = "text").
func (b *builder) textLimits(q *ir.Question, at hcl.Attributes, owner hcl.Range) {
	if v, ok := b.integer(at, "min_length"); ok {
		q.MinLength = v
	}
	if v, ok := b.integer(at, "max_length"); ok {
		q.MaxLength = v
	}
	if q.MaxLength > 0 && q.MinLength > q.MaxLength {
		b.errorf(at["min_length"].Expr.Range(), msgMinLengthAboveMax, q.MinLength, q.MaxLength)
	}
	if q.MinLength < 0 || q.MaxLength < 0 {
		b.errorf(owner, msgNegativeLengthLimits)
	}
	q.Pattern = b.str(at, "pattern")
	if a, ok := at["pattern"]; ok {
		b.checkPattern(q.Pattern, a.Expr.Range())
	}
	q.PatternMessage = b.text(at, "pattern_message", false, owner)
	if q.PatternMessage != nil && q.Pattern == "" {
		b.errorf(at["pattern_message"].NameRange, msgMessageWithoutPattern)
	} else if q.PatternMessage != nil {
		b.messagePlaceholders("pattern", q.PatternMessage, at["pattern_message"].Expr.Range())
	}
	q.Placeholder = b.text(at, "placeholder", false, owner)
}

// numberLimits decodes the limits of a number answer (a number question's,
// or each box of an inputs question with input = "number").
func (b *builder) numberLimits(q *ir.Question, at hcl.Attributes, owner hcl.Range) {
	q.Min = b.number(at, "min")
	q.Max = b.number(at, "max")
	q.Integer = b.boolean(at, "integer")
	q.Placeholder = b.text(at, "placeholder", false, owner)
	if q.Min != nil && q.Max != nil && *q.Min > *q.Max {
		b.errorf(at["min"].Expr.Range(), msgInvalidRange, *q.Min, *q.Max)
	}
}

// inputOnly are the attributes of an inputs question that only one kind
// of box takes.
var inputOnly = map[string][]string{
	ir.InputText:   {"min_length", "max_length", "pattern", "pattern_message"},
	ir.InputNumber: {"min", "max", "integer"},
}

// inputLimits decodes what an inputs question's boxes take: text (the
// default) or numbers, with the limits of a text or number question,
// each box checked alone.
func (b *builder) inputLimits(q *ir.Question, at hcl.Attributes, owner hcl.Range) {
	q.Input = ir.InputText
	if a, ok := at["input"]; ok {
		q.Input = b.str(at, "input")
		if _, known := inputOnly[q.Input]; !known {
			b.errorf(a.Expr.Range(), msgInvalidInput, q.Input)
			return
		}
	}
	for kind, names := range inputOnly {
		for _, n := range names {
			if a, ok := at[n]; ok && kind != q.Input {
				b.errorf(a.NameRange, msgInputAttributeNotAllowed, q.Input, n)
			}
		}
	}
	if q.Input == ir.InputNumber {
		b.numberLimits(q, at, owner)
	} else {
		b.textLimits(q, at, owner)
	}
}

// constantSum decodes what a constant_sum question's boxes add up to
// (100 unless total says) and their limits: numbers from 0 (an
// allocation is never negative), whole with integer, at most max.
func (b *builder) constantSum(q *ir.Question, at hcl.Attributes, owner hcl.Range) {
	q.Input = ir.InputNumber
	b.numberLimits(q, at, owner)
	zero := 0.0
	q.Min = &zero
	q.Total = 100
	if t := b.number(at, "total"); t != nil {
		q.Total = *t
		if *t <= 0 || q.Integer && *t != math.Trunc(*t) {
			b.errorf(at["total"].Expr.Range(), msgInvalidTotal, *t)
		}
	}
}

// ranking decodes how many of a ranking's items are ranked (all unless
// rank says); each box then takes a whole number from 1 to that.
func (b *builder) ranking(q *ir.Question, at hcl.Attributes) {
	q.Input, q.Integer = ir.InputNumber, true
	q.Rank = len(q.Items)
	if v, ok := b.integer(at, "rank"); ok {
		if v < 1 || v > len(q.Items) {
			b.errorf(at["rank"].Expr.Range(), msgInvalidRank, v, len(q.Items))
		} else {
			q.Rank = v
		}
	}
	one, most := 1.0, float64(q.Rank)
	q.Min, q.Max = &one, &most
}

// labelled decodes a question's blocks of one type (a matrix's rows, a
// grid's columns): a code each, given once, and a label.
func (b *builder) labelled(q *ir.Question, blocks hcl.Blocks, typ string, what noun, dup diagID) []ir.Row {
	var out []ir.Row
	seen := map[string]bool{}
	for _, blk := range blocks {
		if blk.Type != typ {
			continue
		}
		r := ir.Row{Code: blk.Labels[0], Range: toRange(blk.DefRange)}
		b.checkID(r.Code, blk.LabelRanges[0], what)
		if seen[r.Code] {
			b.errorf(blk.LabelRanges[0], dup, r.Code, q.ID)
			continue // its column would collide with the first's
		}
		seen[r.Code] = true
		schema := sourcedRowSchema
		if typ == "column" {
			schema = rowSchema
		}
		rc, d := blk.Body.Content(schema)
		b.add(d...)
		if rc != nil {
			r.Label = b.text(rc.Attributes, "label", true, blk.DefRange)
			r.Source = b.rowSource(rc, r.Code)
		}
		out = append(out, r)
	}
	if typ != "column" {
		b.checkRowSources(q, out, blocks, typ)
	}
	return out
}

// rowSource is a row's or item's source name, refused when empty.
func (b *builder) rowSource(c *hcl.BodyContent, code string) string {
	src := b.str(c.Attributes, "source")
	if a, ok := c.Attributes["source"]; ok && src == "" {
		b.errorf(a.Expr.Range(), msgEmptySourceName, code)
	}
	return src
}

// checkRowSources checks the source names of q's rows or items (the
// names the old tool keyed them by, which ingest reads as theirs): each
// names one row, so none may be another row's source or code.
func (b *builder) checkRowSources(q *ir.Question, rows []ir.Row, blocks hcl.Blocks, typ string) {
	sources := map[string]string{} // source → row
	codes := map[string]bool{}
	for _, r := range rows {
		codes[r.Code] = true
	}
	for _, r := range rows {
		if r.Source == "" {
			continue
		}
		var at hcl.Range
		for _, blk := range blocks {
			if blk.Type == typ && blk.Labels[0] == r.Code {
				at = sourceRange(blk)
				break
			}
		}
		if first, dup := sources[r.Source]; dup {
			b.errorf(at, msgDuplicateSourceName, r.Source, first, q.ID)
			continue
		}
		sources[r.Source] = r.Code
		if r.Source != r.Code && codes[r.Source] {
			b.errorf(at, msgAmbiguousSourceName, r.Source, r.Code, r.Source, q.ID)
		}
	}
}

// grid decodes a grid question: its rows and columns, and what its cells
// take, numbers (the default, under a number question's limits) or a
// choice of its options from a dropdown.
func (b *builder) grid(q *ir.Question, c *hcl.BodyContent, qb *hcl.Block, optSets map[string][]ir.Option) {
	at := c.Attributes
	q.Input = ir.InputNumber
	if a, ok := at["input"]; ok {
		q.Input = b.str(at, "input")
		if q.Input != ir.InputNumber && q.Input != ir.InputDropdown {
			b.errorf(a.Expr.Range(), msgInvalidGridInput, q.Input)
			return
		}
	}
	if q.Input == ir.InputDropdown {
		for _, n := range []string{"min", "max", "integer", "placeholder"} {
			if a, ok := at[n]; ok {
				b.errorf(a.NameRange, msgInputAttributeNotAllowed, q.Input, n)
			}
		}
		b.choices(q, c, qb, optSets) // options, rows; column blocks are the grid's
	} else {
		if a, ok := at["options"]; ok {
			b.errorf(a.NameRange, msgGridOptionsWithoutDropdown)
		}
		for _, blk := range c.Blocks {
			switch blk.Type {
			case "option":
				b.errorf(blk.DefRange, msgGridOptionsWithoutDropdown)
			case "item":
				b.errorf(blk.DefRange, msgBlockNotAllowedHere, q.Type, blk.Type)
			}
		}
		b.numberLimits(q, at, qb.DefRange)
		if q.Rows = b.labelled(q, c.Blocks, "row", nounRow, msgDuplicateRow); len(q.Rows) == 0 {
			b.errorf(qb.DefRange, msgMatrixWithoutRows, q.ID)
		}
	}
	if q.Cols = b.labelled(q, c.Blocks, "column", nounColumn, msgDuplicateColumn); len(q.Cols) == 0 {
		b.errorf(qb.DefRange, msgGridWithoutColumns, q.ID)
	}
}

// items decodes an inputs question's item blocks, one box each, and
// reports any other block.
func (b *builder) items(q *ir.Question, blocks hcl.Blocks, owner hcl.Range) []ir.Row {
	var out []ir.Row
	seen := map[string]bool{}
	for _, blk := range blocks {
		if blk.Type != "item" {
			b.errorf(blk.DefRange, msgBlockNotAllowedHere, q.Type, blk.Type)
			continue
		}
		it := ir.Row{Code: blk.Labels[0], Range: toRange(blk.DefRange)}
		b.checkID(it.Code, blk.LabelRanges[0], nounItem)
		if seen[it.Code] {
			b.errorf(blk.LabelRanges[0], msgDuplicateItem, it.Code, q.ID)
			continue // its column would collide with the first's
		}
		seen[it.Code] = true
		ic, d := blk.Body.Content(sourcedRowSchema)
		b.add(d...)
		if ic != nil {
			it.Label = b.text(ic.Attributes, "label", true, blk.DefRange)
			it.Source = b.rowSource(ic, it.Code)
		}
		out = append(out, it)
	}
	if len(out) == 0 {
		b.errorf(owner, msgInputsWithoutItems, q.Type, q.ID)
	}
	b.checkRowSources(q, out, blocks, "item")
	return out
}

// maxColumns is the most columns options are laid out in: more would
// leave too little width for a label even on a wide screen.
const maxColumns = 4

// columns decodes how many columns a question's options take.
func (b *builder) columns(at hcl.Attributes) int {
	v, ok := b.integer(at, "columns")
	if ok && (v < 1 || v > maxColumns) {
		b.errorf(at["columns"].Expr.Range(), msgInvalidColumns, v, maxColumns)
		return 0
	}
	return v
}

// booleanDefaults are a boolean question's labels where the author gave
// none, by built-in interface language (ir.UILanguages).
var booleanDefaults = map[string]localize.Phrase{"true_label": {En: "Yes", Ru: "Да"}, "false_label": {En: "No", Ru: "Нет"}}

// booleanLabel is the author's label of one answer of a boolean question,
// or "Yes"/"No" in each language the forms have built-in text for; a
// survey in another language must give both labels.
func (b *builder) booleanLabel(at hcl.Attributes, name string, owner hcl.Range) ir.Text {
	if _, ok := at[name]; ok {
		return b.text(at, name, true, owner)
	}
	out := ir.Text{}
	for _, l := range b.languages {
		ui := ir.BuiltinUILanguage(l)
		if ui == "" {
			b.errorf(owner, msgBooleanLabelNeeded, name, l)
			return nil
		}
		out[l] = booleanDefaults[name].In(ui)
	}
	return out
}

func (b *builder) questionScale(q *ir.Question, at hcl.Attributes, scales map[string]*ir.ScaleDef, owner hcl.Range) *ir.ScaleDef {
	def := &ir.ScaleDef{}
	if a, ok := at["scale"]; ok {
		if name, rng := b.referenced(a, "scale", nounScale); name != "" {
			if s, found := scales[name]; found {
				cp := *s
				def = &cp
			} else {
				known := slices.Collect(maps.Keys(scales))
				b.errorf(rng, msgUnknownScale, name, didYouMean(name, known))
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
			b.errorf(owner, msgRatingMin, def.Min)
		}
		if def.Max < 3 || def.Max > 10 {
			b.errorf(owner, msgRatingMax, def.Max)
		}
	default:
		if !fromSet && (!hasMin || !hasMax) {
			b.errorf(owner, msgMissingScale, q.Type, q.ID)
			return def
		}
	}
	b.checkScale(def, owner)
	return def
}

func (b *builder) checkScale(def *ir.ScaleDef, rng hcl.Range) {
	if def.Max <= def.Min {
		b.errorf(rng, msgScaleMaxNotAboveMin, def.Max, def.Min)
		return
	}
	if def.Max-def.Min > 100 {
		b.errorf(rng, msgScaleTooLong, def.Max-def.Min+1)
	}
	if def.Labels != nil && len(def.Labels) != def.Max-def.Min+1 {
		b.errorf(rng, msgWrongNumberOfLabels, def.Min, def.Max, def.Max-def.Min+1, len(def.Labels))
	}
}

// ecmaIncompatible lists RE2 syntax that browsers' ECMAScript regular
// expressions read differently or not at all; the same pattern is checked
// by the form and by the collector, so it must mean the same in both.
var ecmaIncompatible = []struct {
	token string
	why   localize.Phrase
}{
	{"(?", localize.Phrase{En: "inline flags and named groups like (?i) or (?P<name>…)", Ru: "встроенные флаги и именованные группы вроде (?i) или (?P<name>…)"}},
	{`\A`, localize.Phrase{En: `\A`, Ru: `\A`}}, {`\z`, localize.Phrase{En: `\z`, Ru: `\z`}}, {`\Q`, localize.Phrase{En: `\Q…\E`, Ru: `\Q…\E`}},
	{"[[:", localize.Phrase{En: "POSIX classes like [[:alpha:]]", Ru: "классы POSIX вроде [[:alpha:]]"}}, {`\p{`, localize.Phrase{En: `\p{…}`, Ru: `\p{…}`}}, {`\C`, localize.Phrase{En: `\C`, Ru: `\C`}},
}

func (b *builder) checkPattern(p string, rng hcl.Range) {
	if _, err := regexp.Compile(p); err != nil {
		b.errorf(rng, msgInvalidPattern, strings.TrimPrefix(err.Error(), "error parsing regexp: "))
		return
	}
	for _, bad := range ecmaIncompatible {
		if strings.Contains(p, bad.token) {
			b.errorf(rng, msgUnportablePattern, bad.why)
			return
		}
	}
}

// optionBlock returns the i-th option block among blocks (options decodes
// them in this order, one ir.Option each).
// checkSources checks the options' source codes (the codes of the tool
// the survey was imported from, which ingest reads as the options'): each
// names one option, so none may be another option's source or code.
// at is where option i's source is written.
func (b *builder) checkSources(q *ir.Question, at func(i int) hcl.Range) {
	sources := map[string]string{} // source → option
	for i, o := range q.Options {
		if o.Source == "" {
			continue
		}
		if first, dup := sources[o.Source]; dup {
			b.errorf(at(i), msgDuplicateSourceCode, o.Source, first, q.ID)
			continue
		}
		sources[o.Source] = o.Code
		if other := q.Option(o.Source); other != nil && other.Code != o.Code {
			b.errorf(at(i), msgAmbiguousSourceCode, o.Source, o.Code, other.Code, q.ID)
		}
	}
}

// sourceRange is the value of an option block's source attribute, or its
// label when the source is not there to point at.
func sourceRange(blk *hcl.Block) hcl.Range {
	if body, ok := blk.Body.(*hclsyntax.Body); ok {
		if a, ok := body.Attributes["source"]; ok {
			return a.Expr.Range()
		}
	}
	return blk.LabelRanges[0]
}

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

// checkQuestionSources checks the questions' source names (the names the
// old tool gave their columns, which ingest reads as theirs): each names
// one question, so none may be another question's source or ID.
func (b *builder) checkQuestionSources(s *ir.Survey) {
	if b.questionSourceAt == nil {
		return
	}
	sources := map[string]string{} // source → question
	for _, q := range s.Questions() {
		at, ok := b.questionSourceAt[q.ID]
		if !ok || q.Source == "" {
			continue
		}
		if first, dup := sources[q.Source]; dup {
			b.errorf(at, msgDuplicateQuestionSource, q.Source, q.ID, first)
			continue
		}
		sources[q.Source] = q.ID
		if other := s.Question(q.Source); other != nil && other.ID != q.ID {
			b.errorf(at, msgAmbiguousQuestionSource, q.Source, q.ID, other.ID)
		}
	}
}

// noteQuestionSource keeps where question id's block qb writes its
// source, for checkQuestionSources.
func (b *builder) noteQuestionSource(id string, qb *hcl.Block) {
	body, ok := qb.Body.(*hclsyntax.Body)
	if !ok {
		return
	}
	if a, ok := body.Attributes["source"]; ok {
		if b.questionSourceAt == nil {
			b.questionSourceAt = map[string]hcl.Range{}
		}
		b.questionSourceAt[id] = a.Expr.Range()
	}
}
