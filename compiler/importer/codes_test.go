package importer

import (
	"fmt"
	"testing"
)

// TestOptionCodes: valid codes stay, first come; others are made valid
// without taking a code an option keeps, and keep the value as their
// source, unless the value is another option's code or given twice (the
// old tool's data would mean the first).
func TestOptionCodes(t *testing.T) {
	cases := []struct {
		values        []string
		codes, source string
	}{
		{[]string{"a", "b"}, "[a b]", "[ ]"},
		{[]string{"2.0", "3"}, "[2_0 3]", "[2.0 ]"},
		// "a b" is made a_b, which the later valid "a_b" keeps.
		{[]string{"a b", "a_b"}, "[a_b_2 a_b]", "[a b ]"},
		// A valid code given twice: the second renamed, without a source.
		{[]string{"x", "x"}, "[x x_2]", "[ ]"},
		// An invalid value given twice: one source, for the first.
		{[]string{"a b", "a b"}, "[a_b a_b_2]", "[a b ]"},
		{[]string{"_x", "-", "c++"}, "[x code c_]", "[_x - c++]"},
	}
	for _, tc := range cases {
		_, codes, sources := optionCodes(tc.values)
		if got := fmt.Sprint(codes); got != tc.codes {
			t.Errorf("%q: codes %s, want %s", tc.values, got, tc.codes)
		}
		if got := fmt.Sprint(sources); got != tc.source {
			t.Errorf("%q: sources %q, want %s", tc.values, sources, tc.source)
		}
	}
}

// TestIDsMake: a name given again gets the first free suffix, also when
// another name took one of them, and a different case counts as the same.
func TestIDsMake(t *testing.T) {
	n := newIDs()
	var got []string
	for _, name := range []string{"a", "a", "a_3", "a", "A", "a", "b"} {
		id, _ := n.make(name, "q_")
		got = append(got, id)
	}
	if s := fmt.Sprint(got); s != "[a a_2 a_3 a_4 A_5 a_6 b]" {
		t.Errorf("ids %s", s)
	}
}

// TestSourceNames: a renamed question or item keeps its old name as its
// source only when that name is no opros identifier (so no ID can be it)
// and no other's source already; a valid name renamed for coming twice
// would be another's ID, and keeps a comment instead.
func TestSourceNames(t *testing.T) {
	n := newIDs()
	for _, tc := range []struct{ name, want string }{
		{"team-size", "team-size"},
		{"team size", "team size"},
		{"team-size", ""}, // given already: it means the first
		{"q1", ""},        // valid: kept as it is
		{"q1", ""},        // valid, renamed q1_2 for coming twice: q1 is the first's ID
		{"1st", "1st"},    // starts with a digit
	} {
		id, _ := n.make(tc.name, "q_")
		if got := n.source(tc.name, id); got != tc.want {
			t.Errorf("source(%q, %q) = %q, want %q", tc.name, id, got, tc.want)
		}
	}
}
