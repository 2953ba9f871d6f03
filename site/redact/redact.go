// Package redact removes from free-text answers what a published report
// must not carry: e-mail addresses, URLs, phone numbers, and the names of
// the benchmark's participants with the aliases the survey's author lists.
// Each is replaced by a neutral mark and counted, so the report can say
// how many it removed.
//
// Names are matched case-insensitively, with ё read as е, at the start of
// a word and through the rest of that word: "Клевер" also removes
// "Клевера", "Клеверу" and "Клевером", since Russian inflects names by
// their endings. The price is that a name which begins a longer ordinary
// word removes that word too ("Лютик" would take "Лютиковые"); in a
// benchmark a word too many is hidden rather than a participant shown.
// A name whose stem changes ("Василёк", "Василька") needs its stem among
// the aliases ("Васильк"), which then takes every form built on it.
// A name of several words matches with any run of spaces between them.
package redact

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
)

// Mark replaces each redacted piece of text.
const Mark = "[…]"

var (
	email = regexp.MustCompile(`[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(\.[\p{L}\p{N}\-]+)+`)
	url   = regexp.MustCompile(`(?i)\b(?:https?://|ftp://|www\.)[^\s<>"']+|\b[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.(?:ru|com|net|org|рф|su|io|info|biz|by|kz|ua|de|uk)\b(?:/[^\s<>"']*)?`)
	// A phone number: at least 7 digits, optionally led by + and split by
	// spaces, dashes, dots or brackets, as written in Russia and abroad.
	// A date (2025-06-01, 01.06.2025) has as many digits and is kept.
	phone = regexp.MustCompile(`\+?\(?\d(?:[\s\-.()]{0,2}\d){6,14}`)
	date  = regexp.MustCompile(`^(?:\d{4}-\d{2}-\d{2}|\d{2}\.\d{2}\.\d{4})$`)
)

// Redactor removes a fixed set of names, their aliases and contact data.
type Redactor struct {
	// names matches every name in one pass: one alternation, longest
	// names first, since Go's regexp prefers the earlier alternative at a
	// position. A report redacts every comment it keeps (hundreds of
	// thousands at a million answers), so one regexp per name was most of
	// opros report's time with 50 participants.
	names *regexp.Regexp
}

// New is a Redactor for these names (participants and their aliases).
// Empty names are ignored; longer names are tried first, so "Клевер Плюс"
// is one redaction, not "[…] Плюс".
func New(names []string) *Redactor {
	var uniq []string
	seen := map[string]bool{}
	for _, n := range names {
		n = strings.Join(strings.Fields(fold(n)), " ")
		if n != "" && !seen[n] {
			seen[n] = true
			uniq = append(uniq, n)
		}
	}
	sort.Slice(uniq, func(i, j int) bool {
		if a, b := utf8.RuneCountInString(uniq[i]), utf8.RuneCountInString(uniq[j]); a != b {
			return a > b
		}
		return uniq[i] < uniq[j]
	})
	r := &Redactor{}
	if len(uniq) == 0 {
		return r
	}
	alts := make([]string, len(uniq))
	for k, n := range uniq {
		parts := strings.Split(n, " ")
		for i, p := range parts {
			parts[i] = regexp.QuoteMeta(p)
		}
		alts[k] = strings.Join(parts, `\s+`)
	}
	// A name, at a word start, then the rest of the word. A name that ends
	// in a non-letter ("Ромашка+") ends there.
	r.names = regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}])((?:` + strings.Join(alts, "|") + `)[\p{L}\p{N}]*)`)
	return r
}

var yo = strings.NewReplacer("ё", "е", "Ё", "Е")

// fold reads ё as е, so "Василёк" and "Василек" are one name.
func fold(s string) string { return yo.Replace(s) }

// Redact returns text with every match replaced by Mark, and how many
// were replaced. URLs and e-mail addresses go first (an address holds a
// name-like word and digits), then phone numbers, then names.
func (r *Redactor) Redact(text string) (string, int) {
	n := 0
	replace := func(re *regexp.Regexp, s string) string {
		return re.ReplaceAllStringFunc(s, func(string) string { n++; return Mark })
	}
	// Most comments hold no address and no number: the cheap checks spare
	// them the regexps.
	if strings.Contains(text, "@") {
		text = replace(email, text)
	}
	if strings.Contains(text, ".") || strings.Contains(text, "://") {
		text = replace(url, text)
	}
	if strings.ContainsAny(text, "0123456789") {
		text = phone.ReplaceAllStringFunc(text, func(s string) string {
			if date.MatchString(s) {
				return s
			}
			n++
			return Mark
		})
	}
	if r.names != nil {
		text = replaceGroup(r.names, text, &n)
	}
	return text, n
}

// replaceGroup replaces the first capture group of each match of re in
// text (the name without the character before it) by Mark, matching on
// the folded text: ё and е have the same length in UTF-8, so positions
// carry over.
func replaceGroup(re *regexp.Regexp, text string, n *int) string {
	folded := fold(text)
	locs := re.FindAllStringSubmatchIndex(folded, -1)
	if len(locs) == 0 {
		return text
	}
	var b strings.Builder
	last := 0
	for _, loc := range locs {
		b.WriteString(text[last:loc[2]])
		b.WriteString(Mark)
		last = loc[3]
		*n++
	}
	b.WriteString(text[last:])
	return b.String()
}
