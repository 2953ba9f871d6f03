package answer_test

import (
	"testing"

	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/answer"
)

// TestValidatePageRules: a page's validate rule is checked when the page
// was shown and its answers are each fine (as form.js checks it when Next
// is pressed: TestBrowserPageRule), and refuses the submission with the
// code page_rule on the field pages.<id>, naming the condition, where it
// is written and the author's message.
func TestValidatePageRules(t *testing.T) {
	s := testkit.Load(t, "../../render/form/testdata/page_rules.hcl")
	for _, tc := range []struct {
		name    string
		answers map[string]any
		want    string // "field:code", "" for none
	}{
		{"both hold", map[string]any{"q_total": 10.0, "q_chat": 4.0, "q_phone": 6.0}, ""},
		{"chat over total", map[string]any{"q_total": 5.0, "q_chat": 6.0}, "pages.staff:page_rule"},
		{"phone and chat over total", map[string]any{"q_total": 10.0, "q_chat": 4.0, "q_phone": 7.0}, "pages.phone:page_rule"},
		// The phone page is not shown to a team under 10: its rule, which
		// an unanswered q_phone would break, is not checked.
		{"phone page not shown", map[string]any{"q_total": 9.0, "q_chat": 4.0}, ""},
		// Nor after a screen-out on the page before it.
		{"screened out before", map[string]any{"q_total": 0.0, "q_chat": 0.0}, ""},
		// A question's own problem comes first, as in the form: the page's
		// rule is not reported with it.
		{"answer wrong first", map[string]any{"q_total": 5.0, "q_chat": 6.5}, "answers.q_chat:not_integer"},
		{"required first", map[string]any{"q_chat": 6.0}, "answers.q_total:required"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sub := &answer.Submission{ResponseID: "r-0123456789abcdef", Survey: s.ID, Version: s.Hash, Lang: "ru", Answers: tc.answers}
			errs := answer.Validate(s, sub)
			got := ""
			if len(errs) > 0 {
				got = errs[0].Field + ":" + errs[0].Code
			}
			if got != tc.want || len(errs) > 1 {
				t.Errorf("errors %v, want %s", errs, tc.want)
			}
			// The collector's no-JS page words the rule Validate reports.
			if broken := answer.BrokenPageRule(s, sub, "staff"); tc.want == "" && broken != nil || tc.want == "pages.staff:page_rule" && broken == nil {
				t.Errorf("BrokenPageRule(staff) = %v", broken)
			}
		})
	}
	sub := &answer.Submission{ResponseID: "r-0123456789abcdef", Survey: s.ID, Version: s.Hash, Lang: "ru",
		Answers: map[string]any{"q_total": 5.0, "q_chat": 6.0}}
	want := "breaks the page's validate rule (q_chat <= q_total, ../../render/form/testdata/page_rules.hcl:26): Staff in chat cannot be more than the total staff."
	if errs := answer.Validate(s, sub); len(errs) != 1 || errs[0].Reason != want {
		t.Errorf("reason %v, want %q", errs, want)
	}
}
