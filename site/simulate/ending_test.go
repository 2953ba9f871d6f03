package simulate_test

import (
	"testing"

	"github.com/opros/opros/site/answer"
)

// TestSimulateScreenOut: a simulated respondent screened out answers no
// later question, so every simulated answer is valid, and both the
// screen-out and the completion endings are reached.
func TestSimulateScreenOut(t *testing.T) {
	s, subs := validSimulated(t, "../../render/form/testdata/endings.hcl", 400, 3)
	endings := map[string]int{}
	for _, sub := range subs {
		endings[answer.Ending(s, sub)]++
	}
	if endings["young"] == 0 || endings["promoter"] == 0 || endings["complete"] == 0 {
		t.Errorf("endings reached %v, want each", endings)
	}
}

// TestSimulateRules: simulated answers keep to the survey's validate
// rules (staff in chat no more than the total), as a respondent stopped by
// the form would, and every one is valid.
func TestSimulateRules(t *testing.T) {
	_, subs := validSimulated(t, "../../render/form/testdata/rules.hcl", 300, 4)
	chat := 0
	for _, sub := range subs {
		if _, ok := sub.Answers["q_chat"]; ok {
			chat++
		}
	}
	if chat < 100 {
		t.Errorf("%d of 300 answered q_chat: the rule left too many unanswered", chat)
	}
}
