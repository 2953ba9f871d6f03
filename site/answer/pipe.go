package answer

import "github.com/opros/opros/compiler/ir"

// Piped is text with its piped values (ir.PipeRef) filled from a
// submission as the form fills them: a question hidden by show_if, or
// after a screen-out, reads as unanswered.
func Piped(text string, s *ir.Survey, sub *Submission) string {
	_, _, _, env := planOf(s).walk(sub)
	return s.PipeText(text, sub.Lang, env)
}
