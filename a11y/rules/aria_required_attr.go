package rules

import (
	"strings"

	"github.com/delaktig/delaktig/a11y"
)

// AriaRequiredAttr: an element given a role with the role attribute also has
// the states and properties that role requires. ACT 4e8ab6. A checkbox
// without aria-checked, a heading without aria-level or a slider without
// aria-valuenow leaves people guessing whether the box is ticked, how the
// heading ranks or where the slider stands.
//
// Targets are HTML and SVG elements in the accessibility tree with an
// explicit role that differs from their implicit one (<input type=checkbox
// role=checkbox> keeps its native state and is not a target). Required
// states follow WAI-ARIA 1.2 with the 1.3 relaxations (a combobox needs only
// aria-expanded); a separator needs aria-valuenow only when focusable. A
// required state the host language already supplies (the checkedness of an
// input type=checkbox given role=switch, the level of h1–h6, the value of a
// range input) counts as set.
var AriaRequiredAttr = &a11y.Rule{
	ID:       "aria-required-attr",
	WCAG:     []string{"1.3.1", "4.1.2"},
	ACT:      []string{"4e8ab6"},
	EN301549: []string{"9.1.3.1", "9.4.1.2"},
	Impact:   a11y.Critical,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{ariaRequiredAttrPresent, ariaRequiredAttrMissing, ariaRequiredAttrMissingUnsure},
	Tags:     []string{"aria"},
	Since:    "0.1.0",
	Run:      runAriaRequiredAttr,
}

const (
	ariaRequiredAttrPresent       a11y.Msg = "aria-required-attr.present"
	ariaRequiredAttrMissing       a11y.Msg = "aria-required-attr.missing"
	ariaRequiredAttrMissingUnsure a11y.Msg = "aria-required-attr.missing-unsure"
)

func runAriaRequiredAttr(p *a11y.Pass) error {
	for n := range p.Elements() {
		if !ariaMarkup(n) {
			continue
		}
		role := p.Doc.ExplicitRole(n)
		if role == "" || ariaSameRole(role, p.Doc.ImplicitRole(n)) {
			continue
		}
		in, known := ariaInTree(p, n)
		if !in {
			continue
		}
		var missing []string
		for _, attr := range a11y.RoleRequiresAttr(role) {
			if role == "separator" && attr == "aria-valuenow" && !p.Doc.Focusable(n) {
				continue // only a focusable separator is a widget with a value
			}
			if v, ok := n.AttrValue(attr); ok && !ariaBlank(v) {
				continue
			}
			if ariaNativeState(n, attr) {
				continue
			}
			missing = append(missing, attr)
		}
		data := a11y.Data{"role": role}
		switch {
		case len(missing) == 0:
			p.Pass(n, ariaRequiredAttrPresent, data)
		case known:
			data["attrs"] = strings.Join(missing, ", ")
			p.Fail(n, ariaRequiredAttrMissing, data)
		default:
			data["attrs"] = strings.Join(missing, ", ")
			p.CantTell(n, ariaRequiredAttrMissingUnsure, data, a11y.Ask(questionAriaShown))
		}
	}
	return nil
}

// ariaNativeState reports whether the host language gives element n the
// state attr (HTML-AAM attribute mappings).
func ariaNativeState(n *a11y.Node, attr string) bool {
	if n.Namespace != a11y.NamespaceHTML {
		return false
	}
	typ := strings.ToLower(strings.Trim(n.Get("type"), " \t\n\f\r"))
	switch attr {
	case "aria-checked":
		return n.Data == "input" && (typ == "checkbox" || typ == "radio")
	case "aria-valuenow":
		return n.Data == "input" && (typ == "range" || typ == "number") || n.Data == "progress" || n.Data == "meter"
	case "aria-level":
		switch n.Data {
		case "h1", "h2", "h3", "h4", "h5", "h6":
			return true
		}
	case "aria-expanded":
		return n.Data == "select" || n.Data == "input" && n.Has("list")
	}
	return false
}
