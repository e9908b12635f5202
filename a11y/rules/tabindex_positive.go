package rules

import (
	"strconv"

	"github.com/delaktig/delaktig/a11y"
)

// TabindexPositive: no element has a tabindex above 0. A positive tabindex
// moves the element to the front of the tab order, so keyboard users jump
// around the page in an order that does not match what they see, and easily
// skip fields of a form.
//
// Targets are elements with a tabindex attribute that parses as an integer;
// those with 0 or less pass. Elements hidden from everyone are inapplicable;
// in static mode an element that a <style> rule may hide makes a failure
// cantTell.
var TabindexPositive = &a11y.Rule{
	ID:       "tabindex-positive",
	WCAG:     []string{"2.4.3"},
	EN301549: []string{"9.2.4.3"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{tabindexPositiveNotPositive, tabindexPositivePositive, tabindexPositiveMaybeHidden},
	Tags:     []string{"keyboard", "structure"},
	Since:    "0.1.0",
	Run:      runTabindexPositive,
}

const (
	tabindexPositiveNotPositive a11y.Msg = "tabindex-positive.not-positive"
	tabindexPositivePositive    a11y.Msg = "tabindex-positive.positive"
	tabindexPositiveMaybeHidden a11y.Msg = "tabindex-positive.positive-maybe-hidden"
)

// questionElementShown asks whether an element is shown.
const questionElementShown = "tabindex-positive.element-shown"

func runTabindexPositive(p *a11y.Pass) error {
	css := newAuthorStyles(p.Doc)
	for n := range p.Elements() {
		k, ok := a11y.TabIndex(n)
		if !ok {
			continue
		}
		r := css.rendered(p, n)
		switch {
		case r == visNo || p.Doc.Inert(n):
		case k <= 0:
			p.Pass(n, tabindexPositiveNotPositive)
		case r != visYes:
			p.CantTell(n, tabindexPositiveMaybeHidden, a11y.Data{"tabindex": strconv.Itoa(k)}, a11y.Ask(questionElementShown))
		default:
			p.Fail(n, tabindexPositivePositive, a11y.Data{"tabindex": strconv.Itoa(k)})
		}
	}
	return nil
}
