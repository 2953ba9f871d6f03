package importer

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// parseSurveyJS reads the subset of SurveyJS's expression language that
// visibleIf and enableIf conditions use: {name} references ({q.row} for a
// matrix row), string, number and true/false literals, ['a', 'b'] lists,
// and/or/!, comparisons (= == != <> < <= > >= and their word forms),
// contains, notcontains, anyof, allof, empty, notempty, arithmetic and
// function calls.
func parseSurveyJS(src string) (*node, error) {
	toks, err := lexSurveyJS(src)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks, binary: sjsBinary, prefixNot: "!", primary: sjsList,
		infixCalls: map[string]bool{"contains": true, "notcontains": true, "anyof": true, "allof": true},
		postfix:    map[string]bool{"empty": true, "notempty": true}}
	return p.whole()
}

var sjsBinary = map[string]binaryOp{
	"or": {1, "or"}, "and": {2, "and"},
	"=": {3, "=="}, "!=": {3, "!="},
	"<": {4, "<"}, "<=": {4, "<="}, ">": {4, ">"}, ">=": {4, ">="},
	"+": {5, "+"}, "-": {5, "-"},
	"*": {6, "*"}, "/": {6, "/"}, "%": {6, "%"},
}

// sjsWords are SurveyJS's word operators spelt as symbols.
var sjsWords = map[string]string{
	"and": "and", "or": "or", "not": "!",
	"equal": "=", "notequal": "!=", "less": "<", "greater": ">",
	"lessorequal": "<=", "greaterorequal": ">=",
}

func lexSurveyJS(src string) ([]token, error) {
	var toks []token
	two := map[string]string{"==": "=", "!=": "!=", "<>": "!=", "<=": "<=", ">=": ">=", "&&": "and", "||": "or"}
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '{':
			end := strings.IndexByte(src[i:], '}')
			if end < 0 {
				return nil, fail(msgExprSyntax, src[i:])
			}
			toks = append(toks, token{kind: "ref", text: strings.TrimSpace(src[i+1 : i+end])})
			i += end + 1
		case c == '\'' || c == '"':
			end := strings.IndexByte(src[i+1:], c)
			if end < 0 {
				return nil, fail(msgExprSyntax, src[i:])
			}
			toks = append(toks, token{kind: "str", text: src[i+1 : i+1+end]})
			i += end + 2
		case c >= '0' && c <= '9':
			j := i
			for j < len(src) && (src[j] >= '0' && src[j] <= '9' || src[j] == '.') {
				j++
			}
			toks = append(toks, token{kind: "num", text: src[i:j]})
			i = j
		case i+1 < len(src) && two[src[i:i+2]] != "":
			t := two[src[i:i+2]]
			kind := "op"
			if t == "and" || t == "or" {
				kind = "name"
			}
			toks = append(toks, token{kind: kind, text: t})
			i += 2
		case strings.ContainsRune("=<>+-*/%!()[],", rune(c)):
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
				if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' {
					break
				}
				j += w
			}
			word := src[i:j]
			if op, ok := sjsWords[strings.ToLower(word)]; ok {
				kind := "op"
				if op == "and" || op == "or" {
					kind = "name"
				}
				toks = append(toks, token{kind: kind, text: op})
			} else {
				toks = append(toks, token{kind: "name", text: word})
			}
			i = j
		}
	}
	return toks, nil
}

// sjsList reads a ['a', 'b'] list literal (anyof, allof's right side).
func sjsList(p *parser, depth int) (*node, bool, error) {
	if !p.is("[") {
		return nil, false, nil
	}
	p.next()
	n := &node{op: "list"}
	for !p.is("]") {
		if p.done() {
			return nil, true, fail(msgExprSyntaxEnd)
		}
		t := p.next()
		switch t.kind {
		case "str", "num":
			n.list = append(n.list, t.text)
		case "name":
			n.list = append(n.list, strings.ToLower(t.text)) // true, false
		default:
			return nil, true, fail(msgExprSyntax, t.text)
		}
		if p.is(",") {
			p.next()
		} else if !p.is("]") {
			return nil, true, fail(msgExprSyntaxEnd)
		}
	}
	p.next()
	return n, true, nil
}
