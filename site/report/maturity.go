package report

import (
	"html/template"
	"math"
	"strconv"
	"strings"

	"github.com/opros/opros/site/chart"
)

func (l *lang) maturity() (template.HTML, error) {
	axes := l.blockTitles()
	var secs []section
	sec := section{ID: "map", Title: l.t("maturity")}
	med, q1, q3, best, ok := l.bandOf()
	t := table{Head: []string{l.t("block"), l.t("median"), "Q1", "Q3", l.t("best")}}
	if ok {
		band := [2][]float64{q1, q3}
		svg := chart.Radar(l.t("maturity"), axes, []chart.Series{
			{Label: l.t("median"), Values: med, Colour: chart.Palette[0], Fill: true},
			{Label: l.t("best"), Values: best, Colour: chart.Palette[2], Dashed: true},
		}, &band)
		for i, a := range axes {
			t.Rows = append(t.Rows, []string{a, l.num(med[i]), l.num(q1[i]), l.num(q3[i]), l.num(best[i])})
		}
		sec.Charts = append(sec.Charts, chartBox{SVG: svg, Table: t})
	} else if all := l.group("all"); all != nil && !all.Suppressed {
		vals := make([]float64, len(l.s.Blocks))
		for i, bl := range l.s.Blocks {
			vals[i] = math.NaN()
			if f := all.Blocks[bl.ID]; f != nil {
				vals[i] = f.Value
			}
			t.Rows = append(t.Rows, []string{axes[i], l.num(vals[i]), "", "", ""})
		}
		sec.Note = strings.Replace(l.t("benchmark_suppressed"), "{n}", strconv.Itoa(l.s.Bench.MinParticipants), 1)
		sec.Charts = append(sec.Charts, chartBox{SVG: chart.Radar(l.t("maturity"), axes, []chart.Series{{Label: l.t("all"), Values: vals, Colour: chart.Palette[0], Fill: true}}, nil), Table: t})
	}
	secs = append(secs, sec)
	if len(l.participants) > 0 && !l.companyLevel() { // company level: no participant's blocks on a shared page
		heat := section{ID: "heatmap", Title: l.t("participants") + " × " + l.t("block")}
		heat.Charts = append(heat.Charts, l.blocksHeat(heat.Title, axes))
		secs = append(secs, heat)
	}
	return l.sections(secs)
}
