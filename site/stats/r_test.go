package stats

import (
	"math"
	"testing"
)

// TestTAgainstR checks the t distribution against R 4 (qt, pt), printed
// with 17 significant digits, across the degrees of freedom Welch's test
// and mean intervals meet, fractional ones included. At a million degrees
// of freedom the incomplete beta function, with a parameter of 500,000,
// keeps about ten significant digits, more than a report prints.
func TestTAgainstR(t *testing.T) {
	for _, c := range []struct{ df, q975, cdfMinus21, cdf07, tol float64 }{
		{1, 12.706204736174694, 0.14146302812150899, 0.69440011221421472, 1e-12},
		{2.5, 3.5746548420036919, 0.072251222377421903, 0.72829752840522599, 1e-12},
		{7.3, 2.3450667365477025, 0.036123356712426676, 0.74719142990687071, 1e-12},
		{30, 2.0422724563012378, 0.022121235631161765, 0.75533977825016418, 1e-12},
		{1000, 1.9623390808264076, 0.017989437155390978, 0.7579549430036987, 1e-12},
		{1e6, 1.9599663568141066, 0.017864545487317515, 0.75803626635672905, 1e-9},
	} {
		for _, g := range []struct {
			name      string
			got, want float64
		}{
			{"TQuantile(0.975)", TQuantile(0.975, c.df), c.q975},
			{"TCDF(-2.1)", TCDF(-2.1, c.df), c.cdfMinus21},
			{"TCDF(0.7)", TCDF(0.7, c.df), c.cdf07},
		} {
			if rel := math.Abs(g.got-g.want) / g.want; rel > c.tol {
				t.Errorf("df %v: %s = %.17g, R says %.17g (relative error %.1e)", c.df, g.name, g.got, g.want, rel)
			}
		}
	}
}

// TestEigenAgainstR checks eigenSym against R's eigen() on a correlation
// matrix and that its vectors diagonalise the matrix.
func TestEigenAgainstR(t *testing.T) {
	r := [][]float64{{1, .6, .3}, {.6, 1, .2}, {.3, .2, 1}}
	vals, vecs, ok := eigenSym(r)
	if !ok {
		t.Fatal("not ok")
	}
	want := map[int]float64{0: 0.39012937989860108, 1: 0.84554074102223287, 2: 1.76432987907916683}
	for m, w := range want {
		near(t, "eigenvalue", vals[m], w, 1e-14)
		// r·v = λ·v for the m-th column.
		for i := range r {
			var rv float64
			for j := range r {
				rv += r[i][j] * vecs[j][m]
			}
			near(t, "r·v", rv, vals[m]*vecs[i][m], 1e-14)
		}
	}
	if _, _, ok := eigenSym([][]float64{{1, 0}, {0}}); ok {
		t.Error("a ragged matrix must not be ok")
	}
}
