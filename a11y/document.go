package a11y

import (
	"bytes"
	"fmt"
	"io"
	"iter"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Needs is a set of facts: the facts a rule requires, and the facts a
// document carries.
type Needs uint8

// The facts a document can carry.
const (
	// NeedsDOM: elements, attributes and text. Every document has it.
	NeedsDOM Needs = 1 << iota
	// NeedsStyle: computed CSS values for every element.
	NeedsStyle
	// NeedsLayout: layout boxes, paint order and the viewport.
	NeedsLayout
	// NeedsInteraction: results of driving the page (keyboard walk,
	// focused rendering, zoom, reflow), gathered by the checker.
	NeedsInteraction
)

// String returns the fact names joined by "+".
func (n Needs) String() string {
	var parts []string
	for _, f := range []struct {
		b    Needs
		name string
	}{{NeedsDOM, "dom"}, {NeedsStyle, "style"}, {NeedsLayout, "layout"}, {NeedsInteraction, "interaction"}} {
		if n&f.b != 0 {
			parts = append(parts, f.name)
		}
	}
	return strings.Join(parts, "+")
}

// Mode names the source of a document, as the report's pages[].mode does.
type Mode string

// The document sources.
const (
	ModeStatic  Mode = "static"
	ModeBrowser Mode = "browser"
)

// Document is one state of one page: the node tree plus the facts its source
// could give. It is built by FromHTML (static) or by the checker from a
// Chrome snapshot; rules see the same type either way.
//
// A Document memoises roles, names and other derived values; it is not safe
// for concurrent use by several goroutines.
type Document struct {
	Root *Node // the DocumentNode
	URL  string
	Mode Mode
	// Facts lists the kinds of facts the document carries.
	Facts Needs
	// Viewport is the layout viewport in CSS pixels, when known.
	Viewport Rect
	// Extra carries source-specific results rules may read (keyboard walk,
	// reflow and zoom renderings), keyed by a name the producing package documents.
	Extra map[string]any

	elements []*Node
	roots    []*Node // the tree root of each element, in the order of elements
	byAtom   map[atom.Atom][]*Node
	ids      map[*Node]map[string][]*Node // tree root → id → elements
	nodes    int                          // nodes indexed, elements and others
	cache    *cache
	// origin is the document a view was made from (see view); nil for
	// the document itself. A view shares the tree and the indexes and
	// keeps caches of its own.
	origin *Document
}

// owner returns the document that indexed the nodes: d itself, or the
// document a view was made from.
func (d *Document) owner() *Document {
	if d.origin != nil {
		return d.origin
	}
	return d
}

// view returns a Document over the same tree and indexes as d, for another
// goroutine to run rules on while d is in use. Its caches start as copies
// of d's (see prime), except the names and descriptions, which d and its
// views share through slots each goroutine may set once. d must be indexed
// and not in use on another goroutine while view runs.
func (d *Document) view() *Document {
	o := d.owner()
	return o.withCache(o.cache.forView(o, len(o.elements)))
}

// withCache returns a Document over the same tree and indexes as d (the
// document that indexed them) with the caches c.
func (d *Document) withCache(c *cache) *Document {
	return &Document{
		Root: d.Root, URL: d.URL, Mode: d.Mode, Facts: d.Facts, Viewport: d.Viewport, Extra: d.Extra,
		elements: d.elements, roots: d.roots, byAtom: d.byAtom, ids: d.ids, nodes: d.nodes,
		cache:  c,
		origin: d,
	}
}

// Has reports whether the document carries all the facts in f.
func (d *Document) Has(f Needs) bool { return d.Facts&f == f }

// Elements iterates over every element of the document in document order,
// including shadow trees and nested frame documents the source knows.
// With atoms given, only HTML elements with those atoms are visited.
func (d *Document) Elements(atoms ...atom.Atom) iter.Seq[*Node] {
	return func(yield func(*Node) bool) {
		if len(atoms) == 0 {
			for _, n := range d.elements {
				if !yield(n) {
					return
				}
			}
			return
		}
		if len(atoms) == 1 {
			for _, n := range d.byAtom[atoms[0]] {
				if n.Namespace == NamespaceHTML && !yield(n) {
					return
				}
			}
			return
		}
		// merge the per-atom lists in document order
		var lists [][]*Node
		for i, a := range atoms {
			if !slices.Contains(atoms[:i], a) && len(d.byAtom[a]) > 0 {
				lists = append(lists, d.byAtom[a])
			}
		}
		for len(lists) > 0 {
			first := 0
			for i := 1; i < len(lists); i++ {
				if lists[i][0].Index < lists[first][0].Index {
					first = i
				}
			}
			n := lists[first][0]
			if lists[first] = lists[first][1:]; len(lists[first]) == 0 {
				lists = slices.Delete(lists, first, first+1)
			}
			if n.Namespace == NamespaceHTML && !yield(n) {
				return
			}
		}
	}
}

// Count returns the number of elements in the document.
func (d *Document) Count() int { return len(d.elements) }

// HTML returns the top document's root element (normally <html>), or nil.
func (d *Document) HTML() *Node {
	for c := d.Root.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == ElementNode {
			return c
		}
	}
	return nil
}

// Body returns the top document's <body>, or nil.
func (d *Document) Body() *Node {
	h := d.HTML()
	if h == nil {
		return nil
	}
	for c := range h.ElementChildren() {
		if c.Is(atom.Body) {
			return c
		}
	}
	return nil
}

// Title returns the text of the top document's first <title> in <head>.
func (d *Document) Title() (string, bool) {
	for t := range d.Elements(atom.Title) {
		if t.TreeRoot() == d.Root && t.ClosestFlat(func(n *Node) bool { return n.Is(atom.Svg) || n.Namespace == NamespaceSVG }) == nil {
			return t.Text(), true
		}
	}
	return "", false
}

// TreeRoot returns the root of the tree holding n: a DocumentNode (the top
// document or a frame's document) or a ShadowRootNode.
func (n *Node) TreeRoot() *Node {
	if d := n.doc; d != nil && n.Type == ElementNode {
		// found when the document was indexed
		if i := int(n.elem); i >= 0 && i < len(d.roots) && d.elements[i] == n {
			return d.roots[i]
		}
	}
	p := n
	for p.Parent != nil {
		p = p.Parent
	}
	return p
}

// ByID returns the first element with the given id in the same tree as from
// (the document, a frame's document or a shadow root), or nil.
func (d *Document) ByID(from *Node, id string) *Node {
	if id == "" {
		return nil
	}
	if l := d.ids[from.TreeRoot()][id]; len(l) > 0 {
		return l[0]
	}
	return nil
}

// AllByID returns every element with the given id in the tree of from.
func (d *Document) AllByID(from *Node, id string) []*Node {
	return d.ids[from.TreeRoot()][id]
}

// IDRefs resolves a space-separated list of id references (aria-labelledby,
// aria-describedby, headers…) from n's tree. Missing ids are returned in missing.
func (d *Document) IDRefs(n *Node, value string) (found []*Node, missing []string) {
	for _, id := range strings.Fields(value) {
		if m := d.ByID(n, id); m != nil {
			found = append(found, m)
		} else {
			missing = append(missing, id)
		}
	}
	return found, missing
}

// Limits of the static parser, protecting against hostile input.
const (
	// MaxDepth bounds the element nesting kept from a page; deeper elements
	// are attached at this depth (the page is still checked).
	MaxDepth = 512
)

// FromHTML parses an HTML document (UTF-8, as x/net/html reads it) and builds a
// static Document. Declarative shadow roots (<template shadowrootmode>) are
// attached to their hosts, template contents kept apart, and iframe srcdoc
// documents parsed into the frame's Content.
func FromHTML(r io.Reader, url string) (*Document, error) {
	src, err := readAll(r)
	if err != nil {
		return nil, fmt.Errorf("a11y: read %s: %w", url, err)
	}
	root, err := html.Parse(bytes.NewReader(src))
	if err != nil {
		// x/net/html refuses more than 512 open elements; drop the
		// elements nested deeper than MaxDepth and parse again.
		root, err = html.Parse(bytes.NewReader(limitNesting(src, MaxDepth-64)))
		if err != nil {
			return nil, fmt.Errorf("a11y: parse %s: %w", url, err)
		}
	}
	d := &Document{URL: url, Mode: ModeStatic, Facts: NeedsDOM}
	var elements int
	d.Root = convert(root, 0, &elements)
	// the indexes of elements in one allocation each, not grown by appending
	d.elements = make([]*Node, 0, elements)
	d.roots = make([]*Node, 0, elements)
	d.Index()
	return d, nil
}

// readAll reads r to its end, in one allocation when r tells its length.
func readAll(r io.Reader) ([]byte, error) {
	if l, ok := r.(interface{ Len() int }); ok {
		b := bytes.NewBuffer(make([]byte, 0, l.Len()+bytes.MinRead))
		_, err := b.ReadFrom(r)
		return b.Bytes(), err
	}
	return io.ReadAll(r)
}

// FromHTMLString is FromHTML over a string.
func FromHTMLString(s, url string) (*Document, error) {
	return FromHTML(strings.NewReader(s), url)
}

// convert copies an x/net/html tree into Nodes without recursion, adding
// the number of elements it made to *elements.
func convert(src *html.Node, depth int, elements *int) *Node {
	type item struct {
		src    *html.Node
		parent *Node
		depth  int
	}
	var slab nodeSlab
	top := slab.node(src)
	stack := []item{}
	push := func(s *html.Node, parent *Node, depth int) {
		for c := s.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, item{c, parent, depth})
		}
	}
	push(src, top, depth+1)
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n := slab.node(it.src)
		parent := it.parent
		if it.depth > MaxDepth && parent.Parent != nil {
			// flatten pathological nesting: attach to the parent's parent chain
			parent = parent.Parent
		}
		if it.src.Type == html.ElementNode && it.src.DataAtom == atom.Template && it.src.Namespace == "" {
			mode := strings.ToLower(attrOf(it.src, "shadowrootmode"))
			if (mode == "open" || mode == "closed") && parent.Type == ElementNode && parent.Shadow == nil {
				sr := &Node{Type: ShadowRootNode, Data: mode, Host: parent}
				parent.Shadow = sr
				push(it.src, sr, it.depth+1)
				continue
			}
			frag := &Node{Type: DocumentNode, Data: "#template"}
			n.Content = frag
			appendChild(parent, n)
			push(it.src, frag, it.depth+1)
			continue
		}
		appendChild(parent, n)
		if it.src.Type == html.ElementNode && it.src.DataAtom == atom.Iframe && it.src.Namespace == "" {
			if srcdoc, ok := attrOk(it.src, "srcdoc"); ok {
				if sub, err := html.Parse(strings.NewReader(srcdoc)); err == nil {
					n.Content = convert(sub, it.depth+1, elements)
				}
			}
		}
		push(it.src, n, it.depth+1)
	}
	*elements += slab.elements
	return top
}

// nodeSlab hands out the Nodes and attribute lists of a parsed tree from
// shared blocks: a page of tens of thousands of nodes costs a few hundred
// allocations instead of one or two per node.
type nodeSlab struct {
	nodes    []Node
	attrs    []html.Attribute
	block    int
	elements int // elements handed out
}

func (s *nodeSlab) node(src *html.Node) *Node {
	if len(s.nodes) == 0 {
		s.block = min(max(2*s.block, 64), 4096)
		s.nodes = make([]Node, s.block)
	}
	n := &s.nodes[0]
	s.nodes = s.nodes[1:]
	fillNode(n, src, s)
	return n
}

// attrList returns a copy of attrs whose capacity ends with it, so that
// appending to one element's attributes never writes over another's.
func (s *nodeSlab) attrList(attrs []html.Attribute) []html.Attribute {
	k := len(attrs)
	if k > 64 {
		return append([]html.Attribute(nil), attrs...)
	}
	if len(s.attrs) < k {
		s.attrs = make([]html.Attribute, 4*s.block)
	}
	out := s.attrs[:k:k]
	s.attrs = s.attrs[k:]
	copy(out, attrs)
	return out
}

func fillNode(n *Node, s *html.Node, slab *nodeSlab) {
	n.Data, n.DataAtom, n.Namespace = s.Data, s.DataAtom, s.Namespace
	switch s.Type {
	case html.TextNode:
		n.Type = TextNode
	case html.DocumentNode:
		n.Type = DocumentNode
	case html.ElementNode:
		n.Type = ElementNode
		slab.elements++
		if len(s.Attr) > 0 {
			n.Attr = slab.attrList(s.Attr)
		}
	case html.CommentNode:
		n.Type = CommentNode
	case html.DoctypeNode:
		n.Type = DoctypeNode
	default:
		n.Type = ErrorNode
	}
}

func attrOf(s *html.Node, key string) string {
	v, _ := attrOk(s, key)
	return v
}

func attrOk(s *html.Node, key string) (string, bool) {
	for _, a := range s.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val, true
		}
	}
	return "", false
}

func appendChild(p, c *Node) {
	c.Parent = p
	if p.LastChild == nil {
		p.FirstChild = c
	} else {
		p.LastChild.NextSibling = c
		c.PrevSibling = p.LastChild
	}
	p.LastChild = c
}

// AppendChild adds c as the last light child of p. Sources that build a
// Document node by node use it before calling Index.
func AppendChild(p, c *Node) { appendChild(p, c) }

// Index (re)builds the element indexes and resets memoised values. Sources
// call it once the tree is complete; FromHTML does so itself.
func (d *Document) Index() {
	d.elements = d.elements[:0]
	d.roots = d.roots[:0]
	d.ids = make(map[*Node]map[string][]*Node)
	i := 0
	var visit func(root *Node)
	visit = func(root *Node) {
		treeRoot := root
		top := root // what TreeRoot finds by walking up
		for top.Parent != nil {
			top = top.Parent
		}
		stack := []*Node{root}
		for len(stack) > 0 {
			n := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			n.doc = d
			n.Index = i
			i++
			if n.Type == ElementNode {
				n.elem = int32(len(d.elements))
				d.elements = append(d.elements, n)
				d.roots = append(d.roots, top)
				if id, ok := n.AttrValue("id"); ok && id != "" {
					m := d.ids[treeRoot]
					if m == nil {
						m = make(map[string][]*Node)
						d.ids[treeRoot] = m
					}
					m[id] = append(m[id], n)
				}
				if n.Shadow != nil {
					n.Shadow.Host = n
					visit(n.Shadow)
				}
				if n.Content != nil && n.DataAtom != atom.Template {
					visit(n.Content)
				}
			}
			for c := n.LastChild; c != nil; c = c.PrevSibling {
				stack = append(stack, c)
			}
		}
	}
	visit(d.Root)
	d.byAtom = groupByAtom(d.elements)
	d.nodes = i
	d.cache = newCache(d, i, len(d.elements))
}

// groupByAtom lists the elements of each atom in the order given; the
// lists share one array.
func groupByAtom(elements []*Node) map[atom.Atom][]*Node {
	type span struct{ start, next int }
	spans := make(map[atom.Atom]*span)
	for _, n := range elements {
		if s := spans[n.DataAtom]; s != nil {
			s.next++
		} else {
			spans[n.DataAtom] = &span{next: 1}
		}
	}
	// the counts become starts
	start := 0
	for _, s := range spans {
		s.start, s.next, start = start, start, start+s.next
	}
	all := make([]*Node, len(elements))
	for _, n := range elements {
		s := spans[n.DataAtom]
		all[s.next] = n
		s.next++
	}
	out := make(map[atom.Atom][]*Node, len(spans))
	for a, s := range spans {
		out[a] = all[s.start:s.next:s.next]
	}
	return out
}

// Render writes the outer HTML of n (light tree), for snippets and debugging.
func Render(w io.Writer, n *Node) error {
	return html.Render(w, toHTML(n, 0))
}

func toHTML(n *Node, depth int) *html.Node {
	h := &html.Node{Data: n.Data, DataAtom: n.DataAtom, Namespace: n.Namespace, Attr: n.Attr}
	switch n.Type {
	case TextNode:
		h.Type = html.TextNode
	case DocumentNode, ShadowRootNode:
		h.Type = html.DocumentNode
	case ElementNode:
		h.Type = html.ElementNode
	case CommentNode:
		h.Type = html.CommentNode
	case DoctypeNode:
		h.Type = html.DoctypeNode
	}
	if depth > 64 {
		return h
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		h.AppendChild(toHTML(c, depth+1))
	}
	return h
}

// OuterHTML returns the outer HTML of n.
func OuterHTML(n *Node) string {
	var b bytes.Buffer
	_ = Render(&b, n)
	return b.String()
}

// limitNesting rewrites HTML so that no element opens deeper than max: start
// tags beyond it are dropped, together with as many end tags.
func limitNesting(src []byte, max int) []byte {
	z := html.NewTokenizer(bytes.NewReader(src))
	var out bytes.Buffer
	depth, dropped := 0, 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out.Bytes()
		}
		raw := z.Raw()
		switch tt {
		case html.StartTagToken:
			name, _ := z.TagName()
			if voidElement(string(name)) {
				break
			}
			if depth >= max {
				dropped++
				continue
			}
			depth++
		case html.EndTagToken:
			if dropped > 0 {
				dropped--
				continue
			}
			if depth > 0 {
				depth--
			}
		}
		out.Write(raw)
	}
}
