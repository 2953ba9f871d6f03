// Package form compiles a survey's IR into static HTML forms: one
// self-contained folder per language (index.html, form.css, form.js) that any
// static host can serve and that posts answers to the survey's endpoint.
//
// The HTML is a complete form on its own — every page a section, native
// required/min/max/pattern, a plain POST with the urlencoded field names of
// docs/architecture.md — and form.js enhances it: one page at a time, live
// show_if from the IR's expression tree, validation messages, save and
// resume in localStorage, and JSON submission that retries without ever
// storing an answer twice. The page is the template form.qtpl, compiled to
// Go by qtc (quicktemplate): html/template's reflective execution was most of
// the time `opros build` took. The runtime's JS and CSS are files embedded
// here.
package form

//go:generate go tool qtc -file=form.qtpl

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/js"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/opros/opros/compiler"
	"github.com/opros/opros/compiler/codebook"
	"github.com/opros/opros/compiler/ir"
)

//go:embed assets/form.js
var formJSSource []byte

//go:embed assets/form.css
var formCSSSource []byte

// shipped holds the runtime as respondents download it. The sources are
// written to be read; every respondent's phone fetches the runtime, and
// minifying it cuts the gzipped script by about a third (TestBudgets holds
// the shipped bytes to the budget). The minifier is deterministic,
// so forms stay byte-identical from build to build.
var shipped = sync.OnceValue(func() map[string][]byte {
	m := minify.New()
	m.AddFunc("text/javascript", js.Minify)
	m.AddFunc("text/css", css.Minify)
	out := map[string][]byte{}
	for name, src := range map[string][]byte{"form.js": formJSSource, "form.css": formCSSSource} {
		mediatype := "text/css"
		if strings.HasSuffix(name, ".js") {
			mediatype = "text/javascript"
		}
		b, err := m.Bytes(mediatype, src)
		if err != nil {
			// The sources are embedded: a file the minifier cannot parse
			// is a bug in this package, caught by every test that builds
			// a form.
			panic(fmt.Sprintf("render/form: minifying assets/%s: %v", name, err))
		}
		out[name] = b
	}
	return out
})

// Assets returns the runtime files every form folder gets, by name, as
// they are shipped (minified).
func Assets() map[string][]byte {
	a := shipped()
	return map[string][]byte{"form.js": a["form.js"], "form.css": a["form.css"]}
}

var hexColour = regexp.MustCompile(`^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$`)

// Options tune a build.
type Options struct {
	// SurveyDir is the folder the survey was loaded from; the theme logo is
	// read relative to it. Empty means the logo is not copied.
	SurveyDir string
	// Endpoint overrides the survey's endpoint URL (previews, tests).
	Endpoint string
}

// Build writes outDir/<survey-id>/<lang>/{index.html,form.css,form.js} for
// every language of the survey and returns the index.html paths.
func Build(s *ir.Survey, outDir string, opts Options) ([]string, error) {
	// Languages are rendered concurrently: each is its own folder, so the
	// output does not depend on which finishes first.
	paths := make([]string, len(s.Languages))
	errs := make([]error, len(s.Languages))
	var wg sync.WaitGroup
	for i, lang := range s.Languages {
		wg.Add(1)
		go func() {
			defer wg.Done()
			paths[i], errs[i] = buildLanguage(s, lang, outDir, opts)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return paths, nil
}

func buildLanguage(s *ir.Survey, lang, outDir string, opts Options) (string, error) {
	dir := filepath.Join(outDir, s.ID, lang)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	html, err := Render(s, lang, opts)
	if err != nil {
		return "", fmt.Errorf("form %s/%s: %w", s.ID, lang, err)
	}
	runtime := shipped()
	files := map[string][]byte{"index.html": html, "form.js": runtime["form.js"], "form.css": runtime["form.css"]}
	if s.Theme.Logo != "" && opts.SurveyDir != "" {
		// opros check refuses a logo outside the survey's folder; an IR
		// that did not come through it is held to the same.
		path, err := compiler.SurveyFile(opts.SurveyDir, s.Theme.Logo)
		var logo []byte
		if err == nil {
			logo, err = os.ReadFile(path)
		}
		if err != nil {
			return "", errorText.Errorf(errThemeLogo, err)
		}
		files[filepath.Base(s.Theme.Logo)] = logo
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return "", err
		}
	}
	return filepath.Join(dir, "index.html"), nil
}

// Render returns the index.html of the form in one language.
func Render(s *ir.Survey, lang string, opts Options) ([]byte, error) {
	v, err := newView(s, lang, opts)
	if err != nil {
		return nil, err
	}
	// A question takes about a kilobyte of HTML: growing the buffer to the
	// page's size in one step saves copying a large survey's page over.
	var buf bytes.Buffer
	buf.Grow(8<<10 + len(v.Data) + len(s.Vars)<<10)
	writeformPage(&buf, v)
	return buf.Bytes(), nil
}

// view is what the template (form.qtpl) sees: survey text already in one
// language, Markdown already HTML, nothing left to decide in the template.
// Fields named HTML in their comment are written unescaped.
type view struct {
	Lang, Title, SurveyID, Version, Endpoint, Logo string
	LogoHeight                                     int           // CSS pixels; 0: the stylesheet's default
	Progress                                       bool          // the step counter is shown
	Accent                                         accentColours // zero: form.css's own
	Intro, ThankYou                                string        // HTML
	UI                                             map[string]string
	Hidden                                         []ir.Hidden
	Pages                                          []pageView
	Endings                                        []endingView // those with a text of their own
	Data                                           string       // JSON, "</" escaped
}

type endingView struct {
	ID, Text string // Text: HTML
}

type pageView struct {
	ID, Title, Condition string
	Loop                 string // a loop iteration's note: for those who chose its option (loopNotes)
	Intro                string // HTML, as Title is (its piped values as spans)
	Questions            []questionView
	// Rules: the messages of the page's validate rules, which the form
	// without JavaScript states under the title; form.js shows the one
	// that does not hold in the page's error line.
	Rules []string
}

type optionView struct {
	Code, Label   string // Label: piped values as their fallbacks (attributes, <option>)
	HTML          string // the label with its piped values (pipedHTML)
	Other, Anchor bool
	Later         bool // not offered before any answer (offerView): left out of the first paint
}

// gridRow is one row of a matrix_multi or grid with its cells, each
// cell's Code its answer key and Label "row: column" (its aria-label).
type gridRow struct {
	Code, Label string
	Cells       []optionView
}

type pointView struct {
	Value int
	Label string
}

type scaleView struct {
	Min, Max                    int
	MinLabel, MaxLabel, Missing string
	Points                      []pointView
}

type questionView struct {
	ID, Type, Style, Number, Condition        string
	Text                                      string // HTML: piped values are spans (pipedHTML)
	Help                                      string // HTML
	Required, NativeRequired, Group           bool
	StartsHidden                              bool   // show_if false before any answer: hidden from the first paint
	ChoiceInput                               string // radio or checkbox, for single and multi
	ChoiceRequired                            bool
	Columns                                   int // single, multi: options in this many columns on wide screens
	Randomize, Multiline                      bool
	Options                                   []optionView
	Rows                                      []optionView
	Boxes                                     []optionView // inputs: one box per item, Code its answer key
	Total                                     string       // constant_sum: what the boxes add up to
	Ranks                                     []int        // ranking: the ranks each item's select offers
	Cols                                      []optionView // matrix_multi, grid: the columns (a matrix_multi's options)
	Grid                                      []gridRow    // matrix_multi, grid: its rows, each with its cells
	Scale                                     *scaleView
	InputType, Pattern, PatternTitle          string
	Min, Max, Step, Placeholder, Autocomplete string
	MinLength, MaxLength                      int
	Describe                                  string
	UI                                        map[string]string
}

func newView(s *ir.Survey, lang string, opts Options) (*view, error) {
	ui := uiText(s, lang)
	endpoint := s.Endpoint.URL
	if opts.Endpoint != "" {
		endpoint = opts.Endpoint
	}
	// The compiler checks both, but an IR can come from elsewhere, and the
	// template escapes text, not URLs or CSS.
	if u, err := url.Parse(endpoint); err != nil || (u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "") {
		return nil, fmt.Errorf("the endpoint %q is neither an http(s):// URL nor a path", endpoint)
	}
	var accent accentColours
	if hexColour.MatchString(s.Theme.Accent) {
		accent, _ = accentColoursOf(s.Theme.Accent)
	}
	v := &view{
		Lang: lang, Title: s.Title.Get(lang), SurveyID: s.ID, Version: s.Hash, Endpoint: endpoint,
		Accent: accent, UI: ui, Hidden: s.Hidden, Progress: s.ProgressShown(),
		Intro: pipedMarkdown(s.Intro.Get(lang)), ThankYou: pipedMarkdown(s.ThankYou.Get(lang)),
	}
	if s.Theme.Logo != "" {
		v.LogoHeight = s.Theme.LogoHeight
		v.Logo = filepath.Base(s.Theme.Logo)
		if strings.Contains(v.Logo, ":") {
			v.Logo = "./" + v.Logo // a file name, never a "javascript:" URL
		}
	}
	if v.ThankYou == "" {
		v.ThankYou = "<p>" + html.EscapeString(ui["thanks_text"]) + "</p>"
	}
	data := runtimeData{Survey: s.ID, Version: s.Hash, Lang: lang, Endpoint: endpoint, Format: s.Endpoint.Format,
		UI: scriptUI(ui), Order: map[string]bool{}, Invitations: s.Invitations != nil,
		Review: s.ReviewStep(), Progress: s.ProgressShown()}
	data.Endings = make([]endingData, 0, len(s.Endings))
	for _, e := range s.Endings {
		data.Endings = append(data.Endings, endingData{ID: e.ID, ShowIf: e.ShowIf, ScreenOut: e.ScreenOut, Redirect: e.Redirect})
		if text := pipedMarkdown(e.Text.Get(lang)); text != "" {
			v.Endings = append(v.Endings, endingView{ID: e.ID, Text: text})
		}
	}
	// An empty list, not null: form.js walks it.
	data.Hidden = make([]hiddenData, 0, len(s.Hidden))
	for _, h := range s.Hidden {
		data.Hidden = append(data.Hidden, hiddenData{ID: h.ID, Param: h.Param, Def: h.Default})
	}
	n := 0
	for _, p := range s.Pages {
		n += len(p.Questions)
	}
	// What form.js will find before any answer: no answers and the hidden
	// fields' defaults (a link's own value can make it show a question the
	// first paint left out, which then moves what follows).
	defaults := make(map[string]string, len(s.Hidden))
	for _, h := range s.Hidden {
		defaults[h.ID] = h.Default
	}
	atStart := func(ref string) any {
		if v, ok := defaults[ref]; ok {
			return v
		}
		return nil
	}
	v.Pages, data.Pages = make([]pageView, 0, len(s.Pages)), make([]pageData, 0, len(s.Pages))
	data.Questions = make([]questionData, 0, n)
	// Without JavaScript every page is on one form: a page after a
	// screen_out is asked only if none held, which its note says, and its
	// questions cannot be natively required.
	var notScreened []*ir.Expr
	for _, p := range s.Pages {
		pv := pageView{ID: p.ID, Title: pipedHTML(p.Title.Get(lang)), Intro: pipedMarkdown(p.Intro.Get(lang)),
			Questions: make([]questionView, 0, len(p.Questions))}
		cond := notScreened
		if p.ShowIf != nil {
			cond = append(cond[:len(cond):len(cond)], p.ShowIf)
		}
		if len(cond) > 0 {
			all := cond[0]
			for _, c := range cond[1:] {
				all = &ir.Expr{Op: ir.OpAnd, Args: []*ir.Expr{all, c}}
			}
			pv.Condition = ui["only_if"] + " " + codebook.ExprString(all)
		}
		if p.Iteration != nil {
			pv.Condition, pv.Loop = loopNotes(s, &p, notScreened, lang, ui)
		}
		for _, so := range p.ScreenOut {
			notScreened = append(notScreened, &ir.Expr{Op: ir.OpNot, Args: []*ir.Expr{so.If}})
		}
		pd := pageData{ID: p.ID, ShowIf: p.ShowIf, Questions: make([]string, 0, len(p.Questions))}
		for _, r := range p.Rules {
			pd.Rules = append(pd.Rules, ruleData{Must: r.Must, Message: r.Message.Get(lang)})
			pv.Rules = append(pv.Rules, r.Message.Get(lang))
		}
		for _, so := range p.ScreenOut {
			pd.ScreenOut = append(pd.ScreenOut, screenOutData{If: so.If, Ending: so.Ending})
		}
		for i := range p.Questions {
			q := &p.Questions[i]
			qv := questionViewOf(q, lang, ui, len(cond) > 0)
			qv.StartsHidden = q.ShowIf != nil && !ir.Truthy(q.ShowIf.Eval(atStart))
			offerView(&qv, s, q, lang, ui, atStart)
			pv.Questions = append(pv.Questions, qv)
			pd.Questions = append(pd.Questions, q.ID)
			data.Questions = append(data.Questions, questionDataOf(q, lang))
			if q.Randomize {
				data.Order[q.ID] = true
			}
		}
		v.Pages = append(v.Pages, pv)
		data.Pages = append(data.Pages, pd)
	}
	data.Labels = pipeLabels(s, lang, pipedTexts(s, lang))
	for _, c := range s.Calculations {
		if data.Calc == nil {
			data.Calc = map[string]*ir.Expr{}
		}
		data.Calc[c.ID] = c.Value
	}
	raw, err := json.Marshal(data)
	if err != nil {
		return nil, err
	}
	// The JSON sits in a <script> element: "</" must not end it early.
	v.Data = strings.ReplaceAll(string(raw), "</", `<\/`)
	return v, nil
}

func questionViewOf(q *ir.Question, lang string, ui map[string]string, pageConditional bool) questionView {
	qv := questionView{
		ID: q.ID, Type: q.Type, Style: q.Style, Text: pipedHTML(q.Text.Get(lang)), Help: pipedMarkdown(q.Help.Get(lang)),
		Required: q.Required, Randomize: q.Randomize, Multiline: q.Multiline, Columns: q.Columns,
		MinLength: q.MinLength, MaxLength: q.MaxLength, Placeholder: q.Placeholder.Get(lang), UI: ui,
	}
	// Without JavaScript no condition can be evaluated, so a conditional
	// question cannot be natively required: it would block respondents who
	// should never see it. It says in words when to answer it instead, and
	// the endpoint checks the condition.
	qv.NativeRequired = q.Required && q.ShowIf == nil && !pageConditional
	if q.ShowIf != nil {
		qv.Condition = ui["only_if"] + " " + codebook.ExprString(q.ShowIf)
	}
	qv.ChoiceInput = "radio"
	if q.Type == ir.Multi {
		qv.ChoiceInput = "checkbox"
	}
	qv.ChoiceRequired = qv.NativeRequired && (q.Type == ir.Single || q.Type == ir.Boolean)
	qv.Group = q.Type != ir.Dropdown && q.Type != ir.TextQ && q.Type != ir.Number && q.Type != ir.Email && q.Type != ir.Date
	var describe []string
	if q.Help != nil {
		describe = append(describe, q.ID+"-help")
	}
	if qv.Condition != "" {
		describe = append(describe, q.ID+"-cond")
	}
	describe = append(describe, q.ID+"-err")
	qv.Describe = strings.Join(describe, " ")
	for _, o := range q.Options {
		qv.Options = append(qv.Options, optionView{Code: o.Code, Label: ir.Unpiped(o.Label.Get(lang)), HTML: pipedHTML(o.Label.Get(lang)), Other: o.Other, Anchor: o.Anchor})
	}
	for _, r := range q.Rows {
		qv.Rows = append(qv.Rows, optionView{Code: r.Code, Label: r.Label.Get(lang)})
	}
	if q.Type == ir.Boolean { // two radio buttons whose values form.js reads as true and false
		qv.Options = []optionView{{Code: "true", Label: q.TrueLabel.Get(lang), HTML: html.EscapeString(q.TrueLabel.Get(lang))},
			{Code: "false", Label: q.FalseLabel.Get(lang), HTML: html.EscapeString(q.FalseLabel.Get(lang))}}
	}
	if q.Scale != nil {
		sv := &scaleView{Min: q.Scale.Min, Max: q.Scale.Max, MinLabel: q.Scale.MinLabel.Get(lang),
			MaxLabel: q.Scale.MaxLabel.Get(lang), Missing: q.Scale.Missing.Get(lang)}
		for x := q.Scale.Min; x <= q.Scale.Max; x++ {
			p := pointView{Value: x}
			if i := x - q.Scale.Min; i < len(q.Scale.Labels) {
				p.Label = q.Scale.Labels[i].Get(lang)
			}
			sv.Points = append(sv.Points, p)
		}
		qv.Scale = sv
	}
	switch q.Type {
	case ir.TextQ:
		qv.InputType = "text"
		if q.Pattern != "" {
			qv.Pattern = q.Pattern
			qv.PatternTitle = q.PatternMessage.Get(lang)
		}
	case ir.Email:
		qv.InputType, qv.Autocomplete = "email", "email"
	case ir.Date:
		qv.InputType = "date"
	case ir.Inputs, ir.ConstantSum, ir.Ranking:
		for r := 1; r <= q.Rank; r++ {
			qv.Ranks = append(qv.Ranks, r)
		}
		if q.Type == ir.ConstantSum {
			qv.Total = strconv.FormatFloat(q.Total, 'f', -1, 64)
		}
		for _, it := range q.Items {
			qv.Boxes = append(qv.Boxes, optionView{Code: q.ItemKey(it.Code), Label: it.Label.Get(lang)})
		}
		if q.Input == ir.InputNumber {
			numberInput(&qv, q)
		} else {
			qv.InputType = "text"
			if q.Pattern != "" {
				qv.Pattern = q.Pattern
				qv.PatternTitle = q.PatternMessage.Get(lang)
			}
		}
	case ir.Number:
		numberInput(&qv, q)
	case ir.MatrixMulti, ir.Grid:
		cols := q.CellColumns()
		for _, c := range cols {
			qv.Cols = append(qv.Cols, optionView{Code: c.Code, Label: c.Label.Get(lang)})
		}
		for _, r := range q.Rows {
			row := gridRow{Code: r.Code, Label: r.Label.Get(lang)}
			for _, c := range cols {
				row.Cells = append(row.Cells, optionView{Code: q.CellKey(r.Code, c.Code), Label: row.Label + ": " + c.Label.Get(lang)})
			}
			qv.Grid = append(qv.Grid, row)
		}
		if q.Type == ir.Grid && q.Input == ir.InputNumber {
			numberInput(&qv, q)
		}
	}
	return qv
}

// numberInput sets a number box's type, step and limits.
func numberInput(qv *questionView, q *ir.Question) {
	qv.InputType, qv.Step = "number", "any"
	if q.Integer {
		qv.Step = "1"
	}
	if q.Min != nil {
		qv.Min = strconv.FormatFloat(*q.Min, 'f', -1, 64)
	}
	if q.Max != nil {
		qv.Max = strconv.FormatFloat(*q.Max, 'f', -1, 64)
	}
}

// runtimeData is the subset of the IR form.js needs, in one language.
type runtimeData struct {
	Survey    string            `json:"survey"`
	Version   string            `json:"version"`
	Lang      string            `json:"lang"`
	Endpoint  string            `json:"endpoint"`
	Format    string            `json:"format"`
	Hidden    []hiddenData      `json:"hidden"`
	Pages     []pageData        `json:"pages"`
	Questions []questionData    `json:"questions"`
	Order     map[string]bool   `json:"order"`
	UI        map[string]string `json:"ui"`

	// Invitations: the survey takes signed invitation links, whose inv,
	// sig and exp form.js sends back with the answers.
	Invitations bool `json:"invitations,omitempty"`

	// Review: a review step follows the last page (else the last page
	// submits); Progress: the step counter and bar are shown.
	Review   bool `json:"review,omitempty"`
	Progress bool `json:"progress,omitempty"`

	// Endings: how the survey ends (ir.Ending), in order; their texts are
	// in the page, as #ending-ID.
	Endings []endingData `json:"endings"`

	// Labels: the words of the stored values of every question a text
	// pipes, by question and value (ir.PipeLabels).
	Labels map[string]map[string]string `json:"labels,omitempty"`

	// Calc: the calculate blocks' values (ir.Calculation), by ID.
	Calc map[string]*ir.Expr `json:"calc,omitempty"`
}

type endingData struct {
	ID        string   `json:"id"`
	ShowIf    *ir.Expr `json:"showIf,omitempty"`
	ScreenOut bool     `json:"screenOut,omitempty"`
	Redirect  string   `json:"redirect,omitempty"`
}

type hiddenData struct {
	ID    string `json:"id"`
	Param string `json:"param"`
	Def   string `json:"def,omitempty"`
}

type pageData struct {
	ID        string          `json:"id"`
	ShowIf    *ir.Expr        `json:"showIf,omitempty"`
	Questions []string        `json:"questions"`
	ScreenOut []screenOutData `json:"screenOut,omitempty"`
	Rules     []ruleData      `json:"rules,omitempty"` // checked when Next leaves the page
}

type screenOutData struct {
	If     *ir.Expr `json:"if"`
	Ending string   `json:"ending"`
}

type questionData struct {
	ID         string   `json:"id"`
	Type       string   `json:"type"`
	Text       string   `json:"text"`
	Required   bool     `json:"required,omitempty"`
	ShowIf     *ir.Expr `json:"showIf,omitempty"`
	Options    []string `json:"options,omitempty"`
	Exclusive  []string `json:"exclusive"`
	Other      string   `json:"other,omitempty"`
	Rows       []string `json:"rows,omitempty"`
	Items      []string `json:"items,omitempty"` // inputs: the boxes' answer keys
	Input      string   `json:"input,omitempty"` // inputs: ir.InputText or ir.InputNumber
	Total      *float64 `json:"total,omitempty"` // constant_sum: what the boxes add up to
	Rank       int      `json:"rank,omitempty"`  // ranking: how many items are ranked
	Scale      bool     `json:"scale,omitempty"`
	MinSel     int      `json:"minSel,omitempty"`
	MaxSel     int      `json:"maxSel,omitempty"`
	MinLen     int      `json:"minLen,omitempty"`
	MaxLen     int      `json:"maxLen,omitempty"`
	Pattern    string   `json:"pattern,omitempty"`
	PatternMsg string   `json:"patternMsg,omitempty"`
	Integer    bool     `json:"integer,omitempty"`
	Min        *float64 `json:"min,omitempty"`
	Max        *float64 `json:"max,omitempty"`
	// Messages: the question's own words for failed checks, by
	// ir.MessageKeys name, in the form's language.
	Messages map[string]string `json:"messages,omitempty"`
	// Rules: the question's validate rules, each a condition that must
	// hold when it is answered and the message shown when it does not.
	Rules []ruleData `json:"rules,omitempty"`
	// From: the question's options_from, OptIf: its options' show_if
	// by code (offerData); form.js offers the options they allow.
	From  *fromData           `json:"from,omitempty"`
	OptIf map[string]*ir.Expr `json:"optIf,omitempty"`
}

type ruleData struct {
	Must    *ir.Expr `json:"must"`
	Message string   `json:"message"`
}

func questionDataOf(q *ir.Question, lang string) questionData {
	d := questionData{ID: q.ID, Type: q.Type, Text: q.Text.Get(lang), Required: q.Required, ShowIf: q.ShowIf,
		Exclusive: []string{}, Scale: q.Scale != nil, MinSel: q.MinSelect, MaxSel: q.MaxSelect,
		MinLen: q.MinLength, MaxLen: q.MaxLength, Pattern: q.Pattern, PatternMsg: q.PatternMessage.Get(lang),
		Integer: q.Integer, Min: q.Min, Max: q.Max}
	for _, o := range q.Options {
		d.Options = append(d.Options, o.Code)
		if o.Exclusive {
			d.Exclusive = append(d.Exclusive, o.Code)
		}
		if o.Other {
			d.Other = o.Code
		}
	}
	for _, r := range q.Rows {
		d.Rows = append(d.Rows, r.Code)
	}
	for _, r := range q.Rules {
		d.Rules = append(d.Rules, ruleData{Must: r.Must, Message: r.Message.Get(lang)})
	}
	for key, t := range q.Messages {
		if d.Messages == nil {
			d.Messages = map[string]string{}
		}
		d.Messages[key] = t.Get(lang)
	}
	for _, it := range q.Items {
		d.Items = append(d.Items, q.ItemKey(it.Code))
	}
	for _, c := range q.Cells() { // read, restored and checked like boxes
		d.Items = append(d.Items, c.Key)
	}
	if ir.HasBoxes(q.Type) || q.Type == ir.Grid {
		d.Input = q.Input
	}
	if q.Type == ir.ConstantSum {
		d.Total = &q.Total
	}
	d.Rank = q.Rank
	offerData(&d, q)
	return d
}

// markdown renders survey-author Markdown. goldmark's default leaves raw
// HTML out ("<!-- raw HTML omitted -->"), so a survey file cannot inject
// markup or scripts into the form.
func markdown(src string) string {
	if strings.TrimSpace(src) == "" {
		return ""
	}
	var buf bytes.Buffer
	if err := authorMarkdown.Convert([]byte(src), &buf); err != nil {
		return html.EscapeString(src)
	}
	return strings.TrimSpace(buf.String())
}

// authorMarkdown is goldmark with every link and image of the author's text
// sent without a Referer. The page's own policy (form.qtpl's referrer meta)
// lets the browser send the whole address, signed invitation included, to
// the endpoint the form posts to without JavaScript; a link or image
// elsewhere must not receive it.
var authorMarkdown = goldmark.New(goldmark.WithParserOptions(
	parser.WithASTTransformers(util.Prioritized(noReferrer{}, 100))))

type noReferrer struct{}

func (noReferrer) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n.(type) {
		case *ast.Link, *ast.AutoLink, *ast.Image:
			if entering {
				n.SetAttributeString("referrerpolicy", []byte("no-referrer"))
			}
		}
		return ast.WalkContinue, nil
	})
}
