package report_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/ingest"
	"github.com/opros/opros/site/score"
	"github.com/opros/opros/site/simulate"
)

// issueResults scores issue 13's case: nps-csat-ces without raking
// margins, min_group_size 10, six companies; in 2024 company A has 4
// respondents and B 11, every other company-wave 20.
func issueResults(t *testing.T, named bool) (*score.Results, string) {
	t.Helper()
	s := testkit.Load(t, "../../examples/nps-csat-ces")
	s.Bench.Margins = nil
	s.Bench.Competitors = named
	s.Bench.MinGroupSize = 10
	cfg, _, _ := simulate.LoadConfig("../../examples/nps-csat-ces/demo/simulate.hcl")
	counts := map[int][]int{2024: {4, 11, 20, 20, 20, 20}, 2025: {20, 20, 20, 20, 20, 20}}
	var buf bytes.Buffer
	seed := uint64(100)
	for _, w := range cfg.Waves {
		for i, c := range cfg.Companies {
			one := *cfg
			one.Companies, one.Waves = []simulate.Group{c}, []simulate.WaveCfg{w}
			seed++
			if err := simulate.Simulate(s, &one, simulate.Options{N: counts[w.Year][i], Seed: seed}, &buf); err != nil {
				t.Fatal(err)
			}
		}
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in.ndjson")
	os.WriteFile(in, buf.Bytes(), 0o644)
	out := filepath.Join(dir, "data.parquet")
	if _, err := ingest.Run(s, []ingest.Input{{Path: in}}, out, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	res, err := score.Compute(s, []string{out}, score.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res, build(t, s, res, "nps-csat-ces")
}

// TestDisclosureOnTheSite: the methodology page says in both languages how
// many groups of each breakdown were suppressed for their size and how many
// hidden to protect them, and a participant hidden to protect another is
// told so, not that it had too few answers.
func TestDisclosureOnTheSite(t *testing.T) {
	res, dir := issueResults(t, false)
	pages := readAll(t, dir)
	small, protect := 0, 0
	for _, g := range res.Groups {
		if g.Dim != "company+wave" {
			continue
		}
		switch {
		case g.Complement:
			protect++
		case g.Suppressed:
			small++
		}
	}
	if small != 1 || protect < 3 {
		t.Fatalf("company × wave: %d suppressed for size, %d to protect them; want 1 and at least 3 (a rectangle)", small, protect)
	}
	cells := regexp.MustCompile(`<t[dh][^>]*>([^<]*)</t[dh]>`)
	for lang, title := range map[string]string{"en": "Disclosure control", "ru": "Защита от раскрытия"} {
		m := pages[lang+"/methodology.html"]
		i := strings.Index(m, `id="disclosure"`)
		if i < 0 || !strings.Contains(m[i:], title) {
			t.Fatalf("%s methodology has no disclosure section", lang)
		}
		var row []string
		for _, tr := range strings.Split(m[i:], "<tr")[1:] {
			var r []string
			for _, c := range cells.FindAllStringSubmatch(tr, -1) {
				r = append(r, c[1])
			}
			if len(r) == 5 && strings.Contains(r[0], "×") {
				row = r
				break
			}
		}
		want := []string{strconv.Itoa(small + protect + (12 - small - protect)), strconv.Itoa(12 - small - protect), strconv.Itoa(small), strconv.Itoa(protect)}
		if row == nil || strings.Join(row[1:], " ") != strings.Join(want, " ") {
			t.Errorf("%s: company × wave row %q, want groups, shown, for size, to protect = %v", lang, row, want)
		}
	}
	// Every participant whose latest wave is hidden to protect another says so.
	notes := 0
	for name, body := range pages {
		if strings.HasPrefix(name, "en/participants/") && strings.Contains(body, "hidden so that a smaller group cannot be worked out") {
			notes++
		}
	}
	latest := 0
	for _, g := range res.Groups {
		if g.Dim == "company+wave" && g.Wave == 2025 && g.Complement {
			latest++
		}
	}
	t.Logf("company × wave: %d suppressed for size, %d to protect them; %d participant pages explain it", small, protect, notes)
	if notes != latest || latest == 0 {
		t.Errorf("%d participant pages explain a protective suppression, want %d", notes, latest)
	}
}

// TestHiddenGroupsNotOnTheSite: with competitors named, no page shows a
// company in a wave where it is hidden: not in a ranking of that wave, not
// on its own page, whose latest wave it is.
func TestHiddenGroupsNotOnTheSite(t *testing.T) {
	res, dir := issueResults(t, true)
	pages := readAll(t, dir)
	latest := res.Waves[len(res.Waves)-1]
	hidden := 0
	for _, g := range res.Groups {
		if g.Dim != "company+wave" || g.Wave != latest || !g.Suppressed {
			continue
		}
		hidden++
		for _, lang := range []string{"en", "ru"} {
			if strings.Contains(pages[lang+"/ranking.html"], ">"+g.Value+"<") {
				t.Errorf("%s: %s is ranked in %d, where it is hidden", lang, g.Value, latest)
			}
			for name, body := range pages {
				if strings.HasPrefix(name, lang+"/participants/") && strings.Contains(body, "<h2>"+g.Value+"</h2>") && strings.Contains(body, "<table") {
					t.Errorf("%s: %s's own page has a table", lang, g.Value)
				}
			}
		}
	}
	if hidden == 0 {
		t.Fatal("no company hidden in the latest wave: the case is not exercised")
	}
	// The ranking does name the companies that are shown.
	for _, g := range res.Groups {
		if g.Dim == "company+wave" && g.Wave == latest && !g.Suppressed && !strings.Contains(pages["en/ranking.html"], ">"+g.Value+"<") {
			t.Errorf("%s is shown in %d but not ranked: the check above proves nothing", g.Value, latest)
		}
	}
}
