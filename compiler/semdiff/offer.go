package semdiff

import (
	"github.com/opros/opros/compiler/codebook"
	"github.com/opros/opros/compiler/ir"
	"github.com/opros/opros/compiler/localize"
)

// diffOffers reports what changes who is offered an option, though its
// code and label stay: carrying the options from another question, or
// the others than those chosen there, or no longer (options_from), and an
// option's show_if. Either changes the option's base, so shares across
// the versions are not comparable.
func diffOffers(oq, nq *ir.Question, add addFunc) {
	if o, n := fromPhrase(oq.OptionsFrom), fromPhrase(nq.OptionsFrom); o != n {
		add(Breaking, kindOptionsFromChanged, nq.ID, "", n, o)
	}
	for _, no := range nq.Options {
		oo := oq.Option(no.Code)
		if oo == nil || no.Carried || oo.Carried {
			continue // an option added, or carried: said above
		}
		if o, n := offeredPhrase(oo.ShowIf), offeredPhrase(no.ShowIf); o != n {
			add(Breaking, kindOptionConditionChanged, nq.ID, no.Code, no.Code, n, o)
		}
	}
}

// fromPhrase says where a question's options are carried from.
func fromPhrase(f *ir.OptionsFrom) localize.Phrase {
	switch {
	case f == nil:
		return localize.Phrase{En: "no question", Ru: "ниоткуда"}
	case f.Take == ir.TakeNotChosen:
		return localize.Phrase{En: f.Question + ", the options not chosen there", Ru: f.Question + ", варианты, не выбранные в нём"}
	}
	return localize.Phrase{En: f.Question + ", the options chosen there", Ru: f.Question + ", варианты, выбранные в нём"}
}

// offeredPhrase says when an option is offered.
func offeredPhrase(showIf *ir.Expr) localize.Phrase {
	if showIf == nil {
		return localize.Phrase{En: "always", Ru: "всегда"}
	}
	x := codebook.ExprString(showIf)
	return localize.Phrase{En: "if " + x, Ru: "если " + x}
}
