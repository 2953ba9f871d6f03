package score_test

import (
	"fmt"
	"math"
	"strings"

	"github.com/opros/opros/site/score"
)

// The bounds attacker adds what every reader knows about counts: a hidden
// group's number of promoters (detractors, hits of a share) lies between 0
// and its published size n. For each such count and each suppressed group
// it solves two linear programmes — the least and the greatest count the
// published sums and these bounds allow — and reports a group whose count
// is pinned (least = greatest). Unweighted results only: with weights a
// count is a weighted sum whose bounds the reader does not know.

// countsOf gives a published figure's counts by name.
func countsOf(f *score.Figure) map[string]float64 {
	switch f.Method {
	case "nps":
		return map[string]float64{"promoters": math.Round(f.Promoters * f.N / 100), "detractors": math.Round(f.Detractors * f.N / 100)}
	case "wilson":
		return map[string]float64{"hits": math.Round(f.Value * f.N / 100)}
	}
	return nil
}

// boundsAttack returns every count of a suppressed group that the sums and
// the bounds 0 ≤ count ≤ n pin down.
func boundsAttack(res *score.Results) []finding {
	if res.Weighted {
		return nil
	}
	cells, order, rels := tableStructure(res)
	var out []finding
	ids := map[string]map[string]bool{} // figure → count names
	for _, g := range res.Groups {
		for id, f := range g.Indexes {
			for name := range countsOf(f) {
				if ids["index:"+id] == nil {
					ids["index:"+id] = map[string]bool{}
				}
				ids["index:"+id][name] = true
			}
		}
	}
	for _, id := range sortedKeys(ids) {
		for _, name := range sortedKeys(ids[id]) {
			// When the whole sample's count is 0 or everyone, the total
			// itself says every group's: no suppression can hide that.
			if f := figureOf(res.Group("all"), id); f != nil {
				if x := countsOf(f)[name]; x == 0 || x == math.Round(f.N) {
					continue
				}
			}
			col := map[string]int{}
			var unknown []string
			for _, k := range order {
				if figureOf(cells[k].g, id) == nil {
					col[k] = len(unknown)
					unknown = append(unknown, k)
				}
			}
			if len(unknown) == 0 {
				continue
			}
			var A [][]float64
			var b []float64
			for _, rel := range rels {
				row := make([]float64, len(unknown))
				rhs, any := 0.0, false
				for i, k := range append([]string{rel.total}, rel.parts...) {
					sign := -1.0
					if i == 0 {
						sign = 1
					}
					if u, ok := col[k]; ok {
						row[u] += sign
						any = true
					} else {
						rhs -= sign * countsOf(figureOf(cells[k].g, id))[name]
					}
				}
				if any {
					A, b = append(A, row), append(b, rhs)
				}
			}
			ub := make([]float64, len(unknown))
			for i, k := range unknown {
				ub[i] = float64(cells[k].n)
			}
			lp, ok := newBoundedLP(A, b, ub)
			if !ok {
				out = append(out, finding{id, name, math.NaN(), "the published counts contradict each other (rounding?)"})
				continue
			}
			for i, k := range unknown {
				c := cells[k]
				if c.implicit && !(c.n > 0 && c.n < res.MinGroupSize) || !c.implicit && !c.g.Suppressed {
					continue
				}
				lo, hi := lp.bounds(i)
				if hi-lo < 0.5 {
					out = append(out, finding{k, id + " " + name, lo, fmt.Sprintf("pinned by the sums and 0 ≤ count ≤ n = %d", c.n)})
				}
			}
		}
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if strings.Compare(out[j], out[i]) < 0 {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

// boundedLP is the feasible set A x = b, 0 ≤ x ≤ ub as a simplex tableau
// after phase one; bounds(i) optimises x_i both ways from it. Dense, with
// Bland's rule (no cycling); the programmes are a few dozen variables.
type boundedLP struct {
	t     [][]float64 // rows: equalities then bounds; columns: x, slacks, artificials, rhs
	basis []int
	nx    int
	art   int // first artificial column
}

const lpEps = 1e-9

func newBoundedLP(A [][]float64, b, ub []float64) (*boundedLP, bool) {
	nx, ne := len(ub), len(A)
	cols := 2*nx + ne + 1
	lp := &boundedLP{nx: nx, art: 2 * nx}
	for i := range A {
		row := make([]float64, cols)
		sign := 1.0
		if b[i] < 0 {
			sign = -1
		}
		for j, v := range A[i] {
			row[j] = sign * v
		}
		row[2*nx+i] = 1
		row[cols-1] = sign * b[i]
		lp.t = append(lp.t, row)
		lp.basis = append(lp.basis, 2*nx+i)
	}
	for i := range ub {
		row := make([]float64, cols)
		row[i], row[nx+i], row[cols-1] = 1, 1, ub[i]
		lp.t = append(lp.t, row)
		lp.basis = append(lp.basis, nx+i)
	}
	cost := make([]float64, cols-1)
	for j := lp.art; j < cols-1; j++ {
		cost[j] = 1
	}
	if v := lp.minimise(cost, true); v > 1e-6 {
		return nil, false
	}
	// An artificial still basic (at zero) would let phase two relax its
	// equality: pivot it out, or drop its row when the row is redundant.
	for r := 0; r < len(lp.t); r++ {
		if lp.basis[r] < lp.art {
			continue
		}
		enter := -1
		for j := 0; j < lp.art; j++ {
			if math.Abs(lp.t[r][j]) > lpEps {
				enter = j
				break
			}
		}
		if enter < 0 {
			lp.t, lp.basis = append(lp.t[:r], lp.t[r+1:]...), append(lp.basis[:r], lp.basis[r+1:]...)
			r--
			continue
		}
		lp.pivot(r, enter)
	}
	return lp, true
}

// minimise runs the simplex on the tableau for the cost, artificials
// allowed to enter only in phase one, and returns the optimum.
func (lp *boundedLP) minimise(cost []float64, phaseOne bool) float64 {
	last := len(lp.t[0]) - 1
	for {
		enter := -1
		for j := 0; j < last; j++ {
			if !phaseOne && j >= lp.art {
				break
			}
			rc := cost[j]
			for i, bv := range lp.basis {
				rc -= cost[bv] * lp.t[i][j]
			}
			if rc < -lpEps {
				enter = j
				break
			}
		}
		if enter < 0 {
			v := 0.0
			for i, bv := range lp.basis {
				v += cost[bv] * lp.t[i][last]
			}
			return v
		}
		leave := -1
		var best float64
		for i := range lp.t {
			if a := lp.t[i][enter]; a > lpEps {
				r := lp.t[i][last] / a
				if leave < 0 || r < best-lpEps || (math.Abs(r-best) <= lpEps && lp.basis[i] < lp.basis[leave]) {
					leave, best = i, r
				}
			}
		}
		if leave < 0 {
			return math.Inf(-1) // unbounded: cannot happen with every x bounded
		}
		lp.pivot(leave, enter)
	}
}

func (lp *boundedLP) pivot(r, c int) {
	p := lp.t[r][c]
	for j := range lp.t[r] {
		lp.t[r][j] /= p
	}
	for i := range lp.t {
		if i != r && lp.t[i][c] != 0 {
			f := lp.t[i][c]
			for j := range lp.t[i] {
				lp.t[i][j] -= f * lp.t[r][j]
			}
		}
	}
	lp.basis[r] = c
}

// bounds is the least and greatest x_i on the feasible set.
func (lp *boundedLP) bounds(i int) (lo, hi float64) {
	run := func(sign float64) float64 {
		c := &boundedLP{basis: append([]int(nil), lp.basis...), nx: lp.nx, art: lp.art}
		for _, row := range lp.t {
			c.t = append(c.t, append([]float64(nil), row...))
		}
		cost := make([]float64, len(lp.t[0])-1)
		cost[i] = sign
		return sign * c.minimise(cost, false)
	}
	return run(1), run(-1)
}
