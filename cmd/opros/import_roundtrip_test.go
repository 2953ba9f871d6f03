package main

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/opros/opros/compiler/testkit"
)

// TestImportRoundTrip: an XLSForm imported, simulated, ingested and
// exported to SPSS reads in PSPP with the form's labels, and the number of
// answers to each question PSPP counts is the number the simulation gave
// (#20: import → build → simulate → ingest → export .sav → PSPP). One more
// record is in the old tool's codes, as an ODK export gives them ("green
// pear", which opros calls green_pear, keeping "green pear" as the
// option's source), and its "per-week" answer under the old tool's name
// (per_week's source): ingest reads them as green_pear and per_week and
// says so.
func TestImportRoundTrip(t *testing.T) {
	pspp := testkit.Tool(t, "pspp", "pspp")
	tmp := t.TempDir()
	xlsx := filepath.Join(tmp, "fruit.xlsx")
	writeXLSForm(t, xlsx, map[string][][]string{
		"survey": {
			{"type", "name", "label", "required", "relevant", "constraint"},
			{"select_one fruit", "fruit", "Favourite fruit", "yes"},
			{"select_multiple fruit", "also", "Which others do you eat?", "", "${fruit} != 'apple'"},
			{"integer", "per-week", "Fruit a week", "", "", ". >= 0 and . <= 50"},
			{"text", "why", "Why?", "", "selected(${also}, 'green pear')"},
		},
		"choices": {
			{"list_name", "name", "label"},
			{"fruit", "apple", "Apple"},
			{"fruit", "green pear", "Green pear"},
			{"fruit", "plum", "Plum"},
		},
		"settings": {{"form_title", "form_id"}, {"Fruit", "fruit"}},
	})
	dir := filepath.Join(tmp, "fruit")
	if code, o, e := run(t, "import", "-o", dir, xlsx); code != exitOK {
		t.Fatalf("import: exit %d\n%s%s", code, o, e)
	}
	if code, o, e := run(t, "build", "-o", filepath.Join(tmp, "dist"), dir); code != exitOK {
		t.Fatalf("build: exit %d\n%s%s", code, o, e)
	}
	code, answers, e := run(t, "simulate", "-n", "300", "--seed", "7", dir)
	if code != exitOK {
		t.Fatalf("simulate: exit %d\n%s", code, e)
	}
	in := filepath.Join(tmp, "answers.ndjson")
	old := `{"response_id":"odk-export-0000000001","survey":"fruit","lang":"en","fruit":"green pear","also":["apple","green pear"],"per-week":3}` + "\n"
	os.WriteFile(in, []byte(answers+old), 0o644)
	data := filepath.Join(tmp, "fruit.parquet")
	code, o, e := run(t, "ingest", "--survey", dir, "-o", data, in)
	if code != exitOK || !strings.Contains(o, "301 accepted, 0 rejected") {
		t.Fatalf("ingest: exit %d\n%s%s", code, o, e)
	}
	if !strings.Contains(e, "3 answer values in 1 records were the old tool's codes") {
		t.Errorf("ingest does not say what it recoded:\n%s", e)
	}
	sav := filepath.Join(tmp, "fruit.sav")
	if code, o, e := run(t, "export", "--survey", dir, "-o", sav, data); code != exitOK {
		t.Fatalf("export: exit %d\n%s%s", code, o, e)
	}

	// What the simulation answered, by question.
	answered := map[string]int{}
	fruit := map[string]int{} // by code
	sc := bufio.NewScanner(strings.NewReader(answers))
	for sc.Scan() {
		var rec struct{ Answers map[string]any }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatal(err)
		}
		for q, v := range rec.Answers {
			if v != nil {
				answered[q]++
			}
		}
		if code, ok := rec.Answers["fruit"].(string); ok {
			fruit[code]++
		}
	}
	answered["per_week"]++ // the old tool's record
	fruit["green_pear"]++
	if answered["fruit"] == 0 || answered["why"] == 0 {
		t.Fatalf("the simulation left questions unanswered: %v", answered)
	}

	sps := filepath.Join(tmp, "t.sps")
	os.WriteFile(sps, []byte("GET FILE='"+sav+"'.\nDISPLAY DICTIONARY.\nDESCRIPTIVES /VARIABLES=per_week /STATISTICS=MIN MAX.\nFREQUENCIES /VARIABLES=fruit.\n"), 0o644)
	csvOut := filepath.Join(tmp, "out.csv")
	if out, err := exec.Command(pspp, "-O", "format=csv", "-o", csvOut, sps).CombinedOutput(); err != nil {
		t.Fatalf("pspp: %v: %s", err, out)
	}
	raw, _ := os.ReadFile(csvOut)
	out := string(raw)
	// The renamed code green_pear keeps its label; the question texts are
	// the variables' labels.
	for _, want := range []string{"Favourite fruit", "Which others do you eat?", "Fruit a week", "Apple", "Green pear", "Plum"} {
		if !strings.Contains(out, want) {
			t.Errorf("PSPP's output lacks %q:\n%s", want, out)
		}
	}
	// FREQUENCIES counts each option as simulate chose it (green_pear is
	// the import's code for "green pear"); DESCRIPTIVES the numbers given.
	for code, label := range map[string]string{"apple": "Apple", "green_pear": "Green pear", "plum": "Plum"} {
		if row := "," + label + "," + strconv.Itoa(fruit[code]) + ","; fruit[code] == 0 || !strings.Contains(out, row) {
			t.Errorf("PSPP's frequencies lack %q (simulate chose %s %d times):\n%s", row, code, fruit[code], out)
		}
	}
	if row := "Fruit a week," + strconv.Itoa(answered["per_week"]) + ","; !strings.Contains(out, row) {
		t.Errorf("PSPP's descriptives lack %q:\n%s", row, out)
	}
}

// writeXLSForm writes sheets (rows of cells) as an .xlsx file.
func writeXLSForm(t *testing.T, path string, sheets map[string][][]string) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for name, rows := range sheets {
		if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for i, row := range rows {
			cells := make([]any, len(row))
			for j, c := range row {
				cells[j] = c
			}
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			if err := f.SetSheetRow(name, cell, &cells); err != nil {
				t.Fatal(err)
			}
		}
	}
	f.DeleteSheet("Sheet1")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}
