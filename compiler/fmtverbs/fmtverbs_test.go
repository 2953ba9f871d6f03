package fmtverbs

import (
	"strings"
	"testing"
)

func TestVerbs(t *testing.T) {
	for format, want := range map[string]string{
		"":                           "",
		"no verbs, 100%% sure":       "",
		"%q is %s":                   "1q 2s",
		"%[2]s: %[1]q":               "1q 2s",
		"%d..%d to %d..%d":           "1d 2d 3d 4d",
		"%-10s %5.2f %+d":            "1s 2f 3d",
		"ID %[2]q (%[1]s) is %[3]s.": "1s 2q 3s",
	} {
		if got := strings.Join(Verbs(format), " "); got != want {
			t.Errorf("Verbs(%q) = %q, want %q", format, got, want)
		}
	}
}
