package compiler_test

import (
	"os"
	"strings"
	"testing"

	"github.com/opros/opros/compiler"
	"github.com/opros/opros/compiler/ir"
)

// TestDocConditions compiles every row of the table of conditions in
// docs/language.md and checks that the compiler accepts it, or rejects it
// with the summary the table names: the language reference must say what
// the compiler does.
func TestDocConditions(t *testing.T) {
	doc, err := os.ReadFile("../docs/language.md")
	if err != nil {
		t.Fatal(err)
	}
	_, table, found := strings.Cut(string(doc), "<!-- conditions: TestDocConditions -->\n")
	if !found {
		t.Fatal("docs/language.md has no table of conditions")
	}
	rows := 0
	for _, line := range strings.Split(table, "\n") {
		if !strings.HasPrefix(line, "| `") {
			if rows > 0 {
				break
			}
			continue
		}
		cells := strings.Split(strings.Trim(line, "| "), "|")
		cond := strings.Trim(strings.TrimSpace(cells[0]), "`")
		want := strings.TrimSpace(cells[1])
		rows++
		src := `survey "d" {
  title = "D"
  endpoint {
    url = "https://example.org/c"
  }
}
page "p" {
  title = "P"
  question "q_age" {
    type = "number"
    text = "Age"
  }
  question "q_comment" {
    type = "text"
    text = "Comment"
  }
  question "q5_2" {
    type = "multi"
    text = "Which"
    option "a" {
      label = "A"
    }
    option "none" {
      label = "None"
    }
  }
  question "q" {
    type    = "text"
    text    = "Q"
    show_if = ` + cond + `
  }
}
`
		_, diags := compiler.New().LoadSource("d.hcl", []byte(src))
		var got []string
		for _, d := range diags {
			got = append(got, d.Summary)
		}
		if strings.HasPrefix(want, "ok") {
			if len(got) > 0 {
				t.Errorf("%s: the docs say ok, the compiler says %v", cond, got)
			}
			continue
		}
		if len(got) != 1 || got[0] != want {
			t.Errorf("%s: the docs say %s, the compiler says %v", cond, want, got)
		}
	}
	if rows < 5 {
		t.Fatalf("only %d rows in the table of conditions", rows)
	}
}

// TestDocUIKeys: the table of interface texts in docs/language.md lists
// every key of ir.UIKeys, in order, each with the placeholders it has.
func TestDocUIKeys(t *testing.T) {
	doc, err := os.ReadFile("../docs/language.md")
	if err != nil {
		t.Fatal(err)
	}
	_, table, found := strings.Cut(string(doc), "<!-- ui keys: TestDocUIKeys -->\n")
	if !found {
		t.Fatal("docs/language.md has no table of ui keys")
	}
	var rows []string
	for _, line := range strings.Split(table, "\n") {
		if !strings.HasPrefix(line, "| `") {
			if len(rows) > 0 {
				break
			}
			continue
		}
		rows = append(rows, line)
	}
	if len(rows) != len(ir.UIKeys) {
		t.Fatalf("the table has %d keys, ir.UIKeys %d", len(rows), len(ir.UIKeys))
	}
	for i, k := range ir.UIKeys {
		cells := strings.Split(rows[i], "|")
		if key := strings.Trim(strings.TrimSpace(cells[1]), "`"); key != k.Name {
			t.Errorf("row %d is %q, want %q", i+1, key, k.Name)
		}
		for _, p := range k.Placeholders {
			if !strings.Contains(cells[3], p) {
				t.Errorf("%s: the English text %q lacks %s", k.Name, cells[3], p)
			}
		}
	}
}
