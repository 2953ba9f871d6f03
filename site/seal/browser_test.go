package seal_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/seal"
)

// TestBrowser opens sealed pages in Chromium: Go encrypts, WebCrypto decrypts.
func TestBrowser(t *testing.T) {
	dir := copyDeliverable(t, nil)
	if _, err := seal.Folder(dir, passphrase, seal.Options{Clear: staticAssets}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	clear := `!document.documentElement.outerHTML.includes("Колокольчик") && !document.documentElement.outerHTML.includes("Kolokolchik")`

	tab := testkit.Browser(t)
	tab.Go(t, srv.URL+"/index.html")
	tab.WaitFor(t, `!document.getElementById("seal-form").hidden`)
	if vs := tab.AxeViolations(t); len(vs) > 0 {
		t.Errorf("passphrase page: %d axe violations: %v", len(vs), vs)
	}
	if focus := testkit.JS[string](t, tab, `document.activeElement.id`); focus != "seal-pass" {
		t.Errorf("focus on %q, want the passphrase field", focus)
	}
	tab.Screenshot(t, "seal-passphrase")

	// A wrong passphrase: said so, nothing shown, the form stays.
	tab.Do(t, `document.getElementById("seal-pass").value = "not the passphrase"; document.getElementById("seal-form").requestSubmit()`)
	tab.WaitFor(t, `document.getElementById("seal-error").textContent.includes("Неверная парольная фраза")`)
	if !testkit.JS[bool](t, tab, clear+` && !!document.getElementById("seal-form") && sessionStorage.length === 0`) {
		t.Error("a wrong passphrase showed something or was remembered")
	}

	// The right one: the page, its stylesheet and its script.
	tab.Do(t, `document.getElementById("seal-pass").value = "`+passphrase+`"; document.getElementById("seal-form").requestSubmit()`)
	tab.WaitFor(t, `document.querySelector("h1") && document.querySelector("h1").textContent.includes("Колокольчик: итоги волны 2025")`)
	tab.WaitFor(t, `document.documentElement.dataset.scripted === "yes" && getComputedStyle(document.querySelector("main")).color === "rgb(17, 34, 51)"`)
	if n := testkit.JS[int](t, tab, `document.querySelectorAll("svg.chart").length`); n != 1 {
		t.Errorf("%d charts after decryption", n)
	}
	if testkit.JS[int](t, tab, `Object.keys(localStorage).length`) != 0 {
		t.Error("something was kept in localStorage")
	}

	// Another page of the same deliverable opens without asking again.
	tab.Go(t, srv.URL+"/details.html")
	tab.WaitFor(t, `document.getElementById("sentinel") && document.getElementById("sentinel").textContent.includes("Zzyzxquantum")`)

	// A fresh tab (fresh sessionStorage) with the passphrase in the fragment:
	// the page opens and the passphrase leaves the address bar.
	link := testkit.Browser(t)
	link.Go(t, srv.URL+"/details.html#key="+url.QueryEscape(passphrase))
	link.WaitFor(t, `document.getElementById("sentinel") !== null`)
	if href := testkit.JS[string](t, link, `location.href`); strings.Contains(href, "key=") || strings.Contains(href, passphrase) {
		t.Errorf("the passphrase stayed in the address: %s", href)
	}

	// A link to a page that forwards to another (a deliverable's index.html
	// leads to its first language): the next page opens with the kept key,
	// which decrypts before that page has loaded.
	hop := testkit.Browser(t)
	hop.Go(t, srv.URL+"/start.html#key="+url.QueryEscape(passphrase))
	summary := `document.querySelector("h1") !== null && document.querySelector("h1").textContent.includes("Колокольчик")`
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		// Polls through the navigation, which ends a single WaitFor.
		if ok, err := chromedp.Run(hop.Ctx, chromedp.Evaluate[bool](summary)); err == nil && ok {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the forwarded page did not open with the kept key")
		}
	}

	// A wrong key in the fragment: the form, with the error, nothing shown.
	wrong := testkit.Browser(t)
	wrong.Go(t, srv.URL+"/details.html#key=guess")
	wrong.WaitFor(t, `document.getElementById("seal-error").textContent.includes("Wrong passphrase")`)
	if !testkit.JS[bool](t, wrong, clear+` && !document.getElementById("seal-form").hidden && !location.href.includes("guess")`) {
		t.Error("a wrong #key= showed something, hid the form or stayed in the address")
	}

	for _, tb := range []*testkit.Tab{tab, link, hop, wrong} {
		if errs := tb.Errors(); len(errs) > 0 {
			t.Errorf("console errors: %v", errs)
		}
	}
}
