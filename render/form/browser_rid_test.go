package form_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/render/form"
)

// TestBrowserPageResponseID: when the page arrives with a response id in
// its hidden _response_id field (opros collect puts one there at every
// load), form.js sends the answers under it, so the page posted with and
// without the script is one response; a respondent resuming saved answers
// keeps the id they were saved under, and the field says so too.
func TestBrowserPageResponseID(t *testing.T) {
	s := load(t, "../../examples/nps-csat-ces")
	dir := t.TempDir()
	// As the collector does, the page is sent with no-store: a cached copy
	// would bring back an earlier id.
	e := newRecorder(dir)
	e.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		e.handler.ServeHTTP(w, r)
	}))
	t.Cleanup(e.Close)
	if _, err := form.Build(s, dir, form.Options{Endpoint: e.URL + "/submit", SurveyDir: "../../examples/nps-csat-ces"}); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(dir, s.ID, "en", "index.html")
	built, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	slot := []byte(`name="_response_id" value=""`)
	if bytes.Count(built, slot) != 1 {
		t.Fatalf("the built page has %d empty _response_id fields, want 1", bytes.Count(built, slot))
	}
	serveWithID := func(id string) {
		t.Helper()
		if err := os.WriteFile(page, bytes.Replace(built, slot, []byte(`name="_response_id" value="`+id+`"`), 1), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	field := `document.querySelector("input[name=_response_id]").value`
	tab := testkit.Browser(t)
	key := "opros:" + s.ID + ":en"

	// Saved answers keep their id when the page comes with another one.
	serveWithID("page-AAAAAAAAAAAAAAAAAAAAAA")
	openFresh(t, tab, e.formURL(s, "en", ""))
	click(t, tab, `input[name=q_nps][value="6"]`)
	if got := savedRID(t, tab, key); got != "page-AAAAAAAAAAAAAAAAAAAAAA" {
		t.Errorf("a new respondent's answers saved under %q, want the page's id", got)
	}
	serveWithID("page-BBBBBBBBBBBBBBBBBBBBBB")
	openForm(t, tab, e.formURL(s, "en", ""))
	if got := savedRID(t, tab, key); got != "page-AAAAAAAAAAAAAAAAAAAAAA" {
		t.Errorf("resumed answers moved to id %q", got)
	}
	if got := testkit.JS[string](t, tab, field); got != "page-AAAAAAAAAAAAAAAAAAAAAA" {
		t.Errorf("the form's own field says %q, want the saved id", got)
	}
	tab.Do(t, `localStorage.clear()`)

	// A new respondent sends under the page's id.
	serveWithID("page-CCCCCCCCCCCCCCCCCCCCCC")
	openFresh(t, tab, e.formURL(s, "en", ""))
	answerNPS(t, tab)
	click(t, tab, `#send`)
	tab.WaitFor(t, `!document.querySelector("#thanks").hidden`)
	posts := e.received()
	if len(posts) != 1 {
		t.Fatalf("%d posts, want 1", len(posts))
	}
	var got struct {
		ResponseID string `json:"response_id"`
	}
	if err := json.Unmarshal(posts[0].body, &got); err != nil || got.ResponseID != "page-CCCCCCCCCCCCCCCCCCCCCC" {
		t.Errorf("sent under %q (%v), want the page's id", got.ResponseID, err)
	}
}
