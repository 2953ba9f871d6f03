package score

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/apache/arrow/go/v15/parquet/file"
	"github.com/apache/arrow/go/v15/parquet/pqarrow"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/site/stats"
)

// Options tune a computation.
type Options struct {
	Workers      int // row groups scored in parallel; 0 = number of CPUs
	MaxVerbatims int // free-text answers kept per question and group; 0 = 200
}

// Compute scores Parquet files written by ingest for the survey s.
func Compute(s *ir.Survey, files []string, opts Options) (*Results, error) {
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.MaxVerbatims <= 0 {
		opts.MaxVerbatims = 200
	}
	m := newModel(s)
	type task struct {
		file     string
		rowGroup int
	}
	var tasks []task
	for _, f := range files {
		n, err := rowGroups(f)
		if err != nil {
			return nil, err
		}
		for rg := 0; rg < n; rg++ {
			tasks = append(tasks, task{f, rg})
		}
	}
	if m.rake != nil {
		tables := make([]*cellTable, len(tasks))
		err := parallel(len(tasks), opts.Workers, func(i int) error {
			tables[i] = m.rake.newTable()
			return eachBatch(tasks[i].file, tasks[i].rowGroup, m.rake.columns(m.s.Bench.Weight), func(rec arrow.Record) error {
				m.rake.countBatch(rec, m.s.Bench.Weight, tables[i])
				return nil
			})
		})
		if err != nil {
			return nil, err
		}
		// Merged in order so the weight sums, and the factors, do not
		// depend on the number of workers.
		all := m.rake.newTable()
		for _, t := range tables {
			all.merge(m.rake, t)
		}
		m.rake.fit(all)
	}
	partials := make([]*partial, len(tasks))
	err := parallel(len(tasks), opts.Workers, func(i int) error {
		partials[i] = m.newPartial()
		return eachBatch(tasks[i].file, tasks[i].rowGroup, nil, func(rec arrow.Record) error {
			return m.scoreBatch(rec, partials[i], opts.MaxVerbatims)
		})
	})
	if err != nil {
		return nil, err
	}
	total := m.newPartial()
	// Merged in file and row-group order, so verbatims and float sums come
	// out the same whatever the number of workers.
	for _, p := range partials {
		total.merge(p, opts.MaxVerbatims)
	}
	res := m.results(total)
	if m.rake != nil {
		res.Raking = m.rake.report
	}
	return res, nil
}

// parallel runs fn(0..n-1) on up to workers goroutines and returns the
// error of the lowest index that failed.
func parallel(n, workers int, fn func(i int) error) error {
	errs := make([]error, n)
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				errs[i] = fn(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func rowGroups(path string) (int, error) {
	f, err := file.OpenParquetFile(path, false)
	if err != nil {
		return 0, fmt.Errorf("score %s: %w", path, err)
	}
	defer f.Close()
	if v := f.MetaData().KeyValueMetadata().FindValue("opros.survey_id"); v == nil {
		return 0, fmt.Errorf("score %s: not an opros data file (no opros.survey_id metadata)", path)
	}
	return f.NumRowGroups(), nil
}

// model is the survey prepared for scoring: what each column means.
type model struct {
	s       *ir.Survey
	vars    []ir.Variable
	dims    []string // group dimensions: participant, segments (hidden IDs or question IDs)
	scored  map[string]scoredItem
	indexes []ir.Index
	blocks  []ir.Block
	drivers []string
	outcome int    // index position of the driver outcome, -1 when none
	rake    *raker // nil when the survey has no margins

	topCut  []float64         // by index: top_box answers above this value count
	byName  map[string]int    // every variable by column name
	answer  map[string]int    // answer variables by name ("q" or "q_row")
	missing []map[string]bool // by variable: codes counted as missing
}

// scoredItem rescales an item to 0-100.
type scoredItem struct {
	variable string
	min, max float64
	score    map[string]float64 // by code, for scored choice questions
}

func newModel(s *ir.Survey) *model {
	m := &model{s: s, vars: s.Vars, scored: map[string]scoredItem{}, indexes: s.Indexes, blocks: s.Blocks, drivers: s.Bench.Drivers, outcome: -1,
		byName: map[string]int{}, answer: map[string]int{}, missing: make([]map[string]bool, len(s.Vars)), rake: newRaker(s.Bench.Margins)}
	for i, v := range s.Vars {
		m.byName[v.Name] = i
		if v.Role == "answer" {
			m.answer[v.Name] = i
		}
		m.missing[i] = map[string]bool{}
		if q := s.Question(v.Question); q != nil {
			for _, o := range q.Options {
				if o.Missing {
					m.missing[i][o.Code] = true
				}
			}
		}
	}
	seen := map[string]bool{}
	addDim := func(d string) {
		if d != "" && !seen[d] {
			seen[d] = true
			m.dims = append(m.dims, d)
		}
	}
	addDim(s.Bench.Participant)
	for _, d := range s.Bench.Segments {
		addDim(d)
	}
	if s.Report != nil {
		for _, d := range s.Report.Breakdowns {
			addDim(d)
		}
	}
	m.topCut = make([]float64, len(s.Indexes))
	for i, ix := range s.Indexes {
		if ix.ID == s.Bench.Outcome {
			m.outcome = i
		}
		if ix.Kind == ir.IndexTopBox {
			m.topCut[i] = float64(s.Question(ix.Items[0]).Scale.Max - ix.Top)
		}
	}
	for _, q := range s.Questions() {
		for _, ref := range itemRefs(q) {
			it := scoredItem{variable: strings.Replace(ref, ".", "_", 1)}
			if q.Scale != nil {
				it.min, it.max = float64(q.Scale.Min), float64(q.Scale.Max)
			} else {
				it.score = map[string]float64{}
				first := true
				for _, o := range q.Options {
					if o.Missing || o.Score == nil {
						continue
					}
					it.score[o.Code] = *o.Score
					if first || *o.Score < it.min {
						it.min = *o.Score
					}
					if first || *o.Score > it.max {
						it.max = *o.Score
					}
					first = false
				}
			}
			m.scored[ref] = it
		}
	}
	return m
}

func itemRefs(q *ir.Question) []string {
	if q.Type == ir.Matrix {
		var out []string
		for _, r := range q.Rows {
			out = append(out, q.ID+"."+r.Code)
		}
		return out
	}
	return []string{q.ID}
}

// partial is the sums for every group seen in part of the data.
type partial struct {
	groups map[string]*agg
	minTS  int64
	maxTS  int64
	// driver sums over complete respondents of the whole sample
	drvN        float64
	drvS, drvSY []float64
	drvSS       [][]float64
	drvY, drvYY float64
}

func (m *model) newPartial() *partial {
	k := len(m.drivers)
	p := &partial{groups: map[string]*agg{}, minTS: math.MaxInt64, maxTS: math.MinInt64,
		drvS: make([]float64, k), drvSY: make([]float64, k), drvSS: make([][]float64, k)}
	for i := range p.drvSS {
		p.drvSS[i] = make([]float64, k)
	}
	return p
}

// agg is the sums of one group. Slices are indexed like model.vars,
// model.indexes and model.blocks.
type agg struct {
	dim, value string
	wave       int
	n          int
	w, w2      float64
	vars       []varAgg
	idx        []idxAgg
	blocks     []sums
	verbatims  map[string][]Verbatim
}

type varAgg struct {
	answered, missing float64
	codes             map[string]float64
	num               sums
	points            map[int64]float64
}

// sums are mergeable moments: Σw, Σw², Σwx, Σwx².
type sums struct{ w, w2, x, xx float64 }

func (s *sums) add(x, w float64) { s.w += w; s.w2 += w * w; s.x += w * x; s.xx += w * x * x }
func (s *sums) merge(o sums)     { s.w += o.w; s.w2 += o.w2; s.x += o.x; s.xx += o.xx }
func (s sums) mean() float64     { return s.x / s.w }
func (s sums) sd() float64 {
	if s.w <= 1 {
		return math.NaN()
	}
	v := (s.xx - s.x*s.x/s.w) / (s.w - 1)
	return math.Sqrt(math.Max(v, 0))
}
func (s sums) neff() float64 { return stats.KishNEff(s.w, s.w2) }

type idxAgg struct {
	sums                      // per-respondent values (mean kinds)
	pro, det, box, nb float64 // nps counts; box successes and base
	nbw2              float64 // Σw² of the base, for n_eff
}

func (m *model) newAgg(dim, value string, wave int) *agg {
	a := &agg{dim: dim, value: value, wave: wave, vars: make([]varAgg, len(m.vars)), idx: make([]idxAgg, len(m.indexes)),
		blocks: make([]sums, len(m.blocks)), verbatims: map[string][]Verbatim{}}
	for i := range a.vars {
		a.vars[i].codes = map[string]float64{}
		a.vars[i].points = map[int64]float64{}
	}
	return a
}

func (a *agg) merge(o *agg, maxVerb int) {
	a.n += o.n
	a.w += o.w
	a.w2 += o.w2
	for i := range a.vars {
		x, y := &a.vars[i], &o.vars[i]
		x.answered += y.answered
		x.missing += y.missing
		for k, v := range y.codes {
			x.codes[k] += v
		}
		for k, v := range y.points {
			x.points[k] += v
		}
		x.num.merge(y.num)
	}
	for i := range a.idx {
		x, y := &a.idx[i], &o.idx[i]
		x.sums.merge(y.sums)
		x.pro += y.pro
		x.det += y.det
		x.box += y.box
		x.nb += y.nb
		x.nbw2 += y.nbw2
	}
	for i := range a.blocks {
		a.blocks[i].merge(o.blocks[i])
	}
	for k, v := range o.verbatims {
		room := maxVerb - len(a.verbatims[k])
		if room > 0 {
			a.verbatims[k] = append(a.verbatims[k], v[:min(room, len(v))]...)
		}
	}
}

func (p *partial) merge(o *partial, maxVerb int) {
	keys := make([]string, 0, len(o.groups))
	for k := range o.groups {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		g := o.groups[k]
		if mine, ok := p.groups[k]; ok {
			mine.merge(g, maxVerb)
		} else {
			p.groups[k] = g
		}
	}
	p.minTS = min(p.minTS, o.minTS)
	p.maxTS = max(p.maxTS, o.maxTS)
	p.drvN += o.drvN
	p.drvY += o.drvY
	p.drvYY += o.drvYY
	for i := range p.drvS {
		p.drvS[i] += o.drvS[i]
		p.drvSY[i] += o.drvSY[i]
		for j := range p.drvSS[i] {
			p.drvSS[i][j] += o.drvSS[i][j]
		}
	}
}

// row is one respondent's answers, decoded once and applied to each of
// the groups it belongs to.
type row struct {
	id     string
	wave   int
	weight float64
	dims   []string
	vals   []any // by variable: string, []string, float64, bool, or nil
}

// eachBatch reads one row group in record batches, only the named columns
// (all when names is nil), and hands each batch to fn.
func eachBatch(path string, rg int, names []string, fn func(arrow.Record) error) error {
	f, err := file.OpenParquetFile(path, false)
	if err != nil {
		return err
	}
	defer f.Close()
	var cols []int
	for _, name := range names {
		if c := f.MetaData().Schema.ColumnIndexByName(name); c >= 0 {
			cols = append(cols, c)
		}
	}
	fr, err := pqarrow.NewFileReader(f, pqarrow.ArrowReadProperties{BatchSize: 16384}, memory.NewGoAllocator())
	if err != nil {
		return err
	}
	rr, err := fr.GetRecordReader(context.Background(), cols, []int{rg})
	if err != nil {
		return fmt.Errorf("score %s: %w", path, err)
	}
	defer rr.Release()
	for rr.Next() {
		if err := fn(rr.Record()); err != nil {
			return fmt.Errorf("score %s: %w", path, err)
		}
	}
	if err := rr.Err(); err != nil && err != io.EOF {
		return fmt.Errorf("score %s: %w", path, err)
	}
	return nil
}

func column(rec arrow.Record, name string) arrow.Array {
	idx := rec.Schema().FieldIndices(name)
	if len(idx) == 0 {
		return nil
	}
	return rec.Column(idx[0])
}

func (m *model) scoreBatch(rec arrow.Record, p *partial, maxVerb int) error {
	ids, _ := column(rec, "response_id").(*array.String)
	waves, _ := column(rec, "wave").(*array.Int32)
	submitted, _ := column(rec, "submitted_at").(*array.Timestamp)
	if ids == nil || waves == nil {
		return fmt.Errorf("missing response_id or wave column")
	}
	dimCols := make([]arrow.Array, len(m.dims))
	for i, d := range m.dims {
		dimCols[i] = column(rec, d)
	}
	varCols := make([]arrow.Array, len(m.vars))
	for i, v := range m.vars {
		varCols[i] = column(rec, v.Name)
	}
	var weightCol arrow.Array
	if m.s.Bench.Weight != "" {
		weightCol = column(rec, m.s.Bench.Weight)
	}
	var marginCols []arrow.Array
	if m.rake != nil {
		for _, mg := range m.rake.margins {
			marginCols = append(marginCols, column(rec, mg.Field))
		}
	}
	r := row{dims: make([]string, len(m.dims)), vals: make([]any, len(m.vars))}
	for i := 0; i < int(rec.NumRows()); i++ {
		r.id = ids.Value(i)
		r.wave = int(waves.Value(i))
		r.weight = baseWeight(weightCol, i)
		if m.rake != nil {
			r.weight = m.rake.weightOf(r.weight, r.wave, m.rake.cellOf(marginCols, i))
		}
		if submitted != nil && submitted.IsValid(i) {
			ts := int64(submitted.Value(i))
			p.minTS = min(p.minTS, ts)
			p.maxTS = max(p.maxTS, ts)
		}
		for d, col := range dimCols {
			r.dims[d] = ""
			if col != nil {
				if s, ok := col.(*array.String); ok && s.IsValid(i) {
					r.dims[d] = s.Value(i)
				}
			}
		}
		for v, col := range varCols {
			r.vals[v] = cell(col, i)
		}
		m.scoreRow(&r, p, maxVerb)
	}
	return nil
}

func cell(col arrow.Array, i int) any {
	if col == nil || col.IsNull(i) {
		return nil
	}
	switch a := col.(type) {
	case *array.String:
		return a.Value(i)
	case *array.Int64:
		return float64(a.Value(i))
	case *array.Float64:
		return a.Value(i)
	case *array.Boolean:
		return a.Value(i)
	case *array.Date32:
		return a.Value(i).ToTime().Format("2006-01-02")
	case *array.List:
		vals, _ := a.ListValues().(*array.String)
		start, end := a.ValueOffsets(i)
		out := make([]string, 0, end-start)
		for j := start; j < end; j++ {
			out = append(out, vals.Value(int(j)))
		}
		return out
	}
	return nil
}

// groupsOf lists the groups a respondent belongs to.
func (m *model) groupsOf(r *row) [][3]string {
	w := strconv.Itoa(r.wave)
	out := [][3]string{{"all", "", ""}, {"wave=" + w, "wave", w}}
	for d, dim := range m.dims {
		v := r.dims[d]
		if v == "" {
			continue
		}
		out = append(out, [3]string{dim + "=" + v, dim, v})
		if d == 0 && m.s.Bench.Participant != "" {
			out = append(out, [3]string{dim + "=" + v + "|wave=" + w, dim + "+wave", v})
		}
	}
	return out
}

func (m *model) scoreRow(r *row, p *partial, maxVerb int) {
	// Values as expressions see them, for expr indexes.
	env := func(ref string) any {
		name := strings.Replace(ref, ".", "_", 1)
		if i, ok := m.byName[name]; ok {
			return r.vals[i]
		}
		for d, dim := range m.dims {
			if dim == ref {
				return r.dims[d]
			}
		}
		return nil
	}
	// Per-respondent scores, computed once.
	itemScore := func(ref string) (float64, bool) {
		it, ok := m.scored[ref]
		if !ok {
			return 0, false
		}
		i, ok := m.varIndex(it.variable)
		if !ok {
			return 0, false
		}
		switch v := r.vals[i].(type) {
		case float64:
			if it.max == it.min {
				return 0, false
			}
			return 100 * (v - it.min) / (it.max - it.min), true
		case string:
			sc, ok := it.score[v]
			if !ok || it.max == it.min {
				return 0, false
			}
			return 100 * (sc - it.min) / (it.max - it.min), true
		}
		return 0, false
	}
	blockVals := make([]float64, len(m.blocks))
	blockOK := make([]bool, len(m.blocks))
	for b, bl := range m.blocks {
		blockVals[b], blockOK[b] = weightedMean(bl.Items, bl.Weights, itemScore)
	}
	type idxVal struct {
		kind     int // 0 none, 1 nps, 2 box, 3 mean
		v        float64
		pro, det bool
		boxHit   bool
	}
	iv := make([]idxVal, len(m.indexes))
	for x, ix := range m.indexes {
		switch ix.Kind {
		case ir.IndexNPS:
			if i, ok := m.varIndex(ix.Items[0]); ok {
				if v, ok := r.vals[i].(float64); ok {
					iv[x] = idxVal{kind: 1, v: v, pro: v >= 9, det: v <= 6}
				}
			}
		case ir.IndexTopBox:
			if i, ok := m.varIndex(ix.Items[0]); ok {
				if v, ok := r.vals[i].(float64); ok {
					iv[x] = idxVal{kind: 2, v: v, boxHit: v > m.topCut[x]}
				}
			}
		case ir.IndexMean:
			if i, ok := m.varIndex(ix.Items[0]); ok {
				if v, ok := r.vals[i].(float64); ok {
					iv[x] = idxVal{kind: 3, v: v}
				}
			}
		case ir.IndexMean100:
			if v, ok := weightedMean(ix.Items, ix.Weights, itemScore); ok {
				iv[x] = idxVal{kind: 3, v: v}
			}
		case ir.IndexCount, ir.IndexShare:
			if i, ok := m.varIndex(ix.Items[0]); ok {
				if list, ok := r.vals[i].([]string); ok {
					hits := 0
					for _, c := range list {
						for _, o := range ix.Options {
							if c == o {
								hits++
							}
						}
					}
					if ix.Kind == ir.IndexCount {
						iv[x] = idxVal{kind: 3, v: float64(hits)}
					} else {
						iv[x] = idxVal{kind: 2, boxHit: hits > 0}
					}
				}
			}
		case ir.IndexExpr:
			switch v := ix.Expr.Eval(env).(type) {
			case float64:
				iv[x] = idxVal{kind: 3, v: v}
			case bool:
				iv[x] = idxVal{kind: 2, boxHit: v}
			}
		case ir.IndexBlocks:
			var items []string
			vals := map[string]float64{}
			for _, id := range ix.Items {
				for b, bl := range m.blocks {
					if bl.ID == id && blockOK[b] {
						vals[id] = blockVals[b]
					}
				}
				items = append(items, id)
			}
			if v, ok := weightedMean(items, ix.Weights, func(id string) (float64, bool) { v, ok := vals[id]; return v, ok }); ok {
				iv[x] = idxVal{kind: 3, v: v}
			}
		}
	}
	// Driver sums: respondents with the outcome and every driver.
	if m.outcome >= 0 && len(m.drivers) > 0 && iv[m.outcome].kind != 0 {
		y := iv[m.outcome].v
		if iv[m.outcome].kind == 2 {
			y = b2f(iv[m.outcome].boxHit) * 100
		}
		xs := make([]float64, len(m.drivers))
		complete := true
		for k, ref := range m.drivers {
			v, ok := itemScore(ref)
			if !ok {
				complete = false
				break
			}
			xs[k] = v
		}
		if complete {
			w := r.weight
			p.drvN += w
			p.drvY += w * y
			p.drvYY += w * y * y
			for k := range xs {
				p.drvS[k] += w * xs[k]
				p.drvSY[k] += w * xs[k] * y
				for j := range xs {
					p.drvSS[k][j] += w * xs[k] * xs[j]
				}
			}
		}
	}
	w := r.weight
	for _, g := range m.groupsOf(r) {
		a := p.groups[g[0]]
		if a == nil {
			wave := 0
			if strings.Contains(g[0], "wave=") {
				wave = r.wave
			}
			a = m.newAgg(g[1], g[2], wave)
			p.groups[g[0]] = a
		}
		a.n++
		a.w += w
		a.w2 += w * w
		keepVerbatims := g[1] == "" || g[1] == m.s.Bench.Participant
		for i, v := range m.vars {
			val := r.vals[i]
			if val == nil {
				continue
			}
			va := &a.vars[i]
			switch x := val.(type) {
			case string:
				if v.Kind == ir.VarCode {
					if m.missing[i][x] {
						va.missing += w
					} else {
						va.answered += w
					}
					va.codes[x] += w
				} else if keepVerbatims && len(a.verbatims[v.Name]) < maxVerb && v.Kind == ir.VarString {
					va.answered += w
					a.verbatims[v.Name] = append(a.verbatims[v.Name], Verbatim{Response: r.id, Text: x})
				} else {
					va.answered += w
				}
			case []string:
				missing := len(x) > 0
				for _, c := range x {
					va.codes[c] += w
					missing = missing && m.missing[i][c]
				}
				if missing {
					va.missing += w
				} else {
					va.answered += w
				}
			case float64:
				va.answered += w
				va.num.add(x, w)
				if v.Kind == ir.VarInt {
					va.points[int64(x)] += w
				}
			case bool:
				if x {
					va.missing += w // the scale's N/A choice
				}
			}
		}
		for x := range m.indexes {
			ia := &a.idx[x]
			switch iv[x].kind {
			case 1:
				ia.nb += w
				ia.nbw2 += w * w
				if iv[x].pro {
					ia.pro += w
				}
				if iv[x].det {
					ia.det += w
				}
			case 2:
				ia.nb += w
				ia.nbw2 += w * w
				if iv[x].boxHit {
					ia.box += w
				}
			case 3:
				ia.add(iv[x].v, w)
			}
		}
		for b := range m.blocks {
			if blockOK[b] {
				a.blocks[b].add(blockVals[b], w)
			}
		}
	}
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func (m *model) varIndex(name string) (int, bool) {
	if i, ok := m.answer[name]; ok {
		return i, true
	}
	i, ok := m.answer[strings.Replace(name, ".", "_", 1)]
	return i, ok
}

// weightedMean averages the items a respondent has scores for.
func weightedMean(items []string, weights []float64, score func(string) (float64, bool)) (float64, bool) {
	var sw, sx float64
	for i, ref := range items {
		v, ok := score(ref)
		if !ok {
			continue
		}
		w := 1.0
		if weights != nil {
			w = weights[i]
		}
		sw += w
		sx += w * v
	}
	if sw == 0 {
		return 0, false
	}
	return sx / sw, true
}

// WriteJSON writes results as indented JSON (map keys sorted).
func (r *Results) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	return enc.Encode(r)
}

// ReadJSON reads results written by WriteJSON.
func ReadJSON(path string) (*Results, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var r Results
	return &r, json.Unmarshal(raw, &r)
}

func day(ms int64) string {
	return time.UnixMilli(ms).UTC().Format("2006-01-02")
}
