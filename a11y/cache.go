package a11y

// cache holds values derived from a document, computed on first use.
// Each engine area keeps its own part.
type cache struct {
	aria *ariaCache
	name *nameCache
	sel  *selCache

	shared map[any]any // Memo
}

func newCache(nodes int) *cache {
	return &cache{aria: newAriaCache(nodes), name: newNameCache(nodes), sel: newSelCache(nodes)}
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

// slot returns the place of n in the document's per-node tables: its
// index when the document indexed it, else -1 (nodes a source added
// without indexing, nodes of another document).
func (d *Document) slot(n *Node) int {
	if n.doc == d && n.Index >= 0 && n.Index < d.nodes {
		return n.Index
	}
	return -1
}

// memo memoises one value per node: in a table indexed by the node's index
// for the nodes the document indexed, allocated on first use, and in a map
// for any other node.
type memo[T any] struct {
	size  int
	tab   []memoEntry[T]
	other map[*Node]T
}

type memoEntry[T any] struct {
	val   T
	known bool
}

func newMemo[T any](nodes int) memo[T] { return memo[T]{size: nodes} }

func (m *memo[T]) get(d *Document, n *Node) (T, bool) {
	if i := n.Index; n.doc == d && i >= 0 && i < m.size {
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
	if i := n.Index; n.doc == d && i >= 0 && i < m.size {
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
	if i := n.Index; n.doc == d && i >= 0 && i < m.size {
		if m.tab != nil {
			m.tab[i] = memoEntry[T]{}
		}
		return
	}
	delete(m.other, n)
}
