package rules

import (
	"strconv"
	"strings"

	"golang.org/x/net/html/atom"

	"github.com/delaktig/delaktig/a11y"
)

// structureRules lists this family's rules in registry order: id
// references, headings, landmarks, the way past repeated blocks, tab order,
// tables and lists.
var structureRules = []*a11y.Rule{
	DuplicateIDARIA,
	IDRefMissing,
	HeadingOrder,
	PageHasH1,
	LandmarkMain,
	Bypass,
	TabindexPositive,
	EmptyTableHeader,
	TableHasHeaders,
	ListStructure,
}

// roleOrImplicit returns the role of n, falling back on the implicit role of
// common HTML structure while the engine reports no role for it.
func roleOrImplicit(p *a11y.Pass, n *a11y.Node) string {
	if r := p.Role(n); r != "" {
		return r
	}
	if n.Namespace != a11y.NamespaceHTML {
		return ""
	}
	switch n.DataAtom {
	case atom.Table:
		return "table"
	case atom.Tr:
		return "row"
	case atom.Main:
		return "main"
	case atom.Nav:
		return "navigation"
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return "heading"
	case atom.Ul, atom.Ol:
		return "list"
	case atom.Li:
		return "listitem"
	case atom.Fieldset:
		return "group"
	}
	return ""
}

// headingLevelOf returns the level of a heading (aria-level when valid, else
// the level of h1–h6, else 2), and false when n is no heading.
func headingLevelOf(p *a11y.Pass, n *a11y.Node) (int, bool) {
	if roleOrImplicit(p, n) != "heading" {
		return 0, false
	}
	if v, ok := n.AttrValue("aria-level"); ok {
		if k, err := strconv.Atoi(trimHTMLSpace(v)); err == nil && k >= 1 {
			return k, true
		}
	}
	switch n.DataAtom {
	case atom.H1:
		return 1, true
	case atom.H2:
		return 2, true
	case atom.H3:
		return 3, true
	case atom.H4:
		return 4, true
	case atom.H5:
		return 5, true
	case atom.H6:
		return 6, true
	}
	return 2, true
}

// idrefAttrs lists the attributes whose values are id references, with
// whether they hold a list of ids.
var idrefAttrs = []struct {
	name string
	list bool
}{
	{"aria-labelledby", true}, {"aria-describedby", true}, {"aria-controls", true},
	{"aria-owns", true}, {"aria-flowto", true}, {"aria-details", true}, {"aria-errormessage", true},
	{"aria-activedescendant", false}, {"for", false}, {"headers", true}, {"list", false},
}

// hasIDRefAttr reports whether n has an attribute named like one of
// idrefAttrs: the rules reading them skip every other element at once.
func hasIDRefAttr(n *a11y.Node) bool {
	for _, a := range n.Attr {
		for _, r := range idrefAttrs {
			if a.Key == r.name {
				return true
			}
		}
	}
	return false
}

// idrefAttrApplies reports whether attribute name is an id reference on n
// (for on label and output, headers on cells, list on input).
func idrefAttrApplies(n *a11y.Node, name string) bool {
	switch name {
	case "for":
		return n.Is(atom.Label, atom.Output)
	case "headers":
		return n.Is(atom.Td, atom.Th)
	case "list":
		return n.Is(atom.Input)
	}
	return true
}

// idrefs returns the id tokens of an id-reference attribute value.
func idrefs(v string, list bool) []string {
	if list {
		return strings.Fields(v)
	}
	if v = trimHTMLSpace(v); v != "" {
		return []string{v}
	}
	return nil
}

// mainLandmarks returns the main landmarks of the top document that are in
// the accessibility tree and not certainly hidden (some may be hidden by
// style sheets the document does not evaluate).
func mainLandmarks(p *a11y.Pass, css *authorStyles) (shown []*a11y.Node) {
	for n := range p.Elements() {
		if docRootOf(n) != p.Doc.Root {
			continue
		}
		if roleOrImplicit(p, n) != "main" || !p.InAXTree(n) {
			continue
		}
		if css.rendered(p, n) != visNo {
			shown = append(shown, n)
		}
	}
	return shown
}
