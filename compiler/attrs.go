package compiler

import (
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/localize"
)

// builder accumulates diagnostics while attribute values are read; every
// reader reports its own problem with the attribute's range and returns a
// zero value so decoding goes on and the run reports everything at once.
type builder struct {
	diags     hcl.Diagnostics
	languages []string
	langAt    map[string]hcl.Range // where the survey block lists each language
	onDisk    bool                 // the files were read from disk: paths they name are looked up (checkPath)
	// invitationsAt is the survey's invitations block, for problems of it
	// found once the benchmark is read.
	invitationsAt hcl.Range
	hasOffers     func() bool       // the survey carries options forward or has an option's show_if (offersIn): their interface text is needed (ir.UIKey.Offers)
	hasLoops      bool              // the survey has loop blocks: their interface text is needed (ir.UIKey.Loops)
	hasType       func(string) bool // the survey has a question of that type (typesIn): its interface text is needed (ir.UIKey.Types)
	// questionSourceAt is where each question's source is written, by
	// question ID (checkQuestionSources).
	questionSourceAt map[string]hcl.Range
}

func (b *builder) add(d ...*hcl.Diagnostic) { b.diags = append(b.diags, d...) }

// errorf reports the catalogued diagnostic id (messages.go) at rng.
func (b *builder) errorf(rng hcl.Range, id diagID, args ...any) {
	b.add(errorAt(rng, id, args...))
}

// value evaluates a literal attribute: survey files have no variables, so any
// reference here is a mistake that HCL itself explains.
func (b *builder) value(a *hcl.Attribute, want cty.Type, what localize.Phrase) (cty.Value, bool) {
	v, d := a.Expr.Value(nil)
	if d.HasErrors() {
		for i, x := range d {
			if x.Summary == "Variables not allowed" {
				d[i] = newDiag(x.Subject, msgLiteralNotReference, a.Name)
			}
		}
		b.add(d...)
		return cty.NilVal, false
	}
	if v.IsNull() {
		b.errorf(a.Expr.Range(), msgNullValue, a.Name)
		return cty.NilVal, false
	}
	cv, err := convert.Convert(v, want)
	if err != nil || !cv.IsWhollyKnown() {
		b.errorf(a.Expr.Range(), msgWrongValueType, a.Name, what)
		return cty.NilVal, false
	}
	return cv, true
}

func (b *builder) str(attrs hcl.Attributes, name string) string {
	a, ok := attrs[name]
	if !ok {
		return ""
	}
	v, ok := b.value(a, cty.String, localize.Phrase{En: "a string", Ru: "строкой"})
	if !ok {
		return ""
	}
	return v.AsString()
}

func (b *builder) boolean(attrs hcl.Attributes, name string) bool {
	a, ok := attrs[name]
	if !ok {
		return false
	}
	v, ok := b.value(a, cty.Bool, localize.Phrase{En: "true or false", Ru: "true или false"})
	return ok && v.True()
}

func (b *builder) number(attrs hcl.Attributes, name string) *float64 {
	a, ok := attrs[name]
	if !ok {
		return nil
	}
	v, ok := b.value(a, cty.Number, localize.Phrase{En: "a number", Ru: "числом"})
	if !ok {
		return nil
	}
	f, _ := v.AsBigFloat().Float64()
	return &f
}

func (b *builder) integer(attrs hcl.Attributes, name string) (int, bool) {
	f := b.number(attrs, name)
	if f == nil {
		return 0, false
	}
	if *f != math.Trunc(*f) || math.Abs(*f) > 1e9 {
		b.errorf(attrs[name].Expr.Range(), msgNotWholeNumber, name)
		return 0, false
	}
	return int(*f), true
}

func (b *builder) strList(attrs hcl.Attributes, name string) []string {
	a, ok := attrs[name]
	if !ok {
		return nil
	}
	v, ok := b.value(a, cty.List(cty.String), localize.Phrase{En: "a list of strings", Ru: "списком строк"})
	if !ok {
		return nil
	}
	var out []string
	for _, e := range v.AsValueSlice() {
		out = append(out, e.AsString())
	}
	return out
}

func (b *builder) numList(attrs hcl.Attributes, name string) []float64 {
	a, ok := attrs[name]
	if !ok {
		return nil
	}
	v, ok := b.value(a, cty.List(cty.Number), localize.Phrase{En: "a list of numbers", Ru: "списком чисел"})
	if !ok {
		return nil
	}
	var out []float64
	for _, e := range v.AsValueSlice() {
		f, _ := e.AsBigFloat().Float64()
		out = append(out, f)
	}
	return out
}

// text reads a user-visible text: a plain string when the survey has one
// language, otherwise an object with exactly one key per declared language.
func (b *builder) text(attrs hcl.Attributes, name string, required bool, ownerRange hcl.Range) ir.Text {
	a, ok := attrs[name]
	if !ok {
		if required {
			b.errorf(ownerRange, msgMissingAttribute, name)
		}
		return nil
	}
	return b.textValue(a)
}

func (b *builder) textValue(a *hcl.Attribute) ir.Text {
	one, byLang, ok := literalText(a.Expr)
	if !ok {
		if one, byLang, ok = b.evalText(a); !ok {
			return nil
		}
	}
	if byLang == nil {
		if len(b.languages) > 1 {
			b.errorf(a.Expr.Range(), msgTextNeedsLanguages,
				strings.Join(b.languages, ", "), a.Name, strings.Join(b.languages, " = \"…\", "))
		}
		out := ir.Text{}
		for _, l := range b.languages {
			out[l] = one
		}
		return out
	}
	keys := slices.Sorted(maps.Keys(byLang))
	for _, k := range keys {
		if !contains(b.languages, k) {
			b.errorf(a.Expr.Range(), msgUnknownLanguage,
				a.Name, k, strings.Join(b.languages, ", "), didYouMean(k, b.languages))
			delete(byLang, k)
		}
	}
	for _, l := range b.languages {
		if _, ok := byLang[l]; !ok {
			b.errorf(a.Expr.Range(), msgMissingTranslation, a.Name, l)
		}
	}
	return byLang
}

// evalText evaluates a text attribute written in any form HCL allows: one
// string, or an object of strings by language (byLang non-nil). A value
// of the wrong kind is reported and ok is false.
func (b *builder) evalText(a *hcl.Attribute) (one string, byLang ir.Text, ok bool) {
	v, d := a.Expr.Value(nil)
	if d.HasErrors() {
		b.add(d...)
		return "", nil, false
	}
	if v.IsNull() {
		b.errorf(a.Expr.Range(), msgInvalidText, a.Name)
		return "", nil, false
	}
	switch t := v.Type(); {
	case t == cty.String:
		return v.AsString(), nil, true
	case t.IsObjectType() || t.IsMapType():
		byLang = ir.Text{}
		for k, e := range v.AsValueMap() {
			if e.IsNull() || !e.Type().Equals(cty.String) {
				if c, err := convert.Convert(e, cty.String); err == nil && !c.IsNull() {
					byLang[k] = c.AsString()
					continue
				}
				b.errorf(a.Expr.Range(), msgInvalidTextLanguage, k, a.Name)
				byLang[k] = "" // reported; not missing as well
				continue
			}
			byLang[k] = e.AsString()
		}
		return "", byLang, true
	}
	b.errorf(a.Expr.Range(), msgInvalidText, a.Name)
	return "", nil, false
}

// literalText reads a text written the usual way — a quoted string, or an
// object of quoted strings keyed by language — straight from the syntax
// tree, with the same result as evaluating it. Evaluating every label
// through cty was two thirds of building a large survey's IR. Anything
// else (heredocs, interpolation, other kinds of value) gives ok false and
// goes through evalText.
func literalText(e hcl.Expression) (one string, byLang ir.Text, ok bool) {
	if obj, isObj := e.(*hclsyntax.ObjectConsExpr); isObj {
		byLang = make(ir.Text, len(obj.Items))
		for _, item := range obj.Items {
			k, isKey := item.KeyExpr.(*hclsyntax.ObjectConsKeyExpr)
			if !isKey {
				return "", nil, false
			}
			key := ""
			if !k.ForceNonLiteral {
				key = hcl.ExprAsKeyword(k.Wrapped)
			}
			if key == "" {
				if key, ok = literalString(k.Wrapped); !ok {
					return "", nil, false
				}
			}
			if byLang[key], ok = literalString(item.ValueExpr); !ok {
				return "", nil, false
			}
		}
		return "", byLang, true
	}
	one, ok = literalString(e)
	return one, nil, ok
}

// literalString returns the text of a quoted string without interpolation.
func literalString(e hcl.Expression) (string, bool) {
	t, ok := e.(*hclsyntax.TemplateExpr)
	if !ok || len(t.Parts) != 1 {
		return "", false
	}
	lit, ok := t.Parts[0].(*hclsyntax.LiteralValueExpr)
	if !ok || lit.Val.Type() != cty.String || lit.Val.IsNull() || !lit.Val.IsKnown() || lit.Val.IsMarked() {
		return "", false
	}
	return lit.Val.AsString(), true
}

// refList reads a list of references such as [q1, q5_14.phone, block.core]
// without evaluating them: each element must be a plain traversal.
func (b *builder) refList(a *hcl.Attribute) []hcl.Traversal {
	exprs, d := hcl.ExprList(a.Expr)
	if d.HasErrors() {
		b.errorf(a.Expr.Range(), msgInvalidReferenceList, a.Name)
		return nil
	}
	var out []hcl.Traversal
	for _, e := range exprs {
		if t := b.ref(e, a.Name); t != nil {
			out = append(out, t)
		}
	}
	return out
}

func (b *builder) ref(e hcl.Expression, name string) hcl.Traversal {
	t, d := hcl.AbsTraversalForExpr(e)
	if d.HasErrors() {
		b.errorf(e.Range(), msgNotAReference, name)
		return nil
	}
	return t
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// traversalString renders a traversal back as written: a.b.c.
func traversalString(t hcl.Traversal) string {
	var parts []string
	for _, step := range t {
		switch s := step.(type) {
		case hcl.TraverseRoot:
			parts = append(parts, s.Name)
		case hcl.TraverseAttr:
			parts = append(parts, s.Name)
		case hcl.TraverseIndex:
			if s.Key.Type() == cty.String {
				parts = append(parts, s.Key.AsString())
			} else {
				parts = append(parts, "?")
			}
		default:
			parts = append(parts, "?")
		}
	}
	return strings.Join(parts, ".")
}
