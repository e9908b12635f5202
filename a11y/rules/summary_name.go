package rules

import (
	"golang.org/x/net/html/atom"

	"github.com/delaktig/delaktig/a11y"
)

// SummaryName: the <summary> that opens and closes a <details> element has
// a non-empty accessible name, so that people know what the hidden section
// holds before they open it.
//
// ACT 2t702h. Targets are <summary> elements included in the accessibility
// tree that are the first <summary> child of a <details> element and have no
// explicit role, or a presentational role that is ignored because the
// summary is focusable. The disclosure triangle (::marker) is not a name.
var SummaryName = &a11y.Rule{
	ID:       "summary-name",
	WCAG:     []string{"4.1.2"},
	ACT:      []string{"2t702h"},
	EN301549: []string{"9.4.1.2"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{summaryNameHasName, summaryNameNoName, summaryNameUnsure},
	Tags:     []string{"buttons", "names"},
	Since:    "0.1.0",
	Run:      runSummaryName,
}

const (
	summaryNameHasName a11y.Msg = "summary-name.has-name"
	summaryNameNoName  a11y.Msg = "summary-name.no-name"
	summaryNameUnsure  a11y.Msg = "summary-name.no-name-unsure"
)

func runSummaryName(p *a11y.Pass) error {
	for n := range p.Elements(atom.Summary) {
		if !isDetailsSummary(n) {
			continue
		}
		if r := p.Doc.ExplicitRole(n); r != "" && !(decorativeRole(r) && !decorativeRole(p.Role(n))) {
			continue
		}
		if !p.InAXTree(n) {
			continue
		}
		requireName(p, n, nameMsgs{summaryNameHasName, summaryNameNoName, summaryNameUnsure})
	}
	return nil
}

// isDetailsSummary reports whether n is the first <summary> child of a
// <details> element: the one that works as its button.
func isDetailsSummary(n *a11y.Node) bool {
	if n.Parent == nil || !n.Parent.Is(atom.Details) {
		return false
	}
	for c := range n.Parent.ElementChildren() {
		if c.Is(atom.Summary) {
			return c == n
		}
	}
	return false
}
