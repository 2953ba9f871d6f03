package score

import (
	"math"

	"github.com/opros/opros/compiler/ir"
)

// Per-cell disclosure control (docs/methods.md, "Disclosure control"). A
// box of an inputs, constant_sum or ranking question, a matrix row and a
// cell of a matrix_multi or grid each have their own base, smaller than
// their group's: a group large enough to publish may hold a cell that
// only two respondents answered. Such a cell is suppressed like a group —
// fewer answered it than min_group_size (respondents), or in a
// company-level benchmark fewer distinct participants than
// min_participants + 1 — and then the same secondary suppression runs on
// that variable's linked tables (a cell of the whole sample is the sum of
// its cells in the waves, and so on), so that no hidden cell is "the whole
// sample's minus the other wave's". A hidden cell keeps its n, as a
// hidden group does; its figures are null in the results.

// perCell says whether variable i is a box, a matrix row or a cell: the
// variables that have a base of their own in a question's figures.
func (m *model) perCell(i int) bool {
	v := &m.vars[i]
	return v.Role == "answer" && (v.Cell != nil || v.Row != "" || v.Item != "")
}

// protectCells hides, in the published groups, every box, matrix row and
// cell under the minimum, and those that would let one be worked out. In
// a company-level benchmark it sets their n to the participants counted.
func (m *model) protectCells(r *Results, p *partial) {
	for i := range m.vars {
		if !m.perCell(i) {
			continue
		}
		shadows := make([]*Group, len(r.Groups))
		small := false
		for k, g := range r.Groups {
			a := p.groups[g.Key]
			count := a.vars[i].respondents
			if m.byParticipant {
				count = len(a.varParts[i])
				if !g.Suppressed {
					setCellN(g.Questions[m.vars[i].Question], m.vars[i], count)
				}
			}
			// The relations add respondents, whatever counts for the minimum.
			s := &Group{Key: g.Key, Dim: g.Dim, Value: g.Value, Wave: g.Wave, N: a.vars[i].respondents, Suppressed: g.Suppressed}
			if !g.Suppressed && count < r.MinGroupSize {
				s.Suppressed, small = true, true
			}
			shadows[k] = s
		}
		if !small {
			continue
		}
		protect(shadows, r.MinGroupSize, nil)
		if m.byParticipant {
			protectFromParticipants(shadows, m.s.Bench.Participant, r.MinGroupSize)
		}
		for k, g := range r.Groups {
			if s := shadows[k]; s.Suppressed && !g.Suppressed {
				hideCell(g.Questions[m.vars[i].Question], m.vars[i], Hidden{Suppressed: true, Complement: s.Complement})
			}
		}
	}
}

// setCellN sets the n of variable v's box, row or cell in qs.
func setCellN(qs *QuestionStat, v ir.Variable, n int) {
	if qs == nil {
		return
	}
	for k := range qs.Items {
		if v.Item != "" && qs.Items[k].Code == v.Item {
			qs.Items[k].N = n
		}
	}
	for k := range qs.Rows {
		if v.Cell == nil && v.Row != "" && qs.Rows[k].Code == v.Row {
			qs.Rows[k].N = n
		}
	}
	for k := range qs.Cells {
		if c := &qs.Cells[k]; v.Cell != nil && c.Row == v.Cell.Row && c.Col == v.Cell.Col {
			c.N = n
		}
	}
}

// hideCell replaces variable v's box, row or cell in qs by its n alone,
// with why it is hidden.
func hideCell(qs *QuestionStat, v ir.Variable, why Hidden) {
	if qs == nil {
		return
	}
	nan := math.NaN()
	for k := range qs.Items {
		if it := &qs.Items[k]; v.Item != "" && it.Code == v.Item {
			*it = ItemStat{Code: it.Code, N: it.N, Valid: nan, Hidden: why}
		}
	}
	for k := range qs.Rows {
		if row := &qs.Rows[k]; v.Cell == nil && v.Row != "" && row.Code == v.Row {
			*row = RowStat{Code: row.Code, N: row.N, Valid: nan, Missing: nan, Hidden: why}
		}
	}
	for k := range qs.Cells {
		if c := &qs.Cells[k]; v.Cell != nil && c.Row == v.Cell.Row && c.Col == v.Cell.Col {
			*c = CellStat{Row: c.Row, Col: c.Col, N: c.N, Valid: nan, Share: nan, Low: nan, High: nan, Hidden: why}
		}
	}
}
