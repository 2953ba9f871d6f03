package score

import (
	"math/rand/v2"
	"strconv"
	"testing"
	"time"
)

// TestProtectIsFastOnLargeTables: suppression works on groups, not rows;
// 200 participants over 5 waves, a third of the cells below the minimum,
// stay well inside the report's time budget.
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
	start := time.Now()
	hid := protect(groups, minSize)
	took := time.Since(start)
	t.Logf("%d groups, %d suppressed for size, %d more to protect them, in %v", len(groups), primary, hid, took)
	if left := linkedTables(groups, minSize).pinned(); len(left) > 0 {
		t.Errorf("%d hidden cells still determined", len(left))
	}
	if took > 2*time.Second {
		t.Errorf("protect took %v", took)
	}
}
