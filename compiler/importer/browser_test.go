package importer_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"

	"github.com/opros/opros/compiler"
	"github.com/opros/opros/compiler/importer"
	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/render/form"
)

// logicCase is an answer set, in form order as pairs of the form's input
// name (the question ID; "q.row" for a matrix row, "q_item" for a box of
// an inputs question) and answer (a string or number, or a list for
// a multiple choice), and the
// questions the source's own logic shows for it, worked out by hand from
// the source's rules (SurveyJS visibleIf, XLSForm relevant).
type logicCase struct {
	name    string
	answers []any
	shown   []string
}

// TestBrowserImportedLogic imports each source, builds its forms and
// checks in Chromium that the questions the form shows for each answer set
// are the ones the source's logic shows. Questions whose condition the
// import dropped (listed as such) are always shown.
func TestBrowserImportedLogic(t *testing.T) {
	sjs := []string{"role", "team_size", "remote", "email", "site", "born"}
	ratings := []string{"nps", "ease", "mood", "quality", "agents", "channels", "rank", "final", "try_channels", "likes"} // best_channel: once a channel is chosen
	aboutXLS := []string{"consent", "country"}                                                                            // city once a country is chosen (its choice_filter)
	useXLS := []string{"features", "q_1st_code", "score", "prio", "visited", "next", "home"}
	for _, tc := range []struct {
		source string
		read   func(*testing.T) (*importer.Result, error)
		cases  []logicCase
	}{
		{"surveyjs/all.json", readSurveyJS("all.json"), []logicCase{
			{"nothing answered: the ratings page is off", nil, sjs},
			{"a developer is asked for languages", []any{"role", "dev"}, plus(sjs, "langs")},
			{"a QA lead too (code renamed)", []any{"role", "QA_lead"}, plus(sjs, "langs")},
			{"a manager is not", []any{"role", "pm"}, sjs},
			{"remote workers are asked for days", []any{"remote", "true"}, plus(sjs, "remote_days")},
			{"not remote", []any{"remote", "false"}, sjs},
			{"Go opens the ratings page", []any{"role", "dev", "langs", []string{"go"}}, plus(sjs, append([]string{"langs"}, ratings...)...)},
			{"C++ too (anyof, code renamed)", []any{"role", "dev", "langs", []string{"c_"}}, plus(sjs, append([]string{"langs"}, ratings...)...)},
			{"a detractor is asked why; the score follows nps*2+1 > 5", []any{"role", "dev", "langs", []string{"js"}, "nps", 3},
				plus(sjs, append([]string{"langs", "why", "score_total"}, ratings...)...)},
			{"nps 2: why, but 2*2+1 is not above 5", []any{"role", "dev", "langs", []string{"js"}, "nps", 2},
				plus(sjs, append([]string{"langs", "why"}, ratings...)...)},
			{"a promoter is not asked why", []any{"role", "dev", "langs", []string{"go"}, "nps", 9},
				plus(sjs, append([]string{"langs", "score_total"}, ratings...)...)},
			{"slow speed opens the panel (matrix row)", []any{"role", "dev", "langs", []string{"go"}, "quality.speed", "1"},
				plus(sjs, append([]string{"langs", "slow_where", "contact"}, ratings...)...)},
			{"fine speed does not", []any{"role", "dev", "langs", []string{"go"}, "quality.speed", "2"},
				plus(sjs, append([]string{"langs"}, ratings...)...)},
			{"more than 10 phone agents (a box of multipletext)", []any{"role", "dev", "langs", []string{"go"}, "agents_voice", 12},
				plus(sjs, append([]string{"langs", "big"}, ratings...)...)},
			{"10 are not more than 10", []any{"role", "dev", "langs", []string{"go"}, "agents_voice", 10, "agents_chat", 40},
				plus(sjs, append([]string{"langs"}, ratings...)...)},
			{"a channel chosen is carried forward (choicesFromQuestion)", []any{"role", "dev", "langs", []string{"go"}, "channels", []string{"phone"}},
				plus(sjs, append([]string{"langs", "best_channel"}, ratings...)...)},
		}},
		{"surveyjs/german.json", readSurveyJS("german.json"), []logicCase{
			{"not a customer", []any{"kunde", "false"}, []string{"kunde"}},
			{"a customer (valueTrue ja)", []any{"kunde", "true"}, []string{"kunde", "seit"}},
		}},
		{"surveyjs/family.json", readSurveyJS("family.json"), []logicCase{
			{"nothing answered", nil, plus(work, "age")},
			{"under 18 (code 18, source <18)", []any{"age", "18"}, plus(work, "age")},
			{"one child: {kids} >= 1 holds, >= 2 not (numeric choices ordered)", []any{"age", "18-25", "haveKids", "Yes", "kids", "1"},
				plus(work, "age", "haveKids", "kids", "kid1Age")},
			{"three children", []any{"age", "25", "haveKids", "Yes", "kids", "3"},
				plus(work, "age", "haveKids", "kids", "kid1Age", "kid2Age")},
			{"no children, unhappy at work", []any{"age", "25", "haveKids", "No", "satisfaction", 2}, plus(work, "age", "haveKids", "why")},
		}},
		{"xlsform/all", readXLSForm("all"), []logicCase{
			{"nothing answered: the usage group is off", nil, aboutXLS},
			{"consent asks the age and opens usage", []any{"consent", "yes"}, plus(aboutXLS, append([]string{"age"}, useXLS...)...)},
			{"no consent", []any{"consent", "no"}, aboutXLS},
			{"income between 20 and 65", []any{"consent", "yes", "age", 30}, plus(aboutXLS, append([]string{"age", "income"}, useXLS...)...)},
			{"no income at 20", []any{"consent", "yes", "age", 20}, plus(aboutXLS, append([]string{"age"}, useXLS...)...)},
			{"two features, none other: why so many", []any{"consent", "yes", "features", []string{"fast_search", "2_0"}},
				plus(aboutXLS, append([]string{"age", "why_many"}, useXLS...)...)},
			{"two features with other: not asked", []any{"consent", "yes", "features", []string{"fast_search", "other"}},
				plus(aboutXLS, append([]string{"age"}, useXLS...)...)},
			{"score 4: the inner group (4+2 > 5) and the last question; later not (double 8 is not above 9)", []any{"consent", "yes", "score", 4},
				plus(aboutXLS, append([]string{"age", "when", "q_last"}, useXLS...)...)},
			{"score 5: the inner group only (5+2 > 5, not 4), later too (double 10 > 9: a calculate row)", []any{"consent", "yes", "score", 5},
				plus(aboutXLS, append([]string{"age", "when", "later"}, useXLS...)...)},
			{"score 3: neither (3+2 is not above 5)", []any{"consent", "yes", "score", 3}, plus(aboutXLS, append([]string{"age"}, useXLS...)...)},
			{"a country offers its cities (choice_filter: a show_if per option)", []any{"country", "ru"}, plus(aboutXLS, "city")},
			{"a country visited is carried forward to the favourite (selected(${visited}, name))", []any{"consent", "yes", "visited", []string{"ru"}},
				plus(aboutXLS, append([]string{"age", "fav"}, useXLS...)...)},
			{"both visited: nowhere left to go next (not(selected(…))), so it is skipped", []any{"consent", "yes", "visited", []string{"ru", "kz"}},
				plus(aboutXLS, "age", "fav", "features", "q_1st_code", "score", "prio", "visited", "home")},
		}},
	} {
		t.Run(tc.source, func(t *testing.T) {
			res, err := tc.read(t)
			if err != nil {
				t.Fatal(err)
			}
			url := serveForms(t, res)
			tab := testkit.Browser(t)
			for _, c := range tc.cases {
				tab.Go(t, url)
				tab.WaitFor(t, `window.oprosReady === true`)
				tab.Do(t, `localStorage.clear()`)
				tab.Go(t, url)
				tab.WaitFor(t, `window.oprosReady === true`)
				for i := 0; i+1 < len(c.answers); i += 2 {
					answer(t, tab, c.answers[i].(string), c.answers[i+1])
				}
				got := testkit.JS[[]string](t, tab, `[...document.querySelectorAll('section[id^="page-"]:not(.off) [id^="q-"]')]
					.filter(el => !el.hidden).map(el => el.id.slice(2))`)
				sort.Strings(got)
				want := append([]string(nil), c.shown...)
				sort.Strings(want)
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s: shown %v, want %v", c.name, got, want)
				}
			}
			if errs := tab.Errors(); len(errs) > 0 {
				t.Errorf("the form logged errors: %v", errs)
			}
		})
	}
}

func plus(list []string, more ...string) []string {
	return append(append([]string(nil), list...), more...)
}

func readSurveyJS(name string) func(*testing.T) (*importer.Result, error) {
	return func(*testing.T) (*importer.Result, error) {
		src, err := os.ReadFile(filepath.Join("testdata", "surveyjs", name))
		if err != nil {
			return nil, err
		}
		return importer.SurveyJS(name, bytes.NewReader(src), options)
	}
}

func readXLSForm(name string) func(*testing.T) (*importer.Result, error) {
	return func(t *testing.T) (*importer.Result, error) {
		return importer.XLSForm(name+".xlsx", bytes.NewReader(xlsxFrom(t, filepath.Join("testdata", "xlsform", name))), options)
	}
}

// serveForms compiles an import, builds its forms and serves them; it
// returns the first language's form.
func serveForms(t *testing.T, res *importer.Result) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "survey.hcl"), res.Source, 0o644); err != nil {
		t.Fatal(err)
	}
	s, diags := compiler.New().Load(dir)
	if diags.HasErrors() {
		t.Fatalf("the import does not compile: %v", diags)
	}
	out := filepath.Join(dir, "dist")
	if _, err := form.Build(s, out, form.Options{Endpoint: "http://127.0.0.1:9/submit", SurveyDir: dir}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	t.Cleanup(srv.Close)
	return srv.URL + "/" + s.ID + "/" + s.Languages[0] + "/index.html"
}

// answer gives question id (or matrix row "id.row") an answer as a
// respondent would: clicking its options, choosing in its list or typing.
// An input the form has disabled (its question hidden) takes no answer,
// as in the form.
func answer(t *testing.T, tab *testkit.Tab, id string, v any) {
	t.Helper()
	var values []string
	switch x := v.(type) {
	case []string:
		values = x
	default:
		b, _ := json.Marshal(x)
		s := string(b)
		if str, ok := x.(string); ok {
			s = str
		}
		values = []string{s}
	}
	name, _ := json.Marshal(id)
	vals, _ := json.Marshal(values)
	tab.Do(t, `(() => {
		const name = `+string(name)+`, vals = `+string(vals)+`;
		const els = [...document.getElementsByName(name)];
		if (els.length === 0) throw new Error("no input named " + name);
		for (const el of els) {
			if (el.type === "radio" || el.type === "checkbox") {
				if (vals.includes(el.value) && !el.checked) el.click();
			} else if (el.tagName === "SELECT") {
				el.value = vals[0]; el.dispatchEvent(new Event("change", {bubbles: true}));
			} else {
				el.value = vals[0]; el.dispatchEvent(new Event("input", {bubbles: true}));
			}
		}
	})()`)
}

// TestBrowserImportedRule: a constraint the import made a validate block
// (income > 0 and income < age * 1000) stops the form with its message,
// and a valid answer goes on.
func TestBrowserImportedRule(t *testing.T) {
	res, err := readXLSForm("all")(t)
	if err != nil {
		t.Fatal(err)
	}
	url := serveForms(t, res)
	tab := testkit.Browser(t)
	tab.Go(t, url)
	tab.WaitFor(t, `window.oprosReady === true`)
	tab.Do(t, `localStorage.clear()`)
	tab.Go(t, url)
	tab.WaitFor(t, `window.oprosReady === true`)
	for _, a := range [][2]any{{"consent", "yes"}, {"age", 30}, {"income", 40000}} {
		answer(t, tab, a[0].(string), a[1])
	}
	tab.Do(t, `document.getElementById("next").click()`)
	if msg := testkit.JS[string](t, tab, `document.getElementById("income-err").textContent`); msg != "This answer is not allowed." {
		t.Errorf("income 40000 at age 30: message %q", msg)
	}
	if !testkit.JS[bool](t, tab, `!document.getElementById("page-about").hidden`) {
		t.Error("the form moved on past a refused answer")
	}
	answer(t, tab, "income", 20000)
	tab.Do(t, `document.getElementById("next").click()`)
	tab.WaitFor(t, `document.getElementById("page-about").hidden`)
}

// work are the questions of family.json's second page shown whatever the
// answers (why only to the unsatisfied).
var work = []string{"work_mode", "satisfaction", "email"}
