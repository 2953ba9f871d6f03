package form

import "github.com/opros/opros/compiler/localize"

// errorID names an error of errorText.
type errorID int

const (
	errThemeLogo errorID = iota
	errorCount
)

// errorText is the catalogue of the errors a researcher meets building
// forms (a theme logo that cannot be read), in English and Russian;
// cmd/opros prints them in the interface language. An error of the
// template or of an IR from elsewhere (an endpoint the compiler would
// have refused) signals a bug and stays English. TestErrorText checks
// both languages take the same arguments.
var errorText = localize.Messages[errorID]{
	errThemeLogo: {
		En: "theme logo: %w",
		Ru: "логотип темы: %w",
	},
}
