package compiler

import (
	"maps"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/localize"
)

// scoring decodes blocks, indexes, maturity levels, benchmark and report.
// Blocks come first since indexes of kind "blocks" refer to them.
func (b *builder) scoring(s *ir.Survey, syn *syntax, sc *scope, claim func(string, hcl.Range, noun) bool) {
	seen := map[string]hcl.Range{}
	uniq := func(id string, rng hcl.Range, what noun) bool {
		b.checkID(id, rng, what)
		key := what.In("en") + ":" + id
		if first, dup := seen[key]; dup {
			b.errorf(rng, msgDuplicateDefinition, what, id, first)
			return false
		}
		seen[key] = rng
		return true
	}
	for _, blk := range syn.blocks {
		bl := ir.Block{ID: blk.Labels[0], Range: toRange(blk.DefRange)}
		if !uniq(bl.ID, blk.LabelRanges[0], nounBlock) {
			continue
		}
		c, d := blk.Body.Content(blockSchema)
		b.add(d...)
		if c == nil {
			continue
		}
		bl.Title = b.text(c.Attributes, "title", true, blk.DefRange)
		if a, ok := c.Attributes["items"]; ok {
			bl.Items = b.scoredItems(a, sc, nounBlock, bl.ID, msgItemCannotBeScored)
		} else {
			b.errorf(blk.DefRange, msgBlockNeedsItems, bl.ID)
		}
		bl.Weights = b.weights(c.Attributes, len(bl.Items))
		s.Blocks = append(s.Blocks, bl)
	}
	for i := range s.Blocks {
		sc.blocks[s.Blocks[i].ID] = &s.Blocks[i]
	}

	for _, blk := range syn.indexes {
		ix := ir.Index{ID: blk.Labels[0], Range: toRange(blk.DefRange)}
		if !uniq(ix.ID, blk.LabelRanges[0], nounIndex) {
			continue
		}
		c, d := blk.Body.Content(indexSchema)
		b.add(d...)
		if c == nil {
			continue
		}
		b.index(&ix, c, blk, sc)
		s.Indexes = append(s.Indexes, ix)
	}
	for i := range s.Indexes {
		sc.indexes[s.Indexes[i].ID] = &s.Indexes[i]
	}

	if syn.maturity != nil {
		c, d := syn.maturity.Body.Content(maturitySchema)
		b.add(d...)
		if c != nil {
			prev := -1.0
			for _, lb := range c.Blocks {
				lv := ir.Level{ID: lb.Labels[0], Range: toRange(lb.DefRange)}
				if !uniq(lv.ID, lb.LabelRanges[0], nounMaturityLevel) {
					continue
				}
				lc, d := lb.Body.Content(levelSchema)
				b.add(d...)
				if lc == nil {
					continue
				}
				lv.Title = b.text(lc.Attributes, "title", true, lb.DefRange)
				lv.Description = b.text(lc.Attributes, "description", false, lb.DefRange)
				if m := b.number(lc.Attributes, "min"); m != nil {
					lv.Min = *m
					if lv.Min < 0 || lv.Min > 100 || lv.Min <= prev {
						b.errorf(lc.Attributes["min"].Expr.Range(), msgInvalidMaturityThreshold, lv.Min)
					}
					prev = lv.Min
				} else {
					b.errorf(lb.DefRange, msgLevelNeedsMin, lv.ID)
				}
				s.Levels = append(s.Levels, lv)
			}
			if len(s.Levels) == 0 {
				b.errorf(syn.maturity.DefRange, msgEmptyMaturity)
			}
		}
	}

	s.Bench = ir.Benchmark{MinGroupSize: 5, MinParticipants: 3, Unit: ir.UnitRespondent}
	if syn.benchmark != nil {
		b.benchmark(&s.Bench, syn.benchmark, sc, s.Hidden)
	}
	if inv := s.Invitations; inv != nil && inv.Once != "" && s.Bench.Unit == ir.UnitParticipant {
		b.errorf(b.invitationsAt, msgInvitationOnceParticipant)
	}
	if syn.report != nil {
		s.Report = b.report(syn.report, sc, s)
	}
}

// scoredItems resolves items that have numeric values: scale questions,
// choice questions whose options carry a score, boolean questions and
// calculations whose value is true or false (1 or 0). notScored is the
// message for a question that has none.
func (b *builder) scoredItems(a *hcl.Attribute, sc *scope, owner noun, id string, notScored diagID) []string {
	var out []string
	refs := b.refList(a)
	need := calcMean100
	if notScored == msgSumItemNotScored {
		need = calcSum
	}
	for _, t := range refs {
		if ref, isCalc := b.scoredCalc(t, sc, owner, id, need, "bool"); isCalc {
			if ref != "" {
				out = append(out, ref)
			}
			continue
		}
		ref, q := b.questionRef(t, sc)
		if q == nil {
			continue
		}
		if ir.HasBoxes(q.Type) && strings.Contains(ref, ".") {
			if why := boxNotScored(q); why != nil {
				b.errorf(t.SourceRange(), msgBoxNotScored, owner, id, ref, *why)
				continue
			}
			out = append(out, ref)
			continue
		}
		if !scoreable(q) {
			b.errorf(t.SourceRange(), notScored, owner, id, q.ID, q.Type)
			continue
		}
		out = append(out, ref)
	}
	if len(refs) == 0 {
		if _, d := hcl.ExprList(a.Expr); !d.HasErrors() { // an invalid list is reported by refList
			b.errorf(a.Expr.Range(), msgEmptyItemList, owner, id)
		}
	}
	return out
}

// What an index or block reads from a calculation, for Calculation Not
// Scored: a true/false calculation is an item of mean_100, sum and blocks
// as a boolean question is; a number has no range to rescale to 0-100 or
// to bound a sum with, so it is an item of mean and of expr formulas only.
var (
	calcMean100 = localize.Phrase{
		En: "averages 0-100 scores, which a calculation has only when it is true or false (100 or 0); a number has no range to rescale: write an expr index with min and max",
		Ru: "усредняет баллы 0–100; у вычисляемого значения они есть, только если оно true или false (100 или 0); у числа нет шкалы для пересчёта: напишите индекс expr с min и max"}
	calcSum = localize.Phrase{
		En: "adds up scale points or option scores, which a calculation has only when it is true or false (1 or 0); a number has no range to bound the sum: write an expr index with min and max",
		Ru: "складывает баллы шкал или вариантов; у вычисляемого значения они есть, только если оно true или false (1 или 0); у числа нет диапазона для суммы: напишите индекс expr с min и max"}
	calcMean  = localize.Phrase{En: "averages a number (the share of true is kind = \"share\")", Ru: "усредняет число (доля true — kind = \"share\")"}
	calcShare = localize.Phrase{En: "counts the share of true", Ru: "считает долю true"}
	calcOther = localize.Phrase{En: "reads a question", Ru: "читает вопрос"}
)

// itemRange is the lowest and highest value of a scored item (see
// scoreable): its scale's ends, or its options' lowest and highest score;
// 0 and 1 for a calculation (true or false).
func itemRange(sc *scope, ref string) (lo, hi float64) {
	id, _, _ := strings.Cut(ref, ".")
	if sc.calcs[id] != nil {
		return 0, 1
	}
	q := sc.questions[id].q
	if ir.HasBoxes(q.Type) {
		return boxRange(q)
	}
	if q.Scale != nil {
		return float64(q.Scale.Min), float64(q.Scale.Max)
	}
	if q.Type == ir.Boolean {
		return 0, 1
	}
	first := true
	for _, o := range q.Options {
		if o.Missing || o.Score == nil {
			continue
		}
		if first || *o.Score < lo {
			lo = *o.Score
		}
		if first || *o.Score > hi {
			hi = *o.Score
		}
		first = false
	}
	return lo, hi
}

// scoreable reports whether a question's answers have numeric values:
// scale points, option scores, or a boolean's 1 for yes and 0 for no (so
// a boolean item of mean_100 is the share of yes, of sum the count).
func scoreable(q *ir.Question) bool {
	if ir.IsScaleType(q.Type) || q.Type == ir.Boolean {
		return true
	}
	if q.Type == ir.Single || q.Type == ir.Dropdown || q.Type == ir.Matrix {
		scored := 0
		for _, o := range q.Options {
			if o.Missing {
				continue
			}
			if o.Score == nil {
				return false
			}
			scored++
		}
		return scored >= 2
	}
	return false
}

// questionRef resolves q or q.row to a reference string and its question.
func (b *builder) questionRef(t hcl.Traversal, sc *scope) (string, *ir.Question) {
	path := traversalString(t)
	parts := strings.Split(path, ".")
	qn, ok := sc.questions[parts[0]]
	if !ok {
		if l := sc.loopOf(parts[0]); l != nil {
			b.errorf(t.SourceRange(), msgLoopQuestionNeedsIteration, parts[0], l.ID, iterationsOf(l, parts[0]))
			return "", nil
		}
		b.errorf(t.SourceRange(), msgUnknownQuestion, parts[0], didYouMean(parts[0], sc.order))
		return "", nil
	}
	q := qn.q
	switch {
	case q.Type == ir.Matrix && len(parts) == 2:
		for _, r := range q.Rows {
			if r.Code == parts[1] {
				return path, q
			}
		}
		b.errorf(t.SourceRange(), msgUnknownRow, q.ID, parts[1], didYouMean(parts[1], rowCodes(q)))
		return "", nil
	case q.Type == ir.Matrix:
		b.errorf(t.SourceRange(), msgMatrixRowsOneByOne, q.ID, q.ID, q.Rows[0].Code)
		return "", nil
	case ir.HasCells(q.Type) && len(q.Rows) > 0 && len(q.CellColumns()) > 0:
		b.errorf(t.SourceRange(), msgCellsNotScored, q.ID, q.Type, q.ID, q.Rows[0].Code, q.CellColumns()[0].Code)
		return "", nil
	case ir.HasBoxes(q.Type) && len(parts) == 2: // one box: q.item
		for _, it := range q.Items {
			if it.Code == parts[1] {
				return path, q
			}
		}
		codes := make([]string, len(q.Items))
		for i, it := range q.Items {
			codes[i] = it.Code
		}
		b.errorf(t.SourceRange(), msgUnknownItem, q.ID, parts[1], didYouMean(parts[1], codes))
		return "", nil
	case len(parts) != 1:
		b.errorf(t.SourceRange(), msgReferenceByID, q.ID, q.Type)
		return "", nil
	}
	return path, q
}

// Why a box (q.item) of an inputs, constant_sum or ranking question is no
// item of mean_100 or sum, for Box Not Scored; "" when it is one: a box of
// numbers with a range to rescale (mean_100) or to bound (sum) by.
var (
	boxRanks = localize.Phrase{
		En: "a rank is a place, not an amount (rank 1 is the most, not the least); the mean rank is a mean index of the box (with lower_better = true)",
		Ru: "ранг — это место, а не величина (ранг 1 — лучший, а не наименьший); средний ранг — индекс mean по полю (с lower_better = true)"}
	boxText = localize.Phrase{
		En: "a text box holds no number",
		Ru: "в текстовом поле нет числа"}
	boxUnbounded = localize.Phrase{
		En: "its boxes have no range to rescale or bound it by; give the question both min and max",
		Ru: "у его полей нет диапазона для пересчёта или границ суммы; задайте вопросу и min, и max"}
)

// boxNotScored says why a box is not an item of mean_100 or sum (see
// above), or nil.
func boxNotScored(q *ir.Question) *localize.Phrase {
	switch {
	case q.Type == ir.Ranking:
		return &boxRanks
	case q.Type == ir.Inputs && q.Input != ir.InputNumber:
		return &boxText
	case q.Type == ir.Inputs && (q.Min == nil || q.Max == nil):
		return &boxUnbounded
	}
	return nil
}

// boxRange is a box's lowest and highest value: a constant sum's 0 to its
// total, an inputs question's min to max, a ranking's 1 to its rank.
func boxRange(q *ir.Question) (lo, hi float64) {
	switch {
	case q.Type == ir.ConstantSum:
		return 0, q.Total
	case q.Type == ir.Ranking:
		return 1, float64(max(q.Rank, 1))
	}
	if q.Min != nil {
		lo = *q.Min
	}
	if q.Max != nil {
		hi = *q.Max
	}
	return lo, hi
}

func (b *builder) weights(at hcl.Attributes, n int) []float64 {
	w := b.numList(at, "weights")
	if w == nil {
		return nil
	}
	if len(w) != n {
		b.errorf(at["weights"].Expr.Range(), msgWrongNumberOfWeights, len(w), n)
	}
	for _, x := range w {
		if x < 0 {
			b.errorf(at["weights"].Expr.Range(), msgNegativeWeight)
			break
		}
	}
	return w
}

// index decodes an index block: the attributes every kind has, then the
// ones of its kind (indexKindTable).
func (b *builder) index(ix *ir.Index, c *hcl.BodyContent, blk *hcl.Block, sc *scope) {
	at := c.Attributes
	ix.Title = b.text(at, "title", false, blk.DefRange)
	if ix.Title == nil {
		ix.Title = ir.Text{}
		for _, l := range b.languages {
			ix.Title[l] = strings.ToUpper(ix.ID)
		}
	}
	ix.Description = b.text(at, "description", false, blk.DefRange)
	ix.Kind = b.str(at, "kind")
	ix.LowerBetter = b.boolean(at, "lower_better")
	if _, ok := at["kind"]; !ok {
		b.errorf(blk.DefRange, msgMissingIndexKind, ix.ID, strings.Join(indexKinds, ", "))
		return
	}
	kind, ok := indexKindTable[ix.Kind]
	if !ok {
		b.errorf(at["kind"].Expr.Range(), msgUnknownIndexKind,
			ix.Kind, strings.Join(indexKinds, ", "), didYouMean(ix.Kind, indexKinds))
		return
	}
	for _, n := range slices.Sorted(maps.Keys(at)) {
		if !contains(kind.attributes, n) {
			b.errorf(at[n].NameRange, msgIndexAttributeNotAllowed, ix.Kind, n)
		}
	}
	kind.decode(&indexBlock{builder: b, ix: ix, at: at, blk: blk, sc: sc})
}

// indexKinds are the index kinds in the order messages list them.
var indexKinds = []string{ir.IndexNPS, ir.IndexTopBox, ir.IndexMean, ir.IndexMean100, ir.IndexCount,
	ir.IndexShare, ir.IndexExpr, ir.IndexBlocks, ir.IndexSum}

// indexKind is what an index of one kind accepts and how it is decoded.
type indexKind struct {
	attributes []string
	decode     func(*indexBlock)
}

// indexKindTable holds every kind of indexKinds. An expr index reads its
// questions from its formula, so it is the one kind without items.
var indexKindTable = map[string]indexKind{
	ir.IndexNPS:     {indexAttributes(true), (*indexBlock).nps},
	ir.IndexTopBox:  {indexAttributes(true, "top", "bottom"), (*indexBlock).topBox},
	ir.IndexMean:    {indexAttributes(true), (*indexBlock).mean},
	ir.IndexMean100: {indexAttributes(true, "weights"), (*indexBlock).mean100},
	ir.IndexCount:   {indexAttributes(true, "options"), (*indexBlock).options},
	ir.IndexShare:   {indexAttributes(true, "options"), (*indexBlock).options},
	ir.IndexExpr:    {indexAttributes(false, "expr", "min", "max"), (*indexBlock).expr},
	ir.IndexBlocks:  {indexAttributes(true, "weights"), (*indexBlock).blocks},
	ir.IndexSum:     {indexAttributes(true, "weights"), (*indexBlock).sum},
}

func indexAttributes(items bool, own ...string) []string {
	all := append([]string{"title", "description", "kind", "lower_better"}, own...)
	if items {
		all = append(all, "items")
	}
	return all
}

// indexBlock is an index being decoded: the IR index it fills and the
// block it is read from.
type indexBlock struct {
	*builder
	ix  *ir.Index
	at  hcl.Attributes
	blk *hcl.Block
	sc  *scope
}

// single resolves the one question a kind reads (nps, top_box, mean, count,
// share); check says whether its type fits and need names the types that do.
// A calculation is refused (calcOther) unless a kind reads one itself
// (singleOrCalc).
func (x *indexBlock) single(check func(*ir.Question) bool, need localize.Phrase) *ir.Question {
	q, _ := x.singleOrCalc(check, need, calcOther)
	return q
}

// singleOrCalc is single for a kind that also reads a calculation whose
// type is one of calcTypes (calcNeed says what it reads of it): calc is
// then its ID and q nil.
func (x *indexBlock) singleOrCalc(check func(*ir.Question) bool, need, calcNeed localize.Phrase, calcTypes ...string) (q *ir.Question, calc string) {
	a, ok := x.at["items"]
	if !ok {
		x.errorf(x.blk.DefRange, msgIndexNeedsQuestion, x.ix.Kind, x.ix.ID)
		return nil, ""
	}
	refs := x.refList(a)
	if len(refs) != 1 {
		x.errorf(a.Expr.Range(), msgWrongNumberOfItems, x.ix.Kind)
		return nil, ""
	}
	if calc, isCalc := x.scoredCalc(refs[0], x.sc, nounIndex, x.ix.ID, calcNeed, calcTypes...); isCalc {
		if calc != "" {
			x.ix.Items = []string{calc}
		}
		return nil, calc
	}
	ref, q := x.questionRef(refs[0], x.sc)
	if q == nil {
		return nil, ""
	}
	if !check(q) {
		x.errorf(refs[0].SourceRange(), msgIndexQuestionType, x.ix.Kind, need, q.ID, q.Type)
		return nil, ""
	}
	x.ix.Items = []string{ref}
	return q, ""
}

func (x *indexBlock) nps() {
	x.single(func(q *ir.Question) bool { return q.Type == ir.NPS }, localize.Phrase{En: "an nps question (0-10)", Ru: "вопрос nps (0–10)"})
	x.ix.Min, x.ix.Max = -100, 100
}

func (x *indexBlock) topBox() {
	ix := x.ix
	q := x.single(func(q *ir.Question) bool { return ir.IsScaleType(q.Type) }, localize.Phrase{En: "a scale question (rating, likert, scale or nps)", Ru: "вопрос со шкалой (rating, likert, scale или nps)"})
	ix.Top = 2
	if v, ok := x.integer(x.at, "top"); ok {
		ix.Top = v
	}
	if v, ok := x.integer(x.at, "bottom"); ok {
		ix.Bottom = v
	}
	if q != nil && q.Scale != nil {
		points := q.Scale.Max - q.Scale.Min + 1
		if ix.Top < 1 || ix.Top >= points || ix.Bottom < 0 || ix.Bottom >= points {
			x.errorf(x.blk.DefRange, msgInvalidBox, points-1, points)
		}
	}
	ix.Min, ix.Max = 0, 100
}

func (x *indexBlock) mean() {
	ix := x.ix
	need := localize.Phrase{En: "a scale or number question, or one box (q.item) of an inputs question of numbers, a constant_sum or a ranking (the mean rank)",
		Ru: "вопрос со шкалой, числовой вопрос или одно поле (q.item) вопроса inputs с числами, constant_sum или ranking (средний ранг)"}
	q, _ := x.singleOrCalc(func(q *ir.Question) bool {
		return ir.IsScaleType(q.Type) || q.Type == ir.Number || ir.HasBoxes(q.Type) && boxNotScored(q) != &boxText
	}, need, calcMean, "number")
	if q != nil && ir.HasBoxes(q.Type) {
		if ref := x.ix.Items[0]; !strings.Contains(ref, ".") { // the whole question: which box?
			x.errorf(x.at["items"].Expr.Range(), msgIndexQuestionType, x.ix.Kind, need, q.ID, q.Type)
			x.ix.Items = nil
			return
		}
		ix.Min, ix.Max = boxRange(q)
		if q.Type == ir.Inputs && (q.Min == nil || q.Max == nil) {
			ix.Min, ix.Max = 0, 0 // unknown: the report draws the axis from the data
		}
		return
	}
	if q != nil && q.Scale != nil {
		ix.Min, ix.Max = float64(q.Scale.Min), float64(q.Scale.Max)
	} else if q != nil {
		if q.Min != nil {
			ix.Min = *q.Min
		}
		if q.Max != nil {
			ix.Max = *q.Max
		}
	}
}

func (x *indexBlock) mean100() {
	ix := x.ix
	if a, ok := x.at["items"]; ok {
		ix.Items = x.scoredItems(a, x.sc, nounIndex, ix.ID, msgItemCannotBeScored)
	} else {
		x.errorf(x.blk.DefRange, msgIndexNeedsItems, ix.ID)
	}
	ix.Weights = x.weights(x.at, len(ix.Items))
	ix.Min, ix.Max = 0, 100
}

// options decodes count and share: the options of one multi question, or
// for share a true/false calculation, whose share of true it is.
func (x *indexBlock) options() {
	ix := x.ix
	multi := localize.Phrase{En: "a multi question", Ru: "вопрос multi"}
	var q *ir.Question
	if ix.Kind == ir.IndexShare {
		var calc string
		multi = localize.Phrase{En: "a multi or boolean question", Ru: "вопрос multi или boolean"}
		if q, calc = x.singleOrCalc(func(q *ir.Question) bool { return q.Type == ir.Multi || q.Type == ir.Boolean }, multi, calcShare, "bool"); calc != "" || q != nil && q.Type == ir.Boolean {
			// A calculation's or a boolean's share of true: no options.
			if a, ok := x.at["options"]; ok && q != nil {
				x.errorf(a.NameRange, msgShareOfBoolean, q.ID)
			} else if ok {
				x.errorf(a.NameRange, msgShareOfCalculation, calc)
			}
			ix.Min, ix.Max = 0, 100
			return
		}
	} else {
		q = x.single(func(q *ir.Question) bool { return q.Type == ir.Multi }, multi)
	}
	ix.Options = x.strList(x.at, "options")
	if _, ok := x.at["options"]; !ok {
		x.errorf(x.blk.DefRange, msgIndexNeedsOptions, ix.Kind)
	}
	if q != nil {
		codes := optionCodes(q)
		for _, code := range ix.Options {
			x.knownCode(x.at["options"].Expr.Range(), q.ID, codes, code)
		}
	}
	ix.Min, ix.Max = 0, 100
	if ix.Kind == ir.IndexCount {
		ix.Max = float64(len(ix.Options))
	}
}

func (x *indexBlock) expr() {
	ix := x.ix
	a, ok := x.at["expr"]
	if !ok {
		x.errorf(x.blk.DefRange, msgExprIndexNeedsExpr)
		return
	}
	ix.Expr = x.builder.expr(a.Expr, x.sc, nil, localize.Phrase{})
	if ix.Expr != nil && ix.Expr.Type != "number" && ix.Expr.Type != "bool" && ix.Expr.Type != "any" {
		x.errorf(a.Expr.Range(), msgIndexFormulaType, typeNames{ix.Expr.Type})
	}
	ix.Items = ix.Expr.Refs()
	lo, hi := x.number(x.at, "min"), x.number(x.at, "max")
	if lo == nil || hi == nil {
		x.errorf(x.blk.DefRange, msgExprIndexNeedsRange)
	} else {
		ix.Min, ix.Max = *lo, *hi
	}
}

func (x *indexBlock) sum() {
	ix := x.ix
	a, ok := x.at["items"]
	if !ok {
		x.errorf(x.blk.DefRange, msgIndexNeedsItems, ix.ID)
		return
	}
	ix.Items = x.scoredItems(a, x.sc, nounIndex, ix.ID, msgSumItemNotScored)
	ix.Weights = x.weights(x.at, len(ix.Items))
	for i, ref := range ix.Items {
		w := 1.0
		if i < len(ix.Weights) {
			w = ix.Weights[i]
		}
		lo, hi := itemRange(x.sc, ref)
		ix.Min += w * lo
		ix.Max += w * hi
	}
}

func (x *indexBlock) blocks() {
	ix := x.ix
	a, ok := x.at["items"]
	if !ok {
		x.errorf(x.blk.DefRange, msgBlocksIndexNeedsItems)
		return
	}
	for _, t := range x.refList(a) {
		path := traversalString(t)
		name, ok := strings.CutPrefix(path, "block.")
		if !ok || strings.Contains(name, ".") {
			x.errorf(t.SourceRange(), msgBlocksIndexListsBlocks)
			continue
		}
		if _, ok := x.sc.blocks[name]; !ok {
			known := slices.Collect(maps.Keys(x.sc.blocks))
			x.errorf(t.SourceRange(), msgUnknownBlock, name, didYouMean(name, known))
			continue
		}
		ix.Items = append(ix.Items, name)
	}
	ix.Weights = x.weights(x.at, len(ix.Items))
	ix.Min, ix.Max = 0, 100
}

// fieldRef resolves hidden.x or a choice question used to group respondents.
func (b *builder) fieldRef(t hcl.Traversal, sc *scope, what localize.Phrase) string {
	path := traversalString(t)
	if name, ok := strings.CutPrefix(path, "hidden."); ok {
		if _, found := sc.hidden[name]; !found {
			known := slices.Collect(maps.Keys(sc.hidden))
			b.errorf(t.SourceRange(), msgUnknownHiddenField, name, didYouMean(name, known))
			return ""
		}
		return name
	}
	ref, q := b.questionRef(t, sc)
	if q == nil {
		return ""
	}
	if q.Type != ir.Single && q.Type != ir.Dropdown {
		b.errorf(t.SourceRange(), msgFieldQuestionType, what, q.ID, q.Type)
		return ""
	}
	return ref
}

func (b *builder) benchmark(bm *ir.Benchmark, blk *hcl.Block, sc *scope, hidden []ir.Hidden) {
	bm.Range = toRange(blk.DefRange)
	c, d := blk.Body.Content(benchSchema)
	b.add(d...)
	if c == nil {
		return
	}
	at := c.Attributes
	if a, ok := at["participant"]; ok {
		if t := b.ref(a.Expr, a.Name); t != nil {
			bm.Participant = b.fieldRef(t, sc, localize.Phrase{En: "The participant", Ru: "Участник (participant)"})
		}
	}
	if a, ok := at["segments"]; ok {
		for _, t := range b.refList(a) {
			if f := b.fieldRef(t, sc, localize.Phrase{En: "A segment", Ru: "Сегмент (segments)"}); f != "" {
				bm.Segments = append(bm.Segments, f)
			}
		}
	}
	if v, ok := b.integer(at, "min_group_size"); ok {
		if v < 1 {
			b.errorf(at["min_group_size"].Expr.Range(), msgMinGroupSize)
		}
		bm.MinGroupSize = v
	}
	if v, ok := b.integer(at, "min_participants"); ok {
		if v < 1 {
			b.errorf(at["min_participants"].Expr.Range(), msgMinParticipants)
		}
		bm.MinParticipants = v
	}
	if a, ok := at["weight"]; ok {
		if t := b.ref(a.Expr, a.Name); t != nil {
			path := traversalString(t)
			if name, ok := strings.CutPrefix(path, "hidden."); ok {
				if _, found := sc.hidden[name]; found {
					bm.Weight = name
				} else {
					b.errorf(t.SourceRange(), msgUnknownHiddenField, name, didYouMean(name, slices.Collect(maps.Keys(sc.hidden))))
				}
			} else if _, q := b.questionRef(t, sc); q != nil {
				if q.Type != ir.Number {
					b.errorf(t.SourceRange(), msgWeightQuestionType, q.ID, q.Type)
				} else {
					bm.Weight = q.ID
				}
			}
		}
	}
	bm.Competitors = b.boolean(at, "competitors")
	if a, ok := at["outcome"]; ok {
		if t := b.ref(a.Expr, a.Name); t != nil {
			path := traversalString(t)
			name, ok := strings.CutPrefix(path, "index.")
			if _, found := sc.indexes[name]; !ok || !found {
				known := slices.Collect(maps.Keys(sc.indexes))
				b.errorf(t.SourceRange(), msgOutcomeNotIndex, path, didYouMean(name, known))
			} else {
				bm.Outcome = name
			}
		}
	}
	if a, ok := at["drivers"]; ok {
		for _, t := range b.refList(a) {
			ref, q := b.questionRef(t, sc)
			if q == nil {
				continue
			}
			if !scoreable(q) && q.Type != ir.Number {
				b.errorf(t.SourceRange(), msgDriverNotNumeric, q.ID, q.Type)
				continue
			}
			bm.Drivers = append(bm.Drivers, ref)
		}
		if bm.Outcome == "" {
			b.errorf(a.Expr.Range(), msgDriversWithoutOutcome)
		}
	}
	seen := map[string]hcl.Range{}
	for _, mb := range c.Blocks {
		m, ok := b.margin(mb, sc)
		if !ok {
			continue
		}
		if prev, dup := seen[m.Field]; dup {
			b.errorf(mb.DefRange, msgDuplicateMargin, m.Field, prev)
			continue
		}
		seen[m.Field] = mb.DefRange
		bm.Margins = append(bm.Margins, m)
	}
	b.unit(bm, at, c.Blocks, sc, hidden)
}

var (
	units     = []string{ir.UnitRespondent, ir.UnitParticipant}
	onceRules = []string{ir.OnceLast, ir.OnceFirst}
)

// unit decodes the unit of analysis and, for a participant-level
// benchmark (each participant answers once a wave), which submission
// counts, and refuses what has no meaning there: a participant is named by
// a hidden field of the invitation link (a question could be answered
// with another participant's name, and ingest would set a real answer
// aside as its repeat), and each participant counts once, so there is no
// case weight and nothing to rake.
func (b *builder) unit(bm *ir.Benchmark, at hcl.Attributes, margins hcl.Blocks, sc *scope, hidden []ir.Hidden) {
	if a, ok := at["unit"]; ok {
		v, ok := b.value(a, cty.String, localize.Phrase{En: "a string", Ru: "строкой"})
		if !ok {
			return
		}
		u := v.AsString()
		if !contains(units, u) {
			b.errorf(a.Expr.Range(), msgInvalidUnit, u, didYouMean(u, units))
			return
		}
		bm.Unit = u
	}
	once, hasOnce := at["once"]
	if bm.Unit != ir.UnitParticipant {
		if hasOnce {
			b.errorf(once.NameRange, msgOnceWithoutParticipantUnit)
		}
		return
	}
	bm.Once = ir.OnceLast
	if hasOnce {
		if v, ok := b.value(once, cty.String, localize.Phrase{En: "a string", Ru: "строкой"}); ok {
			if k := v.AsString(); !contains(onceRules, k) {
				b.errorf(once.Expr.Range(), msgInvalidBenchmarkOnce, k, didYouMean(k, onceRules))
			} else {
				bm.Once = k
			}
		}
	}
	unitAt := at["unit"].Expr.Range()
	if p, named := at["participant"]; named {
		if _, isQuestion := sc.questions[bm.Participant]; isQuestion {
			b.errorf(p.Expr.Range(), msgParticipantUnitQuestion, bm.Participant)
		}
	} else {
		var roles []string
		for _, h := range hidden {
			if h.Role == "participant" {
				roles = append(roles, h.ID)
			}
		}
		switch len(roles) {
		case 1:
			bm.Participant = roles[0]
		case 0:
			b.errorf(unitAt, msgParticipantUnitWithoutParticipant)
		default:
			b.errorf(unitAt, msgParticipantUnitTwoParticipants, strings.Join(roles, ", "))
		}
	}
	if a, ok := at["weight"]; ok {
		b.errorf(a.NameRange, msgParticipantUnitWeight)
	}
	for _, mb := range margins {
		b.errorf(mb.DefRange, msgParticipantUnitMargin)
	}
}

// rowCodes lists a matrix question's row codes in order.
func rowCodes(q *ir.Question) []string {
	codes := make([]string, len(q.Rows))
	for i, r := range q.Rows {
		codes[i] = r.Code
	}
	return codes
}

// optionCodes lists a question's option codes in order.
func optionCodes(q *ir.Question) []string {
	codes := make([]string, len(q.Options))
	for i, o := range q.Options {
		codes[i] = o.Code
	}
	return codes
}

// knownCode reports whether code is one of a question's codes, and says
// which codes there are when it is not.
func (b *builder) knownCode(rng hcl.Range, question string, codes []string, code string) bool {
	if contains(codes, code) {
		return true
	}
	b.errorf(rng, msgUnknownOptionCode,
		question, code, strings.Join(codes, ", "), didYouMean(code, codes))
	return false
}

// margin decodes a `margin` block: a field and its known population
// shares, given as shares or as counts (normalised either way).
func (b *builder) margin(blk *hcl.Block, sc *scope) (ir.Margin, bool) {
	m := ir.Margin{Range: toRange(blk.DefRange)}
	c, d := blk.Body.Content(marginSchema)
	b.add(d...)
	if c == nil || d.HasErrors() {
		return m, false
	}
	t := b.ref(c.Attributes["field"].Expr, "field")
	if t == nil {
		return m, false
	}
	if m.Field = b.fieldRef(t, sc, localize.Phrase{En: "A margin's field", Ru: "Поле margin (field)"}); m.Field == "" {
		return m, false
	}
	var codes []string // nil for hidden fields: any value may occur
	if qn, ok := sc.questions[m.Field]; ok {
		codes = optionCodes(qn.q)
	}
	a := c.Attributes["targets"]
	pairs, pd := hcl.ExprMap(a.Expr)
	if pd.HasErrors() || len(pairs) == 0 {
		b.errorf(a.Expr.Range(), msgTargetsNotObject)
		return m, false
	}
	ok := true
	total := 0.0
	for _, p := range pairs {
		k, kd := p.Key.Value(nil)
		v, vd := p.Value.Value(nil)
		if kd.HasErrors() || !k.IsKnown() || k.IsNull() || k.Type() != cty.String {
			b.errorf(p.Key.Range(), msgTargetKey, m.Field)
			ok = false
			continue
		}
		code := k.AsString()
		if codes != nil && !b.knownCode(p.Key.Range(), m.Field, codes, code) {
			ok = false
			continue
		}
		if vd.HasErrors() || v.IsNull() || !v.IsKnown() || v.Type() != cty.Number {
			b.errorf(p.Value.Range(), msgTargetNotNumber, code)
			ok = false
			continue
		}
		share, _ := v.AsBigFloat().Float64()
		if !(share > 0) || math.IsInf(share, 0) {
			b.errorf(p.Value.Range(), msgTargetNotPositive, code)
			ok = false
			continue
		}
		for _, prev := range m.Targets {
			if prev.Code == code {
				b.errorf(p.Key.Range(), msgDuplicateTarget, code)
				ok = false
			}
		}
		m.Targets = append(m.Targets, ir.Target{Code: code, Share: share})
		total += share
	}
	if !ok {
		return m, false
	}
	if len(m.Targets) < 2 {
		b.errorf(a.Expr.Range(), msgTargetsOneValue)
		return m, false
	}
	for i := range m.Targets {
		m.Targets[i].Share /= total
	}
	sort.Slice(m.Targets, func(i, j int) bool { return m.Targets[i].Code < m.Targets[j].Code })
	return m, true
}

func (b *builder) report(blk *hcl.Block, sc *scope, s *ir.Survey) *ir.Report {
	r := &ir.Report{Range: toRange(blk.DefRange)}
	c, d := blk.Body.Content(reportSchema)
	b.add(d...)
	if c == nil {
		return r
	}
	at := c.Attributes
	r.Title = b.text(at, "title", false, blk.DefRange)
	if r.Title == nil {
		r.Title = s.Title
	}
	r.Languages = b.strList(at, "languages")
	for _, l := range r.Languages {
		if l != "en" && l != "ru" {
			b.errorf(at["languages"].Expr.Range(), msgUnsupportedLanguage, l)
		}
	}
	if len(r.Languages) == 0 {
		for _, l := range s.Languages {
			if l == "en" || l == "ru" {
				r.Languages = append(r.Languages, l)
			}
		}
		if len(r.Languages) == 0 {
			r.Languages = []string{"en"}
		}
	}
	if a, ok := at["indexes"]; ok {
		for _, t := range b.refList(a) {
			path := traversalString(t)
			name, ok := strings.CutPrefix(path, "index.")
			if _, found := sc.indexes[name]; !ok || !found {
				b.errorf(t.SourceRange(), msgUnknownIndex, path)
				continue
			}
			r.Indexes = append(r.Indexes, name)
		}
	}
	if a, ok := at["breakdowns"]; ok {
		for _, t := range b.refList(a) {
			if f := b.fieldRef(t, sc, localize.Phrase{En: "A breakdown", Ru: "Разбивка (breakdowns)"}); f != "" {
				r.Breakdowns = append(r.Breakdowns, f)
			}
		}
	}
	r.Theme = b.str(at, "theme")
	if a, ok := at["theme"]; ok {
		b.checkPath(r.Theme, a.Expr.Range(), reportTheme, true)
	}
	r.Pages = b.strList(at, "pages")
	if a, ok := at["pages"]; ok {
		b.checkPathList(a, r.Pages, reportPage)
	}
	r.PublicComments = b.boolean(at, "public_comments")
	r.Records = b.boolean(at, "records")
	if a, ok := at["records"]; ok && r.Records && s.Bench.Participant == "" {
		b.errorf(a.Expr.Range(), msgRecordsNoParticipant)
	}
	if a, ok := at["aliases"]; ok {
		if v, ok := b.value(a, cty.Map(cty.List(cty.String)), localize.Phrase{En: "a map of lists of strings", Ru: "словарём списков строк"}); ok {
			r.Aliases = map[string][]string{}
			for name, list := range v.AsValueMap() {
				for _, e := range list.AsValueSlice() {
					r.Aliases[name] = append(r.Aliases[name], e.AsString())
				}
			}
		}
	}
	return r
}
