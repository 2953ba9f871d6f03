package main

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/opros/opros/compiler/testkit"
	"github.com/opros/opros/site/report"
	"github.com/opros/opros/site/seal"
)

// deliveryData simulates and ingests the nps-csat-ces demo (six companies).
func deliveryData(t *testing.T) (tmp, data string) {
	t.Helper()
	tmp = t.TempDir()
	simulateTo(t, filepath.Join(tmp, "answers.ndjson"), "--config", npsExample+"/demo/simulate.hcl", "-n", "600", "--seed", "3", npsExample)
	data = filepath.Join(tmp, "answers.parquet")
	if code, _, errs := run(t, "ingest", "--survey", npsExample, "-o", data, filepath.Join(tmp, "answers.ndjson")); code != exitOK {
		t.Fatalf("ingest: %d %s", code, errs)
	}
	return tmp, data
}

func pdfText(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command(testkit.Tool(t, "pdftotext", "poppler-utils"), path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

var sealedValues = regexp.MustCompile(`"salt":"[A-Za-z0-9+/=]*","nonce":"[A-Za-z0-9+/=]*","ct":"[A-Za-z0-9+/=]*"`)

// latestNPS is the participant's NPS in the last wave as its page shows it:
// the first chart's data table, row 2025.
var latestNPS = regexp.MustCompile(`<th scope="row">2025</th>\s*<td[^>]*>(-?[0-9]+,[0-9])</td>`)

// TestReportPDF: --pdf puts one PDF in each deliverable, with the
// participant's name and headline figure in its text.
func TestReportPDF(t *testing.T) {
	testkit.Chromium(t)
	tmp, data := deliveryData(t)
	out := filepath.Join(tmp, "report")
	code, stdout, errs := run(t, "report", "--survey", npsExample, "-o", out, "--pdf", data)
	if code != exitOK {
		t.Fatalf("report --pdf: %d %s", code, errs)
	}
	if !strings.Contains(stdout, "PDF report(s) written") {
		t.Errorf("stdout does not say where the PDFs are: %s", stdout)
	}
	ds, err := report.Deliverables(out)
	if err != nil || len(ds) < 2 {
		t.Fatalf("deliverables: %v %v", ds, err)
	}
	for _, d := range ds {
		page, _ := os.ReadFile(filepath.Join(d.Dir, firstPage(d.Dir)))
		m := latestNPS.FindSubmatch(page)
		if m == nil {
			t.Fatalf("%s: no NPS for 2025 on %s", d.Participant, firstPage(d.Dir))
		}
		text := pdfText(t, filepath.Join(d.Dir, "report.pdf"))
		if !strings.Contains(text, d.Participant) || !strings.Contains(text, string(m[1])) {
			t.Errorf("%s's PDF lacks its name or its NPS %s", d.Participant, m[1])
		}
		for _, other := range ds {
			if other.Participant != d.Participant && strings.Contains(text, other.Participant) {
				t.Errorf("%s's PDF names %s", d.Participant, other.Participant)
			}
		}
	}
}

// TestReportEncrypt: --encrypt --pdf leaves no participant's name readable
// in any deliverable, keeps the (clear) PDFs out of the published folders,
// and the deliverable opens in Chromium from a #key= link.
func TestReportEncrypt(t *testing.T) {
	testkit.Chromium(t)
	tmp, data := deliveryData(t)
	out := filepath.Join(tmp, "report")
	code, stdout, errs := run(t, "report", "--survey", npsExample, "-o", out, "--encrypt", "--pdf", data)
	if code != exitOK {
		t.Fatalf("report --encrypt --pdf: %d %s", code, errs)
	}
	for _, want := range []string{"participant report(s) encrypted", "600000 rounds", "the PDFs are not encrypted"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q: %s", want, stdout)
		}
	}
	ds, err := report.Deliverables(out)
	if err != nil || len(ds) < 2 {
		t.Fatalf("deliverables: %v %v", ds, err)
	}
	// Outside its salt, nonce and ciphertext a sealed page is the same for
	// every page in one language: nothing of the page is readable there.
	shells := map[string]bool{}
	pages, firstPageSealed := 0, ""
	for _, d := range ds {
		filepath.WalkDir(d.Dir, func(p string, de os.DirEntry, err error) error {
			if err != nil || de.IsDir() {
				return err
			}
			b, _ := os.ReadFile(p)
			for _, o := range ds {
				if bytes.Contains(b, []byte(o.Participant)) {
					t.Errorf("%s names %s", p, o.Participant)
				}
			}
			switch filepath.Base(p) {
			case "report.css", "report.js": // static, left clear (and checked for names above)
				if bytes.Contains(b, []byte(`id="sealed"`)) {
					t.Errorf("%s was sealed", p)
				}
			default:
				if _, err := seal.Open(b, d.Passphrase); err != nil {
					t.Errorf("%s: %v", p, err)
				}
				shells[string(sealedValues.ReplaceAll(b, []byte(`"salt":S,"nonce":N,"ct":C`)))] = true
				pages++
			}
			return nil
		})
		index, err := seal.Open(mustRead(t, filepath.Join(d.Dir, "index.html")), d.Passphrase)
		if err != nil {
			t.Fatal(err)
		}
		first := refresh.FindSubmatch(index)
		if first == nil {
			t.Fatalf("%s: the decrypted index.html leads nowhere: %s", d.Participant, index)
		}
		firstPageSealed = string(first[1])
		page, err := seal.Open(mustRead(t, filepath.Join(d.Dir, string(first[1]))), d.Passphrase)
		if err != nil {
			t.Fatal(err)
		}
		m := latestNPS.FindSubmatch(page)
		if m == nil {
			t.Fatalf("%s: no NPS for 2025 on the decrypted %s", d.Participant, first[1])
		}
		text := pdfText(t, filepath.Join(out, pdfDir, d.Token+".pdf"))
		if !strings.Contains(text, d.Participant) || !strings.Contains(text, string(m[1])) {
			t.Errorf("%s's PDF lacks its name or its NPS %s", d.Participant, m[1])
		}
	}
	if pages < 2*len(ds) {
		t.Errorf("%d sealed pages for %d deliverables", pages, len(ds))
	}
	if len(shells) != 2 {
		t.Errorf("%d different sealed pages once salt, nonce and ciphertext are set aside, want 2 (en, ru)", len(shells))
	}

	// A later build without --encrypt --pdf leaves no stale PDF behind.
	defer func() {
		if code, _, errs := run(t, "report", "--survey", npsExample, "-o", out, data); code != exitOK {
			t.Fatalf("report: %d %s", code, errs)
		}
		if _, err := os.Stat(filepath.Join(out, pdfDir)); !os.IsNotExist(err) {
			t.Errorf("%s outlived a build without --pdf: %v", pdfDir, err)
		}
	}()

	// In Chromium: the deliverable's address with the passphrase after
	// #key= leads to its summary, and the next page opens without asking.
	d := ds[0]
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()
	tab := testkit.Browser(t)
	tab.Go(t, srv.URL+"/"+report.ParticipantsDir+"/"+d.Token+"/#key="+url.QueryEscape(d.Passphrase))
	// index.html redirects to the first language's summary: poll through
	// the navigation, which ends a single poll.
	pollThrough(t, tab, `document.querySelector("h1") !== null && document.querySelector("h1").textContent.includes(`+jsString(d.Participant)+`)`)
	if href := testkit.JS[string](t, tab, `location.href`); strings.Contains(href, "key=") {
		t.Errorf("the passphrase stayed in the address: %s", href)
	}
	tab.Go(t, srv.URL+"/"+report.ParticipantsDir+"/"+d.Token+"/"+path.Dir(firstPageSealed)+"/methodology.html")
	pollThrough(t, tab, `document.getElementById("sealed") === null && document.querySelector("main h1") !== null`)
	if errs := tab.Errors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}

// pollThrough polls an expression until it is true, through navigations
// (which end a single testkit WaitFor), failing after 20 seconds.
func pollThrough(t *testing.T, tab *testkit.Tab, expr string) {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(200 * time.Millisecond) {
		if ok, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[bool](expr)); err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("waiting for %s", expr)
		}
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func jsString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// TestReportPDFWithoutChromium: no Chromium, a message in the researcher's
// language, exit 1, and nothing written: no report, no keys file.
func TestReportPDFWithoutChromium(t *testing.T) {
	tmp, data := deliveryData(t)
	t.Setenv("OPROS_CHROMIUM", filepath.Join(tmp, "no-chromium"))
	for lang, want := range map[string]string{
		"en": "--pdf prints with Chromium, and none was found",
		"ru": "--pdf печатает через Chromium, а он не найден",
	} {
		out := filepath.Join(tmp, "report-"+lang)
		code, errs := runLang(t, lang, "report", "--survey", npsExample, "-o", out, "--pdf", data)
		if code != exitInput || !strings.Contains(errs, want) {
			t.Errorf("%s: exit %d, stderr %q", lang, code, errs)
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("%s: %s was written", lang, out)
		}
	}
	if m, _ := filepath.Glob(filepath.Join(tmp, "*.keys.json")); len(m) > 0 {
		t.Errorf("a keys file was made: %v", m)
	}
}
