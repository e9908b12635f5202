package rules

import (
	"github.com/delaktig/delaktig/a11y"
)

// PresentationalChildrenFocus: an element whose children are presentational
// (a button, checkbox, tab, image, slider…) contains nothing that takes
// keyboard focus. ACT 307n5z. Assistive technologies do not expose what is
// inside such an element, so a link or field in it gets focus with no name
// or role: people hear nothing, or the wrong thing.
//
// Targets are HTML and SVG elements whose semantic role has presentational
// children and that are not hidden. The expectation holds when no flat-tree
// descendant is in the sequential focus navigation order; a descendant a
// style sheet might hide gives cantTell in a static check.
var PresentationalChildrenFocus = &a11y.Rule{
	ID:       "presentational-children-focus",
	WCAG:     []string{"4.1.2"},
	ACT:      []string{"307n5z"},
	EN301549: []string{"9.4.1.2"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{presentationalChildrenFocusNone, presentationalChildrenFocusFocusable, presentationalChildrenFocusFocusableUnsure},
	Tags:     []string{"aria", "keyboard"},
	Since:    "0.1.0",
	Run:      runPresentationalChildrenFocus,
}

const (
	presentationalChildrenFocusNone            a11y.Msg = "presentational-children-focus.none"
	presentationalChildrenFocusFocusable       a11y.Msg = "presentational-children-focus.focusable"
	presentationalChildrenFocusFocusableUnsure a11y.Msg = "presentational-children-focus.focusable-unsure"
)

func runPresentationalChildrenFocus(p *a11y.Pass) error {
	for n := range p.Elements() {
		if !ariaMarkup(n) {
			continue
		}
		role := p.Doc.Role(n)
		if role == "" || role == "generic" {
			continue // children not presentational
		}
		spec, ok := roleSpec(role)
		if !ok || !spec.ChildrenPresentational || p.Doc.Hidden(n) {
			continue
		}
		if p.Doc.PresentationalParent(n) != nil {
			// Inside another element with presentational children, n has
			// no role of its own in the tree: the outer element's check
			// covers its focusable content. Skipping it also keeps nested
			// hostile markup linear.
			continue
		}
		sure, unsure := ariaTabbableWithin(p, n, false)
		data := a11y.Data{"role": role}
		switch {
		case len(sure) > 0:
			data["count"] = len(sure)
			p.Fail(n, presentationalChildrenFocusFocusable, data, a11y.Related(sure))
		case len(unsure) > 0:
			data["count"] = len(unsure)
			p.CantTell(n, presentationalChildrenFocusFocusableUnsure, data, a11y.Related(unsure), a11y.Ask(questionAriaShown))
		default:
			p.Pass(n, presentationalChildrenFocusNone, data)
		}
	}
	return nil
}
