package report_test

import (
	"html"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/report"
)

var (
	tableRe = regexp.MustCompile(`(?s)<table.*?</table>`)
	rowRe   = regexp.MustCompile(`(?s)<tr>(.*?)</tr>`)
	cellRe  = regexp.MustCompile(`(?s)<t[hd][^>]*>(.*?)</t[hd]>`)
	tagRe   = regexp.MustCompile(`<[^>]+>`)
)

// pageTable is a table of a page as its reader sees it: header and cells
// as text.
type pageTable struct {
	head []string
	rows [][]string
}

// sectionTables are the tables of a page's top-level section by its id.
func sectionTables(page, id string) []pageTable {
	start := strings.Index(page, `<section class="block" id="`+id+`">`)
	if start < 0 {
		return nil
	}
	sec := page[start:]
	if i := strings.Index(sec[1:], `<section class="block"`); i >= 0 {
		sec = sec[:i+1]
	}
	var out []pageTable
	for _, tb := range tableRe.FindAllString(sec, -1) {
		var t pageTable
		for i, r := range rowRe.FindAllStringSubmatch(tb, -1) {
			var cells []string
			for _, c := range cellRe.FindAllStringSubmatch(r[1], -1) {
				cells = append(cells, strings.TrimSpace(html.UnescapeString(tagRe.ReplaceAllString(c[1], ""))))
			}
			if i == 0 {
				t.head = cells
			} else {
				t.rows = append(t.rows, cells)
			}
		}
		out = append(out, t)
	}
	return out
}

// column is the cell of a table's row (by its first cell) under a
// header; "" and "—" both read as nothing shown.
func (t pageTable) column(row, head string) (string, bool) {
	col := -1
	for i, h := range t.head {
		if h == head {
			col = i
		}
	}
	for _, r := range t.rows {
		if col >= 0 && len(r) > col && r[0] == row {
			if r[col] == "—" {
				return "", true
			}
			return r[col], true
		}
	}
	return "", false
}

// TestSummaryMatchesDetails reads every participant's executive summary
// and the detailed tables below it, in a respondent-level benchmark
// (nps-csat-ces: value, interval, rank, quartile, change and its test,
// level) and a company-level one (contact-center-2018: no interval; and its
// strengths and gaps by block), and checks that every figure of the
// summary is the one the detailed table shows.
func TestSummaryMatchesDetails(t *testing.T) {
	s, res := dataset(t, "nps-csat-ces", 1500)
	respondent := readAll(t, build(t, s, res, "nps-csat-ces"))
	_, company := companySite(t, 12, 3)
	for _, tc := range []struct {
		name   string
		files  map[string]string
		blocks bool
	}{{"nps-csat-ces", respondent, false}, {"contact-center-2018", company, true}} {
		pages, ranked, changed := 0, 0, 0
		for path, page := range tc.files {
			if !strings.HasPrefix(path, "en/participants/p") {
				continue
			}
			pages++
			sum := sectionTables(page, "summary")
			detail := sectionTables(page, "indexes")
			if len(detail) > 0 { // after the trend charts' data tables
				detail = detail[len(detail)-1:]
			}
			if len(sum) == 0 || len(detail) == 0 || len(sum[0].rows) == 0 {
				if !strings.Contains(page, `id="suppressed"`) && !strings.Contains(page, `id="none"`) {
					t.Errorf("%s %s: no summary (%d tables) or no index table (%d)", tc.name, path, len(sum), len(detail))
				}
				continue
			}
			if tc.name == "contact-center-2018" && strings.Contains(strings.Join(sum[0].head, "|"), "interval") {
				t.Errorf("%s: a company-level summary shows intervals: %v", path, sum[0].head)
			}
			for _, r := range sum[0].rows {
				for _, h := range sum[0].head[1:] {
					got, _ := sum[0].column(r[0], h)
					want, ok := detail[0].column(r[0], h)
					if !ok {
						t.Errorf("%s %s: %q: the detailed table has no %q", tc.name, path, r[0], h)
					} else if got != want {
						t.Errorf("%s %s: %q %s: summary %q, details %q", tc.name, path, r[0], h, got, want)
					}
				}
				if v, _ := sum[0].column(r[0], "Rank"); strings.Contains(v, " of ") {
					ranked++
				}
				if v, _ := sum[0].column(r[0], "Change vs previous wave"); v != "" {
					changed++
				}
			}
			if tc.blocks {
				m := sectionTables(page, "map")
				if len(sum) < 2 || len(m) < 2 {
					t.Errorf("%s: strengths and gaps: summary %d tables, map %d", path, len(sum), len(m))
					continue
				}
				if got, want := sum[1].rows, m[len(m)-1].rows; strings.Join(flat(got), "|") != strings.Join(flat(want), "|") {
					t.Errorf("%s: strengths and gaps: summary %v, map %v", path, got, want)
				}
			} else if len(sum) < 2 || len(sum[1].rows) == 0 {
				t.Errorf("%s: no strengths and gaps by item", path)
			}
		}
		if pages == 0 || ranked == 0 || changed == 0 {
			t.Errorf("%s: %d pages, %d ranked rows, %d changes: nothing compared", tc.name, pages, ranked, changed)
		}
	}
}

func flat(rows [][]string) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r...)
	}
	return out
}

// TestSummaryBrowser: a deliverable's summary fits the first screen of a
// 1366×768 laptop and axe finds nothing on its page.
func TestSummaryBrowser(t *testing.T) {
	s, res := dataset(t, "nps-csat-ces", 1500)
	dir := build(t, s, res, "nps-csat-ces")
	ds, err := report.Deliverables(dir)
	if err != nil || len(ds) == 0 {
		t.Fatalf("deliverables %v %v", ds, err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	tab := testkit.Browser(t)
	tab.Viewport(t, 1366, 768)
	for _, lang := range []string{"en", "ru"} {
		tab.Go(t, srv.URL+"/participants/"+ds[0].Token+"/"+lang+"/index.html")
		bottom := testkit.JS[float64](t, tab, `document.getElementById("summary").getBoundingClientRect().bottom`)
		if bottom <= 0 || bottom > 768 {
			t.Errorf("%s: the summary ends at %.0f px, not within the first 768", lang, bottom)
		}
		if vs := tab.AxeViolations(t); len(vs) > 0 {
			t.Errorf("%s: axe: %v", lang, vs)
		}
		tab.Screenshot(t, "report-summary-"+lang)
	}
}
