package ir

import (
	"regexp"
	"strings"
)

// Pipe is a placeholder of a redirect URL: {response_id} or {hidden.ID}.
var Pipe = regexp.MustCompile(`\{([^{}]*)\}`)

// RedirectURL fills an ending's redirect URL: {response_id} with the
// response id and {hidden.ID} with that hidden field's value, each
// escaped as JavaScript's encodeURIComponent does, which form.js uses.
func RedirectURL(tmpl, responseID string, hidden map[string]string) string {
	return Pipe.ReplaceAllStringFunc(tmpl, func(m string) string {
		name := m[1 : len(m)-1]
		if name == "response_id" {
			return uriComponent(responseID)
		}
		if id, ok := strings.CutPrefix(name, "hidden."); ok {
			return uriComponent(hidden[id])
		}
		return ""
	})
}

// uriComponent is encodeURIComponent: every UTF-8 byte but letters,
// digits and -_.!~*'() as %XX.
func uriComponent(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-_.!~*'()", c) >= 0 {
			b.WriteByte(c)
		} else {
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}
