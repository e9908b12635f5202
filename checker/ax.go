package checker

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/delaktig/delaktig/a11y"
)

// AXOracle fetches Chrome's full accessibility tree for the page of a tab
// (ctx is the tab's chromedp context) and its same-process frames, and joins
// it into doc by backend node id: every element and text node Chrome knows
// gets Node.AX (role, name, ignored). It costs more than all the rules
// together on a large page, so the normal audit never calls it; tests use it
// to cross-check the engine's roles and names, and so does --ax-oracle.
// doc must be a snapshot of the tab's current state.
func AXOracle(ctx context.Context, doc *a11y.Document) error {
	byBackend := backendIndex(doc)
	frames := []cdp.FrameID{""} // the main frame
	if tree, err := chromedp.Call(ctx, page.GetFrameTree, cdp.Empty{}); err == nil && tree.FrameTree != nil {
		var walk func(t *page.FrameTree, top bool)
		walk = func(t *page.FrameTree, top bool) {
			if !top && t.Frame != nil {
				frames = append(frames, t.Frame.ID)
			}
			for _, c := range t.ChildFrames {
				walk(c, false)
			}
		}
		walk(tree.FrameTree, true)
	}
	for i, f := range frames {
		res, err := chromedp.Call(ctx, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{FrameID: f})
		if err != nil {
			if i == 0 {
				return fmt.Errorf("checker: read the accessibility tree: %w", err)
			}
			continue // a frame in another process
		}
		for _, ax := range res.Nodes {
			join(byBackend, ax)
		}
	}
	return nil
}

// QueryAX asks Chrome's accessibility tree about a few nodes of the tab's
// current state (getPartialAXTree, without relatives) and sets their
// Node.AX. Use it for the nodes the engine is unsure of; nodes without a
// backend id are skipped.
func QueryAX(ctx context.Context, nodes []*a11y.Node) error {
	for _, n := range nodes {
		if n == nil || n.BackendID == 0 {
			continue
		}
		res, err := chromedp.Call(ctx, accessibility.GetPartialAXTree, accessibility.GetPartialAXTreeParams{
			BackendNodeID: cdp.BackendNodeID(n.BackendID), FetchRelatives: new(false),
		})
		if err != nil {
			return fmt.Errorf("checker: read the accessibility node of %s: %w", a11y.Selector(n), err)
		}
		one := map[int64]*a11y.Node{n.BackendID: n}
		for _, ax := range res.Nodes {
			join(one, ax)
		}
	}
	return nil
}

// maxUncertain bounds how many nodes of one state Chrome is asked about.
// A page built of many custom elements is asked about the first ones only;
// the engine's own answers stand for the rest.
const maxUncertain = 64

// AskUncertain asks Chrome's accessibility tree about the nodes of doc the
// engine cannot settle ([a11y.Document.Uncertain]: custom elements that may
// give themselves a role and name through ElementInternals), one partial
// query each, and has the engine adopt Chrome's role and name for them. It
// returns how many nodes were asked about. ctx is the chromedp context of the
// tab doc was captured from, still in that state.
func AskUncertain(ctx context.Context, doc *a11y.Document) (int, error) {
	nodes := doc.Uncertain(maxUncertain)
	if len(nodes) == 0 {
		return 0, nil
	}
	for _, n := range nodes {
		n.AX = nil
	}
	if err := QueryAX(ctx, nodes); err != nil {
		return 0, err
	}
	for _, n := range nodes {
		if n.AX != nil {
			n.AX.Adopted = true
		}
	}
	// roles and names memoised while looking for the nodes are computed
	// again with Chrome's answers
	doc.Index()
	return len(nodes), nil
}

// backendIndex maps backend ids to the document's elements and text nodes.
func backendIndex(doc *a11y.Document) map[int64]*a11y.Node {
	m := make(map[int64]*a11y.Node, doc.Count()*2)
	for e := range doc.Elements() {
		if e.BackendID != 0 {
			m[e.BackendID] = e
		}
		for c := e.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == a11y.TextNode && c.BackendID != 0 {
				m[c.BackendID] = c
			}
		}
	}
	return m
}

func join(m map[int64]*a11y.Node, ax *accessibility.Node) {
	if ax == nil || ax.BackendDOMNodeID == 0 {
		return
	}
	n := m[int64(ax.BackendDOMNodeID)]
	if n == nil {
		return
	}
	f := &a11y.AXFacts{Role: axString(ax.Role), Name: axString(ax.Name), Ignored: ax.Ignored}
	if n.AX != nil && !n.AX.Ignored && f.Ignored {
		return // keep the included node when Chrome lists several
	}
	if n.AX != nil {
		f.Adopted = n.AX.Adopted // the full tree read after AskUncertain
	}
	n.AX = f
}

// axString returns the string of an accessibility value, or "".
func axString(v *accessibility.Value) string {
	if v == nil || len(v.Value) == 0 {
		return ""
	}
	var s any
	if err := json.Unmarshal(v.Value, &s); err != nil {
		return ""
	}
	switch s := s.(type) {
	case string:
		return s
	case nil:
		return ""
	default:
		return fmt.Sprint(s)
	}
}
