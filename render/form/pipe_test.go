package form_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/render/form"
)

// TestPipedPage: without JavaScript a piped value reads as its fallback
// (the author's, else —) in a span form.js fills, never as {…}: in a
// question's text, help, option label, a page's and the survey's intro
// and an ending; inside a link's address it is the fallback alone.
func TestPipedPage(t *testing.T) {
	s := load(t, "testdata/piping.hcl")
	for _, lang := range s.Languages {
		page, err := form.Render(s, lang, form.Options{})
		if err != nil {
			t.Fatal(err)
		}
		_, html, _ := strings.Cut(string(page), "<body>")
		html, _, _ = strings.Cut(html, `<script type="application/json" id="opros-data">`)
		if raw := regexp.MustCompile(`\{[A-Za-z_][^{}]*\}`).FindString(html); raw != "" {
			t.Errorf("%s: the page shows %s", lang, raw)
		}
		friend := map[string]string{"en": "friend", "ru": "друг"}[lang]
		for _, want := range []string{
			`<span data-pipe="q_name" data-fb="` + friend + `">` + friend + `</span>`,
			`<span data-pipe="hidden.company" data-fb="`,
			`<span data-pipe="q_product" data-fb="—">—</span>`,
			`href="https://example.org/guide?n=%E2%80%94"`, // Markdown writes the address percent-encoded
		} {
			if !strings.Contains(html, want) {
				t.Errorf("%s: no %s in the page", lang, want)
			}
		}
		if n := strings.Count(html, "data-pipe="); n != 10 {
			t.Errorf("%s: %d piped values, want 10", lang, n)
		}
	}
}

// TestBrowserPiping: answers appear in the later texts as they are
// given, choices by their labels in the form's language, a multi's joined;
// an answer that looks like HTML stays text; the review step and the
// ending read the same, and the hidden field comes from the link. axe
// finds nothing on the filled page.
func TestBrowserPiping(t *testing.T) {
	s, e := buildForms(t, "testdata/piping.hcl")
	tab := testkit.Browser(t)
	openFresh(t, tab, e.formURL(s, "ru", "?company=Acme"))
	text := func(sel string) string {
		return testkit.JS[string](t, tab, `document.querySelector(`+jsString(sel)+`).textContent`)
	}
	if got := text("#q-q_product legend"); !strings.Contains(got, "Какой продукт, друг?") {
		t.Errorf("before an answer: %q", got)
	}
	if got := text("header .intro"); got != "Для Acme." {
		t.Errorf("survey intro: %q", got)
	}
	name := `<img src=x onerror="window.pwned=1">Ann`
	typeInto(t, tab, "#in-q_name", name)
	click(t, tab, `input[name=q_product][value=chat]`)
	click(t, tab, `input[name=q_channels][value=web]`)
	click(t, tab, `input[name=q_channels][value=phone]`)
	typeInto(t, tab, "#in-q_count", "12")
	if got := text("#q-q_product legend"); !strings.Contains(got, "Какой продукт, "+name+"?") {
		t.Errorf("the name: %q", got)
	}
	if got := text("#q-q_channels legend"); !strings.Contains(got, "Где вы используете Чат?") {
		t.Errorf("the product's label: %q", got)
	}
	if got := text("#q-q_channels label.opt:nth-of-type(2)"); !strings.Contains(got, "Телефон, как "+name) {
		t.Errorf("an option label: %q", got)
	}
	if testkit.JS[bool](t, tab, `!!document.querySelector("#opros-form img") || window.pwned === 1`) {
		t.Fatal("an answer was read as HTML")
	}
	axeClean(t, tab, "piped texts")
	click(t, tab, "#next")
	if got := text("#page-second .intro"); got != "О Чат: Веб, Телефон, как —." /* a label's own piped value is not filled in another text */ {
		t.Errorf("page intro: %q", got)
	}
	if got := text("#q-q_why label"); !strings.Contains(got, "Почему 12 мест в Acme?") {
		t.Errorf("a number and a hidden field: %q", got)
	}
	click(t, tab, "#next")
	if got := text("#review dl"); !strings.Contains(got, "Где вы используете Чат?") {
		t.Errorf("review: %q", got)
	}
	click(t, tab, "#send")
	tab.WaitFor(t, `!document.querySelector("#thanks").hidden`)
	if got := text("#ending-done"); got != "Спасибо, "+name+"." {
		t.Errorf("ending: %q", got)
	}
	if testkit.JS[bool](t, tab, `!!document.querySelector("img") || window.pwned === 1`) {
		t.Fatal("an answer was read as HTML")
	}
}

// TestBrowserPipingWithoutJavaScript: the page without JavaScript shows
// no braces, only fallbacks.
func TestBrowserPipingWithoutJavaScript(t *testing.T) {
	s, e := buildForms(t, "testdata/piping.hcl")
	tab := testkit.Browser(t)
	if _, err := chromedp.Call(tab.Ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	tab.Go(t, e.formURL(s, "en", "?company=Acme"))
	if _, err := chromedp.Call(tab.Ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: false}); err != nil {
		t.Fatal(err)
	}
	body := testkit.JS[string](t, tab, `document.body.innerText`)
	if strings.ContainsAny(body, "{}") {
		t.Errorf("braces in the page without JavaScript:\n%s", body)
	}
	if !strings.Contains(body, "Which product, friend?") || !strings.Contains(body, "Where do you use —?") {
		t.Errorf("no fallbacks:\n%s", body)
	}
}
