package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestExtraArguments: a command that takes one survey (or one folder) and
// is given more says which arguments are too many, in both languages, and
// exits 2; it does not ask for a survey it was given.
func TestExtraArguments(t *testing.T) {
	for _, tt := range []struct {
		lang string
		args []string
		want string
	}{
		{"en", []string{"build", "a", "b"}, "opros build: unexpected arguments: b\n"},
		{"en", []string{"build", "-o", "x", "a", "b", "c"}, "opros build: unexpected arguments: b c\n"},
		{"en", []string{"init", "a", "b"}, "opros init: unexpected arguments: b\n"},
		{"ru", []string{"build", "a", "b"}, "opros build: лишние аргументы: b\n"},
		{"ru", []string{"init", "a", "b"}, "opros init: лишние аргументы: b\n"},
		{"en", []string{"simulate", "-n", "5", "a", "b"}, "opros simulate: unexpected arguments: b\n"},
		{"ru", []string{"simulate", "a", "b", "c"}, "opros simulate: лишние аргументы: b c\n"},
		{"en", []string{"simulate"}, "opros simulate: name a survey (.hcl file or folder)\n"},
		{"en", []string{"build"}, "opros build: name a survey (.hcl file or folder)\n"},
	} {
		t.Setenv("OPROS_LANG", tt.lang)
		var out, errb bytes.Buffer
		if code := Main(tt.args, strings.NewReader(""), &out, &errb); code != exitUsage {
			t.Errorf("%s %v: exit %d, want %d", tt.lang, tt.args, code, exitUsage)
		}
		if errb.String() != tt.want {
			t.Errorf("%s %v: stderr %q, want %q", tt.lang, tt.args, errb.String(), tt.want)
		}
	}
}
