package report

import (
	"fmt"
	"html"
	"html/template"
	"math"
	"strconv"
	"strings"

	"github.com/opros/opros/compiler/codebook"
	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/site/chart"
	"github.com/opros/opros/site/score"
)

// Table is a data table: the first cell of a row is its header.
type Table struct {
	Caption string
	Head    []string
	Rows    [][]string
}

// ChartBox is a chart with its data table for screen readers.
type ChartBox struct {
	SVG   template.HTML
	Table Table
}

// Section is a titled part of a page.
type Section struct {
	ID, Title, Note string
	Prose           template.HTML
	Charts          []ChartBox
	Tables          []Table
	Verbatims       []string
	Subsections     []Section
}

type card struct {
	Title, Level string
	Figure       *score.Figure
}

func (l *lang) sections(secs []Section) (template.HTML, error) {
	return l.render("sections", map[string]any{"Sections": secs})
}

func (l *lang) latestWave() int {
	if len(l.res.Waves) == 0 {
		return 0
	}
	return l.res.Waves[len(l.res.Waves)-1]
}

func (l *lang) group(key string) *score.Group { return l.res.Group(key) }

func (l *lang) levelTitle(id string) string {
	for _, lv := range l.s.Levels {
		if lv.ID == id {
			return l.surveyText(lv.Title, l.code)
		}
	}
	return ""
}

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
	var tables []Table
	for _, d := range l.res.Dims {
		t := Table{Caption: l.dimLabel(d.ID), Head: []string{l.dimLabel(d.ID), l.t("n")}}
		for _, v := range l.dimValues(d) {
			g := l.group(d.ID + "=" + v)
			if g == nil {
				continue
			}
			t.Rows = append(t.Rows, []string{l.valueLabel(d.ID, v), strconv.Itoa(g.N)})
		}
		tables = append(tables, t)
	}
	var charts []ChartBox
	if len(l.res.Waves) > 1 {
		for _, ix := range l.headlineIndexes() {
			charts = append(charts, l.trend(ix, "wave=", l.t("all")))
		}
	}
	intro := ""
	if l.s.Intro != nil {
		intro = l.surveyText(l.s.Intro, l.code)
	}
	return l.render("overview", map[string]any{"Cards": cards, "Tables": tables, "Charts": charts, "Intro": markdownSafe(intro)})
}

// dimLabel names a breakdown: the hidden field's label, or the question.
func (l *lang) dimLabel(id string) string {
	if id == "wave" {
		return l.t("wave")
	}
	for _, h := range l.s.Hidden {
		if h.ID == id {
			return l.surveyText(h.Label, l.code)
		}
	}
	if q := l.s.Question(id); q != nil {
		return l.surveyText(q.Text, l.code)
	}
	return id
}

// valueLabel shows a group value; participants are anonymised unless the
// survey allows naming competitors.
func (l *lang) valueLabel(dim, v string) string {
	if dim == l.s.Bench.Participant && !l.s.Bench.Competitors {
		if v == l.viewer { // a deliverable names its own participant
			return l.t("participant_anon") + " " + l.anon[v] + " (" + l.participantName(v, l.code) + ")"
		}
		return l.t("participant_anon") + " " + l.anon[v]
	}
	if q := l.s.Question(dim); q != nil {
		if o := q.Option(v); o != nil {
			return l.surveyText(o.Label, l.code)
		}
	}
	return v
}

// dimValues are a breakdown's values in the order shown: participants in
// the order of their anonymous labels, which follow neither their names
// nor the data.
func (l *lang) dimValues(d score.Dim) []string {
	if d.ID == l.s.Bench.Participant {
		return l.participants
	}
	return d.Values
}

// trend is a line chart of an index across waves for groups whose keys
// start with prefix and end with "wave=Y".
func (l *lang) trend(ix ir.Index, prefix, label string) ChartBox {
	var vals, lows, highs []float64
	var sig []bool
	var prev *score.Figure // the previous wave's figure, when shown
	t := Table{Head: []string{l.t("wave"), l.t("value"), l.t("interval"), l.t("change")}}
	if l.companyLevel() {
		t.Head[2] = l.t("over_participants")
	}
	for _, w := range l.res.Waves {
		key := prefix + strconv.Itoa(w)
		if prefix != "wave=" {
			key = prefix + "|wave=" + strconv.Itoa(w)
		}
		g := l.group(key)
		var f *score.Figure
		if g != nil && !g.Suppressed {
			f = g.Indexes[ix.ID]
		}
		if f == nil {
			vals, lows, highs, sig = append(vals, math.NaN()), append(lows, math.NaN()), append(highs, math.NaN()), append(sig, false)
			t.Rows = append(t.Rows, []string{strconv.Itoa(w), "—", "", ""})
			prev = nil
			continue
		}
		vals, lows, highs = append(vals, f.Value), append(lows, f.Low), append(highs, f.High)
		s, change := false, ""
		if f.VsPrevious != nil {
			s = f.VsPrevious.Significant
			change = signed(l, f.VsPrevious.Diff)
			if prev != nil {
				change = l.diff(f.Value, prev.Value) // beside the two figures shown
			}
			change += " (" + l.testVerdict(f.VsPrevious) + ")"
		}
		sig = append(sig, s)
		prev = f
		t.Rows = append(t.Rows, []string{strconv.Itoa(w), l.num(f.Value), l.figureInterval(f), change})
	}
	lo, hi := axis(ix, vals, lows, highs)
	title := l.surveyText(ix.Title, l.code) + " — " + l.t("trend")
	return ChartBox{SVG: chart.Lines(title, intsToStrings(l.res.Waves),
		[]chart.LineSeries{{Label: label, Values: vals, Low: lows, High: highs, Significant: sig, Colour: chart.Palette[0]}}, lo, hi), Table: t}
}

func intsToStrings(xs []int) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = strconv.Itoa(x)
	}
	return out
}

// axis picks the chart range: the index's own range, narrowed for means.
func axis(ix ir.Index, series ...[]float64) (float64, float64) {
	lo, hi := ix.Min, ix.Max
	if hi <= lo {
		lo, hi = math.Inf(1), math.Inf(-1)
		for _, s := range series {
			for _, v := range s {
				if !math.IsNaN(v) {
					lo, hi = math.Min(lo, v), math.Max(hi, v)
				}
			}
		}
		if math.IsInf(lo, 0) {
			return 0, 1
		}
		pad := (hi - lo) * 0.1
		return math.Floor(lo - pad), math.Ceil(hi + pad + 1e-9)
	}
	return lo, hi
}

func (l *lang) indexes() (template.HTML, error) {
	var secs []Section
	for _, ix := range l.s.Indexes {
		sec := Section{ID: "index-" + ix.ID, Title: l.surveyText(ix.Title, l.code), Note: l.formula(ix)}
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
		sec := Section{ID: "drivers", Title: l.t("drivers"),
			Note: fmt.Sprintf("%s: %s; n = %s; R² = %s", l.t("index"), l.indexTitle(d.Outcome), base, r2)}
		var bars []chart.Bar
		t := Table{Head: []string{l.t("question"), l.t("correlation"), l.t("importance")}}
		for _, it := range d.Items {
			label := l.refLabel(it.Ref)
			bars = append(bars, chart.Bar{Label: label, Value: it.Share, Low: it.Share, High: it.Share})
			t.Rows = append(t.Rows, []string{label, l.orCannot(l.decimals(it.Correlation, 2)), l.orCannot(l.num(it.Share))})
		}
		sec.Charts = append(sec.Charts, ChartBox{SVG: chart.Bars(l.t("drivers"), "%", bars, 0, 100), Table: t})
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

func (l *lang) npsComposition(ix ir.Index) ChartBox {
	var rows []chart.StackRow
	t := Table{Head: []string{"", l.t("promoters"), l.t("passives"), l.t("detractors"), "NPS"}}
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
	return ChartBox{SVG: chart.Stacked(l.surveyText(ix.Title, l.code), rows), Table: t}
}

func (l *lang) barsBy(ix ir.Index, d score.Dim, all *score.Group) ChartBox {
	var bars []chart.Bar
	t := Table{Head: []string{l.dimLabel(d.ID), l.t("value"), l.t("interval"), l.t("n"), l.t("vs_rest")}}
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
	return ChartBox{SVG: chart.Bars(title, "", bars, lo, hi), Table: t}
}

func groupN(g *score.Group) int {
	if g == nil {
		return 0
	}
	return g.N
}

func (l *lang) blockTitles() []string {
	var out []string
	for _, b := range l.s.Blocks {
		out = append(out, l.surveyText(b.Title, l.code))
	}
	return out
}

// bandOf returns the benchmark medians, quartiles and best values per block.
func (l *lang) bandOf() (med, q1, q3, best []float64, ok bool) {
	for _, bl := range l.s.Blocks {
		b := l.res.Benchmark("block", bl.ID)
		if b == nil || b.Suppressed {
			return nil, nil, nil, nil, false
		}
		med, q1, q3, best = append(med, b.Median), append(q1, b.Q1), append(q3, b.Q3), append(best, b.Best)
	}
	return med, q1, q3, best, len(med) > 0
}

func (l *lang) maturity() (template.HTML, error) {
	axes := l.blockTitles()
	var secs []Section
	sec := Section{ID: "map", Title: l.t("maturity")}
	med, q1, q3, best, ok := l.bandOf()
	t := Table{Head: []string{l.t("block"), l.t("median"), "Q1", "Q3", l.t("best")}}
	if ok {
		band := [2][]float64{q1, q3}
		svg := chart.Radar(l.t("maturity"), axes, []chart.Series{
			{Label: l.t("median"), Values: med, Colour: chart.Palette[0], Fill: true},
			{Label: l.t("best"), Values: best, Colour: chart.Palette[2], Dashed: true},
		}, &band)
		for i, a := range axes {
			t.Rows = append(t.Rows, []string{a, l.num(med[i]), l.num(q1[i]), l.num(q3[i]), l.num(best[i])})
		}
		sec.Charts = append(sec.Charts, ChartBox{SVG: svg, Table: t})
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
		sec.Charts = append(sec.Charts, ChartBox{SVG: chart.Radar(l.t("maturity"), axes, []chart.Series{{Label: l.t("all"), Values: vals, Colour: chart.Palette[0], Fill: true}}, nil), Table: t})
	}
	secs = append(secs, sec)
	if len(l.participants) > 0 && !l.companyLevel() { // company level: no participant's blocks on a shared page
		heat := Section{ID: "heatmap", Title: l.t("participants") + " × " + l.t("block")}
		var rows []string
		var cells [][]chart.Cell
		ht := Table{Head: append([]string{l.t("participant")}, axes...)}
		for _, p := range l.participants {
			g := l.group(l.s.Bench.Participant + "=" + p + "|wave=" + strconv.Itoa(l.latestWave()))
			label := l.valueLabel(l.s.Bench.Participant, p)
			rows = append(rows, label)
			var row []chart.Cell
			trow := []string{label}
			for _, bl := range l.s.Blocks {
				if g == nil || g.Suppressed || g.Blocks[bl.ID] == nil {
					row = append(row, chart.Cell{Suppressed: true})
					trow = append(trow, "—")
					continue
				}
				row = append(row, chart.Cell{Value: g.Blocks[bl.ID].Value})
				trow = append(trow, l.num(g.Blocks[bl.ID].Value))
			}
			cells = append(cells, row)
			ht.Rows = append(ht.Rows, trow)
		}
		heat.Charts = append(heat.Charts, ChartBox{SVG: chart.Heatmap(heat.Title, rows, axes, cells), Table: ht})
		secs = append(secs, heat)
	}
	return l.sections(secs)
}

func (l *lang) ranking() (template.HTML, error) {
	var secs []Section
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
		sec := Section{ID: b.Kind + "-" + b.ID, Title: fmt.Sprintf("%s (%s %d)", title, strings.ToLower(l.t("wave")), b.Wave)}
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
		t := Table{Head: []string{l.t("participant"), l.t("rank"), l.t("value"), l.t("gap"), l.t("percentile")}}
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
		sec.Charts = append(sec.Charts, ChartBox{SVG: chart.Bars(sec.Title, "", bars, lo, hi), Table: t})
		secs = append(secs, sec)
	}
	return l.sections(secs)
}

// signed shows a difference with its sign; one that rounds to zero has none.
func signed(l *lang, x float64) string {
	s := l.num(x)
	if x > 0 && strings.Trim(s, "0.,") != "" {
		return "+" + s
	}
	return s
}

// diff is a − b as the reader can check it: from the two figures as shown
// (one decimal), so 60.44 and 9.94, shown 60.4 and 9.9, differ by +50.5.
func (l *lang) diff(a, b float64) string {
	return signed(l, math.Round(a*10)/10-math.Round(b*10)/10)
}

// changeAsShown is f with its change since the previous wave computed from
// the two figures as the site shows them (one decimal): the trend beside it
// then reads the same change. When the previous wave's figure of the group
// (prefix as in trend) is not published, the copy has no change at all: a
// change and the figure shown beside it would give the hidden one (scoring
// never sets such a change; this keeps a page from ever showing one). f
// itself is left as it is.
func (l *lang) changeAsShown(f *score.Figure, prefix, index string) *score.Figure {
	if f == nil || f.VsPrevious == nil {
		return f
	}
	key := f.VsPrevious.Against
	c, t := *f, *f.VsPrevious
	g := l.group(key)
	if !strings.HasPrefix(key, prefix) || g == nil || g.Suppressed || g.Indexes[index] == nil {
		c.VsPrevious = nil
		return &c
	}
	t.Diff = math.Round(f.Value*10)/10 - math.Round(g.Indexes[index].Value*10)/10
	c.VsPrevious = &t
	return &c
}

// interval shows an interval's bounds, or why there is none: n < 2, or a
// mean of answers that are all the same.
func (l *lang) interval(low, high float64, why string) string {
	switch {
	case why == "participants" || (l.companyLevel() && (math.IsNaN(low) || math.IsNaN(high))):
		return l.t("no_interval_participants")
	case why == "variance":
		return l.t("no_interval_variance")
	case why != "" || math.IsNaN(low) || math.IsNaN(high):
		return l.t("no_interval_n")
	}
	return l.num(low) + "; " + l.num(high)
}

func (l *lang) figureInterval(f *score.Figure) string {
	if f.Spread != nil { // company-level benchmark: the distribution over participants
		return l.spreadText(f.Spread)
	}
	return l.interval(f.Low, f.High, f.NoInterval)
}

// testVerdict says what a test found, or that none is defined.
func (l *lang) testVerdict(t *score.Test) string {
	switch {
	case t.NotTestable == "participants":
		return l.t("change_plain")
	case t.NotTestable != "":
		return l.notTestable(t)
	case t.Significant:
		return l.t("significant")
	}
	return l.t("not_significant")
}

// notTestable says why a difference has no test: a group with a single
// answer (too_few) or no variance in either group.
func (l *lang) notTestable(t *score.Test) string {
	if t.NotTestable == "too_few" {
		return l.t("not_testable_too_few")
	}
	return l.t("not_testable")
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

// orCannot replaces the dash of a figure that cannot be computed with words.
func (l *lang) orCannot(s string) string {
	if s == "—" {
		return l.t("cannot_compute")
	}
	return s
}

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
	var secs []Section
	for i := range p.Questions {
		q := &p.Questions[i]
		sec := Section{ID: "q-" + q.ID, Title: l.surveyText(q.Text, l.code)}
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
		if qs != nil {
			sec.Note = fmt.Sprintf("%s: %s · %s: %s", l.t("valid"), l.num(qs.Valid), l.t("missing"), l.num(qs.Missing))
			if l.res.Weighted { // sums of weights, not respondents
				sec.Note += " (" + l.t("weighted_counts") + ")"
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
	return l.sections(secs)
}

func optionColours(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = chart.Palette[i%len(chart.Palette)]
	}
	return out
}

func (l *lang) questionCharts(sec *Section, q *ir.Question, qs *score.QuestionStat) {
	title := l.surveyText(q.Text, l.code)
	switch {
	case q.Type == ir.Matrix:
		var rows []string
		var cells [][]chart.Cell
		cols := []string{}
		for _, o := range q.Options {
			cols = append(cols, l.surveyText(o.Label, l.code))
		}
		t := Table{Head: append([]string{""}, cols...)}
		for _, r := range qs.Rows {
			label := r.Code
			for _, row := range q.Rows {
				if row.Code == r.Code {
					label = l.surveyText(row.Label, l.code)
				}
			}
			rows = append(rows, label)
			var cr []chart.Cell
			tr := []string{label}
			for _, o := range r.Options {
				cr = append(cr, chart.Cell{Value: o.Share})
				tr = append(tr, l.num(o.Share))
			}
			cells = append(cells, cr)
			t.Rows = append(t.Rows, tr)
		}
		sec.Charts = append(sec.Charts, ChartBox{SVG: chart.Heatmap(title, rows, cols, cells), Table: t})
	case len(qs.Options) > 0:
		var bars []chart.Bar
		t := Table{Head: []string{l.t("option"), l.t("count"), l.t("share"), l.t("interval")}}
		for _, o := range qs.Options {
			label := o.Code
			if opt := q.Option(o.Code); opt != nil {
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
		sec.Charts = append(sec.Charts, ChartBox{SVG: chart.Bars(title, "%", bars, 0, 100), Table: t})
	case len(qs.Points) > 0:
		colours := scaleColours(len(qs.Points))
		var segs []chart.Segment
		t := Table{Head: []string{l.t("value"), l.t("count"), l.t("share")}}
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
		sec.Charts = append(sec.Charts, ChartBox{SVG: chart.Stacked(title, []chart.StackRow{{Label: l.t("all"), Segments: segs}}), Table: t})
	case qs.Mean != nil:
		t := Table{Head: []string{l.t("mean"), l.t("sd"), l.t("median_q"), l.t("valid")}}
		med := "—"
		if qs.Median != nil {
			med = l.num(*qs.Median)
		}
		t.Rows = append(t.Rows, []string{l.num(*qs.Mean), l.num(deref(qs.SD)), med, l.num(qs.Valid)})
		sec.Tables = append(sec.Tables, t)
	}
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
func (l *lang) byParticipant(q *ir.Question) Section {
	sec := Section{ID: "qp-" + q.ID, Title: l.t("by") + " " + strings.ToLower(l.dimLabel(l.s.Bench.Participant))}
	part := l.s.Bench.Participant
	switch {
	case q.Scale != nil || q.Type == ir.Number:
		var bars []chart.Bar
		t := Table{Head: []string{l.t("participant"), l.t("mean"), l.t("interval"), l.t("n")}}
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
		sec.Charts = append(sec.Charts, ChartBox{SVG: chart.Bars(l.surveyText(q.Text, l.code), "", bars, min, max), Table: t})
	case q.Type == ir.Single || q.Type == ir.Dropdown || q.Type == ir.Multi:
		colours := optionColours(len(q.Options))
		var rows []chart.StackRow
		head := []string{l.t("participant")}
		for _, o := range q.Options {
			head = append(head, l.surveyText(o.Label, l.code))
		}
		t := Table{Head: head}
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
			sec.Charts = append(sec.Charts, ChartBox{SVG: chart.Stacked(l.surveyText(q.Text, l.code), rows), Table: t})
		} else {
			sec.Tables = append(sec.Tables, t)
		}
	default:
		return Section{}
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
		h, err := l.sections([]Section{sec})
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
	var secs []Section
	if g == nil || g.Suppressed {
		secs = append(secs, Section{ID: "suppressed", Title: name, Note: l.suppressedNote(g)})
		return l.sections(secs)
	}
	if len(l.s.Blocks) > 0 {
		axes := l.blockTitles()
		own := make([]float64, len(l.s.Blocks))
		t := Table{Head: []string{l.t("block"), l.t("you"), l.t("median"), l.t("gap"), l.t("rank"), l.t("percentile"), l.t("level")}}
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
		sec := Section{ID: "map", Title: l.t("maturity")}
		sec.Charts = append(sec.Charts, ChartBox{SVG: chart.Radar(l.t("maturity")+": "+name, axes, series, band), Table: t})
		if len(gaps) > 0 {
			strong, grow := strengthsAndGaps(l, gaps)
			sec.Tables = append(sec.Tables, Table{Head: []string{l.t("strengths"), l.t("growth")}, Rows: zipRows(strong, grow)})
		}
		secs = append(secs, sec)
	}
	idx := Section{ID: "indexes", Title: l.t("indexes")}
	t := Table{Head: []string{l.t("index"), l.t("you"), l.t("interval"), l.t("median"), l.t("rank"), l.t("quartile"), l.t("change"), l.t("level")}}
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
	idx.Tables = append([]Table{t}, idx.Tables...)
	secs = append(secs, idx)
	return l.sections(secs)
}

func zipRows(a, b []string) [][]string {
	n := max(len(a), len(b))
	out := make([][]string, n)
	for i := range out {
		out[i] = []string{"", ""}
		if i < len(a) {
			out[i][0] = a[i]
		}
		if i < len(b) {
			out[i][1] = b[i]
		}
	}
	return out
}

// formula says in words how an index is computed.
func (l *lang) formula(ix ir.Index) string {
	items := make([]string, len(ix.Items))
	copy(items, ix.Items)
	ru := l.code == "ru"
	pick := func(en, rus string) string {
		if ru {
			return rus
		}
		return en
	}
	switch ix.Kind {
	case ir.IndexNPS:
		return pick("NPS = % promoters (9–10) − % detractors (0–6) of ", "NPS = % промоутеров (9–10) − % критиков (0–6) по ") + strings.Join(items, ", ") + pick("; adjusted-Wald 95% interval.", "; 95% интервал adjusted-Wald.")
	case ir.IndexTopBox:
		return fmt.Sprintf(pick("Share of the top %d points of %s, %%; Wilson 95%% interval.", "Доля ответов в верхних %d баллах %s, %%; 95%% интервал Уилсона."), ix.Top, strings.Join(items, ", "))
	case ir.IndexMean:
		return pick("Mean of ", "Среднее по ") + strings.Join(items, ", ") + pick("; t interval.", "; t-интервал.")
	case ir.IndexMean100:
		return pick("Weighted mean of items rescaled to 0–100: ", "Взвешенное среднее пунктов на шкале 0–100: ") + strings.Join(items, ", ")
	case ir.IndexCount:
		return pick("Mean number of chosen options among ", "Среднее число выбранных вариантов из ") + strings.Join(ix.Options, ", ")
	case ir.IndexShare:
		return pick("Share choosing any of ", "Доля выбравших любой из ") + strings.Join(ix.Options, ", ") + ", %"
	case ir.IndexExpr:
		return pick("Formula per respondent, averaged: ", "Формула на респондента, среднее: ") + codebook.ExprString(ix.Expr)
	case ir.IndexBlocks:
		return pick("Weighted mean of block scores: ", "Взвешенное среднее баллов блоков: ") + strings.Join(items, ", ")
	case ir.IndexSum:
		terms := make([]string, len(items))
		for i, it := range items {
			terms[i] = it
			if ix.Weights != nil && ix.Weights[i] != 1 {
				terms[i] = l.decimals(ix.Weights[i], -1) + "×" + it
			}
		}
		return fmt.Sprintf(pick("Sum per respondent of %s (scale points, option scores), averaged over the respondents who answered every item; range %s–%s; t interval.",
			"Сумма на респондента: %s (баллы шкал и вариантов), среднее по респондентам, ответившим на все пункты; диапазон %s–%s; t-интервал."),
			strings.Join(terms, " + "), l.decimals(ix.Min, -1), l.decimals(ix.Max, -1))
	}
	return ""
}

// noValueNote says, after an expr index's formula, for how many respondents
// it divides by zero (they have no value, as if unanswered); "" when none,
// or when all respondents are suppressed (the count would describe them).
func (l *lang) noValueNote(index string, pick func(en, ru string) string) string {
	n := l.res.NoValue[index]
	if all := l.group("all"); n == 0 || all == nil || all.Suppressed {
		return ""
	}
	return fmt.Sprintf(pick(" — divides by zero for %d respondent(s), who have no value for it, as if unanswered.",
		" — делит на ноль у %d респондентов; значения у них нет, как при пропуске ответа."), n)
}

func (l *lang) methodology() (template.HTML, error) {
	var secs []Section
	ru := l.code == "ru"
	pick := func(en, rus string) string {
		if ru {
			return rus
		}
		return en
	}
	rules := Section{ID: "rules", Title: pick("How the figures are computed", "Как рассчитаны показатели"), Prose: markdownSafe(pick(
		fmt.Sprintf(`- Groups with fewer than **%d** answers are suppressed everywhere; benchmarks need at least **%d** participants.
- NPS: promoters 9–10, detractors 0–6; standard error 100·√((p + d − (p − d)²)/n); 95%% adjusted-Wald interval (Rocks 2016).
- Shares: Wilson 95%% intervals. Means: t intervals, clipped to the range of the scale or index (a mean of 6.25 on a 1–7 scale cannot reach 8.6). With fewer than 2 answers, or when every answer is the same, no interval is shown and the page says why.
- A group is compared with the rest of the sample (NPS: adjusted-Wald z-test of the difference, Rocks 2016, defined even when every answer is a promoter; shares: pooled two-proportion z-test, the score test, defined at 0%% and 100%%; means: Welch's t, which is not defined when neither group varies or when a group has fewer than two answers: such a difference is shown as “not testable” with the reason, never as “not significant”), with Holm's correction across the values of one breakdown; a wave is compared with the previous wave.
- Answers marked as missing (“Don't know”) are left out of every base, shares and counts of options included.
- A difference shown next to two figures is computed from the figures as shown (rounded to one decimal).
- Benchmark median and quartiles: sample quantiles of type 7 (Hyndman & Fan 1996) over participants' values in the latest wave. Equal values share a rank, shown as “=1 of 6”. Percentile: the share of other participants a participant is better than, a tie counting as half (mid-rank), so a tie is never shown as the worst.
- Key drivers: correlation with the outcome and Johnson's relative weights (share of explained variance), from centred sums (numerically stable). A correlation with an item everyone answered the same cannot be computed, and then neither can R². n counts respondents; with weights, the correlations are weighted.
- Details: docs/methods.md in the opros repository.`, l.res.MinGroupSize, l.s.Bench.MinParticipants),
		fmt.Sprintf(`- Группы, где меньше **%d** ответов, скрываются везде; бенчмарк строится при не менее **%d** участниках.
- NPS: промоутеры 9–10, критики 0–6; стандартная ошибка 100·√((p + d − (p − d)²)/n); 95%% интервал adjusted-Wald (Rocks 2016).
- Доли: 95%% интервалы Уилсона. Средние: t-интервалы, обрезанные по диапазону шкалы или индекса (среднее 6,25 на шкале 1–7 не может дойти до 8,6). Если ответов меньше 2 или все ответы одинаковы, интервал не показывается, и страница говорит почему.
- Группа сравнивается с остальной выборкой (NPS: z-тест разности adjusted-Wald, Rocks 2016, определён и когда все ответившие — промоутеры; доли: z-тест двух пропорций с объединённой долей (score-тест), определён при 0%% и 100%%; средние: t-тест Уэлча, который не определён, если ни в одной группе нет разброса или в группе меньше двух ответов: такая разница помечается «не проверяется» с причиной, а не «незначимо») с поправкой Холма по значениям одного разреза; волна сравнивается с предыдущей.
- Ответы, помеченные как пропуск («Затрудняюсь ответить»), не входят ни в одну базу, в том числе в доли и счёт выбранных вариантов.
- Разница рядом с двумя показанными цифрами вычисляется из показанных (округлённых до десятых) цифр.
- Медиана и квартили бенчмарка: выборочные квантили типа 7 (Hyndman & Fan 1996) по значениям участников в последней волне. Равные значения делят место, оно показывается как «=1 из 6». Перцентиль — доля других участников, которых участник опережает, причём равенство считается за половину (средний ранг), так что равенство никогда не выглядит худшим местом.
- Ключевые драйверы: корреляция с результатом и относительные веса Джонсона (доля объяснённой дисперсии), по центрированным суммам (численно устойчиво). Корреляция с пунктом, на который все ответили одинаково, не вычисляется, и тогда не вычисляется R². n — число респондентов; при весах корреляции взвешены.`, l.res.MinGroupSize, l.s.Bench.MinParticipants)))}
	if l.res.Weighted {
		// The formulas above are for equal weights; docs/methods.md, "Weights".
		rules.Prose += markdownSafe(pick(
			"With weights, a standard error is the linearised (Taylor) one of a weighted mean, the weights taken as given: Var = N/(N − 1)·Σw²(y − ȳ)²/(Σw)², N the respondents of the whole sample, as R's survey package computes it (`svymean` on `svydesign(ids = ~1, weights = ~w)`). Intervals and tests keep the formulas above with the n that gives this variance (for a share, p(1 − p)/Var); in a group whose answers are all the same, with Kish's effective size (Σw)²/Σw². The raking itself is not modelled: with mild raking this errs slightly on the safe side; with targets far from the sample it can understate the error of a group weighted far down (docs/methods.md).",
			"При весах стандартная ошибка — линеаризованная (метод Тейлора) ошибка взвешенного среднего при весах как заданных: Var = N/(N − 1)·Σw²(y − ȳ)²/(Σw)², N — число респондентов во всей выборке; так её считает пакет survey в R (`svymean` для `svydesign(ids = ~1, weights = ~w)`). Интервалы и тесты считаются по тем же формулам с n, дающим эту дисперсию (для доли p(1 − p)/Var); в группе, где все ответы одинаковы, — с эффективным размером выборки Киша (Σw)²/Σw². Сам рейкинг в дисперсии не учитывается: при умеренном взвешивании ошибки от этого немного завышены, а при целях, далёких от выборки, в группе с сильно уменьшенными весами могут быть занижены (docs/methods.md)."))
	}
	if l.companyLevel() {
		secs = append(secs, l.unitSection(pick))
	}
	secs = append(secs, rules, l.disclosure(pick), l.openAnswersSection(pick))
	if len(l.cfg.Invitations) > 0 {
		secs = append(secs, l.responseRates())
	}
	if len(l.res.Raking) > 0 {
		secs = append(secs, l.weighting(pick))
	}
	idx := Section{ID: "formulas", Title: l.t("indexes")}
	t := Table{Head: []string{l.t("index"), l.t("formula")}}
	for _, ix := range l.s.Indexes {
		t.Rows = append(t.Rows, []string{l.surveyText(ix.Title, l.code), l.formula(ix) + l.noValueNote(ix.ID, pick)})
	}
	idx.Tables = append(idx.Tables, t)
	secs = append(secs, idx)
	cb := Section{ID: "codebook", Title: l.t("codebook")}
	ct := Table{Head: []string{"variable", l.t("question"), l.t("type"), "codes", "range"}}
	lang := l.code
	if _, ok := l.s.Title[lang]; !ok {
		lang = l.s.Languages[0]
	}
	for _, e := range codebook.Entries(l.s, lang) {
		var codes []string
		for _, c := range e.Codes {
			codes = append(codes, c.Code+" = "+c.Label)
		}
		if e.Variable == l.s.Bench.Participant && !l.s.Bench.Competitors {
			codes = []string{l.t("participant_question")} // the options name the participants
		}
		ct.Rows = append(ct.Rows, []string{e.Variable, e.Text, e.Type, strings.Join(codes, "; "), e.Range})
	}
	cb.Tables = append(cb.Tables, ct)
	secs = append(secs, cb)
	return l.sections(secs)
}

// weighting shows how the weights were raked to the survey's margins:
// target, sample and weighted shares, and how far the weights had to move.
func (l *lang) weighting(pick func(en, ru string) string) Section {
	sec := Section{ID: "weighting", Title: pick("Weighting", "Взвешивание"), Prose: markdownSafe(pick(
		"Within each wave, respondents' weights are raked (iterative proportional fitting) until the weighted shares match the known population shares below. Respondents with a missing or untargeted value keep their weight. Standard errors take these weights as given (linearised, see “How the figures are computed”): the raking itself is not modelled.",
		"В каждой волне веса респондентов подогнаны итеративным пропорциональным взвешиванием (рейкингом) к известным долям генеральной совокупности ниже. Респонденты с пропущенным или не заданным в целях значением сохраняют свой вес. Стандартные ошибки считаются при этих весах как заданных (линеаризация, см. «Как рассчитаны показатели»): сам рейкинг в дисперсии не учитывается."))}
	summary := Table{Head: []string{l.t("wave"), pick("Raked", "Взвешено"), pick("Not raked", "Без взвешивания"),
		pick("Iterations", "Итераций"), pick("Factors", "Множители"), pick("Design effect", "Эффект дизайна")}}
	shares := Table{Head: []string{l.t("wave"), pick("Field", "Поле"), pick("Value", "Значение"),
		pick("Target, %", "Цель, %"), pick("Sample, %", "Выборка, %"), pick("Weighted, %", "После взвешивания, %")}}
	two := func(x float64) string { return l.decimals(x, 2) }
	for _, rw := range l.res.Raking {
		w := strconv.Itoa(rw.Wave)
		iters := strconv.Itoa(rw.Iterations)
		if !rw.Converged {
			iters += pick(" (did not converge: the margins contradict each other in this sample)", " (не сошлось: в этой выборке цели противоречат друг другу)")
		}
		summary.Rows = append(summary.Rows, []string{w, strconv.Itoa(rw.Respondents), strconv.Itoa(rw.Unraked), iters,
			two(rw.MinFactor) + "–" + two(rw.MaxFactor), two(rw.DesignEffect)})
		for _, m := range rw.Margins {
			for _, v := range m.Values {
				weighted := l.num(v.Weighted)
				if v.Empty {
					weighted = pick("no respondents: target shared by the others", "нет респондентов: цель распределена между остальными")
				}
				shares.Rows = append(shares.Rows, []string{w, l.dimLabel(m.Field), l.valueLabel(m.Field, v.Code), l.num(v.Target), l.num(v.Sample), weighted})
			}
		}
	}
	sec.Tables = append(sec.Tables, summary, shares)
	return sec
}

// Caption is the chart's title, read back from the SVG our chart package
// wrote, shown above it for sighted readers.
func (c ChartBox) Caption() string {
	s := string(c.SVG)
	i := strings.Index(s, "<title>")
	j := strings.Index(s, "</title>")
	if i < 0 || j < i {
		return ""
	}
	return html.UnescapeString(s[i+len("<title>") : j])
}
