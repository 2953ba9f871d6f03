package export_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/export"
	"github.com/opros/opros/site/ingest"
	"github.com/opros/opros/site/simulate"
)

// TestCellsDictionary: a matrix_multi's boxes and a grid's cells are
// labelled "question — row — column"; a box is 0/1 "not selected" /
// "selected", one of its row's multiple-response set ("none of these" is
// one of the set, as it is not a missing option); a dropdown cell has its
// options as value labels; a number cell is a scale.
func TestCellsDictionary(t *testing.T) {
	s := testkit.Load(t, "../../testdata/surveys/cells.hcl")
	d := export.NewDictionary(s, "en")
	box := varByName(d, "q_tools_chat_bot")
	if box == nil || box.Label != "Which of these apply to each channel? — Chat — Bot" || fmt.Sprint(box.Labels) != "[{0 not selected false} {1 selected true}]" {
		t.Errorf("a box: %+v", box)
	}
	cell := varByName(d, "q_hours_voice_weekend")
	if cell == nil || cell.Label != "How is each channel staffed? — Phone — Weekend" || len(cell.Labels) != 3 || cell.Labels[2].Label != "Outsourced" {
		t.Errorf("a dropdown cell: %+v", cell)
	}
	if n := varByName(d, "q_agents_chat_night"); n == nil || n.Measure != export.Scale || n.Label != "How many agents work in each channel, per shift? — Chat — Night" {
		t.Errorf("a number cell: %+v", n)
	}
	want := `[{$q_tools_voice Which of these apply to each channel? — Phone [q_tools_voice_ivr q_tools_voice_bot q_tools_voice_callback q_tools_voice_none]} {$q_tools_chat Which of these apply to each channel? — Chat [q_tools_chat_ivr q_tools_chat_bot q_tools_chat_callback q_tools_chat_none]}]`
	if got := fmt.Sprint(d.Sets); got != want {
		t.Errorf("multiple-response sets\n%s\nwant\n%s", got, want)
	}
}

// TestCellsSavPSPP: PSPP reads the cells of 200 simulated answers from
// the .sav: the labels, a set per matrix_multi row, and each box's count
// of 1s equal to the Parquet file's count of true.
func TestCellsSavPSPP(t *testing.T) {
	pspp := testkit.Tool(t, "pspp", "pspp")
	s := testkit.Load(t, "../../testdata/surveys/cells.hcl")
	var buf bytes.Buffer
	if err := simulate.Simulate(s, nil, simulate.Options{N: 200, Seed: 9}, &buf); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in.ndjson")
	os.WriteFile(in, buf.Bytes(), 0o644)
	data := filepath.Join(dir, "data.parquet")
	if st, err := ingest.Run(s, []ingest.Input{{Path: in}}, data, ingest.Options{}); err != nil || st.Accepted != 200 {
		t.Fatalf("ingest: %+v %v", st, err)
	}
	ticked := strings.Count(buf.String(), `"q_tools_chat_bot":true`)
	out, _ := exportTo(t, s, data, "cells.sav", export.Options{})
	got := runPSPP(t, pspp, fmt.Sprintf("GET FILE=%q.\nDISPLAY DICTIONARY.\nMRSETS /DISPLAY NAME=ALL.\nFREQUENCIES VARIABLES=q_tools_chat_bot q_hours_chat_weekend /STATISTICS=NONE.\n", out))
	for _, want := range []string{
		`q_agents_voice_night,17,"How many agents work in each channel, per shift? — Phone — Night",Scale`,
		"$q_tools_chat,Which of these apply to each channel? — Chat,Dichotomies,1,",
		fmt.Sprintf(",selected,%d,", ticked),
		",Outsourced,",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("PSPP output lacks %q", want)
		}
	}
	if t.Failed() {
		t.Log(got)
	}
}
