package score

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
)

// randomCompanyGroups is the groups of a random company-level benchmark
// as results hold them: every participant's groups suppressed, peer groups
// (waves, segments, all) suppressed at random, sizes in participants.
func randomCompanyGroups(rng *rand.Rand) []*Group {
	parts, waves := 2+rng.IntN(9), 1+rng.IntN(3)
	inWave := map[int]int{}
	segN := map[string]int{}
	total := 0
	var own []*Group
	for p := 0; p < parts; p++ {
		name := fmt.Sprintf("P%02d", p)
		n := 0
		var mine []*Group
		for w := 1; w <= waves; w++ {
			if rng.IntN(4) == 0 {
				continue
			}
			n++
			inWave[w]++
			mine = append(mine, &Group{Key: "company=" + name + "|wave=" + strconv.Itoa(w), Dim: "company+wave", Value: name, Wave: w, N: 1, Suppressed: true})
		}
		if n == 0 {
			continue
		}
		total += n
		segN["s"+strconv.Itoa(p%3)] += n
		own = append(own, &Group{Key: "company=" + name, Dim: "company", Value: name, N: n, Suppressed: true})
		own = append(own, mine...)
	}
	groups := []*Group{{Key: "all", N: total, Suppressed: rng.IntN(5) == 0}}
	for w := 1; w <= waves; w++ {
		if inWave[w] > 0 {
			groups = append(groups, &Group{Key: "wave=" + strconv.Itoa(w), Dim: "wave", Value: strconv.Itoa(w), Wave: w, N: inWave[w], Suppressed: rng.IntN(3) == 0})
		}
	}
	for _, seg := range []string{"s0", "s1", "s2"} {
		if segN[seg] > 0 {
			groups = append(groups, &Group{Key: "segment=" + seg, Dim: "segment", Value: seg, N: segN[seg], Suppressed: rng.IntN(3) == 0})
		}
	}
	for _, g := range own {
		if g.Dim == "company" {
			groups = append(groups, g)
		}
	}
	for _, g := range own {
		if g.Dim == "company+wave" {
			groups = append(groups, g)
		}
	}
	return groups
}

// TestSeatPinnedSolves checks the one-reduction shortcut against solving
// the relations afresh for every seat (pinnedAmong) on random tables.
func TestSeatPinnedSolves(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 9))
	found := 0
	for run := 0; run < 400; run++ {
		t2 := linkedTables(randomCompanyGroups(rng), 1+rng.IntN(4))
		// Hide a few more published cells at random, as rounds would.
		for c := range t2.cells {
			if !t2.cells[c].hidden && rng.IntN(6) == 0 {
				t2.cells[c].hidden, t2.cells[c].sensitive = true, true
			}
		}
		e := t2.hiddenEchelon()
		seats := map[string][]int{}
		for c, x := range t2.cells {
			if x.g != nil && (x.g.Dim == "company" || x.g.Dim == "company+wave") {
				seats[x.g.Value] = append(seats[x.g.Value], c)
			}
		}
		for name, own := range seats {
			want := t2.pinnedAmong(func(c int) bool { return t2.cells[c].hidden && !slices.Contains(own, c) },
				func(c int) bool { return t2.cells[c].sensitive && !slices.Contains(own, c) })
			got := e.seatPinned(t2, own)
			if !slices.Equal(got, want) {
				t.Fatalf("run %d, seat %s: pinned %v, solving afresh %v", run, name, got, want)
			}
			found += len(want)
		}
	}
	if found == 0 {
		t.Fatal("no seat ever pinned a cell: the comparison tested nothing")
	}
	t.Logf("%d pinned cells agreed", found)
}
