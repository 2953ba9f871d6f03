package report_test

import (
	"strconv"
	"strings"
	"testing"
)

// TestEndingsOnMethodology: the methodology page counts how the
// respondents ended the survey, completions by ending and screen-outs,
// with their share of the wave, in both languages, as score counted them.
func TestEndingsOnMethodology(t *testing.T) {
	_, _, res, files := simulatedSite(t, "../../render/form/testdata/endings.hcl", 300, 7)
	if len(res.Endings) != 3 {
		t.Fatalf("endings counted %+v, want promoter, complete and young", res.Endings)
	}
	for lang, words := range map[string][]string{"en": {"Endings", "screen-out", "completion"}, "ru": {"Завершения", "отсев", "прохождение"}} {
		sec := between(files[lang+"/methodology.html"], `id="endings"`, `</section>`)
		for _, want := range words {
			if !strings.Contains(sec, want) {
				t.Errorf("%s: the endings section lacks %q:\n%s", lang, want, sec)
			}
		}
		for _, c := range res.Endings {
			if !strings.Contains(sec, ">"+c.Ending+"<") || !strings.Contains(sec, ">"+strconv.Itoa(c.N)+"<") {
				t.Errorf("%s: the endings section lacks %s: %d:\n%s", lang, c.Ending, c.N, sec)
			}
		}
	}
}
