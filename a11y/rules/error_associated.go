package rules

import (
	"strings"

	"github.com/delaktig/delaktig/a11y"
)

// ErrorAssociated: the error message of a field is tied to the field in
// code, so that screen readers read it with the field. WCAG 1.3.1 Info and
// Relationships and 3.3.1 Error Identification.
//
// The rule reads error states a browser source made by sending a form
// empty, or with values of the wrong form (a11y.ErrorState). A field
// marked as wrong with a visible message passes when aria-describedby or
// aria-errormessage names an element with the message, or when its label or
// description, or that of the group it is in (a fieldset or an element with
// role group or radiogroup, as a group of radio buttons has), holds the
// message. It fails when the message is only shown
// near the field. A field named only in the error summary is cantTell: the
// summary's link takes people to the field, but the field says nothing of
// the error.
var ErrorAssociated = &a11y.Rule{
	ID:       "error-associated",
	WCAG:     []string{"1.3.1", "3.3.1"},
	EN301549: []string{"9.1.3.1", "9.3.3.1"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM | a11y.NeedsInteraction,
	Messages: []a11y.Msg{associatedTied, associatedInName, associatedNotTied, associatedSummaryOnly},
	Tags:     []string{"forms", "errors", "aria"},
	Since:    "0.1.0",
	Run:      runErrorAssociated,
}

const (
	associatedTied        a11y.Msg = "error-associated.tied"
	associatedInName      a11y.Msg = "error-associated.in-name"
	associatedNotTied     a11y.Msg = "error-associated.not-tied"
	associatedSummaryOnly a11y.Msg = "error-associated.summary-only"
)

// questionErrorHeard asks whether screen reader users hear the error at the field.
const questionErrorHeard = "error-associated.heard"

func runErrorAssociated(p *a11y.Pass) error {
	es := p.Doc.ErrorState()
	if es == nil {
		return nil
	}
	for _, f := range errorFieldsShown(es) {
		switch {
		case len(f.Tied) > 0:
			p.Pass(f.Node, associatedTied)
		case len(f.Messages) > 0:
			msg := strings.ToLower(strings.Join(strings.Fields(f.Messages[0].Text()), " "))
			said := strings.ToLower(p.Name(f.Node) + " " + p.Description(f.Node))
			if msg != "" && (strings.Contains(said, msg) || groupSays(p, f.Node, msg)) {
				p.Pass(f.Node, associatedInName)
				continue
			}
			p.Fail(f.Node, associatedNotTied, a11y.Data{"message": shortText(f.Messages[0].Text(), 60)}, a11y.Related{f.Messages[0]})
		case f.InSummary:
			p.CantTell(f.Node, associatedSummaryOnly, a11y.Ask(questionErrorHeard))
		}
	}
	return nil
}

// groupSays reports whether the name or description of a group around n
// (a fieldset, or role group or radiogroup) holds msg (lower case): screen
// readers read a group's name and description on entering it, so a message
// tied to the group of radio buttons is heard with them.
func groupSays(p *a11y.Pass, n *a11y.Node, msg string) bool {
	for a := n.FlatParent(); a != nil; a = a.FlatParent() {
		if a.Type != a11y.ElementNode {
			continue
		}
		if role := p.Role(a); role != "group" && role != "radiogroup" {
			continue
		}
		said := strings.ToLower(strings.Join(strings.Fields(p.Name(a)+" "+p.Description(a)), " "))
		if strings.Contains(said, msg) {
			return true
		}
	}
	return false
}
