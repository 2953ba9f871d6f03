package form_test

import (
	"encoding/json"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/opros/opros/compiler/testkit"
)

// TestBrowserLoop: testdata/loop.hcl asks the page channel_volume once
// for each channel chosen in q_channels. Choosing two of the four, by
// keyboard only, brings exactly two iteration pages, in option order,
// each titled by its option's label in the reader's language, the step
// counter counting them; a question of the loop reads its own
// iteration's answer (satisfied__chat shows for chat's 120 contacts,
// not for social's 0, and pipes 120); the form sends those two
// iterations' answers and nothing of the others. axe finds nothing on
// an iteration page.
func TestBrowserLoop(t *testing.T) {
	s, e := buildForms(t, "testdata/loop.hcl")
	tab := testkit.Browser(t)
	key, tabTo := keyboard(t, tab)
	shown := func() (page, title, step string) {
		return testkit.JS[string](t, tab, `(() => { const p = [...document.querySelectorAll("section.page")].find(x => x.offsetParent !== null); return p ? p.id : "" })()`),
			testkit.JS[string](t, tab, `(() => { const p = [...document.querySelectorAll("section.page")].find(x => x.offsetParent !== null); return p ? p.querySelector("h2").textContent : "" })()`),
			testkit.JS[string](t, tab, `document.querySelector("#progress span").textContent`)
	}
	next := func() {
		t.Helper()
		tabTo(`#next`)
		key(kb.Enter)
	}
	type step struct{ page, title, step string }
	for _, c := range []struct {
		lang  string
		steps []step
		pipe  string
	}{
		{"en", []step{{"page-channel_volume__chat", "Chat", "Step 2 of 5"}, {"page-channel_volume__social", "Social media", "Step 3 of 5"}, {"page-end", "Last question", "Step 4 of 5"}},
			"You get 120 contacts a month via Chat."},
		{"ru", []step{{"page-channel_volume__chat", "Чат", "Шаг 2 из 5"}, {"page-channel_volume__social", "Соцсети", "Шаг 3 из 5"}, {"page-end", "Последний вопрос", "Шаг 4 из 5"}},
			"Через канал «Чат» к вам обращаются 120 раз в месяц."},
	} {
		openFresh(t, tab, e.formURL(s, c.lang, ""))
		tabTo(`input[name=q_channels][value=chat]`)
		key(" ")
		tabTo(`input[name=q_channels][value=social]`)
		key(" ")
		next()
		var seen []step
		answers := map[string]string{"chat": "120", "social": "0"}
		for range 4 {
			page, title, stepText := shown()
			if page == "" {
				break
			}
			seen = append(seen, step{page, title, stepText})
			if code, ok := strings.CutPrefix(page, "page-channel_volume__"); ok {
				axeClean(t, tab, c.lang+" "+page)
				tabTo(`#in-contacts__` + code)
				key(answers[code])
				if code == "chat" {
					if !visible(t, tab, "#q-satisfied__chat") {
						t.Fatalf("%s: 120 contacts via chat, no follow-up", c.lang)
					}
					if got := testkit.JS[string](t, tab, `document.querySelector("#q-satisfied__chat legend, #q-satisfied__chat label").textContent`); !strings.Contains(got, c.pipe) {
						t.Errorf("%s: follow-up reads %q, want %q", c.lang, got, c.pipe)
					}
					tabTo(`input[name=satisfied__chat][value=true]`)
					key(" ")
				} else if visible(t, tab, "#q-satisfied__"+code) {
					t.Errorf("%s: 0 contacts via %s, the follow-up shows", c.lang, code)
				}
			}
			next()
		}
		if !reflect.DeepEqual(seen, c.steps) {
			t.Errorf("%s: pages\n got %v\nwant %v", c.lang, seen, c.steps)
		}
		if !visible(t, tab, "#review") {
			t.Fatalf("%s: no review after the last page", c.lang)
		}
		tabTo(`#send`)
		key(kb.Enter)
		tab.WaitFor(t, `!document.querySelector("#thanks").hidden`)
	}
	posts := e.received()
	if len(posts) != 2 {
		t.Fatalf("%d submissions, want 2", len(posts))
	}
	for _, p := range posts {
		var sub struct {
			Answers map[string]any `json:"answers"`
		}
		if err := json.Unmarshal(p.body, &sub); err != nil {
			t.Fatal(err)
		}
		want := map[string]any{"q_channels": []any{"chat", "social"}, "contacts__chat": 120.0, "satisfied__chat": true, "contacts__social": 0.0}
		if !reflect.DeepEqual(sub.Answers, want) {
			t.Errorf("sent answers %v, want %v", sub.Answers, want)
		}
	}
	if errs := tab.Errors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}

// TestBrowserLoopWithoutJavaScript: without JavaScript every iteration
// shows, titled by its option, with the note saying whom it is for in
// the reader's language (never the condition's code); a post answering
// the chosen iterations arrives with their fields.
func TestBrowserLoopWithoutJavaScript(t *testing.T) {
	s, e := buildForms(t, "testdata/loop.hcl")
	for _, c := range []struct {
		lang   string
		titles []string
		note   string
	}{
		{"en", []string{"Your channels", "Phone", "Chat", "E-mail", "Social media", "Last question"}, "Answer only if you chose “E-mail” earlier."},
		{"ru", []string{"Ваши каналы", "Телефон", "Чат", "Эл. почта", "Соцсети", "Последний вопрос"}, "Отвечайте, только если раньше выбрали «Эл. почта»."},
	} {
		tab := testkit.Browser(t)
		if _, err := chromedp.Call(tab.Ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
			t.Fatal(err)
		}
		tab.Go(t, e.formURL(s, c.lang, ""))
		if _, err := chromedp.Call(tab.Ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: false}); err != nil {
			t.Fatal(err)
		}
		if testkit.JS[bool](t, tab, `window.oprosReady === true`) {
			t.Fatal("form.js ran")
		}
		titles := testkit.JS[[]string](t, tab, `[...document.querySelectorAll("section.page")].filter(p => p.offsetParent !== null).map(p => p.querySelector("h2").textContent)`)
		if !reflect.DeepEqual(titles, c.titles) {
			t.Errorf("%s: pages shown %v, want %v", c.lang, titles, c.titles)
		}
		notes := testkit.JS[[]string](t, tab, `[...document.querySelectorAll("#page-channel_volume__email > .nojs-only")].filter(p => p.offsetParent !== null).map(p => p.textContent)`)
		if len(notes) != 1 || notes[0] != c.note {
			t.Errorf("%s: e-mail's notes %q, want [%q]", c.lang, notes, c.note)
		}
		if body := testkit.JS[string](t, tab, `document.body.innerText`); strings.Contains(body, "{") || strings.Contains(body, "contains(") {
			t.Errorf("%s: a raw placeholder or condition shows", c.lang)
		}
		axeClean(t, tab, c.lang+" without JavaScript")
		if c.lang == "en" {
			tab.Do(t, `
				document.querySelector("input[name=q_channels][value=phone]").checked = true;
				document.querySelector("[name=contacts__phone]").value = "40";
				document.querySelector("#send").click();`)
		}
	}
	var posts []post
	for deadline := time.Now().Add(10 * time.Second); len(posts) == 0 && time.Now().Before(deadline); {
		time.Sleep(50 * time.Millisecond)
		posts = e.received()
	}
	if len(posts) != 1 {
		t.Fatalf("%d posts", len(posts))
	}
	v, _ := url.ParseQuery(string(posts[0].body))
	if v.Get("q_channels") != "phone" || v.Get("contacts__phone") != "40" || v.Get("contacts__chat") != "" {
		t.Errorf("posted %v", v)
	}
}
