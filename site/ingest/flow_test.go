package ingest

import (
	"testing"

	"github.com/opros/opros/compiler/testkit"
)

// TestFastPathOffForFlow: a survey whose conditions read calculate blocks
// or whose pages screen respondents out takes the general path only, as
// answer.Validate's walk over the pages is what knows those.
func TestFastPathOffForFlow(t *testing.T) {
	for _, path := range []string{"../../render/form/testdata/calculate.hcl", "../../render/form/testdata/endings.hcl"} {
		if s := testkit.Load(t, path); newFastPlan(s) != nil {
			t.Errorf("%s: the fast path is on", path)
		}
	}
}
