package a11y

import (
	"slices"
	"strings"

	"golang.org/x/net/html/atom"
)

// Rendering, tree inclusion and focus. Facts are memoised per node and
// computed along the flat tree (shadow trees with slots, and nested frame
// documents under their frame element) by iterative walks from the nearest
// memoised ancestor, so deep documents cost neither stack nor time.
//
// Decisions worth knowing:
//
//   - Hidden means hidden from everyone: not rendered (display:none, the
//     hidden attribute unless a declared display overrides it, hidden="until-found"
//     included, elements the user agent never renders, the content of a closed
//     details element except its summary, a closed dialog or popover, light
//     children of a shadow host that no slot takes, content of a hidden
//     frame), or visibility:hidden/collapse, or inside content-visibility:hidden.
//     Static documents know only inline styles; use HiddenKnown when a
//     style sheet might decide.
//   - InAXTree excludes, besides Hidden content, everything under
//     aria-hidden="true" (it cannot be undone below), elements whose computed
//     role is none or presentation, and the descendants of an element whose
//     role makes its children presentational (button, img, checkbox, tab…).
//     Generic elements are included; AXIgnored tells whether an element is
//     passed over when the accessibility tree's parent/child relation is built.
//   - inert content stays in the accessibility tree but is not focusable.

// nodeState holds the rendering and tree facts of one node.
type nodeState struct {
	notRendered bool // display:none or equivalent, here or on an ancestor
	visHidden   bool // effective visibility hidden or collapse
	skipKids    bool // the node's children are not rendered (content-visibility:hidden)
	ariaHidden  bool // aria-hidden="true" here or on a flat-tree ancestor
	inert       bool
}

// Hidden reports whether n is hidden from every user (see the rules above).
// It accepts any node; text nodes share their parent's answer.
func (d *Document) Hidden(n *Node) bool {
	if n == nil {
		return false
	}
	s := d.nodeState(n)
	return s.notRendered || s.visHidden
}

// HiddenKnown reports whether n is hidden and whether the document's facts
// settle it. A document with computed styles always knows. In a static
// document the answer is unknown when n is not hidden by what the markup
// and inline styles say, but a style sheet the engine cannot evaluate (a
// linked sheet, or a <style> rule that hides elements and matches n or an
// ancestor) might hide it.
func (d *Document) HiddenKnown(n *Node) (hidden, known bool) {
	if d.Hidden(n) {
		return true, true
	}
	if n == nil || d.Has(NeedsStyle) {
		return false, true
	}
	e := n
	if e.Type != ElementNode {
		e = d.axParentNode(e)
		if e == nil || e.Type != ElementNode {
			return false, true
		}
	}
	return false, d.RenderingCertain(e)
}

// InAXTree reports whether element n is included in the accessibility tree:
// not Hidden, not under aria-hidden="true", not presentational (computed
// role none or presentation) and not a descendant of an element whose
// children are presentational.
func (d *Document) InAXTree(n *Node) bool {
	if n == nil || n.Type != ElementNode {
		return false
	}
	s := d.nodeState(n)
	if s.notRendered || s.visHidden || s.ariaHidden {
		return false
	}
	if d.PresentationalParent(n) != nil {
		return false
	}
	return !IsPresentational(d.Role(n))
}

// InAXTreeKnown is InAXTree with the certainty of HiddenKnown: known is
// false when a style sheet the engine cannot evaluate might hide n.
func (d *Document) InAXTreeKnown(n *Node) (in, known bool) {
	in = d.InAXTree(n)
	if !in {
		// excluded by markup alone, or hidden for sure
		return false, true
	}
	_, known = d.HiddenKnown(n)
	return true, known
}

// AriaHidden reports whether n or a flat-tree ancestor has aria-hidden="true"
// (ASCII case-insensitive, white space trimmed).
func (d *Document) AriaHidden(n *Node) bool {
	return n != nil && d.nodeState(n).ariaHidden
}

// Inert reports whether n is inert: it or a flat-tree ancestor has the
// inert attribute. Blocking by a modal dialog is not known statically.
func (d *Document) Inert(n *Node) bool {
	return n != nil && d.nodeState(n).inert
}

// PresentationalParent returns the nearest flat-tree ancestor of n whose
// computed role makes its children presentational (button, checkbox, img,
// meter, option, progressbar, radio, scrollbar, separator, slider, switch,
// tab, menuitemcheckbox, menuitemradio…), or nil.
func (d *Document) PresentationalParent(n *Node) *Node {
	if n == nil {
		return nil
	}
	c := d.cache.aria
	if v, ok := c.presAnc.get(d, n); ok {
		return v
	}
	var chain []*Node
	for e := n; ; {
		if _, ok := c.presAnc.get(d, e); ok {
			break
		}
		chain = append(chain, e)
		p := d.axParentNode(e)
		if p == nil {
			break
		}
		e = p
	}
	// resolve from the top down: every parent is known when its child is
	for i := len(chain) - 1; i >= 0; i-- {
		x := chain[i]
		var v *Node
		if p := d.axParentNode(x); p != nil {
			if pv, _ := c.presAnc.get(d, p); pv != nil {
				v = pv
			} else if p.Type == ElementNode && d.childrenPresentational(p) {
				v = p
			}
		}
		c.presAnc.put(d, x, v)
	}
	v, _ := c.presAnc.get(d, n)
	return v
}

func (d *Document) childrenPresentational(n *Node) bool {
	r := d.Role(n)
	if r == "" {
		return false
	}
	def, ok := roleDefs[r]
	return ok && def.presChildren
}

// Focusable reports whether n can receive focus: HTML focusable areas (links
// and image-map areas with href, enabled form controls, iframes, the summary
// of a details element, audio and video with controls, editing hosts) and any
// element with a valid tabindex, when it is rendered and not inert.
func (d *Document) Focusable(n *Node) bool {
	if n == nil || n.Type != ElementNode {
		return false
	}
	c := d.cache.aria
	if v, ok := c.focusable.get(d, n); ok {
		return v
	}
	v := d.focusable(n)
	c.focusable.put(d, n, v)
	return v
}

func (d *Document) focusable(n *Node) bool {
	s := d.nodeState(n)
	if s.notRendered || s.visHidden || s.inert {
		return false
	}
	if _, ok := tabIndex(n); ok {
		return true
	}
	switch n.Namespace {
	case NamespaceSVG:
		return strings.EqualFold(n.Data, "a") && (n.Has("href") || n.Has("xlink:href"))
	case NamespaceHTML:
	default:
		return false
	}
	switch n.Data {
	case "a", "area":
		return n.Has("href")
	case "button", "select", "textarea":
		return !disabledControl(n)
	case "input":
		return !strings.EqualFold(strings.Trim(n.Get("type"), htmlSpace), "hidden") && !disabledControl(n)
	case "iframe":
		return true
	case "summary":
		return detailsSummary(n)
	case "audio", "video":
		return n.Has("controls")
	}
	return editingHost(n)
}

// Tabbable reports whether n is in the sequential focus navigation order:
// focusable, without a negative tabindex.
func (d *Document) Tabbable(n *Node) bool {
	if !d.Focusable(n) {
		return false
	}
	if v, ok := tabIndex(n); ok {
		return v >= 0
	}
	return true
}

// TabIndex returns the tabindex value of n when its tabindex attribute
// parses as an integer (HTML rules for parsing integers).
func TabIndex(n *Node) (int, bool) { return tabIndex(n) }

func tabIndex(n *Node) (int, bool) {
	v, ok := n.AttrValue("tabindex")
	if !ok {
		return 0, false
	}
	return parseHTMLInt(v)
}

// DisabledControl reports whether form control n is disabled: its own
// disabled attribute, or a disabled fieldset ancestor when the control is
// not inside that fieldset's first legend.
func DisabledControl(n *Node) bool { return disabledControl(n) }

// disabledControl reports whether a form control is disabled: its own
// disabled attribute, or a disabled fieldset ancestor when the control is
// not inside that fieldset's first legend.
func disabledControl(n *Node) bool {
	if n.Has("disabled") {
		return true
	}
	child := n
	for p := n.Parent; p != nil && p.Type == ElementNode; child, p = p, p.Parent {
		if p.Namespace != NamespaceHTML || p.Data != "fieldset" || !p.Has("disabled") {
			continue
		}
		var legend *Node
		for c := range p.ElementChildren() {
			if c.Namespace == NamespaceHTML && c.Data == "legend" {
				legend = c
				break
			}
		}
		if legend == nil || legend != child {
			return true
		}
	}
	return false
}

// detailsSummary reports whether n is the summary of its parent details
// element (its first summary child).
func detailsSummary(n *Node) bool {
	p := n.Parent
	if p == nil || p.Type != ElementNode || p.Namespace != NamespaceHTML || p.Data != "details" {
		return false
	}
	for c := range p.ElementChildren() {
		if c.Namespace == NamespaceHTML && c.Data == "summary" {
			return c == n
		}
	}
	return false
}

// editingHost reports whether n is an editing host: contenteditable set to
// true, "" or plaintext-only, with a parent that is not editable itself.
func editingHost(n *Node) bool {
	if !editable(n) {
		return false
	}
	p := n.Parent
	return p == nil || p.Type != ElementNode || !editableInherited(p)
}

func editable(n *Node) bool {
	v, ok := n.AttrValue("contenteditable")
	if !ok {
		return false
	}
	switch strings.ToLower(strings.Trim(v, htmlSpace)) {
	case "", "true", "plaintext-only":
		return true
	}
	return false
}

// editableInherited reports whether n is editable, by its own attribute or
// its nearest ancestor that sets contenteditable.
func editableInherited(n *Node) bool {
	for e := n; e != nil && e.Type == ElementNode; e = e.Parent {
		if _, ok := e.AttrValue("contenteditable"); ok {
			return editable(e)
		}
	}
	return false
}

// FocusOrder returns the elements of the document in sequential focus
// navigation order: within each focus scope (the document, a shadow tree, a
// frame's document) elements with a positive tabindex come first in
// ascending order, then the others in tree order; shadow trees and frame
// documents are visited at the place of their host or frame.
func (d *Document) FocusOrder() []*Node {
	type entry struct {
		n     *Node
		index int
		scope []*entry
	}
	// build the scope tree iteratively over the flat tree
	root := &entry{}
	type item struct {
		n     *Node
		scope *entry
	}
	var stack []item
	pushKids := func(n *Node, sc *entry) {
		var kids []*Node
		if n.Type == ElementNode {
			for c := range n.FlatChildren() {
				kids = append(kids, c)
			}
		} else {
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				kids = append(kids, c)
			}
		}
		for i := len(kids) - 1; i >= 0; i-- {
			stack = append(stack, item{kids[i], sc})
		}
	}
	pushKids(d.Root, root)
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n := it.n
		if n.Type != ElementNode {
			continue
		}
		if d.nodeState(n).notRendered {
			continue
		}
		idx, hasIdx := tabIndex(n)
		if !hasIdx || !d.Focusable(n) {
			idx = 0
		}
		isScope := n.Shadow != nil || (n.Content != nil && n.Namespace == NamespaceHTML && n.Data != "template")
		if !d.Tabbable(n) && !isScope {
			pushKids(n, it.scope)
			continue
		}
		e := &entry{n: n, index: idx}
		it.scope.scope = append(it.scope.scope, e)
		switch {
		case n.Content != nil && n.Namespace == NamespaceHTML && n.Data != "template":
			pushKids(n.Content, e)
		case n.Shadow != nil:
			pushKids(n, e)
		default:
			pushKids(n, it.scope)
		}
	}
	var out []*Node
	var visit []*entry
	order := func(sc []*entry) []*entry {
		s := slices.Clone(sc)
		slices.SortStableFunc(s, func(a, b *entry) int {
			ka, kb := a.index, b.index
			switch {
			case ka > 0 && kb > 0:
				return ka - kb
			case ka > 0:
				return -1
			case kb > 0:
				return 1
			}
			return 0
		})
		return s
	}
	visit = append(visit, order(root.scope)...)
	slices.Reverse(visit)
	for len(visit) > 0 {
		e := visit[len(visit)-1]
		visit = visit[:len(visit)-1]
		if d.Tabbable(e.n) && !(e.n.Content != nil && e.n.Data == "iframe") {
			out = append(out, e.n)
		}
		kids := order(e.scope)
		for i := len(kids) - 1; i >= 0; i-- {
			visit = append(visit, kids[i])
		}
	}
	return out
}

// AriaOwner returns the element whose aria-owns validly claims n (the first
// claim in document order, not creating a cycle), or nil.
func (d *Document) AriaOwner(n *Node) *Node {
	d.buildOwns()
	return d.cache.aria.ownerOf[n]
}

// AriaOwned returns the elements n validly owns through aria-owns, in
// reference order.
func (d *Document) AriaOwned(n *Node) []*Node {
	d.buildOwns()
	return slices.Clone(d.cache.aria.owned[n])
}

func (d *Document) buildOwns() {
	c := d.cache.aria
	if c.ownsBuilt {
		return
	}
	c.ownsBuilt = true
	c.ownerOf = map[*Node]*Node{}
	c.owned = map[*Node][]*Node{}
	for _, e := range d.elements {
		v, ok := e.AttrValue("aria-owns")
		if !ok || strings.Trim(v, htmlSpace) == "" {
			continue
		}
		refs, _ := d.IDRefs(e, v)
		for _, r := range refs {
			if r == e || c.ownerOf[r] != nil || slices.Contains(c.owned[e], r) {
				continue
			}
			// no cycles: r must not be e's owner or ancestor, in the DOM or through aria-owns
			cycle := false
			for a := e; a != nil; {
				if a == r {
					cycle = true
					break
				}
				if o := c.ownerOf[a]; o != nil {
					a = o
				} else {
					a = d.axParentNode(a)
				}
			}
			if cycle {
				continue
			}
			c.ownerOf[r] = e
			c.owned[e] = append(c.owned[e], r)
		}
	}
}

// AXIgnored reports whether element n is passed over when the parent/child
// relation of the accessibility tree is built: it is not in the tree, or
// it is a generic element (or one without a role) that has no global ARIA
// attribute and is not focusable, so its children take its place.
func (d *Document) AXIgnored(n *Node) bool {
	if !d.InAXTree(n) {
		return true
	}
	r := d.Role(n)
	if r != "generic" && r != "" {
		return false
	}
	return !d.HasGlobalARIA(n) && !d.Focusable(n)
}

// AXParent returns the parent of element n in the accessibility tree: its
// aria-owns owner, else its nearest flat-tree ancestor (crossing into the
// frame element for a frame's document) that is not AXIgnored. It returns
// nil at the root.
func (d *Document) AXParent(n *Node) *Node {
	if n == nil {
		return nil
	}
	for e := n; ; {
		p := d.AriaOwner(e)
		if p == nil {
			p = d.axParentNode(e)
		}
		for p != nil && p.Type != ElementNode {
			p = d.axParentNode(p)
		}
		if p == nil {
			return nil
		}
		if !d.AXIgnored(p) {
			return p
		}
		e = p
	}
}

// axParentNode is the flat-tree parent of n, continuing from a frame's
// document to its frame element. It returns nil at the top and for nodes
// that are not rendered anywhere (unslotted light children, template content).
func (d *Document) axParentNode(n *Node) *Node {
	if p := n.FlatParent(); p != nil {
		return p
	}
	if n.Type == DocumentNode && n != d.Root {
		return d.frameOwnerOf(n)
	}
	return nil
}

func (d *Document) frameOwnerOf(doc *Node) *Node {
	c := d.cache.aria
	if !c.framesBuilt {
		c.framesBuilt = true
		c.frameOwner = map[*Node]*Node{}
		for _, e := range d.elements {
			if e.Content != nil && !(e.Namespace == NamespaceHTML && e.Data == "template") {
				c.frameOwner[e.Content] = e
			}
		}
	}
	return c.frameOwner[doc]
}

// nodeState returns the memoised facts of n, computing them from the
// nearest memoised flat-tree ancestor downwards.
func (d *Document) nodeState(n *Node) nodeState {
	c := d.cache.aria
	if s, ok := c.state.get(d, n); ok {
		return s
	}
	// collect the chain up to a memoised ancestor or the top
	var chain []*Node
	var base nodeState
	var baseNode *Node
	for e := n; ; {
		if s, ok := c.state.get(d, e); ok {
			base, baseNode = s, e
			break
		}
		chain = append(chain, e)
		p := d.axParentNode(e)
		if p == nil {
			if d.orphan(e) {
				base = nodeState{notRendered: true} // never rendered anywhere
			}
			break
		}
		e = p
	}
	parent, parentNode := base, baseNode
	for i := len(chain) - 1; i >= 0; i-- {
		s := d.ownState(chain[i], parentNode, parent)
		c.state.put(d, chain[i], s)
		parent, parentNode = s, chain[i]
	}
	s, _ := c.state.get(d, n)
	return s
}

// orphan reports whether n has no flat parent although it is not the top
// document: a light child of a shadow host assigned to no slot, or content
// of a template or of a document fragment the source did not place.
func (d *Document) orphan(n *Node) bool {
	if n == d.Root {
		return false
	}
	if n.Parent != nil {
		// a light child of a shadow host without a slot
		return n.Parent.Type == ElementNode && n.Parent.Shadow != nil
	}
	return n.Type == DocumentNode || n.Type == ShadowRootNode
}

// ownState computes the facts of n from its flat parent p (nil at the top)
// and the parent's facts.
func (d *Document) ownState(n, p *Node, ps nodeState) nodeState {
	s := nodeState{
		notRendered: ps.notRendered || ps.skipKids,
		visHidden:   ps.visHidden,
		ariaHidden:  ps.ariaHidden,
		inert:       ps.inert,
	}
	if p != nil && p.Type == ElementNode && p.Namespace == NamespaceHTML && p.Data == "details" && !p.Has("open") {
		if !(n.Type == ElementNode && detailsSummary(n)) {
			s.notRendered = true
		}
	}
	if n.Type != ElementNode {
		return s
	}
	if d.displayNone(n) {
		s.notRendered = true
	}
	if v, ok := n.StyleValue("visibility"); ok {
		v = strings.ToLower(strings.TrimSpace(cssValue(v)))
		switch v {
		case "hidden", "collapse":
			s.visHidden = true
		case "visible":
			s.visHidden = false
		}
	}
	if v, ok := n.StyleValue("content-visibility"); ok && strings.EqualFold(strings.TrimSpace(cssValue(v)), "hidden") {
		s.skipKids = true
	}
	if strings.EqualFold(strings.Trim(n.Get("aria-hidden"), htmlSpace), "true") {
		s.ariaHidden = true
	}
	if n.Has("inert") {
		s.inert = true
	}
	return s
}

// cssValue drops a trailing !important from a declared value.
func cssValue(v string) string {
	if i := strings.LastIndexByte(v, '!'); i >= 0 && strings.EqualFold(strings.TrimSpace(v[i+1:]), "important") {
		return v[:i]
	}
	return v
}

// displayNone reports whether n itself generates no box: display:none
// (computed, or inline in a static document), the hidden attribute without
// a declared display overriding it, or an element user agents never render.
func (d *Document) displayNone(n *Node) bool {
	disp, hasDisp := n.StyleValue("display")
	disp = strings.ToLower(strings.TrimSpace(cssValue(disp)))
	if hasDisp && disp == "none" {
		return true
	}
	computed := n.Style != nil
	switch n.Namespace {
	case NamespaceSVG:
		switch strings.ToLower(n.Data) {
		case "defs", "title", "desc", "metadata", "symbol", "clippath", "mask", "pattern",
			"lineargradient", "radialgradient", "filter", "marker", "style", "script":
			return true
		}
		return false
	case NamespaceHTML:
	default:
		return false
	}
	switch n.Data {
	case "head", "script", "style", "template", "title", "meta", "link", "base", "noscript",
		"datalist", "param", "source", "track", "noembed", "noframes", "rp":
		return true
	case "input":
		if strings.EqualFold(strings.Trim(n.Get("type"), htmlSpace), "hidden") {
			return true
		}
	case "area":
		if !d.areaInUsedMap(n) {
			return true
		}
	}
	if computed && hasDisp {
		return false // the computed display already answers for the rest
	}
	if n.Has("hidden") && !hasDisp {
		return true
	}
	if n.Data == "dialog" && !n.Has("open") && !hasDisp {
		return true
	}
	if n.Has("popover") && !hasDisp {
		return true
	}
	return false
}

// areaInUsedMap reports whether an area element sits in a map that an img
// uses (usemap="#name"), so that it is rendered as part of the image.
func (d *Document) areaInUsedMap(n *Node) bool {
	m := n.Closest(func(e *Node) bool { return e.Namespace == NamespaceHTML && e.Data == "map" })
	if m == nil {
		return false
	}
	name := m.Get("name")
	if name == "" {
		name = m.ID()
	}
	if name == "" {
		return false
	}
	for _, img := range d.byAtom[atom.Img] {
		if u := img.Get("usemap"); strings.HasPrefix(u, "#") && strings.EqualFold(u[1:], name) && img.TreeRoot() == m.TreeRoot() {
			return true
		}
	}
	return false
}
