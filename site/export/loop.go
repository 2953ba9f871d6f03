package export

import (
	"strings"

	"github.com/opros/opros/compiler/ir"
)

// iterationText is a loop question's label: its text naming the option
// its iteration is asked for, unless the text already reads it (as the
// codebook words it), so that contacts__phone and contacts__chat do not
// read alike in SPSS or Excel.
func iterationText(s *ir.Survey, q *ir.Question, text, lang string) string {
	if q.Iteration == nil {
		return text
	}
	if label := oneLine(s.IterationLabel(q.Iteration, lang)); label != "" && !strings.Contains(text, label) {
		return text + " — " + label
	}
	return text
}
