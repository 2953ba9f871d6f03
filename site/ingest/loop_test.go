package ingest_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/ingest"
	"github.com/opros/opros/site/simulate"
)

// TestLoopColumns: render/form/testdata/loop.hcl's loop asks contacts
// and satisfied once per channel, so the Parquet file has a typed column
// per question per channel (contacts__phone int64, satisfied__phone bool,
// …), in option order, whatever the answers; a record answering an
// iteration whose channel it did not choose is refused, naming the field.
// Simulated answers hold values only in the iterations chosen.
func TestLoopColumns(t *testing.T) {
	s := testkit.Load(t, "../../render/form/testdata/loop.hcl")
	lines := []string{
		fmt.Sprintf(`{"response_id":"r-chat-and-social-1","survey":%q,"version":%q,"lang":"en","answers":{"q_channels":["chat","social"],"contacts__chat":120,"satisfied__chat":true,"contacts__social":0}}`, s.ID, s.Hash),
		fmt.Sprintf(`{"response_id":"r-none-of-these-002","survey":%q,"version":%q,"lang":"ru","answers":{"q_channels":["none"],"q_comment":"нет"}}`, s.ID, s.Hash),
		fmt.Sprintf(`{"response_id":"r-phone-not-chosen3","survey":%q,"version":%q,"lang":"en","answers":{"q_channels":["chat"],"contacts__chat":3,"contacts__phone":40}}`, s.ID, s.Hash),
	}
	in := filepath.Join(t.TempDir(), "answers.ndjson")
	if err := os.WriteFile(in, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "a.parquet")
	st, err := ingest.Run(s, []ingest.Input{{Path: in}}, out, ingest.Options{})
	if err != nil || st.Accepted != 2 || st.Rejected != 1 {
		t.Fatalf("%+v %v", st, err)
	}
	rejects, err := os.ReadFile(ingest.RejectsPath(out))
	if err != nil || !strings.Contains(string(rejects), `"field":"answers.contacts__phone","code":"not_chosen"`) || !strings.Contains(string(rejects), "r-phone-not-chosen3") {
		t.Errorf("rejects %s %v", rejects, err)
	}
	schema := readTable(t, out).Schema()
	var answers []string
	for _, f := range schema.Fields() {
		if strings.Contains(f.Name, "__") {
			answers = append(answers, f.Name+":"+f.Type.String())
		}
	}
	want := []string{"contacts__phone:int64", "satisfied__phone:bool", "contacts__chat:int64", "satisfied__chat:bool",
		"contacts__email:int64", "satisfied__email:bool", "contacts__social:int64", "satisfied__social:bool"}
	if !slices.Equal(answers, want) {
		t.Errorf("loop columns\n got %v\nwant %v", answers, want)
	}
	rows := readRows(t, out)
	for id, wantRow := range map[string]map[string]any{
		"r-chat-and-social-1": {"contacts__chat": int64(120), "satisfied__chat": true, "contacts__social": int64(0), "satisfied__social": nil, "contacts__phone": nil},
		"r-none-of-these-002": {"contacts__chat": nil, "contacts__phone": nil, "q_comment": "нет"},
	} {
		for col, v := range wantRow {
			if rows[id][col] != v {
				t.Errorf("%s: %s = %v, want %v", id, col, rows[id][col], v)
			}
		}
	}

	var buf bytes.Buffer
	if err := simulate.Simulate(s, nil, simulate.Options{N: 300, Seed: 5}, &buf); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(in, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if st, err := ingest.Run(s, []ingest.Input{{Path: in}}, out, ingest.Options{}); err != nil || st.Accepted != 300 {
		t.Fatalf("simulated: %+v %v", st, err)
	}
	answered := map[string]int{}
	for id, row := range readRows(t, out) {
		chosen, _ := row["q_channels"].([]string)
		for _, code := range []string{"phone", "chat", "email", "social"} {
			has := row["contacts__"+code] != nil
			if has != slices.Contains(chosen, code) {
				t.Fatalf("%s: contacts__%s = %v with q_channels %v", id, code, row["contacts__"+code], chosen)
			}
			if has {
				answered[code]++
			}
		}
	}
	for _, code := range []string{"phone", "chat", "email", "social"} {
		if answered[code] == 0 || answered[code] == 300 {
			t.Errorf("simulated: %d of 300 answer contacts__%s", answered[code], code)
		}
	}
	t.Logf("iterations answered: %v", answered)
}
