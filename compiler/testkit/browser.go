package testkit

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// One Chromium per test binary: starting it is the slow part, tabs are cheap.
var (
	browserOnce sync.Once
	browserCtx  context.Context
	browserErr  error
)

// Tab is one browser tab for a test, with what the page logged.
type Tab struct {
	Ctx context.Context

	mu       sync.Mutex
	errors   []string // console errors and uncaught exceptions
	requests []string // every URL the page asked for
}

// Browser opens a new tab in the shared headless Chromium. It skips (fails
// in CI) when Chromium is missing. The tab closes when the test ends.
func Browser(t testing.TB) *Tab {
	t.Helper()
	path := Chromium(t)
	browserOnce.Do(func() {
		opts := append([]chromedp.ExecAllocatorOption{}, chromedp.DefaultExecAllocatorOptions[:]...)
		opts = append(opts, chromedp.ExecPath(path), chromedp.NoSandbox)
		for _, f := range ChromiumFlags {
			name := strings.TrimPrefix(f, "--")
			if name == "headless" {
				continue // already in the defaults
			}
			opts = append(opts, chromedp.Flag(name, true))
		}
		alloc, _ := chromedp.NewExecAllocator(context.Background(), opts...)
		ctx, _ := chromedp.NewContext(alloc)
		// The first Run starts the browser; it must not carry a timeout.
		browserErr = chromedp.Do(ctx)
		browserCtx = ctx
	})
	if browserErr != nil {
		t.Fatalf("start chromium: %v", browserErr)
	}
	ctx, cancel := chromedp.NewContext(browserCtx)
	tab := &Tab{Ctx: ctx}
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("open tab: %v", err)
	}
	if err := chromedp.Listen(ctx, tab.record); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(cancel)
	return tab
}

func (tab *Tab) record(ev any) {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	switch e := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if e.Type == runtime.ConsoleAPICalledTypeError {
			var parts []string
			for _, a := range e.Args {
				parts = append(parts, string(a.Value))
			}
			tab.errors = append(tab.errors, "console.error: "+strings.Join(parts, " "))
		}
	case *runtime.EventExceptionThrown:
		tab.errors = append(tab.errors, "exception: "+e.ExceptionDetails.Text+" "+describe(e.ExceptionDetails.Exception))
	case *network.EventRequestWillBeSent:
		tab.requests = append(tab.requests, e.Request.URL)
	}
}

func describe(o *runtime.RemoteObject) string {
	if o == nil {
		return ""
	}
	return o.Description
}

// Errors returns the console errors and uncaught exceptions so far.
func (tab *Tab) Errors() []string {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	return append([]string(nil), tab.errors...)
}

// Requests returns every URL the page requested so far.
func (tab *Tab) Requests() []string {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	return append([]string(nil), tab.requests...)
}

// Go navigates and waits for the load event.
func (tab *Tab) Go(t testing.TB, url string) {
	t.Helper()
	if err := chromedp.Do(tab.Ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("navigate %s: %v", url, err)
	}
}

// JS evaluates an expression and decodes its value into T.
func JS[T any](t testing.TB, tab *Tab, expr string) T {
	t.Helper()
	v, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// Do runs a script for its effects.
func (tab *Tab) Do(t testing.TB, script string) {
	t.Helper()
	if err := chromedp.Do(tab.Ctx, chromedp.Evaluate[chromedp.Void](script)); err != nil {
		t.Fatalf("run %s: %v", script, err)
	}
}

// WaitFor polls until the expression is truthy, failing after 10 seconds.
func (tab *Tab) WaitFor(t testing.TB, expr string) {
	t.Helper()
	if err := chromedp.Do(tab.Ctx, chromedp.Poll[chromedp.Void](expr, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("waiting for %s: %v", expr, err)
	}
}

// Screenshot saves a full-page PNG under testdata/artifacts/ at the
// repository root (ignored by git) and returns its path.
func (tab *Tab) Screenshot(t testing.TB, name string) string {
	t.Helper()
	png, err := chromedp.Run(tab.Ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	dir := filepath.Join(Root(t), "testdata", "artifacts")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// Viewport sets the tab's size, e.g. 360×740 for a phone.
func (tab *Tab) Viewport(t testing.TB, w, h int64) {
	t.Helper()
	if err := chromedp.Do(tab.Ctx, chromedp.EmulateViewport(w, h)); err != nil {
		t.Fatal(err)
	}
}

// AxeViolation is one accessibility rule broken on the page.
type AxeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []any `json:"target"`
	} `json:"nodes"`
}

func (v AxeViolation) String() string {
	var where []string
	for _, n := range v.Nodes {
		where = append(where, fmt.Sprint(n.Target...))
	}
	return fmt.Sprintf("%s (%s): %s at %s", v.ID, v.Impact, v.Help, strings.Join(where, ", "))
}

// Axe runs axe-core (from .ci/node_modules) on the current page and fails
// the test on any serious or critical violation of WCAG 2.1 A/AA rules.
func (tab *Tab) Axe(t testing.TB) []AxeViolation {
	t.Helper()
	vs := tab.AxeViolations(t)
	for _, v := range vs {
		if v.Impact == "serious" || v.Impact == "critical" {
			t.Errorf("accessibility: %s", v)
		}
	}
	return vs
}

// AxeViolations runs axe-core and returns every violation found.
func (tab *Tab) AxeViolations(t testing.TB) []AxeViolation {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(NodeModule(t, "axe-core"), "axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	tab.Do(t, string(src))
	raw, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[[]byte](
		`axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}).then(r => r.violations)`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("axe: %v", err)
	}
	var vs []AxeViolation
	if err := json.Unmarshal(raw, &vs); err != nil {
		t.Fatal(err)
	}
	return vs
}
