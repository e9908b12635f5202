package rules

import "github.com/delaktig/delaktig/a11y"

// MenuitemName: every menu item has a non-empty accessible name, so that
// people using a screen reader hear what each choice of a menu does.
//
// ACT m6b1q3. Targets are HTML elements with the role menuitem included in
// the accessibility tree (menu items moved off screen count too).
var MenuitemName = &a11y.Rule{
	ID:       "menuitem-name",
	WCAG:     []string{"4.1.2"},
	ACT:      []string{"m6b1q3"},
	EN301549: []string{"9.4.1.2"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{menuitemNameHasName, menuitemNameNoName, menuitemNameUnsure},
	Tags:     []string{"menus", "names"},
	Since:    "0.1.0",
	Run:      runMenuitemName,
}

const (
	menuitemNameHasName a11y.Msg = "menuitem-name.has-name"
	menuitemNameNoName  a11y.Msg = "menuitem-name.no-name"
	menuitemNameUnsure  a11y.Msg = "menuitem-name.no-name-unsure"
)

func runMenuitemName(p *a11y.Pass) error {
	for n := range p.Elements() {
		if n.Namespace != a11y.NamespaceHTML || p.Role(n) != "menuitem" || !p.InAXTree(n) {
			continue
		}
		requireName(p, n, nameMsgs{menuitemNameHasName, menuitemNameNoName, menuitemNameUnsure})
	}
	return nil
}
