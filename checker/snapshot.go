package checker

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/domsnapshot"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/delaktig/delaktig/a11y"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// StyleProperties are the computed CSS properties a snapshot captures for every
// rendered element: what a11y.RenderedProperties lists for the rendered
// rules, plus the pointer cursor (keyboard reachability) and text-transform
// (all-caps text). Node.Style holds exactly these keys for elements with a
// box. Each costs about 55 ms of capture on a page of 58,000 elements, so a
// property no rule reads from Node.Style does not belong here.
var StyleProperties = func() []string {
	props := slices.Clone(a11y.RenderedProperties)
	for _, p := range []string{"cursor", "text-transform"} {
		if !slices.Contains(props, p) {
			props = append(props, p)
		}
	}
	return props
}()

// CaptureParams returns the parameters of a captureSnapshot call with every
// property of StyleProperties (box longhands asked for as their shorthands)
// and paint order: what Snapshot asks for when
// the page's styles may set any of them (see PageCaptureParams). Layout
// bounds and text boxes come with every capture; the DOM rectangles (offset,
// scroll and client areas of every layout object) are not asked for, as
// they cost about as much as twenty style properties and only a few scroll
// containers need them (SnapshotOptions.Scroll).
func CaptureParams() domsnapshot.CaptureSnapshotParams {
	return captureParams(requested(StyleProperties))
}

// NodeShape is what DOM.describeNode tells about a node that the flattened
// snapshot leaves ambiguous (a shadow tree nested in another of the same mode).
type NodeShape struct {
	// ShadowRoot is true when the element hosts a shadow root.
	ShadowRoot bool
	// Assigned lists, for a <slot>, the backend ids of the nodes assigned to it.
	Assigned []int64
	// Children lists the backend ids of the element's light children, in order.
	Children []int64
}

// SnapshotOptions carry what FromSnapshot cannot read from the snapshot itself.
type SnapshotOptions struct {
	// Viewport is the layout viewport (X and Y are the scroll offsets).
	Viewport a11y.Rect
	// Focused is the backend id of the element that has focus (0: none).
	Focused int64
	// Describe answers, for a few backend node ids, whether an element hosts
	// a shadow root and which nodes a slot has assigned, and with children
	// the order of an element's light children. Nil makes FromSnapshot
	// guess: a nested element is no host, and a slot's children are
	// assigned nodes.
	Describe func(ids []int64, children bool) map[int64]NodeShape
	// Properties lists the computed style properties the capture asked for,
	// in order (nil: StyleProperties). Properties of StyleProperties left
	// out of it must be ones a page's styles do not set: their style maps
	// get the property's initial value or, for the ones the user agent
	// sets by element kind (cursor, underline, overflow...), the user
	// agent's value for the element. FromSnapshot fails when an element's
	// value of a left-out property depends on more than the element (a
	// dialog's position, say): capture that property then.
	Properties []string
	// Scroll answers, for a few backend node ids of scroll containers, their
	// scroll and client areas, when the snapshot has no DOM rectangles.
	// Nil leaves those areas unknown.
	Scroll func(ids []int64) map[int64]ScrollArea
}

// Snapshot captures the page of a tab (ctx is a chromedp context of the tab,
// see Tab.Context) with one DOMSnapshot.captureSnapshot call and returns it as
// an a11y.Document with computed styles, boxes, paint order, live form values
// and the focused element. Only when shadow trees are nested in shadow trees
// of the same mode does it ask DOM.describeNode about those few nodes.
func Snapshot(ctx context.Context) (*a11y.Document, error) {
	focused, err := focusedElement(ctx)
	if err != nil {
		return nil, fmt.Errorf("checker: find the focused element: %w", err)
	}
	metrics, err := chromedp.Call(ctx, page.GetLayoutMetrics, cdp.Empty{})
	if err != nil {
		return nil, fmt.Errorf("checker: read the viewport: %w", err)
	}
	res, props, err := captureState(ctx)
	if err != nil {
		return nil, err
	}
	opts := SnapshotOptions{Focused: focused, Describe: describer(ctx), Properties: props, Scroll: scroller(ctx)}
	if v := metrics.CSSLayoutViewport; v != nil {
		opts.Viewport = a11y.Rect{X: float64(v.PageX), Y: float64(v.PageY), Width: float64(v.ClientWidth), Height: float64(v.ClientHeight)}
	}
	doc, err := FromSnapshot(res, opts)
	if errors.Is(err, errUnmodeled) {
		// the page changed after its styles were read
		if res, props, err = captureEvery(ctx); err != nil {
			return nil, err
		}
		opts.Properties = props
		doc, err = FromSnapshot(res, opts)
	}
	if err != nil {
		return nil, err
	}
	focusOutline(ctx, doc, props)
	return doc, nil
}

// focusScript returns the element that has focus, looking into open shadow
// roots and same-origin frames, or null when nothing but the page has it.
const focusScript = `(() => {
	let e = document.activeElement;
	for (let i = 0; e && i < 64; i++) {
		if (e.shadowRoot && e.shadowRoot.activeElement) { e = e.shadowRoot.activeElement; continue; }
		if (e.tagName === "IFRAME" || e.tagName === "FRAME") {
			let d = null;
			try { d = e.contentDocument; } catch (x) {}
			if (d && d.activeElement && d.activeElement !== d.body) { e = d.activeElement; continue; }
		}
		break;
	}
	if (!e || e === document.body || e === document.documentElement) return null;
	return e;
})()`

// focusedElement returns the backend id of the focused element, or 0.
func focusedElement(ctx context.Context) (int64, error) {
	obj, err := chromedp.Run(ctx, chromedp.Evaluate[*runtime.RemoteObject](focusScript))
	if err != nil {
		return 0, err
	}
	if obj == nil || obj.ObjectID == "" {
		return 0, nil
	}
	defer func() {
		_, _ = chromedp.Call(ctx, runtime.ReleaseObject, runtime.ReleaseObjectParams{ObjectID: obj.ObjectID})
	}()
	d, err := chromedp.Call(ctx, dom.DescribeNode, dom.DescribeNodeParams{ObjectID: obj.ObjectID, Depth: new(int64(0))})
	if err != nil || d.Node == nil {
		return 0, err
	}
	return int64(d.Node.BackendNodeID), nil
}

// describer returns a SnapshotOptions.Describe that asks the tab.
func describer(ctx context.Context) func(ids []int64, children bool) map[int64]NodeShape {
	return func(ids []int64, children bool) map[int64]NodeShape {
		depth := int64(0)
		if children {
			depth = 1
		}
		return askEach(ids, func(id int64) (NodeShape, bool) {
			res, err := chromedp.Call(ctx, dom.DescribeNode, dom.DescribeNodeParams{BackendNodeID: cdp.BackendNodeID(id), Depth: &depth})
			if err != nil || res.Node == nil {
				return NodeShape{}, false
			}
			s := NodeShape{ShadowRoot: len(res.Node.ShadowRoots) > 0}
			for _, d := range res.Node.DistributedNodes {
				s.Assigned = append(s.Assigned, int64(d.BackendNodeID))
			}
			for _, c := range res.Node.Children {
				s.Children = append(s.Children, int64(c.BackendNodeID))
			}
			return s, true
		})
	}
}

// Shared read-only style maps for elements without a layout object.
var (
	styleNone     = map[string]string{"display": "none"}
	styleContents = map[string]string{"display": "contents"}
	styleUnknown  = map[string]string{}
)

// FromSnapshot converts a captured snapshot into an a11y.Document in browser
// mode (Facts NeedsDOM|NeedsStyle|NeedsLayout): the light tree of every
// document, shadow roots as a11y.ShadowRootNode under Node.Shadow, same-process
// frames' documents under the frame element's Node.Content, and per node the
// computed styles (StyleProperties), border box in top-document CSS pixels,
// scroll and client areas (from the DOM rectangles when the capture has
// them, else asked of opts.Scroll for scroll containers only), paint order, backend id, ::before/::after text, live value, checkedness
// (selectedness for <option>) and focus.
//
// An element that has no layout object gets a Style map telling what is
// known: {"display": "none"} for the root of a subtree that is not rendered,
// {"display": "contents"} when its children are rendered, and an empty map
// when nothing can be said (the content of a select, of a display:none
// subtree). Style maps are shared between nodes with equal styles: treat them
// as read-only. Values of password fields are replaced by "••••".
func FromSnapshot(res *domsnapshot.CaptureSnapshotResult, opts SnapshotOptions) (*a11y.Document, error) {
	if res == nil || len(res.Documents) == 0 || res.Documents[0].Nodes == nil {
		return nil, fmt.Errorf("checker: empty snapshot")
	}
	c := &converter{res: res, opts: opts, styles: map[string]map[string]string{}, props: opts.Properties}
	if c.props == nil {
		c.props = requested(StyleProperties)
	}
	c.pruned = leftOut(prunable, c.props)
	c.modeled = leftOut(uaModeled, c.props)
	for _, p := range c.modeled {
		c.inheritedModeled = c.inheritedModeled || uaModeled[p]
	}
	c.ua = map[uaStyle]*uaEntry{}
	c.docs = make([]*docConv, len(res.Documents))
	for i, d := range res.Documents {
		c.docs[i] = c.prepare(d)
	}
	c.frameOffsets()
	if opts.Describe != nil {
		var ask []int64
		for _, d := range c.docs {
			ask = append(ask, c.ambiguous(d)...)
		}
		if len(ask) > 0 {
			c.shapes = opts.Describe(ask, false)
		}
	}
	for _, d := range c.docs {
		c.build(d)
	}
	if c.err != nil {
		return nil, c.err
	}
	c.orderLightChildren()
	// link frames' documents to their owner elements
	for _, d := range c.docs {
		for i, sub := range d.contentDoc {
			if sub >= 0 && sub < len(c.docs) && d.nodes[i] != nil && c.docs[sub].root != nil && c.docs[sub] != d {
				d.nodes[i].Content = c.docs[sub].root
			}
		}
	}
	top := c.docs[0]
	doc := &a11y.Document{
		Root:     top.root,
		URL:      c.str(res.Documents[0].DocumentURL),
		Mode:     a11y.ModeBrowser,
		Facts:    a11y.NeedsDOM | a11y.NeedsStyle | a11y.NeedsLayout,
		Viewport: opts.Viewport,
	}
	if doc.Root == nil {
		return nil, fmt.Errorf("checker: the snapshot has no document node")
	}
	if opts.Scroll != nil {
		askScrollAreas(doc.Root, opts.Scroll)
	}
	unwrapXMLViewer(doc)
	doc.Index()
	return doc, nil
}

// xmlViewerSource is the id of the element in which Chrome's viewer of an
// XML file without a style sheet keeps the file's own elements.
const xmlViewerSource = "webkit-xml-viewer-source-xml"

// unwrapXMLViewer undoes Chrome's viewer of a raw XML file (a <math> or other
// non-HTML document served as XML): the page is then an HTML document made
// by the browser that shows the file's source, with the file's elements kept
// hidden inside it. Rules must judge the file, so its first element becomes
// the document's root again. The viewer hides those elements, so their
// computed styles and boxes are dropped: they tell of the viewer, not of the
// file, and rules that need them answer cantTell.
func unwrapXMLViewer(doc *a11y.Document) {
	var html, body *a11y.Node
	for c := doc.Root.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == a11y.ElementNode && c.Data == "html" {
			html = c
		}
	}
	if html == nil {
		return
	}
	viewer := false
	for c := html.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != a11y.ElementNode {
			continue
		}
		switch c.Data {
		case "head":
			for s := c.FirstChild; s != nil; s = s.NextSibling {
				if s.Type == a11y.ElementNode && s.Data == "style" && s.Get("id") == "xml-viewer-style" {
					viewer = true
				}
			}
		case "body":
			body = c
		}
	}
	if !viewer || body == nil {
		return
	}
	var src *a11y.Node
	for c := body.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == a11y.ElementNode && c.Get("id") == xmlViewerSource {
			src = c
			break
		}
	}
	if src == nil {
		return
	}
	var el *a11y.Node
	for c := src.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == a11y.ElementNode {
			el = c
			break
		}
	}
	if el == nil {
		return
	}
	var clear func(n *a11y.Node)
	clear = func(n *a11y.Node) {
		n.Style, n.Box, n.Scroll, n.Client, n.PaintOrder = nil, nil, nil, nil, 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			clear(c)
		}
	}
	clear(el)
	el.Parent, el.PrevSibling, el.NextSibling = nil, nil, nil
	doc.Root.FirstChild, doc.Root.LastChild = nil, nil
	a11y.AppendChild(doc.Root, el)
	doc.Facts = a11y.NeedsDOM
}

type converter struct {
	res    *domsnapshot.CaptureSnapshotResult
	opts   SnapshotOptions
	docs   []*docConv
	shapes map[int64]NodeShape
	styles map[string]map[string]string
	key    []byte
	// hosts whose light children were placed through several slots
	reorder map[*a11y.Node]bool
	// props are the captured properties in order; pruned the properties of
	// StyleProperties left out, filled in with their initial values;
	// modeled those left out that the user agent's values stand for
	props, pruned, modeled []string
	// inheritedModeled is set when modeled holds an inherited property
	inheritedModeled bool
	// ua interns the user agent styles of elements (see uaValues)
	ua map[uaStyle]*uaEntry
	// err is errUnmodeled when an element needs a property modeled does
	// not cover
	err error
}

// docConv holds one snapshot document while it is converted.
type docConv struct {
	snap   *domsnapshot.DocumentSnapshot
	n      int
	parent []int64
	mode   []string // shadow root mode of the tree holding the node ("" none)
	pseudo []string
	layout []int32 // first layout object of the node, -1 none
	// rare data, expanded per node
	contentDoc     []int
	inputValue     []int64
	textValue      []int64
	checked        []bool
	selected       []bool
	isSlot         []bool
	hasLayoutBelow []bool // the node or a flat descendant has a layout object
	offset         a11y.Rect
	nodes          []*a11y.Node
	store          []a11y.Node
	ua             []*uaEntry // user agent styles of elements (see uaValues), when the capture left some out
	root           *a11y.Node
	// decided while building
	host map[int]bool
}

func (c *converter) str(i domsnapshot.StringIndex) string { return c.strIdx(int64(i)) }

func (c *converter) strIdx(i int64) string {
	if i < 0 || int(i) >= len(c.res.Strings) {
		return ""
	}
	return c.res.Strings[i]
}

// prepare expands a document's rare-data tables into per-node slices.
func (c *converter) prepare(d *domsnapshot.DocumentSnapshot) *docConv {
	nt := d.Nodes
	n := len(nt.ParentIndex)
	dc := &docConv{snap: d, n: n, parent: nt.ParentIndex}
	dc.mode = make([]string, n)
	if r := nt.ShadowRootType; r != nil {
		for k, i := range r.Index {
			if int(i) < n && k < len(r.Value) {
				dc.mode[i] = c.str(r.Value[k])
			}
		}
	}
	dc.pseudo = make([]string, n)
	if r := nt.PseudoType; r != nil {
		for k, i := range r.Index {
			if int(i) < n && k < len(r.Value) {
				dc.pseudo[i] = c.str(r.Value[k])
			}
		}
	}
	dc.contentDoc = make([]int, n)
	for i := range dc.contentDoc {
		dc.contentDoc[i] = -1
	}
	if r := nt.ContentDocumentIndex; r != nil {
		for k, i := range r.Index {
			if int(i) < n && k < len(r.Value) {
				dc.contentDoc[i] = int(r.Value[k])
			}
		}
	}
	rareStr := func(r *domsnapshot.RareStringData) []int64 {
		if r == nil || len(r.Index) == 0 {
			return nil
		}
		out := make([]int64, n)
		for i := range out {
			out[i] = -1
		}
		for k, i := range r.Index {
			if int(i) < n && k < len(r.Value) {
				out[i] = int64(r.Value[k])
			}
		}
		return out
	}
	dc.inputValue = rareStr(nt.InputValue)
	dc.textValue = rareStr(nt.TextValue)
	rareBool := func(r *domsnapshot.RareBooleanData) []bool {
		if r == nil {
			return nil
		}
		out := make([]bool, n)
		for _, i := range r.Index {
			if int(i) < n {
				out[i] = true
			}
		}
		return out
	}
	dc.checked = rareBool(nt.InputChecked)
	dc.selected = rareBool(nt.OptionSelected)

	dc.layout = make([]int32, n)
	for i := range dc.layout {
		dc.layout[i] = -1
	}
	dc.hasLayoutBelow = make([]bool, n)
	if l := d.Layout; l != nil {
		for k := len(l.NodeIndex) - 1; k >= 0; k-- { // the first entry wins
			if i := l.NodeIndex[k]; i >= 0 && int(i) < n {
				dc.layout[i] = int32(k)
			}
		}
	}
	// mark ancestors of laid-out nodes (children come after their parents)
	for i := n - 1; i >= 0; i-- {
		if dc.layout[i] >= 0 && dc.pseudo[i] == "" {
			dc.hasLayoutBelow[i] = true
		}
		if dc.hasLayoutBelow[i] {
			if p := dc.parent[i]; p >= 0 && int(p) < n {
				dc.hasLayoutBelow[p] = true
			}
		}
	}
	dc.isSlot = make([]bool, n)
	for i := 0; i < n; i++ {
		if nt.NodeType[i] == 1 && dc.mode[i] != "" && strings.EqualFold(c.str(nt.NodeName[i]), "slot") {
			dc.isSlot[i] = true
		}
	}
	return dc
}

// frameOffsets computes where each frame's document sits in the top
// document: the frame element's content box, less the frame's scroll.
func (c *converter) frameOffsets() {
	done := make([]bool, len(c.docs))
	done[0] = true
	for changed := true; changed; {
		changed = false
		for _, d := range c.docs {
			for i, sub := range d.contentDoc {
				if sub <= 0 || sub >= len(c.docs) || done[sub] || !done[c.index(d)] {
					continue
				}
				off := d.offset
				if k := d.layout[i]; k >= 0 {
					l := d.snap.Layout
					if b := rect(l.Bounds, int(k)); b != nil {
						off.X += b.X
						off.Y += b.Y
					}
					if cr := rect(l.ClientRects, int(k)); cr != nil {
						off.X += cr.X
						off.Y += cr.Y
					} else if int(k) < len(l.Styles) {
						// no DOM rectangles: the content box starts inside
						// the frame's border and padding
						off.X += c.styleLength(l.Styles[k], "border-left-width") + c.styleLength(l.Styles[k], "padding-left")
						off.Y += c.styleLength(l.Styles[k], "border-top-width") + c.styleLength(l.Styles[k], "padding-top")
					}
				}
				sd := c.docs[sub].snap
				off.X -= sd.ScrollOffsetX
				off.Y -= sd.ScrollOffsetY
				c.docs[sub].offset = off
				done[sub] = true
				changed = true
			}
		}
	}
}

func (c *converter) index(d *docConv) int { return slices.Index(c.docs, d) }

func rect(rs []domsnapshot.Rectangle, k int) *a11y.Rect {
	if k < 0 || k >= len(rs) || len(rs[k]) < 4 {
		return nil
	}
	r := rs[k]
	return &a11y.Rect{X: r[0], Y: r[1], Width: r[2], Height: r[3]}
}

// ambiguous lists the backend ids of nodes whose shape the flattened tree
// does not tell: elements that may host a shadow root, inside a shadow tree,
// whose flat children are in a shadow tree of the same mode (a nested host,
// or plain light children?), and slots whose children share the slot's mode
// (assigned nodes, or fallback content?).
func (c *converter) ambiguous(d *docConv) []int64 {
	nt := d.snap.Nodes
	seen := map[int64]bool{}
	var out []int64
	for i := 0; i < d.n; i++ {
		p := d.parent[i]
		if p < 0 || d.mode[i] == "" || d.pseudo[i] != "" || nt.NodeType[p] != 1 || d.mode[p] != d.mode[i] {
			continue
		}
		if !d.isSlot[p] && !mayHostShadow(c.str(nt.NodeName[p])) {
			continue
		}
		if id := int64(nt.BackendNodeID[p]); !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// mayHostShadow reports whether an element with this name can have a
// shadow root attached: a custom element or one of the HTML elements the
// DOM standard allows.
func mayHostShadow(name string) bool {
	name = strings.ToLower(name)
	if strings.Contains(name, "-") {
		return true
	}
	switch name {
	case "article", "aside", "blockquote", "body", "div", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
		"header", "main", "nav", "p", "section", "span":
		return true
	}
	return false
}

// build creates the nodes of one document and links them into light trees,
// shadow roots and slots.
func (c *converter) build(d *docConv) {
	nt := d.snap.Nodes
	d.store = make([]a11y.Node, d.n)
	d.nodes = make([]*a11y.Node, d.n)
	ns := make([]string, d.n)
	scopeHost := make([]int, d.n) // index of the host whose shadow tree holds the node, -1 none
	d.host = map[int]bool{}

	// hosts: an element whose flat children live in another shadow tree
	for i := 0; i < d.n; i++ {
		p := d.parent[i]
		if p < 0 || d.mode[i] == "" || d.pseudo[i] != "" || d.isSlot[p] || nt.NodeType[p] != 1 {
			continue
		}
		if d.mode[p] != d.mode[i] {
			d.host[int(p)] = true
		} else if s, ok := c.shapes[int64(nt.BackendNodeID[p])]; ok && s.ShadowRoot {
			d.host[int(p)] = true
		}
	}

	for i := 0; i < d.n; i++ {
		scopeHost[i] = -1
		typ := nt.NodeType[i]
		p := int(d.parent[i])
		if p >= 0 && d.nodes[p] == nil {
			continue // inside a node we dropped
		}
		if d.mode[i] == "user-agent" {
			continue
		}
		if d.pseudo[i] != "" {
			if p >= 0 && typ == 1 {
				c.pseudoText(d, i, d.nodes[p])
			}
			continue
		}
		n := &d.store[i]
		n.BackendID = int64(nt.BackendNodeID[i])
		switch typ {
		case 1:
			n.Type = a11y.ElementNode
		case 3, 4:
			n.Type = a11y.TextNode
			n.Data = c.str(nt.NodeValue[i])
		case 8:
			n.Type = a11y.CommentNode
			n.Data = c.str(nt.NodeValue[i])
		case 9:
			n.Type = a11y.DocumentNode
		case 10:
			n.Type = a11y.DoctypeNode
			n.Data = strings.ToLower(c.str(nt.NodeName[i]))
		default:
			continue
		}
		d.nodes[i] = n
		if p < 0 {
			if typ == 9 && d.root == nil {
				d.root = n
			}
			continue
		}

		// where does the node belong in the light tree?
		parent := d.nodes[p]
		pns := ns[p]
		switch {
		case d.host[p]:
			sr := parent.Shadow
			if sr == nil {
				sr = &a11y.Node{Type: a11y.ShadowRootNode, Data: d.mode[i], Host: parent}
				parent.Shadow = sr
			}
			a11y.AppendChild(sr, n)
			scopeHost[i] = p
		case d.isSlot[p] && scopeHost[p] >= 0 && c.assigned(d, i, p):
			h := scopeHost[p]
			a11y.AppendChild(d.nodes[h], n)
			scopeHost[i] = scopeHost[h]
			pns = ns[h]
			if c.reorder == nil {
				c.reorder = map[*a11y.Node]bool{}
			}
			c.reorder[d.nodes[h]] = true
		default:
			a11y.AppendChild(parent, n)
			scopeHost[i] = scopeHost[p]
		}
		if typ == 1 {
			c.element(d, i, n, pns, ns)
		} else if typ == 3 || typ == 4 {
			if k := d.layout[i]; k >= 0 {
				n.Box = d.box(int(k))
			}
		}
	}
	for i := 0; i < d.n; i++ {
		if n := d.nodes[i]; n != nil && n.Type == a11y.ElementNode && n.Style == nil {
			n.Style = c.unlaidStyle(d, i)
		}
	}
}

// assigned decides whether node i, a flat child of slot p, is assigned to
// the slot (a light child of the slot's host) or the slot's fallback content.
func (c *converter) assigned(d *docConv, i, p int) bool {
	if d.mode[i] != d.mode[p] {
		return true
	}
	nt := d.snap.Nodes
	if s, ok := c.shapes[int64(nt.BackendNodeID[p])]; ok {
		return slices.Contains(s.Assigned, int64(nt.BackendNodeID[i]))
	}
	return true
}

// element fills in an element's name, namespace, attributes and browser facts.
func (c *converter) element(d *docConv, i int, n *a11y.Node, parentNS string, ns []string) {
	nt := d.snap.Nodes
	name := c.str(nt.NodeName[i])
	lower := strings.ToLower(name)
	space := a11y.NamespaceHTML
	switch parentNS {
	case a11y.NamespaceSVG:
		space = a11y.NamespaceSVG
		if pn := d.nodes[int(d.parent[i])]; pn != nil && pn.Type == a11y.ElementNode && pn.Data == "foreignObject" {
			space = a11y.NamespaceHTML
		}
	case a11y.NamespaceMath:
		space = a11y.NamespaceMath
		if pn := d.nodes[int(d.parent[i])]; pn != nil && pn.Type == a11y.ElementNode && (pn.Data == "annotation-xml" || pn.Data == "mtext") {
			space = a11y.NamespaceHTML
		}
	}
	if space == a11y.NamespaceHTML {
		switch lower {
		case "svg":
			space = a11y.NamespaceSVG
		case "math":
			space = a11y.NamespaceMath
		}
	}
	ns[i] = space
	if space == a11y.NamespaceHTML {
		n.Data = lower
	} else {
		n.Data = name
	}
	n.Namespace = space
	n.DataAtom = atom.Lookup([]byte(n.Data))

	if i < len(nt.Attributes) {
		a := nt.Attributes[i]
		if len(a) >= 2 {
			n.Attr = make([]html.Attribute, 0, len(a)/2)
			for k := 0; k+1 < len(a); k += 2 {
				key, val := c.strIdx(a[k]), c.strIdx(a[k+1])
				attr := html.Attribute{Key: key, Val: val}
				if space != a11y.NamespaceHTML {
					if pre, local, ok := strings.Cut(key, ":"); ok && (pre == "xlink" || pre == "xml" || pre == "xmlns") {
						attr.Namespace, attr.Key = pre, local
					}
				}
				n.Attr = append(n.Attr, attr)
			}
		}
	}

	var ua *uaEntry
	if len(c.modeled) > 0 {
		ua = c.uaOf(d, i, n)
	}
	if k := d.layout[i]; k >= 0 {
		l := d.snap.Layout
		n.Box = d.box(int(k))
		if int(k) < len(l.Styles) {
			n.Style = c.style(l.Styles[k], ua)
		}
		if int(k) < len(l.PaintOrders) {
			n.PaintOrder = int(l.PaintOrders[k])
		}
		n.Scroll = rect(l.ScrollRects, int(k))
		n.Client = rect(l.ClientRects, int(k))
	}

	if space == a11y.NamespaceHTML {
		switch lower {
		case "input":
			v := "" // the snapshot leaves out empty values
			if d.inputValue != nil && d.inputValue[i] >= 0 {
				v = c.strIdx(d.inputValue[i])
				if strings.EqualFold(strings.TrimSpace(n.Get("type")), "password") && v != "" {
					v = Mask
				}
			}
			n.Value = &v
			switch strings.ToLower(strings.TrimSpace(n.Get("type"))) {
			case "checkbox", "radio":
				on := d.checked != nil && d.checked[i]
				n.Checked = &on
			}
		case "textarea":
			v := ""
			if d.textValue != nil && d.textValue[i] >= 0 {
				v = c.strIdx(d.textValue[i])
			}
			n.Value = &v
		case "option":
			on := d.selected != nil && d.selected[i]
			n.Checked = &on
			if on {
				if sel := n.Closest(func(e *a11y.Node) bool { return e.Is(atom.Select) }); sel != nil && sel.Value == nil {
					v, ok := n.AttrValue("value")
					if !ok {
						v = strings.Join(strings.Fields(n.Text()), " ")
					}
					sel.Value = &v
				}
			}
		}
	}
	if c.opts.Focused != 0 && n.BackendID == c.opts.Focused {
		n.Focused = true
	}
}

// box returns layout object k's bounds in top-document coordinates.
func (d *docConv) box(k int) *a11y.Rect {
	b := rect(d.snap.Layout.Bounds, k)
	if b == nil {
		return nil
	}
	b.X += d.offset.X
	b.Y += d.offset.Y
	return b
}

// styleLength returns a captured length property of one layout object in
// CSS pixels (0 when absent or not a pixel length).
func (c *converter) styleLength(idx domsnapshot.ArrayOfStrings, prop string) float64 {
	v, _ := a11y.ParseLength(c.style(idx, nil)[prop], 16, 16)
	return v
}

// style returns the (shared) map of one layout object's computed styles;
// ua gives the values of the modeled properties.
func (c *converter) style(idx domsnapshot.ArrayOfStrings, ua *uaEntry) map[string]string {
	c.key = c.key[:0]
	for _, v := range idx {
		c.key = binary.AppendVarint(c.key, v)
	}
	if ua != nil {
		c.key = append(c.key, 0xff)
		c.key = binary.AppendUvarint(c.key, uint64(ua.id))
	}
	if m, ok := c.styles[string(c.key)]; ok {
		return m
	}
	m := make(map[string]string, len(idx)+len(c.pruned)+len(c.modeled)+12)
	for k, v := range idx {
		if k < len(c.props) && v >= 0 {
			if sides, ok := boxShorthands[c.props[k]]; ok {
				expandBox(m, sides, c.strIdx(v))
			} else {
				m[c.props[k]] = c.strIdx(v)
			}
		}
	}
	if ua != nil {
		for _, p := range c.modeled {
			m[p] = ua.style.value(p)
		}
	}
	for _, p := range c.pruned {
		if v := prunable[p]; v == "currentcolor" {
			m[p] = m["color"]
		} else {
			m[p] = v
		}
	}
	c.styles[string(c.key)] = m
	return m
}

// uaOf works out and keeps the user agent style of element i (node n),
// from its parent's. It records errUnmodeled when the element needs a
// left-out property that the element alone cannot tell.
func (c *converter) uaOf(d *docConv, i int, n *a11y.Node) *uaEntry {
	if d.ua == nil {
		d.ua = make([]*uaEntry, d.n)
	}
	parent, hasParent := &uaRoot, false
	if p := int(d.parent[i]); p >= 0 {
		// below a shadow root the element is no :root, yet inherits
		// nothing the scan let through (see uaModeled)
		hasParent = d.snap.Nodes.NodeType[p] != 9
		if d.ua[p] != nil {
			parent = &d.ua[p].style
		}
	}
	u, unsure := uaValues(n, parent, hasParent)
	if c.inheritedModeled && d.mode[i] != "" {
		// inherited along the flat tree
		for p, inherited := range uaModeled {
			if inherited {
				unsure = append(unsure, p)
			}
		}
	}
	if d.layout[i] < 0 && !d.hasLayoutBelow[i] {
		unsure = nil // nothing of it is drawn: its styles tell nothing
	}
	for _, p := range unsure {
		if slices.Contains(c.modeled, p) {
			c.err = errUnmodeled
		}
	}
	e, ok := c.ua[u]
	if !ok {
		e = &uaEntry{style: u, id: len(c.ua)}
		c.ua[u] = e
	}
	d.ua[i] = e
	return e
}

// uaEntry is one interned user agent style, numbered for the keys of the
// shared style maps.
type uaEntry struct {
	style uaStyle
	id    int
}

// unlaidStyle tells what is known of an element without a layout object.
func (c *converter) unlaidStyle(d *docConv, i int) map[string]string {
	n := d.nodes[i]
	if d.hasLayoutBelow[i] || n.Data == "slot" {
		return styleContents
	}
	if n.Namespace != a11y.NamespaceHTML {
		return styleUnknown
	}
	switch n.Data {
	case "option", "optgroup", "area", "source", "track", "param", "col", "colgroup":
		return styleUnknown
	}
	p := n.Parent
	if p == nil || p.Type != a11y.ElementNode {
		if p != nil && p.Type == a11y.ShadowRootNode {
			p = p.Host
		} else {
			return styleNone
		}
	}
	// below something whose children are not laid out as boxes of their own
	switch p.Data {
	case "select", "datalist", "canvas", "video", "audio", "object", "iframe", "frame", "picture", "map", "textarea", "noscript":
		return styleUnknown
	}
	if p.Style != nil && p.Box == nil {
		// the parent is not rendered itself: nothing to say about the child
		return styleUnknown
	}
	return styleNone
}

// pseudoText appends the text of a ::before or ::after pseudo-element to its
// owner element.
func (c *converter) pseudoText(d *docConv, i int, owner *a11y.Node) {
	kind := d.pseudo[i]
	if kind != "before" && kind != "after" {
		return
	}
	l := d.snap.Layout
	if l == nil {
		return
	}
	var b strings.Builder
	for k := d.layout[i]; k >= 0 && int(k) < len(l.NodeIndex); k++ {
		if l.NodeIndex[k] != int64(i) {
			break
		}
		if int(k) < len(l.Text) && l.Text[k] >= 0 {
			b.WriteString(c.str(l.Text[k]))
		}
	}
	if kind == "before" {
		owner.Before += b.String()
	} else {
		owner.After += b.String()
	}
}

// orderLightChildren restores the document order of a host's light
// children that reached the snapshot through several slots.
func (c *converter) orderLightChildren() {
	if len(c.reorder) == 0 || c.opts.Describe == nil {
		return
	}
	var ids []int64
	for h := range c.reorder {
		ids = append(ids, h.BackendID)
	}
	shapes := c.opts.Describe(ids, true)
	for h := range c.reorder {
		s, ok := shapes[h.BackendID]
		if !ok || len(s.Children) == 0 {
			continue
		}
		pos := make(map[int64]int, len(s.Children))
		for k, id := range s.Children {
			pos[id] = k
		}
		var kids []*a11y.Node
		for ch := h.FirstChild; ch != nil; ch = ch.NextSibling {
			kids = append(kids, ch)
		}
		slices.SortStableFunc(kids, func(a, b *a11y.Node) int {
			pa, oka := pos[a.BackendID]
			pb, okb := pos[b.BackendID]
			switch {
			case oka && okb:
				return pa - pb
			case oka:
				return -1
			case okb:
				return 1
			}
			return 0
		})
		h.FirstChild, h.LastChild = nil, nil
		for _, ch := range kids {
			ch.Parent, ch.PrevSibling, ch.NextSibling = nil, nil, nil
			a11y.AppendChild(h, ch)
		}
	}
}
