package a11y

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/net/html/atom"
)

// This file answers questions about how a rendered document looks: whether an
// element or a piece of text can be seen, and which colours lie behind it.
// It reads the computed styles and boxes a browser source stores in Node.Style
// and Node.Box, and degrades to inline styles when they are missing.

// RenderedProperties lists the computed CSS properties the rendered rules read.
// A browser source should capture at least these for every element; a
// property missing from Node.Style is taken as inherited (for inherited
// properties) or as its initial value.
var RenderedProperties = []string{
	"display", "visibility", "content-visibility", "opacity", "position", "float",
	"overflow-x", "overflow-y", "clip", "clip-path", "transform",
	"color", "-webkit-text-fill-color", "-webkit-text-stroke-width",
	"background-color", "background-image", "background-clip",
	"text-shadow", "filter", "backdrop-filter", "mix-blend-mode",
	"font-size", "font-weight", "font-style", "font-family", "text-decoration-line",
	"padding-top", "padding-right", "padding-bottom", "padding-left",
	"border-top-width", "border-right-width", "border-bottom-width", "border-left-width",
	"border-top-style", "border-right-style", "border-bottom-style", "border-left-style",
	"border-top-color", "border-right-color", "border-bottom-color", "border-left-color",
	"outline-style", "outline-width", "outline-color", "box-shadow", "appearance",
}

// Doubt names why the colours behind something could not be decided.
type Doubt string

// The doubts Rendering reports. The empty Doubt means the answer is exact.
const (
	// DoubtImage: a background image (url(), image-set()…) lies behind the content.
	DoubtImage Doubt = "background-image"
	// DoubtOverlap: another element that paints something overlaps the content.
	DoubtOverlap Doubt = "overlap"
	// DoubtEffect: a filter, blend mode, backdrop filter or background
	// clipped to text changes the colours.
	DoubtEffect Doubt = "effect"
	// DoubtPositioned: the content is only partly over an ancestor's
	// background (it was moved out of it).
	DoubtPositioned Doubt = "positioned"
	// DoubtColor: a colour value could not be read.
	DoubtColor Doubt = "color"
)

// ColorPair is a foreground colour and the background colour it is painted
// over, both opaque, as the user sees them.
type ColorPair struct{ FG, BG Color }

// Backdrop is what Rendering.Colors found behind some content.
type Backdrop struct {
	// Pairs holds one pair per possible background colour: one for a flat
	// background, several when a gradient lies behind the content.
	Pairs []ColorPair
	// Doubt is set when the page makes the pairs unsure; the pairs are
	// then the best guess ignoring the cause.
	Doubt Doubt
	// By is the element causing the doubt, when there is one.
	By *Node
}

// canvasColor is the colour browsers give the canvas when the page sets none.
var canvasColor = Color{R: 255, G: 255, B: 255, A: 1}

// Rendering answers questions about the rendered look of one document:
// visibility of elements and text, and the colours behind them. Rules take
// the document's shared one (Document.Rendering); it memoises per node and
// is not safe for concurrent use.
type Rendering struct {
	doc     *Document
	owner   map[*Node]*Node // frame document node → frame element
	visible map[*Node]bool
	content map[*Node]bool // contentShown, memoised
	// backgrounds and canvases memoise Colors' facts of elements
	backgrounds map[*Node]*backgroundFacts
	canvases    map[*Node]*Node
	clips       map[*Node][]Rect // clipsInside, memoised
	grid        *paintGrid
	colors      map[string]parsedColor // computed values seen, parsed
}

type parsedColor struct {
	c   Color
	err error
}

// NewRendering returns a Rendering of d.
func NewRendering(d *Document) *Rendering {
	r := &Rendering{doc: d, owner: map[*Node]*Node{}, visible: map[*Node]bool{}, content: map[*Node]bool{},
		backgrounds: map[*Node]*backgroundFacts{}, canvases: map[*Node]*Node{}, clips: map[*Node][]Rect{}, colors: map[string]parsedColor{}}
	for n := range d.Elements() {
		if n.Content != nil && n.DataAtom != atom.Template {
			r.owner[n.Content] = n
		}
	}
	return r
}

// renderingKey is the Memo key of a document's shared Rendering.
type renderingKey struct{}

// Rendering returns the Rendering of d kept in d's memo (see Memo), so that
// the rules of a check share its answers instead of working them out again
// each. Like Memo, it is not for concurrent use; NewRendering makes one of
// one's own.
func (d *Document) Rendering() *Rendering {
	return d.Memo(renderingKey{}, func() any { return NewRendering(d) }).(*Rendering)
}

// Background returns the opaque colour behind element n's content (its own
// background included) when it is one flat colour. Otherwise ok is false and
// reason tells why: a Doubt, or "gradient" when several colours lie behind.
// It builds a Rendering each call; rules checking many elements should keep one.
func (d *Document) Background(n *Node) (c Color, reason string, ok bool) {
	b := NewRendering(d).Colors(n, Color{}, nil, true)
	switch {
	case b.Doubt != "":
		return Color{}, string(b.Doubt), false
	case len(b.Pairs) != 1:
		return Color{}, "gradient", false
	}
	return b.Pairs[0].BG, "", true
}

// parent returns the parent element of n in the flat tree, crossing from a
// frame's document to the frame element; nil at the top.
func (r *Rendering) parent(n *Node) *Node {
	for p := n.FlatParent(); ; p = p.FlatParent() {
		if p == nil {
			return nil
		}
		switch p.Type {
		case ElementNode:
			return p
		case DocumentNode:
			if o := r.owner[p]; o != nil {
				return o
			}
			return nil
		}
	}
}

// inherited lists the inherited properties among RenderedProperties.
var inherited = map[string]bool{
	"visibility": true, "color": true, "-webkit-text-fill-color": true, "-webkit-text-stroke-width": true,
	"text-shadow": true, "font-size": true, "font-weight": true, "font-style": true, "font-family": true,
}

// initialValues are the computed initial values of RenderedProperties.
var initialValues = map[string]string{
	"display": "inline", "visibility": "visible", "content-visibility": "visible", "opacity": "1",
	"position": "static", "float": "none", "overflow-x": "visible", "overflow-y": "visible",
	"clip": "auto", "clip-path": "none", "transform": "none", "color": "rgb(0, 0, 0)",
	"-webkit-text-stroke-width": "0px", "background-color": "rgba(0, 0, 0, 0)",
	"background-image": "none", "background-clip": "border-box", "text-shadow": "none",
	"filter": "none", "backdrop-filter": "none", "mix-blend-mode": "normal", "font-size": "16px",
	"font-weight": "400", "font-style": "normal", "font-family": "", "text-decoration-line": "none",
	"padding-top": "0px", "padding-right": "0px", "padding-bottom": "0px", "padding-left": "0px",
	"border-top-width": "0px", "border-right-width": "0px", "border-bottom-width": "0px", "border-left-width": "0px",
	"border-top-style": "none", "border-right-style": "none", "border-bottom-style": "none", "border-left-style": "none",
	"outline-style": "none", "outline-width": "0px", "box-shadow": "none", "appearance": "none",
}

// Style returns the computed value of prop on element n, lower-cased where
// CSS keywords are case-insensitive is left to the caller. A property the
// source did not give is inherited from the parent (for inherited
// properties) or takes its initial value. Without computed styles (static
// mode) inline declarations are used.
func (r *Rendering) Style(n *Node, prop string) string {
	for e := n; e != nil; e = r.parent(e) {
		if v, ok := e.StyleValue(prop); ok {
			v = strings.TrimSpace(v)
			if v == "inherit" {
				continue
			}
			if prop == "-webkit-text-fill-color" && strings.EqualFold(v, "currentcolor") {
				return r.Style(e, "color")
			}
			return v
		}
		if !inherited[prop] {
			break
		}
	}
	if prop == "-webkit-text-fill-color" {
		return r.Style(n, "color")
	}
	return initialValues[prop]
}

func (r *Rendering) keyword(n *Node, prop string) string {
	return strings.ToLower(r.Style(n, prop))
}

// px reads a computed length of n in CSS pixels (0 when unreadable).
func (r *Rendering) px(n *Node, prop string) float64 {
	v, ok := ParseLength(r.Style(n, prop), 16, 16)
	if !ok {
		return 0
	}
	return v
}

// FontSize returns the computed font size of element n in CSS pixels.
func (r *Rendering) FontSize(n *Node) float64 {
	v, ok := ParseLength(r.Style(n, "font-size"), 16, 16)
	if !ok {
		return 16
	}
	return v
}

// FontWeight returns the computed numeric font weight of element n.
func (r *Rendering) FontWeight(n *Node) int {
	v := r.keyword(n, "font-weight")
	switch v {
	case "normal", "":
		return 400
	case "bold", "bolder":
		return 700
	case "lighter":
		return 300
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return 400
	}
	return int(f)
}

// Opacity returns the opacity of element n alone (1 when unreadable).
func (r *Rendering) Opacity(n *Node) float64 {
	v := strings.TrimSpace(r.Style(n, "opacity"))
	pct := strings.HasSuffix(v, "%")
	f, err := strconv.ParseFloat(strings.TrimSuffix(v, "%"), 64)
	if err != nil || math.IsNaN(f) {
		return 1
	}
	if pct {
		f /= 100
	}
	return math.Max(0, math.Min(1, f))
}

// Color returns a computed colour property of n; ok is false when it cannot be read.
func (r *Rendering) Color(n *Node, prop string) (Color, bool) {
	c, err := r.parseColor(r.Style(n, prop))
	if err == ErrCurrentColor {
		if prop == "color" {
			return r.Color(r.parent(n), "color")
		}
		return r.Color(n, "color")
	}
	return c, err == nil
}

// parseColor is ParseColor, memoised: pages repeat a few colour values.
func (r *Rendering) parseColor(v string) (Color, error) {
	if p, ok := r.colors[v]; ok {
		return p.c, p.err
	}
	c, err := ParseColor(v)
	if len(r.colors) < 4096 {
		r.colors[v] = parsedColor{c, err}
	}
	return c, err
}

// TextColor returns the colour text of element n is drawn in
// (-webkit-text-fill-color when it differs from color).
func (r *Rendering) TextColor(n *Node) (Color, bool) {
	if v := r.Style(n, "-webkit-text-fill-color"); v != "" {
		if c, err := r.parseColor(v); err == nil {
			return c, true
		}
	}
	return r.Color(n, "color")
}

// hasLayout reports whether the document carries boxes.
func (r *Rendering) hasLayout() bool { return r.doc.Has(NeedsLayout) }

// Visible reports whether element n paints anything a user can see: it is
// rendered, not visibility:hidden, not fully transparent, not clipped away
// and not moved off the page. Content that can be scrolled into view counts
// as visible.
func (r *Rendering) Visible(n *Node) bool {
	if n == nil || n.Type != ElementNode {
		return false
	}
	if v, ok := r.visible[n]; ok {
		return v
	}
	v := r.computeVisible(n)
	r.visible[n] = v
	return v
}

func (r *Rendering) computeVisible(n *Node) bool {
	if neverPainted(n) || n.Has("hidden") && n.Style == nil {
		return false
	}
	if v := r.keyword(n, "visibility"); v == "hidden" || v == "collapse" {
		return false
	}
	if !r.shown(n) {
		return false
	}
	if !r.hasLayout() {
		return true
	}
	box := r.box(n)
	if box == nil {
		return false
	}
	return r.boxSeen(n, *box)
}

// shown reports whether n and its ancestors are displayed, not fully
// transparent and not clipped to nothing (the style part of Visible).
func (r *Rendering) shown(n *Node) bool {
	return r.drawn(n) && r.contentShown(r.parent(n))
}

// drawn reports whether element n itself is displayed, not fully
// transparent and not clipped to nothing.
func (r *Rendering) drawn(e *Node) bool {
	if neverPainted(e) || r.keyword(e, "display") == "none" || e.Style == nil && e.Has("hidden") {
		return false
	}
	return r.Opacity(e) != 0 && !clippedAway(r.keyword(e, "clip"), r.keyword(e, "clip-path"))
}

// contentShown reports whether the content of element e (nil: the top)
// can be shown: e and its ancestors are drawn and do not skip their
// content. Rules ask this of every element's ancestors, so it is memoised.
func (r *Rendering) contentShown(e *Node) bool {
	if e == nil {
		return true
	}
	if v, ok := r.content[e]; ok {
		return v
	}
	v := r.drawn(e) && r.keyword(e, "content-visibility") != "hidden" && r.contentShown(r.parent(e))
	r.content[e] = v
	return v
}

// neverPainted reports whether n is an element browsers never render.
func neverPainted(n *Node) bool {
	return n.Is(atom.Head, atom.Script, atom.Style, atom.Template, atom.Title, atom.Meta, atom.Link,
		atom.Base, atom.Noscript, atom.Datalist, atom.Param, atom.Source, atom.Track, atom.Area)
}

// box returns the box of n, or of its nearest ancestor with a box when n has
// display: contents.
func (r *Rendering) box(n *Node) *Rect {
	for e := n; e != nil; e = r.parent(e) {
		if e.Box != nil {
			return e.Box
		}
		if r.keyword(e, "display") != "contents" {
			return nil
		}
	}
	return nil
}

// boxSeen reports whether the area b of (or inside) element n is on the
// page, not hidden by n's own overflow and not clipped away by an ancestor
// whose overflow clips it.
func (r *Rendering) boxSeen(n *Node, b Rect) bool {
	if b.X+b.Width <= 0 || b.Y+b.Height <= 0 {
		return false
	}
	if n.Box != nil && b == *n.Box && overflowClips(r.keyword(n, "overflow-x"), r.keyword(n, "overflow-y")) &&
		(b.Empty() || b.Width*b.Height <= 1) {
		return false // the usual "visually hidden" box
	}
	// An absolutely positioned element is clipped only by ancestors at or
	// above its containing block; a fixed one only by the viewport.
	pos := r.keyword(n, "position")
	if pos == "fixed" {
		return true
	}
	var clips []Rect
	if pos == "absolute" {
		clips = r.clipsAbove(r.parent(n))
	} else {
		clips = r.clipsInside(r.parent(n))
	}
	for _, c := range clips {
		if !overlaps(c, b) {
			return false
		}
	}
	return true
}

// clipsInside returns the boxes that clip in-flow content of element e (nil:
// the top): e's own box when its overflow clips, then those that clip e
// itself. Every text and element below e asks this, so it is memoised.
func (r *Rendering) clipsInside(e *Node) []Rect {
	if e == nil {
		return nil
	}
	if c, ok := r.clips[e]; ok {
		return c
	}
	var above []Rect
	switch r.keyword(e, "position") {
	case "fixed": // only the viewport clips it
	case "absolute":
		above = r.clipsAbove(r.parent(e))
	default:
		above = r.clipsInside(r.parent(e))
	}
	c := above
	if e.Box != nil && overflowClips(r.keyword(e, "overflow-x"), r.keyword(e, "overflow-y")) {
		c = append([]Rect{*e.Box}, above...)
	}
	r.clips[e] = c
	return c
}

// clipsAbove returns the boxes that clip an absolutely positioned element
// whose parent is e: those clipping the content of its containing block,
// the nearest positioned ancestor (none: nothing but the viewport).
func (r *Rendering) clipsAbove(e *Node) []Rect {
	for ; e != nil; e = r.parent(e) {
		if p := r.keyword(e, "position"); p != "static" && p != "" {
			return r.clipsInside(e)
		}
	}
	return nil
}

// overflowClips reports whether overflow values clip content that cannot be
// scrolled to (hidden or clip on either axis).
func overflowClips(x, y string) bool {
	return x == "hidden" || x == "clip" || y == "hidden" || y == "clip"
}

// clippedAway reports whether computed clip or clip-path values leave
// nothing of the element to see.
func clippedAway(clip, clipPath string) bool {
	if strings.HasPrefix(clip, "rect(") {
		parts := strings.FieldsFunc(strings.TrimSuffix(strings.TrimPrefix(clip, "rect("), ")"),
			func(r rune) bool { return r == ',' || r == ' ' })
		if len(parts) == 4 {
			var v [4]float64
			ok := true
			for i, p := range parts {
				f, good := ParseLength(p, 16, 16)
				if !good {
					ok = false
					break
				}
				v[i] = f
			}
			// top, right, bottom, left
			if ok && (v[1]-v[3] <= 1 || v[2]-v[0] <= 1) {
				return true
			}
		}
	}
	if strings.HasPrefix(clipPath, "inset(") {
		args := strings.Fields(strings.TrimSuffix(strings.TrimPrefix(clipPath, "inset("), ")"))
		if len(args) > 0 && !strings.Contains(clipPath, "round") {
			// inset(a) or inset(a b …): an inset of 50% or more on both
			// axes of one side pair leaves nothing
			vals := make([]float64, 0, 4)
			for _, a := range args {
				if strings.HasSuffix(a, "%") {
					f, err := strconv.ParseFloat(strings.TrimSuffix(a, "%"), 64)
					if err != nil {
						return false
					}
					vals = append(vals, f)
				} else {
					vals = append(vals, -1)
				}
			}
			top, right := vals[0], vals[0]
			bottom, left := top, right
			if len(vals) > 1 {
				right, left = vals[1], vals[1]
			}
			if len(vals) > 2 {
				bottom = vals[2]
			}
			if len(vals) > 3 {
				left = vals[3]
			}
			if top >= 0 && bottom >= 0 && top+bottom >= 100 || right >= 0 && left >= 0 && right+left >= 100 {
				return true
			}
		}
	}
	switch clipPath {
	case "circle(0px)", "circle(0px at 50% 50%)", "circle(0)", "ellipse(0px 0px)", "ellipse(0px 0px at 50% 50%)":
		return true
	}
	return false
}

// TextVisible reports whether text node t draws any visible character: it
// has non-white-space text, its parent element is visible, its font size is
// not zero, its colour not fully transparent (unless a shadow draws it) and
// its own box, when the source gives one, is on the page and not clipped away.
func (r *Rendering) TextVisible(t *Node) bool {
	if t == nil || t.Type != TextNode || strings.TrimFunc(t.Data, isHTMLSpace) == "" {
		return false
	}
	p := r.parent(t)
	if p == nil || !r.Visible(p) {
		return false
	}
	if r.FontSize(p) <= 0 {
		return false
	}
	if fg, ok := r.TextColor(p); ok && fg.A == 0 && r.keyword(p, "text-shadow") == "none" &&
		r.px(p, "-webkit-text-stroke-width") == 0 && !r.clipsToText(p) {
		return false
	}
	if t.Box != nil && r.hasLayout() {
		if t.Box.Empty() {
			return false
		}
		return r.boxSeen(p, *t.Box)
	}
	return true
}

// clipsToText reports whether n or an ancestor paints its background
// through the shape of its text (background-clip: text).
func (r *Rendering) clipsToText(n *Node) bool {
	for e := n; e != nil; e = r.parent(e) {
		if r.keyword(e, "background-clip") == "text" || r.keyword(e, "-webkit-background-clip") == "text" {
			return true
		}
	}
	return false
}

func isHTMLSpace(c rune) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// overlaps reports whether two rectangles share an area of more than one
// pixel in each direction.
func overlaps(a, b Rect) bool {
	w := math.Min(a.X+a.Width, b.X+b.Width) - math.Max(a.X, b.X)
	h := math.Min(a.Y+a.Height, b.Y+b.Height) - math.Max(a.Y, b.Y)
	return w > 1 && h > 1
}

// contains reports whether a holds b, with a tolerance of one pixel.
func contains(a, b Rect) bool {
	const tol = 1
	return b.X >= a.X-tol && b.Y >= a.Y-tol && b.X+b.Width <= a.X+a.Width+tol && b.Y+b.Height <= a.Y+a.Height+tol
}

// layer is one step of compositing along the path from the canvas to the content.
type layer struct {
	group   bool    // opens an opacity group
	opacity float64 // of the group
	colors  []Color // candidate colours of a background layer (painted over what is below)
}

// backgroundFacts are what Colors reads of one element's own painting; every
// text below the element needs them, so Rendering keeps them.
type backgroundFacts struct {
	opacity    float64
	effect     bool // a filter, blend mode or backdrop filter
	color      Color
	colorOK    bool
	colorLayer []Color // color alone, as a layer (shared, never changed)
	painted    bool    // a background colour or image
	clipText   bool    // the background is clipped to the text
	imageSet   bool    // background-image is not none
	gradients  [][]Color
	image      bool // an image Delaktig cannot see through
}

// background returns the memoised backgroundFacts of element e.
func (r *Rendering) background(e *Node) *backgroundFacts {
	if f, ok := r.backgrounds[e]; ok {
		return f
	}
	f := &backgroundFacts{opacity: r.Opacity(e)}
	f.effect = r.keyword(e, "filter") != "none" || r.keyword(e, "mix-blend-mode") != "normal" ||
		r.keyword(e, "backdrop-filter") != "none"
	f.color, f.colorOK = r.Color(e, "background-color")
	image := r.Style(e, "background-image")
	f.imageSet = strings.ToLower(strings.TrimSpace(image)) != "none"
	f.painted = f.color.A > 0 || f.imageSet
	if f.painted {
		f.colorLayer = []Color{f.color}
		clip := r.keyword(e, "background-clip")
		if clip == "" {
			clip = r.keyword(e, "-webkit-background-clip")
		}
		f.clipText = clip == "text"
		f.gradients, f.image = gradientLayers(image)
	}
	r.backgrounds[e] = f
	return f
}

// canvasOwner returns the element whose background the canvas takes: the
// root element's, or the body's when the root paints none.
func (r *Rendering) canvasOwner(root *Node) *Node {
	if o, ok := r.canvases[root]; ok {
		return o
	}
	owner := root
	if bg, ok := r.Color(root, "background-color"); ok && bg.A == 0 && r.keyword(root, "background-image") == "none" {
		for c := range root.ElementChildren() {
			if c.Is(atom.Body) {
				owner = c
			}
		}
	}
	r.canvases[root] = owner
	return owner
}

// Colors returns the colours content of element n is seen in when drawn in
// fg over the area at (n's box when nil): fg composited over every
// background between the canvas and n (n's own background when self is
// true), with opacity groups applied, over a white canvas when the page sets
// none. The result names a Doubt when a background image, an overlapping
// element, a visual effect or positioning makes the pairs unsure.
func (r *Rendering) Colors(n *Node, fg Color, at *Rect, self bool) Backdrop {
	type doubtAt struct {
		d     Doubt
		by    *Node
		depth int // opacity groups open when it arose; -1: never hidden by what is above
	}
	// the ancestor path, layers and doubts of a usual page fit on the stack
	var doubtsBuf [4]doubtAt
	var pathBuf [24]*Node
	var layersBuf [8]layer
	doubts := doubtsBuf[:0]
	depth := 0
	doubt := func(d Doubt, by *Node, resettable bool) {
		dp := -1
		if resettable {
			dp = depth
		}
		doubts = append(doubts, doubtAt{d, by, dp})
	}
	if at == nil {
		at = r.box(n)
	}
	path := pathBuf[:0]
	for e := n; e != nil; e = r.parent(e) {
		path = append(path, e)
	}
	// the canvas takes the root element's background, or the body's
	base := []Color{canvasColor}
	root := path[len(path)-1]
	canvasOwner := r.canvasOwner(root)
	layers := layersBuf[:0]
	var opaqueUnder *Node // the innermost element whose background hides what is below
	for i := len(path) - 1; i >= 0; i-- {
		e := path[i]
		if e == n && !self {
			// what is behind n, without n's own painting
			break
		}
		f := r.background(e)
		if f.opacity < 1 && e != root {
			layers = append(layers, layer{group: true, opacity: f.opacity})
			depth++
		}
		if f.effect {
			doubt(DoubtEffect, e, false)
		}
		bg := f.color
		if !f.colorOK {
			doubt(DoubtColor, e, true)
		}
		if !f.painted {
			continue
		}
		if f.clipText {
			doubt(DoubtEffect, e, false)
			continue
		}
		covers := true // e's background lies behind all of the content
		if e != canvasOwner && e != root && e != n && e.Box != nil && at != nil && r.hasLayout() &&
			!contains(*e.Box, *at) {
			if !overlaps(*e.Box, *at) {
				continue // its background is not behind the content
			}
			covers = false
			doubt(DoubtPositioned, e, true)
		}
		if bg.A >= 1 && covers {
			// an opaque background hides the doubts below it in the same group
			kept := doubts[:0]
			for _, d := range doubts {
				if d.depth < depth {
					kept = append(kept, d)
				}
			}
			doubts = kept
			opaqueUnder = e
		}
		if e == canvasOwner {
			base = []Color{bg.Over(canvasColor)}
		} else {
			layers = append(layers, layer{colors: f.colorLayer})
		}
		switch {
		case f.image:
			doubt(DoubtImage, e, true)
		case f.gradients == nil && f.imageSet:
			doubt(DoubtColor, e, true)
		}
		for _, g := range f.gradients {
			layers = append(layers, layer{colors: g})
		}
	}
	var out Backdrop
	if at != nil && r.hasLayout() {
		if by := r.overlapping(n, *at, opaqueUnder, self); by != nil {
			doubts = append(doubts, doubtAt{DoubtOverlap, by, -1})
		}
	}
	if len(doubts) > 0 {
		out.Doubt, out.By = doubts[0].d, doubts[0].by
	}
	out.Pairs = composite(base, layers, fg)
	return out
}

// composite applies layers over base and draws fg on top, returning the
// opaque colour pairs seen.
func composite(base []Color, layers []layer, fg Color) []ColorPair {
	type frame struct {
		set     []Color
		opacity float64
	}
	stack := []frame{{set: base, opacity: 1}}
	for _, l := range layers {
		if l.group {
			stack = append(stack, frame{set: []Color{{}}, opacity: l.opacity})
			continue
		}
		top := &stack[len(stack)-1]
		var next []Color
		for _, c := range l.colors {
			for _, below := range top.set {
				next = append(next, c.Over(below))
			}
		}
		top.set = thin(next)
	}
	top := stack[len(stack)-1]
	pairs := make([]ColorPair, 0, len(top.set))
	for _, c := range top.set {
		pairs = append(pairs, ColorPair{FG: fg.Over(c), BG: c})
	}
	for i := len(stack) - 1; i > 0; i-- {
		o := stack[i].opacity
		var next []ColorPair
		for _, p := range pairs {
			for _, below := range stack[i-1].set {
				f, b := p.FG, p.BG
				f.A *= o
				b.A *= o
				next = append(next, ColorPair{FG: f.Over(below), BG: b.Over(below)})
			}
		}
		pairs = thinPairs(next)
	}
	return pairs
}

// maxSamples bounds the colours kept for one point of the compositing.
const maxSamples = 24

// thin drops duplicate colours and keeps at most maxSamples, always keeping
// the darkest and the lightest.
func thin(cs []Color) []Color {
	seen := map[[4]int]bool{}
	out := cs[:0:0]
	for _, c := range cs {
		k := [4]int{int(math.Round(c.R * 2)), int(math.Round(c.G * 2)), int(math.Round(c.B * 2)), int(math.Round(c.A * 200))}
		if !seen[k] {
			seen[k] = true
			out = append(out, c)
		}
	}
	if len(out) <= maxSamples {
		return out
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Luminance() < out[j].Luminance() })
	kept := make([]Color, 0, maxSamples)
	for i := range maxSamples {
		kept = append(kept, out[i*(len(out)-1)/(maxSamples-1)])
	}
	return kept
}

func thinPairs(ps []ColorPair) []ColorPair {
	seen := map[[6]int]bool{}
	out := ps[:0:0]
	for _, p := range ps {
		k := [6]int{int(math.Round(p.FG.R * 2)), int(math.Round(p.FG.G * 2)), int(math.Round(p.FG.B * 2)),
			int(math.Round(p.BG.R * 2)), int(math.Round(p.BG.G * 2)), int(math.Round(p.BG.B * 2))}
		if !seen[k] {
			seen[k] = true
			out = append(out, p)
		}
	}
	if len(out) <= maxSamples {
		return out
	}
	sort.Slice(out, func(i, j int) bool { return Contrast(out[i].FG, out[i].BG) < Contrast(out[j].FG, out[j].BG) })
	kept := make([]ColorPair, 0, maxSamples)
	for i := range maxSamples {
		kept = append(kept, out[i*(len(out)-1)/(maxSamples-1)])
	}
	return kept
}

// gradientLayers reads a computed background-image value. It returns the
// colour samples of each gradient layer, bottom layer first, and img true
// when a layer is an image whose colours cannot be known. A nil result with
// img false and a value other than none means the value could not be read.
func gradientLayers(v string) (layers [][]Color, img bool) {
	v = strings.TrimSpace(v)
	if v == "" || strings.EqualFold(v, "none") {
		return nil, false
	}
	parts := SplitTop(v, ',')
	for i := len(parts) - 1; i >= 0; i-- {
		p := strings.TrimSpace(parts[i])
		lower := strings.ToLower(p)
		if lower == "none" {
			continue
		}
		open := strings.IndexByte(lower, '(')
		if open < 0 || !strings.HasSuffix(lower, ")") {
			return nil, false
		}
		fn := lower[:open]
		if !strings.HasSuffix(fn, "-gradient") {
			return nil, true // url(), image-set(), cross-fade(), element(), paint()…
		}
		samples, ok := gradientSamples(p[open+1 : len(p)-1])
		if !ok {
			return nil, false
		}
		layers = append(layers, samples)
	}
	if layers == nil {
		layers = [][]Color{}
	}
	return layers, false
}

// gradientSamples returns the stop colours of a gradient's arguments and
// colours between them (none between two stops at the same position, a hard edge).
func gradientSamples(args string) ([]Color, bool) {
	type stop struct {
		c           Color
		first, last string // positions as written
	}
	var stops []stop
	for _, a := range SplitTop(args, ',') {
		var st stop
		found := false
		for _, tok := range SplitTop(strings.TrimSpace(a), ' ') {
			if tok == "" {
				continue
			}
			if !found {
				c, err := ParseColor(tok)
				if err == ErrCurrentColor {
					return nil, false
				}
				if err == nil {
					st.c, found = c, true
				}
				continue
			}
			if st.first == "" {
				st.first = tok
			}
			st.last = tok
		}
		if found { // directions, shapes and colour hints carry no colour
			stops = append(stops, st)
		}
	}
	if len(stops) == 0 {
		return nil, false
	}
	samples := []Color{stops[0].c}
	for i := 1; i < len(stops); i++ {
		a, b := stops[i-1], stops[i]
		if a.last != "" && a.last == b.first {
			samples = append(samples, b.c)
			continue
		}
		for _, t := range []float64{0.25, 0.5, 0.75, 1} {
			samples = append(samples, mixPremultiplied(a.c, b.c, t))
		}
	}
	return thin(samples), true
}

// mixPremultiplied interpolates two colours as CSS gradients do, in
// premultiplied sRGB.
func mixPremultiplied(a, b Color, t float64) Color {
	alpha := a.A + (b.A-a.A)*t
	if alpha <= 0 {
		return Color{}
	}
	ch := func(x, y float64) float64 { return (x*a.A + (y*b.A-x*a.A)*t) / alpha }
	return Color{R: ch(a.R, b.R), G: ch(a.G, b.G), B: ch(a.B, b.B), A: alpha}
}

// SplitTop splits a CSS value s at sep outside parentheses and quotes, so
// that "rgb(0, 0, 0) red" split at ' ' is two colours. Runs of sep give
// empty parts.
func SplitTop(s string, sep byte) []string {
	var out []string
	depth, quote, start := 0, byte(0), 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == '\\' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '(':
			depth++
		case c == ')':
			if depth > 0 {
				depth--
			}
		case c == sep && depth == 0:
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// TextShadows returns the colours of the text shadows of element n (none
// when it has no shadow); a shadow without a colour takes the text colour.
// ok is false when the value cannot be read.
func (r *Rendering) TextShadows(n *Node) (colors []Color, ok bool) {
	v := strings.TrimSpace(r.Style(n, "text-shadow"))
	if v == "" || strings.EqualFold(v, "none") {
		return nil, true
	}
	fg, fgOK := r.TextColor(n)
	for _, s := range SplitTop(v, ',') {
		var c Color
		found := false
		for _, tok := range SplitTop(strings.TrimSpace(s), ' ') {
			if tok == "" {
				continue
			}
			col, err := ParseColor(tok)
			if err == ErrCurrentColor {
				col, err = fg, nil
				if !fgOK {
					return nil, false
				}
			}
			if err == nil {
				c, found = col, true
				break
			}
		}
		if !found {
			if !fgOK {
				return nil, false
			}
			c = fg
		}
		colors = append(colors, c)
	}
	return colors, true
}

// paintGrid indexes the elements that paint something (a background, an
// image, a replaced element) by area, to find what overlaps some content.
type paintGrid struct {
	cells map[[2]int][]*Node
	big   []*Node // elements covering too many cells to index
	all   []*Node
}

const gridCell = 256

func (r *Rendering) painters() *paintGrid {
	if r.grid != nil {
		return r.grid
	}
	g := &paintGrid{cells: map[[2]int][]*Node{}}
	r.grid = g
	for e := range r.doc.Elements() {
		if e.Box == nil || e.Box.Empty() || !r.paints(e) || !r.Visible(e) {
			continue
		}
		g.all = append(g.all, e)
		b := *e.Box
		x0, x1 := int(math.Floor(b.X/gridCell)), int(math.Floor((b.X+b.Width)/gridCell))
		y0, y1 := int(math.Floor(b.Y/gridCell)), int(math.Floor((b.Y+b.Height)/gridCell))
		if (x1-x0+1)*(y1-y0+1) > 64 {
			g.big = append(g.big, e)
			continue
		}
		for x := x0; x <= x1; x++ {
			for y := y0; y <= y1; y++ {
				g.cells[[2]int{x, y}] = append(g.cells[[2]int{x, y}], e)
			}
		}
	}
	return g
}

// paints reports whether element e paints something that could lie over or
// under other content: a background, or replaced content.
func (r *Rendering) paints(e *Node) bool {
	if e.Namespace == NamespaceSVG {
		return e.Data == "svg" && r.parent(e) != nil && r.parent(e).Namespace == NamespaceHTML
	}
	if e.Is(atom.Img, atom.Video, atom.Canvas, atom.Iframe, atom.Embed, atom.Object, atom.Picture) {
		return true
	}
	if bg, ok := r.Color(e, "background-color"); !ok || bg.A > 0 {
		return true
	}
	return r.keyword(e, "background-image") != "none"
}

// overlapping returns an element that paints over or under the area at of
// n's content without being one of the layers Colors composites: not an
// ancestor of n, not a float (text flows around floats), not a descendant
// of n that flows with its text, and not hidden below the opaque background
// of under.
func (r *Rendering) overlapping(n *Node, at Rect, under *Node, self bool) *Node {
	g := r.painters()
	x0, x1 := int(math.Floor(at.X/gridCell)), int(math.Floor((at.X+at.Width)/gridCell))
	y0, y1 := int(math.Floor(at.Y/gridCell)), int(math.Floor((at.Y+at.Height)/gridCell))
	var cands []*Node
	if (x1-x0+1)*(y1-y0+1) > 64 {
		cands = g.all
	} else {
		for x := x0; x <= x1; x++ {
			for y := y0; y <= y1; y++ {
				cands = append(cands, g.cells[[2]int{x, y}]...)
			}
		}
		cands = append(cands, g.big...)
	}
	var best *Node
	for _, e := range cands {
		if e == n || e.Box == nil || !overlaps(*e.Box, at) || (best != nil && e.Index >= best.Index) {
			continue
		}
		if !r.paints(e) || !r.Visible(e) || r.keyword(e, "float") != "none" {
			continue
		}
		if r.isAncestor(e, n) {
			continue
		}
		if r.isAncestor(n, e) {
			if !self {
				continue // n's own content
			}
			if p := r.keyword(e, "position"); p != "absolute" && p != "fixed" {
				continue // flows with the text
			}
		}
		if under != nil && under.PaintOrder > 0 && e.PaintOrder > 0 && e.PaintOrder < under.PaintOrder &&
			under.Box != nil && contains(*under.Box, at) {
			continue // painted below an opaque background that covers the content
		}
		best = e
	}
	return best
}

// isAncestor reports whether a is a flat-tree ancestor of n (across frames).
func (r *Rendering) isAncestor(a, n *Node) bool {
	for e := r.parent(n); e != nil; e = r.parent(e) {
		if e == a {
			return true
		}
	}
	return false
}
