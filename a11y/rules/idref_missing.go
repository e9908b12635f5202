package rules

import (
	"strings"

	"github.com/delaktig/delaktig/a11y"
)

// IDRefMissing: every id that aria-labelledby, aria-describedby,
// aria-errormessage, label for and similar attributes refer to exists. A
// reference to a missing id silently drops the label, hint or error message
// it was meant to give, so screen-reader users never hear it.
//
// Targets are elements with an id-reference attribute; ids are looked up in
// the element's own tree (document, frame or shadow root), as browsers do.
// headers on table cells is left to td-headers. References that scripts
// often fill in later (aria-controls, aria-owns, aria-activedescendant,
// aria-flowto, aria-details, list) are cantTell when missing, as the element
// may appear when the control is used.
var IDRefMissing = &a11y.Rule{
	ID:       "idref-missing",
	WCAG:     []string{"1.3.1", "4.1.2"},
	EN301549: []string{"9.1.3.1", "9.4.1.2"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{idrefMissingFound, idrefMissingMissing, idrefMissingMaybeLater},
	Tags:     []string{"structure", "aria", "forms"},
	Since:    "0.1.0",
	Run:      runIDRefMissing,
}

const (
	idrefMissingFound      a11y.Msg = "idref-missing.found"
	idrefMissingMissing    a11y.Msg = "idref-missing.missing"
	idrefMissingMaybeLater a11y.Msg = "idref-missing.maybe-later"
)

// questionAddedLater asks whether a script adds the referenced element.
const questionAddedLater = "idref-missing.added-later"

// laterRefs are reference attributes whose targets scripts commonly create
// when a widget opens.
var laterRefs = map[string]bool{
	"aria-controls": true, "aria-owns": true, "aria-activedescendant": true,
	"aria-flowto": true, "aria-details": true, "list": true,
}

func runIDRefMissing(p *a11y.Pass) error {
	for n := range p.Elements() {
		if !hasIDRefAttr(n) {
			continue
		}
		var missing, later []string
		var attrs, laterAttrs []string
		refers := false
		for _, a := range idrefAttrs {
			if a.name == "headers" || !idrefAttrApplies(n, a.name) {
				continue
			}
			v, ok := n.AttrValue(a.name)
			if !ok {
				continue
			}
			for _, id := range idrefs(v, a.list) {
				refers = true
				if p.Doc.ByID(n, id) != nil {
					continue
				}
				if laterRefs[a.name] {
					later = append(later, id)
					if !hasString(laterAttrs, a.name) {
						laterAttrs = append(laterAttrs, a.name)
					}
				} else {
					missing = append(missing, id)
					if !hasString(attrs, a.name) {
						attrs = append(attrs, a.name)
					}
				}
			}
		}
		switch {
		case len(missing) > 0:
			p.Fail(n, idrefMissingMissing, a11y.Data{"attr": strings.Join(attrs, ", "), "ids": excerpt(strings.Join(missing, " "))})
		case len(later) > 0:
			p.CantTell(n, idrefMissingMaybeLater, a11y.Data{"attr": strings.Join(laterAttrs, ", "), "ids": excerpt(strings.Join(later, " "))}, a11y.Ask(questionAddedLater))
		case refers:
			p.Pass(n, idrefMissingFound)
		}
	}
	return nil
}
