package compiler_test

import (
	"testing"

	"github.com/opros/opros/compiler"
	"github.com/opros/opros/compiler/largesurvey"
)

// BenchmarkLoad1000 compiles the generated 1,000-question survey from source
// (parse, decode, check, derive variables, hash). Budget: well under 100 ms.
func BenchmarkLoad1000(b *testing.B) {
	src := largesurvey.Source(1000)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, diags := compiler.New().LoadSource("large.hcl", src); diags.HasErrors() {
			b.Fatal(diags)
		}
	}
}
