package importer_test

import (
	"reflect"
	"sort"
	"testing"

	"github.com/opros/opros/compiler/testkit"
)

// TestBrowserImportedLoop: the XLSForm repeat over the crops chosen is an
// opros loop whose form asks the repeat's questions once per crop chosen,
// titled by the crop, as ODK Collect asks the repeat once per selection;
// the repeat's relevant (${workers} > 0) and the questions' own
// conditions (${area} > 1, ${sold} = 'yes') read the same iteration's
// answers.
func TestBrowserImportedLoop(t *testing.T) {
	res, err := readXLSForm("loops")(t)
	if err != nil {
		t.Fatal(err)
	}
	url := serveForms(t, res)
	tab := testkit.Browser(t)
	base := []string{"crops", "workers", "last"} // last: its condition read the loop, dropped
	for _, c := range []struct {
		name    string
		answers []any
		shown   []string
		titles  []string // the iterations' page titles, in order
	}{
		{"nothing chosen: no iteration", nil, base, nil},
		{"maize: its iteration asks the area", []any{"workers", 3, "crops", []string{"maize"}},
			plus(base, "area__maize"), []string{"About Maize"}},
		{"no workers: the repeat's relevant holds the loop off", []any{"workers", 0, "crops", []string{"maize"}}, base, nil},
		{"both crops, maize on 5 ha: its sale asked, beans' not yet", []any{"workers", 3, "crops", []string{"maize", "beans"}, "area__maize", 5},
			plus(base, "area__maize", "sold__maize", "area__beans"), []string{"About Maize", "About Beans"}},
		{"maize sold: its price (a group in the repeat joined the page)", []any{"workers", 3, "crops", []string{"maize", "beans"}, "area__maize", 5, "sold__maize", "yes"},
			plus(base, "area__maize", "sold__maize", "price__maize", "area__beans"), []string{"About Maize", "About Beans"}},
		{"beans alone", []any{"workers", 1, "crops", []string{"beans"}, "area__beans", 2},
			plus(base, "area__beans", "sold__beans"), []string{"About Beans"}},
	} {
		t.Run(c.name, func(t *testing.T) {
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
				t.Errorf("shown %v, want %v", got, want)
			}
			titles := testkit.JS[[]string](t, tab, `[...document.querySelectorAll('section[id^="page-crop_rep_page__"]:not(.off) h2')]
				.map(el => el.textContent.trim())`)
			if len(titles) == 0 {
				titles = nil
			}
			if !reflect.DeepEqual(titles, c.titles) {
				t.Errorf("iterations titled %q, want %q", titles, c.titles)
			}
			if errs := tab.Errors(); len(errs) > 0 {
				t.Errorf("the form logged errors: %v", errs)
			}
		})
	}
}

// TestBrowserImportedGrids: the SurveyJS matrixdropdowns imported as grids
// and matrix_multi questions are asked as SurveyJS asks them: a list per
// cell over the shared choices, a number per cell, a box per row and
// choice (or per row and column of one choice each), a data column each.
func TestBrowserImportedGrids(t *testing.T) {
	res, err := readSurveyJS("grids.json")(t)
	if err != nil {
		t.Fatal(err)
	}
	tab := testkit.Browser(t)
	tab.Go(t, serveForms(t, res))
	tab.WaitFor(t, `window.oprosReady === true`)
	got := testkit.JS[[]string](t, tab, `[...document.querySelectorAll('#q-staff select, #q-agents input, #q-tools input, #q-hours input')]
		.map(el => el.tagName.toLowerCase() + " " + (el.type || "") + " " + el.name + (el.type === "checkbox" ? "=" + el.value : "") +
			(el.tagName === "SELECT" ? " [" + [...el.options].map(o => o.value).filter(v => v).join(",") + "]" : ""))`)
	want := []string{
		"select select-one staff_voice_weekdays [own,out]", "select select-one staff_voice_weekend [own,out]",
		"select select-one staff_chat_weekdays [own,out]", "select select-one staff_chat_weekend [own,out]",
		"input number agents_voice_day", "input number agents_voice_night", "input number agents_chat_day", "input number agents_chat_night",
		"input checkbox tools_voice_ivr=true", "input checkbox tools_voice_bot=true", "input checkbox tools_voice_crm=true",
		"input checkbox tools_chat_ivr=true", "input checkbox tools_chat_bot=true", "input checkbox tools_chat_crm=true",
		"input checkbox hours_voice_morning=true", "input checkbox hours_voice_evening=true",
		"input checkbox hours_chat_morning=true", "input checkbox hours_chat_evening=true",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("cells\n%q\nwant\n%q", got, want)
	}
}
