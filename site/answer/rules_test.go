package answer_test

import (
	"testing"

	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/answer"
)

// TestValidateRules: a validate rule is checked when its question is
// answered (as form.js checks it: TestBrowserValidateRule) and refuses the
// answer with the code rule and the author's message.
func TestValidateRules(t *testing.T) {
	s := testkit.Load(t, "../../render/form/testdata/rules.hcl")
	for _, tc := range []struct {
		name    string
		answers map[string]any
		want    string // "field:code", "" for none
	}{
		{"holds", map[string]any{"q_total": 10.0, "q_chat": 4.0}, ""},
		{"equal", map[string]any{"q_total": 10.0, "q_chat": 10.0}, ""},
		{"broken", map[string]any{"q_total": 10.0, "q_chat": 12.0}, "answers.q_chat:rule"},
		{"not answered", map[string]any{"q_total": 10.0}, ""},
		{"wrong type first", map[string]any{"q_total": 10.0, "q_chat": "many"}, "answers.q_chat:wrong_type"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sub := &answer.Submission{ResponseID: "r-0123456789abcdef", Survey: s.ID, Version: s.Hash, Lang: "en", Answers: tc.answers}
			errs := answer.Validate(s, sub)
			got := ""
			if len(errs) > 0 {
				got = errs[0].Field + ":" + errs[0].Code
			}
			if got != tc.want || len(errs) > 1 {
				t.Errorf("errors %v, want %s", errs, tc.want)
			}
			if tc.want == "answers.q_chat:rule" && errs[0].Reason != "breaks a validate rule of the survey: Cannot be more than the total staff." {
				t.Errorf("reason %q", errs[0].Reason)
			}
		})
	}
}
