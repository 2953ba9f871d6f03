package score

import (
	"math"
	"testing"

	"github.com/opros/opros/site/stats"
)

// TestLinearNEff: the n given to the interval formulas of a weighted
// survey reproduces the linearised variance N/(N−1)·Σw²(y−ȳ)²/(Σw)²; without
// weights (linN 0) it is n itself; a group that is one heavy respondent
// and a light one keeps Kish's n_eff (1.02) and so no interval.
func TestLinearNEff(t *testing.T) {
	var s sums
	for _, r := range []struct{ y, w float64 }{{1, 2}, {3, 1}, {4, 0.5}, {7, 1.5}} {
		s.add(r.y, r.w)
	}
	// ȳ = (2 + 3 + 2 + 10.5)/5 = 3.5; Σw²(y−ȳ)² = 4·6.25 + 0.25 + 0.0625 + 2.25·12.25 = 52.875.
	want := 10.0 / 9 * 52.875 / 25
	sd := s.sd()
	if got := sd * sd / s.effN(10); math.Abs(got-want) > 1e-12 {
		t.Errorf("linearised variance %v, want %v", got, want)
	}

	var u sums
	for _, y := range []float64{1, 2, 2, 5} {
		u.add(y, 1)
	}
	if n := u.effN(0); n != 4 {
		t.Errorf("unweighted n %v, want 4 exactly", n)
	}

	var h sums
	h.add(0, 100)
	h.add(1, 1)
	if n := h.effN(10); n >= stats.MinIntervalN {
		t.Errorf("one heavy and one light respondent: n %v, want Kish's %v (no interval)", n, 101.0*101/10001)
	}
	if iv, ok := stats.MeanCI(h.mean(), h.sd(), h.effN(10)); !ok || iv.NoInterval != stats.NoIntervalN {
		t.Errorf("interval %+v", iv)
	}
}
