package score

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/site/stats"
)

// Company-level benchmarks (Bench.Unit participant: each participant
// answers once per wave; docs/methods.md, "Company-level benchmarks").
//
// Suppression protects other participants, not a participant from itself.
// A participant's own figures (its group in each wave) are never published
// among the groups, where every participant group is suppressed; they are
// kept apart in Results.Own for its own page. A peer group (a wave, the
// whole sample, a segment) is shown when it has at least min_participants
// + 1 participants: every reader of a peer figure may be one of them and
// can take its own answers away, which must still leave min_participants
// others. Secondary suppression then runs as for respondents, and once
// more from the seat of each participant, who knows its own cells.
//
// Participants are not a random sample of anything: peer figures carry
// the distribution over participants (median, quartiles, range, N), and no
// interval or significance test; changes since the previous wave are plain
// differences.

// peerMin is the number of participants a peer group needs.
func (m *model) peerMin() int { return m.s.Bench.MinParticipants + 1 }

// small says whether a group is suppressed for its size: fewer respondents
// than the minimum or, in a company-level benchmark, fewer participants
// than peerMin, and every participant's own group.
func (m *model) small(a *agg) bool {
	if !m.byParticipant {
		return a.n < m.s.Bench.MinGroupSize
	}
	base, _ := strings.CutSuffix(a.dim, "+wave")
	return base == m.s.Bench.Participant || len(a.parts) < m.peerMin()
}

// addUnit keeps a submission's participant and its values of every index,
// block and number in a group (layout: indexes, blocks, variables).
func (m *model) addUnit(r *row, a *agg, iv []idxVal, blockVals []float64, blockOK []bool) {
	if p := r.dims[0]; p != "" {
		if _, ok := a.parts[p]; !ok {
			a.parts[strings.Clone(p)] = struct{}{}
		}
	}
	// A share of participants (top box, share, a yes/no formula) is its
	// own distribution: each participant is 0 or 100, so only means and
	// NPS-like values get one.
	for x, v := range iv {
		switch v.kind {
		case 1:
			a.vals[x] = append(a.vals[x], 100*(b2f(v.pro)-b2f(v.det)))
		case 3:
			a.vals[x] = append(a.vals[x], v.v)
		}
	}
	at := len(m.indexes)
	for b := range m.blocks {
		if blockOK[b] {
			a.vals[at+b] = append(a.vals[at+b], blockVals[b])
		}
	}
	at += len(m.blocks)
	for i, c := range m.cols {
		if r.has[i] && (c.kind == ir.VarInt || c.kind == ir.VarFloat) && m.vars[i].Role == "answer" {
			a.vals[at+i] = append(a.vals[at+i], r.num[i])
		}
	}
}

// spreadOf is the distribution of values (sorted in place), nil for none.
func spreadOf(vals []float64) *Spread {
	if len(vals) == 0 {
		return nil
	}
	sort.Float64s(vals)
	return &Spread{N: len(vals), Min: round9(vals[0]), Q1: round9(stats.Quantile(vals, 0.25)), Median: round9(stats.Quantile(vals, 0.5)),
		Q3: round9(stats.Quantile(vals, 0.75)), Max: round9(vals[len(vals)-1])}
}

// overParticipants turns a group's figures into figures over participants:
// no interval (NoInterval "participants"), the spread over participants
// beside each mean of a peer group (not of a participant's own group).
func (m *model) overParticipants(g *Group, a *agg, own bool) {
	g.Participants = len(a.parts)
	nan := math.NaN()
	plain := func(f *Figure) {
		f.Low, f.High, f.SE, f.NoInterval = nan, nan, nan, "participants"
	}
	for x, ix := range m.indexes {
		if f := g.Indexes[ix.ID]; f != nil {
			plain(f)
			if !own {
				f.Spread = spreadOf(a.vals[x])
			}
		}
	}
	for b, bl := range m.blocks {
		if f := g.Blocks[bl.ID]; f != nil {
			plain(f)
			if !own {
				f.Spread = spreadOf(a.vals[len(m.indexes)+b])
			}
		}
	}
	for i, v := range m.vars {
		qs := g.Questions[v.Question]
		if qs == nil || v.Role != "answer" {
			continue
		}
		if v.Cell != nil {
			for k := range qs.Cells {
				if c := &qs.Cells[k]; c.Row == v.Cell.Row && c.Col == v.Cell.Col {
					c.Low, c.High = math.NaN(), math.NaN()
					noIntervals(c.Options)
					if c.Mean != nil {
						c.MeanLow, c.MeanHigh, c.NoInterval = nil, nil, "participants"
					}
				}
			}
			continue
		}
		if v.Row != "" {
			for k := range qs.Rows {
				if qs.Rows[k].Code == v.Row {
					noIntervals(qs.Rows[k].Options)
				}
			}
			continue
		}
		noIntervals(qs.Options)
		if qs.Mean != nil {
			qs.MeanLow, qs.MeanHigh, qs.NoInterval = nil, nil, "participants"
			if !own {
				qs.Spread = spreadOf(a.vals[len(m.indexes)+len(m.blocks)+i])
			}
		}
	}
}

func noIntervals(opts []OptionStat) {
	for k := range opts {
		opts[k].Low, opts[k].High = math.NaN(), math.NaN()
	}
}

// ownGroups are every participant's own figures, one group per wave it
// took part in, in the order of the groups.
func (m *model) ownGroups(p *partial, keys []string) []*Group {
	var out []*Group
	dim := m.s.Bench.Participant + "+wave"
	for _, k := range keys {
		a := p.groups[k]
		if a.dim != dim {
			continue
		}
		g := &Group{Key: k, Dim: a.dim, Value: a.value, Wave: a.wave, N: a.n, NEff: round9(stats.KishNEff(a.w, a.w2))}
		m.fill(g, a)
		m.overParticipants(g, a, true)
		out = append(out, g)
	}
	return out
}

// changes sets, in a company-level benchmark, each shown wave's and each
// participant's change since its previous wave as a plain difference: no
// test, since participants are not a sample (NotTestable "participants").
func (m *model) changes(r *Results) {
	diff := func(f, prev *Figure, against string) {
		if f == nil || prev == nil {
			return
		}
		nan := math.NaN()
		f.VsPrevious = &Test{Against: against, Diff: round9(f.Value - prev.Value), Stat: nan, P: nan, PAdjusted: nan, Method: "difference", NotTestable: "participants"}
	}
	prevOf := func(w int) int {
		prev := 0
		for _, x := range r.Waves {
			if x < w {
				prev = x
			}
		}
		return prev
	}
	pairs := func(g *Group, find func(string) *Group, prevKey string) {
		pg := find(prevKey)
		if pg == nil || pg.Suppressed {
			return
		}
		for id, f := range g.Indexes {
			diff(f, pg.Indexes[id], prevKey)
		}
		for id, f := range g.Blocks {
			diff(f, pg.Blocks[id], prevKey)
		}
	}
	for _, g := range r.Groups {
		if g.Dim == "wave" && !g.Suppressed {
			if prev := prevOf(g.Wave); prev != 0 {
				pairs(g, r.Group, "wave="+strconv.Itoa(prev))
			}
		}
	}
	// A participant's change is since the last wave it took part in, which
	// need not be the previous wave of the study.
	own := map[string]*Group{}
	last := map[string]int{}  // participant → its latest wave so far
	for _, g := range r.Own { // by participant, waves ascending
		own[g.Key] = g
		if prev := last[g.Value]; prev != 0 {
			pairs(g, func(k string) *Group { return own[k] }, m.s.Bench.Participant+"="+g.Value+"|wave="+strconv.Itoa(prev))
		}
		last[g.Value] = g.Wave
	}
}

// quartileOf places a value among a benchmark's quartiles: 1 the best
// quarter, 4 the worst.
func quartileOf(b *Benchmark, v float64) int {
	q1, q3 := b.Q1, b.Q3
	if b.LowerBetter {
		v, q1, q3 = -v, -b.Q3, -b.Q1
	}
	med := b.Median
	if b.LowerBetter {
		med = -med
	}
	switch {
	case v >= q3:
		return 1
	case v >= med:
		return 2
	case v >= q1:
		return 3
	}
	return 4
}

// protectFromParticipants is secondary suppression from the seat of each
// participant: it knows its own cells (its group pooled and in each wave),
// so they count as published, and while that pins down another hidden
// cell one more published group is hidden. Hiding never pins anything,
// so one pass over the participants is enough. It returns how many groups
// it hid.
//
// The relations restricted to the hidden cells are reduced once (hidden
// is the reduced row echelon form); a seat only drops its own few columns
// from it and re-reduces the rows that had their pivot there (seatPinned),
// so a pass costs a few row operations per participant, not a solve.
func protectFromParticipants(groups []*Group, participant string, minSize int) int {
	t := linkedTables(groups, minSize)
	byPart := map[string][]int{}
	var names []string
	for c, x := range t.cells {
		if x.g == nil {
			continue
		}
		if base, _ := strings.CutSuffix(x.g.Dim, "+wave"); base == participant {
			if byPart[x.g.Value] == nil {
				names = append(names, x.g.Value)
			}
			byPart[x.g.Value] = append(byPart[x.g.Value], c)
		}
	}
	sort.Strings(names)
	hid := 0
	h := t.hiddenEchelon()
	for _, name := range names {
		for {
			pinned := h.seatPinned(t, byPart[name])
			if len(pinned) == 0 {
				break
			}
			picked := t.nextToHide(pinned)
			if len(picked) == 0 {
				break // nothing published left to hide
			}
			for _, c := range picked {
				hid += t.hide(c)
			}
			h = t.hiddenEchelon()
		}
	}
	return hid
}

// echelon is the relations restricted to the hidden cells in reduced row
// echelon form over the prime field (see modulus): rows[i] has a 1 at
// column pivot[i] and every other row a 0 there.
type echelon struct {
	cells []int       // column → cell
	col   map[int]int // cell → column
	rows  [][]int64
	pivot []int
}

func (t *sdcTables) hiddenEchelon() *echelon {
	e := &echelon{col: map[int]int{}}
	for c := range t.cells {
		if t.cells[c].hidden {
			e.col[c] = len(e.cells)
			e.cells = append(e.cells, c)
		}
	}
	rows := t.relationRows(e.col, len(e.cells))
	rank := 0
	for c := 0; c < len(e.cells) && rank < len(rows); c++ {
		if !reduceColumn(rows, rank, c) {
			continue
		}
		e.pivot = append(e.pivot, c)
		rank++
	}
	e.rows = rows[:rank]
	return e
}

// reduceColumn is one step of Gauss–Jordan elimination modulo the prime:
// it moves the first row from rank on with column c set to rank and pivots
// on it, or reports false when no such row is left (c is free).
func reduceColumn(rows [][]int64, rank, c int) bool {
	for r := rank; r < len(rows); r++ {
		if rows[r][c] != 0 {
			rows[rank], rows[r] = rows[r], rows[rank]
			pivotOn(rows, rank, c, c)
			return true
		}
	}
	return false
}

// pivotOn scales row r to 1 at column c and clears column c in every other
// row. Row r is zero before column from (reduceColumn: from = c), so the
// work starts there.
func pivotOn(rows [][]int64, r, c, from int) {
	inv := modInverse(rows[r][c])
	for i := from; i < len(rows[r]); i++ {
		if v := rows[r][i]; v != 0 {
			rows[r][i] = v * inv % modulus
		}
	}
	for k := range rows {
		f := rows[k][c]
		if k == r || f == 0 {
			continue
		}
		for i := from; i < len(rows[r]); i++ {
			if v := rows[r][i]; v != 0 {
				rows[k][i] = ((rows[k][i]-f*v)%modulus + modulus) % modulus
			}
		}
	}
}

// seatPinned returns the sensitive hidden cells, other than own, that the
// relations determine once the cells own are known too: own's columns
// are dropped (projecting the row space onto the other unknowns), the
// rows that had their pivot there are reduced again, and a cell is
// determined when its pivot row has nothing else.
func (e *echelon) seatPinned(t *sdcTables, own []int) []int {
	drop := map[int]bool{}
	for _, c := range own {
		if j, ok := e.col[c]; ok {
			drop[j] = true
		}
	}
	rows := make([][]int64, len(e.rows))
	pivot := make([]int, len(e.rows))
	var redo []int
	for i, r := range e.rows {
		rows[i] = append([]int64(nil), r...)
		for j := range drop {
			rows[i][j] = 0
		}
		pivot[i] = e.pivot[i]
		if drop[pivot[i]] {
			pivot[i] = -1
			redo = append(redo, i)
		}
	}
	// A row whose pivot was dropped is 0 in every kept pivot column (the
	// form is reduced), so it only needs a new pivot among its other
	// columns, cleared from the other rows.
	for _, i := range redo {
		for j, v := range rows[i] {
			if v != 0 {
				pivotOn(rows, i, j, 0)
				pivot[i] = j
				break
			}
		}
	}
	var out []int
	for i, p := range pivot {
		if p < 0 {
			continue
		}
		c := e.cells[p]
		if !t.cells[c].sensitive || slicesContains(own, c) {
			continue
		}
		if onlyAt(rows[i], p, len(rows[i])) {
			out = append(out, c)
		}
	}
	sort.Ints(out)
	return out
}

func slicesContains(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
