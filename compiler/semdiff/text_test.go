package semdiff

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/opros/opros/compiler/fmtverbs"
	"github.com/opros/opros/compiler/ir"
)

// TestReasons: every kind of change Diff reports has its reason in English
// and in Russian, taking the same arguments with the same verbs, and no
// entry is unused.
func TestReasons(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "semdiff.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) < 4 {
			return true
		}
		if fn, ok := call.Fun.(*ast.Ident); !ok || fn.Name != "add" {
			return true
		}
		if lit, ok := call.Args[1].(*ast.BasicLit); ok {
			kind, _ := strconv.Unquote(lit.Value)
			used[kind] = true
		}
		return true
	})
	if len(used) < 20 {
		t.Fatalf("found only %d kinds in semdiff.go", len(used))
	}
	for kind := range used {
		r, ok := reasons[kind]
		if !ok {
			t.Errorf("%s: no reason", kind)
			continue
		}
		if r.en == "" || r.ru == "" || r.en == r.ru {
			t.Errorf("%s: the reason needs English and Russian", kind)
		}
		if en, ru := fmtverbs.Verbs(r.en), fmtverbs.Verbs(r.ru); strings.Join(en, " ") != strings.Join(ru, " ") {
			t.Errorf("%s: English takes %v, Russian %v", kind, en, ru)
		}
	}
	for kind := range reasons {
		if !used[kind] {
			t.Errorf("%s: a reason no change has", kind)
		}
	}
	checkWords(t, used)
}

// checkWords: every kind Diff reports, and every severity, has a name in
// each language that translates them, no wider than its column, and every
// name is used.
func checkWords(t *testing.T, used map[string]bool) {
	t.Helper()
	for lang, w := range textWords {
		for kind := range used {
			name := word(w.kind, kind)
			if w.kind != nil && w.kind[kind] == "" {
				t.Errorf("%s: kind %s has no name", lang, kind)
			}
			if n := utf8.RuneCountInString(name); n > w.widths[1] {
				t.Errorf("%s: kind %s is named %q, %d wide (column %d)", lang, kind, name, n, w.widths[1])
			}
		}
		for kind := range w.kind {
			if !used[kind] {
				t.Errorf("%s: a name for %s, which no change has", lang, kind)
			}
		}
		for _, sev := range []string{Breaking, Caution, Compatible} {
			name := word(w.severity, sev)
			if w.severity != nil && w.severity[sev] == "" {
				t.Errorf("%s: severity %s has no name", lang, sev)
			}
			if n := utf8.RuneCountInString(name); n > w.widths[0] {
				t.Errorf("%s: severity %s is named %q, %d wide (column %d)", lang, sev, name, n, w.widths[0])
			}
		}
	}
}

// TestWriteText prints one diff in both languages: the same lines, the
// severities, kinds, reasons and totals translated, and the JSON in
// English whatever the language.
func TestWriteText(t *testing.T) {
	q := func(id, typ string, opts ...ir.Option) ir.Question {
		return ir.Question{ID: id, Type: typ, Page: "p", Text: ir.Text{"en": id}, Options: opts}
	}
	opt := func(code string, missing bool) ir.Option {
		return ir.Option{Code: code, Label: ir.Text{"en": code}, Missing: missing}
	}
	old := &ir.Survey{Languages: []string{"en"}, Pages: []ir.Page{{ID: "p", Questions: []ir.Question{
		q("q1", ir.Single, opt("a", false), opt("na", false)), q("q2", ir.TextQ)}}},
		Bench: ir.Benchmark{MinGroupSize: 5, MinParticipants: 3}}
	new := &ir.Survey{Languages: []string{"en"}, Pages: []ir.Page{{ID: "p", Questions: []ir.Question{
		q("q1", ir.Single, opt("a", false), opt("na", true)), q("q3", ir.Email)}}},
		Bench: ir.Benchmark{MinGroupSize: 5, MinParticipants: 3, Weight: "w"}}
	r := Diff(old, new)
	want := map[string]string{
		"en": `breaking    option_missing_changed  q1/na                 Option "na" is now counted as missing; scores are computed over a different base.
breaking    question_removed        q2                    The question "q2" was removed; its trend ends with the old version.
caution     weight_changed                                The weight is now "w" (was "none"): every weighted figure changes.
compatible  question_added          q3                    New question "q3"; earlier waves have no answers to it.

2 breaking, 1 caution, 1 compatible.
`,
		"ru": `несопоставимо  missing варианта изменён   q1/na                 Вариант "na" теперь считается пропуском; баллы считаются по другой базе.
несопоставимо  вопрос удалён              q2                    Вопрос "q2" удалён; его динамика заканчивается на прежней версии.
внимание       вес изменён                                      Вес теперь "w" (был "нет"): все взвешенные показатели изменятся.
совместимо     вопрос добавлен            q3                    Новый вопрос "q3"; в прежних волнах ответов на него нет.

Итого: несопоставимо — 2, внимание — 1, совместимо — 1.
`,
	}
	for lang, w := range want {
		var out bytes.Buffer
		if err := r.WriteText(&out, lang); err != nil {
			t.Fatal(err)
		}
		if out.String() != w {
			t.Errorf("%s:\n%s\nwant:\n%s", lang, out.String(), w)
		}
	}
	if got := r.Changes[0].Reason; got != `Option "na" is now counted as missing; scores are computed over a different base.` {
		t.Errorf("Reason %q is not the English text", got)
	}
	var js bytes.Buffer
	if err := r.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"severity": "breaking"`, `"kind": "option_missing_changed"`, `"reason": "Option \"na\" is now counted as missing;`} {
		if !strings.Contains(js.String(), want) {
			t.Errorf("the JSON lacks %s:\n%s", want, js.String())
		}
	}
	var none bytes.Buffer
	(&Report{}).WriteText(&none, "ru")
	if none.String() != "Изменений нет.\n" {
		t.Errorf("no changes in Russian: %q", none.String())
	}
}
