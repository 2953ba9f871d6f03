package simulate

import (
	"regexp"
	"strings"
	"testing"
)

// TestMessages: every catalogued diagnostic has a summary and a detail in
// English and in Russian, different, with the same verbs in the same order.
func TestMessages(t *testing.T) {
	verb := regexp.MustCompile(`%(\[\d+\])?[+\-# 0-9.]*[a-zA-Z]`)
	for id, m := range messages {
		if m.en.summary == "" || m.en.detail == "" || m.ru.summary == "" || m.ru.detail == "" {
			t.Errorf("%s: a summary or detail is missing", id)
		}
		if m.en.summary == m.ru.summary || m.en.detail == m.ru.detail {
			t.Errorf("%s: the Russian text is the English one", id)
		}
		en, ru := verb.FindAllString(m.en.detail, -1), verb.FindAllString(m.ru.detail, -1)
		if strings.Join(en, " ") != strings.Join(ru, " ") {
			t.Errorf("%s: the English detail takes %v, the Russian %v", id, en, ru)
		}
	}
}
