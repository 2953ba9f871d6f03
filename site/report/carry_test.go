package report_test

import (
	"strings"
	"testing"
)

// TestCarryOnQuestionPage: the question page of carry.hcl says, for each
// question whose options are carried or conditional, that its shares are
// of all who answered it though some options were offered to fewer (the
// data do not say who was offered which); a question offering every
// option to all says nothing of the kind (the survey has no report block:
// its report is in English only; i18n/ru.json words the note too).
func TestCarryOnQuestionPage(t *testing.T) {
	_, _, _, files := simulatedSite(t, "../../render/form/testdata/carry.hcl", 200, 3)
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
