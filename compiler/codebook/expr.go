package codebook

import (
	"strconv"
	"strings"

	"github.com/opros/opros/compiler/ir"
)

// ExprString renders a checked expression back in the survey language's
// syntax, fully parenthesised where operators nest, for codebooks and the
// report's methodology page.
func ExprString(e *ir.Expr) string {
	if e == nil {
		return ""
	}
	switch e.Op {
	case ir.OpLit:
		switch v := e.Lit.(type) {
		case nil:
			return "null"
		case string:
			return strconv.Quote(v)
		case float64:
			return strconv.FormatFloat(v, 'g', -1, 64)
		case bool:
			return strconv.FormatBool(v)
		}
	case ir.OpRef:
		return e.Ref
	case ir.OpList, ir.OpCall:
		var args []string
		for _, a := range e.Args {
			args = append(args, ExprString(a))
		}
		if e.Op == ir.OpList {
			return "[" + strings.Join(args, ", ") + "]"
		}
		return e.Fn + "(" + strings.Join(args, ", ") + ")"
	case ir.OpNot:
		return "!" + operand(e.Args[0])
	case ir.OpNeg:
		return "-" + operand(e.Args[0])
	case ir.OpCond:
		return operand(e.Args[0]) + " ? " + operand(e.Args[1]) + " : " + operand(e.Args[2])
	}
	if len(e.Args) == 2 {
		op := e.Op
		switch op {
		case ir.OpAnd:
			op = "&&"
		case ir.OpOr:
			op = "||"
		}
		return operand(e.Args[0]) + " " + op + " " + operand(e.Args[1])
	}
	return "?"
}

func operand(e *ir.Expr) string {
	s := ExprString(e)
	if len(e.Args) >= 2 && e.Op != ir.OpCall && e.Op != ir.OpList {
		return "(" + s + ")"
	}
	return s
}
