package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/opros/opros/compiler"
	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/site/answer"
	"github.com/opros/opros/site/collect"
	"github.com/opros/opros/site/ingest"
	"github.com/opros/opros/site/invite"
	"github.com/opros/opros/site/report"
)

// inviteSurvey is a small benchmark that takes answers by invitation;
// rule is the invitations block's body.
func inviteSurvey(t *testing.T, dir, rule string) string {
	t.Helper()
	src := `survey "inv" {
  title     = "Invited"
  languages = ["en"]
  endpoint {
    url = "https://collect.example.org/submit"
  }
  invitations {
    ` + rule + `
  }
}

hidden "company" {
  role = "participant"
}

hidden "segment" {
  role  = "segment"
  param = "seg"
}

hidden "channel" {
  default = "web"
}

page "p" {
  question "q_nps" {
    type = "nps"
    text = "Recommend?"
  }
}
`
	folder := filepath.Join(dir, "survey")
	os.MkdirAll(folder, 0o755)
	path := filepath.Join(folder, "survey.hcl")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

const inviteList = "company,seg,email,name\nacme,retail,ann@acme.example,Ann Example\nacme,retail,bob@acme.example,Bob Example\nglobex,b2b,cyd@globex.example,Cyd Example\n"

// invited runs opros invite on list and returns the links file's rows
// (without the header).
func invited(t *testing.T, dir, surveyPath, list string, extra ...string) [][]string {
	t.Helper()
	listPath := filepath.Join(dir, "invitees.csv")
	os.WriteFile(listPath, []byte(list), 0o644)
	out := filepath.Join(dir, "links.csv")
	args := append([]string{"invite", "--survey", surveyPath, "--list", listPath, "--keys", filepath.Join(dir, "invite.keys"), "-o", out}, extra...)
	code, stdout, stderr := run(t, args...)
	if code != exitOK || !strings.HasPrefix(stdout, fmt.Sprintf("%d links in %s", strings.Count(list, "\n")-1, out)) {
		t.Fatalf("invite: %d %q %s", code, stdout, stderr)
	}
	f, _ := os.Open(out)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows[1:]
}

// submissionFrom is what the form opened through link sends: the link's
// hidden values (defaults for the others) and its invitation.
func submissionFrom(s *ir.Survey, link string) *answer.Submission {
	u, _ := url.Parse(link)
	q := u.Query()
	sub := &answer.Submission{Survey: s.ID, Hidden: map[string]string{}, Invitation: invite.FromQuery(q)}
	for _, h := range s.Hidden {
		if v := q.Get(h.Param); v != "" {
			sub.Hidden[h.ID] = v
		} else if h.Default != "" {
			sub.Hidden[h.ID] = h.Default
		}
	}
	return sub
}

// TestInvite: a list of three invitees gives three links that verify, to
// the collector's form, with the list's values; changing company= on one
// breaks it; the outputs are the organiser's alone (0600) and the
// Markdown list groups the invitees by participant.
func TestInvite(t *testing.T) {
	dir := t.TempDir()
	path := inviteSurvey(t, dir, `once = "first"`)
	rows := invited(t, dir, path, inviteList, "--expires", "2099-12-31")
	s, diags := compiler.New().Load(path)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	key, err := invite.Open(filepath.Join(dir, "invite.keys"))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 {
		t.Fatalf("%d rows", len(rows))
	}
	ids := map[string]bool{}
	for i, r := range rows {
		// invitation, link, expires, company, segment, channel, email, name
		if len(r) != 8 || r[2] != "2099-12-31" || !strings.HasPrefix(r[1], "https://collect.example.org/inv/en/?") || ids[r[0]] {
			t.Fatalf("row %d: %q", i, r)
		}
		ids[r[0]] = true
		sub := submissionFrom(s, r[1])
		if sub.Hidden["company"] != r[3] || sub.Hidden["segment"] != r[4] || sub.Hidden["channel"] != "web" || sub.Invitation.ID != r[0] {
			t.Errorf("row %d: link %s carries %v", i, r[1], sub.Hidden)
		}
		if errs := invite.Check(s, key, sub, time.Now()); errs != nil {
			t.Errorf("row %d: %v", i, errs)
		}
		sub.Hidden["company"] = "initech"
		if errs := invite.Check(s, key, sub, time.Now()); len(errs) != 1 || errs[0].Code != "altered" {
			t.Errorf("row %d: forged company: %v", i, errs)
		}
	}
	for _, name := range []string{"links.csv", "links.md", "invite.keys"} {
		if st, err := os.Stat(filepath.Join(dir, name)); err != nil || st.Mode().Perm() != 0o600 {
			t.Errorf("%s: %v %v", name, err, st)
		}
	}
	md, _ := os.ReadFile(filepath.Join(dir, "links.md"))
	if a, g := strings.Index(string(md), "## acme"), strings.Index(string(md), "## globex"); a < 0 || g < a ||
		strings.Count(string(md), "acme.example") != 2 || !strings.Contains(string(md), "2099-12-31") {
		t.Errorf("links.md:\n%s", md)
	}
	// A second run with the same keys file signs with the same key.
	again := invited(t, dir, path, inviteList)
	if sub := submissionFrom(s, again[0][1]); invite.Check(s, key, sub, time.Now()) != nil {
		t.Error("a link of the second run does not verify")
	}
}

// TestInviteListErrors: every problem of a list is named by row and
// column, in English and Russian, and nothing is written.
func TestInviteListErrors(t *testing.T) {
	dir := t.TempDir()
	path := inviteSurvey(t, dir, "")
	for _, tc := range []struct{ name, list, want, wantRU string }{
		{"unknown column", "company,region\nacme,north\n", `column 2: "region" is not a hidden field of the survey (company, segment, channel), email, name or invitation`, `столбец 2: "region" — не скрытое поле`},
		{"column twice", "company,segment,seg\nacme,a,b\n", `column 3: "seg" is the same field as column 2`, "то же поле"},
		{"no participant", "company,seg\nacme,retail\n,retail\n", `row 3, column "company": the participant is missing`, `строка 3, столбец "company": не указан участник`},
		{"spaces", "company,seg\nacme ,retail\n", `row 2, column "company": has spaces at its start or end`, "пробелом"},
		{"bad email", "company,email\nacme,ann at acme\n", `row 2, column "email": is not an e-mail address`, "не адрес e-mail"},
		{"id twice", "company,invitation\nacme,x1\nglobex,x1\n", `row 3, column "invitation": invitation "x1" is already on row 2`, "уже есть в строке 2"},
		{"bad id", "company,invitation\nacme,a b\n", `row 2, column "invitation": an invitation id is`, "id приглашения"},
		{"too long", "company\n" + strings.Repeat("x", 201) + "\n", `row 2, column "company": is longer than 200 characters`, "длиннее 200"},
		{"empty", "company\n", "has no invitees", "нет приглашённых"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			list := filepath.Join(dir, "list.csv")
			os.WriteFile(list, []byte(tc.list), 0o644)
			out := filepath.Join(dir, "out", "links.csv")
			args := []string{"invite", "--survey", path, "--list", list, "--keys", filepath.Join(dir, "k"), "-o", out}
			code, _, stderr := run(t, args...)
			if code != exitInput || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, stderr %s\nwant %s", code, stderr, tc.want)
			}
			if code, stderr := runLang(t, "ru", args...); code != exitInput || !strings.Contains(stderr, tc.wantRU) {
				t.Errorf("ru: exit %d, stderr %s\nwant %s", code, stderr, tc.wantRU)
			}
			if _, err := os.Stat(filepath.Dir(out)); err == nil {
				t.Error("something was written")
			}
			if _, err := os.Stat(filepath.Join(dir, "k")); err == nil {
				t.Error("a keys file was made for a list with problems")
			}
			os.RemoveAll(filepath.Dir(out))
			os.Remove(filepath.Join(dir, "k"))
		})
	}
	// The keys file beside the survey is refused: a copy of the folder
	// would take it along.
	list := filepath.Join(dir, "list.csv")
	os.WriteFile(list, []byte(inviteList), 0o644)
	if code, _, stderr := run(t, "invite", "--survey", path, "--list", list, "--keys", filepath.Join(filepath.Dir(path), "k")); code != exitUsage || !strings.Contains(stderr, "lies in the survey's folder") {
		t.Errorf("keys inside: %d %s", code, stderr)
	}
	if code, _, stderr := run(t, "invite", "--survey", path, "--list", list, "--expires", "2001-01-01"); code != exitUsage || !strings.Contains(stderr, "has passed") {
		t.Errorf("past expiry: %d %s", code, stderr)
	}
}

// answerThrough is the JSON record the form opened through link sends,
// with a response id and an NPS answer.
func answerThrough(t *testing.T, s *ir.Survey, link, rid string, nps int, edit func(*answer.Submission)) string {
	t.Helper()
	sub := submissionFrom(s, link)
	sub.ResponseID, sub.Version, sub.Lang = rid, s.Hash, "en"
	sub.SubmittedAt = time.Now().UTC().Format(time.RFC3339)
	sub.Answers = map[string]any{"q_nps": float64(nps)}
	if edit != nil {
		edit(sub)
	}
	raw, err := json.Marshal(sub)
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}

// TestInvitationsEndToEnd: links made by opros invite, answers sent
// through them (one with company= changed, one without an invitation),
// opros ingest --keys keeps the genuine ones and says how many it
// rejected; without --keys it refuses to run. Nothing the organiser's
// list holds (e-mails, names) nor the secret reaches a built form, the
// Parquet file, the rejects file, the collector's files (started.ndjson
// after every link was opened), the report with its response rates
// (overview, methodology, summaries) or anything printed, opros rates
// included.
func TestInvitationsEndToEnd(t *testing.T) {
	dir := t.TempDir()
	path := inviteSurvey(t, dir, "")
	rows := invited(t, dir, path, inviteList)
	s, diags := compiler.New().Load(path)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	lines := []string{
		answerThrough(t, s, rows[0][1], "resp-000000000001", 9, nil),
		answerThrough(t, s, rows[1][1], "resp-000000000002", 3, nil),
		answerThrough(t, s, rows[2][1], "resp-000000000003", 10, nil),
		answerThrough(t, s, rows[2][1], "resp-000000000004", 0, func(x *answer.Submission) { x.Hidden["company"] = "acme" }),
		answerThrough(t, s, rows[0][1], "resp-000000000005", 0, func(x *answer.Submission) { x.Invitation = nil }),
	}
	in := filepath.Join(dir, "answers.ndjson")
	os.WriteFile(in, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
	data := filepath.Join(dir, "out", "answers.parquet")
	if code, _, stderr := run(t, "ingest", "--survey", path, "-o", data, in); code != exitInput || !strings.Contains(stderr, "--keys") {
		t.Fatalf("ingest without --keys: %d %s", code, stderr)
	}
	var printed strings.Builder
	code, stdout, stderr := run(t, "ingest", "--survey", path, "--keys", filepath.Join(dir, "invite.keys"), "-o", data, in)
	printed.WriteString(stdout + stderr)
	if code != exitOK || !strings.HasPrefix(stdout, data+": 3 accepted, 2 rejected") {
		t.Fatalf("ingest: %d %s %s", code, stdout, stderr)
	}
	rej, _ := os.ReadFile(ingest.RejectsPath(data))
	if !strings.Contains(string(rej), `"code":"altered"`) || !strings.Contains(string(rej), `"code":"invitation_missing"`) {
		t.Errorf("rejects:\n%s", rej)
	}
	forms := filepath.Join(dir, "forms")
	code, stdout, stderr = run(t, "build", "-o", forms, path)
	printed.WriteString(stdout + stderr)
	if code != exitOK {
		t.Fatalf("build: %d %s", code, stderr)
	}
	// The collector serving the built forms notes the links opened
	// (started.ndjson): each link once, by its id only.
	key, err := invite.Open(filepath.Join(dir, "invite.keys"))
	if err != nil {
		t.Fatal(err)
	}
	answers := filepath.Join(dir, "answers")
	srv, err := collect.New(s, collect.Options{DataDir: answers, FormsDir: forms, Invitations: key})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv.Handler())
	for _, r := range rows {
		u, _ := url.Parse(r[1])
		res, err := http.Get(hs.URL + u.RequestURI())
		if err != nil || res.StatusCode != 200 {
			t.Fatalf("GET %s: %v %v", u.RequestURI(), err, res)
		}
		res.Body.Close()
	}
	hs.Close()
	srv.Close()
	started := filepath.Join(answers, s.ID, collect.StartedFile)
	if raw, _ := os.ReadFile(started); strings.Count(string(raw), "\n") != len(rows) {
		t.Fatalf("started.ndjson:\n%s", raw)
	}
	site := filepath.Join(dir, "site")
	code, stdout, stderr = run(t, "report", "--survey", path, "--invitations", filepath.Join(dir, "links.csv"), "--started", started, "-o", site, data)
	printed.WriteString(stdout + stderr)
	if code != exitOK {
		t.Fatalf("report: %d %s", code, stderr)
	}
	code, stdout, stderr = run(t, "rates", "--survey", path, "--list", filepath.Join(dir, "links.csv"), "--started", started, data)
	if code != exitOK || !strings.Contains(stdout, "| all |  | suppressed |") {
		t.Fatalf("rates: %d %s %s", code, stdout, stderr)
	}
	// opros rates names participants (it is the organiser's), never an
	// e-mail, a name or the secret.
	printed.WriteString(stdout + stderr)
	keysJSON, _ := os.ReadFile(filepath.Join(dir, "invite.keys"))
	var keys struct{ Secret string }
	if err := json.Unmarshal(keysJSON, &keys); err != nil || len(keys.Secret) != 64 {
		t.Fatalf("keys file: %v %s", err, keysJSON)
	}
	secrets := []string{keys.Secret, "ann@acme.example", "bob@acme.example", "cyd@globex.example", "Ann Example", "Bob Example", "Cyd Example"}
	outputs := []string{forms, site, data, ingest.RejectsPath(data), ingest.SetAsidePath(data), answers}
	checked := 0
	for _, root := range outputs {
		filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			raw, _ := os.ReadFile(p)
			checked++
			for _, secret := range secrets {
				if strings.Contains(string(raw), secret) {
					t.Errorf("%s holds %q", p, secret)
				}
			}
			return nil
		})
	}
	for _, secret := range secrets {
		if strings.Contains(printed.String(), secret) {
			t.Errorf("printed %q", secret)
		}
	}
	if checked < 10 {
		t.Errorf("only %d output files checked", checked)
	}
	t.Logf("%d output files hold none of the list's e-mails and names nor the secret", checked)
}

// TestInvitationOnceLine: ingest says, in English and Russian, how many
// answers through an invitation that counts once it set aside.
func TestInvitationOnceLine(t *testing.T) {
	dir := t.TempDir()
	path := inviteSurvey(t, dir, `once = "first"`)
	rows := invited(t, dir, path, inviteList)
	s, _ := compiler.New().Load(path)
	lines := []string{
		answerThrough(t, s, rows[0][1], "resp-000000000001", 9, nil),
		answerThrough(t, s, rows[0][1], "resp-000000000002", 3, func(x *answer.Submission) { x.SubmittedAt = "2099-01-01T00:00:00Z" }),
		answerThrough(t, s, rows[1][1], "resp-000000000003", 10, nil),
	}
	in := filepath.Join(dir, "answers.ndjson")
	os.WriteFile(in, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
	data := filepath.Join(dir, "out", "answers.parquet")
	args := []string{"ingest", "--survey", path, "--keys", filepath.Join(dir, "invite.keys"), "-o", data, in}
	code, stdout, stderr := run(t, args...)
	want := data + ": 2 accepted, 0 rejected, 0 duplicates; 1 more answers through an invitation set aside whole in " +
		ingest.SetAsidePath(data) + " (each invitation counts once: the first answer)\n"
	if code != exitOK || stdout != want {
		t.Fatalf("ingest: %d %q\nwant %q\n%s", code, stdout, want, stderr)
	}
	t.Setenv("OPROS_LANG", "ru")
	var ru strings.Builder
	Main(args, strings.NewReader(""), &ru, io.Discard)
	if !strings.Contains(ru.String(), "повторных ответов по приглашению отложено 1") || !strings.Contains(ru.String(), "первый") {
		t.Errorf("ru: %q", ru.String())
	}
}

// TestRates: three invitees (two of acme, one of globex), two answers
// through acme's first link (one set aside by once) and one through
// globex's: by hand, 2 of 3 invitees answered (66.7%), acme 1 of 2 (50%),
// globex (one invitee, under min_group_size 2) suppressed.
func TestRates(t *testing.T) {
	dir := t.TempDir()
	path := inviteSurvey(t, dir, `once = "first"`)
	src, _ := os.ReadFile(path)
	os.WriteFile(path, append(src, "\nbenchmark {\n  min_group_size = 2\n}\n"...), 0o644)
	rows := invited(t, dir, path, inviteList)
	s, _ := compiler.New().Load(path)
	lines := []string{
		answerThrough(t, s, rows[0][1], "resp-000000000001", 9, nil),
		answerThrough(t, s, rows[0][1], "resp-000000000002", 3, nil),
		answerThrough(t, s, rows[2][1], "resp-000000000003", 10, nil),
	}
	in := filepath.Join(dir, "answers.ndjson")
	os.WriteFile(in, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
	data := filepath.Join(dir, "out", "answers.parquet")
	if code, _, stderr := run(t, "ingest", "--survey", path, "--keys", filepath.Join(dir, "invite.keys"), "-o", data, in); code != exitOK {
		t.Fatalf("ingest: %s", stderr)
	}
	links := filepath.Join(dir, "links.csv")
	js := filepath.Join(dir, "rates.json")
	code, stdout, stderr := run(t, "rates", "--survey", path, "--list", links, "--json", js, data)
	if code != exitOK {
		t.Fatalf("rates: %d %s", code, stderr)
	}
	for _, want := range []string{
		"| all |  | 3 | not known | 2 | 66.7% |",
		"| company | acme | 2 | not known | 1 | 50.0% |",
		"| company | globex | suppressed | | | |",
		"| segment | retail | 2 | not known | 1 | 50.0% |",
		"| segment | b2b | suppressed | | | |",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("rates lack %q:\n%s", want, stdout)
		}
	}
	raw, _ := os.ReadFile(js)
	if !strings.Contains(string(raw), `"invited": 3`) || !strings.Contains(string(raw), `"suppressed": true`) {
		t.Errorf("rates.json:\n%s", raw)
	}
	if code, _, stderr := run(t, "rates", "--survey", path, "--list", filepath.Join(dir, "invitees.csv"), data); code != exitInput || !strings.Contains(stderr, "no invitation column") {
		t.Errorf("a list without ids: %d %s", code, stderr)
	}
}

// TestReportRates: eight invitees, five answered, checked by hand. Public
// methodology page: all 5/8 (62.5%), retail 4/4 (100%); gov (1 invitee,
// under min_group_size 2) suppressed and b2b (3) with it, since b2b = all
// - retail - gov otherwise; no rate per participant, no name. acme's
// deliverable: its own 2/3 (66.7%) against the median of globex's 2/3 and
// initech's 1/2 (58.3%).
func TestReportRates(t *testing.T) {
	dir := t.TempDir()
	path := inviteSurvey(t, dir, `required = true`)
	src, _ := os.ReadFile(path)
	os.WriteFile(path, append(src, "\nbenchmark {\n  participant = hidden.company\n  min_group_size = 2\n  min_participants = 2\n}\n"...), 0o644)
	rows := invited(t, dir, path, "company,seg,email\nacme,retail,a1@x.example\nacme,retail,a2@x.example\nacme,b2b,a3@x.example\n"+
		"globex,retail,g1@x.example\nglobex,b2b,g2@x.example\nglobex,b2b,g3@x.example\ninitech,retail,i1@x.example\ninitech,gov,i2@x.example\n")
	s, _ := compiler.New().Load(path)
	var lines []string
	for i, r := range []int{0, 1, 3, 4, 6} { // a1, a2, g1, g2, i1
		lines = append(lines, answerThrough(t, s, rows[r][1], fmt.Sprintf("resp-00000000000%d", i+1), 7+i%3, nil))
	}
	in := filepath.Join(dir, "answers.ndjson")
	os.WriteFile(in, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
	data := filepath.Join(dir, "out", "answers.parquet")
	if code, _, stderr := run(t, "ingest", "--survey", path, "--keys", filepath.Join(dir, "invite.keys"), "-o", data, in); code != exitOK {
		t.Fatalf("ingest: %s", stderr)
	}
	out := filepath.Join(dir, "report")
	if code, _, stderr := run(t, "report", "--survey", path, "--invitations", filepath.Join(dir, "links.csv"), "-o", out, data); code != exitOK {
		t.Fatalf("report: %d %s", code, stderr)
	}
	page, err := os.ReadFile(filepath.Join(out, "public", "en", "methodology.html"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(page)
	for _, want := range []string{"Response rates", "<td>All</td><td>8</td><td>not known</td><td>5</td><td>62.5</td>", "retail</td><td>4</td><td>not known</td><td>4</td><td>100.0</td>", "b2b</td><td>suppressed</td>", "gov</td><td>suppressed</td>"} {
		if !strings.Contains(text, want) {
			t.Errorf("public methodology lacks %q", want)
		}
	}
	filepath.WalkDir(filepath.Join(out, "public"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		raw, _ := os.ReadFile(p)
		for _, name := range []string{"acme", "globex", "initech", "@x.example", "Your response rate"} {
			if strings.Contains(string(raw), name) {
				t.Errorf("%s names %q", p, name)
			}
		}
		return nil
	})
	ds, err := report.Deliverables(out)
	if err != nil || len(ds) != 3 {
		t.Fatalf("deliverables: %v %v", ds, err)
	}
	found := false
	for _, d := range ds {
		raw, err := os.ReadFile(filepath.Join(d.Dir, "en", "methodology.html"))
		if err != nil {
			t.Fatal(err)
		}
		if d.Participant == "acme" {
			found = true
			if !strings.Contains(string(raw), "<td>3</td><td>not known</td><td>2</td><td>66.7</td><td>58.3</td>") {
				t.Errorf("acme's deliverable lacks its rate against the peers' median")
			}
		}
	}
	if !found {
		t.Errorf("no deliverable for acme: %v", ds)
	} // A list given as another wave's: said, not only shown as 0%.
	code, _, stderr := run(t, "report", "--survey", path, "--invitations", "2019="+filepath.Join(dir, "links.csv"), "-o", out, data)
	if code != exitOK || !strings.Contains(stderr, "no answer of wave 2019 came through an invitation") {
		t.Errorf("a list of the wrong wave: %d %s", code, stderr)
	}
}
