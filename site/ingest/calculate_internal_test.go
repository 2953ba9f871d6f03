package ingest

import (
	"bytes"
	"testing"
)

// TestCalculationFastPath: a survey with calculations, read by show_if
// and stored as columns, takes the fast path, and every simulated record
// and every variant of the first ones (answers removed, retyped, every
// code, meta fields broken) gives the general path's spill row byte for
// byte, or goes the general way: the Parquet file is written from these
// rows, so it is the same either way.
func TestCalculationFastPath(t *testing.T) {
	s, lines := simulatedLines(t, "../../render/form/testdata/calculate.hcl", 400)
	chk, fast, general := newPaths(s)
	if chk.fast == nil {
		t.Fatal("no fast path")
	}
	for _, line := range lines {
		if ok, _ := pathsAgree(t, chk, fast, general, line); !ok {
			t.Fatalf("a simulated submission missed the fast path:\n%s", line)
		}
	}
	taken, tried := 0, 0
	for _, line := range lines[:6] {
		for _, v := range variants(t, s, line) {
			tried++
			fastOK, generalOK := pathsAgree(t, chk, fast, general, v.raw)
			if fastOK {
				taken++
			}
			// One with no answers member (its one answer removed) goes
			// the general way by design, as nulls do.
			if generalOK && !fastOK && !v.mayLeave && !bytes.Contains(v.raw, []byte("null")) && bytes.Contains(v.raw, []byte(`"answers"`)) {
				t.Fatalf("the fast path left a valid submission to the general path:\n%s", v.raw)
			}
		}
	}
	t.Logf("the fast path took %d of %d variants", taken, tried)
}
