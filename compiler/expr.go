package compiler

import (
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/localize"
)

// exprCtx carries what an expression may see: the scope, and a rule saying
// which questions are visible from where the expression stands.
type exprCtx struct {
	b       *builder
	sc      *scope
	visible func(*questionNode) bool
	why     localize.Phrase
}

// expr converts a show_if or index expression into a checked ir.Expr. A nil
// visible means every question is visible (index formulas).
func (b *builder) expr(e hcl.Expression, sc *scope, visible func(*questionNode) bool, why localize.Phrase) *ir.Expr {
	x := &exprCtx{b: b, sc: sc, visible: visible, why: why}
	return x.conv(e)
}

// choices returns the option codes a reference's value is drawn from, or nil.
func (x *exprCtx) choices(e *ir.Expr) (*ir.Question, []string) {
	if e == nil || e.Op != ir.OpRef {
		return nil, nil
	}
	id, _, _ := strings.Cut(e.Ref, ".")
	qn, ok := x.sc.questions[id]
	if !ok || !ir.IsChoiceType(qn.q.Type) {
		return nil, nil
	}
	var codes []string
	for _, o := range qn.q.Options {
		codes = append(codes, o.Code)
	}
	return qn.q, codes
}

// checkCode reports a string literal compared with a choice question that is
// not one of its codes: `q_country == "russia"` when the code is "ru" would
// otherwise be a condition that is silently never true.
func (x *exprCtx) checkCode(ref, lit *ir.Expr, rng hcl.Range) {
	q, codes := x.choices(ref)
	if q == nil || lit == nil || lit.Op != ir.OpLit {
		return
	}
	if s, ok := lit.Lit.(string); ok {
		x.b.knownCode(rng, q.ID, codes, s)
	}
}

func (x *exprCtx) conv(e hcl.Expression) *ir.Expr {
	switch n := e.(type) {
	case *hclsyntax.LiteralValueExpr:
		return x.literal(n.Val, n.Range())
	case *hclsyntax.TemplateExpr:
		if n.IsStringLiteral() {
			v, _ := n.Value(nil)
			return x.literal(v, n.Range())
		}
		x.b.errorf(n.Range(), msgTemplateInCondition)
	case *hclsyntax.TemplateWrapExpr: // "${x}"
		x.b.errorf(n.Range(), msgTemplateInCondition)
	case *hclsyntax.ParenthesesExpr:
		return x.conv(n.Expression)
	case *hclsyntax.ScopeTraversalExpr:
		return x.reference(n.Traversal, n.Range())
	case *hclsyntax.TupleConsExpr:
		out := &ir.Expr{Op: ir.OpList, Type: "list"}
		for _, el := range n.Exprs {
			a := x.conv(el)
			if a == nil {
				return nil
			}
			if a.Op != ir.OpLit || a.Type != "string" {
				x.b.errorf(el.Range(), msgListOfCodes)
				return nil
			}
			out.Args = append(out.Args, a)
		}
		return out
	case *hclsyntax.UnaryOpExpr:
		a := x.conv(n.Val)
		if a == nil {
			return nil
		}
		if n.Op == hclsyntax.OpLogicalNot {
			x.want(a, n.Val.Range(), "bool")
			return &ir.Expr{Op: ir.OpNot, Args: []*ir.Expr{a}, Type: "bool"}
		}
		x.want(a, n.Val.Range(), "number")
		return &ir.Expr{Op: ir.OpNeg, Args: []*ir.Expr{a}, Type: "number"}
	case *hclsyntax.BinaryOpExpr:
		return x.binary(n)
	case *hclsyntax.ConditionalExpr:
		c, t, f := x.conv(n.Condition), x.conv(n.TrueResult), x.conv(n.FalseResult)
		if c == nil || t == nil || f == nil {
			return nil
		}
		x.want(c, n.Condition.Range(), "bool")
		typ := t.Type
		if t.Type != f.Type {
			typ = "any"
		}
		return &ir.Expr{Op: ir.OpCond, Args: []*ir.Expr{c, t, f}, Type: typ}
	case *hclsyntax.FunctionCallExpr:
		return x.call(n)
	default:
		x.b.errorf(e.Range(), msgUnsupportedExpression, funcNames())
	}
	return nil
}

func funcNames() string {
	var names []string
	for n := range ir.Funcs {
		names = append(names, n)
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

func (x *exprCtx) literal(v cty.Value, rng hcl.Range) *ir.Expr {
	switch {
	case v.IsNull():
		return &ir.Expr{Op: ir.OpLit, Lit: nil, Type: "any"}
	case v.Type() == cty.String:
		return &ir.Expr{Op: ir.OpLit, Lit: v.AsString(), Type: "string"}
	case v.Type() == cty.Number:
		f, _ := v.AsBigFloat().Float64()
		return &ir.Expr{Op: ir.OpLit, Lit: f, Type: "number"}
	case v.Type() == cty.Bool:
		return &ir.Expr{Op: ir.OpLit, Lit: v.True(), Type: "bool"}
	}
	// HCL's parser writes no other literals; an expression built some other
	// way gets the general message.
	x.b.errorf(rng, msgUnsupportedExpression, funcNames())
	return nil
}

// reference resolves q, q.row (matrix) or hidden.id.
func (x *exprCtx) reference(t hcl.Traversal, rng hcl.Range) *ir.Expr {
	path := traversalString(t)
	parts := strings.Split(path, ".")
	if parts[0] == "hidden" {
		if len(parts) != 2 {
			x.b.errorf(rng, msgInvalidHiddenReference)
			return nil
		}
		if _, ok := x.sc.hidden[parts[1]]; !ok {
			known := slices.Collect(maps.Keys(x.sc.hidden))
			x.b.errorf(rng, msgUnknownHiddenField, parts[1], didYouMean(parts[1], known))
			return nil
		}
		return &ir.Expr{Op: ir.OpRef, Ref: parts[1], Type: "string"}
	}
	if e, ok := x.calcRef(path, rng); ok {
		return e
	}
	qn, ok := x.sc.questions[parts[0]]
	if !ok {
		if l := x.sc.loopOf(parts[0]); l != nil {
			x.b.errorf(rng, msgLoopQuestionNeedsIteration, parts[0], l.ID, iterationsOf(l, parts[0]))
			return nil
		}
		x.b.errorf(rng, msgUnknownQuestion, parts[0], didYouMean(parts[0], x.sc.order))
		return nil
	}
	if x.visible != nil && !x.visible(qn) {
		x.b.errorf(rng, msgReferenceToALaterQuestion, parts[0], x.why)
		return nil
	}
	q := qn.q
	if q.Type == ir.Matrix {
		if len(parts) != 2 {
			var rows []string
			for _, r := range q.Rows {
				rows = append(rows, r.Code)
			}
			x.b.errorf(rng, msgMatrixNeedsARow, q.ID, q.ID, rows[0])
			return nil
		}
		for _, r := range q.Rows {
			if r.Code == parts[1] {
				return &ir.Expr{Op: ir.OpRef, Ref: q.ID + "." + r.Code, Type: "string"}
			}
		}
		var rows []string
		for _, r := range q.Rows {
			rows = append(rows, r.Code)
		}
		x.b.errorf(rng, msgUnknownRow, q.ID, parts[1], didYouMean(parts[1], rows))
		return nil
	}
	if ir.HasBoxes(q.Type) {
		return x.itemRef(q, parts, rng)
	}
	if ir.HasCells(q.Type) {
		return x.cellRef(q, parts, rng)
	}
	if len(parts) != 1 {
		x.b.errorf(rng, msgReferenceByID, q.ID, q.Type)
		return nil
	}
	return &ir.Expr{Op: ir.OpRef, Ref: q.ID, Type: valueType(q)}
}

// itemRef is a reference to one box of an inputs question, q.item: its
// answer, a number or a string, read from its own key (answer.Env).
func (x *exprCtx) itemRef(q *ir.Question, parts []string, rng hcl.Range) *ir.Expr {
	var codes []string
	for _, it := range q.Items {
		codes = append(codes, it.Code)
	}
	if len(codes) == 0 {
		return nil // reported: an inputs question without items
	}
	if len(parts) != 2 {
		x.b.errorf(rng, msgInputsNeedAnItem, q.ID, q.ID, codes[0])
		return nil
	}
	if !slices.Contains(codes, parts[1]) {
		x.b.errorf(rng, msgUnknownItem, q.ID, parts[1], didYouMean(parts[1], codes))
		return nil
	}
	typ := "string"
	if q.Input == ir.InputNumber {
		typ = "number"
	}
	return &ir.Expr{Op: ir.OpRef, Ref: q.ID + "." + parts[1], Type: typ}
}

// cellRef is a reference to one cell of a matrix_multi or grid question,
// q.row.col: a matrix_multi's true or false (answer.CellValue), a grid's
// number or option code, read from the cell's own key.
func (x *exprCtx) cellRef(q *ir.Question, parts []string, rng hcl.Range) *ir.Expr {
	cols := q.CellColumns()
	if len(q.Rows) == 0 || len(cols) == 0 {
		return nil // reported: a matrix without rows, a grid without columns
	}
	if len(parts) != 3 {
		x.b.errorf(rng, msgCellNeeded, q.ID, q.Type, q.ID, q.Rows[0].Code, cols[0].Code)
		return nil
	}
	if !slices.ContainsFunc(q.Rows, func(r ir.Row) bool { return r.Code == parts[1] }) {
		x.b.errorf(rng, msgUnknownRow, q.ID, parts[1], didYouMean(parts[1], rowCodes(q)))
		return nil
	}
	var codes []string
	for _, c := range cols {
		codes = append(codes, c.Code)
	}
	if !slices.Contains(codes, parts[2]) {
		x.b.errorf(rng, msgUnknownColumn, q.ID, parts[2], didYouMean(parts[2], codes))
		return nil
	}
	typ := "string"
	switch q.CellKind() {
	case ir.VarBool:
		typ = "bool"
	case ir.VarInt, ir.VarFloat:
		typ = "number"
	}
	return &ir.Expr{Op: ir.OpRef, Ref: q.ID + "." + parts[1] + "." + parts[2], Type: typ}
}

// valueType is the runtime type of a question's answer in expressions.
func valueType(q *ir.Question) string {
	switch q.Type {
	case ir.Multi:
		return "list"
	case ir.Likert, ir.Scale, ir.NPS, ir.Rating, ir.Number:
		return "number"
	case ir.Boolean:
		return "bool"
	}
	return "string"
}

// want reports an operand of the wrong static type. "any" (null, a
// conditional mixing types, coalesce) passes: it is checked at run time by
// the evaluator's rules.
func (x *exprCtx) want(e *ir.Expr, rng hcl.Range, types ...string) {
	if e == nil || e.Type == "any" || contains(types, e.Type) {
		return
	}
	x.b.errorf(rng, msgWrongOperandType, typeNames{e.Type}, typeNames(types))
}

var binOps = map[*hclsyntax.Operation]string{
	hclsyntax.OpLogicalAnd: ir.OpAnd, hclsyntax.OpLogicalOr: ir.OpOr,
	hclsyntax.OpEqual: ir.OpEq, hclsyntax.OpNotEqual: ir.OpNe,
	hclsyntax.OpLessThan: ir.OpLt, hclsyntax.OpLessThanOrEqual: ir.OpLe,
	hclsyntax.OpGreaterThan: ir.OpGt, hclsyntax.OpGreaterThanOrEqual: ir.OpGe,
	hclsyntax.OpAdd: ir.OpAdd, hclsyntax.OpSubtract: ir.OpSub, hclsyntax.OpMultiply: ir.OpMul,
	hclsyntax.OpDivide: ir.OpDiv, hclsyntax.OpModulo: ir.OpMod,
}

func (x *exprCtx) binary(n *hclsyntax.BinaryOpExpr) *ir.Expr {
	op, ok := binOps[n.Op]
	if !ok { // binOps has every binary operator HCL parses today
		x.b.errorf(n.Range(), msgUnsupportedExpression, funcNames())
		return nil
	}
	l, r := x.conv(n.LHS), x.conv(n.RHS)
	if l == nil || r == nil {
		return nil
	}
	out := &ir.Expr{Op: op, Args: []*ir.Expr{l, r}}
	switch op {
	case ir.OpAnd, ir.OpOr:
		x.want(l, n.LHS.Range(), "bool")
		x.want(r, n.RHS.Range(), "bool")
		out.Type = "bool"
	case ir.OpEq, ir.OpNe:
		if l.Type != "any" && r.Type != "any" && l.Type != r.Type {
			x.b.errorf(n.Range(), msgNeverEqual, typeNames{l.Type}, typeNames{r.Type})
		}
		x.checkCode(l, r, n.RHS.Range())
		x.checkCode(r, l, n.LHS.Range())
		out.Type = "bool"
	case ir.OpLt, ir.OpLe, ir.OpGt, ir.OpGe:
		x.want(l, n.LHS.Range(), "number", "string")
		x.want(r, n.RHS.Range(), "number", "string")
		if l.Type != "any" && r.Type != "any" && l.Type != r.Type {
			x.b.errorf(n.Range(), msgUnorderedTypes, typeNames{l.Type}, typeNames{r.Type})
		}
		out.Type = "bool"
	default:
		x.want(l, n.LHS.Range(), "number")
		x.want(r, n.RHS.Range(), "number")
		out.Type = "number"
	}
	return out
}

func (x *exprCtx) call(n *hclsyntax.FunctionCallExpr) *ir.Expr {
	f, ok := ir.Funcs[n.Name]
	if !ok {
		names := slices.Collect(maps.Keys(ir.Funcs))
		x.b.errorf(n.NameRange, msgUnknownFunction,
			n.Name, funcNames(), didYouMean(n.Name, names))
		return nil
	}
	if n.ExpandFinal {
		x.b.errorf(n.Range(), msgArgumentExpansion)
		return nil
	}
	if (f.Arity >= 0 && len(n.Args) != f.Arity) || (f.Arity < 0 && len(n.Args) == 0) {
		var want localize.Arg = localize.Phrase{En: "one or more arguments", Ru: "один или несколько аргументов"}
		if f.Arity >= 0 {
			want = arguments(f.Arity)
		}
		x.b.errorf(n.Range(), msgWrongNumberOfArguments, n.Name, want, len(n.Args))
		return nil
	}
	out := &ir.Expr{Op: ir.OpCall, Fn: n.Name, Type: f.Type}
	for _, a := range n.Args {
		c := x.conv(a)
		if c == nil {
			return nil
		}
		out.Args = append(out.Args, c)
	}
	switch n.Name {
	case "contains":
		x.want(out.Args[0], n.Args[0].Range(), "list", "string")
		x.want(out.Args[1], n.Args[1].Range(), "string")
		if out.Args[0].Type == "list" {
			x.checkCode(out.Args[0], out.Args[1], n.Args[1].Range())
		}
	case "length":
		x.want(out.Args[0], n.Args[0].Range(), "list", "string")
	case "lower", "upper":
		x.want(out.Args[0], n.Args[0].Range(), "string")
	case "min", "max", "sum", "mean", "abs", "round":
		for i, a := range out.Args {
			x.want(a, n.Args[i].Range(), "number")
		}
	case "coalesce":
		typ := out.Args[0].Type
		for _, a := range out.Args[1:] {
			if a.Type != typ {
				typ = "any"
			}
		}
		out.Type = typ
	}
	return out
}
