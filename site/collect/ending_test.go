package collect_test

import (
	"html"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/collect"
)

// TestNoJavaScriptEnding: the form without JavaScript posts to the
// collector, whose page after the answer is stored is the ending reached
// (answer.Ending, as form.js chooses it): its text, or a redirect (303)
// to its URL with the hidden field and response id filled in.
func TestNoJavaScriptEnding(t *testing.T) {
	s := testkit.Load(t, "../../render/form/testdata/endings.hcl")
	_, hs := start(t, s, collect.Options{})
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	post := func(fields url.Values) *http.Response {
		t.Helper()
		fields.Set("_survey", s.ID)
		fields.Set("_version", s.Hash)
		fields.Set("_lang", "en")
		req, _ := http.NewRequest("POST", hs.URL+"/submit", strings.NewReader(fields.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Accept", "text/html")
		res, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { res.Body.Close() })
		return res
	}
	res := post(url.Values{"q_age": {"30"}, "q_nps": {"10"}})
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != 200 || !strings.Contains(string(body), "Thank you, **fan**!") {
		t.Errorf("a promoter's page: %d %s", res.StatusCode, body)
	}
	res = post(url.Values{"q_age": {"15"}, "_hidden.rid": {"p 2"}})
	loc := res.Header.Get("Location")
	if res.StatusCode != http.StatusSeeOther || !regexp.MustCompile(`^https://panel\.example/screenout\?rid=p%202&id=nojs-[A-Za-z0-9_-]+$`).MatchString(loc) {
		t.Errorf("screened out: %d to %q", res.StatusCode, loc)
	}
}

// TestNoJavaScriptOwnMessages: the collector's page for refused answers
// of the form without JavaScript words each problem with the question's
// own message in the form's language, as form.js does.
func TestNoJavaScriptOwnMessages(t *testing.T) {
	s := testkit.Load(t, "../../render/form/testdata/messages.hcl")
	_, hs := start(t, s, collect.Options{})
	for _, c := range []struct{ lang, want string }{
		{"en", "Which features matter most?: No more than 2 features, please."},
		{"ru", "Сколько сотрудников работает в чате?: До 500: считайте людей, а не часы."},
	} {
		form := url.Values{"_survey": {s.ID}, "_version": {s.Hash}, "_lang": {c.lang},
			"q_features": {"speed", "price", "support"}, "q_staff": {"900"}, "q_code": {"12a"}}
		r := do(t, "POST", hs.URL+"/submit", map[string]string{"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/html"}, []byte(form.Encode()))
		if r.status != 422 || !strings.Contains(r.body, html.EscapeString(c.want)) {
			t.Errorf("%s: %d, want %q in\n%s", c.lang, r.status, c.want, r.body)
		}
	}
}

// TestNoJavaScriptRuleMessage: a validate rule broken in the form without
// JavaScript is said on the collector's page in the form's language.
func TestNoJavaScriptRuleMessage(t *testing.T) {
	s := testkit.Load(t, "../../render/form/testdata/rules.hcl")
	_, hs := start(t, s, collect.Options{})
	form := url.Values{"_survey": {s.ID}, "_version": {s.Hash}, "_lang": {"ru"}, "q_total": {"10"}, "q_chat": {"12"}}
	r := do(t, "POST", hs.URL+"/submit", map[string]string{"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/html"}, []byte(form.Encode()))
	want := "Сколько из них работает в чате?: Не больше, чем сотрудников всего."
	if r.status != 422 || !strings.Contains(r.body, html.EscapeString(want)) {
		t.Errorf("%d, want %q in\n%s", r.status, want, r.body)
	}
}

// TestNoJavaScriptBoxMessages: a constant sum whose boxes miss its total
// and a ranking with a rank given twice are worded on the collector's page
// by their own messages (total, with the total for {n}; rank_gap), in the
// form's language, as form.js words them.
func TestNoJavaScriptBoxMessages(t *testing.T) {
	s := testkit.Load(t, "testdata/boxes_messages.hcl")
	_, hs := start(t, s, collect.Options{})
	for _, c := range []struct {
		lang  string
		wants []string
	}{
		{"en", []string{"Share of contacts: The shares make 100 %, no more, no less.", "Priorities: One first, one second."}},
		{"ru", []string{"Доля обращений: Доли в сумме дают 100 %, не больше и не меньше.", "Приоритеты: Одно первое, одно второе."}},
	} {
		form := url.Values{"_survey": {s.ID}, "_version": {s.Hash}, "_lang": {c.lang},
			"q_share_voice": {"60"}, "q_share_chat": {"30"}, "q_rank_cost": {"1"}, "q_rank_speed": {"1"}}
		r := do(t, "POST", hs.URL+"/submit", map[string]string{"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/html"}, []byte(form.Encode()))
		for _, want := range c.wants {
			if r.status != 422 || !strings.Contains(r.body, html.EscapeString(want)) {
				t.Errorf("%s: %d, want %q in\n%s", c.lang, r.status, want, r.body)
			}
		}
	}
}
