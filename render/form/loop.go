package form

import (
	"strings"

	"github.com/opros/opros/compiler/codebook"
	"github.com/opros/opros/compiler/ir"
)

// loopNotes are what the form without JavaScript, which shows every
// iteration of a loop, says on an iteration's page: that it is for those
// who chose its option (note, worded by the ui text loop_only, never the
// condition's code), and, as on any page, the conditions left (the
// author's own show_if, the screen-outs before it).
func loopNotes(s *ir.Survey, p *ir.Page, notScreened []*ir.Expr, lang string, ui map[string]string) (condition, note string) {
	note = strings.ReplaceAll(ui["loop_only"], "{option}", s.IterationLabel(p.Iteration, lang))
	cond := notScreened
	if own := p.OwnShowIf(); own != nil {
		cond = append(cond[:len(cond):len(cond)], own)
	}
	if len(cond) == 0 {
		return "", note
	}
	all := cond[0]
	for _, c := range cond[1:] {
		all = &ir.Expr{Op: ir.OpAnd, Args: []*ir.Expr{all, c}}
	}
	return ui["only_if"] + " " + codebook.ExprString(all), note
}

// scriptUI is the interface text form.js gets: all but what only the
// page itself shows, the notes of loops and of carried and conditional
// options (which most forms do not use, and which would otherwise weigh
// on every form).
func scriptUI(ui map[string]string) map[string]string {
	out := make(map[string]string, len(ui))
	for k, v := range ui {
		if !pageOnlyUI[k] {
			out[k] = v
		}
	}
	return out
}

// pageOnlyUI are the interface texts only the page without JavaScript shows.
var pageOnlyUI = map[string]bool{"loop_only": true, "carried": true, "carried_not": true, "options_if": true}
