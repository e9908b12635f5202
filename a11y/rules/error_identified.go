package rules

import (
	"github.com/delaktig/delaktig/a11y"
)

// ErrorIdentified: when a form is sent with a mistake, the page says in
// text which field is wrong. WCAG 3.3.1 Error Identification.
//
// The rule reads error states a browser source made by sending a form
// empty, or with values of the wrong form (a11y.ErrorState). A field the
// page marks as wrong passes when text says so: a message that appeared
// near it, a message tied to it, or an error summary that links to it or
// names it. It fails when only its colour or border changed, or when only
// aria-invalid marks it (screen readers hear it, nobody sees it). When the
// browser's own validation answered, when nothing happened, or when the page
// showed a general error without marking any field, the rule asks a person.
var ErrorIdentified = &a11y.Rule{
	ID:       "error-identified",
	WCAG:     []string{"3.3.1"},
	EN301549: []string{"9.3.3.1"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM | a11y.NeedsInteraction,
	Messages: []a11y.Msg{identifiedInText, identifiedColourOnly, identifiedNotInText, identifiedNative, identifiedNoReaction,
		identifiedGeneralOnly, identifiedNoErrors},
	Tags:  []string{"forms", "errors"},
	Since: "0.1.0",
	Run:   runErrorIdentified,
}

const (
	identifiedInText      a11y.Msg = "error-identified.in-text"
	identifiedColourOnly  a11y.Msg = "error-identified.colour-only"
	identifiedNotInText   a11y.Msg = "error-identified.not-in-text"
	identifiedNative      a11y.Msg = "error-identified.native"
	identifiedNoReaction  a11y.Msg = "error-identified.no-reaction"
	identifiedGeneralOnly a11y.Msg = "error-identified.general-only"
	identifiedNoErrors    a11y.Msg = "error-identified.no-errors"
)

// questionErrorShown asks whether the page shows which field is wrong.
const questionErrorIdentified = "error-identified.shown"

func runErrorIdentified(p *a11y.Pass) error {
	es := p.Doc.ErrorState()
	if es == nil {
		return nil
	}
	pass := a11y.Data{"pass": es.Pass}
	switch es.Reaction {
	case a11y.ReactionNative:
		p.CantTell(errorTarget(es), identifiedNative, pass, a11y.Ask(questionErrorIdentified))
		return nil
	case a11y.ReactionNone:
		p.CantTell(errorTarget(es), identifiedNoReaction, pass, a11y.Ask(questionErrorIdentified))
		return nil
	}
	shown := errorFieldsShown(es)
	for _, f := range shown {
		switch {
		case len(f.Messages) > 0 || len(f.Tied) > 0 || f.InSummary:
			p.Pass(f.Node, identifiedInText)
		case f.Invalid:
			p.Fail(f.Node, identifiedNotInText)
		default:
			p.Fail(f.Node, identifiedColourOnly)
		}
	}
	if len(shown) > 0 {
		return nil
	}
	if es.Summary != nil || len(es.Announced) > 0 {
		p.CantTell(errorTarget(es), identifiedGeneralOnly, pass, a11y.Ask(questionErrorIdentified))
		return nil
	}
	p.CantTell(errorTarget(es), identifiedNoErrors, pass, a11y.Ask(questionErrorIdentified))
	return nil
}
