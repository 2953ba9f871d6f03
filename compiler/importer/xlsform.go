package importer

import (
	"errors"
	"io"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// XLSForm imports an XLSForm spreadsheet (.xlsx): its survey, choices and
// settings sheets. name is the file's name, for messages and the default
// survey ID.
func XLSForm(name string, r io.Reader, opt Options) (*Result, error) {
	f, err := excelize.OpenReader(r)
	if err != nil {
		return nil, messages.Errorf(msgBadXlsx, name, err)
	}
	defer f.Close()
	sheets := map[string][][]string{}
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, messages.Errorf(msgBadXlsx, name, err)
		}
		sheets[strings.ToLower(strings.TrimSpace(sh))] = rows
	}
	return xlsform(name, sheets, opt)
}

// sheet is one sheet of an XLSForm read as records by column name.
type sheet struct {
	name string
	cols []string // lower-cased headers
	rows [][]string
}

func newSheet(name string, rows [][]string) *sheet {
	s := &sheet{name: name}
	if len(rows) == 0 {
		return s
	}
	for _, h := range rows[0] {
		s.cols = append(s.cols, strings.ToLower(strings.TrimSpace(h)))
	}
	s.rows = rows[1:]
	return s
}

// get is the cell of row i (0-based, after the header) in column col.
func (s *sheet) get(i int, col string) string {
	for c, h := range s.cols {
		if h == col && c < len(s.rows[i]) {
			return strings.TrimSpace(s.rows[i][c])
		}
	}
	return ""
}

// place is row i as the spreadsheet numbers it (the header is row 1).
func (s *sheet) place(i int) Place { return Place{Sheet: s.name, Row: i + 2} }

// langColumn splits "label::English (en)" into "label" and "en"; lang is
// "" for the default column and ok false for a language without a code.
func langColumn(col string) (base, lang string, ok bool) {
	base, rest, found := strings.Cut(col, "::")
	if !found {
		return col, "", true
	}
	lang, ok = languageOf(rest)
	return base, lang, ok
}

var langInParens = regexp.MustCompile(`\(([A-Za-z]{2,3}(-[A-Za-z0-9]+)*)\)\s*$`)

// knownLanguages are names XLSForms often use without a code.
var knownLanguages = map[string]string{
	"english": "en", "russian": "ru", "french": "fr", "spanish": "es", "german": "de",
	"portuguese": "pt", "arabic": "ar", "chinese": "zh", "kazakh": "kk", "ukrainian": "uk",
	"italian": "it", "swahili": "sw", "hindi": "hi", "turkish": "tr", "polish": "pl",
	"русский": "ru", "english(en)": "en",
}

func languageOf(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if m := langInParens.FindStringSubmatch(s); m != nil {
		code := strings.ToLower(m[1][:strings.IndexAny(m[1]+"-", "-")]) + m[1][strings.IndexAny(m[1]+"-", "-"):]
		return code, languageCode.MatchString(code)
	}
	if languageCode.MatchString(s) {
		return s, true
	}
	code, ok := knownLanguages[strings.ToLower(s)]
	return code, ok
}

// texts reads the columns base and base::LANG of a row into a text.
func (s *sheet) texts(i int, base, defLang string) text {
	t := text{}
	for c, h := range s.cols {
		b, lang, ok := langColumn(h)
		if b != base || !ok || c >= len(s.rows[i]) {
			continue
		}
		if lang == "" {
			lang = defLang
		}
		if v := strings.TrimSpace(s.rows[i][c]); v != "" {
			t[lang] = v
		}
	}
	return t
}

// xlsImport is the state of one XLSForm import.
type xlsImport struct {
	log
	s       *survey
	survey  *sheet
	choices map[string][]choice
	defLang string
	ids     *ids
	syms    symbols
	n       int // questions and calculations so far, for symbol order
	calcs   calcs
	// loopTexts are the calculations inside a repeat that name its option
	// (xlsloop.go): piped as {loop.label} or {loop.code}, read by nothing else.
	loopTexts symbols
	loopAsked map[string]string // a question asked in a loop, after it: the repeat's name
}

type choice struct {
	name  string
	label text
	row   Place
	cols  map[string]string // every column's value, which a choice_filter may read
}

// surveyColumns are the survey sheet's columns the import reads; others
// with a value in a question's row are listed as dropped.
var surveyColumns = map[string]bool{
	"type": true, "name": true, "label": true, "hint": true, "required": true, "required_message": true,
	"relevant": true, "constraint": true, "constraint_message": true, "calculation": true,
	"choice_filter": true, "appearance": true, "default": true, "read_only": true, "parameters": true,
}

func xlsform(name string, sheets map[string][][]string, opt Options) (*Result, error) {
	rows, ok := sheets["survey"]
	if !ok {
		return nil, messages.Errorf(msgNoSurveySheet, name)
	}
	x := &xlsImport{survey: newSheet("survey", rows), ids: newIDs(), syms: symbols{}}
	if !contains(x.survey.cols, "type") || !contains(x.survey.cols, "name") {
		return nil, messages.Errorf(msgNoTypeColumn, name)
	}
	x.s = &survey{id: surveyID(strings.TrimSuffix(filepath.Base(name), filepath.Ext(name)))}
	settings := newSheet("settings", sheets["settings"])
	x.settings(settings)
	x.languages(settings)
	x.readChoices(newSheet("choices", sheets["choices"]))
	x.questions()
	if x.s.questions == 0 {
		return &Result{Dropped: x.dropped, Changed: x.changed}, messages.Errorf(msgNoQuestions, name)
	}
	x.s.finish(&x.log, Place{Sheet: "settings"}, opt)
	sortBySheet(x.dropped)
	sortBySheet(x.changed)
	return &Result{ID: x.s.id, Source: x.s.hcl(), Dropped: x.dropped, Changed: x.changed,
		Pages: len(x.s.pages), Questions: x.s.questions}, nil
}

func (x *xlsImport) settings(st *sheet) {
	if len(st.rows) == 0 {
		return
	}
	for c, h := range st.cols {
		v := ""
		if c < len(st.rows[0]) {
			v = strings.TrimSpace(st.rows[0][c])
		}
		if v == "" {
			continue
		}
		base, _, _ := langColumn(h)
		switch base {
		case "form_title", "default_language":
			// read with the languages
		case "form_id":
			x.s.id = surveyID(v)
		case "version":
			x.s.version = v
		case "submission_url":
			x.s.endpoint = v
		default:
			x.drop(st.place(0), msgDropSetting, h, v)
		}
	}
}

// languages finds the default language and every language of a label or
// hint column.
func (x *xlsImport) languages(st *sheet) {
	x.defLang = ""
	if len(st.rows) > 0 {
		if v := st.get(0, "default_language"); v != "" {
			if code, ok := languageOf(v); ok {
				x.defLang = code
			}
		}
	}
	set := map[string]bool{}
	hasPlain := false
	for _, sh := range []*sheet{x.survey} {
		for _, h := range sh.cols {
			base, lang, ok := langColumn(h)
			if base != "label" && base != "hint" {
				continue
			}
			if !ok {
				x.drop(Place{Sheet: sh.name, Row: 1}, msgDropLanguage, h, strings.SplitN(h, "::", 2)[1])
				continue
			}
			if lang == "" {
				hasPlain = true
			} else {
				set[lang] = true
			}
		}
	}
	if x.defLang == "" {
		x.defLang = "en"
		if !hasPlain {
			for _, l := range sortedLangs(set, "en")[1:] {
				x.defLang = l // the first in order when no plain label column is there
				break
			}
			if set["en"] {
				x.defLang = "en"
			}
		}
		if hasPlain {
			x.change(Place{Sheet: "settings"}, msgChangeDefaultLang, x.defLang)
		}
	}
	set[x.defLang] = true
	x.s.langs = sortedLangs(set, x.defLang)
	if len(st.rows) > 0 {
		x.s.title = st.texts(0, "form_title", x.defLang)
	}
}

func (x *xlsImport) readChoices(st *sheet) {
	x.choices = map[string][]choice{}
	listCol := "list_name"
	if !contains(st.cols, listCol) && contains(st.cols, "list name") {
		listCol = "list name"
	}
	for i := range st.rows {
		list, name := st.get(i, listCol), st.get(i, "name")
		if list == "" || name == "" {
			continue
		}
		for _, h := range st.cols {
			if b, _, _ := langColumn(h); (b == "image" || b == "audio" || b == "video" || strings.HasPrefix(b, "media:")) && st.get(i, h) != "" {
				x.drop(st.place(i), msgDropMedia, h, name)
			}
		}
		cols := map[string]string{}
		for _, h := range st.cols {
			if v := st.get(i, h); v != "" {
				cols[h] = v
			}
		}
		x.choices[list] = append(x.choices[list], choice{name: name, label: st.texts(i, "label", x.defLang), row: st.place(i), cols: cols})
	}
}

// metadata are XLSForm types that record the device or time, not asked.
var metadata = map[string]bool{
	"start": true, "end": true, "today": true, "deviceid": true, "subscriberid": true, "simserial": true,
	"phonenumber": true, "username": true, "email": true, "audit": true, "start-geopoint": true,
	"background-audio": true, "uri:deviceid": true, "instanceid": true,
}

// groupFrame is an open group: a page (depth 1) or a group within one.
type groupFrame struct {
	name   string
	showIf string // nested groups: the condition their questions get
	page   bool
}

func (x *xlsImport) questions() {
	st := x.survey
	var stack []groupFrame
	var cur *page // the page questions go to
	loose := 0    // pages made for questions outside any group
	repeat := 0   // depth inside repeats left out
	var repeatDrop func(count int)
	repeatCount := 0
	var loop *loopState // the repeat being imported as a loop
	newPage := func(id string, title text, at Place) *page {
		pid, changed := x.ids.make(id, "page_")
		if changed && id != "" {
			x.change(at, msgChangeID, id, pid)
		}
		p := &page{at: at, id: pid, title: title}
		x.s.pages = append(x.s.pages, p)
		return p
	}
	for i := range st.rows {
		typ := strings.Join(strings.Fields(strings.ToLower(st.get(i, "type"))), " ")
		name := st.get(i, "name")
		at := st.place(i)
		if typ == "" {
			continue
		}
		switch typ {
		case "begin repeat", "begin_repeat":
			if repeat > 0 {
				repeat++
				continue
			}
			var why func(count int)
			switch {
			case loop != nil:
				why = func(n int) { x.drop(at, msgDropRepeatNested, name, n) }
			case len(stack) > 0:
				group := stack[0].name
				why = func(n int) { x.drop(at, msgDropRepeatInGroup, name, n, group) }
			default:
				var lb *loopBlock
				lb, why = x.loopOver(i, name)
				if lb != nil {
					loop = x.beginLoop(i, lb)
					cur = newPage(lb.id+"_page", nil, at)
					cur.loop = lb
					stack = []groupFrame{{name: name, page: true}}
					continue
				}
			}
			repeat, repeatDrop, repeatCount = 1, why, 0
			continue
		case "end repeat", "end_repeat":
			switch {
			case repeat > 0:
				repeat--
				if repeat == 0 {
					repeatDrop(repeatCount)
				}
			case loop != nil:
				x.endLoop(loop, cur)
				loop, cur, stack = nil, nil, nil
			}
			continue
		}
		if repeat > 0 {
			if !strings.HasPrefix(typ, "begin") && !strings.HasPrefix(typ, "end") {
				repeatCount++
			}
			continue
		}
		switch typ {
		case "begin group", "begin_group":
			if len(stack) == 0 {
				cur = newPage(name, st.texts(i, "label", x.defLang), at)
				if rel := st.get(i, "relevant"); rel != "" {
					pageIndex := len(x.s.pages) - 1
					expr, err := x.translate(rel, nil, func(s *symbol) bool { return s.page < pageIndex })
					if err != nil {
						id, args := asDrop(err)
						x.drop(at, msgDropPageRelevant, rel, name, messages.Errorf(id, args...))
					} else {
						cur.showIf = expr
					}
				}
				stack = append(stack, groupFrame{name: name, page: true})
				continue
			}
			frame := groupFrame{name: name, showIf: stack[len(stack)-1].showIf}
			if label := st.texts(i, "label", x.defLang); len(label) > 0 {
				x.drop(at, msgDropNestedGroup, name, label[x.defLang])
			}
			if rel := st.get(i, "relevant"); rel != "" {
				n := x.n
				expr, err := x.translate(rel, nil, func(s *symbol) bool { return s.at < n })
				if err != nil {
					id, args := asDrop(err)
					x.drop(at, msgDropRelevant, rel, name, messages.Errorf(id, args...))
				} else {
					frame.showIf = and(frame.showIf, expr)
					x.change(at, msgChangeGroupRelevant, name)
				}
			}
			stack = append(stack, frame)
			continue
		case "end group", "end_group":
			if len(stack) > 1 || len(stack) == 1 && loop == nil { // a loop's frame ends with its repeat
				stack = stack[:len(stack)-1]
				if len(stack) == 0 {
					cur = nil
				}
			}
			continue
		}
		if loop != nil && typ == "calculate" {
			x.loopCalc(loop, i, name)
			continue
		}
		if cur == nil {
			loose++
			cur = newPage("page_"+strconv.Itoa(len(x.s.pages)+1), nil, at)
		}
		groupIf := ""
		if len(stack) > 0 {
			groupIf = stack[len(stack)-1].showIf
		}
		x.question(i, typ, name, cur, groupIf)
	}
	// A repeat the sheet leaves open ends with it.
	if repeat > 0 {
		repeatDrop(repeatCount)
	}
	if loop != nil {
		x.endLoop(loop, cur)
	}
	x.calcs.finish(&x.log)
	// Pages left without a question (a group of notes, of dropped types)
	// carry nothing the compiler would accept: a page holds questions.
	x.s.pages = prunePages(x.s.pages, &x.log)
}

func and(a, b string) string {
	if a == "" {
		return b
	}
	if b == "" {
		return a
	}
	return "(" + a + " && " + b + ")"
}

// translate reads an XPath condition and writes it in opros terms.
func (x *xlsImport) translate(src string, self *symbol, visible func(*symbol) bool) (string, error) {
	n, err := parseXPath(src)
	if err != nil {
		return "", err
	}
	t := &translator{syms: x.syms, visible: visible, self: self}
	expr, err := t.condition(n)
	var e *errExpr
	if errors.As(err, &e) && e.id == msgExprUnknownRef && len(e.args) == 1 {
		if name, _ := e.args[0].(string); x.loopAsked[name] != "" {
			return "", fail(msgExprLoopRef, name, x.loopAsked[name])
		}
	}
	return expr, err
}

func (x *xlsImport) question(i int, typ, name string, cur *page, groupIf string) {
	st := x.survey
	at := st.place(i)
	fields := strings.Fields(typ)
	kind := fields[0]
	switch {
	case metadata[kind]:
		x.drop(at, msgDropMetadata, name)
		return
	case kind == "calculate":
		x.calcs.add(&calc{at: at, name: name, src: st.get(i, "calculation"), parse: parseXPath}, cur, &x.n, x.syms, x.ids, &x.log, x.s)
		return
	case kind == "note":
		if len(cur.questions) == 0 && st.get(i, "relevant") == "" {
			cur.intro = mergeText(cur.intro, x.piped(st.texts(i, "label", x.defLang), at))
			x.change(at, msgChangeNoteIntro)
		} else {
			x.drop(at, msgDropNote)
		}
		return
	}
	q := &question{at: at, text: x.piped(st.texts(i, "label", x.defLang), at), help: x.piped(st.texts(i, "hint", x.defLang), at)}
	sym := &symbol{at: x.n, page: len(x.s.pages) - 1}
	appearance := strings.Fields(strings.ToLower(st.get(i, "appearance")))
	used := map[string]bool{}
	switch kind {
	case "select_one", "select_multiple":
		if len(fields) < 2 {
			x.drop(at, msgDropUnknownList, name, "")
			return
		}
		list, ok := x.choices[fields[1]]
		if !ok {
			x.drop(at, msgDropUnknownList, name, fields[1])
			return
		}
		q.typ, sym.kind = "single", kSingle
		if kind == "select_multiple" {
			q.typ, sym.kind = "multi", kMulti
		}
		sym.codes = map[string]string{}
		names := make([]string, len(list))
		for k, c := range list {
			names[k] = c.name
		}
		cs, codeOf, sources := optionCodes(names)
		for k, c := range list {
			code := codeOf[k]
			o := option{code: code, source: sources[k], label: x.piped(c.label, at)}
			switch {
			case o.source != "":
				x.change(c.row, msgChangeCode, c.name, name, code)
			case code != c.name:
				x.change(c.row, msgChangeDuplicateCode, c.name, name, code)
			}
			if len(o.label) == 0 {
				o.label = text{x.defLang: literal(c.name)}
				x.change(c.row, msgChangeLabel, c.name)
			}
			if _, seen := sym.codes[c.name]; !seen {
				sym.codes[c.name] = code
			}
			q.options = append(q.options, o)
		}
		if len(fields) > 2 && fields[2] == "or_other" {
			code := cs.make("other")
			q.options = append(q.options, option{code: code, label: otherLabel(x.s.langs), other: true})
			sym.codes["other"] = code
		}
		if len(q.options) == 0 {
			x.drop(at, msgDropEmptyList, name)
			return
		}
		if kind == "select_one" && contains(appearance, "minimal") {
			q.typ = "dropdown"
			used["minimal"] = true
		}
		for _, a := range appearance {
			if n, err := strconv.Atoi(strings.TrimPrefix(a, "columns-")); err == nil && strings.HasPrefix(a, "columns-") && n >= 2 && n <= 4 && q.typ != "dropdown" {
				q.columns = &n
				used[a] = true
			}
		}
	case "rank":
		list, ok := x.choices[strings.Join(fields[1:], " ")]
		if len(fields) < 2 || !ok || len(list) < 2 {
			x.drop(at, msgDropUnknownList, name, strings.Join(fields[1:], " "))
			return
		}
		used := &ids{used: map[string]bool{}}
		for _, c := range list {
			code, changed := used.make(c.name, "i_")
			if changed {
				x.change(c.row, msgChangeID, c.name, code)
			}
			label := c.label
			if len(label) == 0 {
				label = text{x.defLang: literal(c.name)}
			}
			q.rows = append(q.rows, option{code: code, label: x.piped(label, at)})
		}
		q.typ, sym.kind = "ranking", kRanking
		x.change(at, msgChangeRanking, name, name)
	case "integer", "decimal":
		q.typ, sym.kind, q.integer = "number", kNumber, kind == "integer"
	case "text":
		q.typ, sym.kind = "text", kText
		if contains(appearance, "multiline") {
			q.multiline = true
			used["multiline"] = true
		}
	case "date":
		q.typ, sym.kind = "date", kText
	case "range":
		sym.kind = kNumber
		x.rangeQuestion(q, st.get(i, "parameters"), name, at)
	default:
		x.drop(at, msgDropType, typ)
		return
	}
	for _, a := range appearance {
		if !used[a] {
			x.drop(at, msgDropAppearance, a, name)
		}
	}
	id, changed := x.ids.make(name, "q_")
	if changed {
		// A question in a loop has a column per iteration, which no one
		// old name can be: it keeps the comment.
		if cur.loop == nil {
			q.source = x.ids.source(name, id)
		}
		if q.source != "" {
			x.change(at, msgChangeIDSource, name, id)
		} else {
			x.change(at, msgChangeID, name, id)
			q.comment = "source name: " + quote(name)
		}
	}
	q.id, sym.id = id, id
	x.required(q, i, name)
	n := x.n
	q.showIf = groupIf
	if rel := st.get(i, "relevant"); rel != "" {
		expr, err := x.translate(rel, nil, func(s *symbol) bool { return s.at < n })
		if err != nil {
			eid, args := asDrop(err)
			x.drop(at, msgDropRelevant, rel, name, messages.Errorf(eid, args...))
		} else {
			q.showIf = and(q.showIf, expr)
		}
	}
	x.constraint(q, sym, i, name)
	if f := st.get(i, "choice_filter"); f != "" {
		x.choiceFilter(q, fields, f, name, at)
	}
	if st.get(i, "default") != "" {
		x.drop(at, msgDropDefault, name)
	}
	if ro := strings.ToLower(st.get(i, "read_only")); ro != "" && ro != "no" && ro != "false" && ro != "false()" {
		x.drop(at, msgDropReadonly, name)
	}
	for c, h := range st.cols {
		base, _, _ := langColumn(h)
		if surveyColumns[base] || c >= len(st.rows[i]) || strings.TrimSpace(st.rows[i][c]) == "" {
			continue
		}
		if base == "image" || base == "audio" || base == "video" || strings.HasPrefix(base, "media:") {
			x.drop(at, msgDropMedia, h, name)
			continue
		}
		x.drop(at, msgDropColumn, h, name, strings.TrimSpace(st.rows[i][c]))
	}
	if len(q.text) == 0 {
		q.text = text{x.defLang: literal(name)}
		x.change(at, msgChangeLabel, name)
	}
	x.syms[name] = sym
	x.n++
	x.s.questions++
	cur.questions = append(cur.questions, q)
	x.calcs.retry(cur, &x.n, x.syms, x.ids, &x.log, x.s)
}

// piped is t with its ${name} pipes in opros terms (pipes.go), each one
// it could not carry listed.
func (x *xlsImport) piped(t text, at Place) text {
	syms := x.syms
	if len(x.loopTexts) > 0 {
		syms = symbols{}
		for k, v := range x.syms {
			syms[k] = v
		}
		for k, v := range x.loopTexts {
			syms[k] = v
		}
	}
	t, lost := pipe(t, syms, xlsPipe)
	for _, n := range lost {
		if loop := x.loopAsked[n]; loop != "" {
			x.change(at, msgChangeLoopPipe, n, loop)
			continue
		}
		x.change(at, msgChangePipe, n)
	}
	return t
}

func mergeText(a, b text) text {
	if a == nil {
		return b
	}
	for k, v := range b {
		if a[k] != "" {
			a[k] += "\n\n" + v
		} else {
			a[k] = v
		}
	}
	return a
}

// otherLabel is the "Other" option XLSForm's or_other adds.
func otherLabel(langs []string) text {
	t := text{}
	for _, l := range langs {
		t[l] = "Other"
		if strings.HasPrefix(l, "ru") {
			t[l] = "Другое"
		}
	}
	return t
}

func (x *xlsImport) required(q *question, i int, name string) {
	st := x.survey
	at := st.place(i)
	switch v := strings.ToLower(strings.TrimSpace(st.get(i, "required"))); v {
	case "", "no", "false", "false()", "0":
	case "yes", "true", "true()", "1":
		q.required = true
	default:
		x.drop(at, msgDropRequiredExpr, name, st.get(i, "required"))
	}
	if msg := st.texts(i, "required_message", x.defLang); len(msg) > 0 {
		if q.required {
			q.setMessages(map[string]bool{"required": true}, msg)
		} else {
			x.drop(at, msgDropRequiredMsg, name)
		}
	}
}

// rangeQuestion makes a range a scale when it runs over whole numbers
// (opros scales go in steps of 1, at most 101 points), else a number.
func (x *xlsImport) rangeQuestion(q *question, params, name string, at Place) {
	start, end, step := 1.0, 10.0, 1.0
	for _, kv := range strings.Fields(params) {
		k, v, _ := strings.Cut(kv, "=")
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			continue
		}
		switch strings.ToLower(k) {
		case "start":
			start = f
		case "end":
			end = f
		case "step":
			step = f
		}
	}
	lo, hi := start, end
	if lo > hi {
		lo, hi = hi, lo
	}
	if lo == float64(int(lo)) && hi == float64(int(hi)) && hi > lo && hi-lo <= 100 {
		q.typ, q.min, q.max = "scale", &lo, &hi
		if step != 1 {
			x.drop(at, msgDropRangeStep, name, number(step))
		}
		return
	}
	q.typ, q.min, q.max = "number", &lo, &hi
	x.change(at, msgChangeRangeNumber, name)
}

// constraint carries over the parts of a constraint opros has limits for:
// . >= n and . <= n (min, max), string-length(.) (min_length, max_length),
// count-selected(.) (min_select, max_select), regex(., 'p') (pattern).
func (x *xlsImport) constraint(q *question, sym *symbol, i int, name string) {
	st := x.survey
	src := st.get(i, "constraint")
	msg := st.texts(i, "constraint_message", x.defLang)
	if src == "" {
		if len(msg) > 0 {
			x.drop(st.place(i), msgDropConstraintMsg, name)
		}
		return
	}
	n, err := parseXPath(src)
	if err != nil {
		eid, args := asDrop(err)
		x.drop(st.place(i), msgDropConstraint, src, name, messages.Errorf(eid, args...))
		return
	}
	var parts []*node
	var split func(*node)
	split = func(n *node) {
		if n.op == "and" {
			split(n.args[0])
			split(n.args[1])
			return
		}
		parts = append(parts, n)
	}
	split(n)
	keys := map[string]bool{}
	var must []string
	n0 := x.n
	t := &translator{syms: x.syms, visible: func(s *symbol) bool { return s.at < n0 }, self: sym, selfName: name}
	for _, p := range parts {
		key, err := limit(q, p)
		if err == nil {
			keys[key] = true
			continue
		}
		// What no limit says becomes a validate rule over the answer.
		expr, err := t.condition(p)
		if err != nil {
			eid, args := asDrop(err)
			id := msgDropConstraintPart
			if len(parts) == 1 {
				id = msgDropConstraint
			}
			x.drop(st.place(i), id, src, name, messages.Errorf(eid, args...))
			continue
		}
		must = append(must, expr)
	}
	if len(must) > 0 {
		r := rule{must: strings.Join(must, " && "), message: msg}
		if len(msg) == 0 {
			r.message = text{"": notAllowed}
			x.change(st.place(i), msgChangeRuleMessage, name)
		}
		q.rules = append(q.rules, r)
	}
	if len(msg) > 0 {
		q.setMessages(keys, msg)
		if len(keys) == 0 && len(must) == 0 {
			x.drop(st.place(i), msgDropConstraintMsg, name)
		}
	}
}

// limit sets the question's limit for one part of a constraint and
// returns the key of its message (ir.MessageKeys).
func limit(q *question, n *node) (string, error) {
	if n.op == "call" && n.name == "regex" && len(n.args) == 2 && n.args[0].op == "ref" && n.args[0].name == "." && n.args[1].op == "str" && q.typ == "text" {
		q.pattern = wholeMatch(n.args[1].str)
		if _, err := regexp.Compile(q.pattern); err != nil {
			q.pattern = ""
			return "", fail(msgExprUnsupported, "regex")
		}
		return "pattern", nil
	}
	if len(n.args) != 2 || !(n.op == "<" || n.op == "<=" || n.op == ">" || n.op == ">=") {
		return "", fail(msgExprUnsupported, n.op+" "+n.name)
	}
	op, a, b := n.op, n.args[0], n.args[1]
	if a.op == "num" {
		op, a, b = flip(op), b, a
	}
	if b.op != "num" {
		return "", fail(msgExprUnsupported, op)
	}
	v := b.num
	what := ""
	switch {
	case a.op == "ref" && a.name == "." && (q.typ == "number" || q.typ == "scale"):
		what = "value"
	case a.op == "call" && a.name == "string-length" && len(a.args) == 1 && a.args[0].op == "ref" && a.args[0].name == "." && q.typ == "text":
		what = "length"
	case a.op == "call" && a.name == "count-selected" && len(a.args) == 1 && a.args[0].op == "ref" && a.args[0].name == "." && q.typ == "multi":
		what = "select"
	default:
		return "", fail(msgExprUnsupported, op)
	}
	// Strict bounds are exact only over whole numbers.
	whole := what != "value" || q.integer
	switch op {
	case ">":
		if !whole || v != float64(int(v)) {
			return "", fail(msgExprStrictBound)
		}
		v++
	case "<":
		if !whole || v != float64(int(v)) {
			return "", fail(msgExprStrictBound)
		}
		v--
	}
	lower := op == ">" || op == ">="
	switch what {
	case "value":
		if q.typ == "scale" {
			return "", fail(msgExprUnsupported, op)
		}
		vv := v
		if lower {
			q.min = &vv
			return "min", nil
		}
		q.max = &vv
		return "max", nil
	case "length", "select":
		k := int(v)
		if v != float64(k) || k < 0 {
			return "", fail(msgExprUnsupported, op)
		}
		switch {
		case what == "length" && lower:
			q.minLength = &k
			return "min_length", nil
		case what == "length":
			q.maxLength = &k
			return "max_length", nil
		case lower:
			q.minSelect = &k
			return "min_select", nil
		default:
			q.maxSelect = &k
			return "max_select", nil
		}
	}
	return "", fail(msgExprUnsupported, op)
}

// wholeMatch turns an XPath regex, which matches anywhere in the answer,
// into an opros pattern, which the whole answer must match.
func wholeMatch(p string) string {
	if strings.HasPrefix(p, "^") && strings.HasSuffix(p, "$") && !strings.HasSuffix(p, `\$`) {
		return p[1 : len(p)-1]
	}
	return ".*(" + p + ").*"
}
