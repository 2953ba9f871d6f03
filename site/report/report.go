// Package report builds the static benchmark report site from the scoring
// engine's Results: overview, indexes, maturity map, comparison of
// participants, one page per survey section and per participant,
// methodology and the researcher's own Markdown pages. It does no
// statistics — every number comes from score.Results — and only lays them
// out: templates, CSS and JS are embedded files a survey's theme folder may
// override, charts are inline SVG, and the same results give the same bytes.
package report

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/opros/opros/compiler"
	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/localize"
	"github.com/opros/opros/site/keys"
	"github.com/opros/opros/site/redact"
	"github.com/opros/opros/site/score"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed assets/*
var assetFS embed.FS

//go:embed i18n/*.json
var i18nFS embed.FS

// loadWords reads the words the pages' templates use, i18n/*.json.
func loadWords() (localize.Table, error) {
	en, err := i18nFS.ReadFile("i18n/en.json")
	if err != nil {
		return nil, err
	}
	ru, err := i18nFS.ReadFile("i18n/ru.json")
	if err != nil {
		return nil, err
	}
	t, err := localize.LoadTable(en, ru)
	if err != nil {
		return nil, fmt.Errorf("report i18n: %w", err)
	}
	return t, nil
}

// Config tunes a build.
type Config struct {
	// SurveyDir is where the survey lives: the report's theme folder and
	// narrative pages are relative to it.
	SurveyDir string
	// Keys name each participant's deliverable and give its anonymous
	// label (site/keys); nil makes new ones in memory, which opros report
	// never does: links handed out need a keys file.
	Keys *keys.File
	// Data are the files the results were computed from, read again only
	// for a survey's drill-down to records (report { records = true }).
	Data []string
	// Invitations are the invitation lists and the invitations answered,
	// one per wave (opros report --invitations): the methodology page shows
	// the response rates (rates.go). None: no rates are shown.
	Invitations []Invitations
}

type builder struct {
	s      *ir.Survey
	res    *score.Results
	cfg    Config
	langs  []string
	i18n   localize.Table // the templates' words, i18n/*.json
	tmplFS fs.FS
	css    []byte
	js     []byte
	// anonymous labels of participants, by name
	anon         map[string]string
	participants []string // in label order
	slug         map[string]string
	keys         *keys.File
	comments     map[string]*comments // redacted open answers by group key
	drill        *drillDown           // records.go; nil unless the survey asks for records
	redactor     *redact.Redactor
}

func newBuilder(s *ir.Survey, res *score.Results, cfg Config) (*builder, error) {
	b := &builder{s: s, res: res, cfg: cfg, anon: map[string]string{}, slug: map[string]string{}}
	var err error
	if b.i18n, err = loadWords(); err != nil {
		return nil, err
	}
	if s.Report != nil {
		b.langs = s.Report.Languages
	}
	if len(b.langs) == 0 {
		b.langs = []string{"en"}
	}
	b.tmplFS = templateFS
	b.css, _ = assetFS.ReadFile("assets/report.css")
	b.js, _ = assetFS.ReadFile("assets/report.js")
	// Hugo-style theme: a file in the survey's theme folder replaces the
	// embedded one of the same name. What the theme holds is published, so
	// opros check refuses a theme folder outside the survey's; an IR that
	// did not come through it, and a file in the folder that links
	// elsewhere, are held to the same.
	if s.Report != nil && s.Report.Theme != "" && cfg.SurveyDir != "" {
		contained := func(name string) error { // "" is the folder itself
			rel := s.Report.Theme
			if name != "" {
				rel = filepath.Join(rel, name)
			}
			if _, err := compiler.SurveyFile(cfg.SurveyDir, rel); err != nil {
				return errorText.Errorf(errReportTheme, err)
			}
			return nil
		}
		if err := contained(""); err != nil {
			return nil, err
		}
		theme := filepath.Join(cfg.SurveyDir, s.Report.Theme)
		if _, err := os.Stat(filepath.Join(theme, "templates")); err == nil {
			b.tmplFS = overlay{theme: os.DirFS(theme), base: templateFS, contained: contained}
		}
		for _, a := range []struct {
			name string
			data *[]byte
		}{{"report.css", &b.css}, {"report.js", &b.js}} {
			if err := contained(a.name); err != nil {
				return nil, err
			}
			if raw, err := os.ReadFile(filepath.Join(theme, a.name)); err == nil {
				*a.data = raw
			}
		}
	}
	if err := b.setParticipants(); err != nil {
		return nil, err
	}
	if err := b.readRecords(); err != nil {
		return nil, err
	}
	return b, nil
}

// overlay serves theme files before the embedded templates, each only if
// it resolves inside the survey's folder (contained).
type overlay struct {
	theme, base fs.FS
	contained   func(name string) error
}

func (o overlay) Open(name string) (fs.File, error) {
	if f, err := o.theme.Open(name); err == nil {
		if err := o.contained(name); err != nil {
			f.Close()
			return nil, err
		}
		return f, nil
	}
	return o.base.Open(name)
}

func (b *builder) surveyText(t ir.Text, lang string) string {
	s, ok := t[lang]
	if !ok {
		s = t.Get(b.s.Languages[0])
	}
	return b.s.PipesNamed(s, lang) // no one respondent's answer: the piped value's name
}

// lang is everything that depends on the interface language.
type lang struct {
	*builder
	code string
	// viewer is the participant whose deliverable this is; "" for the
	// public site.
	viewer string
	tmpl   *template.Template
	site   *siteView
}

type siteView struct {
	Title, Survey, Version, Fieldwork string
	N                                 int
	Langs                             []string
	Nav                               []navItem
}

type navItem struct{ Href, Label string }

type pageView struct {
	Lang, Root, Path, PageTitle string
	Site                        *siteView
	Body                        template.HTML
}

func (b *builder) buildLang(code, dir, viewer string) error {
	l := &lang{builder: b, code: code, viewer: viewer}
	l.tmpl = template.New("").Funcs(l.funcs())
	if _, err := l.tmpl.ParseFS(b.tmplFS, "templates/*.html"); err != nil {
		return err
	}
	title := b.surveyText(b.s.Title, code)
	if b.s.Report != nil && b.s.Report.Title != nil {
		title = b.surveyText(b.s.Report.Title, code)
	}
	l.site = &siteView{Title: title, Survey: b.s.ID, Version: b.s.Hash, N: b.res.N, Langs: b.langs}
	if b.res.Fieldwork.From != "" {
		l.site.Fieldwork = b.res.Fieldwork.From + " — " + b.res.Fieldwork.To
	}
	// A deliverable opens on its participant's own page; the public site
	// has participants' pages only when they may see each other's.
	overview, named := "index.html", b.s.Bench.Competitors && len(b.participants) > 0
	if viewer != "" {
		overview, named = "overview.html", false
	}
	own := func() (template.HTML, error) {
		body, err := l.participantPage(viewer)
		if b.s.Bench.Competitors {
			return body, err
		}
		label := l.t("participant_anon") + " " + b.anon[viewer]
		note := `<p class="note">` + template.HTMLEscapeString(strings.Replace(l.t("you_are"), "{label}", label, 1)) + `</p>`
		return body + template.HTML(note), err //nolint:gosec // escaped; after the summary, which must fit one screen
	}
	pages := []struct {
		path, title string
		build       func() (template.HTML, error)
		nav         bool
	}{
		{"index.html", b.participantName(viewer, code), own, viewer != ""},
		{overview, l.t("overview"), l.overview, true},
		{"indexes.html", l.t("indexes"), l.indexes, len(b.s.Indexes) > 0},
		{"maturity.html", l.t("maturity"), l.maturity, len(b.s.Blocks) > 0},
		{"ranking.html", l.t("ranking"), l.ranking, len(b.participants) > 0},
		{"questions.html", l.t("questions"), l.questionIndex, true},
		{"participants.html", l.t("participants"), l.participantIndex, named},
		{"methodology.html", l.t("methodology"), l.methodology, true},
		{RecordsPage, l.say(textRecords), l.recordsPage, viewer != "" && b.drill != nil},
	}
	for _, p := range pages {
		if p.nav {
			l.site.Nav = append(l.site.Nav, navItem{p.path, p.title})
		}
	}
	narrative, err := l.narrativePages()
	if err != nil {
		return err
	}
	for _, n := range narrative {
		l.site.Nav = append(l.site.Nav, navItem{n.path, n.title})
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if named {
		if err := os.MkdirAll(filepath.Join(dir, "participants"), 0o755); err != nil {
			return err
		}
	}
	write := func(path, title string, body template.HTML) error {
		root := ""
		if strings.Contains(path, "/") {
			root = "../"
		}
		var buf bytes.Buffer
		v := pageView{Lang: code, Root: root, Path: path, PageTitle: title, Site: l.site, Body: body}
		if err := l.tmpl.ExecuteTemplate(&buf, "layout", v); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		return os.WriteFile(filepath.Join(dir, filepath.FromSlash(path)), buf.Bytes(), 0o644)
	}
	for _, p := range pages {
		if !p.nav {
			continue
		}
		body, err := p.build()
		if err != nil {
			return fmt.Errorf("%s: %w", p.path, err)
		}
		if err := write(p.path, p.title, body); err != nil {
			return err
		}
	}
	for _, n := range narrative {
		if err := write(n.path, n.title, n.body); err != nil {
			return err
		}
	}
	for _, p := range b.s.Pages {
		path := "questions-" + p.ID + ".html"
		body, err := l.questionPage(p)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if err := write(path, b.surveyText(p.Title, code), body); err != nil {
			return err
		}
	}
	for _, name := range b.participants {
		if !named {
			break
		}
		path := "participants/" + b.slug[name] + ".html"
		body, err := l.participantPage(name)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if err := write(path, name, body); err != nil {
			return err
		}
	}
	for name, data := range map[string][]byte{"report.css": b.css, "report.js": b.js} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func (l *lang) t(key string) string {
	return l.i18n.In(key, l.code)
}

// num formats a figure with one decimal, in the language's convention.
func (l *lang) num(x float64) string { return l.decimals(x, 1) }

// decimals formats x with the given number of decimals, in the language's
// convention (a decimal comma in Russian). A value that cannot be computed
// is a dash, and a negative value that rounds to zero is "0.0", not "-0.0".
func (l *lang) decimals(x float64, prec int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "—"
	}
	s := strconv.FormatFloat(x, 'f', prec, 64)
	if strings.Trim(s, "-0.") == "" {
		s = strings.TrimPrefix(s, "-")
	}
	if l.code == "ru" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

func (l *lang) funcs() template.FuncMap {
	return template.FuncMap{
		"t":    l.t,
		"num":  l.num,
		"num0": func(x float64) string { return l.decimals(x, 0) },
		"p":    l.pValue,
		// prel is a p-value with its relation: "= 0.008", "< 0.001".
		"prel": func(x float64) string {
			if x < 0.001 {
				return l.pValue(x)
			}
			return "= " + l.pValue(x)
		},
		"ci": func(f *score.Figure) string {
			if f.Spread != nil { // company-level benchmark
				return "(" + l.spreadText(f.Spread) + ")"
			}
			if f.NoInterval != "" || math.IsNaN(f.Low) || math.IsNaN(f.High) {
				return "(" + l.interval(f.Low, f.High, f.NoInterval) + ")"
			}
			return "[" + l.interval(f.Low, f.High, f.NoInterval) + "]"
		},
		// spread says that a figure is over participants.
		"spread": func(f *score.Figure) bool { return f != nil && (f.Spread != nil || f.NoInterval == "participants") },
		// nlabel names a figure's base: the sum of weights when weighted.
		"nlabel": func() string {
			if l.res.Weighted {
				return l.t("n_weighted")
			}
			return l.t("n")
		},
	}
}

// pValue formats a p-value with three decimals in the language's
// convention; one that could not be computed is a dash.
func (l *lang) pValue(x float64) string {
	if x < 0.001 {
		return "< " + l.decimals(0.001, 3)
	}
	return l.decimals(x, 3)
}

func (l *lang) render(name string, data any) (template.HTML, error) {
	var buf bytes.Buffer
	if err := l.tmpl.ExecuteTemplate(&buf, name, data); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil //nolint:gosec // html/template output
}
