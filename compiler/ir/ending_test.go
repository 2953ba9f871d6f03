package ir_test

import (
	"testing"

	"github.com/opros/opros/compiler/ir"
)

// TestRedirectURL: placeholders are filled escaped as encodeURIComponent
// escapes them (form.js fills the same URL in the browser), an unknown
// hidden field as empty.
func TestRedirectURL(t *testing.T) {
	got := ir.RedirectURL("https://p.example/c?rid={hidden.rid}&id={response_id}&x={hidden.none}",
		"r-1_x", map[string]string{"rid": "a b&c=d/é!~*'()?#+"})
	want := "https://p.example/c?rid=a%20b%26c%3Dd%2F%C3%A9!~*'()%3F%23%2B&id=r-1_x&x="
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
