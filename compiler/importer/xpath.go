package importer

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// parseXPath reads the subset of XPath XLSForm writes in relevant and
// constraint columns: ${name} references, '.', string and number literals,
// and, or, not(), comparisons, + - * div mod and function calls. Anything
// else is an error naming what it met.
func parseXPath(src string) (*node, error) {
	toks, err := lexXPath(src)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks, binary: xpathBinary}
	return p.whole()
}

// xpathBinary is XPath's operators by precedence (higher binds tighter).
var xpathBinary = map[string]binaryOp{
	"or": {1, "or"}, "and": {2, "and"},
	"=": {3, "=="}, "!=": {3, "!="},
	"<": {4, "<"}, "<=": {4, "<="}, ">": {4, ">"}, ">=": {4, ">="},
	"+": {5, "+"}, "-": {5, "-"},
	"*": {6, "*"}, "div": {6, "/"}, "mod": {6, "%"},
}

type binaryOp struct {
	prec int
	op   string
}

// token is one lexeme; kind is "ref", "str", "num", "name" or "op".
type token struct {
	kind, text string
}

func lexXPath(src string) ([]token, error) {
	var toks []token
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case strings.HasPrefix(src[i:], "${"):
			end := strings.IndexByte(src[i:], '}')
			if end < 0 {
				return nil, fail(msgExprSyntax, src[i:])
			}
			toks = append(toks, token{kind: "ref", text: strings.TrimSpace(src[i+2 : i+end])})
			i += end + 1
		case c == '\'' || c == '"':
			end := strings.IndexByte(src[i+1:], c)
			if end < 0 {
				return nil, fail(msgExprSyntax, src[i:])
			}
			toks = append(toks, token{kind: "str", text: src[i+1 : i+1+end]})
			i += end + 2
		case c >= '0' && c <= '9' || c == '.' && i+1 < len(src) && src[i+1] >= '0' && src[i+1] <= '9':
			j := i
			for j < len(src) && (src[j] >= '0' && src[j] <= '9' || src[j] == '.') {
				j++
			}
			toks = append(toks, token{kind: "num", text: src[i:j]})
			i = j
		case c == '.':
			toks = append(toks, token{kind: "ref", text: "."})
			i++
		case strings.HasPrefix(src[i:], "!=") || strings.HasPrefix(src[i:], "<=") || strings.HasPrefix(src[i:], ">="):
			toks = append(toks, token{kind: "op", text: src[i : i+2]})
			i += 2
		case strings.ContainsRune("=<>+-*(),", rune(c)):
			toks = append(toks, token{kind: "op", text: string(c)})
			i++
		default:
			r, _ := utf8.DecodeRuneInString(src[i:])
			if !unicode.IsLetter(r) && r != '_' {
				return nil, fail(msgExprSyntax, string(r))
			}
			j := i
			for j < len(src) {
				r, w := utf8.DecodeRuneInString(src[j:])
				if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' && r != '-' && r != ':' && r != '.' {
					break
				}
				j += w
			}
			toks = append(toks, token{kind: "name", text: src[i:j]})
			i = j
		}
	}
	return toks, nil
}

// parser is a precedence-climbing parser over tokens, shared by the XPath
// and SurveyJS readers, which differ in their operators and primaries.
type parser struct {
	toks   []token
	pos    int
	binary map[string]binaryOp
	// primary reads a reader's own primaries (SurveyJS's lists, postfix
	// words); nil for XPath.
	primary func(p *parser, depth int) (*node, bool, error)
	// prefixNot is the reader's negation operator besides not().
	prefixNot string
	// infixCalls are word operators read as a two-argument call
	// (SurveyJS's contains, anyof …), at comparison precedence.
	infixCalls map[string]bool
	postfix    map[string]bool
}

func (p *parser) done() bool { return p.pos >= len(p.toks) }

// whole parses the whole expression: tokens left after it are an error.
func (p *parser) whole() (*node, error) {
	n, err := p.parse(0, 0)
	if err != nil {
		return nil, err
	}
	if !p.done() {
		return nil, fail(msgExprSyntax, p.peek().text)
	}
	return n, nil
}
func (p *parser) peek() token { return p.toks[p.pos] }
func (p *parser) next() token { t := p.toks[p.pos]; p.pos++; return t }
func (p *parser) is(s string) bool {
	return !p.done() && (p.peek().kind == "op" || p.peek().kind == "name") && p.peek().text == s
}

func (p *parser) parse(minPrec, depth int) (*node, error) {
	if depth > maxDepth {
		return nil, fail(msgExprTooDeep, maxDepth)
	}
	left, err := p.unary(depth + 1)
	if err != nil {
		return nil, err
	}
	for !p.done() {
		t := p.peek()
		if t.kind != "op" && t.kind != "name" {
			break
		}
		word := strings.ToLower(t.text)
		if p.postfix[word] {
			p.next()
			left = &node{op: "call", name: word, args: []*node{left}}
			continue
		}
		if p.infixCalls[word] && minPrec < 3 {
			p.next()
			right, err := p.parse(4, depth+1)
			if err != nil {
				return nil, err
			}
			left = &node{op: "call", name: word, args: []*node{left, right}}
			continue
		}
		b, ok := p.binary[t.text]
		if !ok && t.kind == "name" {
			b, ok = p.binary[word]
		}
		if !ok || b.prec <= minPrec {
			break
		}
		p.next()
		right, err := p.parse(b.prec, depth+1)
		if err != nil {
			return nil, err
		}
		left = &node{op: b.op, args: []*node{left, right}}
	}
	return left, nil
}

func (p *parser) unary(depth int) (*node, error) {
	if p.done() {
		return nil, fail(msgExprSyntaxEnd)
	}
	if depth > maxDepth {
		return nil, fail(msgExprTooDeep, maxDepth)
	}
	if p.is("-") {
		p.next()
		a, err := p.unary(depth + 1)
		if err != nil {
			return nil, err
		}
		return &node{op: "neg", args: []*node{a}}, nil
	}
	if p.prefixNot != "" && p.is(p.prefixNot) {
		p.next()
		a, err := p.parse(2, depth+1) // binds tighter than and/or
		if err != nil {
			return nil, err
		}
		return &node{op: "not", args: []*node{a}}, nil
	}
	if p.primary != nil {
		if n, ok, err := p.primary(p, depth); ok || err != nil {
			return n, err
		}
	}
	t := p.next()
	switch t.kind {
	case "ref":
		return refNode(t.text), nil
	case "str":
		return &node{op: "str", str: t.text}, nil
	case "num":
		f, err := strconv.ParseFloat(t.text, 64)
		if err != nil {
			return nil, fail(msgExprSyntax, t.text)
		}
		return &node{op: "num", num: f}, nil
	case "op":
		if t.text == "(" {
			n, err := p.parse(0, depth+1)
			if err != nil {
				return nil, err
			}
			if !p.is(")") {
				return nil, fail(msgExprSyntaxEnd)
			}
			p.next()
			return n, nil
		}
	case "name":
		if p.is("(") {
			p.next()
			call := &node{op: "call", name: strings.ToLower(t.text)}
			for !p.is(")") {
				a, err := p.parse(0, depth+1)
				if err != nil {
					return nil, err
				}
				call.args = append(call.args, a)
				if p.is(",") {
					p.next()
				} else if !p.is(")") {
					return nil, fail(msgExprSyntaxEnd)
				}
			}
			p.next()
			if call.name == "not" {
				if len(call.args) != 1 {
					return nil, fail(msgExprArity, "not", 1)
				}
				return &node{op: "not", args: call.args}, nil
			}
			return call, nil
		}
		switch strings.ToLower(t.text) {
		case "true", "false":
			return &node{op: "bool", str: strings.ToLower(t.text)}, nil
		}
	}
	return nil, fail(msgExprSyntax, t.text)
}

// refNode is a reference; "q.row" names a matrix row (SurveyJS).
func refNode(name string) *node {
	return &node{op: "ref", name: name}
}
