package export_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/export"
	"github.com/opros/opros/site/ingest"
	"github.com/opros/opros/site/simulate"
)

// longWhy is a text answer longer than a string variable's 255 bytes, so
// .sav writes it as a very long string in segments (1,400 bytes).
var longWhy = strings.Repeat("Жук ", 200) + "end"

// kindsData ingests a handful of answers to testdata/kinds, a survey with
// every kind of column, and returns the survey and the Parquet file.
func kindsData(t testing.TB) (*ir.Survey, string) {
	t.Helper()
	s := testkit.Load(t, "testdata/kinds")
	recs := []map[string]any{
		{"hidden": map[string]string{"company": "acme", "w": "1.5"}, "answers": map[string]any{
			"grade": "3", "channel": "phone", "topics": []string{"billing", "other"}, "topics_other": "=1+1",
			"speed": map[string]string{"phone": "fast", "chat": "slow"}, "nps": 9, "amount": -2.5,
			"why": longWhy, "visited": "2026-11-01", "outsourced": false}},
		{"hidden": map[string]string{"company": "globex", "w": "2"}, "answers": map[string]any{
			"grade": "1", "channel": "dk", "topics": []string{"none"}, "nps_na": true, "amount": 1000000, "why": "short"}},
		{"hidden": map[string]string{"company": "acme", "w": "0.5"}, "answers": map[string]any{
			"channel": "chat", "topics": []string{"billing"}, "nps": 0, "speed": map[string]string{"phone": "slow"}}},
		{"hidden": map[string]string{"company": "initech", "w": "1"}, "answers": map[string]any{}},
		{"hidden": map[string]string{"company": "globex", "w": "3"}, "answers": map[string]any{"grade": "2", "nps": 10}},
	}
	var in bytes.Buffer
	for i, r := range recs {
		r["response_id"] = fmt.Sprintf("resp-%016d", i+1)
		r["survey"] = s.ID
		r["lang"] = "en"
		r["submitted_at"] = fmt.Sprintf("2026-11-0%dT10:00:00Z", i+1)
		raw, _ := json.Marshal(r)
		in.Write(append(raw, '\n'))
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "in.ndjson"), in.Bytes(), 0o644)
	out := filepath.Join(dir, "data.parquet")
	st, err := ingest.Run(s, []ingest.Input{{Path: filepath.Join(dir, "in.ndjson")}}, out, ingest.Options{})
	if err != nil || st.Accepted != len(recs) {
		rej, _ := os.ReadFile(ingest.RejectsPath(out))
		t.Fatalf("ingest: %v, %d accepted: %s", err, st.Accepted, rej)
	}
	return s, out
}

func exportTo(t testing.TB, s *ir.Survey, data, name string, opts export.Options) (string, *export.Result) {
	t.Helper()
	out := filepath.Join(t.TempDir(), name)
	if opts.Created.IsZero() {
		opts.Created = time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC)
	}
	res, err := export.Export(s, []string{data}, out, opts)
	if err != nil {
		t.Fatal(err)
	}
	return out, res
}

func varByName(d *export.Dictionary, name string) *export.Variable {
	for _, v := range d.Vars {
		if v.Name == name {
			return v
		}
	}
	return nil
}

// TestDictionary checks the variables every format shares.
func TestDictionary(t *testing.T) {
	s := testkit.Load(t, "testdata/kinds")
	d := export.NewDictionary(s, "en")
	var names []string
	for _, v := range d.Vars {
		names = append(names, v.Name)
	}
	want := "response_id survey_id version lang wave started_at submitted_at company w grade channel " +
		"topics_billing topics_other_2 topics_none topics_other speed_phone speed_chat nps nps_na amount why outsourced share_voice share_chat visited " +
		"nps_x10 promoter channel_uc"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("variables\n got %s\nwant %s", got, want)
	}
	// The "other" option's 0/1 variable yields its name to the column of
	// the other text, and the rename is listed.
	if len(d.Renamed) != 1 || d.Renamed[0] != (export.Rename{From: "topics.other", To: "topics_other_2"}) {
		t.Errorf("renamed %v", d.Renamed)
	}
	grade := varByName(d, "grade")
	if grade.Labels[0].Value != 1 || grade.Labels[2].Value != 3 || grade.Labels[2].Label != "Good" {
		t.Errorf("whole-number codes keep their numbers: %+v", grade.Labels)
	}
	channel := varByName(d, "channel")
	if channel.Labels[1].Value != 2 || channel.Labels[1].Code != "chat" || len(channel.Missing) != 1 || channel.Missing[0] != 3 {
		t.Errorf("codes by position, dk user-missing: %+v %v", channel.Labels, channel.Missing)
	}
	if v := varByName(d, "speed_chat"); v.Label != "Speed — in chat" {
		t.Errorf("matrix row label %q", v.Label)
	}
	if v := varByName(d, "w"); !v.Weight || v.Type != export.Numeric {
		t.Errorf("weight %+v", v)
	}
	if len(d.Sets) != 1 || d.Sets[0].Name != "$topics" || strings.Join(d.Sets[0].Vars, " ") != "topics_billing topics_other_2" {
		t.Errorf("multiple-response sets (none, a missing option, left out): %+v", d.Sets)
	}
	if v := varByName(d, "share_chat"); v.Label != "Share by channel — Chat" || v.Measure != export.Scale {
		t.Errorf("a constant-sum item: %+v", v)
	}
	if v := varByName(d, "outsourced"); len(v.Labels) != 2 || v.Labels[0].Label != "In-house" || v.Labels[1].Label != "Outsourced" {
		t.Errorf("a boolean's own labels: %+v", v.Labels)
	}
	// Calculations: labelled with their formula; a number is a scale, a
	// true/false reads false and true, a text is a string.
	if v := varByName(d, "nps_x10"); v.Label != "nps_x10 = nps * 10" || v.Type != export.Numeric || v.Measure != export.Scale {
		t.Errorf("a number calculation: %+v", v)
	}
	if v := varByName(d, "promoter"); len(v.Labels) != 2 || v.Labels[0].Label != "false" || v.Labels[1].Label != "true" {
		t.Errorf("a true/false calculation: %+v", v)
	}
	if v := varByName(d, "channel_uc"); v.Type != export.String {
		t.Errorf("a text calculation: %+v", v)
	}
	if v := varByName(export.NewDictionary(s, "ru"), "grade"); v.Label != "Оценка" || v.Labels[0].Label != "Плохо" {
		t.Errorf("Russian labels: %+v", v)
	}
}

// TestNames: ids SPSS would not take become names it takes, unique
// ignoring case.
func TestNames(t *testing.T) {
	long := strings.Repeat("x", 70)
	s := &ir.Survey{ID: "n", Languages: []string{"en"}, Hidden: []ir.Hidden{{ID: "all"}, {ID: "ALL_"}, {ID: long}, {ID: long + "y"}, {ID: "x."}}}
	d := export.NewDictionary(s, "en")
	got := map[string]string{}
	for _, r := range d.Renamed {
		got[r.From] = r.To
	}
	want := map[string]string{"all": "vall", long: strings.Repeat("x", 64), long + "y": strings.Repeat("x", 62) + "_2", "x.": "x"}
	for from, to := range want {
		if got[from] != to {
			t.Errorf("%s named %q, want %q", from, got[from], to)
		}
	}
	if _, renamed := got["ALL_"]; renamed {
		t.Errorf("ALL_ is a valid name: %v", got)
	}
	// Two multis whose ids agree in their first 63 bytes get two sets.
	multi := func(id string) ir.Question {
		return ir.Question{ID: id, Type: ir.Multi, Options: []ir.Option{{Code: "a"}, {Code: "b"}}}
	}
	s = &ir.Survey{ID: "m", Languages: []string{"en"}, Pages: []ir.Page{{Questions: []ir.Question{multi(long + "1"), multi(long + "2")}}},
		Vars: []ir.Variable{{Name: long + "1", Question: long + "1", Kind: ir.VarCodes}, {Name: long + "2", Question: long + "2", Kind: ir.VarCodes}}}
	d = export.NewDictionary(s, "en")
	if len(d.Sets) != 2 || d.Sets[0].Name == d.Sets[1].Name || len(d.Sets[1].Name) > 64 {
		t.Errorf("sets %+v", d.Sets)
	}
}

// TestProblemsSaid: what the export cannot write as the data holds it is
// counted and said, never dropped silently: a code the survey does not
// have, a variable the file has no column for.
func TestProblemsSaid(t *testing.T) {
	s, data := kindsData(t)
	changed := *s
	changed.Hidden = append(append([]ir.Hidden(nil), s.Hidden...), ir.Hidden{ID: "region"})
	var pages []ir.Page
	for _, p := range s.Pages {
		p.Questions = append([]ir.Question(nil), p.Questions...)
		for i, q := range p.Questions {
			if q.ID == "channel" {
				p.Questions[i].Options = q.Options[:1] // "chat" and "dk" unknown now
			}
		}
		pages = append(pages, p)
	}
	changed.Pages = pages
	_, res := exportTo(t, &changed, data, "out.sav", export.Options{})
	if res.Problems.UnknownCodes["channel"] != 2 || len(res.Problems.NoColumn[data]) != 1 {
		t.Errorf("problems %+v", res.Problems)
	}
	notes := res.Notes("en")
	for _, want := range []string{"channel: 2 answers hold a code that is not an option", "has no column for region"} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q:\n%s", want, notes)
		}
	}
	if ru := res.Notes("ru"); !strings.Contains(ru, "в 2 ответах код") {
		t.Errorf("Russian notes: %s", ru)
	}
}

// TestOlderVersion: a file ingested for an earlier version of the survey
// is exported when every answer in it has its place in the current one (a
// question added since reads as missing, and is said); a file whose
// answers lost their place (a question removed) is refused, naming the
// way out (opros ingest --previous).
func TestOlderVersion(t *testing.T) {
	_, data := kindsData(t)
	src, _ := os.ReadFile("testdata/kinds/survey.hcl")
	for _, c := range []struct {
		name, from, to string
		fail           string
	}{
		{"question added", `  question "visited" {`, "  question \"added\" {\n    type = \"text\"\n    text = { en = \"New\", ru = \"Новый\" }\n  }\n\n  question \"visited\" {", ""},
		{"question removed", `  question "amount" {
    type = "number"
    text = { en = "Amount", ru = "Сумма" }
  }`, "", "--previous"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			changed := strings.Replace(string(src), c.from, c.to, 1)
			if changed == string(src) {
				t.Fatal("survey unchanged")
			}
			os.WriteFile(filepath.Join(dir, "survey.hcl"), []byte(changed), 0o644)
			s := testkit.Load(t, dir)
			res, err := export.Export(s, []string{data}, filepath.Join(dir, "out.sav"), export.Options{})
			if c.fail != "" {
				if err == nil || !strings.Contains(err.Error(), c.fail) {
					t.Fatalf("want an error naming %s, got %v", c.fail, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if notes := res.Notes("en"); !strings.Contains(notes, "has no column for added") {
				t.Errorf("notes: %s", notes)
			}
		})
	}
}

// TestCSV: codes or labels, text safe against formula injection, numbers
// (negative ones too) as numbers.
func TestCSV(t *testing.T) {
	s, data := kindsData(t)
	for _, labels := range []bool{false, true} {
		out, _ := exportTo(t, s, data, "out.csv", export.Options{Labels: labels})
		f, _ := os.Open(out)
		rows, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil || len(rows) != 6 {
			t.Fatalf("%v, %d rows", err, len(rows))
		}
		col := map[string]int{}
		for i, name := range rows[0] {
			col[name] = i
		}
		first := rows[1]
		want := map[string]string{"topics_other": "'=1+1", "amount": "-2.5", "visited": "2026-11-01",
			"submitted_at": "2026-11-01 10:00:00", "w": "1.5", "why": longWhy, "grade": "3", "topics_billing": "1", "nps_na": "",
			"nps_x10": "90", "promoter": "1", "channel_uc": "PHONE"} // the calculations, from nps 9 and channel phone
		if labels {
			want["grade"], want["topics_billing"], want["channel"], want["promoter"] = "Good", "selected", "Phone", "true"
		}
		for name, w := range want {
			if got := first[col[name]]; got != w {
				t.Errorf("labels=%v: %s = %q, want %q", labels, name, got, w)
			}
		}
		if got := rows[2][col["amount"]]; got != "1000000" {
			t.Errorf("amount %q", got)
		}
	}
}

// TestEnding: a survey with endings exports the ending each respondent
// reached, the screen-out's included.
func TestEnding(t *testing.T) {
	s := testkit.Load(t, "../../render/form/testdata/endings.hcl")
	dir := t.TempDir()
	in := filepath.Join(dir, "in.ndjson")
	os.WriteFile(in, []byte(`{"response_id":"resp-0000000000000001","survey":"endings","lang":"en","submitted_at":"2026-11-01T10:00:00Z","hidden":{"rid":"a"},"answers":{"q_age":15}}
{"response_id":"resp-0000000000000002","survey":"endings","lang":"en","submitted_at":"2026-11-01T10:00:00Z","hidden":{"rid":"b"},"answers":{"q_age":30,"q_nps":10}}
{"response_id":"resp-0000000000000003","survey":"endings","lang":"en","submitted_at":"2026-11-01T10:00:00Z","hidden":{"rid":"c"},"answers":{"q_age":40,"q_nps":3}}
`), 0o644)
	data := filepath.Join(dir, "data.parquet")
	if st, err := ingest.Run(s, []ingest.Input{{Path: in}}, data, ingest.Options{}); err != nil || st.Accepted != 3 {
		rej, _ := os.ReadFile(ingest.RejectsPath(data))
		t.Fatalf("ingest: %v: %s", err, rej)
	}
	out, res := exportTo(t, s, data, "out.csv", export.Options{})
	if v := varByName(res.Dict, "ending"); v == nil || v.Label != "Ending reached (its ID)" {
		t.Fatalf("no ending variable: %+v", v)
	}
	f, _ := os.Open(out)
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil || len(rows) != 4 {
		t.Fatalf("%v, %d rows", err, len(rows))
	}
	col := slices.Index(rows[0], "ending")
	var got []string
	for _, r := range rows[1:] {
		got = append(got, r[col])
	}
	if want := []string{"young", "promoter", "complete"}; !slices.Equal(got, want) {
		t.Errorf("endings %q, want %q", got, want)
	}
}

// TestXLSX: a data sheet with names and labels as two header rows and a
// codebook sheet.
func TestXLSX(t *testing.T) {
	s, data := kindsData(t)
	out, _ := exportTo(t, s, data, "out.xlsx", export.Options{})
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), " "); got != "data codebook" {
		t.Errorf("sheets %s", got)
	}
	rows, _ := f.GetRows("data")
	if len(rows) != 7 || rows[0][9] != "grade" || rows[1][9] != "Grade" || rows[1][10] != "'=Channel used" {
		t.Fatalf("header rows: %q / %q", rows[0], rows[1])
	}
	if rows[2][9] != "3" || rows[2][14] != "'=1+1" {
		t.Errorf("first row %q", rows[2])
	}
	if typ, _ := f.GetCellType("data", "J3"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("a code is a number, not %v", typ)
	}
	book, _ := f.GetRows("codebook")
	found := false
	for _, r := range book {
		if len(r) >= 8 && r[0] == "channel" && r[5] == "Don't know" && r[6] == "dk" && r[7] == "yes" {
			found = true
		}
	}
	if !found {
		t.Errorf("codebook has no user-missing dk for channel: %q", book)
	}
}

// TestSavPSPP reads the .sav back with PSPP: labels, user-missing values,
// measurement levels, the weight, the multiple-response set, dates and
// the very long string.
func TestSavPSPP(t *testing.T) {
	pspp := testkit.Tool(t, "pspp", "pspp")
	s, data := kindsData(t)
	out, _ := exportTo(t, s, data, "out.sav", export.Options{})
	syntax := fmt.Sprintf(`GET FILE=%q.
DISPLAY DICTIONARY.
MRSETS /DISPLAY NAME=ALL.
SHOW WEIGHT.
LIST VARIABLES=grade channel nps amount visited submitted_at.
LIST VARIABLES=nps_x10 promoter channel_uc.
COMPUTE whylen = LENGTH(RTRIM(why)).
LIST VARIABLES=whylen.
WEIGHT OFF.
FREQUENCIES VARIABLES=channel topics_billing /STATISTICS=NONE.
`, out)
	got := runPSPP(t, pspp, syntax)
	for _, want := range []string{
		"grade,10,Grade,Nominal", "nps,18,Recommend?,Ordinal", "amount,20,Amount,Scale",
		"why,21,Why?,Nominal", "share_voice,23,Share by channel — Phone,Scale", "visited,25,Visit date,Scale",
		",3[a],Don't know\n", // value label, user-missing
		"$topics,Topics,Dichotomies,1,\"topics_billing\ntopics_other_2\"",
		"3,1,9,-2.50,01-NOV-2026,01-NOV-2026 10:00:00\n",
		"whylen\n1403.00\n5.00\n",
		"Missing,.,2,", ",Don't know,1,", // channel's dk as user-missing
		",selected,2,",
		"nps_x10,26,nps_x10 = nps * 10,Scale", "promoter,27,promoter = nps >= 9,Nominal", "promoter = nps >= 9,0,false",
		// nps 9, n/a, 0, none and 10; channel phone, dk, chat
		"nps_x10,promoter,channel_uc\n90.00,1,PHONE\n.  ,0,DK\n.00,0,CHAT\n.  ,0,\n100.00,1,\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("PSPP output lacks %q", want)
		}
	}
	if t.Failed() {
		t.Log(got)
	}
}

func runPSPP(t *testing.T, pspp, syntax string) string {
	t.Helper()
	dir := t.TempDir()
	sps := filepath.Join(dir, "t.sps")
	os.WriteFile(sps, []byte(syntax), 0o644)
	csvOut := filepath.Join(dir, "out.csv")
	if out, err := exec.Command(pspp, "-O", "format=csv", "-o", csvOut, sps).CombinedOutput(); err != nil {
		t.Fatalf("pspp: %v: %s", err, out)
	}
	raw, _ := os.ReadFile(csvOut)
	return string(raw)
}

// TestSavHaven reads the .sav with R's haven: labelled columns with the
// values, labels and user-missing values written, dates as dates.
func TestSavHaven(t *testing.T) {
	rscript := testkit.Rscript(t, "haven")
	s, data := kindsData(t)
	out, _ := exportTo(t, s, data, "out.sav", export.Options{})
	script := fmt.Sprintf(`suppressMessages(library(haven))
d <- read_sav(%q, user_na = TRUE)
cat("grade", format(as.numeric(d$grade)), "\n")
cat("grade labels", names(attr(d$grade, "labels")), "\n")
cat("channel", format(as.numeric(d$channel)), "\n")
cat("channel na", attr(d$channel, "na_values"), "\n")
cat("channel class", class(d$channel)[1], "\n")
cat("label", attr(d$speed_chat, "label"), "\n")
cat("visited", format(d$visited), "\n")
cat("why", nchar(d$why[1], type = "bytes"), "\n")
cat("w", format(d$w), "\n")
cat("topics_billing", format(as.numeric(d$topics_billing)), "\n")
cat("outsourced", format(as.numeric(d$outsourced)), "\n")
cat("nps_x10", format(d$nps_x10), "\n")
cat("promoter", format(as.numeric(d$promoter)), names(attr(d$promoter, "labels")), "\n")
cat("channel_uc", d$channel_uc, "\n")
cat("calc label", attr(d$nps_x10, "label"), "\n")
`, out)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "t.R"), []byte(script), 0o644)
	raw, err := exec.Command(rscript, filepath.Join(dir, "t.R")).CombinedOutput()
	if err != nil {
		t.Fatalf("Rscript: %v: %s", err, raw)
	}
	got := string(raw)
	for _, want := range []string{
		"grade  3  1 NA NA  2 \n", "grade labels Poor Fair Good \n",
		"channel  1  3  2 NA NA \n", "channel na 3 \n", "channel class haven_labelled_spss \n",
		"label Speed — in chat \n", "visited 2026-11-01 NA NA NA NA \n", "why 1403 \n",
		"w 1.5 2.0 0.5 1.0 3.0 \n", "outsourced  0 NA NA NA NA \n", "topics_billing  1  0  1 NA NA \n",
		"nps_x10  90  NA   0  NA 100 \n", "promoter 1 0 0 0 1 false true \n",
		"channel_uc PHONE DK CHAT   \n", "calc label nps_x10 = nps * 10 \n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("haven output lacks %q", want)
		}
	}
	if t.Failed() {
		t.Log(got)
	}
}

// TestRoundTripPSPP: simulate → ingest → export .sav → PSPP, for the
// contact-center example and for the survey opros import writes from the
// importer's XLSForm fixture (its golden file, which the importer's tests
// hold equal to the import and passing opros check): PSPP's frequencies
// of every single-choice question and every multi's options match
// DuckDB's counts on the Parquet file.
func TestRoundTripPSPP(t *testing.T) {
	pspp := testkit.Tool(t, "pspp", "pspp")
	node := testkit.Node(t)
	mod := testkit.NodeModule(t, "@duckdb/node-api")
	for _, c := range []struct{ name, survey, config string }{
		{"contact-center", "../../examples/contact-center-2018", "../../examples/contact-center-2018/demo/simulate.hcl"},
		{"imported XLSForm", "../../compiler/importer/testdata/xlsform/all.golden.hcl", ""},
	} {
		t.Run(c.name, func(t *testing.T) { roundTrip(t, pspp, node, mod, c.survey, c.config) })
	}
}

func roundTrip(t *testing.T, pspp, node, mod, survey, config string) {
	s := testkit.Load(t, survey)
	s.Bench.Unit = ir.UnitRespondent // every simulated answer counts
	var cfg *simulate.Config
	if config != "" {
		cfg, _, _ = simulate.LoadConfig(config)
	}
	var buf bytes.Buffer
	if err := simulate.Simulate(s, cfg, simulate.Options{N: 400, Seed: 3}, &buf); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in.ndjson")
	os.WriteFile(in, buf.Bytes(), 0o644)
	data := filepath.Join(dir, "data.parquet")
	if _, err := ingest.Run(s, []ingest.Input{{Path: in}}, data, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	out, res := exportTo(t, s, data, "out.sav", export.Options{})

	// DuckDB: count per code of every code column, per option of every multi.
	var parts []string
	from := "read_parquet('" + data + "')"
	for _, v := range s.Vars {
		switch v.Kind {
		case ir.VarCode:
			parts = append(parts, fmt.Sprintf(`select '%s' as v, "%s" as k, count(*)::int as n from %s where "%s" is not null group by all`, v.Name, v.Name, from, v.Name))
		case ir.VarCodes:
			parts = append(parts, fmt.Sprintf(`select '%s' as v, k, count(*)::int as n from (select unnest("%s") as k from %s) group by all`, v.Name, v.Name, from))
		}
	}
	script := filepath.Join(dir, "q.mjs")
	os.WriteFile(script, []byte(`
import { DuckDBInstance } from '`+filepath.Join(mod, "lib", "index.js")+`';
const c = await (await DuckDBInstance.create(':memory:')).connect();
const r = await c.runAndReadAll(`+"`"+strings.Join(parts, " union all ")+"`"+`);
console.log(JSON.stringify(r.getRowObjectsJson()));
`), 0o644)
	raw, err := exec.Command(node, script).Output()
	if err != nil {
		t.Fatalf("duckdb: %v", err)
	}
	var rows []struct {
		V, K string
		N    any
	}
	if err := json.Unmarshal(raw, &rows); err != nil {
		t.Fatalf("%v: %s", err, raw)
	}
	duck := map[string]string{} // "variable|label" → count
	for _, r := range rows {
		duck[r.V+"|"+r.K] = fmt.Sprint(r.N)
	}

	// PSPP: the same counts by value label.
	var vars []string
	type want struct{ table, label, n string }
	var wants []want
	for _, v := range res.Dict.Vars {
		if len(v.Labels) == 0 || v.Option == "" && v.Labels[0].Code == "" {
			continue
		}
		vars = append(vars, v.Name)
		if v.Option != "" {
			n := duck[v.Column+"|"+v.Option]
			if n == "" {
				continue // nobody chose it: PSPP lists no "selected" row
			}
			wants = append(wants, want{v.Label, v.Labels[1].Label, n})
			continue
		}
		for _, l := range v.Labels {
			if n := duck[v.Column+"|"+l.Code]; n != "" {
				wants = append(wants, want{v.Label, l.Label, n})
			}
		}
	}
	got := runPSPP(t, pspp, fmt.Sprintf("GET FILE=%q.\nFREQUENCIES VARIABLES=%s /STATISTICS=NONE.\n", out, strings.Join(vars, " ")))
	counts := psppCounts(got)
	if len(wants) < 10 {
		t.Fatalf("only %d counts to compare", len(wants))
	}
	t.Logf("%d counts compared", len(wants))
	for _, w := range wants {
		if c := counts[truncLabel(w.table)+"|"+truncLabel(w.label)]; c != w.n {
			t.Errorf("%s / %s: PSPP %q, DuckDB %s", w.table, w.label, c, w.n)
		}
	}
}

// truncLabel is a variable label as the .sav holds it (255 bytes).
func truncLabel(s string) string {
	for len(s) > 255 {
		_, size := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-size]
	}
	return s
}

// psppCounts reads PSPP's CSV frequency tables into "table|label" → count.
func psppCounts(out string) map[string]string {
	counts := map[string]string{}
	table := ""
	r := csv.NewReader(strings.NewReader(out))
	r.FieldsPerRecord = -1
	for {
		rec, err := r.Read()
		if err != nil {
			break
		}
		if len(rec) == 1 && strings.HasPrefix(rec[0], "Table: ") {
			table = strings.TrimPrefix(rec[0], "Table: ")
			continue
		}
		if len(rec) >= 3 && rec[1] != "" {
			counts[table+"|"+rec[1]] = rec[2]
		}
	}
	return counts
}

// BenchmarkExportSav exports OPROS_BENCH_N (default 100,000) simulated
// contact-center responses to .sav. The budget: 1M in under 10 s, memory
// flat in the number of rows (peak-heap-MB does not grow with N).
func BenchmarkExportSav(b *testing.B) {
	n := 100000
	if v := os.Getenv("OPROS_BENCH_N"); v != "" {
		fmt.Sscan(v, &n)
	}
	s := testkit.Load(b, "../../examples/contact-center-2018")
	s.Bench.Unit = ir.UnitRespondent // every simulated answer counts
	cfg, _, _ := simulate.LoadConfig("../../examples/contact-center-2018/demo/simulate.hcl")
	dir := b.TempDir()
	in := filepath.Join(dir, "in.ndjson")
	f, _ := os.Create(in)
	simulate.Simulate(s, cfg, simulate.Options{N: n, Seed: 1}, f)
	f.Close()
	data := filepath.Join(dir, "data.parquet")
	if _, err := ingest.Run(s, []ingest.Input{{Path: in}}, data, ingest.Options{}); err != nil {
		b.Fatal(err)
	}
	os.Remove(in)
	out := filepath.Join(dir, "out.sav")
	runtime.GC() // the peak below is the export's, not the simulation's
	var peak uint64
	b.ResetTimer()
	for b.Loop() {
		stop := testkit.SampleHeap(&peak)
		if _, err := export.Export(s, []string{data}, out, export.Options{}); err != nil {
			b.Fatal(err)
		}
		stop()
	}
	secs := b.Elapsed().Seconds() / float64(b.N)
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(n)/secs, "responses/s")
	if n >= 1000000 && secs*1e6/float64(n) > 10 {
		b.Errorf("export of %d responses to .sav took %.1f s; the budget is 10 s per million", n, secs)
	}
}
