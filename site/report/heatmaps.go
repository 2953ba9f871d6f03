package report

import (
	"math"
	"strconv"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/site/chart"
	"github.com/opros/opros/site/score"
)

// heatCell is one cell of a question's heatmap as score computed it:
// its figure with its interval (NaN when none, NoInterval saying why) and
// the respondents behind it, unweighted, which the minimum group size
// counts.
type heatCell struct {
	Value, Low, High float64
	NoInterval       string
	N                int
	Note             string // added to the cell's description (a dropdown cell's modal choice)
	// Hidden: score hid the cell (under the minimum, or so that no such
	// cell can be worked out from the others); its figures are NaN.
	Hidden score.Hidden
}

// heatGrid is a question's heatmap before the minimum-size rule: a row
// per matrix row, a column per answer option or per column of a grid.
type heatGrid struct {
	Title, Desc string
	Rows, Cols  []string
	Cells       [][]heatCell
	// RowN is each row's base, printed after it; nil for grids, whose
	// cells each have their own.
	RowN     []int
	Min, Max float64
	Share    bool // the figures are shares in percent (else means)
}

// chart applies the minimum group size to each cell and draws the grid
// with its data table. A cell with fewer respondents than the minimum is
// hatched and says so, and neither the chart, its table nor the cell's
// description holds its figure or its interval. No row or column total
// is shown, so no published figure added or subtracted gives a hidden
// cell's: a row's shares are each of the row's own base, and when that
// base is too small the whole row is hidden (its shares would add up to
// the hidden one).
func (l *lang) heatChart(g heatGrid) chartBox {
	minSize := l.res.MinGroupSize
	fewer := l.say(textFewerThanN, minSize)
	h := chart.Heat{Title: g.Title, Desc: g.Desc, Rows: g.Rows, Cols: g.Cols, Min: g.Min, Max: g.Max,
		MinText: l.decimals(g.Min, 0), MaxText: l.decimals(g.Max, 0), Suppressed: fewer}
	t := table{Head: []string{""}}
	if g.RowN != nil {
		h.BaseHead = l.t("n")
		t.Head = append(t.Head, l.t("n"))
	}
	t.Head = append(t.Head, g.Cols...)
	for i, row := range g.Rows {
		tr := []string{row}
		if g.RowN != nil {
			h.Base = append(h.Base, strconv.Itoa(g.RowN[i]))
			tr = append(tr, strconv.Itoa(g.RowN[i]))
		}
		var cells []chart.Cell
		for j, col := range g.Cols {
			c := g.Cells[i][j]
			if c.Hidden.Complement {
				note := l.t("suppressed_complement")
				cells = append(cells, chart.Cell{Suppressed: true, Title: row + " × " + col + ": " + note})
				tr = append(tr, note)
				continue
			}
			if c.Hidden.Suppressed || c.N < minSize {
				id := textCellSuppressed
				if l.companyLevel() { // n counts participants there
					id = textCellSuppressedParticipants
				}
				cells = append(cells, chart.Cell{Suppressed: true, Title: l.say(id, row, col, minSize, c.N)})
				tr = append(tr, fewer)
				continue
			}
			text := l.num(c.Value)
			interval := l.interval(c.Low, c.High, c.NoInterval)
			figure := text + " (" + interval + ")"
			if !l.companyLevel() && !math.IsNaN(c.Low) && !math.IsNaN(c.High) && c.NoInterval == "" {
				interval = l.t("interval") + " " + interval // else it says why there is none
			}
			id := textCellMean
			if g.Share {
				id = textCellShare
			}
			title := l.say(id, row, col, text, interval, c.N) + c.Note
			if g.RowN == nil {
				figure += ", n = " + strconv.Itoa(c.N)
			}
			cells = append(cells, chart.Cell{Value: c.Value, Text: text, Title: title})
			tr = append(tr, figure+c.Note)
		}
		h.Cells = append(h.Cells, cells)
		t.Rows = append(t.Rows, tr)
	}
	return chartBox{SVG: chart.Heatmap(h), Table: t}
}

// intervalsNote is what a heatmap's description adds where its data
// table gives intervals: not over participants (company level).
func (l *lang) intervalsNote() string {
	if l.companyLevel() {
		return ""
	}
	return l.say(textHeatIntervals)
}

// matrixHeat is a matrix's heatmap: each row's answers by option, as
// shares of the row's answers (options counted apart as missing are left
// out, as everywhere else), with each row's base.
func (l *lang) matrixHeat(q *ir.Question, qs *score.QuestionStat) chartBox {
	g := heatGrid{Title: l.surveyText(q.Text, l.code), Max: 100, Share: true}
	var cols []int // the options shown, by their place in q.Options
	for k, o := range q.Options {
		if !o.Missing {
			cols = append(cols, k)
			g.Cols = append(g.Cols, l.surveyText(o.Label, l.code))
		}
	}
	for _, r := range qs.Rows {
		label := r.Code
		for _, row := range q.Rows {
			if row.Code == r.Code {
				label = l.surveyText(row.Label, l.code)
			}
		}
		g.Rows = append(g.Rows, label)
		g.RowN = append(g.RowN, r.N)
		var cells []heatCell
		for _, k := range cols {
			c := heatCell{Value: math.NaN(), Low: math.NaN(), High: math.NaN(), N: r.N, Hidden: r.Hidden}
			if k < len(r.Options) {
				o := r.Options[k]
				c.Value, c.Low, c.High = o.Share, o.Low, o.High
			}
			cells = append(cells, c)
		}
		g.Cells = append(g.Cells, cells)
	}
	g.Desc = l.say(textHeatShares, len(g.Rows), len(g.Cols), l.res.MinGroupSize) + l.intervalsNote()
	return l.heatChart(g)
}

// blocksHeat is the maturity page's participants × blocks heatmap: each
// participant's block scores in the latest wave; a participant hidden in
// it is hatched throughout.
func (l *lang) blocksHeat(title string, axes []string) chartBox {
	h := chart.Heat{Title: title, Cols: axes, Max: 100, MinText: l.decimals(0, 0), MaxText: l.decimals(100, 0),
		Suppressed: l.say(textHidden)}
	ht := table{Head: append([]string{l.t("participant")}, axes...)}
	for _, p := range l.participants {
		g := l.group(l.s.Bench.Participant + "=" + p + "|wave=" + strconv.Itoa(l.latestWave()))
		label := l.valueLabel(l.s.Bench.Participant, p)
		h.Rows = append(h.Rows, label)
		var row []chart.Cell
		trow := []string{label}
		for i, bl := range l.s.Blocks {
			if g == nil || g.Suppressed || g.Blocks[bl.ID] == nil {
				row = append(row, chart.Cell{Suppressed: true, Title: label + " × " + axes[i] + ": " + l.suppressedNote(g)})
				trow = append(trow, "—")
				continue
			}
			v := g.Blocks[bl.ID].Value
			row = append(row, chart.Cell{Value: v, Text: l.num(v), Title: label + " × " + axes[i] + ": " + l.num(v)})
			trow = append(trow, l.num(v))
		}
		h.Cells = append(h.Cells, row)
		ht.Rows = append(ht.Rows, trow)
	}
	h.Desc = l.say(textHeatBlocks, len(h.Rows), len(axes))
	return chartBox{SVG: chart.Heatmap(h), Table: ht}
}

// cellsHeat is a matrix_multi's or grid's heatmap, a row per row and a
// column per option or column: the share of the row's respondents who
// ticked each box (matrix_multi, with each row's base), the mean of each
// cell's numbers, or the share of each cell's answers that gave its most
// frequent choice, named in the cell's description and the data table
// (a grid of dropdowns).
func (l *lang) cellsHeat(q *ir.Question, qs *score.QuestionStat) chartBox {
	g := heatGrid{Title: l.surveyText(q.Text, l.code), Max: 100, Share: q.Type == ir.MatrixMulti || q.Input == ir.InputDropdown}
	cols := q.CellColumns()
	for _, c := range cols {
		g.Cols = append(g.Cols, l.surveyText(c.Label, l.code))
	}
	at := map[ir.CellRef]*score.CellStat{}
	for k := range qs.Cells {
		c := &qs.Cells[k]
		at[ir.CellRef{Row: c.Row, Col: c.Col}] = c
	}
	var means []float64 // the published means, for the colour scale
	for _, r := range q.Rows {
		g.Rows = append(g.Rows, l.surveyText(r.Label, l.code))
		var cells []heatCell
		rowN := 0
		for _, col := range cols {
			hc := heatCell{Value: math.NaN(), Low: math.NaN(), High: math.NaN()}
			if c := at[ir.CellRef{Row: r.Code, Col: col.Code}]; c != nil {
				hc.N, hc.Hidden = c.N, c.Hidden
				rowN = max(rowN, c.N)
				switch {
				case q.Type == ir.MatrixMulti:
					hc.Value, hc.Low, hc.High = c.Share, c.Low, c.High
				case q.Input == ir.InputDropdown:
					if o := modal(c.Options); o != nil {
						hc.Value, hc.Low, hc.High = o.Share, o.Low, o.High
						if opt := q.AnswerOption(o.Code); opt != nil {
							hc.Note = " · " + l.say(textModalChoice, l.surveyText(opt.Label, l.code))
						}
					}
				case c.Mean != nil:
					hc.Value, hc.NoInterval = *c.Mean, c.NoInterval
					if c.MeanLow != nil {
						hc.Low, hc.High = *c.MeanLow, *c.MeanHigh
					}
					if c.N >= l.res.MinGroupSize && !c.Suppressed {
						means = append(means, *c.Mean)
					}
				}
			}
			cells = append(cells, hc)
		}
		if q.Type == ir.MatrixMulti { // every box of a row has the row's base
			g.RowN = append(g.RowN, rowN)
		}
		g.Cells = append(g.Cells, cells)
	}
	switch {
	case q.Type == ir.MatrixMulti:
		g.Desc = l.say(textHeatTicked, len(g.Rows), len(g.Cols), l.res.MinGroupSize) + l.intervalsNote()
	case g.Share:
		g.Desc = l.say(textHeatModal, len(g.Rows), len(g.Cols), l.res.MinGroupSize) + l.intervalsNote()
	default:
		// The scale runs over the published means only (from 0 when
		// none is negative): a hidden cell's mean must not set its end.
		g.Min, g.Max = 0, 1
		for _, v := range means {
			g.Min, g.Max = math.Min(g.Min, v), math.Max(g.Max, v)
		}
		g.Max = math.Ceil(g.Max)
		g.Min = math.Floor(g.Min)
		g.Desc = l.say(textHeatMeans, len(g.Rows), len(g.Cols), l.res.MinGroupSize)
	}
	return l.heatChart(g)
}

// modal is the option given most often (the first of equals), nil when
// no share can be computed.
func modal(opts []score.OptionStat) *score.OptionStat {
	var best *score.OptionStat
	for k := range opts {
		if o := &opts[k]; !math.IsNaN(o.Share) && (best == nil || o.Share > best.Share) {
			best = o
		}
	}
	return best
}
