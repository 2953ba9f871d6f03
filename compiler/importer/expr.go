package importer

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// node is an expression of the source, read by xpath.go or sjsexpr.go,
// before it is written as an opros expression.
type node struct {
	op   string  // "ref", "str", "num", "bool", "call", "not", "neg", "and", "or", a comparison or arithmetic operator
	name string  // ref: the source's name; call: the function
	row  string  // ref: a matrix row (SurveyJS {q.row})
	num  float64 // num
	str  string  // str
	list []string
	args []*node
}

// maxDepth bounds the nesting of an expression the readers accept, so that
// a hostile file cannot exhaust the stack.
const maxDepth = 64

// kinds of answers, as opros expressions see them.
const (
	kSingle  = "single" // a code
	kMulti   = "multi"  // a list of codes
	kNumber  = "number"
	kText    = "text"
	kMatrix  = "matrix"  // a code per row
	kBool    = "bool"    // true or false
	kInputs  = "inputs"  // a text or number per box
	kRanking = "ranking" // neither compared nor piped in opros
)

// symbol is a source question as expressions may refer to it.
type symbol struct {
	id      string
	kind    string
	codes   map[string]string // source code → opros code (choices, matrix columns)
	rows    map[string]string // source row → opros row
	numbers bool              // inputs: the boxes take numbers
	at      int               // position in the survey: refer only to earlier ones
	page    int
}

// symbols are the questions imported so far, by the source's name.
type symbols map[string]*symbol

// errExpr is why an expression could not be translated; its text says
// which construct (catalogued in messages.go).
type errExpr struct {
	id   msgID
	args []any
}

func (e *errExpr) Error() string { return messages.Errorf(e.id, e.args...).Error() }

func fail(id msgID, args ...any) error { return &errExpr{id, args} }

// asDrop turns a translation error into the item's reason.
func asDrop(err error) (msgID, []any) {
	var e *errExpr
	if errors.As(err, &e) {
		return e.id, e.args
	}
	return msgExprUnsupported, []any{err.Error()}
}

// value types while translating.
const (
	tBool = "bool"
	tNum  = "num"
	tStr  = "str"
	tList = "list"
)

// translator writes a node as an opros expression. visible says whether the
// question may be referred to from where the expression stands.
type translator struct {
	syms    symbols
	visible func(*symbol) bool
	self    *symbol // the question a constraint is on ('.' in XPath)
	// selfName is the source's name of self, which a constraint may also
	// use (${q} in q's own constraint, {q} in its expression validator).
	selfName string
}

// condition translates n as a true/false opros expression.
func (t *translator) condition(n *node) (string, error) {
	s, typ, err := t.expr(n, 0)
	if err != nil {
		return "", err
	}
	if typ != tBool {
		return "", fail(msgExprNotCondition)
	}
	return s, nil
}

// typed is a translated operand, with the question it reads when it is a
// plain reference (for codes).
type typed struct {
	s   string
	typ string
	sym *symbol
	row bool
	lit *node
}

func (t *translator) operand(n *node, depth int) (typed, error) {
	switch n.op {
	case "str":
		return typed{s: quote(n.str), typ: tStr, lit: n}, nil
	case "num":
		return typed{s: number(n.num), typ: tNum, lit: n}, nil
	case "bool":
		return typed{s: strconv.FormatBool(n.str == "true"), typ: tBool, lit: n}, nil
	case "ref":
		sym, err := t.ref(n)
		if err != nil {
			return typed{}, err
		}
		s := sym.id
		typ := map[string]string{kSingle: tStr, kMulti: tList, kNumber: tNum, kText: tStr, kBool: tBool}[sym.kind]
		if sym.kind == kRanking {
			return typed{}, fail(msgExprUnsupported, "ranking")
		}
		if sym.kind == kMatrix || sym.kind == kInputs {
			if n.row == "" {
				return typed{}, fail(msgExprMatrixWhole, n.name)
			}
			r, ok := sym.rows[n.row]
			if !ok {
				return typed{}, fail(msgExprUnknownRow, n.name, n.row)
			}
			s += "." + r
			typ = tStr
			if sym.numbers {
				typ = tNum
			}
		}
		return typed{s: s, typ: typ, sym: sym, row: sym.kind == kMatrix}, nil
	}
	s, typ, err := t.expr(n, depth)
	return typed{s: s, typ: typ}, err
}

func (t *translator) ref(n *node) (*symbol, error) {
	if n.name == "." {
		if t.self == nil {
			return nil, fail(msgExprUnknownRef, ".")
		}
		return t.self, nil
	}
	sym, ok := t.syms[n.name]
	if !ok && t.self != nil && n.name == t.selfName {
		return t.self, nil
	}
	if i := strings.LastIndexByte(n.name, '.'); !ok && i > 0 && n.row == "" {
		// {matrix.row} in SurveyJS
		if m, isM := t.syms[n.name[:i]]; isM && (m.kind == kMatrix || m.kind == kInputs) {
			sym, ok = m, true
			n.row = n.name[i+1:]
			n.name = n.name[:i]
		}
	}
	if !ok {
		return nil, fail(msgExprUnknownRef, n.name)
	}
	if t.visible != nil && !t.visible(sym) {
		return nil, fail(msgExprLaterRef, n.name)
	}
	return sym, nil
}

func (t *translator) expr(n *node, depth int) (string, string, error) {
	if depth > maxDepth {
		return "", "", fail(msgExprTooDeep, maxDepth)
	}
	depth++
	switch n.op {
	case "and", "or":
		a, err := t.condition1(n.args[0], depth)
		if err != nil {
			return "", "", err
		}
		b, err := t.condition1(n.args[1], depth)
		if err != nil {
			return "", "", err
		}
		op := map[string]string{"and": " && ", "or": " || "}[n.op]
		return "(" + a + op + b + ")", tBool, nil
	case "not":
		a, err := t.condition1(n.args[0], depth)
		if err != nil {
			return "", "", err
		}
		return not(a), tBool, nil
	case "neg":
		a, err := t.operand(n.args[0], depth)
		if err != nil {
			return "", "", err
		}
		if a.typ != tNum {
			return "", "", fail(msgExprArithTypes)
		}
		return "-" + a.s, tNum, nil
	case "+", "-", "*", "/", "%":
		a, err := t.operand(n.args[0], depth)
		if err != nil {
			return "", "", err
		}
		b, err := t.operand(n.args[1], depth)
		if err != nil {
			return "", "", err
		}
		if a.typ != tNum || b.typ != tNum {
			return "", "", fail(msgExprArithTypes)
		}
		return "(" + a.s + " " + n.op + " " + b.s + ")", tNum, nil
	case "==", "!=", "<", "<=", ">", ">=":
		return t.compare(n, depth)
	case "call":
		return t.call(n, depth)
	case "str", "num", "bool", "ref":
		a, err := t.operand(n, depth)
		return a.s, a.typ, err
	}
	return "", "", fail(msgExprUnsupported, n.op)
}

// condition1 is a condition inside a larger expression.
func (t *translator) condition1(n *node, depth int) (string, error) {
	s, typ, err := t.expr(n, depth)
	if err != nil {
		return "", err
	}
	if typ != tBool {
		return "", fail(msgExprNotCondition)
	}
	return s, nil
}

// compare translates a comparison. A choice compared with a literal gets
// the literal's opros code; ” stands for "not answered", as in XLSForm.
func (t *translator) compare(n *node, depth int) (string, string, error) {
	a, err := t.operand(n.args[0], depth)
	if err != nil {
		return "", "", err
	}
	b, err := t.operand(n.args[1], depth)
	if err != nil {
		return "", "", err
	}
	if a.sym == nil && b.sym != nil { // the reference first
		a, b = b, a
		n = &node{op: flip(n.op), args: n.args}
	}
	op := n.op
	if a.sym != nil && b.lit != nil && b.lit.op == "str" && b.lit.str == "" && (op == "==" || op == "!=") {
		if op == "==" {
			return "!answered(" + a.s + ")", tBool, nil
		}
		return "answered(" + a.s + ")", tBool, nil
	}
	if a.sym != nil && b.lit != nil {
		switch {
		case a.typ == tList:
			return "", "", fail(msgExprMultiCompare, a.sym.id)
		case a.sym.kind == kBool:
			v, ok := a.sym.codes[literalText(b.lit)]
			if !ok || op != "==" && op != "!=" {
				return "", "", fail(msgExprCompareTypes)
			}
			return a.s + " " + op + " " + v, tBool, nil
		case a.sym.codes != nil && op != "==" && op != "!=" && a.sym.kind == kSingle:
			// Numeric choices ordered (SurveyJS {kids} >= 2 over
			// choices 1..5): the codes whose values hold.
			return orderedCodes(a, b.lit, op)
		case a.sym.codes != nil:
			lit := literalText(b.lit)
			code, ok := a.sym.codes[lit]
			if !ok {
				return "", "", fail(msgExprUnknownCode, a.sym.id, lit)
			}
			if op != "==" && op != "!=" {
				return "", "", fail(msgExprOrderCodes, a.sym.id)
			}
			return a.s + " " + op + " " + quote(code), tBool, nil
		case a.typ == tNum && b.typ == tStr:
			f, err := strconv.ParseFloat(b.lit.str, 64)
			if err != nil {
				return "", "", fail(msgExprCompareTypes)
			}
			b.s, b.typ = number(f), tNum
		case a.typ == tStr && b.typ == tNum:
			b.s, b.typ = quote(number(b.lit.num)), tStr
		}
	}
	if a.typ != b.typ || a.typ == tList || a.typ == tBool && op != "==" && op != "!=" {
		return "", "", fail(msgExprCompareTypes)
	}
	return a.s + " " + op + " " + b.s, tBool, nil
}

// orderedCodes is a choice compared in order with a number, as the codes
// whose values compare so, when its values are numbers: "either of them"
// in opros terms, false when none does.
func orderedCodes(a typed, lit *node, op string) (string, string, error) {
	v, err := strconv.ParseFloat(literalText(lit), 64)
	if err != nil {
		return "", "", fail(msgExprOrderCodes, a.sym.id)
	}
	type value struct {
		f    float64
		code string
	}
	var values []value
	for src, code := range a.sym.codes {
		f, err := strconv.ParseFloat(src, 64)
		if err != nil {
			continue // other, none: no number to order
		}
		values = append(values, value{f, code})
	}
	if len(values) == 0 {
		return "", "", fail(msgExprOrderCodes, a.sym.id)
	}
	sort.Slice(values, func(i, j int) bool {
		return values[i].f < values[j].f || values[i].f == values[j].f && values[i].code < values[j].code
	})
	var parts []string
	for _, x := range values {
		if map[string]bool{"<": x.f < v, "<=": x.f <= v, ">": x.f > v, ">=": x.f >= v}[op] {
			parts = append(parts, a.s+" == "+quote(x.code))
		}
	}
	switch len(parts) {
	case 0:
		return "false", tBool, nil
	case 1:
		return parts[0], tBool, nil
	}
	return "(" + strings.Join(parts, " || ") + ")", tBool, nil
}

func literalText(n *node) string {
	switch n.op {
	case "num":
		return number(n.num)
	case "bool":
		return n.str
	}
	return n.str
}

func flip(op string) string {
	return map[string]string{"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}[op]
}

// call translates the functions both sources share meaning with opros.
func (t *translator) call(n *node, depth int) (string, string, error) {
	arity := func(k int) error {
		if len(n.args) != k {
			return fail(msgExprArity, n.name, k)
		}
		return nil
	}
	switch n.name {
	case "true", "false":
		if err := arity(0); err != nil {
			return "", "", err
		}
		return n.name, tBool, nil
	case "selected", "contains", "notcontains":
		if err := arity(2); err != nil {
			return "", "", err
		}
		a, err := t.operand(n.args[0], depth)
		if err != nil {
			return "", "", err
		}
		if a.sym == nil || n.args[1].op != "str" && n.args[1].op != "num" && n.args[1].op != "bool" {
			return "", "", fail(msgExprSelectedArgs, n.name)
		}
		lit := literalText(n.args[1])
		neg := ""
		if n.name == "notcontains" {
			neg = "!"
		}
		if a.sym.codes == nil {
			if a.typ != tStr || n.name == "selected" {
				return "", "", fail(msgExprSelectedArgs, n.name)
			}
			return neg + "contains(" + a.s + ", " + quote(lit) + ")", tBool, nil // a substring
		}
		code, ok := a.sym.codes[lit]
		if !ok {
			return "", "", fail(msgExprUnknownCode, a.sym.id, lit)
		}
		if a.typ == tList {
			return neg + "contains(" + a.s + ", " + quote(code) + ")", tBool, nil
		}
		if neg != "" {
			return a.s + " != " + quote(code), tBool, nil
		}
		return a.s + " == " + quote(code), tBool, nil
	case "anyof", "allof":
		if len(n.args) != 2 || n.args[1].op != "list" {
			return "", "", fail(msgExprSelectedArgs, n.name)
		}
		var parts []string
		for _, v := range n.args[1].list {
			s, _, err := t.call(&node{op: "call", name: "contains", args: []*node{n.args[0], {op: "str", str: v}}}, depth)
			if err != nil {
				return "", "", err
			}
			parts = append(parts, s)
		}
		if len(parts) == 0 {
			return "", "", fail(msgExprSelectedArgs, n.name)
		}
		if len(parts) == 1 {
			return parts[0], tBool, nil
		}
		join := " || "
		if n.name == "allof" {
			join = " && "
		}
		return "(" + strings.Join(parts, join) + ")", tBool, nil
	case "count-selected", "string-length", "length":
		if err := arity(1); err != nil {
			return "", "", err
		}
		a, err := t.operand(n.args[0], depth)
		if err != nil {
			return "", "", err
		}
		if n.name == "count-selected" && a.typ != tList || a.typ != tList && a.typ != tStr {
			return "", "", fail(msgExprSelectedArgs, n.name)
		}
		return "length(" + a.s + ")", tNum, nil
	case "if", "iif":
		// XPath if(c, a, b), SurveyJS iif(c, a, b): opros c ? a : b,
		// whose branches have one type.
		if err := arity(3); err != nil {
			return "", "", err
		}
		c, err := t.condition1(n.args[0], depth)
		if err != nil {
			return "", "", err
		}
		a, err := t.operand(n.args[1], depth)
		if err != nil {
			return "", "", err
		}
		b, err := t.operand(n.args[2], depth)
		if err != nil {
			return "", "", err
		}
		if a.typ != b.typ || a.typ == tList {
			return "", "", fail(msgExprCompareTypes)
		}
		return "(" + c + " ? " + a.s + " : " + b.s + ")", a.typ, nil
	case "round", "abs":
		if err := arity(1); err != nil {
			return "", "", err
		}
		a, err := t.operand(n.args[0], depth)
		if err != nil {
			return "", "", err
		}
		if a.typ != tNum {
			return "", "", fail(msgExprArithTypes)
		}
		return n.name + "(" + a.s + ")", tNum, nil
	case "sum", "min", "max", "avg", "coalesce":
		// Over their arguments, as opros's: XPath's forms over a repeat's
		// node-set name no question opros has (a reference fails).
		if len(n.args) == 0 {
			return "", "", fail(msgExprArity, n.name, 1)
		}
		var parts []string
		typ := ""
		for _, arg := range n.args {
			a, err := t.operand(arg, depth)
			if err != nil {
				return "", "", err
			}
			if n.name != "coalesce" && a.typ != tNum || typ != "" && a.typ != typ || a.typ == tList {
				return "", "", fail(msgExprArithTypes)
			}
			typ = a.typ
			parts = append(parts, a.s)
		}
		name := n.name
		if name == "avg" {
			name = "mean"
		}
		return name + "(" + strings.Join(parts, ", ") + ")", typ, nil
	case "empty", "notempty":
		if err := arity(1); err != nil {
			return "", "", err
		}
		a, err := t.operand(n.args[0], depth)
		if err != nil {
			return "", "", err
		}
		if a.sym == nil {
			return "", "", fail(msgExprSelectedArgs, n.name)
		}
		if n.name == "empty" {
			return "!answered(" + a.s + ")", tBool, nil
		}
		return "answered(" + a.s + ")", tBool, nil
	}
	return "", "", fail(msgExprUnknownFunction, n.name)
}

// not negates a condition: !x for a call or a bracketed expression, !(x)
// for anything else, and x for !x.
func not(a string) string {
	if strings.HasPrefix(a, "!") && atomic(a[1:]) {
		return a[1:]
	}
	if atomic(a) {
		return "!" + a
	}
	return "!(" + a + ")"
}

// atomic is whether s (a translation) is one operand: a word, or a word
// followed by one bracketed group, or one bracketed group.
func atomic(s string) bool {
	i := 0
	for i < len(s) && (isLetter(s[i]) || s[i] == '_' || s[i] >= '0' && s[i] <= '9' || s[i] == '.') {
		i++
	}
	if i == len(s) {
		return i > 0
	}
	if s[i] != '(' {
		return false
	}
	depth, inStr := 0, false
	for j := i; j < len(s); j++ {
		c := s[j]
		switch {
		case inStr && c == '\\':
			j++
		case c == '"':
			inStr = !inStr
		case inStr:
		case c == '(':
			depth++
		case c == ')':
			depth--
			if depth == 0 {
				return j == len(s)-1
			}
		}
	}
	return false
}

// quote writes s as an HCL string literal, escaping what HCL would read
// otherwise: quotes, backslashes, control characters and the template
// sequences ${ and %{.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	q := b.String()
	q = strings.ReplaceAll(q, "${", "$${")
	return strings.ReplaceAll(q, "%{", "%%{")
}

func number(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
