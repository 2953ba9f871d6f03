package form_test

import (
	"strings"
	"testing"

	"github.com/opros/opros/compiler/testkit"
)

// TestBrowserPageRule: a page's validate rule that does not hold blocks
// Next with its message at the top of the page, in the form's language,
// in an assertive live region that takes the focus (so a screen reader
// reads it and the next Tab goes on into the page); the message goes once
// an answer makes the rule hold, and the form moves on. The phone page's
// own rule blocks its Next too. axe finds nothing serious with the
// message shown.
func TestBrowserPageRule(t *testing.T) {
	s, e := buildForms(t, "testdata/page_rules.hcl")
	tab := testkit.Browser(t)
	pageErr := func(id string) string {
		return testkit.JS[string](t, tab, `document.getElementById("page-`+id+`-err").textContent`)
	}
	for _, lang := range s.Languages {
		staff, phone := s.Pages[0].Rules[0].Message[lang], s.Pages[1].Rules[0].Message[lang]
		openFresh(t, tab, e.formURL(s, lang, ""))
		if got := pageErr("staff"); got != "" {
			t.Errorf("%s: a message before Next: %q", lang, got)
		}
		typeInto(t, tab, `#in-q_total`, "10")
		typeInto(t, tab, `#in-q_chat`, "12")
		click(t, tab, `#next`)
		if got := pageErr("staff"); got != staff {
			t.Errorf("%s: page message %q, want %q", lang, got, staff)
		}
		if visible(t, tab, "#page-phone") || !visible(t, tab, "#page-staff-err") {
			t.Fatalf("%s: moved on with the page's rule broken, or its message is not shown", lang)
		}
		if got := testkit.JS[string](t, tab, `document.activeElement.id + " " + document.activeElement.getAttribute("aria-live")`); got != "page-staff-err assertive" {
			t.Errorf("%s: the focus is on %q, want the page's message", lang, got)
		}
		axeClean(t, tab, lang+": a page rule's message")
		typeInto(t, tab, `#in-q_chat`, "4")
		if got := pageErr("staff"); got != "" {
			t.Errorf("%s: the message stays once the rule holds: %q", lang, got)
		}
		click(t, tab, `#next`)
		if !visible(t, tab, "#page-phone") {
			t.Fatalf("%s: did not move on with the rule holding", lang)
		}
		typeInto(t, tab, `#in-q_phone`, "7")
		click(t, tab, `#next`)
		if got := pageErr("phone"); got != phone || visible(t, tab, "#review") {
			t.Errorf("%s: phone page message %q, want %q, and no review", lang, got, phone)
		}
		typeInto(t, tab, `#in-q_phone`, "6")
		click(t, tab, `#next`)
		click(t, tab, `#send`)
		tab.WaitFor(t, `!document.querySelector("#thanks").hidden`)
	}
	posts := e.received()
	if len(posts) != 2 {
		t.Fatalf("%d submissions, want 2", len(posts))
	}
	if body := string(posts[0].body); !strings.Contains(body, `"q_chat":4`) || !strings.Contains(body, `"q_phone":6`) {
		t.Errorf("sent %s", body)
	}
	if errs := tab.Errors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}
