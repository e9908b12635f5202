package checker

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"sync"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/domsnapshot"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/delaktig/delaktig/a11y"
)

// Computed styles are most of what a capture costs: Chrome serialises every
// requested property for every layout object, text runs included (about
// 55 ms per property on a page of 58,000 elements). Many of the properties
// the rules read (filters, shadows, transforms, spacing) keep their initial
// value on every element unless a style sheet, a style attribute or a
// presentational attribute sets them: the user agent's own style sheet never
// does. So before capturing, Delaktig asks the page which properties its
// styles declare at all, and leaves out the ones nothing declares; the
// conversion fills those in with their initial value. When the page hides
// some of its styles (a cross-origin style sheet, a closed shadow root, a
// frame the page cannot read), every property is captured.

// prunable maps each property that may be left out of a capture to the
// computed value it has when nothing declares it. The user agent style sheet
// sets none of them to anything else (a test renders every HTML element with
// no author style and checks it), but for the focus ring it draws around
// the focused element: Snapshot asks for that element's outline apart.
// "currentcolor" stands for the element's own color, which is what
// "-webkit-text-fill-color" and "outline-color" compute to by default.
var prunable = map[string]string{
	"transform":                 "none",
	"clip":                      "auto",
	"clip-path":                 "none",
	"filter":                    "none",
	"backdrop-filter":           "none",
	"mix-blend-mode":            "normal",
	"text-shadow":               "none",
	"box-shadow":                "none",
	"-webkit-text-stroke-width": "0px",
	"-webkit-text-fill-color":   "currentcolor",
	"outline-style":             "none",
	"outline-width":             "3px",
	"outline-color":             "currentcolor",
	"background-image":          "none",
	"background-clip":           "border-box",
	"float":                     "none",
	"text-transform":            "none",
	"content-visibility":        "visible",
	"visibility":                "visible",
}

// styleScanScript lists the CSS properties that any style of the page may
// set, each with the values declared for it (at most 16; "*" stands for
// more, or for a value set by an attribute): every declaration of every
// readable style sheet (nested rules, @media, @supports, @layer, @import and
// @keyframes included, adopted sheets and open shadow roots' sheets too),
// every style attribute, and the properties presentational attributes set
// (SVG presentation attributes, align, background, hidden=until-found,
// MathML's automatic italic), and the uaModeled properties that an
// element's state decides (dialogs, popovers, frame sets, MathML links,
// open shadow roots: see uaModeled). Opaque is true when some style cannot be
// read: a cross-origin style sheet or frame, or more nodes than it is worth
// walking. Documents counts the documents read (the page and its
// same-origin frames).
const styleScanScript = `(() => {
	const vals = new Map();
	let opaque = false, documents = 0, seen = 0;
	const add = (p, v) => {
		let s = vals.get(p);
		if (!s) { s = new Set(); vals.set(p, s); }
		if (s.size < 16) s.add(v); else s.add("*");
	};
	const decl = (st) => {
		if (st) for (let i = 0; i < st.length; i++) add(st[i], st.getPropertyValue(st[i]).trim().toLowerCase());
	};
	const rules = (list) => {
		if (!list) return;
		for (const r of list) {
			if (r.style) decl(r.style);
			if (r.styleSheet) sheet(r.styleSheet);
			if (r.cssRules) rules(r.cssRules);
		}
	};
	const sheet = (s) => {
		let list = null;
		try { list = s.cssRules; } catch (e) { opaque = true; return; }
		rules(list);
	};
	const svgAttrs = ["opacity", "transform", "clip", "clip-path", "filter", "mix-blend-mode", "text-transform", "outline-style", "outline-width", "outline-color"];
	const root = (r) => {
		for (const s of r.styleSheets || []) sheet(s);
		for (const s of r.adoptedStyleSheets || []) sheet(s);
		const walker = (r.ownerDocument || r).createTreeWalker(r, 1);
		for (let e = walker.currentNode; e; e = walker.nextNode()) {
			if (++seen > 500000) { opaque = true; return; }
			if (e.nodeType !== 1) continue;
			if (e.hasAttribute("style")) decl(e.style);
			if (e.namespaceURI === "http://www.w3.org/2000/svg") {
				for (const a of svgAttrs) if (e.hasAttribute(a)) add(a, "*");
			} else if (e.namespaceURI === "http://www.w3.org/1998/Math/MathML") {
				add("text-transform", "*");
				if (e.hasAttribute("href")) { add("cursor", "*"); add("text-decoration-line", "*"); }
			}
			if (e.hasAttribute("align")) add("float", "*");
			if (e.hasAttribute("background")) add("background-image", "*");
			if ((e.getAttribute("hidden") || "").toLowerCase() === "until-found") add("content-visibility", "*");
			const tag = e.localName;
			if (tag === "dialog" || e.hasAttribute("popover")) { add("position", "*"); add("overflow-x", "*"); add("overflow-y", "*"); }
			if (tag === "frame" || tag === "frameset") { add("cursor", "*"); add("overflow-x", "*"); add("overflow-y", "*"); }
			if (e.shadowRoot) { add("cursor", "*"); add("font-style", "*"); root(e.shadowRoot); }
			if (tag === "iframe" || tag === "frame" || tag === "object" || tag === "embed") {
				let d = null;
				try { d = e.contentDocument || (e.getSVGDocument && e.getSVGDocument()); } catch (x) { opaque = true; }
				if (d) { documents++; root(d); }
				else if (tag !== "object" && tag !== "embed") opaque = true;
			}
		}
	};
	documents = 1;
	root(document);
	const props = {};
	for (const [p, s] of vals) props[p] = Array.from(s);
	return {props, opaque, documents};
})()`

// styleScan is what styleScanScript answers.
type styleScan struct {
	Props     map[string][]string `json:"props"`
	Opaque    bool                `json:"opaque"`
	Documents int                 `json:"documents"`
}

// declares reports whether the scan found a declaration that can give
// prunable property p another value than its initial one. A CSS-wide
// keyword cannot: it gives the initial value, the user agent's (the
// initial one, for these properties) or the parent's, which is initial
// unless another declaration, seen too, says otherwise.
func (s *styleScan) declares(p string) bool {
	for _, v := range s.Props[p] {
		switch v {
		case "initial", "inherit", "unset", "revert", "revert-layer", prunable[p]:
			continue
		case "medium":
			if p == "outline-width" {
				continue
			}
		}
		return true
	}
	return false
}

// captureProperties returns the properties to capture for a page whose
// styles declare the given ones: StyleProperties without the prunable
// properties nothing declares and the uaModeled ones nothing mentions. A
// nil scan means every property.
func captureProperties(scan *styleScan) []string {
	if scan == nil || scan.Opaque {
		return requested(StyleProperties)
	}
	out := make([]string, 0, len(StyleProperties))
	for _, p := range StyleProperties {
		if _, ok := prunable[p]; ok && !scan.declares(p) {
			continue
		}
		if _, ok := uaModeled[p]; ok && !scan.mentions(p) {
			continue
		}
		out = append(out, p)
	}
	return requested(out)
}

// mentions reports whether the scan found anything that may give uaModeled
// property p another value than the user agent's for the element: any
// declaration of it (a CSS-wide keyword too, as "initial" undoes the user
// agent's value), an element whose state decides it, or, for the
// properties the user agent sets on controls, a declared appearance (a
// control drawn another way takes other user agent styles). The two
// overflow axes go together.
func (s *styleScan) mentions(p string) bool {
	if len(s.Props[p]) > 0 {
		return true
	}
	switch p {
	case "overflow-x", "overflow-y":
		// a scrolling or hidden axis turns the other's visible into auto
		if len(s.Props["overflow-x"])+len(s.Props["overflow-y"]) > 0 {
			return true
		}
		fallthrough
	case "cursor", "position":
		return len(s.Props["appearance"]) > 0
	}
	return false
}

// boxShorthands are the shorthands a capture asks for instead of their four
// longhands (top, right, bottom, left): one value costs Chrome about what
// one longhand does, and the conversion expands it again.
var boxShorthands = map[string][4]string{
	"padding":      {"padding-top", "padding-right", "padding-bottom", "padding-left"},
	"border-width": {"border-top-width", "border-right-width", "border-bottom-width", "border-left-width"},
	"border-style": {"border-top-style", "border-right-style", "border-bottom-style", "border-left-style"},
	"border-color": {"border-top-color", "border-right-color", "border-bottom-color", "border-left-color"},
}

// requested returns the list of properties to ask Chrome for: props with
// every complete group of box longhands replaced by its shorthand.
func requested(props []string) []string {
	out := make([]string, 0, len(props))
	for _, p := range props {
		short := ""
		for s, sides := range boxShorthands {
			if slices.Contains(sides[:], p) {
				short = s
			}
		}
		if short == "" {
			out = append(out, p)
			continue
		}
		complete := true
		for _, side := range boxShorthands[short] {
			complete = complete && slices.Contains(props, side)
		}
		switch {
		case !complete:
			out = append(out, p)
		case !slices.Contains(out, short):
			out = append(out, short)
		}
	}
	return out
}

// leftOut returns the properties of StyleProperties found in table (prunable
// or uaModeled) that a capture of props (as requested) leaves out.
func leftOut[V any](table map[string]V, props []string) []string {
	var out []string
	for _, p := range StyleProperties {
		if _, ok := table[p]; ok && !slices.Contains(props, p) {
			out = append(out, p)
		}
	}
	return out
}

// expandBox stores the four longhands of a box shorthand's computed value:
// one to four values, top right bottom left, a missing one repeating its
// opposite side.
func expandBox(m map[string]string, sides [4]string, v string) {
	parts := slices.DeleteFunc(a11y.SplitTop(v, ' '), func(s string) bool { return s == "" })
	var top, right, bottom, left string
	switch len(parts) {
	case 1:
		top, right, bottom, left = parts[0], parts[0], parts[0], parts[0]
	case 2:
		top, right, bottom, left = parts[0], parts[1], parts[0], parts[1]
	case 3:
		top, right, bottom, left = parts[0], parts[1], parts[2], parts[1]
	case 4:
		top, right, bottom, left = parts[0], parts[1], parts[2], parts[3]
	default:
		return // not a box value: the longhands stay unknown
	}
	m[sides[0]], m[sides[1]], m[sides[2]], m[sides[3]] = top, right, bottom, left
}

// PageCaptureParams returns the parameters of the captureSnapshot call that
// Snapshot makes for the page of a tab: the computed styles the page's own
// styles may change (see StyleProperties) and paint order. It reads the
// page's style sheets, which costs a few milliseconds.
func PageCaptureParams(ctx context.Context) (domsnapshot.CaptureSnapshotParams, error) {
	scan, err := scanStyles(ctx)
	if err != nil {
		return domsnapshot.CaptureSnapshotParams{}, err
	}
	return captureParams(captureProperties(scan)), nil
}

func captureParams(props []string) domsnapshot.CaptureSnapshotParams {
	return domsnapshot.CaptureSnapshotParams{ComputedStyles: props, IncludePaintOrder: new(true)}
}

// scanStyles runs styleScanScript in the page.
func scanStyles(ctx context.Context) (*styleScan, error) {
	scan, err := chromedp.Run(ctx, chromedp.Evaluate[styleScan](styleScanScript))
	if err != nil {
		return nil, fmt.Errorf("checker: read the page's style sheets: %w", err)
	}
	return &scan, nil
}

// captureState makes the snapshot's captureSnapshot call and returns the answer
// with the properties it holds. When the answer shows styles the scan could
// not read (a closed shadow root, a frame it did not see), it captures again
// with every property.
func captureState(ctx context.Context) (*domsnapshot.CaptureSnapshotResult, []string, error) {
	scan, err := scanStyles(ctx)
	if err != nil {
		return nil, nil, err
	}
	props := captureProperties(scan)
	res, err := captureWith(ctx, props)
	if err != nil {
		return nil, nil, err
	}
	if len(leftOut(prunable, props))+len(leftOut(uaModeled, props)) > 0 && hidesStyles(res, scan) {
		return captureEvery(ctx)
	}
	return res, props, nil
}

// captureEvery captures the page with every property of StyleProperties,
// for a page whose styles a pruned capture cannot be sure of.
func captureEvery(ctx context.Context) (*domsnapshot.CaptureSnapshotResult, []string, error) {
	props := requested(StyleProperties)
	res, err := captureWith(ctx, props)
	return res, props, err
}

// captureWith makes the captureSnapshot call with the computed styles props.
func captureWith(ctx context.Context, props []string) (*domsnapshot.CaptureSnapshotResult, error) {
	res, err := chromedp.Call(ctx, captureSnapshot, captureParams(props))
	if err != nil {
		return nil, fmt.Errorf("checker: capture the page: %w", err)
	}
	return (*domsnapshot.CaptureSnapshotResult)(&res), nil
}

// hidesStyles tells whether a snapshot holds styles the scan could not
// read: a closed shadow root or more documents than the scan read.
func hidesStyles(res *domsnapshot.CaptureSnapshotResult, scan *styleScan) bool {
	if len(res.Documents) > scan.Documents {
		return true
	}
	for _, d := range res.Documents {
		if d.Nodes == nil || d.Nodes.ShadowRootType == nil {
			continue
		}
		for _, v := range d.Nodes.ShadowRootType.Value {
			if i := int(v); i >= 0 && i < len(res.Strings) && res.Strings[i] == "closed" {
				return true
			}
		}
	}
	return false
}

// ScrollArea is an element's scroll and client areas, as Element.scrollLeft/
// scrollTop/scrollWidth/scrollHeight and clientLeft/clientTop/clientWidth/
// clientHeight tell them.
type ScrollArea struct {
	Scroll, Client a11y.Rect
}

// maxScrollQueries bounds how many elements one snapshot asks the browser
// about; the others keep no scroll area and rules answer cantTell for them.
const maxScrollQueries = 400

const scrollAreaFunc = `function() {
	return [this.scrollLeft, this.scrollTop, this.scrollWidth, this.scrollHeight,
		this.clientLeft, this.clientTop, this.clientWidth, this.clientHeight];
}`

// scroller returns a SnapshotOptions.Scroll that asks the tab.
func scroller(ctx context.Context) func(ids []int64) map[int64]ScrollArea {
	return func(ids []int64) map[int64]ScrollArea {
		out := askEach(ids, func(id int64) (ScrollArea, bool) {
			var v []float64
			if !callOnNode(ctx, id, "delaktig-scroll", scrollAreaFunc, &v) || len(v) != 8 {
				return ScrollArea{}, false
			}
			return ScrollArea{
				Scroll: a11y.Rect{X: v[0], Y: v[1], Width: v[2], Height: v[3]},
				Client: a11y.Rect{X: v[4], Y: v[5], Width: v[6], Height: v[7]},
			}, true
		})
		_, _ = chromedp.Call(ctx, runtime.ReleaseObjectGroup, runtime.ReleaseObjectGroupParams{ObjectGroup: "delaktig-scroll"})
		return out
	}
}

// askScrollAreas fills in the scroll and client areas of the scroll
// containers under root that have none, as ask answers them.
func askScrollAreas(root *a11y.Node, ask func(ids []int64) map[int64]ScrollArea) {
	nodes := scrollCandidates(root)
	if len(nodes) == 0 {
		return
	}
	ids := make([]int64, len(nodes))
	for i, n := range nodes {
		ids[i] = n.BackendID
	}
	areas := ask(ids)
	for _, n := range nodes {
		if a, ok := areas[n.BackendID]; ok {
			n.Scroll, n.Client = &a.Scroll, &a.Client
		}
	}
}

// scrollCandidates returns the elements whose scroll areas rules may need:
// rendered elements whose overflow lets them scroll and that have no area
// yet, at most maxScrollQueries of them.
func scrollCandidates(root *a11y.Node) []*a11y.Node {
	var out []*a11y.Node
	var walk func(n *a11y.Node)
	walk = func(n *a11y.Node) {
		for ; n != nil; n = n.NextSibling {
			if len(out) >= maxScrollQueries {
				return
			}
			if n.Type == a11y.ElementNode && n.Box != nil && n.Scroll == nil && n.BackendID != 0 && scrolls(n.Style) {
				out = append(out, n)
			}
			if n.Shadow != nil {
				walk(n.Shadow)
			}
			if n.Content != nil {
				walk(n.Content)
			}
			walk(n.FirstChild)
		}
	}
	walk(root)
	return out
}

func scrolls(style map[string]string) bool {
	scrollable := []string{"auto", "scroll", "overlay"}
	return slices.Contains(scrollable, style["overflow-x"]) || slices.Contains(scrollable, style["overflow-y"])
}

const outlineFunc = `function() {
	const cs = getComputedStyle(this);
	return [cs.outlineStyle, cs.outlineWidth, cs.outlineColor];
}`

// focusOutline gives the focused element of doc its own computed outline
// when the capture left the outline out: the user agent's focus ring is the
// one outline no style sheet declares.
func focusOutline(ctx context.Context, doc *a11y.Document, props []string) {
	if slices.Contains(props, "outline-style") {
		return
	}
	var focused *a11y.Node
	for n := range doc.Elements() {
		if n.Focused && n.Style != nil && n.BackendID != 0 {
			focused = n
			break
		}
	}
	if focused == nil {
		return
	}
	var v []string
	ok := callOnNode(ctx, focused.BackendID, "delaktig-focus", outlineFunc, &v)
	_, _ = chromedp.Call(ctx, runtime.ReleaseObjectGroup, runtime.ReleaseObjectGroupParams{ObjectGroup: "delaktig-focus"})
	if !ok || len(v) != 3 {
		return
	}
	m := maps.Clone(focused.Style) // style maps are shared
	m["outline-style"], m["outline-width"], m["outline-color"] = v[0], v[1], v[2]
	focused.Style = m
}

// callOnNode calls the JavaScript function fn with the node of backend id
// as this, in the object group group (the caller releases it), and decodes
// its value into out. It reports whether all of that worked.
func callOnNode(ctx context.Context, id int64, group, fn string, out any) bool {
	r, err := chromedp.Call(ctx, dom.ResolveNode, dom.ResolveNodeParams{BackendNodeID: cdp.BackendNodeID(id), ObjectGroup: group})
	if err != nil || r.Object == nil || r.Object.ObjectID == "" {
		return false
	}
	res, err := chromedp.Call(ctx, runtime.CallFunctionOn, runtime.CallFunctionOnParams{
		FunctionDeclaration: fn, ObjectID: r.Object.ObjectID, ReturnByValue: new(true),
	})
	if err != nil || res.ExceptionDetails != nil || res.Result == nil {
		return false
	}
	return json.Unmarshal(res.Result.Value, out) == nil
}

// askEach calls ask for every id, eight at a time (the protocol answers
// calls in parallel), and returns the answers that came.
func askEach[T any](ids []int64, ask func(id int64) (T, bool)) map[int64]T {
	out := make(map[int64]T, len(ids))
	var mu sync.Mutex
	var wg sync.WaitGroup
	sem := make(chan struct{}, 8)
	for _, id := range ids {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			if v, ok := ask(id); ok {
				mu.Lock()
				out[id] = v
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	return out
}
