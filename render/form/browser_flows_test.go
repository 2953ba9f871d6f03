package form_test

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/render/form"
)

// TestBrowserFormFormat: with endpoint { format = "form" } form.js sends
// the answers urlencoded with fetch, under the field names of
// docs/architecture.md, and nothing else.
func TestBrowserFormFormat(t *testing.T) {
	s, e := buildFormsWith(t, "testdata/alltypes.hcl", func(s *ir.Survey) { s.Endpoint.Format = "form" })
	tab := testkit.Browser(t)
	openFresh(t, tab, e.formURL(s, "en", "?company=acme"))
	fillAllTypes(t, tab)
	click(t, tab, `#send`)
	tab.WaitFor(t, `!document.querySelector("#thanks").hidden`)
	posts := e.received()
	if len(posts) != 1 {
		t.Fatalf("%d submissions, want 1", len(posts))
	}
	if ct := posts[0].contentType; !strings.HasPrefix(ct, "application/x-www-form-urlencoded") {
		t.Errorf("content type %q", ct)
	}
	got, err := url.ParseQuery(string(posts[0].body))
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"_response_id", "_started_at", "_submitted_at"} {
		if len(got[k]) != 1 {
			t.Errorf("%s = %q", k, got[k])
		}
	}
	if !regexp.MustCompile(`^[A-Za-z0-9_-]{16,64}$`).MatchString(got.Get("_response_id")) {
		t.Errorf("response id %q", got.Get("_response_id"))
	}
	for _, k := range []string{"_started_at", "_submitted_at"} {
		if !isTime(got.Get(k)) {
			t.Errorf("%s = %q", k, got.Get(k))
		}
		delete(got, k)
	}
	delete(got, "_response_id")
	want := url.Values{
		"_survey": {s.ID}, "_version": {s.Hash}, "_lang": {"en"}, "_hp": {""}, "_hidden.company": {"acme"},
		"q_single": {"other"}, "q_single_other": {"Something <b>else</b>"}, "q_multi": {"x", "y"},
		"q_follow": {"Because"}, "q_drop": {"d2"}, "q_matrix.r1": {"yes"}, "q_matrix.r2": {"na"},
		"q_nps": {"9"}, "q_likert_na": {"true"}, "q_rating": {"4"}, "q_scale": {"0"}, "q_statement": {"l2"},
		"q_text": {"123"}, "q_long": {"Долгий ответ"}, "q_number": {"7"}, "q_email": {"a@example.org"},
		"q_date": {"2026-11-01"}, "q_channels": {"web", "shop"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("received %v\nwant     %v", got, want)
	}
}

// TestBrowserPreviewFromFile: a built folder opened from disk works, and
// asks for nothing but its own files.
func TestBrowserPreviewFromFile(t *testing.T) {
	s := load(t, "testdata/alltypes.hcl")
	dir := t.TempDir()
	paths, err := form.Build(s, dir, form.Options{SurveyDir: "testdata"})
	if err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs(paths[0])
	tab := testkit.Browser(t)
	openForm(t, tab, "file://"+abs)
	click(t, tab, `input[name=q_single][value=a]`)
	click(t, tab, `input[name=q_multi][value=y]`)
	click(t, tab, `#next`)
	if !visible(t, tab, "#page-scales") {
		t.Error("the second page did not come")
	}
	if !testkit.JS[bool](t, tab, `document.querySelector("header img").naturalWidth > 0`) {
		t.Error("the logo did not load from disk")
	}
	for _, u := range tab.Requests() {
		if !strings.HasPrefix(u, "file://") {
			t.Errorf("request to %s", u)
		}
	}
	if len(tab.Requests()) == 0 {
		t.Error("no requests recorded at all")
	}
	if errs := tab.Errors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}

// TestBrowserMinSelect: fewer choices than min_select are refused with the
// number in the message, enough are accepted.
func TestBrowserMinSelect(t *testing.T) {
	s, e := buildForms(t, "testdata/alltypes.hcl")
	tab := testkit.Browser(t)
	openFresh(t, tab, e.formURL(s, "en", ""))
	toOpenPage(t, tab)
	click(t, tab, `input[name=q_channels][value=phone]`)
	click(t, tab, `#next`)
	if msg := testkit.JS[string](t, tab, `document.getElementById("q_channels-err").textContent`); msg != "Choose at least 2 options." {
		t.Errorf("message %q", msg)
	}
	if !visible(t, tab, "#page-open") {
		t.Fatal("moved on with one choice of at least two")
	}
	click(t, tab, `input[name=q_channels][value=web]`)
	if msg := testkit.JS[string](t, tab, `document.getElementById("q_channels-err").textContent`); msg != "" {
		t.Errorf("message %q still shown after a second choice", msg)
	}
	click(t, tab, `#next`)
	if !visible(t, tab, "#review") {
		t.Error("two choices not accepted")
	}
	tab.Do(t, `localStorage.clear()`)
}

// toOpenPage answers the first two pages of alltypes.hcl so that the
// third, "open", is shown.
func toOpenPage(t *testing.T, tab *testkit.Tab) {
	t.Helper()
	click(t, tab, `input[name=q_single][value=a]`)
	click(t, tab, `input[name=q_multi][value=y]`)
	click(t, tab, `#next`)
	click(t, tab, `input[name="q_matrix.r1"][value=yes]`)
	click(t, tab, `input[name="q_matrix.r2"][value=no]`)
	click(t, tab, `input[name=q_nps][value="5"]`)
	click(t, tab, `#next`)
	if !visible(t, tab, "#page-open") {
		t.Fatal("the open page is not shown")
	}
}

// TestBrowserBackAndProgress: the step counter and bar follow the pages,
// count only the pages the respondent will see, and Back returns with the
// answers kept.
func TestBrowserBackAndProgress(t *testing.T) {
	s, e := buildForms(t, "testdata/alltypes.hcl")
	tab := testkit.Browser(t)
	openFresh(t, tab, e.formURL(s, "en", ""))
	step := func(want, width string) {
		t.Helper()
		if got := testkit.JS[string](t, tab, `document.querySelector("#progress span").textContent`); got != want {
			t.Errorf("progress %q, want %q", got, want)
		}
		if got := testkit.JS[string](t, tab, `document.querySelector("#progress .track div").style.width`); got != width {
			t.Errorf("%s: bar %s wide, want %s", want, got, width)
		}
	}
	// Three pages and the review.
	step("Step 1 of 4", "0%")
	if visible(t, tab, "#back") {
		t.Error("Back shown on the first page")
	}
	click(t, tab, `input[name=q_single][value=a]`)
	click(t, tab, `input[name=q_multi][value=y]`)
	click(t, tab, `#next`)
	step("Step 2 of 4", "33%")
	if !visible(t, tab, "#back") {
		t.Fatal("no Back on the second page")
	}
	if id := testkit.JS[string](t, tab, `document.activeElement.id`); id != "page-scales-h" {
		t.Errorf("focus on %q after Next, want the page heading", id)
	}
	click(t, tab, `#back`)
	step("Step 1 of 4", "0%")
	if !visible(t, tab, "#page-choices") {
		t.Fatal("Back did not return to the first page")
	}
	if !testkit.JS[bool](t, tab, `document.querySelector("input[name=q_single][value=a]").checked && document.querySelector("input[name=q_multi][value=y]").checked`) {
		t.Error("answers lost going back")
	}
	// q_single = b hides the open page: two pages and the review.
	click(t, tab, `input[name=q_single][value=b]`)
	step("Step 1 of 3", "0%")
	click(t, tab, `#next`)
	step("Step 2 of 3", "50%")
	click(t, tab, `input[name="q_matrix.r1"][value=yes]`)
	click(t, tab, `input[name="q_matrix.r2"][value=no]`)
	click(t, tab, `input[name=q_nps][value="5"]`)
	click(t, tab, `#next`)
	step("Step 3 of 3", "100%")
	if !visible(t, tab, "#review") || visible(t, tab, "#next") || !visible(t, tab, "#send") {
		t.Fatal("review step: want the review, Submit and no Next")
	}
	click(t, tab, `#back`)
	if !visible(t, tab, "#page-scales") {
		t.Error("Back from the review skipped past the last shown page")
	}
	step("Step 2 of 3", "50%")
	tab.Do(t, `localStorage.clear()`)
}

// TestBrowserRussianMessages: the Russian form speaks Russian, numbers
// filled into its messages.
func TestBrowserRussianMessages(t *testing.T) {
	s, e := buildForms(t, "testdata/alltypes.hcl")
	tab := testkit.Browser(t)
	openFresh(t, tab, e.formURL(s, "ru", ""))
	msg := func(id string) string {
		return testkit.JS[string](t, tab, `document.getElementById("`+id+`-err").textContent`)
	}
	click(t, tab, `#next`)
	if got := msg("q_single"); got != "Пожалуйста, ответьте на этот вопрос." {
		t.Errorf("required: %q", got)
	}
	for _, v := range []string{"x", "y", "z"} {
		click(t, tab, `input[name=q_multi][value=`+v+`]`)
	}
	click(t, tab, `input[name=q_single][value=other]`)
	click(t, tab, `#next`)
	if got := msg("q_multi"); got != "Выберите не больше 2 вариантов." {
		t.Errorf("max_select: %q", got)
	}
	if got := msg("q_single"); got != "Пожалуйста, уточните ваш ответ." {
		t.Errorf("other_required: %q", got)
	}
	click(t, tab, `input[name=q_single][value=a]`)
	click(t, tab, `input[name=q_multi][value=z]`)
	click(t, tab, `#next`)
	click(t, tab, `#next`)
	if got := msg("q_matrix"); got != "Пожалуйста, ответьте в каждой строке." {
		t.Errorf("matrix_required: %q", got)
	}
	if got := testkit.JS[string](t, tab, `document.querySelector("#progress span").textContent`); got != "Шаг 2 из 4" {
		t.Errorf("progress: %q", got)
	}
	click(t, tab, `input[name="q_matrix.r1"][value=yes]`)
	click(t, tab, `input[name="q_matrix.r2"][value=no]`)
	click(t, tab, `input[name=q_nps][value="5"]`)
	click(t, tab, `#next`)
	typeInto(t, tab, `[name=q_text]`, "12")
	typeInto(t, tab, `[name=q_number]`, "11")
	typeInto(t, tab, `[name=q_email]`, "nobody")
	click(t, tab, `input[name=q_channels][value=web]`)
	click(t, tab, `#next`)
	for id, want := range map[string]string{
		"q_text":     "Три цифры", // the survey's own pattern_message
		"q_number":   "Число должно быть не больше 10.",
		"q_email":    "Введите корректный адрес электронной почты.",
		"q_channels": "Выберите не меньше 2 вариантов.",
	} {
		if got := msg(id); got != want {
			t.Errorf("%s: %q, want %q", id, got, want)
		}
	}
	tab.Do(t, `localStorage.clear()`)
}

// TestBrowserGermanMessages: a survey in a language the forms have no
// text for speaks its own ui block's, numbers filled into its messages.
func TestBrowserGermanMessages(t *testing.T) {
	s, e := buildForms(t, "testdata/german.hcl")
	tab := testkit.Browser(t)
	openFresh(t, tab, e.formURL(s, "de", ""))
	msg := func(id string) string {
		return testkit.JS[string](t, tab, `document.getElementById("`+id+`-err").textContent`)
	}
	if got := testkit.JS[string](t, tab, `document.querySelector("#progress span").textContent`); got != "Schritt 1 von 3" {
		t.Errorf("progress: %q", got)
	}
	click(t, tab, `#next`)
	if got := msg("q_kanal"); got != "Bitte beantworten Sie diese Frage." {
		t.Errorf("required: %q", got)
	}
	click(t, tab, `input[name=q_kanal][value=web]`)
	click(t, tab, `input[name=q_themen][value=preis]`)
	click(t, tab, `#next`)
	if got := msg("q_themen"); got != "Wählen Sie mindestens 2 Optionen." {
		t.Errorf("min_select: %q", got)
	}
	click(t, tab, `input[name=q_themen][value=service]`)
	click(t, tab, `#next`)
	typeInto(t, tab, `[name=q_alter]`, "130")
	click(t, tab, `#next`)
	if got := msg("q_alter"); got != "Die Zahl darf höchstens 120 sein." {
		t.Errorf("max: %q", got)
	}
	if got := testkit.JS[string](t, tab, `document.getElementById("next").textContent`); got != "Weiter" {
		t.Errorf("the Next button says %q", got)
	}
	tab.Do(t, `localStorage.clear()`)
}

// TestBrowserLogo: the theme's logo is copied next to every language's
// form and shown above the title.
func TestBrowserLogo(t *testing.T) {
	s := load(t, "testdata/alltypes.hcl")
	dir := t.TempDir()
	e := newEndpoint(t, dir)
	if _, err := form.Build(s, dir, form.Options{Endpoint: e.URL + "/submit", SurveyDir: "testdata"}); err != nil {
		t.Fatal(err)
	}
	want, _ := os.ReadFile("testdata/logo.svg")
	tab := testkit.Browser(t)
	for _, lang := range s.Languages {
		if got, err := os.ReadFile(filepath.Join(dir, s.ID, lang, "logo.svg")); err != nil || string(got) != string(want) {
			t.Errorf("%s: logo not copied (%v)", lang, err)
		}
		openForm(t, tab, e.formURL(s, lang, ""))
		tab.WaitFor(t, `document.querySelector("header img").complete`)
		box := testkit.JS[[]float64](t, tab, `(() => { const i = document.querySelector("header img"), h = document.querySelector("h1");
			const r = i.getBoundingClientRect(); return [i.naturalWidth, r.width, r.height, r.bottom <= h.getBoundingClientRect().top ? 1 : 0] })()`)
		if box[0] == 0 || box[1] == 0 || box[2] == 0 {
			t.Errorf("%s: logo not shown (natural width %v, %v × %v px)", lang, box[0], box[1], box[2])
		}
		if box[3] != 1 {
			t.Errorf("%s: logo not above the title", lang)
		}
	}
}

// TestBrowserKeyboardOnly completes alltypes.hcl with the keyboard alone:
// Tab to each field, Space and arrow keys to choose, typing, Enter to go
// on and send; every field it lands on must show where the focus is.
func TestBrowserKeyboardOnly(t *testing.T) {
	s, e := buildForms(t, "testdata/alltypes.hcl")
	tab := testkit.Browser(t)
	// The date field's parts follow the locale: month, day, year in en-US.
	if _, err := chromedp.Call(tab.Ctx, emulation.SetLocaleOverride, emulation.SetLocaleOverrideParams{Locale: "en-US"}); err != nil {
		t.Fatal(err)
	}
	openFresh(t, tab, e.formURL(s, "en", "?company=acme"))
	key, tabTo := keyboard(t, tab)
	// choose moves a radio group's selection with the arrow keys.
	choose := func(name, value string) {
		t.Helper()
		tabTo(`input[name="` + name + `"]`)
		key(" ")
		for range 12 {
			if testkit.JS[string](t, tab, `(document.querySelector('input[name="`+name+`"]:checked') || {}).value || ""`) == value {
				return
			}
			key(kb.ArrowDown)
		}
		t.Fatalf("arrow keys never chose %s = %s", name, value)
	}
	next := func(page string) {
		t.Helper()
		tabTo(`#next`)
		key(kb.Enter)
		if !visible(t, tab, page) {
			t.Fatalf("Enter on Next did not show %s: %v", page,
				testkit.JS[[]string](t, tab, `[...document.querySelectorAll(".err")].filter(e => e.textContent).map(e => e.id + ": " + e.textContent)`))
		}
	}

	choose("q_single", "other") // options in random order: arrows until Other
	tabTo(`input[name=q_single_other]`)
	key("Mine")
	tabTo(`input[name=q_multi][value=y]`)
	key(" ")
	tabTo(`select[name=q_drop]`)
	key(kb.ArrowDown)
	next("#page-scales")

	choose("q_matrix.r1", "no")
	choose("q_matrix.r2", "na")
	choose("q_nps", "9")
	choose("q_likert", "2")
	tabTo(`input[name=q_statement]`)
	key(" ")
	next("#page-open")

	tabTo(`[name=q_text]`)
	key("123")
	tabTo(`[name=q_long]`)
	key("Long answer")
	tabTo(`[name=q_number]`)
	key("7")
	tabTo(`[name=q_email]`)
	key("a@example.org")
	tabTo(`[name=q_date]`)
	key("11012026")
	tabTo(`input[name=q_channels][value=web]`)
	key(" ")
	tabTo(`input[name=q_channels][value=phone]`)
	key(" ")
	next("#review")
	tabTo(`#send`)
	key(kb.Enter)
	tab.WaitFor(t, `!document.querySelector("#thanks").hidden`)
	if id := testkit.JS[string](t, tab, `document.activeElement.id`); id != "thanks" {
		t.Errorf("focus on %q after sending, want the thank-you", id)
	}

	posts := e.received()
	if len(posts) != 1 {
		t.Fatalf("%d submissions", len(posts))
	}
	var got struct {
		Answers map[string]any `json:"answers"`
	}
	if err := json.Unmarshal(posts[0].body, &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"q_single": "other", "q_single_other": "Mine", "q_multi": []any{"y"}, "q_drop": "d1",
		"q_matrix": map[string]any{"r1": "no", "r2": "na"}, "q_nps": 9.0, "q_likert": 2.0, "q_statement": "l1",
		"q_text": "123", "q_long": "Long answer", "q_number": 7.0, "q_email": "a@example.org",
		"q_date": "2026-11-01", "q_channels": []any{"web", "phone"},
	}
	if !reflect.DeepEqual(got.Answers, want) {
		b, _ := json.MarshalIndent(got.Answers, "", " ")
		t.Errorf("answers received:\n%s", b)
	}
}
