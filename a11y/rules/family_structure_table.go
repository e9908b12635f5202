package rules

import (
	"strconv"
	"strings"

	"golang.org/x/net/html/atom"

	"github.com/delaktig/delaktig/a11y"
)

// This file builds the table model the table rules share: the HTML table
// processing model (rows, row groups, colspan, rowspan) with the HTML
// algorithm that assigns header cells to cells, and a simpler grid for ARIA
// tables (role=table, grid, treegrid with row and cell descendants).

// tableCell is one cell of a table model.
type tableCell struct {
	node       *a11y.Node
	x, y, w, h int
	// th is true for an HTML th element (the header cells of the HTML
	// algorithm, whatever their role).
	th bool
	// role is the cell's semantic role: "columnheader", "rowheader",
	// "cell" or "gridcell" (or another role an author gave it).
	role string
}

// isHeaderRole reports whether the cell's role is a header role.
func (c *tableCell) isHeaderRole() bool { return c.role == "columnheader" || c.role == "rowheader" }

// isInheritingCell reports whether the cell's role is cell or one of its
// subclass roles (gridcell, columnheader, rowheader).
func (c *tableCell) isInheritingCell() bool {
	switch c.role {
	case "cell", "gridcell", "columnheader", "rowheader":
		return true
	}
	return false
}

// tableModel is a table laid out on a grid.
type tableModel struct {
	table         *a11y.Node
	html          bool // an HTML <table>, else an ARIA table
	role          string
	cells         []*tableCell
	byNode        map[*a11y.Node]*tableCell
	grid          [][]*tableCell // [y][x]
	width, height int
	rowCount      int // rows (tr elements or role=row elements)

	// filled on first use; the models of a document are shared by the rules
	ids     map[string]*tableCell       // id → first cell with it
	headers map[*tableCell][]*tableCell // headersOf
}

func (t *tableModel) at(x, y int) *tableCell {
	if y < 0 || y >= len(t.grid) || x < 0 || x >= len(t.grid[y]) {
		return nil
	}
	return t.grid[y][x]
}

func (t *tableModel) set(x, y int, c *tableCell) {
	for len(t.grid) <= y {
		t.grid = append(t.grid, nil)
	}
	for len(t.grid[y]) <= x {
		t.grid[y] = append(t.grid[y], nil)
	}
	t.grid[y][x] = c
	if x+1 > t.width {
		t.width = x + 1
	}
	if y+1 > t.height {
		t.height = y + 1
	}
}

// tableLikeRoles are the roles that make an element a table for the table rules.
var tableLikeRoles = map[string]bool{"table": true, "grid": true, "treegrid": true}

// tableOf returns the model of the table t (an HTML table or an element with
// role table, grid or treegrid), or nil when t is not one.
func tableOf(p *a11y.Pass, t *a11y.Node) *tableModel {
	role := roleOrImplicit(p, t)
	if !tableLikeRoles[role] {
		return nil
	}
	m := &tableModel{table: t, role: role, byNode: map[*a11y.Node]*tableCell{}}
	if t.Is(atom.Table) {
		m.html = true
		m.buildHTML(p)
	} else {
		m.buildARIA(p)
	}
	return m
}

// buildHTML runs the HTML table forming algorithm (simplified: no col
// elements) and gives each cell its role.
func (m *tableModel) buildHTML(p *a11y.Pass) {
	y := 0
	var pending []*tableCell // cells with rowspan=0 grow to the end of their row group
	row := func(tr *a11y.Node) {
		x := 0
		for c := range tr.ElementChildren() {
			if !c.Is(atom.Td, atom.Th) {
				continue
			}
			for m.at(x, y) != nil {
				x++
			}
			w := spanAttr(c, "colspan", 1, 1000)
			h := spanAttr(c, "rowspan", 1, 65534)
			if c.Has("rowspan") && trimHTMLSpace(c.Get("rowspan")) == "0" {
				h = 0
			}
			cell := &tableCell{node: c, x: x, y: y, w: w, h: max(h, 1), th: c.Is(atom.Th)}
			if h == 0 {
				pending = append(pending, cell)
			}
			m.cells = append(m.cells, cell)
			m.byNode[c] = cell
			for dy := 0; dy < max(h, 1); dy++ {
				for dx := 0; dx < w; dx++ {
					if m.at(x+dx, y+dy) == nil {
						m.set(x+dx, y+dy, cell)
					}
				}
			}
			x += w
		}
		m.rowCount++
		y++
	}
	endGroup := func() {
		for _, c := range pending {
			c.h = max(y-c.y, 1)
			for dy := 0; dy < c.h; dy++ {
				for dx := 0; dx < c.w; dx++ {
					if m.at(c.x+dx, c.y+dy) == nil {
						m.set(c.x+dx, c.y+dy, c)
					}
				}
			}
		}
		pending = pending[:0]
		// rows spanning past the group end stop at it
		if y < m.height {
			m.grid = m.grid[:y]
			m.height = y
			for _, c := range m.cells {
				if c.y+c.h > y {
					c.h = y - c.y
				}
			}
		}
	}
	loose := false // rows directly in the table form one group
	for c := range m.table.ElementChildren() {
		switch {
		case c.Is(atom.Tr):
			row(c)
			loose = true
		case c.Is(atom.Thead, atom.Tbody, atom.Tfoot):
			if loose {
				endGroup()
				loose = false
			}
			for r := range c.ElementChildren() {
				if r.Is(atom.Tr) {
					row(r)
				}
			}
			endGroup()
		}
	}
	if loose {
		endGroup()
	}
	for _, c := range m.cells {
		c.role = m.htmlCellRole(p, c)
	}
}

// spanAttr reads colspan or rowspan as HTML does: a non-negative integer,
// default def, clamped to [1, limit] (0 handled by the caller).
func spanAttr(n *a11y.Node, name string, def, limit int) int {
	v, ok := n.AttrValue(name)
	if !ok {
		return def
	}
	v = trimHTMLSpace(v)
	end := 0
	for end < len(v) && v[end] >= '0' && v[end] <= '9' {
		end++
	}
	k, err := strconv.Atoi(v[:end])
	if err != nil || k < 1 {
		return def
	}
	return min(k, limit)
}

// thScope returns the state of a th's scope attribute: "row", "col",
// "rowgroup", "colgroup" or "" (auto).
func thScope(n *a11y.Node) string {
	switch s := strings.ToLower(trimHTMLSpace(n.Get("scope"))); s {
	case "row", "col", "rowgroup", "colgroup":
		return s
	}
	return ""
}

// isColumnHeader applies the HTML definition of a column header to a th cell.
func (m *tableModel) isColumnHeader(c *tableCell) bool {
	switch thScope(c.node) {
	case "col", "colgroup":
		return true
	case "row", "rowgroup":
		return false
	}
	for y := c.y; y < c.y+c.h; y++ {
		for x := 0; x < m.width; x++ {
			if d := m.at(x, y); d != nil && !d.th {
				return false
			}
		}
	}
	return true
}

// isRowHeader applies the HTML definition of a row header to a th cell.
func (m *tableModel) isRowHeader(c *tableCell) bool {
	switch thScope(c.node) {
	case "row", "rowgroup":
		return true
	case "col", "colgroup":
		return false
	}
	if m.isColumnHeader(c) {
		return false
	}
	for x := c.x; x < c.x+c.w; x++ {
		for y := 0; y < m.height; y++ {
			if d := m.at(x, y); d != nil && !d.th {
				return false
			}
		}
	}
	return true
}

// htmlCellRole returns the role of a cell of an HTML table: the engine's
// when it knows one, else the explicit role, else columnheader or rowheader
// for th as the HTML header definitions say, else cell (gridcell in a grid).
func (m *tableModel) htmlCellRole(p *a11y.Pass, c *tableCell) string {
	if r := p.Role(c.node); r != "" && r != "generic" {
		return r
	}
	if r := p.Doc.ExplicitRole(c.node); r != "" {
		return r
	}
	plain := "cell"
	if m.role != "table" {
		plain = "gridcell"
	}
	if !c.th {
		return plain
	}
	switch {
	case m.isColumnHeader(c):
		return "columnheader"
	case m.isRowHeader(c):
		return "rowheader"
	case c.y == 0:
		return "columnheader"
	case c.x == 0:
		return "rowheader"
	}
	return plain
}

// buildARIA lays out an ARIA table: rows are descendants with role row whose
// nearest table ancestor is this one; cells are their descendants with a
// cell or header role whose nearest row is that row, placed left to right.
func (m *tableModel) buildARIA(p *a11y.Pass) {
	y := 0
	var walk func(n *a11y.Node, row *a11y.Node, x *int)
	walk = func(n *a11y.Node, row *a11y.Node, x *int) {
		for c := range n.FlatChildren() {
			if c.Type != a11y.ElementNode {
				continue
			}
			r := p.Role(c)
			switch {
			case tableLikeRoles[r]:
				continue // a nested table
			case r == "row" && row == nil:
				cx := 0
				walk(c, c, &cx)
				m.rowCount++
				y++
				continue
			case row != nil && (r == "cell" || r == "gridcell" || r == "columnheader" || r == "rowheader"):
				cell := &tableCell{node: c, x: *x, y: y, w: 1, h: 1, role: r, th: r == "columnheader" || r == "rowheader"}
				m.cells = append(m.cells, cell)
				m.byNode[c] = cell
				m.set(*x, y, cell)
				*x++
				continue
			}
			walk(c, row, x)
		}
	}
	walk(m.table, nil, nil)
}

// tableModelsKey keys the table models of a document in a11y.Document.Memo.
type tableModelsKey struct{}

// tablesIn yields the table models of the document's tables: HTML tables and
// elements with a table, grid or treegrid role. The models are built once
// per document and shared by the rules: they must not change them.
func tablesIn(p *a11y.Pass) func(yield func(*tableModel) bool) {
	models := p.Doc.Memo(tableModelsKey{}, func() any {
		var out []*tableModel
		for n := range p.Elements() {
			if !n.Is(atom.Table) && !tableLikeRoles[p.Role(n)] {
				continue
			}
			if m := tableOf(p, n); m != nil {
				out = append(out, m)
			}
		}
		return out
	}).([]*tableModel)
	return func(yield func(*tableModel) bool) {
		for _, m := range models {
			if !yield(m) {
				return
			}
		}
	}
}

// cellByID returns the cell of the table with the given id, or nil.
func (m *tableModel) cellByID(id string) *tableCell {
	if id == "" {
		for _, c := range m.cells {
			if c.node.ID() == "" {
				return c
			}
		}
		return nil
	}
	if m.ids == nil {
		m.ids = map[string]*tableCell{}
		for _, c := range m.cells {
			if cid := c.node.ID(); cid != "" {
				if _, ok := m.ids[cid]; !ok {
					m.ids[cid] = c
				}
			}
		}
	}
	return m.ids[id]
}

// headersOf returns the header cells the HTML algorithm assigns to cell c:
// those its headers attribute names, else those found by scanning left and
// up. The list is shared: callers must not change it.
func (m *tableModel) headersOf(c *tableCell) []*tableCell {
	if l, ok := m.headers[c]; ok {
		return l
	}
	if m.headers == nil {
		m.headers = map[*tableCell][]*tableCell{}
	}
	l := m.assignHeaders(c)
	m.headers[c] = l
	return l
}

func (m *tableModel) assignHeaders(c *tableCell) []*tableCell {
	if !m.html {
		return m.ariaHeadersOf(c)
	}
	var out []*tableCell
	if v, ok := c.node.AttrValue("headers"); ok {
		for _, id := range strings.Fields(v) {
			if h := m.cellByID(id); h != nil && h != c && !containsCell(out, h) {
				out = append(out, h)
			}
		}
		return out
	}
	for y := c.y; y < c.y+c.h; y++ {
		out = m.scan(c, out, c.x, y, -1, 0)
	}
	for x := c.x; x < c.x+c.w; x++ {
		out = m.scan(c, out, x, c.y, 0, -1)
	}
	return out
}

// scan is the HTML "internal algorithm for scanning and assigning header cells".
func (m *tableModel) scan(principal *tableCell, headers []*tableCell, x, y, dx, dy int) []*tableCell {
	var opaque, block []*tableCell
	inBlock := principal.th
	if inBlock {
		block = append(block, principal)
	}
	for {
		x += dx
		y += dy
		if x < 0 || y < 0 {
			return headers
		}
		cur := m.at(x, y)
		if cur == nil || cur == principal {
			continue
		}
		if cur.th {
			inBlock = true
			block = append(block, cur)
			blocked := false
			if dx == 0 {
				for _, o := range opaque {
					if o.x == cur.x && o.w == cur.w {
						blocked = true
					}
				}
				if !m.isColumnHeader(cur) {
					blocked = true
				}
			}
			if dy == 0 {
				for _, o := range opaque {
					if o.y == cur.y && o.h == cur.h {
						blocked = true
					}
				}
				if !m.isRowHeader(cur) {
					blocked = true
				}
			}
			if !blocked && !containsCell(headers, cur) {
				headers = append(headers, cur)
			}
		} else if inBlock {
			inBlock = false
			opaque = append(opaque, block...)
			block = nil
		}
	}
}

// ariaHeadersOf returns the header cells of an ARIA table that apply to c:
// column headers in its column, row headers in its row.
func (m *tableModel) ariaHeadersOf(c *tableCell) []*tableCell {
	var out []*tableCell
	for _, h := range m.cells {
		if h == c {
			continue
		}
		if h.role == "columnheader" && h.x == c.x || h.role == "rowheader" && h.y == c.y {
			out = append(out, h)
		}
	}
	return out
}

func containsCell(l []*tableCell, c *tableCell) bool {
	for _, x := range l {
		if x == c {
			return true
		}
	}
	return false
}
