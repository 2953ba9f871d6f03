package semdiff

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/opros/opros/compiler/ir"
)

// TestReasons: every kind of change has its reason and its name in
// English and in Russian, the reasons taking the same arguments with the
// same verbs, and WriteText's other words too.
func TestReasons(t *testing.T) {
	for _, bad := range reasons.Check(kindCount) {
		t.Errorf("reasons: %s", bad)
	}
	for _, bad := range kindNames.Check(kindCount) {
		t.Errorf("kind names: %s", bad)
	}
	for _, bad := range words.Check(wordCount) {
		t.Errorf("words: %s", bad)
	}
	seen := map[string]kind{}
	for k := range kindCount {
		if m := reasons[k]; m.En == m.Ru {
			t.Errorf("%s: the reason is not translated", kindNames[k].En)
		}
		if other, ok := seen[kindNames[k].En]; ok {
			t.Errorf("kinds %d and %d are both named %s", other, k, kindNames[k].En)
		}
		seen[kindNames[k].En] = k
	}
}

// TestWords: every kind and every severity is named in each language no
// wider than its column.
func TestWords(t *testing.T) {
	for lang, widths := range columnWidths {
		for k := range kindCount {
			name := kindWord(kindNames[k].En, lang)
			if n := utf8.RuneCountInString(name); n > widths[1] {
				t.Errorf("%s: kind %s is named %q, %d wide (column %d)", lang, kindNames[k].En, name, n, widths[1])
			}
		}
		for _, sev := range []string{Breaking, Caution, Compatible} {
			name := severityWord(sev, lang)
			if n := utf8.RuneCountInString(name); n > widths[0] {
				t.Errorf("%s: severity %s is named %q, %d wide (column %d)", lang, sev, name, n, widths[0])
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
