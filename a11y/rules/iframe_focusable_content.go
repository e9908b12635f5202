package rules

import (
	"strconv"
	"strings"

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
// negative tabindex is cantTell and anything else is not reported.
var IframeFocusableContent = &a11y.Rule{
	ID:       "iframe-focusable-content",
	WCAG:     []string{"2.1.1"},
	ACT:      []string{"akn7bn"},
	EN301549: []string{"9.2.1.1"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{iframeFocusableContentInTabOrder, iframeFocusableContentRemoved, iframeFocusableContentUnknown},
	Tags:     []string{"keyboard", "frames"},
	Since:    "0.1.0",
	Run:      runIframeFocusableContent,
}

const (
	iframeFocusableContentInTabOrder a11y.Msg = "iframe-focusable-content.in-tab-order"
	iframeFocusableContentRemoved    a11y.Msg = "iframe-focusable-content.removed"
	iframeFocusableContentUnknown    a11y.Msg = "iframe-focusable-content.unknown-content"
)

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
		if underInert(f) {
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

// underInert reports whether n or a flat-tree ancestor has the inert attribute.
func underInert(n *a11y.Node) bool {
	for e := n; e != nil; e = e.FlatParent() {
		if e.Type == a11y.ElementNode && e.Has("inert") {
			return true
		}
	}
	return false
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
	k, ok := tabindexValue(n)
	return ok && k < 0
}

// tabindexValue parses the tabindex attribute with the HTML rules for
// integers: leading white space, a sign, digits; trailing garbage ignored.
func tabindexValue(n *a11y.Node) (int, bool) {
	v, ok := n.AttrValue("tabindex")
	if !ok {
		return 0, false
	}
	v = strings.TrimLeft(v, " \t\n\f\r")
	neg := false
	if v != "" && (v[0] == '-' || v[0] == '+') {
		neg = v[0] == '-'
		v = v[1:]
	}
	end := 0
	for end < len(v) && v[end] >= '0' && v[end] <= '9' {
		end++
	}
	if end == 0 {
		return 0, false
	}
	k, err := strconv.Atoi(v[:end])
	if err != nil {
		k = 1 << 30
	}
	if neg {
		k = -k
	}
	return k, true
}
