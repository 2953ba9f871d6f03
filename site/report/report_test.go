package report_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/ingest"
	"github.com/opros/opros/site/keys"
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
	cfg, _, diags := simulate.LoadConfig("../../examples/" + ex + "/demo/simulate.hcl")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
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
	if err := os.WriteFile(in, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
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

// build builds the report of an example with the same keys for the same
// survey and participants, so two builds can be compared, and returns its
// output folder (public/, participants/, access.csv).
func build(t *testing.T, s *ir.Survey, res *score.Results, ex string) string {
	t.Helper()
	dir := t.TempDir()
	if _, err := report.Build(s, res, report.Config{SurveyDir: "../../examples/" + ex, Keys: testKeys(t, s, res)}, dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

var (
	keysMu    sync.Mutex
	keysCache = map[string]*keys.File{}
)

func testKeys(t *testing.T, s *ir.Survey, res *score.Results) *keys.File {
	names := report.Participants(s, res)
	id := s.ID + "\x00" + strings.Join(names, "\x00")
	keysMu.Lock()
	defer keysMu.Unlock()
	if k := keysCache[id]; k != nil {
		return k
	}
	// Labels in the names' order and made-up tokens, so golden pages stay
	// as they were; opros report's labels come from the keys file's secret.
	k := &keys.File{Version: keys.Version, Survey: s.ID}
	for i, n := range names {
		k.Participants = append(k.Participants, keys.Entry{Name: n, Label: keys.Label(i), Token: fmt.Sprintf("token%02d", i+1), Passphrase: "test"})
	}
	keysCache[id] = k
	return k
}

// readAll reads every file under dir by its path. A built report reads as
// the tests knew the site before it had two audiences: the public site's
// pages as <lang>/…, each participant's own page (its deliverable's
// <lang>/index.html) as <lang>/participants/pNN.html, NN its place in the
// alphabetical order of names, and the rest of each deliverable as
// participants/<name>/<lang>/…. walk reads the folder as it is.
func readAll(t *testing.T, dir string) map[string]string {
	t.Helper()
	ds, err := report.Deliverables(dir)
	if err != nil {
		return walk(dir)
	}
	out := walk(filepath.Join(dir, report.PublicDir))
	names := make([]string, len(ds))
	for i, d := range ds {
		names[i] = d.Participant
	}
	sort.Strings(names)
	for _, d := range ds {
		nn := fmt.Sprintf("p%02d", sort.SearchStrings(names, d.Participant)+1)
		for rel, body := range walk(d.Dir) {
			lang, page, ok := strings.Cut(filepath.ToSlash(rel), "/")
			if ok && page == "index.html" {
				out[lang+"/participants/"+nn+".html"] = body
			} else {
				out["participants/"+d.Participant+"/"+filepath.ToSlash(rel)] = body
			}
		}
	}
	return out
}

func walk(dir string) map[string]string {
	out := map[string]string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			out[filepath.ToSlash(rel)] = string(b)
		}
		return nil
	})
	return out
}

func TestDeterministicAndEscaped(t *testing.T) {
	s, res := dataset(t, "nps-csat-ces", 1500)
	a, b := walk(build(t, s, res, "nps-csat-ces")), walk(build(t, s, res, "nps-csat-ces"))
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
	for _, page := range []string{"public/en/methodology.html", "public/ru/methodology.html"} {
		m := a[page]
		if !strings.Contains(m, `id="weighting"`) || !strings.Contains(m, "80") || len(res.Raking) != 2 {
			t.Errorf("%s has no weighting section (raking report %d waves)", page, len(res.Raking))
		}
	}
	found := false
	for name, body := range a {
		found = found || strings.HasPrefix(name, "participants/") && strings.Contains(body, "&lt;script&gt;alert(&#34;xss&#34;)&lt;/script&gt;")
	}
	if !found {
		t.Error("the hostile verbatim is not shown (escaped) anywhere")
	}
}

// TestGoldenPages keeps the overview (ru) and the maturity page (en) of a
// small deterministic report.
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
	ds, err := report.Deliverables(dir)
	if err != nil || len(ds) == 0 {
		t.Fatalf("deliverables %v %v", ds, err)
	}
	// The hostile participant's own report names it: its name must stay
	// text there too.
	var evil report.Deliverable
	for _, d := range ds {
		if d.Participant == evilFormula {
			evil = d
		}
	}
	own := "participants/" + evil.Token + "/ru/index.html"
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
	for _, sub := range []string{"public/ru", "participants/" + evil.Token + "/ru"} {
		filepath.WalkDir(filepath.Join(dir, sub), func(p string, d fs.DirEntry, err error) error {
			if err == nil && strings.HasSuffix(p, ".html") {
				rel, _ := filepath.Rel(dir, p)
				pages = append(pages, filepath.ToSlash(rel))
			}
			return nil
		})
	}
	for _, p := range pages {
		tab.Go(t, srv.URL+"/"+p)
		charts := testkit.JS[int](t, tab, `document.querySelectorAll("svg.chart").length`)
		if (strings.HasSuffix(p, "indexes.html") || p == own) && charts == 0 {
			t.Errorf("%s: no charts", p)
		}
		if strings.HasSuffix(p, "index.html") || strings.HasSuffix(p, "questions-about.html") {
			tab.Axe(t)
		}
	}
	tab.Go(t, srv.URL+"/public/ru/index.html")
	tab.Screenshot(t, "report-overview")
	tab.Go(t, srv.URL+"/"+own)
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
	tab.Go(t, srv.URL+"/"+strings.Replace(own, "index.html", "questions-about.html", 1))
	csv := testkit.JS[string](t, tab, `[...document.querySelectorAll("table.data")].map(window.opros.csv).join("\n")`)
	if !strings.Contains(csv, "Участник") {
		t.Fatalf("CSV export did not run: %.200s", csv)
	}
	tab.Go(t, srv.URL+"/"+strings.Replace(own, "index.html", "ranking.html", 1))
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
	got, err := os.ReadFile(filepath.Join(out, "public", "ru", "page-summary.html"))
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
