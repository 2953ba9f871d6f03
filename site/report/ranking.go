package report

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/site/chart"
	"github.com/opros/opros/site/score"
)

func (l *lang) ranking() (template.HTML, error) {
	var secs []section
	for _, b := range l.res.Benchmarks {
		title := ""
		if b.Kind == "index" {
			title = l.indexTitle(b.ID)
		} else {
			for _, bl := range l.s.Blocks {
				if bl.ID == b.ID {
					title = l.t("block") + ": " + l.surveyText(bl.Title, l.code)
				}
			}
		}
		sec := section{ID: b.Kind + "-" + b.ID, Title: fmt.Sprintf("%s (%s %d)", title, strings.ToLower(l.t("wave")), b.Wave)}
		if b.Suppressed {
			sec.Note = strings.Replace(l.t("benchmark_suppressed"), "{n}", strconv.Itoa(l.s.Bench.MinParticipants), 1)
			secs = append(secs, sec)
			continue
		}
		sec.Note = fmt.Sprintf("%s: %s · Q1–Q3: %s–%s · %s: %s", l.t("median"), l.num(b.Median), l.num(b.Q1), l.num(b.Q3), l.t("best"), l.num(b.Best))
		if l.companyLevel() {
			// Each participant's value is its own answers: only the
			// distribution is shared, the places are on the own pages.
			sec.Note = l.benchmarkSpread(b)
			secs = append(secs, sec)
			continue
		}
		t := table{Head: []string{l.t("participant"), l.t("rank"), l.t("value"), l.t("gap"), l.t("percentile")}}
		var bars []chart.Bar
		var vals []float64
		for _, p := range l.byRank(b.Participants) {
			label := l.valueLabel(l.s.Bench.Participant, p.Name)
			bars = append(bars, chart.Bar{Label: label, Value: p.Value, Low: p.Value, High: p.Value})
			vals = append(vals, p.Value)
			t.Rows = append(t.Rows, []string{label, l.rankText(p, 0), l.num(p.Value), l.diff(p.Value, b.Median), l.num(p.Percentile)})
		}
		ix := ir.Index{Min: 0, Max: 100}
		for _, x := range l.s.Indexes {
			if b.Kind == "index" && x.ID == b.ID {
				ix = x
			}
		}
		lo, hi := axis(ix, vals)
		sec.Charts = append(sec.Charts, chartBox{SVG: chart.Bars(sec.Title, "", bars, lo, hi), Table: t})
		secs = append(secs, sec)
	}
	return l.sections(secs)
}

// rankText is a participant's rank, "=1" when shared, with "of n" when n > 0.
func (l *lang) rankText(p score.Participant, n int) string {
	r := strconv.Itoa(p.Rank)
	if p.Tied {
		r = "=" + r
	}
	if n == 0 {
		return r
	}
	return strings.NewReplacer("{rank}", r, "{n}", strconv.Itoa(n)).Replace(l.t("rank_of"))
}
