package rules

import "github.com/delaktig/delaktig/a11y"

// HeadingName: every heading has a non-empty accessible name. Screen reader
// users jump from heading to heading to find their way in a page or a form
// step; an empty heading is a stop that says nothing.
//
// ACT ffd0e9 (not yet approved by W3C; a best practice that no WCAG
// criterion requires on its own). Targets are HTML elements with the role
// heading included in the accessibility tree. A heading whose only content
// is hidden from screen readers, or a decorative image, has no name.
var HeadingName = &a11y.Rule{
	ID:       "heading-name",
	ACT:      []string{"ffd0e9"},
	Impact:   a11y.Minor,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{headingNameHasName, headingNameNoName, headingNameUnsure},
	Tags:     []string{"headings", "structure", "names", "best-practice"},
	Since:    "0.1.0",
	Run:      runHeadingName,
}

const (
	headingNameHasName a11y.Msg = "heading-name.has-name"
	headingNameNoName  a11y.Msg = "heading-name.no-name"
	headingNameUnsure  a11y.Msg = "heading-name.no-name-unsure"
)

func runHeadingName(p *a11y.Pass) error {
	for n := range p.Elements() {
		if n.Namespace != a11y.NamespaceHTML || p.Role(n) != "heading" || !p.InAXTree(n) {
			continue
		}
		requireName(p, n, nameMsgs{headingNameHasName, headingNameNoName, headingNameUnsure})
	}
	return nil
}
