package rules

import (
	"strconv"

	"golang.org/x/net/html/atom"

	"github.com/delaktig/delaktig/a11y"
)

// IframeFocusableContent: a frame with links, buttons or fields in it is not
// taken out of the tab order with a negative tabindex. Keyboard users could
// not reach what is inside (a payment form, a map, a chat).
//
// ACT akn7bn. Targets are iframes that are not inert and whose document holds
// an element that is seen and in the tab order. The static source only
// knows srcdoc documents; for an iframe whose content it cannot see, a
// negative tabindex is cantTell and anything else is not reported. While a
// dialog outside the frame is open (it may be modal and make the frame
// inert), a negative tabindex is cantTell too.
var IframeFocusableContent = &a11y.Rule{
	ID:       "iframe-focusable-content",
	WCAG:     []string{"2.1.1"},
	ACT:      []string{"akn7bn"},
	EN301549: []string{"9.2.1.1"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{iframeFocusableContentInTabOrder, iframeFocusableContentRemoved, iframeFocusableContentUnknown,
		iframeFocusableContentMaybeBlocked},
	Tags:  []string{"keyboard", "frames"},
	Since: "0.1.0",
	Run:   runIframeFocusableContent,
}

const (
	iframeFocusableContentInTabOrder a11y.Msg = "iframe-focusable-content.in-tab-order"
	iframeFocusableContentRemoved    a11y.Msg = "iframe-focusable-content.removed"
	iframeFocusableContentUnknown    a11y.Msg = "iframe-focusable-content.unknown-content"
	// iframeFocusableContentMaybeBlocked: an open dialog may be modal and
	// make the frame inert, out of everyone's reach anyway.
	iframeFocusableContentMaybeBlocked a11y.Msg = "iframe-focusable-content.maybe-blocked"
)

// questionDialogModal asks whether an open dialog blocks the rest of the page.
const questionDialogModal = "iframe-focusable-content.dialog-modal"

// questionFrameInteractive asks whether a frame holds something to operate.
const questionFrameInteractive = "iframe-focusable-content.frame-interactive"

func runIframeFocusableContent(p *a11y.Pass) error {
	css := newAuthorStyles(p.Doc)
	// what each frame document holds that is in the tab order, and seen
	tabbable := map[*a11y.Node]visibility{}
	for e := range p.Elements() {
		root := docRootOf(e)
		if root == p.Doc.Root || root.Type != a11y.DocumentNode || tabbable[root] == visYes || !p.Tabbable(e) {
			continue
		}
		if v := css.visible(p, e); v > tabbable[root] {
			tabbable[root] = v
		}
	}
	for f := range p.Elements(atom.Iframe) {
		if p.Doc.Inert(f) {
			continue
		}
		if seen := css.visible(p, f); seen == visNo || tinyFrame(f) {
			continue
		}
		negative := negativeTabindex(f)
		if f.Content == nil {
			if negative {
				p.CantTell(f, iframeFocusableContentUnknown, a11y.Ask(questionFrameInteractive))
			}
			continue
		}
		switch state := tabbable[f.Content]; {
		case state == visNo:
		case !negative:
			p.Pass(f, iframeFocusableContentInTabOrder)
		case openDialogOutside(p, f) != nil:
			p.CantTell(f, iframeFocusableContentMaybeBlocked, a11y.Related{openDialogOutside(p, f)}, a11y.Ask(questionDialogModal))
		case state == visYes:
			p.Fail(f, iframeFocusableContentRemoved)
		default:
			p.CantTell(f, iframeFocusableContentUnknown, a11y.Ask(questionFrameInteractive))
		}
	}
	return nil
}

// docRootOf returns the document holding n, across shadow roots.
func docRootOf(n *a11y.Node) *a11y.Node {
	root := n.TreeRoot()
	for root.Type == a11y.ShadowRootNode && root.Host != nil {
		root = root.Host.TreeRoot()
	}
	return root
}

// openDialogOutside returns an open <dialog> of the frame's document that
// does not hold the frame. Opened with showModal, it makes the rest of the
// page inert; the document does not say how it was opened.
func openDialogOutside(p *a11y.Pass, f *a11y.Node) *a11y.Node {
	for d := range p.Elements(atom.Dialog) {
		if d.Has("open") && docRootOf(d) == docRootOf(f) && f.ClosestFlat(func(e *a11y.Node) bool { return e == d }) == nil {
			return d
		}
	}
	return nil
}

// tinyFrame reports whether a frame's width or height attribute leaves no
// room to show anything (1 pixel or less).
func tinyFrame(f *a11y.Node) bool {
	if f.Box != nil {
		return f.Box.Width <= 1 || f.Box.Height <= 1
	}
	for _, a := range []string{"width", "height"} {
		if v, ok := f.AttrValue(a); ok {
			if k, err := strconv.Atoi(trimHTMLSpace(v)); err == nil && k <= 1 {
				return true
			}
		}
	}
	return false
}

// negativeTabindex reports whether n's tabindex attribute parses (as HTML
// integers do) to a negative number.
func negativeTabindex(n *a11y.Node) bool {
	k, ok := a11y.TabIndex(n)
	return ok && k < 0
}
