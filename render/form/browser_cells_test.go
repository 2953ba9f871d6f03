package form_test

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/opros/opros/compiler/testkit"
)

const cellsSurvey = "../../testdata/surveys/cells.hcl"

// TestBrowserCellsKeyboard answers a matrix_multi and the two kinds of
// grid with the keyboard alone, in both languages, at desktop width (a
// table) and on a 360 px phone (a block per row, each cell with its
// column's name): Tab reaches every box, Space ticks, digits type, the
// arrow keys choose from a dropdown. An exclusive box clears its row, a
// row left empty and a broken validate rule keep the page, the review
// names each cell "row: column", and the answers arrive as chosen: only
// the ticked boxes, as true. axe finds nothing serious on the page.
func TestBrowserCellsKeyboard(t *testing.T) {
	s, e := buildForms(t, cellsSurvey)
	tab := testkit.Browser(t)
	key, tabTo := keyboard(t, tab)
	ticked := func(name string) bool {
		return testkit.JS[bool](t, tab, `document.querySelector("[name=`+name+`]").checked`)
	}
	errorOf := func(id string) string {
		return testkit.JS[string](t, tab, `document.getElementById("`+id+`-err").textContent`)
	}
	for _, lang := range s.Languages {
		for _, width := range []int64{1200, 360} {
			t.Run(fmt.Sprintf("%s-%d", lang, width), func(t *testing.T) {
				before := len(e.received())
				tab.Viewport(t, width, 800)
				openFresh(t, tab, e.formURL(s, lang, ""))
				// A table on a desktop; a block per row on a phone, whose
				// cells say their column.
				display := testkit.JS[string](t, tab, `getComputedStyle(document.querySelector("#q-q_agents tbody tr")).display`)
				if want := map[bool]string{true: "table-row", false: "block"}[width > 600]; display != want {
					t.Errorf("a grid row is laid out as %s, want %s", display, want)
				}
				if width <= 600 {
					after := testkit.JS[string](t, tab, `getComputedStyle(document.querySelector("#q-q_agents td label"), "::after").content`)
					if want := `"` + s.Question("q_agents").Cols[0].Label[lang] + `"`; after != want {
						t.Errorf("a phone's cell says %s, want %s", after, want)
					}
				}
				if visible(t, tab, "#q-q_hours") {
					t.Fatal("q_hours shows before the chat has a bot")
				}
				// The matrix_multi: the exclusive "none" clears its row's
				// box, and is cleared by it again.
				tabTo(`[name=q_tools_voice_ivr]`)
				key(" ")
				tabTo(`[name=q_tools_voice_none]`)
				key(" ")
				if ticked("q_tools_voice_ivr") {
					t.Error("ticking the exclusive box left another of its row ticked")
				}
				key(" ") // none unticked: the row is empty
				tabTo(`[name=q_tools_chat_bot]`)
				key(" ")
				if !visible(t, tab, "#q-q_hours") {
					t.Fatal("a bot in the chat did not show q_hours")
				}
				tabTo(`[name=q_tools_chat_callback]`)
				key(" ")
				// The grid of numbers, night above day for the phone.
				for name, digits := range map[string]string{"q_agents_voice_day": "40", "q_agents_voice_night": "50", "q_agents_chat_day": "12", "q_agents_chat_night": "0"} {
					tabTo(`[name=` + name + `]`)
					key(digits)
				}
				// The grid of dropdowns: two of its four cells.
				tabTo(`[name=q_hours_voice_weekdays]`)
				key(kb.ArrowDown)
				key(kb.ArrowDown)
				tabTo(`[name=q_hours_chat_weekend]`)
				for range 3 {
					key(kb.ArrowDown)
				}
				axeClean(t, tab, fmt.Sprintf("%s %d px", lang, width))
				fitsWidth(t, tab, width, "the cells page")
				tabTo(`#next`)
				key(kb.Enter)
				if got, want := errorOf("q_tools"), s.UI["matrix_required"]; !visible(t, tab, "#page-channels") || got == "" {
					t.Fatalf("a row with no box ticked was taken (error %q, want the text of %q)", got, want)
				}
				if !testkit.JS[bool](t, tab, `document.activeElement.name === "q_tools_voice_ivr"`) {
					t.Error("the focus did not go to the first box of the question to fix")
				}
				key(" ")
				tabTo(`#next`)
				key(kb.Enter)
				if got, want := errorOf("q_agents"), s.Question("q_agents").Rules[0].Message[lang]; got != want {
					t.Fatalf("the grid's rule: error %q, want %q", got, want)
				}
				tabTo(`[name=q_agents_voice_night]`)
				key(kb.Backspace)
				key(kb.Backspace)
				key("8")
				tabTo(`#next`)
				key(kb.Enter)
				if !visible(t, tab, "#review") {
					t.Fatalf("the review did not come: %v", testkit.JS[[]string](t, tab, `[...document.querySelectorAll(".err")].filter(e => e.textContent).map(e => e.id + ": " + e.textContent)`))
				}
				review := testkit.JS[string](t, tab, `document.querySelector("#review dl").textContent`)
				q, h := s.Question("q_tools"), s.Question("q_hours")
				for _, said := range []string{
					q.Rows[0].Label[lang] + ": " + q.Options[0].Label[lang],
					s.Question("q_agents").Rows[0].Label[lang] + ": " + s.Question("q_agents").Cols[1].Label[lang] + ": 8",
					h.Rows[0].Label[lang] + ": " + h.Cols[0].Label[lang] + ": " + h.Options[1].Label[lang],
				} {
					if !strings.Contains(review, said) {
						t.Errorf("the review does not say %q: %s", said, review)
					}
				}
				axeClean(t, tab, fmt.Sprintf("%s %d px review", lang, width))
				tabTo(`#send`)
				key(kb.Enter)
				tab.WaitFor(t, `!document.querySelector("#thanks").hidden`)
				posts := e.received()[before:]
				if len(posts) != 1 {
					t.Fatalf("%d submissions", len(posts))
				}
				var got struct {
					Answers map[string]any `json:"answers"`
				}
				if err := json.Unmarshal(posts[0].body, &got); err != nil {
					t.Fatal(err)
				}
				want := map[string]any{"q_tools_voice_ivr": true, "q_tools_chat_bot": true, "q_tools_chat_callback": true,
					"q_agents_voice_day": 40.0, "q_agents_voice_night": 8.0, "q_agents_chat_day": 12.0, "q_agents_chat_night": 0.0,
					"q_hours_voice_weekdays": "own", "q_hours_chat_weekend": "outsourced"}
				if len(got.Answers) != len(want) {
					t.Errorf("sent %v, want %v", got.Answers, want)
				}
				for k, v := range want {
					if got.Answers[k] != v {
						t.Errorf("%s = %v, want %v", k, got.Answers[k], v)
					}
				}
			})
		}
	}
	if errs := tab.Errors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}

// TestBrowserCellsWithoutJavaScript posts the cells from the form
// without JavaScript: a ticked box sends true under its own name (a box
// not ticked sends nothing), a number cell its digits, a dropdown cell
// its code; a grid of numbers that must be answered is natively required
// cell by cell. site/answer reads them back (TestDecodeFormCells).
func TestBrowserCellsWithoutJavaScript(t *testing.T) {
	s, e := buildForms(t, cellsSurvey)
	tab := testkit.Browser(t)
	if _, err := chromedp.Call(tab.Ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	tab.Go(t, e.formURL(s, "en", ""))
	if _, err := chromedp.Call(tab.Ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: false}); err != nil {
		t.Fatal(err)
	}
	if testkit.JS[bool](t, tab, `window.oprosReady === true`) {
		t.Fatal("form.js ran")
	}
	if n := testkit.JS[int](t, tab, `document.querySelectorAll("#q-q_agents input:required").length`); n != 4 {
		t.Errorf("%d of the required grid's 4 cells are natively required", n)
	}
	axeClean(t, tab, "without JavaScript")
	tab.Do(t, `
		document.querySelector("[name=q_tools_voice_ivr]").checked = true;
		document.querySelector("[name=q_tools_chat_bot]").checked = true;
		for (const [k, v] of Object.entries({q_agents_voice_day: "40", q_agents_voice_night: "8", q_agents_chat_day: "12", q_agents_chat_night: "0"}))
			document.querySelector("[name=" + k + "]").value = v;
		document.querySelector("[name=q_hours_voice_weekdays]").value = "own";
		document.querySelector("#send").click();`)
	var posts []post
	for deadline := time.Now().Add(10 * time.Second); len(posts) == 0 && time.Now().Before(deadline); {
		time.Sleep(50 * time.Millisecond)
		posts = e.received()
	}
	if len(posts) != 1 {
		t.Fatalf("%d posts", len(posts))
	}
	v, _ := url.ParseQuery(string(posts[0].body))
	for k, want := range map[string]string{"q_tools_voice_ivr": "true", "q_tools_chat_bot": "true", "q_agents_voice_night": "8",
		"q_hours_voice_weekdays": "own", "q_hours_chat_weekend": ""} {
		if got := v.Get(k); got != want {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
	if _, sent := v["q_tools_voice_bot"]; sent {
		t.Error("a box not ticked was sent")
	}
}
