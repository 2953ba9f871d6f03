package form_test

import (
	"strings"
	"testing"

	"github.com/opros/opros/compiler/testkit"
)

// TestBrowserCalculation: a calculate block's value, computed as the
// answers change, shows a follow-up by its show_if and reads in its text,
// as site/answer computes it (TestCalculation there).
func TestBrowserCalculation(t *testing.T) {
	s, e := buildForms(t, "testdata/calculate.hcl")
	tab := testkit.Browser(t)
	openFresh(t, tab, e.formURL(s, "ru", ""))
	typeInto(t, tab, "#in-q_total", "12")
	typeInto(t, tab, "#in-q_chat", "2")
	if visible(t, tab, "#q-q_why") {
		t.Error("2 of 12 in chat: the follow-up is shown")
	}
	typeInto(t, tab, "#in-q_chat", "8")
	if !visible(t, tab, "#q-q_why") {
		t.Fatal("8 of 12 in chat: no follow-up")
	}
	if got := testkit.JS[string](t, tab, `document.querySelector("#q-q_why label").textContent`); !strings.Contains(got, "Почему 67% в чате?") {
		t.Errorf("piped calculation: %q", got)
	}
	typeInto(t, tab, "#in-q_why", "очереди")
	click(t, tab, "#send")
	tab.WaitFor(t, `!document.querySelector("#thanks").hidden`)
	if got := string(e.received()[0].body); !strings.Contains(got, `"q_why":"очереди"`) || strings.Contains(got, "chat_share") {
		t.Errorf("sent %s", got)
	}
}
