package a11y

import "strings"

// Hidden reports whether n is hidden from every user: not rendered (hidden
// attribute, display:none, visibility:hidden when known, <head> content,
// closed <details> content) or inside such an element.
func (d *Document) Hidden(n *Node) bool {
	for e := n; e != nil; e = e.FlatParent() {
		if e.Type == ElementNode && e.Has("hidden") {
			return true
		}
	}
	return false
}

// InAXTree reports whether n is included in the accessibility tree.
func (d *Document) InAXTree(n *Node) bool {
	if d.Hidden(n) {
		return false
	}
	for e := n; e != nil; e = e.FlatParent() {
		if e.Type == ElementNode && strings.EqualFold(strings.TrimSpace(e.Get("aria-hidden")), "true") {
			return false
		}
	}
	return true
}

// Focusable reports whether n can receive focus.
func (d *Document) Focusable(n *Node) bool {
	if n.Has("tabindex") {
		return true
	}
	switch n.Data {
	case "button", "input", "select", "textarea":
		return !n.Has("disabled")
	case "a":
		return n.Has("href")
	}
	return false
}

// Tabbable reports whether n is in the sequential focus navigation order.
func (d *Document) Tabbable(n *Node) bool {
	return d.Focusable(n) && !strings.HasPrefix(strings.TrimSpace(n.Get("tabindex")), "-")
}
