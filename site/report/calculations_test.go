package report_test

import (
	"strconv"
	"strings"
	"testing"
)

// TestCalculationsOnQuestionPage: the question page of calculate.hcl's
// page shows each calculation after the questions, titled with its
// formula, as a question of its type: the number's mean, the shares of
// true and false with a chart and their intervals, and only how many
// have the text, never its values.
func TestCalculationsOnQuestionPage(t *testing.T) {
	_, _, res, files := simulatedSite(t, "../../render/form/testdata/calculate.hcl", 300, 5)
	page := files["en/questions-staff.html"]
	if page == "" {
		t.Fatal("no en/questions-staff.html")
	}
	if strings.Index(page, `id="q-chat_share"`) < strings.Index(page, `id="q-q_why"`) {
		t.Error("the calculations do not come after the questions")
	}
	share := between(page, `id="q-chat_share"`, `</section>`)
	mean := res.Group("all").Questions["chat_share"].Mean
	for _, want := range []string{"chat_share = round((q_chat / q_total) * 100)", "Mean", "<table"} {
		if !strings.Contains(share, want) {
			t.Errorf("chat_share's section lacks %q:\n%s", want, share)
		}
	}
	if mean == nil || !strings.Contains(share, ">"+strconv.FormatFloat(*mean, 'f', 1, 64)+"<") {
		t.Errorf("chat_share's section lacks its mean %v:\n%s", mean, share)
	}
	heavy := between(page, `id="q-chat_heavy"`, `</section>`)
	for _, want := range []string{"chat_heavy = answered(chat_share) ? (chat_share &gt; 50) : null", ">true<", ">false<", "<svg"} {
		if !strings.Contains(heavy, want) {
			t.Errorf("chat_heavy's section lacks %q:\n%s", want, heavy)
		}
	}
	// A text calculation: how many have it, none of its values quoted.
	size := between(page, `id="q-size"`, `</section>`)
	if !strings.Contains(size, "Valid") || strings.Contains(size, ">large<") || strings.Contains(size, ">small<") {
		t.Errorf("size's section:\n%s", size)
	}
}
