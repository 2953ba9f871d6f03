package simulate_test

import (
	"bytes"
	"testing"

	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/answer"
	"github.com/opros/opros/site/simulate"
)

// TestSimulatePageRules: simulated respondents keep to the pages'
// validate rules (staff in chat, and on the phone and in chat together,
// no more than the total), answering a page again as the form would keep
// them on it, so every answer is valid; the phone page is reached.
func TestSimulatePageRules(t *testing.T) {
	s := testkit.Load(t, "../../render/form/testdata/page_rules.hcl")
	var buf bytes.Buffer
	if err := simulate.Simulate(s, nil, simulate.Options{N: 300, Seed: 5}, &buf); err != nil {
		t.Fatal(err)
	}
	phone := 0
	for _, line := range bytes.Split(bytes.TrimSpace(buf.Bytes()), []byte("\n")) {
		sub, err := answer.DecodeJSON(line)
		if err != nil {
			t.Fatal(err)
		}
		if errs := answer.Validate(s, sub); len(errs) > 0 {
			t.Fatalf("%v of %s", errs, line)
		}
		if _, ok := sub.Answers["q_phone"]; ok {
			phone++
		}
	}
	if phone < 30 {
		t.Errorf("%d of 300 reached the phone page", phone)
	}
}
