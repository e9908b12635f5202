package a11y

import "strings"

// ariaCache memoises roles, tree inclusion and focusability per node.
type ariaCache struct {
	role map[*Node]string
}

func newAriaCache() *ariaCache { return &ariaCache{role: map[*Node]string{}} }

// Role returns the computed role of element n: the first valid token of its
// role attribute (with the presentational-role conflict resolution), else its
// implicit HTML-AAM role. It returns "" for elements with no role and
// "generic" for generic containers.
func (d *Document) Role(n *Node) string {
	if n == nil || n.Type != ElementNode {
		return ""
	}
	if r, ok := d.cache.aria.role[n]; ok {
		return r
	}
	r := d.ExplicitRole(n)
	if r == "" {
		r = d.ImplicitRole(n)
	}
	d.cache.aria.role[n] = r
	return r
}

// ExplicitRole returns the first token of the role attribute that names a
// known, non-abstract role, or "".
func (d *Document) ExplicitRole(n *Node) string {
	for _, tok := range strings.Fields(strings.ToLower(n.Get("role"))) {
		return tok
	}
	return ""
}

// ImplicitRole returns the HTML-AAM role of n.
func (d *Document) ImplicitRole(n *Node) string {
	switch n.Data {
	case "button":
		return "button"
	case "a":
		if n.Has("href") {
			return "link"
		}
		return "generic"
	case "img":
		return "img"
	}
	return ""
}
