// Package pdf prints a deliverable folder to one A4 PDF through a locally
// installed Chromium, with the report's print stylesheet.
//
// The document is what an agency hands over: the folder's first page (the
// summary) followed by every page it links to inside the folder, in link
// order and in the first page's language, each starting on a new sheet.
// Chromium reads the folder from a server on the loopback address that serves
// only that folder, so nothing outside it (the public site, other
// deliverables) can end up in the PDF.
package pdf

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
)

// ErrNoChromium says that no Chromium was found.
var ErrNoChromium = errors.New("no Chromium found (set OPROS_CHROMIUM or install the chromium package)")

// FindChromium returns the browser to print with: $OPROS_CHROMIUM, else the
// first of the usual names on PATH.
func FindChromium() (string, error) {
	if p := os.Getenv("OPROS_CHROMIUM"); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("OPROS_CHROMIUM=%s: %w", p, ErrNoChromium)
		}
		return p, nil
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", ErrNoChromium
}

// flags for a headless Chromium with no network but loopback: without the
// background-networking ones it keeps trying to reach Google's hosts.
var flags = []string{"no-sandbox", "disable-gpu", "disable-quic", "no-first-run",
	"disable-background-networking", "disable-component-update", "disable-sync",
	"disable-default-apps", "disable-extensions", "mute-audio"}

// Printer is one running Chromium; each Print opens a tab in it.
type Printer struct {
	ctx    context.Context
	cancel func()
}

// Start launches Chromium.
func Start(chromium string) (*Printer, error) {
	opts := append([]chromedp.ExecAllocatorOption{}, chromedp.DefaultExecAllocatorOptions[:]...)
	opts = append(opts, chromedp.ExecPath(chromium))
	for _, f := range flags {
		opts = append(opts, chromedp.Flag(f, true))
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	p := &Printer{ctx: ctx, cancel: func() { cancelCtx(); cancelAlloc() }}
	if err := chromedp.Do(ctx); err != nil { // starts the browser
		p.Close()
		return nil, fmt.Errorf("start %s: %w", chromium, err)
	}
	return p, nil
}

// Close stops Chromium.
func (p *Printer) Close() { p.cancel() }

// Result says what went into a PDF.
type Result struct {
	Pages []string // the folder's pages printed, in order (slash paths)
	Bytes int
}

// assemble runs in the first page: it appends the <main> of every page the
// first one links to inside the folder (same origin, .html, same language)
// after its own, each on a new sheet, and opens every data table.
const assemble = `(async () => {
  const clean = u => u.split("#")[0];
  const seen = new Set([clean(location.href)]);
  const printed = [];
  const lang = document.documentElement.lang;
  const main = document.querySelector("main") || document.body;
  const links = [...document.querySelectorAll("a[href]")].map(a => clean(a.href));
  for (const u of links) {
    if (seen.has(u) || !u.startsWith(location.origin + "/") || !/\.html?$/i.test(u)) continue;
    seen.add(u);
    const r = await fetch(u);
    // The file server answers index.html with a redirect to its folder.
    if (!r.ok || clean(r.url) !== u && seen.has(clean(r.url))) continue;
    seen.add(clean(r.url));
    const doc = new DOMParser().parseFromString(await r.text(), "text/html");
    const m = doc.querySelector("main");
    if (!m || doc.documentElement.lang !== lang) continue;
    const part = document.createElement("section");
    part.className = "print-part";
    part.style.breakBefore = "page";
    for (const n of [...m.childNodes]) part.appendChild(document.importNode(n, true));
    main.appendChild(part);
    printed.push(new URL(u).pathname.slice(1));
  }
  document.querySelectorAll("details").forEach(d => { d.open = true; });
  await document.fonts.ready;
  return printed;
})()`

const footer = `<div style="font:8px sans-serif;width:100%;text-align:center;color:#555"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`

// Print writes dir/first and the pages it links to as one PDF at out. The
// PDF goes to a temporary file next to out and is renamed into place only
// when complete.
func (p *Printer) Print(dir, first, out string) (Result, error) {
	var res Result
	if _, err := os.Stat(filepath.Join(dir, first)); err != nil {
		return res, fmt.Errorf("pdf of %s: %w", dir, err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return res, err
	}
	srv := &http.Server{Handler: http.FileServer(http.Dir(dir))}
	go srv.Serve(ln)
	defer srv.Close()

	tab, closeTab := chromedp.NewContext(p.ctx)
	defer closeTab()
	ctx, cancel := context.WithTimeout(tab, 3*time.Minute)
	defer cancel()
	url := "http://" + ln.Addr().String() + "/" + strings.TrimPrefix(filepath.ToSlash(first), "/")
	err = chromedp.Do(ctx, chromedp.Navigate(url))
	if err == nil {
		var linked []string
		linked, err = chromedp.Run(ctx, chromedp.Evaluate[[]string](assemble, chromedp.EvalAwaitPromise))
		res.Pages = append([]string{filepath.ToSlash(first)}, linked...)
	}
	var pdf []byte
	if err == nil {
		// A4 with the stylesheet's @page margins; a page-number footer; a
		// tagged PDF with an outline from the headings, for screen readers
		// and the reader's sidebar.
		pdf, err = chromedp.Run(ctx, chromedp.PrintToPDF(
			chromedp.PDFPaper(chromedp.PaperA4),
			chromedp.PDFPreferCSSPageSize(),
			chromedp.PDFPrintBackground(),
			chromedp.PDFOutlineAndTagged(),
			chromedp.PDFHeaderTemplate("<span></span>"),
			chromedp.PDFFooterTemplate(footer)))
	}
	if err != nil {
		return Result{}, fmt.Errorf("pdf of %s: %w", filepath.Join(dir, first), err)
	}
	res.Bytes = len(pdf)
	return res, writeAtomic(out, pdf)
}

func writeAtomic(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-")
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}
