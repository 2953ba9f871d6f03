package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/opros/opros/compiler"
	"github.com/opros/opros/site/collect"
	"github.com/opros/opros/site/report"
)

// TestReportRatesStarted, by hand. Eight invitees: acme a1 a2 (retail)
// a3 (b2b), globex g1 (retail) g2 g3 (b2b), initech i1 (retail) i2 (gov).
// All but a3 and g3 answered (6). The collector's started.ndjson notes a1
// and a3, an invitation of no list, and a line a crash cut short. Started
// = noted or answered: everyone but g3, 7 of 8; acme 3 of 3. The
// invitation of no list is said, as is the line that does not read.
//   - opros rates: all 8 / 7 / 6 / 75.0%, acme 3 / 3 / 2 / 66.7%, globex
//     3 / 2 / 2, b2b 3 / 2 / 1; the bad line is said (en and ru).
//   - the public overview: wave 2026, 8, 7, 6, 75.0, linked to the
//     methodology; no segment, no participant.
//   - the public methodology: retail 4 / 4 / 4 / 100.0; gov (1 invitee)
//     suppressed and b2b with it.
//   - acme's summary: 3 invited, 3 started, 2 completed, 66.7% against the
//     median of globex 2/3 and initech 2/2 (83.3).
//   - without --started, the overview says started is "not known".
//
// No public page names a participant, an e-mail, a name or the own-rate
// table.
func TestReportRatesStarted(t *testing.T) {
	dir := t.TempDir()
	path := inviteSurvey(t, dir, `required = true`)
	src, _ := os.ReadFile(path)
	src = []byte(strings.Replace(string(src), `languages = ["en"]`, "languages = [\"en\"]\n  wave      = 2026", 1))
	os.WriteFile(path, append(src, "\nindex \"nps\" {\n  title = \"NPS\"\n  kind  = \"nps\"\n  items = [q_nps]\n}\n\nbenchmark {\n  participant = hidden.company\n  min_group_size = 2\n  min_participants = 2\n}\n"...), 0o644)
	rows := invited(t, dir, path, "company,seg,email,name\nacme,retail,a1@x.example,Ann A\nacme,retail,a2@x.example,Bob A\nacme,b2b,a3@x.example,Cyd A\n"+
		"globex,retail,g1@x.example,Dan G\nglobex,b2b,g2@x.example,Eve G\nglobex,b2b,g3@x.example,Fay G\ninitech,retail,i1@x.example,Gus I\ninitech,gov,i2@x.example,Hal I\n")
	s, _ := compiler.New().Load(path)
	var lines []string
	for i, r := range []int{0, 1, 3, 4, 6, 7} { // a1, a2, g1, g2, i1, i2
		lines = append(lines, answerThrough(t, s, rows[r][1], fmt.Sprintf("resp-00000000000%d", i+1), 7+i%3, nil))
	}
	in := filepath.Join(dir, "answers.ndjson")
	os.WriteFile(in, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
	data := filepath.Join(dir, "out", "answers.parquet")
	if code, _, stderr := run(t, "ingest", "--survey", path, "--keys", filepath.Join(dir, "invite.keys"), "-o", data, in); code != exitOK {
		t.Fatalf("ingest: %s", stderr)
	}
	var log strings.Builder
	for _, id := range []string{rows[0][0], rows[2][0], "not-on-the-list"} { // a1, a3
		line, _ := json.Marshal(collect.StartedLine{At: "2026-05-01T12:00:00Z", Invitation: id})
		log.Write(append(line, '\n'))
	}
	log.WriteString(`{"at":"2026-05-01T12:00:01Z","invi`)
	started := filepath.Join(dir, collect.StartedFile)
	os.WriteFile(started, []byte(log.String()), 0o644)
	links := filepath.Join(dir, "links.csv")

	code, stdout, stderr := run(t, "rates", "--survey", path, "--list", links, "--started", started, data)
	if code != exitOK {
		t.Fatalf("rates: %d %s", code, stderr)
	}
	for _, want := range []string{"| all |  | 8 | 7 | 6 | 75.0% |", "| company | acme | 3 | 3 | 2 | 66.7% |", "| company | globex | 3 | 2 | 2 | 66.7% |", "| company | initech | 2 | 2 | 2 | 100.0% |", "| segment | b2b | 3 | 2 | 1 | 33.3% |"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("rates lack %q:\n%s", want, stdout)
		}
	}
	for _, want := range []string{"opros rates: note: " + started + ": 1 lines do not read",
		"opros rates: note: 1 invitations of wave 2026's started log are not on " + links} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q: %s", want, stderr)
		}
	}
	t.Setenv("OPROS_LANG", "ru")
	var ru strings.Builder
	Main([]string{"rates", "--survey", path, "--list", links, "--started", started, data}, strings.NewReader(""), io.Discard, &ru)
	if !strings.Contains(ru.String(), "примечание: "+started+": строк, которые не читаются") || !strings.Contains(ru.String(), "1 — столько приглашений из журнала начавших волны 2026 нет в "+links) {
		t.Errorf("ru: %q", ru.String())
	}

	out := filepath.Join(dir, "report")
	if code, _, stderr := run(t, "report", "--survey", path, "--invitations", links, "--started", started, "-o", out, data); code != exitOK || !strings.Contains(stderr, "opros report: note: 1 invitations of wave 2026's started log are not on") {
		t.Fatalf("report: %d %s", code, stderr)
	}
	read := func(p string) string {
		t.Helper()
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return string(raw)
	}
	overview := read(filepath.Join(out, "public", "en", "index.html"))
	if !strings.Contains(overview, "<th scope=\"row\">2026</th><td>8</td><td>7</td><td>6</td><td>75.0</td>") || !strings.Contains(overview, "methodology.html#response-rates") {
		t.Errorf("the public overview lacks the response rate or its link")
	}
	method := read(filepath.Join(out, "public", "en", "methodology.html"))
	for _, want := range []string{"<td>All</td><td>8</td><td>7</td><td>6</td><td>75.0</td>", "retail</td><td>4</td><td>4</td><td>4</td><td>100.0</td>", "b2b</td><td>suppressed</td><td></td>", "gov</td><td>suppressed</td>", "<em>Started</em> counts"} {
		if !strings.Contains(method, want) {
			t.Errorf("public methodology lacks %q", want)
		}
	}
	filepath.WalkDir(filepath.Join(out, "public"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		raw := read(p)
		for _, leak := range []string{"acme", "globex", "initech", "@x.example", "Ann A", "Your response rate", "yours against", "Ваш отклик"} {
			if strings.Contains(raw, leak) {
				t.Errorf("%s holds %q", p, leak)
			}
		}
		return nil
	})
	ds, err := report.Deliverables(out)
	if err != nil || len(ds) != 3 {
		t.Fatalf("deliverables: %v %v", ds, err)
	}
	for _, d := range ds {
		if d.Participant != "acme" {
			continue
		}
		var summary string
		filepath.WalkDir(filepath.Join(d.Dir, "en"), func(p string, e os.DirEntry, err error) error {
			if err == nil && !e.IsDir() && strings.Contains(read(p), `id="summary"`) {
				summary = read(p)
			}
			return err
		})
		i := strings.Index(summary, "Response rate: yours against the median of your peers")
		if i < 0 || !strings.Contains(summary[i:], "<td>3</td><td>3</td><td>2</td><td>66.7</td><td>83.3</td>") {
			t.Errorf("acme's summary lacks its response rate against its peers' median")
		}
	}

	// Without the collector's log: not known, said, not guessed.
	out2 := filepath.Join(dir, "report2")
	if code, _, stderr := run(t, "report", "--survey", path, "--invitations", links, "-o", out2, data); code != exitOK {
		t.Fatalf("report: %d %s", code, stderr)
	}
	if !strings.Contains(read(filepath.Join(out2, "public", "en", "index.html")), "<td>8</td><td>not known</td><td>6</td>") {
		t.Errorf("without --started the overview does not say started is not known")
	}
}

// TestInvitationFileErrors: a links file without invitations, or data
// without an invitation column, is refused with its name, in English and
// in Russian.
func TestInvitationFileErrors(t *testing.T) {
	dir := t.TempDir()
	path := inviteSurvey(t, dir, "")
	noLink := filepath.Join(dir, "nolink.csv")
	os.WriteFile(noLink, []byte("company,seg\nacme,retail\n"), 0o644)
	badLink := filepath.Join(dir, "badlink.csv")
	os.WriteFile(badLink, []byte("link\nhttps://collect.example.org/inv/en/?company=acme\n"), 0o644)
	// data ingested from the survey without its invitations block
	plain := filepath.Join(dir, "plain.hcl")
	src, _ := os.ReadFile(path)
	os.WriteFile(plain, []byte(strings.Replace(string(src), "invitations {\n    \n  }", "", 1)), 0o644)
	s, diags := compiler.New().Load(plain)
	if diags.HasErrors() || s.Invitations != nil {
		t.Fatalf("plain survey: %v %v", diags, s.Invitations)
	}
	in := filepath.Join(dir, "answers.ndjson")
	os.WriteFile(in, []byte(answerThrough(t, s, "https://collect.example.org/inv/en/?company=acme", "resp-000000000001", 9, nil)+"\n"), 0o644)
	data := filepath.Join(dir, "plain.parquet")
	if code, _, stderr := run(t, "ingest", "--survey", plain, "-o", data, in); code != exitOK {
		t.Fatalf("ingest: %s", stderr)
	}
	os.WriteFile(filepath.Join(dir, "links.csv"), []byte("invitation,link\nx1,https://collect.example.org/inv/en/\n"), 0o644)
	for _, c := range []struct {
		args   []string
		en, ru string
	}{
		{[]string{"simulate", "--links", noLink, path}, noLink + " has no link column", "в " + noLink + " нет столбца link"},
		{[]string{"simulate", "--links", badLink, path}, badLink + ": line 2: the link carries no invitation", badLink + ": строка 2: в ссылке нет приглашения"},
		{[]string{"rates", "--survey", path, "--list", filepath.Join(dir, "links.csv"), data}, data + " has no invitation column", "в " + data + " нет столбца invitation"},
	} {
		code, _, stderr := run(t, c.args...)
		if code != exitInput || !strings.Contains(stderr, c.en) {
			t.Errorf("%v: %d %q, want %q", c.args, code, stderr, c.en)
		}
		t.Setenv("OPROS_LANG", "ru")
		var ru strings.Builder
		Main(c.args, strings.NewReader(""), io.Discard, &ru)
		if !strings.Contains(ru.String(), c.ru) {
			t.Errorf("%v in Russian: %q, want %q", c.args, ru.String(), c.ru)
		}
	}
}

// TestIngestSkipsStarted: ingest given the collector's folder reads the
// answers and names the started log it leaves out, in English and Russian.
func TestIngestSkipsStarted(t *testing.T) {
	dir := t.TempDir()
	path := inviteSurvey(t, dir, "")
	rows := invited(t, dir, path, inviteList)
	s, _ := compiler.New().Load(path)
	folder := filepath.Join(dir, "answers", s.ID)
	os.MkdirAll(folder, 0o755)
	os.WriteFile(filepath.Join(folder, "answers.ndjson"), []byte(answerThrough(t, s, rows[0][1], "resp-000000000001", 9, nil)+"\n"), 0o644)
	line, _ := json.Marshal(collect.StartedLine{At: "2026-05-01T12:00:00Z", Invitation: rows[0][0]})
	started := filepath.Join(folder, collect.StartedFile)
	os.WriteFile(started, append(line, '\n'), 0o644)
	args := []string{"ingest", "--survey", path, "--keys", filepath.Join(dir, "invite.keys"), "-o", filepath.Join(dir, "out", "a.parquet"), filepath.Join(dir, "answers")}
	code, stdout, stderr := run(t, args...)
	if code != exitOK || !strings.Contains(stdout, "1 accepted, 0 rejected") || !strings.Contains(stderr, "skipped "+started+": the invitations whose form the collector served") {
		t.Fatalf("ingest: %d %s %s", code, stdout, stderr)
	}
	t.Setenv("OPROS_LANG", "ru")
	var ru strings.Builder
	Main(args, strings.NewReader(""), io.Discard, &ru)
	if !strings.Contains(ru.String(), "пропущен "+started+": приглашения, чью форму отдал сборщик") {
		t.Errorf("ru: %q", ru.String())
	}
}
