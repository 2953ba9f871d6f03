package collect_test

import (
	"encoding/json"
	"net/url"
	"testing"

	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/collect"
)

// TestLoop: the form without JavaScript shows every iteration of
// render/form/testdata/loop.hcl's loop, so its post can answer one whose
// channel was not chosen: the collector refuses it (422, the field and
// not_chosen), and takes the post once it answers only the chosen ones.
func TestLoop(t *testing.T) {
	s := testkit.Load(t, "../../render/form/testdata/loop.hcl")
	_, hs := start(t, s, collect.Options{})
	form := url.Values{"_response_id": {"r-0123456789abcdef"}, "_survey": {s.ID}, "_version": {s.Hash}, "_lang": {"en"},
		"q_channels": {"chat"}, "contacts__chat": {"12"}, "contacts__phone": {"40"}}
	r := do(t, "POST", hs.URL+"/submit", map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, []byte(form.Encode()))
	var got struct {
		Errors []struct{ Field, Code string }
	}
	if err := json.Unmarshal([]byte(r.body), &got); err != nil || r.status != 422 || len(got.Errors) != 1 ||
		got.Errors[0].Field != "answers.contacts__phone" || got.Errors[0].Code != "not_chosen" {
		t.Errorf("%d %s", r.status, r.body)
	}
	form.Del("contacts__phone")
	if r := do(t, "POST", hs.URL+"/submit", map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, []byte(form.Encode())); r.status != 200 {
		t.Errorf("the chosen iteration only: %d %s", r.status, r.body)
	}
}
