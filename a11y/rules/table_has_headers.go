package rules

import (
	"golang.org/x/net/html/atom"

	"github.com/delaktig/delaktig/a11y"
)

// TableHasHeaders: a data table marks its header cells (th, or the headers
// attribute, or the columnheader and rowheader roles), so that screen
// readers can say which column and row each value belongs to.
//
// Targets are tables in the accessibility tree with at least two rows and
// two columns; layout tables marked role=presentation or role=none are
// inapplicable. A table without any header cell fails when it is clearly a
// data table (a caption, a summary, thead or tfoot, col elements, scope or
// abbr attributes, or an explicit table or grid role); otherwise the rule
// asks whether it presents data (cantTell).
var TableHasHeaders = &a11y.Rule{
	ID:       "table-has-headers",
	WCAG:     []string{"1.3.1"},
	EN301549: []string{"9.1.3.1"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{tableHasHeadersHas, tableHasHeadersNone, tableHasHeadersMaybeLayout},
	Tags:     []string{"tables", "structure"},
	Since:    "0.1.0",
	Run:      runTableHasHeaders,
}

const (
	tableHasHeadersHas         a11y.Msg = "table-has-headers.has-headers"
	tableHasHeadersNone        a11y.Msg = "table-has-headers.no-headers"
	tableHasHeadersMaybeLayout a11y.Msg = "table-has-headers.maybe-layout"
)

// questionDataTable asks whether a table presents data.
const questionDataTable = "table-has-headers.is-data-table"

func runTableHasHeaders(p *a11y.Pass) error {
	css := newAuthorStyles(p.Doc)
	for m := range tablesIn(p) {
		if !p.InAXTree(m.table) || css.rendered(p, m.table) == visNo {
			continue
		}
		if m.height < 2 || m.width < 2 {
			continue
		}
		headers := false
		for _, c := range m.cells {
			if c.th || c.isHeaderRole() || c.node.Has("headers") {
				headers = true
				break
			}
		}
		seen := css.visible(p, m.table)
		switch {
		case headers:
			p.Pass(m.table, tableHasHeadersHas)
		case clearlyDataTable(p, m) && seen == visYes:
			p.Fail(m.table, tableHasHeadersNone)
		default:
			p.CantTell(m.table, tableHasHeadersMaybeLayout, a11y.Ask(questionDataTable))
		}
	}
	return nil
}

// clearlyDataTable reports whether a table says it holds data: an ARIA
// table, or an HTML table with a caption, summary, row groups for head and
// foot, columns or header attributes.
func clearlyDataTable(p *a11y.Pass, m *tableModel) bool {
	if !m.html {
		return true
	}
	if r := p.Doc.ExplicitRole(m.table); r == "table" || r == "grid" || r == "treegrid" {
		return true
	}
	if m.table.Has("summary") && !blank(m.table.Get("summary")) {
		return true
	}
	for c := range m.table.ElementChildren() {
		switch {
		case c.Is(atom.Caption) && !blank(c.Text()):
			return true
		case c.Is(atom.Thead, atom.Tfoot, atom.Colgroup, atom.Col):
			return true
		}
	}
	for _, c := range m.cells {
		if c.node.Has("scope") || c.node.Has("abbr") {
			return true
		}
	}
	return false
}
