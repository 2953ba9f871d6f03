package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"

	"github.com/opros/opros/site/pdf"
	"github.com/opros/opros/site/report"
	"github.com/opros/opros/site/seal"
)

// What opros report --encrypt and --pdf do to the participants' finished
// deliverables (site/report writes them, access.csv lists them).
//
// PDFs are printed first, from the clear pages. Without --encrypt each goes
// into its deliverable as report.pdf. With --encrypt a readable PDF inside
// an encrypted folder would undo the encryption, so the PDFs go to
// DIR/pdf/TOKEN.pdf, outside everything published, for the operator to hand
// over privately (they are not encrypted).
const pdfDir = "pdf"

// deliveryCheck runs before the report is written: --pdf without a
// Chromium, or either flag on a survey without participants, stops here
// with nothing written. It returns the Chromium to print with ("" without
// --pdf).
func (o *reportOpts) deliveryCheck(e *env, participants int) (chromium string, code int) {
	if !o.encrypt && !o.pdf {
		return "", exitOK
	}
	if participants == 0 {
		fmt.Fprint(e.stderr, msg(e, msgReportNoPartics))
		return "", exitUsage
	}
	if o.pdf {
		path, err := pdf.FindChromium()
		if err != nil {
			fmt.Fprintf(e.stderr, msg(e, msgReportNoChromium), err)
			return "", exitInput
		}
		return path, exitOK
	}
	return "", exitOK
}

// deliver prints and encrypts the deliverables under out.
func (o *reportOpts) deliver(e *env, out, chromium string) int {
	// PDFs of an earlier --encrypt --pdf build would outlive this one (the
	// report rebuilds public/ and participants/ whole, not pdf/), and an
	// old PDF is easily sent by mistake.
	if !(o.encrypt && o.pdf) {
		if err := removeOldPDFs(filepath.Join(out, pdfDir)); err != nil {
			printErr(e, "report", err)
			return exitInput
		}
	}
	if !o.encrypt && !o.pdf {
		return exitOK
	}
	ds, err := report.Deliverables(out)
	if err != nil {
		printErr(e, "report", err)
		return exitInput
	}
	if o.pdf {
		if code := o.printPDFs(e, out, chromium, ds); code != exitOK {
			return code
		}
	}
	if !o.encrypt {
		return exitOK
	}
	pages := 0
	for _, d := range ds {
		st, err := seal.Folder(d.Dir, d.Passphrase, seal.Options{Clear: staticAsset})
		if err != nil {
			all := filepath.Join(out, report.ParticipantsDir)
			if rerr := os.RemoveAll(all); rerr != nil {
				fmt.Fprintf(e.stderr, msg(e, msgReportSealKept), d.Participant, err, all, rerr)
			} else {
				fmt.Fprintf(e.stderr, msg(e, msgReportSealFailed), d.Participant, err, all)
			}
			return exitInput
		}
		pages += st.Pages
	}
	fmt.Fprintf(e.stdout, msg(e, msgReportSealed), len(ds), pages, seal.Iterations, filepath.Join(out, report.AccessFile))
	return exitOK
}

// removeOldPDFs removes dir if it holds only PDFs (what printPDFs writes),
// and leaves a folder with anything else in it alone.
func removeOldPDFs(dir string) error {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil // none
	}
	for _, e := range ents {
		if !e.Type().IsRegular() || filepath.Ext(e.Name()) != ".pdf" {
			return nil
		}
	}
	return os.RemoveAll(dir)
}

// staticAsset: the report's own stylesheet and script (or the survey
// theme's), code and style that hold no participant's data, stay clear.
func staticAsset(rel string) bool {
	base := filepath.Base(rel)
	return base == "report.css" || base == "report.js"
}

// printPDFs prints every deliverable into a temporary folder and moves the
// PDFs into place only when all are done.
func (o *reportOpts) printPDFs(e *env, out, chromium string, ds []report.Deliverable) int {
	tmp, err := os.MkdirTemp(out, ".pdf-")
	if err != nil {
		printErr(e, "report", err)
		return exitInput
	}
	defer os.RemoveAll(tmp)
	p, err := pdf.Start(chromium)
	if err != nil {
		fmt.Fprintf(e.stderr, msg(e, msgReportNoChromium), err)
		return exitInput
	}
	defer p.Close()
	for _, d := range ds {
		if _, err := p.Print(d.Dir, firstPage(d.Dir), filepath.Join(tmp, d.Token+".pdf")); err != nil {
			fmt.Fprintf(e.stderr, msg(e, msgReportPDFFailed), d.Participant, err)
			return exitInput
		}
	}
	where := filepath.Join(out, report.ParticipantsDir, "*", "report.pdf")
	if o.encrypt {
		where = filepath.Join(out, pdfDir)
		if err := errors.Join(os.RemoveAll(where), os.MkdirAll(where, 0o700)); err != nil {
			printErr(e, "report", err)
			return exitInput
		}
	}
	for _, d := range ds {
		dst := filepath.Join(d.Dir, "report.pdf")
		if o.encrypt {
			dst = filepath.Join(where, d.Token+".pdf")
		}
		if err := os.Rename(filepath.Join(tmp, d.Token+".pdf"), dst); err != nil {
			printErr(e, "report", err)
			return exitInput
		}
	}
	fmt.Fprintf(e.stdout, msg(e, msgReportPdfs), len(ds), where)
	if o.encrypt {
		fmt.Fprintf(e.stdout, msg(e, msgReportPDFPrivate), where)
	}
	return exitOK
}

var refresh = regexp.MustCompile(`(?i)<meta http-equiv="refresh" content="0; url=([^"]+)"`)

// firstPage is the deliverable's summary: the page its index.html leads to
// (the first language's), or index.html itself.
func firstPage(dir string) string {
	b, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if m := refresh.FindSubmatch(b); err == nil && m != nil {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(string(m[1])))); err == nil {
			return string(m[1])
		}
	}
	return "index.html"
}
