package importer_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/opros/opros/compiler"
	"github.com/opros/opros/compiler/importer"
	siteanswer "github.com/opros/opros/site/answer"
)

// TestImportedEndings: SurveyJS picks the thank-you text
// (completedHtmlOnCondition's first that holds, else completedHtml) and
// the redirect (navigateToUrlOnCondition's first that holds, else
// navigateToUrl) apart; the imported survey's one ending reached gives
// both, for each answer set, as worked out by hand from german.json: a
// non-customer is sent to the screen-out with the survey's thank-you, a
// customer since 2020 to the done page with its own text, one since 2021
// to the done page with the thank-you. (The redirect on kunde = 'ja' is
// dropped: its URL has a SurveyJS placeholder.)
func TestImportedEndings(t *testing.T) {
	src, err := os.ReadFile("testdata/surveyjs/german.json")
	if err != nil {
		t.Fatal(err)
	}
	res, err := importer.SurveyJS("german.json", bytes.NewReader(src), options)
	if err != nil {
		t.Fatal(err)
	}
	s, diags := compiler.New().LoadSource("survey.hcl", res.Source)
	if diags.HasErrors() {
		t.Fatalf("%v\n%s", diags, res.Source)
	}
	cases := []struct {
		name           string
		answers        map[string]any
		text, redirect string
	}{
		{"no customer", map[string]any{"kunde": false}, "", "https://example.org/screenout"},
		{"customer since 2020", map[string]any{"kunde": true, "seit": "2020"}, "Danke, **Stammkunde**!", "https://example.org/done"},
		{"customer since 2021", map[string]any{"kunde": true, "seit": "2021"}, "", "https://example.org/done"},
		{"not answered", map[string]any{}, "", "https://example.org/done"},
	}
	for _, tc := range cases {
		id := siteanswer.Ending(s, &siteanswer.Submission{Answers: tc.answers})
		e := s.Ending(id)
		if e == nil {
			t.Errorf("%s: no ending reached (%q)", tc.name, id)
			continue
		}
		if got := e.Text.Get("de"); got != tc.text || e.Redirect != tc.redirect {
			t.Errorf("%s: ending %s gives text %q and redirect %q, want %q and %q", tc.name, id, got, e.Redirect, tc.text, tc.redirect)
		}
	}
}
