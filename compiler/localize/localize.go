// Package localize holds opros's text in English and in Russian, in one
// way for every reader: the compiler's diagnostics, the command line's
// messages, the diff's reasons, the errors a researcher can meet, the
// report's and the forms' interface text.
//
// A package names its messages with constants of an id type of its own
// (type msgID int; const (msgNoFiles msgID = iota; …; msgCount)), so that
// the Go compiler catches a wrong id, and keeps their texts in a Messages
// catalogue indexed by those ids. Its test calls Messages.Check, which
// wants every id to have both languages with the same fmt verbs. Arguments
// that read differently by language (a noun, a count, an error) are put
// in the reader's language by one formatter, Format. Text the researcher
// or a survey author supplies as data (the report's and the forms'
// i18n/*.json, a survey's ui blocks) loads into a Table.
//
// An error built from a catalogue (Errorf) reads in English as any error
// does, and cmd/opros prints it with Text in the interface language. What
// the operating system or a library says inside it stays as they say it.
package localize

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Message is one catalogued text: a fmt format in English and in Russian
// over the same arguments (a Russian one may take them in another order,
// %[2]q). A diagnostic has a summary line too, in both languages.
type Message struct {
	En, Ru               string
	SummaryEn, SummaryRu string // a diagnostic's summary (hcl.Diagnostic.Summary); "" for other messages
}

// In is m's text in lang: Russian for "ru", English otherwise.
func (m Message) In(lang string) string {
	if lang == "ru" {
		return m.Ru
	}
	return m.En
}

// Summary is a diagnostic's summary in lang.
func (m Message) Summary(lang string) string {
	if lang == "ru" {
		return m.SummaryRu
	}
	return m.SummaryEn
}

// Format is m's text in lang over args (see Format).
func (m Message) Format(lang string, args ...any) string { return Format(lang, m.In(lang), args...) }

// Phrase is a piece of text in English and in Russian used as an argument
// of a message: what a value must be ("a string"), what a file is ("The
// theme logo").
type Phrase struct{ En, Ru string }

// In is p in lang.
func (p Phrase) In(lang string) string {
	if lang == "ru" {
		return p.Ru
	}
	return p.En
}

// Arg is an argument of a message that reads differently by language.
type Arg interface{ In(lang string) string }

// Format is fmt.Sprintf(format, args...) with the arguments in lang: an
// Arg is its text in lang, an error its Text in lang (what it wraps may
// have a Russian text of its own), and %w reads as %v.
func Format(lang, format string, args ...any) string {
	out := make([]any, len(args))
	for i, a := range args {
		switch x := a.(type) {
		case Arg:
			out[i] = x.In(lang)
		case error:
			out[i] = Text(x, lang)
		default:
			out[i] = a
		}
	}
	return fmt.Sprintf(unwrapped(format), out...)
}

// unwrapped is format with its %w verbs (%[2]w too) as %v: Sprintf does
// not know %w, and the wrapped errors are text here.
func unwrapped(format string) string {
	if !strings.Contains(format, "w") {
		return format
	}
	b := []byte(format)
	for i := 0; i < len(b); i++ {
		if b[i] != '%' {
			continue
		}
		i++
		if i < len(b) && b[i] == '%' {
			continue
		}
		for i < len(b) && strings.IndexByte("+-# 0123456789.[]", b[i]) >= 0 {
			i++
		}
		if i < len(b) && b[i] == 'w' {
			b[i] = 'v'
		}
	}
	return string(b)
}

// Plural is the form of a Russian noun that goes with n: one (1, 21, 101),
// few (2–4, 22–24) or many (0, 5–20, 25–30, 111–114).
func Plural(n int, one, few, many string) string {
	if n < 0 {
		n = -n
	}
	switch {
	case n%10 == 1 && n%100 != 11:
		return one
	case n%10 >= 2 && n%10 <= 4 && (n%100 < 12 || n%100 > 14):
		return few
	}
	return many
}

// Messages is a package's catalogue of messages indexed by its message
// ids (K, an integer type of the package's own). Write it as a keyed
// composite literal, Messages[msgID]{msgNoFiles: {En: …, Ru: …}}, so that
// an id given twice does not compile.
type Messages[K ~int] []Message

// Format is the message id in lang over args (see Format).
func (c Messages[K]) Format(id K, lang string, args ...any) string {
	return c[id].Format(lang, args...)
}

// In is the message id's text in lang, unformatted (a format the caller
// fills, or a phrase).
func (c Messages[K]) In(id K, lang string) string { return c[id].In(lang) }

// Errorf is the message id over args as an error. Its Error is the English
// text exactly as fmt.Errorf(text, args...) writes it, and it wraps what
// that would wrap, so errors.Is and errors.As see through it.
func (c Messages[K]) Errorf(id K, args ...any) error {
	m := c[id]
	en := make([]any, len(args))
	for i, a := range args {
		if l, ok := a.(Arg); ok {
			a = l.In("en")
		}
		en[i] = a
	}
	return &catalogued{msg: m, args: args, en: fmt.Errorf(m.En, en...)}
}

// Check lists what is wrong with a catalogue of the ids 0..count-1, for
// the package's test, which wants nothing: an id without a text in a
// language, texts whose languages take other fmt verbs, a summary in one
// language only or untranslated.
func (c Messages[K]) Check(count K) []string {
	var bad []string
	if len(c) != int(count) {
		bad = append(bad, fmt.Sprintf("%d messages for %d ids", len(c), count))
	}
	for id, m := range c {
		switch {
		case m.En == "" || m.Ru == "":
			bad = append(bad, fmt.Sprintf("id %d (%q): a language has no text", id, m.En+m.Ru))
		case !equal(verbs(m.En), verbs(m.Ru)):
			bad = append(bad, fmt.Sprintf("id %d (%q): English takes %v, Russian %v", id, m.En, verbs(m.En), verbs(m.Ru)))
		case (m.SummaryEn == "") != (m.SummaryRu == ""), m.SummaryEn != "" && m.SummaryEn == m.SummaryRu:
			bad = append(bad, fmt.Sprintf("id %d (%q): the summary is in one language only", id, m.En))
		}
	}
	return bad
}

func equal(a, b []string) bool { return strings.Join(a, " ") == strings.Join(b, " ") }

// Table is text kept as data rather than code, by key, in English and in
// Russian: the report's and the forms' interface words (i18n/*.json),
// which templates and scripts name by key.
type Table map[string]Message

// LoadTable reads a table from one JSON object of key → text per language.
// Both languages must have the same keys: a word missing in one would
// show the other language on a page.
func LoadTable(en, ru []byte) (Table, error) {
	var byLang [2]map[string]string
	for i, raw := range [][]byte{en, ru} {
		if err := json.Unmarshal(raw, &byLang[i]); err != nil {
			return nil, fmt.Errorf("%s: %w", []string{"en", "ru"}[i], err)
		}
	}
	t := make(Table, len(byLang[0]))
	for k, v := range byLang[0] {
		r, ok := byLang[1][k]
		if !ok {
			return nil, fmt.Errorf("%q is in English only", k)
		}
		t[k] = Message{En: v, Ru: r}
	}
	for k := range byLang[1] {
		if _, ok := byLang[0][k]; !ok {
			return nil, fmt.Errorf("%q is in Russian only", k)
		}
	}
	return t, nil
}

// In is key's text in lang, "" when the table has no such key.
func (t Table) In(key, lang string) string { return t[key].In(lang) }

// Lang is every text of the table in lang, by key.
func (t Table) Lang(lang string) map[string]string {
	out := make(map[string]string, len(t))
	for k, m := range t {
		out[k] = m.In(lang)
	}
	return out
}

// Localizer is an error whose text exists in several languages.
type Localizer interface {
	error
	// Localize is the error's text in lang: Russian for "ru", English
	// (its Error) otherwise.
	Localize(lang string) string
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
	return e.msg.Format(lang, e.args...)
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

// verbs lists the verbs of a fmt format by argument number, sorted: [1q
// 2s] for both "%q is %s" and "%[2]s: %[1]q", so that a translation may
// take the arguments in another order, each with the same verb. Flags,
// width and precision are skipped; "%%" is not a verb.
func verbs(format string) []string {
	byArg := map[int]string{}
	next := 1
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		if i < len(format) && format[i] == '%' {
			continue
		}
		if i < len(format) && format[i] == '[' {
			if end := strings.IndexByte(format[i:], ']'); end > 0 {
				next, _ = strconv.Atoi(format[i+1 : i+end])
				i += end + 1
			}
		}
		for i < len(format) && strings.IndexByte("+-# 0123456789.", format[i]) >= 0 {
			i++
		}
		if i < len(format) {
			byArg[next] = strconv.Itoa(next) + string(format[i])
			next++
		}
	}
	out := make([]string, 0, len(byArg))
	for _, v := range byArg {
		out = append(out, v)
	}
	sort.Strings(out)
	return out
}
