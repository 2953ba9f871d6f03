package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/apache/arrow/go/v15/parquet/pqarrow"
)

const npsExample = "../../examples/nps-csat-ces"

// simulateTo writes opros simulate's output to path.
func simulateTo(t *testing.T, path string, args ...string) {
	t.Helper()
	code, out, errs := run(t, append([]string{"simulate"}, args...)...)
	if code != exitOK {
		t.Fatalf("simulate %v: %d %s", args, code, errs)
	}
	os.MkdirAll(filepath.Dir(path), 0o755)
	if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
}

// waves reads a data file's response ids by wave.
func waves(t *testing.T, path string) map[int32][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tbl, err := pqarrow.ReadTable(context.Background(), f, nil, pqarrow.ArrowReadProperties{}, memory.NewGoAllocator())
	if err != nil {
		t.Fatal(err)
	}
	defer tbl.Release()
	out := map[int32][]string{}
	rr := array.NewTableReader(tbl, 1000)
	defer rr.Release()
	for rr.Next() {
		rec := rr.Record()
		ids := rec.Column(rec.Schema().FieldIndices("response_id")[0]).(*array.String)
		w := rec.Column(rec.Schema().FieldIndices("wave")[0]).(*array.Int32)
		for i := 0; i < int(rec.NumRows()); i++ {
			out[w.Value(i)] = append(out[w.Value(i)], ids.Value(i))
		}
	}
	return out
}

func ids(t *testing.T, ndjson string) map[string]bool {
	t.Helper()
	raw, err := os.ReadFile(ndjson)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, l := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
		var sub struct {
			ResponseID string `json:"response_id"`
		}
		if err := json.Unmarshal([]byte(l), &sub); err != nil {
			t.Fatalf("%s: %v", ndjson, err)
		}
		out[sub.ResponseID] = true
	}
	return out
}

// TestIngestWaves ingests several waves in one run: a YEAR=FILE input
// (its wave is YEAR, whatever the answers' dates), a YEAR=FOLDER input
// laid out as the collector writes (its rejects and torn lines are not
// answers and are left out) and a plain file (the year each answer was
// submitted).
func TestIngestWaves(t *testing.T) {
	tmp := t.TempDir()
	a := filepath.Join(tmp, "a.ndjson")
	simulateTo(t, a, "-n", "40", "--seed", "1", "--wave", "2024", npsExample)
	folder := filepath.Join(tmp, "data")
	b := filepath.Join(folder, "nps-csat-ces", "answers.ndjson")
	simulateTo(t, b, "-n", "30", "--seed", "2", "--wave", "2024", npsExample)
	os.WriteFile(filepath.Join(folder, "nps-csat-ces", "rejects.ndjson"), []byte(`{"received_at":"2026-01-01T00:00:00Z","reason":"invalid","body":"x"}`+"\n"), 0o644)
	os.WriteFile(filepath.Join(folder, "nps-csat-ces", "torn-1.ndjson"), []byte(`{"received_at":"2026-01`), 0o644)
	c := filepath.Join(tmp, "c.ndjson")
	simulateTo(t, c, "-n", "20", "--seed", "3", "--wave", "2025", npsExample)

	out := filepath.Join(tmp, "all.parquet")
	code, stdout, errs := run(t, "ingest", "--survey", npsExample, "-o", out, "2020="+a, "2023="+folder, c)
	if code != exitOK || !strings.Contains(stdout, "90 accepted, 0 rejected, 0 duplicates") {
		t.Fatalf("ingest: %d %s %s", code, stdout, errs)
	}
	got := waves(t, out)
	for wave, file := range map[int32]string{2020: a, 2023: b, 2025: c} {
		want := ids(t, file)
		if len(got[wave]) != len(want) {
			t.Errorf("wave %d: %d rows, want %d (from %s)", wave, len(got[wave]), len(want), filepath.Base(file))
		}
		for _, id := range got[wave] {
			if !want[id] {
				t.Errorf("wave %d holds %s, which is not from %s", wave, id, filepath.Base(file))
			}
		}
	}
	if len(got) != 3 {
		t.Errorf("waves %v, want 2020, 2023 and 2025", len(got))
	}
	if code, _, errs := run(t, "ingest", "--survey", npsExample, "-o", out, filepath.Join(tmp, "nothing-here")); code != exitInput || !strings.Contains(errs, "no such file") {
		t.Errorf("a missing input: %d %s", code, errs)
	}
	empty := filepath.Join(tmp, "empty")
	os.Mkdir(empty, 0o755)
	if code, _, errs := run(t, "ingest", "--survey", npsExample, "-o", out, empty); code != exitInput || !strings.Contains(errs, "no answer files") {
		t.Errorf("a folder without answers: %d %s", code, errs)
	}
}

// TestIngestStrict: a rejected record makes --strict exit 1 (input
// problems), with the file still written; without --strict ingest exits 0.
func TestIngestStrict(t *testing.T) {
	tmp := t.TempDir()
	in := filepath.Join(tmp, "in.ndjson")
	simulateTo(t, in, "-n", "5", "--seed", "1", npsExample)
	clean := filepath.Join(tmp, "clean.ndjson")
	raw, _ := os.ReadFile(in)
	os.WriteFile(clean, raw, 0o644)
	f, _ := os.OpenFile(in, os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString("not json\n")
	f.Close()
	out := filepath.Join(tmp, "out.parquet")
	for _, tc := range []struct {
		args   []string
		code   int
		stdout string
	}{
		{[]string{in}, exitOK, "5 accepted, 1 rejected"},
		{[]string{"--strict", in}, exitInput, "5 accepted, 1 rejected"},
		{[]string{"--strict", clean}, exitOK, "5 accepted, 0 rejected"},
	} {
		code, stdout, errs := run(t, append([]string{"ingest", "--survey", npsExample, "-o", out}, tc.args...)...)
		if code != tc.code || !strings.Contains(stdout, tc.stdout) {
			t.Errorf("%v: exit %d %q %s; want %d and %q", tc.args, code, stdout, errs, tc.code, tc.stdout)
		}
		if _, err := os.Stat(out); err != nil {
			t.Errorf("%v: no data file: %v", tc.args, err)
		}
	}
	rej, _ := os.ReadFile(filepath.Join(tmp, "out.rejects.ndjson"))
	if len(rej) != 0 {
		t.Errorf("the clean run left rejects: %s", rej)
	}
}

// legacySurvey writes into old an older version of the nps-csat-ces
// example: a required single question q_legacy (phone, chat) where the
// current version asks q_resolved.
func legacySurvey(t *testing.T, old string) {
	t.Helper()
	os.MkdirAll(old, 0o755)
	const legacy = "  question \"q_legacy\" {\n    type     = \"single\"\n    text     = { ru = \"Канал?\", en = \"Channel?\" }\n    required = true\n    option \"phone\" {\n      label = { ru = \"Телефон\", en = \"Phone\" }\n    }\n    option \"chat\" {\n      label = { ru = \"Чат\", en = \"Chat\" }\n    }\n  }\n\n"
	for _, f := range []string{"survey.hcl", "pages.hcl", "scoring.hcl"} {
		src, err := os.ReadFile(filepath.Join(npsExample, f))
		if err != nil {
			t.Fatal(err)
		}
		if f == "pages.hcl" {
			i, j := bytes.Index(src, []byte(`  question "q_resolved" {`)), bytes.Index(src, []byte(`  question "q_contacts" {`))
			src = append(src[:i:i], append([]byte(legacy), src[j:]...)...)
		}
		src = bytes.Replace(src, []byte(`q_resolved == "yes" && `), nil, 1)
		os.WriteFile(filepath.Join(old, f), src, 0o644)
	}
}

// TestIngestPrevious is the audit's case, and its converse: answers to
// an older version without the required question q_resolved are valid
// under that version, and opros diff calls the question's addition
// compatible, so all of them are accepted, with q_resolved unanswered.
// The old version also asked q_legacy, which the current one dropped: the
// records are still accepted, and their q_legacy answers set aside with
// the diff's reason, as the summary line says (in English and Russian).
func TestIngestPrevious(t *testing.T) {
	tmp := t.TempDir()
	old := filepath.Join(tmp, "old")
	legacySurvey(t, old)
	in := filepath.Join(tmp, "old.ndjson")
	simulateTo(t, in, "-n", "50", "--config", filepath.Join(npsExample, "demo", "simulate.hcl"), old)
	out := filepath.Join(tmp, "o.parquet")
	aside := filepath.Join(tmp, "o.setaside.ndjson")
	code, stdout, errs := run(t, "ingest", "--survey", npsExample, "--previous", old, "-o", out, in)
	if want := "o.parquet: 50 accepted, 0 rejected, 0 duplicates; 50 answers set aside in " + aside + "\n"; code != exitOK || !strings.HasSuffix(stdout, want) {
		rej, _ := os.ReadFile(filepath.Join(tmp, "o.rejects.ndjson"))
		t.Fatalf("ingest --previous: %d %q %s, want %q\n%.600s", code, stdout, errs, want, rej)
	}
	raw, err := os.ReadFile(aside)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(raw), "\n"), "\n")
	answered := ids(t, in)
	for i, l := range lines {
		var a struct {
			Record     int    `json:"record"`
			ResponseID string `json:"response_id"`
			Field      string `json:"field"`
			Code       string `json:"code"`
			Value      string `json:"value"`
			Reason     string `json:"reason"`
		}
		if err := json.Unmarshal([]byte(l), &a); err != nil {
			t.Fatal(err)
		}
		if a.Record != i+1 || !answered[a.ResponseID] || a.Field != "answers.q_legacy" || a.Code != "question_removed" ||
			a.Value != "phone" && a.Value != "chat" ||
			a.Reason != `The question "q_legacy" was removed; its trend ends with the old version.` {
			t.Errorf("set-aside line %d: %s", i+1, l)
		}
	}
	if len(lines) != 50 {
		t.Errorf("%d set-aside lines, want 50", len(lines))
	}
	t.Setenv("OPROS_LANG", "ru")
	var ru bytes.Buffer
	Main([]string{"ingest", "--survey", npsExample, "--previous", old, "-o", out, in}, strings.NewReader(""), &ru, io.Discard)
	if want := "o.parquet: принято 50, отклонено 0, повторов 0; отложено ответов 50 — в " + aside + "\n"; !strings.HasSuffix(ru.String(), want) {
		t.Errorf("in Russian: %q, want %q", ru.String(), want)
	}
	// Without --previous the old version is unknown: every record is kept
	// in the rejects, with the reason.
	// Without --previous the old version is unknown: every record is
	// rejected, so the run exits 1, says why, and leaves the outputs of the
	// run before as they were.
	before, _ := os.ReadFile(out)
	code, stdout, errs = run(t, "ingest", "--survey", npsExample, "-o", out, in)
	if code != exitInput || stdout != "" || !strings.Contains(errs, "no answer accepted: all 50 records rejected (50 unknown_version), the first at "+in+":1 (version: recorded against survey version") {
		t.Errorf("without --previous: %d %q %s", code, stdout, errs)
	}
	if after, _ := os.ReadFile(out); !bytes.Equal(before, after) {
		t.Errorf("a run that accepted nothing replaced %s", out)
	}
}

// TestIngestPreviousWave: an old wave's spreadsheet export has no version
// column, so its rows are the current survey's and the one that answered
// q_legacy, dropped since, is rejected; --previous 2023=OLD says that wave
// 2023's records without a version are answers to OLD (the input written
// 2023=PATH, or every input with --wave 2023), and the row is accepted,
// its q_legacy answer set aside. One wave given two different surveys is
// a usage error, in English and Russian.
func TestIngestPreviousWave(t *testing.T) {
	tmp := t.TempDir()
	old := filepath.Join(tmp, "old")
	legacySurvey(t, old)
	in := filepath.Join(tmp, "wave2023.csv")
	os.WriteFile(in, []byte("response_id,survey,lang,company,q_nps,q_csat,q_ces,d_speed,d_competence,d_politeness,d_ease,d_price,q_legacy\n"+
		"csv-wave-000000001,nps-csat-ces,en,Acme,9,5,6,4,4,4,4,4,phone\n"), 0o644)
	out := filepath.Join(tmp, "o.parquet")
	aside := filepath.Join(tmp, "o.setaside.ndjson")
	for _, args := range [][]string{{"--previous", "2023=" + old, "2023=" + in}, {"--previous", "2023=" + old, "--wave", "2023", in}} {
		code, stdout, errs := run(t, append([]string{"ingest", "--survey", npsExample, "-o", out}, args...)...)
		if want := "o.parquet: 1 accepted, 0 rejected, 0 duplicates; 1 answers set aside in " + aside + "\n"; code != exitOK || !strings.HasSuffix(stdout, want) {
			rej, _ := os.ReadFile(filepath.Join(tmp, "o.rejects.ndjson"))
			t.Fatalf("ingest %v: %d %q %s, want %q\n%s", args, code, stdout, errs, want, rej)
		}
		raw, _ := os.ReadFile(aside)
		var a struct {
			ResponseID string `json:"response_id"`
			Version    string `json:"version"`
			Field      string `json:"field"`
			Code       string `json:"code"`
			Value      string `json:"value"`
		}
		if err := json.Unmarshal(raw, &a); err != nil || a.ResponseID != "csv-wave-000000001" || !strings.HasPrefix(a.Version, "sha256:") ||
			a.Field != "answers.q_legacy" || a.Code != "question_removed" || a.Value != "phone" {
			t.Errorf("ingest %v: set aside %s", args, raw)
		}
		if w := waves(t, out); len(w[2023]) != 1 {
			t.Errorf("ingest %v: waves %v", args, w)
		}
	}
	// Without the year the old version maps only records that name it.
	code, _, errs := run(t, "ingest", "--survey", npsExample, "--previous", old, "-o", out, "2023="+in)
	if code != exitInput || !strings.Contains(errs, "no answer accepted: all 1 records rejected (1 unknown_field)") {
		t.Errorf("--previous without a year: %d %s", code, errs)
	}
	for lang, want := range map[string]string{
		"en": "opros ingest: --previous 2023= names two different surveys; one wave's records without a version can be answers to only one\n",
		"ru": "opros ingest: --previous 2023= указывает две разные анкеты; записи одной волны без версии могут быть ответами только на одну\n",
	} {
		t.Setenv("OPROS_LANG", lang)
		var errs bytes.Buffer
		code := Main([]string{"ingest", "--survey", npsExample, "--previous", "2023=" + old, "--previous", "2023=" + npsExample, "-o", out, "2023=" + in}, strings.NewReader(""), io.Discard, &errs)
		if code != exitUsage || errs.String() != want {
			t.Errorf("%s: one wave, two surveys: %d %q, want %q", lang, code, errs.String(), want)
		}
	}
}

// TestIngestSkipsOtherSurveys points ingest at a collector's data folder
// that serves two surveys: the other survey's folder is skipped, said so
// once on stderr (in English and Russian), and nothing of it is rejected;
// named as a file, its answers are read (and rejected as another survey's).
func TestIngestSkipsOtherSurveys(t *testing.T) {
	tmp := t.TempDir()
	data := filepath.Join(tmp, "data")
	simulateTo(t, filepath.Join(data, "nps-csat-ces", "answers.ndjson"), "-n", "10", "--seed", "1", npsExample)
	other := filepath.Join(data, "contact-center-2018")
	simulateTo(t, filepath.Join(other, "answers.ndjson"), "-n", "7", "--seed", "1", "../../examples/contact-center-2018")
	out := filepath.Join(tmp, "o.parquet")
	code, stdout, errs := run(t, "ingest", "--survey", npsExample, "-o", out, data)
	if code != exitOK || !strings.Contains(stdout, "10 accepted, 0 rejected") {
		t.Fatalf("ingest: %d %s %s", code, stdout, errs)
	}
	if want := "opros ingest: skipped " + other + ": answers of survey \"contact-center-2018\"\n"; errs != want {
		t.Errorf("stderr %q, want %q", errs, want)
	}
	t.Setenv("OPROS_LANG", "ru")
	var ru bytes.Buffer
	Main([]string{"ingest", "--survey", npsExample, "-o", out, data}, strings.NewReader(""), io.Discard, &ru)
	if want := "opros ingest: пропущена папка " + other + ": ответы анкеты \"contact-center-2018\"\n"; ru.String() != want {
		t.Errorf("in Russian: %q, want %q", ru.String(), want)
	}
	code, stdout, errs = run(t, "ingest", "--survey", npsExample, "-o", out, data, filepath.Join(other, "answers.ndjson"))
	if code != exitOK || !strings.Contains(stdout, "10 accepted, 7 rejected") || strings.Count(errs, "skipped") != 1 {
		t.Errorf("with the other survey's file named: %d %s %s", code, stdout, errs)
	}
}
