package simulate

import "github.com/opros/opros/compiler/localize"

// msgID names a diagnostic this package reports about a settings file.
type msgID int

const (
	msgInvalidWave msgID = iota
	msgCount
)

// messages are the diagnostics this package reports about a settings
// file, with a summary as the compiler's have, so that
// compiler.WriteDiagnostics prints them in the reader's language.
var messages = localize.Messages[msgID]{
	msgInvalidWave: {
		SummaryEn: "Invalid Wave", En: "A wave is labelled with its year, from 1900 to 2200, e.g. wave \"2024\"; %q is not one.",
		SummaryRu: "Недопустимая волна", Ru: "Волна помечается своим годом, от 1900 до 2200, например wave \"2024\"; %q — не год.",
	},
}
