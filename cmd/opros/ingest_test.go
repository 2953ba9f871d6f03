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

	"github.com/opros/opros/site/ingest"
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

// snapshot is every file under dir: its bytes, or where a symlink points.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case d.Type()&os.ModeSymlink != 0:
			target, _ := os.Readlink(p)
			files[p] = "-> " + target
		case d.IsDir():
			files[p] = "dir"
		default:
			raw, _ := os.ReadFile(p)
			files[p] = string(raw)
		}
		return nil
	})
	return files
}

// TestIngestNeverHarmsInput is issue #12's items 2, 5 and 6: an output
// that is an input, by name, symlink or hard link, or that lies in an
// input folder, and -o naming a folder, are refused as usage errors that
// name both paths; an input with no valid answer (empty, not NDJSON, a
// Parquet file) fails with exit 1. Either way every file in the folder,
// the inputs and the outputs of an earlier good run, is left exactly as
// it was, and nothing is added.
func TestIngestNeverHarmsInput(t *testing.T) {
	answers := filepath.Join(t.TempDir(), "answers.ndjson")
	simulateTo(t, answers, "-n", "20", "--seed", "1", npsExample)
	good, err := os.ReadFile(answers)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		setup func(dir string) // dir holds in.ndjson and an earlier run's good.parquet and side files
		args  []string         // after -o; paths relative to dir
		code  int
		errs  string // on stderr, with dir/ for the folder
	}{
		{"-o same.ndjson same.ndjson", nil, []string{"in.ndjson", "in.ndjson"}, exitUsage,
			"output dir/in.ndjson is the input dir/in.ndjson (the same file)"},
		{"-o x.parquet x.rejects.ndjson", func(dir string) { copyFile(t, dir, "in.ndjson", "x.rejects.ndjson") },
			[]string{"x.parquet", "x.rejects.ndjson"}, exitUsage, "output dir/x.rejects.ndjson is the input dir/x.rejects.ndjson"},
		{"-o x.parquet x.setaside.ndjson", func(dir string) { copyFile(t, dir, "in.ndjson", "x.setaside.ndjson") },
			[]string{"x.parquet", "x.setaside.ndjson"}, exitUsage, "output dir/x.setaside.ndjson is the input dir/x.setaside.ndjson"},
		{"-o a symlink to the input", func(dir string) { os.Symlink("in.ndjson", filepath.Join(dir, "link.parquet")) },
			[]string{"link.parquet", "in.ndjson"}, exitUsage, "output dir/link.parquet is the input dir/in.ndjson"},
		{"the input through a symlink", func(dir string) { os.Symlink("in.ndjson", filepath.Join(dir, "link.ndjson")) },
			[]string{"in.ndjson", "link.ndjson"}, exitUsage, "output dir/in.ndjson is the input dir/link.ndjson"},
		{"a side file symlinked to the input", func(dir string) { os.Symlink("in.ndjson", filepath.Join(dir, "x.rejects.ndjson")) },
			[]string{"x.parquet", "in.ndjson"}, exitUsage, "output dir/x.rejects.ndjson is the input dir/in.ndjson"},
		{"-o a hard link to the input", func(dir string) { os.Link(filepath.Join(dir, "in.ndjson"), filepath.Join(dir, "hard.parquet")) },
			[]string{"hard.parquet", "in.ndjson"}, exitUsage, "output dir/hard.parquet is the input dir/in.ndjson"},
		{"a side file hard-linked to the input", func(dir string) {
			os.Link(filepath.Join(dir, "in.ndjson"), filepath.Join(dir, "x.setaside.ndjson"))
		}, []string{"x.parquet", "in.ndjson"}, exitUsage, "output dir/x.setaside.ndjson is the input dir/in.ndjson"},
		{"-o a file the input folder reads", func(dir string) { copyFile(t, dir, "in.ndjson", "data/nps-csat-ces/answers.ndjson") },
			[]string{"data/nps-csat-ces/answers.ndjson", "data"}, exitUsage, "output dir/data/nps-csat-ces/answers.ndjson would be written inside the input folder dir/data"},
		{"-o a file the input folder links to", func(dir string) {
			os.MkdirAll(filepath.Join(dir, "data/nps-csat-ces"), 0o755)
			os.Symlink("../../in.ndjson", filepath.Join(dir, "data/nps-csat-ces/answers.ndjson"))
		}, []string{"in.ndjson", "data"}, exitUsage, "output dir/in.ndjson is the input dir/data/nps-csat-ces/answers.ndjson"},
		{"-o the collector's rejects in the input folder", func(dir string) {
			copyFile(t, dir, "in.ndjson", "data/nps-csat-ces/answers.ndjson")
			os.WriteFile(filepath.Join(dir, "data/nps-csat-ces/rejects.ndjson"), []byte(`{"reason":"kept"}`+"\n"), 0o644)
		}, []string{"data/nps-csat-ces/rejects.ndjson", "data"}, exitUsage, "output dir/data/nps-csat-ces/rejects.ndjson would be written inside the input folder dir/data"},
		{"-o a new file in the input folder", func(dir string) { copyFile(t, dir, "in.ndjson", "data/answers.ndjson") },
			[]string{"data/new/o.parquet", "data"}, exitUsage, "output dir/data/new/o.parquet would be written inside the input folder dir/data"},
		{"-o in the input folder through a symlink", func(dir string) {
			copyFile(t, dir, "in.ndjson", "data/answers.ndjson")
			os.Symlink("data", filepath.Join(dir, "alias"))
		}, []string{"alias/o.parquet", "data"}, exitUsage, "output dir/alias/o.parquet would be written inside the input folder dir/data"},
		{"-o a folder", func(dir string) { os.Mkdir(filepath.Join(dir, "out"), 0o755) },
			[]string{"out", "in.ndjson"}, exitUsage, "-o dir/out is a folder"},
		{"-o a missing folder", nil, []string{"out/", "in.ndjson"}, exitUsage, "-o dir/out/ is a folder"},
		{"-o whose side file is a folder", func(dir string) { os.Mkdir(filepath.Join(dir, "x.rejects.ndjson"), 0o755) },
			[]string{"x.parquet", "in.ndjson"}, exitUsage, "-o dir/x.rejects.ndjson is a folder"},
		{"an empty input", func(dir string) { os.WriteFile(filepath.Join(dir, "empty.ndjson"), nil, 0o644) },
			[]string{"good.parquet", "empty.ndjson"}, exitInput, "no records in dir/empty.ndjson: nothing to ingest; no output written"},
		{"blank lines only", func(dir string) { os.WriteFile(filepath.Join(dir, "blank.ndjson"), []byte("\n  \n\n"), 0o644) },
			[]string{"good.parquet", "blank.ndjson"}, exitInput, "no records in dir/blank.ndjson"},
		{"not NDJSON", func(dir string) {
			os.WriteFile(filepath.Join(dir, "page.ndjson"), []byte("<html>\n<body>Not found</body>\n</html>\n"), 0o644)
		}, []string{"good.parquet", "page.ndjson"}, exitInput,
			"no answer accepted: all 3 records rejected (3 unreadable), the first at dir/page.ndjson:1 (record: not valid JSON at byte 0"},
		{"a Parquet file as input", nil, []string{"new.parquet", "good.parquet"}, exitInput,
			"dir/good.parquet looks like a Parquet file; ingest reads NDJSON and CSV"},
		{"a Parquet file as input, named .ndjson", func(dir string) { copyFile(t, dir, "good.parquet", "renamed.ndjson") },
			[]string{"good.parquet", "renamed.ndjson"}, exitInput, "dir/renamed.ndjson looks like a Parquet file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			at := func(p string) string { return filepath.Join(dir, p) }
			os.WriteFile(at("in.ndjson"), good, 0o644)
			if code, _, errs := run(t, "ingest", "--survey", npsExample, "-o", at("good.parquet"), at("in.ndjson")); code != exitOK {
				t.Fatalf("the good run: %d %s", code, errs)
			}
			if tc.setup != nil {
				tc.setup(dir)
			}
			before := snapshot(t, dir)
			args := []string{"ingest", "--survey", npsExample, "-o"}
			for _, a := range tc.args {
				args = append(args, at(a))
			}
			if strings.HasSuffix(tc.args[0], "/") {
				args[4] += "/"
			}
			code, stdout, errs := run(t, args...)
			errs = strings.ReplaceAll(errs, dir+"/", "dir/")
			if code != tc.code || !strings.Contains(errs, tc.errs) || stdout != "" {
				t.Errorf("exit %d, stdout %q, stderr %q; want %d and %q", code, stdout, errs, tc.code, tc.errs)
			}
			after := snapshot(t, dir)
			for p, was := range before {
				if now, ok := after[p]; !ok {
					t.Errorf("%s is gone", p)
				} else if now != was {
					t.Errorf("%s changed (%d bytes, was %d)", p, len(now), len(was))
				}
			}
			for p := range after {
				if _, ok := before[p]; !ok {
					t.Errorf("%s was left behind", p)
				}
			}
		})
	}
}

// copyFile copies dir/from to dir/to, making to's folder.
func copyFile(t *testing.T, dir, from, to string) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(dir, from))
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Dir(filepath.Join(dir, to)), 0o755)
	if err := os.WriteFile(filepath.Join(dir, to), raw, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestIngestMakesOutputFolder: -o into a folder that does not exist makes
// it (issue #12, item 6: the run failed, naming the rejects file); a run
// that fails there leaves no folder behind. The refusals read in Russian
// too, naming both paths.
func TestIngestMakesOutputFolder(t *testing.T) {
	tmp := t.TempDir()
	in := filepath.Join(tmp, "in.ndjson")
	simulateTo(t, in, "-n", "5", "--seed", "1", npsExample)
	out := filepath.Join(tmp, "data", "2025", "answers.parquet")
	code, stdout, errs := run(t, "ingest", "--survey", npsExample, "-o", out, in)
	if code != exitOK || !strings.Contains(stdout, "5 accepted") {
		t.Fatalf("ingest into a new folder: %d %s %s", code, stdout, errs)
	}
	for _, p := range []string{out, ingest.RejectsPath(out), ingest.SetAsidePath(out)} {
		if _, err := os.Stat(p); err != nil {
			t.Error(err)
		}
	}
	empty := filepath.Join(tmp, "empty.ndjson")
	os.WriteFile(empty, nil, 0o644)
	if code, _, errs := run(t, "ingest", "--survey", npsExample, "-o", filepath.Join(tmp, "new", "sub", "a.parquet"), empty); code != exitInput {
		t.Errorf("an empty input: %d %s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(tmp, "new")); !os.IsNotExist(err) {
		t.Errorf("a failed run left the folder it made: %v", err)
	}

	t.Setenv("OPROS_LANG", "ru")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-o", in, in}, "opros ingest: выход " + in + " — это вход " + in + " (тот же файл); ingest затёр бы свой же вход: запишите результаты в другое место\n"},
		{[]string{"-o", filepath.Join(tmp, "data", "x.parquet"), filepath.Join(tmp, "data")},
			"opros ingest: выход " + filepath.Join(tmp, "data", "x.parquet") + " оказался бы внутри входной папки " + filepath.Join(tmp, "data") + ", где его прочтёт следующий запуск или где сборщик хранит свои файлы: запишите результаты в другое место\n"},
		{[]string{"-o", tmp, in}, "opros ingest: -o " + tmp + " — это папка; укажите файл Parquet, который нужно записать, например answers.parquet в ней\n"},
		{[]string{"-o", out, empty}, "opros ingest: в " + empty + " нет ни одной записи: загружать нечего; ничего не записано\n"},
		{[]string{"-o", filepath.Join(tmp, "x.parquet"), out}, "opros ingest: " + out + " похож на файл Parquet; ingest читает NDJSON и CSV (Parquet читает opros report)\n"},
	} {
		var errs bytes.Buffer
		code := Main(append([]string{"ingest", "--survey", npsExample}, tc.args...), strings.NewReader(""), io.Discard, &errs)
		if code == exitOK || errs.String() != tc.want {
			t.Errorf("%v: %d %q, want %q", tc.args, code, errs.String(), tc.want)
		}
	}
}

// TestIngestCollectorFolder reads a collector's data folder whose log has
// a damaged line in the middle: that line alone is rejected, with the
// reason, and every other line is kept. What the folder holds besides
// answers is not read, and each file is said on stderr (in English and
// Russian): the collector's torn lines with their count, its rejects and
// spam, a file of another type. --strict fails on the torn lines, which
// may hold answers, as it does on a rejected record.
func TestIngestCollectorFolder(t *testing.T) {
	tmp := t.TempDir()
	sim := filepath.Join(tmp, "sim.ndjson")
	simulateTo(t, sim, "-n", "30", "--seed", "4", npsExample)
	raw, _ := os.ReadFile(sim)
	var log []string
	for _, l := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
		log = append(log, `{"received_at":"2026-01-01T00:00:00Z","submission":`+l+`}`)
	}
	damaged := log[9][:120] // line 10 cut short (inside its ASCII head), as a crash or a copy would
	data := filepath.Join(tmp, "data")
	folder := filepath.Join(data, "nps-csat-ces")
	os.MkdirAll(folder, 0o755)
	write := func(name, text string) string {
		p := filepath.Join(folder, name)
		os.WriteFile(p, []byte(text), 0o644)
		return p
	}
	whole := strings.Join(log, "\n") + "\n"
	write("answers.ndjson", strings.Join(append(log[:9:9], append([]string{damaged}, log[10:]...)...), "\n")+"\n")
	torn := write("torn-20260101T000000Z.ndjson", `{"offset":10,"line":"{\"received_at\""}`+"\n"+`{"offset":42,"line_base64":"/w=="}`+"\n")
	rejects := write("rejects.ndjson", `{"received_at":"2026-01-01T00:00:00Z","reason":"invalid","body":"x"}`+"\n")
	spam := write("spam.ndjson", "")
	notes := write("notes.txt", "collected at the fair\n")
	write(".collect.lock", "123 127.0.0.1:8080\n") // hidden: passed over unsaid

	out := filepath.Join(tmp, "o.parquet")
	code, stdout, errs := run(t, "ingest", "--survey", npsExample, "-o", out, data)
	if code != exitOK || !strings.Contains(stdout, "29 accepted, 1 rejected, 0 duplicates") {
		t.Fatalf("ingest: %d %s %s", code, stdout, errs)
	}
	wantErrs := "opros ingest: skipped " + notes + ": not an answer file (.ndjson, .jsonl, .csv)\n" +
		"opros ingest: skipped " + rejects + ": the collector's rejected posts, not answers\n" +
		"opros ingest: skipped " + spam + ": the collector's bot-trap hits, not answers\n" +
		"opros ingest: not ingested: " + torn + ": 2 lines the collector set aside from a damaged log\n"
	if errs != wantErrs {
		t.Errorf("stderr\n%s\nwant\n%s", errs, wantErrs)
	}
	rej, _ := os.ReadFile(ingest.RejectsPath(out))
	var r ingest.Reject
	if err := json.Unmarshal(rej, &r); err != nil || r.Record != 10 || r.Raw != damaged || len(r.Errors) == 0 || r.Errors[0].Code != "unreadable" {
		t.Errorf("the damaged line's reject: %v %s", err, rej)
	}
	want := ids(t, sim)
	got := waves(t, out)
	n := 0
	for _, wave := range got {
		for _, id := range wave {
			n++
			if !want[id] {
				t.Errorf("%s is not an answer of the log", id)
			}
		}
	}
	if n != 29 {
		t.Errorf("%d rows, want 29", n)
	}

	if code, _, _ := run(t, "ingest", "--strict", "--survey", npsExample, "-o", out, data); code != exitInput {
		t.Errorf("--strict with a rejected line and torn lines: exit %d", code)
	}
	write("answers.ndjson", whole)
	if code, stdout, _ := run(t, "ingest", "--strict", "--survey", npsExample, "-o", out, data); code != exitInput || !strings.Contains(stdout, "30 accepted, 0 rejected") {
		t.Errorf("--strict with torn lines: exit %d %s", code, stdout)
	}
	os.Remove(torn)
	if code, _, errs := run(t, "ingest", "--strict", "--survey", npsExample, "-o", out, data); code != exitOK {
		t.Errorf("--strict, nothing torn or rejected: exit %d %s", code, errs)
	}
	write("torn-20260101T000000Z.ndjson", "{\"offset\":10,\"line\":\"{\"}\n")
	t.Setenv("OPROS_LANG", "ru")
	var ru bytes.Buffer
	Main([]string{"ingest", "--survey", npsExample, "-o", out, data}, strings.NewReader(""), io.Discard, &ru)
	for _, want := range []string{
		"opros ingest: пропущен " + notes + ": не файл ответов (.ndjson, .jsonl, .csv)\n",
		"opros ingest: пропущен " + rejects + ": отклонённые сборщиком отправки, не ответы\n",
		"opros ingest: пропущен " + spam + ": срабатывания ловушки для ботов, не ответы\n",
		"opros ingest: не загружено: " + torn + ": строк, отложенных сборщиком из повреждённого лога: 1\n",
	} {
		if !strings.Contains(ru.String(), want) {
			t.Errorf("in Russian: %q lacks %q", ru.String(), want)
		}
	}
}
