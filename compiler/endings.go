package compiler

import (
	"net/url"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/localize"
)

// questionBlocks are a page's question blocks, without its screen_out
// blocks.
func questionBlocks(blocks hcl.Blocks) hcl.Blocks {
	out := make(hcl.Blocks, 0, len(blocks))
	for _, blk := range blocks {
		if blk.Type == "question" {
			out = append(out, blk)
		}
	}
	return out
}

// endings decodes the ending blocks and the pages' screen_out blocks, and
// checks that each ending can be reached: an ending after one that every
// completing respondent reaches (no show_if) is reached by no one, unless
// a screen_out names it.
func (b *builder) endings(s *ir.Survey, syn *syntax, sc *scope, pages []*pageNode, drafts []pageDraft) {
	at := map[string]*hcl.Block{}
	var ids []string
	showIfs := map[string]hcl.Expression{}
	for _, blk := range syn.endings {
		e := ir.Ending{ID: blk.Labels[0], Range: toRange(blk.DefRange)}
		b.checkID(e.ID, blk.LabelRanges[0], nounEnding)
		if first, dup := at[e.ID]; dup {
			b.errorf(blk.LabelRanges[0], msgDuplicateEnding, e.ID, first.DefRange)
			continue
		}
		at[e.ID] = blk
		ids = append(ids, e.ID)
		c, d := blk.Body.Content(endingSchema)
		b.add(d...)
		if c != nil {
			e.Text = b.text(c.Attributes, "text", false, blk.DefRange)
			if a, ok := c.Attributes["redirect"]; ok {
				e.Redirect = b.str(c.Attributes, "redirect")
				b.checkRedirect(e.Redirect, a.Expr.Range(), sc)
			}
			if a, ok := c.Attributes["show_if"]; ok {
				showIfs[e.ID] = a.Expr
				// An ending is chosen once every answer is in.
				e.ShowIf = b.expr(a.Expr, sc, nil, localize.Phrase{})
				b.wantBool(e.ShowIf, a.Expr, "show_if")
			}
		}
		s.Endings = append(s.Endings, e)
	}

	screened := map[string]hcl.Range{} // ending → its first screen_out
	for pi := range pages {
		if pi >= len(drafts) || drafts[pi].content == nil || pi >= len(s.Pages) {
			continue
		}
		for _, blk := range screenOutBlocks(drafts[pi].content.Blocks) {
			if blk.Type != "screen_out" {
				continue
			}
			c, d := blk.Body.Content(screenOutSchema)
			b.add(d...)
			if c == nil {
				continue
			}
			so := ir.ScreenOut{Ending: b.str(c.Attributes, "ending"), Range: toRange(blk.DefRange)}
			if a, ok := c.Attributes["ending"]; ok && so.Ending != "" {
				if at[so.Ending] == nil {
					b.errorf(a.Expr.Range(), msgUnknownEnding, so.Ending, didYouMean(so.Ending, ids))
				} else if _, seen := screened[so.Ending]; !seen {
					screened[so.Ending] = blk.DefRange
				}
			}
			if a, ok := c.Attributes["if"]; ok {
				so.If = b.expr(a.Expr, sc.at(pi), func(ref *questionNode) bool { return ref.page <= pi },
					localize.Phrase{En: "a page's screen_out may only use questions on its page and earlier ones", Ru: "screen_out страницы может использовать только вопросы с этой и предыдущих страниц"})
				b.wantBool(so.If, a.Expr, "screen_out { if }")
			}
			s.Pages[pi].ScreenOut = append(s.Pages[pi].ScreenOut, so)
		}
	}

	if len(s.Endings) > 0 {
		// The data's column of the ending reached (site/ingest).
		if qn := sc.questions["ending"]; qn != nil {
			b.errorf(qn.label, msgEndingColumnTaken, nounQuestion)
		} else if h := sc.hidden["ending"]; h != nil {
			b.errorf(at[s.Endings[0].ID].DefRange, msgEndingColumnTaken, nounHiddenField)
		} else if c := sc.calcs["ending"]; c != nil {
			b.errorf(c.node.label, msgEndingColumnTaken, nounCalculation)
		}
	}

	always := "" // the first completion ending without a show_if
	for i := range s.Endings {
		e := &s.Endings[i]
		if rng, ok := screened[e.ID]; ok {
			e.ScreenOut = true
			if x, ok := showIfs[e.ID]; ok {
				b.errorf(x.Range(), msgScreenOutEndingShowIf, e.ID, rng)
			}
			continue
		}
		if always != "" {
			b.errorf(at[e.ID].LabelRanges[0], msgEndingUnreachable, e.ID, always)
			continue
		}
		if e.ShowIf == nil {
			always = e.ID
		}
	}
}

// screenOutBlocks are a page's screen_out blocks and its questions', in
// source order: one written in a question belongs to the question's page,
// checked when the page is left.
func screenOutBlocks(blocks hcl.Blocks) hcl.Blocks {
	var out hcl.Blocks
	for _, blk := range blocks {
		switch blk.Type {
		case "screen_out":
			out = append(out, blk)
		case "question":
			c, _, _ := blk.Body.PartialContent(&hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "screen_out"}}})
			if c != nil {
				out = append(out, c.Blocks...)
			}
		}
	}
	return out
}

// checkRedirect: an absolute http(s) URL whose placeholders are
// {response_id} or {hidden.ID} of a hidden field.
func (b *builder) checkRedirect(u string, rng hcl.Range, sc *scope) {
	hidden := make([]string, 0, len(sc.hidden))
	for id := range sc.hidden {
		hidden = append(hidden, "hidden."+id)
	}
	slices.Sort(hidden)
	for _, m := range ir.Pipe.FindAllStringSubmatch(u, -1) {
		name := m[1]
		if id, ok := strings.CutPrefix(name, "hidden."); name == "response_id" || ok && sc.hidden[id] != nil {
			continue
		}
		b.errorf(rng, msgUnknownPipe, name, didYouMean(name, append([]string{"response_id"}, hidden...)))
	}
	parsed, err := url.Parse(ir.Pipe.ReplaceAllString(u, "x"))
	if err != nil || (parsed.Scheme != "http" && parsed.Scheme != "https") || parsed.Host == "" {
		b.errorf(rng, msgInvalidRedirect, u)
	}
}
