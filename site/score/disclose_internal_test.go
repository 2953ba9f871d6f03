package score

import (
	"math/rand/v2"
	"strconv"
	"testing"
	"time"
)

// TestProtectIsFastOnLargeTables: suppression works on groups, not rows;
// 200 participants over 5 waves, a third of the cells below the minimum
// and many counts at 0 or all, stay well inside the report's time budget.
func TestProtectIsFastOnLargeTables(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	const parts, waves, minSize = 200, 5, 10
	all := &Group{Key: "all"}
	groups := []*Group{all}
	waveN := make([]int, waves)
	var cells []*Group
	pooled := make([]*Group, parts)
	for p := range parts {
		pooled[p] = &Group{Key: "c=" + strconv.Itoa(p), Dim: "c", Value: strconv.Itoa(p)}
		for w := range waves {
			n := rng.IntN(30)
			if n == 0 {
				continue
			}
			cells = append(cells, &Group{Key: "c=" + strconv.Itoa(p) + "|wave=" + strconv.Itoa(2020+w), Dim: "c+wave", Value: strconv.Itoa(p), Wave: 2020 + w, N: n})
			pooled[p].N += n
			waveN[w] += n
			all.N += n
		}
	}
	for w := range waves {
		groups = append(groups, &Group{Key: "wave=" + strconv.Itoa(2020+w), Dim: "wave", Value: strconv.Itoa(2020 + w), Wave: 2020 + w, N: waveN[w]})
	}
	groups = append(groups, pooled...)
	groups = append(groups, cells...)
	primary := 0
	for _, g := range groups {
		if g.N < minSize {
			g.Suppressed = true
			primary++
		}
	}
	// One count per group (promoters, say), drawn for the cells and summed
	// up the margins, so that small cells are often at 0 or all.
	count := map[string]float64{}
	for _, g := range cells {
		x := float64(rng.IntN(g.N + 1))
		count[g.Key] += x
		count["c="+g.Value] += x
		count["wave="+strconv.Itoa(g.Wave)] += x
		count["all"] += x
	}
	sizes := map[string]float64{}
	for _, g := range groups {
		sizes[g.Key] = float64(g.N)
	}
	start := time.Now()
	hid := protect(groups, minSize, func(key string) []bounded { return []bounded{{count[key], sizes[key]}} })
	took := time.Since(start)
	t.Logf("%d groups, %d suppressed for size, %d more to protect them, in %v", len(groups), primary, hid, took)
	check := linkedTables(groups, minSize)
	if left := check.pinned(); len(left) > 0 {
		t.Errorf("%d hidden cells still determined", len(left))
	}
	// Sensitive hidden counts (the first 15) have a range of a respondent
	// or more, each found by a programme of its own (no warm start).
	check.setCounts(func(key string) []bounded { return []bounded{{count[key], sizes[key]}} })
	col := map[int]int{}
	var hidden []int
	for c, x := range check.cells {
		if x.hidden {
			col[c] = len(hidden)
			hidden = append(hidden, c)
		}
	}
	var A [][]float64
	var b []float64
	for _, rel := range check.rels {
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
			} else {
				rhs -= sign * check.counts[c][0].x
			}
		}
		if any {
			A, b = append(A, row), append(b, rhs)
		}
	}
	ub := make([]float64, len(hidden))
	for i, c := range hidden {
		ub[i] = check.counts[c][0].max
	}
	narrow, checked := 0, 0
	for i, c := range hidden {
		if !check.cells[c].sensitive || checked == 15 {
			continue
		}
		checked++
		lp, ok := newBoxLP(A, b, ub)
		if !ok {
			t.Fatal("published counts infeasible")
		}
		if lp.pinned(i, check.counts[c][0].x) {
			narrow++
		}
	}
	if narrow > 0 {
		t.Errorf("%d hidden counts pinned by their bounds", narrow)
	}
	if took > 2*time.Second {
		t.Errorf("protect took %v", took)
	}
}
