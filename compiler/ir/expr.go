package ir

import (
	"math"
	"strings"
	"unicode/utf8"
)

// Expr is a checked expression tree: show_if conditions and custom index
// formulas. The compiler builds it from an HCL expression after checking
// references and types; the Go evaluator below and the form's JavaScript
// evaluator (render) implement the same semantics, pinned by the shared test
// vectors in testdata/expr/vectors.json.
//
// Runtime values are nil (unanswered), bool, float64, string and []string
// (the codes chosen in a multi question). The rules, chosen so that a
// condition on an unanswered question is simply false:
//   - ref: the answer, or nil when unanswered or hidden by show_if.
//   - and, or, not, cond: nil and false are false; everything else is true
//     (including 0, "" and an empty list — use answered() to test those).
//   - == and != compare by type and value; values of different types are unequal.
//   - < <= > >= compare two numbers or two strings (by bytes); otherwise false.
//   - + - * / % and neg need numbers, else nil; x/0 and x%0 are nil.
//   - functions: see Funcs.
type Expr struct {
	Op   string  `json:"op"`             // one of the Op* constants
	Lit  any     `json:"lit,omitempty"`  // OpLit: nil, bool, float64 or string
	Ref  string  `json:"ref,omitempty"`  // OpRef: question ID, "q.row" for a matrix row, or hidden field ID
	Fn   string  `json:"fn,omitempty"`   // OpCall
	Args []*Expr `json:"args,omitempty"` // operands in order
	Type string  `json:"type"`           // static result type: "bool", "number", "string", "list" or "any"
}

// Expression operators.
const (
	OpLit  = "lit"
	OpRef  = "ref"
	OpCall = "call"
	OpList = "list" // list literal of strings, e.g. ["a", "b"]
	OpNot  = "not"
	OpNeg  = "neg"
	OpAnd  = "and"
	OpOr   = "or"
	OpEq   = "=="
	OpNe   = "!="
	OpLt   = "<"
	OpLe   = "<="
	OpGt   = ">"
	OpGe   = ">="
	OpAdd  = "+"
	OpSub  = "-"
	OpMul  = "*"
	OpDiv  = "/"
	OpMod  = "%"
	OpCond = "cond" // args: condition, then, else
)

// Funcs lists the functions an expression may call, with their arity
// (-1 = one or more) and result type. Keep this list short: each one must be
// implemented identically in render's JavaScript.
//
//	contains(list_or_string, value) bool  element of a list / substring of a string; false on nil
//	answered(x)                     bool  x is not nil, "" or an empty list
//	length(x)                       number list length, or string length in code points; 0 on nil
//	lower(s), upper(s)              string nil unless s is a string
//	min(...), max(...), sum(...), mean(...) number  over the numeric arguments, nils ignored;
//	                                      min/max/mean of none is nil, sum of none is 0
//	abs(x)                          number
//	round(x)                        number floor(x + 0.5), as JavaScript's Math.round
//	coalesce(...)                   any   first non-nil argument
var Funcs = map[string]struct {
	Arity int
	Type  string
}{
	"contains": {2, "bool"},
	"answered": {1, "bool"},
	"length":   {1, "number"},
	"lower":    {1, "string"},
	"upper":    {1, "string"},
	"min":      {-1, "number"},
	"max":      {-1, "number"},
	"sum":      {-1, "number"},
	"mean":     {-1, "number"},
	"abs":      {1, "number"},
	"round":    {1, "number"},
	"coalesce": {-1, "any"},
}

// Env supplies the value of a reference; nil means unanswered.
type Env func(ref string) any

// Eval evaluates e. It never panics on a well-formed tree; a malformed one
// (unknown op or function) evaluates to nil.
func (e *Expr) Eval(env Env) any {
	if e == nil {
		return nil
	}
	arg := func(i int) any {
		if i < len(e.Args) {
			return e.Args[i].Eval(env)
		}
		return nil
	}
	switch e.Op {
	case OpLit:
		if n, ok := e.Lit.(int); ok { // tolerate hand-built trees
			return float64(n)
		}
		return e.Lit
	case OpRef:
		return normalize(env(e.Ref))
	case OpList:
		out := make([]string, 0, len(e.Args))
		for i := range e.Args {
			if s, ok := arg(i).(string); ok {
				out = append(out, s)
			}
		}
		return out
	case OpNot:
		return !Truthy(arg(0))
	case OpNeg:
		if x, ok := arg(0).(float64); ok {
			return -x
		}
		return nil
	case OpAnd:
		return Truthy(arg(0)) && Truthy(arg(1))
	case OpOr:
		return Truthy(arg(0)) || Truthy(arg(1))
	case OpCond:
		if Truthy(arg(0)) {
			return arg(1)
		}
		return arg(2)
	case OpEq:
		return Equal(arg(0), arg(1))
	case OpNe:
		return !Equal(arg(0), arg(1))
	case OpLt, OpLe, OpGt, OpGe:
		return compare(e.Op, arg(0), arg(1))
	case OpAdd, OpSub, OpMul, OpDiv, OpMod:
		a, aok := arg(0).(float64)
		b, bok := arg(1).(float64)
		if !aok || !bok {
			return nil
		}
		return arith(e.Op, a, b)
	case OpCall:
		args := make([]any, len(e.Args))
		for i := range e.Args {
			args[i] = arg(i)
		}
		return call(e.Fn, args)
	}
	return nil
}

// normalize maps the Go types an Env may reasonably return onto the five
// runtime types.
func normalize(v any) any {
	switch x := v.(type) {
	case int:
		return float64(x)
	case int64:
		return float64(x)
	case int32:
		return float64(x)
	case float32:
		return float64(x)
	case []any:
		out := make([]string, 0, len(x))
		for _, s := range x {
			if s, ok := s.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return v
}

// Truthy is the condition rule: nil and false are false, all else true.
func Truthy(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	}
	return true
}

// Equal compares two runtime values by type and value.
func Equal(a, b any) bool {
	switch x := a.(type) {
	case nil:
		return b == nil
	case bool:
		y, ok := b.(bool)
		return ok && x == y
	case float64:
		y, ok := b.(float64)
		return ok && x == y
	case string:
		y, ok := b.(string)
		return ok && x == y
	case []string:
		y, ok := b.([]string)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if x[i] != y[i] {
				return false
			}
		}
		return true
	}
	return false
}

func compare(op string, a, b any) bool {
	var c int
	switch x := a.(type) {
	case float64:
		y, ok := b.(float64)
		if !ok || math.IsNaN(x) || math.IsNaN(y) {
			return false
		}
		switch {
		case x < y:
			c = -1
		case x > y:
			c = 1
		}
	case string:
		y, ok := b.(string)
		if !ok {
			return false
		}
		c = strings.Compare(x, y)
	default:
		return false
	}
	switch op {
	case OpLt:
		return c < 0
	case OpLe:
		return c <= 0
	case OpGt:
		return c > 0
	default:
		return c >= 0
	}
}

func arith(op string, a, b float64) any {
	switch op {
	case OpAdd:
		return a + b
	case OpSub:
		return a - b
	case OpMul:
		return a * b
	case OpDiv:
		if b == 0 {
			return nil
		}
		return a / b
	default:
		if b == 0 {
			return nil
		}
		return math.Mod(a, b) // same sign rule as JavaScript's %
	}
}

func call(fn string, args []any) any {
	switch fn {
	case "contains":
		if len(args) != 2 {
			return nil
		}
		switch x := args[0].(type) {
		case []string:
			for _, s := range x {
				if Equal(s, args[1]) {
					return true
				}
			}
		case string:
			if s, ok := args[1].(string); ok {
				return strings.Contains(x, s)
			}
		}
		return false
	case "answered":
		if len(args) != 1 {
			return nil
		}
		switch x := args[0].(type) {
		case nil:
			return false
		case string:
			return x != ""
		case []string:
			return len(x) > 0
		}
		return true
	case "length":
		if len(args) != 1 {
			return nil
		}
		switch x := args[0].(type) {
		case string:
			return float64(utf8.RuneCountInString(x))
		case []string:
			return float64(len(x))
		}
		return float64(0)
	case "lower", "upper":
		if len(args) != 1 {
			return nil
		}
		s, ok := args[0].(string)
		if !ok {
			return nil
		}
		if fn == "lower" {
			return strings.ToLower(s)
		}
		return strings.ToUpper(s)
	case "min", "max", "sum", "mean":
		var n int
		var acc float64
		for _, a := range args {
			x, ok := a.(float64)
			if !ok {
				continue
			}
			switch {
			case n == 0 && fn != "sum" && fn != "mean":
				acc = x
			case fn == "min":
				acc = math.Min(acc, x)
			case fn == "max":
				acc = math.Max(acc, x)
			default:
				acc += x
			}
			n++
		}
		if n == 0 {
			if fn == "sum" {
				return float64(0)
			}
			return nil
		}
		if fn == "mean" {
			return acc / float64(n)
		}
		return acc
	case "abs":
		if x, ok := args0(args).(float64); ok {
			return math.Abs(x)
		}
		return nil
	case "round":
		if x, ok := args0(args).(float64); ok {
			return math.Floor(x + 0.5)
		}
		return nil
	case "coalesce":
		for _, a := range args {
			if a != nil {
				return a
			}
		}
		return nil
	}
	return nil
}

func args0(args []any) any {
	if len(args) == 0 {
		return nil
	}
	return args[0]
}

// Refs returns the references e reads, in order of appearance, without
// duplicates.
func (e *Expr) Refs() []string {
	var out []string
	seen := map[string]bool{}
	var walk func(*Expr)
	walk = func(x *Expr) {
		if x == nil {
			return
		}
		if x.Op == OpRef && !seen[x.Ref] {
			seen[x.Ref] = true
			out = append(out, x.Ref)
		}
		for _, a := range x.Args {
			walk(a)
		}
	}
	walk(e)
	return out
}
