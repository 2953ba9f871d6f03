package compiler

import "github.com/hashicorp/hcl/v2"

// words are the fixed parts of a printed diagnostic.
type words struct {
	errorWord, warningWord string
	on                     string // file, line, column
	in                     string // the blocks around the subject
	noSource               string
}

var wordsByLang = map[string]*words{
	"en": {errorWord: "Error", warningWord: "Warning", on: "on %s line %d, column %d", in: ", in %s", noSource: "(source code not available)"},
}

func wordsFor(lang string) *words {
	if w, ok := wordsByLang[lang]; ok {
		return w
	}
	return wordsByLang["en"]
}

// Localize returns a diagnostic's summary and detail in lang.
func Localize(d *hcl.Diagnostic, lang string) (summary, detail string) {
	return d.Summary, d.Detail
}
