package score

import (
	"math"
	"strconv"
	"strings"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"

	"github.com/opros/opros/compiler/ir"
)

// row is one respondent's answers, decoded once into typed slots and
// applied to each of the groups it belongs to. Slots are indexed like
// model.vars; which slot holds a variable's value depends on its kind.
type row struct {
	id     string
	wave   int
	weight float64
	dims   []string
	has    []bool    // the variable has a value
	num    []float64 // int, float; date as days since 1970
	code   []int32   // code: option position, -1 for a code the survey does not know
	str    []string  // code (its text), string
	list   [][]int32 // codes: option positions of known codes
	flag   []bool    // bool
	buf    []int32   // backing store of list, reused

	item   []float64 // by model.items: the 0-100 score
	itemOK []bool
}

func (m *model) newRow() *row {
	n := len(m.vars)
	return &row{dims: make([]string, len(m.dims)), has: make([]bool, n), num: make([]float64, n), code: make([]int32, n),
		str: make([]string, n), list: make([][]int32, n), flag: make([]bool, n),
		item: make([]float64, len(m.items)), itemOK: make([]bool, len(m.items))}
}

// batchCols are a record batch's columns, by variable and dimension.
type batchCols struct {
	vars  []arrow.Array
	codes []codeColumn // by variable: the column's dictionary, if it has one
	dims  []strColumn
}

// codeColumn is a column stored as a dictionary over strings, as ingest
// writes code columns. Each dictionary index is mapped to its option's
// position once per batch, so a row costs two array reads, not a hash of
// its code.
type codeColumn struct {
	strColumn              // dict and its values; zero for any other column
	ix32      *array.Int32 // dict's indices when int32, as Arrow Go reads them
	pos       []int32      // by dictionary index: option position, -1 for a code the survey does not know
}

func newCodeColumn(col arrow.Array, codeIdx map[string]int32) codeColumn {
	sc := newStrColumn(col)
	if sc.dict == nil {
		return codeColumn{}
	}
	c := codeColumn{strColumn: sc, pos: make([]int32, sc.vals.Len())}
	c.ix32, _ = sc.dict.Indices().(*array.Int32)
	for k := range c.pos {
		c.pos[k] = -1
		if p, ok := codeIdx[sc.vals.Value(k)]; ok {
			c.pos[k] = p
		}
	}
	return c
}

// index is row i's index into the dictionary.
func (c *codeColumn) index(i int) int {
	if c.ix32 != nil {
		return int(c.ix32.Value(i))
	}
	return c.dict.GetValueIndex(i)
}

// strColumn reads a column of strings stored either way ingest writes
// them: plain (response ids, hidden fields) or as a dictionary (codes).
// Any other column reads as missing.
type strColumn struct {
	vals *array.String // the strings, or the dictionary's values
	dict *array.Dictionary
}

func newStrColumn(col arrow.Array) strColumn {
	switch a := col.(type) {
	case *array.String:
		return strColumn{vals: a}
	case *array.Dictionary:
		if vals, ok := a.Dictionary().(*array.String); ok {
			return strColumn{vals: vals, dict: a}
		}
	}
	return strColumn{}
}

// value is row i's string; ok is false when it is null or the column is
// missing.
func (c strColumn) value(i int) (string, bool) {
	switch {
	case c.vals == nil:
		return "", false
	case c.dict == nil:
		return c.vals.Value(i), c.vals.IsValid(i)
	case c.dict.IsNull(i):
		return "", false
	}
	return c.vals.Value(c.dict.GetValueIndex(i)), true
}

func (m *model) scoreBatch(rec arrow.Record, p *partial, maxVerb int) error {
	ids, _ := column(rec, "response_id").(*array.String)
	waves, _ := column(rec, "wave").(*array.Int32)
	submitted, _ := column(rec, "submitted_at").(*array.Timestamp)
	if ids == nil || waves == nil {
		return errorText.Errorf(errNoIDColumns)
	}
	bc := batchCols{vars: make([]arrow.Array, len(m.vars)), codes: make([]codeColumn, len(m.vars)), dims: make([]strColumn, len(m.dims))}
	for i, d := range m.dims {
		bc.dims[i] = newStrColumn(column(rec, d))
	}
	for i, v := range m.vars {
		bc.vars[i] = column(rec, v.Name)
		bc.codes[i] = newCodeColumn(bc.vars[i], m.cols[i].codeIdx)
	}
	var weightCol arrow.Array
	if m.s.Bench.Weight != "" {
		weightCol = column(rec, m.s.Bench.Weight)
	}
	var marginCols []strColumn
	if m.rake != nil {
		for _, mg := range m.rake.margins {
			marginCols = append(marginCols, newStrColumn(column(rec, mg.Field)))
		}
	}
	var endings strColumn
	if len(m.s.Endings) > 0 {
		endings = newStrColumn(column(rec, "ending"))
	}
	r := m.newRow()
	for i := 0; i < int(rec.NumRows()); i++ {
		r.id = ids.Value(i)
		r.wave = int(waves.Value(i))
		if len(m.s.Endings) > 0 {
			e, _ := endings.value(i)
			p.endings[EndingCount{Wave: r.wave, Ending: e}]++
		}
		r.weight = baseWeight(weightCol, i)
		if m.rake != nil {
			r.weight = m.rake.weightOf(r.weight, r.wave, m.rake.cellOf(marginCols, i))
		}
		if submitted != nil && submitted.IsValid(i) {
			ts := int64(submitted.Value(i))
			p.minTS = min(p.minTS, ts)
			p.maxTS = max(p.maxTS, ts)
		}
		for d, col := range bc.dims {
			r.dims[d], _ = col.value(i)
		}
		m.decode(r, &bc, i)
		m.scoreRow(r, p, maxVerb)
	}
	return nil
}

// decode fills the row's slots from row i of the batch.
func (m *model) decode(r *row, bc *batchCols, i int) {
	r.buf = r.buf[:0]
	for v, col := range bc.vars {
		r.has[v] = false
		if col == nil || col.IsNull(i) {
			continue
		}
		c := &m.cols[v]
		switch a := col.(type) {
		case *array.String:
			s := a.Value(i)
			r.str[v] = s
			if c.kind == ir.VarCode {
				r.code[v] = -1
				if k, ok := c.codeIdx[s]; ok {
					r.code[v] = k
				}
			}
		case *array.Dictionary:
			cc := &bc.codes[v]
			if cc.vals == nil {
				continue
			}
			k := cc.index(i)
			r.str[v] = cc.vals.Value(k)
			r.code[v] = cc.pos[k]
		case *array.Int64:
			r.num[v] = float64(a.Value(i))
		case *array.Float64:
			r.num[v] = a.Value(i)
		case *array.Boolean:
			r.flag[v] = a.Value(i)
			r.num[v] = 0 // a boolean item's value: 1 for yes, 0 for no
			if r.flag[v] {
				r.num[v] = 1
			}
		case *array.Date32:
			r.num[v] = float64(a.Value(i))
		case *array.List:
			vals, _ := a.ListValues().(*array.String)
			start, end := a.ValueOffsets(i)
			at := len(r.buf)
			for j := start; j < end; j++ {
				if k, ok := c.codeIdx[vals.Value(int(j))]; ok {
					r.buf = append(r.buf, k)
				}
			}
			r.list[v] = r.buf[at:len(r.buf):len(r.buf)]
		default:
			continue
		}
		r.has[v] = true
	}
	for k, it := range m.items {
		r.item[k], r.itemOK[k] = it.of(r)
	}
}

// of rescales the item's answer in r to 0-100.
func (it scoredItem) of(r *row) (float64, bool) {
	x, ok := it.value(r)
	if !ok || it.max == it.min {
		return 0, false
	}
	return 100 * (x - it.min) / (it.max - it.min), true
}

// value is the item's answer in r on its own scale: the scale point, or
// the chosen option's score; ok is false when it is missing.
func (it scoredItem) value(r *row) (float64, bool) {
	v := it.variable
	if !r.has[v] {
		return 0, false
	}
	if it.score == nil {
		return r.num[v], true
	}
	k := r.code[v]
	if k < 0 || int(k) >= len(it.score) || math.IsNaN(it.score[k]) {
		return 0, false
	}
	return it.score[k], true
}

// value is a variable as expressions see it: string, []string, float64,
// bool, or nil when unanswered.
func (m *model) value(r *row, v int) any {
	if !r.has[v] {
		return nil
	}
	c := &m.cols[v]
	switch c.kind {
	case ir.VarCode, ir.VarString:
		return r.str[v]
	case ir.VarCodes:
		out := make([]string, len(r.list[v]))
		for j, k := range r.list[v] {
			out[j] = c.codes[k]
		}
		return out
	case ir.VarBool:
		return r.flag[v]
	case ir.VarDate:
		return arrow.Date32(r.num[v]).ToTime().Format("2006-01-02")
	}
	return r.num[v]
}

// groupsOf lists the groups a respondent belongs to, creating them on
// first sight. Keys are built only then, never per row.
func (m *model) groupsOf(r *row, p *partial, out []*agg) []*agg {
	out = out[:0]
	if p.all == nil {
		p.all = m.newGroup(p, "all", "", "", 0)
	}
	wa := p.waves[r.wave]
	if wa == nil {
		w := strconv.Itoa(r.wave)
		wa = m.newGroup(p, "wave="+w, "wave", w, r.wave)
		p.waves[r.wave] = wa
	}
	out = append(out, p.all, wa)
	for d, dim := range m.dims {
		v := r.dims[d]
		if v == "" {
			continue
		}
		a := p.byDim[d][v]
		if a == nil {
			v = strings.Clone(v) // the batch's buffer is not ours to keep
			a = m.newGroup(p, dim+"="+v, dim, v, 0)
			p.byDim[d][v] = a
		}
		out = append(out, a)
		if d == 0 && m.s.Bench.Participant != "" {
			byWave := p.byPart[v]
			if byWave == nil {
				byWave = map[int]*agg{}
				p.byPart[strings.Clone(v)] = byWave
			}
			pw := byWave[r.wave]
			if pw == nil {
				pw = m.newGroup(p, dim+"="+v+"|wave="+strconv.Itoa(r.wave), dim+"+wave", strings.Clone(v), r.wave)
				byWave[r.wave] = pw
			}
			out = append(out, pw)
		}
	}
	return out
}

func (m *model) newGroup(p *partial, key, dim, value string, wave int) *agg {
	a := m.newAgg(dim, value, wave)
	p.groups[key] = a
	return a
}

// idxVal is one respondent's contribution to one index.
type idxVal struct {
	kind     int // 0 none, 1 nps, 2 box, 3 mean
	v        float64
	pro, det bool
	boxHit   bool
}

func (m *model) scoreRow(r *row, p *partial, maxVerb int) {
	blockVals := make([]float64, len(m.blocks))
	blockOK := make([]bool, len(m.blocks))
	for b := range m.blocks {
		blockVals[b], blockOK[b] = weightedMean(m.blockItems[b], m.blocks[b].Weights, r.item, r.itemOK)
	}
	iv := make([]idxVal, len(m.indexes))
	for x, ix := range m.indexes {
		v := m.ixVar[x]
		switch ix.Kind {
		case ir.IndexNPS:
			if v >= 0 && r.has[v] {
				n := r.num[v]
				iv[x] = idxVal{kind: 1, v: n, pro: n >= 9, det: n <= 6}
			}
		case ir.IndexTopBox:
			if v >= 0 && r.has[v] {
				iv[x] = idxVal{kind: 2, v: r.num[v], boxHit: r.num[v] > m.topCut[x]}
			}
		case ir.IndexMean:
			if v >= 0 && r.has[v] {
				iv[x] = idxVal{kind: 3, v: r.num[v]}
			}
		case ir.IndexMean100:
			if val, ok := weightedMean(m.ixItems[x], ix.Weights, r.item, r.itemOK); ok {
				iv[x] = idxVal{kind: 3, v: val}
			}
		case ir.IndexCount, ir.IndexShare:
			if v >= 0 && r.has[v] && m.cols[v].kind == ir.VarBool { // a calculation's share of true
				iv[x] = idxVal{kind: 2, boxHit: r.flag[v]}
			} else if v >= 0 && r.has[v] && m.cols[v].kind == ir.VarCodes && !onlyMissing(&m.cols[v], r.list[v]) {
				hits := 0
				for _, k := range r.list[v] {
					if m.ixOptions[x][k] {
						hits++
					}
				}
				if ix.Kind == ir.IndexCount {
					iv[x] = idxVal{kind: 3, v: float64(hits)}
				} else {
					iv[x] = idxVal{kind: 2, boxHit: hits > 0}
				}
			}
		case ir.IndexExpr:
			switch val := ix.Expr.Eval(func(ref string) any { return m.env(r, ref) }).(type) {
			case float64:
				if !math.IsNaN(val) && !math.IsInf(val, 0) {
					iv[x] = idxVal{kind: 3, v: val}
				} else {
					p.noValue[x]++
				}
			case bool:
				iv[x] = idxVal{kind: 2, boxHit: val}
			case nil:
				// x / 0 is nil: no value, like a missing answer, but counted
				// when every answer the formula reads is there (otherwise
				// it is simply unanswered).
				if m.answeredAll(r, m.exprRefs[x]) {
					p.noValue[x]++
				}
			}
		case ir.IndexBlocks:
			if val, ok := weightedMean(m.ixItems[x], ix.Weights, blockVals, blockOK); ok {
				iv[x] = idxVal{kind: 3, v: val}
			}
		case ir.IndexSum:
			if val, ok := m.weightedSum(m.ixItems[x], ix.Weights, r); ok {
				iv[x] = idxVal{kind: 3, v: val}
			}
		}
	}
	m.addDrivers(r, p, iv)
	w := r.weight
	var groups [8]*agg
	for _, a := range m.groupsOf(r, p, groups[:0]) {
		a.n++
		a.w += w
		a.w2 += w * w
		// A company-level benchmark keeps a participant's texts per wave too,
		// for its own page (Results.Own).
		keepVerbatims := a.dim == "" || a.dim == m.s.Bench.Participant || (m.byParticipant && a.dim == m.s.Bench.Participant+"+wave")
		for i := range m.vars {
			if !r.has[i] {
				continue
			}
			before := a.vars[i].respondents
			m.addValue(r, a, i, w, keepVerbatims, maxVerb)
			if a.varParts != nil && a.vars[i].respondents > before && r.dims[0] != "" && m.perCell(i) {
				a.unitAnswered(i, r.dims[0])
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
					ia.pw2 += w * w
				}
				if iv[x].det {
					ia.det += w
					ia.dw2 += w * w
				}
			case 2:
				ia.nb += w
				ia.nbw2 += w * w
				if iv[x].boxHit {
					ia.box += w
					ia.bw2 += w * w
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
		if m.byParticipant {
			m.addUnit(r, a, iv, blockVals, blockOK)
		}
	}
}

// addValue adds variable i of the row to a group's distribution.
func (m *model) addValue(r *row, a *agg, i int, w float64, keepVerbatims bool, maxVerb int) {
	va := &a.vars[i]
	c := &m.cols[i]
	switch c.kind {
	case ir.VarCode:
		if k := r.code[i]; k >= 0 {
			va.codes[k] += w
			if c.missing[k] {
				va.missing += w
				return
			}
		}
		va.answer(w)
	case ir.VarString:
		va.answer(w)
		// A calculation's text is computed, not written by the
		// respondent: counted, never quoted.
		if name := m.vars[i].Name; keepVerbatims && m.vars[i].Role != ir.RoleCalc && m.vars[i].Role != ir.RoleOrder && len(a.verbatims[name]) < maxVerb {
			a.verbatims[name] = append(a.verbatims[name], Verbatim{Response: strings.Clone(r.id), Text: strings.Clone(r.str[i])})
		}
	case ir.VarCodes:
		list := r.list[i]
		missing := len(list) > 0
		for _, k := range list {
			va.codes[k] += w
			missing = missing && c.missing[k]
		}
		if missing {
			va.missing += w
		} else {
			va.answer(w)
		}
	case ir.VarInt, ir.VarFloat:
		va.answer(w)
		va.num.add(r.num[i], w)
		if c.kind == ir.VarInt {
			va.points.add(int64(r.num[i]), w)
		}
	case ir.VarBool:
		switch {
		case c.yesNo:
			va.answer(w)
			va.codes[1-int(r.num[i])] += w
			va.num.add(r.num[i], w)
		case r.flag[i]:
			va.missing += w // the scale's N/A choice
		}
	case ir.VarDate:
		va.answer(w)
	}
}

// env resolves an expression's reference: a variable ("q", "q.row") or a
// breakdown dimension.
// answeredAll reports whether a respondent has a value for every reference.
func (m *model) answeredAll(r *row, refs []string) bool {
	for _, ref := range refs {
		if m.env(r, ref) == nil {
			return false
		}
	}
	return true
}

func (m *model) env(r *row, ref string) any {
	if i, ok := m.byName[strings.Replace(ref, ".", "_", 1)]; ok {
		return m.value(r, i)
	}
	for d, dim := range m.dims {
		if dim == ref {
			return r.dims[d]
		}
	}
	return nil
}

// addDrivers adds a respondent with the outcome and every driver to the
// sums behind the driver analysis.
func (m *model) addDrivers(r *row, p *partial, iv []idxVal) {
	if m.outcome < 0 || len(m.drivers) == 0 || iv[m.outcome].kind == 0 {
		return
	}
	y := iv[m.outcome].v
	if iv[m.outcome].kind == 2 {
		y = b2f(iv[m.outcome].boxHit) * 100
	}
	for _, k := range m.driverItem {
		if k < 0 || !r.itemOK[k] {
			return
		}
	}
	for a, ka := range m.driverItem {
		p.drvX[a] = r.item[ka]
	}
	p.drvX[len(m.driverItem)] = y
	p.drv.Add(p.drvX, r.weight)
}

// onlyMissing is whether a multi-choice answer is missing options only
// ("Don't know"): like addValue's valid base, a share or count index leaves
// such a respondent out rather than counting them as choosing nothing.
func onlyMissing(c *colInfo, list []int32) bool {
	if len(list) == 0 {
		return false
	}
	for _, k := range list {
		if !c.missing[k] {
			return false
		}
	}
	return true
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// weightedMean averages the values a respondent has (ok) at the positions,
// with the weights when given.
func weightedMean(at []int, weights []float64, vals []float64, ok []bool) (float64, bool) {
	var sw, sx float64
	for i, k := range at {
		if k < 0 || !ok[k] {
			continue
		}
		w := 1.0
		if weights != nil {
			w = weights[i]
		}
		sw += w
		sx += w * vals[k]
	}
	if sw == 0 {
		return 0, false
	}
	return sx / sw, true
}

// weightedSum is Σ weight × value over the items at positions at (into
// model.items), each on its own scale (points, option scores). With any
// item missing there is no sum: a sum over fewer items is not comparable
// with a full one.
func (m *model) weightedSum(at []int, weights []float64, r *row) (float64, bool) {
	sum := 0.0
	for i, k := range at {
		if k < 0 {
			return 0, false
		}
		v, ok := m.items[k].value(r)
		if !ok {
			return 0, false
		}
		w := 1.0
		if weights != nil {
			w = weights[i]
		}
		sum += w * v
	}
	return sum, len(at) > 0
}

// cell is row i of a column as a plain Go value: string, []string,
// float64, bool, or nil. The first pass of raking reads margins with it.
func cell(col arrow.Array, i int) any {
	if col == nil || col.IsNull(i) {
		return nil
	}
	switch a := col.(type) {
	case *array.String:
		return a.Value(i)
	case *array.Dictionary:
		return cell(a.Dictionary(), a.GetValueIndex(i))
	case *array.Int64:
		return float64(a.Value(i))
	case *array.Float64:
		return a.Value(i)
	case *array.Boolean:
		return a.Value(i)
	}
	return nil
}
