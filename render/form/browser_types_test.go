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

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/testkit"
)

const everyConstruct = "../../testdata/surveys/every-construct.hcl"

// TestBrowserTypesKeyboard answers the question types added for #19 with
// the keyboard alone, in both languages, at desktop width and on a 360 px
// phone: the pages before them are filled in as fillSurvey does, then Tab
// reaches each new type's fields, Space and the arrow keys choose, and
// Enter goes on and sends. The answers must arrive as chosen.
func TestBrowserTypesKeyboard(t *testing.T) {
	s, e := buildForms(t, everyConstruct)
	tab := testkit.Browser(t)
	key, tabTo := keyboard(t, tab)
	choose := func(name, value string) {
		t.Helper()
		tabTo(`input[name="` + name + `"]`)
		key(" ")
		for range 4 {
			if testkit.JS[string](t, tab, `(document.querySelector('input[name="`+name+`"]:checked') || {}).value || ""`) == value {
				return
			}
			key(kb.ArrowDown)
		}
		t.Fatalf("arrow keys never chose %s = %s", name, value)
	}
	for _, lang := range s.Languages {
		for _, width := range []int64{1200, 360} {
			t.Run(fmt.Sprintf("%s-%d", lang, width), func(t *testing.T) {
				before := len(e.received())
				tab.Viewport(t, width, 800)
				openFresh(t, tab, e.formURL(s, lang, ""))
				fillBefore(t, tab, s, "types")
				choose("q_bool", "true")
				if !visible(t, tab, "#q-q_bool_labels") {
					t.Fatal("yes to q_bool did not show q_bool_labels")
				}
				choose("q_bool_labels", "false")
				tabTo(`#next`)
				key(kb.Enter)
				tab.WaitFor(t, `!document.querySelector("#page-inputs").hidden`)
				// Inputs: each box by Tab, typed into; the follow-up shows
				// when the chat box is above 0.
				tabTo(`[name=q_agents_voice]`)
				key("12")
				tabTo(`[name=q_agents_chat]`)
				key("3")
				tabTo(`[name=q_contact_name]`)
				key("Ann")
				tabTo(`#next`)
				key(kb.Enter)
				tab.WaitFor(t, `!document.querySelector("#page-sums").hidden`)
				// Constant sum: 60 and 40 typed, the third box fills with
				// 0, and the running total says 100 of 100.
				tabTo(`[name=q_share_voice]`)
				key("60")
				tabTo(`[name=q_share_chat]`)
				key("40")
				tabTo(`#next`)
				if got := testkit.JS[string](t, tab, `document.querySelector("#q_share-total").textContent`); got != "Σ 100 / 100" {
					t.Errorf("the running total says %q", got)
				}
				key(kb.Enter)
				tab.WaitFor(t, `!document.querySelector("#page-ranks").hidden`)
				// Ranking: a select of ranks per item, by arrow keys; a rank
				// given twice keeps the page until one is changed.
				rank := func(item string, r int) {
					t.Helper()
					tabTo(`[name=q_priorities_` + item + `]`)
					for range r {
						key(kb.ArrowDown)
					}
				}
				rank("reach", 1)
				rank("cost", 2)
				rank("quality", 3)
				rank("speed", 1)
				tabTo(`#next`)
				key(kb.Enter)
				if !visible(t, tab, "#page-ranks") {
					t.Fatal("rank 1 given twice was taken")
				}
				// In its own words (ui key rank_gap), not "not in the expected format".
				if got, want := testkit.JS[string](t, tab, `document.querySelector("#q_priorities-err").textContent`),
					map[string]string{"en": "Give each rank once: 1, 2, 3 … without gaps.", "ru": "Каждое место — один раз: 1, 2, 3 … без пропусков."}[lang]; got != want {
					t.Errorf("%s: the ranking's error says %q, want %q", lang, got, want)
				}
				tabTo(`[name=q_priorities_speed]`)
				key(kb.ArrowUp) // back to no rank
				tabTo(`#next`)
				key(kb.Enter)
				// The pages after the #19 types, filled in as fillSurvey does.
				if !visible(t, tab, "#page-ranks") {
					fillSurvey(t, tab, s, lang)
				}
				if !visible(t, tab, "#review") {
					t.Fatalf("the review did not come: %v, ranks %v", testkit.JS[[]string](t, tab, `[...document.querySelectorAll(".err")].filter(e => e.textContent).map(e => e.id + ": " + e.textContent)`),
						testkit.JS[[]string](t, tab, `[...document.querySelectorAll("#q-q_priorities select")].map(s => s.name + "=" + s.value)`))
				}
				// The review names the answers by their labels.
				review := testkit.JS[string](t, tab, `document.querySelector("#review dl").textContent`)
				for _, label := range []string{s.Question("q_bool").TrueLabel[lang], s.Question("q_bool_labels").FalseLabel[lang],
					s.Question("q_contact").Items[0].Label[lang] + ": Ann"} {
					if !strings.Contains(review, label) {
						t.Errorf("the review does not say %q: %s", label, review)
					}
				}
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
				for k, want := range map[string]any{"q_bool": true, "q_bool_labels": false,
					"q_agents_voice": 12.0, "q_agents_chat": 3.0, "q_contact_name": "Ann", "q_contact_role": nil,
					"q_share_voice": 60.0, "q_share_chat": 40.0, "q_share_mail": 0.0,
					"q_priorities_reach": 1.0, "q_priorities_cost": 2.0, "q_priorities_quality": 3.0, "q_priorities_speed": nil} {
					if got.Answers[k] != want {
						t.Errorf("%s = %v, want %v", k, got.Answers[k], want)
					}
				}
				fitsWidth(t, tab, width, "the sent form")
			})
		}
	}
	if errs := tab.Errors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}

// fillBefore answers every page before the page with ID last as
// fillSurvey does, pressing Next after each.
func fillBefore(t *testing.T, tab *testkit.Tab, s *ir.Survey, last string) {
	t.Helper()
	k := 0
	for _, p := range s.Pages {
		if p.ID == last {
			if !visible(t, tab, "#page-"+p.ID) {
				t.Fatalf("page %s is not shown", p.ID)
			}
			return
		}
		for i := range p.Questions {
			if visible(t, tab, "#q-"+p.Questions[i].ID) {
				answer(t, tab, &p.Questions[i], k)
			}
			k++
		}
		click(t, tab, `#next`)
	}
	t.Fatalf("no page %s", last)
}

// TestBrowserTypesWithoutJavaScript posts the new types from the form
// without JavaScript: a boolean's radio buttons send true or false, which
// site/answer reads back (TestDecodeFormTypes).
func TestBrowserTypesWithoutJavaScript(t *testing.T) {
	s, e := buildForms(t, everyConstruct)
	tab := testkit.Browser(t)
	if _, err := chromedp.Call(tab.Ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	tab.Go(t, e.formURL(s, "ru", ""))
	if _, err := chromedp.Call(tab.Ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: false}); err != nil {
		t.Fatal(err)
	}
	if testkit.JS[bool](t, tab, `window.oprosReady === true`) {
		t.Fatal("form.js ran")
	}
	tab.Do(t, `
		document.querySelector("input[name=q_single][value=a]").checked = true;
		document.querySelector("input[name=q_nps][value='8']").checked = true;
		document.querySelector("input[name=q_bool][value=true]").checked = true;
		document.querySelector("input[name=q_bool_labels][value=false]").checked = true;
		document.querySelector("[name=q_agents_voice]").value = "12";
		document.querySelector("[name=q_agents_chat]").value = "0";
		document.querySelector("[name=q_share_voice]").value = "70";
		document.querySelector("[name=q_share_chat]").value = "30";
		document.querySelector("[name=q_share_mail]").value = "0";
		document.querySelector("[name=q_priorities_cost]").value = "2";
		document.querySelector("[name=q_priorities_reach]").value = "1";
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
	for k, want := range map[string]string{"q_bool": "true", "q_bool_labels": "false", "q_agents_voice": "12", "q_agents_chat": "0", "q_contact_name": "",
		"q_priorities_cost": "2", "q_priorities_reach": "1", "q_priorities_speed": ""} {
		if got := v.Get(k); got != want {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
}

// TestBrowserLayout checks the layouts of #19 where they show: a 0-10
// scale is one row of points at least 24 px wide (WCAG 2.5.8's target
// size) on phones of 320 to 412 px, as on a desktop, instead of wrapping
// 8 + 3; options with columns = 3 sit in three columns on a desktop and in
// one on a phone; no width makes the page scroll sideways.
func TestBrowserLayout(t *testing.T) {
	s, e := buildForms(t, everyConstruct)
	tab := testkit.Browser(t)
	for _, width := range []int64{1200, 412, 360, 320} {
		tab.Viewport(t, width, 800)
		openFresh(t, tab, e.formURL(s, "en", ""))
		// Every page at once, as without JavaScript, to measure each one.
		tab.Do(t, `document.querySelectorAll("section.page").forEach(x => { x.hidden = false; x.classList.remove("off") })`)
		boxes := testkit.JS[[][]float64](t, tab, `[...document.querySelectorAll("#q-q_nps .pt span")].map(s => { const r = s.getBoundingClientRect(); return [r.top, r.width] })`)
		if len(boxes) != 11 {
			t.Fatalf("%d px: %d scale points", width, len(boxes))
		}
		for i, b := range boxes {
			if b[0] != boxes[0][0] {
				t.Errorf("%d px: point %d is on another row (top %v, first %v)", width, i, b[0], boxes[0][0])
			}
			if b[1] < 24 {
				t.Errorf("%d px: point %d is %.1f px wide, under 24", width, i, b[1])
			}
		}
		lefts := testkit.JS[[]float64](t, tab, `[...new Set([...document.querySelectorAll("#q-q_multi .opt")].map(o => Math.round(o.getBoundingClientRect().left)))]`)
		want := 3
		if width <= 600 {
			want = 1
		}
		if len(lefts) != want {
			t.Errorf("%d px: q_multi's options in %d columns (left edges %v), want %d", width, len(lefts), lefts, want)
		}
		fitsWidth(t, tab, width, fmt.Sprintf("%d px", width))
	}
}

// TestBrowserLogoHeight: theme { logo_height } sets the logo's height in
// CSS pixels, on a desktop and on a phone, where it never makes the page
// wider than the screen; without it the stylesheet's 3rem cap holds.
func TestBrowserLogoHeight(t *testing.T) {
	for _, height := range []int{0, 80} {
		s, e := buildFormsWith(t, "testdata/alltypes.hcl", func(s *ir.Survey) { s.Theme.LogoHeight = height })
		tab := testkit.Browser(t)
		for _, width := range []int64{1200, 360} {
			tab.Viewport(t, width, 800)
			openFresh(t, tab, e.formURL(s, "en", ""))
			tab.WaitFor(t, `document.querySelector("header img").complete`)
			got := testkit.JS[float64](t, tab, `document.querySelector("header img").getBoundingClientRect().height`)
			want := float64(height)
			if height == 0 {
				want = 40 // logo.svg's own height, under the 3rem cap
			}
			if got != want {
				t.Errorf("logo_height %d at %d px: the logo is %v px high, want %v", height, width, got, want)
			}
			fitsWidth(t, tab, width, fmt.Sprintf("logo_height %d at %d px", height, width))
		}
	}
}

// TestBrowserConstantSum: boxes that do not add up to the total keep the
// page, with the reason in the question's error; a sum at the total lets
// it go.
func TestBrowserConstantSum(t *testing.T) {
	s, e := buildForms(t, everyConstruct)
	tab := testkit.Browser(t)
	openFresh(t, tab, e.formURL(s, "ru", ""))
	fillBefore(t, tab, s, "sums")
	typeInto(t, tab, `[name=q_share_voice]`, "70")
	typeInto(t, tab, `[name=q_share_chat]`, "20")
	click(t, tab, `#next`)
	if !visible(t, tab, "#page-sums") {
		t.Fatal("a sum of 90 of 100 was taken")
	}
	// In its own words (ui key total), not the words of a number's min.
	if got := testkit.JS[string](t, tab, `document.querySelector("#q_share-err").textContent`); got != "Сумма чисел должна быть равна 100." {
		t.Errorf("the error says %q", got)
	}
	typeInto(t, tab, `[name=q_share_mail]`, "10")
	click(t, tab, `#next`)
	if visible(t, tab, "#page-sums") {
		t.Fatal("a sum of 100 kept the page")
	}
}

// keyboard is how the keyboard-only tests type: key presses keys, and
// tabTo presses Tab until selector has the focus (at most 60 times),
// failing if the focused field shows no focus ring (its own outline, or
// for a scale point's transparent radio, its label's box).
func keyboard(t *testing.T, tab *testkit.Tab) (key func(keys string), tabTo func(selector string)) {
	key = func(keys string) {
		t.Helper()
		if err := chromedp.Do(tab.Ctx, chromedp.KeyEvent(keys)); err != nil {
			t.Fatal(err)
		}
	}
	tabTo = func(selector string) {
		t.Helper()
		for range 60 {
			key(kb.Tab)
			if testkit.JS[bool](t, tab, `document.activeElement.matches(`+jsString(selector)+`)`) {
				ring := testkit.JS[string](t, tab, `(() => { const a = document.activeElement, n = a.nextElementSibling;
					const own = getComputedStyle(a).outlineStyle;
					return own !== "none" ? own : (n && n.tagName === "SPAN" ? getComputedStyle(n).outlineStyle : "none") })()`)
				if ring == "none" {
					t.Errorf("%s has the focus but shows no outline", selector)
				}
				return
			}
		}
		t.Fatalf("60 presses of Tab never reached %s (focus on %s)", selector,
			testkit.JS[string](t, tab, `document.activeElement.outerHTML.slice(0, 120)`))
	}
	return key, tabTo
}
