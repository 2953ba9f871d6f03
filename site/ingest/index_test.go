package ingest

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestRowIndex checks the index, in memory and with runs on disk, against
// the plain reading of its job: keep each response id's first row in input
// order, then sort by wave, submission time and response id.
func TestRowIndex(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	type entry struct {
		id  string
		ref rowRef
	}
	for _, n := range []int{0, 1, 5, 100, 2000} {
		var input []entry
		for i := 0; i < n; i++ {
			input = append(input, entry{
				// A long shared prefix, so ids differ only after the first
				// 8 bytes the sorts compare as a number; about a quarter repeat.
				id: fmt.Sprintf("response-%d", rng.IntN(n*3/4+1)),
				ref: rowRef{wave: int32(2020 + rng.IntN(3)), submitted: int64(rng.IntN(50)),
					offset: int64(i) * 10, size: int32(rng.IntN(9) + 1)},
			})
		}
		var want []entry
		seen := map[string]bool{}
		for _, e := range input {
			if !seen[e.id] {
				seen[e.id] = true
				want = append(want, e)
			}
		}
		slices.SortFunc(want, func(a, b entry) int {
			return cmp.Or(cmp.Compare(a.ref.wave, b.ref.wave), cmp.Compare(a.ref.submitted, b.ref.submitted), cmp.Compare(a.id, b.id))
		})
		for _, runRows := range []int{1, 2, 3, 7, 64, 0} {
			if runRows > 0 && n/runRows > 200 {
				continue // a file per run: keep the test's open files few
			}
			t.Run(fmt.Sprintf("n=%d/run=%d", n, runRows), func(t *testing.T) {
				x := newRowIndex(t.TempDir(), runRows, n)
				byOffset := map[int64]string{}
				repeats := 0
				for _, e := range input {
					byOffset[e.ref.offset] = e.id
					repeat, err := x.add(e.id, e.ref)
					if err != nil {
						t.Fatal(err)
					}
					if repeat {
						repeats++
					}
				}
				var got []entry
				dups, err := x.finish(func(r rowRef) error {
					got = append(got, entry{id: byOffset[r.offset], ref: rowRef{wave: r.wave, submitted: r.submitted, offset: r.offset, size: r.size}})
					return nil
				})
				if err != nil {
					t.Fatal(err)
				}
				if dups += repeats; dups != n-len(want) {
					t.Errorf("duplicates = %d, want %d", dups, n-len(want))
				}
				if !slices.Equal(got, want) {
					t.Errorf("rows differ:\ngot  %v\nwant %v", head(got), head(want))
				}
			})
		}
	}
}

func head[T any](s []T) []T { return s[:min(len(s), 8)] }
