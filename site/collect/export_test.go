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
