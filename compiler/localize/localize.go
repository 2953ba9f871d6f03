// Package localize gives the errors a researcher can meet outside the
// compiler's diagnostics (a folder without answers, a file that is not
// opros data, a missing logo) their text in English and in Russian. A
// package keeps a Catalogue of its error texts, as compiler/messages.go
// keeps the diagnostics'; an error built from it reads in English as any
// error does, and cmd/opros prints it with Text in the interface
// language. What the operating system or a library says inside it stays
// as they say it.
package localize

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/opros/opros/compiler/fmtverbs"
)

// Localizer is an error whose text exists in several languages.
type Localizer interface {
	error
	// Localize is the error's text in lang: Russian for "ru", English
	// (its Error) otherwise.
	Localize(lang string) string
}

// Message is one error text as fmt.Errorf formats: in English and in
// Russian, over the same arguments (%w wraps in both).
type Message struct{ En, Ru string }

// Catalogue is a package's error texts by id.
type Catalogue map[string]Message

// Errorf is the error id of c over args. Its Error is the English text
// exactly as fmt.Errorf(c[id].En, args...) writes it, and it wraps what
// that would wrap, so errors.Is and errors.As see through it.
func (c Catalogue) Errorf(id string, args ...any) error {
	m, ok := c[id]
	if !ok {
		panic("localize: no message " + id) // each package's catalogue test keeps this from happening
	}
	return &catalogued{msg: m, args: args, en: fmt.Errorf(m.En, args...)}
}

// Mismatches lists the ids of c whose languages differ in their verbs
// (compiler/fmtverbs) or lack a text, sorted; a catalogue test wants none.
func (c Catalogue) Mismatches() []string {
	var bad []string
	for id, m := range c {
		if m.En == "" || m.Ru == "" || !slices.Equal(fmtverbs.Verbs(m.En), fmtverbs.Verbs(m.Ru)) {
			bad = append(bad, id)
		}
	}
	slices.Sort(bad)
	return bad
}

type catalogued struct {
	msg  Message
	args []any
	en   error // fmt.Errorf's: the English text and what it wraps
}

func (e *catalogued) Error() string { return e.en.Error() }

func (e *catalogued) Unwrap() []error {
	switch u := e.en.(type) {
	case interface{ Unwrap() error }:
		return []error{u.Unwrap()}
	case interface{ Unwrap() []error }:
		return u.Unwrap()
	}
	return nil
}

func (e *catalogued) Localize(lang string) string {
	if lang != "ru" {
		return e.Error()
	}
	args := make([]any, len(e.args))
	for i, a := range e.args {
		if err, ok := a.(error); ok {
			a = Text(err, lang) // a wrapped error may have a Russian text of its own
		}
		args[i] = a
	}
	// Sprintf does not know %w; the wrapped errors are text here.
	return fmt.Sprintf(strings.ReplaceAll(e.msg.Ru, "%w", "%v"), args...)
}

// Text is err's text in lang. An error that wraps a Localizer without
// being one (fmt.Errorf("%s: %w", path, err), a template's error calling
// a function) keeps its own words around the Localizer's, which is put
// in lang; any other error reads as its Error.
func Text(err error, lang string) string {
	if l, ok := err.(Localizer); ok {
		return l.Localize(lang)
	}
	full := err.Error()
	var l Localizer
	if errors.As(err, &l) {
		if en := l.Error(); en != "" {
			if i := strings.Index(full, en); i >= 0 {
				return full[:i] + l.Localize(lang) + full[i+len(en):]
			}
		}
	}
	return full
}
