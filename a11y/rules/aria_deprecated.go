package rules

import (
	"github.com/delaktig/delaktig/a11y"
)

// AriaDeprecated: roles and ARIA attributes that the specifications have
// deprecated are not used. Deprecated features are being dropped by browsers
// and assistive technologies: the directory role (use list), the DPUB roles
// doc-biblioentry and doc-endnote (use listitem), and the drag-and-drop
// attributes aria-grabbed and aria-dropeffect, which no current screen reader
// announces.
//
// Targets are elements with an explicit role, and deprecated attributes
// wherever they appear. This is a best-practice check without a WCAG
// success criterion of its own.
var AriaDeprecated = &a11y.Rule{
	ID:       "aria-deprecated",
	Impact:   a11y.Minor,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{ariaDeprecatedCurrentRole, ariaDeprecatedRole, ariaDeprecatedAttr},
	Tags:     []string{"aria", "best-practice"},
	Since:    "0.1.0",
	Run:      runAriaDeprecated,
}

const (
	ariaDeprecatedCurrentRole a11y.Msg = "aria-deprecated.current-role"
	ariaDeprecatedRole        a11y.Msg = "aria-deprecated.role"
	ariaDeprecatedAttr        a11y.Msg = "aria-deprecated.attr"
)

// ariaReplacement names what to use instead of a deprecated role.
var ariaReplacement = map[string]string{
	"directory":       "list",
	"doc-biblioentry": "listitem",
	"doc-endnote":     "listitem",
}

func runAriaDeprecated(p *a11y.Pass) error {
	for n := range p.Elements() {
		if role := p.Doc.ExplicitRole(n); role != "" {
			if spec, ok := roleSpec(role); ok && spec.Deprecated {
				p.Fail(n, ariaDeprecatedRole, a11y.Data{"role": role, "instead": ariaReplacement[role]})
			} else {
				p.Pass(n, ariaDeprecatedCurrentRole, a11y.Data{"role": role})
			}
		}
		for _, a := range ariaAttributes(n) {
			if spec, ok := attrSpec(a.Key); ok && spec.Deprecated {
				p.Fail(n, ariaDeprecatedAttr, a11y.Data{"attr": a.Key})
			}
		}
	}
	return nil
}
