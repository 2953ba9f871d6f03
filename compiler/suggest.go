package compiler

import (
	"sort"

	"github.com/agext/levenshtein"
)

// didYouMean returns the closest candidate within a small edit distance,
// printed as ` Did you mean "x"?` (or in Russian), or "" — the same rule HCL
// uses for attribute names, applied to the survey's own names (question
// IDs, option codes, languages).
func didYouMean(given string, candidates []string) suggestion {
	best, bestDist := "", 4
	sorted := append([]string(nil), candidates...)
	sort.Strings(sorted)
	for _, c := range sorted {
		if d := levenshtein.Distance(given, c, nil); d < bestDist {
			best, bestDist = c, d
		}
	}
	return suggestion(best)
}
