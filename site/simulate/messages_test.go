package simulate

import "testing"

// TestMessages: every catalogued diagnostic has its text in English and
// in Russian, taking the same arguments with the same verbs.
func TestMessages(t *testing.T) {
	for _, bad := range messages.Check(msgCount) {
		t.Error(bad)
	}
}
