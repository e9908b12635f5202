package guidance

import (
	"strings"
	"unicode"

	"golang.org/x/net/html/atom"

	"github.com/delaktig/delaktig/a11y"
)

// Block is a piece of text that a reader meets as one unit: a paragraph, a
// heading, a list item, a label, a table cell, a button.
type Block struct {
	// Node is the element holding the text: the innermost block-level
	// element around it.
	Node *a11y.Node
	// Text is the visible text, white space collapsed; a <br> is kept as a
	// line break.
	Text string
	// Lang is the value of the nearest lang attribute around the text
	// (trimmed, as written), or "" when there is none.
	Lang string
}

// blockTags are the elements whose text stands apart from the text around
// them, whatever their CSS display.
var blockTags = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true, atom.Body: true,
	atom.Button: true, atom.Caption: true, atom.Dd: true, atom.Details: true, atom.Dialog: true,
	atom.Div: true, atom.Dl: true, atom.Dt: true, atom.Fieldset: true, atom.Figcaption: true,
	atom.Figure: true, atom.Footer: true, atom.Form: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Header: true, atom.Hgroup: true, atom.Hr: true,
	atom.Label: true, atom.Legend: true, atom.Li: true, atom.Main: true, atom.Nav: true, atom.Ol: true,
	atom.P: true, atom.Pre: true, atom.Section: true, atom.Summary: true, atom.Table: true,
	atom.Tbody: true, atom.Thead: true, atom.Tfoot: true, atom.Td: true, atom.Th: true, atom.Tr: true,
	atom.Ul: true, atom.Menu: true, atom.Output: true, atom.Search: true,
}

// skipTags are the elements whose content is not text a reader reads on the
// page: scripts, styles, templates, and the values of form controls.
var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Template: true, atom.Noscript: true, atom.Select: true,
	atom.Option: true, atom.Datalist: true, atom.Textarea: true, atom.Iframe: true, atom.Object: true,
	atom.Frame: true, atom.Frameset: true, atom.Head: true, atom.Title: true, atom.Canvas: true,
	atom.Video: true, atom.Audio: true,
}

// isBlock reports whether element n breaks the text flow.
func isBlock(n *a11y.Node) bool {
	if n.Namespace == a11y.NamespaceHTML && blockTags[n.DataAtom] {
		return true
	}
	if n.Style != nil {
		switch d := n.Style["display"]; {
		case d == "", d == "inline", d == "contents", d == "none":
			return false
		default:
			return true
		}
	}
	return false
}

// ContentRoot returns the element whose text is the page's text: the first
// <main> (or element with role main) that is not hidden, else <body>, else
// the root element. It returns nil for an empty document.
func ContentRoot(doc *a11y.Document) *a11y.Node {
	if doc == nil || doc.Root == nil {
		return nil
	}
	for n := range doc.Elements() {
		if n.TreeRoot() != doc.Root || doc.Hidden(n) {
			continue
		}
		if n.Is(atom.Main) || doc.ExplicitRole(n) == "main" {
			return n
		}
	}
	if b := doc.Body(); b != nil {
		return b
	}
	return doc.HTML()
}

// TextBlocks returns the visible text of the page's content (see
// ContentRoot) as blocks in reading order. Text that is hidden from every
// user, or marked aria-hidden, is left out; so are scripts, styles and the
// values of form controls. Shadow trees are read through their slots, as
// they are rendered; nested frames are pages of their own and are not read.
func TextBlocks(doc *a11y.Document) []Block {
	return blocksOf(doc, ContentRoot(doc))
}

// ProseBlocks returns the blocks of TextBlocks that are running text. It
// leaves out the labels of form fields, legends and buttons: on a form they
// are many one-word "sentences" of long words ("Personnummer",
// "Postnummer") that would make the page look harder to read than its
// instructions are.
func ProseBlocks(doc *a11y.Document) []Block {
	var out []Block
	for _, b := range TextBlocks(doc) {
		if !isFormText(doc, b.Node) {
			out = append(out, b)
		}
	}
	return out
}

// ProseText returns the text of ProseBlocks, one block per paragraph.
func ProseText(doc *a11y.Document) string { return joinBlocks(ProseBlocks(doc)) }

// isFormText reports whether n is, or is inside, a label, legend or button.
func isFormText(doc *a11y.Document, n *a11y.Node) bool {
	return n.ClosestFlat(func(m *a11y.Node) bool {
		return m.Is(atom.Label, atom.Legend, atom.Button, atom.Input) || doc.ExplicitRole(m) == "button"
	}) != nil
}

// AllTextBlocks is TextBlocks over the whole <body>, header and footer
// included.
func AllTextBlocks(doc *a11y.Document) []Block {
	if doc == nil || doc.Root == nil {
		return nil
	}
	root := doc.Body()
	if root == nil {
		root = doc.HTML()
	}
	return blocksOf(doc, root)
}

// PageText returns the text of TextBlocks, one block per paragraph
// (blocks are separated by a blank line, so that each ends a sentence).
func PageText(doc *a11y.Document) string {
	return joinBlocks(TextBlocks(doc))
}

func joinBlocks(bs []Block) string {
	var b strings.Builder
	for i, bl := range bs {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(bl.Text)
	}
	return b.String()
}

// blockWalker collects blocks from a subtree.
type blockWalker struct {
	doc   *a11y.Document
	out   []Block
	stack []*a11y.Node // open block elements
	buf   strings.Builder
	pre   int // depth of <pre> elements around the current node
}

func blocksOf(doc *a11y.Document, root *a11y.Node) []Block {
	if doc == nil || root == nil {
		return nil
	}
	w := &blockWalker{doc: doc}
	w.stack = append(w.stack, root)
	w.children(root, 0)
	w.flush()
	return w.out
}

// maxWalkDepth bounds recursion over hostile documents built by hand; the
// static parser already keeps nesting below a11y.MaxDepth.
const maxWalkDepth = 4 * a11y.MaxDepth

func (w *blockWalker) children(n *a11y.Node, depth int) {
	if depth > maxWalkDepth {
		return
	}
	for _, c := range flatKids(n) {
		w.node(c, depth+1)
	}
}

// flatKids returns the children of n in the flat tree. It follows
// a11y.Node.FlatChildren and also replaces a <slot> nested inside a shadow
// tree by the nodes assigned to it (or its fallback content).
func flatKids(n *a11y.Node) []*a11y.Node {
	if n.Type == a11y.ElementNode && n.Data == "slot" && n.Namespace == a11y.NamespaceHTML {
		if host := n.ShadowHost(); host != nil {
			name := n.Get("name")
			var assigned []*a11y.Node
			for c := range host.Children() {
				switch {
				case c.Type == a11y.ElementNode && c.Get("slot") == name,
					c.Type == a11y.TextNode && name == "":
					assigned = append(assigned, c)
				}
			}
			if len(assigned) > 0 {
				return assigned
			}
		}
	}
	var out []*a11y.Node
	for c := range n.FlatChildren() {
		out = append(out, c)
	}
	return out
}

func (w *blockWalker) node(n *a11y.Node, depth int) {
	switch n.Type {
	case a11y.TextNode:
		if w.doc.Hidden(n) || w.doc.AriaHidden(n) {
			return
		}
		if w.pre > 0 {
			w.buf.WriteString(n.Data)
		} else {
			// Line breaks in the source are white space; only <br> and
			// preformatted text break lines.
			w.buf.WriteString(strings.Map(func(r rune) rune {
				if r == '\n' || r == '\r' {
					return ' '
				}
				return r
			}, n.Data))
		}
		return
	case a11y.ElementNode:
	default:
		return
	}
	if n.Namespace != a11y.NamespaceHTML || skipTags[n.DataAtom] {
		return
	}
	if w.doc.AriaHidden(n) {
		return
	}
	if n.DataAtom == atom.Br {
		w.buf.WriteByte('\n')
		return
	}
	if n.DataAtom == atom.Input {
		// The value of a submit, reset or button input is its visible label.
		switch strings.ToLower(strings.TrimSpace(n.Get("type"))) {
		case "submit", "reset", "button":
			if !w.doc.Hidden(n) {
				w.flush()
				w.buf.WriteString(n.Get("value"))
				w.stack = append(w.stack, n)
				w.flush()
				w.stack = w.stack[:len(w.stack)-1]
			}
		}
		return
	}
	if !isBlock(n) {
		w.children(n, depth)
		return
	}
	w.flush()
	w.stack = append(w.stack, n)
	if n.DataAtom == atom.Pre {
		w.pre++
	}
	w.children(n, depth)
	if n.DataAtom == atom.Pre {
		w.pre--
	}
	w.flush()
	w.stack = w.stack[:len(w.stack)-1]
}

// flush ends the current block.
func (w *blockWalker) flush() {
	raw := w.buf.String()
	w.buf.Reset()
	text := collapse(raw)
	if text == "" {
		return
	}
	n := w.stack[len(w.stack)-1]
	w.out = append(w.out, Block{Node: n, Text: text, Lang: langOf(n)})
}

// collapse collapses white space within lines and drops empty lines.
func collapse(s string) string {
	if strings.TrimFunc(s, unicode.IsSpace) == "" {
		return ""
	}
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		if f := strings.Fields(l); len(f) > 0 {
			out = append(out, strings.Join(f, " "))
		}
	}
	return strings.Join(out, "\n")
}

// langOf returns the value of the nearest lang (or xml:lang) attribute on n
// or a flat-tree ancestor, trimmed; "" when none is set.
func langOf(n *a11y.Node) string {
	for p := n; p != nil; p = p.FlatParent() {
		if p.Type != a11y.ElementNode {
			continue
		}
		if v, ok := p.AttrValue("lang"); ok {
			return strings.TrimSpace(v)
		}
		for _, a := range p.Attr {
			if a.Key == "xml:lang" || a.Namespace == "xml" && a.Key == "lang" {
				return strings.TrimSpace(a.Val)
			}
		}
	}
	return ""
}

// DeclaredLang returns the language the page declares on its root element
// (lang or xml:lang), trimmed; "" when none.
func DeclaredLang(doc *a11y.Document) string {
	if doc == nil || doc.Root == nil {
		return ""
	}
	h := doc.HTML()
	if h == nil {
		return ""
	}
	return langOf(h)
}

// baseLang returns the lower-case primary subtag of a language tag:
// "sv-SE" → "sv", "no" → "nb" (Norwegian written as bokmål by default).
func baseLang(tag string) string {
	b, _, _ := strings.Cut(strings.TrimSpace(tag), "-")
	b, _, _ = strings.Cut(b, "_")
	b = strings.ToLower(b)
	if b == "no" {
		return "nb"
	}
	return b
}

func isLetter(r rune) bool { return unicode.IsLetter(r) }
