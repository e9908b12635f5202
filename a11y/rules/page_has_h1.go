package rules

import "github.com/delaktig/delaktig/a11y"

// PageHasH1: the page has a main heading (level 1) that says what the page
// is. Screen-reader users jump to it to skip menus and to learn where they
// are; in a multi-step e-service it names the step.
//
// The target is the top document. Headings are h1 and role=heading elements
// with level 1 in the accessibility tree. This is a best practice (WCAG does
// not require a level-1 heading). In static mode a level-1 heading that a
// <style> rule may hide makes a pass cantTell.
var PageHasH1 = &a11y.Rule{
	ID:       "page-has-h1",
	Impact:   a11y.Moderate,
	Scope:    a11y.ScopePage,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{pageHasH1Has, pageHasH1Missing, pageHasH1MaybeHidden},
	Tags:     []string{"structure", "headings", "best-practice"},
	Since:    "0.1.0",
	Run:      runPageHasH1,
}

const (
	pageHasH1Has         a11y.Msg = "page-has-h1.has-h1"
	pageHasH1Missing     a11y.Msg = "page-has-h1.missing"
	pageHasH1MaybeHidden a11y.Msg = "page-has-h1.maybe-hidden"
)

// questionH1Shown asks whether the main heading is shown.
const questionH1Shown = "page-has-h1.h1-shown"

func runPageHasH1(p *a11y.Pass) error {
	root := topHTML(p)
	if root == nil || p.Doc.Body() == nil {
		return nil
	}
	css := newAuthorStyles(p.Doc)
	var maybe *a11y.Node
	for n := range p.Elements() {
		if docRootOf(n) != p.Doc.Root {
			continue
		}
		if level, ok := headingLevelOf(p, n); !ok || level != 1 || !p.InAXTree(n) {
			continue
		}
		switch css.rendered(p, n) {
		case visYes, visLikely:
			p.Pass(root, pageHasH1Has, a11y.Related{n})
			return nil
		case visMaybe:
			if maybe == nil {
				maybe = n
			}
		}
	}
	if maybe != nil {
		p.CantTell(root, pageHasH1MaybeHidden, a11y.Related{maybe}, a11y.Ask(questionH1Shown))
		return nil
	}
	p.Fail(root, pageHasH1Missing)
	return nil
}
