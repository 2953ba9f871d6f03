package report

import "testing"

// TestPageText: every text the pages' code writes is in English and in
// Russian with the same verbs.
func TestPageText(t *testing.T) {
	for _, bad := range pageText.Check(textCount) {
		t.Error(bad)
	}
}
