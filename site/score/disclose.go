package score

import (
	"math"
	"strings"

	"github.com/opros/opros/compiler/ir"
)

// Disclosure control of the published groups (docs/methods.md, "Disclosure
// control"). Every figure is computed from additive sums over a group's
// respondents, and the groups form linked tables: the whole sample is the
// sum of its waves and of the values of each breakdown; a wave is the sum
// of the participants in it; a participant pooled over waves is the sum of
// its waves. Respondents without a value of a breakdown are a cell that is
// never published. Group sizes are published, suppressed or not.
//
// Primary suppression hides a group with fewer respondents than the
// minimum. Secondary suppression then plays the attacker: it solves the
// "total = sum of parts" relations for the hidden cells, and while any
// hidden cell is pinned down it hides one more published cell — the one
// with the fewest respondents among the relations of the cells pinned down
// — and solves again. When it stops no hidden cell's sums are a linear
// combination of published ones, so no figure of a hidden group follows by
// adding or subtracting published figures. Then bounds: a reader knows a
// count lies between 0 and the group's size, so for the counts behind the
// indexes a linear programme checks that no hidden group's count is pinned
// by the relations and its bounds together, hiding more where it is.
// Differences published later (a
// change since the previous wave, a test against the rest, benchmark
// ranks and quartiles) are computed only between published groups, so they
// add no relation. It works on the groups, not the rows: at most a few
// hundred cells, whatever the number of responses.

// sdcCell is one cell of the linked tables.
type sdcCell struct {
	g      *Group // nil: respondents without a value (never published)
	n      int
	hidden bool
	// sensitive: a hidden cell that must not be pinned down — every
	// suppressed group, and the unpublished cell of respondents without
	// a value when it has fewer than the minimum.
	sensitive bool
}

// sdcTables is the cells and the relations among them: each relation is a
// total (its first cell) and its parts.
type sdcTables struct {
	cells []sdcCell
	rels  [][]int
	in    [][]int // the relations each cell is in
	// counts[c][q] is cell c's count q (promoters, detractors, hits of an
	// index) with its upper bound (the index's valid base): a reader knows
	// 0 ≤ count ≤ n, so a hidden count at a bound can be pinned by them.
	counts [][]bounded
}

// bounded is a count and the most it could be.
type bounded struct{ x, max float64 }

// protect applies secondary suppression to groups whose primary suppression
// is done, and returns how many groups it hid.
func protect(groups []*Group, minSize int, counts func(key string) []bounded) int {
	t := linkedTables(groups, minSize)
	t.setCounts(counts)
	hid := 0
	for {
		var picked []int
		if pinned := t.pinned(); len(pinned) > 0 {
			picked = t.nextToHide(pinned)
		} else {
			picked = t.bounded()
		}
		if len(picked) == 0 {
			return hid // nothing pinned, or nothing published left to hide
		}
		for _, c := range picked {
			hid += t.hide(c)
		}
	}
}

// hide suppresses a published group, and with it every group that is the
// same respondents under another name (a relation with one part: a
// participant pooled over a single wave and that wave, a breakdown with a
// single value and the whole sample): hiding one of two twins protects
// nothing.
func (t *sdcTables) hide(c int) int {
	if t.cells[c].hidden {
		return 0
	}
	g := t.cells[c].g
	*g = Group{Key: g.Key, Dim: g.Dim, Value: g.Value, Wave: g.Wave, N: g.N, NEff: g.NEff, Suppressed: true, Complement: true}
	t.cells[c].hidden, t.cells[c].sensitive = true, true
	hid := 1
	for _, r := range t.in[c] {
		if rel := t.rels[r]; len(rel) == 2 {
			for _, twin := range rel {
				if t.cells[twin].g != nil {
					hid += t.hide(twin)
				}
			}
		}
	}
	return hid
}

// linkedTables reads the relations off the groups' dimensions.
func linkedTables(groups []*Group, minSize int) *sdcTables {
	t := &sdcTables{}
	at := map[string]int{}
	for _, g := range groups {
		at[g.Key] = len(t.cells)
		t.cells = append(t.cells, sdcCell{g: g, n: g.N, hidden: g.Suppressed, sensitive: g.Suppressed})
	}
	// sum adds total = Σ parts, with the cell of respondents who have no
	// value when there are some; it returns that cell, or -1.
	sum := func(total *Group, parts []*Group) int {
		if total == nil || len(parts) == 0 {
			return -1
		}
		rel := []int{at[total.Key]}
		rest := total.N
		for _, p := range parts {
			rel = append(rel, at[p.Key])
			rest -= p.N
		}
		none := -1
		if rest > 0 {
			none = len(t.cells)
			t.cells = append(t.cells, sdcCell{n: rest, hidden: true, sensitive: rest < minSize})
			rel = append(rel, none)
		}
		t.rels = append(t.rels, rel)
		return none
	}
	byDim := map[string][]*Group{}
	var dims []string
	var all *Group
	for _, g := range groups {
		if g.Dim == "" {
			all = g
			continue
		}
		if byDim[g.Dim] == nil {
			dims = append(dims, g.Dim)
		}
		byDim[g.Dim] = append(byDim[g.Dim], g)
	}
	sum(all, byDim["wave"])
	noneOf := map[string]int{}
	for _, d := range dims {
		base, perWave := strings.CutSuffix(d, "+wave")
		switch {
		case d == "wave":
		case !perWave:
			if none := sum(all, byDim[d]); none >= 0 {
				noneOf[d] = none
			}
		default:
			inWave, ofValue := map[int][]*Group{}, map[string][]*Group{}
			for _, g := range byDim[d] {
				inWave[g.Wave] = append(inWave[g.Wave], g)
				ofValue[g.Value] = append(ofValue[g.Value], g)
			}
			var noneByWave []int
			for _, wave := range byDim["wave"] {
				if none := sum(wave, inWave[wave.Wave]); none >= 0 {
					noneByWave = append(noneByWave, none)
				}
			}
			for _, g := range byDim[base] {
				sum(g, ofValue[g.Value])
			}
			// Respondents without a participant: pooled = Σ waves, all unpublished.
			if none, ok := noneOf[base]; ok && len(noneByWave) > 0 {
				t.rels = append(t.rels, append([]int{none}, noneByWave...))
			}
		}
	}
	t.in = make([][]int, len(t.cells))
	for r, rel := range t.rels {
		for _, c := range rel {
			t.in[c] = append(t.in[c], r)
		}
	}
	return t
}

// nextToHide picks, for each pinned cell, the published group with the
// fewest respondents (the first of equals in the groups' order) among its
// relations with the fewest hidden cells — those that pin it down most
// directly — unless one of them already has a cell picked in this round;
// failing any, the smallest published group in a relation with a hidden
// cell. Hiding a round's picks together keeps the number of rounds small.
func (t *sdcTables) nextToHide(pinned []int) []int {
	var picked []int
	chosen := map[int]bool{}
	smallest := func(rels []int, best int) int {
		for _, r := range rels {
			for _, c := range t.rels[r] {
				if x := t.cells[c]; !x.hidden && x.g != nil && (best < 0 || x.n < t.cells[best].n || (x.n == t.cells[best].n && c < best)) {
					best = c
				}
			}
		}
		return best
	}
next:
	for _, c := range pinned {
		direct := t.fewestHidden(c)
		for _, r := range direct {
			for _, x := range t.rels[r] {
				if chosen[x] {
					continue next
				}
			}
		}
		best := smallest(direct, -1)
		if best < 0 {
			best = t.nearest(c, func(rels []int) int { return smallest(rels, -1) })
		}
		if best >= 0 && !chosen[best] {
			chosen[best] = true
			picked = append(picked, best)
		}
	}
	if len(picked) > 0 {
		return picked
	}
	best := -1
	for r, rel := range t.rels {
		for _, c := range rel {
			if t.cells[c].hidden {
				best = smallest([]int{r}, best)
				break
			}
		}
	}
	if best >= 0 {
		picked = append(picked, best)
	}
	return picked
}

// modulus is the prime 2³¹ − 1: relations have coefficients ±1, so ranks
// over this field are those over the rationals (a minor would have to be
// a multiple of the prime, far beyond any table here), and products fit
// in an int64.
const modulus = 1<<31 - 1

// pinned returns the sensitive hidden cells whose sums the relations
// determine from the published ones. Only the hidden cells are unknowns:
// a hidden cell is determined when its unit vector is in the row space of
// the relations restricted to the hidden cells, i.e. when, in reduced row
// echelon form, its pivot row has no other unknown.
func (t *sdcTables) pinned() []int {
	return t.pinnedAmong(func(c int) bool { return t.cells[c].hidden }, func(c int) bool { return t.cells[c].sensitive })
}

// relationRows writes each relation that holds a cell of col as a row over
// col's columns (width of them), modulo the prime: the total +1, each part
// −1. Relations with no such cell give no row.
func (t *sdcTables) relationRows(col map[int]int, width int) [][]int64 {
	var rows [][]int64
	for _, rel := range t.rels {
		var row []int64
		for i, c := range rel {
			j, ok := col[c]
			if !ok {
				continue
			}
			if row == nil {
				row = make([]int64, width)
			}
			v := int64(modulus - 1) // a part: −1
			if i == 0 {
				v = 1 // the total
			}
			row[j] = (row[j] + v) % modulus
		}
		if row != nil {
			rows = append(rows, row)
		}
	}
	return rows
}

// onlyAt reports whether a reduced row has nothing but column j among its
// first n columns: the cell of column j is then determined.
func onlyAt(row []int64, j, n int) bool {
	for i := 0; i < n; i++ {
		if i != j && row[i] != 0 {
			return false
		}
	}
	return true
}

// pinnedAmong solves the relations for the cells that are unknown and
// returns the targets among them that are determined.
func (t *sdcTables) pinnedAmong(isUnknown, isTarget func(c int) bool) []int {
	col := map[int]int{}
	var unknown []int
	for c := range t.cells {
		if isUnknown(c) {
			col[c] = len(unknown)
			unknown = append(unknown, c)
		}
	}
	rows := t.relationRows(col, len(unknown))
	pivotRow := make([]int, len(unknown))
	for i := range pivotRow {
		pivotRow[i] = -1
	}
	rank := 0
	for c := 0; c < len(unknown) && rank < len(rows); c++ {
		if !reduceColumn(rows, rank, c) {
			continue
		}
		pivotRow[c] = rank
		rank++
	}
	var out []int
	for j, c := range unknown {
		r := pivotRow[j]
		if r < 0 || !isTarget(c) {
			continue
		}
		if onlyAt(rows[r], j, len(rows[r])) {
			out = append(out, c)
		}
	}
	return out
}

// movable returns the cells of check that cannot move while only the free
// cells move with them: c can, when its column of the relations is in the
// span of the free cells' columns (then some combination of free cells
// balances every relation it is in). One elimination over the free
// columns, with the checked columns carried along.
func (t *sdcTables) movable(free func(c int) bool, check []int) []int {
	col := map[int]int{}
	var cols []int
	for c := range t.cells {
		if free(c) {
			col[c] = len(cols)
			cols = append(cols, c)
		}
	}
	nu := len(cols)
	for _, c := range check {
		if _, ok := col[c]; !ok {
			col[c] = len(cols)
			cols = append(cols, c)
		}
	}
	rows := t.relationRows(col, len(cols))
	pivotRow := make([]int, nu)
	rank := 0
	for c := 0; c < nu; c++ {
		pivotRow[c] = -1
		if !reduceColumn(rows, rank, c) {
			continue
		}
		pivotRow[c] = rank
		rank++
	}
	var out []int
	for _, c := range check {
		j := col[c]
		if j < nu {
			// A free cell moves unless its pivot row pins it.
			r := pivotRow[j]
			if r < 0 {
				continue
			}
			if onlyAt(rows[r], j, nu) {
				out = append(out, c)
			}
			continue
		}
		// A cell at a bound moves when its column reduces to nothing
		// below the rank.
		for r := rank; r < len(rows); r++ {
			if rows[r][j] != 0 {
				out = append(out, c)
				break
			}
		}
	}
	return out
}

// modInverse is a⁻¹ mod the prime, by Fermat: a^(p−2).
func modInverse(a int64) int64 {
	result, base, e := int64(1), a%modulus, int64(modulus-2)
	for e > 0 {
		if e&1 == 1 {
			result = result * base % modulus
		}
		base = base * base % modulus
		e >>= 1
	}
	return result
}

// driversShown keeps a driver analysis only where the whole sample it
// describes is published and at least the minimum number of respondents
// entered it: correlations and R² are figures about a group like any other.
func driversShown(r *Results, d *Drivers) *Drivers {
	if all := r.Group("all"); d == nil || all == nil || all.Suppressed || d.N < r.MinGroupSize {
		return nil
	}
	return d
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// setCounts reads every group's counts, and works out those of the
// unpublished cells (respondents without a value) from their relation.
func (t *sdcTables) setCounts(counts func(key string) []bounded) {
	if counts == nil {
		return
	}
	t.counts = make([][]bounded, len(t.cells))
	for c, x := range t.cells {
		if x.g != nil {
			t.counts[c] = counts(x.g.Key)
		}
	}
	// An unpublished cell is the last part of the relation that made it:
	// total − the other parts. Relations among unpublished cells only
	// (respondents without a participant, pooled = Σ waves) come after.
	for _, rel := range t.rels {
		last := rel[len(rel)-1]
		if t.cells[last].g != nil || t.counts[last] != nil || t.counts[rel[0]] == nil {
			continue
		}
		out := append([]bounded(nil), t.counts[rel[0]]...)
		for _, p := range rel[1 : len(rel)-1] {
			for q := range out {
				out[q].x -= t.counts[p][q].x
				out[q].max -= t.counts[p][q].max
			}
		}
		t.counts[last] = out
	}
}

// bounded returns the groups to hide so that no sensitive hidden cell's
// count is pinned by the relations together with 0 ≤ count ≤ max (the
// index's valid base): for each count, a linear programme over the hidden
// cells finds the least and the greatest value each sensitive cell could
// have given everything published, and a range narrower than one
// respondent is pinned. For each pinned cell, the published group with the
// fewest respondents in its most direct relations is hidden, preferring
// one whose count is not at a bound. While every hidden cell is strictly
// inside its bounds the linear protection already leaves a range, so the
// programmes run only where a hidden count is 0 or all.
func (t *sdcTables) bounded() []int {
	if t.counts == nil {
		return nil
	}
	nq := 0
	for _, cs := range t.counts {
		nq = max(nq, len(cs))
	}
	atBound := func(c, q int) bool {
		cs := t.counts[c]
		if q >= len(cs) {
			return true
		}
		return cs[q].x <= 1e-9 || cs[q].x >= cs[q].max-1e-9
	}
	whole := -1
	for c, x := range t.cells {
		if x.g != nil && x.g.Dim == "" {
			whole = c
		}
	}
	var picked []int
	chosen := map[int]bool{}
	for q := range nq {
		if whole >= 0 && atBound(whole, q) {
			continue // the whole sample's count is 0 or all: so is every group's, and hiding cannot help
		}
		col := map[int]int{}
		var hidden []int
		degenerate := false
		for c, x := range t.cells {
			if x.hidden && t.counts[c] != nil {
				col[c] = len(hidden)
				hidden = append(hidden, c)
				degenerate = degenerate || atBound(c, q)
			}
		}
		if !degenerate {
			continue
		}
		var A [][]float64
		var b []float64
		for _, rel := range t.rels {
			row := make([]float64, len(hidden))
			rhs, any := 0.0, false
			for i, c := range rel {
				sign := -1.0
				if i == 0 {
					sign = 1
				}
				if u, ok := col[c]; ok {
					row[u] += sign
					any = true
				} else if q < len(t.counts[c]) {
					rhs -= sign * t.counts[c][q].x
				}
			}
			if any {
				A, b = append(A, row), append(b, rhs)
			}
		}
		ub := make([]float64, len(hidden))
		for i, c := range hidden {
			if q < len(t.counts[c]) {
				ub[i] = max(t.counts[c][q].max, 0)
			}
		}
		// A cell that can move together with cells strictly inside their
		// bounds only is safe without a programme.
		var doubtful []int
		for _, c := range t.movable(func(c int) bool { return t.cells[c].hidden && !atBound(c, q) }, hidden) {
			if t.cells[c].sensitive {
				doubtful = append(doubtful, c)
			}
		}
		if len(doubtful) == 0 {
			continue
		}
		lp, ok := newBoxLP(A, b, ub)
		if !ok {
			continue // float noise in weighted sums: nothing to learn here
		}
		for _, c := range doubtful {
			if lp.pinned(col[c], t.counts[c][q].x) {
				if best := t.widening(c, q, atBound, chosen); best >= 0 {
					chosen[best] = true
					picked = append(picked, best)
				}
			}
		}
		if len(picked) > 0 {
			return picked // one count at a time: the next round sees what these changed
		}
	}
	return picked
}

// fewestHidden is the relations of cell c that hold a published group and,
// among those, the fewest hidden cells: where hiding one more group widens
// c's range most directly.
func (t *sdcTables) fewestHidden(c int) []int {
	fewest := -1
	var direct []int
	for _, r := range t.in[c] {
		hidden, open := 0, false
		for _, x := range t.rels[r] {
			hidden += b2i(t.cells[x].hidden)
			open = open || (!t.cells[x].hidden && t.cells[x].g != nil)
		}
		switch {
		case !open:
		case fewest < 0 || hidden < fewest:
			fewest, direct = hidden, []int{r}
		case hidden == fewest:
			direct = append(direct, r)
		}
	}
	return direct
}

// widening picks the group to hide for a cell whose count q is pinned: in
// its relations with the fewest hidden cells, the smallest published group
// whose count is inside its bounds, else the smallest published group.
func (t *sdcTables) widening(c, q int, atBound func(c, q int) bool, chosen map[int]bool) int {
	direct := t.fewestHidden(c)
	for _, r := range direct {
		for _, x := range t.rels[r] {
			if chosen[x] {
				return -1
			}
		}
	}
	pick := func(rels []int) int {
		best, bestInside := -1, false
		for _, r := range rels {
			for _, x := range t.rels[r] {
				cell := t.cells[x]
				if cell.hidden || cell.g == nil {
					continue
				}
				inside := !atBound(x, q)
				if best < 0 || (inside && !bestInside) || (inside == bestInside && (cell.n < t.cells[best].n || cell.n == t.cells[best].n && x < best)) {
					best, bestInside = x, inside
				}
			}
		}
		return best
	}
	if best := pick(direct); best >= 0 {
		return best
	}
	return t.nearest(c, pick)
}

// nearest handles a pinned cell whose relations are all hidden (respondents
// without a participant, pooled and by wave, say): what pins it lies
// further out. It searches the relations breadth first through hidden
// cells and returns pick's choice in the nearest layer that has one.
func (t *sdcTables) nearest(c int, pick func(rels []int) int) int {
	seenRel, seenCell := map[int]bool{}, map[int]bool{c: true}
	frontier := []int{c}
	for len(frontier) > 0 {
		var layer []int
		for _, x := range frontier {
			for _, r := range t.in[x] {
				if !seenRel[r] {
					seenRel[r] = true
					layer = append(layer, r)
				}
			}
		}
		if best := pick(layer); best >= 0 {
			return best
		}
		frontier = frontier[:0]
		for _, r := range layer {
			for _, x := range t.rels[r] {
				if !seenCell[x] && t.cells[x].hidden {
					seenCell[x] = true
					frontier = append(frontier, x)
				}
			}
		}
	}
	return -1
}

// countsOf gives, for a group, the counts behind its indexes: promoters
// and detractors of an NPS, hits of a top-box or share index, each with
// the index's valid base as its upper bound.
func (m *model) countsOf(p *partial) func(key string) []bounded {
	return func(key string) []bounded {
		a := p.groups[key]
		var out []bounded
		for x, ix := range m.indexes {
			var ia idxAgg
			if a != nil {
				ia = a.idx[x]
			}
			switch ix.Kind {
			case ir.IndexNPS:
				out = append(out, bounded{ia.pro, ia.nb}, bounded{ia.det, ia.nb})
			case ir.IndexTopBox, ir.IndexShare, ir.IndexExpr:
				out = append(out, bounded{ia.box, ia.nb})
			}
		}
		return out
	}
}

// boxLP is the set A x = b, 0 ≤ x ≤ ub as a simplex tableau after phase
// one. Dense, Bland's rule (no cycling): the programmes have one variable
// per hidden group, a few dozen.
type boxLP struct {
	t     [][]float64 // rows: equalities, then x + slack = ub; columns: x, slacks, artificials, right-hand side
	basis []int
	art   int // first artificial column
}

const lpEps = 1e-9

func newBoxLP(A [][]float64, b, ub []float64) (*boxLP, bool) {
	nx, ne := len(ub), len(A)
	cols := 2*nx + ne + 1
	lp := &boxLP{art: 2 * nx}
	for i := range A {
		row := make([]float64, cols)
		sign := 1.0
		if b[i] < 0 {
			sign = -1
		}
		for j, v := range A[i] {
			row[j] = sign * v
		}
		row[2*nx+i], row[cols-1] = 1, sign*b[i]
		lp.t, lp.basis = append(lp.t, row), append(lp.basis, 2*nx+i)
	}
	for i := range ub {
		row := make([]float64, cols)
		row[i], row[nx+i], row[cols-1] = 1, 1, ub[i]
		lp.t, lp.basis = append(lp.t, row), append(lp.basis, nx+i)
	}
	cost := make([]float64, cols-1)
	for j := lp.art; j < cols-1; j++ {
		cost[j] = 1
	}
	if lp.minimise(cost, true) > 1e-6 {
		return nil, false
	}
	// Drive the artificials out of the basis (a row where none can be is
	// redundant) and drop their columns: phase two runs on the rest.
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
	for i, row := range lp.t {
		lp.t[i] = append(row[:lp.art], row[len(row)-1])
	}
	return lp, true
}

// minimise runs the simplex for the cost (artificial columns may enter in
// phase one only) and returns the optimum.
func (lp *boxLP) minimise(cost []float64, phaseOne bool) float64 {
	last := len(lp.t[0]) - 1
	var costed []int // rows whose basic variable has a cost: the cost is sparse
	for {
		costed = costed[:0]
		for i, bv := range lp.basis {
			if cost[bv] != 0 {
				costed = append(costed, i)
			}
		}
		enter := -1
		for j := 0; j < last && (phaseOne || j < lp.art); j++ {
			rc := cost[j]
			for _, i := range costed {
				rc -= cost[lp.basis[i]] * lp.t[i][j]
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
		leave, best := -1, 0.0
		for i := range lp.t {
			if a := lp.t[i][enter]; a > lpEps {
				r := lp.t[i][last] / a
				if leave < 0 || r < best-lpEps || (r <= best+lpEps && lp.basis[i] < lp.basis[leave]) {
					leave, best = i, r
				}
			}
		}
		if leave < 0 {
			return math.Inf(-1) // unbounded: not with every variable boxed
		}
		lp.pivot(leave, enter)
	}
}

func (lp *boxLP) pivot(r, c int) {
	p := lp.t[r][c]
	for j := range lp.t[r] {
		lp.t[r][j] /= p
	}
	for i := range lp.t {
		if f := lp.t[i][c]; i != r && f != 0 {
			for j, v := range lp.t[r] {
				if v != 0 {
					lp.t[i][j] -= f * v
				}
			}
		}
	}
	lp.basis[r] = c
}

// pinned says whether x_i, now at x, can move by less than half a
// respondent either way. Each optimisation starts from the last one's
// basis, which stays feasible: consecutive ones need few pivots.
func (lp *boxLP) pinned(i int, x float64) bool {
	cost := make([]float64, len(lp.t[0])-1)
	cost[i] = -1
	hi := -lp.minimise(cost, false)
	if hi-x >= 0.5 {
		return false
	}
	cost[i] = 1
	return hi-lp.minimise(cost, false) < 0.5
}
