package simulate

import "testing"

// TestMessages: every catalogued diagnostic has its text in English and
// in Russian, taking the same arguments with the same verbs.
func TestMessages(t *testing.T) {
	if bad := messages.Mismatches(); len(bad) > 0 {
		t.Errorf("messages lacking a language, untranslated or with other arguments: %v", bad)
	}
}
