package simulate

import "github.com/opros/opros/compiler/ir"

// sourceOffered says whether the question q carries its options from
// offered a code to this respondent: it was shown and offered it (every
// option, unless what it offers depends on the answers too). nil when q
// carries nothing.
func sourceOffered(s *ir.Survey, q *ir.Question, vis map[string]bool, offered map[string][]bool) func(string) bool {
	if q.OptionsFrom == nil {
		return nil
	}
	src := s.Question(q.OptionsFrom.Question)
	return func(code string) bool {
		if src == nil || !vis[src.ID] {
			return false
		}
		mask := offered[src.ID]
		for i, o := range src.Options {
			if o.Code == code {
				return mask == nil || mask[i]
			}
		}
		return false
	}
}

// offeredOnly is q with only the options offered (all when offered is
// nil): what the simulated respondent sees and chooses from.
func offeredOnly(q *ir.Question, offered []bool) *ir.Question {
	if offered == nil {
		return q
	}
	only := *q
	only.Options = nil
	for i, o := range q.Options {
		if offered[i] {
			only.Options = append(only.Options, o)
		}
	}
	return &only
}
