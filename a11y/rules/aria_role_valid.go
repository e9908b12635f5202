package rules

import (
	"strings"

	"github.com/delaktig/delaktig/a11y"
)

// AriaRoleValid: a role attribute names at least one role that exists.
// ACT 674b10. A misspelt role (role="lnik") is ignored by browsers, so the
// element keeps its native role and a custom control loses what it is.
//
// Targets are role attributes with a value that is not only white space, on
// HTML and SVG elements that are not programmatically hidden (display:none,
// visibility:hidden, aria-hidden="true"). A token is valid when it names a
// non-abstract role of WAI-ARIA, the Graphics module or DPUB-ARIA, compared
// without regard to case. When a static check cannot tell whether a style
// sheet hides the element, a failure is reported as cantTell.
var AriaRoleValid = &a11y.Rule{
	ID:       "aria-role-valid",
	WCAG:     []string{"1.3.1", "4.1.2"},
	ACT:      []string{"674b10"},
	EN301549: []string{"9.1.3.1", "9.4.1.2"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{ariaRoleValidValid, ariaRoleValidInvalid, ariaRoleValidInvalidUnsure},
	Tags:     []string{"aria"},
	Since:    "0.1.0",
	Run:      runAriaRoleValid,
}

const (
	ariaRoleValidValid         a11y.Msg = "aria-role-valid.valid"
	ariaRoleValidInvalid       a11y.Msg = "aria-role-valid.invalid"
	ariaRoleValidInvalidUnsure a11y.Msg = "aria-role-valid.invalid-unsure"
)

func runAriaRoleValid(p *a11y.Pass) error {
	for n := range p.Elements() {
		v, ok := n.AttrValue("role")
		if !ok || ariaBlank(v) || !ariaMarkup(n) {
			continue
		}
		hidden, known := p.Doc.HiddenKnown(n)
		if hidden || p.Doc.AriaHidden(n) {
			continue
		}
		valid := ""
		for _, tok := range strings.Fields(strings.ToLower(v)) {
			if a11y.IsValidRole(tok) {
				valid = tok
				break
			}
		}
		data := a11y.Data{"role": ariaExcerpt(v)}
		switch {
		case valid != "":
			data["valid"] = valid
			p.Pass(n, ariaRoleValidValid, data)
		case known:
			p.Fail(n, ariaRoleValidInvalid, data)
		default:
			p.CantTell(n, ariaRoleValidInvalidUnsure, data, a11y.Ask(questionAriaShown))
		}
	}
	return nil
}
