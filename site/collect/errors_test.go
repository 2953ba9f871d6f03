package collect

import "testing"

// TestErrorText holds the error catalogue's languages to the same verbs.
func TestErrorText(t *testing.T) {
	if bad := errorText.Mismatches(); len(bad) > 0 {
		t.Errorf("errors whose English and Russian take different arguments, or lack one: %v", bad)
	}
}
