package rules

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/delaktig/delaktig/a11y"
)

// ariaRules lists this family's rules in registry order: roles and ARIA
// states and properties that assistive technologies can use as written.
var ariaRules = []*a11y.Rule{
	AriaRoleValid,
	AriaValidAttr,
	AriaValidAttrValue,
	AriaRequiredAttr,
	AriaAllowedAttr,
	AriaProhibitedAttr,
	AriaRequiredChildren,
	AriaRequiredParent,
	AriaHiddenFocus,
	PresentationalChildrenFocus,
	DecorativeNotExposed,
	AriaDeprecated,
}

// questionAriaShown asks whether an element the static check could not
// place is shown when the page is rendered.
const questionAriaShown = "aria.shown-in-browser"

// maxAriaExcerpt bounds the attribute values a message quotes.
const maxAriaExcerpt = 60

// ariaExcerpt keeps an attribute value short for a message (white space
// collapsed, long values cut). Report writers escape it.
func ariaExcerpt(s string) string {
	s = a11y.CollapseSpace(s)
	if utf8.RuneCountInString(s) > maxAriaExcerpt {
		return string([]rune(s)[:maxAriaExcerpt-1]) + "…"
	}
	return s
}

// ariaSpecs holds the definitions of every role and every aria-* attribute,
// read once: a11y.RoleSpec and a11y.AttrSpec copy their lists on each call,
// and the rules ask about every element.
var ariaSpecs = sync.OnceValue(func() *ariaTables {
	t := &ariaTables{
		roles: map[string]a11y.RoleInfo{}, canonical: map[string]a11y.RoleInfo{}, attrs: map[string]a11y.AttrInfo{},
		ownedNames: map[string]string{}, contextNames: map[string]string{},
	}
	for _, r := range a11y.Roles() {
		if spec, ok := a11y.RoleSpec(r); ok {
			t.roles[r] = spec
			t.ownedNames[r] = ariaOwnedNames(spec.Owned)
			t.contextNames[r] = ariaOwnedNames(spec.Context)
		}
	}
	for _, r := range a11y.Roles() {
		if spec, ok := t.roles[a11y.CanonicalRole(r)]; ok {
			t.canonical[r] = spec
		}
	}
	for _, a := range a11y.Attrs() {
		if spec, ok := a11y.AttrSpec(a); ok {
			t.attrs[a] = spec
		}
	}
	return t
})

// ariaTables are the role and attribute definitions, by name.
type ariaTables struct {
	roles     map[string]a11y.RoleInfo
	canonical map[string]a11y.RoleInfo // the definition of the role a name stands for (synonyms resolved)
	attrs     map[string]a11y.AttrInfo
	// the owned elements and contexts of each role, as messages list them
	ownedNames, contextNames map[string]string
}

// roleSpec is a11y.RoleSpec without the copies: its lists are shared and
// must not be changed.
func roleSpec(role string) (a11y.RoleInfo, bool) {
	spec, ok := ariaSpecs().roles[role]
	return spec, ok
}

// canonicalRoleSpec is roleSpec(a11y.CanonicalRole(role)).
func canonicalRoleSpec(role string) (a11y.RoleInfo, bool) {
	spec, ok := ariaSpecs().canonical[role]
	return spec, ok
}

// attrSpec is a11y.AttrSpec without the copies: its lists are shared and
// must not be changed.
func attrSpec(attr string) (a11y.AttrInfo, bool) {
	spec, ok := ariaSpecs().attrs[attr]
	return spec, ok
}

// ariaMarkup reports whether n is an HTML or SVG element, the elements ARIA
// attributes apply to.
func ariaMarkup(n *a11y.Node) bool {
	return n.Type == a11y.ElementNode && (n.Namespace == a11y.NamespaceHTML || n.Namespace == a11y.NamespaceSVG)
}

// ariaAttributes returns the attributes of n whose name starts with "aria-".
func ariaAttributes(n *a11y.Node) []html.Attribute {
	var out []html.Attribute
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.HasPrefix(a.Key, "aria-") {
			out = append(out, a)
		}
	}
	return out
}

// ariaBlank reports whether an attribute value is empty or ASCII white space.
func ariaBlank(v string) bool { return strings.Trim(v, " \t\n\f\r") == "" }

// ariaInTree reports whether n is in the accessibility tree and whether
// the document settles that (a static page's style sheets might hide it).
func ariaInTree(p *a11y.Pass, n *a11y.Node) (in, known bool) {
	return p.Doc.InAXTreeKnown(n)
}

// ariaTabbableWithin returns the inclusive flat-tree descendants of n in
// sequential focus navigation (self only when self is true), split into
// those certainly shown and those a style sheet might hide.
func ariaTabbableWithin(p *a11y.Pass, n *a11y.Node, self bool) (sure, unsure []*a11y.Node) {
	stack := []*a11y.Node{n}
	for len(stack) > 0 {
		e := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if e.Type != a11y.ElementNode {
			continue
		}
		if (e != n || self) && p.Doc.Tabbable(e) {
			if _, known := p.Doc.HiddenKnown(e); known {
				sure = append(sure, e)
			} else {
				unsure = append(unsure, e)
			}
		}
		var kids []*a11y.Node
		for c := range e.FlatChildren() {
			kids = append(kids, c)
		}
		for i := len(kids) - 1; i >= 0; i-- {
			stack = append(stack, kids[i])
		}
	}
	return sure, unsure
}

// ariaSameRole reports whether two roles are the same, synonyms included.
func ariaSameRole(a, b string) bool {
	return a != "" && a11y.CanonicalRole(a) == a11y.CanonicalRole(b)
}

// ariaList joins names for a message.
func ariaList(names []string) string {
	names = slices.Compact(slices.Clone(names))
	return ariaExcerpt(strings.Join(names, ", "))
}

// ariaScriptTexts returns the text of the document's inline scripts.
func ariaScriptTexts(p *a11y.Pass) []string {
	var out []string
	for s := range p.Elements(atom.Script) {
		var b strings.Builder
		for c := s.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == a11y.TextNode {
				b.WriteString(c.Data)
			}
		}
		if b.Len() > 0 {
			out = append(out, b.String())
		}
	}
	return out
}

// ariaFocusWalk returns the elements a complete keyboard walk of the page
// reached, when the source made one: an element the page's script moves
// focus away from never shows up in it.
func ariaFocusWalk(p *a11y.Pass) (reached map[*a11y.Node]bool, ok bool) {
	w := p.Doc.Focus()
	if w == nil || !w.Complete {
		return nil, false
	}
	reached = map[*a11y.Node]bool{}
	for _, s := range w.Steps {
		if s != nil && s.Node != nil {
			reached[s.Node] = true
		}
	}
	return reached, true
}
