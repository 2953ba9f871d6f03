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

	// One respondent, a detractor.
	iv, _ = NPS(0, 1, 1)
	near(t, "one detractor", iv.Value, -100, 0)

	if _, ok := NPS(0, 0, 0); ok {
		t.Error("NPS of no answers must not be ok")
	}
}

func TestNPSDiff(t *testing.T) {
	// Group 1: 50/20 of 100 (NPS 30, V .61); group 2: 30/30 of 100 (NPS 0, V .6).
	z, p, ok := NPSDiffTest(50, 20, 100, 30, 30, 100)
	if !ok {
		t.Fatal("not ok")
	}
	near(t, "z", z, 0.3/math.Sqrt(0.61/100+0.6/100), 1e-12)
	near(t, "p", p, 2*(1-NormCDF(z)), 1e-12)
}

func TestWilson(t *testing.T) {
	// 8 of 10: the textbook Wilson interval is (0.4902, 0.9433).
	iv, _ := Wilson(8, 10)
	near(t, "value", iv.Value, 80, 1e-12)
	near(t, "low", iv.Low, 49.016, 0.01)
	near(t, "high", iv.High, 94.332, 0.01)
	iv, _ = Wilson(0, 5)
	near(t, "zero low", iv.Low, 0, 0)
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
	if !math.IsNaN(iv.Low) || iv.Value != 4 {
		t.Error("one respondent: the mean, with no interval")
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
