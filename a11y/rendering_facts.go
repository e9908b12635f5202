package a11y

// The Document.Extra keys of the renderings a browser source makes of one
// page state under the conditions WCAG sets for reflow, resizing text and
// text spacing. Each value is a pointer to the type named; a source that
// stores one also sets NeedsInteraction in Document.Facts. A source that
// could not make a rendering stores nothing under its key.
const (
	// ReflowKey: *ReflowResult, the page laid out 320 CSS pixels wide
	// (WCAG 1.4.10).
	ReflowKey = "reflow"
	// TextResizeKey: *TextResizeResult, the page at 200 % zoom (WCAG 1.4.4).
	TextResizeKey = "text-resize"
	// TextSpacingKey: *TextSpacingResult, the page with WCAG 1.4.12's text
	// spacing (WCAG 1.4.12).
	TextSpacingKey = "text-spacing"
)

// ContentLoss is the text an adapted rendering of a page made unreadable,
// compared with the page as it was: only text that could be read before the
// adaptation counts.
type ContentLoss struct {
	// Clipped lists elements that cut off part of their text (an overflow
	// that hides, and text reaching beyond the element's box).
	Clipped []*ClippedText
	// Overlaps lists pairs of elements whose text is painted over each other.
	Overlaps []*TextOverlap
	// Limited is true when there was more text than the source measured.
	Limited bool
}

// Lost reports whether any text was cut off or painted over.
func (c *ContentLoss) Lost() bool { return c != nil && (len(c.Clipped) > 0 || len(c.Overlaps) > 0) }

// ClippedText is an element that hides part of its text.
type ClippedText struct {
	// Node is the element whose overflow hides the text.
	Node *Node
	// Text is the start of the text that is cut off (from the page: escape
	// it before showing it).
	Text string
	// Hidden is how far, in CSS pixels, the text reaches beyond the
	// element's box.
	Hidden float64
	// Ellipsis is true when the element ends the visible part with an
	// ellipsis (text-overflow), a sign the author meant to shorten it.
	Ellipsis bool
}

// TextOverlap is two elements whose text lines are painted over each other.
type TextOverlap struct {
	A, B *Node
	// Area is the area, in square CSS pixels, where their text lines overlap.
	Area float64
}

// ReflowResult is the page laid out in a viewport 320 CSS pixels wide (the
// width of a 1280 pixel window at 400 % zoom), where WCAG 1.4.10 wants
// content readable without scrolling in two directions.
type ReflowResult struct {
	// Width and Height are the emulated viewport in CSS pixels.
	Width, Height float64
	// ScrollWidth is the width of the page's scrollable area; more than
	// Width means the page scrolls sideways.
	ScrollWidth float64
	// Overflow lists the elements that reach beyond the right edge of the
	// viewport and cause sideways scrolling, deepest first in each branch.
	Overflow []*Overflow
	// Tolerance is the overflow, in CSS pixels, the source ignored.
	Tolerance float64
	ContentLoss
}

// Scrolls reports whether the page scrolls sideways beyond the tolerance.
func (r *ReflowResult) Scrolls() bool {
	return r != nil && r.ScrollWidth > r.Width+r.Tolerance
}

// Overflow exceptions, Overflow.Exception.
const (
	// ExceptTwoDimensional: the element is inside content WCAG 1.4.10
	// allows to need two-dimensional layout (a data table, preformatted
	// text or code, an image, video, canvas, SVG, map, frame, or a widget
	// with role application, grid, table, img or math).
	ExceptTwoDimensional = "two-dimensional"
	// ExceptScrollContainer: the element scrolls inside its own box, which
	// itself fits the viewport.
	ExceptScrollContainer = "scroll-container"
	// ExceptOffscreen: the element lies wholly beyond the right edge
	// (content moved out of view on purpose, such as a closed menu).
	ExceptOffscreen = "offscreen"
)

// Overflow is an element that reaches beyond the right edge of the viewport.
type Overflow struct {
	// Node is the element.
	Node *Node
	// Right is how far, in CSS pixels, it reaches beyond the right edge.
	Right float64
	// Exception says why the overflow may be allowed ("" when no reason is
	// known): ExceptTwoDimensional, ExceptScrollContainer, ExceptOffscreen.
	Exception string
	// Within is the element that makes the exception (the table, the
	// scroll container…), when there is one.
	Within *Node
}

// TextResizeResult is the page at 200 % zoom: laid out in a viewport half
// as wide and half as high as the page's own, which is what browser zoom
// does. WCAG 1.4.4 lets the page scroll but not lose content or function.
type TextResizeResult struct {
	// Zoom is the zoom factor emulated (2).
	Zoom float64
	// Width and Height are the emulated viewport in CSS pixels.
	Width, Height float64
	ContentLoss
}

// TextSpacingResult is the page with the text spacing of WCAG 1.4.12 forced
// on every element: line height 1.5 times the font size, spacing after
// paragraphs 2 times the font size, letter spacing 0.12 and word spacing
// 0.16 times the font size.
type TextSpacingResult struct {
	// Frames counts the same-origin frame documents and shadow trees the
	// spacing was also applied to.
	Frames int
	ContentLoss
}

// Reflow returns the document's reflow rendering, or nil.
func (d *Document) Reflow() *ReflowResult {
	r, _ := d.Extra[ReflowKey].(*ReflowResult)
	return r
}

// TextResize returns the document's 200 % zoom rendering, or nil.
func (d *Document) TextResize() *TextResizeResult {
	r, _ := d.Extra[TextResizeKey].(*TextResizeResult)
	return r
}

// TextSpacing returns the document's text spacing rendering, or nil.
func (d *Document) TextSpacing() *TextSpacingResult {
	r, _ := d.Extra[TextSpacingKey].(*TextSpacingResult)
	return r
}
