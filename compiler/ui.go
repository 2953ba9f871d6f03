package compiler

import (
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/localize"
)

// placeholder is what a text of the forms' interface may have filled in.
var placeholder = regexp.MustCompile(`\{[A-Za-z_]+\}`)

// uiText decodes the `ui "LANG"` blocks, the survey's own interface text
// of its forms: one block per language, attributes named by ir.UIKeys,
// each text keeping the placeholders the form fills in. A language the
// forms have no built-in text for must be given every text, in a block
// or not at all: a form half in English would be worse than an error.
// The schema is every attribute (JustAttributes) so that a misspelt key
// gets this package's own diagnostic.
func (b *builder) uiText(blocks []*hcl.Block, languages []string, survey hcl.Range) ir.UIStrings {
	keys := map[string]ir.UIKey{}
	var names []string
	for _, k := range ir.UIKeys {
		keys[k.Name] = k
		names = append(names, k.Name)
	}
	var out ir.UIStrings
	first := map[string]*hcl.Block{}
	for _, blk := range blocks {
		lang := blk.Labels[0]
		if prev, dup := first[lang]; dup {
			b.errorf(blk.DefRange, msgDuplicateBlock, `ui "`+lang+`"`, prev.DefRange)
			continue
		}
		first[lang] = blk
		if !contains(languages, lang) {
			b.errorf(blk.LabelRanges[0], msgUIUnknownLanguage, lang, strings.Join(languages, ", "), didYouMean(lang, languages))
			continue
		}
		attrs, d := blk.Body.JustAttributes()
		b.add(d...)
		texts := map[string]string{}
		for _, name := range slices.Sorted(maps.Keys(attrs)) {
			a := attrs[name]
			key, known := keys[name]
			if !known {
				b.errorf(a.NameRange, msgUnknownUIKey, name, didYouMean(name, names))
				continue
			}
			v, ok := b.value(a, cty.String, localize.Phrase{En: "a string", Ru: "строкой"})
			if !ok {
				texts[name] = "" // reported; not missing as well
				continue
			}
			text := v.AsString()
			for _, p := range key.Placeholders {
				if !strings.Contains(text, p) {
					b.errorf(a.Expr.Range(), msgUIPlaceholderMissing, name, p)
				}
			}
			for _, p := range placeholder.FindAllString(text, -1) {
				if !contains(key.Placeholders, p) {
					b.errorf(a.Expr.Range(), msgUIUnknownPlaceholder, name, p, placeholders(key.Placeholders))
				}
			}
			texts[name] = text
		}
		if out == nil {
			out = ir.UIStrings{}
		}
		out[lang] = texts
	}
	for _, lang := range languages {
		if ir.BuiltinUILanguage(lang) != "" {
			continue
		}
		var missing []string
		for _, k := range ir.UIKeys {
			if k.Offers && !b.hasOffers() {
				continue
			}
			if k.Loops && !b.hasLoops {
				continue
			}
			if len(k.Types) > 0 && !slices.ContainsFunc(k.Types, b.hasType) {
				continue
			}
			if _, ok := out[lang][k.Name]; !ok {
				missing = append(missing, k.Name)
			}
		}
		if len(missing) == 0 {
			continue
		}
		at, ok := b.langAt[lang]
		if blk := first[lang]; blk != nil {
			at, ok = blk.DefRange, true
		}
		if !ok {
			at = survey
		}
		b.errorf(at, msgMissingUIText, lang, lang, strings.Join(missing, ", "))
	}
	return out
}

// placeholders lists the placeholders of a text: "{n}", or none.
type placeholders []string

func (p placeholders) In(lang string) string {
	switch {
	case len(p) > 0:
		return strings.Join(p, ", ")
	case lang == "ru":
		return "их нет"
	}
	return "none"
}

// typesIn is the question types a survey's pages (loops' too) use, read
// off the syntax before the questions are decoded: which interface texts
// a survey in a language without built-in text must give (ir.UIKey.Types).
func typesIn(syn *syntax) map[string]bool {
	types := map[string]bool{}
	for _, pb := range syn.pages {
		pc, _, _ := pb.Body.PartialContent(&hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "question", LabelNames: []string{"id"}}}})
		for _, qb := range pc.Blocks {
			qc, _, _ := qb.Body.PartialContent(&hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "type"}}})
			if a, ok := qc.Attributes["type"]; ok {
				if v, d := a.Expr.Value(nil); !d.HasErrors() && v.Type() == cty.String && v.IsKnown() && !v.IsNull() {
					types[v.AsString()] = true
				}
			}
		}
	}
	return types
}
