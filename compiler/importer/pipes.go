package importer

import (
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/opros/opros/compiler/ir"
)

// The source's piped answers: XLSForm ${name}, SurveyJS {name} (with an
// optional |fallback, as opros writes it).
var (
	xlsPipe = regexp.MustCompile(`\$\{\s*([^{}\s]+)\s*\}`)
	sjsPipe = regexp.MustCompile(`\{\s*([^{}|\s]+)\s*(\|[^{}]*)?\}`)
)

// pipe rewrites the source's piped answers in t as opros pipes ({id}) of
// the questions in syms, which hold only those asked before the text; a
// pipe of anything else (a question not imported or asked later, a matrix)
// reads as the form reads a missing answer. Braces opros would take for a
// pipe but the source does not are spaced ("{ word }"), so they stay
// text. lost are the names it could not pipe, sorted.
func pipe(t text, syms symbols, src *regexp.Regexp) (text, []string) {
	if t == nil {
		return nil, nil
	}
	seen := map[string]bool{}
	out := text{}
	for lang, s := range t {
		s = strings.ReplaceAll(s, "\x00", "") // the marks below
		var subst []string
		marked := src.ReplaceAllStringFunc(s, func(m string) string {
			sub := src.FindStringSubmatch(m)
			name, fallback := sub[1], ""
			if len(sub) > 2 {
				fallback = sub[2]
			}
			r := ir.NoAnswer
			if fallback != "" {
				r = fallback[1:]
			}
			if sym := syms[name]; sym != nil && pipeable[sym.kind] {
				r = "{" + sym.id + fallback + "}"
			} else {
				seen[name] = true
			}
			subst = append(subst, r)
			return "\x00" + strconv.Itoa(len(subst)-1) + "\x00"
		})
		marked = literal(marked)
		for i, r := range subst {
			marked = strings.Replace(marked, "\x00"+strconv.Itoa(i)+"\x00", r, 1)
		}
		out[lang] = marked
	}
	var lost []string
	for n := range seen {
		lost = append(lost, n)
	}
	sort.Strings(lost)
	return out, lost
}

// pipeable are the kinds of answer opros shows in a text: one value or a
// list of codes.
var pipeable = map[string]bool{kSingle: true, kMulti: true, kNumber: true, kText: true, kBool: true, kLoopText: true}

// kLoopText is a name that stands for the loop's option in a text (an
// XLSForm calculate naming the repeat's selection): its id is loop.label
// or loop.code, piped but never compared.
const kLoopText = "loop text"

// literal is s (a name used as a text) with any brace opros would take
// for a pipe spaced, so that it reads as written.
func literal(s string) string {
	return ir.PipeRef.ReplaceAllStringFunc(s, func(m string) string { return "{ " + m[1:len(m)-1] + " }" })
}
