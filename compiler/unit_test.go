package compiler_test

import (
	"testing"

	"github.com/opros/opros/compiler"
	"github.com/opros/opros/compiler/ir"
)

// TestBenchmarkUnit: the unit of analysis and the duplicate rule as the
// IR holds them. A participant-level benchmark takes the hidden field with
// role = "participant" when it names none, and keeps the latest submission
// unless told otherwise; a respondent-level one has no rule.
func TestBenchmarkUnit(t *testing.T) {
	for _, tc := range []struct {
		name, bench             string
		unit, keep, participant string
	}{
		{"no benchmark", ``, ir.UnitRespondent, "", ""},
		{"default", `benchmark {}`, ir.UnitRespondent, "", ""},
		{"respondent", `benchmark {
  unit        = "respondent"
  participant = hidden.company
}`, ir.UnitRespondent, "", "company"},
		{"participant by role", `benchmark {
  unit = "participant"
}`, ir.UnitParticipant, ir.KeepLatest, "company"},
		{"participant named, first", `benchmark {
  unit        = "participant"
  keep        = "first"
  participant = hidden.branch
}`, ir.UnitParticipant, ir.KeepFirst, "branch"},
		{"participant, latest", `benchmark {
  unit = "participant"
  keep = "latest"
}`, ir.UnitParticipant, ir.KeepLatest, "company"},
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
			if b := s.Bench; b.Unit != tc.unit || b.Keep != tc.keep || b.Participant != tc.participant {
				t.Errorf("unit %q keep %q participant %q, want %q %q %q", b.Unit, b.Keep, b.Participant, tc.unit, tc.keep, tc.participant)
			}
		})
	}
}
