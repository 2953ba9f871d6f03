package pdf_test

import (
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/pdf"
)

// deliverable copies testdata/deliverable with the report's real stylesheet
// and script, so the test prints with the print rules the report ships.
func deliverable(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "tok")
	if err := os.CopyFS(dir, os.DirFS("testdata/deliverable")); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"report.css", "report.js"} {
		b, err := os.ReadFile(filepath.Join("..", "report", "assets", f))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, f), b, 0o644)
	}
	// A page outside the folder that the summary links to: it must stay out.
	os.MkdirAll(filepath.Join(filepath.Dir(dir), "elsewhere"), 0o755)
	os.WriteFile(filepath.Join(filepath.Dir(dir), "elsewhere", "index.html"),
		[]byte(`<html lang="en"><main><p>Outsidersentinel</p></main></html>`), 0o644)
	return dir
}

func TestPrint(t *testing.T) {
	chromium := testkit.Chromium(t)
	pdftotext := testkit.Tool(t, "pdftotext", "poppler-utils")
	pdfinfo := testkit.Tool(t, "pdfinfo", "poppler-utils")
	dir := deliverable(t)
	p, err := pdf.Start(chromium)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	out := filepath.Join(dir, "report.pdf")
	res, err := p.Print(dir, "index.html", out)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(res.Pages, " ") != "index.html details.html" {
		t.Errorf("printed %v, want the summary then the page it links to in its language", res.Pages)
	}
	info, err := exec.Command(pdfinfo, out).Output()
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(info)
	pages := 0
	if m != nil {
		pages, _ = strconv.Atoi(string(m[1]))
	}
	// Two sections of the summary and the details page, each on a new sheet.
	if pages != 3 {
		t.Errorf("%d PDF pages, want 3:\n%s", pages, info)
	}
	if !strings.Contains(string(info), "(A4)") {
		t.Errorf("not A4 (595×842 pt):\n%s", info)
	}
	text, err := exec.Command(pdftotext, "-layout", out, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	s := string(text)
	for _, want := range []string{
		"Bellflower Holdings", "42.7", // the participant and its headline figure
		"Hiddentablevalue",              // a collapsed data table, opened
		"(https://example.org/methods)", // a link's address
		"Detailpagesentinel", "3.87",    // the linked page
	} {
		if !strings.Contains(s, want) {
			t.Errorf("the PDF text lacks %q:\n%s", want, s)
		}
	}
	for _, not := range []string{
		"Navigationlinkdetails", // navigation
		"Data table",            // the <summary> toggle
		"Русскаястраница",       // a page in another language
		"Outsidersentinel",      // a page outside the folder
		"Download CSV",          // report.js's buttons
	} {
		if strings.Contains(s, not) {
			t.Errorf("the PDF text has %q", not)
		}
	}
	// Nothing but the PDF was added to the folder.
	ents, _ := os.ReadDir(dir)
	if len(ents) != 6 {
		t.Errorf("%d files in the folder after printing, want 5 and the PDF", len(ents))
	}
	if os.Getenv("OPROS_PDF_PNG") != "" { // look at it: pdftoppm -png
		exec.Command(testkit.Tool(t, "pdftoppm", "poppler-utils"), "-png", "-r", "60", out, filepath.Join(testkit.Root(t), "testdata", "artifacts", "pdf")).Run()
	}
}

func TestPrintFailsWholly(t *testing.T) {
	chromium := testkit.Chromium(t)
	dir := deliverable(t)
	p, err := pdf.Start(chromium)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	out := filepath.Join(dir, "report.pdf")
	if _, err := p.Print(dir, "missing.html", out); err == nil {
		t.Error("printing a missing first page succeeded")
	}
	if _, err := p.Print(dir, "index.html", filepath.Join(dir, "no", "such", "report.pdf")); err == nil {
		t.Error("writing into a missing folder succeeded")
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 5 {
		t.Errorf("%d files after failed prints, want the 5 of the folder", len(ents))
	}
}

func TestFindChromium(t *testing.T) {
	t.Setenv("OPROS_CHROMIUM", filepath.Join(t.TempDir(), "no-browser"))
	if _, err := pdf.FindChromium(); err == nil {
		t.Error("a missing OPROS_CHROMIUM was accepted")
	}
	t.Setenv("OPROS_CHROMIUM", "")
	t.Setenv("PATH", t.TempDir())
	if _, err := pdf.FindChromium(); err == nil {
		t.Error("found a Chromium on an empty PATH")
	}
}

// TestBeforePrint: report.js opens every data table before the browser
// prints (Ctrl+P, not only --pdf) and closes again the ones it opened.
func TestBeforePrint(t *testing.T) {
	dir := deliverable(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	tab := testkit.Browser(t)
	tab.Go(t, srv.URL+"/index.html")
	if testkit.JS[bool](t, tab, `document.querySelector("details").open`) {
		t.Fatal("the data table is open before printing")
	}
	tab.Do(t, `window.dispatchEvent(new Event("beforeprint"))`)
	if !testkit.JS[bool](t, tab, `[...document.querySelectorAll("details")].every(d => d.open)`) {
		t.Error("beforeprint left a data table closed")
	}
	tab.Do(t, `window.dispatchEvent(new Event("afterprint"))`)
	if testkit.JS[bool](t, tab, `document.querySelector("details").open`) {
		t.Error("afterprint left the table the reader had not opened open")
	}
}
