package simulate

import (
	"strings"
	"testing"

	"github.com/opros/opros/compiler/fmtverbs"
)

// TestMessages: every catalogued diagnostic has a summary and a detail in
// English and in Russian, different, taking the same arguments with the
// same verbs.
func TestMessages(t *testing.T) {
	for id, m := range messages {
		if m.en.summary == "" || m.en.detail == "" || m.ru.summary == "" || m.ru.detail == "" {
			t.Errorf("%s: a summary or detail is missing", id)
		}
		if m.en.summary == m.ru.summary || m.en.detail == m.ru.detail {
			t.Errorf("%s: the Russian text is the English one", id)
		}
		en, ru := fmtverbs.Verbs(m.en.detail), fmtverbs.Verbs(m.ru.detail)
		if strings.Join(en, " ") != strings.Join(ru, " ") {
			t.Errorf("%s: the English detail takes %v, the Russian %v", id, en, ru)
		}
	}
}
