package a11y

import (
	"maps"
	"slices"
	"sync"
	"sync/atomic"
)

// cache holds values derived from a document, computed on first use.
// Each engine area keeps its own part.
type cache struct {
	aria *ariaCache
	name *nameCache
	sel  *selCache

	shared map[any]any // Memo
}

func newCache(d *Document, nodes, elements int) *cache {
	return &cache{aria: newAriaCache(nodes, elements), name: newNameCache(elements), sel: newSelCache(d, elements)}
}

// prime works out, for every element of d, the facts nearly every rule
// reads (computed role, rendering and tree inclusion, presentational
// ancestor, focusability, aria-hidden) and builds the relation indexes
// (labels, aria-owns, frame owners, static style sheet facts), so that
// views made afterwards start from a copy of them instead of working them
// out again each. With workers > 1 the elements are shared out between two
// goroutines. d must be the document that indexed the nodes.
func (d *Document) prime(workers int) {
	n := len(d.elements)
	if workers < 2 || n < 2 {
		d.primeElements(d.elements)
		d.primeRelations()
		return
	}
	// the second half goes to a document of its own with empty caches,
	// whose tables are then merged into d's: each fact depends only on
	// the tree, so both compute the same facts for the ancestors they share
	helper := d.withCache(newCache(d, d.nodes, n))
	var wg sync.WaitGroup
	wg.Go(func() { helper.primeElements(d.elements[n/2:]) })
	d.primeElements(d.elements[:n/2])
	d.primeRelations()
	wg.Wait()
	a, b := d.cache.aria, helper.cache.aria
	a.role.merge(&b.role)
	a.explicit.merge(&b.explicit)
	a.implicit.merge(&b.implicit)
	a.state.merge(&b.state)
	a.presAnc.merge(&b.presAnc)
	a.focusable.merge(&b.focusable)
	d.cache.name.ariaHidden.merge(&helper.cache.name.ariaHidden)
}

func (d *Document) primeElements(elements []*Node) {
	for _, e := range elements {
		d.Role(e)
		d.InAXTree(e)
		d.Focusable(e)
		d.ariaHidden(e)
	}
}

func (d *Document) primeRelations() {
	d.buildOwns()
	d.frameOwnerOf(nil)
	d.nameRelations()
	d.sheetFacts()
}

// forView returns the caches of a view of the document whose caches c are:
// copies of the engine's memo tables as they stand, the relation indexes
// (built by then, read only from now on) and the tables of names and
// descriptions, which the document and its views share. The document must
// not be in use on another goroutine while forView runs.
func (c *cache) forView(d *Document, elements int) *cache {
	a := c.aria
	av := &ariaCache{
		role:      a.role.clone(),
		explicit:  a.explicit.clone(),
		implicit:  a.implicit.clone(),
		busy:      newElemMemo[bool](elements),
		state:     a.state.clone(),
		presAnc:   a.presAnc.clone(),
		focusable: a.focusable.clone(),
	}
	if a.framesBuilt {
		av.framesBuilt, av.frameOwner = true, a.frameOwner
	}
	if a.ownsBuilt {
		av.ownsBuilt, av.ownerOf, av.owned = true, a.ownerOf, a.owned
	}
	n := c.name
	nv := &nameCache{
		name:       n.name.forView(),
		desc:       n.desc.forView(),
		ariaHidden: n.ariaHidden.clone(),
		entered:    make([]uint32, elements),
		sheets:     n.sheets,
	}
	if n.relBuilt {
		nv.relBuilt, nv.labels, nv.ownerOf, nv.owns = true, n.labels, n.ownerOf, n.owns
	}
	return &cache{aria: av, name: nv, sel: newSelCache(d, elements)}
}

// Memo returns the value kept under key for this document, calling build
// on first use. Rules use it to share what they derive from the whole
// document (table models, parsed style sheets, indexes of labels) instead of
// deriving it again in every pass; the value must not change once built.
// Keys should be values of an unexported type of the calling package, as
// for context values. Index forgets every value.
func (d *Document) Memo(key any, build func() any) any {
	if v, ok := d.cache.shared[key]; ok {
		return v
	}
	v := build()
	if d.cache.shared == nil {
		d.cache.shared = map[any]any{}
	}
	d.cache.shared[key] = v
	return v
}

// elemSlot returns the place of element n in the document's per-element
// tables: its position among the elements when the document indexed it,
// else -1 (nodes that are not elements, elements a source added without
// indexing, elements of another document).
func (d *Document) elemSlot(n *Node) int {
	if n.Type == ElementNode && n.doc == d.owner() {
		if i := int(n.elem); i >= 0 && i < len(d.elements) && d.elements[i] == n {
			return i
		}
	}
	return -1
}

// memo memoises one value per node: in a table, allocated on first use,
// indexed by the node's index (or for a memo of elements only, by its
// position among the elements) for the nodes the document indexed, and in a
// map for any other node.
type memo[T any] struct {
	size  int
	elems bool // indexed by element position; other nodes go to the map
	tab   []memoEntry[T]
	other map[*Node]T
}

type memoEntry[T any] struct {
	val   T
	known bool
}

// newMemo returns a memo for any node of a document of the given size.
func newMemo[T any](nodes int) memo[T] { return memo[T]{size: nodes} }

// newElemMemo returns a memo meant for the elements of a document.
func newElemMemo[T any](elements int) memo[T] { return memo[T]{size: elements, elems: true} }

func (m *memo[T]) index(d *Document, n *Node) int {
	if m.elems {
		return d.elemSlot(n)
	}
	if n.doc == d.owner() && n.Index >= 0 && n.Index < m.size {
		return n.Index
	}
	return -1
}

func (m *memo[T]) get(d *Document, n *Node) (T, bool) {
	if i := m.index(d, n); i >= 0 {
		if i < len(m.tab) {
			e := &m.tab[i]
			return e.val, e.known
		}
		var zero T
		return zero, false
	}
	v, ok := m.other[n]
	return v, ok
}

func (m *memo[T]) put(d *Document, n *Node, v T) {
	if i := m.index(d, n); i >= 0 {
		if m.tab == nil {
			m.tab = make([]memoEntry[T], m.size)
		}
		m.tab[i] = memoEntry[T]{v, true}
		return
	}
	if m.other == nil {
		m.other = map[*Node]T{}
	}
	m.other[n] = v
}

// merge adds to m the values o holds that m lacks.
func (m *memo[T]) merge(o *memo[T]) {
	for i := range o.tab {
		if e := o.tab[i]; e.known {
			if m.tab == nil {
				m.tab = make([]memoEntry[T], m.size)
			}
			if !m.tab[i].known {
				m.tab[i] = e
			}
		}
	}
	addMissing(&m.other, o.other)
}

// addMissing adds to *dst the entries of src it lacks.
func addMissing[T any](dst *map[*Node]T, src map[*Node]T) {
	for n, v := range src {
		if _, ok := (*dst)[n]; !ok {
			if *dst == nil {
				*dst = map[*Node]T{}
			}
			(*dst)[n] = v
		}
	}
}

// clone returns a copy of m that shares nothing with it.
func (m *memo[T]) clone() memo[T] {
	c := *m
	c.tab = slices.Clone(m.tab)
	c.other = maps.Clone(m.other)
	return c
}

func (m *memo[T]) forget(d *Document, n *Node) {
	if i := m.index(d, n); i >= 0 {
		if m.tab != nil {
			m.tab[i] = memoEntry[T]{}
		}
		return
	}
	delete(m.other, n)
}

// roleMemo memoises a role per element: a byte naming the role among
// roleNames, where a string memo would take 24 bytes. Roles outside
// roleNames, and nodes the document did not index, are kept in a map.
type roleMemo struct {
	size  int
	tab   []uint8 // 0: not known; k: roleNames[k-1]
	other map[*Node]string
}

// roleNames lists the role names a roleMemo stores as a byte: every role
// the engine knows, and "" for no role.
var roleNames, roleNumbers = func() ([]string, map[string]uint8) {
	names := []string{"", "generic", "sectionheader", "sectionfooter", "image"}
	for r := range roleDefs {
		if !slices.Contains(names, r) {
			names = append(names, r)
		}
	}
	slices.Sort(names[1:])
	names = names[:min(len(names), 255)]
	numbers := make(map[string]uint8, len(names))
	for i, r := range names {
		numbers[r] = uint8(i + 1)
	}
	return names, numbers
}()

func newRoleMemo(elements int) roleMemo { return roleMemo{size: elements} }

// merge adds to m the values o holds that m lacks.
func (m *roleMemo) merge(o *roleMemo) {
	for i, k := range o.tab {
		if k != 0 {
			if m.tab == nil {
				m.tab = make([]uint8, m.size)
			}
			if m.tab[i] == 0 {
				m.tab[i] = k
			}
		}
	}
	addMissing(&m.other, o.other)
}

// clone returns a copy of m that shares nothing with it.
func (m *roleMemo) clone() roleMemo {
	return roleMemo{size: m.size, tab: slices.Clone(m.tab), other: maps.Clone(m.other)}
}

func (m *roleMemo) get(d *Document, n *Node) (string, bool) {
	if i := d.elemSlot(n); i >= 0 && i < len(m.tab) {
		if k := m.tab[i]; k != 0 {
			return roleNames[k-1], true
		}
	}
	if m.other == nil {
		return "", false
	}
	v, ok := m.other[n]
	return v, ok
}

func (m *roleMemo) put(d *Document, n *Node, v string) {
	if i := d.elemSlot(n); i >= 0 && i < m.size {
		if k, ok := roleNumbers[v]; ok {
			if m.tab == nil {
				m.tab = make([]uint8, m.size)
			}
			m.tab[i] = k
			return
		}
	}
	if m.other == nil {
		m.other = map[*Node]string{}
	}
	m.other[n] = v
}

// sharedMemo memoises one value per element for a document and its views
// at once: the goroutines checking the document share what any of them
// computed. A slot is set once, by whichever goroutine computes its value
// first; the value must not depend on which goroutine computes it (names
// and descriptions depend only on the tree and the engine's other facts).
// Nodes the document did not index go to a map of the goroutine's own.
type sharedMemo[T any] struct {
	tab *[]atomic.Pointer[T] // indexed by element position; shared
	own map[*Node]T          // other nodes; this goroutine's own
}

func newSharedMemo[T any](elements int) sharedMemo[T] {
	tab := make([]atomic.Pointer[T], elements)
	return sharedMemo[T]{tab: &tab}
}

func (m *sharedMemo[T]) get(d *Document, n *Node) (T, bool) {
	if i := d.elemSlot(n); i >= 0 && i < len(*m.tab) {
		if p := (*m.tab)[i].Load(); p != nil {
			return *p, true
		}
		var zero T
		return zero, false
	}
	v, ok := m.own[n]
	return v, ok
}

// put keeps v for n, unless another goroutine kept a value first; p, when
// not nil, points to v and is kept as it is (callers pass shared pointers
// to common values to spare an allocation).
func (m *sharedMemo[T]) put(d *Document, n *Node, v T, p *T) {
	if i := d.elemSlot(n); i >= 0 && i < len(*m.tab) {
		if p == nil {
			p = &v
		}
		(*m.tab)[i].CompareAndSwap(nil, p)
		return
	}
	if m.own == nil {
		m.own = map[*Node]T{}
	}
	m.own[n] = v
}

// forView returns the memo a view of the document uses: the same table,
// a map of its own.
func (m *sharedMemo[T]) forView() sharedMemo[T] { return sharedMemo[T]{tab: m.tab} }
