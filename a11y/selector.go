package a11y

import (
	"golang.org/x/net/html/atom"
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxSnippet bounds the length of a finding's snippet in bytes.
const MaxSnippet = 300

// selCache memoises selectors, XPaths and sibling positions; positions are
// computed for all children of a parent at once, so a page with thousands of
// siblings costs linear time, not quadratic.
type selCache struct {
	d       *Document
	pos     memo[sibPos]
	sel     memo[string]
	xpath   memo[string]
	snippet memo[string]
}

// sibPos is an element's position among its parent's children: of its type
// (for :nth-of-type) and by tag name (for XPath), with the counts.
type sibPos struct{ ofType, typeCount, byName int }

func newSelCache(d *Document, elements int) *selCache {
	return &selCache{d: d, pos: newElemMemo[sibPos](elements), sel: newElemMemo[string](elements), xpath: newElemMemo[string](elements), snippet: newElemMemo[string](elements)}
}

func (c *selCache) position(e *Node) sibPos {
	if c != nil {
		if p, ok := c.pos.get(c.d, e); ok {
			return p
		}
	}
	var counts tagCounts
	var out sibPos
	for s := e.Parent.FirstChild; s != nil; s = s.NextSibling {
		if s.Type != ElementNode {
			continue
		}
		k := counts.inc(s.Data, s.Namespace)
		if c != nil {
			c.pos.put(c.d, s, sibPos{ofType: k, byName: k})
		} else if s == e {
			out = sibPos{ofType: k, byName: k}
		}
	}
	if c != nil {
		for s := e.Parent.FirstChild; s != nil; s = s.NextSibling {
			if s.Type == ElementNode {
				p, _ := c.pos.get(c.d, s)
				p.typeCount = counts.get(s.Data, s.Namespace)
				c.pos.put(c.d, s, p)
			}
		}
		p, _ := c.pos.get(c.d, e)
		return p
	}
	out.typeCount = counts.get(e.Data, e.Namespace)
	return out
}

// tagCounts counts siblings by tag name and namespace: in a short list
// while there are few different tags, as usual, else in a map.
type tagCounts struct {
	list []tagCount
	many map[tagKey]int
}

type tagKey struct{ name, ns string }

type tagCount struct {
	key tagKey
	n   int
}

// inc counts one more element with the tag and returns the count.
func (t *tagCounts) inc(name, ns string) int {
	k := tagKey{name, ns}
	if t.many != nil {
		t.many[k]++
		return t.many[k]
	}
	for i := range t.list {
		if t.list[i].key == k {
			t.list[i].n++
			return t.list[i].n
		}
	}
	if len(t.list) < 16 {
		t.list = append(t.list, tagCount{k, 1})
		return 1
	}
	t.many = make(map[tagKey]int, 2*len(t.list))
	for _, c := range t.list {
		t.many[c.key] = c.n
	}
	t.list = nil
	t.many[k] = 1
	return 1
}

func (t *tagCounts) get(name, ns string) int {
	k := tagKey{name, ns}
	if t.many != nil {
		return t.many[k]
	}
	for _, c := range t.list {
		if c.key == k {
			return c.n
		}
	}
	return 0
}

func selCacheOf(n *Node) *selCache {
	if n.doc != nil && n.doc.cache != nil {
		return n.doc.cache.sel
	}
	return nil
}

// Selector returns a CSS selector that selects exactly n within its tree (the
// document, a frame's document or a shadow root): the nearest ancestor with a
// unique, well-formed id, then child steps with :nth-of-type where needed.
func Selector(n *Node) string {
	if n == nil || n.Type != ElementNode {
		return ""
	}
	c := selCacheOf(n)
	if c != nil {
		if s, ok := c.sel.get(c.d, n); ok {
			return s
		}
	}
	// the steps from n up to the element with a unique id, the top of the
	// tree or an ancestor whose selector is known; each element's selector
	// is its parent's and its own step
	var chain []*Node
	prefix := ""
	for e := n; e != nil && e.Type == ElementNode; e = e.Parent {
		if c != nil && e != n {
			if s, ok := c.sel.get(c.d, e); ok {
				prefix = s
				break
			}
		}
		chain = append(chain, e)
		if selectorID(e) != "" {
			break
		}
	}
	for i := len(chain) - 1; i >= 0; i-- {
		e := chain[i]
		step := selectorID(e)
		if step == "" {
			step = cssName(e)
			if e.Parent != nil && (e.Parent.Type == ElementNode || e.Parent.Type == ShadowRootNode) {
				if p := c.position(e); p.typeCount > 1 {
					step += ":nth-of-type(" + strconv.Itoa(p.ofType) + ")"
				}
			}
		}
		if prefix != "" {
			step = prefix + " > " + step
		}
		prefix = step
		if c != nil {
			c.sel.put(c.d, e, step)
		}
	}
	return prefix
}

// selectorID returns "#id" when e's id is unique in its tree and usable as
// is in a selector, else "".
func selectorID(e *Node) string {
	if id := e.ID(); id != "" && e.doc != nil && len(e.doc.AllByID(e, id)) == 1 && simpleIdent(id) {
		return "#" + id
	}
	return ""
}

// simpleIdent reports whether s matches ^[A-Za-z_][A-Za-z0-9_-]*$ and is
// shorter than 80 bytes.
func simpleIdent(s string) bool {
	if s == "" || len(s) >= 80 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		case i > 0 && (c == '-' || '0' <= c && c <= '9'):
		default:
			return false
		}
	}
	return true
}

func cssName(e *Node) string {
	if simpleIdent(e.Data) {
		return e.Data
	}
	return "*"
}

// XPath returns an absolute XPath to n within its tree.
func XPath(n *Node) string {
	if n == nil || n.Type != ElementNode {
		return ""
	}
	c := selCacheOf(n)
	if c != nil {
		if s, ok := c.xpath.get(c.d, n); ok {
			return s
		}
	}
	// each element's path is its parent's and its own step
	var chain []*Node
	prefix := ""
	for e := n; e != nil && e.Type == ElementNode; e = e.Parent {
		if c != nil && e != n {
			if s, ok := c.xpath.get(c.d, e); ok {
				prefix = s
				break
			}
		}
		chain = append(chain, e)
	}
	for i := len(chain) - 1; i >= 0; i-- {
		e := chain[i]
		pos := 1
		if e.Parent != nil {
			pos = c.position(e).byName
		}
		name := e.Data
		if !simpleIdent(name) {
			name = "*"
		}
		prefix = prefix + "/" + name + "[" + strconv.Itoa(pos) + "]"
		if c != nil {
			c.xpath.put(c.d, e, prefix)
		}
	}
	return prefix
}

// Snippet returns n's start tag and a short piece of its content, trimmed
// to MaxSnippet bytes. It is raw page content: writers must escape it.
func Snippet(n *Node) string {
	if n == nil || n.Type != ElementNode {
		return ""
	}
	c := selCacheOf(n)
	if c == nil {
		return snippet(n)
	}
	if s, ok := c.snippet.get(c.d, n); ok {
		return s
	}
	s := snippet(n)
	c.snippet.put(c.d, n, s)
	return s
}

func snippet(n *Node) string {
	var b strings.Builder
	// room for the whole snippet at once (values are cut at 80 bytes, the
	// text at 60), so that the builder grows once
	size := 2*len(n.Data) + 70
	for _, a := range n.Attr {
		size += len(a.Namespace) + len(a.Key) + min(len(a.Val), 84) + 5
	}
	b.Grow(min(size, MaxSnippet+100))
	b.WriteByte('<')
	b.WriteString(n.Data)
	for _, a := range n.Attr {
		b.WriteByte(' ')
		if a.Namespace != "" {
			b.WriteString(a.Namespace + ":")
		}
		b.WriteString(a.Key)
		b.WriteString(`="`)
		v := a.Val
		if len(v) > 80 {
			v = truncate(v, 80) + "…"
		}
		b.WriteString(strings.ReplaceAll(strings.ReplaceAll(v, "&", "&amp;"), `"`, "&quot;"))
		b.WriteByte('"')
		if b.Len() > MaxSnippet {
			break
		}
	}
	b.WriteByte('>')
	if voidElement(n.Data) {
		return truncate(b.String(), MaxSnippet)
	}
	text := snippetText(n, 60)
	b.WriteString(text)
	b.WriteString("</")
	b.WriteString(n.Data)
	b.WriteByte('>')
	return truncate(b.String(), MaxSnippet)
}

func truncate(s string, max int) string {
	if len(s) <= max {
		return s
	}
	for max > 0 && !utf8.RuneStart(s[max]) {
		max--
	}
	return s[:max]
}

func voidElement(tag string) bool {
	switch tag {
	case "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr":
		return true
	}
	return false
}

// snippetText returns the first max bytes of n's text, whitespace
// collapsed, with "…" when there is more. It stops reading as soon as it
// has enough, so the snippet of <body> costs no more than that of a <span>.
func snippetText(n *Node, max int) string {
	var b strings.Builder
	more := false
	space := false
	walk(n, func(m *Node) bool {
		if more {
			return false
		}
		if m.Type == ElementNode && (m.DataAtom == atom.Script || m.DataAtom == atom.Style || m.DataAtom == atom.Template) {
			return false
		}
		if m.Type != TextNode {
			return true
		}
		for _, r := range m.Data {
			if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' {
				space = b.Len() > 0
				continue
			}
			if b.Len() >= max {
				more = true
				return false
			}
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteRune(r)
		}
		return true
	})
	s := b.String()
	if more {
		s += "…"
	}
	return s
}
