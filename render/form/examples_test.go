package form_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/testkit"
)

// TestBrowserSubmitExamples fills in every example in every language it
// declares, as a respondent would, page by page through the browser, sends
// it, and compares the whole JSON the endpoint received with a golden file
// (testdata/submit/<example>.<lang>.json, -update rewrites them). Only the
// random response id and the two times are replaced before comparing.
func TestBrowserSubmitExamples(t *testing.T) {
	for _, ex := range []string{"contact-center-2018", "customer-centricity", "cx-index", "nps-csat-ces", "every-construct"} {
		t.Run(ex, func(t *testing.T) {
			path := "../../examples/" + ex
			if ex == "every-construct" {
				path = "../../testdata/surveys/every-construct.hcl"
			}
			s, e := buildForms(t, path)
			tab := testkit.Browser(t)
			for _, lang := range s.Languages {
				before := len(e.received())
				q := url.Values{}
				hidden := map[string]any{}
				for _, h := range s.Hidden {
					q.Set(h.Param, "h-"+h.ID)
					hidden[h.ID] = "h-" + h.ID
				}
				openForm(t, tab, e.formURL(s, lang, "?"+q.Encode()))
				fillSurvey(t, tab, s, lang)
				click(t, tab, `#send`)
				tab.WaitFor(t, `!document.querySelector("#thanks").hidden`)
				posts := e.received()[before:]
				if len(posts) != 1 || posts[0].contentType != "application/json" {
					t.Fatalf("%s: %d submissions (%v), want one JSON", lang, len(posts), posts)
				}
				var got map[string]any
				if err := json.Unmarshal(posts[0].body, &got); err != nil {
					t.Fatal(err)
				}
				checkMeta(t, got, s, lang, hidden)
				got["response_id"], got["started_at"], got["submitted_at"] = "<response id>", "<time>", "<time>"
				var out bytes.Buffer
				enc := json.NewEncoder(&out)
				enc.SetEscapeHTML(false)
				enc.SetIndent("", "  ")
				if err := enc.Encode(got); err != nil {
					t.Fatal(err)
				}
				testkit.Golden(t, "testdata/submit/"+ex+"."+lang+".json", out.Bytes())
				if errs := tab.Errors(); len(errs) > 0 {
					t.Errorf("%s: console errors: %v", lang, errs)
				}
			}
		})
	}
}

// fillSurvey answers every question the respondent is shown, page by page,
// until the review step. The answers depend only on the question's place in
// the survey, so every run (and every language) sends the same ones.
func fillSurvey(t *testing.T, tab *testkit.Tab, s *ir.Survey, lang string) {
	t.Helper()
	n := 0 // questions before the current one, shown or not
	at := map[string]int{}
	for _, p := range s.Pages {
		for _, q := range p.Questions {
			at[q.ID] = n
			n++
		}
	}
	for range len(s.Pages) + 1 {
		if visible(t, tab, "#review") {
			return
		}
		var page *ir.Page
		for i := range s.Pages {
			if visible(t, tab, "#page-"+s.Pages[i].ID) {
				page = &s.Pages[i]
			}
		}
		if page == nil {
			t.Fatalf("%s: neither a page nor the review is shown", lang)
		}
		for i := range page.Questions {
			q := &page.Questions[i]
			if visible(t, tab, "#q-"+q.ID) {
				answer(t, tab, q, at[q.ID])
			}
		}
		click(t, tab, `#next`)
		if visible(t, tab, "#page-"+page.ID) {
			errs := testkit.JS[[]string](t, tab, `[...document.querySelectorAll(".err")].filter(e => e.textContent).map(e => e.id + ": " + e.textContent)`)
			t.Fatalf("%s: page %s not accepted: %v", lang, page.ID, errs)
		}
	}
	t.Fatalf("%s: the review never came", lang)
}

// answer answers one question; k is its place in the survey.
func answer(t *testing.T, tab *testkit.Tab, q *ir.Question, k int) {
	t.Helper()
	other := func(o ir.Option) {
		if o.Other {
			typeInto(t, tab, `input[name=`+q.ID+`_other]`, "other "+q.ID)
		}
	}
	switch {
	case q.Type == ir.Single:
		o := q.Options[k%len(q.Options)]
		click(t, tab, `input[name=`+q.ID+`][value="`+o.Code+`"]`)
		other(o)
	case q.Type == ir.Dropdown:
		o := q.Options[k%len(q.Options)]
		tab.Do(t, `(() => { const s = document.querySelector("[name=`+q.ID+`]"); s.value = `+jsString(o.Code)+`; s.dispatchEvent(new Event("change", {bubbles: true})) })()`)
	case q.Type == ir.Multi:
		var free []ir.Option
		for _, o := range q.Options {
			if !o.Exclusive {
				free = append(free, o)
			}
		}
		want := max(q.MinSelect, 2)
		if q.MaxSelect > 0 {
			want = min(want, q.MaxSelect)
		}
		for i := range min(want, len(free)) {
			o := free[(k+i)%len(free)]
			click(t, tab, `input[name=`+q.ID+`][value="`+o.Code+`"]`)
			other(o)
		}
	case q.Type == ir.Matrix:
		for i, r := range q.Rows {
			o := q.Options[(k+i)%len(q.Options)]
			click(t, tab, `input[name="`+q.ID+`.`+r.Code+`"][value="`+o.Code+`"]`)
		}
	case q.Scale != nil:
		if q.Scale.Missing != nil && k%4 == 3 {
			click(t, tab, `input[name=`+q.ID+`_na]`)
			return
		}
		v := q.Scale.Min + (3*k)%(q.Scale.Max-q.Scale.Min+1)
		click(t, tab, `input[name=`+q.ID+`][value="`+strconv.Itoa(v)+`"]`)
	case q.Type == ir.Number:
		v := 3.0
		if q.Min != nil {
			v = max(v, *q.Min)
		}
		if q.Max != nil {
			v = min(v, *q.Max)
		}
		typeInto(t, tab, `[name=`+q.ID+`]`, strconv.FormatFloat(v, 'f', -1, 64))
	case q.Type == ir.Email:
		typeInto(t, tab, `[name=`+q.ID+`]`, q.ID+"@example.org")
	case q.Type == ir.Date:
		typeInto(t, tab, `[name=`+q.ID+`]`, fmt.Sprintf("2026-11-%02d", 1+k%28))
	case q.Type == ir.Ranking: // the first Rank items from k on, in order
		for r := 1; r <= q.Rank; r++ {
			it := q.Items[(k+r-1)%len(q.Items)]
			tab.Do(t, `(() => { const s = document.querySelector("[name=`+q.ItemKey(it.Code)+`]"); s.focus(); s.value = "`+strconv.Itoa(r)+`"; s.dispatchEvent(new Event("change", {bubbles: true})) })()`)
		}
	case q.Type == ir.ConstantSum: // all of the total in one box, 0 in the others
		for i, it := range q.Items {
			v := "0"
			if i == k%len(q.Items) {
				v = strconv.FormatFloat(q.Total, 'f', -1, 64)
			}
			typeInto(t, tab, `[name=`+q.ItemKey(it.Code)+`]`, v)
		}
	case q.Type == ir.Inputs:
		for i, it := range q.Items {
			v := "Answer to " + q.ItemKey(it.Code)
			if q.Input == ir.InputNumber {
				n := float64(k + i)
				if q.Min != nil {
					n = max(n, *q.Min)
				}
				if q.Max != nil {
					n = min(n, *q.Max)
				}
				v = strconv.FormatFloat(n, 'f', -1, 64)
			} else if q.MaxLength > 0 && len(v) > q.MaxLength {
				v = v[:q.MaxLength]
			}
			typeInto(t, tab, `[name=`+q.ItemKey(it.Code)+`]`, v)
		}
	case q.Type == ir.MatrixMulti: // in each row min_select boxes (one at least) from k on, none exclusive
		var free []ir.Option
		for _, o := range q.Options {
			if !o.Exclusive {
				free = append(free, o)
			}
		}
		for i, r := range q.Rows {
			for j := range max(q.MinSelect, 1) {
				click(t, tab, `[name=`+q.CellKey(r.Code, free[(k+i+j)%len(free)].Code)+`]`)
			}
		}
	case q.Type == ir.Grid: // every cell: an option from k on, or k plus its place, within the limits
		for i, c := range q.Cells() {
			if q.Input == ir.InputDropdown {
				o := q.Options[(k+i)%len(q.Options)]
				tab.Do(t, `(() => { const s = document.querySelector("[name=`+c.Key+`]"); s.value = `+jsString(o.Code)+`; s.dispatchEvent(new Event("change", {bubbles: true})) })()`)
				continue
			}
			n := float64(k + i)
			if q.Min != nil {
				n = max(n, *q.Min)
			}
			if q.Max != nil {
				n = min(n, *q.Max)
			}
			typeInto(t, tab, `[name=`+c.Key+`]`, strconv.FormatFloat(n, 'f', -1, 64))
		}
	case q.Type == ir.Boolean:
		click(t, tab, `input[name=`+q.ID+`][value="`+[]string{"true", "false"}[k%2]+`"]`)
	case q.Type == ir.TextQ:
		if q.Pattern != "" {
			t.Fatalf("%s: the filler cannot answer a pattern (%s)", q.ID, q.Pattern)
		}
		text := "Answer to " + q.ID
		if q.MinLength > len(text) {
			text += strings.Repeat(".", q.MinLength-len(text))
		}
		if q.MaxLength > 0 && len(text) > q.MaxLength {
			text = text[:q.MaxLength]
		}
		typeInto(t, tab, `[name=`+q.ID+`]`, text)
	default:
		t.Fatalf("%s: the filler cannot answer a %s question", q.ID, q.Type)
	}
}
