package report_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// TestLoopPages: the report of render/form/testdata/loop.hcl has a
// question page per iteration of its loop, titled by the option's label,
// and the base of each iteration's required contacts question is the
// respondents who chose that channel (counted here from the simulated
// answers themselves).
func TestLoopPages(t *testing.T) {
	_, answers, _, files := simulatedSite(t, "../../render/form/testdata/loop.hcl", 200, 3)
	chose := map[string]int{}
	for _, line := range bytes.Split(bytes.TrimSpace(answers), []byte("\n")) {
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
