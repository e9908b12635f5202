package a11y

// FocusKey is the Document.Extra key of the keyboard focus walk: the value
// is a *FocusWalk. A source that stores it also sets NeedsInteraction in
// Document.Facts.
const FocusKey = "focus"

// FocusWalk is what a source saw while moving keyboard focus through one
// page state with the Tab key, starting from the top of the document.
//
// The contract for the source that fills it:
//
//   - Steps lists the elements that received focus, in the order the Tab key
//     reached them, each once (the walk stops when focus comes back to an
//     element already visited, leaves the page, or reaches a limit).
//   - Every Node is a node of the same Document (matched by BackendID or by
//     the source's own mapping), never a copy.
//   - Complete is true only when the walk went through the whole sequential
//     focus navigation order: focus came back to the first element or
//     left the document. A walk cut short by a limit, a keyboard trap or an
//     error leaves it false, and Stopped says why.
//   - The page is restored to its state before the walk (focus, scroll
//     position) before the document's other facts are captured, or the walk
//     is made on a copy of the state.
type FocusWalk struct {
	// Steps holds one rendering per element focused, in Tab order.
	Steps []*FocusRendering
	// Complete is true when every element in the sequential focus order was reached.
	Complete bool
	// Stopped says why an incomplete walk ended ("limit", "trap", "error: …").
	Stopped string
}

// FocusRendering is how the page looked while one element had keyboard
// focus, compared with how it looked just before (focus on the previous
// element, or on nothing for the first step).
//
// Coordinates are CSS pixels of the top document, as Node.Box. The two
// measures are optional: a source sets PixelsCompared when it compared the
// page's pixels (for example two screenshots of the viewport, or the
// computed outline, border, box-shadow, background and colour of the element
// and its ancestors before and after focus), and CoverageMeasured when it
// measured what covers the focused element.
type FocusRendering struct {
	// Node is the element that had focus.
	Node *Node
	// Box is the border box of Node while focused, after the browser
	// scrolled it into view; nil when it has no box.
	Box *Rect
	// Viewport is the visible part of the page while Node had focus
	// (X and Y are the scroll offsets).
	Viewport Rect

	// PixelsCompared is true when Changed and Indicator were measured.
	PixelsCompared bool
	// Changed is true when at least one pixel inside the viewport had a
	// different colour with Node focused than without (ACT oj04fd).
	Changed bool
	// Indicator is the bounding box of the pixels that changed, when known.
	Indicator *Rect

	// CoverageMeasured is true when Obscured and ObscuredBy were measured.
	CoverageMeasured bool
	// Obscured is the fraction, from 0 to 1, of Box's area inside the
	// viewport that author content painted over it hides (a sticky
	// header, a cookie banner, a chat button); the part of Box outside the
	// viewport counts as hidden. 1 means nothing of Node can be seen.
	Obscured float64
	// ObscuredBy is the element hiding the largest part of Node, when one does.
	ObscuredBy *Node
	// ObscuredByUser is true when the element hiding Node was opened by
	// the user during the walk and stays open without focus (for example a
	// disclosure menu), which WCAG 2.4.11 does not count.
	ObscuredByUser bool
}

// Focus returns the document's focus walk, or nil when the source did not make one.
func (d *Document) Focus() *FocusWalk {
	w, _ := d.Extra[FocusKey].(*FocusWalk)
	return w
}

// Step returns the rendering of n in the walk, or nil when the walk did not reach it.
func (w *FocusWalk) Step(n *Node) *FocusRendering {
	if w == nil {
		return nil
	}
	for _, s := range w.Steps {
		if s.Node == n {
			return s
		}
	}
	return nil
}
