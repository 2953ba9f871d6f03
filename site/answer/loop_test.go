package answer_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/answer"
)

// TestValidateLoop: render/form/testdata/loop.hcl asks contacts (required)
// and satisfied (when contacts > 0) once per channel chosen in
// q_channels. Required holds only in the chosen iterations; an answer to
// an iteration whose channel was not chosen is refused as not_chosen,
// naming the field, the loop and the option; an iteration's own
// condition reads its own contacts.
func TestValidateLoop(t *testing.T) {
	s := testkit.Load(t, "../../render/form/testdata/loop.hcl")
	for _, tc := range []struct {
		name    string
		answers map[string]any
		want    []string // "field:code"
	}{
		{"two chosen, both answered", map[string]any{"q_channels": []string{"chat", "social"}, "contacts__chat": 120.0, "satisfied__chat": true, "contacts__social": 0.0}, nil},
		{"chosen iteration unanswered: required", map[string]any{"q_channels": []string{"chat", "social"}, "contacts__chat": 120.0}, []string{"answers.contacts__social:required"}},
		{"not chosen, answered", map[string]any{"q_channels": []string{"chat"}, "contacts__chat": 1.0, "contacts__phone": 5.0}, []string{"answers.contacts__phone:not_chosen"}},
		{"not chosen, unanswered: nothing required", map[string]any{"q_channels": []string{"email"}, "contacts__email": 3.0}, nil},
		{"none of these: no iteration", map[string]any{"q_channels": []string{"none"}}, nil},
		{"none of these, an iteration answered", map[string]any{"q_channels": []string{"none"}, "contacts__phone": 1.0, "satisfied__phone": true}, []string{"answers.contacts__phone:not_chosen", "answers.satisfied__phone:not_chosen"}},
		{"own iteration's condition false", map[string]any{"q_channels": []string{"chat"}, "contacts__chat": 0.0, "satisfied__chat": true}, []string{"answers.satisfied__chat:not_shown"}},
		{"another iteration's answer does not show it", map[string]any{"q_channels": []string{"chat", "phone"}, "contacts__chat": 0.0, "contacts__phone": 9.0, "satisfied__chat": false}, []string{"answers.satisfied__chat:not_shown"}},
		{"the loop's question without its iteration", map[string]any{"q_channels": []string{"chat"}, "contacts__chat": 1.0, "contacts": 1.0}, []string{"answers.contacts:unknown_field"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sub := &answer.Submission{ResponseID: "r-0123456789abcdef", Survey: s.ID, Version: s.Hash, Lang: "en", Answers: tc.answers}
			errs := answer.Validate(s, sub)
			var got []string
			for _, e := range errs {
				got = append(got, e.Field+":"+e.Code)
				if e.Code == "not_chosen" && !strings.Contains(e.Reason, `"per_channel"`) {
					t.Errorf("%s: the reason does not name the loop: %s", e.Field, e.Reason)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("errors %v, want %v", errs, tc.want)
			}
		})
	}
	errs := answer.Validate(s, &answer.Submission{ResponseID: "r-0123456789abcdef", Survey: s.ID, Version: s.Hash, Lang: "en",
		Answers: map[string]any{"q_channels": []string{"chat"}, "contacts__chat": 1.0, "contacts__phone": 5.0}})
	if len(errs) != 1 || errs[0].Reason != `is asked in the loop "per_channel" only for those who chose "phone" in "q_channels", and this respondent did not, so it cannot have an answer` {
		t.Errorf("reason: %v", errs)
	}
}
