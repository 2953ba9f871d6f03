package score_test

import (
	"sort"

	"github.com/opros/opros/site/score"
)

// The attacker of attack_test.go, on each box, matrix row and cell
// (cells.go). Each has its own base, but the same linked tables: seen
// through one box, row or cell, the groups keep their published sizes
// (which say where respondents without a value exist), a hidden one is a
// suppressed group, and each of its figures (a ticked box's share, a
// number's mean, each option's share) is an index "cell" whose N is its
// valid base. attackCells solves each such view with the same solver.
// Company-level results are left out: there figures are over
// participants, which do not add up over waves.
func attackCells(res *score.Results) []finding {
	if res.Unit != "" {
		return nil
	}
	// cellFigure is one figure of a box, row or cell in a group: nil
	// when the group or the cell is hidden.
	type cellFigure func(qs *score.QuestionStat) (f *score.Figure, hidden bool)
	figs := map[string]cellFigure{}
	option := func(opts []score.OptionStat, code string, base float64) *score.Figure {
		for _, o := range opts {
			if o.Code == code {
				return &score.Figure{Value: o.Share, N: base}
			}
		}
		return nil
	}
	for _, g := range res.Groups {
		for q, qs := range g.Questions {
			for _, it := range qs.Items {
				code := it.Code
				figs[q+" item "+code+" mean"] = func(qs *score.QuestionStat) (*score.Figure, bool) {
					for _, x := range qs.Items {
						if x.Code == code && x.Mean != nil {
							return &score.Figure{Value: *x.Mean, N: x.Valid}, x.Suppressed
						} else if x.Code == code {
							return nil, x.Suppressed
						}
					}
					return nil, false
				}
			}
			for _, r := range qs.Rows {
				for _, o := range r.Options {
					row, opt := r.Code, o.Code
					figs[q+" row "+row+" option "+opt] = func(qs *score.QuestionStat) (*score.Figure, bool) {
						for _, x := range qs.Rows {
							if x.Code == row {
								return option(x.Options, opt, x.Valid), x.Suppressed
							}
						}
						return nil, false
					}
				}
			}
			for _, c := range qs.Cells {
				row, col := c.Row, c.Col
				at := func(qs *score.QuestionStat) *score.CellStat {
					for k := range qs.Cells {
						if x := &qs.Cells[k]; x.Row == row && x.Col == col {
							return x
						}
					}
					return nil
				}
				name := q + " cell " + row + "/" + col
				switch {
				case c.Mean != nil:
					figs[name+" mean"] = func(qs *score.QuestionStat) (*score.Figure, bool) {
						if x := at(qs); x != nil && x.Mean != nil {
							return &score.Figure{Value: *x.Mean, N: x.Valid}, x.Suppressed
						} else if x != nil {
							return nil, x.Suppressed
						}
						return nil, false
					}
				case c.Options != nil:
					for _, o := range c.Options {
						opt := o.Code
						figs[name+" option "+opt] = func(qs *score.QuestionStat) (*score.Figure, bool) {
							if x := at(qs); x != nil {
								return option(x.Options, opt, x.Valid), x.Suppressed
							}
							return nil, false
						}
					}
				case !c.Suppressed:
					figs[name+" share"] = func(qs *score.QuestionStat) (*score.Figure, bool) {
						if x := at(qs); x != nil && !x.Suppressed {
							return &score.Figure{Value: x.Share, N: x.Valid}, false
						} else if x != nil {
							return nil, true
						}
						return nil, false
					}
				}
			}
		}
	}
	names := make([]string, 0, len(figs))
	for name := range figs {
		names = append(names, name)
	}
	sort.Strings(names)
	var out []finding
	for _, name := range names {
		q := name[:indexByte(name, ' ')]
		view := &score.Results{MinGroupSize: res.MinGroupSize, Waves: res.Waves}
		for _, g := range res.Groups {
			v := &score.Group{Key: g.Key, Dim: g.Dim, Value: g.Value, Wave: g.Wave, N: g.N, Suppressed: g.Suppressed}
			if qs := g.Questions[q]; !g.Suppressed && qs != nil {
				f, hidden := figs[name](qs)
				v.Suppressed = hidden
				if f != nil && !hidden {
					v.Indexes = map[string]*score.Figure{"cell": f}
				}
			}
			view.Groups = append(view.Groups, v)
		}
		cells, order, rels := tableStructure(view)
		target := func(c *attackCell) bool {
			if c.implicit {
				return c.n > 0 && c.n < res.MinGroupSize
			}
			return c.g.Suppressed
		}
		for _, f := range attackFigure(view, cells, order, rels, "index:cell", target) {
			f.Figure = name
			out = append(out, f)
		}
	}
	return out
}

func indexByte(s string, b byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == b {
			return i
		}
	}
	return len(s)
}
