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

func (l *lang) questionIndex() (template.HTML, error) {
	var b strings.Builder
	b.WriteString("<ul class=\"pages\">")
	for _, p := range l.s.Pages {
		fmt.Fprintf(&b, `<li><a href="questions-%s.html">%s</a> (%d)</li>`, template.HTMLEscapeString(p.ID),
			template.HTMLEscapeString(l.surveyText(p.Title, l.code)), len(p.Questions))
	}
	b.WriteString("</ul>")
	return template.HTML(b.String()), nil //nolint:gosec // escaped
}

// questionPage shows every question of one survey page.
func (l *lang) questionPage(p ir.Page) (template.HTML, error) {
	all := l.group("all")
	var secs []section
	for i := range p.Questions {
		q := &p.Questions[i]
		sec := section{ID: "q-" + q.ID, Title: l.surveyText(q.Text, l.code)}
		if q.ID == l.s.Bench.Participant && !l.s.Bench.Competitors { // its options name the participants
			sec.Note = l.t("participant_question")
			secs = append(secs, sec)
			continue
		}
		if all == nil || all.Suppressed {
			sec.Note = l.suppressedNote(all)
			secs = append(secs, sec)
			continue
		}
		qs := all.Questions[q.ID]
		if qs != nil && len(qs.Rows)+len(qs.Cells) > 0 { // a matrix or grid: each row or cell has its base, in the chart
			l.questionCharts(&sec, q, qs)
		} else if qs != nil {
			sec.Note = fmt.Sprintf("%s: %s · %s: %s", l.t("valid"), l.num(qs.Valid), l.t("missing"), l.num(qs.Missing))
			if l.res.Weighted { // sums of weights, not respondents
				sec.Note += " (" + l.t("weighted_counts") + ")"
			}
			if q.OffersByAnswer() { // the data do not say who was offered an option
				sec.Note += ". " + l.t("offered_base")
			}
			l.questionCharts(&sec, q, qs)
		}
		// Free text and "other" answers, redacted, escaped by the
		// template: a deliverable's own respondents', the public site's
		// only if the survey allows them there.
		for _, v := range l.s.Vars {
			if v.Question != q.ID || v.Kind != ir.VarString {
				continue
			}
			sec.Verbatims = append(sec.Verbatims, l.openAnswers().byVar[v.Name]...)
		}
		if len(l.participants) > 0 && qs != nil && !l.companyLevel() {
			sec.Subsections = append(sec.Subsections, l.byParticipant(q))
		}
		secs = append(secs, sec)
	}
	secs = append(secs, l.calculationSections(p, all)...)
	return l.sections(secs)
}

func optionColours(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = chart.Palette[i%len(chart.Palette)]
	}
	return out
}

func (l *lang) questionCharts(sec *section, q *ir.Question, qs *score.QuestionStat) {
	title := l.surveyText(q.Text, l.code)
	switch {
	case len(qs.Cells) > 0:
		sec.Charts = append(sec.Charts, l.cellsHeat(q, qs))
	case q.Type == ir.Matrix:
		sec.Charts = append(sec.Charts, l.matrixHeat(q, qs))
	case len(qs.Items) > 0: // an inputs question: its boxes, numbers by their means
		var bars []chart.Bar
		numbers := q.Input == ir.InputNumber
		t := table{Head: []string{l.t("option"), l.t("valid")}}
		ranking := q.Type == ir.Ranking // mean rank, and the share ranked first
		if numbers {
			t.Head = append(t.Head, l.t("mean"), l.t("interval"))
		}
		if ranking {
			t.Head = []string{l.t("option"), l.t("valid"), l.t("mean_rank"), l.t("interval"), l.t("ranked_first"), l.t("interval")}
		}
		for _, it := range qs.Items {
			label := it.Code
			for _, box := range q.Items {
				if box.Code == it.Code {
					label = l.surveyText(box.Label, l.code)
				}
			}
			if it.Suppressed { // score hid the box: its n alone, as a hidden group's
				note := l.itemHiddenNote(it)
				row := []string{label, note}
				for len(row) < len(t.Head) {
					row = append(row, "")
				}
				t.Rows = append(t.Rows, row)
				if numbers {
					bars = append(bars, chart.Bar{Label: label, Suppressed: true})
				}
				continue
			}
			row := []string{label, l.num(it.Valid)}
			if numbers {
				lo, hi := math.NaN(), math.NaN()
				if it.MeanLow != nil {
					lo, hi = *it.MeanLow, *it.MeanHigh
				}
				row = append(row, l.num(deref(it.Mean)), l.interval(lo, hi, it.NoInterval))
				if ranking {
					row = append(row, l.num(it.First), l.interval(it.FirstLow, it.FirstHigh, ""))
				}
				if it.Mean != nil {
					bars = append(bars, chart.Bar{Label: label, Value: *it.Mean, Low: lo, High: hi})
				} else {
					bars = append(bars, chart.Bar{Label: label, Suppressed: true})
				}
			}
			t.Rows = append(t.Rows, row)
		}
		if !numbers {
			sec.Tables = append(sec.Tables, t)
			break
		}
		min, max := axis(ir.Index{}, barValues(bars))
		if ranking {
			min, max = 1, float64(q.Rank)
		}
		sec.Charts = append(sec.Charts, chartBox{SVG: chart.Bars(title, "", bars, min, max), Table: t})
	case len(qs.Options) > 0:
		var bars []chart.Bar
		t := table{Head: []string{l.t("option"), l.t("count"), l.t("share"), l.t("interval")}}
		for _, o := range qs.Options {
			label := o.Code
			if opt := q.AnswerOption(o.Code); opt != nil {
				label = l.surveyText(opt.Label, l.code)
			}
			bars = append(bars, chart.Bar{Label: label, Value: o.Share, Low: o.Low, High: o.High})
			t.Rows = append(t.Rows, []string{label, l.num(o.Count), l.num(o.Share), l.interval(o.Low, o.High, "")})
		}
		if l.companyLevel() { // shares of participants have no interval
			t.Head = t.Head[:3]
			for i := range t.Rows {
				t.Rows[i] = t.Rows[i][:3]
			}
		}
		sec.Charts = append(sec.Charts, chartBox{SVG: chart.Bars(title, "%", bars, 0, 100), Table: t})
	case len(qs.Points) > 0:
		colours := scaleColours(len(qs.Points))
		var segs []chart.Segment
		t := table{Head: []string{l.t("value"), l.t("count"), l.t("share")}}
		for i, p := range qs.Points {
			segs = append(segs, chart.Segment{Label: strconv.Itoa(p.Value), Share: p.Share, Colour: colours[i]})
			t.Rows = append(t.Rows, []string{strconv.Itoa(p.Value), l.num(p.Count), l.num(p.Share)})
		}
		if qs.Mean != nil {
			t.Rows = append(t.Rows, []string{l.t("mean"), l.num(*qs.Mean), ""})
		}
		if qs.Median != nil {
			t.Rows = append(t.Rows, []string{l.t("median_q"), l.num(*qs.Median), ""})
		}
		sec.Charts = append(sec.Charts, chartBox{SVG: chart.Stacked(title, []chart.StackRow{{Label: l.t("all"), Segments: segs}}), Table: t})
	case qs.Mean != nil:
		t := table{Head: []string{l.t("mean"), l.t("sd"), l.t("median_q"), l.t("valid")}}
		med := "—"
		if qs.Median != nil {
			med = l.num(*qs.Median)
		}
		t.Rows = append(t.Rows, []string{l.num(*qs.Mean), l.num(deref(qs.SD)), med, l.num(qs.Valid)})
		sec.Tables = append(sec.Tables, t)
	}
}

// itemHiddenNote says why a box's figures are not shown: too few
// answered it (with its n), or it is hidden so that such a box cannot be
// worked out from the others.
func (l *lang) itemHiddenNote(it score.ItemStat) string {
	if it.Complement {
		return l.t("suppressed_complement")
	}
	if l.companyLevel() {
		return l.peerRule("suppressed_participants") + " (n = " + strconv.Itoa(it.N) + ")"
	}
	return l.say(textFewerThanN, l.res.MinGroupSize) + " (n = " + strconv.Itoa(it.N) + ")"
}

func deref(p *float64) float64 {
	if p == nil {
		return math.NaN()
	}
	return *p
}

// scaleColours runs from the detractor colour through grey to the promoter
// colour, so low and high points read as bad and good.
func scaleColours(n int) []string {
	stops := []string{"#D55E00", "#E69F00", "#BBBBBB", "#56B4E9", "#009E73"}
	out := make([]string, n)
	for i := range out {
		pos := 0
		if n > 1 {
			pos = int(math.Round(float64(i) * float64(len(stops)-1) / float64(n-1)))
		}
		out[i] = stops[pos]
	}
	return out
}

// byParticipant breaks a question down by participant.
func (l *lang) byParticipant(q *ir.Question) section {
	sec := section{ID: "qp-" + q.ID, Title: l.t("by") + " " + strings.ToLower(l.dimLabel(l.s.Bench.Participant))}
	part := l.s.Bench.Participant
	switch {
	case q.Scale != nil || q.Type == ir.Number:
		var bars []chart.Bar
		t := table{Head: []string{l.t("participant"), l.t("mean"), l.t("interval"), l.t("n")}}
		for _, p := range l.participants {
			g := l.group(part + "=" + p)
			label := l.valueLabel(part, p)
			if g == nil || g.Suppressed || g.Questions[q.ID] == nil || g.Questions[q.ID].Mean == nil {
				bars = append(bars, chart.Bar{Label: label, Suppressed: true})
				t.Rows = append(t.Rows, []string{label, "—", "", strconv.Itoa(groupN(g))})
				continue
			}
			qs := g.Questions[q.ID]
			lo, hi := math.NaN(), math.NaN()
			if qs.MeanLow != nil {
				lo, hi = *qs.MeanLow, *qs.MeanHigh
			}
			bars = append(bars, chart.Bar{Label: label, Value: *qs.Mean, Low: lo, High: hi})
			t.Rows = append(t.Rows, []string{label, l.num(*qs.Mean), l.interval(lo, hi, qs.NoInterval), strconv.Itoa(g.N)})
		}
		min, max := 0.0, 10.0
		if q.Scale != nil {
			min, max = float64(q.Scale.Min), float64(q.Scale.Max)
		} else {
			min, max = axis(ir.Index{}, barValues(bars))
		}
		sec.Charts = append(sec.Charts, chartBox{SVG: chart.Bars(l.surveyText(q.Text, l.code), "", bars, min, max), Table: t})
	case q.Type == ir.Single || q.Type == ir.Dropdown || q.Type == ir.Multi || q.Type == ir.Boolean:
		colours := optionColours(len(q.AnswerOptions()))
		var rows []chart.StackRow
		head := []string{l.t("participant")}
		for _, o := range q.AnswerOptions() {
			head = append(head, l.surveyText(o.Label, l.code))
		}
		t := table{Head: head}
		for _, p := range l.participants {
			g := l.group(part + "=" + p)
			label := l.valueLabel(part, p)
			if g == nil || g.Suppressed || g.Questions[q.ID] == nil {
				rows = append(rows, chart.StackRow{Label: label, Suppressed: true})
				continue
			}
			var segs []chart.Segment
			tr := []string{label}
			for i, o := range g.Questions[q.ID].Options {
				segs = append(segs, chart.Segment{Label: head[i+1], Share: o.Share, Colour: colours[i]})
				tr = append(tr, l.num(o.Share))
			}
			if q.Type == ir.Multi {
				segs = nil // shares of respondents do not add up to 100: the table says it
			}
			rows = append(rows, chart.StackRow{Label: label, Segments: segs})
			t.Rows = append(t.Rows, tr)
		}
		if q.Type != ir.Multi {
			sec.Charts = append(sec.Charts, chartBox{SVG: chart.Stacked(l.surveyText(q.Text, l.code), rows), Table: t})
		} else {
			sec.Tables = append(sec.Tables, t)
		}
	default:
		return section{}
	}
	return sec
}

func barValues(bars []chart.Bar) []float64 {
	var out []float64
	for _, b := range bars {
		if !b.Suppressed {
			out = append(out, b.Low, b.High)
		}
	}
	return out
}
