package importer

import (
	"bytes"
	"strings"
	"testing"

	"github.com/opros/opros/compiler"
)

// Repeats at the edges of the loop idiom: each import passes opros check,
// and it becomes a loop, or is said dropped, as the want says.
func TestXLSFormRepeatEdges(t *testing.T) {
	head := "type\tname\tlabel\trelevant\tcalculation\trepeat_count\n"
	choices := "#sheet choices\nlist_name\tname\tlabel\nc\ta\tA\nc\tb\tB\nd\tx-1\tX\nd\ty\tY\n"
	for _, tc := range []struct {
		name, survey string
		loop         bool   // the import writes a loop block
		said         string // a dropped or changed item says this
	}{
		{"over a select_multiple", "select_multiple c\tq\tQ\nbegin repeat\tr\tR\t\t\tcount-selected(${q})\ninteger\tn\tN\nend repeat\n",
			true, `repeat "r" over the choices in "q"`},
		{"spaces and or_other", "select_multiple c or_other\tq\tQ\nbegin repeat\tr\tR\t\t\t count-selected( ${q} ) \ninteger\tn\tN\nend repeat\n",
			true, `repeat "r" over the choices in "q"`},
		{"a code with a hyphen names no iteration", "select_multiple d\tq\tQ\nbegin repeat\tr\tR\t\t\tcount-selected(${q})\ninteger\tn\tN\nend repeat\n",
			false, `option "x-1" of "q" cannot name an iteration`},
		{"over a select_one", "select_one c\tq\tQ\nbegin repeat\tr\tR\t\t\tcount-selected(${q})\ninteger\tn\tN\nend repeat\n",
			false, `its count reads "q", which is not a select_multiple`},
		{"over a later question", "begin repeat\tr\tR\t\t\tcount-selected(${q})\ninteger\tn\tN\nend repeat\nselect_multiple c\tq\tQ\n",
			false, `its count reads "q"`},
		{"carried forward, read after the loop", "select_multiple c\tp\tP\nselect_multiple c\tq\tQ\nbegin repeat\tr\tR\t\t\tcount-selected(${q})\ninteger\tn\tN\nend repeat\ninteger\tm\tM ${n}\t${n} > 1\n",
			true, `it refers to "n", asked in the loop "r": after the loop opros names one iteration`},
		{"only a calculation: no page, no loop", "select_multiple c\tq\tQ\nbegin repeat\tr\tR\t\t\tcount-selected(${q})\ncalculate\tk\t\t\t${q}\nend repeat\ninteger\tm\tM\n",
			false, `calculation "k" inside a repeat`},
		{"an unclosed repeat", "select_multiple c\tq\tQ\nbegin repeat\tr\tR\t\t\tcount-selected(${q})\ninteger\tn\tN\n",
			true, `repeat "r" over the choices in "q"`},
		{"an unclosed repeat left out", "select_multiple c\tq\tQ\nbegin repeat\tr\tR\ninteger\tn\tN\n",
			false, `repeat "r" and the 1 question(s) in it: it repeats as often as the respondent adds one`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := xlsform("f.xlsx", sheetsOf(head+tc.survey+choices), Options{EnglishUI: englishUI})
			if err != nil {
				t.Fatal(err)
			}
			c := compiler.New()
			if _, diags := c.LoadSource("survey.hcl", res.Source); diags.HasErrors() {
				var b bytes.Buffer
				_ = c.WriteDiagnostics(&b, diags)
				t.Fatalf("does not pass opros check:\n%s\n%s", b.String(), res.Source)
			}
			if got := strings.Contains(string(res.Source), "\nloop \""); got != tc.loop {
				t.Errorf("loop written: %v, want %v\n%s", got, tc.loop, res.Source)
			}
			var said bool
			for _, it := range append(res.Dropped, res.Changed...) {
				said = said || strings.Contains(it.String("en"), tc.said)
			}
			if !said {
				t.Errorf("nothing says %q: %v %v", tc.said, res.Dropped, res.Changed)
			}
		})
	}
}
