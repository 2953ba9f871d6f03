package report_test

import (
	"bytes"
	"encoding/json"
	"fmt"
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

// TestLoopPages: the report of render/form/testdata/loop.hcl has a
// question page per iteration of its loop, titled by the option's label,
// and the base of each iteration's required contacts question is the
// respondents who chose that channel (counted here from the simulated
// answers themselves).
func TestLoopPages(t *testing.T) {
	const path = "../../render/form/testdata/loop.hcl"
	s := testkit.Load(t, path)
	var buf bytes.Buffer
	if err := simulate.Simulate(s, nil, simulate.Options{N: 200, Seed: 3}, &buf); err != nil {
		t.Fatal(err)
	}
	chose := map[string]int{}
	for _, line := range bytes.Split(bytes.TrimSpace(buf.Bytes()), []byte("\n")) {
		var sub struct {
			Answers struct {
				Channels []string `json:"q_channels"`
			} `json:"answers"`
		}
		if err := json.Unmarshal(line, &sub); err != nil {
			t.Fatal(err)
		}
		for _, c := range sub.Answers.Channels {
			chose[c]++
		}
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in.ndjson")
	if err := os.WriteFile(in, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(dir, "data.parquet")
	if _, err := ingest.Run(s, []ingest.Input{{Path: in}}, data, ingest.Options{}); err != nil {
		t.Fatal(err)
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
	for _, c := range []struct{ code, label string }{{"phone", "Phone"}, {"chat", "Chat"}, {"email", "E-mail"}, {"social", "Social media"}} {
		page, ok := files["en/questions-channel_volume__"+c.code+".html"]
		if !ok {
			t.Fatalf("no question page for the iteration %s", c.code)
		}
		if !strings.Contains(page, "<title>"+c.label+" ") {
			t.Errorf("%s: the page is not titled %q", c.code, c.label)
		}
		sec := between(page, `id="q-contacts__`+c.code+`"`, `id="q-satisfied`)
		if want := fmt.Sprintf("How many contacts a month via %s?", c.label); !strings.Contains(sec, want) {
			t.Errorf("%s: the section lacks %q", c.code, want)
		}
		if want := fmt.Sprintf("Valid answers: %d.0 ", chose[c.code]); chose[c.code] == 0 || !strings.Contains(sec, want) {
			t.Errorf("%s: the base is not the %d who chose it (%q):\n%s", c.code, chose[c.code], want, sec)
		}
	}
	if !strings.Contains(files["en/questions.html"], `questions-channel_volume__social.html">Social media</a>`) {
		t.Error("the question index does not list the iteration by its option")
	}
}
