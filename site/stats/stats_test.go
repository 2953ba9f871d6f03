package stats

import (
	"math"
	"testing"
)

func near(t *testing.T, name string, got, want, tol float64) {
	t.Helper()
	if math.IsNaN(got) != math.IsNaN(want) || (!math.IsNaN(want) && math.Abs(got-want) > tol) {
		t.Errorf("%s = %.6f, want %.6f", name, got, want)
	}
}

func TestNPS(t *testing.T) {
	// 50 promoters, 30 passives, 20 detractors out of 100, worked by hand:
	// NPS = 50% − 20% = 30; V = .5 + .2 − .3² = .61; SE = 100·√(.61/100).
	// Adjusted Wald: p′ = 50.75/103, d′ = 20.75/103, n′ = 103.
	iv, ok := NPS(50, 20, 100)
	if !ok {
		t.Fatal("not ok")
	}
	near(t, "NPS", iv.Value, 30, 1e-12)
	near(t, "SE", iv.SE, 100*math.Sqrt(0.61/100), 1e-12)
	near(t, "low", iv.Low, 14.051130178761607, 1e-9)
	near(t, "high", iv.High, 44.20129700570441, 1e-9)

	// All promoters: NPS 100, SE 0, the interval stays inside [-100, 100]
	// and is not degenerate (the adjustment's purpose).
	iv, _ = NPS(10, 0, 10)
	near(t, "all promoters", iv.Value, 100, 0)
	near(t, "all promoters SE", iv.SE, 0, 0)
	near(t, "all promoters low", iv.Low, 47.5035515447902, 1e-9)
	near(t, "all promoters high", iv.High, 100, 0)

	// One respondent, a detractor: the figure, and no interval, with why.
	iv, _ = NPS(0, 1, 1)
	near(t, "one detractor", iv.Value, -100, 0)
	if !math.IsNaN(iv.Low) || !math.IsNaN(iv.High) || !math.IsNaN(iv.SE) || iv.NoInterval != NoIntervalN {
		t.Errorf("n = 1 must have no interval: %+v", iv)
	}

	if _, ok := NPS(0, 0, 0); ok {
		t.Error("NPS of no answers must not be ok")
	}
}

func TestNPSDiff(t *testing.T) {
	// Adjusted Wald: group 1 is 50/20 of 100 → p′ = 50.75/103, d′ = 20.75/103,
	// V′ = 71.5/103 − (30/103)²; group 2 is 30/30 of 100 → p′ = d′ = 30.75/103,
	// V′ = 61.5/103; z = (30/103)/√((V′₁ + V′₂)/103).
	z, p, ok := NPSDiffTest(50, 20, 100, 30, 30, 100)
	if !ok {
		t.Fatal("not ok")
	}
	v1, v2 := 71.5/103-(30.0/103)*(30.0/103), 61.5/103
	near(t, "z", z, (30.0/103)/math.Sqrt((v1+v2)/103), 1e-12)
	near(t, "p", p, 2*(1-NormCDF(z)), 1e-12)

	// −100 → +100 with 5 answers each: no variance in either group, which
	// the plain Wald z cannot test. Adjusted: p′ = 5.75/8, d′ = .75/8 and the
	// mirror; V′ = 6.5/8 − (5/8)² = .421875 each; z = 1.25/√(2·.421875/8).
	z, p, ok = NPSDiffTest(5, 0, 5, 0, 5, 5)
	if !ok {
		t.Fatal("−100 → +100 must be testable")
	}
	near(t, "z extreme", z, 1.25/math.Sqrt(2*0.421875/8), 1e-12)
	if p >= 0.001 {
		t.Errorf("−100 → +100 (n 5, 5): p = %v, want < 0.001", p)
	}
}

func TestWilson(t *testing.T) {
	// 8 of 10: the textbook Wilson interval is (0.4902, 0.9433).
	iv, _ := Wilson(8, 10)
	near(t, "value", iv.Value, 80, 1e-12)
	near(t, "low", iv.Low, 49.016, 0.01)
	near(t, "high", iv.High, 94.332, 0.01)
	iv, _ = Wilson(0, 5)
	near(t, "zero low", iv.Low, 0, 0)
	// 1 of 5 (20%): z² = 3.8415, centre (.2 + .38415)/1.76829 = .33034,
	// half 1.95996·√(.032 + .038415)/1.76829 = .29412 → [3.62; 62.45],
	// inside 0–100 (a Wald interval is 20 ± 35.1).
	iv, _ = Wilson(1, 5)
	near(t, "20% of 5 low", iv.Low, 3.6224, 1e-3)
	near(t, "20% of 5 high", iv.High, 62.4465, 1e-3)
	if iv, _ = Wilson(1, 1); !math.IsNaN(iv.Low) || iv.NoInterval != NoIntervalN {
		t.Errorf("n = 1: no interval, got %+v", iv)
	}
	if _, ok := Wilson(0, 0); ok {
		t.Error("no answers must not be ok")
	}
}

func TestTQuantiles(t *testing.T) {
	// Values from any t table.
	for _, c := range []struct{ df, want float64 }{{1, 12.7062047}, {2, 4.3026527}, {10, 2.2281389}, {30, 2.0422725}, {1000, 1.9623391}} {
		near(t, "t", TQuantile(0.975, c.df), c.want, 1e-6)
	}
	near(t, "TCDF(0)", TCDF(0, 5), 0.5, 1e-12)
}

func TestMeanCI(t *testing.T) {
	iv, _ := MeanCI(10, 2, 11) // t(0.975, 10) = 2.2281389
	near(t, "low", iv.Low, 10-2.2281389*2/math.Sqrt(11), 1e-6)
	iv, _ = MeanCI(4, math.NaN(), 1)
	if !math.IsNaN(iv.Low) || iv.Value != 4 || iv.NoInterval != NoIntervalN {
		t.Error("one respondent: the mean, with no interval")
	}
	// Every answer the same: no [6; 6] pretending to certainty.
	iv, _ = MeanCI(6, 0, 5)
	if !math.IsNaN(iv.Low) || !math.IsNaN(iv.SE) || iv.NoInterval != NoIntervalVariance {
		t.Errorf("no variance: no interval, got %+v", iv)
	}
}

func TestClip(t *testing.T) {
	// CES 6.0 on 1–7 with s = 2.5, n = 4: 6 ± 3.182·1.25 = [2.02; 9.98] → [2.02; 7].
	iv, _ := MeanCI(6, 2.5, 4)
	c := Clip(iv, 1, 7)
	near(t, "low kept", c.Low, iv.Low, 0)
	near(t, "high clipped", c.High, 7, 0)
	if iv.High <= 7 {
		t.Fatalf("the test needs an interval past the scale: %+v", iv)
	}
	// Index 85 on 0–100 with s = 30, n = 3: high 85 + 4.303·17.32 → 100.
	iv, _ = MeanCI(85, 30, 3)
	near(t, "0–100 high", Clip(iv, 0, 100).High, 100, 0)
	// Share 20% of n = 5 as a mean of 0/100 values: s = 44.72, t(4) = 2.776
	// → [−35.5; 75.5] unclipped, [0; 75.5] clipped.
	iv, _ = MeanCI(20, math.Sqrt(2000), 5)
	near(t, "unclipped low", iv.Low, -35.53, 0.01)
	near(t, "clipped low", Clip(iv, 0, 100).Low, 0, 0)
	// An unknown range (hi <= lo) or no interval: unchanged.
	near(t, "unknown range", Clip(iv, 0, 0).Low, iv.Low, 0)
	if c := Clip(without(3, NoIntervalN), 1, 7); !math.IsNaN(c.Low) {
		t.Error("clipping must not invent an interval")
	}
}

func TestTests(t *testing.T) {
	z, _, _ := TwoProportionTest(30, 100, 20, 100) // pooled p = .25
	near(t, "two-proportion z", z, 0.1/math.Sqrt(0.25*0.75*0.02), 1e-12)
	tt, df, p, _ := WelchTest(5, 2, 10, 3, 1, 20)
	near(t, "Welch t", tt, 2/math.Sqrt(0.45), 1e-12)
	near(t, "Welch df", df, 0.2025/(0.16/9+0.0025/19), 1e-9)
	if p <= 0.005 || p >= 0.02 {
		t.Errorf("Welch p = %v, expected about 0.012", p)
	}
	// 0 of 10 → 10 of 10: pooled p = .5, z = −1/√(.25·.2) = −4.47, p < .001.
	z, p, ok := TwoProportionTest(0, 10, 10, 10)
	near(t, "0% vs 100% z", z, -1/math.Sqrt(0.25*0.2), 1e-12)
	if !ok || p >= 0.001 {
		t.Errorf("0%% → 100%%: p = %v, ok %v", p, ok)
	}
	// CES 1 for everyone → 7 for everyone: Welch is not defined, never p = 1.
	if _, _, p, ok := WelchTest(1, 0, 10, 7, 0, 10); ok {
		t.Errorf("no variance in either group must not be testable, got p = %v", p)
	}
}

func TestCorrelationStable(t *testing.T) {
	// Constant x: the old one-pass formula gave r = 1.41 here.
	c := NewCoMoments(2)
	for _, y := range []float64{60, 70, 80} {
		c.Add([]float64{100.0 / 3, y}, 1)
	}
	if r := c.Correlation(0, 1); !math.IsNaN(r) {
		t.Errorf("constant x: correlation must be undefined, got %v", r)
	}
	// Large offset, tiny spread: x = 1e9 + {1, 2, 3}, y = 2x → r = 1 exactly
	// within rounding, never above.
	c = NewCoMoments(2)
	for _, d := range []float64{1, 2, 3} {
		c.Add([]float64{1e9 + d, 2e9 + 2*d}, 1)
	}
	if r := c.Correlation(0, 1); math.Abs(r-1) > 1e-9 || r > 1 {
		t.Errorf("r = %v, want 1", r)
	}
	// Merging halves gives the single pass: x 1..6, y = x², weights 1, 2.
	all, a, b := NewCoMoments(2), NewCoMoments(2), NewCoMoments(2)
	for i := 1; i <= 6; i++ {
		x, w := float64(i), float64(1+i%2)
		all.Add([]float64{x, x * x}, w)
		if i <= 2 {
			a.Add([]float64{x, x * x}, w)
		} else {
			b.Add([]float64{x, x * x}, w)
		}
	}
	a.Merge(b)
	near(t, "merged r", a.Correlation(0, 1), all.Correlation(0, 1), 1e-12)
	near(t, "merged C", a.C[0][0], all.C[0][0], 1e-9)
	if a.N != 6 {
		t.Errorf("N = %d", a.N)
	}
	// Hand-worked: x 1, 2, 3; y 2, 4, 5 → Sxx 2, Syy 4.667, Sxy 3; r = 3/√9.333.
	c = NewCoMoments(2)
	for i, y := range []float64{2, 4, 5} {
		c.Add([]float64{float64(i + 1), y}, 1)
	}
	near(t, "r", c.Correlation(0, 1), 3/math.Sqrt(2*14.0/3), 1e-12)
}

func TestHolm(t *testing.T) {
	got := Holm([]float64{0.01, 0.04, 0.03})
	for i, want := range []float64{0.03, 0.06, 0.06} {
		near(t, "holm", got[i], want, 1e-12)
	}
}

func TestQuantileType7(t *testing.T) {
	x := []float64{1, 2, 3, 4}
	near(t, "q25", Quantile(x, 0.25), 1.75, 1e-12)
	near(t, "median", Quantile(x, 0.5), 2.5, 1e-12)
	near(t, "max", Quantile(x, 1), 4, 0)
	near(t, "one value", Quantile([]float64{7}, 0.75), 7, 0)
	if !math.IsNaN(Quantile(nil, 0.5)) {
		t.Error("quantile of nothing must be NaN")
	}
}

func TestMomentsMergeAndWeights(t *testing.T) {
	xs := []float64{1, 2, 3, 4, 5, 6}
	var all, a, b Moments
	for i, x := range xs {
		all.Add(x, 1)
		if i < 2 {
			a.Add(x, 1)
		} else {
			b.Add(x, 1)
		}
	}
	a.Merge(b)
	near(t, "mean", a.Mean, 3.5, 1e-12)
	near(t, "sd", a.SD(), math.Sqrt(17.5/5), 1e-12)
	near(t, "merged sd", a.SD(), all.SD(), 1e-12)
	// Weights: value 1 with weight 3 and value 5 with weight 1 → mean 2.
	var w Moments
	w.Add(1, 3)
	w.Add(5, 1)
	near(t, "weighted mean", w.Mean, 2, 1e-12)
	near(t, "Kish n_eff", w.NEff(), 16.0/10, 1e-12)
}

func TestRelativeWeights(t *testing.T) {
	// Uncorrelated predictors: each weight is its squared correlation.
	w, ok := RelativeWeights([][]float64{{1, 0}, {0, 1}}, []float64{0.5, 0.3})
	if !ok {
		t.Fatal("not ok")
	}
	near(t, "w1", w[0], 0.25, 1e-9)
	near(t, "w2", w[1], 0.09, 1e-9)
	// Correlated predictors: the weights still sum to R² = rᵀR⁻¹r.
	r := 0.6
	rxy := []float64{0.5, 0.4}
	w, _ = RelativeWeights([][]float64{{1, r}, {r, 1}}, rxy)
	r2 := (rxy[0]*rxy[0] + rxy[1]*rxy[1] - 2*r*rxy[0]*rxy[1]) / (1 - r*r)
	near(t, "sum = R²", w[0]+w[1], r2, 1e-9)
	if w[0] <= w[1] {
		t.Error("the stronger predictor must carry more weight")
	}
}
