package ingest_test

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/ingest"
	"github.com/opros/opros/site/simulate"
)

// TestCalculationColumns: each calculate block of calculate.hcl is a
// column of its type after the answers, computed from each record's
// answers as the form computes it (worked by hand below); a record that
// sends a calculation's value itself is refused, as the schema refuses it.
func TestCalculationColumns(t *testing.T) {
	s := testkit.Load(t, "../../render/form/testdata/calculate.hcl")
	answers := []struct {
		id, answers string
		share       any // round(q_chat / q_total * 100)
		heavy       any // chat_share > 50, null while chat_share is
		size        any // "large" from 10 staff, null while q_total is unanswered
	}{
		{"r-most-in-chat-0001", `"q_total":12,"q_chat":8,"q_why":"queues"`, 67.0, true, "large"}, // 66.67 rounds up
		{"r-few-in-chat-00002", `"q_total":4,"q_chat":1`, 25.0, false, "small"},
		{"r-half-in-chat-0003", `"q_total":10,"q_chat":5`, 50.0, false, "large"}, // 50 is not > 50
		{"r-none-on-staff-004", `"q_total":0,"q_chat":0`, nil, nil, "small"},     // 0 / 0 is null
		{"r-nothing-00000005", ``, nil, nil, nil},
	}
	var lines []string
	for _, a := range answers {
		lines = append(lines, fmt.Sprintf(`{"response_id":%q,"survey":%q,"version":%q,"lang":"en","answers":{%s}}`, a.id, s.ID, s.Hash, a.answers))
	}
	lines = append(lines, fmt.Sprintf(`{"response_id":"r-sends-its-own-006","survey":%q,"version":%q,"lang":"en","answers":{"q_total":4,"q_chat":1,"chat_share":99}}`, s.ID, s.Hash))
	in := filepath.Join(t.TempDir(), "answers.ndjson")
	if err := os.WriteFile(in, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "a.parquet")
	st, err := ingest.Run(s, []ingest.Input{{Path: in}}, out, ingest.Options{})
	if err != nil || st.Accepted != len(answers) {
		t.Fatalf("%+v %v", st, err)
	}
	rejects, err := os.ReadFile(ingest.RejectsPath(out))
	if err != nil || !strings.Contains(string(rejects), `"field":"answers.chat_share","code":"unknown_field"`) {
		t.Errorf("a record sending chat_share: rejects %s %v", rejects, err)
	}
	schema := readTable(t, out).Schema()
	for name, typ := range map[string]string{"chat_share": "float64", "chat_heavy": "bool", "size": "utf8"} {
		f, ok := schema.FieldsByName(name)
		if !ok || f[0].Type.String() != typ {
			t.Errorf("column %s: %v, want %s", name, f, typ)
		}
	}
	if last := schema.Field(schema.NumFields() - 1).Name; last != "size" {
		t.Errorf("last column %s: the calculations come after the answers, in form order", last)
	}
	rows := readRows(t, out)
	for _, a := range answers {
		got := rows[a.id]
		for name, want := range map[string]any{"chat_share": a.share, "chat_heavy": a.heavy, "size": a.size} {
			if got[name] != want {
				t.Errorf("%s: %s = %v, want %v", a.id, name, got[name], want)
			}
		}
	}
}

// TestCalculationSimulated: simulated answers to calculate.hcl, ingested,
// hold in each row the values worked out here from the row's own answers
// with Go's arithmetic (not the expression evaluator), and q_why only where
// the share is over 50, as the form shows it.
func TestCalculationSimulated(t *testing.T) {
	s := testkit.Load(t, "../../render/form/testdata/calculate.hcl")
	var buf bytes.Buffer
	if err := simulate.Simulate(s, nil, simulate.Options{N: 400, Seed: 11}, &buf); err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(t.TempDir(), "answers.ndjson")
	if err := os.WriteFile(in, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "a.parquet")
	if st, err := ingest.Run(s, []ingest.Input{{Path: in}}, out, ingest.Options{}); err != nil || st.Accepted != 400 {
		t.Fatalf("%+v %v", st, err)
	}
	seen := map[string]int{}
	for id, row := range readRows(t, out) {
		var share, heavy, size any
		total, tok := row["q_total"].(int64)
		chat, cok := row["q_chat"].(int64)
		if tok && cok && total != 0 {
			share = math.Floor(float64(chat)/float64(total)*100 + 0.5)
			heavy = share.(float64) > 50
		}
		if tok {
			size = map[bool]string{true: "large", false: "small"}[total >= 10]
		}
		if row["chat_share"] != share || row["chat_heavy"] != heavy || row["size"] != size {
			t.Fatalf("%s: %v %v %v, want %v %v %v (q_total %v, q_chat %v)", id, row["chat_share"], row["chat_heavy"], row["size"], share, heavy, size, row["q_total"], row["q_chat"])
		}
		if (row["q_why"] != nil) && heavy != true {
			t.Errorf("%s: q_why answered with chat_share %v", id, share)
		}
		seen[fmt.Sprint(heavy)]++
	}
	if seen["true"] == 0 || seen["false"] == 0 {
		t.Errorf("the simulated rows do not cover both values: %v", seen)
	}
	t.Logf("chat_heavy: %v", seen)
}
