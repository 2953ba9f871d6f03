package ingest_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/ingest"
	"github.com/opros/opros/site/simulate"
)

// TestEveryConstructColumns ingests simulated answers to the survey with
// every question type and reads each answer of the types added for #19
// back from its typed column: a boolean is a bool column holding the
// answer, null where there was none; each box of an inputs question is a
// column of its own, int64 for whole numbers and utf8 for text.
func TestEveryConstructColumns(t *testing.T) {
	s := testkit.Load(t, "../../testdata/surveys/every-construct.hcl")
	var buf bytes.Buffer
	if err := simulate.Simulate(s, nil, simulate.Options{N: 300, Seed: 5}, &buf); err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(t.TempDir(), "answers.ndjson")
	if err := os.WriteFile(in, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "a.parquet")
	st, err := ingest.Run(s, []ingest.Input{{Path: in}}, out, ingest.Options{})
	if err != nil || st.Accepted != 300 {
		t.Fatalf("%+v %v", st, err)
	}
	tbl := readTable(t, out)
	want := map[string]arrow.Type{"q_bool": arrow.BOOL, "q_bool_labels": arrow.BOOL,
		"q_agents_voice": arrow.INT64, "q_agents_chat": arrow.INT64, "q_contact_name": arrow.STRING, "q_contact_role": arrow.STRING,
		"q_share_voice": arrow.INT64, "q_share_chat": arrow.INT64, "q_share_mail": arrow.INT64,
		"q_priorities_cost": arrow.INT64, "q_priorities_reach": arrow.INT64}
	for name, typ := range want {
		if f := tbl.Schema().Field(tbl.Schema().FieldIndices(name)[0]); f.Type.ID() != typ {
			t.Errorf("%s is a %s column, want %s", name, f.Type, typ)
		}
	}
	rows := readRows(t, out)
	seen := map[string]map[any]int{}
	for _, line := range bytes.Split(bytes.TrimSpace(buf.Bytes()), []byte("\n")) {
		var sub struct {
			ID      string         `json:"response_id"`
			Answers map[string]any `json:"answers"`
		}
		if err := json.Unmarshal(line, &sub); err != nil {
			t.Fatal(err)
		}
		for name := range want {
			got, want := rows[sub.ID][name], sub.Answers[name]
			if f, ok := want.(float64); ok {
				want = int64(f) // JSON numbers; the column holds whole numbers
			}
			if got != want {
				t.Fatalf("%s %s: column %v, answer %v", sub.ID, name, got, want)
			}
			if seen[name] == nil {
				seen[name] = map[any]int{}
			}
			seen[name][got]++
		}
	}
	// Both answers of a boolean (and, for the optional one, none) were
	// read back, and several values of each box.
	for name, values := range seen {
		if q := s.Question(name); q != nil && (values[true] == 0 || values[false] == 0 || !q.Required && values[nil] == 0) {
			t.Errorf("%s: simulated values %v, want every one", name, values)
		}
		if q := s.Question(name); q == nil && len(values) < 3 {
			t.Errorf("%s: simulated values %v", name, values)
		}
	}
}

// TestPreviousConstantSum: answers to a constant_sum question whose total
// changed since are set aside box by box (total_changed), never read as
// shares of the new total.
func TestPreviousConstantSum(t *testing.T) {
	const src = `
survey "cs" {
  title = "CS"
  endpoint {
    url = "https://example.org/c"
  }
}
page "p" {
  title = "P"
  question "q_s" {
    type = "constant_sum"
    text = "Shares"
    item "a" {
      label = "A"
    }
    item "b" {
      label = "B"
    }
  }
}
`
	old := compileSource(t, src)
	cur := compileSource(t, strings.Replace(src, `type = "constant_sum"`, "type  = \"constant_sum\"\n    total = 10", 1))
	in := filepath.Join(t.TempDir(), "old.ndjson")
	os.WriteFile(in, []byte(`{"response_id":"old-record-000001","survey":"cs","version":"`+old.Hash+`","lang":"en","answers":{"q_s_a":60,"q_s_b":40}}`+"\n"), 0o644)
	out := filepath.Join(t.TempDir(), "out.parquet")
	st, err := ingest.Run(cur, []ingest.Input{{Path: in}}, out, ingest.Options{Previous: []*ir.Survey{old}})
	if err != nil || st.Accepted != 1 || st.SetAside != 2 {
		t.Fatalf("%+v %v", st, err)
	}
	aside, _ := os.ReadFile(ingest.SetAsidePath(out))
	if n := strings.Count(string(aside), `"code":"total_changed"`); n != 2 {
		t.Errorf("set aside:\n%s", aside)
	}
	if row := readRows(t, out)["old-record-000001"]; row["q_s_a"] != nil || row["q_s_b"] != nil {
		t.Errorf("read back %v", row)
	}
}

// TestRankingOrder: a ranking's answers are stored twice, as the issue
// asks: each item's rank in its own int64 column, and the codes of the
// items ranked, in rank order, separated by spaces, in a string column
// named as the question; null when nothing is ranked. Worked by hand:
// q_all ranks all three items, q_top the top two of three.
func TestRankingOrder(t *testing.T) {
	s := compileSource(t, `
survey "rk" {
  title = "RK"
  endpoint {
    url = "https://example.org/c"
  }
}
page "p" {
  title = "P"
  question "q_all" {
    type = "ranking"
    text = "Rank"
    item "a" {
      label = "A"
    }
    item "b" {
      label = "B"
    }
    item "c" {
      label = "C"
    }
  }
  question "q_top" {
    type = "ranking"
    text = "Top two"
    rank = 2
    item "a" {
      label = "A"
    }
    item "b" {
      label = "B"
    }
    item "c" {
      label = "C"
    }
  }
}
`)
	lines := []string{
		`{"response_id":"resp-000000000001","survey":"rk","version":"` + s.Hash + `","lang":"en","answers":{"q_all_a":3,"q_all_b":1,"q_all_c":2,"q_top_a":2,"q_top_b":1}}`,
		`{"response_id":"resp-000000000002","survey":"rk","version":"` + s.Hash + `","lang":"en","answers":{"q_all_a":1,"q_all_b":2,"q_all_c":3,"q_top_c":1,"q_top_a":2}}`,
		`{"response_id":"resp-000000000003","survey":"rk","version":"` + s.Hash + `","lang":"en","answers":{}}`,
	}
	in := filepath.Join(t.TempDir(), "answers.ndjson")
	if err := os.WriteFile(in, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "a.parquet")
	if st, err := ingest.Run(s, []ingest.Input{{Path: in}}, out, ingest.Options{}); err != nil || st.Accepted != 3 {
		t.Fatalf("%+v %v", st, err)
	}
	tbl := readTable(t, out)
	for name, typ := range map[string]arrow.Type{"q_all": arrow.STRING, "q_top": arrow.STRING, "q_all_a": arrow.INT64, "q_top_c": arrow.INT64} {
		if f := tbl.Schema().Field(tbl.Schema().FieldIndices(name)[0]); f.Type.ID() != typ {
			t.Errorf("%s is a %s column, want %s", name, f.Type, typ)
		}
	}
	rows := readRows(t, out)
	for id, want := range map[string]map[string]any{
		"resp-000000000001": {"q_all": "b c a", "q_top": "b a", "q_all_a": int64(3), "q_top_c": nil},
		"resp-000000000002": {"q_all": "a b c", "q_top": "c a", "q_all_a": int64(1), "q_top_c": int64(1)},
		"resp-000000000003": {"q_all": nil, "q_top": nil, "q_all_a": nil, "q_top_c": nil},
	} {
		for col, w := range want {
			if got := rows[id][col]; got != w {
				t.Errorf("%s %s = %v, want %v", id, col, got, w)
			}
		}
	}
}
