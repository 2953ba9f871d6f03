// Package testkit holds the test helpers every phase shares: golden files
// with -update, the repository root, and the external programs browser and
// cross-check tests drive (Debian's Chromium and R, node packages installed by
// `make deps`). It lives under compiler because compiler is the root of the
// import graph: render and site may both import it without importing each
// other.
package testkit

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/opros/opros/compiler"
	"github.com/opros/opros/compiler/ir"
)

// Update is the -update flag: rewrite golden files instead of comparing.
var Update = flag.Bool("update", false, "rewrite golden files under testdata/")

// Root returns the repository root (the folder holding go.mod).
func Root(t testing.TB) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Dir(file)
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("testkit: go.mod not found above " + file)
		}
		dir = parent
	}
}

// Golden compares got with the file at path (relative to the test's package
// folder), or rewrites the file when -update is set.
func Golden(t testing.TB, path string, got []byte) {
	t.Helper()
	if *Update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden %s: %v (run the test with -update to create it)", path, err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("golden %s differs (run with -update and review the diff)\n%s", path, firstDiff(want, got))
	}
}

func firstDiff(want, got []byte) string {
	wl := bytes.Split(want, []byte("\n"))
	gl := bytes.Split(got, []byte("\n"))
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g []byte
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if !bytes.Equal(w, g) {
			return "line " + itoa(i+1) + ":\n- " + string(w) + "\n+ " + string(g)
		}
	}
	return "(lengths differ)"
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	for n >= 10 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	i--
	b[i] = byte('0' + n)
	return string(b[i:])
}

// missing skips the test on a developer machine and fails it in CI, where
// `make test` has installed everything and a skip would hide a broken setup.
func missing(t testing.TB, what string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("%s is missing; `make deps` should have installed it", what)
	}
	t.Skipf("%s is missing; run `make deps`", what)
}

// Chromium returns the path of Debian's Chromium, or skips (fails in CI).
func Chromium(t testing.TB) string {
	t.Helper()
	for _, p := range []string{os.Getenv("OPROS_CHROMIUM"), "/usr/bin/chromium"} {
		if p == "" {
			continue
		}
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	missing(t, "chromium (apt-get install -y chromium)")
	return ""
}

// ChromiumFlags are the flags a headless Chromium needs on a machine with no
// network but loopback: without the background-networking ones it keeps
// trying to reach Google's hosts.
var ChromiumFlags = []string{
	"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
	"--disable-background-networking", "--disable-component-update", "--disable-sync",
	"--disable-default-apps", "--disable-extensions", "--mute-audio",
}

// NodeModule returns the folder of an npm package installed by `make deps`
// into .ci/node_modules (e.g. "axe-core"), or skips (fails in CI).
func NodeModule(t testing.TB, name string) string {
	t.Helper()
	dir := filepath.Join(Root(t), ".ci", "node_modules", name)
	if _, err := os.Stat(dir); err != nil {
		missing(t, "node package "+name)
	}
	return dir
}

// Tool returns the path of a command-line tool found on PATH, or skips
// (fails in CI), naming the Debian package that `make deps` installs it
// from (e.g. Tool(t, "pdftotext", "poppler-utils")).
func Tool(t testing.TB, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		missing(t, name+" (apt-get install -y "+pkg+")")
	}
	return p
}

// Node returns the path of node, or skips (fails in CI).
func Node(t testing.TB) string {
	t.Helper()
	return Tool(t, "node", "nodejs")
}

// Rscript returns the path of R's Rscript once each of the R packages
// loads (Debian's r-base-core and r-cran-*, installed by `make deps`), or
// skips (fails in CI).
func Rscript(t testing.TB, packages ...string) string {
	t.Helper()
	p := Tool(t, "Rscript", "r-base-core")
	for _, pkg := range packages {
		if exec.Command(p, "-e", "quit(status = !requireNamespace('"+pkg+"', quietly = TRUE))").Run() != nil {
			missing(t, "R package "+pkg+" (apt-get install -y r-cran-"+strings.ToLower(pkg)+")")
		}
	}
	return p
}

// SampleHeap records the largest live heap seen until the returned stop
// function is called, sampling every 10 ms: a benchmark's peak memory.
func SampleHeap(peak *uint64) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			if m.HeapInuse > *peak {
				*peak = m.HeapInuse
			}
			select {
			case <-done:
				return
			case <-time.After(10 * time.Millisecond):
			}
		}
	}()
	return func() { close(done); <-finished }
}

// Load compiles a survey (files or folders, relative to the test's package)
// and fails the test with the printed diagnostics if it has errors.
func Load(t testing.TB, paths ...string) *ir.Survey {
	t.Helper()
	c := compiler.New()
	s, diags := c.Load(paths...)
	if diags.HasErrors() {
		var buf bytes.Buffer
		c.WriteDiagnostics(&buf, diags)
		t.Fatal(buf.String())
	}
	return s
}
