package codebook_test

import (
	"testing"

	"github.com/opros/opros/compiler/codebook"
	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/testkit"
)

// TestInvitationColumn: a survey with invitations lists the data's
// invitation column right after its hidden fields, as ingest writes it.
func TestInvitationColumn(t *testing.T) {
	s := *testkit.Load(t, "../../examples/nps-csat-ces")
	names := func(s *ir.Survey) []string {
		var out []string
		for _, e := range codebook.Entries(s, "en") {
			out = append(out, e.Variable)
		}
		return out
	}
	for _, n := range names(&s) {
		if n == "invitation" {
			t.Fatal("a survey without invitations lists an invitation column")
		}
	}
	s.Invitations = &ir.Invitations{Required: true}
	got := names(&s)
	at := 7 + len(s.Hidden) // the meta columns, then the hidden fields
	if len(got) <= at || got[at] != "invitation" || got[at-1] != s.Hidden[len(s.Hidden)-1].ID {
		t.Errorf("columns %v: want invitation at %d", got, at)
	}
}
