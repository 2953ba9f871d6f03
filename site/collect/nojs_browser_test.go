package collect_test

import (
	"bufio"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/collect"
)

// TestBrowserNoJavaScriptDoubleSubmit runs `opros collect` with the forms
// it builds, fills the English form in Chromium with scripts off, sends
// it, and reloads the thank-you page, which posts the same body again (as
// a double click or an impatient reload does): one answer is stored,
// under the id the collector put in the page.
func TestBrowserNoJavaScriptDoubleSubmit(t *testing.T) {
	if testing.Short() {
		t.Skip("builds opros and drives Chromium")
	}
	tab := testkit.Browser(t)
	root := testkit.Root(t)
	bin := filepath.Join(t.TempDir(), "opros")
	build := exec.Command("go", "build", "-o", bin, "./cmd/opros")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	data := t.TempDir()
	cmd := exec.Command(bin, "collect", "--survey", filepath.Join(root, "examples/nps-csat-ces"), "--data", data, "--addr", "127.0.0.1:0")
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	line, err := bufio.NewReader(stdout).ReadString('\n')
	words := strings.Fields(line)
	if err != nil || len(words) == 0 || !strings.HasPrefix(words[len(words)-1], "http://") {
		t.Fatalf("collector did not start: %q %v", line, err)
	}
	base := words[len(words)-1]

	if _, err := chromedp.Call(tab.Ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	tab.Go(t, base+"/nps-csat-ces/en/")
	// Scripts back on for the test's own use: form.js does not run again
	// on a page that has loaded.
	if _, err := chromedp.Call(tab.Ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: false}); err != nil {
		t.Fatal(err)
	}
	if testkit.JS[bool](t, tab, `window.oprosReady === true`) {
		t.Fatal("form.js ran")
	}
	id := testkit.JS[string](t, tab, `document.querySelector("input[name=_response_id]").value`)
	if !strings.HasPrefix(id, "page-") {
		t.Fatalf("the served page's response id is %q", id)
	}
	tab.Do(t, `
		for (const [name, value] of [["q_nps", "6"], ["q_csat", "4"], ["d_speed", "4"], ["d_competence", "4"],
			["d_politeness", "4"], ["d_ease", "4"], ["d_price", "4"], ["q_ces", "6"], ["q_resolved", "yes"]]) {
			document.querySelector("input[name=" + name + "][value='" + value + "']").checked = true;
		}
		document.querySelector("#send").click();`)
	afterNavigation(t, tab, `!document.getElementById("opros-form") && !!document.querySelector("h1")`)
	if _, err := chromedp.Call(tab.Ctx, page.Reload, page.ReloadParams{}); err != nil {
		t.Fatal(err)
	}
	afterNavigation(t, tab, `!document.getElementById("opros-form") && !!document.querySelector("h1") && document.readyState === "complete"`)
	posts := 0
	for _, u := range tab.Requests() {
		if u == base+"/submit" {
			posts++
		}
	}
	if posts != 2 {
		t.Fatalf("%d posts reached the collector, want 2 (the send and the reload)", posts)
	}
	log, err := collect.ReadLog(filepath.Join(data, "nps-csat-ces", "answers.ndjson"))
	if err != nil || len(log) != 1 {
		t.Fatalf("log: %v, %d answers; want the page's answer once", err, len(log))
	}
	if got := log[0].Submission.ResponseID; got != id {
		t.Errorf("stored under %q, the page had %q", got, id)
	}
}

// afterNavigation waits for expr to hold on the page a navigation leads to;
// evaluating during the navigation fails, and is tried again.
func afterNavigation(t *testing.T, tab *testkit.Tab, expr string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		ok, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[bool](expr))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("waiting for %s: %v", expr, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
