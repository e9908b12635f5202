package a11y

import (
	"strings"
)

// Uncertain returns up to limit elements of a browser document whose role
// or accessible name the engine cannot settle from the DOM and the computed
// styles alone: autonomous custom elements (a tag with a hyphen) without a
// valid role attribute that have a shadow root or take focus. Such an
// element can give itself a role, a name and states through ElementInternals,
// which no snapshot shows. Hidden elements are left out, since their role
// and name matter to no rule. A static document returns nil: there is no
// browser to ask.
//
// The checker asks Chrome's accessibility tree about these few nodes and
// sets their AX facts with Adopted; [Document.Role] and [Document.Name] then
// answer with Chrome's role and name for them.
func (d *Document) Uncertain(limit int) []*Node {
	if d == nil || d.Mode != ModeBrowser || limit <= 0 {
		return nil
	}
	var out []*Node
	for e := range d.Elements() {
		if e.Namespace != NamespaceHTML || !strings.Contains(e.Data, "-") {
			continue
		}
		if d.ExplicitRole(e) != "" {
			continue
		}
		if e.Shadow == nil && !d.Focusable(e) {
			continue
		}
		if hidden, known := d.HiddenKnown(e); hidden && known {
			continue
		}
		out = append(out, e)
		if len(out) == limit {
			break
		}
	}
	return out
}

// adoptedRole returns the WAI-ARIA role of Chrome's role for an adopted
// node, or "" when Chrome's role is one of its own internal roles that has
// no ARIA counterpart (then the engine's role stands).
func adoptedRole(ax *AXFacts) string {
	if ax == nil || !ax.Adopted || ax.Ignored {
		return ""
	}
	r := ax.Role
	switch r {
	case "image":
		return "img"
	case "none":
		return "generic"
	}
	if IsValidRole(r) {
		return r
	}
	return ""
}
