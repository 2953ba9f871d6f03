package collect_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/site/answer"
	"github.com/opros/opros/site/collect"
	"github.com/opros/opros/site/invite"
)

// invitedSurvey is the example survey taking answers by invitation only.
func invitedSurvey(t *testing.T) *ir.Survey {
	s := *survey(t)
	s.Invitations = &ir.Invitations{Required: true}
	return &s
}

func newKey(t *testing.T) *invite.Key {
	k, _, err := invite.LoadOrCreate(filepath.Join(t.TempDir(), "invite.keys"))
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// sign gives sub the invitation a link with its hidden values carries.
func sign(k *invite.Key, s *ir.Survey, sub *answer.Submission, id, exp string) {
	sub.Invitation = &answer.Invitation{ID: id, Expires: exp,
		Sig: k.Sign(invite.Signed{Survey: s.ID, ID: id, Expires: exp, Hidden: sub.Hidden})}
}

// TestInvitationRequired: the collector stores an answer whose invitation
// verifies and refuses, with 403 and the reason kept in rejects.ndjson, a
// forged company=, an altered id, an expired link, one signed with a
// replaced key and one without an invitation.
func TestInvitationRequired(t *testing.T) {
	s := invitedSurvey(t)
	k, old := newKey(t), newKey(t)
	now := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	dir := t.TempDir()
	srv, hs := start(t, s, collect.Options{DataDir: dir, Invitations: k, Now: func() time.Time { return now }})
	subs := submissions(t, s, 7)
	cases := []struct {
		name   string
		edit   func(*answer.Submission)
		status int
		code   string
	}{
		{"signed", func(x *answer.Submission) { sign(k, s, x, "i1", "2026-05-31") }, 200, ""},
		{"forged company", func(x *answer.Submission) { sign(k, s, x, "i2", ""); x.Hidden["company"] = "rival" }, 403, "altered"},
		{"id changed", func(x *answer.Submission) { sign(k, s, x, "i3", ""); x.Invitation.ID = "i4" }, 403, "altered"},
		{"expired", func(x *answer.Submission) { sign(k, s, x, "i5", "2026-04-30") }, 403, "expired"},
		{"replaced key", func(x *answer.Submission) { sign(old, s, x, "i6", "") }, 403, "other_key"},
		{"unsigned", func(x *answer.Submission) { x.Invitation = nil }, 403, "invitation_missing"},
	}
	for i, tc := range cases {
		sub, err := answer.DecodeJSON(subs[i])
		if err != nil {
			t.Fatal(err)
		}
		tc.edit(sub)
		body, _ := json.Marshal(sub)
		r := do(t, "POST", hs.URL+"/submit", map[string]string{"Content-Type": jsonCT}, body)
		if r.status != tc.status || tc.code != "" && !strings.Contains(r.body, `"code":"`+tc.code+`"`) {
			t.Errorf("%s: %d %s", tc.name, r.status, r.body)
		}
	}
	log, err := collect.ReadLog(srv.LogPath())
	if err != nil || len(log) != 1 || log[0].Submission.Invitation == nil || log[0].Submission.Invitation.ID != "i1" {
		t.Fatalf("log: %v %+v", err, log)
	}
	rejects, _ := os.ReadFile(filepath.Join(dir, s.ID, "rejects.ndjson"))
	for _, tc := range cases[1:] {
		if !strings.Contains(string(rejects), `"code":"`+tc.code+`"`) {
			t.Errorf("rejects.ndjson lacks %s:\n%s", tc.code, rejects)
		}
	}
	if n := strings.Count(string(rejects), "\n"); n != len(cases)-1 {
		t.Errorf("%d lines in rejects.ndjson, want %d", n, len(cases)-1)
	}
	if _, err := collect.New(s, collect.Options{DataDir: t.TempDir()}); err == nil || !strings.Contains(err.Error(), "--keys") {
		t.Errorf("a collector for an invitation survey without a key: %v", err)
	}
}

// TestInvitationNoJavaScript: the form without JavaScript posts no
// invitation; the collector reads it from the link in the Referer, as it
// reads the hidden values, and checks it the same way.
func TestInvitationNoJavaScript(t *testing.T) {
	s := invitedSurvey(t)
	// The channel has a default, which the built form holds and the link
	// overrides: the link's value is the one signed and stored.
	s.Hidden = append([]ir.Hidden(nil), s.Hidden...)
	for i := range s.Hidden {
		if s.Hidden[i].ID == "channel" {
			s.Hidden[i].Default = "web"
		}
	}
	k := newKey(t)
	srv, hs := start(t, s, collect.Options{Invitations: k})
	hidden := map[string]string{"company": "acme", "segment": "bank", "channel": "email"}
	for _, h := range s.Hidden {
		if hidden[h.ID] == "" && h.Default != "" {
			hidden[h.ID] = h.Default
		}
	}
	inv := answer.Invitation{ID: "nojs1", Expires: "2099-12-31", Sig: k.Sign(invite.Signed{Survey: s.ID, ID: "nojs1", Expires: "2099-12-31", Hidden: hidden})}
	link, _ := invite.Link(hs.URL+"/"+s.ID+"/ru/", s, inv, hidden)
	sub, _ := answer.DecodeJSON(submissions(t, s, 1)[0])
	sub.Lang = "ru"
	form := formOf(s, sub)
	for _, h := range s.Hidden {
		form.Set("_hidden."+h.ID, h.Default) // as the built form holds them
	}
	post := func(referer string) reply {
		return do(t, "POST", hs.URL+"/submit", map[string]string{"Content-Type": "application/x-www-form-urlencoded",
			"Accept": "text/html,*/*", "Referer": referer}, []byte(form.Encode()))
	}
	if r := post(strings.Replace(link, "company=acme", "company=rival", 1)); r.status != 403 || !strings.Contains(r.body, "altered") {
		t.Errorf("forged company: %d %s", r.status, r.body)
	}
	if r := post(hs.URL + "/" + s.ID + "/ru/?company=acme&segment=bank"); r.status != 403 || !strings.Contains(r.body, "invitation") {
		t.Errorf("no invitation: %d %s", r.status, r.body)
	}
	if r := post(link); r.status != 200 {
		t.Fatalf("signed link: %d %s", r.status, r.body)
	}
	log, _ := collect.ReadLog(srv.LogPath())
	if len(log) != 1 || log[0].Submission.Invitation == nil || log[0].Submission.Invitation.ID != "nojs1" || log[0].Submission.Hidden["company"] != "acme" || log[0].Submission.Hidden["channel"] != "email" ||
		log[0].Submission.SubmittedAt == "" {
		t.Fatalf("log: %+v", log)
	}
}
