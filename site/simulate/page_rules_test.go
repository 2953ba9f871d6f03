package simulate_test

import (
	"testing"
)

// TestSimulatePageRules: simulated respondents keep to the pages'
// validate rules (staff in chat, and on the phone and in chat together,
// no more than the total), answering a page again as the form would keep
// them on it, so every answer is valid; the phone page is reached.
func TestSimulatePageRules(t *testing.T) {
	_, subs := validSimulated(t, "../../render/form/testdata/page_rules.hcl", 300, 5)
	phone := 0
	for _, sub := range subs {
		if _, ok := sub.Answers["q_phone"]; ok {
			phone++
		}
	}
	if phone < 30 {
		t.Errorf("%d of 300 reached the phone page", phone)
	}
}
