package report

import (
	"fmt"

	"github.com/opros/opros/compiler/codebook"
	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/site/score"
)

// calculationSections shows each calculation written on page p after its
// questions, as a question of its type is shown (ir.Calculation.AsQuestion:
// a number's mean, SD and median, the shares of true and false with their
// intervals, a text's count, never its values), titled with its formula,
// since nobody was asked it.
func (l *lang) calculationSections(p ir.Page, all *score.Group) []section {
	var secs []section
	for i := range l.s.Calculations {
		c := &l.s.Calculations[i]
		if c.Page != p.ID || c.Type == "" {
			continue
		}
		q := c.AsQuestion()
		sec := section{ID: "q-" + c.ID, Title: c.ID + " = " + codebook.ExprString(c.Value)}
		if all == nil || all.Suppressed {
			sec.Note = l.suppressedNote(all)
			secs = append(secs, sec)
			continue
		}
		qs := all.Questions[c.ID]
		if qs == nil {
			secs = append(secs, sec)
			continue
		}
		sec.Note = fmt.Sprintf("%s: %s", l.t("valid"), l.num(qs.Valid))
		if l.res.Weighted {
			sec.Note += " (" + l.t("weighted_counts") + ")"
		}
		l.questionCharts(&sec, q, qs)
		if len(l.participants) > 0 && !l.companyLevel() && c.Type != "string" {
			sec.Subsections = append(sec.Subsections, l.byParticipant(q))
		}
		secs = append(secs, sec)
	}
	return secs
}
