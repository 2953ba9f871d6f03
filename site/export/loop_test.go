package export_test

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/export"
	"github.com/opros/opros/site/ingest"
)

// TestLoop: render/form/testdata/loop.hcl exports a variable per question
// per iteration, in option order, labelled by the question's text with
// the option's label in it (named after the text when the text does not
// read it), and each row's values only in the iterations it chose.
func TestLoop(t *testing.T) {
	s := testkit.Load(t, "../../render/form/testdata/loop.hcl")
	dir := t.TempDir()
	in := filepath.Join(dir, "in.ndjson")
	os.WriteFile(in, []byte(`{"response_id":"resp-0000000000000001","survey":"loop","lang":"en","submitted_at":"2026-11-01T10:00:00Z","answers":{"q_channels":["chat","social"],"contacts__chat":120,"satisfied__chat":true,"contacts__social":0}}
{"response_id":"resp-0000000000000002","survey":"loop","lang":"en","submitted_at":"2026-11-01T10:00:00Z","answers":{"q_channels":["phone"],"contacts__phone":7}}
`), 0o644)
	data := filepath.Join(dir, "data.parquet")
	if st, err := ingest.Run(s, []ingest.Input{{Path: in}}, data, ingest.Options{}); err != nil || st.Accepted != 2 {
		rej, _ := os.ReadFile(ingest.RejectsPath(data))
		t.Fatalf("ingest: %v: %s", err, rej)
	}
	out, res := exportTo(t, s, data, "out.csv", export.Options{})
	for name, label := range map[string]string{
		"contacts__phone":  "How many contacts a month via Phone?",
		"contacts__social": "How many contacts a month via Social media?",
	} {
		if v := varByName(res.Dict, name); v == nil || v.Label != label {
			t.Errorf("%s: %+v, want the label %q", name, v, label)
		}
	}
	f, _ := os.Open(out)
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil || len(rows) != 3 {
		t.Fatalf("%v, %d rows", err, len(rows))
	}
	var loopCols []string
	for _, c := range rows[0] {
		if len(c) > 10 && (c[:10] == "contacts__" || c[:10] == "satisfied_") {
			loopCols = append(loopCols, c)
		}
	}
	if want := []string{"contacts__phone", "satisfied__phone", "contacts__chat", "satisfied__chat", "contacts__email", "satisfied__email", "contacts__social", "satisfied__social"}; !slices.Equal(loopCols, want) {
		t.Errorf("columns %q, want %q", loopCols, want)
	}
	at := func(row int, col string) string { return rows[row][slices.Index(rows[0], col)] }
	if at(1, "contacts__chat") != "120" || at(1, "contacts__social") != "0" || at(1, "contacts__phone") != "" || at(2, "contacts__phone") != "7" || at(2, "contacts__chat") != "" {
		t.Errorf("rows %q", rows[1:])
	}

	// A loop question whose text does not name the option is labelled
	// with it.
	s.Pages[1].Questions[0].Text["en"] = "Contacts a month"
	if v := varByName(export.NewDictionary(s, "en"), "contacts__phone"); v == nil || v.Label != "Contacts a month — Phone" {
		t.Errorf("a text without the option: %+v", v)
	}
}
