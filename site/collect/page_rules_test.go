package collect_test

import (
	"encoding/json"
	"html"
	"net/url"
	"strings"
	"testing"

	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/collect"
)

// TestPageRule: a page's validate rule that does not hold refuses the
// answer (422) with the field pages.<id> and the code page_rule; the form
// without JavaScript gets the rule's message after the page's title, in
// the form's language. Once the rule holds the same answer is taken.
func TestPageRule(t *testing.T) {
	s := testkit.Load(t, "../../render/form/testdata/page_rules.hcl")
	_, hs := start(t, s, collect.Options{})
	body := `{"response_id":"r-0123456789abcdef","survey":"page_rules","version":"` + s.Hash + `","lang":"en","answers":{"q_total":5,"q_chat":6}}`
	r := do(t, "POST", hs.URL+"/submit", map[string]string{"Content-Type": "application/json"}, []byte(body))
	var got struct {
		Errors []struct{ Field, Code string }
	}
	if err := json.Unmarshal([]byte(r.body), &got); err != nil || r.status != 422 || len(got.Errors) != 1 ||
		got.Errors[0].Field != "pages.staff" || got.Errors[0].Code != "page_rule" {
		t.Errorf("%d %s", r.status, r.body)
	}
	form := url.Values{"_survey": {s.ID}, "_version": {s.Hash}, "_lang": {"ru"}, "q_total": {"5"}, "q_chat": {"6"}}
	r = do(t, "POST", hs.URL+"/submit", map[string]string{"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/html"}, []byte(form.Encode()))
	want := "Ваша команда: Сотрудников в чате не может быть больше, чем всего."
	if r.status != 422 || !strings.Contains(r.body, html.EscapeString(want)) {
		t.Errorf("%d, want %q in\n%s", r.status, want, r.body)
	}
	body = strings.Replace(body, `"q_chat":6`, `"q_chat":5`, 1)
	if r := do(t, "POST", hs.URL+"/submit", map[string]string{"Content-Type": "application/json"}, []byte(body)); r.status != 200 {
		t.Errorf("a rule that holds: %d %s", r.status, r.body)
	}
}
