package collect

import (
	"os"
	"testing"
)

// FailSync makes the log's fsync go through f in collectors that New
// makes until the test ends.
func FailSync(t testing.TB, f func(*os.File) error) {
	old := syncFile
	syncFile = f
	t.Cleanup(func() { syncFile = old })
}

// FailTruncate makes cutting a failed batch off the log go through f in
// collectors that New makes until the test ends.
func FailTruncate(t testing.TB, f func(*os.File, int64) error) {
	old := truncateFile
	truncateFile = f
	t.Cleanup(func() { truncateFile = old })
}
