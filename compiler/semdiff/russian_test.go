package semdiff_test

import (
	"strings"
	"testing"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/semdiff"
)

// TestRussianArguments: the words a reason is filled with read in the
// reader's language too, not only its frame: the form's steps, a rule or
// screen-out that was not there ("none"), a benchmark's unit and once rule.
func TestRussianArguments(t *testing.T) {
	flow := strings.Replace(base, "    url = \"https://example.org/c\"\n  }", "    url = \"https://example.org/c\"\n  }\n  flow {\n    review = true\n  }", 1)
	rule := strings.Replace(base, "    text = \"Why?\"", "    text = \"Why?\"\n    validate {\n      must    = answered(q3)\n      message = \"Say why.\"\n    }", 1)
	bench := func(unit, once string) *ir.Survey {
		return &ir.Survey{Languages: []string{"en"}, Bench: ir.Benchmark{Unit: unit, Once: once}}
	}
	for _, tc := range []struct {
		name   string
		r      *semdiff.Report
		en, ru string
	}{
		{"flow", semdiff.Diff(compile(t, base), compile(t, flow)),
			"The form's steps are now a review step (were the pages alone)",
			"Шаги формы теперь: шаг проверки ответов (были: только страницы)"},
		{"rule added", semdiff.Diff(compile(t, base), compile(t, rule)),
			"are now answered(q3) (were none)",
			"теперь: answered(q3) (были: нет)"},
		{"unit", semdiff.Diff(bench(ir.UnitRespondent, ""), bench(ir.UnitParticipant, ir.OnceLast)),
			"now participant, once last (was respondent)",
			"теперь участник, учитывается последний ответ (была респондент)"},
	} {
		if len(tc.r.Changes) != 1 {
			t.Fatalf("%s: %d changes", tc.name, len(tc.r.Changes))
		}
		c := tc.r.Changes[0]
		if en := c.Text("en"); !strings.Contains(en, tc.en) {
			t.Errorf("%s: en %q, want %q in it", tc.name, en, tc.en)
		}
		if ru := c.Text("ru"); !strings.Contains(ru, tc.ru) {
			t.Errorf("%s: ru %q, want %q in it", tc.name, ru, tc.ru)
		}
	}
}
