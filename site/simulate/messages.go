package simulate

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
)

// messages is the catalogue of the diagnostics this package reports
// itself, by id: summary and detail (a fmt format over the arguments) in
// English and in Russian, the way compiler/messages.go keeps the
// compiler's. A diagnostic carries its id and arguments in Extra, so
// compiler.WriteDiagnostics prints it in the reader's language;
// TestMessages checks both languages take the same arguments.
var messages = map[string]struct{ en, ru msgText }{
	"invalid_wave": {
		en: msgText{"Invalid Wave", "A wave is labelled with its year, from 1900 to 2200, e.g. wave \"2024\"; %q is not one."},
		ru: msgText{"Недопустимая волна", "Волна помечается своим годом, от 1900 до 2200, например wave \"2024\"; %q — не год."},
	},
}

type msgText struct{ summary, detail string }

// message is a catalogued diagnostic's id and arguments; it is
// compiler.LocalizedDiagnostic.
type message struct {
	id   string
	args []any
}

// Localize returns the summary and detail in lang: Russian for "ru",
// English otherwise, as the compiler chooses.
func (m message) Localize(lang string) (summary, detail string) {
	t := messages[m.id].en
	if lang == "ru" {
		t = messages[m.id].ru
	}
	return t.summary, fmt.Sprintf(t.detail, m.args...)
}

// newDiag is the catalogued diagnostic id at rng; its Summary and Detail
// are the English text every reader of hcl.Diagnostic sees.
func newDiag(rng hcl.Range, id string, args ...any) *hcl.Diagnostic {
	if _, ok := messages[id]; !ok {
		panic("simulate: no message " + id)
	}
	m := message{id: id, args: args}
	summary, detail := m.Localize("en")
	return &hcl.Diagnostic{Severity: hcl.DiagError, Summary: summary, Detail: detail, Subject: &rng, Extra: m}
}
