package report

import (
	"html"
	"html/template"
	"math"
	"strconv"
	"strings"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/site/chart"
	"github.com/opros/opros/site/score"
)

// table is a data table: the first cell of a row is its header.
type table struct {
	Caption string
	Head    []string
	Rows    [][]string
}

// chartBox is a chart with its data table for screen readers.
type chartBox struct {
	SVG   template.HTML
	Table table
}

// section is a titled part of a page.
type section struct {
	ID, Title, Note string
	Prose           template.HTML
	Charts          []chartBox
	Tables          []table
	Verbatims       []string
	Subsections     []section
}

type card struct {
	Title, Level string
	Figure       *score.Figure
}

func (l *lang) sections(secs []section) (template.HTML, error) {
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
func (l *lang) trend(ix ir.Index, prefix, label string) chartBox {
	var vals, lows, highs []float64
	var sig []bool
	var prev *score.Figure // the previous wave's figure, when shown
	t := table{Head: []string{l.t("wave"), l.t("value"), l.t("interval"), l.t("change")}}
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
	return chartBox{SVG: chart.Lines(title, intsToStrings(l.res.Waves),
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

// Caption is the chart's title, read back from the SVG our chart package
// wrote, shown above it for sighted readers.
func (c chartBox) Caption() string {
	s := string(c.SVG)
	i := strings.Index(s, "<title>")
	j := strings.Index(s, "</title>")
	if i < 0 || j < i {
		return ""
	}
	return html.UnescapeString(s[i+len("<title>") : j])
}
