// Package importer turns questionnaires written for other tools (XLSForm
// spreadsheets, SurveyJS JSON) into opros survey source. It only writes HCL
// text: whether that text is a valid survey is for the compiler to say, as
// it says for a survey written by hand.
//
// Each reader fills one small model of what opros can express (survey,
// pages, questions, options), translating the source's expressions through
// the shared expression tree of expr.go, and records every construct it
// cannot carry over (Dropped) or had to change (Changed) with its place in
// the source. write.go lays the model out as canonical HCL.
package importer

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/opros/opros/compiler/localize"
)

// Result is an imported survey: its source and what the import left out or
// changed, in source order.
type Result struct {
	ID        string // the survey ID, also the default output folder
	Source    []byte // survey.hcl in canonical form
	Dropped   []Item // constructs not carried over
	Changed   []Item // carried over with a change (a renamed ID, a filled-in translation)
	Pages     int
	Questions int
}

// Options are what an import needs from outside the compiler.
type Options struct {
	// EnglishUI is the forms' built-in English interface text
	// (render/form.BuiltinText("en")): a language the forms have no text
	// for gets a ui block holding it, for the researcher to translate.
	EnglishUI map[string]string
}

// Item is one construct of the source, where it is and what happened to it.
type Item struct {
	Place Place
	Why   error // catalogued (messages.go): printable in English and Russian
}

// Place is where a construct is in the source: a sheet and row of an
// XLSForm, or a JSON path of a SurveyJS survey.
type Place struct {
	Sheet string
	Row   int // 1-based, as a spreadsheet shows it
	Path  string
}

// Text is the place in lang ("en" or "ru").
func (p Place) Text(lang string) string {
	if p.Path != "" {
		return p.Path
	}
	if p.Row == 0 {
		return localize.Text(messages.Errorf(msgPlaceSheet, p.Sheet), lang)
	}
	return localize.Text(messages.Errorf(msgPlaceRow, p.Sheet, p.Row), lang)
}

// String is the item in lang: its place and the reason.
func (it Item) String(lang string) string {
	return it.Place.Text(lang) + ": " + localize.Text(it.Why, lang)
}

// text is a translatable string by language code.
type text map[string]string

// survey is what an import collects: only what opros can express.
type survey struct {
	id        string
	version   string
	title     text
	intro     text
	thankYou  text
	langs     []string // the first is the default
	endpoint  string
	pages     []*page
	questions int
	ui        map[string]map[string]string // language → key → text
	endings   []*ending
}

// ending is what a respondent sees after submitting, when its condition
// holds (SurveyJS completedHtmlOnCondition).
type ending struct {
	at       Place
	id       string
	showIf   string
	text     text
	redirect string
}

type page struct {
	at        Place
	id        string
	title     text
	intro     text
	showIf    string
	questions []*question
	loop      *loopBlock // the loop the page is asked in, if any
}

// loopBlock is an opros loop (XLSForm repeat over a selection): its pages
// are asked once per option chosen in over.
type loopBlock struct {
	id, over string
}

type question struct {
	at Place
	// value makes this a calculate block (XLSForm calculate, SurveyJS
	// calculatedValues): its opros expression; the question's other
	// fields are unset.
	value          string
	id, typ        string
	comment        string // why the ID differs from the source's name, when source cannot say it
	source         string // the source's name when it is no opros identifier (question source, read by ingest)
	text, help     text
	required       bool
	showIf         string
	options        []option
	optionsFrom    *optionsFrom // carried forward: written before the options of its own
	rows           []option
	gridColumns    []option // a grid's columns
	randomize      bool
	multiline      bool
	input          string // inputs: "number" or text
	rank           *int   // ranking: how many are ranked
	columns        *int
	integer        bool
	min, max       *float64
	minSelect      *int
	maxSelect      *int
	minLength      *int
	maxLength      *int
	pattern        string
	patternMessage text
	placeholder    text
	minLabel       text
	maxLabel       text
	trueLabel      text
	falseLabel     text
	messages       map[string]text // the question's own words for its checks (ir.MessageKeys)
	rules          []rule
}

// rule is a check over the answer that no limit says (XLSForm constraint,
// SurveyJS expression validator): an opros validate block.
type rule struct {
	must    string
	message text
}

// notAllowed is a rule's message when the source gives none, as a
// built-in text ("" key: written in each language by finish).
const notAllowed = "This answer is not allowed."

// setMessages words the question's checks keys with msg; "pattern" is
// its pattern_message.
func (q *question) setMessages(keys map[string]bool, msg text) {
	for k := range keys {
		if k == "pattern" {
			q.patternMessage = msg
			continue
		}
		if q.messages == nil {
			q.messages = map[string]text{}
		}
		q.messages[k] = msg
	}
}

type option struct {
	code      string
	source    string // the source's code or name when it was not a valid opros code (option, row or item source)
	label     text
	other     bool
	exclusive bool
	showIf    string // offered only when it holds (XLSForm choice_filter, SurveyJS choicesVisibleIf)
}

// log collects what an import drops and changes.
type log struct {
	dropped, changed []Item
}

func (l *log) drop(p Place, id msgID, args ...any) {
	l.dropped = append(l.dropped, Item{p, messages.Errorf(id, args...)})
}

func (l *log) change(p Place, id msgID, args ...any) {
	l.changed = append(l.changed, Item{p, messages.Errorf(id, args...)})
}

// ids hands out opros identifiers for the source's names: a letter, then
// letters, digits and '_', unique across questions, pages and hidden fields.
type ids struct {
	used map[string]bool
	// next is, by lower-cased base, the suffix to try first: without it a
	// name given n times costs n²/2 tries (2,000 alike took seconds).
	next map[string]int
	// sources are the names given as sources (source), each once.
	sources map[string]bool
}

var notIDChar = regexp.MustCompile(`[^A-Za-z0-9_]+`)

// make returns an identifier for name, prefix first when name does not
// start with a letter; changed is true when it differs from name.
func (n *ids) make(name, prefix string) (id string, changed bool) {
	id = notIDChar.ReplaceAllString(name, "_")
	id = strings.Trim(id, "_")
	if id == "" || !isLetter(id[0]) {
		id = prefix + id
		id = strings.TrimRight(id, "_")
	}
	base := id
	if n.used[strings.ToLower(id)] {
		if n.next == nil {
			n.next = map[string]int{}
		}
		// The suffixes below next were taken when it was set, and taken
		// stays taken: the first free one is at or above it.
		i := max(n.next[strings.ToLower(base)], 2)
		for ; n.used[strings.ToLower(id)]; i++ {
			id = fmt.Sprintf("%s_%d", base, i)
		}
		n.next[strings.ToLower(base)] = i
	}
	n.used[strings.ToLower(id)] = true
	return id, id != name
}

// source is the source attribute for a name that make renamed to id, as
// ingest reads it in the old tool's answers: the name itself when it is no
// opros identifier (so no ID can be it) and not already another's source
// among n's; else "", and the renamed thing keeps the old name in a
// comment or its change note only.
func (n *ids) source(name, id string) string {
	if name == id || name == "" || n.sources[name] || !notIDChar.MatchString(name) && isLetter(name[0]) {
		return ""
	}
	if n.sources == nil {
		n.sources = map[string]bool{}
	}
	n.sources[name] = true
	return name
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// reservedIDs are the data's own columns (compiler/build.go), which no
// question may take.
var reservedIDs = []string{"response_id", "survey_id", "version", "lang", "wave", "started_at", "submitted_at", "invitation"}

func newIDs() *ids {
	n := &ids{used: map[string]bool{}}
	for _, r := range reservedIDs {
		n.used[r] = true
	}
	return n
}

var notCodeChar = regexp.MustCompile(`[^A-Za-z0-9_-]+`)

// codes hands out option codes of one question: letters, digits, '_' and
// '-', starting with a letter or digit, unique.
type codes map[string]bool

func (c codes) make(code string) string {
	out := notCodeChar.ReplaceAllString(code, "_")
	out = strings.TrimLeft(out, "_-")
	if out == "" {
		out = "code"
	}
	base := out
	for i := 2; c[out]; i++ {
		out = fmt.Sprintf("%s_%d", base, i)
	}
	c[out] = true
	return out
}

// validCode is whether v is an opros option code as it stands.
func validCode(v string) bool {
	return v != "" && !notCodeChar.MatchString(v) && v[0] != '_' && v[0] != '-'
}

// optionCodes gives the options of one question, by their source values,
// their opros codes: a value that is a valid code keeps it (the first of
// two alike), any other gets a code made from it that no option keeps,
// with the value as its source (option source, which ingest reads in the
// old tool's exports). A value given twice gets no source the second
// time, nor does a valid one renamed for coming twice: in the old tool's
// data it meant the first. cs holds the codes, for other and none.
func optionCodes(values []string) (cs codes, out, sources []string) {
	cs = codes{}
	out, sources = make([]string, len(values)), make([]string, len(values))
	kept := make([]bool, len(values))
	for i, v := range values {
		if validCode(v) && !cs[v] {
			cs[v], kept[i], out[i] = true, true, v
		}
	}
	given := map[string]bool{}
	for i, v := range values {
		if kept[i] {
			continue
		}
		if !cs[v] && !given[v] {
			sources[i] = v
			given[v] = true
		}
		out[i] = cs.make(v)
	}
	return cs, out, sources
}

var surveyIDChar = regexp.MustCompile(`[^A-Za-z0-9_-]+`)

// surveyID is an opros survey ID (letters, digits, '_', '-') for name.
func surveyID(name string) string {
	id := strings.Trim(surveyIDChar.ReplaceAllString(name, "-"), "-")
	if id == "" {
		return "imported"
	}
	return id
}

// languageCode is a language code as opros wants it ("ru", "pt-BR").
var languageCode = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]+)*$`)

// sortBySheet orders an XLSForm's items by sheet (survey, choices,
// settings) and row, as a researcher reads the workbook.
func sortBySheet(items []Item) {
	rank := map[string]int{"survey": 0, "choices": 1, "settings": 2}
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i].Place, items[j].Place
		if rank[a.Sheet] != rank[b.Sheet] {
			return rank[a.Sheet] < rank[b.Sheet]
		}
		return a.Row < b.Row
	})
}
