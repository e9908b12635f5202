package rules

import (
	"github.com/delaktig/delaktig/a11y"
)

// KeyboardTrap: keyboard focus can always be moved on from an element with
// the Tab key, or at least away from it with standard keys. WCAG 2.1.2 No
// Keyboard Trap; it implements ACT a1b64e (no keyboard trap via standard
// navigation). It does not claim ACT 80af7b, whose passed cases leave with
// a key the page explains (Ctrl+M): the rule does not read instructions
// and would fail them.
//
// The rule reads the keyboard walk a browser source made (a11y.FocusWalk
// and a11y.KeyboardFacts): every element the Tab key moved on from passes.
// Where the walk got stuck on an element or went round a group of elements
// that does not hold the rest of the page, the source tried Shift+Tab and
// then Escape followed by Tab: when neither got focus out, the element (or
// the first element of the group) fails; when only Escape did, or only
// Shift+Tab, the rule asks whether people are told how to leave (WCAG
// allows a non-standard way out when it is explained). Focus kept inside an
// open modal dialog passes: that is what a dialog should do. A walk cut
// short by its limits leaves the rest cantTell.
var KeyboardTrap = &a11y.Rule{
	ID:       "keyboard-trap",
	WCAG:     []string{"2.1.2"},
	ACT:      []string{"a1b64e"},
	EN301549: []string{"9.2.1.2"},
	Impact:   a11y.Critical,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM | a11y.NeedsInteraction,
	Messages: []a11y.Msg{trapMovesOn, trapTrapped, trapEscapeOnly, trapBackOnly, trapModal, trapNotFinished, trapNoWalk},
	Tags:     []string{"keyboard"},
	Since:    "0.1.0",
	Run:      runKeyboardTrap,
}

const (
	trapMovesOn     a11y.Msg = "keyboard-trap.moves-on"
	trapTrapped     a11y.Msg = "keyboard-trap.trapped"
	trapEscapeOnly  a11y.Msg = "keyboard-trap.escape-only"
	trapBackOnly    a11y.Msg = "keyboard-trap.back-only"
	trapModal       a11y.Msg = "keyboard-trap.modal"
	trapNotFinished a11y.Msg = "keyboard-trap.not-finished"
	trapNoWalk      a11y.Msg = "keyboard-trap.no-walk"
)

// questionTrapExplained asks whether the page tells how to leave an element.
const questionTrapExplained = "keyboard-trap.explained"

func runKeyboardTrap(p *a11y.Pass) error {
	walk := p.Doc.Focus()
	if walk == nil {
		p.CantTell(nil, trapNoWalk, a11y.Ask(questionTrapExplained))
		return nil
	}
	var trap *a11y.KeyboardTrap
	if k := p.Doc.Keyboard(); k != nil {
		trap = k.Trap
	}
	held := map[*a11y.Node]bool{}
	if trap != nil {
		held[trap.Node] = true
		if trap.Kind != a11y.TrapModal {
			for _, n := range trap.Cycle {
				held[n] = true
			}
		}
	}
	for _, s := range walk.Steps {
		if s != nil && s.Node != nil && !held[s.Node] {
			p.Pass(s.Node, trapMovesOn)
		}
	}
	if trap == nil {
		if !walk.Complete {
			p.CantTell(nil, trapNotFinished, a11y.Data{"stopped": walk.Stopped}, a11y.Ask(questionTrapExplained))
		}
		return nil
	}
	var group a11y.Arg = a11y.Data{}
	if len(trap.Cycle) > 1 {
		group = a11y.Related(trap.Cycle[1:])
	}
	switch {
	case trap.Kind == a11y.TrapModal:
		p.Pass(trap.Node, trapModal, group)
	case trap.Trapped():
		p.Fail(trap.Node, trapTrapped, a11y.Data{"kind": trap.Kind}, group)
	case trap.Backward:
		p.CantTell(trap.Node, trapBackOnly, a11y.Data{"kind": trap.Kind}, group, a11y.Ask(questionTrapExplained))
	default:
		p.CantTell(trap.Node, trapEscapeOnly, a11y.Data{"kind": trap.Kind}, group, a11y.Ask(questionTrapExplained))
	}
	return nil
}
