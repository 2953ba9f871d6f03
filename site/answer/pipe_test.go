package answer_test

import (
	"testing"

	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/answer"
)

// TestPiped: a submission fills piped values as form.js does (choices by
// their labels in the submission's language, a multi's joined by ", ",
// numbers as JavaScript writes them, a hidden field), and what has no
// answer reads as its fallback.
func TestPiped(t *testing.T) {
	s := testkit.Load(t, "../../render/form/testdata/piping.hcl")
	sub := &answer.Submission{Lang: "ru", Hidden: map[string]string{"company": "Acme"}, Answers: map[string]any{
		"q_name": "<b>Ann</b>", "q_product": "chat", "q_channels": []any{"web", "phone"}, "q_count": 1.5}}
	for _, c := range []struct{ text, want string }{
		{"{q_name}, {q_product}: {q_channels}", "<b>Ann</b>, Чат: Веб, Телефон, как —"},
		{"{q_count} в {hidden.company}", "1.5 в Acme"},
		{"{q_why|ничего} {q_why}", "ничего —"},
		{"{ q_name } {1,2}", "{ q_name } {1,2}"},
	} {
		if got := answer.Piped(c.text, s, sub); got != c.want {
			t.Errorf("%q: %q, want %q", c.text, got, c.want)
		}
	}
	delete(sub.Answers, "q_name")
	if got := answer.Piped("{q_name|друг}", s, sub); got != "друг" {
		t.Errorf("unanswered: %q", got)
	}
}

// TestCalculation: a calculate block's value is read by a later show_if
// and piped text as form.js reads it: a share over 50 shows the follow-up
// (an answer to it is taken), one under 50 hides it (an answer refused).
func TestCalculation(t *testing.T) {
	s := testkit.Load(t, "../../render/form/testdata/calculate.hcl")
	sub := &answer.Submission{ResponseID: "r0000000000000001", Survey: s.ID, Version: s.Hash, Lang: "en",
		Answers: map[string]any{"q_total": 12.0, "q_chat": 8.0, "q_why": "queues"}}
	if errs := answer.Validate(s, sub); len(errs) != 0 {
		t.Errorf("8 of 12 in chat (67%%): %v", errs)
	}
	if got := answer.Piped("Why {chat_share}%?", s, sub); got != "Why 67%?" {
		t.Errorf("piped: %q", got)
	}
	sub.Answers["q_chat"] = 2.0
	if errs := answer.Validate(s, sub); len(errs) == 0 {
		t.Error("2 of 12 in chat: the follow-up's answer was taken")
	}
	delete(sub.Answers, "q_total")
	if got := answer.Piped("{chat_share|?}", s, sub); got != "?" {
		t.Errorf("no total: %q", got)
	}
}
