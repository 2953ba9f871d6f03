package report

import (
	"fmt"
	"html/template"
	"math"
	"strconv"
	"strings"

	"github.com/opros/opros/site/chart"
)

func (l *lang) participantIndex() (template.HTML, error) {
	var b strings.Builder
	b.WriteString(`<ul class="pages">`)
	for _, p := range l.participants {
		g := l.group(l.s.Bench.Participant + "=" + p)
		fmt.Fprintf(&b, `<li><a href="participants/%s.html">%s</a> (n = %d)</li>`, l.slug[p], template.HTMLEscapeString(p), groupN(g))
	}
	b.WriteString(`</ul>`)
	return template.HTML(b.String()), nil //nolint:gosec // escaped
}

// participantPage is "your company vs the benchmark": its own name, every
// other participant anonymised.
// The executive summary (summary.go) comes first.
func (l *lang) participantPage(name string) (template.HTML, error) {
	var head template.HTML
	if sec, ok := l.summary(name); ok {
		h, err := l.sections([]section{sec})
		if err != nil {
			return "", err
		}
		head = h
	}
	var body template.HTML
	var err error
	if l.companyLevel() {
		body, err = l.companyPage(name)
	} else {
		body, err = l.respondentPage(name)
	}
	return head + body, err
}

// respondentPage is a participant's detailed page in a respondent-level
// benchmark.
func (l *lang) respondentPage(name string) (template.HTML, error) {
	part := l.s.Bench.Participant
	key := part + "=" + name + "|wave=" + strconv.Itoa(l.latestWave())
	g := l.group(key)
	var secs []section
	if g == nil || g.Suppressed {
		secs = append(secs, section{ID: "suppressed", Title: name, Note: l.suppressedNote(g)})
		return l.sections(secs)
	}
	if len(l.s.Blocks) > 0 {
		axes := l.blockTitles()
		own := make([]float64, len(l.s.Blocks))
		t := table{Head: []string{l.t("block"), l.t("you"), l.t("median"), l.t("gap"), l.t("rank"), l.t("percentile"), l.t("level")}}
		var gaps []gap
		for i, bl := range l.s.Blocks {
			own[i] = math.NaN()
			f := g.Blocks[bl.ID]
			if f == nil {
				continue
			}
			own[i] = f.Value
			row := []string{axes[i], l.num(f.Value), "—", "—", "—", "—", l.levelTitle(f.Level)}
			if b := l.res.Benchmark("block", bl.ID); b != nil && !b.Suppressed {
				for _, p := range b.Participants {
					if p.Name == name {
						row[2], row[3], row[4], row[5] = l.num(b.Median), l.diff(f.Value, b.Median), l.rankText(p, len(b.Participants)), l.num(p.Percentile)
						gaps = append(gaps, gap{axes[i], p.Gap})
					}
				}
			}
			t.Rows = append(t.Rows, row)
		}
		series := []chart.Series{{Label: name, Values: own, Colour: chart.Palette[1], Fill: true}}
		var band *[2][]float64
		if med, q1, q3, _, ok := l.bandOf(); ok {
			series = append([]chart.Series{{Label: l.t("median"), Values: med, Colour: chart.Palette[0], Dashed: true}}, series...)
			band = &[2][]float64{q1, q3}
		}
		sec := section{ID: "map", Title: l.t("maturity")}
		sec.Charts = append(sec.Charts, chartBox{SVG: chart.Radar(l.t("maturity")+": "+name, axes, series, band), Table: t})
		if len(gaps) > 0 {
			strong, grow := strengthsAndGaps(l, gaps)
			sec.Tables = append(sec.Tables, table{Head: []string{l.t("strengths"), l.t("growth")}, Rows: zipRows(strong, grow)})
		}
		secs = append(secs, sec)
	}
	idx := section{ID: "indexes", Title: l.t("indexes")}
	t := table{Head: []string{l.t("index"), l.t("you"), l.t("interval"), l.t("median"), l.t("rank"), l.t("quartile"), l.t("change"), l.t("level")}}
	for _, ix := range l.s.Indexes {
		st, ok := l.indexStanding(name, g, ix)
		if !ok {
			continue
		}
		row := []string{st.Title, st.Value, st.Interval, "—", st.Rank, st.Quartile, l.changeText(name, g.Indexes[ix.ID], ix.ID), st.Level}
		if b := l.res.Benchmark("index", ix.ID); b != nil && !b.Suppressed {
			row[3] = l.num(b.Median)
		}
		t.Rows = append(t.Rows, row)
		if len(l.res.Waves) > 1 {
			idx.Charts = append(idx.Charts, l.trend(ix, part+"="+name, name))
		}
	}
	idx.Tables = append([]table{t}, idx.Tables...)
	secs = append(secs, idx)
	return l.sections(secs)
}
