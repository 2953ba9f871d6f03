package report_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/apache/arrow/go/v15/parquet/file"
	"github.com/apache/arrow/go/v15/parquet/pqarrow"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/ingest"
	"github.com/opros/opros/site/report"
	"github.com/opros/opros/site/score"
	"github.com/opros/opros/site/simulate"
)

// cxIndex simulates visits to the cx-index example's companies and
// returns the survey, the Parquet file and its results. Its first
// question is marked personal, and the last visit of the latest wave
// carries secretComment, naming another company.
func cxIndex(t *testing.T, records bool) (*ir.Survey, string, *score.Results) {
	t.Helper()
	s := testkit.Load(t, "../../examples/cx-index")
	s.Report.Records = records
	s.Pages[0].Questions[0].Personal = true
	cfg, _, _ := simulate.LoadConfig("../../examples/cx-index/demo/simulate.hcl")
	var buf bytes.Buffer
	if err := simulate.Simulate(s, cfg, simulate.Options{N: 400, Seed: 9}, &buf); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	var last map[string]any
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &last); err != nil {
		t.Fatal(err)
	}
	last["answers"].(map[string]any)["comment"] = secretComment
	b, _ := json.Marshal(last)
	lines[len(lines)-1] = string(b)
	dir := t.TempDir()
	in := filepath.Join(dir, "in.ndjson")
	os.WriteFile(in, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
	out := filepath.Join(dir, "data.parquet")
	if _, err := ingest.Run(s, []ingest.Input{{Path: in}}, out, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	res, err := score.Compute(s, []string{out}, score.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return s, out, res
}

// parquetIDs reads the response ids of each company in a wave straight
// from the Parquet file (not through score.Records), and every id.
func parquetIDs(t *testing.T, path string, wave int32) (map[string]map[string]bool, []string) {
	t.Helper()
	f, err := file.OpenParquetFile(path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fr, err := pqarrow.NewFileReader(f, pqarrow.ArrowReadProperties{BatchSize: 4096}, memory.NewGoAllocator())
	if err != nil {
		t.Fatal(err)
	}
	tbl, err := fr.ReadTable(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer tbl.Release()
	tr := array.NewTableReader(tbl, 4096)
	defer tr.Release()
	byCompany, all := map[string]map[string]bool{}, []string(nil)
	for tr.Next() {
		rec := tr.Record()
		col := func(name string) int { return rec.Schema().FieldIndices(name)[0] }
		ids := rec.Column(col("response_id")).(*array.String)
		waves := rec.Column(col("wave")).(*array.Int32)
		company := rec.Column(col("company")).(*array.String)
		for i := 0; i < int(rec.NumRows()); i++ {
			all = append(all, ids.Value(i))
			if waves.Value(i) != wave || company.IsNull(i) {
				continue
			}
			if byCompany[company.Value(i)] == nil {
				byCompany[company.Value(i)] = map[string]bool{}
			}
			byCompany[company.Value(i)][ids.Value(i)] = true
		}
	}
	return byCompany, all
}

// secretComment carries an e-mail address, a phone number and another
// company's name, all of which redaction must remove.
const secretComment = "Звоните +7 (999) 123-45-67 или пишите ivan.petrov@example.com — в Ардшине было лучше"

var (
	recordRowRe = regexp.MustCompile(`<tr><th scope="row">([^<]+)</th>`)
	anchorRe    = regexp.MustCompile(`href="` + regexp.QuoteMeta(report.RecordsPage) + `#([^"]+)"`)
)

// TestRecordsDrillDown is issue #15's drill-down test on cx-index: with
// records allowed, each participant's deliverable lists exactly its own
// visits of the latest wave (as the Parquet file has them) and none of
// another's, and its summary links to them; with records not allowed, no
// response id appears in any file of the output.
func TestRecordsDrillDown(t *testing.T) {
	s, data, res := cxIndex(t, true)
	wave := res.Waves[len(res.Waves)-1]
	want, all := parquetIDs(t, data, int32(wave))
	dir := t.TempDir()
	if _, err := report.Build(s, res, report.Config{SurveyDir: "../../examples/cx-index", Keys: testKeys(t, s, res), Data: []string{data}}, dir); err != nil {
		t.Fatal(err)
	}
	ds, err := report.Deliverables(dir)
	if err != nil || len(ds) == 0 {
		t.Fatalf("deliverables %v %v", ds, err)
	}
	owner := map[string]string{}
	for c, ids := range want {
		for id := range ids {
			owner[id] = c
		}
	}
	listed := 0
	for _, d := range ds {
		for _, lang := range s.Report.Languages {
			page, err := os.ReadFile(filepath.Join(d.Dir, lang, report.RecordsPage))
			if err != nil {
				t.Fatalf("%s: %v", d.Participant, err)
			}
			got := map[string]bool{}
			for _, m := range recordRowRe.FindAllStringSubmatch(string(page), -1) {
				if _, known := owner[m[1]]; known {
					got[m[1]] = true
				}
			}
			for id := range got {
				if owner[id] != d.Participant {
					t.Errorf("%s %s lists %s, a visit to %s", d.Participant, lang, id, owner[id])
				}
			}
			for id := range want[d.Participant] {
				if !got[id] {
					t.Errorf("%s %s: visit %s is missing", d.Participant, lang, id)
				}
			}
			listed += len(got)
			if personal := s.Pages[0].Questions[0].ID; strings.Contains(string(page), ">"+personal+"<") {
				t.Errorf("%s %s shows %s, a personal field", d.Participant, lang, personal)
			}
			if !strings.Contains(string(page), ">comment<") {
				t.Errorf("%s %s: no comment column", d.Participant, lang)
			}
			index, _ := os.ReadFile(filepath.Join(d.Dir, lang, "index.html"))
			if len(want[d.Participant]) > 0 && !strings.Contains(string(index), `href="`+report.RecordsPage+`"`) {
				t.Errorf("%s %s: the summary does not link to the records", d.Participant, lang)
			}
			// Each index and block links to the records behind it: 4
			// indexes and 5 blocks, each anchor a section of the page.
			anchors := anchorRe.FindAllStringSubmatch(string(index), -1)
			if len(want[d.Participant]) > 0 && len(anchors) != len(s.Indexes)+len(s.Blocks) {
				t.Errorf("%s %s: %d links to figures' records, want %d", d.Participant, lang, len(anchors), len(s.Indexes)+len(s.Blocks))
			}
			for _, a := range anchors {
				if !strings.Contains(string(page), `id="`+a[1]+`"`) {
					t.Errorf("%s %s: the summary links to #%s, not on the records page", d.Participant, lang, a[1])
				}
			}
			if cxci := between(string(page), `id="r-index-cxci"`, `</section>`); !strings.Contains(cxci, ">journey_arrival<") || strings.Contains(cxci, ">brand_visible<") {
				t.Errorf("%s %s: the CXCI records do not show exactly its items", d.Participant, lang)
			}
		}
	}
	if listed == 0 {
		t.Fatal("no record listed anywhere")
	}
	// The secret comment reaches its own records page redacted, and its
	// pieces appear in no file at all.
	redacted := 0
	for path, body := range walk(dir) {
		for _, piece := range []string{"123-45-67", "ivan.petrov@example.com", "Ардшине"} {
			if strings.Contains(body, piece) {
				t.Errorf("%s holds %q", path, piece)
			}
		}
		if strings.HasSuffix(path, "/"+report.RecordsPage) && strings.Contains(body, "Звоните [") {
			redacted++
		}
	}
	if redacted == 0 {
		t.Error("the comment with personal data is on no records page, redacted")
	}
	// The public site has no records page, and no deliverable holds an id
	// of another participant's visit anywhere.
	for path, body := range walk(dir) {
		if strings.HasPrefix(path, report.PublicDir+"/") {
			for _, id := range all {
				if strings.Contains(body, id) {
					t.Errorf("%s holds response id %s", path, id)
					break
				}
			}
		}
	}

	s, data, res = cxIndex(t, false)
	_, all = parquetIDs(t, data, int32(wave))
	dir = t.TempDir()
	if _, err := report.Build(s, res, report.Config{SurveyDir: "../../examples/cx-index", Keys: testKeys(t, s, res), Data: []string{data}}, dir); err != nil {
		t.Fatal(err)
	}
	files := walk(dir)
	if len(files) == 0 {
		t.Fatal("nothing built")
	}
	for path, body := range files {
		if strings.HasSuffix(path, "/"+report.RecordsPage) {
			t.Errorf("%s built with records not allowed", path)
		}
		for _, id := range all {
			if strings.Contains(body, id) {
				t.Errorf("%s holds response id %s with records not allowed", path, id)
				break
			}
		}
	}
}

// TestRecordsBrowser: axe finds nothing on a drill-down page, nor on a
// summary linking to it, which fits a 1366×768 screen.
func TestRecordsBrowser(t *testing.T) {
	s, data, res := cxIndex(t, true)
	dir := t.TempDir()
	if _, err := report.Build(s, res, report.Config{SurveyDir: "../../examples/cx-index", Keys: testKeys(t, s, res), Data: []string{data}}, dir); err != nil {
		t.Fatal(err)
	}
	ds, err := report.Deliverables(dir)
	if err != nil || len(ds) == 0 {
		t.Fatalf("deliverables %v %v", ds, err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	tab := testkit.Browser(t)
	tab.Viewport(t, 1366, 768)
	tab.Go(t, srv.URL+"/participants/"+ds[0].Token+"/ru/"+report.RecordsPage)
	if n := testkit.JS[int](t, tab, `document.querySelectorAll("#records tbody tr").length`); n == 0 {
		t.Fatal("no records on the page")
	}
	if vs := tab.AxeViolations(t); len(vs) > 0 {
		t.Errorf("axe: %v", vs)
	}
	tab.Screenshot(t, "report-records")
	// The summary with its links to the records still fits the first
	// screen.
	tab.Go(t, srv.URL+"/participants/"+ds[0].Token+"/ru/index.html")
	if bottom := testkit.JS[float64](t, tab, `document.getElementById("summary").getBoundingClientRect().bottom`); bottom <= 0 || bottom > 768 {
		t.Errorf("the summary ends at %.0f px, not within the first 768", bottom)
	}
	if vs := tab.AxeViolations(t); len(vs) > 0 {
		t.Errorf("axe on the summary: %v", vs)
	}
	tab.Screenshot(t, "report-summary-records")
}
