package semdiff

import (
	"slices"

	"github.com/opros/opros/compiler/ir"
)

// diffLoops reports what changes a loop's iterations: an option added to
// or removed from what it repeats over, and another source question. A
// loop added or removed shows as its questions added or removed, and an
// iteration's own questions are compared as any question.
func diffLoops(old, new *ir.Survey, add func(string, kind, string, string, ...any)) {
	for _, nl := range new.Loops {
		ol := old.Loop(nl.ID)
		if ol == nil {
			continue
		}
		if ol.Over != nl.Over {
			add(Breaking, kindLoopSourceChanged, "", "", nl.ID, nl.Over, ol.Over)
			continue
		}
		for _, code := range nl.Options {
			if !slices.Contains(ol.Options, code) {
				add(Compatible, kindLoopIterationAdded, nl.Over, code, nl.ID, code, nl.Over)
			}
		}
		for _, code := range ol.Options {
			if !slices.Contains(nl.Options, code) {
				add(Breaking, kindLoopIterationRemoved, nl.Over, code, nl.ID, code, nl.Over)
			}
		}
	}
}
