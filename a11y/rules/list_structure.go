package rules

import (
	"golang.org/x/net/html/atom"

	"github.com/delaktig/delaktig/a11y"
)

// ListStructure: a list (<ul> or <ol>) holds only list items (plus script
// and template elements). Screen readers announce a list with its number of
// items; other elements or loose text inside break that count and the way
// people move through the list.
//
// Targets are ul and ol elements in the accessibility tree that keep their
// list role (role=menu, role=presentation and the like are inapplicable).
// White space and comments between items are fine.
var ListStructure = &a11y.Rule{
	ID:       "list-structure",
	WCAG:     []string{"1.3.1"},
	EN301549: []string{"9.1.3.1"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{listStructureOnlyItems, listStructureOtherChild},
	Tags:     []string{"structure", "lists"},
	Since:    "0.1.0",
	Run:      runListStructure,
}

const (
	listStructureOnlyItems  a11y.Msg = "list-structure.only-items"
	listStructureOtherChild a11y.Msg = "list-structure.other-child"
)

func runListStructure(p *a11y.Pass) error {
	css := newAuthorStyles(p.Doc)
	for n := range p.Elements(atom.Ul, atom.Ol) {
		if roleOrImplicit(p, n) != "list" || !p.InAXTree(n) || css.rendered(p, n) == visNo {
			continue
		}
		var bad a11y.Related
		text := false
		for c := range n.Children() {
			switch {
			case c.Type == a11y.TextNode:
				if !blank(c.Data) {
					text = true
				}
			case c.Type != a11y.ElementNode:
			case c.Is(atom.Li, atom.Script, atom.Template) || c.Data == "slot":
			default:
				bad = append(bad, c)
			}
		}
		if len(bad) > 0 || text {
			tag := "text"
			if len(bad) > 0 {
				tag = "<" + bad[0].Tag() + ">"
			}
			p.Fail(n, listStructureOtherChild, a11y.Data{"child": tag}, bad)
		} else {
			p.Pass(n, listStructureOnlyItems)
		}
	}
	return nil
}
