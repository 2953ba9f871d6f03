package report_test

import (
	"bytes"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/ingest"
	"github.com/opros/opros/site/score"
	"github.com/opros/opros/site/simulate"
)

// companySite builds the site of examples/contact-center-2018 run as the
// real study is: one answer per contact center per wave (responses = 1),
// n companies ("CC01"…) in waves 2017 and 2018, scored as a company-level
// benchmark.
func companySite(t *testing.T, n, minParticipants int) (*score.Results, map[string]string) {
	t.Helper()
	return companySiteKept(t, n, minParticipants, []simulate.WaveCfg{{Year: 2017, Shift: -0.3}, {Year: 2018}}, nil)
}

// companySiteKept is companySite in the waves given, ingesting only the
// submissions keep says yes to (all when nil).
func companySiteKept(t *testing.T, n, minParticipants int, waves []simulate.WaveCfg, keep func(company, line string) bool) (*score.Results, map[string]string) {
	t.Helper()
	s := testkit.Load(t, "../../examples/contact-center-2018")
	s.Bench.Unit = ir.UnitParticipant
	s.Bench.MinParticipants = minParticipants
	cfg := &simulate.Config{Responses: 1, Waves: waves,
		Segments: []simulate.Group{{Name: "bank"}, {Name: "telecom"}}}
	for i := 1; i <= n; i++ {
		seg := "bank"
		if i%2 == 0 {
			seg = "telecom"
		}
		cfg.Companies = append(cfg.Companies, simulate.Group{Name: fmt.Sprintf("CC%02d", i), Segment: seg, Shift: float64(i%5-2) / 2})
	}
	var buf bytes.Buffer
	if err := simulate.Simulate(s, cfg, simulate.Options{Seed: 3}, &buf); err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, line := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		for i := 1; i <= n; i++ {
			if name := fmt.Sprintf("CC%02d", i); strings.Contains(line, `"company":"`+name+`"`) && (keep == nil || keep(name, line)) {
				kept = append(kept, line)
			}
		}
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in.ndjson")
	os.WriteFile(in, []byte(strings.Join(kept, "\n")+"\n"), 0o644)
	out := filepath.Join(dir, "data.parquet")
	if st, err := ingest.Run(s, []ingest.Input{{Path: in}}, out, ingest.Options{}); err != nil || st.Accepted != len(kept) || len(kept) < n {
		t.Fatalf("%+v %v", st, err)
	}
	res, err := score.Compute(s, []string{out}, score.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res, readAll(t, build(t, s, res, "contact-center-2018"))
}

func ownOf(res *score.Results, name string, wave int) *score.Group {
	for _, g := range res.Own {
		if g.Value == name && g.Wave == wave {
			return g
		}
	}
	return nil
}

// en formats as the English pages do.
func en(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) }

// TestCompanyPages is issue #14's case on the site: twelve contact centers
// with one answer each. Every participant's page shows its own answers and
// scores with its rank among 12, quartile and the peers' distribution, and
// no other participant's name; no shared page lists a participant's value;
// the overview and index pages show the distribution over participants,
// not a t interval.
func TestCompanyPages(t *testing.T) {
	res, files := companySite(t, 12, 3)
	b := res.Benchmark("index", "maturity")
	if b == nil || b.Suppressed {
		t.Fatalf("no maturity benchmark: %+v", b)
	}
	verbatims := 0
	for i := 1; i <= 12; i++ {
		name := fmt.Sprintf("CC%02d", i)
		own := ownOf(res, name, 2018)
		page := files[fmt.Sprintf("en/participants/p%02d.html", i)]
		if !strings.Contains(page, name) {
			t.Fatalf("p%02d is not %s's page", i, name)
		}
		for _, want := range []string{"Your scores", "Your answers and your peers&#39;", "chosen", "of 12", "quarter", "share of participants",
			en(own.Indexes["maturity"].Value), en(b.Median), "Top quartile"} {
			if !strings.Contains(page, want) {
				t.Errorf("%s: page lacks %q", name, want)
			}
		}
		for _, texts := range own.Verbatims { // its own "other" answers
			for _, v := range texts {
				verbatims++
				if !strings.Contains(page, html.EscapeString(v.Text)) {
					t.Errorf("%s: its own text %q is not on its page", name, v.Text)
				}
			}
		}
		if strings.Contains(page, "suppressed") || strings.Contains(page, "fewer than") {
			t.Errorf("%s: something is suppressed on its own page", name)
		}
		for j := 1; j <= 12; j++ {
			if other := fmt.Sprintf("CC%02d", j); j != i && strings.Contains(page, other) {
				t.Errorf("%s's page names %s", name, other)
			}
		}
		ru := files[fmt.Sprintf("ru/participants/p%02d.html", i)]
		if !strings.Contains(ru, "Ваши показатели") || !strings.Contains(ru, strings.Replace(en(own.Indexes["maturity"].Value), ".", ",", 1)) {
			t.Errorf("%s: Russian page lacks its own scores", name)
		}
	}
	if verbatims == 0 {
		t.Errorf("no participant has a text answer to check")
	}
	// The peers' share choosing "nps" in q5_13 is over the twelve. (Shares
	// of 0% and 100% of peers, a bound, hide no wave.)
	w := res.Group("wave=2018")
	if w == nil || w.Suppressed || res.Group("wave=2017").Suppressed {
		t.Fatalf("a wave of twelve participants is hidden")
	}
	peers := w.Questions["q5_13"]
	chose := 0
	for i := 1; i <= 12; i++ {
		for _, o := range ownOf(res, fmt.Sprintf("CC%02d", i), 2018).Questions["q5_13"].Options {
			if o.Code == "nps" && o.Count > 0 {
				chose++
			}
		}
	}
	for _, o := range peers.Options {
		if o.Code == "nps" && fmt.Sprintf("%.4f", o.Share) != fmt.Sprintf("%.4f", 100*float64(chose)/12) {
			t.Errorf("peers choosing nps: %v%%, by hand %d of 12", o.Share, chose)
		}
	}
	overview := files["en/index.html"]
	if !strings.Contains(overview, "Distribution over participants") || !strings.Contains(overview, "N = 12") {
		t.Errorf("overview lacks the distribution over participants")
	}
	if strings.Contains(between(overview, `class="cards"`, "</section>"), "[") {
		t.Errorf("overview cards keep an interval")
	}
	if !strings.Contains(files["en/indexes.html"], "over participants") {
		t.Errorf("index page lacks the distribution over participants")
	}
	for path, body := range files { // no interval over participants, nor its column
		if strings.HasPrefix(path, "en/") && strings.HasSuffix(path, ".html") && path != "en/methodology.html" && strings.Contains(body, "95% interval") {
			t.Errorf("%s shows a 95%% interval over participants", path)
		}
	}
	ranking := files["en/ranking.html"]
	if strings.Contains(ranking, "Participant A") || !strings.Contains(ranking, "quartiles") {
		t.Errorf("the comparison page lists a participant's value, or lacks the distribution")
	}
	for _, lang := range []string{"en", "ru"} {
		m := files[lang+"/methodology.html"]
		if !strings.Contains(m, `id="unit"`) || !strings.Contains(m, "<strong>4</strong>") || strings.Contains(m, "<strong>5</strong>") {
			t.Errorf("%s methodology lacks the unit of analysis, or the peer threshold 4 (min_group_size 5 does not apply)", lang)
		}
	}
	// No page of the shared site lists a participant, anonymised or not.
	var shared []string
	for path := range files {
		if strings.HasSuffix(path, ".html") && (strings.HasPrefix(path, "en/") || strings.HasPrefix(path, "ru/")) && !strings.Contains(path, "participants/") {
			shared = append(shared, path)
		}
	}
	sort.Strings(shared)
	for _, path := range shared {
		if strings.Contains(files[path], "Participant A ") {
			t.Errorf("%s lists an anonymised participant", path)
		}
	}
}

// TestCompanyPagesFewPeers: three companies with min_participants = 5:
// every own figure is on each page, no peer figure is.
func TestCompanyPagesFewPeers(t *testing.T) {
	res, files := companySite(t, 3, 5)
	for i := 1; i <= 3; i++ {
		name := fmt.Sprintf("CC%02d", i)
		own := ownOf(res, name, 2018)
		page := files[fmt.Sprintf("en/participants/p%02d.html", i)]
		for _, want := range []string{"Your scores", "chosen", en(own.Indexes["maturity"].Value), "Peer figures hidden: fewer than 6 participants"} {
			if !strings.Contains(page, want) {
				t.Errorf("%s: page lacks %q", name, want)
			}
		}
		if strings.Contains(page, "of 3") || strings.Contains(page, "quarter") {
			t.Errorf("%s: a place among 3 participants is shown", name)
		}
	}
}

// TestCompanyChangeSinceItsLastWave: a contact center that skipped 2017
// reads its change since 2016, named, and the others their change since
// 2017 unnamed.
func TestCompanyChangeSinceItsLastWave(t *testing.T) {
	res, files := companySiteKept(t, 6, 3, []simulate.WaveCfg{{Year: 2016}, {Year: 2017}, {Year: 2018}},
		func(company, line string) bool {
			return company != "CC01" || !strings.Contains(line, `"submitted_at":"2017`)
		})
	own := ownOf(res, "CC01", 2018).Indexes["maturity"]
	if own.VsPrevious == nil {
		t.Fatal("CC01 has no change since 2016")
	}
	want := signedEn(own.VsPrevious.Diff) + " (since 2016)"
	if page := files["en/participants/p01.html"]; !strings.Contains(page, want) {
		t.Errorf("CC01's page lacks %q", want)
	}
	if page := files["en/participants/p02.html"]; strings.Contains(page, "since 20") {
		t.Errorf("CC02's page names the wave of a change since the previous wave")
	}
}

func signedEn(x float64) string {
	s := en(x)
	if x > 0 && strings.Trim(s, "0.") != "" {
		s = "+" + s
	}
	return s
}
