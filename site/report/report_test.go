package report_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/ingest"
	"github.com/opros/opros/site/report"
	"github.com/opros/opros/site/score"
	"github.com/opros/opros/site/simulate"
)

const evilText = `<script>alert("xss")</script>`
const evilFormula = `=HYPERLINK("http://evil.example","click")`

// dataset simulates answers to an example and adds respondents whose
// answers and company name are hostile.
func dataset(t *testing.T, ex string, n int) (*ir.Survey, *score.Results) {
	t.Helper()
	s := testkit.Load(t, "../../examples/"+ex)
	cfg, _, _ := simulate.LoadConfig("../../examples/" + ex + "/demo/simulate.hcl")
	var buf bytes.Buffer
	if err := simulate.Simulate(s, cfg, simulate.Options{N: n, Seed: 5}, &buf); err != nil {
		t.Fatal(err)
	}
	if ex == "nps-csat-ces" {
		for i := 0; i < 12; i++ {
			fmt.Fprintf(&buf, `{"response_id":"evil-%012d","survey":"nps-csat-ces","version":"%s","lang":"ru","hidden":{"company":%q,"channel":"phone","segment":"b2c"},"submitted_at":"2025-06-01T10:00:00Z","answers":{"q_nps":3,"q_nps_detractor":%q,"q_csat":2,"q_ces":3,"d_speed":2,"d_competence":2,"d_politeness":2,"d_ease":2,"d_price":2,"q_resolved":"no","q_comment":%q}}`+"\n",
				i, s.Hash, evilFormula, evilText, evilFormula)
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
	return s, res
}

func build(t *testing.T, s *ir.Survey, res *score.Results, ex string) string {
	t.Helper()
	dir := t.TempDir()
	if _, err := report.Build(s, res, report.Config{SurveyDir: "../../examples/" + ex}, dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

func readAll(t *testing.T, dir string) map[string]string {
	out := map[string]string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			out[rel] = string(b)
		}
		return nil
	})
	return out
}

func TestDeterministicAndEscaped(t *testing.T) {
	s, res := dataset(t, "nps-csat-ces", 1500)
	a, b := readAll(t, build(t, s, res, "nps-csat-ces")), readAll(t, build(t, s, res, "nps-csat-ces"))
	if len(a) < 20 {
		t.Fatalf("only %d files", len(a))
	}
	for name, body := range a {
		if b[name] != body {
			t.Errorf("%s differs between two builds", name)
		}
		if strings.Contains(body, evilText) || strings.Contains(body, "<script>alert") {
			t.Errorf("%s contains unescaped respondent text", name)
		}
		for _, bad := range []string{`src="http`, `href="http`, "url(http", "@import"} {
			if strings.Contains(body, bad) {
				t.Errorf("%s refers to another host (%s)", name, bad)
			}
		}
	}
	// The example rakes to known segment and channel shares: the
	// methodology says so, with the targets next to the weighted shares.
	for _, page := range []string{"en/methodology.html", "ru/methodology.html"} {
		m := a[page]
		if !strings.Contains(m, `id="weighting"`) || !strings.Contains(m, "80") || len(res.Raking) != 2 {
			t.Errorf("%s has no weighting section (raking report %d waves)", page, len(res.Raking))
		}
	}
	found := false
	for _, body := range a {
		found = found || strings.Contains(body, "&lt;script&gt;alert(&#34;xss&#34;)&lt;/script&gt;")
	}
	if !found {
		t.Error("the hostile verbatim is not shown (escaped) anywhere")
	}
}

// TestGoldenOverview keeps the overview of a small deterministic report.
func TestGoldenPages(t *testing.T) {
	s, res := dataset(t, "cx-index", 400)
	files := readAll(t, build(t, s, res, "cx-index"))
	for _, name := range []string{"ru/index.html", "en/maturity.html"} {
		testkit.Golden(t, "testdata/cx-index."+strings.ReplaceAll(name, "/", ".")+".golden", []byte(files[name]))
	}
}

func TestBrowser(t *testing.T) {
	s, res := dataset(t, "nps-csat-ces", 1500)
	dir := build(t, s, res, "nps-csat-ces")
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	tab := testkit.Browser(t)
	dialogs := 0
	chromedp.Listen(tab.Ctx, func(ev any) {
		if _, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			dialogs++
		}
	})
	var pages []string
	filepath.WalkDir(filepath.Join(dir, "ru"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".html") {
			rel, _ := filepath.Rel(dir, p)
			pages = append(pages, filepath.ToSlash(rel))
		}
		return nil
	})
	for _, p := range pages {
		tab.Go(t, srv.URL+"/"+p)
		charts := testkit.JS[int](t, tab, `document.querySelectorAll("svg.chart").length`)
		if (strings.HasSuffix(p, "indexes.html") || strings.Contains(p, "participants/")) && charts == 0 {
			t.Errorf("%s: no charts", p)
		}
		if strings.HasSuffix(p, "index.html") || strings.HasSuffix(p, "participants/p01.html") || strings.HasSuffix(p, "questions-about.html") {
			tab.Axe(t)
		}
	}
	tab.Go(t, srv.URL+"/ru/index.html")
	tab.Screenshot(t, "report-overview")
	tab.Go(t, srv.URL+"/ru/participants/p01.html")
	tab.Screenshot(t, "report-participant")
	if errs := tab.Errors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
	for _, u := range tab.Requests() {
		if !strings.HasPrefix(u, srv.URL) && !strings.HasPrefix(u, "data:") {
			t.Errorf("request to another host: %s", u)
		}
	}
	if dialogs > 0 {
		t.Errorf("respondent text ran as script (%d dialogs)", dialogs)
	}
	// CSV downloads: a formula from a respondent must stay text.
	tab.Go(t, srv.URL+"/ru/questions-about.html")
	csv := testkit.JS[string](t, tab, `[...document.querySelectorAll("table.data")].map(window.opros.csv).join("\n")`)
	if !strings.Contains(csv, "Участник") {
		t.Fatalf("CSV export did not run: %.200s", csv)
	}
	tab.Go(t, srv.URL+"/ru/ranking.html")
	csv = testkit.JS[string](t, tab, `[...document.querySelectorAll("table.data")].map(window.opros.csv).join("\n")`)
	if strings.Contains(csv, `"=HYPERLINK`) {
		t.Error("CSV export lets a formula through")
	}
	verb := testkit.JS[string](t, tab, `window.opros.csv((() => { const t = document.createElement("table"); t.innerHTML = '<tr><td>=HYPERLINK("x")</td><td>-3</td><td>+7 (999)</td></tr>'; return t })())`)
	if verb != `"'=HYPERLINK(""x"")","-3","'+7 (999)"` {
		t.Errorf("CSV cells: %s", verb)
	}
}

func TestNarrativeFunctions(t *testing.T) {
	s, res := dataset(t, "nps-csat-ces", 1500)
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "report"), 0o755)
	page := "# Итоги\n\nNPS: {{ index_value \"nps\" }} {{ index_ci \"nps\" }}, n = {{ n }}. {{ upper \"sprig\" }}\n\n{{ table \"ranking\" \"nps\" }}\n"
	os.WriteFile(filepath.Join(dir, "report", "summary.md"), []byte(page), 0o644)
	s.Report.Pages = []string{"report/summary.md"}
	out := t.TempDir()
	if _, err := report.Build(s, res, report.Config{SurveyDir: dir}, out); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(out, "ru", "page-summary.html"))
	if err != nil {
		t.Fatal(err)
	}
	latest := res.Group(fmt.Sprintf("wave=%d", res.Waves[len(res.Waves)-1])).Indexes["nps"]
	want := strings.Replace(fmt.Sprintf("NPS: %.1f [%.1f; %.1f], n = %d. SPRIG", latest.Value, latest.Low, latest.High, res.N), ".", ",", 3)
	if !strings.Contains(string(got), want) {
		t.Errorf("narrative page lacks %q", want)
	}
	if !strings.Contains(string(got), "<table class=\"data\">") || !strings.Contains(string(got), "<title>Итоги — ") {
		t.Error("table or title missing from the narrative page")
	}
}
