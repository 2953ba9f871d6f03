package report

import (
	"strings"
	"testing"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/localize"
	"github.com/opros/opros/site/redact"
	"github.com/opros/opros/site/score"
)

// TestByRank: tied participants are listed by their labels, not in the
// engine's order (their names'): Б and В tie for 2nd, and В has label A.
func TestByRank(t *testing.T) {
	l := &lang{builder: &builder{anon: map[string]string{"А": "C", "Б": "B", "В": "A", "Г": "AA"}}}
	got := l.byRank([]score.Participant{{Name: "А", Rank: 1}, {Name: "Б", Rank: 2, Tied: true}, {Name: "В", Rank: 2, Tied: true}, {Name: "Г", Rank: 4}})
	var names []string
	for _, p := range got {
		names = append(names, p.Name)
	}
	if strings.Join(names, " ") != "А В Б Г" {
		t.Errorf("order %v, want А В Б Г", names)
	}
}

// TestOwnAnswersRedacted: a company-level participant's page, which lists
// its own free-text answers, shows them redacted like every other page.
func TestOwnAnswersRedacted(t *testing.T) {
	s := &ir.Survey{Languages: []string{"en"},
		Pages: []ir.Page{{ID: "p", Questions: []ir.Question{{ID: "q_c", Type: ir.TextQ, Text: ir.Text{"en": "Comment"}}}}},
		Vars:  []ir.Variable{{Name: "q_c", Question: "q_c", Kind: ir.VarString}}}
	b := &builder{s: s, res: &score.Results{}, i18n: localize.Table{}, redactor: redact.New([]string{"Клевер"})}
	l := &lang{builder: b, code: "en"}
	g := &score.Group{Questions: map[string]*score.QuestionStat{"q_c": {}},
		Verbatims: map[string][]score.Verbatim{"q_c": {{Text: "like Клевера, mail a@b.ru"}}}}
	sec := l.answersVsPeers(g, nil)
	var shown []string
	for _, sub := range sec.Subsections {
		shown = append(shown, sub.Verbatims...)
	}
	if strings.Join(shown, "|") != "like […], mail […]" {
		t.Errorf("own answers shown as %q", shown)
	}
}
