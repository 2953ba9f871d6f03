package form_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/opros/opros/compiler/testkit"
)

// offeredOptions lists the options of question id a respondent can see:
// its checkboxes or radio buttons laid out, or its dropdown's entries
// not hidden (without "Choose…").
func offeredOptions(t *testing.T, tab *testkit.Tab, id string) []string {
	t.Helper()
	return testkit.JS[[]string](t, tab, `[...document.querySelectorAll("input[name=`+id+`]")].filter(i => i.offsetParent !== null)
		.concat([...document.querySelectorAll("select[name=`+id+`] option")].filter(o => o.value && !o.hidden && !o.disabled))
		.map(i => i.value)`)
}

// TestBrowserCarry (testdata/carry.hcl): ticking channels in q_channels
// changes what the later questions offer as the answers change: q_best
// the channels chosen and its own "Cannot say", q_try those not chosen and
// "Video call" unless e-mail was chosen ("A branch office" only for
// banks), q_main on the next page what was chosen in q_best. A choice
// whose option goes is cleared; q_try, left with nothing to offer, is
// skipped and not sent. The arrow keys move only among the options
// offered, and axe finds nothing serious.
func TestBrowserCarry(t *testing.T) {
	s, e := buildForms(t, "testdata/carry.hcl")
	tab := testkit.Browser(t)
	want := func(id string, codes ...string) {
		t.Helper()
		if got := offeredOptions(t, tab, id); !reflect.DeepEqual(got, codes) && !(len(got) == 0 && len(codes) == 0) {
			t.Errorf("%s offers %v, want %v", id, got, codes)
		}
	}
	checked := func(id string) string {
		return testkit.JS[string](t, tab, `[...document.querySelectorAll("input[name=`+id+`]:checked")].map(i => i.value).join(",")`)
	}

	openFresh(t, tab, e.formURL(s, "en", ""))
	want("q_best", "unsure") // nothing chosen yet: only its own option
	want("q_try", "phone", "chat", "email", "video")
	click(t, tab, `input[name=q_channels][value=phone]`)
	click(t, tab, `input[name=q_channels][value=chat]`)
	want("q_best", "phone", "chat", "unsure")
	want("q_try", "email", "video")
	axeClean(t, tab, "carried options")

	// Keyboard: the arrows move among the offered radio buttons only.
	tab.Do(t, `document.querySelector("input[name=q_best][value=phone]").focus()`)
	if err := chromedp.Do(tab.Ctx, chromedp.KeyEvent(" ")); err != nil {
		t.Fatal(err)
	}
	var seen []string
	for range 4 {
		seen = append(seen, checked("q_best"))
		if err := chromedp.Do(tab.Ctx, chromedp.KeyEvent(kb.ArrowDown)); err != nil {
			t.Fatal(err)
		}
	}
	if strings.Join(seen, " ") != "phone chat unsure phone" {
		t.Errorf("the arrow keys chose %v, want phone chat unsure phone", seen)
	}

	click(t, tab, `input[name=q_best][value=chat]`)
	click(t, tab, `input[name=q_channels][value=chat]`) // chat no longer chosen
	want("q_best", "phone", "unsure")
	if got := checked("q_best"); got != "" {
		t.Errorf("q_best keeps %q, an option no longer offered", got)
	}
	click(t, tab, `input[name=q_channels][value=email]`) // phone, e-mail
	want("q_try", "chat")                                // no video once e-mail is chosen
	click(t, tab, `input[name=q_try][value=chat]`)
	click(t, tab, `input[name=q_channels][value=chat]`) // phone, chat, e-mail: nothing left to try
	if visible(t, tab, "#q-q_try") {
		t.Error("q_try is shown with nothing to offer")
	}
	click(t, tab, `input[name=q_best][value=email]`)
	click(t, tab, `#next`)
	want("q_main", "email")
	tab.Do(t, `(() => { const s = document.querySelector("#in-q_main"); s.value = "email"; s.dispatchEvent(new Event("change", {bubbles: true})) })()`)
	click(t, tab, `#next`)
	click(t, tab, `#send`)
	tab.WaitFor(t, `!document.querySelector("#thanks").hidden`)
	posts := e.received()
	if len(posts) != 1 {
		t.Fatalf("%d submissions, want 1", len(posts))
	}
	var got struct{ Answers map[string]any }
	if err := json.Unmarshal(posts[0].body, &got); err != nil {
		t.Fatal(err)
	}
	wantAnswers := map[string]any{"q_channels": []any{"phone", "chat", "email"}, "q_best": "email", "q_main": "email"}
	if !reflect.DeepEqual(got.Answers, wantAnswers) {
		t.Errorf("sent %v, want %v", got.Answers, wantAnswers)
	}

	// A bank is offered the branch office: an option's show_if on a
	// hidden field, in the other language.
	openFresh(t, tab, e.formURL(s, "ru", "?segment=bank"))
	want("q_try", "phone", "chat", "email", "video", "branch")
	if errs := tab.Errors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}

// TestBrowserCarryWithoutJavaScript: without JavaScript every option is
// shown, each question with a note in words (the carried question's text,
// never a condition), the questions that may be skipped are not natively
// required, and axe finds nothing serious.
func TestBrowserCarryWithoutJavaScript(t *testing.T) {
	s, e := buildForms(t, "testdata/carry.hcl")
	tab := testkit.Browser(t)
	noScript := func(off bool) {
		t.Helper()
		if _, err := chromedp.Call(tab.Ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: off}); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct{ lang, best, try string }{
		{"en", "Of the options from “Which channels do you use?”, only those you chose there apply.",
			"Of the options from “Which channels do you use?”, only those you did not choose there apply. Some options apply only after certain earlier answers."},
		{"ru", "Из вариантов вопроса «Какими каналами вы пользуетесь?» подходят только те, что вы в нём выбрали.",
			"Из вариантов вопроса «Какими каналами вы пользуетесь?» подходят только те, что вы в нём не выбрали. Некоторые варианты подходят только при определённых ответах выше."},
	} {
		noScript(true) // loaded without form.js; the test's own scripts then run
		tab.Go(t, e.formURL(s, c.lang, ""))
		noScript(false)
		if got := testkit.JS[string](t, tab, `document.getElementById("q_best-cond").innerText`); got != c.best {
			t.Errorf("%s: q_best's note %q, want %q", c.lang, got, c.best)
		}
		if got := testkit.JS[string](t, tab, `document.getElementById("q_try-cond").innerText`); got != c.try {
			t.Errorf("%s: q_try's note %q, want %q", c.lang, got, c.try)
		}
		want := map[string][]string{"q_best": {"phone", "chat", "email", "unsure"}, "q_try": {"phone", "chat", "email", "video", "branch"},
			"q_main": {"phone", "chat", "email", "unsure"}}
		for id, codes := range want {
			if got := offeredOptions(t, tab, id); !reflect.DeepEqual(got, codes) {
				t.Errorf("%s: %s shows %v, want %v", c.lang, id, got, codes)
			}
		}
		if testkit.JS[bool](t, tab, `!!document.querySelector("input[name=q_best][required]")`) {
			t.Errorf("%s: q_best is natively required, though it may be skipped", c.lang)
		}
		if !testkit.JS[bool](t, tab, `!!document.querySelector("input[name=q_best]").closest("fieldset").getAttribute("aria-describedby").includes("q_best-cond")`) {
			t.Errorf("%s: q_best's note does not describe it", c.lang)
		}
		axeClean(t, tab, c.lang+": carried options without JavaScript")
	}
}
