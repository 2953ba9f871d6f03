package report

import (
	"fmt"
	"html/template"
	"math"
	"strconv"
	"strings"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/site/chart"
	"github.com/opros/opros/site/score"
)

func (l *lang) indexes() (template.HTML, error) {
	var secs []section
	for _, ix := range l.s.Indexes {
		sec := section{ID: "index-" + ix.ID, Title: l.surveyText(ix.Title, l.code), Note: l.formula(ix)}
		all := l.group("all")
		if ix.Kind == ir.IndexNPS {
			sec.Charts = append(sec.Charts, l.npsComposition(ix))
		}
		for _, d := range l.res.Dims {
			if d.ID == "wave" || (l.companyLevel() && d.ID == l.s.Bench.Participant) {
				continue // company level: a participant's figure is for its own page
			}
			sec.Charts = append(sec.Charts, l.barsBy(ix, d, all))
		}
		if l.companyLevel() {
			id := ix.ID
			sec.Tables = append(sec.Tables, l.spreadTable(l.surveyText(ix.Title, l.code), func(g *score.Group) *score.Figure { return g.Indexes[id] }))
		}
		if len(l.res.Waves) > 1 {
			sec.Charts = append(sec.Charts, l.trend(ix, "wave=", l.t("all")))
		}
		secs = append(secs, sec)
	}
	if d := l.res.Drivers; d != nil {
		r2 := l.t("cannot_compute")
		if !math.IsNaN(d.R2) {
			r2 = l.num(d.R2*100) + "%"
		}
		base := strconv.Itoa(d.N) + " " + l.t("respondents")
		if d.Weighted {
			base += " (" + l.t("weighted_correlations") + ")"
		}
		sec := section{ID: "drivers", Title: l.t("drivers"),
			Note: fmt.Sprintf("%s: %s; n = %s; R² = %s", l.t("index"), l.indexTitle(d.Outcome), base, r2)}
		var bars []chart.Bar
		t := table{Head: []string{l.t("question"), l.t("correlation"), l.t("importance")}}
		for _, it := range d.Items {
			label := l.refLabel(it.Ref)
			bars = append(bars, chart.Bar{Label: label, Value: it.Share, Low: it.Share, High: it.Share})
			t.Rows = append(t.Rows, []string{label, l.orCannot(l.decimals(it.Correlation, 2)), l.orCannot(l.num(it.Share))})
		}
		sec.Charts = append(sec.Charts, chartBox{SVG: chart.Bars(l.t("drivers"), "%", bars, 0, 100), Table: t})
		secs = append(secs, sec)
	}
	return l.sections(secs)
}

func (l *lang) indexTitle(id string) string {
	for _, ix := range l.s.Indexes {
		if ix.ID == id {
			return l.surveyText(ix.Title, l.code)
		}
	}
	return id
}

func (l *lang) refLabel(ref string) string {
	id, row, _ := strings.Cut(ref, ".")
	q := l.s.Question(id)
	if q == nil {
		return ref
	}
	text := l.surveyText(q.Text, l.code)
	for _, r := range q.Rows {
		if r.Code == row {
			text += " — " + l.surveyText(r.Label, l.code)
		}
	}
	return text
}

func (l *lang) npsComposition(ix ir.Index) chartBox {
	var rows []chart.StackRow
	t := table{Head: []string{"", l.t("promoters"), l.t("passives"), l.t("detractors"), "NPS"}}
	add := func(label string, g *score.Group) {
		if g == nil {
			return
		}
		var f *score.Figure
		if !g.Suppressed {
			f = g.Indexes[ix.ID]
		}
		if f == nil {
			rows = append(rows, chart.StackRow{Label: label, Suppressed: true})
			t.Rows = append(t.Rows, []string{label, "—", "—", "—", "—"})
			return
		}
		rows = append(rows, chart.StackRow{Label: label, Segments: []chart.Segment{
			{Label: l.t("promoters"), Share: f.Promoters, Colour: chart.Promoter},
			{Label: l.t("passives"), Share: f.Passives, Colour: chart.Passive},
			{Label: l.t("detractors"), Share: f.Detractors, Colour: chart.Detractor}}})
		t.Rows = append(t.Rows, []string{label, l.num(f.Promoters), l.num(f.Passives), l.num(f.Detractors), l.num(f.Value)})
	}
	add(l.t("all"), l.group("all"))
	for _, p := range l.participants {
		add(l.valueLabel(l.s.Bench.Participant, p), l.group(l.s.Bench.Participant+"="+p))
	}
	return chartBox{SVG: chart.Stacked(l.surveyText(ix.Title, l.code), rows), Table: t}
}

func (l *lang) barsBy(ix ir.Index, d score.Dim, all *score.Group) chartBox {
	var bars []chart.Bar
	t := table{Head: []string{l.dimLabel(d.ID), l.t("value"), l.t("interval"), l.t("n"), l.t("vs_rest")}}
	if l.companyLevel() { // no test against the rest over participants
		t.Head[2] = l.t("over_participants")
	}
	var vals, lows, highs []float64
	for _, v := range l.dimValues(d) {
		g := l.group(d.ID + "=" + v)
		label := l.valueLabel(d.ID, v)
		if g == nil || g.Suppressed || g.Indexes[ix.ID] == nil {
			bars = append(bars, chart.Bar{Label: label, Suppressed: true})
			t.Rows = append(t.Rows, []string{label, "—", "", strconv.Itoa(groupN(g)), ""})
			continue
		}
		f := g.Indexes[ix.ID]
		note, test := "", ""
		if f.VsRest != nil {
			test = "p(Holm) = " + l.pValue(f.VsRest.PAdjusted)
			if f.VsRest.PAdjusted < 0.001 {
				test = "p(Holm) " + l.pValue(f.VsRest.PAdjusted) // "< 0.001", not "= < 0.001"
			}
			if f.VsRest.NotTestable != "" {
				test = l.notTestable(f.VsRest)
			}
			if f.VsRest.Significant {
				note = "*"
			}
		}
		bars = append(bars, chart.Bar{Label: label, Value: f.Value, Low: f.Low, High: f.High, Note: note})
		vals, lows, highs = append(vals, f.Value), append(lows, f.Low), append(highs, f.High)
		t.Rows = append(t.Rows, []string{label, l.num(f.Value), l.figureInterval(f), strconv.Itoa(g.N), test})
	}
	lo, hi := axis(ix, vals, lows, highs)
	title := l.surveyText(ix.Title, l.code) + " " + l.t("by") + " " + strings.ToLower(l.dimLabel(d.ID))
	return chartBox{SVG: chart.Bars(title, "", bars, lo, hi), Table: t}
}
