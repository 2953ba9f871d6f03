package importer

import (
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"

	"github.com/opros/opros/compiler/format"
	"github.com/opros/opros/compiler/ir"
)

// defaultEndpoint is where opros collect listens by default.
const defaultEndpoint = "http://127.0.0.1:8080/submit"

// finish completes what the compiler requires of every survey and logs each
// thing it fills in: a text in every language, an endpoint.
func (s *survey) finish(l *log, at Place, opt Options) {
	if s.endpoint == "" {
		s.endpoint = defaultEndpoint
		l.change(at, msgChangeEndpoint, defaultEndpoint)
	}
	if len(s.title) == 0 {
		s.title = text{s.langs[0]: s.id}
	}
	// A language the forms have no interface text for needs all of it in
	// a ui block, and a yes/no question its labels.
	for _, lang := range s.langs {
		if ir.BuiltinUILanguage(lang) != "" || opt.EnglishUI == nil {
			continue
		}
		if s.ui == nil {
			s.ui = map[string]map[string]string{}
		}
		s.ui[lang] = opt.EnglishUI
		l.change(at, msgChangeUI, lang)
		for _, p := range s.pages {
			for _, q := range p.questions {
				if q.typ == "boolean" && q.trueLabel == nil {
					q.trueLabel = text{"": "Yes"}
				}
				if q.typ == "boolean" && q.falseLabel == nil {
					q.falseLabel = text{"": "No"}
				}
			}
		}
	}
	// One item per place and language, however many of its texts lack it.
	type gap struct {
		p          Place
		lang, from string
	}
	var gaps []gap
	missing := map[gap]int{}
	fill := func(t text, p Place) {
		if len(t) == 0 {
			return
		}
		if v, ok := t[""]; ok { // a built-in English default
			delete(t, "")
			for _, lang := range s.langs {
				t[lang] = v
				if ir.BuiltinUILanguage(lang) == "ru" {
					t[lang] = map[string]string{"Yes": "Да", "No": "Нет", notAllowed: "Такой ответ не допускается."}[v]
				}
			}
			return
		}
		from := s.langs[0]
		if t[from] == "" {
			for _, lang := range s.langs {
				if t[lang] != "" {
					from = lang
					break
				}
			}
		}
		for _, lang := range s.langs {
			if t[lang] == "" {
				t[lang] = t[from]
				g := gap{p, lang, from}
				if missing[g] == 0 {
					gaps = append(gaps, g)
				}
				missing[g]++
			}
		}
		for lang := range t {
			if !contains(s.langs, lang) {
				delete(t, lang)
			}
		}
	}
	defer func() {
		for _, g := range gaps {
			l.change(g.p, msgChangeTranslation, g.lang, missing[g], g.from)
		}
	}()
	fill(s.title, at)
	fill(s.intro, at)
	fill(s.thankYou, at)
	for _, e := range s.endings {
		fill(e.text, e.at)
	}
	for _, p := range s.pages {
		fill(p.title, p.at)
		fill(p.intro, p.at)
		for _, q := range p.questions {
			for _, t := range []text{q.text, q.help, q.patternMessage, q.placeholder, q.minLabel, q.maxLabel, q.trueLabel, q.falseLabel} {
				fill(t, q.at)
			}
			for _, k := range ir.MessageKeys {
				fill(q.messages[k], q.at)
			}
			for _, r := range q.rules {
				fill(r.message, q.at)
			}
			for _, o := range q.options {
				fill(o.label, q.at)
			}
			for _, r := range q.rows {
				fill(r.label, q.at)
			}
			for _, c := range q.gridColumns {
				fill(c.label, q.at)
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// hcl writes the survey as one canonical file.
func (s *survey) hcl() []byte {
	f := hclwrite.NewEmptyFile()
	root := f.Body()
	sb := root.AppendNewBlock("survey", []string{s.id}).Body()
	s.setText(sb, "title", s.title)
	sb.SetAttributeValue("languages", cty.ListVal(ctyStrings(s.langs)))
	if s.version != "" {
		sb.SetAttributeValue("version", cty.StringVal(s.version))
	}
	s.setText(sb, "intro", s.intro)
	s.setText(sb, "thank_you", s.thankYou)
	sb.AppendNewline()
	sb.AppendNewBlock("endpoint", nil).Body().SetAttributeValue("url", cty.StringVal(s.endpoint))
	for _, lang := range s.langs {
		ui, ok := s.ui[lang]
		if !ok {
			continue
		}
		root.AppendNewline()
		ub := root.AppendNewBlock("ui", []string{lang}).Body()
		for _, k := range ir.UIKeys {
			if v, ok := ui[k.Name]; ok {
				ub.SetAttributeValue(k.Name, cty.StringVal(v))
			}
		}
	}
	var lb *hclwrite.Body // the loop block the pages go in
	for i, p := range s.pages {
		root.AppendNewline()
		parent := root
		if p.loop != nil {
			if i == 0 || s.pages[i-1].loop != p.loop {
				lb = root.AppendNewBlock("loop", []string{p.loop.id}).Body()
				setExpr(lb, "over", p.loop.over)
			}
			parent = lb
			parent.AppendNewline()
		}
		pb := parent.AppendNewBlock("page", []string{p.id}).Body()
		s.setText(pb, "title", p.title)
		s.setText(pb, "intro", p.intro)
		setExpr(pb, "show_if", p.showIf)
		for _, q := range p.questions {
			pb.AppendNewline()
			if q.comment != "" {
				comment(pb, q.comment)
			}
			if q.value != "" {
				setExpr(pb.AppendNewBlock("calculate", []string{q.id}).Body(), "value", q.value)
				continue
			}
			s.question(pb.AppendNewBlock("question", []string{q.id}).Body(), q)
		}
	}
	for _, e := range s.endings {
		root.AppendNewline()
		eb := root.AppendNewBlock("ending", []string{e.id}).Body()
		setExpr(eb, "show_if", e.showIf)
		s.setText(eb, "text", e.text)
		if e.redirect != "" {
			eb.SetAttributeValue("redirect", cty.StringVal(e.redirect))
		}
	}
	out, diags := format.Format(f.Bytes(), "survey.hcl")
	if diags.HasErrors() {
		// hclwrite wrote it, so it parses; should it not, the compiler's
		// check that follows shows why, on the unformatted text.
		return f.Bytes()
	}
	return out
}

func (s *survey) question(b *hclwrite.Body, q *question) {
	b.SetAttributeValue("type", cty.StringVal(q.typ))
	s.setText(b, "text", q.text)
	s.setText(b, "help", q.help)
	if q.source != "" {
		// The old tool's name, which ingest reads as this question's.
		b.SetAttributeValue("source", cty.StringVal(q.source))
	}
	if q.required {
		b.SetAttributeValue("required", cty.True)
	}
	setExpr(b, "show_if", q.showIf)
	if q.randomize {
		b.SetAttributeValue("randomize", cty.True)
	}
	if q.input != "" {
		b.SetAttributeValue("input", cty.StringVal(q.input))
	}
	setInt(b, "columns", q.columns)
	setInt(b, "rank", q.rank)
	if q.multiline {
		b.SetAttributeValue("multiline", cty.True)
	}
	if q.integer {
		b.SetAttributeValue("integer", cty.True)
	}
	setNum(b, "min", q.min)
	setNum(b, "max", q.max)
	setInt(b, "min_select", q.minSelect)
	setInt(b, "max_select", q.maxSelect)
	setInt(b, "min_length", q.minLength)
	setInt(b, "max_length", q.maxLength)
	if q.pattern != "" {
		b.SetAttributeValue("pattern", cty.StringVal(q.pattern))
	}
	s.setText(b, "pattern_message", q.patternMessage)
	s.setText(b, "placeholder", q.placeholder)
	s.setText(b, "min_label", q.minLabel)
	s.setText(b, "max_label", q.maxLabel)
	s.setText(b, "true_label", q.trueLabel)
	s.setText(b, "false_label", q.falseLabel)
	if len(q.messages) > 0 {
		b.AppendNewline()
		mb := b.AppendNewBlock("messages", nil).Body()
		for _, k := range ir.MessageKeys {
			s.setText(mb, k, q.messages[k])
		}
	}
	for _, r := range q.rules {
		b.AppendNewline()
		vb := b.AppendNewBlock("validate", nil).Body()
		setExpr(vb, "must", r.must)
		s.setText(vb, "message", r.message)
	}
	if f := q.optionsFrom; f != nil {
		b.AppendNewline()
		fb := b.AppendNewBlock("options_from", nil).Body()
		setExpr(fb, "question", f.question)
		if f.notChosen {
			fb.SetAttributeValue("take", cty.StringVal("not_chosen"))
		}
	}
	for _, o := range q.options {
		b.AppendNewline()
		ob := b.AppendNewBlock("option", []string{o.code}).Body()
		s.setText(ob, "label", o.label)
		setExpr(ob, "show_if", o.showIf)
		if o.other {
			ob.SetAttributeValue("other", cty.True)
		}
		if o.exclusive {
			ob.SetAttributeValue("exclusive", cty.True)
		}
		if o.source != "" {
			// The old tool's code, which ingest reads as this option's.
			ob.SetAttributeValue("source", cty.StringVal(o.source))
		}
	}
	for _, r := range q.rows {
		b.AppendNewline()
		kind := "row"
		if q.typ == "inputs" || q.typ == "ranking" {
			kind = "item"
		}
		rb := b.AppendNewBlock(kind, []string{r.code}).Body()
		s.setText(rb, "label", r.label)
		if r.source != "" {
			// The old tool's name, which ingest reads as this row's.
			rb.SetAttributeValue("source", cty.StringVal(r.source))
		}
	}
	for _, c := range q.gridColumns {
		b.AppendNewline()
		if c.source != "" {
			comment(b, "source code: "+quote(c.source))
		}
		s.setText(b.AppendNewBlock("column", []string{c.code}).Body(), "label", c.label)
	}
}

// setText writes a text as a string in a one-language survey, else as an
// object with one string per language.
func (s *survey) setText(b *hclwrite.Body, name string, t text) {
	if len(t) == 0 {
		return
	}
	if len(s.langs) == 1 {
		b.SetAttributeValue(name, cty.StringVal(t[s.langs[0]]))
		return
	}
	m := map[string]cty.Value{}
	for _, lang := range s.langs {
		m[lang] = cty.StringVal(t[lang])
	}
	b.SetAttributeValue(name, cty.ObjectVal(m))
}

// setExpr writes an opros expression the translator produced.
func setExpr(b *hclwrite.Body, name, expr string) {
	if expr == "" {
		return
	}
	src := []byte("x = " + expr + "\n")
	f, diags := hclwrite.ParseConfig(src, "", hcl.InitialPos)
	if diags.HasErrors() {
		// The translator writes only what parses (the fuzz tests hold it
		// to that); should it not, the compiler's check says where.
		b.SetAttributeRaw(name, hclwrite.Tokens{{Type: hclsyntax.TokenIdent, Bytes: []byte(expr)}})
		return
	}
	b.SetAttributeRaw(name, f.Body().GetAttribute("x").Expr().BuildTokens(nil))
}

func setNum(b *hclwrite.Body, name string, v *float64) {
	if v != nil {
		b.SetAttributeValue(name, cty.NumberFloatVal(*v))
	}
}

func setInt(b *hclwrite.Body, name string, v *int) {
	if v != nil {
		b.SetAttributeValue(name, cty.NumberIntVal(int64(*v)))
	}
}

func comment(b *hclwrite.Body, c string) {
	b.AppendUnstructuredTokens(hclwrite.Tokens{{Type: hclsyntax.TokenComment, Bytes: []byte("# " + c + "\n")}})
}

func ctyStrings(list []string) []cty.Value {
	out := make([]cty.Value, len(list))
	for i, s := range list {
		out[i] = cty.StringVal(s)
	}
	return out
}

// sortedLangs lists a set of language codes, the default first.
func sortedLangs(set map[string]bool, first string) []string {
	out := []string{first}
	var rest []string
	for l := range set {
		if l != first {
			rest = append(rest, l)
		}
	}
	sort.Strings(rest)
	return append(out, rest...)
}
