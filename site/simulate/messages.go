package simulate

import "github.com/opros/opros/compiler"

// messages are the diagnostics this package reports about a settings
// file, in the compiler's catalogue form, so compiler.WriteDiagnostics
// prints them in the reader's language.
var messages = compiler.Catalogue{
	"invalid_wave": {
		En: compiler.MessageText{Summary: "Invalid Wave", Detail: "A wave is labelled with its year, from 1900 to 2200, e.g. wave \"2024\"; %q is not one."},
		Ru: compiler.MessageText{Summary: "Недопустимая волна", Detail: "Волна помечается своим годом, от 1900 до 2200, например wave \"2024\"; %q — не год."},
	},
}
