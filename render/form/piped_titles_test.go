package form_test

import (
	"strings"
	"testing"

	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/render/form"
)

// TestPipedTitle: a page's title and the thank-you text pipe like any
// other text: without JavaScript they read the fallback in a span form.js
// fills, never {…}.
func TestPipedTitle(t *testing.T) {
	s := load(t, "testdata/piped_titles.hcl")
	for _, lang := range s.Languages {
		page, err := form.Render(s, lang, form.Options{})
		if err != nil {
			t.Fatal(err)
		}
		html, _, _ := strings.Cut(string(page), `<script type="application/json" id="opros-data">`)
		friend := map[string]string{"en": "friend", "ru": "друг"}[lang]
		span := `<span data-pipe="q_name" data-fb="` + friend + `">` + friend + `</span>`
		for _, want := range []string{`<h2 id="page-second-h" tabindex="-1">` + map[string]string{"en": "Your team, ", "ru": "Ваша команда, "}[lang] + span + `</h2>`,
			`<div id="thanks-text"><p>` + map[string]string{"en": "Thank you, ", "ru": "Спасибо, "}[lang] + span + `.</p>`} {
			if !strings.Contains(html, want) {
				t.Errorf("%s: no %s in the page", lang, want)
			}
		}
		if strings.Contains(html, "{q_name") {
			t.Errorf("%s: the page shows a raw placeholder", lang)
		}
	}
}

// TestBrowserPipedTitle: the second page's title says the name given on
// the first, as does the thank-you text once the answers are sent.
func TestBrowserPipedTitle(t *testing.T) {
	s, e := buildForms(t, "testdata/piped_titles.hcl")
	tab := testkit.Browser(t)
	openFresh(t, tab, e.formURL(s, "ru", ""))
	name := `<b>Ann</b>`
	typeInto(t, tab, "#in-q_name", name)
	click(t, tab, "#next")
	if got := testkit.JS[string](t, tab, `document.querySelector("#page-second h2").textContent`); got != "Ваша команда, "+name {
		t.Errorf("title %q", got)
	}
	click(t, tab, "#next")
	click(t, tab, "#send")
	tab.WaitFor(t, `!document.querySelector("#thanks").hidden`)
	if got := testkit.JS[string](t, tab, `document.querySelector("#thanks-text").textContent`); got != "Спасибо, "+name+"." {
		t.Errorf("thank-you text %q", got)
	}
	if testkit.JS[bool](t, tab, `!!document.querySelector("b")`) {
		t.Error("an answer was read as HTML")
	}
}
