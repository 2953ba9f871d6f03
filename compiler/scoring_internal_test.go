package compiler

import (
	"maps"
	"slices"
	"testing"
)

// TestIndexKindTable: the kinds messages list are the kinds the compiler
// decodes, and every kind takes the attributes all indexes have.
func TestIndexKindTable(t *testing.T) {
	if got, want := slices.Sorted(maps.Keys(indexKindTable)), slices.Sorted(slices.Values(indexKinds)); !slices.Equal(got, want) {
		t.Errorf("indexKindTable has %v, indexKinds %v", got, want)
	}
	for kind, k := range indexKindTable {
		for _, a := range []string{"title", "description", "kind", "lower_better"} {
			if !slices.Contains(k.attributes, a) {
				t.Errorf("%s does not take %s", kind, a)
			}
		}
		if k.decode == nil {
			t.Errorf("%s has no decoder", kind)
		}
	}
}
