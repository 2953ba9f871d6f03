package answer_test

import (
	"slices"
	"testing"

	"github.com/opros/opros/compiler"
	"github.com/opros/opros/site/answer"
)

// TestCompanionKeysOnlyWhereTheyExist: q_staff_other is a question of its
// own when q_staff has no "other" option, as q_score_na is when q_score's
// scale has no missing choice. Both were read as the other question's
// "other" text and "not applicable" flag, and a valid answer was refused.
func TestCompanionKeysOnlyWhereTheyExist(t *testing.T) {
	s, diags := compiler.New().LoadSource("c.hcl", []byte(`
survey "c" {
  title = "C"
  endpoint {
    url = "https://example.org/c"
  }
}
page "p" {
  title = "P"
  question "q_staff" {
    type = "single"
    text = "Staff"
    option "small" {
      label = "Small"
    }
    option "large" {
      label = "Large"
    }
  }
  question "q_staff_other" {
    type = "text"
    text = "Anything else about your staff?"
  }
  question "q_score" {
    type = "nps"
    text = "Recommend?"
  }
  question "q_score_na" {
    type = "boolean"
    text = "Could not say?"
  }
}
`))
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	for _, c := range []struct {
		answers map[string]any
		want    []string
	}{
		{map[string]any{"q_staff": "small", "q_staff_other": "two shifts", "q_score": 9.0, "q_score_na": true}, nil},
		{map[string]any{"q_staff_other": "two shifts", "q_score_na": false}, nil},
		{map[string]any{"q_staff_other": 3.0}, []string{"answers.q_staff_other:wrong_type"}},
	} {
		sub := &answer.Submission{ResponseID: "r-0123456789abcdef", Survey: "c", Lang: "en", Answers: c.answers}
		var got []string
		for _, e := range answer.Validate(s, sub) {
			got = append(got, e.Field+":"+e.Code)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%v: %v, want %v", c.answers, got, c.want)
		}
	}
}
