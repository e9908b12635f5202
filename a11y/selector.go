package a11y

import (
	"regexp"

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
	d     *Document
	pos   memo[sibPos]
	sel   memo[string]
	xpath memo[string]
}

// sibPos is an element's position among its parent's children: of its type
// (for :nth-of-type) and by tag name (for XPath), with the counts.
type sibPos struct{ ofType, typeCount, byName int }

func newSelCache(nodes int) *selCache {
	return &selCache{pos: newMemo[sibPos](nodes), sel: newMemo[string](nodes), xpath: newMemo[string](nodes)}
}

func (c *selCache) position(e *Node) sibPos {
	if c != nil {
		if p, ok := c.pos.get(c.d, e); ok {
			return p
		}
	}
	type key struct{ name, ns string }
	counts := map[key]int{}
	var out sibPos
	for s := e.Parent.FirstChild; s != nil; s = s.NextSibling {
		if s.Type != ElementNode {
			continue
		}
		k := key{s.Data, s.Namespace}
		counts[k]++
		if c != nil {
			c.pos.put(c.d, s, sibPos{ofType: counts[k], byName: counts[k]})
		} else if s == e {
			out = sibPos{ofType: counts[k], byName: counts[k]}
		}
	}
	if c != nil {
		for s := e.Parent.FirstChild; s != nil; s = s.NextSibling {
			if s.Type == ElementNode {
				p, _ := c.pos.get(c.d, s)
				p.typeCount = counts[key{s.Data, s.Namespace}]
				c.pos.put(c.d, s, p)
			}
		}
		p, _ := c.pos.get(c.d, e)
		return p
	}
	out.typeCount = counts[key{e.Data, e.Namespace}]
	return out
}

func selCacheOf(n *Node) *selCache {
	if n.doc != nil && n.doc.cache != nil {
		c := n.doc.cache.sel
		c.d = n.doc
		return c
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
	var parts []string
	for e := n; e != nil && e.Type == ElementNode; e = e.Parent {
		if id := e.ID(); id != "" && e.doc != nil && len(e.doc.AllByID(e, id)) == 1 && simpleIdent(id) {
			parts = append(parts, "#"+id)
			break
		}
		step := cssName(e)
		if e.Parent != nil && (e.Parent.Type == ElementNode || e.Parent.Type == ShadowRootNode) {
			if p := c.position(e); p.typeCount > 1 {
				step += ":nth-of-type(" + strconv.Itoa(p.ofType) + ")"
			}
		}
		parts = append(parts, step)
	}
	for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
		parts[i], parts[j] = parts[j], parts[i]
	}
	s := strings.Join(parts, " > ")
	if c != nil {
		c.sel.put(c.d, n, s)
	}
	return s
}

var identRe = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*$`)

func simpleIdent(s string) bool { return len(s) < 80 && identRe.MatchString(s) }

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
	var parts []string
	for e := n; e != nil && e.Type == ElementNode; e = e.Parent {
		pos := 1
		if e.Parent != nil {
			pos = c.position(e).byName
		}
		name := e.Data
		if !simpleIdent(name) {
			name = "*"
		}
		parts = append(parts, name+"["+strconv.Itoa(pos)+"]")
	}
	for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
		parts[i], parts[j] = parts[j], parts[i]
	}
	s := "/" + strings.Join(parts, "/")
	if c != nil {
		c.xpath.put(c.d, n, s)
	}
	return s
}

// Snippet returns n's start tag and a short piece of its content, trimmed
// to MaxSnippet bytes. It is raw page content: writers must escape it.
func Snippet(n *Node) string {
	if n == nil || n.Type != ElementNode {
		return ""
	}
	var b strings.Builder
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
	b.WriteString("</" + n.Data + ">")
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
