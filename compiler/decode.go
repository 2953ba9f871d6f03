package compiler

import (
	"net/url"
	"regexp"

	"github.com/hashicorp/hcl/v2"

	"github.com/opros/opros/compiler/ir"
)

// Schemas, one per block type, as package-level values (Terraform's habit):
// the decoder asks HCL for exactly these, so an unknown attribute or block is
// reported by HCL with its own "Did you mean" suggestion.
var (
	fileSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{
		{Type: "survey", LabelNames: []string{"id"}},
		{Type: "hidden", LabelNames: []string{"id"}},
		{Type: "option_set", LabelNames: []string{"id"}},
		{Type: "scale", LabelNames: []string{"id"}},
		{Type: "page", LabelNames: []string{"id"}},
		{Type: "index", LabelNames: []string{"id"}},
		{Type: "block", LabelNames: []string{"id"}},
		{Type: "maturity"},
		{Type: "benchmark"},
		{Type: "report"},
		{Type: "ui", LabelNames: []string{"lang"}},
		{Type: "ending", LabelNames: []string{"id"}},
		{Type: "loop", LabelNames: []string{"id"}},
	}}
	surveySchema = &hcl.BodySchema{
		Attributes: attrs("title", "languages", "version", "wave", "intro", "thank_you"),
		Blocks:     []hcl.BlockHeaderSchema{{Type: "endpoint"}, {Type: "theme"}, {Type: "invitations"}, {Type: "flow"}},
	}
	endpointSchema  = &hcl.BodySchema{Attributes: attrs("url", "format")}
	themeSchema     = &hcl.BodySchema{Attributes: attrs("accent", "logo", "logo_height")}
	hiddenSchema    = &hcl.BodySchema{Attributes: attrs("role", "param", "label", "default", "personal")}
	optionSetSchema = &hcl.BodySchema{
		Blocks: []hcl.BlockHeaderSchema{{Type: "option", LabelNames: []string{"code"}}},
	}
	optionSchema = &hcl.BodySchema{Attributes: attrs("label", "other", "exclusive", "missing", "anchor", "score", "source", "show_if")}
	rowSchema    = &hcl.BodySchema{Attributes: attrs("label")}
	// rows and items may keep their source name; columns have none (a
	// grid's cells are not read by source names).
	sourcedRowSchema = &hcl.BodySchema{Attributes: attrs("label", "source")}
	scaleSchema      = &hcl.BodySchema{Attributes: attrs("min", "max", "min_label", "max_label", "labels", "missing")}
	pageSchema       = &hcl.BodySchema{
		Attributes: attrs("title", "intro", "show_if"),
		Blocks: []hcl.BlockHeaderSchema{{Type: "question", LabelNames: []string{"id"}}, {Type: "screen_out"},
			{Type: "calculate", LabelNames: []string{"id"}}, {Type: "validate"}},
	}
	calculateSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "value", Required: true}}}
	questionSchema  = &hcl.BodySchema{
		Attributes: attrs("type", "style", "text", "help", "required", "show_if",
			"options", "randomize", "min_select", "max_select",
			"scale", "min", "max", "min_label", "max_label", "labels", "missing",
			"multiline", "min_length", "max_length", "pattern", "pattern_message", "placeholder", "integer", "personal",
			"true_label", "false_label", "input", "columns", "total", "rank", "source"),
		Blocks: []hcl.BlockHeaderSchema{
			{Type: "option", LabelNames: []string{"code"}},
			{Type: "row", LabelNames: []string{"code"}},
			{Type: "item", LabelNames: []string{"code"}},
			{Type: "column", LabelNames: []string{"code"}},
			{Type: "messages"},
			{Type: "validate"},
			{Type: "screen_out"},
			{Type: "options_from"},
		},
	}
	indexSchema = &hcl.BodySchema{Attributes: attrs("title", "description", "kind", "items", "weights",
		"top", "bottom", "options", "expr", "min", "max", "lower_better")}
	blockSchema    = &hcl.BodySchema{Attributes: attrs("title", "items", "weights")}
	maturitySchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "level", LabelNames: []string{"id"}}}}
	levelSchema    = &hcl.BodySchema{Attributes: attrs("title", "description", "min")}
	benchSchema    = &hcl.BodySchema{Attributes: attrs("participant", "segments", "min_group_size",
		"min_participants", "weight", "competitors", "outcome", "drivers", "unit", "once"),
		Blocks: []hcl.BlockHeaderSchema{{Type: "margin"}}}
	marginSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "field", Required: true}, {Name: "targets", Required: true}}}
	reportSchema = &hcl.BodySchema{Attributes: attrs("title", "languages", "indexes", "breakdowns", "theme", "pages", "public_comments", "aliases", "records")}

	invitationsSchema = &hcl.BodySchema{Attributes: attrs("required", "once")}
	flowSchema        = &hcl.BodySchema{Attributes: attrs("review", "progress")}
	messagesSchema    = &hcl.BodySchema{Attributes: attrs(ir.MessageKeys...)}
	validateSchema    = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "must", Required: true}, {Name: "message", Required: true}}}
	endingSchema      = &hcl.BodySchema{Attributes: attrs("text", "show_if", "redirect")}
	screenOutSchema   = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "if", Required: true}, {Name: "ending", Required: true}}}
)

func attrs(names ...string) []hcl.AttributeSchema {
	out := make([]hcl.AttributeSchema, len(names))
	for i, n := range names {
		out[i] = hcl.AttributeSchema{Name: n}
	}
	return out
}

// idPattern is what an ID or code may look like: it becomes a Parquet column
// name, a form field name and an expression identifier, so it must be valid
// in all three.
var idPattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*$`)

// codePattern allows option and row codes to start with a digit ("1", "2018")
// since researchers number answer codes; they never appear as identifiers.
var codePattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]*$`)

// languagePattern is a language code: "ru", "en", "ru-RU".
var languagePattern = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]+)*$`)

// colourPattern is a hex colour, "#0b5fff" or "#05f".
var colourPattern = regexp.MustCompile(`^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$`)

// syntax is the survey after the first stage: every top-level block decoded
// to its content, in declaration order across files.
type syntax struct {
	survey    *hcl.Block
	hidden    []*hcl.Block
	optSets   []*hcl.Block
	scales    []*hcl.Block
	pages     []*hcl.Block
	indexes   []*hcl.Block
	blocks    []*hcl.Block
	maturity  *hcl.Block
	benchmark *hcl.Block
	report    *hcl.Block
	ui        []*hcl.Block
	endings   []*hcl.Block
	// loops are the loop blocks; their pages are in pages where the loop
	// is written, and pageLoop[i] is page i's loop (nil outside loops;
	// the slice may stop short of pages).
	loops    []*loopSyntax
	pageLoop []*loopSyntax
}

func decodeFiles(files []*hcl.File) (*syntax, hcl.Diagnostics) {
	var diags hcl.Diagnostics
	syn := &syntax{}
	var singles = map[string]**hcl.Block{"maturity": &syn.maturity, "benchmark": &syn.benchmark, "report": &syn.report}
	for _, f := range files {
		content, d := f.Body.Content(fileSchema)
		diags = append(diags, d...)
		if content == nil {
			continue
		}
		for _, blk := range content.Blocks {
			switch blk.Type {
			case "survey":
				if syn.survey != nil {
					diags = append(diags, errorAt(blk.DefRange, msgDuplicateSurveyBlock, syn.survey.DefRange))
					continue
				}
				syn.survey = blk
			case "hidden":
				syn.hidden = append(syn.hidden, blk)
			case "option_set":
				syn.optSets = append(syn.optSets, blk)
			case "scale":
				syn.scales = append(syn.scales, blk)
			case "page":
				syn.pages = append(syn.pages, blk)
			case "index":
				syn.indexes = append(syn.indexes, blk)
			case "block":
				syn.blocks = append(syn.blocks, blk)
			case "ui":
				syn.ui = append(syn.ui, blk)
			case "ending":
				syn.endings = append(syn.endings, blk)
			case "loop":
				diags = append(diags, decodeLoop(syn, blk)...)
			default:
				p := singles[blk.Type]
				if *p != nil {
					diags = append(diags, errorAt(blk.DefRange, msgDuplicateBlock, blk.Type, (*p).DefRange))
					continue
				}
				*p = blk
			}
		}
	}
	if syn.survey == nil {
		rng := hcl.Range{}
		if len(files) > 0 {
			rng = files[0].Body.MissingItemRange()
		}
		diags = append(diags, errorAt(rng, msgMissingSurveyBlock))
		return nil, diags
	}
	return syn, diags
}

// surveyMeta decodes the survey block. Languages come first because every
// text attribute in the survey is checked against them.
func (b *builder) surveyMeta(syn *syntax) *ir.Survey {
	blk := syn.survey
	s := &ir.Survey{ID: blk.Labels[0], Range: toRange(blk.DefRange)}
	if !codePattern.MatchString(s.ID) {
		b.errorf(blk.LabelRanges[0], msgInvalidSurveyID, s.ID)
	}
	c, d := blk.Body.Content(surveySchema)
	b.add(d...)
	if c == nil {
		return s
	}
	if a, ok := c.Attributes["languages"]; ok {
		// Only the valid languages, once each, go on: every text is
		// checked against them, and a bad one would be reported again on
		// every text.
		listed := b.strList(c.Attributes, "languages")
		// Where each language is written, for diagnostics about one of
		// them (a language without interface text).
		elems, _ := hcl.ExprList(a.Expr)
		seen := map[string]bool{}
		for i, l := range listed {
			if !seen[l] {
				b.langAt[l] = a.Expr.Range()
				if len(elems) == len(listed) {
					b.langAt[l] = elems[i].Range()
				}
			}
			switch {
			case !languagePattern.MatchString(l):
				b.errorf(a.Expr.Range(), msgInvalidLanguage, l)
			case seen[l]:
				b.errorf(a.Expr.Range(), msgDuplicateLanguage, l)
			default:
				s.Languages = append(s.Languages, l)
			}
			seen[l] = true
		}
		if len(listed) == 0 {
			b.errorf(a.Expr.Range(), msgNoLanguages)
		}
	}
	if len(s.Languages) == 0 {
		s.Languages = []string{"en"}
	}
	b.languages = s.Languages
	s.Title = b.text(c.Attributes, "title", true, blk.DefRange)
	s.Version = b.str(c.Attributes, "version")
	if w, ok := b.integer(c.Attributes, "wave"); ok {
		s.Wave = w
	}
	s.Intro = b.text(c.Attributes, "intro", false, blk.DefRange)
	s.ThankYou = b.text(c.Attributes, "thank_you", false, blk.DefRange)
	s.Endpoint.Format = "json"
	var endpoint, flow *hcl.Block
	for _, sub := range c.Blocks {
		switch sub.Type {
		case "endpoint":
			if endpoint != nil {
				b.errorf(sub.DefRange, msgDuplicateEndpoint)
				continue
			}
			endpoint = sub
			ec, d := sub.Body.Content(endpointSchema)
			b.add(d...)
			if ec == nil {
				continue
			}
			s.Endpoint.URL = b.str(ec.Attributes, "url")
			if a, ok := ec.Attributes["url"]; ok {
				u, err := url.Parse(s.Endpoint.URL)
				if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
					b.errorf(a.Expr.Range(), msgInvalidEndpointURL)
				}
			} else {
				b.errorf(sub.DefRange, msgMissingEndpointURL)
			}
			if f := b.str(ec.Attributes, "format"); f != "" {
				if f != "json" && f != "form" {
					b.errorf(ec.Attributes["format"].Expr.Range(), msgInvalidEndpointFormat, f)
				}
				s.Endpoint.Format = f
			}
		case "invitations":
			if s.Invitations != nil {
				b.errorf(sub.DefRange, msgDuplicateInvitations)
				continue
			}
			s.Invitations = b.invitations(sub)
		case "flow":
			if flow != nil {
				b.errorf(sub.DefRange, msgDuplicateBlock, "flow", flow.DefRange)
				continue
			}
			flow = sub
			s.Flow = b.flow(sub)
		case "theme":
			tc, d := sub.Body.Content(themeSchema)
			b.add(d...)
			if tc == nil {
				continue
			}
			s.Theme.Accent = b.str(tc.Attributes, "accent")
			s.Theme.Logo = b.str(tc.Attributes, "logo")
			if a, ok := tc.Attributes["logo"]; ok {
				b.checkPath(s.Theme.Logo, a.Expr.Range(), logoFile, false)
			}
			if v, ok := b.integer(tc.Attributes, "logo_height"); ok {
				if v < minLogoHeight || v > maxLogoHeight {
					b.errorf(tc.Attributes["logo_height"].Expr.Range(), msgInvalidLogoHeight, v, minLogoHeight, maxLogoHeight)
				} else {
					s.Theme.LogoHeight = v
				}
			}
			if a, ok := tc.Attributes["accent"]; ok && !colourPattern.MatchString(s.Theme.Accent) {
				b.errorf(a.Expr.Range(), msgInvalidColour)
			}
		}
	}
	if endpoint == nil {
		b.errorf(blk.DefRange, msgMissingEndpoint)
	}
	return s
}

// A logo's height in CSS pixels: from a small mark to a banner that
// still leaves a phone's first screen to the questions.
const minLogoHeight, maxLogoHeight = 16, 200

// invitations decodes a survey's invitations block: required (default
// true: a survey that bothers to sign its links means them) and once.
func (b *builder) invitations(blk *hcl.Block) *ir.Invitations {
	inv := &ir.Invitations{Required: true, Range: toRange(blk.DefRange)}
	b.invitationsAt = blk.DefRange
	c, d := blk.Body.Content(invitationsSchema)
	b.add(d...)
	if c == nil {
		return inv
	}
	if _, ok := c.Attributes["required"]; ok {
		inv.Required = b.boolean(c.Attributes, "required")
	}
	if a, ok := c.Attributes["once"]; ok {
		before := len(b.diags)
		if o := b.str(c.Attributes, "once"); len(b.diags) > before {
			// not a string: said already
		} else if o != ir.OnceFirst && o != ir.OnceLast {
			b.errorf(a.Expr.Range(), msgInvalidOnce, o, didYouMean(o, []string{ir.OnceFirst, ir.OnceLast}))
		} else {
			inv.Once = o
		}
	}
	return inv
}

// flow decodes a survey's flow block; what it leaves out keeps its
// default (ir.Survey.ReviewStep, ProgressShown).
func (b *builder) flow(blk *hcl.Block) *ir.Flow {
	f := &ir.Flow{Range: toRange(blk.DefRange)}
	c, d := blk.Body.Content(flowSchema)
	b.add(d...)
	if c == nil {
		return f
	}
	for name, field := range map[string]**bool{"review": &f.Review, "progress": &f.Progress} {
		if _, ok := c.Attributes[name]; ok {
			v := b.boolean(c.Attributes, name)
			*field = &v
		}
	}
	return f
}

func (b *builder) checkID(id string, rng hcl.Range, what noun) {
	if !idPattern.MatchString(id) {
		b.errorf(rng, msgInvalidIdentifier, what, id)
	}
}

func (b *builder) checkCode(code string, rng hcl.Range, what noun) {
	if !codePattern.MatchString(code) {
		b.errorf(rng, msgInvalidCode, what, code)
	}
}

func (b *builder) hiddenField(blk *hcl.Block) ir.Hidden {
	h := ir.Hidden{ID: blk.Labels[0], Range: toRange(blk.DefRange)}
	b.checkID(h.ID, blk.LabelRanges[0], nounHiddenField)
	c, d := blk.Body.Content(hiddenSchema)
	b.add(d...)
	if c == nil {
		return h
	}
	h.Role = b.str(c.Attributes, "role")
	if a, ok := c.Attributes["role"]; ok && !contains([]string{"participant", "segment", "channel"}, h.Role) {
		b.errorf(a.Expr.Range(), msgInvalidRole,
			h.Role, didYouMean(h.Role, []string{"participant", "segment", "channel"}))
	}
	h.Param = b.str(c.Attributes, "param")
	if h.Param == "" {
		h.Param = h.ID
	}
	h.Label = b.text(c.Attributes, "label", false, blk.DefRange)
	if h.Label == nil {
		h.Label = ir.Text{}
		for _, l := range b.languages {
			h.Label[l] = h.ID
		}
	}
	h.Default = b.str(c.Attributes, "default")
	h.Personal = b.boolean(c.Attributes, "personal")
	return h
}

// options decodes option blocks in declaration order.
func (b *builder) options(blocks hcl.Blocks) []ir.Option {
	var out []ir.Option
	seen := map[string]hcl.Range{}
	for _, ob := range blocks {
		if ob.Type != "option" {
			continue
		}
		o := ir.Option{Code: ob.Labels[0], Range: toRange(ob.DefRange)}
		b.checkCode(o.Code, ob.LabelRanges[0], nounOption)
		if first, dup := seen[o.Code]; dup {
			b.errorf(ob.LabelRanges[0], msgDuplicateOption, o.Code, first)
		}
		seen[o.Code] = ob.DefRange
		c, d := ob.Body.Content(optionSchema)
		b.add(d...)
		if c != nil {
			o.Label = b.text(c.Attributes, "label", true, ob.DefRange)
			o.Other = b.boolean(c.Attributes, "other")
			o.Exclusive = b.boolean(c.Attributes, "exclusive")
			o.Missing = b.boolean(c.Attributes, "missing")
			o.Anchor = b.boolean(c.Attributes, "anchor")
			o.Score = b.number(c.Attributes, "score")
			o.Source = b.str(c.Attributes, "source")
			if a, ok := c.Attributes["source"]; ok && o.Source == "" {
				b.errorf(a.Expr.Range(), msgEmptySourceCode, o.Code)
			}
		}
		out = append(out, o)
	}
	return out
}

// scaleDef decodes scale attributes from a scale block or a question body.
func (b *builder) scaleDef(attrs hcl.Attributes, owner hcl.Range) *ir.ScaleDef {
	sc := &ir.ScaleDef{}
	if v, ok := b.integer(attrs, "min"); ok {
		sc.Min = v
	}
	if v, ok := b.integer(attrs, "max"); ok {
		sc.Max = v
	}
	sc.MinLabel = b.text(attrs, "min_label", false, owner)
	sc.MaxLabel = b.text(attrs, "max_label", false, owner)
	sc.Missing = b.text(attrs, "missing", false, owner)
	if a, ok := attrs["labels"]; ok {
		exprs, d := hcl.ExprList(a.Expr)
		if d.HasErrors() {
			b.errorf(a.Expr.Range(), msgInvalidLabels)
		}
		for _, e := range exprs {
			sc.Labels = append(sc.Labels, b.textValue(&hcl.Attribute{Name: "labels", Expr: e, Range: e.Range(), NameRange: a.NameRange}))
		}
	}
	return sc
}

// referenced returns the name after prefix in a reference like
// option_set.ypn, reporting anything else.
func (b *builder) referenced(a *hcl.Attribute, prefix string, what noun) (string, hcl.Range) {
	t := b.ref(a.Expr, a.Name)
	if t == nil {
		return "", a.Expr.Range()
	}
	if len(t) != 2 || t.RootName() != prefix {
		b.errorf(a.Expr.Range(), msgInvalidNamedReference, a.Name, what, prefix)
		return "", a.Expr.Range()
	}
	return traversalString(t[1:]), t.SourceRange()
}
