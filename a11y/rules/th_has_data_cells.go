package rules

import "github.com/delaktig/delaktig/a11y"

// THHasDataCells: every header cell of a table is the header of at least one
// other cell (a data cell, or a header cell under it). A header with nothing under it (or beside it) is usually a sign
// that the table's structure is broken: screen-reader users hear headers
// that do not match the data.
//
// ACT d0f69e (not yet approved by W3C). Targets are cells with the role
// columnheader or rowheader that are seen and in the accessibility tree,
// whose nearest table or grid is in the accessibility tree. They pass when
// assigned to a cell with the role cell or a role inheriting from it
// (gridcell, columnheader, rowheader). A header is
// assigned to a cell by the cell's headers attribute, else by the HTML
// algorithm that scans left and up from each cell; in ARIA tables a column
// header covers its column and a row header its row. In static mode, a
// header that a <style> rule may hide makes a failure cantTell.
var THHasDataCells = &a11y.Rule{
	ID:       "th-has-data-cells",
	WCAG:     []string{"1.3.1"},
	ACT:      []string{"d0f69e"},
	EN301549: []string{"9.1.3.1"},
	Impact:   a11y.Moderate,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{thHasDataCellsHasCells, thHasDataCellsNoCells, thHasDataCellsNoCellsMaybeHidden},
	Tags:     []string{"tables", "structure"},
	Since:    "0.1.0",
	Run:      runTHHasDataCells,
}

const (
	thHasDataCellsHasCells           a11y.Msg = "th-has-data-cells.has-cells"
	thHasDataCellsNoCells            a11y.Msg = "th-has-data-cells.no-cells"
	thHasDataCellsNoCellsMaybeHidden a11y.Msg = "th-has-data-cells.no-cells-maybe-hidden"
)

// questionHeaderShown asks whether a header cell is shown to users.
const questionHeaderShown = "th-has-data-cells.header-shown"

func runTHHasDataCells(p *a11y.Pass) error {
	css := newAuthorStyles(p.Doc)
	for m := range tablesIn(p) {
		if !p.InAXTree(m.table) || css.rendered(p, m.table) == visNo {
			continue
		}
		assigned := map[*tableCell]bool{}
		for _, c := range m.cells {
			if !c.isInheritingCell() {
				continue
			}
			for _, h := range m.headersOf(c) {
				assigned[h] = true
			}
		}
		for _, h := range m.cells {
			if !h.isHeaderRole() {
				continue
			}
			seen := css.visible(p, h.node)
			if seen == visNo || !p.InAXTree(h.node) || css.rendered(p, h.node) == visNo {
				continue
			}
			switch {
			case assigned[h]:
				p.Pass(h.node, thHasDataCellsHasCells)
			case seen != visYes:
				p.CantTell(h.node, thHasDataCellsNoCellsMaybeHidden, a11y.Ask(questionHeaderShown))
			default:
				p.Fail(h.node, thHasDataCellsNoCells)
			}
		}
	}
	return nil
}
