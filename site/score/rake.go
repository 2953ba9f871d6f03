package score

import (
	"math"
	"sort"
	"strconv"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"

	"github.com/opros/opros/compiler/ir"
)

// Raking (iterative proportional fitting) adjusts each respondent's weight
// so that, within a wave, the weighted shares of every margin's values match
// the known population shares. It works on the cross-classification of the
// margins ("cells"): the first pass over the data sums base weights per
// wave and cell, the fit finds one factor per cell, and scoring multiplies
// each respondent's base weight by its cell's factor. Only the cell table
// is held in memory, never the rows.
const (
	rakeTolerance     = 1e-10 // largest relative gap between a weighted share and its target
	rakeMaxIterations = 1000  // full sweeps over all margins
)

// raker maps a respondent's margin values to a cell and holds the fitted
// factor of every cell per wave.
type raker struct {
	margins []ir.Margin
	cats    []map[string]int        // per margin: target code → category
	strides []int                   // cell = Σ category × stride
	factor  map[int]map[int]float64 // wave → cell → factor
	report  []RakeWave
}

func newRaker(ms []ir.Margin) *raker {
	if len(ms) == 0 {
		return nil
	}
	k := &raker{margins: ms, factor: map[int]map[int]float64{}}
	stride := 1
	for _, m := range ms {
		cat := map[string]int{}
		for i, t := range m.Targets {
			cat[t.Code] = i
		}
		k.cats = append(k.cats, cat)
		k.strides = append(k.strides, stride)
		stride *= len(m.Targets)
	}
	return k
}

// cellOf returns the cell of the respondent at row i, or -1 when one of
// its margin values is missing or has no target (its weight is left as is).
func (k *raker) cellOf(cols []strColumn, i int) int {
	c := 0
	for m, col := range cols {
		s, _ := col.value(i)
		cat, ok := k.cats[m][s]
		if !ok {
			return -1
		}
		c += cat * k.strides[m]
	}
	return c
}

// cellTable is the first pass's result for one row group: base-weight sums
// and respondent counts per wave and cell. Only cells someone is in are
// kept, so many margins with many values cost no more than the sample.
// Unraked respondents are counted per wave.
type cellTable struct {
	cells   map[int]map[int]*cellSum // wave → cell → sums
	unraked map[int]int
}

type cellSum struct {
	w float64
	n int
}

func (k *raker) newTable() *cellTable {
	return &cellTable{cells: map[int]map[int]*cellSum{}, unraked: map[int]int{}}
}

func (t *cellTable) add(wave, cell int, w float64, n int) {
	if cell < 0 {
		t.unraked[wave] += n
		return
	}
	byCell := t.cells[wave]
	if byCell == nil {
		byCell = map[int]*cellSum{}
		t.cells[wave] = byCell
	}
	c := byCell[cell]
	if c == nil {
		c = &cellSum{}
		byCell[cell] = c
	}
	c.w += w
	c.n += n
}

// merge adds o's sums. Partial tables are merged in row-group order, and
// each cell's sum is added once per table, so the totals do not depend on
// the number of workers.
func (t *cellTable) merge(o *cellTable) {
	for wave, byCell := range o.cells {
		for cell, c := range byCell {
			t.add(wave, cell, c.w, c.n)
		}
	}
	for wave, u := range o.unraked {
		t.unraked[wave] += u
	}
}

// countBatch adds one record batch of the first pass to the table; a
// file without the wave column (opros metadata on someone else's data) is
// an error, as in the second pass.
func (k *raker) countBatch(rec arrow.Record, weightName string, t *cellTable) error {
	waves, _ := column(rec, "wave").(*array.Int32)
	if waves == nil {
		return errorText.Errorf(errNoIDColumns)
	}
	var weightCol arrow.Array
	if weightName != "" {
		weightCol = column(rec, weightName)
	}
	cols := make([]strColumn, len(k.margins))
	for m, mg := range k.margins {
		cols[m] = newStrColumn(column(rec, mg.Field))
	}
	for i := 0; i < int(rec.NumRows()); i++ {
		t.add(int(waves.Value(i)), k.cellOf(cols, i), baseWeight(weightCol, i), 1)
	}
	return nil
}

// columns are the data columns the first pass reads.
func (k *raker) columns(weightName string) []string {
	out := []string{"wave"}
	if weightName != "" {
		out = append(out, weightName)
	}
	for _, m := range k.margins {
		out = append(out, m.Field)
	}
	return out
}

// fit rakes every wave of the table and keeps the factors and a report.
func (k *raker) fit(t *cellTable) {
	waves := make([]int, 0, len(t.cells)+len(t.unraked))
	seen := map[int]bool{}
	for w := range t.cells {
		waves, seen[w] = append(waves, w), true
	}
	for w := range t.unraked {
		if !seen[w] {
			waves = append(waves, w)
		}
	}
	sort.Ints(waves)
	for _, w := range waves {
		rw := RakeWave{Wave: w, Unraked: t.unraked[w]}
		if byCell := t.cells[w]; byCell != nil {
			// Cells in a fixed order: float sums must not depend on map order.
			cells := make([]int, 0, len(byCell))
			for c := range byCell {
				cells = append(cells, c)
			}
			sort.Ints(cells)
			sum := make([]float64, len(cells))
			n := make([]int, len(cells))
			for i, c := range cells {
				sum[i], n[i] = byCell[c].w, byCell[c].n
			}
			f := k.fitWave(cells, sum, n, &rw)
			k.factor[w] = map[int]float64{}
			for i, c := range cells {
				k.factor[w][c] = f[i]
			}
		}
		k.report = append(k.report, rw)
	}
}

// fitWave runs iterative proportional fitting on one wave's occupied
// cells. Values with a target but no respondents cannot be weighted up from
// nothing: they are reported as empty and the other values' targets are
// rescaled to share what is left (Battaglia et al. advise collapsing such
// cells; the report says which they are).
func (k *raker) fitWave(cells []int, sum []float64, n []int, rw *RakeWave) []float64 {
	total := 0.0
	for i, s := range sum {
		total += s
		rw.Respondents += n[i]
	}
	f := make([]float64, len(cells))
	for i := range f {
		f[i] = 1
	}
	// Per margin: each value's sample total and target total.
	target := make([][]float64, len(k.margins))
	sample := make([][]float64, len(k.margins))
	for m, mg := range k.margins {
		sample[m] = k.marginTotals(m, cells, sum, f)
		target[m] = make([]float64, len(mg.Targets))
		kept := 0.0
		for v, tg := range mg.Targets {
			if sample[m][v] > 0 {
				kept += tg.Share
			}
		}
		for v, tg := range mg.Targets {
			if sample[m][v] > 0 {
				target[m][v] = total * tg.Share / kept
			}
		}
	}
	deviation := func() float64 {
		worst := 0.0
		for m := range k.margins {
			cur := k.marginTotals(m, cells, sum, f)
			for v := range cur {
				if target[m][v] > 0 {
					worst = max(worst, math.Abs(cur[v]/target[m][v]-1))
				}
			}
		}
		return worst
	}
	for rw.Iterations < rakeMaxIterations && deviation() > rakeTolerance {
		rw.Iterations++
		for m := range k.margins {
			cur := k.marginTotals(m, cells, sum, f)
			for i, c := range cells {
				if v := k.value(m, c); cur[v] > 0 {
					f[i] *= target[m][v] / cur[v]
				}
			}
		}
	}
	rw.Converged = deviation() <= rakeTolerance
	// The report: shares before and after, and the spread of the factors.
	var sw, sw2 float64
	for i, s := range sum {
		if i == 0 || f[i] < rw.MinFactor {
			rw.MinFactor = f[i]
		}
		if i == 0 || f[i] > rw.MaxFactor {
			rw.MaxFactor = f[i]
		}
		sw += s * f[i]
		sw2 += s * f[i] * f[i]
	}
	if sw > 0 {
		// Kish's design effect of the raking factors over the base weights.
		rw.DesignEffect = total * sw2 / (sw * sw)
	}
	for m, mg := range k.margins {
		after := k.marginTotals(m, cells, sum, f)
		rm := RakeMargin{Field: mg.Field}
		for v, tg := range mg.Targets {
			rm.Values = append(rm.Values, RakeValue{Code: tg.Code, Target: 100 * tg.Share,
				Sample: percent(sample[m][v], total), Weighted: percent(after[v], total), Empty: sample[m][v] == 0})
		}
		rw.Margins = append(rw.Margins, rm)
	}
	return f
}

// value is the value (target position) of margin m in a cell.
func (k *raker) value(m, cell int) int {
	return cell / k.strides[m] % len(k.margins[m].Targets)
}

func percent(part, total float64) float64 {
	if total == 0 {
		return 0
	}
	return 100 * part / total
}

// marginTotals sums the weighted cells by value of margin m.
func (k *raker) marginTotals(m int, cells []int, sum, f []float64) []float64 {
	out := make([]float64, len(k.margins[m].Targets))
	for i, c := range cells {
		out[k.value(m, c)] += sum[i] * f[i]
	}
	return out
}

// weightOf is a respondent's final weight: the base weight times its
// cell's raking factor in its wave.
func (k *raker) weightOf(base float64, wave, cell int) float64 {
	if k == nil || cell < 0 {
		return base
	}
	if f, ok := k.factor[wave][cell]; ok {
		return base * f
	}
	return base
}

// baseWeight is the survey's weight column at row i: missing, zero or
// negative weights count as 1 (see docs/methods.md).
func baseWeight(col arrow.Array, i int) float64 {
	if col == nil {
		return 1
	}
	var w float64
	switch v := cell(col, i).(type) {
	case float64:
		w = v
	case string:
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return 1
		}
		w = f
	}
	if w > 0 && !math.IsInf(w, 0) {
		return w
	}
	return 1
}

// RakeWarning is something in a wave's raking the researcher should look
// at; the command line words it in the researcher's language.
type RakeWarning struct {
	Kind  string // "not_converged" (N sweeps), "empty_value" (Field=Code), "unraked" (N respondents)
	Wave  int
	Field string
	Code  string
	N     int
}

// Warnings lists margins that could not be met, values nobody has, and
// respondents left unraked.
func (rw RakeWave) Warnings() []RakeWarning {
	var out []RakeWarning
	if !rw.Converged {
		out = append(out, RakeWarning{Kind: "not_converged", Wave: rw.Wave, N: rw.Iterations})
	}
	for _, m := range rw.Margins {
		for _, v := range m.Values {
			if v.Empty {
				out = append(out, RakeWarning{Kind: "empty_value", Wave: rw.Wave, Field: m.Field, Code: v.Code})
			}
		}
	}
	if rw.Unraked > 0 {
		out = append(out, RakeWarning{Kind: "unraked", Wave: rw.Wave, N: rw.Unraked})
	}
	return out
}
