package codebook_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/opros/opros/compiler"
	"github.com/opros/opros/compiler/codebook"
	"github.com/opros/opros/compiler/largesurvey"
	"github.com/opros/opros/compiler/testkit"
)

func TestCodebookGolden(t *testing.T) {
	for name, path := range map[string]string{
		"nps-csat-ces":    "../../examples/nps-csat-ces",
		"every-construct": "../../testdata/surveys/every-construct.hcl",
		"cells":           "../../testdata/surveys/cells.hcl",
		"loop":            "../../render/form/testdata/loop.hcl", // a column per question per iteration
		"calculate":       "../../render/form/testdata/calculate.hcl",
	} {
		s, d := compiler.New().Load(path)
		if d.HasErrors() {
			t.Fatal(d.Error())
		}
		for _, lang := range s.Languages {
			var md, csv bytes.Buffer
			if err := codebook.WriteMarkdown(&md, s, lang); err != nil {
				t.Fatal(err)
			}
			if err := codebook.WriteCSV(&csv, s, lang); err != nil {
				t.Fatal(err)
			}
			testkit.Golden(t, "testdata/"+name+"."+lang+".md", md.Bytes())
			testkit.Golden(t, "testdata/"+name+"."+lang+".csv", csv.Bytes())
		}
	}
}

func TestSafeCell(t *testing.T) {
	for in, want := range map[string]string{
		"=HYPERLINK(\"x\")": "'=HYPERLINK(\"x\")", "+1": "'+1", "-2": "'-2", "@a": "'@a", "plain": "plain", "": "",
	} {
		if got := codebook.SafeCell(in); got != want {
			t.Errorf("SafeCell(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestExprString(t *testing.T) {
	src := strings.Replace(string(largesurvey.Source(3)), `show_if = q0 == "o1" || q0 == "o2"`, `show_if = !(q0 == "o1") && contains(["o2"], q0) || q0 != "o3"`, 1)
	s, d := compiler.New().LoadSource("x.hcl", []byte(src))
	if d.HasErrors() {
		t.Fatal(d.Error())
	}
	got := codebook.ExprString(s.Question("q1").ShowIf)
	want := `(!(q0 == "o1") && contains(["o2"], q0)) || (q0 != "o3")`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestVariableSources: a variable whose question, row or item was renamed
// on import shows the name the old tool gave its column (as ingest reads
// it); one whose name is unchanged shows none.
func TestVariableSources(t *testing.T) {
	src := `survey "s" {
  title     = "S"
  languages = ["en"]
  endpoint {
    url = "https://example.org/c"
  }
}

page "p" {
  question "team_size" {
    type   = "number"
    text   = "Team size"
    source = "team-size"
  }
  question "q_m" {
    type = "matrix"
    text = "Rate"
    option "good" {
      label = "Good"
    }
    row "r1" {
      label = "R1"
    }
    row "support_team" {
      label  = "Support team"
      source = "support team"
    }
  }
  question "q_hours" {
    type   = "inputs"
    text   = "Hours"
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
	s, d := compiler.New().LoadSource("s.hcl", []byte(src))
	if d.HasErrors() {
		t.Fatal(d.Error())
	}
	got := map[string]string{}
	for _, e := range codebook.Entries(s, "en") {
		if e.Question != "" {
			got[e.Variable] = e.Source
		}
	}
	for v, want := range map[string]string{
		"team_size": "team-size", "q_m_r1": "", "q_m_support_team": "q_m_support team",
		"q_hours_mon": "hours_mon", "q_hours_tue": "hours_day 2",
	} {
		if got[v] != want {
			t.Errorf("%s: source %q, want %q", v, got[v], want)
		}
	}
	var md, csv bytes.Buffer
	if err := codebook.WriteMarkdown(&md, s, "en"); err != nil {
		t.Fatal(err)
	}
	if err := codebook.WriteCSV(&csv, s, "en"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md.String(), "| `team_size` (source `team-size`) |") {
		t.Errorf("markdown lacks team_size's source:\n%s", md.String())
	}
	if !strings.Contains(csv.String(), ",team-size\n") || !strings.Contains(csv.String(), ",good,Good,,,,,q_m_support team\n") {
		t.Errorf("csv lacks the variable_source column's values:\n%s", csv.String())
	}
}
