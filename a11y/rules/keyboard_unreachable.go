package rules

import (
	"strings"

	"github.com/delaktig/delaktig/a11y"
)

// KeyboardUnreachable: what can be done with a mouse click can be done with
// the keyboard. WCAG 2.1.1 Keyboard.
//
// Targets are the elements a browser source found reacting to pointer
// clicks or looking clickable (a11y.KeyboardFacts.Clickable): an event
// handler attribute such as onclick, a click, mousedown, pointerdown or
// touch listener on the element itself, or a pointer cursor. The source
// leaves out elements that are focusable, inside a focusable element or a
// label, or that hold focusable content. A target the Tab key reached
// passes. One with a handler that the Tab key never reached fails: a
// keyboard user cannot use it (a div with onclick as the only way to the
// next step). One that only looks clickable is cantTell.
var KeyboardUnreachable = &a11y.Rule{
	ID:       "keyboard-unreachable",
	WCAG:     []string{"2.1.1"},
	EN301549: []string{"9.2.1.1"},
	Impact:   a11y.Critical,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM | a11y.NeedsInteraction,
	Messages: []a11y.Msg{unreachableReached, unreachableMouseOnly, unreachableLooksClickable, unreachableNotChecked},
	Tags:     []string{"keyboard"},
	Since:    "0.1.0",
	Run:      runKeyboardUnreachable,
}

const (
	unreachableReached        a11y.Msg = "keyboard-unreachable.reached"
	unreachableMouseOnly      a11y.Msg = "keyboard-unreachable.mouse-only"
	unreachableLooksClickable a11y.Msg = "keyboard-unreachable.looks-clickable"
	unreachableNotChecked     a11y.Msg = "keyboard-unreachable.not-checked"
)

// questionClickable asks whether an element does something when clicked.
const questionClickable = "keyboard-unreachable.clickable"

func runKeyboardUnreachable(p *a11y.Pass) error {
	k := p.Doc.Keyboard()
	if k == nil || !k.ClickChecked {
		p.CantTell(nil, unreachableNotChecked, a11y.Ask(questionClickable))
		return nil
	}
	walk := p.Doc.Focus()
	for _, c := range k.Clickable {
		if c == nil || c.Node == nil {
			continue
		}
		text := a11y.Data{"text": shortText(c.Node.Text(), 40)}
		switch {
		case walk.Step(c.Node) != nil:
			p.Pass(c.Node, unreachableReached)
		case c.Attribute || c.Listener:
			events := strings.Join(c.Events, ", ")
			if events == "" {
				events = "click"
			}
			text["events"] = events
			p.Fail(c.Node, unreachableMouseOnly, text)
		default:
			p.CantTell(c.Node, unreachableLooksClickable, text, a11y.Ask(questionClickable))
		}
	}
	return nil
}
