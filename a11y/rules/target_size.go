package rules

import (
	"math"
	"strings"

	"golang.org/x/net/html/atom"

	"github.com/delaktig/delaktig/a11y"
)

// TargetSize: pointer targets are at least 24 by 24 CSS pixels, or spaced so
// that a 24 px circle centred on each does not touch another target or
// another small target's circle. WCAG 2.5.8 Target Size (Minimum), level AA.
//
// Targets are the visible, enabled links, buttons, form controls, summaries
// and elements with a widget role that takes pointer input (button, link,
// checkbox, tab, option…), focusable or not: a mouse reaches them anyway.
// A checkbox or radio button the author left at the browser's own size is
// excepted (the size is set by the user agent), as is a link inside a
// sentence (the inline exception). A small control whose label (which also
// activates it) is big enough passes. A control inside another target is
// cantTell: the spacing exception cannot hold, but the outer target may do
// the same thing. The exception for an equivalent control elsewhere on the
// page cannot be checked automatically; a failure message says so.
var TargetSize = &a11y.Rule{
	ID:       "target-size",
	WCAG:     []string{"2.5.8"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM | a11y.NeedsStyle | a11y.NeedsLayout,
	Messages: []a11y.Msg{targetBig, targetSpaced, targetLabel, targetInline, targetUserAgent, targetSmall, targetNested},
	Tags:     []string{"pointer", "wcag22"},
	Since:    "0.1.0",
	Run:      runTargetSize,
}

const (
	targetBig       a11y.Msg = "target-size.big-enough"
	targetSpaced    a11y.Msg = "target-size.spaced"
	targetLabel     a11y.Msg = "target-size.label"
	targetInline    a11y.Msg = "target-size.inline"
	targetUserAgent a11y.Msg = "target-size.user-agent"
	targetSmall     a11y.Msg = "target-size.too-small"
	targetNested    a11y.Msg = "target-size.nested"
)

// minTarget is the WCAG 2.5.8 minimum, in CSS pixels; sizes within
// targetSlack of it count as meeting it (sub-pixel layout).
const (
	minTarget   = 24.0
	targetSlack = 0.05
)

// targetRoles are the widget roles of pointer targets.
var targetRoles = map[string]bool{
	"button": true, "link": true, "checkbox": true, "radio": true, "switch": true, "tab": true,
	"menuitem": true, "menuitemcheckbox": true, "menuitemradio": true, "option": true, "treeitem": true,
	"slider": true, "spinbutton": true, "combobox": true, "textbox": true, "searchbox": true,
}

// isTarget reports whether element n takes pointer input as a control.
func isTarget(p *a11y.Pass, n *a11y.Node) bool {
	if n.Namespace != a11y.NamespaceHTML || actDisabled(n) {
		return false
	}
	switch n.DataAtom {
	case atom.A:
		return n.Has("href")
	case atom.Button, atom.Select, atom.Textarea:
		return true
	case atom.Input:
		return !strings.EqualFold(n.Get("type"), "hidden")
	case atom.Summary:
		if d := n.Parent; d != nil && d.Is(atom.Details) {
			for c := range d.ElementChildren() {
				return c == n // only the first summary is the details' control
			}
		}
		return false
	}
	return targetRoles[p.Role(n)]
}

type target struct {
	n     *a11y.Node
	box   a11y.Rect
	small bool
}

func (t target) center() (float64, float64) {
	return t.box.X + t.box.Width/2, t.box.Y + t.box.Height/2
}

func runTargetSize(p *a11y.Pass) error {
	r := p.Doc.Rendering()
	var targets []target
	for n := range p.Elements() {
		if !isTarget(p, n) || n.Box == nil || n.Box.Empty() || !r.Visible(n) {
			continue
		}
		b := *n.Box
		targets = append(targets, target{n: n, box: b,
			small: b.Width+targetSlack < minTarget || b.Height+targetSlack < minTarget})
	}
	ix := newTargetIndex(targets)
	for i, t := range targets {
		if !t.small {
			p.Pass(t.n, targetBig, a11y.Data{"width": pixelText(t.box.Width), "height": pixelText(t.box.Height)})
			continue
		}
		data := a11y.Data{"width": pixelText(t.box.Width), "height": pixelText(t.box.Height), "min": pixelText(minTarget)}
		if userAgentSized(r, t.n) {
			p.Pass(t.n, targetUserAgent, data)
			continue
		}
		if l := bigLabel(p, t.n); l != nil {
			p.Pass(t.n, targetLabel, data, a11y.Related{l})
			continue
		}
		if outer := outerTarget(p, t.n); outer != nil {
			p.CantTell(t.n, targetNested, data, a11y.Related{outer}, a11y.Ask(questionTargetEquivalent))
			continue
		}
		if inlineTarget(p, r, t.n) {
			p.Pass(t.n, targetInline, data)
			continue
		}
		if other := crowding(targets, ix, i); other != nil {
			p.Fail(t.n, targetSmall, data, a11y.Related{other})
			continue
		}
		p.Pass(t.n, targetSpaced, data)
	}
	return nil
}

// questionTargetEquivalent asks whether a large enough control does the same.
const questionTargetEquivalent = "target-size.equivalent"

// userAgentSized reports whether n is a checkbox or radio button drawn by
// the browser at its own size: native appearance and the default 13 px box
// (WCAG 2.5.8 "user agent control").
func userAgentSized(r *a11y.Rendering, n *a11y.Node) bool {
	if !n.Is(atom.Input) {
		return false
	}
	switch strings.ToLower(n.Get("type")) {
	case "checkbox", "radio":
	default:
		return false
	}
	if strings.EqualFold(r.Style(n, "appearance"), "none") {
		return false // drawn by the author
	}
	return math.Abs(n.Box.Width-13) <= 1 && math.Abs(n.Box.Height-13) <= 1
}

// bigLabel returns a visible label of n that activates it and is at least
// 24 by 24 px itself, or nil.
func bigLabel(p *a11y.Pass, n *a11y.Node) *a11y.Node {
	for _, l := range p.Doc.Labels(n) {
		if l.Box != nil && l.Box.Width+targetSlack >= minTarget && l.Box.Height+targetSlack >= minTarget {
			return l
		}
	}
	return nil
}

// inlineTarget reports whether n sits inside a sentence: it is laid out
// inline and its nearest block container holds text outside every target.
func inlineTarget(p *a11y.Pass, r *a11y.Rendering, n *a11y.Node) bool {
	if d := strings.ToLower(r.Style(n, "display")); d != "inline" && d != "contents" {
		return false
	}
	block := renderedParent(n)
	for block != nil {
		d := strings.ToLower(r.Style(block, "display"))
		if d != "inline" && d != "contents" {
			break
		}
		block = renderedParent(block)
	}
	if block == nil {
		return false
	}
	return sentenceText(p, r, block, n)
}

// sentenceText reports whether block holds visible text outside the targets it contains.
func sentenceText(p *a11y.Pass, r *a11y.Rendering, block, skip *a11y.Node) bool {
	for c := range block.FlatChildren() {
		switch c.Type {
		case a11y.TextNode:
			if letterCount(c.Data) > 0 && r.TextVisible(c) {
				return true
			}
		case a11y.ElementNode:
			if c == skip || isTarget(p, c) {
				continue
			}
			if d := strings.ToLower(r.Style(c, "display")); d != "inline" && d != "contents" {
				continue // another block: not the same sentence
			}
			if sentenceText(p, r, c, skip) {
				return true
			}
		}
	}
	return false
}

// outerTarget returns the target n is nested in, if any.
func outerTarget(p *a11y.Pass, n *a11y.Node) *a11y.Node {
	for e := renderedParent(n); e != nil; e = renderedParent(e) {
		if isTarget(p, e) {
			return e
		}
	}
	return nil
}

// targetIndex finds the targets near a point.
type targetIndex struct {
	cells map[[2]int][]int
	big   []int // targets covering too many cells
}

// targetCell is the side of an index cell, in CSS pixels.
const targetCell = 64

func newTargetIndex(targets []target) *targetIndex {
	ix := &targetIndex{cells: map[[2]int][]int{}}
	for i, t := range targets {
		x0, y0 := cellOf(t.box.X, t.box.Y)
		x1, y1 := cellOf(t.box.X+t.box.Width, t.box.Y+t.box.Height)
		if (x1-x0+1)*(y1-y0+1) > 16 {
			ix.big = append(ix.big, i)
			continue
		}
		for x := x0; x <= x1; x++ {
			for y := y0; y <= y1; y++ {
				ix.cells[[2]int{x, y}] = append(ix.cells[[2]int{x, y}], i)
			}
		}
	}
	return ix
}

func cellOf(x, y float64) (int, int) {
	return int(math.Floor(x / targetCell)), int(math.Floor(y / targetCell))
}

// near returns the targets with a box or a small target's circle that may
// lie within reach of the circle centred on (cx, cy), each once.
func (ix *targetIndex) near(cx, cy float64) []int {
	// a small target's circle reaches one diameter beyond its centre, which
	// lies inside its box: a margin of one diameter covers both cases
	const reach = minTarget
	x0, y0 := cellOf(cx-reach, cy-reach)
	x1, y1 := cellOf(cx+reach, cy+reach)
	seen := map[int]bool{}
	out := append([]int(nil), ix.big...)
	for x := x0; x <= x1; x++ {
		for y := y0; y <= y1; y++ {
			for _, i := range ix.cells[[2]int{x, y}] {
				if !seen[i] {
					seen[i] = true
					out = append(out, i)
				}
			}
		}
	}
	return out
}

// crowding returns a target that the 24 px circle centred on targets[i]
// touches (or whose own circle it touches, for another small target), or nil.
func crowding(targets []target, ix *targetIndex, i int) *a11y.Node {
	t := targets[i]
	cx, cy := t.center()
	const radius = minTarget / 2
	var best *a11y.Node
	bestDist := math.Inf(1)
	for _, j := range ix.near(cx, cy) {
		u := targets[j]
		if j == i || u.n.Contains(t.n) || t.n.Contains(u.n) {
			continue
		}
		d := rectDistance(cx, cy, u.box)
		hit := d < radius
		if u.small {
			ux, uy := u.center()
			dc := math.Hypot(cx-ux, cy-uy)
			if dc < 2*radius {
				hit = true
				d = math.Min(d, dc-radius)
			}
		}
		if hit && (d < bestDist || d == bestDist && best != nil && u.n.Index < best.Index) {
			best, bestDist = u.n, d
		}
	}
	return best
}

// rectDistance returns the distance from a point to a rectangle (0 inside).
func rectDistance(x, y float64, b a11y.Rect) float64 {
	dx := math.Max(math.Max(b.X-x, 0), x-(b.X+b.Width))
	dy := math.Max(math.Max(b.Y-y, 0), y-(b.Y+b.Height))
	return math.Hypot(dx, dy)
}
