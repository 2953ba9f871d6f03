package score_test

import (
	"fmt"
	"math"
	"math/big"
	"sort"
	"strconv"
	"strings"

	"github.com/opros/opros/site/score"
	"github.com/opros/opros/site/stats"
)

// The attacker reads only what is published — the --json results, which
// every page and CSV table is drawn from — and tries to recover the figures
// of every suppressed group. It is written apart from disclose.go on
// purpose: it does not ask the protection code what is safe, it solves the
// published relations itself, in exact rational arithmetic.
//
// For every index and block it sets up, per group, two additive unknowns:
// B, the valid base (Figure.N), and S = value × B (for NPS 100·(promoters −
// detractors), for a share 100·hits, for a mean the sum of answers). A
// published figure gives both. The relations an outsider knows are:
//   - a total is the sum of its parts: all = Σ waves; all = Σ values of a
//     breakdown (+ respondents without a value, who are never published);
//     a wave = Σ participants in it (+ those without one); a participant
//     pooled = Σ its waves;
//   - a change since the previous wave gives the previous wave's value:
//     S_prev − (value − change)·B_prev = 0;
//   - a test against the rest gives the rest's value, and the rest is
//     the total minus the group;
//   - a benchmark lists participants' values in the latest wave.
//
// A suppressed group's value is recovered when its S and B are both
// determined (their unit vectors lie in the row space of the relations),
// or its value is given directly. Non-linear checks: benchmark quartiles
// must be those of the listed participants, and driver analysis needs a
// published whole sample of at least min_group_size respondents.

// finding is one figure of a suppressed group that the attacker recovered.
type finding struct {
	Cell, Figure string
	Value        float64 // NaN when the finding is not a value (a rule broken)
	How          string
}

func (f finding) String() string {
	if math.IsNaN(f.Value) {
		return fmt.Sprintf("%s %s: %s", f.Cell, f.Figure, f.How)
	}
	return fmt.Sprintf("%s %s = %.4g recovered exactly (%s)", f.Cell, f.Figure, f.Value, f.How)
}

// attackCell is a group as the attacker sees it: its key and size are
// published even when its figures are not.
type attackCell struct {
	key      string
	n        int
	g        *score.Group // nil: respondents without a value of a breakdown
	implicit bool
}

type relation struct {
	total string
	parts []string
}

// tableStructure lists the cells and the "total = sum of parts" relations
// an attacker can read off the published groups' keys and sizes.
func tableStructure(res *score.Results) (map[string]*attackCell, []string, []relation) {
	cells := map[string]*attackCell{}
	var order []string
	add := func(c *attackCell) {
		if cells[c.key] == nil {
			cells[c.key] = c
			order = append(order, c.key)
		}
	}
	for _, g := range res.Groups {
		add(&attackCell{key: g.Key, n: g.N, g: g})
	}
	var rels []relation
	// sum makes total = Σ parts, adding the unpublished cell of respondents
	// who have no value when the sizes say there are some.
	sum := func(total string, parts []string, none string) {
		t := cells[total]
		if t == nil || len(parts) == 0 {
			return
		}
		rest := t.n
		for _, p := range parts {
			rest -= cells[p].n
		}
		if rest > 0 {
			add(&attackCell{key: none, n: rest, implicit: true})
			parts = append(parts, none)
		}
		rels = append(rels, relation{total, parts})
	}
	byDim := map[string][]*score.Group{}
	for _, g := range res.Groups {
		byDim[g.Dim] = append(byDim[g.Dim], g)
	}
	keys := func(gs []*score.Group) []string {
		var out []string
		for _, g := range gs {
			out = append(out, g.Key)
		}
		return out
	}
	sum("all", keys(byDim["wave"]), "wave=(none)")
	dims := make([]string, 0, len(byDim))
	for d := range byDim {
		dims = append(dims, d)
	}
	sort.Strings(dims)
	for _, d := range dims {
		if d == "" || d == "wave" {
			continue
		}
		if base, ok := strings.CutSuffix(d, "+wave"); ok {
			waves, values := map[int][]*score.Group{}, map[string][]*score.Group{}
			for _, g := range byDim[d] {
				waves[g.Wave] = append(waves[g.Wave], g)
				values[g.Value] = append(values[g.Value], g)
			}
			var noneParts []string
			for _, w := range res.Waves {
				ws := strconv.Itoa(w)
				sum("wave="+ws, keys(waves[w]), base+"=(none)|wave="+ws)
				if cells[base+"=(none)|wave="+ws] != nil {
					noneParts = append(noneParts, base+"=(none)|wave="+ws)
				}
			}
			for _, g := range byDim[base] {
				sum(g.Key, keys(values[g.Value]), g.Key+"|wave=(none)")
			}
			if cells[base+"=(none)"] != nil && len(noneParts) > 0 {
				rels = append(rels, relation{base + "=(none)", noneParts})
			}
			continue
		}
		sum("all", keys(byDim[d]), d+"=(none)")
	}
	return cells, order, rels
}

// attack returns every suppressed figure it recovers and every rule the
// published results break.
func attack(res *score.Results) []finding {
	cells, order, rels := tableStructure(res)
	var out []finding
	target := func(c *attackCell) bool {
		if c.implicit {
			return c.n > 0 && c.n < res.MinGroupSize
		}
		return c.g.Suppressed
	}
	for _, c := range order {
		if g := cells[c].g; g != nil && g.Suppressed && (g.Indexes != nil || g.Blocks != nil || g.Questions != nil || g.Verbatims != nil) {
			out = append(out, finding{c, "figures", math.NaN(), "a suppressed group carries figures"})
		}
	}
	figures := map[string]bool{}
	for _, g := range res.Groups {
		for id := range g.Indexes {
			figures["index:"+id] = true
		}
		for id := range g.Blocks {
			figures["block:"+id] = true
		}
	}
	ids := make([]string, 0, len(figures))
	for id := range figures {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		out = append(out, attackFigure(res, cells, order, rels, id, target)...)
	}
	out = append(out, attackBenchmarks(res)...)
	out = append(out, attackCells(res)...) // cells_attack_test.go
	if d := res.Drivers; d != nil {
		if all := res.Group("all"); all == nil || all.Suppressed || d.N < res.MinGroupSize {
			out = append(out, finding{"all", "drivers", math.NaN(), fmt.Sprintf("driver analysis on n = %d with min_group_size %d", d.N, res.MinGroupSize)})
		}
	}
	return out
}

func figureOf(g *score.Group, id string) *score.Figure {
	if g == nil || g.Suppressed {
		return nil
	}
	kind, ref, _ := strings.Cut(id, ":")
	if kind == "index" {
		return g.Indexes[ref]
	}
	return g.Blocks[ref]
}

// attackFigure solves one figure's relations.
func attackFigure(res *score.Results, cells map[string]*attackCell, order []string, rels []relation, id string, target func(*attackCell) bool) []finding {
	// Unknowns: B and S of every cell without a published figure.
	col := map[string]int{}
	var unknown []string
	for _, k := range order {
		if figureOf(cells[k].g, id) == nil {
			col[k] = len(unknown)
			unknown = append(unknown, k)
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	nv := 2 * len(unknown) // B of u at 2u, S at 2u+1
	known := func(k string) (b, s *big.Rat) {
		f := figureOf(cells[k].g, id)
		b = new(big.Rat).SetFloat64(f.N)
		return b, new(big.Rat).Mul(b, new(big.Rat).SetFloat64(f.Value))
	}
	var rows [][]*big.Rat // nv coefficients, then the right-hand side
	newRow := func() []*big.Rat {
		r := make([]*big.Rat, nv+1)
		for i := range r {
			r[i] = new(big.Rat)
		}
		return r
	}
	// term adds coef·(B or S of cell k) to a row, on the left when unknown.
	term := func(r []*big.Rat, k string, coef *big.Rat, s bool) {
		if u, ok := col[k]; ok {
			i := 2 * u
			if s {
				i++
			}
			r[i].Add(r[i], coef)
			return
		}
		b, sv := known(k)
		v := b
		if s {
			v = sv
		}
		r[nv].Sub(r[nv], new(big.Rat).Mul(coef, v))
	}
	one, minus := big.NewRat(1, 1), big.NewRat(-1, 1)
	for _, rel := range rels {
		for _, s := range []bool{false, true} {
			r := newRow()
			term(r, rel.total, one, s)
			for _, p := range rel.parts {
				term(r, p, minus, s)
			}
			rows = append(rows, r)
		}
	}
	direct := map[string]float64{} // values given outright
	// valueRow says S_k − v·B_k = 0 for a cell whose value is known.
	valueRow := func(k string, v float64) {
		if _, ok := col[k]; !ok {
			return
		}
		direct[k] = v
		r := newRow()
		term(r, k, one, true)
		term(r, k, new(big.Rat).Neg(new(big.Rat).SetFloat64(v)), false)
		rows = append(rows, r)
	}
	all := res.Group("all")
	for _, g := range res.Groups {
		f := figureOf(g, id)
		if f == nil {
			continue
		}
		if t := f.VsPrevious; t != nil {
			valueRow(t.Against, f.Value-t.Diff)
		}
		if t := f.VsRest; t != nil && all != nil {
			// rest = all − g: (S_all − S_g) − v_rest·(B_all − B_g) = 0.
			v := new(big.Rat).SetFloat64(f.Value - t.Diff)
			r := newRow()
			term(r, "all", one, true)
			term(r, g.Key, minus, true)
			term(r, "all", new(big.Rat).Neg(v), false)
			term(r, g.Key, v, false)
			rows = append(rows, r)
		}
	}
	kind, ref, _ := strings.Cut(id, ":")
	if b := res.Benchmark(kind, ref); b != nil {
		part := ""
		for _, g := range res.Groups {
			if base, ok := strings.CutSuffix(g.Dim, "+wave"); ok {
				part = base
			}
		}
		for _, p := range b.Participants {
			valueRow(part+"="+p.Name+"|wave="+strconv.Itoa(b.Wave), p.Value)
		}
	}
	det := solved(rows, nv)
	var out []finding
	for _, k := range unknown {
		c := cells[k]
		if !target(c) {
			continue
		}
		u := col[k]
		if v, ok := direct[k]; ok {
			out = append(out, finding{k, id, v, "its value is published as a benchmark entry or through a change or vs-rest test"})
			continue
		}
		b, okB := det[2*u]
		s, okS := det[2*u+1]
		if okB && okS && b.Sign() != 0 {
			v, _ := new(big.Rat).Quo(s, b).Float64()
			out = append(out, finding{k, id, v, "from totals, parts and differences"})
		}
	}
	return out
}

// solved brings the system to reduced row echelon form and returns the
// unknowns it pins down: those whose pivot row has no other unknown.
func solved(rows [][]*big.Rat, nv int) map[int]*big.Rat {
	rank := 0
	pivots := map[int]int{} // column → row
	for c := 0; c < nv && rank < len(rows); c++ {
		p := -1
		for r := rank; r < len(rows); r++ {
			if rows[r][c].Sign() != 0 {
				p = r
				break
			}
		}
		if p < 0 {
			continue
		}
		rows[rank], rows[p] = rows[p], rows[rank]
		inv := new(big.Rat).Inv(rows[rank][c])
		for i := c; i <= nv; i++ {
			rows[rank][i].Mul(rows[rank][i], inv)
		}
		for r := range rows {
			if r == rank || rows[r][c].Sign() == 0 {
				continue
			}
			f := new(big.Rat).Set(rows[r][c])
			for i := c; i <= nv; i++ {
				if rows[rank][i].Sign() != 0 {
					rows[r][i].Sub(rows[r][i], new(big.Rat).Mul(f, rows[rank][i]))
				}
			}
		}
		pivots[c] = rank
		rank++
	}
	out := map[int]*big.Rat{}
	for c, r := range pivots {
		alone := true
		for i := 0; i < nv; i++ {
			if i != c && rows[r][i].Sign() != 0 {
				alone = false
				break
			}
		}
		if alone {
			out[c] = rows[r][nv]
		}
	}
	return out
}

// attackBenchmarks checks that a benchmark is made of published groups
// only: every listed participant is a published group with that value,
// and the quartiles and best are those of the listed values.
func attackBenchmarks(res *score.Results) []finding {
	var out []finding
	part := ""
	for _, g := range res.Groups {
		if base, ok := strings.CutSuffix(g.Dim, "+wave"); ok {
			part = base
		}
	}
	for _, b := range res.Benchmarks {
		if b.Suppressed {
			continue
		}
		id := b.Kind + ":" + b.ID
		var vals []float64
		for _, p := range b.Participants {
			key := part + "=" + p.Name + "|wave=" + strconv.Itoa(b.Wave)
			f := figureOf(res.Group(key), id)
			if f == nil || f.Value != p.Value {
				out = append(out, finding{key, id, math.NaN(), "a benchmark lists a group that is not published with that value"})
			}
			vals = append(vals, p.Value)
		}
		if len(vals) == 0 {
			continue
		}
		sort.Float64s(vals)
		best := vals[len(vals)-1]
		if b.LowerBetter {
			best = vals[0]
		}
		for _, q := range []struct {
			name      string
			got, want float64
		}{{"q1", b.Q1, stats.Quantile(vals, 0.25)}, {"median", b.Median, stats.Quantile(vals, 0.5)}, {"q3", b.Q3, stats.Quantile(vals, 0.75)}, {"best", b.Best, best}} {
			if math.Abs(q.got-q.want) > 1e-6*math.Max(1, math.Abs(q.want)) {
				out = append(out, finding{"benchmark", id + " " + q.name, math.NaN(), fmt.Sprintf("%v is not computed from the listed participants (%v)", q.got, q.want)})
			}
		}
	}
	return out
}
