package report

import (
	"html/template"
	"strconv"

	"github.com/opros/opros/compiler/ir"
)

func (l *lang) headlineIndexes() []ir.Index {
	if l.s.Report != nil && len(l.s.Report.Indexes) > 0 {
		var out []ir.Index
		for _, id := range l.s.Report.Indexes {
			for _, ix := range l.s.Indexes {
				if ix.ID == id {
					out = append(out, ix)
				}
			}
		}
		return out
	}
	return l.s.Indexes
}

func (l *lang) overview() (template.HTML, error) {
	latest := l.group("wave=" + strconv.Itoa(l.latestWave()))
	if latest == nil {
		latest = l.group("all")
	}
	var cards []card
	for _, ix := range l.headlineIndexes() {
		c := card{Title: l.surveyText(ix.Title, l.code)}
		if latest != nil && !latest.Suppressed {
			c.Figure = l.changeAsShown(latest.Indexes[ix.ID], "wave=", ix.ID)
			if c.Figure != nil {
				c.Level = l.levelTitle(c.Figure.Level)
			}
		}
		cards = append(cards, c)
	}
	var tables []table
	for _, d := range l.res.Dims {
		t := table{Caption: l.dimLabel(d.ID), Head: []string{l.dimLabel(d.ID), l.t("n")}}
		for _, v := range l.dimValues(d) {
			g := l.group(d.ID + "=" + v)
			if g == nil {
				continue
			}
			t.Rows = append(t.Rows, []string{l.valueLabel(d.ID, v), strconv.Itoa(g.N)})
		}
		tables = append(tables, t)
	}
	var charts []chartBox
	if len(l.res.Waves) > 1 {
		for _, ix := range l.headlineIndexes() {
			charts = append(charts, l.trend(ix, "wave=", l.t("all")))
		}
	}
	intro := ""
	if l.s.Intro != nil {
		intro = l.surveyText(l.s.Intro, l.code)
	}
	page := map[string]any{"Cards": cards, "Tables": tables, "Charts": charts, "Intro": markdownSafe(intro)}
	if rates := l.overallRates(); rates != nil {
		page["Rates"], page["RatesNote"] = *rates, markdownSafe(l.t("rates_overview_note"))
	}
	return l.render("overview", page)
}
