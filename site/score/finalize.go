package score

import (
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/site/stats"
)

// results turns the merged sums into figures, tests, benchmarks and
// drivers. Every number is rounded to 9 significant digits so that float
// noise in the last bits never shows up in a diff of two runs.
func (m *model) results(p *partial) *Results {
	r := &Results{Survey: m.s.ID, Version: m.s.Hash, MinGroupSize: m.s.Bench.MinGroupSize, Weighted: m.s.Bench.Weight != "" || len(m.s.Bench.Margins) > 0}
	if all := p.groups["all"]; all != nil {
		r.N = all.n
		if r.Weighted {
			m.linN = all.n
		}
	}
	if p.minTS != math.MaxInt64 {
		r.Fieldwork = Fieldwork{From: day(p.minTS), To: day(p.maxTS)}
	}
	r.Endings = m.endingCounts(p.endings)
	for x, n := range p.noValue {
		if n > 0 {
			if r.NoValue == nil {
				r.NoValue = map[string]int{}
			}
			r.NoValue[m.indexes[x].ID] = n
		}
	}
	keys := make([]string, 0, len(p.groups))
	for k := range p.groups {
		keys = append(keys, k)
	}
	dimOrder := map[string]int{"": 0, "wave": 1}
	for i, d := range m.dims {
		dimOrder[d] = 2 + 2*i
		dimOrder[d+"+wave"] = 3 + 2*i
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := p.groups[keys[i]], p.groups[keys[j]]
		if dimOrder[a.dim] != dimOrder[b.dim] {
			return dimOrder[a.dim] < dimOrder[b.dim]
		}
		if a.value != b.value {
			return a.value < b.value
		}
		return a.wave < b.wave
	})
	dimValues := map[string][]string{}
	waves := map[int]bool{}
	for _, k := range keys {
		a := p.groups[k]
		g := m.group(k, a)
		r.Groups = append(r.Groups, g)
		if a.dim == "wave" {
			waves[a.wave] = true
		}
		if a.dim != "" && !strings.HasSuffix(a.dim, "+wave") {
			dimValues[a.dim] = append(dimValues[a.dim], a.value)
		}
	}
	if m.byParticipant {
		r.Unit, r.MinParticipants, r.MinGroupSize = ir.UnitParticipant, m.s.Bench.MinParticipants, m.peerMin()
	}
	if !m.byParticipant {
		protect(r.Groups, r.MinGroupSize, m.countsOf(p))
	} else {
		// Linear protection only: a share of 0% or 100% of a peer group of
		// at least peerMin participants is the peer figure the benchmark
		// promises (docs/methods.md, "Company-level benchmarks").
		protect(r.Groups, r.MinGroupSize, nil)
		protectFromParticipants(r.Groups, m.s.Bench.Participant, r.MinGroupSize)
		for _, g := range r.Groups { // a group hidden to protect others keeps its count of participants
			g.Participants = len(p.groups[g.Key].parts)
		}
		r.Own = m.ownGroups(p, keys)
	}
	m.protectCells(r, p)
	for w := range waves {
		r.Waves = append(r.Waves, w)
	}
	sort.Ints(r.Waves)
	r.Dims = append(r.Dims, Dim{ID: "wave", Values: intStrings(r.Waves)})
	for _, d := range m.dims {
		r.Dims = append(r.Dims, Dim{ID: d, Values: dimValues[d]})
	}
	m.testVsRest(r, p)
	m.testVsPrevious(r, p)
	m.benchmarks(r)
	r.Drivers = driversShown(r, m.driverStats(p))
	return r
}

func intStrings(xs []int) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = strconv.Itoa(x)
	}
	return out
}

// round9 keeps 9 significant digits.
func round9(x float64) float64 {
	if x == 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return x
	}
	f, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 9, 64), 64)
	return f
}

func (m *model) group(key string, a *agg) *Group {
	g := &Group{Key: key, Dim: a.dim, Value: a.value, Wave: a.wave, N: a.n, NEff: round9(stats.KishNEff(a.w, a.w2))}
	if m.small(a) {
		g.Suppressed = true
		if m.byParticipant {
			g.Participants = len(a.parts)
		}
		return g
	}
	m.fill(g, a)
	if m.byParticipant {
		m.overParticipants(g, a, false)
	}
	return g
}

// fill computes a group's figures.
func (m *model) fill(g *Group, a *agg) {
	g.Questions = map[string]*QuestionStat{}
	for _, q := range m.s.Questions() {
		if qs := m.questionStat(q, a); qs != nil {
			g.Questions[q.ID] = qs
		}
	}
	for i := range m.s.Calculations { // by ID, as a question's: they share the namespace
		if qs := m.questionStat(m.s.Calculations[i].AsQuestion(), a); qs != nil {
			g.Questions[m.s.Calculations[i].ID] = qs
		}
	}
	g.Indexes = map[string]*Figure{}
	for x, ix := range m.indexes {
		if f := indexFigure(ix, &a.idx[x], a, m.linN); f != nil {
			f.clip(ix.Min, ix.Max)
			if ix.Min >= 0 && ix.Max <= 100 && ix.Kind != ir.IndexMean && ix.Kind != ir.IndexCount && ix.Kind != ir.IndexSum {
				f.Level = m.level(f.Value)
			}
			g.Indexes[ix.ID] = f
		}
	}
	g.Blocks = map[string]*Figure{}
	for b, bl := range m.blocks {
		if f := meanFigure(a.blocks[b], m.linN); f != nil {
			f.clip(0, 100)
			f.Level = m.level(f.Value)
			g.Blocks[bl.ID] = f
		}
	}
	if len(a.verbatims) > 0 {
		g.Verbatims = a.verbatims
	}
}

func (m *model) level(v float64) string {
	id := ""
	for _, l := range m.s.Levels {
		if v >= l.Min {
			id = l.ID
		}
	}
	return id
}

// indexFigure and meanFigure: linN as in model.linN.
func indexFigure(ix ir.Index, ia *idxAgg, a *agg, linN int) *Figure {
	switch ix.Kind {
	case ir.IndexNPS:
		if ia.nb == 0 {
			return nil
		}
		n := ia.npsN(linN)
		scale := n / ia.nb // shares are kept; counts scaled to the effective n
		iv, ok := stats.NPS(ia.pro*scale, ia.det*scale, n)
		if !ok {
			return nil
		}
		f := figure(iv, ia.nb, "nps")
		f.Promoters = round9(100 * ia.pro / ia.nb)
		f.Detractors = round9(100 * ia.det / ia.nb)
		f.Passives = round9(100 - f.Promoters - f.Detractors)
		return f
	case ir.IndexTopBox, ir.IndexShare:
		if ia.nb == 0 {
			return nil
		}
		n := ia.boxN(linN)
		iv, ok := stats.Wilson(ia.box*n/ia.nb, n)
		if !ok {
			return nil
		}
		return figure(iv, ia.nb, "wilson")
	case ir.IndexExpr:
		if ia.nb > 0 {
			n := ia.boxN(linN)
			iv, _ := stats.Wilson(ia.box*n/ia.nb, n)
			return figure(iv, ia.nb, "wilson")
		}
	}
	return meanFigure(ia.sums, linN)
}

func meanFigure(s sums, linN int) *Figure {
	if s.w == 0 {
		return nil
	}
	iv, ok := stats.MeanCI(s.mean(), s.sd(), s.effN(linN))
	if !ok {
		return nil
	}
	return figure(iv, s.w, "t")
}

// figure keeps an interval that cannot be computed as NaN (null in JSON)
// with the reason, never as zeros.
func figure(iv stats.Interval, n float64, method string) *Figure {
	return &Figure{Value: round9(iv.Value), Low: round9(iv.Low), High: round9(iv.High),
		SE: round9(iv.SE), NoInterval: iv.NoInterval, N: round9(n), Method: method}
}

// clip keeps the interval inside the index's range [lo, hi] (a t interval
// of a mean near the end of its scale would leave it); an unknown range
// (hi <= lo) leaves it as it is.
func (f *Figure) clip(lo, hi float64) {
	iv := stats.Clip(stats.Interval{Low: f.Low, High: f.High, NoInterval: f.NoInterval}, lo, hi)
	f.Low, f.High = iv.Low, iv.High
}

func (m *model) questionStat(q *ir.Question, a *agg) *QuestionStat {
	qs := &QuestionStat{}
	found := false
	for i, v := range m.vars {
		if v.Question != q.ID && (v.Role != ir.RoleCalc || v.Name != q.ID) {
			continue
		}
		va := &a.vars[i]
		switch {
		case v.Role == "na":
			qs.Missing += va.missing
		case v.Role != "answer" && v.Role != ir.RoleCalc:
		case v.Item != "":
			found = true
			it := ItemStat{Code: v.Item, Valid: round9(va.answered), N: va.respondents}
			if v.Kind != ir.VarString {
				var n QuestionStat
				m.numberStat(&n, q, va)
				it.Mean, it.SD, it.Median, it.MeanLow, it.MeanHigh, it.NoInterval = n.Mean, n.SD, n.Median, n.MeanLow, n.MeanHigh, n.NoInterval
			}
			if q.Type == ir.Ranking {
				it.First, it.FirstLow, it.FirstHigh = math.NaN(), math.NaN(), math.NaN()
				if iv, ok := stats.Wilson(va.points.get(1), va.answered); ok {
					it.First, it.FirstLow, it.FirstHigh = round9(iv.Value), round9(iv.Low), round9(iv.High)
				}
			}
			qs.Items = append(qs.Items, it)
		case v.Cell != nil:
			found = true
			qs.Cells = append(qs.Cells, m.cellStat(q, v, va))
		case v.Row != "":
			row := RowStat{Code: v.Row, Valid: round9(va.answered), N: va.respondents, Missing: round9(va.missing)}
			row.Options = optionStats(q, va.codes, va.answered, true)
			qs.Rows = append(qs.Rows, row)
			found = true
		default:
			found = true
			qs.Valid = round9(va.answered)
			qs.Missing += va.missing
			switch v.Kind {
			case ir.VarCode:
				qs.Options = optionStats(q, va.codes, va.answered, true)
			case ir.VarCodes:
				// Shares of respondents who answered the question.
				qs.Options = optionStats(q, va.codes, va.answered+va.missing, false)
			case ir.VarBool:
				qs.Options = optionStats(&ir.Question{Options: q.AnswerOptions()}, va.codes, va.answered, true)
			case ir.VarInt, ir.VarFloat:
				m.numberStat(qs, q, va)
			}
		}
	}
	qs.Missing = round9(qs.Missing)
	if !found {
		return nil
	}
	return qs
}

// cellStat is one cell of a matrix_multi or grid question.
func (m *model) cellStat(q *ir.Question, v ir.Variable, va *varAgg) CellStat {
	nan := math.NaN()
	c := CellStat{Row: v.Cell.Row, Col: v.Cell.Col, Valid: round9(va.answered), N: va.respondents, Share: nan, Low: nan, High: nan}
	switch v.Kind {
	case ir.VarBool: // ticked is option 0 of the yes/no pair
		if iv, ok := stats.Wilson(va.codes[0], va.answered); ok {
			c.Share, c.Low, c.High = round9(iv.Value), round9(iv.Low), round9(iv.High)
		}
	case ir.VarCode:
		c.Options = optionStats(q, va.codes, va.answered, true)
	case ir.VarInt, ir.VarFloat:
		var n QuestionStat
		m.numberStat(&n, q, va)
		c.Mean, c.SD, c.Median, c.MeanLow, c.MeanHigh, c.NoInterval = n.Mean, n.SD, n.Median, n.MeanLow, n.MeanHigh, n.NoInterval
	}
	return c
}

// numberStat sets a number's mean with its interval, SD, median and, on
// a scale, its points' shares.
func (m *model) numberStat(qs *QuestionStat, q *ir.Question, va *varAgg) {
	if va.num.w > 0 {
		mean := round9(va.num.mean())
		qs.Mean = &mean
		if sd := va.num.sd(); !math.IsNaN(sd) {
			sd = round9(sd)
			qs.SD = &sd
		}
		if iv, ok := stats.MeanCI(va.num.mean(), va.num.sd(), va.num.effN(m.linN)); ok && iv.NoInterval == "" {
			if lo, hi, ok := answerRange(q); ok {
				iv = stats.Clip(iv, lo, hi)
			}
			lo, hi := round9(iv.Low), round9(iv.High)
			qs.MeanLow, qs.MeanHigh = &lo, &hi
		} else if ok {
			qs.NoInterval = iv.NoInterval
		}
	}
	if len(va.points.keys()) > 0 {
		med := round9(weightedMedian(&va.points))
		qs.Median = &med
	}
	if q.Scale != nil {
		for x := q.Scale.Min; x <= q.Scale.Max; x++ {
			c := va.points.get(int64(x))
			qs.Points = append(qs.Points, PointStat{Value: x, Count: round9(c), Share: round9(share(c, va.num.w))})
		}
	}
}

// answerRange is the range a number's answers keep to, which its mean's
// interval is clipped to as an index's is (docs/methods.md, "Intervals
// stay in the range"): a scale's points, a ranking's ranks 1..Rank, a
// constant sum's boxes 0..Total, else the number's min and max (either
// alone bounds that side); ok is false when nothing bounds it.
func answerRange(q *ir.Question) (lo, hi float64, ok bool) {
	switch {
	case q.Scale != nil:
		return float64(q.Scale.Min), float64(q.Scale.Max), true
	case q.Type == ir.Ranking:
		return 1, float64(max(q.Rank, 1)), true
	case q.Type == ir.ConstantSum:
		return 0, q.Total, q.Total > 0
	}
	lo, hi = math.Inf(-1), math.Inf(1)
	if q.Min != nil {
		lo = *q.Min
	}
	if q.Max != nil {
		hi = *q.Max
	}
	return lo, hi, q.Min != nil || q.Max != nil
}

func share(x, n float64) float64 {
	if n == 0 {
		return 0
	}
	return 100 * x / n
}

// optionStats lists options in declaration order; missing options get a
// share of all answers only when withMissing (they are not part of the
// valid base otherwise).
func optionStats(q *ir.Question, counts []float64, base float64, excludeMissing bool) []OptionStat {
	var out []OptionStat
	for k, o := range q.Options {
		var c float64
		if k < len(counts) {
			c = counts[k]
		}
		// A share outside its base (a missing option) or of no answers is
		// not 0: it cannot be computed (NaN, null in JSON).
		nan := math.NaN()
		os := OptionStat{Code: o.Code, Count: round9(c), Share: nan, Low: nan, High: nan}
		if !(excludeMissing && o.Missing) && base > 0 {
			if iv, ok := stats.Wilson(c, base); ok {
				os.Share, os.Low, os.High = round9(iv.Value), round9(iv.Low), round9(iv.High)
			}
		}
		out = append(out, os)
	}
	return out
}

// weightedMedian of integer points: the type-7 rule needs the sample, and
// for frequency weights the sample is the points repeated; this takes the
// middle of the cumulative weight, averaging two points at an exact half.
func weightedMedian(p *points) float64 {
	keys := p.keys()
	var total float64
	for _, k := range keys {
		total += p.get(k)
	}
	half := total / 2
	var cum float64
	for i, k := range keys {
		cum += p.get(k)
		if cum > half {
			return float64(k)
		}
		if cum == half && i+1 < len(keys) {
			return (float64(k) + float64(keys[i+1])) / 2
		}
	}
	return float64(keys[len(keys)-1])
}

// rest is the sums of everyone in the whole sample outside a group.
func restOf(all, g *agg) *agg {
	r := &agg{n: all.n - g.n, w: all.w - g.w, w2: all.w2 - g.w2, idx: make([]idxAgg, len(all.idx)), blocks: make([]sums, len(all.blocks))}
	for i := range all.idx {
		x, y := all.idx[i], g.idx[i]
		r.idx[i] = idxAgg{sums: x.sums.minus(y.sums),
			pro: x.pro - y.pro, det: x.det - y.det, box: x.box - y.box, nb: x.nb - y.nb, nbw2: x.nbw2 - y.nbw2,
			pw2: x.pw2 - y.pw2, dw2: x.dw2 - y.dw2, bw2: x.bw2 - y.bw2}
	}
	for i := range all.blocks {
		x, y := all.blocks[i], g.blocks[i]
		r.blocks[i] = x.minus(y)
	}
	return r
}

// test compares a with b for one index (or a block when ix is nil); linN as
// in model.linN, so that a weighted survey's tests use the linearised
// variances of its intervals.
func test(ix *ir.Index, a, b *idxAgg, against string, linN int) *Test {
	t := &Test{Against: against}
	var ok bool
	switch {
	case ix != nil && ix.Kind == ir.IndexNPS:
		if a.nb == 0 || b.nb == 0 {
			return nil
		}
		t.Method = "nps-z"
		t.Diff = 100 * (a.pro/a.nb - a.det/a.nb - b.pro/b.nb + b.det/b.nb)
		na, nb := a.npsN(linN), b.npsN(linN)
		t.Stat, t.P, ok = stats.NPSDiffTest(a.pro*na/a.nb, a.det*na/a.nb, na, b.pro*nb/b.nb, b.det*nb/b.nb, nb)
	case a.nb > 0 || b.nb > 0:
		if a.nb == 0 || b.nb == 0 {
			return nil
		}
		t.Method = "two-proportion-z"
		t.Diff = 100 * (a.box/a.nb - b.box/b.nb)
		na, nb := a.boxN(linN), b.boxN(linN)
		t.Stat, t.P, ok = stats.TwoProportionTest(a.box*na/a.nb, na, b.box*nb/b.nb, nb)
	default:
		if a.w == 0 || b.w == 0 {
			return nil
		}
		t.Method = "welch-t"
		t.Diff = a.mean() - b.mean()
		na, nb := a.effN(linN), b.effN(linN)
		t.Stat, _, t.P, ok = stats.WelchTest(a.mean(), a.sd(), na, b.mean(), b.sd(), nb)
		if !ok && na >= 2 && nb >= 2 && a.sd() == 0 && b.sd() == 0 {
			// Each group gave one answer throughout (CES 1 → 7 for everyone):
			// no test is defined, and "not significant" would be false.
			nan := math.NaN()
			return &Test{Against: against, Diff: round9(t.Diff), Stat: nan, P: nan, PAdjusted: nan, Method: t.Method, NotTestable: "no_variance"}
		}
		if !ok && (na < 2 || nb < 2) {
			// One group holds a single answer (or, weighted, an n_eff below
			// 2): it has no variance to test with, and showing nothing would
			// hide that a difference was there but could not be tested.
			nan := math.NaN()
			return &Test{Against: against, Diff: round9(t.Diff), Stat: nan, P: nan, PAdjusted: nan, Method: t.Method, NotTestable: "too_few"}
		}
	}
	if !ok || math.IsNaN(t.P) {
		return nil
	}
	t.Diff, t.Stat, t.P = round9(t.Diff), round9(t.Stat), round9(t.P)
	return t
}

// testVsRest tests every unsuppressed group of a breakdown against the rest
// of the sample, with Holm's correction across the breakdown's values.
func (m *model) testVsRest(r *Results, p *partial) {
	if m.byParticipant {
		return // participants are not a sample: nothing to test
	}
	all := p.groups["all"]
	if g := r.Group("all"); all == nil || g == nil || g.Suppressed {
		return
	}
	for _, dim := range m.dims {
		type ref struct {
			f *Figure
			t *Test
		}
		byMeasure := map[string][]ref{}
		for _, g := range r.Groups {
			if g.Dim != dim || g.Suppressed {
				continue
			}
			a := p.groups[g.Key]
			rest := restOf(all, a)
			if rest.n < m.s.Bench.MinGroupSize {
				continue
			}
			for x := range m.indexes {
				f := g.Indexes[m.indexes[x].ID]
				if f == nil {
					continue
				}
				if t := test(&m.indexes[x], &a.idx[x], &rest.idx[x], "rest", m.linN); t != nil {
					f.VsRest = t
					if t.NotTestable != "" {
						continue // not among the comparisons Holm corrects
					}
					byMeasure["i:"+m.indexes[x].ID] = append(byMeasure["i:"+m.indexes[x].ID], ref{f, t})
				}
			}
			for b := range m.blocks {
				f := g.Blocks[m.blocks[b].ID]
				if f == nil {
					continue
				}
				if t := test(nil, &idxAgg{sums: a.blocks[b]}, &idxAgg{sums: rest.blocks[b]}, "rest", m.linN); t != nil {
					f.VsRest = t
					if t.NotTestable != "" {
						continue
					}
					byMeasure["b:"+m.blocks[b].ID] = append(byMeasure["b:"+m.blocks[b].ID], ref{f, t})
				}
			}
		}
		for _, refs := range byMeasure {
			ps := make([]float64, len(refs))
			for i, x := range refs {
				ps[i] = x.t.P
			}
			for i, adj := range stats.Holm(ps) {
				refs[i].t.PAdjusted = round9(adj)
				refs[i].t.Significant = adj < 0.05
			}
		}
	}
}

// testVsPrevious tests each wave against the previous one, for the whole
// sample and for each participant.
func (m *model) testVsPrevious(r *Results, p *partial) {
	if m.byParticipant {
		m.changes(r)
		return
	}
	for _, g := range r.Groups {
		if g.Suppressed || (g.Dim != "wave" && !strings.HasSuffix(g.Dim, "+wave")) {
			continue
		}
		prev := 0
		for _, w := range r.Waves {
			if w < g.Wave {
				prev = w
			}
		}
		if prev == 0 {
			continue
		}
		prevKey := "wave=" + strconv.Itoa(prev)
		if g.Dim != "wave" {
			prevKey = strings.TrimSuffix(g.Dim, "+wave") + "=" + g.Value + "|wave=" + strconv.Itoa(prev)
		}
		pa, a := p.groups[prevKey], p.groups[g.Key]
		if pg := r.Group(prevKey); pa == nil || pg == nil || pg.Suppressed {
			continue
		}
		for x := range m.indexes {
			if f := g.Indexes[m.indexes[x].ID]; f != nil {
				if t := test(&m.indexes[x], &a.idx[x], &pa.idx[x], prevKey, m.linN); t != nil {
					t.PAdjusted, t.Significant = t.P, t.P < 0.05 // NaN when not testable: never significant
					f.VsPrevious = t
				}
			}
		}
		for b := range m.blocks {
			if f := g.Blocks[m.blocks[b].ID]; f != nil {
				if t := test(nil, &idxAgg{sums: a.blocks[b]}, &idxAgg{sums: pa.blocks[b]}, prevKey, m.linN); t != nil {
					t.PAdjusted, t.Significant = t.P, t.P < 0.05
					f.VsPrevious = t
				}
			}
		}
	}
}

// benchmarks ranks participants in the latest wave on every index and block.
func (m *model) benchmarks(r *Results) {
	part := m.s.Bench.Participant
	if part == "" || len(r.Waves) == 0 {
		return
	}
	wave := r.Waves[len(r.Waves)-1]
	var groups []*Group
	for _, g := range r.Groups {
		if g.Dim == part+"+wave" && g.Wave == wave && !g.Suppressed {
			groups = append(groups, g)
		}
	}
	minParticipants := m.s.Bench.MinParticipants
	if m.byParticipant { // each participant's own figures, among at least peerMin
		groups, minParticipants = nil, m.peerMin()
		for _, g := range r.Own {
			if g.Wave == wave {
				groups = append(groups, g)
			}
		}
	}
	add := func(kind, id string, lowerBetter bool, get func(*Group) *Figure) {
		b := &Benchmark{Kind: kind, ID: id, Wave: wave, LowerBetter: lowerBetter}
		for _, g := range groups {
			if f := get(g); f != nil {
				b.Participants = append(b.Participants, Participant{Name: g.Value, Value: f.Value, Level: f.Level})
			}
		}
		if len(b.Participants) < minParticipants {
			r.Benchmarks = append(r.Benchmarks, &Benchmark{Kind: kind, ID: id, Wave: wave, LowerBetter: lowerBetter, Suppressed: true})
			return
		}
		vals := make([]float64, len(b.Participants))
		for i, x := range b.Participants {
			vals[i] = x.Value
		}
		sort.Float64s(vals)
		b.Q1, b.Median, b.Q3 = round9(stats.Quantile(vals, 0.25)), round9(stats.Quantile(vals, 0.5)), round9(stats.Quantile(vals, 0.75))
		b.Best = vals[len(vals)-1]
		if lowerBetter {
			b.Best = vals[0]
		}
		better := func(x, y float64) bool {
			if lowerBetter {
				return x < y
			}
			return x > y
		}
		sort.SliceStable(b.Participants, func(i, j int) bool {
			if b.Participants[i].Value != b.Participants[j].Value {
				return better(b.Participants[i].Value, b.Participants[j].Value)
			}
			return b.Participants[i].Name < b.Participants[j].Name
		})
		n := len(b.Participants)
		for i := range b.Participants {
			x := &b.Participants[i]
			worse, tied := 0, 0
			for j, y := range b.Participants {
				switch {
				case better(x.Value, y.Value):
					worse++
				case j != i && x.Value == y.Value:
					tied++
				}
			}
			x.Rank = 1
			for _, y := range b.Participants {
				if better(y.Value, x.Value) {
					x.Rank++
				}
			}
			x.Tied = tied > 0
			// Mid-rank percentile: a tie is half beaten, half beating, so
			// six equal participants all sit at 50, not at 0 ("worst").
			if n > 1 {
				x.Percentile = round9(100 * (float64(worse) + float64(tied)/2) / float64(n-1))
			}
			x.Gap = round9(x.Value - b.Median)
			if m.byParticipant {
				x.Quartile = quartileOf(b, x.Value)
			}
		}
		if m.byParticipant {
			b.Min, b.Max = vals[0], vals[len(vals)-1]
		}
		r.Benchmarks = append(r.Benchmarks, b)
	}
	for _, ix := range m.indexes {
		id := ix.ID
		add("index", id, ix.LowerBetter, func(g *Group) *Figure { return g.Indexes[id] })
	}
	for _, bl := range m.blocks {
		id := bl.ID
		add("block", id, false, func(g *Group) *Figure { return g.Blocks[id] })
	}
}

func (m *model) driverStats(p *partial) *Drivers {
	k := len(m.drivers)
	if m.outcome < 0 || k == 0 || p.drv.N < 3 {
		return nil
	}
	rxy := make([]float64, k)
	rxx := make([][]float64, k)
	defined := true // every correlation exists: no variable is constant
	for i := 0; i < k; i++ {
		rxy[i] = p.drv.Correlation(i, k)
		rxx[i] = make([]float64, k)
		for j := 0; j < k; j++ {
			rxx[i][j] = p.drv.Correlation(i, j)
			defined = defined && !math.IsNaN(rxx[i][j])
		}
		defined = defined && !math.IsNaN(rxy[i])
	}
	d := &Drivers{Outcome: m.indexes[m.outcome].ID, N: int(p.drv.N), Weighted: m.s.Bench.Weight != "" || len(m.s.Bench.Margins) > 0}
	var weights []float64
	ok := false
	if defined {
		weights, ok = stats.RelativeWeights(rxx, rxy)
	}
	r2 := math.NaN()
	if ok {
		r2 = 0
		for _, w := range weights {
			r2 += w
		}
	}
	d.R2 = round9(r2)
	for i, ref := range m.drivers {
		ds := DriverStat{Ref: ref, Correlation: round9(rxy[i]), Weight: math.NaN(), Share: math.NaN()}
		if ok {
			ds.Weight = round9(weights[i])
			if r2 > 0 {
				ds.Share = round9(100 * weights[i] / r2)
			}
		}
		d.Items = append(d.Items, ds)
	}
	// NaN last: a weight or correlation that cannot be computed ranks below
	// every one that can.
	key := func(x float64) float64 {
		if math.IsNaN(x) {
			return math.Inf(-1)
		}
		return x
	}
	sort.SliceStable(d.Items, func(i, j int) bool {
		if wi, wj := key(d.Items[i].Weight), key(d.Items[j].Weight); wi != wj {
			return wi > wj
		}
		return key(d.Items[i].Correlation) > key(d.Items[j].Correlation)
	})
	return d
}

// endingCounts lists counts by wave, then in the survey's order of
// endings, none last; an ending the survey no longer has (an older file)
// comes after those, by name.
func (m *model) endingCounts(counts map[EndingCount]int) []EndingCount {
	if len(counts) == 0 {
		return nil
	}
	order := map[string]int{"": len(m.s.Endings)}
	for i, e := range m.s.Endings {
		order[e.ID] = i
	}
	out := make([]EndingCount, 0, len(counts))
	for k, n := range counts {
		k.N = n
		out = append(out, k)
	}
	rank := func(e string) int {
		if i, ok := order[e]; ok {
			return i
		}
		return len(m.s.Endings) + 1
	}
	slices.SortFunc(out, func(a, b EndingCount) int {
		if a.Wave != b.Wave {
			return a.Wave - b.Wave
		}
		if ra, rb := rank(a.Ending), rank(b.Ending); ra != rb {
			return ra - rb
		}
		return strings.Compare(a.Ending, b.Ending)
	})
	return out
}
