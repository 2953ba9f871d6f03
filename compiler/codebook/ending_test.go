package codebook_test

import (
	"testing"

	"github.com/opros/opros/compiler/codebook"
	"github.com/opros/opros/compiler/testkit"
)

// TestEndingColumn: a survey with endings lists the data's ending column
// after its hidden fields, as ingest writes it, with a code per ending
// (a screen-out's marked).
func TestEndingColumn(t *testing.T) {
	s := testkit.Load(t, "../../render/form/testdata/endings.hcl")
	entries := codebook.Entries(s, "en")
	at := 7 + len(s.Hidden) // the meta columns, then the hidden fields
	if len(entries) <= at || entries[at].Variable != "ending" {
		t.Fatalf("no ending column at %d", at)
	}
	e := entries[at]
	if len(e.Codes) != 3 || e.Codes[0].Code != "promoter" || e.Codes[2].Code != "young" || e.Codes[2].Label != "screen-out: Sorry, this survey is for adults." {
		t.Errorf("codes %+v", e.Codes)
	}
	for _, e := range codebook.Entries(testkit.Load(t, "../../render/form/testdata/alltypes.hcl"), "en") {
		if e.Variable == "ending" {
			t.Error("a survey without endings lists an ending column")
		}
	}
}
