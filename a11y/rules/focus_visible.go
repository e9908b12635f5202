package rules

import (
	"strings"

	"github.com/delaktig/delaktig/a11y"
	"golang.org/x/net/html/atom"
)

// FocusVisible: every element in the Tab order shows that it has keyboard
// focus: at least one pixel of the page changes colour when it is focused.
// ACT oj04fd, WCAG 2.4.7.
//
// The rule reads the focus walk a browser source stores in the document
// (a11y.FocusWalk under a11y.FocusKey): each element the Tab key reached is
// passed when the walk saw pixels change, failed when it compared the page
// and saw none change. An element the walk reached without comparing, or an
// element in the Tab order that an incomplete walk did not reach, is
// cantTell. The change may be anywhere on the page, as ACT allows; how big
// and how clear it is belongs to WCAG 2.4.13 (AAA) and is not checked.
var FocusVisible = &a11y.Rule{
	ID:       "focus-visible",
	WCAG:     []string{"2.4.7"},
	ACT:      []string{"oj04fd"},
	EN301549: []string{"9.2.4.7"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM | a11y.NeedsInteraction,
	Messages: []a11y.Msg{focusShown, focusNotShown, focusNotCompared, focusNotReached, focusNoWalk},
	Tags:     []string{"keyboard", "focus"},
	Since:    "0.1.0",
	Run:      runFocusVisible,
}

const (
	focusShown       a11y.Msg = "focus-visible.shown"
	focusNotShown    a11y.Msg = "focus-visible.not-shown"
	focusNotCompared a11y.Msg = "focus-visible.not-compared"
	focusNotReached  a11y.Msg = "focus-visible.not-reached"
	focusNoWalk      a11y.Msg = "focus-visible.no-walk"
)

// questionFocusShown asks whether focus can be seen on an element.
const questionFocusShown = "focus-visible.shown"

func runFocusVisible(p *a11y.Pass) error {
	walk := p.Doc.Focus()
	if walk == nil {
		p.CantTell(nil, focusNoWalk, a11y.Ask(questionFocusShown))
		return nil
	}
	reached := map[*a11y.Node]bool{}
	for _, s := range walk.Steps {
		if s == nil || s.Node == nil || reached[s.Node] {
			continue
		}
		reached[s.Node] = true
		switch {
		case !s.PixelsCompared:
			p.CantTell(s.Node, focusNotCompared, a11y.Ask(questionFocusShown))
		case s.Changed:
			p.Pass(s.Node, focusShown)
		default:
			p.Fail(s.Node, focusNotShown)
		}
	}
	if walk.Complete {
		return nil
	}
	stops := radioTabStops(p)
	for n := range p.Elements() {
		if reached[n] || !p.Tabbable(n) || p.Hidden(n) {
			continue
		}
		if stop, ok := stops[radioGroupKey(n)]; ok && n.Is(atom.Input) && stop != n {
			continue // the Tab key stops at one radio button of a group; arrows move within it
		}
		p.CantTell(n, focusNotReached, a11y.Data{"stopped": walk.Stopped}, a11y.Ask(questionFocusShown))
	}
	return nil
}

// radioKey identifies a group of radio buttons: the form that owns them (or
// the tree they are in) and their name.
type radioKey struct {
	owner *a11y.Node
	name  string
}

// radioGroupKey returns the group of a named radio button, or the zero key.
func radioGroupKey(n *a11y.Node) radioKey {
	if !n.Is(atom.Input) || !strings.EqualFold(strings.TrimSpace(n.Get("type")), "radio") || n.Get("name") == "" {
		return radioKey{}
	}
	owner := n.Closest(func(a *a11y.Node) bool { return a.Is(atom.Form) })
	if owner == nil {
		owner = n.TreeRoot()
	}
	return radioKey{owner, n.Get("name")}
}

// radioTabStops returns, for each group of radio buttons, the one the Tab
// key moves to: the checked one, else the first. The others are reached
// with the arrow keys, so a walk with the Tab key does not visit them.
func radioTabStops(p *a11y.Pass) map[radioKey]*a11y.Node {
	stops := map[radioKey]*a11y.Node{}
	checked := map[radioKey]bool{}
	for n := range p.Doc.Elements(atom.Input) {
		k := radioGroupKey(n)
		if k.owner == nil || !p.Tabbable(n) || p.Hidden(n) {
			continue
		}
		on := n.Has("checked")
		if n.Checked != nil {
			on = *n.Checked
		}
		switch {
		case on && !checked[k]:
			stops[k], checked[k] = n, true
		case stops[k] == nil:
			stops[k] = n
		}
	}
	return stops
}
