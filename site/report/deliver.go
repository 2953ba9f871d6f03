package report

import (
	"encoding/csv"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/site/keys"
	"github.com/opros/opros/site/redact"
	"github.com/opros/opros/site/score"
)

// The two audiences of a report. Build writes, under its output folder:
//
//	public/                 the site anyone may read: no participant named
//	                        unless the survey allows competitors to see each
//	                        other, open answers only if it allows them there
//	participants/<token>/   one deliverable per participant, self-contained
//	                        (its own CSS and JS, no link out), naming that
//	                        participant against the anonymised peers
//	access.csv              for the operator: who gets which folder and
//	                        passphrase; never to be published
//
// Each of public/ and a deliverable holds one folder per interface
// language and an index.html leading to the first.
const (
	PublicDir       = "public"
	ParticipantsDir = "participants"
	AccessFile      = "access.csv"
	// marker says a folder's public/ and participants/ are opros's own, so
	// a rebuild may replace them whole: a file of an earlier build (a
	// participant's old page) must not stay behind in public/.
	marker = ".opros-report"
)

// Deliverable is one participant's folder, for the operator.
type Deliverable struct {
	Participant, Label, Token, Passphrase string
	Dir                                   string // the folder, under the output folder
}

// Participants are the values of the survey's participant field in the
// results, the names a keys file needs entries for.
func Participants(s *ir.Survey, res *score.Results) []string {
	var out []string
	for _, d := range res.Dims {
		if d.ID == s.Bench.Participant && s.Bench.Participant != "" {
			out = append(out, d.Values...)
		}
	}
	sort.Strings(out)
	return out
}

// Build writes the public site and one deliverable per participant into
// outDir (see PublicDir) and the operator's access.csv. It returns the
// public site's index.html; Deliverables lists the deliverables. All is
// built in a temporary folder inside outDir and moved into place only
// when complete, so a build that fails leaves the earlier one as it was.
func Build(s *ir.Survey, res *score.Results, cfg Config, outDir string) (string, error) {
	b, err := newBuilder(s, res, cfg)
	if err != nil {
		return "", err
	}
	if err := checkOutput(outDir); err != nil {
		return "", err
	}
	tmp, err := os.MkdirTemp(outDir, ".opros-build-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	pub := filepath.Join(tmp, PublicDir)
	for _, lang := range b.langs {
		if err := b.buildLang(lang, filepath.Join(pub, lang), ""); err != nil {
			return "", errorText.Errorf(errReportLang, lang, err)
		}
	}
	if _, err := b.langIndex(pub, ""); err != nil {
		return "", err
	}
	// Deliverables are built on every CPU: each is a whole site, and with
	// many participants they are most of opros report's work. The builder
	// is only read from here on; each buildLang has its own templates and
	// page state.
	out := make([]Deliverable, len(b.participants))
	errs := make([]error, len(b.participants))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(b.participants)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i], errs[i] = b.deliverable(tmp, b.participants[i])
			}
		}()
	}
	for i := range b.participants {
		next <- i
	}
	close(next)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return "", err
	}
	if err := writeAccess(filepath.Join(tmp, AccessFile), out); err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(outDir, marker), []byte("opros report output: public/ and participants/ are rebuilt whole\n"), 0o644); err != nil {
		return "", err
	}
	// The earlier build's files go, so none outlives it (a participant's
	// old folder, a page no longer made).
	for _, name := range []string{PublicDir, ParticipantsDir, AccessFile} {
		if err := os.RemoveAll(filepath.Join(outDir, name)); err != nil {
			return "", err
		}
		if _, err := os.Lstat(filepath.Join(tmp, name)); errors.Is(err, fs.ErrNotExist) {
			continue // no participants: no participants/ folder
		}
		if err := os.Rename(filepath.Join(tmp, name), filepath.Join(outDir, name)); err != nil {
			return "", err
		}
	}
	return filepath.Join(outDir, PublicDir, "index.html"), nil
}

// deliverable builds one participant's folder under tmp, every language.
func (b *builder) deliverable(tmp, name string) (Deliverable, error) {
	e := b.keys.Entry(name)
	dir := filepath.Join(tmp, ParticipantsDir, e.Token)
	for _, lang := range b.langs {
		if err := b.buildLang(lang, filepath.Join(dir, lang), name); err != nil {
			return Deliverable{}, errorText.Errorf(errReportParticipant, name, lang, err)
		}
	}
	if _, err := b.langIndex(dir, name); err != nil {
		return Deliverable{}, err
	}
	return Deliverable{Participant: name, Label: e.Label, Token: e.Token, Passphrase: e.Passphrase}, nil
}

// checkOutput refuses an output folder whose public/, participants/ or
// access.csv opros did not write (no marker): a rebuild replaces them
// whole, which must never remove someone's files.
func checkOutput(outDir string) error {
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(outDir, marker)); err == nil {
		return nil
	}
	for _, name := range []string{PublicDir, ParticipantsDir, AccessFile} {
		path := filepath.Join(outDir, name)
		if _, err := os.Lstat(path); !errors.Is(err, fs.ErrNotExist) {
			return errorText.Errorf(errReportNotOurs, path)
		}
	}
	return nil
}

// langIndex writes dir/index.html leading to the first language's pages.
func (b *builder) langIndex(dir, viewer string) (string, error) {
	var links []string
	for _, l := range b.langs {
		links = append(links, fmt.Sprintf(`<li><a href="%s/index.html" lang="%s">%s</a></li>`, l, l, template.HTMLEscapeString(b.surveyText(b.s.Title, l))))
	}
	title := b.surveyText(b.s.Title, b.langs[0])
	if viewer != "" {
		title = b.participantName(viewer, b.langs[0]) + " — " + title
	}
	page := fmt.Sprintf(`<!doctype html><html lang="%s"><head><meta charset="utf-8"><title>%s</title>`+
		`<meta http-equiv="refresh" content="0; url=%s/index.html"><meta name="viewport" content="width=device-width, initial-scale=1">`+
		`<meta name="robots" content="noindex"></head><body><ul>%s</ul></body></html>`+"\n",
		b.langs[0], template.HTMLEscapeString(title), b.langs[0], strings.Join(links, ""))
	root := filepath.Join(dir, "index.html")
	return root, os.WriteFile(root, []byte(page), 0o644)
}

// writeAccess writes the operator's list of deliverables (mode 0600).
func writeAccess(path string, ds []Deliverable) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	w := csv.NewWriter(f)
	w.Write([]string{"participant", "label", "token", "passphrase", "folder"})
	for _, d := range ds {
		w.Write([]string{d.Participant, d.Label, d.Token, d.Passphrase, ParticipantsDir + "/" + d.Token + "/"})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	return f.Close()
}

// Deliverables lists the deliverables of a built report from its
// access.csv: the hook for work on finished folders (encryption, PDF).
func Deliverables(outDir string) ([]Deliverable, error) {
	f, err := os.Open(filepath.Join(outDir, AccessFile))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Name(), err)
	}
	var out []Deliverable
	for i, r := range rows {
		if i == 0 {
			continue
		}
		if len(r) < 4 {
			return nil, fmt.Errorf("%s: line %d: %d fields", f.Name(), i+1, len(r))
		}
		out = append(out, Deliverable{Participant: r[0], Label: r[1], Token: r[2], Passphrase: r[3], Dir: filepath.Join(outDir, ParticipantsDir, r[2])})
	}
	return out, nil
}

// setParticipants gives the participants their labels from the keys
// (made in memory when the caller has none) and orders them by label, so
// no table lists them in the order of their names; and it redacts the
// open answers the public site and the deliverables show.
func (b *builder) setParticipants() error {
	names := Participants(b.s, b.res)
	b.keys = b.cfg.Keys
	if b.keys == nil {
		k, err := keys.New(b.s.ID, names)
		if err != nil {
			return err
		}
		b.keys = k
	}
	for _, p := range names {
		e := b.keys.Entry(p)
		if e == nil {
			return errorText.Errorf(errReportNoKeys, p)
		}
		b.anon[p] = e.Label
	}
	sort.Slice(names, func(i, j int) bool {
		a, c := b.anon[names[i]], b.anon[names[j]]
		if len(a) != len(c) {
			return len(a) < len(c)
		}
		return a < c
	})
	b.participants = names
	for i, p := range names {
		b.slug[p] = fmt.Sprintf("p%02d", i+1)
	}
	b.redactComments(names)
	return nil
}

// comments are the redacted open answers of one group, by variable.
type comments struct {
	byVar      map[string][]string
	redactions int
	n          int
}

// redactComments redacts the open answers of all respondents (for the
// public site, when the survey allows them there) and of each
// participant's respondents (for its deliverable).
func (b *builder) redactComments(names []string) {
	terms := append([]string(nil), names...)
	for _, n := range names {
		for _, l := range b.langs {
			terms = append(terms, b.participantName(n, l))
		}
	}
	if b.s.Report != nil {
		for p, as := range b.s.Report.Aliases {
			terms = append(terms, p)
			terms = append(terms, as...)
		}
	}
	r := redact.New(terms)
	b.redactor = r
	b.comments = map[string]*comments{}
	groups := []string{"all"}
	for _, p := range names {
		groups = append(groups, b.s.Bench.Participant+"="+p)
	}
	for _, key := range groups {
		c := &comments{byVar: map[string][]string{}}
		if g := b.res.Group(key); g != nil && !g.Suppressed {
			vars := make([]string, 0, len(g.Verbatims))
			for v := range g.Verbatims {
				vars = append(vars, v)
			}
			sort.Strings(vars)
			for _, v := range vars {
				for _, vb := range g.Verbatims[v] {
					text, n := r.Redact(vb.Text)
					c.byVar[v] = append(c.byVar[v], text)
					c.redactions += n
					c.n++
				}
			}
		}
		b.comments[key] = c
	}
}

// openAnswers are the comments this site shows: a deliverable its own
// participant's, the public site everyone's if the survey allows it.
func (l *lang) openAnswers() *comments {
	switch {
	case l.viewer != "":
		return l.comments[l.s.Bench.Participant+"="+l.viewer]
	case l.s.Report != nil && l.s.Report.PublicComments:
		return l.comments["all"]
	}
	return &comments{}
}

// openAnswersSection is the methodology page's account of open answers:
// where they are shown and how many pieces redaction removed.
func (l *lang) openAnswersSection() section {
	c := l.openAnswers()
	n, r := strconv.Itoa(c.n), strconv.Itoa(c.redactions)
	var text string
	switch {
	case l.viewer != "":
		text = l.say(textThisReportShowsThe, n)
	case l.s.Report != nil && l.s.Report.PublicComments:
		text = l.say(textOpenAnswersOfAll, n)
	default:
		text = l.say(textOpenAnswersAreNot)
	}
	if l.viewer != "" || (l.s.Report != nil && l.s.Report.PublicComments) {
		text += l.say(textBeforeTheyAreShown, redact.Mark, r)
	}
	return section{ID: "open-answers", Title: l.say(textOpenAnswers), Prose: markdownSafe(text)}
}

// redact is an open answer as any page may show it (see redactComments).
func (l *lang) redact(text string) string {
	s, _ := l.redactor.Redact(text)
	return s
}

// byRank orders a benchmark's participants by rank and, among equal
// ranks, by label: the engine lists ties in the order of their names,
// which anonymous rows must not show.
func (l *lang) byRank(ps []score.Participant) []score.Participant {
	out := append([]score.Participant(nil), ps...)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Rank != out[j].Rank {
			return out[i].Rank < out[j].Rank
		}
		a, b := l.anon[out[i].Name], l.anon[out[j].Name]
		if len(a) != len(b) {
			return len(a) < len(b)
		}
		return a < b
	})
	return out
}

// participantName is how a participant is named: the participant field's
// value, or the option's label when the participant is a question.
func (b *builder) participantName(v, lang string) string {
	if q := b.s.Question(b.s.Bench.Participant); q != nil {
		if o := q.Option(v); o != nil {
			return b.surveyText(o.Label, lang)
		}
	}
	return v
}
