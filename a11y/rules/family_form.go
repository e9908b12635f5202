package rules

import (
	"strings"

	"golang.org/x/net/html/atom"

	"github.com/delaktig/delaktig/a11y"
)

// formRules lists this family's rules in registry order: what the forms of
// an e-service need beyond names and roles (visible labels, groups, required
// fields, personal-data autofill, error messages).
var formRules = []*a11y.Rule{}

// inputKind returns the lower-case type of an <input>, "text" when missing
// or unknown to HTML.
func inputKind(n *a11y.Node) string {
	t := strings.ToLower(trimHTMLSpace(n.Get("type")))
	switch t {
	case "hidden", "text", "search", "tel", "url", "email", "password", "date", "month", "week",
		"time", "datetime-local", "number", "range", "color", "checkbox", "radio", "file",
		"submit", "image", "reset", "button":
		return t
	}
	return "text"
}

// disabledElement reports whether n is disabled (ACT): actually disabled in HTML
// (the disabled attribute on a form control, an option in a disabled
// optgroup, a control in a disabled fieldset outside its first legend), or
// inside an element with aria-disabled="true".
func disabledElement(n *a11y.Node) bool {
	if n.Is(atom.Button, atom.Input, atom.Select, atom.Textarea, atom.Optgroup, atom.Option, atom.Fieldset) && n.Has("disabled") {
		return true
	}
	if n.Is(atom.Option) {
		if g := n.Parent; g != nil && g.Is(atom.Optgroup) && g.Has("disabled") {
			return true
		}
	}
	if n.Is(atom.Button, atom.Input, atom.Select, atom.Textarea, atom.Fieldset) {
		for a := n.Parent; a != nil; a = a.Parent {
			if a.Is(atom.Fieldset) && a.Has("disabled") {
				var legend *a11y.Node
				for c := range a.ElementChildren() {
					if c.Is(atom.Legend) {
						legend = c
						break
					}
				}
				if legend == nil || !legend.Contains(n) {
					return true
				}
			}
		}
	}
	for e := n; e != nil; e = e.FlatParent() {
		if e.Type == a11y.ElementNode && strings.EqualFold(trimHTMLSpace(e.Get("aria-disabled")), "true") {
			return true
		}
	}
	return false
}
