package form_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/render/form"
)

// TestBrowserNoLayoutJump: when form.js arrives 800 ms after the page
// (a slow phone network), the first paint already looks as the script
// will leave it, so nothing moves when it runs: the cumulative layout
// shift (PerformanceObserver layout-shift entries) stays under 0.1, the
// limit of "good". Before the boot styles the one-page NPS survey with
// three follow-ups shifted by about 0.8: every follow-up and the
// "JavaScript is off" notes were painted, then hidden.
func TestBrowserNoLayoutJump(t *testing.T) {
	for _, c := range []struct {
		survey string
		width  int64
	}{
		{"testdata/nps-onepage.hcl", 360},
		{"testdata/nps-onepage.hcl", 1024},
		{"testdata/alltypes.hcl", 360},
		{"testdata/alltypes.hcl", 1024},
		// #19's matrix_multi and grid on the first page: a table on wide
		// screens, stacked rows on phones.
		{"../../testdata/surveys/cells.hcl", 360},
		{"../../testdata/surveys/cells.hcl", 1024},
		{"testdata/carry.hcl", 360},
		{"testdata/loop.hcl", 360},
	} {
		s := load(t, c.survey)
		dir := t.TempDir()
		if _, err := form.Build(s, dir, form.Options{Endpoint: "/submit", SurveyDir: surveyDir(c.survey)}); err != nil {
			t.Fatal(err)
		}
		files := http.FileServer(http.Dir(dir))
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if strings.HasSuffix(r.URL.Path, "/form.js") {
				time.Sleep(800 * time.Millisecond)
			}
			files.ServeHTTP(w, r)
		}))
		tab := testkit.Browser(t)
		tab.Viewport(t, c.width, 740)
		tab.Go(t, srv.URL+"/"+s.ID+"/en/index.html")
		tab.WaitFor(t, `window.oprosReady === true`)
		// buffered: the observer gets the shifts since the first paint too.
		tab.Do(t, `window.cls = 0; new PerformanceObserver(list => {
			for (const e of list.getEntries()) if (!e.hadRecentInput) window.cls += e.value
		}).observe({type: "layout-shift", buffered: true})`)
		time.Sleep(300 * time.Millisecond)
		cls := testkit.JS[float64](t, tab, `window.cls`)
		painted := testkit.JS[float64](t, tab, `performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? -1`)
		script := testkit.JS[float64](t, tab, `performance.getEntriesByName(new URL("form.js", location.href).href)[0]?.responseEnd ?? -1`)
		if painted < 0 || script < 0 || painted > script {
			t.Errorf("%s at %d px: first paint at %.0f ms, form.js at %.0f ms: the test must paint before the script", c.survey, c.width, painted, script)
		}
		if cls >= 0.1 {
			t.Errorf("%s at %d px: cumulative layout shift %.3f, want < 0.1", c.survey, c.width, cls)
		}
		t.Logf("%s at %d px: CLS %.4f (first paint %.0f ms, form.js %.0f ms)", c.survey, c.width, cls, painted, script)
		srv.Close()
	}
}

// TestBrowserOnePageSubmits: a one-page survey has no review step and no
// step counter: Submit is on its page, and sends.
func TestBrowserOnePageSubmits(t *testing.T) {
	s, e := buildForms(t, "testdata/nps-onepage.hcl")
	tab := testkit.Browser(t)
	openFresh(t, tab, e.formURL(s, "en", ""))
	if visible(t, tab, "#progress") || visible(t, tab, "#next") || !visible(t, tab, "#send") {
		t.Fatal("one page: want Submit on the page, no Next and no step counter")
	}
	axeClean(t, tab, "one-page survey")
	click(t, tab, `#send`)
	if msg := testkit.JS[string](t, tab, `document.getElementById("q_nps-err").textContent`); msg == "" {
		t.Error("Submit with the required question unanswered: no message")
	}
	click(t, tab, `input[name=q_nps][value="9"]`)
	if !visible(t, tab, "#q-q_promoter") || visible(t, tab, "#q-q_detractor") {
		t.Error("the follow-up of a 9 is not the promoter's")
	}
	typeInto(t, tab, `#in-q_promoter`, "Speed")
	click(t, tab, `#send`)
	tab.WaitFor(t, `!document.querySelector("#thanks").hidden`)
	if visible(t, tab, "#review") {
		t.Error("a review step was shown")
	}
	if n := len(e.received()); n != 1 {
		t.Fatalf("%d submissions, want 1", n)
	}
	if !strings.Contains(string(e.received()[0].body), `"q_promoter":"Speed"`) {
		t.Errorf("sent %s", e.received()[0].body)
	}
}

// TestBrowserFlowSettings: flow { review = false, progress = false } on a
// survey of three pages: no step counter, and its last page submits.
func TestBrowserFlowSettings(t *testing.T) {
	off := false
	s, e := buildFormsWith(t, "testdata/alltypes.hcl", func(s *ir.Survey) {
		s.Flow = &ir.Flow{Review: &off, Progress: &off}
	})
	tab := testkit.Browser(t)
	openFresh(t, tab, e.formURL(s, "en", "?company=acme"))
	if visible(t, tab, "#progress") {
		t.Error("progress = false, and the step counter is shown")
	}
	if !visible(t, tab, "#next") || visible(t, tab, "#send") {
		t.Error("first of three pages: want Next, not Submit")
	}
	fillAllTypes(t, tab)
	if !visible(t, tab, "#page-open") || visible(t, tab, "#next") || !visible(t, tab, "#send") {
		t.Fatal("last page without a review step: want Submit on it, no Next")
	}
	click(t, tab, `#send`)
	tab.WaitFor(t, `!document.querySelector("#thanks").hidden`)
	if n := len(e.received()); n != 1 {
		t.Fatalf("%d submissions, want 1", n)
	}
}

// TestBrowserEndings: the first ending whose show_if holds is shown after
// submitting; a screen-out ends the survey when its page is left, sends
// the answers so far and follows its ending's redirect, the hidden field
// and response id filled in.
func TestBrowserEndings(t *testing.T) {
	// The panel is the endpoint's server: its own address is known only
	// once it runs, so the forms are built a second time with it.
	_, first := buildForms(t, "testdata/endings.hcl")
	panel := first.URL + "/panel"
	s, e := buildFormsWith(t, "testdata/endings.hcl", func(s *ir.Survey) {
		for i := range s.Endings {
			s.Endings[i].Redirect = strings.Replace(s.Endings[i].Redirect, "https://panel.example", panel, 1)
		}
	})
	tab := testkit.Browser(t)
	for _, c := range []struct {
		nps, want string
	}{{"10", "promoter"}, {"3", "complete"}} {
		openFresh(t, tab, e.formURL(s, "en", "?rid=p-1"))
		typeInto(t, tab, `#in-q_age`, "30")
		click(t, tab, `#next`)
		click(t, tab, `input[name=q_nps][value="`+c.nps+`"]`)
		click(t, tab, `#next`)
		click(t, tab, `#send`)
		tab.WaitFor(t, `!document.querySelector("#thanks").hidden`)
		for _, id := range []string{"promoter", "complete", "young"} {
			if got := visible(t, tab, "#ending-"+id); got != (id == c.want) {
				t.Errorf("nps %s: ending %s shown %v", c.nps, id, got)
			}
		}
		if visible(t, tab, "#thanks-text") {
			t.Errorf("nps %s: the default thank-you shown beside the ending", c.nps)
		}
		axeClean(t, tab, "ending "+c.want)
	}
	if n := len(e.received()); n != 2 {
		t.Fatalf("%d submissions, want 2", n)
	}

	openFresh(t, tab, e.formURL(s, "en", "?rid=p%202"))
	typeInto(t, tab, `#in-q_age`, "15")
	if !visible(t, tab, "#next") || visible(t, tab, "#send") {
		t.Error("the screening shows on the buttons: want Next as for anyone")
	}
	rid := testkit.JS[string](t, tab, `JSON.parse(localStorage.getItem(localStorage.key(0))).rid`)
	click(t, tab, `#next`)
	// The page navigates away: poll the address, through the navigation.
	var at string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if u, err := chromedp.Run(tab.Ctx, chromedp.Location()); err == nil && strings.Contains(u, "/panel/") {
			at = u
			break
		}
	}
	if want := panel + "/screenout?rid=p%202&id=" + rid; at != want {
		t.Errorf("redirected to %s, want %s", at, want)
	}
	posts := e.received()
	if len(posts) != 3 {
		t.Fatalf("%d submissions, want 3", len(posts))
	}
	var sub struct{ Answers map[string]any }
	if err := json.Unmarshal(posts[2].body, &sub); err != nil {
		t.Fatal(err)
	}
	if len(sub.Answers) != 1 || sub.Answers["q_age"] != 15.0 {
		t.Errorf("screened out with answers %v, want only q_age 15", sub.Answers)
	}
}

// TestScreenOutWithoutJavaScript: the form without JavaScript shows every
// page, so a page after a screen_out says when to answer it and its
// questions are not natively required (a screened-out respondent could
// not send the form otherwise; the collector refuses their answers as
// not shown).
func TestScreenOutWithoutJavaScript(t *testing.T) {
	s := load(t, "testdata/endings.hcl")
	page, err := form.Render(s, "en", form.Options{})
	if err != nil {
		t.Fatal(err)
	}
	html := string(page)
	if !strings.Contains(html, `<p class="nojs-only">Answer only if: !(q_age &lt; 18)</p>`) {
		t.Error("the page after the screen-out does not say when to answer it")
	}
	if strings.Contains(html, `name="q_nps" value="0" required`) {
		t.Error("a question after the screen-out is natively required")
	}
	if !strings.Contains(html, `name="q_age" type="number" required`) {
		t.Error("the screening question itself lost its native required")
	}
}

// TestBrowserQuestionMessages: a question's messages block replaces the
// form's built-in text for that check, with {n} filled, in each language;
// the pattern's message is also the box's title without JavaScript.
func TestBrowserQuestionMessages(t *testing.T) {
	s, e := buildForms(t, "testdata/messages.hcl")
	tab := testkit.Browser(t)
	errText := func(id string) string {
		return testkit.JS[string](t, tab, `document.getElementById("`+id+`-err").textContent`)
	}
	for _, c := range []struct{ lang, required, max, staff, code string }{
		{"en", "Pick the features that matter to you.", "No more than 2 features, please.", "Up to 500: count people, not hours.", "Four digits, as on your badge."},
		{"ru", "Выберите важные для вас функции.", "Не больше 2 функций, пожалуйста.", "До 500: считайте людей, а не часы.", "Четыре цифры, как на бейдже."},
	} {
		openFresh(t, tab, e.formURL(s, c.lang, ""))
		typeInto(t, tab, `#in-q_staff`, "900")
		typeInto(t, tab, `#in-q_code`, "12a")
		click(t, tab, `#send`)
		if got := errText("q_features"); got != c.required {
			t.Errorf("%s: required %q, want %q", c.lang, got, c.required)
		}
		if got := errText("q_staff"); got != c.staff {
			t.Errorf("%s: max %q, want %q", c.lang, got, c.staff)
		}
		if got := errText("q_code"); got != c.code {
			t.Errorf("%s: pattern %q, want %q", c.lang, got, c.code)
		}
		if got := testkit.JS[string](t, tab, `document.getElementById("in-q_code").title`); got != c.code {
			t.Errorf("%s: the box's title %q, want %q", c.lang, got, c.code)
		}
		for _, v := range []string{"speed", "price", "support"} {
			click(t, tab, `input[name=q_features][value=`+v+`]`)
		}
		click(t, tab, `#send`)
		if got := errText("q_features"); got != c.max {
			t.Errorf("%s: max_select %q, want %q", c.lang, got, c.max)
		}
		tab.Do(t, `localStorage.clear()`)
	}
}

// TestBrowserValidateRule: a validate rule that does not hold blocks Next
// with its message in the form's language; fixed, the form moves on and
// the answer is sent.
func TestBrowserValidateRule(t *testing.T) {
	s, e := buildForms(t, "testdata/rules.hcl")
	tab := testkit.Browser(t)
	for _, c := range []struct{ lang, want string }{
		{"en", "Cannot be more than the total staff."},
		{"ru", "Не больше, чем сотрудников всего."},
	} {
		openFresh(t, tab, e.formURL(s, c.lang, ""))
		typeInto(t, tab, `#in-q_total`, "10")
		typeInto(t, tab, `#in-q_chat`, "12")
		click(t, tab, `#next`)
		if got := testkit.JS[string](t, tab, `document.getElementById("q_chat-err").textContent`); got != c.want {
			t.Errorf("%s: message %q, want %q", c.lang, got, c.want)
		}
		if visible(t, tab, "#page-end") {
			t.Fatalf("%s: moved on with the rule broken", c.lang)
		}
		typeInto(t, tab, `#in-q_chat`, "4")
		if got := testkit.JS[string](t, tab, `document.getElementById("q_chat-err").textContent`); got != "" {
			t.Errorf("%s: the message stays once the rule holds: %q", c.lang, got)
		}
		click(t, tab, `#next`)
		if !visible(t, tab, "#page-end") {
			t.Fatalf("%s: did not move on with the rule holding", c.lang)
		}
		click(t, tab, `#next`)
		click(t, tab, `#send`)
		tab.WaitFor(t, `!document.querySelector("#thanks").hidden`)
	}
	if n := len(e.received()); n != 2 {
		t.Fatalf("%d submissions, want 2", n)
	}
	if !strings.Contains(string(e.received()[0].body), `"q_chat":4`) {
		t.Errorf("sent %s", e.received()[0].body)
	}
}
