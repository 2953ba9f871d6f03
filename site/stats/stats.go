// Package stats holds the statistics every figure of a report is computed
// with, as pure functions over counts and sums, following docs/methods.md:
// NPS with its standard error and adjusted-Wald interval, Wilson intervals
// for shares, t intervals for means, the tests between groups, Holm's
// correction, type-7 quantiles, Kish's effective sample size, correlations
// and Johnson's relative weights. A result that cannot be computed (no
// valid answers) is reported with ok = false or NaN, never as a fake zero;
// an interval that cannot be computed (n < 2, or a mean with no variance)
// has NaN bounds and says why. Student's t distribution and the symmetric
// eigen-decomposition come from gonum.
package stats

import (
	"math"
	"sort"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat/distuv"
)

// Z95 is the normal quantile for 95% two-sided intervals.
const Z95 = 1.959963984540054

// Interval is an estimate with a confidence interval. Without an interval,
// Low, High and SE are NaN and NoInterval says why.
type Interval struct {
	Value, Low, High, SE float64
	NoInterval           string // "", NoIntervalN or NoIntervalVariance
}

// Why an estimate has no interval.
const (
	NoIntervalN        = "n"        // fewer than 2 (effective) answers
	NoIntervalVariance = "variance" // a mean whose answers are all equal: s = 0
)

// MinIntervalN is the smallest (effective) number of answers an interval
// is computed for: with one answer there is no sampling variance to speak
// of, whatever a formula would give.
const MinIntervalN = 2

func without(value float64, why string) Interval {
	nan := math.NaN()
	return Interval{Value: value, Low: nan, High: nan, SE: nan, NoInterval: why}
}

// Clip keeps an interval inside the range [lo, hi] of what it estimates (a
// mean on a 1–7 scale, a 0–100 index); a range with hi <= lo is unknown and
// leaves the interval as it is.
func Clip(iv Interval, lo, hi float64) Interval {
	if hi <= lo || iv.NoInterval != "" {
		return iv
	}
	iv.Low = math.Min(math.Max(iv.Low, lo), hi)
	iv.High = math.Max(math.Min(iv.High, hi), lo)
	return iv
}

// NPS returns the Net Promoter Score (×100) of weighted promoter, detractor
// and total counts, with its standard error
// SE = 100·√((p + d − (p − d)²)/n) and the adjusted-Wald 95% interval of
// Rocks (2016): add ¾ promoter and ¾ detractor, n′ = n + 3, and use the SE
// formula on the adjusted shares. n is the (effective) number of answers.
func NPS(promoters, detractors, n float64) (Interval, bool) {
	if n <= 0 {
		return Interval{}, false
	}
	p, d := promoters/n, detractors/n
	if n < MinIntervalN {
		return without(100*(p-d), NoIntervalN), true
	}
	se := 100 * math.Sqrt(math.Max(p+d-(p-d)*(p-d), 0)/n)
	n2 := n + 3
	pa, da := (promoters+0.75)/n2, (detractors+0.75)/n2
	seA := math.Sqrt(math.Max(pa+da-(pa-da)*(pa-da), 0) / n2)
	mid := pa - da
	return Interval{Value: 100 * (p - d), SE: se, Low: 100 * math.Max(mid-Z95*seA, -1), High: 100 * math.Min(mid+Z95*seA, 1)}, true
}

// NPSVariance is V = p + d − (p − d)² in share units, used by NPSDiffTest.
func NPSVariance(promoters, detractors, n float64) float64 {
	p, d := promoters/n, detractors/n
	return p + d - (p-d)*(p-d)
}

// NPSDiffTest compares two NPS values with the adjusted-Wald test (Rocks
// 2016): each group gets ¾ promoter and ¾ detractor more, n′ = n + 3, and
// z = (NPS′₁ − NPS′₂)/√(V′₁/n′₁ + V′₂/n′₂) on the adjusted shares. Unlike the
// plain Wald z it is defined when a group has no variance (all promoters,
// all detractors: −100 → +100 is a real change, not "no test"). It returns
// z and the two-sided p-value.
func NPSDiffTest(p1, d1, n1, p2, d2, n2 float64) (z, pValue float64, ok bool) {
	if n1 <= 0 || n2 <= 0 {
		return 0, 0, false
	}
	a1, a2 := n1+3, n2+3
	v := NPSVariance(p1+0.75, d1+0.75, a1)/a1 + NPSVariance(p2+0.75, d2+0.75, a2)/a2
	z = ((p1+0.75)/a1 - (d1+0.75)/a1 - (p2+0.75)/a2 + (d2+0.75)/a2) / math.Sqrt(v)
	return z, 2 * (1 - NormCDF(math.Abs(z))), true
}

// Wilson returns the Wilson score interval (×100) of x successes in n.
func Wilson(x, n float64) (Interval, bool) {
	if n <= 0 {
		return Interval{}, false
	}
	p := x / n
	if n < MinIntervalN {
		return without(100*p, NoIntervalN), true
	}
	z := Z95
	den := 1 + z*z/n
	mid := (p + z*z/(2*n)) / den
	half := z * math.Sqrt(p*(1-p)/n+z*z/(4*n*n)) / den
	return Interval{Value: 100 * p, SE: 100 * math.Sqrt(p*(1-p)/n), Low: 100 * math.Max(mid-half, 0), High: 100 * math.Min(mid+half, 1)}, true
}

// MeanCI returns x̄ ± t(n−1)·s/√n; with n < 2 or s = 0 (every answer the
// same) there is no interval: a zero-width one would claim certainty.
func MeanCI(mean, sd, n float64) (Interval, bool) {
	if n <= 0 {
		return Interval{}, false
	}
	if n < MinIntervalN {
		return without(mean, NoIntervalN), true
	}
	if !(sd > 0) {
		return without(mean, NoIntervalVariance), true
	}
	se := sd / math.Sqrt(n)
	t := TQuantile(0.975, n-1)
	return Interval{Value: mean, SE: se, Low: mean - t*se, High: mean + t*se}, true
}

// TwoProportionTest is the pooled two-proportion z-test, the score test of
// two proportions: its variance comes from the pooled proportion, so it is
// defined when one group's share is 0 or 1 (0% → 100% is significant). When
// the pooled share is 0 or 1 both groups gave the same answer and p = 1. It
// returns z and the two-sided p-value.
func TwoProportionTest(x1, n1, x2, n2 float64) (z, pValue float64, ok bool) {
	if n1 <= 0 || n2 <= 0 {
		return 0, 0, false
	}
	p := (x1 + x2) / (n1 + n2)
	se := math.Sqrt(p * (1 - p) * (1/n1 + 1/n2))
	if se == 0 {
		return 0, 1, true
	}
	z = (x1/n1 - x2/n2) / se
	return z, 2 * (1 - NormCDF(math.Abs(z))), true
}

// WelchTest compares two means with Welch's t and the Welch–Satterthwaite
// degrees of freedom; it returns t, df and the two-sided p-value. With fewer
// than 2 answers in a group, or no variance in either (every answer of both
// groups the same), it is not defined and ok is false: the caller says "not
// testable", never "not significant".
func WelchTest(m1, s1, n1, m2, s2, n2 float64) (t, df, pValue float64, ok bool) {
	if n1 < 2 || n2 < 2 {
		return 0, 0, 0, false
	}
	v1, v2 := s1*s1/n1, s2*s2/n2
	if !(v1+v2 > 0) {
		return 0, 0, 0, false
	}
	t = (m1 - m2) / math.Sqrt(v1+v2)
	df = (v1 + v2) * (v1 + v2) / (v1*v1/(n1-1) + v2*v2/(n2-1))
	return t, df, 2 * (1 - TCDF(math.Abs(t), df)), true
}

// NormCDF is the standard normal distribution function.
func NormCDF(x float64) float64 { return 0.5 * math.Erfc(-x/math.Sqrt2) }

// NormQuantile is the inverse of NormCDF.
func NormQuantile(p float64) float64 { return -math.Sqrt2 * math.Erfcinv(2*p) }

// TCDF is Student's t distribution function with df degrees of freedom.
func TCDF(t, df float64) float64 {
	return distuv.StudentsT{Mu: 0, Sigma: 1, Nu: df}.CDF(t)
}

// TQuantile is the inverse of TCDF. Beyond 1e7 degrees of freedom t is the
// normal distribution to float64 precision, and the normal quantile avoids
// inverting an incomplete beta function with a huge parameter.
func TQuantile(p, df float64) float64 {
	if df > 1e7 {
		return NormQuantile(p)
	}
	return distuv.StudentsT{Mu: 0, Sigma: 1, Nu: df}.Quantile(p)
}

// Holm adjusts p-values for multiple comparisons (Holm 1979): sorted
// ascending, p₍ᵢ₎·(m − i + 1), made monotone, capped at 1.
func Holm(p []float64) []float64 {
	m := len(p)
	idx := make([]int, m)
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return p[idx[a]] < p[idx[b]] })
	out := make([]float64, m)
	run := 0.0
	for rank, i := range idx {
		v := math.Min(1, p[i]*float64(m-rank))
		run = math.Max(run, v)
		out[i] = run
	}
	return out
}

// Quantile is the type-7 sample quantile of Hyndman & Fan (R's default):
// h = (n − 1)·q, interpolating between the neighbouring order statistics.
func Quantile(sorted []float64, q float64) float64 {
	n := len(sorted)
	if n == 0 {
		return math.NaN()
	}
	h := float64(n-1) * q
	lo := math.Floor(h)
	i := int(lo)
	if i+1 >= n {
		return sorted[n-1]
	}
	return sorted[i] + (h-lo)*(sorted[i+1]-sorted[i])
}

// KishNEff is Kish's effective sample size (Σw)²/Σw².
func KishNEff(sumW, sumW2 float64) float64 {
	if sumW2 == 0 {
		return 0
	}
	return sumW * sumW / sumW2
}

// Moments accumulates a weighted count, mean and sum of squared deviations
// and merges with another (Chan et al.'s parallel algorithm), so partial
// results from batches or machines combine exactly.
type Moments struct {
	W, W2, Mean, M2 float64
	N               int64
}

// Add adds one value with weight w.
func (m *Moments) Add(x, w float64) {
	m.N++
	m.W2 += w * w
	w0 := m.W
	m.W += w
	d := x - m.Mean
	m.Mean += d * w / m.W
	m.M2 += w0 * w / m.W * d * d
}

// Merge adds another accumulator.
func (m *Moments) Merge(o Moments) {
	if o.W == 0 {
		return
	}
	if m.W == 0 {
		*m = o
		return
	}
	d := o.Mean - m.Mean
	w := m.W + o.W
	m.Mean += d * o.W / w
	m.M2 += o.M2 + d*d*m.W*o.W/w
	m.W = w
	m.W2 += o.W2
	m.N += o.N
}

// SD is the sample standard deviation (frequency weights: divisor W − 1).
func (m Moments) SD() float64 {
	if m.W <= 1 {
		return math.NaN()
	}
	return math.Sqrt(m.M2 / (m.W - 1))
}

// NEff is the effective sample size of the accumulated weights.
func (m Moments) NEff() float64 { return KishNEff(m.W, m.W2) }

// Pearson returns the correlation of x and y from their centred sums of
// squares and products (CoMoments), so that no difference of two large sums
// loses the digits that matter. It is NaN when either variance is zero (the
// correlation is not defined) and is kept inside [−1, 1] against rounding.
func Pearson(cxy, cxx, cyy float64) float64 {
	if !(cxx > 0) || !(cyy > 0) {
		return math.NaN()
	}
	return math.Max(-1, math.Min(1, cxy/math.Sqrt(cxx*cyy)))
}

// CoMoments accumulates weighted means and centred sums of products of
// several variables at once (the multivariate form of Welford's update) and
// merges partial results exactly like Moments (Chan et al.), so correlations
// from it are as stable as a two-pass computation in one pass.
type CoMoments struct {
	N    int64       // respondents
	W    float64     // Σw
	Mean []float64   // weighted means
	C    [][]float64 // Σw(xᵢ − x̄ᵢ)(xⱼ − x̄ⱼ)
	d    []float64
}

// NewCoMoments accumulates k variables.
func NewCoMoments(k int) *CoMoments {
	c := &CoMoments{Mean: make([]float64, k), C: make([][]float64, k), d: make([]float64, k)}
	for i := range c.C {
		c.C[i] = make([]float64, k)
	}
	return c
}

// Add adds one observation x (len k) with weight w.
func (c *CoMoments) Add(x []float64, w float64) {
	if w <= 0 {
		return
	}
	c.N++
	w0 := c.W
	c.W += w
	f := w / c.W
	for i, xi := range x {
		c.d[i] = xi - c.Mean[i]
		c.Mean[i] += c.d[i] * f
	}
	g := w0 * f
	for i := range x {
		di := c.d[i] * g
		row := c.C[i]
		for j := range x {
			row[j] += di * c.d[j]
		}
	}
}

// Merge adds another accumulator of the same variables.
func (c *CoMoments) Merge(o *CoMoments) {
	if o.W == 0 {
		return
	}
	if c.W == 0 {
		c.N, c.W = o.N, o.W
		copy(c.Mean, o.Mean)
		for i := range c.C {
			copy(c.C[i], o.C[i])
		}
		return
	}
	w := c.W + o.W
	g := c.W * o.W / w
	for i := range c.Mean {
		c.d[i] = o.Mean[i] - c.Mean[i]
	}
	for i := range c.C {
		for j := range c.C[i] {
			c.C[i][j] += o.C[i][j] + c.d[i]*c.d[j]*g
		}
	}
	for i := range c.Mean {
		c.Mean[i] += c.d[i] * o.W / w
	}
	c.W = w
	c.N += o.N
}

// Correlation is the Pearson correlation of variables i and j.
func (c *CoMoments) Correlation(i, j int) float64 {
	return Pearson(c.C[i][j], c.C[i][i], c.C[j][j])
}

// RelativeWeights computes Johnson's (2000) relative weights of predictors
// from their correlation matrix rxx and their correlations rxy with the
// outcome: the share of R² each predictor carries, with correlated
// predictors sharing fairly. It returns the raw weights (summing to R²).
func RelativeWeights(rxx [][]float64, rxy []float64) ([]float64, bool) {
	k := len(rxy)
	if k == 0 || len(rxx) != k {
		return nil, false
	}
	vals, vecs, ok := eigenSym(rxx)
	if !ok {
		return nil, false
	}
	for _, v := range vals {
		if v <= 1e-12 {
			return nil, false
		}
	}
	// Λ = R^{1/2} = V diag(√λ) Vᵀ
	lam := make([][]float64, k)
	for i := range lam {
		lam[i] = make([]float64, k)
		for j := 0; j < k; j++ {
			for m := 0; m < k; m++ {
				lam[i][j] += vecs[i][m] * math.Sqrt(vals[m]) * vecs[j][m]
			}
		}
	}
	// β = Λ⁻¹ rxy = V diag(1/√λ) Vᵀ rxy
	beta := make([]float64, k)
	for i := 0; i < k; i++ {
		for m := 0; m < k; m++ {
			var proj float64
			for j := 0; j < k; j++ {
				proj += vecs[j][m] * rxy[j]
			}
			beta[i] += vecs[i][m] / math.Sqrt(vals[m]) * proj
		}
	}
	out := make([]float64, k)
	for j := 0; j < k; j++ {
		for i := 0; i < k; i++ {
			out[j] += lam[j][i] * lam[j][i] * beta[i] * beta[i]
		}
	}
	return out, true
}

// eigenSym returns the eigenvalues of the symmetric matrix a and its
// eigenvectors as columns: vecs[i][m] is the i-th entry of the m-th vector.
func eigenSym(a [][]float64) (vals []float64, vecs [][]float64, ok bool) {
	k := len(a)
	sym := mat.NewSymDense(k, nil)
	for i := range a {
		if len(a[i]) != k {
			return nil, nil, false
		}
		for j := i; j < k; j++ {
			sym.SetSym(i, j, a[i][j])
		}
	}
	var eig mat.EigenSym
	if !eig.Factorize(sym, true) {
		return nil, nil, false
	}
	var v mat.Dense
	eig.VectorsTo(&v)
	vecs = make([][]float64, k)
	for i := range vecs {
		vecs[i] = mat.Row(nil, i, &v)
	}
	return eig.Values(nil), vecs, true
}
