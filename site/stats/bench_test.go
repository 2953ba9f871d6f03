package stats

import "testing"

// The t distribution is on the scoring path: a mean's interval calls
// TQuantile and Welch's test calls TCDF, once per group and figure.
func BenchmarkTQuantile(b *testing.B) {
	for i := 0; i < b.N; i++ {
		TQuantile(0.975, float64(2+i%500))
	}
}

func BenchmarkTCDF(b *testing.B) {
	for i := 0; i < b.N; i++ {
		TCDF(1.5+float64(i%7)/10, float64(2+i%500))
	}
}

func BenchmarkRelativeWeights(b *testing.B) {
	const k = 8
	rxx := make([][]float64, k)
	rxy := make([]float64, k)
	for i := range rxx {
		rxx[i] = make([]float64, k)
		for j := range rxx[i] {
			rxx[i][j] = 0.3
		}
		rxx[i][i] = 1
		rxy[i] = 0.2 + float64(i)/20
	}
	for i := 0; i < b.N; i++ {
		RelativeWeights(rxx, rxy)
	}
}
