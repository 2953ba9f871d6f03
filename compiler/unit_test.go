package compiler_test

import (
	"testing"

	"github.com/opros/opros/compiler"
	"github.com/opros/opros/compiler/ir"
)

// TestBenchmarkUnit: the unit of analysis and the duplicate rule as the
// IR holds them. A participant-level benchmark takes the hidden field with
// role = "participant" when it names none, and keeps the last submission
// unless told otherwise; a respondent-level one has no rule.
func TestBenchmarkUnit(t *testing.T) {
	for _, tc := range []struct {
		name, bench             string
		unit, once, participant string
	}{
		{"no benchmark", ``, ir.UnitRespondent, "", ""},
		{"default", `benchmark {}`, ir.UnitRespondent, "", ""},
		{"respondent", `benchmark {
  unit        = "respondent"
  participant = hidden.company
}`, ir.UnitRespondent, "", "company"},
		{"participant by role", `benchmark {
  unit = "participant"
}`, ir.UnitParticipant, ir.OnceLast, "company"},
		{"participant named, first", `benchmark {
  unit        = "participant"
  once        = "first"
  participant = hidden.branch
}`, ir.UnitParticipant, ir.OnceFirst, "branch"},
		{"participant, last", `benchmark {
  unit = "participant"
  once = "last"
}`, ir.UnitParticipant, ir.OnceLast, "company"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := `survey "u" {
  title = "U"
  languages = ["en"]
  endpoint {
    url = "https://example.org/c"
  }
}
hidden "company" {
  role = "participant"
}
hidden "branch" {}
page "p" {
  question "q" {
    type = "nps"
    text = "Recommend?"
  }
}
` + tc.bench
			s, diags := compiler.New().LoadSource("u.hcl", []byte(src))
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			if b := s.Bench; b.Unit != tc.unit || b.Once != tc.once || b.Participant != tc.participant {
				t.Errorf("unit %q once %q participant %q, want %q %q %q", b.Unit, b.Once, b.Participant, tc.unit, tc.once, tc.participant)
			}
		})
	}
}
