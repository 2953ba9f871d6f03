package report_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/ingest"
	"github.com/opros/opros/site/report"
	"github.com/opros/opros/site/score"
	"github.com/opros/opros/site/simulate"
)

// TestCarryOnQuestionPage: the question page of carry.hcl says, for each
// question whose options are carried or conditional, that its shares are
// of all who answered it though some options were offered to fewer (the
// data do not say who was offered which); a question offering every
// option to all says nothing of the kind (the survey has no report block:
// its report is in English only; i18n/ru.json words the note too).
func TestCarryOnQuestionPage(t *testing.T) {
	const path = "../../render/form/testdata/carry.hcl"
	s := testkit.Load(t, path)
	var buf bytes.Buffer
	if err := simulate.Simulate(s, nil, simulate.Options{N: 200, Seed: 3}, &buf); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in.ndjson")
	if err := os.WriteFile(in, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(dir, "data.parquet")
	if st, err := ingest.Run(s, []ingest.Input{{Path: in}}, data, ingest.Options{}); err != nil || st.Rejected > 0 {
		t.Fatalf("%+v %v", st, err)
	}
	res, err := score.Compute(s, []string{data}, score.Options{})
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	if _, err := report.Build(s, res, report.Config{SurveyDir: filepath.Dir(path), Keys: testKeys(t, s, res)}, out); err != nil {
		t.Fatal(err)
	}
	files := readAll(t, out)
	for lang, note := range map[string]string{"en": "Some options were offered only to some respondents"} {
		page := files[lang+"/questions-channels.html"]
		if page == "" {
			t.Fatalf("no %s/questions-channels.html", lang)
		}
		for _, q := range []string{"q_best", "q_try"} {
			if sec := between(page, `id="q-`+q+`"`, `</section>`); !strings.Contains(sec, note) {
				t.Errorf("%s: %s's section does not say its base differs:\n%s", lang, q, sec)
			}
		}
		if sec := between(page, `id="q-q_channels"`, `</section>`); strings.Contains(sec, note) {
			t.Errorf("%s: q_channels offers every option, yet its section says otherwise", lang)
		}
	}
}
