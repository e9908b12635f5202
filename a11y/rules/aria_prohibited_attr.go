package rules

import (
	"github.com/delaktig/delaktig/a11y"
)

// AriaProhibitedAttr: global ARIA properties are not used where the role
// prohibits them. ACT kb1m8s. aria-label on a generic <div>, a paragraph or
// a presentational element is not read out (or not reliably), so the text
// in it never reaches people who use a screen reader.
//
// Targets are the global ARIA states and properties with a value, on HTML
// and SVG elements in the accessibility tree; each is one outcome. An
// attribute fails when the element's semantic role prohibits it, or when it
// sits on an element with an explicit role of none or presentation, which
// prohibit naming and role descriptions even when a conflict exposes the
// element anyway.
var AriaProhibitedAttr = &a11y.Rule{
	ID:       "aria-prohibited-attr",
	WCAG:     []string{"1.3.1"},
	ACT:      []string{"kb1m8s"},
	EN301549: []string{"9.1.3.1"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{ariaProhibitedAttrAllowed, ariaProhibitedAttrProhibited, ariaProhibitedAttrProhibitedUnsure},
	Tags:     []string{"aria"},
	Since:    "0.1.0",
	Run:      runAriaProhibitedAttr,
}

const (
	ariaProhibitedAttrAllowed          a11y.Msg = "aria-prohibited-attr.allowed"
	ariaProhibitedAttrProhibited       a11y.Msg = "aria-prohibited-attr.prohibited"
	ariaProhibitedAttrProhibitedUnsure a11y.Msg = "aria-prohibited-attr.prohibited-unsure"
)

func runAriaProhibitedAttr(p *a11y.Pass) error {
	for n := range p.Elements() {
		if !ariaMarkup(n) {
			continue
		}
		var globals []string
		for _, a := range ariaAttributes(n) {
			if a11y.IsGlobalAttr(a.Key) && !ariaBlank(a.Val) {
				globals = append(globals, a.Key)
			}
		}
		if len(globals) == 0 {
			continue
		}
		in, known := ariaInTree(p, n)
		if !in {
			continue
		}
		role := p.Doc.Role(n)
		explicit := p.Doc.ExplicitRole(n)
		for _, attr := range globals {
			by := ""
			switch {
			case a11y.RoleProhibitsAttr(role, attr):
				by = role
			case a11y.IsPresentational(explicit) && a11y.RoleProhibitsAttr(explicit, attr):
				by = explicit
			}
			data := a11y.Data{"attr": attr, "role": role}
			switch {
			case by == "":
				p.Pass(n, ariaProhibitedAttrAllowed, data)
			case known:
				data["role"] = by
				p.Fail(n, ariaProhibitedAttrProhibited, data)
			default:
				data["role"] = by
				p.CantTell(n, ariaProhibitedAttrProhibitedUnsure, data, a11y.Ask(questionAriaShown))
			}
		}
	}
	return nil
}
