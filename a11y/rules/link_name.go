package rules

import "github.com/delaktig/delaktig/a11y"

// LinkName: every link has a non-empty accessible name, so that people
// using a screen reader or voice control know where it leads. A link that
// holds only an image takes its name from the image's alt text.
//
// ACT c487ae. Targets are HTML elements with the role link, or a role
// inheriting from it (doc-backlink, doc-biblioref, doc-glossref,
// doc-noteref), included in the accessibility tree; that covers <a href>,
// <area href> in an image map and role="link". Whether the name describes the
// link's purpose is not checked here.
var LinkName = &a11y.Rule{
	ID:       "link-name",
	WCAG:     []string{"2.4.4", "4.1.2"},
	ACT:      []string{"c487ae"},
	EN301549: []string{"9.2.4.4", "9.4.1.2"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{linkNameHasName, linkNameNoName, linkNameUnsure},
	Tags:     []string{"links", "navigation", "names"},
	Since:    "0.1.0",
	Run:      runLinkName,
}

const (
	linkNameHasName a11y.Msg = "link-name.has-name"
	linkNameNoName  a11y.Msg = "link-name.no-name"
	linkNameUnsure  a11y.Msg = "link-name.no-name-unsure"
)

// linkRoles are link and the roles inheriting from it.
var linkRoles = map[string]bool{
	"link": true, "doc-backlink": true, "doc-biblioref": true, "doc-glossref": true, "doc-noteref": true,
}

func runLinkName(p *a11y.Pass) error {
	for n := range p.Elements() {
		if n.Namespace != a11y.NamespaceHTML || !linkRoles[p.Role(n)] || !p.InAXTree(n) {
			continue
		}
		requireName(p, n, nameMsgs{linkNameHasName, linkNameNoName, linkNameUnsure})
	}
	return nil
}
