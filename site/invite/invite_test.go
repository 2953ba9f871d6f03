package invite_test

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/localize"
	"github.com/opros/opros/site/answer"
	"github.com/opros/opros/site/invite"
)

func survey(inv *ir.Invitations) *ir.Survey {
	return &ir.Survey{ID: "bench", Invitations: inv, Hidden: []ir.Hidden{
		{ID: "company", Param: "company"}, {ID: "segment", Param: "seg"}, {ID: "channel", Param: "channel", Default: "web"}}}
}

func newKey(t *testing.T) *invite.Key {
	t.Helper()
	k, created, err := invite.LoadOrCreate(filepath.Join(t.TempDir(), "invite.keys"))
	if err != nil || !created {
		t.Fatal(err, created)
	}
	return k
}

// signedSub is the answer a form opened through a link for acme sends.
func signedSub(k *invite.Key, s *ir.Survey, exp string) *answer.Submission {
	hidden := invite.FormValues(s, map[string]string{"company": "acme", "segment": "retail"})
	inv := answer.Invitation{ID: "inv123", Expires: exp}
	inv.Sig = k.Sign(invite.Signed{Survey: s.ID, ID: inv.ID, Expires: exp, Hidden: hidden})
	return &answer.Submission{Survey: s.ID, Hidden: hidden, Invitation: &inv}
}

func codes(errs []answer.FieldError) string {
	var out []string
	for _, e := range errs {
		out = append(out, e.Field+":"+e.Code)
	}
	return strings.Join(out, ",")
}

func TestCheck(t *testing.T) {
	k := newKey(t)
	other := newKey(t)
	day := time.Date(2026, 6, 30, 12, 0, 0, 0, time.UTC)
	required := survey(&ir.Invitations{Required: true})
	optional := survey(&ir.Invitations{})
	for _, tc := range []struct {
		name string
		s    *ir.Survey
		edit func(*answer.Submission)
		at   time.Time
		want string
	}{
		{"signed", required, func(*answer.Submission) {}, day, ""},
		{"forged company", required, func(x *answer.Submission) { x.Hidden["company"] = "rival" }, day, "invitation.sig:altered"},
		{"company added", required, func(x *answer.Submission) { delete(x.Hidden, "company"); x.Hidden["segment"] = "acme" }, day, "invitation.sig:altered"},
		{"default replaced", required, func(x *answer.Submission) { x.Hidden["channel"] = "email" }, day, "invitation.sig:altered"},
		{"empty is absent", required, func(x *answer.Submission) { x.Hidden["other"] = "" }, day, ""},
		{"id changed", required, func(x *answer.Submission) { x.Invitation.ID = "inv124" }, day, "invitation.sig:altered"},
		{"expiry moved", required, func(x *answer.Submission) { x.Invitation.Expires = "2027-06-30" }, day, "invitation.sig:altered"},
		{"expiry dropped", required, func(x *answer.Submission) { x.Invitation.Expires = "" }, day, "invitation.sig:altered"},
		{"expired", required, func(*answer.Submission) {}, time.Date(2026, 8, 1, 0, 0, 0, 0, time.UTC), "invitation.exp:expired"},
		{"last day", required, func(*answer.Submission) {}, time.Date(2026, 7, 31, 23, 59, 59, 0, time.UTC), ""},
		{"no time", required, func(*answer.Submission) {}, time.Time{}, "invitation.exp:no_time"},
		{"signature cut", required, func(x *answer.Submission) { x.Invitation.Sig = x.Invitation.Sig[:20] }, day, "invitation.sig:bad_signature"},
		{"signature not base64", required, func(x *answer.Submission) { x.Invitation.Sig = "!!" }, day, "invitation.sig:bad_signature"},
		{"bad id", required, func(x *answer.Submission) { x.Invitation.ID = "a b" }, day, "invitation.id:bad_invitation"},
		{"other key", required, func(x *answer.Submission) {
			x.Invitation.Sig = other.Sign(invite.Signed{Survey: "bench", ID: x.Invitation.ID, Expires: x.Invitation.Expires, Hidden: x.Hidden})
		}, day, "invitation.sig:other_key"},
		{"other survey", required, func(x *answer.Submission) {
			x.Invitation.Sig = k.Sign(invite.Signed{Survey: "bench2", ID: x.Invitation.ID, Expires: x.Invitation.Expires, Hidden: x.Hidden})
		}, day, "invitation.sig:altered"},
		{"unsigned, required", required, func(x *answer.Submission) { x.Invitation = nil }, day, "invitation:invitation_missing"},
		{"unsigned, optional", optional, func(x *answer.Submission) { x.Invitation = nil }, day, ""},
		{"signed, optional", optional, func(*answer.Submission) {}, day, ""},
		{"forged, optional", optional, func(x *answer.Submission) { x.Hidden["company"] = "rival" }, day, "invitation.sig:altered"},
		{"survey without invitations", survey(nil), func(*answer.Submission) {}, day, "invitation:no_invitations"},
		{"survey without invitations, none", survey(nil), func(x *answer.Submission) { x.Invitation = nil }, day, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sub := signedSub(k, tc.s, "2026-07-31")
			tc.edit(sub)
			key := k
			if tc.s.Invitations == nil {
				key = nil
			}
			if got := codes(invite.Check(tc.s, key, sub, tc.at)); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestMessageUnambiguous: values that would read the same if joined
// without their lengths sign differently.
func TestMessageUnambiguous(t *testing.T) {
	k := newKey(t)
	pairs := [][2]invite.Signed{
		{{Survey: "s", ID: "i", Hidden: map[string]string{"a": "bc"}}, {Survey: "s", ID: "i", Hidden: map[string]string{"ab": "c"}}},
		{{Survey: "s", ID: "i", Hidden: map[string]string{"a": "x", "b": "y"}}, {Survey: "s", ID: "i", Hidden: map[string]string{"a": "y", "b": "x"}}},
		{{Survey: "s", ID: "i1"}, {Survey: "s", ID: "i", Expires: "1"}},
		{{Survey: "si", ID: ""}, {Survey: "s", ID: "i"}},
		{{Survey: "s", ID: "i", Hidden: map[string]string{"a": "1\x012"}}, {Survey: "s", ID: "i", Hidden: map[string]string{"a": "1", "2": ""}}},
	}
	for _, p := range pairs {
		if k.Sign(p[0]) == k.Sign(p[1]) {
			t.Errorf("%+v and %+v sign alike", p[0], p[1])
		}
	}
	// The order a map hands out its keys in does not matter.
	a := invite.Signed{Survey: "s", ID: "i", Hidden: map[string]string{"x": "1", "y": "2", "z": "3"}}
	for range 20 {
		if k.Sign(a) != k.Sign(invite.Signed{Survey: "s", ID: "i", Hidden: map[string]string{"z": "3", "y": "2", "x": "1"}}) {
			t.Fatal("same values signed differently")
		}
	}
}

func TestKeysFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "invite.keys")
	if _, err := invite.Open(path); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("open a missing file: %v", err)
	}
	k, created, err := invite.LoadOrCreate(path)
	if err != nil || !created {
		t.Fatal(err)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", st.Mode().Perm())
	}
	s := invite.Signed{Survey: "s", ID: "i"}
	again, created, err := invite.LoadOrCreate(path)
	if err != nil || created || again.Sign(s) != k.Sign(s) {
		t.Fatalf("reload: %v created=%v", err, created)
	}
	opened, err := invite.Open(path)
	if err != nil || opened.Sign(s) != k.Sign(s) {
		t.Fatal(err)
	}
	for name, body := range map[string]string{
		"empty":        ``,
		"not json":     `secret`,
		"short secret": `{"version":1,"secret":"abcd"}`,
		"version":      `{"version":2,"secret":"` + strings.Repeat("ab", 32) + `"}`,
		"unknown key":  `{"version":1,"secret":"` + strings.Repeat("ab", 32) + `","x":1}`,
	} {
		p := filepath.Join(dir, strings.ReplaceAll(name, " ", "_"))
		os.WriteFile(p, []byte(body), 0o600)
		if _, _, err := invite.LoadOrCreate(p); err == nil || !strings.Contains(err.Error(), "damaged") {
			t.Errorf("%s: %v", name, err)
		}
		if b, _ := os.ReadFile(p); string(b) != body {
			t.Errorf("%s: the damaged file was changed", name)
		}
	}
	// The reasons opros itself gives read in the reader's language.
	for name, want := range map[string]string{"version": "неизвестная версия", "short secret": "секрет — не 64"} {
		_, _, err := invite.LoadOrCreate(filepath.Join(dir, strings.ReplaceAll(name, " ", "_")))
		if ru := localize.Text(err, "ru"); !strings.Contains(ru, want) || !strings.Contains(err.Error(), "damaged") {
			t.Errorf("%s: %q / %q", name, ru, err)
		}
	}
}

func TestLink(t *testing.T) {
	k := newKey(t)
	s := survey(&ir.Invitations{Required: true})
	sub := signedSub(k, s, "2026-07-31")
	link, err := invite.Link("https://example.org/f/en/", s, *sub.Invitation, map[string]string{"company": "acme & co", "segment": "retail"})
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(link)
	q := u.Query()
	if q.Get("company") != "acme & co" || q.Get("seg") != "retail" || q.Has("channel") || q.Get("inv") != "inv123" || q.Get("exp") != "2026-07-31" || q.Get("sig") != sub.Invitation.Sig {
		t.Errorf("link %s", link)
	}
	if got := invite.FromQuery(q); got == nil || *got != *sub.Invitation {
		t.Errorf("FromQuery %+v", got)
	}
	if invite.FromQuery(url.Values{"company": {"x"}}) != nil {
		t.Error("a link without an invitation has one")
	}
}

func TestNewID(t *testing.T) {
	seen := map[string]bool{}
	for range 1000 {
		id := invite.NewID()
		if len(id) != 16 || !invite.ValidID(id) || seen[id] {
			t.Fatalf("id %q", id)
		}
		seen[id] = true
	}
}

// FuzzLink: whatever a link's query holds, reading it (invite.FromLink, as
// the collector and ingest do) and checking it never panics, and only the
// values signed verify.
func FuzzLink(f *testing.F) {
	dir := f.TempDir()
	k, _, err := invite.LoadOrCreate(filepath.Join(dir, "k"))
	if err != nil {
		f.Fatal(err)
	}
	s := survey(&ir.Invitations{Required: true})
	good := signedSub(k, s, "2026-07-31")
	link, _ := invite.Link("https://x/", s, *good.Invitation, good.Hidden)
	u, _ := url.Parse(link)
	f.Add(u.RawQuery)
	f.Add("inv=a&sig=b&exp=c")
	f.Add("company=rival&inv=inv123&sig=" + good.Invitation.Sig + "&exp=2026-07-31")
	f.Add("inv=%zz")
	f.Fuzz(func(t *testing.T, query string) {
		q, err := url.ParseQuery(query)
		if err != nil {
			return
		}
		// As the form without JavaScript posts it (the fields' defaults,
		// the link in the Referer), read by the collector and ingest.
		sub := &answer.Submission{Hidden: map[string]string{}}
		for _, h := range s.Hidden {
			sub.Hidden[h.ID] = h.Default
		}
		invite.FromLink(s, sub, "https://x/?"+q.Encode())
		errs := invite.Check(s, k, sub, time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC))
		if len(errs) == 0 {
			if *sub.Invitation != *good.Invitation || sub.Hidden["company"] != "acme" || sub.Hidden["segment"] != "retail" || sub.Hidden["channel"] != "web" {
				t.Fatalf("%q verified with %+v %v", query, sub.Invitation, sub.Hidden)
			}
		}
	})
}

func TestCatalogue(t *testing.T) {
	for _, bad := range invite.ErrorText.Check(invite.ErrorCount) {
		t.Error(bad)
	}
}

// TestRates: by hand, seven invitees of two companies in two segments,
// four of whom answered, one answer through an invitation of another list.
func TestRates(t *testing.T) {
	s := &ir.Survey{Hidden: []ir.Hidden{{ID: "company", Role: "participant"}, {ID: "segment", Role: "segment"}, {ID: "note"}}}
	inv := func(id, company, segment string) invite.Invitee {
		return invite.Invitee{ID: id, Hidden: map[string]string{"company": company, "segment": segment, "note": id}}
	}
	list := []invite.Invitee{
		inv("a1", "acme", "retail"), inv("a2", "acme", "retail"), inv("a3", "acme", "b2b"), inv("a4", "acme", "b2b"),
		inv("a5", "acme", "b2b"), inv("g1", "globex", "retail"), inv("g2", "globex", "retail"),
	}
	answered := map[string]bool{"a1": true, "a3": true, "a4": true, "g2": true, "zz": true}
	rates, unlisted := invite.Rates(s, list, answered, nil, 3)
	var got []string
	for _, r := range rates {
		line := r.Field + "=" + r.Value + ": "
		if r.Suppressed {
			line += "suppressed"
		} else {
			line += fmt.Sprintf("%d/%d %.3f", r.Completed, r.Invited, *r.Rate)
		}
		got = append(got, line)
	}
	want := []string{
		"=: 4/7 0.571",
		"company=acme: 3/5 0.600",
		"company=globex: suppressed", // 2 invited, fewer than 3
		"segment=b2b: 2/3 0.667",
		"segment=retail: 2/4 0.500",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") || unlisted != 1 {
		t.Errorf("rates:\n%s\nunlisted %d; want\n%s\nunlisted 1", strings.Join(got, "\n"), unlisted, strings.Join(want, "\n"))
	}
}

// TestPublicRates, by hand on a list of 10: 5 acme, 3 globex, 2 initech;
// segments retail 5, b2b 3, gov 2; channels web 6, phone 4.
func TestPublicRates(t *testing.T) {
	s := &ir.Survey{Hidden: []ir.Hidden{{ID: "company", Role: "participant"}, {ID: "segment", Role: "segment"}, {ID: "channel", Role: "channel"}}}
	inv := func(id, company, segment, channel string) invite.Invitee {
		return invite.Invitee{ID: id, Hidden: map[string]string{"company": company, "segment": segment, "channel": channel}}
	}
	list := []invite.Invitee{
		inv("a1", "acme", "retail", "web"), inv("a2", "acme", "retail", "web"), inv("a3", "acme", "retail", "phone"),
		inv("a4", "acme", "b2b", "phone"), inv("a5", "acme", "gov", "web"),
		inv("g1", "globex", "retail", "web"), inv("g2", "globex", "b2b", "web"), inv("g3", "globex", "b2b", "phone"),
		inv("i1", "initech", "gov", "phone"), inv("i2", "initech", "retail", "web"),
	}
	answered := map[string]bool{"a1": true, "a2": true, "a4": true, "g1": true, "g3": true, "i1": true}
	show := func(rates []invite.Rate) string {
		var got []string
		for _, r := range rates {
			line := r.Field + "=" + r.Value + ": "
			if r.Suppressed {
				line += "suppressed"
			} else {
				line += fmt.Sprintf("%d/%d %.3f", r.Completed, r.Invited, *r.Rate)
			}
			got = append(got, line)
		}
		return strings.Join(got, "\n")
	}
	for _, c := range []struct {
		name           string
		minGroup, minP int
		want           []string
	}{
		{"respondent level, min 3", 3, 0, []string{
			"=: 6/10 0.600",
			// gov (2) is below 3; b2b (3), the smallest shown, goes with it:
			// otherwise gov = all - retail - b2b
			"segment=b2b: suppressed",
			"segment=gov: suppressed",
			"segment=retail: 3/5 0.600",
			"channel=phone: 3/4 0.750",
			"channel=web: 3/6 0.500",
		}},
		{"company level, 2+1 participants", 1, 2, []string{
			"=: 6/10 0.600",
			"segment=b2b: suppressed", // acme and globex only
			"segment=gov: suppressed", // acme and initech only
			"segment=retail: 3/5 0.600",
			"channel=phone: 3/4 0.750",
			"channel=web: 3/6 0.500",
		}},
		{"min 5: phone (4) hides web too", 5, 0, []string{
			"=: 6/10 0.600",
			"segment=b2b: suppressed",
			"segment=gov: suppressed",
			"segment=retail: 3/5 0.600",
			"channel=phone: suppressed",
			"channel=web: suppressed",
		}},
	} {
		if got := show(invite.PublicRates(s, list, answered, nil, c.minGroup, c.minP)); got != strings.Join(c.want, "\n") {
			t.Errorf("%s:\n%s\nwant\n%s", c.name, got, strings.Join(c.want, "\n"))
		}
	}
	own, _ := invite.Rates(s, list, answered, nil, 0)
	var peers []invite.Rate
	for _, r := range own {
		if r.Field == "company" && r.Value != "acme" {
			peers = append(peers, r) // globex 2/3, initech 1/2
		}
	}
	if m := invite.Median(peers); m == nil || fmt.Sprintf("%.4f", *m) != "0.5833" {
		t.Errorf("median of 2/3 and 1/2: %v, want 0.5833", m)
	}
}

// TestRatesStarted, by hand: six invitees (acme a1-a4 in retail, globex
// g1-g2 in b2b). The collector served the form to a1, a2, a3 and g1 (and
// to x9, of another list); a1 and g2 answered, g2 through a form served
// elsewhere. Started counts who opened or answered: all 5 of 6 (a1, a2,
// a3, g1, g2), acme 3 of 4, globex 2 of 2; completed 2 of 6, 1 of 4, 1 of
// 2. Without a log, started is not known (nil) and the rest unchanged; a
// suppressed group withholds it with the rest; the public rates hide it
// where they hide the group.
func TestRatesStarted(t *testing.T) {
	s := &ir.Survey{Hidden: []ir.Hidden{{ID: "company", Role: "participant"}, {ID: "segment", Role: "segment"}}}
	inv := func(id, company, segment string) invite.Invitee {
		return invite.Invitee{ID: id, Hidden: map[string]string{"company": company, "segment": segment}}
	}
	list := []invite.Invitee{
		inv("a1", "acme", "retail"), inv("a2", "acme", "retail"), inv("a3", "acme", "retail"), inv("a4", "acme", "retail"),
		inv("g1", "globex", "b2b"), inv("g2", "globex", "b2b"),
	}
	answered := map[string]bool{"a1": true, "g2": true}
	started := map[string]bool{"a1": true, "a2": true, "a3": true, "g1": true, "x9": true}
	show := func(rates []invite.Rate) string {
		var got []string
		for _, r := range rates {
			line := r.Field + "=" + r.Value + ": "
			switch {
			case r.Suppressed:
				line += "suppressed"
				if r.Started != nil {
					line += " (started shown)"
				}
			case r.Started == nil:
				line += fmt.Sprintf("%d invited, started not known, %d completed", r.Invited, r.Completed)
			default:
				line += fmt.Sprintf("%d invited, %d started, %d completed", r.Invited, *r.Started, r.Completed)
			}
			got = append(got, line)
		}
		return strings.Join(got, "\n")
	}
	rates, _ := invite.Rates(s, list, answered, started, 0)
	want := "=: 6 invited, 5 started, 2 completed\n" +
		"company=acme: 4 invited, 3 started, 1 completed\n" +
		"company=globex: 2 invited, 2 started, 1 completed\n" +
		"segment=b2b: 2 invited, 2 started, 1 completed\n" +
		"segment=retail: 4 invited, 3 started, 1 completed"
	if got := show(rates); got != want {
		t.Errorf("with started:\n%s\nwant\n%s", got, want)
	}
	rates, _ = invite.Rates(s, list, answered, nil, 0)
	if got := show(rates); !strings.HasPrefix(got, "=: 6 invited, started not known, 2 completed\n") || strings.Contains(got, " started,") {
		t.Errorf("without a started log:\n%s", got)
	}
	rates, _ = invite.Rates(s, list, answered, started, 3)
	if got := show(rates); !strings.Contains(got, "company=globex: suppressed\n") {
		t.Errorf("min 3:\n%s", got)
	}
	// Public, min 3: b2b (2) is hidden, and retail with it (retail = all -
	// b2b otherwise), started included.
	want = "=: 6 invited, 5 started, 2 completed\nsegment=b2b: suppressed\nsegment=retail: suppressed"
	if got := show(invite.PublicRates(s, list, answered, started, 3, 0)); got != want {
		t.Errorf("public:\n%s\nwant\n%s", got, want)
	}
}
