package ingest

import (
	"testing"

	"github.com/opros/opros/compiler/testkit"
)

// TestFastPathOffForFlow: a survey whose pages screen respondents out or
// whose questions carry options forward takes the general path only, as
// answer.Validate's walk over the pages is what knows those (calculations
// it knows: TestCalculationFastPath).
func TestFastPathOffForFlow(t *testing.T) {
	for _, path := range []string{"../../render/form/testdata/endings.hcl", "../../render/form/testdata/carry.hcl"} {
		if s := testkit.Load(t, path); newFastPlan(s) != nil {
			t.Errorf("%s: the fast path is on", path)
		}
	}
}
