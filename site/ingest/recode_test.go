package ingest_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/arrow/go/v15/parquet/file"

	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/ingest"
)

// sourceSurvey is an imported survey whose options keep the old tool's
// codes (option source): a single, a multi and a matrix.
const sourceSurvey = `survey "imported" {
  title     = "Imported"
  languages = ["en"]
  endpoint {
    url = "https://example.org/c"
  }
}

page "p" {
  question "q_size" {
    type = "single"
    text = "Size"
    option "c2_0" {
      label  = "Two"
      source = "2.0"
    }
    option "c3_0" {
      label  = "Three"
      source = "3.0"
    }
  }
  question "q_pets" {
    type = "multi"
    text = "Pets"
    option "a_cat" {
      label  = "Cat"
      source = "a cat"
    }
    option "dog" {
      label = "Dog"
    }
  }
  question "q_m" {
    type = "matrix"
    text = "Rate"
    option "v1_0" {
      label  = "Bad"
      source = "1.0"
    }
    option "v2_0" {
      label  = "Good"
      source = "2.0"
    }
    row "r1" {
      label = "R1"
    }
    row "r2" {
      label  = "R2"
      source = "r 2"
    }
  }
  question "team_size" {
    type   = "number"
    text   = "Team size"
    source = "team-size"
  }
}
`

// TestSourceCodes: records giving the old tool's codes (a flat export's
// and a CSV's, as the old tool exported them, and a submission's) are
// stored with the opros codes and counted: 2.0 → c2_0 in q_size, "a cat"
// → a_cat in q_pets beside an opros code, 1.0 → v1_0 and 2.0 → v2_0 in
// the matrix's rows. Four records give 1, 2, 3 and 0 source codes: 6 in
// 3 records. A value that is neither a code nor a source is refused
// naming the record's field, as before. Records 6-7 give answers under
// the old tool's names (question source team-size, row source "r 2", as a
// flat export's q_m_r 2 and a submission's nested row), stored under the
// opros ones and counted with the codes; records 8-9 give one answer under
// both names and are refused naming both fields.
func TestSourceCodes(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "survey.hcl")
	if err := os.WriteFile(path, []byte(sourceSurvey), 0o644); err != nil {
		t.Fatal(err)
	}
	s := testkit.Load(t, path)
	meta := fmt.Sprintf(`"survey":%q,"version":%q,"lang":"en"`, s.ID, s.Hash)
	ndjson := strings.Join([]string{
		`{"response_id":"r-flat-00000000001",` + meta + `,"q_size":"2.0"}`,
		`{"response_id":"r-flat-00000000002",` + meta + `,"q_size":"c3_0","q_pets":["a cat","dog"],"q_m_r1":"1.0"}`,
		`{"response_id":"r-subm-00000000003",` + meta + `,"answers":{"q_size":"3.0","q_m":{"r1":"2.0","r2":"1.0"}}}`,
		`{"response_id":"r-flat-00000000004",` + meta + `,"q_size":"c2_0","q_pets":["dog"]}`,
		`{"response_id":"r-flat-00000000005",` + meta + `,"q_size":"4.0"}`,
		// Under the old tool's names: a question's and a matrix row's.
		`{"response_id":"r-flat-00000000006",` + meta + `,"team-size":12,"q_m_r 2":"1.0"}`,
		`{"response_id":"r-subm-00000000007",` + meta + `,"answers":{"team-size":5,"q_m":{"r 2":"v2_0"}}}`,
		`{"response_id":"r-flat-00000000008",` + meta + `,"team_size":3,"team-size":4}`,
		`{"response_id":"r-subm-00000000009",` + meta + `,"answers":{"q_m":{"r2":"v1_0","r 2":"v2_0"}}}`,
	}, "\n") + "\n"
	in := filepath.Join(dir, "answers.ndjson")
	if err := os.WriteFile(in, []byte(ndjson), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "a.parquet")
	st, err := ingest.Run(s, []ingest.Input{{Path: in}}, out, ingest.Options{})
	if err != nil || st.Accepted != 6 || st.Rejected != 3 {
		t.Fatalf("%+v %v", st, err)
	}
	// 6 source codes in records 1-3; record 6 gives 2 source names and a
	// source code (team-size, q_m_r 2, 1.0), record 7 2 source names
	// (team-size, r 2): 11 in 5 records.
	if st.Recoded != 11 || st.RecodedRecords != 5 {
		t.Errorf("recoded %d values in %d records, want 11 in 5", st.Recoded, st.RecodedRecords)
	}
	rows := readRows(t, out)
	want := map[string]map[string]any{
		"r-flat-00000000001": {"q_size": "c2_0"},
		"r-flat-00000000002": {"q_size": "c3_0", "q_m_r1": "v1_0"},
		"r-subm-00000000003": {"q_size": "c3_0", "q_m_r1": "v2_0", "q_m_r2": "v1_0"},
		"r-flat-00000000004": {"q_size": "c2_0"},
		"r-flat-00000000006": {"team_size": 12.0, "q_m_r2": "v1_0"},
		"r-subm-00000000007": {"team_size": 5.0, "q_m_r2": "v2_0"},
	}
	for id, cols := range want {
		for col, v := range cols {
			if got := rows[id][col]; got != v {
				t.Errorf("%s %s = %v, want %v", id, col, got, v)
			}
		}
	}
	if got := fmt.Sprint(rows["r-flat-00000000002"]["q_pets"]); got != "[a_cat dog]" {
		t.Errorf("q_pets = %s, want [a_cat dog]", got)
	}
	rejects, err := os.ReadFile(ingest.RejectsPath(out))
	if err != nil || !strings.Contains(string(rejects), `"record":5,"errors":[{"field":"answers.q_size","code":"unknown_option"`) {
		t.Errorf("rejects: %s %v", rejects, err)
	}
	// An answer under its opros name and its source name is refused
	// naming both, never one silently taken.
	for _, want := range []string{
		`"record":8,"errors":[{"field":"answers.team_size","code":"duplicate_key","reason":"is given twice, as \"team_size\" and as \"team-size\""`,
		`"record":9,"errors":[{"field":"answers.q_m.r2","code":"duplicate_key","reason":"is given twice, as \"r2\" and as \"r 2\""`,
	} {
		if !strings.Contains(string(rejects), want) {
			t.Errorf("rejects lack %s:\n%s", want, rejects)
		}
	}
	f, err := file.OpenParquetFile(out, false)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v := f.MetaData().KeyValueMetadata().FindValue(ingest.MetaRecoded); v == nil || *v != "11" {
		t.Errorf("metadata %s = %v, want 11", ingest.MetaRecoded, v)
	}

	// A CSV as the old tool exports it: codes as it stored them, a
	// multi's separated by ";".
	csv := "response_id,survey,version,lang,q_size,q_pets,team-size\n" +
		fmt.Sprintf("r-csv-000000000001,%s,%s,en,2.0,a cat;dog,7\n", s.ID, s.Hash)
	in2 := filepath.Join(dir, "old.csv")
	if err := os.WriteFile(in2, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	out2 := filepath.Join(dir, "b.parquet")
	st, err = ingest.Run(s, []ingest.Input{{Path: in2}}, out2, ingest.Options{})
	if err != nil || st.Accepted != 1 || st.Recoded != 3 {
		t.Fatalf("csv: %+v %v", st, err)
	}
	row := readRows(t, out2)["r-csv-000000000001"]
	if row["q_size"] != "c2_0" || fmt.Sprint(row["q_pets"]) != "[a_cat dog]" || row["team_size"] != 7.0 {
		t.Errorf("csv row %v", row)
	}
}

// TestNoSourcesNoRecoding: a survey without any source has no source
// codes or names, so ingest keeps its fast path (a matrix's q.row, which
// the flat reader knows, is no source name).
func TestNoSourcesNoRecoding(t *testing.T) {
	plain := strings.NewReplacer(`      source = "2.0"`+"\n", "", `      source = "3.0"`+"\n", "", `      source = "a cat"`+"\n", "",
		`      source = "1.0"`+"\n", "", `      source = "r 2"`+"\n", "", `    source = "team-size"`+"\n", "").Replace(sourceSurvey)
	if strings.Contains(plain, "source") {
		t.Fatalf("a source is left:\n%s", plain)
	}
	path := filepath.Join(t.TempDir(), "survey.hcl")
	if err := os.WriteFile(path, []byte(plain), 0o644); err != nil {
		t.Fatal(err)
	}
	if ingest.HasSources(testkit.Load(t, path)) {
		t.Error("a survey without sources has source codes or names")
	}
}

// TestSourceItems: an inputs question's boxes under the old tool's names,
// the question's source and an item's (hours_mon, hours_day 2 and
// q_hours_day 2), are read as q_hours_mon and q_hours_tue, typed as their
// number columns and counted; an item given under two names is refused
// naming both.
func TestSourceItems(t *testing.T) {
	src := `survey "items" {
  title     = "Items"
  languages = ["en"]
  endpoint {
    url = "https://example.org/c"
  }
}

page "p" {
  question "q_hours" {
    type   = "inputs"
    text   = "Hours"
    input  = "number"
    source = "hours"
    item "mon" {
      label = "Monday"
    }
    item "tue" {
      label  = "Tuesday"
      source = "day 2"
    }
  }
}
`
	dir := t.TempDir()
	path := filepath.Join(dir, "survey.hcl")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	s := testkit.Load(t, path)
	meta := fmt.Sprintf(`"survey":%q,"version":%q,"lang":"en"`, s.ID, s.Hash)
	in := filepath.Join(dir, "answers.ndjson")
	if err := os.WriteFile(in, []byte(strings.Join([]string{
		`{"response_id":"r-item-00000000001",` + meta + `,"hours_mon":2,"hours_day 2":4}`,
		`{"response_id":"r-item-00000000002",` + meta + `,"q_hours_day 2":6}`,
		`{"response_id":"r-item-00000000003",` + meta + `,"q_hours_tue":1,"hours_day 2":3}`,
	}, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "a.parquet")
	st, err := ingest.Run(s, []ingest.Input{{Path: in}}, out, ingest.Options{})
	if err != nil || st.Accepted != 2 || st.Rejected != 1 || st.Recoded != 3 {
		t.Fatalf("%+v %v", st, err)
	}
	rows := readRows(t, out)
	if r := rows["r-item-00000000001"]; r["q_hours_mon"] != 2.0 || r["q_hours_tue"] != 4.0 {
		t.Errorf("record 1: %v", r)
	}
	if r := rows["r-item-00000000002"]; r["q_hours_tue"] != 6.0 {
		t.Errorf("record 2: %v", r)
	}
	rejects, _ := os.ReadFile(ingest.RejectsPath(out))
	if want := `"record":3,"errors":[{"field":"answers.q_hours_tue","code":"duplicate_key","reason":"is given twice, as \"q_hours_tue\" and as \"hours_day 2\""`; !strings.Contains(string(rejects), want) {
		t.Errorf("rejects lack %s:\n%s", want, rejects)
	}
}

// TestSourceOtherText: a question's "Other" text under its source name
// (role-x_other) is read as q_role_other, as its answer (role-x) is.
func TestSourceOtherText(t *testing.T) {
	src := `survey "other" {
  title     = "Other"
  languages = ["en"]
  endpoint {
    url = "https://example.org/c"
  }
}

page "p" {
  question "q_role" {
    type   = "single"
    text   = "Role"
    source = "role-x"
    option "dev" {
      label = "Developer"
    }
    option "other" {
      label = "Other"
      other = true
    }
  }
}
`
	dir := t.TempDir()
	path := filepath.Join(dir, "survey.hcl")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	s := testkit.Load(t, path)
	meta := fmt.Sprintf(`"survey":%q,"version":%q,"lang":"en"`, s.ID, s.Hash)
	in := filepath.Join(dir, "answers.ndjson")
	if err := os.WriteFile(in, []byte(`{"response_id":"r-othr-00000000001",`+meta+`,"role-x":"other","role-x_other":"QA lead"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "a.parquet")
	st, err := ingest.Run(s, []ingest.Input{{Path: in}}, out, ingest.Options{})
	if err != nil || st.Accepted != 1 || st.Recoded != 2 {
		t.Fatalf("%+v %v", st, err)
	}
	if r := readRows(t, out)["r-othr-00000000001"]; r["q_role"] != "other" || r["q_role_other"] != "QA lead" {
		t.Errorf("row %v", r)
	}
}
