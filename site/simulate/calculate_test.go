package simulate_test

import (
	"testing"
)

// TestSimulateCalculation: a follow-up shown by a calculate block's value
// is answered by the simulated respondents it is shown to (the share of
// staff in chat over 50), and every simulated answer is valid.
func TestSimulateCalculation(t *testing.T) {
	_, subs := validSimulated(t, "../../render/form/testdata/calculate.hcl", 300, 5)
	why := 0
	for _, sub := range subs {
		if _, ok := sub.Answers["q_why"]; ok {
			why++
		}
	}
	if why == 0 {
		t.Error("no simulated respondent answered the follow-up its calculation shows")
	}
	t.Logf("%d of 300 answered the follow-up", why)
}
