package a11y

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxSnippet bounds the length of a finding's snippet in bytes.
const MaxSnippet = 300

// Selector returns a CSS selector that selects exactly n within its tree (the
// document, a frame's document or a shadow root): the nearest ancestor with a
// unique, well-formed id, then child steps with :nth-of-type where needed.
func Selector(n *Node) string {
	if n == nil || n.Type != ElementNode {
		return ""
	}
	var parts []string
	for e := n; e != nil && e.Type == ElementNode; e = e.Parent {
		if id := e.ID(); id != "" && e.doc != nil && len(e.doc.AllByID(e, id)) == 1 && simpleIdent(id) {
			parts = append(parts, "#"+id)
			break
		}
		step := cssName(e)
		if e.Parent != nil && e.Parent.Type == ElementNode || e.Parent != nil && e.Parent.Type == ShadowRootNode {
			same, pos := 0, 0
			for s := e.Parent.FirstChild; s != nil; s = s.NextSibling {
				if s.Type == ElementNode && s.Data == e.Data && s.Namespace == e.Namespace {
					same++
					if s == e {
						pos = same
					}
				}
			}
			if same > 1 {
				step += ":nth-of-type(" + strconv.Itoa(pos) + ")"
			}
		}
		parts = append(parts, step)
	}
	for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
		parts[i], parts[j] = parts[j], parts[i]
	}
	return strings.Join(parts, " > ")
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
	var parts []string
	for e := n; e != nil && e.Type == ElementNode; e = e.Parent {
		pos := 0
		if e.Parent != nil {
			for s := e.Parent.FirstChild; s != nil; s = s.NextSibling {
				if s.Type == ElementNode && s.Data == e.Data {
					pos++
				}
				if s == e {
					break
				}
			}
		}
		name := e.Data
		if !simpleIdent(name) {
			name = "*"
		}
		if pos == 0 {
			pos = 1
		}
		parts = append(parts, name+"["+strconv.Itoa(pos)+"]")
	}
	for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
		parts[i], parts[j] = parts[j], parts[i]
	}
	return "/" + strings.Join(parts, "/")
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
	text := strings.Join(strings.Fields(n.Text()), " ")
	if len(text) > 60 {
		text = truncate(text, 60) + "…"
	}
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
