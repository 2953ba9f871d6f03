package collect_test

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/collect"
)

// TestCarry: the collector checks carried options and option conditions
// again: a JSON answer choosing an option not offered is refused with the
// field and the code not_offered, as is the same post from the form
// without JavaScript (which shows every option), naming the question and
// why on its page; one that keeps to what was offered is stored.
func TestCarry(t *testing.T) {
	s := testkit.Load(t, "../../render/form/testdata/carry.hcl")
	_, hs := start(t, s, collect.Options{})
	body := `{"response_id":"r-0123456789abcdef","survey":"carry","version":"` + s.Hash + `","lang":"en","answers":{"q_channels":["phone"],"q_best":"chat"}}`
	r := do(t, "POST", hs.URL+"/submit", map[string]string{"Content-Type": "application/json"}, []byte(body))
	var got struct {
		Errors []struct{ Field, Code string }
	}
	if err := json.Unmarshal([]byte(r.body), &got); err != nil || r.status != 422 || len(got.Errors) != 1 ||
		got.Errors[0].Field != "answers.q_best" || got.Errors[0].Code != "not_offered" {
		t.Errorf("%d %s", r.status, r.body)
	}
	form := url.Values{"_survey": {s.ID}, "_version": {s.Hash}, "_lang": {"en"}, "q_channels": {"phone"}, "q_best": {"chat"}}
	r = do(t, "POST", hs.URL+"/submit", map[string]string{"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/html"}, []byte(form.Encode()))
	if r.status != 422 || !strings.Contains(r.body, "answers.q_best: &#34;chat&#34; was not offered to this respondent: it was not chosen in q_channels") {
		t.Errorf("%d\n%s", r.status, r.body)
	}
	body = strings.Replace(body, `"q_best":"chat"`, `"q_best":"phone"`, 1)
	if r := do(t, "POST", hs.URL+"/submit", map[string]string{"Content-Type": "application/json"}, []byte(body)); r.status != 200 {
		t.Errorf("an option offered: %d %s", r.status, r.body)
	}
}
