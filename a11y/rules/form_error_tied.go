package rules

import (
	"strings"

	"github.com/delaktig/delaktig/a11y"
)

// FormErrorTied: a field marked invalid (aria-invalid="true") has its error
// message tied to it with aria-describedby or aria-errormessage, and the
// message has text. Screen readers then read the error when people return to
// the field; an error that is only shown somewhere on the page, or an empty
// message element, leaves them guessing what is wrong.
//
// Targets are elements with aria-invalid set to anything but "false", in the
// accessibility tree. They pass when an element aria-errormessage or
// aria-describedby names has text and is seen. The rule fails when those
// elements are missing or empty, or when neither attribute is set; a label
// that itself holds error wording makes that cantTell, as does a message
// that is hidden (is the error shown elsewhere?).
var FormErrorTied = &a11y.Rule{
	ID:       "form-error-tied",
	WCAG:     []string{"1.3.1", "3.3.1"},
	EN301549: []string{"9.1.3.1", "9.3.3.1"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{formErrorTiedTied, formErrorTiedNotTied, formErrorTiedEmpty, formErrorTiedMessageHidden, formErrorTiedMaybeInLabel},
	Tags:     []string{"forms", "errors"},
	Since:    "0.1.0",
	Run:      runFormErrorTied,
}

const (
	formErrorTiedTied          a11y.Msg = "form-error-tied.tied"
	formErrorTiedNotTied       a11y.Msg = "form-error-tied.not-tied"
	formErrorTiedEmpty         a11y.Msg = "form-error-tied.message-empty"
	formErrorTiedMessageHidden a11y.Msg = "form-error-tied.message-hidden"
	formErrorTiedMaybeInLabel  a11y.Msg = "form-error-tied.maybe-in-label"
)

// Questions of form-error-tied.
const (
	questionErrorShown   = "form-error-tied.error-shown"
	questionErrorInLabel = "form-error-tied.error-in-label"
)

// errorWords show that a label already describes an error.
var errorWords = []string{
	"fel", "felaktig", "felaktigt", "ogiltig", "ogiltigt", "saknas", "måste", "fyll i",
	"feil", "ugyldig", "ugyldige", "mangler", "må fylles ut", "fyll inn",
	"error", "invalid", "missing", "must", "please enter", "is required",
}

func runFormErrorTied(p *a11y.Pass) error {
	css := newAuthorStyles(p.Doc)
	for n := range p.Elements() {
		v, ok := n.AttrValue("aria-invalid")
		if !ok {
			continue
		}
		if v = strings.ToLower(trimHTMLSpace(v)); v == "" || v == "false" {
			continue
		}
		if !p.InAXTree(n) || css.rendered(p, n) == visNo {
			continue
		}
		var refs []*a11y.Node
		for _, attr := range []string{"aria-errormessage", "aria-describedby"} {
			if v, ok := n.AttrValue(attr); ok {
				found, _ := p.Doc.IDRefs(n, v)
				refs = append(refs, found...)
			}
		}
		best := visNo
		withText := 0
		for _, r := range refs {
			if blank(r.Text()) && p.Name(r) == "" {
				continue
			}
			withText++
			if v := css.visible(p, r); v > best {
				best = v
			}
		}
		label, _ := visibleLabelText(p, css, n)
		switch {
		case best >= visLikely:
			p.Pass(n, formErrorTiedTied)
		case withText > 0:
			p.CantTell(n, formErrorTiedMessageHidden, a11y.Ask(questionErrorShown))
		case len(refs) > 0:
			p.Fail(n, formErrorTiedEmpty)
		case anyWord(normalizeText(label), errorWords):
			p.CantTell(n, formErrorTiedMaybeInLabel, a11y.Data{"label": excerpt(label)}, a11y.Ask(questionErrorInLabel))
		default:
			p.Fail(n, formErrorTiedNotTied)
		}
	}
	return nil
}
