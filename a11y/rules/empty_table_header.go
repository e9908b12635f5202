package rules

import "github.com/delaktig/delaktig/a11y"

// EmptyTableHeader: a header cell that is the header of data cells has
// text. Screen readers read a column or row header with each cell under it;
// an empty header gives those cells no meaning ("12 500", but 12 500 what?).
//
// Targets are cells with the role columnheader or rowheader, in the
// accessibility tree, that the HTML header algorithm (or the ARIA table
// grid) assigns to at least one data cell. An empty corner cell that heads
// only other headers is inapplicable. A header passes when it has an
// accessible name or text; in static mode, an empty header that style sheets
// might fill with generated text is cantTell.
var EmptyTableHeader = &a11y.Rule{
	ID:       "empty-table-header",
	WCAG:     []string{"1.3.1"},
	EN301549: []string{"9.1.3.1"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{emptyTableHeaderHasText, emptyTableHeaderEmpty, emptyTableHeaderMaybeGenerated},
	Tags:     []string{"tables", "structure"},
	Since:    "0.1.0",
	Run:      runEmptyTableHeader,
}

const (
	emptyTableHeaderHasText a11y.Msg = "empty-table-header.has-text"
	emptyTableHeaderEmpty   a11y.Msg = "empty-table-header.empty"
	// emptyTableHeaderMaybeGenerated: empty in the markup, but style sheets
	// the static source cannot apply may give it text.
	emptyTableHeaderMaybeGenerated a11y.Msg = "empty-table-header.maybe-generated"
)

// questionHeaderText asks whether a header cell shows text.
const questionHeaderText = "empty-table-header.header-text"

func runEmptyTableHeader(p *a11y.Pass) error {
	css := newAuthorStyles(p.Doc)
	for m := range tablesIn(p) {
		if !p.InAXTree(m.table) || css.rendered(p, m.table) == visNo {
			continue
		}
		headsData := map[*tableCell]bool{}
		for _, c := range m.cells {
			if c.role != "cell" && c.role != "gridcell" {
				continue
			}
			for _, h := range m.headersOf(c) {
				headsData[h] = true
			}
		}
		for _, h := range m.cells {
			if !h.isHeaderRole() || !headsData[h] || !p.InAXTree(h.node) || css.rendered(p, h.node) == visNo {
				continue
			}
			switch {
			case p.Name(h.node) != "" || !blank(h.node.Text()):
				p.Pass(h.node, emptyTableHeaderHasText)
			case !p.Doc.NameCertain(h.node):
				p.CantTell(h.node, emptyTableHeaderMaybeGenerated, a11y.Ask(questionHeaderText))
			default:
				p.Fail(h.node, emptyTableHeaderEmpty)
			}
		}
	}
	return nil
}
