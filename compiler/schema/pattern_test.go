package schema

import "testing"

// TestECMAPattern: Go's classes come out as the ranges Go means, so that
// JavaScript's wider \s and narrower . do not change what a pattern takes.
func TestECMAPattern(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`^(?:[0-9]{3})$`, `^[0-9]{3}$`},
		{`\s`, "[\t-\n\f-\r ]"},
		{`\S`, "[\x00-\b\v\x0e-\x1f!-\U0010ffff]"},
		{`\d+\w*`, `[0-9]+[0-9A-Z_a-z]*`},
		{`a.b`, `a[^\n]b`},
		{`(?s:.)`, `[\s\S]`},
		{`(ab|c)+?x{2,}y{1,3}z?`, `(?:(?:ab|c))+?x{2,}y{1,3}z?`},
		{`[а-я]+\.`, `[а-я]+\.`},
		{`\pL`, `[A-Za-zª`}, // a prefix: Unicode letters spelled out
		{`[\]\-^]`, `[\-\]-\^]`},
		{`a/b\$`, `a\/b\$`},
		{"\u2028\u00a0", "\u2028\u00a0"},
	} {
		got, err := ecmaPattern(c.in)
		if err != nil {
			t.Errorf("%s: %v", c.in, err)
			continue
		}
		if got != c.want && !(c.in == `\pL` && len(got) > len(c.want) && got[:len(c.want)] == c.want) {
			t.Errorf("%s: %s, want %s", c.in, got, c.want)
		}
	}
	for _, bad := range []string{`(?i)a`, `(?m)^a$`} {
		if got, err := ecmaPattern(bad); err == nil {
			t.Errorf("%s: %s, want an error (no portable spelling)", bad, got)
		}
	}
}
