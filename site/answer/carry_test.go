package answer_test

import (
	"testing"

	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/answer"
)

// TestValidateCarry: the options a question offers follow the answers as
// in the form (TestBrowserCarry): q_best offers the channels chosen in
// q_channels and its own "unsure"; q_try those not chosen, "video" unless
// e-mail was chosen and "branch" for banks; q_main what q_best offered and
// was chosen there. An option not offered is refused as not_offered, and
// a question left with nothing to offer is skipped like a hidden one.
func TestValidateCarry(t *testing.T) {
	s := testkit.Load(t, "../../render/form/testdata/carry.hcl")
	for _, tc := range []struct {
		name    string
		segment string
		answers map[string]any
		want    []string // "field:code"
	}{
		{"chosen carried", "", map[string]any{"q_channels": []string{"phone", "chat"}, "q_best": "chat", "q_try": []string{"email", "video"}, "q_main": "chat"}, nil},
		{"own option", "", map[string]any{"q_channels": []string{"none"}, "q_best": "unsure", "q_try": []string{"phone"}, "q_main": "unsure"}, nil},
		{"not chosen in the source", "", map[string]any{"q_channels": []string{"phone"}, "q_best": "chat"}, []string{"answers.q_best:not_offered"}},
		{"chosen, so not carried as not chosen", "", map[string]any{"q_channels": []string{"phone"}, "q_best": "phone", "q_try": []string{"phone"}}, []string{"answers.q_try:not_offered"}},
		{"option show_if false", "", map[string]any{"q_channels": []string{"phone", "email"}, "q_best": "phone", "q_try": []string{"video"}}, []string{"answers.q_try:not_offered"}},
		{"option show_if true", "bank", map[string]any{"q_channels": []string{"phone"}, "q_best": "phone", "q_try": []string{"branch"}}, nil},
		{"option show_if of a hidden field false", "retail", map[string]any{"q_channels": []string{"phone"}, "q_best": "phone", "q_try": []string{"branch"}}, []string{"answers.q_try:not_offered"}},
		{"carried twice", "", map[string]any{"q_channels": []string{"phone", "chat"}, "q_best": "chat", "q_main": "phone"}, []string{"answers.q_main:not_offered"}},
		// Every channel chosen (e-mail too), not a bank: q_try offers nothing, so it
		// is skipped (not required, and an answer to it was never asked).
		{"nothing offered: skipped", "", map[string]any{"q_channels": []string{"phone", "chat", "email"}, "q_best": "email", "q_try": []string{"phone"}}, []string{"answers.q_try:not_shown"}},
		{"nothing offered, nothing answered", "", map[string]any{"q_channels": []string{"phone", "chat", "email"}, "q_best": "email"}, nil},
		// q_channels unanswered: q_best offers only "unsure", still required.
		{"source unanswered", "", map[string]any{"q_try": []string{"phone"}}, []string{"answers.q_channels:required", "answers.q_best:required"}},
		{"unknown code stays unknown", "", map[string]any{"q_channels": []string{"phone"}, "q_best": "fax"}, []string{"answers.q_best:unknown_option"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sub := &answer.Submission{ResponseID: "r-0123456789abcdef", Survey: s.ID, Version: s.Hash, Lang: "en", Answers: tc.answers}
			if tc.segment != "" {
				sub.Hidden = map[string]string{"segment": tc.segment}
			}
			errs := answer.Validate(s, sub)
			var got []string
			for _, e := range errs {
				got = append(got, e.Field+":"+e.Code)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("errors %v, want %v", errs, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("errors %v, want %v", errs, tc.want)
				}
			}
		})
	}
}

// TestNotOfferedReason: the reason names the field and says why the
// option was not offered, in the words of the construct.
func TestNotOfferedReason(t *testing.T) {
	s := testkit.Load(t, "../../render/form/testdata/carry.hcl")
	for _, tc := range []struct {
		answers map[string]any
		want    string
	}{
		{map[string]any{"q_channels": []string{"phone"}, "q_best": "chat"},
			`answers.q_best: "chat" was not offered to this respondent: it was not chosen in q_channels, and options_from offers the options chosen there`},
		{map[string]any{"q_channels": []string{"phone"}, "q_best": "phone", "q_try": []string{"phone"}},
			`answers.q_try: "phone" was not offered to this respondent: it was chosen in q_channels (or not offered there), and options_from offers the options not chosen there`},
		{map[string]any{"q_channels": []string{"phone"}, "q_best": "phone", "q_try": []string{"branch"}},
			`answers.q_try: "branch" was not offered to this respondent: its show_if did not hold`},
	} {
		sub := &answer.Submission{ResponseID: "r-0123456789abcdef", Survey: s.ID, Version: s.Hash, Lang: "en", Answers: tc.answers}
		errs := answer.Validate(s, sub)
		if len(errs) != 1 || errs[0].Error() != tc.want {
			t.Errorf("errors %v, want %s", errs, tc.want)
		}
	}
}
