package report_test

import (
	"bytes"
	"fmt"
	"html"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/ingest"
	"github.com/opros/opros/site/report"
	"github.com/opros/opros/site/score"
	"github.com/opros/opros/site/simulate"
)

// The open answers of TestLeaks: each names another participant (by name,
// inflected, or by an alias), carries an e-mail address and a phone
// number, and has a marker that redaction leaves alone, to find it by.
var leakComments = map[string]string{
	"Ромашка": "ZQX-ROM: у Клевера лучше, агент Clever перезвонил с +7 (495) 123-45-67, пишите ivan.petrov@mail.ru",
	"Лютик":   "ZQX-LUT: как в Одуванчике, смотрите https://lutik.example/complaint и звоните 8 900 765 43 21",
}

// leakSurvey is the nps-csat-ces example, answered by its simulated
// companies, with the comments above; the survey lists Clever as an
// alias of Клевер and keeps comments off the public site unless public.
func leakSurvey(t *testing.T, public bool) (*ir.Survey, *score.Results, []string) {
	t.Helper()
	s := testkit.Load(t, "../../examples/nps-csat-ces")
	rep := *s.Report
	rep.PublicComments = public
	rep.Aliases = map[string][]string{"Клевер": {"Clever"}}
	s.Report = &rep
	cfg, _, _ := simulate.LoadConfig("../../examples/nps-csat-ces/demo/simulate.hcl")
	var buf bytes.Buffer
	if err := simulate.Simulate(s, cfg, simulate.Options{N: 600, Seed: 7}, &buf); err != nil {
		t.Fatal(err)
	}
	i := 0
	for company, text := range leakComments {
		i++
		fmt.Fprintf(&buf, `{"response_id":"leak-comment-%04d","survey":"nps-csat-ces","version":"%s","lang":"ru","hidden":{"company":%q,"channel":"phone","segment":"b2c"},"submitted_at":"2025-06-01T10:00:00Z","answers":{"q_nps":5,"q_nps_detractor":"-","q_csat":3,"q_ces":4,"d_speed":3,"d_competence":3,"d_politeness":3,"d_ease":3,"d_price":3,"q_resolved":"no","q_comment":%q}}`+"\n",
			i, s.Hash, company, text)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in.ndjson")
	os.WriteFile(in, buf.Bytes(), 0o644)
	out := filepath.Join(dir, "data.parquet")
	if st, err := ingest.Run(s, []ingest.Input{{Path: in}}, out, ingest.Options{}); err != nil || st.Rejected > 0 {
		rej, _ := os.ReadFile(filepath.Join(dir, "data.rejects.ndjson"))
		t.Fatalf("%+v %v %s", st, err, rej)
	}
	res, err := score.Compute(s, []string{out}, score.Options{MaxVerbatims: 100000})
	if err != nil {
		t.Fatal(err)
	}
	return s, res, report.Participants(s, res)
}

// TestLeaks is issue #15's leak test over a built report with
// competitors = false: no file of the public site (HTML, SVG, CSV, JSON,
// JS, whatever it holds) contains a participant's name, raw or as HTML
// writes it; no deliverable contains another participant's name or
// another deliverable's token, and every link in a deliverable stays
// inside it. Run on the site as it was before the two audiences, the
// same scan found 24 (file, name) hits in 14 files: the participants'
// pages and their index.
func TestLeaks(t *testing.T) {
	s, res, names := leakSurvey(t, false)
	if s.Bench.Competitors || len(names) != 6 {
		t.Fatalf("competitors %v, participants %v", s.Bench.Competitors, names)
	}
	dir := build(t, s, res, "nps-csat-ces")
	ds, err := report.Deliverables(dir)
	if err != nil || len(ds) != len(names) {
		t.Fatalf("deliverables %v: %v", ds, err)
	}
	public := walk(filepath.Join(dir, report.PublicDir))
	if len(public) < 20 {
		t.Fatalf("public site of %d files", len(public))
	}
	contains := func(body, name string) bool {
		return strings.Contains(body, name) || strings.Contains(body, html.EscapeString(name))
	}
	for file, body := range public {
		for _, n := range names {
			if contains(body, n) {
				t.Errorf("public/%s names %s", file, n)
			}
		}
		for _, d := range ds {
			if strings.Contains(body, d.Token) {
				t.Errorf("public/%s refers to %s's deliverable", file, d.Participant)
			}
		}
		if strings.HasPrefix(file, "en/participants") || strings.HasPrefix(file, "ru/participants") {
			t.Errorf("public/%s: a participant's page on the public site", file)
		}
	}
	link := regexp.MustCompile(`(?:href|src)="([^"]*)"`)
	for _, d := range ds {
		files := walk(d.Dir)
		if !contains(files["ru/index.html"], d.Participant) || !contains(files["ru/ranking.html"], d.Participant) {
			t.Errorf("%s's deliverable does not name it", d.Participant)
		}
		if !strings.Contains(files["en/index.html"], "you are Participant "+d.Label+";") || !strings.Contains(files["ru/index.html"], "вы — Участник "+d.Label+";") {
			t.Errorf("%s's own page does not say it is Participant %s", d.Participant, d.Label)
		}
		for file, body := range files {
			for _, n := range names {
				if n != d.Participant && contains(body, n) {
					t.Errorf("%s's %s names %s", d.Participant, file, n)
				}
			}
			for _, o := range ds {
				if o.Token != d.Token && strings.Contains(body, o.Token) {
					t.Errorf("%s's %s refers to %s's folder", d.Participant, file, o.Participant)
				}
			}
			for _, m := range link.FindAllStringSubmatch(body, -1) {
				target := strings.SplitN(m[1], "#", 2)[0]
				if target == "" {
					continue
				}
				if strings.Contains(target, ":") || strings.HasPrefix(target, "/") {
					t.Errorf("%s's %s links out: %s", d.Participant, file, m[1])
					continue
				}
				if resolved := path.Join(path.Dir(file), target); strings.HasPrefix(resolved, "../") {
					t.Errorf("%s's %s links out of its folder: %s", d.Participant, file, m[1])
				} else if _, ok := files[resolved]; !ok {
					t.Errorf("%s's %s links to %s, which it does not hold", d.Participant, file, m[1])
				}
			}
		}
	}
	for _, name := range []string{"access.csv", ".opros-report"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Error(err)
		}
	}
	if info, err := os.Stat(filepath.Join(dir, "access.csv")); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("access.csv: %v %v", info.Mode(), err)
	}
}

// TestOpenAnswers: comments that name another participant (inflected,
// by alias) with an e-mail address and a phone number are shown redacted
// in their own participant's deliverable and nowhere else; with
// public_comments the public site shows them too, redacted. The
// methodology pages count the redactions.
func TestOpenAnswers(t *testing.T) {
	for _, public := range []bool{false, true} {
		t.Run(fmt.Sprintf("public_comments=%v", public), func(t *testing.T) {
			s, res, _ := leakSurvey(t, public)
			dir := build(t, s, res, "nps-csat-ces")
			ds, _ := report.Deliverables(dir)
			sites := map[string]map[string]string{"public": walk(filepath.Join(dir, report.PublicDir))}
			for _, d := range ds {
				sites[d.Participant] = walk(d.Dir)
			}
			for company, text := range leakComments {
				marker := text[:7]
				for site, files := range sites {
					var where []string
					for file, body := range files {
						if strings.Contains(body, marker) {
							where = append(where, file)
						}
						for _, secret := range []string{"Clever", "Клевера", "Одуванчике", "ivan.petrov@mail.ru", "123-45-67", "765 43 21", "lutik.example"} {
							if strings.Contains(body, secret) {
								t.Errorf("%s/%s shows %q", site, file, secret)
							}
						}
					}
					shown := site == company || (public && site == "public")
					if shown != (len(where) > 0) {
						t.Errorf("%s's comment on %s's site: in %v, want shown %v", company, site, where, shown)
					}
					if shown {
						page := files["ru/questions-about.html"] + files["ru/questions-loyalty.html"] + files["ru/questions-satisfaction.html"]
						if i := strings.Index(page, marker); i < 0 || !strings.Contains(page[i:i+400], "[…]") {
							t.Errorf("%s's comment on %s's site is not shown redacted on a question page", company, site)
						}
					}
				}
			}
			rom := sites["Ромашка"]["en/methodology.html"]
			if !strings.Contains(rom, `id="open-answers"`) || !regexp.MustCompile(`: ([1-9][0-9]*) replaced here`).MatchString(rom) {
				t.Errorf("Ромашка's methodology does not count its redactions: %s", between(rom, `id="open-answers"`, "</section>"))
			}
			pub := sites["public"]["ru/methodology.html"]
			if public != strings.Contains(pub, "заменено") || !strings.Contains(pub, `id="open-answers"`) {
				t.Errorf("public methodology on open answers: %s", between(pub, `id="open-answers"`, "</section>"))
			}
		})
	}
}

// TestOrderFollowsLabels: the public site lists participants in the order
// of their labels, not of their names: with labels given against the
// alphabet, the first row of the by-participant tables is the last name.
func TestOrderFollowsLabels(t *testing.T) {
	s, res, names := leakSurvey(t, false)
	k := testKeys(t, s, res)
	rev := *k
	rev.Participants = nil
	for i, e := range k.Participants {
		e.Label = k.Participants[len(k.Participants)-1-i].Label
		rev.Participants = append(rev.Participants, e)
	}
	dir := t.TempDir()
	if _, err := report.Build(s, res, report.Config{SurveyDir: "../../examples/nps-csat-ces", Keys: &rev}, dir); err != nil {
		t.Fatal(err)
	}
	page, _ := os.ReadFile(filepath.Join(dir, "public", "en", "index.html"))
	rows := regexp.MustCompile(`<th scope="row">(Participant [A-Z]+)</th>`).FindAllStringSubmatch(string(page), -1)
	if len(rows) < len(names) || rows[0][1] != "Participant A" || rows[1][1] != "Participant B" {
		t.Fatalf("overview rows %v", rows)
	}
	ds, _ := report.Deliverables(dir)
	if ds[0].Participant != names[len(names)-1] || ds[0].Label != "A" {
		t.Errorf("first deliverable %+v, want %s as A", ds[0], names[len(names)-1])
	}
}

// TestRebuildReplaces: a rebuild into the same folder leaves nothing of
// the earlier build (a deliverable no longer made); a build that fails
// leaves the earlier one as it was; a folder with a public/ opros did not
// write is refused.
func TestRebuildReplaces(t *testing.T) {
	s, res, _ := leakSurvey(t, false)
	dir := t.TempDir()
	cfg := report.Config{SurveyDir: "../../examples/nps-csat-ces"}
	if _, err := report.Build(s, res, cfg, dir); err != nil {
		t.Fatal(err)
	}
	first, _ := report.Deliverables(dir)
	if _, err := report.Build(s, res, cfg, dir); err != nil { // new keys in memory: new tokens
		t.Fatal(err)
	}
	if _, err := os.Stat(first[0].Dir); !os.IsNotExist(err) {
		t.Errorf("the earlier build's deliverable is still there: %v", err)
	}
	// A build that fails (a narrative page gone missing) leaves the
	// earlier one whole, and no temporary folder.
	second, _ := report.Deliverables(dir)
	before := walk(dir)
	broken := *s
	rep := *s.Report
	rep.Pages = []string{"missing.md"}
	broken.Report = &rep
	if _, err := report.Build(&broken, res, cfg, dir); err == nil {
		t.Fatal("a build with a missing page did not fail")
	}
	if after := walk(dir); len(after) != len(before) {
		t.Errorf("a failed build changed the output: %d files, were %d", len(after), len(before))
	} else if _, err := os.Stat(second[0].Dir); err != nil {
		t.Errorf("a failed build removed a deliverable: %v", err)
	}
	other := t.TempDir()
	os.MkdirAll(filepath.Join(other, "public"), 0o755)
	os.WriteFile(filepath.Join(other, "public", "mine.html"), []byte("mine"), 0o644)
	_, err := report.Build(s, res, cfg, other)
	if err == nil || !strings.Contains(err.Error(), "not written by opros report") {
		t.Fatalf("a foreign public/: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(other, "public", "mine.html")); string(b) != "mine" {
		t.Error("a file opros did not write was removed")
	}
}

// TestParticipantQuestion: a benchmark whose participant is a question
// (benchmark.participant = q_x, its options naming the participants) keeps
// the option labels off the public site too: no chart of that question,
// no codes in the codebook; each deliverable names only its own.
func TestParticipantQuestion(t *testing.T) {
	s := testkit.Load(t, "../../examples/nps-csat-ces")
	s.Bench.Participant = "q_resolved"
	s.Report = nil
	names := map[string]string{"yes": "Зетабанк", "partly": "Омегабанк", "no": "Тетабанк"}
	q := s.Question("q_resolved")
	for i := range q.Options {
		q.Options[i].Label = ir.Text{"ru": names[q.Options[i].Code], "en": names[q.Options[i].Code]}
	}
	cfg, _, _ := simulate.LoadConfig("../../examples/nps-csat-ces/demo/simulate.hcl")
	var buf bytes.Buffer
	if err := simulate.Simulate(s, cfg, simulate.Options{N: 600, Seed: 9}, &buf); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in.ndjson")
	os.WriteFile(in, buf.Bytes(), 0o644)
	data := filepath.Join(dir, "data.parquet")
	if _, err := ingest.Run(s, []ingest.Input{{Path: in}}, data, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	res, err := score.Compute(s, []string{data}, score.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := report.Participants(s, res); len(got) != 3 {
		t.Fatalf("participants %v", got)
	}
	out := build(t, s, res, "nps-csat-ces")
	for file, body := range walk(filepath.Join(out, report.PublicDir)) {
		for _, n := range names {
			if strings.Contains(body, n) {
				t.Errorf("public/%s names %s", file, n)
			}
		}
	}
	ds, _ := report.Deliverables(out)
	for _, d := range ds {
		own := names[d.Participant]
		files := walk(d.Dir)
		if !strings.Contains(files["en/index.html"], own) {
			t.Errorf("%s's deliverable does not name it (%s)", d.Participant, own)
		}
		for file, body := range files {
			for code, n := range names {
				if code != d.Participant && strings.Contains(body, n) {
					t.Errorf("%s's %s names %s", own, file, n)
				}
			}
		}
	}
}
