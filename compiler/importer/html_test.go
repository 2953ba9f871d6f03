package importer

import (
	"strings"
	"testing"
)

// TestMarkdownOf: the HTML SurveyJS texts use becomes Markdown; no tag
// passes (opros would show it as written), a script or style goes with
// its content, the text's own Markdown characters are escaped (but not a
// {pipe}), and what Markdown cannot show is named.
func TestMarkdownOf(t *testing.T) {
	cases := []struct{ html, md, lost string }{
		{"<p>Please answer <b>honestly</b>.</p>", "Please answer **honestly**.", ""},
		{"<h3>Part 2</h3><p>About <em>you</em></p>", "**Part 2**\n\nAbout *you*", ""},
		{"one<br>two<br/>three", "one  \ntwo  \nthree", ""},
		{"<ul><li>tea</li><li>coffee</li></ul>", "- tea\n- coffee", ""},
		{"<ol><li>first</li><li>second</li></ol>", "1. first\n2. second", ""},
		{`See <a href="https://example.org/terms?a=1&amp;b=2">the terms</a>.`, "See [the terms](https://example.org/terms?a=1&b=2).", ""},
		{`<a href="javascript:alert(1)">click</a>`, "click", "link"},
		{`<script>alert("x")</script>Hi<style>p{color:red}</style>`, "Hi", "script, style"},
		{`<img src="x.png" alt="Logo" onerror="alert(1)"> text`, "Logo text", "img"},
		{`<span style="color:red">red</span>`, "red", "style"},
		{"<table><tr><td>a</td><td>b</td></tr></table>", "a b", "table"},
		{"5 * 3 = 15 and a_b [x] for {first_name}", `5 \* 3 = 15 and a\_b \[x\] for {first_name}`, ""},
		{"&lt;b&gt; is a tag &amp; &#39;quoted&#39; &nbsp;", "<b> is a tag & 'quoted'", ""},
		{"<!-- hidden --><iframe src=x></iframe>shown", "shown", "iframe"},
	}
	for _, tc := range cases {
		md, lost := markdownOf(tc.html)
		if md != tc.md {
			t.Errorf("%q:\n got %q\nwant %q", tc.html, md, tc.md)
		}
		if got := strings.Join(lost, ", "); got != tc.lost {
			t.Errorf("%q: lost %q, want %q", tc.html, got, tc.lost)
		}
		if strings.ContainsAny(md, "<>") && !strings.Contains(tc.html, "&lt;") {
			t.Errorf("%q: a tag passed: %q", tc.html, md)
		}
	}
}
