package rules

import (
	"slices"
	"strings"

	"github.com/delaktig/delaktig/a11y"
)

// AriaRequiredChildren: an element whose role needs particular children (a
// list needs list items, a table rows, a menu menu items) owns only those.
// ACT bc4a75. Screen readers announce lists, tables and menus by their
// children: "list, 3 items", "row 2 of 5". Other children break the count
// or hide content.
//
// Targets are HTML and SVG elements in the accessibility tree whose semantic
// role (explicit or implicit) has required owned elements, unless they or
// an ancestor have aria-busy="true". The owned elements are the children in
// the accessibility tree, through aria-owns too: presentational elements
// and generic wrappers that contain owned elements are passed over, a
// generic element with nothing else in it counts as a generic child, and
// text alone does not count. "group → menuitem" entries accept a group
// whose own children (or nested groups) are of the listed roles; a caption
// is accepted in tables and grids, a separator in menus (WAI-ARIA 1.3).
var AriaRequiredChildren = &a11y.Rule{
	ID:       "aria-required-children",
	WCAG:     []string{"1.3.1"},
	ACT:      []string{"bc4a75"},
	EN301549: []string{"9.1.3.1"},
	Impact:   a11y.Critical,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{ariaRequiredChildrenOwned, ariaRequiredChildrenWrong, ariaRequiredChildrenWrongUnsure},
	Tags:     []string{"aria", "structure"},
	Since:    "0.1.0",
	Run:      runAriaRequiredChildren,
}

const (
	ariaRequiredChildrenOwned       a11y.Msg = "aria-required-children.owned"
	ariaRequiredChildrenWrong       a11y.Msg = "aria-required-children.wrong"
	ariaRequiredChildrenWrongUnsure a11y.Msg = "aria-required-children.wrong-unsure"
)

func runAriaRequiredChildren(p *a11y.Pass) error {
	for n := range p.Elements() {
		if !ariaMarkup(n) {
			continue
		}
		role := p.Doc.Role(n)
		if role == "" || role == "generic" {
			continue // no owned elements required
		}
		spec, ok := canonicalRoleSpec(role)
		if !ok || len(spec.Owned) == 0 {
			continue
		}
		in, known := ariaInTree(p, n)
		if !in || ariaBusy(p, n) {
			continue
		}
		var wrong []*a11y.Node
		var wrongRoles []string
		sure := known
		for _, c := range ariaOwnedElements(p, n) {
			if ariaOwnedAllowed(p, c, spec.Owned, 0) {
				continue
			}
			if _, k := p.Doc.HiddenKnown(c); !k {
				sure = false
			}
			wrong = append(wrong, c)
			r := p.Doc.Role(c)
			if r == "" {
				r = "<" + c.Data + ">"
			}
			wrongRoles = append(wrongRoles, r)
		}
		data := a11y.Data{"role": role, "allowed": ariaSpecs().ownedNames[spec.Name]}
		switch {
		case len(wrong) == 0:
			p.Pass(n, ariaRequiredChildrenOwned, data)
		case sure:
			data["found"] = ariaList(wrongRoles)
			p.Fail(n, ariaRequiredChildrenWrong, data, a11y.Related(wrong))
		default:
			data["found"] = ariaList(wrongRoles)
			p.CantTell(n, ariaRequiredChildrenWrongUnsure, data, a11y.Related(wrong), a11y.Ask(questionAriaShown))
		}
	}
	return nil
}

// ariaBusy reports whether n or an ancestor in the accessibility tree has
// aria-busy="true": its content is still being built.
func ariaBusy(p *a11y.Pass, n *a11y.Node) bool {
	// memoised per document: an element is busy when it says so or its
	// parent in the accessibility tree is busy
	memo := p.Doc.Memo(ariaBusyKey{}, func() any { return map[*a11y.Node]bool{} }).(map[*a11y.Node]bool)
	var chain []*a11y.Node
	busy, settled := false, false
	e := n
	for i := 0; e != nil && i < 100000; e, i = p.Doc.AXParent(e), i+1 {
		if b, ok := memo[e]; ok {
			busy, settled = b, true
			break
		}
		chain = append(chain, e)
		if strings.EqualFold(strings.Trim(e.Get("aria-busy"), " \t\n\f\r"), "true") {
			busy, settled = true, true
			break
		}
	}
	if settled || e == nil {
		// every element of the chain lies below the answer
		for _, c := range chain {
			memo[c] = busy
		}
	}
	return busy
}

// ariaBusyKey keys ariaBusy's memo in a11y.Document.Memo.
type ariaBusyKey struct{}

// ariaOwnedElements returns the elements n owns in the accessibility tree.
func ariaOwnedElements(p *a11y.Pass, n *a11y.Node) []*a11y.Node {
	d := p.Doc
	var out []*a11y.Node
	kids := func(e *a11y.Node) []*a11y.Node {
		var l []*a11y.Node
		for c := range e.FlatChildren() {
			if c.Type == a11y.ElementNode {
				if o := d.AriaOwner(c); o != nil && o != e {
					continue // aria-owns moved it elsewhere
				}
				l = append(l, c)
			}
		}
		return append(l, d.AriaOwned(e)...)
	}
	var stack, generics []*a11y.Node
	push := func(e *a11y.Node) {
		l := kids(e)
		for i := len(l) - 1; i >= 0; i-- {
			stack = append(stack, l[i])
		}
	}
	push(n)
	for len(stack) > 0 && len(out) < 10000 {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if d.Hidden(c) || d.AriaHidden(c) {
			continue
		}
		r := d.Role(c)
		switch {
		case a11y.IsPresentational(r):
			push(c)
		case (r == "generic" || r == "") && !d.HasGlobalARIA(c) && !d.Focusable(c):
			if r == "generic" {
				generics = append(generics, c)
			}
			push(c)
		default:
			out = append(out, c)
		}
	}
	// a generic wrapper that led to no owned element is itself an owned generic
	for i := len(generics) - 1; i >= 0; i-- { // innermost first
		if g := generics[i]; !ariaWrapsOwned(g, out) {
			out = append(out, g)
		}
	}
	slices.SortStableFunc(out, func(a, b *a11y.Node) int { return a.Index - b.Index })
	return out
}

// ariaWrapsOwned reports whether one of the owned elements lies inside g.
func ariaWrapsOwned(g *a11y.Node, owned []*a11y.Node) bool {
	for _, o := range owned {
		for e := o.FlatParent(); e != nil; e = e.FlatParent() {
			if e == g {
				return true
			}
		}
	}
	return false
}

// ariaOwnedAllowed reports whether c may be owned under the entries of a
// required owned elements list ("row", "rowgroup>row", "group>option").
func ariaOwnedAllowed(p *a11y.Pass, c *a11y.Node, entries []string, depth int) bool {
	role := a11y.CanonicalRole(p.Doc.Role(c))
	var inner []string
	for _, e := range entries {
		container, child, nested := strings.Cut(e, ">")
		if !nested {
			if e == role {
				return true
			}
			continue
		}
		if container == role {
			inner = append(inner, child)
		}
	}
	if len(inner) == 0 || depth > 64 {
		return false
	}
	// a container group: its own children must be of the listed roles, or
	// nested containers of the same kind
	for _, cc := range ariaOwnedElements(p, c) {
		r := a11y.CanonicalRole(p.Doc.Role(cc))
		if slices.Contains(inner, r) {
			continue
		}
		if r == role && ariaOwnedAllowed(p, cc, entries, depth+1) {
			continue
		}
		return false
	}
	return true
}

// ariaOwnedNames lists required owned elements for a message ("group → option").
func ariaOwnedNames(entries []string) string {
	var names []string
	for _, e := range entries {
		names = append(names, strings.ReplaceAll(e, ">", " → "))
	}
	return strings.Join(names, ", ")
}
