package ir_test

import (
	"testing"

	"github.com/opros/opros/compiler/ir"
)

// TestPipesNamed: away from a respondent (report, codebook) a piped value
// reads as the name of what it pipes, in the reader's language, whatever
// fallback the author wrote; braces that are not a placeholder stay.
func TestPipesNamed(t *testing.T) {
	s := &ir.Survey{Calculations: []ir.Calculation{{ID: "c_rest"}}}
	for _, tc := range []struct{ text, lang, want string }{
		{"Which product, {q_name|friend}?", "en", "Which product, [answer to q_name]?"},
		{"Какой продукт, {q_name|друг}?", "ru", "Какой продукт, [ответ на q_name]?"},
		{"For {hidden.company}: {c_rest} left", "en", "For [hidden field company]: [value of c_rest] left"},
		{"Для {hidden.company}: {c_rest}", "ru", "Для [скрытое поле company]: [значение c_rest]"},
		{"{ like this } and {1,2}", "en", "{ like this } and {1,2}"},
		{"No pipes", "ru", "No pipes"},
	} {
		if got := s.PipesNamed(tc.text, tc.lang); got != tc.want {
			t.Errorf("%s (%s) = %q, want %q", tc.text, tc.lang, got, tc.want)
		}
	}
}
