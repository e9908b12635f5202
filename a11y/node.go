package a11y

import (
	"iter"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// NodeType is the kind of a Node.
type NodeType uint8

// The node kinds. They follow x/net/html, plus ShadowRootNode for the root of
// an attached shadow tree.
const (
	ErrorNode NodeType = iota
	TextNode
	DocumentNode
	ElementNode
	CommentNode
	DoctypeNode
	ShadowRootNode
)

// Namespaces of elements, as x/net/html names them ("" is HTML).
const (
	NamespaceHTML = ""
	NamespaceSVG  = "svg"
	NamespaceMath = "math"
)

// Node is one node of a Document. The shape follows x/net/html's Node so rules
// read familiar code; the browser source adds computed style, layout and
// accessibility facts in the same type, and rules never learn which source built it.
type Node struct {
	// The fields are laid out so that those read while walking the tree
	// (type, tag, attributes, links) lie in the node's first 128 bytes:
	// two cache lines.

	Parent *Node
	doc    *Document

	Type     NodeType
	DataAtom atom.Atom // the element's atom, 0 for unknown tags
	// elem is the node's position among the document's elements (see Index).
	elem int32
	// Focused is true on the element that had focus when the snapshot was taken.
	Focused bool

	Namespace string // "" for HTML, "svg" or "math"
	Data      string // lower-case tag name for elements, text for text nodes
	Attr      []html.Attribute

	FirstChild, LastChild, PrevSibling, NextSibling *Node

	// Index is the node's position in document order (tree order, shadow
	// trees after their host's attributes, nested documents after their frame).
	Index int

	// Shadow is the shadow root attached to this element (declarative
	// shadow DOM in static mode, open and closed roots in browser mode).
	Shadow *Node
	// Content holds a <template>'s content fragment (not rendered) or, for
	// an <iframe>/<frame>/<object>, the nested document when the source knows it.
	Content *Node
	// Host is set on a ShadowRootNode and points to its host element.
	Host *Node

	// Style holds computed CSS values (lower-case property names) when the
	// source knows them; nil in static mode. Inline style declarations are
	// always available through InlineStyle.
	Style map[string]string
	// Box is the border box in CSS pixels of the top document, nil when
	// unknown or when the element has no box (display:none).
	Box *Rect
	// Scroll is the element's scroll area when known: X and Y are
	// scrollLeft and scrollTop, Width and Height are scrollWidth and
	// scrollHeight (CSS pixels). Nil when unknown or when the element has no box.
	Scroll *Rect
	// Client is the element's client area when known: X and Y are
	// clientLeft and clientTop (the left and top border widths), Width and
	// Height are clientWidth and clientHeight (padding box without
	// scrollbars, CSS pixels). Nil when unknown or when the element has no box.
	Client *Rect
	// Before and After hold the text of ::before / ::after generated
	// content when known.
	Before, After string
	// PaintOrder is the element's paint order from the renderer (0 = unknown).
	PaintOrder int
	// BackendID is Chrome's backend node id (0 in static mode).
	BackendID int64
	// AX holds facts from Chrome's accessibility tree when the oracle was asked.
	AX *AXFacts
	// Value is the current value of a form control when the source knows it
	// (what the user typed); static mode leaves it empty and reads the attribute.
	Value *string
	// Checked is the live checkedness of a checkbox or radio when known.
	Checked *bool
}

// Rect is a box in CSS pixels.
type Rect struct{ X, Y, Width, Height float64 }

// Empty reports whether the rectangle has no area.
func (r Rect) Empty() bool { return r.Width <= 0 || r.Height <= 0 }

// AXFacts are the facts Chrome's accessibility tree gave for one node.
type AXFacts struct {
	Role    string
	Name    string
	Ignored bool
	// Adopted is set when the engine takes these facts over its own: the
	// node is one the engine cannot settle (see [Document.Uncertain]) and
	// Chrome was asked about it. Facts read for cross-checking only leave
	// it unset.
	Adopted bool
}

// Document returns the document the node belongs to.
func (n *Node) Document() *Document { return n.doc }

// IsElement reports whether n is an element.
func (n *Node) IsElement() bool { return n != nil && n.Type == ElementNode }

// Is reports whether n is an HTML element with one of the given atoms.
func (n *Node) Is(atoms ...atom.Atom) bool {
	if n == nil || n.Type != ElementNode || n.Namespace != NamespaceHTML {
		return false
	}
	for _, a := range atoms {
		if n.DataAtom == a {
			return true
		}
	}
	return false
}

// Tag returns the lower-case local name of an element.
func (n *Node) Tag() string { return n.Data }

// AttrValue returns the value of the attribute key and whether it is present.
func (n *Node) AttrValue(key string) (string, bool) {
	if n == nil {
		return "", false
	}
	for _, a := range n.Attr {
		if a.Key == key && (a.Namespace == "" || a.Namespace == "xlink" && key == "href") {
			return a.Val, true
		}
	}
	return "", false
}

// Get returns the value of the attribute key, or "" when it is absent.
func (n *Node) Get(key string) string {
	v, _ := n.AttrValue(key)
	return v
}

// Has reports whether the attribute key is present.
func (n *Node) Has(key string) bool {
	_, ok := n.AttrValue(key)
	return ok
}

// ID returns the element's id attribute.
func (n *Node) ID() string { return n.Get("id") }

// Children iterates over the direct children of n in the light tree.
func (n *Node) Children() iter.Seq[*Node] {
	return func(yield func(*Node) bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if !yield(c) {
				return
			}
		}
	}
}

// ElementChildren iterates over the element children of n in the light tree.
func (n *Node) ElementChildren() iter.Seq[*Node] {
	return func(yield func(*Node) bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == ElementNode && !yield(c) {
				return
			}
		}
	}
}

// FlatChildren iterates over the children of n in the flat tree: the shadow
// root's children for a shadow host (with <slot> elements replaced by their
// assigned nodes), the light children otherwise.
func (n *Node) FlatChildren() iter.Seq[*Node] {
	return func(yield func(*Node) bool) {
		flatChildren(n, yield)
	}
}

func flatChildren(n *Node, yield func(*Node) bool) bool {
	if n.Shadow != nil {
		for c := n.Shadow.FirstChild; c != nil; c = c.NextSibling {
			if !flatChild(c, n, yield) {
				return false
			}
		}
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if !yield(c) {
			return false
		}
	}
	return true
}

// flatChild yields c, replacing a slot of host's shadow tree by the nodes assigned to it.
func flatChild(c, host *Node, yield func(*Node) bool) bool {
	if c.Type == ElementNode && c.Data == "slot" {
		assigned := slotAssigned(c, host)
		if len(assigned) > 0 {
			for _, a := range assigned {
				if !yield(a) {
					return false
				}
			}
			return true
		}
		// fallback content
		for cc := c.FirstChild; cc != nil; cc = cc.NextSibling {
			if !yield(cc) {
				return false
			}
		}
		return true
	}
	return yield(c)
}

// slotAssigned returns the light children of host assigned to slot.
func slotAssigned(slot, host *Node) []*Node {
	name := slot.Get("name")
	var out []*Node
	for c := host.FirstChild; c != nil; c = c.NextSibling {
		s := ""
		if c.Type == ElementNode {
			s = c.Get("slot")
		} else if c.Type != TextNode {
			continue
		}
		if s == name {
			out = append(out, c)
		}
	}
	return out
}

// ShadowHost returns the host element when n is inside a shadow tree.
func (n *Node) ShadowHost() *Node {
	for p := n; p != nil; p = p.Parent {
		if p.Type == ShadowRootNode {
			return p.Host
		}
	}
	return nil
}

// FlatParent returns the parent of n in the flat tree, crossing shadow root
// boundaries (but not frame boundaries).
func (n *Node) FlatParent() *Node {
	p := n.Parent
	if p == nil {
		return nil
	}
	if p.Type == ShadowRootNode {
		return p.Host
	}
	if p.Type == ElementNode && p.Shadow != nil && n.Parent == p {
		// a light child of a host is rendered through its slot
		if slot := assignedSlot(n, p); slot != nil {
			return slot.Parent.flatOwner()
		}
		return nil
	}
	return p
}

func (n *Node) flatOwner() *Node {
	if n.Type == ShadowRootNode {
		return n.Host
	}
	return n
}

func assignedSlot(n, host *Node) *Node {
	name := ""
	if n.Type == ElementNode {
		name = n.Get("slot")
	}
	var found *Node
	walk(host.Shadow, func(m *Node) bool {
		if found != nil {
			return false
		}
		if m.Type == ElementNode && m.Data == "slot" && m.Get("name") == name {
			found = m
			return false
		}
		return true
	})
	return found
}

// walk visits n and its light descendants (not shadow trees or frames) in
// tree order; returning false from f skips the node's children.
func walk(n *Node, f func(*Node) bool) {
	if n == nil {
		return
	}
	stack := []*Node{n}
	for len(stack) > 0 {
		m := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if !f(m) {
			continue
		}
		for c := m.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
}

// Text returns the concatenated text of the light descendants of n.
func (n *Node) Text() string {
	var b strings.Builder
	walk(n, func(m *Node) bool {
		if m.Type == TextNode {
			b.WriteString(m.Data)
		}
		return !(m.Type == ElementNode && (m.DataAtom == atom.Script || m.DataAtom == atom.Style || m.DataAtom == atom.Template))
	})
	return b.String()
}

// Closest returns the nearest inclusive ancestor of n (in the light tree) for
// which f is true.
func (n *Node) Closest(f func(*Node) bool) *Node {
	for p := n; p != nil; p = p.Parent {
		if p.Type == ElementNode && f(p) {
			return p
		}
	}
	return nil
}

// ClosestFlat is Closest over the flat tree, crossing shadow boundaries.
func (n *Node) ClosestFlat(f func(*Node) bool) *Node {
	for p := n; p != nil; p = p.FlatParent() {
		if p.Type == ElementNode && f(p) {
			return p
		}
	}
	return nil
}

// Contains reports whether m is n or a light descendant of n.
func (n *Node) Contains(m *Node) bool {
	for p := m; p != nil; p = p.Parent {
		if p == n {
			return true
		}
	}
	return false
}

// StyleValue returns the computed value of a CSS property when the source knows
// it. In static mode only inline declarations are consulted, and only for
// properties they set; ok is false otherwise.
func (n *Node) StyleValue(prop string) (string, bool) {
	if n.Style != nil {
		v, ok := n.Style[prop]
		return v, ok
	}
	for _, d := range InlineStyle(n) {
		if d.Property == prop {
			return d.Value, true
		}
	}
	return "", false
}
