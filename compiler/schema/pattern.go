package schema

import (
	"fmt"
	"regexp/syntax"
	"strconv"
	"strings"
)

// ecmaPattern rewrites a Go (RE2) pattern as an ECMAScript one that
// matches the same strings under JSON Schema's "u" flag. The two dialects
// share a syntax but not every meaning: JavaScript's \s also matches
// no-break and other Unicode spaces, its . refuses \r and U+2028/U+2029.
// Going through Go's own parse tree spells every class out as ranges of
// code points, so each reads as Go reads it. It fails on what has no
// ECMAScript spelling here (case folding, multi-line anchors), which the
// compiler refuses in patterns anyway.
func ecmaPattern(p string) (string, error) {
	re, err := syntax.Parse(p, syntax.Perl)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	if err := writeECMA(&b, re); err != nil {
		return "", err
	}
	return b.String(), nil
}

func writeECMA(b *strings.Builder, re *syntax.Regexp) error {
	if re.Flags&syntax.FoldCase != 0 && (re.Op == syntax.OpLiteral) {
		return fmt.Errorf("case folding has no portable spelling")
	}
	switch re.Op {
	case syntax.OpNoMatch:
		b.WriteString("[]")
	case syntax.OpEmptyMatch:
		b.WriteString("(?:)")
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			writeRune(b, r, false)
		}
	case syntax.OpCharClass:
		b.WriteByte('[')
		for i := 0; i+1 < len(re.Rune); i += 2 {
			writeRune(b, re.Rune[i], true)
			if re.Rune[i+1] != re.Rune[i] {
				b.WriteByte('-')
				writeRune(b, re.Rune[i+1], true)
			}
		}
		b.WriteByte(']')
	case syntax.OpAnyCharNotNL:
		b.WriteString(`[^\n]`)
	case syntax.OpAnyChar:
		b.WriteString(`[\s\S]`)
	case syntax.OpBeginText:
		b.WriteByte('^')
	case syntax.OpEndText:
		b.WriteByte('$')
	case syntax.OpWordBoundary:
		b.WriteString(`\b`)
	case syntax.OpNoWordBoundary:
		b.WriteString(`\B`)
	case syntax.OpCapture:
		b.WriteString("(?:")
		if err := writeECMA(b, re.Sub[0]); err != nil {
			return err
		}
		b.WriteByte(')')
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		if err := writeAtom(b, re.Sub[0]); err != nil {
			return err
		}
		switch re.Op {
		case syntax.OpStar:
			b.WriteByte('*')
		case syntax.OpPlus:
			b.WriteByte('+')
		case syntax.OpQuest:
			b.WriteByte('?')
		default:
			b.WriteString("{" + strconv.Itoa(re.Min))
			switch {
			case re.Max == -1:
				b.WriteString(",")
			case re.Max != re.Min:
				b.WriteString("," + strconv.Itoa(re.Max))
			}
			b.WriteByte('}')
		}
		if re.Flags&syntax.NonGreedy != 0 {
			b.WriteByte('?')
		}
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if err := writeECMA(b, sub); err != nil {
				return err
			}
		}
	case syntax.OpAlternate:
		b.WriteString("(?:")
		for i, sub := range re.Sub {
			if i > 0 {
				b.WriteByte('|')
			}
			if err := writeECMA(b, sub); err != nil {
				return err
			}
		}
		b.WriteByte(')')
	default:
		return fmt.Errorf("%v has no portable spelling", re.Op)
	}
	return nil
}

// writeAtom writes what a repetition applies to, grouped unless it is one
// character or class.
func writeAtom(b *strings.Builder, re *syntax.Regexp) error {
	single := re.Op == syntax.OpCharClass || re.Op == syntax.OpAnyChar || re.Op == syntax.OpAnyCharNotNL ||
		re.Op == syntax.OpLiteral && len(re.Rune) == 1 || re.Op == syntax.OpCapture || re.Op == syntax.OpAlternate
	if single {
		return writeECMA(b, re)
	}
	b.WriteString("(?:")
	if err := writeECMA(b, re); err != nil {
		return err
	}
	b.WriteByte(')')
	return nil
}

// writeRune writes one code point, escaped where a regular expression
// gives it a meaning (inside a class or out). Anything else is written as
// itself, invisible ones too (JSON escapes the controls): \u{…} would tie
// the pattern to ECMAScript's "u" mode, and Python's re, Go's regexp and
// most other validators' engines read a literal code point alike.
func writeRune(b *strings.Builder, r rune, inClass bool) {
	switch {
	case inClass && strings.ContainsRune(`\]-[^`, r):
		b.WriteByte('\\')
		b.WriteRune(r)
	case !inClass && strings.ContainsRune(`^$\.*+?()[]{}|/`, r):
		b.WriteByte('\\')
		b.WriteRune(r)
	default:
		b.WriteRune(r)
	}
}
