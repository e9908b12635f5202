package checker

import (
	"context"
	"slices"
	"strings"

	"github.com/chromedp/cdproto/domdebugger"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/delaktig/delaktig/a11y"
	"golang.org/x/net/html/atom"
)

// pointerEvents are the event types whose listeners make an element react
// to the mouse or a finger.
var pointerEvents = map[string]bool{
	"click": true, "dblclick": true, "mousedown": true, "mouseup": true,
	"pointerdown": true, "pointerup": true, "touchstart": true, "touchend": true,
}

// handlerAttrs are the event handler attributes of pointerEvents.
var handlerAttrs = []string{"onclick", "ondblclick", "onmousedown", "onmouseup", "onpointerdown", "onpointerup", "ontouchstart", "ontouchend"}

// findClickable lists, in facts, the elements of doc that react to pointer
// clicks (an event handler attribute, or a listener the browser reports for
// the element itself) or look clickable (cursor: pointer), that the engine
// does not take as focusable and that are not inside a focusable element,
// a label, or around focusable content. The listeners of the whole page are
// read with one DOMDebugger.getEventListeners call on the document.
func (t *Tab) findClickable(ctx context.Context, doc *a11y.Document, facts *a11y.KeyboardFacts) error {
	listeners, err := pageListeners(ctx)
	if err != nil {
		if gone(t, err) {
			return err
		}
		facts.ClickLimited = true // judged by attributes and styles alone
	}
	facts.ClickChecked = true
	for n := range doc.Elements() {
		if n.Is(atom.Html, atom.Body, atom.Head) || n.Box == nil || n.Box.Empty() {
			continue
		}
		c := &a11y.Clickable{Node: n}
		for _, a := range handlerAttrs {
			if n.Has(a) {
				c.Attribute = true
				break
			}
		}
		c.Events = listeners[n.BackendID]
		c.Listener = len(c.Events) > 0
		c.Pointer = cursor(n) == "pointer" && (parentElement(n) == nil || cursor(parentElement(n)) != "pointer")
		if !c.Attribute && !c.Listener && !c.Pointer {
			continue
		}
		if doc.Focusable(n) || doc.Hidden(n) || reachableOtherwise(doc, n) {
			continue
		}
		facts.Clickable = append(facts.Clickable, c)
	}
	return nil
}

// pageListeners returns the pointer event types listened to, by backend
// node id, for every node of the page (frames and shadow trees included).
func pageListeners(ctx context.Context) (map[int64][]string, error) {
	defer releaseObjects(ctx)
	obj, err := chromedp.Run(ctx, chromedp.Evaluate[*runtime.RemoteObject](`document`, chromedp.EvalObjectGroup(worldName)))
	if err != nil {
		return nil, err
	}
	res, err := chromedp.Call(ctx, domdebugger.GetEventListeners, domdebugger.GetEventListenersParams{
		ObjectID: obj.ObjectID, Depth: new(int64(-1)), Pierce: new(true),
	})
	if err != nil {
		return nil, err
	}
	out := map[int64][]string{}
	for _, l := range res.Listeners {
		if l == nil || l.BackendNodeID == 0 || !pointerEvents[l.Type] {
			continue
		}
		id := int64(l.BackendNodeID)
		if !slices.Contains(out[id], l.Type) {
			out[id] = append(out[id], l.Type)
		}
	}
	return out, nil
}

// cursor returns the computed cursor of an element ("" when unknown).
func cursor(n *a11y.Node) string {
	v, _ := n.StyleValue("cursor")
	return strings.ToLower(strings.TrimSpace(v))
}

// parentElement returns the parent element in the flat tree, or nil.
func parentElement(n *a11y.Node) *a11y.Node {
	for p := n.FlatParent(); p != nil; p = p.FlatParent() {
		if p.Type == a11y.ElementNode {
			return p
		}
	}
	return nil
}

// reachableOtherwise reports whether a keyboard user reaches what clicking
// n does in another way: n is inside a focusable element or a label, is a
// label, or holds focusable content (a card around a link, a list whose
// items are buttons, a container listening for its children's clicks).
func reachableOtherwise(doc *a11y.Document, n *a11y.Node) bool {
	if n.Is(atom.Label, atom.Option, atom.Optgroup) {
		return true
	}
	for p := parentElement(n); p != nil; p = parentElement(p) {
		if p.Is(atom.Label) || doc.Focusable(p) {
			return true
		}
	}
	found := false
	var walk func(m *a11y.Node, depth int)
	walk = func(m *a11y.Node, depth int) {
		if found || depth > 64 {
			return
		}
		for c := range m.FlatChildren() {
			if c.Type != a11y.ElementNode {
				continue
			}
			if doc.Focusable(c) {
				found = true
				return
			}
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return found
}
