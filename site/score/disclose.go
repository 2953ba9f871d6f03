package score

import "strings"

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
// adding or subtracting published figures. Differences published later (a
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
}

// protect applies secondary suppression to groups whose primary suppression
// is done, and returns how many groups it hid.
func protect(groups []*Group, minSize int) int {
	t := linkedTables(groups, minSize)
	hid := 0
	for {
		pinned := t.pinned()
		if len(pinned) == 0 {
			return hid
		}
		picked := t.nextToHide(pinned)
		if len(picked) == 0 {
			return hid // nothing published is left in any relation
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
		var direct []int
		fewest := -1
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
		for _, r := range direct {
			for _, x := range t.rels[r] {
				if chosen[x] {
					continue next
				}
			}
		}
		if best := smallest(direct, -1); best >= 0 {
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
	col := map[int]int{}
	var unknown []int
	for c, x := range t.cells {
		if x.hidden {
			col[c] = len(unknown)
			unknown = append(unknown, c)
		}
	}
	var rows [][]int64
	for _, rel := range t.rels {
		var row []int64
		for i, c := range rel {
			j, ok := col[c]
			if !ok {
				continue
			}
			if row == nil {
				row = make([]int64, len(unknown))
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
	pivotRow := make([]int, len(unknown))
	for i := range pivotRow {
		pivotRow[i] = -1
	}
	rank := 0
	for c := 0; c < len(unknown) && rank < len(rows); c++ {
		p := -1
		for r := rank; r < len(rows); r++ {
			if rows[r][c] != 0 {
				p = r
				break
			}
		}
		if p < 0 {
			continue
		}
		rows[rank], rows[p] = rows[p], rows[rank]
		inv := modInverse(rows[rank][c])
		for i := c; i < len(unknown); i++ {
			rows[rank][i] = rows[rank][i] * inv % modulus
		}
		for r := range rows {
			if r == rank || rows[r][c] == 0 {
				continue
			}
			f := rows[r][c]
			for i := c; i < len(unknown); i++ {
				if rows[rank][i] != 0 {
					rows[r][i] = ((rows[r][i]-f*rows[rank][i])%modulus + modulus) % modulus
				}
			}
		}
		pivotRow[c] = rank
		rank++
	}
	var out []int
	for j, c := range unknown {
		r := pivotRow[j]
		if r < 0 || !t.cells[c].sensitive {
			continue
		}
		alone := true
		for i, v := range rows[r] {
			if i != j && v != 0 {
				alone = false
				break
			}
		}
		if alone {
			out = append(out, c)
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
