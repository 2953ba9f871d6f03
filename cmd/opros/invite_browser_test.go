package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/opros/opros/compiler"
	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/answer"
	"github.com/opros/opros/site/collect"
	"github.com/opros/opros/site/invite"
)

// TestBrowserInvitationCrossOrigin: the forms on a static host (server A)
// post to a collector on another origin (server B), as a survey on GitHub
// Pages posting to opros collect elsewhere does. In Chromium without
// JavaScript the form page's referrer policy makes the browser send the
// whole signed link as the Referer, so the answer arrives with its
// invitation verified (a forged company= on such a link is refused); with
// JavaScript form.js sends the invitation itself and the browser sends
// only the origin. opros ingest --keys then verifies both again and the
// Parquet file holds their invitation ids.
func TestBrowserInvitationCrossOrigin(t *testing.T) {
	if testing.Short() {
		t.Skip("drives Chromium")
	}
	tab := testkit.Browser(t)
	dir := t.TempDir()
	collector := httptest.NewUnstartedServer(nil)
	endpoint := "http://" + collector.Listener.Addr().String()
	path := inviteSurvey(t, dir, `required = true`)
	src, _ := os.ReadFile(path)
	os.WriteFile(path, []byte(strings.Replace(string(src), "https://collect.example.org", endpoint, 1)), 0o644)
	forms := filepath.Join(dir, "forms")
	if code, _, stderr := run(t, "build", "-o", forms, path); code != exitOK {
		t.Fatalf("build: %s", stderr)
	}
	static := httptest.NewServer(http.FileServer(http.Dir(forms)))
	t.Cleanup(static.Close)
	if strings.HasPrefix(static.URL, endpoint) || !strings.HasPrefix(static.URL, "http://127.0.0.1:") {
		t.Fatalf("the two servers share an origin: %s %s", static.URL, endpoint)
	}
	rows := invited(t, dir, path, inviteList, "--base", static.URL+"/inv/en/")

	s, diags := compiler.New().Load(path)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	key, err := invite.Open(filepath.Join(dir, "invite.keys"))
	if err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(dir, "answers")
	srv, err := collect.New(s, collect.Options{DataDir: data, Invitations: key, AllowOrigins: []string{static.URL}})
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var referers []string
	handler := srv.Handler()
	collector.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/submit" && r.Method == http.MethodPost {
			mu.Lock()
			referers = append(referers, r.Referer())
			mu.Unlock()
		}
		handler.ServeHTTP(w, r)
	})
	collector.Start()
	t.Cleanup(func() { collector.Close(); srv.Close() })
	waitLog := func(n int) []answer.LogLine {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for {
			log, _ := collect.ReadLog(srv.LogPath())
			if len(log) >= n || time.Now().After(deadline) {
				return log
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	scripts := func(on bool) {
		t.Helper()
		if _, err := chromedp.Call(tab.Ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !on}); err != nil {
			t.Fatal(err)
		}
	}
	// noScript opens link with scripts off (they come back on for the
	// test's own use: form.js does not run on a page already loaded),
	// answers and sends the plain form.
	noScript := func(link string) {
		t.Helper()
		scripts(false)
		tab.Go(t, link)
		scripts(true)
		if testkit.JS[bool](t, tab, `window.oprosReady === true`) {
			t.Fatal("form.js ran")
		}
		tab.Do(t, `document.querySelector("input[name=q_nps][value='8']").checked = true; document.querySelector("#send").click()`)
		// The post navigates away; polling across the navigation fails
		// until the new page is there.
		deadline := time.Now().Add(10 * time.Second)
		for {
			done, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[bool](`!document.getElementById("opros-form") && !!document.querySelector("h1")`))
			if err == nil && done {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("the post did not reach the collector's page: %v", err)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}

	// Without JavaScript, through acme's first link.
	noScript(rows[0][1])
	log := waitLog(1)
	if len(log) != 1 || log[0].Submission.Invitation == nil || log[0].Submission.Invitation.ID != rows[0][0] || log[0].Submission.Hidden["company"] != "acme" {
		t.Fatalf("without JavaScript, cross-origin: %+v (Referer %q)", log, referers)
	}
	if referers[0] != rows[0][1] {
		t.Errorf("the post's Referer is %q, want the whole link %q", referers[0], rows[0][1])
	}
	// A forged company= on a link, without JavaScript: refused, kept.
	noScript(strings.Replace(rows[1][1], "company=acme", "company=globex", 1))
	if !testkit.JS[bool](t, tab, `document.body.textContent.indexOf("altered") >= 0`) {
		t.Errorf("the forged link's answer was not refused as altered: %s", testkit.JS[string](t, tab, `document.body.textContent`))
	}
	rejects, _ := os.ReadFile(filepath.Join(data, s.ID, "rejects.ndjson"))
	if !strings.Contains(string(rejects), `"code":"altered"`) {
		t.Errorf("rejects.ndjson: %s", rejects)
	}

	// With JavaScript, through globex's link.
	tab.Go(t, rows[2][1])
	tab.WaitFor(t, `window.oprosReady === true`)
	tab.Do(t, `document.querySelector("input[name=q_nps][value='10']").click();
		(function step() {
			if (!document.querySelector("#send").hidden) { document.querySelector("#send").click(); return; }
			document.querySelector("#next").click(); setTimeout(step, 50);
		})()`)
	tab.WaitFor(t, `!document.querySelector("#thanks").hidden`)
	log = waitLog(2)
	if len(log) != 2 || log[1].Submission.Invitation == nil || log[1].Submission.Invitation.ID != rows[2][0] {
		t.Fatalf("with JavaScript: %+v", log)
	}
	mu.Lock()
	last := referers[len(referers)-1]
	mu.Unlock()
	if last != static.URL+"/" {
		t.Errorf("form.js's post sent the Referer %q, want the origin only (%s/)", last, static.URL)
	}

	// Ingest verifies both again.
	out := filepath.Join(dir, "out", "answers.parquet")
	code, stdout, stderr := run(t, "ingest", "--survey", path, "--keys", filepath.Join(dir, "invite.keys"), "-o", out, filepath.Join(data, s.ID, "answers.ndjson"))
	if code != exitOK || !strings.HasPrefix(stdout, out+": 2 accepted, 0 rejected") {
		t.Fatalf("ingest: %d %s %s", code, stdout, stderr)
	}
	answered := map[int]map[string]bool{}
	if err := readInvitations(&env{lang: "en"}, out, answered); err != nil {
		t.Fatal(err)
	}
	if ids := answeredIn(answered, 0); len(ids) != 2 || !ids[rows[0][0]] || !ids[rows[2][0]] {
		t.Errorf("the Parquet file's invitations: %v", ids)
	}
}
