package answer

import "github.com/opros/opros/compiler/ir"

// Calculations returns the value of each of the survey's calculate blocks
// for a submission, in the order of s.Calculations: what the form computed
// when it was submitted, by the same page walk that Validate and Ending
// use (a question hidden by show_if, or not asked after a screen-out,
// reads as unanswered) and ir.Expr.Eval. Ingest stores these in the
// calculations' columns; a value the form might send is never read, as
// the schema has no key for it and Validate refuses one.
//
// A value is nil, a float64, a bool or a string, as the calculation's
// Type says; a number that is not finite (1e308 * 10) is nil, as x / 0 is.
func Calculations(s *ir.Survey, sub *Submission) []any {
	if len(s.Calculations) == 0 {
		return nil
	}
	env := planOf(s).shownEnv(sub)
	out := make([]any, len(s.Calculations))
	for i := range s.Calculations {
		out[i] = CalcValue(&s.Calculations[i], env)
	}
	return out
}

// CalcValue is a calculation's value as its column holds it, in the
// environment a page walk leaves (Calculations; ingest's fast path, which
// walks the pages itself).
func CalcValue(c *ir.Calculation, env ir.Env) any {
	return stored(c.Value.Eval(env), c.Type)
}

// stored is v as a column of type t holds it: nil for a value of another
// type, which the compiler's typing of calculations rules out, and for a
// number that is not finite, which Parquet and every export would hold
// differently.
func stored(v any, t string) any {
	switch x := v.(type) {
	case float64:
		if t == "number" && x-x == 0 {
			return x
		}
	case bool:
		if t == "bool" {
			return x
		}
	case string:
		if t == "string" {
			return x
		}
	}
	return nil
}
