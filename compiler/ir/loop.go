package ir

import "strings"

// Loop is a loop block: its pages asked once for each option chosen in
// Over, a multi question asked before them (Qualtrics loop & merge,
// XLSForm repeat over a selection). The compiler writes every iteration
// out as pages and questions of their own, the option's code after two
// underscores (page channel_volume, option phone: page
// channel_volume__phone, question contacts__phone, so column
// contacts__phone), each page shown while Over contains its option (its
// ShowIf). So the form, site/answer, the schema, simulate, ingest and
// the report read an iteration as they read any page or question; the
// iteration is marked (Page.Iteration, Question.Iteration) for the texts
// that name it. The columns are fixed by Over's options, never by the
// answers.
type Loop struct {
	ID   string `json:"id"`
	Over string `json:"over"` // the multi question whose options it repeats over
	// Options are the codes iterated, in option order: Over's options
	// but the exclusive ones ("none of these" has nothing to ask about).
	Options []string `json:"options"`
	Pages   []string `json:"pages"`     // the loop's pages as written (IDs without an option)
	Asks    []string `json:"questions"` // the loop's questions as written, in order
	Range   Range    `json:"range"`
}

// Iteration marks a page or question as one iteration of a loop.
type Iteration struct {
	Loop   string `json:"loop"`
	Option string `json:"option"` // the code of Loop.Over's option it is asked for
	Of     string `json:"of"`     // the page's or question's ID as written
}

// IterationSep joins a loop page's or question's ID to its option's code.
const IterationSep = "__"

// IterationID is the ID (and for a question, the answers key and column)
// of one iteration of a loop page or question: id__code.
func IterationID(id, code string) string { return id + IterationSep + code }

// Loop returns the loop with that ID, or nil.
func (s *Survey) Loop(id string) *Loop {
	for i := range s.Loops {
		if s.Loops[i].ID == id {
			return &s.Loops[i]
		}
	}
	return nil
}

// IterationLabel is the label, in lang, of the option an iteration is
// asked for: what {loop.label} read when the texts were written out; ""
// for nil.
func (s *Survey) IterationLabel(it *Iteration, lang string) string {
	if it == nil {
		return ""
	}
	l := s.Loop(it.Loop)
	if l == nil {
		return it.Option
	}
	if q := s.Question(l.Over); q != nil {
		if o := q.Option(it.Option); o != nil {
			return Unpiped(o.Label.Get(lang))
		}
	}
	return it.Option
}

// Loop piping: {loop.label} is the iteration's option label, {loop.code}
// its code. The compiler writes them out in every text of a loop's pages
// and questions, so no later phase sees them.
const (
	LoopLabel = "{loop.label}"
	LoopCode  = "{loop.code}"
)

// FillLoop writes an iteration's option label and code into a text.
func FillLoop(text, label, code string) string {
	if !strings.Contains(text, "{loop.") {
		return text
	}
	return strings.NewReplacer(LoopLabel, label, LoopCode, code).Replace(text)
}

// OwnShowIf is a page's show_if without its iteration's condition: the
// author's own, nil when there is none.
func (p *Page) OwnShowIf() *Expr {
	if p.Iteration == nil || p.ShowIf == nil {
		return p.ShowIf
	}
	if p.ShowIf.Op == OpAnd && len(p.ShowIf.Args) == 2 {
		return p.ShowIf.Args[1]
	}
	return nil
}
