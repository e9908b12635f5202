package rules

import (
	"strings"

	"golang.org/x/net/html/atom"

	"github.com/delaktig/delaktig/a11y"
)

// ScrollableRegionFocusable: an element whose content scrolls can be reached
// with the keyboard: it is in the Tab order itself or holds an element that
// is. ACT 0ssw9k, WCAG 2.1.1.
//
// The rule applies to visible HTML elements with visible content whose
// computed overflow-x or overflow-y is auto or scroll and whose scroll
// distance on that axis (scroll size minus client size) is larger than the
// padding on that axis (the larger side, as ACT's examples read it: a few
// pixels of scroll within the padding do not count). The root and body elements scroll the
// viewport, which the keyboard reaches anyway, and frames scroll their own
// document: both are left out. Without scroll sizes from the source the
// answer is cantTell.
//
// Some browsers put scrollable elements in the Tab order by themselves;
// ACT's expectation, followed here, is about the page's own markup.
var ScrollableRegionFocusable = &a11y.Rule{
	ID:       "scrollable-region-focusable",
	WCAG:     []string{"2.1.1"},
	ACT:      []string{"0ssw9k"},
	EN301549: []string{"9.2.1.1"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM | a11y.NeedsStyle | a11y.NeedsLayout,
	Messages: []a11y.Msg{scrollFocusable, scrollHasFocusable, scrollNotFocusable, scrollUnknown},
	Tags:     []string{"keyboard"},
	Since:    "0.1.0",
	Run:      runScrollableRegionFocusable,
}

const (
	scrollFocusable    a11y.Msg = "scrollable-region-focusable.focusable"
	scrollHasFocusable a11y.Msg = "scrollable-region-focusable.has-focusable"
	scrollNotFocusable a11y.Msg = "scrollable-region-focusable.not-focusable"
	scrollUnknown      a11y.Msg = "scrollable-region-focusable.unknown-size"
)

func runScrollableRegionFocusable(p *a11y.Pass) error {
	r := p.Doc.Rendering()
	for n := range p.Elements() {
		if n.Namespace != a11y.NamespaceHTML || n.Is(atom.Html, atom.Body, atom.Iframe, atom.Frame, atom.Object, atom.Embed) {
			continue
		}
		ox, oy := strings.ToLower(r.Style(n, "overflow-x")), strings.ToLower(r.Style(n, "overflow-y"))
		sx, sy := ox == "auto" || ox == "scroll", oy == "auto" || oy == "scroll"
		if !sx && !sy || !r.Visible(n) {
			continue
		}
		if !hasVisibleContent(r, n) {
			continue
		}
		if n.Scroll == nil || n.Client == nil {
			if tabbableWithin(p, n) == nil {
				p.CantTell(n, scrollUnknown, a11y.Ask(questionScrolls))
			}
			continue
		}
		px := func(prop string) float64 {
			v, _ := a11y.ParseLength(r.Style(n, prop), 16, 16)
			return v
		}
		scrolls := false
		if d := n.Scroll.Width - n.Client.Width; sx && d > 0 && d > max(px("padding-left"), px("padding-right")) {
			scrolls = true
		}
		if d := n.Scroll.Height - n.Client.Height; sy && d > 0 && d > max(px("padding-top"), px("padding-bottom")) {
			scrolls = true
		}
		if !scrolls {
			continue
		}
		switch f := tabbableWithin(p, n); {
		case f == n:
			p.Pass(n, scrollFocusable)
		case f != nil:
			p.Pass(n, scrollHasFocusable, a11y.Related{f})
		default:
			p.Fail(n, scrollNotFocusable)
		}
	}
	return nil
}

// questionScrolls asks whether an element's content scrolls.
const questionScrolls = "scrollable-region-focusable.scrolls"

// tabbableWithin returns n when it is in the sequential focus order, else
// the first flat-tree descendant that is, else nil.
func tabbableWithin(p *a11y.Pass, n *a11y.Node) *a11y.Node {
	if p.Tabbable(n) {
		return n
	}
	var found *a11y.Node
	var walk func(e *a11y.Node) bool
	walk = func(e *a11y.Node) bool {
		for c := range e.FlatChildren() {
			if c.Type != a11y.ElementNode {
				continue
			}
			if p.Tabbable(c) && !p.Hidden(c) {
				found = c
				return false
			}
			if !walk(c) {
				return false
			}
		}
		return true
	}
	walk(n)
	return found
}

// hasVisibleContent reports whether element n has a visible descendant in
// the flat tree: text, a replaced element or a form control, or an element
// that paints a background or a border.
func hasVisibleContent(r *a11y.Rendering, n *a11y.Node) bool {
	for c := range n.FlatChildren() {
		switch c.Type {
		case a11y.TextNode:
			if r.TextVisible(c) {
				return true
			}
		case a11y.ElementNode:
			if !r.Visible(c) {
				continue
			}
			if c.Namespace == a11y.NamespaceSVG || c.Is(atom.Img, atom.Video, atom.Canvas, atom.Iframe, atom.Embed,
				atom.Object, atom.Input, atom.Select, atom.Textarea, atom.Button, atom.Meter, atom.Progress) {
				return true
			}
			if paintsBox(r, c) || hasVisibleContent(r, c) {
				return true
			}
		}
	}
	return false
}

// paintsBox reports whether element e draws a background or a border of its own.
func paintsBox(r *a11y.Rendering, e *a11y.Node) bool {
	if e.Box == nil || e.Box.Empty() {
		return false
	}
	if bg, ok := r.Color(e, "background-color"); !ok || bg.A > 0 {
		return true
	}
	if !strings.EqualFold(r.Style(e, "background-image"), "none") {
		return true
	}
	for _, side := range []string{"top", "right", "bottom", "left"} {
		st := strings.ToLower(r.Style(e, "border-"+side+"-style"))
		w, _ := a11y.ParseLength(r.Style(e, "border-"+side+"-width"), 16, 16)
		if st != "none" && st != "hidden" && w > 0 {
			if c, ok := r.Color(e, "border-"+side+"-color"); !ok || c.A > 0 {
				return true
			}
		}
	}
	return false
}
