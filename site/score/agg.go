package score

import (
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/opros/opros/site/stats"
)

// partial is the sums for every group seen in part of the data.
type partial struct {
	groups map[string]*agg
	minTS  int64
	maxTS  int64
	// drivers then the outcome, centred moments over complete respondents
	// of the whole sample
	drv  *stats.CoMoments
	drvX []float64
	// noValue counts, per index (m.indexes), the respondents whose expr
	// formula gave no finite number (a division by zero): Results.NoValue.
	noValue []int
	// endings counts the respondents by wave and ending reached (the
	// data's ending column; "" when none held): Results.Endings.
	endings map[EndingCount]int

	// Lookups that find a row's groups without building their keys.
	all    *agg
	waves  map[int]*agg
	byDim  []map[string]*agg       // by dimension: value → group
	byPart map[string]map[int]*agg // participant value → wave → group
}

func (m *model) newPartial() *partial {
	k := len(m.drivers)
	p := &partial{groups: map[string]*agg{}, minTS: math.MaxInt64, maxTS: math.MinInt64,
		drv: stats.NewCoMoments(k + 1), drvX: make([]float64, k+1), noValue: make([]int, len(m.indexes)), endings: map[EndingCount]int{},
		waves: map[int]*agg{}, byDim: make([]map[string]*agg, len(m.dims)), byPart: map[string]map[int]*agg{}}
	for d := range p.byDim {
		p.byDim[d] = map[string]*agg{}
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
	// Company-level benchmarks only (nil otherwise): the participants in
	// the group, and each submission's value of every index, block and
	// number (model.unitValues' layout), for distributions over them.
	parts map[string]struct{}
	vals  [][]float64
	// varParts, by variable, the participants who answered a box, a
	// matrix row or a cell: the per-cell minimum counts them (cells.go).
	varParts []map[string]struct{}
}

type varAgg struct {
	answered, missing float64
	// respondents is the number who answered, unweighted: the minimum
	// group size counts respondents, not weights.
	respondents int
	codes       []float64 // by option, in the question's order
	num         sums
	points      points
}

// answer counts one respondent's answer of weight w.
func (va *varAgg) answer(w float64) {
	va.answered += w
	va.respondents++
}

// sums are mergeable moments: Σw, Σw², Σwx, Σwx², and Σw²x, Σw²x² for the
// linearised variance of a weighted mean (linearNEff).
type sums struct{ w, w2, x, xx, w2x, w2xx float64 }

func (s *sums) add(x, w float64) {
	s.w += w
	s.w2 += w * w
	s.x += w * x
	s.xx += w * x * x
	s.w2x += w * w * x
	s.w2xx += w * w * x * x
}

func (s *sums) merge(o sums) {
	s.w += o.w
	s.w2 += o.w2
	s.x += o.x
	s.xx += o.xx
	s.w2x += o.w2x
	s.w2xx += o.w2xx
}

func (s sums) minus(o sums) sums {
	return sums{s.w - o.w, s.w2 - o.w2, s.x - o.x, s.xx - o.xx, s.w2x - o.w2x, s.w2xx - o.w2xx}
}

func (s sums) mean() float64 { return s.x / s.w }

// sd is 0 when Σwx² − (Σwx)²/Σw is within the rounding error of Σwx²:
// answers that are all the same (33.3… repeated) must not show a variance
// made of float noise, which would give them a needle-thin interval and a
// "significant" test.
func (s sums) sd() float64 {
	if s.w <= 1 {
		return math.NaN()
	}
	ss := s.xx - s.x*s.x/s.w
	if ss <= 64*epsilon*s.xx {
		return 0
	}
	return math.Sqrt(ss / (s.w - 1))
}

const epsilon = 0x1p-52

func (s sums) neff() float64 { return stats.KishNEff(s.w, s.w2) }

// effN is the n given to the interval and test formulas of a mean: the
// linearised one (linearNEff) in a weighted survey, whose whole sample has
// linN respondents; Kish's n_eff, which is n itself, when linN is 0 (no
// weights).
func (s sums) effN(linN int) float64 {
	if linN == 0 {
		return s.neff()
	}
	sd := s.sd()
	return linearNEff(sd*sd, s.w, s.w2, s.w2x, s.w2xx, s.mean(), linN)
}

// linearNEff is the n for which the simple-random-sampling variance of a
// weighted mean, srsVar/n (srsVar: the variance of one answer, as the
// unweighted formulas take it), equals its linearised (Taylor) variance as
// R's survey package computes it for a domain of a with-replacement design
// with the weights taken as given (svymean on svydesign(ids = ~1,
// weights = ~w)):
//
//	Var = N/(N−1) · Σw²(y−ȳ)² / (Σw)²,
//
// N the whole sample's respondents, Σw²(y−ȳ)² expanded as
// Σw²y² − 2ȳΣw²y + ȳ²Σw². Every interval and test then keeps its formula
// and its SE is the linearised one. Without a variance (every answer the
// same, or float noise) there is nothing to linearise and Kish's n_eff
// stands. So does a group whose Kish n_eff is below stats.MinIntervalN:
// "no interval from one answer" must not turn into an interval because one
// heavy respondent's answer is far from a light one's.
func linearNEff(srsVar, w, w2, w2y, w2yy, mean float64, linN int) float64 {
	ss := w2yy - 2*mean*w2y + mean*mean*w2
	kish := stats.KishNEff(w, w2)
	if linN < 2 || w <= 0 || kish < stats.MinIntervalN || !(srsVar > 0) || !(ss > 64*epsilon*w2yy) {
		return kish
	}
	return srsVar / (float64(linN) / float64(linN-1) * ss / (w * w))
}

// points is the weighted distribution of an integer answer: a slice over a
// scale's range, a map for integers without one.
type points struct {
	min    int64
	dense  []float64
	sparse map[int64]float64
}

func (p *points) add(x int64, w float64) {
	if i := x - p.min; p.dense != nil && i >= 0 && i < int64(len(p.dense)) {
		p.dense[i] += w
		return
	}
	if p.sparse == nil {
		p.sparse = map[int64]float64{}
	}
	p.sparse[x] += w
}

func (p *points) get(x int64) float64 {
	if i := x - p.min; p.dense != nil && i >= 0 && i < int64(len(p.dense)) {
		return p.dense[i]
	}
	return p.sparse[x]
}

func (p *points) merge(o *points) {
	for i, w := range o.dense {
		if w != 0 {
			p.add(o.min+int64(i), w)
		}
	}
	for x, w := range o.sparse {
		p.add(x, w)
	}
}

// keys lists the values with weight, ascending.
func (p *points) keys() []int64 {
	var out []int64
	for i, w := range p.dense {
		if w != 0 {
			out = append(out, p.min+int64(i))
		}
	}
	for x := range p.sparse {
		out = append(out, x)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

type idxAgg struct {
	sums                      // per-respondent values (mean kinds)
	pro, det, box, nb float64 // nps counts; box successes and base
	nbw2              float64 // Σw² of the base, for n_eff
	pw2, dw2, bw2     float64 // Σw² of promoters, detractors, box successes
}

// npsN is the n given to the NPS formulas (effN): y = +1, 0, −1, so
// Σw²y = Σw² of promoters − of detractors and Σw²y² their sum.
func (ia *idxAgg) npsN(linN int) float64 {
	if linN == 0 {
		return stats.KishNEff(ia.nb, ia.nbw2)
	}
	p, d := ia.pro/ia.nb, ia.det/ia.nb
	return linearNEff(p+d-(p-d)*(p-d), ia.nb, ia.nbw2, ia.pw2-ia.dw2, ia.pw2+ia.dw2, p-d, linN)
}

// boxN is the n given to the formulas of a share (effN): y = 1 or 0.
func (ia *idxAgg) boxN(linN int) float64 {
	if linN == 0 {
		return stats.KishNEff(ia.nb, ia.nbw2)
	}
	p := ia.box / ia.nb
	return linearNEff(p*(1-p), ia.nb, ia.nbw2, ia.bw2, ia.bw2, p, linN)
}

func (m *model) newAgg(dim, value string, wave int) *agg {
	a := &agg{dim: dim, value: value, wave: wave, vars: make([]varAgg, len(m.vars)), idx: make([]idxAgg, len(m.indexes)),
		blocks: make([]sums, len(m.blocks)), verbatims: map[string][]Verbatim{}}
	for i := range a.vars {
		c := &m.cols[i]
		a.vars[i].codes = make([]float64, len(c.codes))
		if c.scaled {
			a.vars[i].points = points{min: c.scaleMin, dense: make([]float64, c.scaleMax-c.scaleMin+1)}
		}
	}
	if m.byParticipant {
		a.parts = map[string]struct{}{}
		a.vals = make([][]float64, len(m.indexes)+len(m.blocks)+len(m.vars))
		a.varParts = make([]map[string]struct{}, len(m.vars))
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
		x.respondents += y.respondents
		x.missing += y.missing
		for k, v := range y.codes {
			x.codes[k] += v
		}
		x.points.merge(&y.points)
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
		x.pw2 += y.pw2
		x.dw2 += y.dw2
		x.bw2 += y.bw2
	}
	for i := range a.blocks {
		a.blocks[i].merge(o.blocks[i])
	}
	for k := range o.parts {
		a.parts[k] = struct{}{}
	}
	for i, ps := range o.varParts {
		for k := range ps {
			a.unitAnswered(i, k)
		}
	}
	for i, v := range o.vals {
		a.vals[i] = append(a.vals[i], v...)
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
	p.drv.Merge(o.drv)
	for x, n := range o.noValue {
		p.noValue[x] += n
	}
	for k, n := range o.endings {
		p.endings[k] += n
	}
}

// unitAnswered records that participant p answered variable i.
func (a *agg) unitAnswered(i int, p string) {
	if a.varParts[i] == nil {
		a.varParts[i] = map[string]struct{}{}
	}
	if _, ok := a.varParts[i][p]; !ok {
		a.varParts[i][strings.Clone(p)] = struct{}{}
	}
}
