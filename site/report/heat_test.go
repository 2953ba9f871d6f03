package report_test

import (
	"bytes"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
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
	res, _, files := answersSiteDir(t, s, answers)
	return res, files
}

// answersSiteDir is answersSite, with the site's folder.
func answersSiteDir(t *testing.T, s *ir.Survey, answers []string) (*score.Results, string, map[string]string) {
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
	return res, site, readAll(t, site)
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

// TestCellsHeatmaps works the heatmaps of a matrix_multi and of both kinds
// of grid by hand, min_group_size 3.
//   - q_tools: Phone answered by 4, Menu ticked by 3 (75.0 % [30.1; 95.4]),
//     Bot by 2 (50.0 % [15.0; 85.0]); Chat answered by 2, hidden (Bot 100 %
//     [34.2; 100], Menu 0 % [0; 65.8]).
//   - q_staff: Phone by day 10, 20, 30, 40: mean 25.0, t interval [4.5;
//     45.5], n = 4; Chat by day 2, 4, 6: 4.0, s = 2, t interval 4.0 ±
//     4.303·2/√3 = [-0.97; 8.97], clipped to the cells' min 0: [0.0; 9.0]
//     (a count of agents is never below 0), n = 3; Phone at
//     night 4 and 6, n = 2, hidden (5.0 [-7.7; 17.7]); Chat at night none.
//   - q_hours: Phone on weekdays own, own, outsourced, own: own 75.0 %
//     [30.1; 95.4]; Phone at weekends closed, own, closed: closed 66.7 %
//     [20.8; 93.9]; Chat on weekdays own, outsourced, own: own 66.7 %;
//     Chat at weekends none.
func TestCellsHeatmaps(t *testing.T) {
	s := testkit.Load(t, "testdata/cells.hcl")
	res, dir, files := answersSiteDir(t, s, []string{
		`"q_tools_voice_ivr":true,"q_tools_voice_bot":true,"q_tools_chat_bot":true,"q_staff_voice_day":10,"q_staff_voice_night":4,"q_staff_chat_day":2,"q_hours_voice_wk":"own","q_hours_voice_we":"closed","q_hours_chat_wk":"own"`,
		`"q_tools_voice_ivr":true,"q_tools_chat_bot":true,"q_staff_voice_day":20,"q_staff_voice_night":6,"q_staff_chat_day":4,"q_hours_voice_wk":"own","q_hours_voice_we":"own","q_hours_chat_wk":"out"`,
		`"q_tools_voice_bot":true,"q_staff_voice_day":30,"q_staff_chat_day":6,"q_hours_voice_wk":"out","q_hours_voice_we":"closed","q_hours_chat_wk":"own"`,
		`"q_tools_voice_ivr":true,"q_staff_voice_day":40,"q_hours_voice_wk":"own"`,
		``,
	})
	type want struct {
		q, desc string
		rows    []string
	}
	for lang, wants := range map[string][]want{
		"en": {
			{"q_tools", "Heatmap of 2 rows by 2 options: the share (%) of each row&#39;s respondents who ticked", []string{
				`<th scope="row">Phone</th><td>4</td><td>75.0 (30.1; 95.4)</td><td>50.0 (15.0; 85.0)</td>`,
				`<th scope="row">Chat</th><td>2</td><td>n &lt; 3</td><td>n &lt; 3</td>`,
				"Phone × Bot: 50.0 % (95% interval 15.0; 85.0), n = 4", "Chat × Menu: fewer than 3 answers (n = 2), not shown"}},
			{"q_staff", "Heatmap of 2 rows by 2 columns: the mean of each cell&#39;s answers", []string{
				`<th scope="row">Phone</th><td>25.0 (4.5; 45.5), n = 4</td><td>n &lt; 3</td>`,
				`<th scope="row">Chat</th><td>4.0 (0.0; 9.0), n = 3</td><td>n &lt; 3</td>`,
				"Phone × Day: mean 25.0 (95% interval 4.5; 45.5), n = 4", "Phone × Night: fewer than 3 answers (n = 2), not shown",
				"Chat × Night: fewer than 3 answers (n = 0), not shown"}},
			{"q_hours", "the share (%) of each cell&#39;s answers that gave its most frequent choice", []string{
				`<th scope="row">Phone</th><td>75.0 (30.1; 95.4), n = 4 · most often: Own staff</td><td>66.7 (20.8; 93.9), n = 3 · most often: Closed</td>`,
				`<th scope="row">Chat</th><td>66.7 (20.8; 93.9), n = 3 · most often: Own staff</td><td>n &lt; 3</td>`}},
		},
		"ru": {
			{"q_tools", "Тепловая карта (строк: 2, вариантов: 2): в клетке доля (%) ответивших на строку, отметивших", []string{
				`<th scope="row">Телефон</th><td>4</td><td>75,0 (30,1; 95,4)</td><td>50,0 (15,0; 85,0)</td>`,
				`<th scope="row">Чат</th><td>2</td><td>n &lt; 3</td><td>n &lt; 3</td>`}},
			{"q_staff", "Тепловая карта (строк: 2, столбцов: 2): в клетке среднее", []string{
				`<th scope="row">Телефон</th><td>25,0 (4,5; 45,5), n = 4</td><td>n &lt; 3</td>`,
				"Телефон × День: среднее 25,0 (95% интервал 4,5; 45,5), n = 4"}},
			{"q_hours", "самым частым вариантом", []string{
				`<th scope="row">Телефон</th><td>75,0 (30,1; 95,4), n = 4 · чаще всего: Свои</td><td>66,7 (20,8; 93,9), n = 3 · чаще всего: Закрыто</td>`}},
		},
	} {
		page := files[lang+"/questions-p.html"]
		for _, w := range wants {
			sec := between(page, `id="q-`+w.q+`"`, `</section>`)
			for _, text := range append([]string{w.desc, "<svg"}, w.rows...) {
				if !strings.Contains(sec, text) {
					t.Errorf("%s %s: the section lacks %q:\n%s", lang, w.q, text, sec)
				}
			}
		}
	}
	// The hidden row's and cells' figures, as a cell, a table cell or a
	// description would print them: Chat's 100 % and 0 % ticked with their
	// intervals, Phone's 5.0 agents at night and its interval.
	hidden := regexp.MustCompile(`34[.,]2; 100|0[.,]0; 65[.,]8|[>( ]5[.,]0[< ]|-7[.,]7; 17[.,]7`)
	for name, body := range files {
		if i := hidden.FindStringIndex(body); i != nil {
			t.Errorf("%s shows a hidden figure: …%s…", name, body[max(0, i[0]-120):min(len(body), i[1]+40)])
		}
	}
	// Nor does the results JSON (--json): the hidden row and cell keep
	// their n, with every figure null, and no number of theirs is there.
	var js bytes.Buffer
	if err := res.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	hiddenJSON := regexp.MustCompile(`"share":100|"low":34\.2|"high":65\.8|"mean":5[,}]|"mean_low":-|"mean_high":17\.7`)
	if i := hiddenJSON.FindStringIndex(js.String()); i != nil {
		t.Errorf("--json holds a hidden figure: …%s…", js.String()[max(0, i[0]-200):min(js.Len(), i[1]+40)])
	}
	all := res.Group("all")
	for _, c := range all.Questions["q_tools"].Cells {
		if hidden := c.Row == "chat"; c.Suppressed != hidden || hidden && !math.IsNaN(c.Share+c.Low+c.High+c.Valid) {
			t.Errorf("q_tools %s × %s: suppressed %v, figures %v %v %v %v", c.Row, c.Col, c.Suppressed, c.Valid, c.Share, c.Low, c.High)
		}
	}
	for _, c := range all.Questions["q_staff"].Cells {
		if hidden := c.Col == "night"; c.Suppressed != hidden || hidden && (c.Mean != nil || c.MeanLow != nil || c.SD != nil || c.Median != nil) {
			t.Errorf("q_staff %s × %s: suppressed %v, mean %v", c.Row, c.Col, c.Suppressed, c.Mean)
		}
	}
	if testing.Short() {
		return
	}
	// In Chromium, axe finds no serious or critical problem on the page
	// of the three heatmaps, in either language.
	srv := httptest.NewServer(http.FileServer(http.Dir(filepath.Join(dir, report.PublicDir))))
	defer srv.Close()
	tab := testkit.Browser(t)
	for _, lang := range []string{"en", "ru"} {
		tab.Go(t, srv.URL+"/"+lang+"/questions-p.html")
		if n := testkit.JS[int](t, tab, `document.querySelectorAll("svg.chart").length`); n != 3 {
			t.Errorf("%s: %d charts, want the 3 heatmaps", lang, n)
		}
		tab.Axe(t)
	}
}

// TestHiddenBox: min_group_size 3, four respondents; box a of an inputs
// question answered by 2 (11 and 13: mean 12.0), box b by all 4 (1, 2, 3,
// 4: mean 2.5). Box a's row in the table says n < 3 with its n, its bar
// is hidden, and its mean 12 is nowhere on the site nor in the --json.
func TestHiddenBox(t *testing.T) {
	s := testkit.Load(t, "../score/testdata/cells.hcl")
	s.Bench.MinGroupSize = 3
	res, files := answersSite(t, s, []string{
		`"q_box_a":11,"q_box_b":1`, `"q_box_a":13,"q_box_b":2`, `"q_box_b":3`, `"q_box_b":4`,
	})
	for lang, want := range map[string]string{
		"en": `<th scope="row">A</th><td>n &lt; 3 (n = 2)</td>`, // the survey is in English only
	} {
		sec := between(files[lang+"/questions-p.html"], `id="q-q_box"`, `</section>`)
		if !strings.Contains(sec, want) || !strings.Contains(sec, "2"+map[string]string{"en": ".", "ru": ","}[lang]+"5") {
			t.Errorf("%s: the inputs section lacks %q or box b's mean 2.5:\n%s", lang, want, sec)
		}
	}
	hidden := regexp.MustCompile(`[>( ]12[.,]0[< )]`)
	for name, body := range files {
		if i := hidden.FindStringIndex(body); i != nil {
			t.Errorf("%s shows box a's hidden mean: …%s…", name, body[max(0, i[0]-120):min(len(body), i[1]+40)])
		}
	}
	var js bytes.Buffer
	if err := res.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(js.String(), `"mean":12`) {
		t.Error("--json holds box a's hidden mean 12")
	}
}
