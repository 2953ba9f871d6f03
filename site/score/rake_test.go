package score

import (
	"fmt"
	"math"
	"testing"

	"github.com/opros/opros/compiler/ir"
)

func margins() []ir.Margin {
	return []ir.Margin{
		{Field: "seg", Targets: []ir.Target{{Code: "a", Share: 0.4}, {Code: "b", Share: 0.4}, {Code: "c", Share: 0.2}}},
		{Field: "ch", Targets: []ir.Target{{Code: "x", Share: 0.5}, {Code: "y", Share: 0.5}}},
	}
}

// Cells are seg-major in stride order: cell = seg + 3·ch.
func fitTable(t *testing.T, counts map[[2]int]int) RakeWave {
	t.Helper()
	k := newRaker(margins())
	tb := k.newTable()
	for c, n := range counts {
		for i := 0; i < n; i++ {
			tb.add(2025, c[0]+3*c[1], 1, 1)
		}
	}
	k.fit(tb)
	if len(k.report) != 1 {
		t.Fatalf("report %+v", k.report)
	}
	return k.report[0]
}

func TestRakingEmptyValue(t *testing.T) {
	// Nobody in segment c: its 20% is shared by a and b (now 50% each).
	rw := fitTable(t, map[[2]int]int{{0, 0}: 30, {0, 1}: 20, {1, 0}: 10, {1, 1}: 40})
	if !rw.Converged {
		t.Fatalf("not converged: %+v", rw)
	}
	seg := rw.Margins[0].Values
	if !seg[2].Empty || seg[0].Empty || math.Abs(seg[0].Weighted-50) > 1e-6 || seg[2].Weighted != 0 {
		t.Errorf("segment shares %+v", seg)
	}
	if w := rw.Warnings(); len(w) != 1 || w[0] != (RakeWarning{Kind: "empty_value", Wave: 2025, Field: "seg", Code: "c"}) {
		t.Errorf("warnings %+v", w)
	}
}

func TestRakingImpossibleMargins(t *testing.T) {
	// Segments a and c only ever use channel x and b only y, so a 40/40/20
	// split of segments makes channel x 60%, never the target 50%.
	rw := fitTable(t, map[[2]int]int{{0, 0}: 50, {1, 1}: 50, {2, 0}: 10})
	if rw.Converged || rw.Iterations != rakeMaxIterations {
		t.Errorf("impossible margins reported as converged: %+v", rw)
	}
	if w := rw.Warnings(); len(w) != 1 || w[0] != (RakeWarning{Kind: "not_converged", Wave: 2025, N: rakeMaxIterations}) {
		t.Errorf("warnings %+v", w)
	}
}

func TestRakingAlreadyOnTarget(t *testing.T) {
	rw := fitTable(t, map[[2]int]int{{0, 0}: 20, {0, 1}: 20, {1, 0}: 20, {1, 1}: 20, {2, 0}: 10, {2, 1}: 10})
	if !rw.Converged || rw.Iterations != 0 || rw.MinFactor != 1 || rw.MaxFactor != 1 || math.Abs(rw.DesignEffect-1) > 1e-12 {
		t.Errorf("a sample on target must keep its weights: %+v", rw)
	}
}

// TestRakingManyValues: six margins of 50 values make 15.6 billion cells;
// only the occupied ones may cost memory.
func TestRakingManyValues(t *testing.T) {
	var ms []ir.Margin
	for m := 0; m < 6; m++ {
		mg := ir.Margin{Field: fmt.Sprintf("f%d", m)}
		for v := 0; v < 50; v++ {
			mg.Targets = append(mg.Targets, ir.Target{Code: fmt.Sprint(v), Share: 1.0 / 50})
		}
		ms = append(ms, mg)
	}
	k := newRaker(ms)
	tb := k.newTable()
	for i := 0; i < 5000; i++ {
		cell := 0
		for m := range ms {
			cell += (i * (m + 7) % 50) * k.strides[m]
		}
		tb.add(2025, cell, 1, 1)
	}
	k.fit(tb)
	if rw := k.report[0]; rw.Respondents != 5000 || len(k.factor[2025]) > 5000 {
		t.Errorf("report %+v, %d factors", rw, len(k.factor[2025]))
	}
}
