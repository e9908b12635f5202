package rules

import (
	"strings"

	"github.com/delaktig/delaktig/a11y"
)

// AriaHiddenFocus: content hidden with aria-hidden="true" cannot be reached
// with the Tab key. ACT 6cfa84. A keyboard user lands on a link or button
// that a screen reader says nothing about, or reads as empty.
//
// Targets are elements whose aria-hidden value is "true". The expectation
// holds when no inclusive descendant in the flat tree is in the sequential
// focus navigation order. The outcome is cantTell, not failed, when a style
// sheet the static check cannot evaluate might hide the focusable element,
// or when the page's own script handles focus on it (an onfocus handler,
// or an inline script that names its id and listens for focus, as focus
// sentinels of modal dialogs do). When the source walked the page with the
// Tab key from start to end, the walk decides instead: an element the
// keyboard never stopped on does not fail.
var AriaHiddenFocus = &a11y.Rule{
	ID:       "aria-hidden-focus",
	WCAG:     []string{"4.1.2"},
	ACT:      []string{"6cfa84"},
	EN301549: []string{"9.4.1.2"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{ariaHiddenFocusNoFocus, ariaHiddenFocusFocusable, ariaHiddenFocusFocusableUnsure},
	Tags:     []string{"aria", "keyboard"},
	Since:    "0.1.0",
	Run:      runAriaHiddenFocus,
}

const (
	ariaHiddenFocusNoFocus         a11y.Msg = "aria-hidden-focus.no-focus"
	ariaHiddenFocusFocusable       a11y.Msg = "aria-hidden-focus.focusable"
	ariaHiddenFocusFocusableUnsure a11y.Msg = "aria-hidden-focus.focusable-unsure"
)

// questionFocusMoves asks whether focus leaves an element as soon as it arrives.
const questionFocusMoves = "aria.focus-moves-on"

func runAriaHiddenFocus(p *a11y.Pass) error {
	var scripts []string // inline script texts, read on first need
	scriptsRead := false
	reached, walked := ariaFocusWalk(p)
	for n := range p.Elements() {
		if !strings.EqualFold(strings.Trim(n.Get("aria-hidden"), " \t\n\f\r"), "true") {
			continue
		}
		sure, unsure := ariaTabbableWithin(p, n, true)
		var managed []*a11y.Node
		if len(sure) > 0 && !scriptsRead {
			scriptsRead = true
			scripts = ariaScriptTexts(p)
		}
		var definite []*a11y.Node
		for _, e := range sure {
			if walked {
				if reached[e] {
					definite = append(definite, e)
				}
				continue // the keyboard never stopped on it
			}
			if ariaFocusScripted(e, scripts) {
				managed = append(managed, e)
			} else {
				definite = append(definite, e)
			}
		}
		switch {
		case len(definite) > 0:
			p.Fail(n, ariaHiddenFocusFocusable, a11y.Data{"count": len(definite)}, a11y.Related(definite))
		case len(managed) > 0:
			p.CantTell(n, ariaHiddenFocusFocusableUnsure, a11y.Data{"count": len(managed)}, a11y.Related(managed), a11y.Ask(questionFocusMoves))
		case len(unsure) > 0:
			p.CantTell(n, ariaHiddenFocusFocusableUnsure, a11y.Data{"count": len(unsure)}, a11y.Related(unsure), a11y.Ask(questionAriaShown))
		default:
			p.Pass(n, ariaHiddenFocusNoFocus)
		}
	}
	return nil
}

// ariaFocusScripted reports whether the page's script visibly handles focus
// on e: a focus handler attribute, or an inline script that mentions both
// e's id and focus.
func ariaFocusScripted(e *a11y.Node, scripts []string) bool {
	if e.Has("onfocus") || e.Has("onfocusin") {
		return true
	}
	id := e.ID()
	if id == "" {
		return false
	}
	for _, s := range scripts {
		if strings.Contains(s, id) && strings.Contains(strings.ToLower(s), "focus") {
			return true
		}
	}
	return false
}
