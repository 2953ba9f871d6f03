package form_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/render/form"
)

// TestReferrerPolicy: the page asks for its whole address as the Referer
// (the form without JavaScript carries its link's signed invitation to a
// collector on another origin that way), before it requests anything; and
// no link or image of the author's text gets that address.
func TestReferrerPolicy(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "survey.hcl"), []byte(`survey "links" {
  title     = "Links"
  languages = ["en"]
  intro     = "See [our terms](https://terms.example/x), <https://auto.example/y> and ![a logo](https://img.example/z.png)."
  endpoint {
    url = "https://collect.example/submit"
  }
}

page "p" {
  intro = "[More](https://more.example/)"
  question "q" {
    type = "text"
    text = "Why?"
    help = "![chart](https://chart.example/c.png) [help](https://help.example/)"
  }
}
`), 0o644)
	s := testkit.Load(t, dir)
	page, err := form.Render(s, "en", form.Options{})
	if err != nil {
		t.Fatal(err)
	}
	html := string(page)
	meta := strings.Index(html, `<meta name="referrer" content="no-referrer-when-downgrade">`)
	if meta < 0 || meta > strings.Index(html, "<link") || meta > strings.Index(html, "<script") {
		t.Fatalf("the referrer policy is missing or comes after a request:\n%s", html[:min(len(html), 900)])
	}
	tags := regexp.MustCompile(`<(a|img) [^>]*>`).FindAllString(html, -1)
	if len(tags) != 6 {
		t.Fatalf("want the author's 4 links and 2 images, found %d: %q", len(tags), tags)
	}
	for _, tag := range tags {
		if !strings.Contains(tag, `referrerpolicy="no-referrer"`) {
			t.Errorf("%s would send the page's address (and its invitation) to another host", tag)
		}
	}
	js := string(form.Assets()["form.js"])
	if !strings.Contains(js, `"strict-origin-when-cross-origin"`) {
		t.Error("form.js does not put the browsers' default referrer policy back")
	}
}
