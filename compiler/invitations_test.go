package compiler_test

import (
	"strings"
	"testing"

	"github.com/opros/opros/compiler"
	"github.com/opros/opros/compiler/ir"
)

// TestInvitations: the survey's invitations block as the IR holds it, and
// what the compiler refuses in it.
func TestInvitations(t *testing.T) {
	for _, tc := range []struct {
		name, block, hidden string
		want                *ir.Invitations
		problem             string // a diagnostic's summary, "" for none
	}{
		{"none", ``, ``, nil, ""},
		{"default is required", `invitations {}`, ``, &ir.Invitations{Required: true}, ""},
		{"optional", `invitations {
    required = false
  }`, ``, &ir.Invitations{}, ""},
		{"once first", `invitations {
    once = "first"
  }`, ``, &ir.Invitations{Required: true, Once: ir.OnceFirst}, ""},
		{"once last", `invitations {
    once = "last"
  }`, ``, &ir.Invitations{Required: true, Once: ir.OnceLast}, ""},
		{"once misspelt", `invitations {
    once = "frist"
  }`, ``, nil, "Invalid Value"},
		{"twice", "invitations {}\n  invitations {}", ``, nil, "Duplicate Block"},
		{"param taken", `invitations {}`, `hidden "x" {
  param = "sig"
}`, nil, "Reserved Parameter"},
		{"column taken", `invitations {}`, `hidden "invitation" {}`, nil, "Duplicate ID"},
		{"column free without invitations", ``, `hidden "invitation" {}`, nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := `survey "u" {
  title = "U"
  languages = ["en"]
  endpoint {
    url = "https://example.org/c"
  }
  ` + tc.block + `
}
hidden "company" {
  role = "participant"
}
` + tc.hidden + `
page "p" {
  question "q" {
    type = "nps"
    text = "Recommend?"
  }
}
`
			s, diags := compiler.New().LoadSource("u.hcl", []byte(src))
			if tc.problem != "" {
				if !diags.HasErrors() || !strings.Contains(diags.Error(), tc.problem) {
					t.Fatalf("want %q, got %v", tc.problem, diags)
				}
				return
			}
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			got := s.Invitations
			if (got == nil) != (tc.want == nil) || got != nil && (got.Required != tc.want.Required || got.Once != tc.want.Once) {
				t.Errorf("invitations %+v, want %+v", got, tc.want)
			}
		})
	}
}
