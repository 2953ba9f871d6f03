package collect_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/collect"
)

// TestNoJavaScriptPipedEnding: the collector's page after a post of the
// form without JavaScript fills the ending's piped values from the answers
// (escaped: an answer is never HTML), and the author's fallback without one.
func TestNoJavaScriptPipedEnding(t *testing.T) {
	s := testkit.Load(t, "../../render/form/testdata/piping.hcl")
	_, hs := start(t, s, collect.Options{})
	for _, c := range []struct {
		lang, name, want string
	}{
		{"en", "<b>Ann</b>", "Thank you, &lt;b&gt;Ann&lt;/b&gt;."},
		{"ru", "", "Спасибо, друг."},
	} {
		form := url.Values{"_survey": {s.ID}, "_version": {s.Hash}, "_lang": {c.lang}, "q_name": {c.name}}
		r := do(t, "POST", hs.URL+"/submit", map[string]string{"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/html"}, []byte(form.Encode()))
		if r.status != 200 || !strings.Contains(r.body, c.want) || strings.Contains(r.body, "{") {
			t.Errorf("%s: %d, want %q in\n%s", c.lang, r.status, c.want, r.body)
		}
	}
}

// TestNoJavaScriptPipedThankYou: a survey without endings thanks the
// respondent of the form without JavaScript with its thank-you text, its
// piped values filled in from the answers.
func TestNoJavaScriptPipedThankYou(t *testing.T) {
	s := testkit.Load(t, "../../render/form/testdata/piped_titles.hcl")
	_, hs := start(t, s, collect.Options{})
	form := url.Values{"_survey": {s.ID}, "_version": {s.Hash}, "_lang": {"en"}, "q_name": {"Ann"}}
	r := do(t, "POST", hs.URL+"/submit", map[string]string{"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/html"}, []byte(form.Encode()))
	if r.status != 200 || !strings.Contains(r.body, "Thank you, Ann.") {
		t.Errorf("%d\n%s", r.status, r.body)
	}
}
