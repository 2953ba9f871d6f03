package importer

import (
	"bytes"
	"strings"
	"testing"

	"github.com/opros/opros/compiler"
	"github.com/opros/opros/render/form"
)

var englishUI = form.BuiltinText("en")

// sheetsOf reads "sheet\n" headed blocks of tab-separated rows, the
// fuzzer's spelling of a workbook.
func sheetsOf(src string) map[string][][]string {
	sheets := map[string][][]string{}
	name := "survey"
	for _, line := range strings.Split(src, "\n") {
		if n, ok := strings.CutPrefix(line, "#sheet "); ok {
			name = strings.ToLower(strings.TrimSpace(n))
			continue
		}
		sheets[name] = append(sheets[name], strings.Split(line, "\t"))
	}
	return sheets
}

// The XLSForm reader takes any sheets without panicking, and any survey
// it writes passes opros check.
//
// Run it with a bounded minimization:
//
//	go test -run '^$' -fuzz='^FuzzXLSForm$' -fuzztime=30s -fuzzminimizetime=100x ./compiler/importer/
//
// With Go's default (a minute per input), the fuzzer seems to stall: every
// input that reaches a survey brings new coverage (the importer, the
// writer, HCL's formatter and the compiler all run), and Go minimizes each
// such input before it reports any count, removing every subset of its
// bytes, some n²/2 tries for n bytes; at about 10 ms a try under
// instrumentation (the import's writing and formatting take the most), a
// 350-byte seed's mutants keep both workers minimizing for the whole run
// (7 execs in 30 s). Bounded, it runs at thousands of execs a second. No
// input is slow in itself: the slowest mutants of the seeds take tens of
// milliseconds, and 2,000 questions of one name, quadratic once (ids.make),
// no longer are.
func FuzzXLSForm(f *testing.F) {
	// Small seeds: under coverage instrumentation an import and compile of
	// the large fixture takes seconds, and the fuzzer makes no progress.
	f.Add("type\tname\tlabel\trequired\trelevant\tconstraint\tconstraint_message\nselect_one yn\ta\tA\tyes\t\t\t\ninteger\tb\tB\t\tselected(${a}, 'y')\t. > 1 and . < ${b} + 3\tNo\nrange\tc\tC\t\tnot(${b} = '')\t\t\nrank yn\td\tD ${b} {x}\n#sheet choices\nlist_name\tname\tlabel\nyn\ty\tYes\nyn\tn o\tNo\n#sheet settings\nform_id\tdefault_language\nf\tru\n")
	f.Add("type\tname\tlabel\nbegin group\tg\tG\ntext\ta\tA\nend group\ninteger\tb\tB\trelevant\n")
	f.Add("type\tname\tlabel::Deutsch (de)\trelevant\nselect_one x or_other\tq\tQ\n#sheet choices\nlist_name\tname\tlabel::Deutsch (de)\nx\t1 2\tEins\n")
	f.Fuzz(func(t *testing.T, src string) {
		res, err := xlsform("fuzz.xlsx", sheetsOf(src), Options{EnglishUI: englishUI})
		if err != nil {
			return
		}
		c := compiler.New()
		if _, diags := c.LoadSource("survey.hcl", res.Source); diags.HasErrors() {
			var b bytes.Buffer
			_ = c.WriteDiagnostics(&b, diags)
			t.Fatalf("the import of %q does not pass opros check:\n%s\n%s", src, b.String(), res.Source)
		}
	})
}
