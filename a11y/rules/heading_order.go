package rules

import (
	"strconv"

	"github.com/delaktig/delaktig/a11y"
)

// HeadingOrder: heading levels go down one step at a time (h2 to h3, not h2
// to h4). Screen-reader users move through a page by its headings and read
// the levels as an outline; a skipped level makes them wonder what they
// missed. Going back up any number of levels is fine, and the first heading
// may have any level.
//
// Targets are headings in the accessibility tree (h1–h6 and role=heading,
// with aria-level), in document order, per document. Skipping levels is not
// in itself a WCAG failure, so the rule is a best practice. In static mode a
// heading that a <style> rule may hide on either side of a skip makes it
// cantTell.
var HeadingOrder = &a11y.Rule{
	ID:       "heading-order",
	Impact:   a11y.Moderate,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{headingOrderInOrder, headingOrderSkipped, headingOrderSkippedMaybe},
	Tags:     []string{"structure", "headings", "best-practice"},
	Since:    "0.1.0",
	Run:      runHeadingOrder,
}

const (
	headingOrderInOrder      a11y.Msg = "heading-order.in-order"
	headingOrderSkipped      a11y.Msg = "heading-order.skipped"
	headingOrderSkippedMaybe a11y.Msg = "heading-order.skipped-maybe"
)

// questionHeadingsShown asks whether headings are shown.
const questionHeadingsShown = "heading-order.headings-shown"

func runHeadingOrder(p *a11y.Pass) error {
	css := newAuthorStyles(p.Doc)
	type prev struct {
		level int
		maybe bool
	}
	last := map[*a11y.Node]prev{} // per document
	for n := range p.Elements() {
		level, ok := headingLevelOf(p, n)
		if !ok || !p.InAXTree(n) {
			continue
		}
		r := css.rendered(p, n)
		if r == visNo {
			continue
		}
		doc := docRootOf(n)
		before, seen := last[doc]
		last[doc] = prev{level, r != visYes}
		data := a11y.Data{"level": strconv.Itoa(level)}
		switch {
		case !seen || level <= before.level+1:
			p.Pass(n, headingOrderInOrder, data)
		case r != visYes || before.maybe:
			data["previous"] = strconv.Itoa(before.level)
			p.CantTell(n, headingOrderSkippedMaybe, data, a11y.Ask(questionHeadingsShown))
		default:
			data["previous"] = strconv.Itoa(before.level)
			p.Fail(n, headingOrderSkipped, data)
		}
	}
	return nil
}
