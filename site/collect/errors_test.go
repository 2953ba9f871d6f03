package collect

import "testing"

// TestErrorText holds the error catalogue's languages to the same verbs.
func TestErrorText(t *testing.T) {
	for _, bad := range errorText.Check(errorCount) {
		t.Error(bad)
	}
}
