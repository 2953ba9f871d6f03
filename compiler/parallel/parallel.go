// Package parallel runs independent pieces of the compiler's work on all
// CPUs: the pieces of a large survey are independent until they are
// merged in source order, which the caller does.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// For calls f(0) … f(n-1), as many at a time as there are CPUs, and
// returns when all are done. f must only touch what belongs to its i.
func For(n int, f func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				f(i)
			}
		})
	}
	wg.Wait()
}
