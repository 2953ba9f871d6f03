package report_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/ingest"
	"github.com/opros/opros/site/report"
	"github.com/opros/opros/site/score"
)

// answersSite ingests one answers object per respondent, scores them and
// builds the site's files.
func answersSite(t *testing.T, s *ir.Survey, answers []string) (*score.Results, map[string]string) {
	t.Helper()
	dir := t.TempDir()
	var lines []string
	for i, a := range answers {
		lines = append(lines, fmt.Sprintf(`{"response_id":"resp-%012d","survey":%q,"version":%q,"lang":"en","submitted_at":"2025-05-01T10:00:00Z","answers":{%s}}`, i, s.ID, s.Hash, a))
	}
	in := filepath.Join(dir, "in.ndjson")
	if err := os.WriteFile(in, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(dir, "data.parquet")
	if st, err := ingest.Run(s, []ingest.Input{{Path: in}}, data, ingest.Options{}); err != nil || st.Accepted != len(lines) {
		t.Fatalf("%+v %v", st, err)
	}
	res, err := score.Compute(s, []string{data}, score.Options{})
	if err != nil {
		t.Fatal(err)
	}
	site := filepath.Join(dir, "site")
	if _, err := report.Build(s, res, report.Config{}, site); err != nil {
		t.Fatal(err)
	}
	return res, readAll(t, site)
}

// TestMatrixHeatmap works a matrix's heatmap by hand. Phone: 3 yes, 1 no
// and a "don't know" counted apart, so n = 4, yes 75.0 % (Wilson 95 %
// interval 30.1–95.4) and no 25.0 % (4.6–69.9). Chat: 1 yes and 1 no, n =
// 2, below the minimum group size of 3: its cells say n < 3 and its 50 %
// and its interval (9.5–90.5) are nowhere on the site, not in the chart,
// its data table or a cell's description. Both languages, each in its own
// number format.
func TestMatrixHeatmap(t *testing.T) {
	s := testkit.Load(t, "testdata/heat.hcl")
	_, files := answersSite(t, s, []string{
		`"q_m":{"r1":"y","r2":"y"}`,
		`"q_m":{"r1":"y","r2":"n"}`,
		`"q_m":{"r1":"y"}`,
		`"q_m":{"r1":"n"}`,
		`"q_m":{"r1":"dk"}`,
	})
	for lang, want := range map[string]struct {
		yes, no, desc, suppressed string
		cells                     []string
	}{
		"en": {"Phone × Yes: 75.0 % (95% interval 30.1; 95.4), n = 4", "Phone × No: 25.0 % (95% interval 4.6; 69.9), n = 4",
			"Heatmap of 2 rows by 2 options", "Chat × Yes: fewer than 3 answers (n = 2), not shown",
			[]string{"<th scope=\"row\">Phone</th><td>4</td><td>75.0 (30.1; 95.4)</td><td>25.0 (4.6; 69.9)</td>", "<th scope=\"row\">Chat</th><td>2</td><td>n &lt; 3</td><td>n &lt; 3</td>"}},
		"ru": {"Телефон × Да: 75,0 % (95% интервал 30,1; 95,4), n = 4", "Телефон × Нет: 25,0 % (95% интервал 4,6; 69,9), n = 4",
			"Тепловая карта (строк: 2, вариантов: 2)", "Чат × Да: меньше 3 ответов (n = 2), не показано",
			[]string{"<th scope=\"row\">Телефон</th><td>4</td><td>75,0 (30,1; 95,4)</td><td>25,0 (4,6; 69,9)</td>", "<th scope=\"row\">Чат</th><td>2</td><td>n &lt; 3</td><td>n &lt; 3</td>"}},
	} {
		page := files[lang+"/questions-p.html"]
		sec := between(page, `id="q-q_m"`, `</section>`)
		for _, w := range append([]string{want.yes, want.no, want.desc, want.suppressed, ">75" + map[string]string{"en": ".", "ru": ","}[lang] + "0<"}, want.cells...) {
			if !strings.Contains(sec, w) {
				t.Errorf("%s: the matrix's section lacks %q:\n%s", lang, w, sec)
			}
		}
		if strings.Contains(sec, "Don't know") || strings.Contains(sec, "Не знаю") {
			t.Errorf("%s: the option counted apart is a column of the heatmap", lang)
		}
	}
	// The hidden row's 50 % and its interval, as a cell, a table cell or a
	// description would print them.
	hidden := regexp.MustCompile(`[>( ]50[.,]0[< )%]|9[.,]5; 90[.,]5`)
	for name, body := range files {
		if i := hidden.FindStringIndex(body); i != nil {
			t.Errorf("%s shows a figure of the hidden row: …%s…", name, body[max(0, i[0]-120):min(len(body), i[1]+40)])
		}
	}
}
