package rules

import (
	"strings"

	"github.com/delaktig/delaktig/a11y"
)

// TDHeaders: each id in a cell's headers attribute names another cell of the
// same table. Screen readers read the named header cells aloud with each
// data cell; a headers attribute pointing elsewhere reads the wrong header,
// or none, and the numbers in the table lose their meaning.
//
// ACT a25f45. Targets are headers attributes on cells of tables that are
// seen, in the accessibility tree and have the role table, grid or
// treegrid. Layout tables (role=presentation) are inapplicable. In static
// mode, a table that a <style> rule may hide makes a wrong reference
// cantTell instead of failed.
var TDHeaders = &a11y.Rule{
	ID:       "td-headers",
	WCAG:     []string{"1.3.1"},
	ACT:      []string{"a25f45"},
	EN301549: []string{"9.1.3.1"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{tdHeadersValid, tdHeadersNotCell, tdHeadersSelf, tdHeadersMaybeHidden},
	Tags:     []string{"tables", "structure"},
	Since:    "0.1.0",
	Run:      runTDHeaders,
}

const (
	tdHeadersValid       a11y.Msg = "td-headers.valid"
	tdHeadersNotCell     a11y.Msg = "td-headers.not-cell"
	tdHeadersSelf        a11y.Msg = "td-headers.self"
	tdHeadersMaybeHidden a11y.Msg = "td-headers.maybe-hidden"
)

// questionTableShown asks whether a table is shown to users.
const questionTableShown = "td-headers.table-shown"

func runTDHeaders(p *a11y.Pass) error {
	css := newAuthorStyles(p.Doc)
	for m := range tablesIn(p) {
		if !m.html {
			continue // the headers attribute belongs to HTML tables
		}
		seen := css.visible(p, m.table)
		if seen == visNo || !p.InAXTree(m.table) || css.rendered(p, m.table) == visNo {
			continue
		}
		for _, c := range m.cells {
			v, ok := c.node.AttrValue("headers")
			if !ok {
				continue
			}
			var bad []string
			self := false
			for _, id := range strings.Fields(v) {
				switch {
				case id == c.node.ID():
					self = true
				case m.cellByID(id) == nil:
					bad = append(bad, id)
				}
			}
			switch {
			case !self && len(bad) == 0:
				p.Pass(c.node, tdHeadersValid)
			case seen != visYes:
				p.CantTell(c.node, tdHeadersMaybeHidden, a11y.Ask(questionTableShown))
			case self:
				p.Fail(c.node, tdHeadersSelf)
			default:
				p.Fail(c.node, tdHeadersNotCell, a11y.Data{"ids": excerpt(strings.Join(bad, " "))})
			}
		}
	}
	return nil
}
