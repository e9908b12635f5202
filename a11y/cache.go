package a11y

import "slices"

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
