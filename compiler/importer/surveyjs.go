package importer

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// SurveyJS imports a SurveyJS survey (its JSON model). name is the file's
// name, for messages and the default survey ID.
func SurveyJS(name string, r io.Reader, opt Options) (*Result, error) {
	src, err := io.ReadAll(r)
	if err != nil {
		return nil, messages.Errorf(msgBadJSON, name, err)
	}
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.UseNumber()
	var root map[string]any
	if err := dec.Decode(&root); err != nil {
		return nil, messages.Errorf(msgBadJSON, name, err)
	}
	if dec.More() {
		return nil, messages.Errorf(msgBadJSON, name, fmt.Errorf("more than one JSON value"))
	}
	if root == nil {
		return nil, messages.Errorf(msgBadJSON, name, fmt.Errorf("not a JSON object"))
	}
	j := &sjsImport{ids: newIDs(), syms: symbols{}, langSet: map[string]bool{}}
	j.defLang = "en"
	if l, ok := root["locale"].(string); ok && languageCode.MatchString(l) {
		j.defLang = l
	}
	j.s = &survey{id: surveyID(strings.TrimSuffix(filepath.Base(name), filepath.Ext(name)))}
	j.read(root)
	if j.s.questions == 0 {
		return &Result{Dropped: j.dropped, Changed: j.changed}, messages.Errorf(msgNoQuestions, name)
	}
	j.langSet[j.defLang] = true
	j.s.langs = sortedLangs(j.langSet, j.defLang)
	j.s.finish(&j.log, Place{Path: "$"}, opt)
	return &Result{ID: j.s.id, Source: j.s.hcl(), Dropped: j.dropped, Changed: j.changed,
		Pages: len(j.s.pages), Questions: j.s.questions}, nil
}

type sjsImport struct {
	log
	s       *survey
	ids     *ids
	syms    symbols
	defLang string
	langSet map[string]bool
	n       int
	// pagePath is "elements" or "questions" when the survey lists its
	// elements at the top, as one page.
	pagePath string
	calcs    calcs
}

// text reads a SurveyJS string: plain, or localised as {"default": …, "ru": …}.
func (j *sjsImport) text(v any, at string) text {
	switch x := v.(type) {
	case string:
		if x == "" {
			return nil
		}
		return text{j.defLang: x}
	case json.Number:
		return text{j.defLang: x.String()}
	case map[string]any:
		t := text{}
		for _, k := range sortedKeys(x) {
			s, ok := x[k].(string)
			if !ok || s == "" {
				continue
			}
			lang := k
			if k == "default" {
				lang = j.defLang
			} else if !languageCode.MatchString(k) {
				j.drop(Place{Path: at + "." + k}, msgDropLanguage, at, k)
				continue
			}
			j.langSet[lang] = true
			t[lang] = s
		}
		if len(t) == 0 {
			return nil
		}
		return t
	}
	return nil
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// surveyKeys are the survey's own properties the import reads.
var surveyKeys = map[string]bool{"title": true, "description": true, "locale": true, "pages": true,
	"elements": true, "questions": true, "completedHtml": true, "completedHtmlOnCondition": true,
	"navigateToUrl": true, "navigateToUrlOnCondition": true, "calculatedValues": true}

func (j *sjsImport) read(root map[string]any) {
	j.s.title = j.text(root["title"], "title")
	j.s.intro = j.piped(j.text(root["description"], "description"), Place{Path: "description"})
	if h := j.text(root["completedHtml"], "completedHtml"); h != nil {
		j.s.thankYou = j.markdown(h, Place{Path: "completedHtml"})
	}
	for _, k := range sortedKeys(root) {
		if !surveyKeys[k] {
			j.drop(Place{Path: k}, msgDropProperty, k, brief(root[k]))
		}
	}
	list, _ := root["calculatedValues"].([]any)
	for i, v := range list {
		// Each is written after the last question it reads (calculate.go).
		vm, _ := v.(map[string]any)
		name, _ := vm["name"].(string)
		expr, _ := vm["expression"].(string)
		at := Place{Path: fmt.Sprintf("calculatedValues[%d]", i)}
		if name == "" {
			j.drop(at, msgDropType, "calculatedValue")
			continue
		}
		j.calcs.pending = append(j.calcs.pending, &calc{at: at, name: name, src: expr, parse: parseSurveyJS})
	}
	pages, _ := root["pages"].([]any)
	if pages == nil {
		// A survey of one page lists its elements at the top.
		for _, k := range []string{"elements", "questions"} {
			if els, ok := root[k].([]any); ok {
				pages = []any{map[string]any{k: els}}
				j.pagePath = k
			}
		}
	}
	for i, p := range pages {
		pm, ok := p.(map[string]any)
		if !ok {
			continue
		}
		at := fmt.Sprintf("pages[%d]", i)
		if j.pagePath != "" {
			at = "$"
		}
		j.page(pm, at)
	}
	j.calcs.finish(&j.log)
	j.s.endings = j.combine(j.endings(root["completedHtmlOnCondition"]), j.redirects(root))
}

// combine orders the thank-you texts and the redirects as opros endings,
// of which a respondent reaches the first that holds. SurveyJS picks the
// two apart: the text is completedHtmlOnCondition's first that holds (else
// completedHtml), the redirect navigateToUrlOnCondition's first that holds
// (else navigateToUrl). So each redirect comes first with each text, its
// condition and the text's both holding, then alone (the survey's
// thank_you), in the redirects' order; the texts alone come last, unless
// navigateToUrl, holding always, leaves no one to reach them.
func (j *sjsImport) combine(texts, redirects []*ending) []*ending {
	if len(redirects) == 0 || len(texts) == 0 {
		return append(texts, redirects...)
	}
	var out []*ending
	for _, r := range redirects {
		for _, t := range texts {
			id, _ := j.ids.make(r.id+"_"+t.id, "ending_")
			out = append(out, &ending{at: t.at, id: id, showIf: and(r.showIf, t.showIf), text: t.text, redirect: r.redirect})
		}
		out = append(out, r)
	}
	if redirects[len(redirects)-1].showIf != "" {
		out = append(out, texts...)
	}
	j.change(Place{Path: "navigateToUrlOnCondition"}, msgChangeEndingsCombined, len(redirects), len(texts), len(out))
	return out
}

// redirects makes navigateToUrlOnCondition endings that send the
// respondent on, and navigateToUrl the last one, for everyone else. A URL
// with SurveyJS's {…} placeholders is dropped: an opros redirect fills
// only {response_id} and {hidden.ID}.
func (j *sjsImport) redirects(root map[string]any) []*ending {
	var out []*ending
	usable := func(u string, at Place) bool {
		pu, err := url.Parse(u)
		if strings.Contains(u, "{") || err != nil || pu.Scheme != "http" && pu.Scheme != "https" || pu.Host == "" {
			j.drop(at, msgDropRedirect, u)
			return false
		}
		return true
	}
	list, _ := root["navigateToUrlOnCondition"].([]any)
	for i, e := range list {
		at := Place{Path: fmt.Sprintf("navigateToUrlOnCondition[%d]", i)}
		em, _ := e.(map[string]any)
		cond, _ := em["expression"].(string)
		u, _ := em["url"].(string)
		if cond == "" || !usable(u, at) {
			continue
		}
		expr, err := j.translate(cond, nil)
		if err != nil {
			eid, args := asDrop(err)
			j.drop(at, msgDropEndingCondition, cond, messages.Errorf(eid, args...))
			continue
		}
		id, _ := j.ids.make("redirect_"+strconv.Itoa(i+1), "redirect_")
		out = append(out, &ending{at: at, id: id, showIf: expr, redirect: u})
	}
	if u, ok := root["navigateToUrl"].(string); ok && u != "" && usable(u, Place{Path: "navigateToUrl"}) {
		id, _ := j.ids.make("redirect", "redirect_")
		out = append(out, &ending{at: Place{Path: "navigateToUrl"}, id: id, redirect: u})
	}
	return out
}

// endings makes each of completedHtmlOnCondition an ending, in order: the
// first whose condition holds is shown, as in SurveyJS.
func (j *sjsImport) endings(v any) []*ending {
	var out []*ending
	list, _ := v.([]any)
	for i, e := range list {
		at := Place{Path: fmt.Sprintf("completedHtmlOnCondition[%d]", i)}
		em, ok := e.(map[string]any)
		if !ok {
			continue
		}
		cond, _ := em["expression"].(string)
		body := j.piped(j.markdown(j.text(em["html"], at.Path+".html"), at), at)
		if cond == "" || body == nil {
			j.drop(at, msgDropCompletedOn)
			continue
		}
		expr, err := j.translate(cond, nil)
		if err != nil {
			eid, args := asDrop(err)
			j.drop(at, msgDropEndingCondition, cond, messages.Errorf(eid, args...))
			continue
		}
		id, _ := j.ids.make("ending_"+strconv.Itoa(i+1), "ending_")
		out = append(out, &ending{at: at, id: id, showIf: expr, text: body})
	}
	return out
}

// piped is t with its {name} pipes in opros terms (pipes.go), each one it
// could not carry listed.
func (j *sjsImport) piped(t text, at Place) text {
	t, lost := pipe(t, j.syms, sjsPipe)
	for _, n := range lost {
		j.change(at, msgChangePipe, n)
	}
	return t
}

// brief is a property's value shortened for a message.
func brief(v any) string {
	b, _ := json.Marshal(v)
	s := string(b)
	if r := []rune(s); len(r) > 40 {
		s = string(r[:40]) + "…"
	}
	return s
}

var pageKeys = map[string]bool{"name": true, "title": true, "description": true, "visibleIf": true, "elements": true, "questions": true}

func (j *sjsImport) page(pm map[string]any, at string) {
	name, _ := pm["name"].(string)
	if name == "" {
		name = "page_" + strconv.Itoa(len(j.s.pages)+1)
	}
	id, changed := j.ids.make(name, "page_")
	if changed && pm["name"] != nil {
		j.change(Place{Path: at + ".name"}, msgChangeID, name, id)
	}
	p := &page{at: Place{Path: at}, id: id, title: j.text(pm["title"], at+".title"), intro: j.piped(j.text(pm["description"], at+".description"), Place{Path: at + ".description"})}
	index := len(j.s.pages)
	if cond, ok := pm["visibleIf"].(string); ok && cond != "" {
		expr, err := j.translate(cond, func(s *symbol) bool { return s.page < index })
		if err != nil {
			eid, args := asDrop(err)
			j.drop(Place{Path: at + ".visibleIf"}, msgDropPageRelevant, cond, name, messages.Errorf(eid, args...))
		} else {
			p.showIf = expr
		}
	}
	if j.pagePath == "" {
		for _, k := range sortedKeys(pm) {
			if !pageKeys[k] {
				j.drop(Place{Path: at + "." + k}, msgDropProperty, k, brief(pm[k]))
			}
		}
	}
	j.s.pages = append(j.s.pages, p)
	key := "elements"
	if j.pagePath != "" {
		key = j.pagePath
	} else if _, ok := pm["elements"]; !ok {
		key = "questions"
	}
	els, _ := pm[key].([]any)
	prefix := at + "." + key
	if j.pagePath != "" {
		prefix = key
	}
	j.elements(p, els, prefix, "", 0)
	if len(p.questions) == 0 {
		j.s.pages = j.s.pages[:len(j.s.pages)-1]
	}
}

func (j *sjsImport) translate(src string, visible func(*symbol) bool) (string, error) {
	return j.translateWith(src, &translator{syms: j.syms, visible: visible})
}

func (j *sjsImport) translateWith(src string, t *translator) (string, error) {
	n, err := parseSurveyJS(src)
	if err != nil {
		return "", err
	}
	return t.condition(n)
}

// elements imports a list of elements into p; a panel's condition is
// added to each of its questions.
func (j *sjsImport) elements(p *page, els []any, at, panelIf string, depth int) {
	for i, e := range els {
		em, ok := e.(map[string]any)
		if !ok {
			continue
		}
		path := fmt.Sprintf("%s[%d]", at, i)
		typ, _ := em["type"].(string)
		name, _ := em["name"].(string)
		switch typ {
		case "panel":
			if depth > maxDepth {
				j.drop(Place{Path: path}, msgDropType, "panel")
				continue
			}
			cond := panelIf
			if c, ok := em["visibleIf"].(string); ok && c != "" {
				n := j.n
				expr, err := j.translate(c, func(s *symbol) bool { return s.at < n })
				if err != nil {
					eid, args := asDrop(err)
					j.drop(Place{Path: path + ".visibleIf"}, msgDropRelevant, c, name, messages.Errorf(eid, args...))
				} else {
					cond = and(cond, expr)
					j.change(Place{Path: path + ".visibleIf"}, msgChangeGroupRelevant, name)
				}
			}
			if em["title"] != nil {
				j.drop(Place{Path: path + ".title"}, msgDropPanelTitle, name)
			}
			sub, _ := em["elements"].([]any)
			j.elements(p, sub, path+".elements", cond, depth+1)
		case "html":
			// opros shows text apart from questions only as a page's
			// intro: one between questions goes there too, said.
			at := Place{Path: path}
			h := j.piped(j.markdown(j.text(em["html"], path+".html"), at), at)
			switch {
			case h == nil:
			case em["visibleIf"] != nil || panelIf != "":
				j.drop(at, msgDropHtml, name)
			case len(p.questions) == 0:
				p.intro = mergeText(p.intro, h)
				j.change(at, msgChangeHtmlIntro)
			default:
				p.intro = mergeText(p.intro, h)
				j.change(at, msgChangeHtmlMoved, name, p.questions[len(p.questions)-1].id)
			}
		default:
			j.question(p, em, path, panelIf)
		}
	}
}

// questionKeys are the question properties the import reads; any other is
// listed as dropped.
var questionKeys = map[string]bool{
	"type": true, "name": true, "title": true, "description": true, "isRequired": true, "visibleIf": true,
	"choices": true, "hasOther": true, "showOtherItem": true, "otherText": true, "hasNone": true,
	"showNoneItem": true, "noneText": true, "maxSelectedChoices": true, "minSelectedChoices": true,
	"choicesOrder": true, "rateMin": true, "rateMax": true, "rateStep": true, "rateValues": true,
	"rateCount": true, "minRateDescription": true, "maxRateDescription": true, "labelTrue": true,
	"labelFalse": true, "valueTrue": true, "valueFalse": true, "inputType": true, "min": true,
	"max": true, "maxLength": true, "placeholder": true, "validators": true, "columns": true,
	"rows": true, "isAllRowRequired": true, "items": true, "colCount": true,
	"choicesFromQuestion": true, "choicesFromQuestionMode": true, "choicesVisibleIf": true,
	"cellType": true,
}

func (j *sjsImport) question(p *page, em map[string]any, path, panelIf string) {
	typ, _ := em["type"].(string)
	name, _ := em["name"].(string)
	at := Place{Path: path}
	if name == "" {
		j.drop(at, msgDropType, typ)
		return
	}
	if cond, _ := em["visibleIf"].(string); em["visible"] == false && cond == "" { // visibleIf decides when given
		j.drop(at, msgDropInvisible, name)
		return
	}
	q := &question{at: at, text: j.piped(j.text(em["title"], path+".title"), at), help: j.piped(j.text(em["description"], path+".description"), at)}
	sym := &symbol{at: j.n, page: len(j.s.pages) - 1}
	unread := false // a grid's cells are not read: a condition or pipe naming them is dropped
	switch typ {
	case "radiogroup", "dropdown", "checkbox", "tagbox":
		q.typ, sym.kind = "single", kSingle
		switch typ {
		case "dropdown":
			q.typ = "dropdown"
		case "checkbox", "tagbox":
			q.typ, sym.kind = "multi", kMulti
		}
		if !j.choices(q, sym, em, path, name) || !j.carry(q, sym, em, path, name) {
			return
		}
		if o, _ := em["choicesOrder"].(string); o == "random" {
			q.randomize = true
		}
		if c, ok := intOf(em["colCount"]); ok && c >= 2 && c <= 4 && q.typ != "dropdown" {
			q.columns = &c
		} else if ok && c > 1 {
			j.drop(Place{Path: path + ".colCount"}, msgDropProperty, "colCount", brief(em["colCount"]))
		}
		for _, k := range []string{"maxSelectedChoices", "minSelectedChoices"} {
			v, ok := intOf(em[k])
			if !ok || v <= 0 {
				continue
			}
			if q.typ != "multi" {
				j.drop(Place{Path: path + "." + k}, msgDropMaxSelect, name)
				continue
			}
			if k == "maxSelectedChoices" {
				q.maxSelect = &v
			} else {
				q.minSelect = &v
			}
		}
	case "boolean":
		q.typ, sym.kind = "boolean", kBool
		sym.codes = map[string]string{"true": "true", "false": "false"}
		for _, kv := range [][2]string{{"valueTrue", "true"}, {"valueFalse", "false"}} {
			k, v := kv[0], kv[1]
			if src := scalar(em[k]); src != "" && src != v {
				sym.codes[src] = v
				j.change(Place{Path: path + "." + k}, msgChangeBoolean, name, src, v)
			}
		}
		q.trueLabel = j.text(em["labelTrue"], path+".labelTrue")
		q.falseLabel = j.text(em["labelFalse"], path+".labelFalse")
	case "rating":
		sym.kind = kNumber
		if !j.rating(q, sym, em, path, name) {
			return
		}
	case "comment":
		q.typ, sym.kind, q.multiline = "text", kText, true
	case "text":
		q.typ, sym.kind = "text", kText
		switch it, _ := em["inputType"].(string); it {
		case "", "text":
		case "number", "range":
			q.typ, sym.kind = "number", kNumber
			q.min, q.max = floatOf(em["min"]), floatOf(em["max"])
		case "email":
			q.typ = "email"
		case "date":
			q.typ = "date"
		default:
			j.drop(Place{Path: path + ".inputType"}, msgDropInputType, name, it)
		}
	case "ranking":
		if !j.rankItems(q, em, path, name) {
			return
		}
		sym.kind = kRanking
	case "multipletext":
		q.typ, sym.kind = "inputs", kInputs
		if !j.inputItems(q, sym, em, path, name) {
			return
		}
	case "matrix":
		q.typ, sym.kind = "matrix", kMatrix
		cols, _ := em["columns"].([]any)
		rows, _ := em["rows"].([]any)
		sym.codes, sym.rows = map[string]string{}, map[string]string{}
		q.options = j.items(cols, path+".columns", name, sym.codes)
		q.rows, _ = j.itemsWith(rows, path+".rows", name, sym.rows, true)
		if len(q.options) == 0 || len(q.rows) == 0 {
			j.drop(at, msgDropEmptyList, name)
			return
		}
		if b, _ := em["isAllRowRequired"].(bool); b {
			q.required = true
		}
	case "matrixdropdown":
		if !j.grid(q, em, path, name) {
			return
		}
		unread = true
	case "matrixdynamic":
		j.drop(at, msgDropMatrixDynamic, name)
		return
	default:
		j.drop(at, msgDropType, typ)
		return
	}
	if q.typ == "text" || q.typ == "email" {
		if v, ok := intOf(em["maxLength"]); ok && v > 0 {
			q.maxLength = &v
		}
	}
	if q.typ == "text" || q.typ == "email" || q.typ == "number" {
		q.placeholder = j.text(em["placeholder"], path+".placeholder")
	}
	for _, k := range sortedKeys(em) {
		if !questionKeys[k] || (k == "min" || k == "max" || k == "maxLength" || k == "placeholder") && q.typ != "number" && q.typ != "text" && q.typ != "email" {
			if k == "requiredErrorText" {
				continue // with required, below
			}
			j.drop(Place{Path: path + "." + k}, msgDropProperty, k, brief(em[k]))
		}
	}
	id, changed := j.ids.make(name, "q_")
	if changed {
		if q.source = j.ids.source(name, id); q.source != "" {
			j.change(Place{Path: path + ".name"}, msgChangeIDSource, name, id)
		} else {
			j.change(Place{Path: path + ".name"}, msgChangeID, name, id)
			q.comment = "source name: " + quote(name)
		}
	}
	q.id, sym.id = id, id
	if b, _ := em["isRequired"].(bool); b {
		q.required = true
		if unread {
			j.change(Place{Path: path + ".isRequired"}, msgChangeGridRequired, name)
		}
	}
	q.showIf = panelIf
	if c, ok := em["visibleIf"].(string); ok && c != "" {
		n := j.n
		expr, err := j.translate(c, func(s *symbol) bool { return s.at < n })
		if err != nil {
			eid, args := asDrop(err)
			j.drop(Place{Path: path + ".visibleIf"}, msgDropRelevant, c, name, messages.Errorf(eid, args...))
		} else {
			q.showIf = and(q.showIf, expr)
		}
	}
	j.validators(q, sym, em, path, name)
	if msg := j.text(em["requiredErrorText"], path+".requiredErrorText"); msg != nil {
		if q.required {
			q.setMessages(map[string]bool{"required": true}, msg)
		} else {
			j.drop(Place{Path: path + ".requiredErrorText"}, msgDropRequiredMsg, name)
		}
	}
	if len(q.text) == 0 {
		q.text = text{j.defLang: literal(name)}
	}
	if !unread {
		j.syms[name] = sym
	}
	j.n++
	j.s.questions++
	p.questions = append(p.questions, q)
	j.calcs.retry(p, &j.n, j.syms, j.ids, &j.log, j.s)
}

// choices reads choices, other and none; false when there are none.
func (j *sjsImport) choices(q *question, sym *symbol, em map[string]any, path, name string) bool {
	list, _ := em["choices"].([]any)
	sym.codes = map[string]string{}
	var cs codes
	q.options, cs = j.itemsWith(list, path+".choices", name, sym.codes, false)
	// A choice is its value and text; anything else it says (its own
	// visibleIf, enableIf, an image) is listed, never passed over.
	for i, it := range list {
		if m, ok := it.(map[string]any); ok {
			for _, k := range sortedKeys(m) {
				if k != "value" && k != "text" {
					j.drop(Place{Path: fmt.Sprintf("%s.choices[%d].%s", path, i, k)}, msgDropProperty, k, brief(m[k]))
				}
			}
		}
	}
	if b1, b2 := em["hasNone"] == true, em["showNoneItem"] == true; b1 || b2 {
		label := j.text(em["noneText"], path+".noneText")
		if label == nil {
			label = text{j.defLang: "None"}
		}
		code := cs.make("none")
		sym.codes["none"] = code
		q.options = append(q.options, option{code: code, label: label, exclusive: q.typ == "multi"})
	}
	if b1, b2 := em["hasOther"] == true, em["showOtherItem"] == true; b1 || b2 {
		label := j.text(em["otherText"], path+".otherText")
		if label == nil {
			label = text{j.defLang: "Other (describe)"}
		}
		code := cs.make("other")
		sym.codes["other"] = code
		q.options = append(q.options, option{code: code, label: label, other: true})
	}
	if len(q.options) == 0 && em["choicesFromQuestion"] == nil { // carry says when a carrying one has none
		j.drop(Place{Path: path}, msgDropEmptyList, name)
		return false
	}
	return true
}

func (j *sjsImport) items(list []any, path, name string, codeMap map[string]string) []option {
	out, _ := j.itemsWith(list, path, name, codeMap, false)
	return out
}

// itemsWith reads choices, columns or rows: strings, numbers or
// {"value": …, "text": …}. cs holds the codes given, for other and none.
// Rows name columns, not values: a renamed one keeps its old name in a
// comment, as a question does.
func (j *sjsImport) itemsWith(list []any, path, name string, codeMap map[string]string, rows bool) ([]option, codes) {
	type item struct {
		at    string
		value string
		label text
	}
	var items []item
	var values []string
	for i, it := range list {
		at := fmt.Sprintf("%s[%d]", path, i)
		var value string
		var label text
		switch x := it.(type) {
		case map[string]any:
			value = scalar(x["value"])
			label = j.text(x["text"], at+".text")
		default:
			value = scalar(x)
		}
		if value == "" {
			continue
		}
		items = append(items, item{at, value, label})
		values = append(values, value)
	}
	cs, codeOf, sources := optionCodes(values)
	var out []option
	for k, it := range items {
		code := codeOf[k]
		o := option{code: code, source: sources[k], label: j.piped(it.label, Place{Path: it.at})}
		switch {
		case o.source != "" && rows:
			j.change(Place{Path: it.at}, msgChangeRowCode, it.value, name, code)
		case o.source != "":
			j.change(Place{Path: it.at}, msgChangeCode, it.value, name, code)
		case code != it.value:
			j.change(Place{Path: it.at}, msgChangeDuplicateCode, it.value, name, code)
		}
		if it.label == nil {
			o.label = text{j.defLang: literal(it.value)}
		}
		if _, seen := codeMap[it.value]; !seen {
			codeMap[it.value] = code
		}
		out = append(out, o)
	}
	return out, cs
}

// scalar is a JSON string, number or true/false as text.
func scalar(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case json.Number:
		return x.String()
	case bool:
		return strconv.FormatBool(x)
	}
	return ""
}

func intOf(v any) (int, bool) {
	n, ok := v.(json.Number)
	if !ok {
		return 0, false
	}
	i, err := strconv.Atoi(n.String())
	return i, err == nil
}

func floatOf(v any) *float64 {
	n, ok := v.(json.Number)
	if !ok {
		return nil
	}
	f, err := n.Float64()
	if err != nil {
		return nil
	}
	return &f
}

// rating makes a rating an opros rating (0 or 1 to 3..10), a scale over
// other whole numbers, or, with its own values, a single choice.
func (j *sjsImport) rating(q *question, sym *symbol, em map[string]any, path, name string) bool {
	q.minLabel = j.text(em["minRateDescription"], path+".minRateDescription")
	q.maxLabel = j.text(em["maxRateDescription"], path+".maxRateDescription")
	if vals, ok := em["rateValues"].([]any); ok && len(vals) > 0 {
		q.typ, sym.kind = "single", kSingle
		sym.codes = map[string]string{}
		q.options = j.items(vals, path+".rateValues", name, sym.codes)
		q.minLabel, q.maxLabel = nil, nil
		j.drop(Place{Path: path + ".rateValues"}, msgDropRateValues, name)
		return len(q.options) > 0
	}
	lo, hi, step := 1, 5, 1
	if v, ok := intOf(em["rateMin"]); ok {
		lo = v
	}
	if v, ok := intOf(em["rateStep"]); ok && v > 0 {
		step = v
	}
	if v, ok := intOf(em["rateMax"]); ok {
		hi = v
	} else if v, ok := intOf(em["rateCount"]); ok && v > 0 {
		hi = lo + (v-1)*step
	}
	if step != 1 {
		j.drop(Place{Path: path + ".rateStep"}, msgDropRangeStep, name, strconv.Itoa(step))
	}
	flo, fhi := float64(lo), float64(hi)
	switch {
	case (lo == 0 || lo == 1) && hi >= 3 && hi <= 10:
		q.typ = "rating"
	case hi > lo && hi-lo <= 100:
		q.typ = "scale"
	default:
		q.typ = "number"
		q.minLabel, q.maxLabel = nil, nil
		j.change(Place{Path: path}, msgChangeRangeNumber, name)
	}
	q.min, q.max = &flo, &fhi
	return true
}

// rankItems reads a ranking's choices as the items of an opros ranking;
// maxSelectedChoices is how many are ranked. SurveyJS stores the ordered
// values, opros a rank per item: listed, since old answers need turning.
func (j *sjsImport) rankItems(q *question, em map[string]any, path, name string) bool {
	list, _ := em["choices"].([]any)
	used := &ids{used: map[string]bool{}}
	for i, it := range list {
		at := fmt.Sprintf("%s.choices[%d]", path, i)
		var value string
		var label text
		if m, ok := it.(map[string]any); ok {
			value, label = scalar(m["value"]), j.text(m["text"], at+".text")
		} else {
			value = scalar(it)
		}
		if value == "" {
			continue
		}
		code, changed := used.make(value, "i_")
		if changed {
			j.change(Place{Path: at}, msgChangeID, value, code)
		}
		if label == nil {
			label = text{j.defLang: literal(value)}
		}
		q.rows = append(q.rows, option{code: code, label: j.piped(label, Place{Path: at})})
	}
	if len(q.rows) < 2 {
		j.drop(Place{Path: path}, msgDropEmptyList, name)
		return false
	}
	q.typ = "ranking"
	if k, ok := intOf(em["maxSelectedChoices"]); ok && k > 0 && k < len(q.rows) {
		q.rank = &k
	}
	j.change(Place{Path: path}, msgChangeRanking, name, name)
	return true
}

// inputItems reads a multipletext's items as the boxes of an inputs
// question: numbers when every item's inputType is number, else text;
// required when the question or every item is.
func (j *sjsImport) inputItems(q *question, sym *symbol, em map[string]any, path, name string) bool {
	items, _ := em["items"].([]any)
	sym.rows = map[string]string{}
	used := &ids{used: map[string]bool{}}
	numbers, required := 0, 0
	for i, it := range items {
		im, ok := it.(map[string]any)
		if !ok {
			continue
		}
		iname, _ := im["name"].(string)
		if iname == "" {
			continue
		}
		at := fmt.Sprintf("%s.items[%d]", path, i)
		code, changed := used.make(iname, "i_")
		source := ""
		if changed {
			if source = used.source(iname, code); source != "" {
				j.change(Place{Path: at + ".name"}, msgChangeIDSource, iname, code)
			} else {
				j.change(Place{Path: at + ".name"}, msgChangeID, iname, code)
			}
		}
		label := j.text(im["title"], at+".title")
		if label == nil {
			label = text{j.defLang: iname}
		}
		q.rows = append(q.rows, option{code: code, source: source, label: label})
		sym.rows[iname] = code
		if t, _ := im["inputType"].(string); t == "number" {
			numbers++
		}
		if b, _ := im["isRequired"].(bool); b {
			required++
		}
		for _, k := range sortedKeys(im) {
			if k != "name" && k != "title" && k != "inputType" && k != "isRequired" {
				j.drop(Place{Path: at + "." + k}, msgDropProperty, k, brief(im[k]))
			}
		}
	}
	if len(q.rows) == 0 {
		j.drop(Place{Path: path}, msgDropEmptyList, name)
		return false
	}
	switch numbers {
	case len(q.rows):
		q.input, sym.numbers = "number", true
	case 0:
	default:
		j.drop(Place{Path: path}, msgDropInputType, name, "number")
	}
	if required == len(q.rows) {
		q.required = true
	} else if required > 0 {
		j.drop(Place{Path: path}, msgDropSomeRequired, name)
	}
	return true
}

// validators carries over numeric, text, regex, email and answercount.
func (j *sjsImport) validators(q *question, sym *symbol, em map[string]any, path, name string) {
	list, _ := em["validators"].([]any)
	for i, v := range list {
		vm, ok := v.(map[string]any)
		if !ok {
			continue
		}
		at := Place{Path: fmt.Sprintf("%s.validators[%d]", path, i)}
		typ, _ := vm["type"].(string)
		msg := j.text(vm["text"], at.Path+".text")
		keys := map[string]bool{}
		switch {
		case typ == "numeric" && q.typ == "number":
			if f := floatOf(vm["minValue"]); f != nil {
				q.min, keys["min"] = f, true
			}
			if f := floatOf(vm["maxValue"]); f != nil {
				q.max, keys["max"] = f, true
			}
		case typ == "text" && (q.typ == "text" || q.typ == "email"):
			if k, ok := intOf(vm["minLength"]); ok && k > 0 {
				q.minLength, keys["min_length"] = &k, true
			}
			if k, ok := intOf(vm["maxLength"]); ok && k > 0 {
				q.maxLength, keys["max_length"] = &k, true
			}
		case typ == "regex" && q.typ == "text":
			re, _ := vm["regex"].(string)
			if _, err := regexp.Compile(wholeMatch(re)); re == "" || err != nil {
				j.drop(at, msgDropValidator, typ, name)
				continue
			}
			q.pattern, keys["pattern"] = wholeMatch(re), true
		case typ == "email" && q.typ == "text":
			q.typ = "email"
		case typ == "answercount" && q.typ == "multi":
			if k, ok := intOf(vm["minCount"]); ok && k > 0 {
				q.minSelect, keys["min_select"] = &k, true
			}
			if k, ok := intOf(vm["maxCount"]); ok && k > 0 {
				q.maxSelect, keys["max_select"] = &k, true
			}
		case typ == "expression":
			src, _ := vm["expression"].(string)
			n := j.n
			expr, err := j.translateWith(src, &translator{syms: j.syms, visible: func(s *symbol) bool { return s.at < n }, self: sym, selfName: name})
			if err != nil {
				eid, args := asDrop(err)
				j.drop(at, msgDropConstraint, src, name, messages.Errorf(eid, args...))
				continue
			}
			r := rule{must: expr, message: msg}
			if msg == nil {
				r.message = text{"": notAllowed}
				j.change(at, msgChangeRuleMessage, name)
			}
			q.rules = append(q.rules, r)
			continue
		default:
			j.drop(at, msgDropValidator, typ, name)
			continue
		}
		if msg != nil {
			q.setMessages(keys, msg)
			if len(keys) == 0 {
				j.drop(at, msgDropConstraintMsg, name)
			}
		}
	}
}

// markdown is an HTML text as Markdown (markdownOf), in each language; what
// the HTML held that Markdown cannot is listed once for the place.
func (j *sjsImport) markdown(t text, at Place) text {
	out := text{}
	lost := map[string]bool{}
	for _, l := range sortedTextLangs(t) {
		md, words := markdownOf(t[l])
		if md != "" {
			out[l] = md
		}
		for _, w := range words {
			lost[w] = true
		}
	}
	if len(lost) > 0 {
		words := make([]string, 0, len(lost))
		for w := range lost {
			words = append(words, w)
		}
		sort.Strings(words)
		j.drop(at, msgDropHtmlParts, strings.Join(words, ", "))
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func sortedTextLangs(t text) []string {
	out := make([]string, 0, len(t))
	for l := range t {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}
