package rules

import (
	"strconv"
	"strings"

	"github.com/delaktig/delaktig/a11y"
)

// FocusOrder: keyboard focus moves through the page in an order that keeps
// its meaning: the order people read it in. WCAG 2.4.3 Focus Order.
//
// The rule reads the order the Tab key took in a browser source's keyboard
// walk (a11y.FocusWalk), with the boxes of the focused elements. It fails
// an element with a positive tabindex that the Tab key reaches before
// elements that come before it both in the document and on the screen
// (above it): the tabindex takes focus away from the reading order. When
// focus jumps far back against the reading direction (up by more than half
// the viewport, or back along a line by more than a third of its width),
// the rule asks whether the order still makes sense: columns, dialogs and
// skip links jump on purpose. Otherwise the order passes. The rule keeps
// to these measurable cases; whether an order is meaningful is for a
// person to judge.
var FocusOrder = &a11y.Rule{
	ID:       "focus-order",
	WCAG:     []string{"2.4.3"},
	EN301549: []string{"9.2.4.3"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM | a11y.NeedsInteraction,
	Messages: []a11y.Msg{focusOrderFollows, focusOrderTabindex, focusOrderJump, focusOrderNoWalk},
	Tags:     []string{"keyboard", "focus"},
	Since:    "0.1.0",
	Run:      runFocusOrder,
}

const (
	focusOrderFollows  a11y.Msg = "focus-order.follows"
	focusOrderTabindex a11y.Msg = "focus-order.positive-tabindex"
	focusOrderJump     a11y.Msg = "focus-order.jumps-back"
	focusOrderNoWalk   a11y.Msg = "focus-order.no-walk"
)

// questionOrderMeaningful asks whether a jump in the focus order makes sense.
const questionOrderMeaningful = "focus-order.meaningful"

// maxJumps bounds the jumps reported on one page.
const maxJumps = 5

func runFocusOrder(p *a11y.Pass) error {
	walk := p.Doc.Focus()
	if walk == nil {
		p.CantTell(nil, focusOrderNoWalk, a11y.Ask(questionOrderMeaningful))
		return nil
	}
	var steps []*a11y.FocusRendering
	for _, s := range walk.Steps {
		if s != nil && s.Node != nil && s.Box != nil {
			steps = append(steps, s)
		}
	}
	if len(steps) < 2 {
		return nil
	}
	rtl := false
	if h := p.Doc.HTML(); h != nil {
		rtl = strings.EqualFold(strings.TrimSpace(h.Get("dir")), "rtl")
	}
	problems := 0
	positive := map[*a11y.Node]bool{}
	for i, s := range steps {
		k, ok := a11y.TabIndex(s.Node)
		if !ok || k <= 0 {
			continue
		}
		var skipped []*a11y.Node
		for _, later := range steps[i+1:] {
			if later.Node.Index < s.Node.Index && later.Box.Y+later.Box.Height <= s.Box.Y+1 {
				skipped = append(skipped, later.Node)
			}
		}
		if len(skipped) == 0 {
			continue
		}
		positive[s.Node] = true
		problems++
		p.Fail(s.Node, focusOrderTabindex, a11y.Data{"tabindex": strconv.Itoa(k), "count": len(skipped)}, a11y.Related(skipped))
	}
	jumps := 0
	for i := 1; i < len(steps) && jumps < maxJumps; i++ {
		a, b := steps[i-1], steps[i]
		if positive[a.Node] || positive[b.Node] {
			continue
		}
		vh := b.Viewport.Height
		if vh <= 0 {
			vh = 800
		}
		up := a.Box.Y - (b.Box.Y + b.Box.Height)
		sameLine := b.Box.Y < a.Box.Y+a.Box.Height && a.Box.Y < b.Box.Y+b.Box.Height
		// how far b lies before a along the line, against the reading direction
		back := a.Box.X - (b.Box.X + b.Box.Width)
		if rtl {
			back = b.Box.X - (a.Box.X + a.Box.Width)
		}
		width := b.Viewport.Width
		if width <= 0 {
			width = 1280
		}
		switch {
		case up > vh/2:
		case sameLine && back > width/3:
		default:
			continue
		}
		jumps++
		problems++
		p.CantTell(b.Node, focusOrderJump, a11y.Data{"from": shortText(p.Name(a.Node), 40)}, a11y.Related{a.Node}, a11y.Ask(questionOrderMeaningful))
	}
	if problems == 0 {
		p.Pass(nil, focusOrderFollows, a11y.Data{"count": len(steps)})
	}
	return nil
}
