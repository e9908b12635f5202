package rules

import (
	"strings"

	"github.com/delaktig/delaktig/a11y"
)

// AriaAllowedAttr: every ARIA state and property is one the element's role
// supports. ACT 5c01ea. Browsers drop a state the role does not have
// (aria-pressed on a link, aria-sort on a button), so what the author meant
// to say never reaches assistive technologies.
//
// Targets are the defined aria-* attributes, whatever their value, of HTML
// and SVG elements in the accessibility tree; each is one outcome. An
// attribute is permitted when it is global, when the element's semantic role
// (after presentational conflicts are resolved) supports, inherits or
// requires it, or when ARIA in HTML allows it on an element without a role:
// the text-like inputs without a role (password, date, time…) take the
// states of a textbox, audio and video those of application, summary those
// of button, and a native radio button accepts aria-required.
// aria-disabled, aria-errormessage, aria-haspopup and aria-invalid, global
// until ARIA 1.1, are accepted everywhere.
var AriaAllowedAttr = &a11y.Rule{
	ID:       "aria-allowed-attr",
	WCAG:     []string{"1.3.1", "4.1.2"},
	ACT:      []string{"5c01ea"},
	EN301549: []string{"9.1.3.1", "9.4.1.2"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{ariaAllowedAttrAllowed, ariaAllowedAttrNotAllowed, ariaAllowedAttrNotAllowedUnsure},
	Tags:     []string{"aria"},
	Since:    "0.1.0",
	Run:      runAriaAllowedAttr,
}

const (
	ariaAllowedAttrAllowed          a11y.Msg = "aria-allowed-attr.allowed"
	ariaAllowedAttrNotAllowed       a11y.Msg = "aria-allowed-attr.not-allowed"
	ariaAllowedAttrNotAllowedUnsure a11y.Msg = "aria-allowed-attr.not-allowed-unsure"
)

func runAriaAllowedAttr(p *a11y.Pass) error {
	for n := range p.Elements() {
		if !ariaMarkup(n) {
			continue
		}
		attrs := ariaAttributes(n)
		if len(attrs) == 0 {
			continue
		}
		in, known := ariaInTree(p, n)
		if !in {
			continue
		}
		role := p.Doc.Role(n)
		shown := role
		if role == "" {
			role = ariaLanguageFeatureRole(n)
			shown = "<" + n.Data + ">"
		}
		for _, a := range attrs {
			spec, ok := attrSpec(a.Key)
			if !ok {
				continue // aria-valid-attr reports unknown attributes
			}
			data := a11y.Data{"attr": a.Key, "role": shown}
			switch {
			case spec.Global || spec.DeprecatedGlobal || role != "" && a11y.RoleSupportsAttr(role, a.Key) || ariaNativeAllows(n, a.Key):
				p.Pass(n, ariaAllowedAttrAllowed, data)
			case known:
				p.Fail(n, ariaAllowedAttrNotAllowed, data)
			default:
				p.CantTell(n, ariaAllowedAttrNotAllowedUnsure, data, a11y.Ask(questionAriaShown))
			}
		}
	}
	return nil
}

// ariaLanguageFeatureRole is the role whose states ARIA in HTML lets an
// element without a role use, or "" when only global ones are allowed.
func ariaLanguageFeatureRole(n *a11y.Node) string {
	if n.Namespace != a11y.NamespaceHTML {
		return ""
	}
	switch n.Data {
	case "input":
		switch strings.ToLower(strings.Trim(n.Get("type"), " \t\n\f\r")) {
		case "password", "date", "datetime-local", "month", "time", "week", "color", "file":
			return "textbox"
		}
	case "audio", "video":
		return "application"
	case "summary":
		return "button"
	}
	return ""
}

// ariaNativeAllows accepts states that native controls commonly carry and
// browsers map although their role does not list them: aria-required on a
// radio button (WAI-ARIA puts it on the radio group).
func ariaNativeAllows(n *a11y.Node, attr string) bool {
	return attr == "aria-required" && n.Namespace == a11y.NamespaceHTML && n.Data == "input" &&
		strings.EqualFold(strings.Trim(n.Get("type"), " \t\n\f\r"), "radio")
}
