package collect_test

import (
	"encoding/json"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/site/answer"
	"github.com/opros/opros/site/collect"
	"github.com/opros/opros/site/invite"
)

// TestStarted: the collector serving the forms notes in started.ndjson,
// once, each invitation whose page it served through a link that
// verifies; a forged, expired or unsigned link, a HEAD request and a
// reload add nothing, /stats counts them, and a restarted collector
// remembers what it noted.
func TestStarted(t *testing.T) {
	s := invitedSurvey(t)
	k := newKey(t)
	now := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	dir, forms := t.TempDir(), formsDir(t, s)
	opts := collect.Options{DataDir: dir, FormsDir: forms, Invitations: k, Now: func() time.Time { return now }}
	_, hs := start(t, s, opts)
	hidden := map[string]string{"company": "acme", "segment": "bank"}
	link := func(base, id, exp string) string {
		sig := k.Sign(invite.Signed{Survey: s.ID, ID: id, Expires: exp, Hidden: invite.FormValues(s, hidden)})
		u, _ := invite.Link(base+"/"+s.ID+"/en/", s, answer.Invitation{ID: id, Sig: sig, Expires: exp}, hidden)
		return u
	}
	get := func(method, u string) {
		t.Helper()
		if r := do(t, method, u, nil, nil); r.status != 200 {
			t.Fatalf("%s %s: %d", method, u, r.status)
		}
	}
	get("GET", link(hs.URL, "a1", "2026-05-31"))
	get("GET", link(hs.URL, "a1", "2026-05-31")) // a reload
	get("GET", strings.Replace(link(hs.URL, "a2", ""), "company=acme", "company=rival", 1))
	get("GET", link(hs.URL, "a3", "2026-04-30")) // expired
	get("HEAD", link(hs.URL, "a4", ""))
	get("GET", hs.URL+"/"+s.ID+"/en/?company=acme&inv=a5") // no signature
	get("GET", link(hs.URL, "a6", ""))
	path := filepath.Join(dir, s.ID, collect.StartedFile)
	want := []collect.StartedLine{{At: "2026-05-01T12:00:00Z", Invitation: "a1"}, {At: "2026-05-01T12:00:00Z", Invitation: "a6"}}
	check := func(want []collect.StartedLine) {
		t.Helper()
		got := lines(t, path)
		if len(got) != len(want) {
			t.Fatalf("started.ndjson: %q, want %v", got, want)
		}
		for i, l := range got {
			var sl collect.StartedLine
			if err := json.Unmarshal([]byte(l), &sl); err != nil || sl != want[i] {
				t.Errorf("line %d: %s, want %+v", i+1, l, want[i])
			}
		}
	}
	check(want)
	if r := do(t, "GET", hs.URL+"/stats", nil, nil); !strings.Contains(r.body, `"started":2`) {
		t.Errorf("/stats: %s", r.body)
	}

	// A collector started again on the same folder remembers what the
	// first noted.
	opts.DataDir = t.TempDir()
	srv2, err := collect.New(s, opts)
	if err != nil {
		t.Fatal(err)
	}
	hs2 := httptest.NewServer(srv2.Handler())
	get("GET", link(hs2.URL, "b1", ""))
	hs2.Close()
	srv2.Close()
	_, hs3 := start(t, s, opts)
	get("GET", link(hs3.URL, "b1", ""))
	get("GET", link(hs3.URL, "b2", ""))
	path = filepath.Join(opts.DataDir, s.ID, collect.StartedFile)
	check([]collect.StartedLine{{At: "2026-05-01T12:00:00Z", Invitation: "b1"}, {At: "2026-05-01T12:00:00Z", Invitation: "b2"}})

	// Without forms to serve, or without invitations, there is no file.
	plain := t.TempDir()
	start(t, survey(t), collect.Options{DataDir: plain, FormsDir: formsDir(t, survey(t))})
	if n := count(t, filepath.Join(plain, s.ID, collect.StartedFile)); n != 0 {
		t.Errorf("a survey without invitations noted %d", n)
	}
}

// TestInvitationNoJavaScriptDefault: a link that leaves out a hidden field
// whose value is the field's default (opros invite signs the default, the
// form holds it) verifies when the form without JavaScript posts it: the
// collector keeps the form's default rather than dropping it.
func TestInvitationNoJavaScriptDefault(t *testing.T) {
	s := invitedSurvey(t)
	s.Hidden = append([]ir.Hidden(nil), s.Hidden...)
	for i := range s.Hidden {
		if s.Hidden[i].ID == "channel" {
			s.Hidden[i].Default = "web"
		}
	}
	k := newKey(t)
	srv, hs := start(t, s, collect.Options{Invitations: k})
	given := map[string]string{"company": "acme", "segment": "bank"}
	inv := answer.Invitation{ID: "d1", Sig: k.Sign(invite.Signed{Survey: s.ID, ID: "d1", Hidden: invite.FormValues(s, given)})}
	link, _ := invite.Link(hs.URL+"/"+s.ID+"/en/", s, inv, given)
	if strings.Contains(link, "channel=") {
		t.Fatalf("the link carries the default: %s", link)
	}
	sub, _ := answer.DecodeJSON(submissions(t, s, 1)[0])
	form := formOf(s, sub)
	for _, h := range s.Hidden {
		form.Set("_hidden."+h.ID, h.Default) // as the built form holds them
	}
	r := do(t, "POST", hs.URL+"/submit", map[string]string{"Content-Type": "application/x-www-form-urlencoded",
		"Accept": "text/html,*/*", "Referer": link}, []byte(form.Encode()))
	if r.status != 200 {
		t.Fatalf("%d %s", r.status, r.body)
	}
	if got := r.header.Get("Referrer-Policy"); got != "strict-origin-when-cross-origin" {
		t.Errorf("Referrer-Policy %q: a redirect from the collector would pass the signed link on", got)
	}
	log, _ := collect.ReadLog(srv.LogPath())
	if len(log) != 1 || log[0].Submission.Hidden["channel"] != "web" || log[0].Submission.Hidden["company"] != "acme" {
		t.Fatalf("log: %+v", log)
	}
}
