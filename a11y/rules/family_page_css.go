package rules

import (
	"math"
	"strconv"
	"strings"

	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/delaktig/delaktig/a11y"
)

// This file reads the author style sheets a page carries in <style> elements,
// for the rules whose applicability depends on where a CSS value comes from
// (text spacing in style attributes, orientation locks) and for the static
// visibility doubts that turn a would-be failure into cantTell.
//
// It is deliberately small: selectors are matched with cascadia, the cascade
// is importance, then style attribute, then specificity, then order. Rules
// inside @media, @supports or @container, selectors cascadia cannot read and
// linked style sheets are not guessed at: they make an answer unsure instead.

// authorStyles holds the parsed <style> sheets of a document, per tree (the
// document, each frame document and each shadow root), built on first use,
// and memoises what the rules ask of them. A document has one, shared by
// the rules (see newAuthorStyles).
type authorStyles struct {
	doc   *a11y.Document
	trees map[*a11y.Node]*treeStyles
	// render answers visibility from computed styles and boxes, when the
	// document has them.
	render *a11y.Rendering

	cascades map[cascadeKey]cascadedValue
	display  map[*a11y.Node]visibility // display chain (the node and its ancestors)
	visib    map[*a11y.Node]visibility // the inherited visibility property
	conceal  map[*a11y.Node]visibility // moved, clipped or faded (the node and its ancestors)
	fonts    map[*a11y.Node]fontSizeValue
}

type cascadeKey struct {
	n    *a11y.Node
	prop string
}

type fontSizeValue struct {
	px float64
	ok bool
}

// treeStyles is what one tree's sheets say.
type treeStyles struct {
	root  *a11y.Node
	rules []cssRule
	// props holds the properties some rule declares.
	props map[string]bool
	// mirror maps the tree's nodes to x/net/html nodes for cascadia; built
	// the first time a selector must be matched.
	mirror map[*a11y.Node]*html.Node
	// external is true when a linked sheet or @import brings rules we cannot read.
	external bool
}

// cssRule is one qualified rule of a sheet.
type cssRule struct {
	sels  []cssSel
	decls []a11y.Declaration
	// media is the condition of the enclosing at-rules ("" when none),
	// lower-case, conditions joined with " and ".
	media string
	order int
}

// cssSel is one selector of a rule's selector list; sel is nil when cascadia
// cannot read it (the rule may then apply to any element).
type cssSel struct {
	sel  cascadia.Sel
	spec cascadia.Specificity
	// pseudo names the pseudo-element the selector styles ("before"), ""
	// for the element itself.
	pseudo string
	// wide, when sel is nil, is a selector matching at least every element
	// sel would (see broadenSelector); nil when none could be made. Only
	// the question "may this rule apply?" uses it.
	wide cascadia.Sel
}

// authorStylesKey keys the authorStyles of a document in a11y.Document.Memo.
type authorStylesKey struct{}

// newAuthorStyles returns the author styles of doc. They are made once per
// document and shared by the rules: what they memoise depends on the
// document alone.
func newAuthorStyles(doc *a11y.Document) *authorStyles {
	return doc.Memo(authorStylesKey{}, func() any {
		return &authorStyles{
			doc: doc, trees: map[*a11y.Node]*treeStyles{}, cascades: map[cascadeKey]cascadedValue{},
			display: map[*a11y.Node]visibility{}, visib: map[*a11y.Node]visibility{},
			conceal: map[*a11y.Node]visibility{}, fonts: map[*a11y.Node]fontSizeValue{},
		}
	}).(*authorStyles)
}

// anyTreeDeclares reports whether a <style> sheet of any tree of the
// document declares one of the properties: without one, every element's
// tree lacks them.
func (s *authorStyles) anyTreeDeclares(props ...string) bool {
	for c := range s.doc.Elements(atom.Style, atom.Link) {
		t := s.tree(c)
		for _, prop := range props {
			if t.props[prop] {
				return true
			}
		}
	}
	return false
}

// styleAttributeKey keys anyStyleAttribute's answer in a11y.Document.Memo.
type styleAttributeKey struct{}

// anyStyleAttribute reports whether an element of the document has a style
// attribute.
func anyStyleAttribute(doc *a11y.Document) bool {
	return doc.Memo(styleAttributeKey{}, func() any {
		for n := range doc.Elements() {
			if n.Has("style") {
				return true
			}
		}
		return false
	}).(bool)
}

// tree returns the sheets of the tree holding n.
func (s *authorStyles) tree(n *a11y.Node) *treeStyles {
	root := n.TreeRoot()
	if t, ok := s.trees[root]; ok {
		return t
	}
	t := &treeStyles{root: root, props: map[string]bool{}}
	s.trees[root] = t
	order := 0
	for c := range s.doc.Elements(atom.Style, atom.Link) {
		if c.TreeRoot() != root {
			continue
		}
		if c.Is(atom.Link) {
			for _, r := range strings.Fields(strings.ToLower(c.Get("rel"))) {
				if r == "stylesheet" {
					t.external = true
				}
			}
			continue
		}
		if typ := strings.ToLower(strings.TrimSpace(c.Get("type"))); typ != "" && typ != "text/css" {
			continue
		}
		media := strings.ToLower(strings.TrimSpace(c.Get("media")))
		if media == "all" {
			media = ""
		}
		parseSheet(childText(c), media, &t.rules, &order, &t.external)
	}
	for _, r := range t.rules {
		for _, d := range r.decls {
			t.props[d.Property] = true
		}
	}
	return t
}

// node returns the x/net/html mirror of n for selector matching.
func (t *treeStyles) node(n *a11y.Node) *html.Node {
	if t.mirror == nil {
		t.mirror = map[*a11y.Node]*html.Node{}
		var visit func(src *a11y.Node, dst *html.Node)
		visit = func(src *a11y.Node, dst *html.Node) {
			for c := src.FirstChild; c != nil; c = c.NextSibling {
				h := &html.Node{Data: c.Data, DataAtom: c.DataAtom, Namespace: c.Namespace, Attr: c.Attr}
				switch c.Type {
				case a11y.ElementNode:
					h.Type = html.ElementNode
				case a11y.TextNode:
					h.Type = html.TextNode
				default:
					continue
				}
				dst.AppendChild(h)
				t.mirror[c] = h
				if c.Type == a11y.ElementNode {
					visit(c, h)
				}
			}
		}
		visit(t.root, &html.Node{Type: html.DocumentNode})
	}
	return t.mirror[n]
}

// parseSheet appends the qualified rules of a style sheet to out. Comments are
// dropped; @media, @supports, @container and @layer blocks are read with
// their condition; other at-rules are skipped. Nested rules are ignored.
func parseSheet(src, media string, out *[]cssRule, order *int, external *bool) {
	src = stripComments(src)
	i := 0
	for i < len(src) {
		for i < len(src) && isCSSSpace(src[i]) {
			i++
		}
		if i >= len(src) {
			return
		}
		if src[i] == '}' || src[i] == ';' {
			i++
			continue
		}
		end, brace := scanPrelude(src, i)
		prelude := strings.TrimSpace(src[i:end])
		if !brace {
			// a statement at-rule (@import, @charset, @layer a, b;) or garbage
			if strings.HasPrefix(strings.ToLower(prelude), "@import") {
				*external = true
			}
			i = end + 1
			continue
		}
		close := matchBrace(src, end)
		block := src[end+1 : close]
		i = close + 1
		if strings.HasPrefix(prelude, "@") {
			name, cond, _ := strings.Cut(prelude[1:], " ")
			name = strings.ToLower(strings.TrimSpace(name))
			cond = strings.ToLower(strings.Join(strings.Fields(cond), " "))
			switch name {
			case "media":
				if cond == "all" || cond == "" {
					parseSheet(block, media, out, order, external)
				} else {
					parseSheet(block, joinMedia(media, cond), out, order, external)
				}
			case "supports", "container", "scope", "document", "starting-style":
				parseSheet(block, joinMedia(media, "@"+name+" "+cond), out, order, external)
			case "layer":
				parseSheet(block, media, out, order, external)
			}
			continue
		}
		*order++
		r := cssRule{media: media, order: *order, decls: a11y.ParseDeclarations(topLevel(block))}
		for _, sel := range splitTopLevel(prelude, ',') {
			sel = strings.TrimSpace(sel)
			if sel == "" {
				continue
			}
			cs := cssSel{}
			if g, err := cascadia.ParseGroupWithPseudoElements(sel); err == nil && len(g) == 1 {
				cs.sel, cs.spec, cs.pseudo = g[0], g[0].Specificity(), g[0].PseudoElement()
			} else {
				cs.wide = broadenSelector(sel)
			}
			r.sels = append(r.sels, cs)
		}
		if len(r.sels) > 0 && len(r.decls) > 0 {
			*out = append(*out, r)
		}
	}
}

// broadenSelector returns a selector that matches every element sel
// matches and perhaps more, for a selector the selector engine cannot read
// because of pseudo-classes it does not know (:focus-visible,
// :focus-within, :is(), :where(), :has() with a combinator…): each such
// pseudo-class, with its argument, is dropped, or replaced by * where it
// stood alone. Dropping a condition from a compound selector, or from inside
// :not(), only widens what it matches. A selector with a pseudo-element
// gives nil (it styles generated content, not the element), as does one
// still unreadable after a few rounds.
func broadenSelector(sel string) cascadia.Sel {
	if strings.Contains(sel, "::") {
		return nil
	}
	for range 8 {
		i := unknownPseudo(sel)
		if i < 0 {
			if s, err := cascadia.Parse(sel); err == nil {
				return s
			}
			return nil
		}
		// the pseudo-class runs from i to the end of its name and argument
		j := i + 1
		for j < len(sel) && (sel[j] == '-' || sel[j] >= 'a' && sel[j] <= 'z' || sel[j] >= 'A' && sel[j] <= 'Z' || sel[j] >= '0' && sel[j] <= '9') {
			j++
		}
		if j < len(sel) && sel[j] == '(' {
			depth := 0
			for ; j < len(sel); j++ {
				if sel[j] == '(' {
					depth++
				} else if sel[j] == ')' {
					if depth--; depth == 0 {
						j++
						break
					}
				}
			}
		}
		alone := i == 0 || strings.ContainsRune(" >+~(,", rune(sel[i-1]))
		repl := ""
		if alone {
			repl = "*"
		}
		sel = sel[:i] + repl + sel[j:]
		// an emptied :not() excludes nothing
		sel = strings.ReplaceAll(sel, ":not(*)", "")
		sel = strings.ReplaceAll(sel, ":not()", "")
	}
	return nil
}

// knownPseudo are the pseudo-classes the selector engine reads.
var knownPseudo = map[string]bool{
	"not": true, "has": true, "haschild": true, "contains": true, "containsown": true, "matches": true,
	"matchesown": true, "nth-child": true, "nth-last-child": true, "nth-of-type": true,
	"nth-last-of-type": true, "first-child": true, "last-child": true, "first-of-type": true,
	"last-of-type": true, "only-child": true, "only-of-type": true, "empty": true, "root": true,
	"link": true, "lang": true, "enabled": true, "disabled": true, "checked": true, "input": true,
	"hover": true, "focus": true, "active": true, "visited": true, "target": true,
}

// unknownPseudo returns the index of the ':' of the first pseudo-class of
// sel the selector engine does not know, or of a :has() whose argument
// starts with a combinator; -1 when there is none.
func unknownPseudo(sel string) int {
	for i := 0; i < len(sel); i++ {
		switch sel[i] {
		case '[': // skip attribute selectors, whose values may hold ':'
			if k := strings.IndexByte(sel[i:], ']'); k > 0 {
				i += k
			}
			continue
		case '\\':
			i++
			continue
		case ':':
		default:
			continue
		}
		j := i + 1
		for j < len(sel) && (sel[j] == '-' || sel[j] >= 'a' && sel[j] <= 'z' || sel[j] >= 'A' && sel[j] <= 'Z' || sel[j] >= '0' && sel[j] <= '9') {
			j++
		}
		name := strings.ToLower(sel[i+1 : j])
		if !knownPseudo[name] {
			return i
		}
		if name == "has" && j < len(sel) && sel[j] == '(' {
			if a := strings.TrimLeft(sel[j+1:], " "); a != "" && strings.ContainsRune(">+~", rune(a[0])) {
				return i
			}
		}
	}
	return -1
}

func joinMedia(a, b string) string {
	if a == "" {
		return b
	}
	return a + " and " + b
}

func isCSSSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

func stripComments(s string) string {
	if !strings.Contains(s, "/*") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(s, "/*")
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		b.WriteByte(' ')
		j := strings.Index(s[i+2:], "*/")
		if j < 0 {
			return b.String()
		}
		s = s[i+2+j+2:]
	}
}

// scanPrelude returns the index of the '{' or ';' ending the prelude starting
// at i (len(s) when none), and whether it is a '{'.
func scanPrelude(s string, i int) (int, bool) {
	quote, depth := byte(0), 0
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == '\\' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '(' || c == '[':
			depth++
		case c == ')' || c == ']':
			if depth > 0 {
				depth--
			}
		case c == '{':
			return i, true
		case c == ';' && depth == 0:
			return i, false
		}
	}
	return len(s), false
}

// matchBrace returns the index of the '}' closing the '{' at open (len(s)-…
// clamped to the end of s when unbalanced).
func matchBrace(s string, open int) int {
	quote, depth := byte(0), 0
	for i := open; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == '\\' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '{':
			depth++
		case c == '}':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return len(s) - 1
}

// topLevel drops nested blocks (CSS nesting) from a declaration block.
func topLevel(block string) string {
	if !strings.Contains(block, "{") {
		return block
	}
	var b strings.Builder
	depth := 0
	for i := 0; i < len(block); i++ {
		switch block[i] {
		case '{':
			depth++
			continue
		case '}':
			depth--
			b.WriteByte(';')
			continue
		}
		if depth == 0 {
			b.WriteByte(block[i])
		}
	}
	return b.String()
}

// splitTopLevel splits s at sep outside parentheses, brackets and quotes.
func splitTopLevel(s string, sep byte) []string {
	var out []string
	quote, depth, start := byte(0), 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == '\\' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '(' || c == '[':
			depth++
		case c == ')' || c == ']':
			if depth > 0 {
				depth--
			}
		case c == sep && depth == 0:
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// sheetDecl is a declaration of a sheet rule that applies (or may apply) to an element.
type sheetDecl struct {
	decl  a11y.Declaration
	spec  cascadia.Specificity
	order int
	// unsure is true when the rule is conditional or its selector unreadable.
	unsure bool
	// unreadable is true when the rule only may match (a selector cascadia
	// cannot read).
	unreadable bool
	media      string
}

// declared returns the sheet declarations of prop whose rules match n (or
// might: unreadable selectors, conditional rules).
func (s *authorStyles) declared(n *a11y.Node, prop string) []sheetDecl {
	t := s.tree(n)
	if !t.props[prop] {
		return nil
	}
	h := t.node(n)
	var out []sheetDecl
	for _, r := range t.rules {
		var ds []a11y.Declaration
		for _, d := range r.decls {
			if d.Property == prop {
				ds = append(ds, d)
			}
		}
		if len(ds) == 0 {
			continue
		}
		media := screenMedia(r.media)
		if media == condFalse {
			continue // print or speech only
		}
		matched, unreadable := false, false
		var spec cascadia.Specificity
		for _, sel := range r.sels {
			switch {
			case sel.pseudo != "":
			case sel.sel == nil:
				matched, unreadable = true, true
			case h != nil && sel.sel.Match(h):
				if !matched || spec.Less(sel.spec) {
					spec = sel.spec
				}
				matched = true
			}
		}
		if !matched {
			continue
		}
		for _, d := range ds {
			out = append(out, sheetDecl{decl: d, spec: spec, order: r.order, unsure: unreadable || media == condUnknown, unreadable: unreadable, media: r.media})
		}
	}
	return out
}

// screenMedia evaluates a rule's condition on a screen: condTrue when it
// holds whichever way the screen is turned, condFalse when it never does
// (print, speech), condUnknown otherwise.
func screenMedia(media string) int {
	l, p := evalMedia(media, "landscape"), evalMedia(media, "portrait")
	if l == p && l != condUnknown {
		return l
	}
	if l == condFalse && p == condFalse {
		return condFalse
	}
	return condUnknown
}

// cascadedValue is the winning declaration of a property on an element.
type cascadedValue struct {
	decl   a11y.Declaration
	found  bool
	inline bool // declared in the element's style attribute
	// sure is false when a conditional rule or an unreadable selector might
	// give another winner.
	sure bool
	// external is true when a linked sheet might give another winner.
	external bool
}

// certain reports whether nothing the document holds or links could change the value.
func (c cascadedValue) certain() bool { return c.sure && !c.external }

// cascade returns the cascaded value of prop on n from its style attribute
// and the document's <style> sheets.
func (s *authorStyles) cascade(n *a11y.Node, prop string) cascadedValue {
	k := cascadeKey{n, prop}
	if c, ok := s.cascades[k]; ok {
		return c
	}
	c := s.cascadeOf(n, prop)
	s.cascades[k] = c
	return c
}

func (s *authorStyles) cascadeOf(n *a11y.Node, prop string) cascadedValue {
	var c cascadedValue
	c.sure = true
	if d, ok := a11y.InlineValue(n, prop); ok {
		c.decl, c.found, c.inline = d, true, true
		if d.Important {
			return c // an important style attribute declaration wins over every author sheet
		}
	}
	var best *sheetDecl
	decls := s.declared(n, prop)
	beats := func(a, b *sheetDecl) bool { // a wins over b
		if a.decl.Important != b.decl.Important {
			return a.decl.Important
		}
		if a.spec != b.spec {
			return b.spec.Less(a.spec)
		}
		return a.order > b.order
	}
	for i := range decls {
		d := &decls[i]
		if d.unsure {
			continue
		}
		if best == nil || beats(d, best) {
			best = d
		}
	}
	if best != nil && (!c.found || best.decl.Important) {
		c.decl, c.found, c.inline = best.decl, true, false
	}
	for i := range decls {
		d := &decls[i]
		if !d.unsure {
			continue
		}
		switch {
		case !c.found:
			c.sure = false
		case c.inline:
			if d.decl.Important {
				c.sure = false
			}
		case beats(d, best):
			c.sure = false
		}
	}
	c.external = s.tree(n).external && !(c.inline && c.decl.Important)
	return c
}

// flatParentElement returns the parent element of n in the flat tree, or nil.
func flatParentElement(n *a11y.Node) *a11y.Node {
	for p := n.FlatParent(); p != nil; p = p.FlatParent() {
		if p.Type == a11y.ElementNode {
			return p
		}
	}
	return nil
}

// visibility is what a rule knows about whether something is seen.
type visibility uint8

const (
	visNo     visibility = iota // certainly not seen
	visMaybe                    // a <style> rule the static source cannot evaluate may hide it
	visLikely                   // only linked style sheets, which the static source does not read, could hide it
	visYes                      // seen as far as the document tells
)

// Rules pass on visLikely (nothing the page holds hides the element) but
// fail only on visYes.

// staticAssumesLinkedSheetsHarmless makes static checks treat linked and
// imported style sheets as not hiding anything, as the name engine does
// (a11y.Document.RenderingCertain): otherwise nearly every real page, which
// links its CSS, would get cantTell where it fails, and a static CI check
// would say nothing. A browser run settles what the sheets really do.
const staticAssumesLinkedSheetsHarmless = true

// rendered reports whether element n is rendered at all (so also whether
// CSS keeps it out of the accessibility tree): not display:none, not
// visibility:hidden, not inside closed content. With computed style the
// answer is the browser's; in static mode style attributes decide, and
// matching <style> rules that could remove n make the answer visMaybe.
// Linked style sheets are not read: they make every answer visMaybe.
func (s *authorStyles) rendered(p *a11y.Pass, n *a11y.Node) visibility {
	if p.Hidden(n) {
		return visNo
	}
	if n.Style != nil {
		for e := n; e != nil; e = flatParentElement(e) {
			if e.Style != nil && (e.Style["display"] == "none" || e != n && e.Style["content-visibility"] == "hidden") {
				return visNo
			}
		}
		if v := n.Style["visibility"]; v == "hidden" || v == "collapse" {
			return visNo
		}
		return visYes
	}
	if t := s.tree(n); !t.external && !t.props["display"] && !t.props["visibility"] && !t.props["content-visibility"] &&
		!n.Is(atom.Head, atom.Script, atom.Style, atom.Template, atom.Title, atom.Noscript) && !hasInlineStyle(n) {
		return visYes // only markup and style attributes decide, and Hidden has read them
	}
	return min(s.displayChain(n), s.visibilityOf(n))
}

// hasInlineStyle reports whether n or a flat-tree ancestor has a style attribute.
func hasInlineStyle(n *a11y.Node) bool {
	for e := n; e != nil; e = flatParentElement(e) {
		if e.Has("style") {
			return true
		}
	}
	return false
}

// displayChain is the static display part of rendered: display of n and its
// ancestors, content-visibility of its ancestors.
func (s *authorStyles) displayChain(n *a11y.Node) visibility {
	if n == nil {
		return visYes
	}
	if v, ok := s.display[n]; ok {
		return v
	}
	out := visYes
	if n.Is(atom.Head, atom.Script, atom.Style, atom.Template, atom.Title, atom.Noscript) {
		out = visNo
	} else {
		out = s.hides(n, "display", func(v string) bool { return v == "none" })
		if out != visNo {
			parent := flatParentElement(n)
			if parent != nil {
				out = min(out, s.hides(parent, "content-visibility", func(v string) bool { return v == "hidden" }))
			}
			if out != visNo {
				out = min(out, s.displayChain(parent))
			}
		}
	}
	s.display[n] = out
	return out
}

// hides applies the cascaded value of prop on n: visNo when it certainly
// hides, visMaybe when it might (or a rule we cannot evaluate might set it).
func (s *authorStyles) hides(n *a11y.Node, prop string, hiding func(string) bool) visibility {
	c := s.cascade(n, prop)
	doubt := visYes
	switch {
	case !c.sure:
		doubt = visMaybe
	case c.external && !staticAssumesLinkedSheetsHarmless:
		doubt = visLikely
	}
	switch {
	case !c.found:
		return doubt
	case hiding(strings.ToLower(c.decl.Value)) && c.sure:
		return visNo
	case hiding(strings.ToLower(c.decl.Value)):
		return visMaybe
	}
	return doubt
}

// visibilityOf is the static visibility part of rendered: the inherited
// visibility property of n.
func (s *authorStyles) visibilityOf(n *a11y.Node) visibility {
	if n == nil {
		return visYes
	}
	if v, ok := s.visib[n]; ok {
		return v
	}
	c := s.cascade(n, "visibility")
	v := strings.ToLower(c.decl.Value)
	doubt := visYes
	switch {
	case !c.sure:
		doubt = visMaybe
	case c.external && !staticAssumesLinkedSheetsHarmless:
		doubt = visLikely
	}
	var out visibility
	switch {
	case !c.found || v == "inherit" || v == "unset":
		out = min(s.visibilityOf(flatParentElement(n)), doubt)
	case v == "hidden" || v == "collapse":
		out = visNo
		if !c.sure {
			out = visMaybe
		}
	default:
		out = doubt
	}
	s.visib[n] = out
	return out
}

// visible reports whether element n is seen: rendered, not moved off-screen,
// not clipped away, not transparent. With computed style and layout the
// answer is a11y.Rendering's; in static mode style attributes decide and
// matching <style> rules that could hide n make the answer visMaybe.
func (s *authorStyles) visible(p *a11y.Pass, n *a11y.Node) visibility {
	out := s.rendered(p, n)
	if out == visNo {
		return visNo
	}
	if n.Style != nil {
		if s.render == nil {
			s.render = s.doc.Rendering()
		}
		if s.render.Visible(n) {
			return visYes
		}
		return visNo
	}
	return min(out, s.concealChain(n))
}

// concealChain is the static part of visible beyond rendered: n or an
// ancestor is transparent, moved off-screen or matched by a <style> rule
// that may conceal it.
func (s *authorStyles) concealChain(n *a11y.Node) visibility {
	if n == nil {
		return visYes
	}
	if v, ok := s.conceal[n]; ok {
		return v
	}
	out := visYes
	if d, ok := a11y.InlineValue(n, "opacity"); ok {
		if f, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(d.Value), "%"), 64); err == nil && f == 0 {
			out = visNo
		}
	}
	if out != visNo && offscreenInline(n) {
		out = visNo
	}
	if out != visNo {
		if s.concealRule(n) {
			out = visMaybe
		}
		out = min(out, s.concealChain(flatParentElement(n)))
	}
	s.conceal[n] = out
	return out
}

// concealRule reports whether a <style> rule matching n (or perhaps matching
// it) moves, clips, shrinks or fades it in a way that may hide it.
func (s *authorStyles) concealRule(n *a11y.Node) bool {
	t := s.tree(n)
	var h *html.Node
	for _, r := range t.rules {
		if !ruleConceals(r.decls) || screenMedia(r.media) == condFalse {
			continue
		}
		for _, sel := range r.sels {
			if sel.pseudo != "" {
				continue
			}
			m := sel.sel
			if m == nil {
				if m = sel.wide; m == nil {
					return true
				}
			}
			if h == nil {
				h = t.node(n)
			}
			if h != nil && m.Match(h) {
				return true
			}
		}
	}
	return false
}

// ruleConceals reports whether a declaration block may hide what it applies to.
func ruleConceals(ds []a11y.Declaration) bool {
	for _, d := range ds {
		v := strings.ToLower(d.Value)
		switch d.Property {
		case "display":
			if v == "none" {
				return true
			}
		case "visibility":
			if v == "hidden" || v == "collapse" {
				return true
			}
		case "content-visibility":
			if v == "hidden" {
				return true
			}
		case "opacity":
			if f, err := strconv.ParseFloat(strings.TrimSuffix(v, "%"), 64); err == nil && f == 0 {
				return true
			}
		case "clip", "clip-path":
			if v != "auto" && v != "none" {
				return true
			}
		case "left", "top", "right", "bottom", "margin-left", "margin-top", "text-indent", "inset", "translate":
			if strings.Contains(v, "-") {
				return true
			}
		case "transform":
			if transformConceals(v) {
				return true
			}
		case "font-size", "width", "height", "max-width", "max-height":
			if l, ok := parseLengthValue(v); ok && l.unit != "%" && l.value <= tinyLength(l.unit) {
				return true
			}
		case "color":
			if v == "transparent" {
				return true
			}
		}
	}
	return false
}

// tinyLength is the largest length in unit that shrinks text or a box to
// nothing readable: 1 pixel or point, a tenth of a font or viewport unit
// (font-size: 1em is the normal size, not a hiding trick).
func tinyLength(unit string) float64 {
	switch unit {
	case "", "px":
		return 1
	case "pt":
		return 0.75
	case "pc":
		return 1.0 / 16
	case "q":
		return 1.05
	case "mm":
		return 0.26
	case "cm":
		return 0.026
	case "in":
		return 1.0 / 96
	default: // em, rem, ex, ch, lh, vw, vh…
		return 0.1
	}
}

// transformConceals reports whether a transform may shrink its element to
// nothing or move it away (scale to 0, translate by a negative amount).
func transformConceals(v string) bool {
	v = strings.ReplaceAll(v, " ", "")
	for _, f := range []string{"scale(0", "scalex(0", "scaley(0", "scale3d(0"} {
		if strings.Contains(v, f) {
			return true
		}
	}
	for _, f := range []string{"translate(", "translatex(", "translatey(", "translate3d("} {
		if i := strings.Index(v, f); i >= 0 {
			if j := strings.IndexByte(v[i:], ')'); j > 0 && strings.Contains(v[i:i+j], "-") {
				return true
			}
		}
	}
	return false
}

// offscreenInline reports whether n's style attribute places it far outside
// the page (the usual "visually hidden" offsets).
func offscreenInline(n *a11y.Node) bool {
	pos, _ := a11y.InlineValue(n, "position")
	if p := strings.ToLower(pos.Value); p != "absolute" && p != "fixed" {
		return false
	}
	for _, prop := range []string{"left", "top", "right", "bottom"} {
		d, ok := a11y.InlineValue(n, prop)
		if !ok {
			continue
		}
		l, ok := parseLengthValue(d.Value)
		if !ok {
			continue
		}
		if px, ok := l.px(16, 16); ok && px <= -999 {
			return true
		}
	}
	return false
}

// lengthValue is a CSS dimension or number.
type lengthValue struct {
	value float64
	unit  string // lower-case: "", "px", "em", "%", …
}

// parseLengthValue reads a number with an optional unit ("0.12em", "120%", "1.5").
func parseLengthValue(s string) (lengthValue, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	i := 0
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.' || s[i] == '-' || s[i] == '+' ||
		(s[i] == 'e' && i > 0 && i+1 < len(s) && (s[i+1] >= '0' && s[i+1] <= '9' || s[i+1] == '-' || s[i+1] == '+'))) {
		i++
	}
	if i == 0 {
		return lengthValue{}, false
	}
	v, err := strconv.ParseFloat(s[:i], 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return lengthValue{}, false
	}
	unit := s[i:]
	for _, c := range unit {
		if !(c >= 'a' && c <= 'z' || c == '%') {
			return lengthValue{}, false
		}
	}
	return lengthValue{value: v, unit: unit}, true
}

// px converts an absolute length, or a font-relative one against the given
// font sizes, to CSS pixels. Unitless numbers convert as em.
func (l lengthValue) px(fontSize, rootFontSize float64) (float64, bool) {
	switch l.unit {
	case "px":
		return l.value, true
	case "pt":
		return l.value * 96 / 72, true
	case "pc":
		return l.value * 16, true
	case "in":
		return l.value * 96, true
	case "cm":
		return l.value * 96 / 2.54, true
	case "mm":
		return l.value * 96 / 25.4, true
	case "q":
		return l.value * 96 / 25.4 / 4, true
	case "em", "":
		return l.value * fontSize, true
	case "%":
		return l.value / 100 * fontSize, true
	case "rem":
		return l.value * rootFontSize, true
	}
	return 0, false
}

// absolute reports whether l does not depend on any font size.
func (l lengthValue) absolute() bool {
	switch l.unit {
	case "px", "pt", "pc", "in", "cm", "mm", "q":
		return true
	}
	return false
}

// defaultFontSize is the initial font size of browsers, in CSS pixels.
const defaultFontSize = 16

// fontSize returns the computed font size of element n in CSS pixels, and
// false when the document does not tell (linked sheets, conditional rules,
// user-agent sizes of form controls and code).
func (s *authorStyles) fontSize(n *a11y.Node) (float64, bool) {
	if n == nil {
		return defaultFontSize, true
	}
	if v, ok := s.fonts[n]; ok {
		return v.px, v.ok
	}
	px, ok := s.fontSizeOf(n)
	s.fonts[n] = fontSizeValue{px, ok}
	return px, ok
}

func (s *authorStyles) fontSizeOf(n *a11y.Node) (float64, bool) {
	if n.Style != nil {
		if v, ok := n.Style["font-size"]; ok {
			if l, ok := parseLengthValue(v); ok && l.unit == "px" {
				return l.value, true
			}
		}
	}
	parent := flatParentElement(n)
	if c := s.cascade(n, "font"); c.found || !c.certain() {
		return 0, false // the shorthand is not read
	}
	c := s.cascade(n, "font-size")
	if !c.certain() {
		return 0, false
	}
	if !c.found {
		if f, ok := uaFontScale(n); ok {
			if f == 1 {
				return s.fontSize(parent)
			}
			ps, ok := s.fontSize(parent)
			return ps * f, ok
		}
		return 0, false
	}
	v := strings.ToLower(c.decl.Value)
	switch v {
	case "inherit", "unset":
		return s.fontSize(parent)
	case "initial", "medium", "revert":
		return defaultFontSize, true
	case "xx-small":
		return 9, true
	case "x-small":
		return 10, true
	case "small":
		return 13, true
	case "large":
		return 18, true
	case "x-large":
		return 24, true
	case "xx-large":
		return 32, true
	case "xxx-large":
		return 48, true
	}
	l, ok := parseLengthValue(v)
	if !ok {
		return 0, false
	}
	if l.absolute() {
		px, _ := l.px(0, 0)
		return px, true
	}
	if l.unit == "rem" {
		root, ok := s.fontSize(s.doc.HTML())
		if n == s.doc.HTML() {
			root, ok = defaultFontSize, true
		}
		return l.value * root, ok
	}
	if l.unit != "em" && l.unit != "%" {
		return 0, false
	}
	ps, ok := s.fontSize(parent)
	if !ok {
		return 0, false
	}
	px, _ := l.px(ps, 0)
	return px, true
}

// uaFontScale returns the factor browsers' default style sheet applies to an
// element's inherited font size, and false when it sets a size we do not
// model (form controls, monospace text, nested section headings).
func uaFontScale(n *a11y.Node) (float64, bool) {
	if n.Namespace != a11y.NamespaceHTML {
		return 1, true
	}
	switch n.DataAtom {
	case atom.H1:
		if n.Closest(func(m *a11y.Node) bool {
			return m != n && m.Is(atom.Article, atom.Aside, atom.Nav, atom.Section)
		}) != nil {
			return 0, false
		}
		return 2, true
	case atom.H2:
		return 1.5, true
	case atom.H3:
		return 1.17, true
	case atom.H5:
		return 0.83, true
	case atom.H6:
		return 0.67, true
	case atom.Small, atom.Big, atom.Sub, atom.Sup, atom.Code, atom.Kbd, atom.Pre, atom.Samp, atom.Tt,
		atom.Input, atom.Button, atom.Select, atom.Textarea, atom.Optgroup, atom.Option, atom.Listing, atom.Xmp, atom.Plaintext:
		return 0, false
	}
	return 1, true
}

// spacingRule describes one of the text-spacing rules: the property and the
// least value it must have, as a multiple of the element's font size.
type spacingRule struct {
	prop string
	min  float64
}

// spacingSource finds where the value of an inherited spacing property of n
// comes from: the nearest inclusive flat-tree ancestor whose cascaded value is
// not inherit or unset. applicable is true when that value is an important
// declaration of the ancestor's style attribute; sure is false when a
// conditional rule, an unreadable selector or a linked sheet might change that.
func (s *authorStyles) spacingSource(n *a11y.Node, prop string) (src *a11y.Node, d a11y.Declaration, applicable, sure bool) {
	sure = true
	for e := n; e != nil; e = flatParentElement(e) {
		c := s.cascade(e, prop)
		if !c.certain() {
			sure = false
		}
		if !c.found {
			continue
		}
		switch strings.ToLower(c.decl.Value) {
		case "inherit", "unset", "revert", "revert-layer":
			continue
		}
		return e, c.decl, c.inline && c.decl.Important, sure
	}
	return nil, a11y.Declaration{}, false, sure
}

// spacingRatio returns the computed value of the rule's property on n, taken
// from the declaration d on src, as a multiple of n's font size. ok is false
// when the document does not give the font sizes needed (or the value is
// one the rule does not read).
func (s *authorStyles) spacingRatio(r spacingRule, n, src *a11y.Node, d a11y.Declaration) (float64, bool) {
	v := strings.ToLower(d.Value)
	if v == "normal" || v == "initial" {
		if r.prop == "line-height" {
			return 1.2, true // "normal" is about 1.2 in common fonts, below any minimum that matters here
		}
		return 0, true
	}
	l, ok := parseLengthValue(v)
	if !ok {
		return 0, false
	}
	if l.unit == "" && r.prop != "line-height" {
		if l.value == 0 {
			return 0, true
		}
		return 0, false
	}
	if l.unit == "" {
		return l.value, true // a number is inherited as a number
	}
	if l.unit == "%" && r.prop != "line-height" {
		return 0, false
	}
	if src == n && (l.unit == "em" || l.unit == "%") {
		f := l.value
		if l.unit == "%" {
			f /= 100
		}
		return f, true
	}
	fs, ok := s.fontSize(n)
	if !ok || fs <= 0 {
		return 0, false
	}
	var px float64
	switch {
	case l.absolute():
		px, _ = l.px(0, 0)
	case l.unit == "em" || l.unit == "%":
		sfs, ok := s.fontSize(src)
		if !ok {
			return 0, false
		}
		px, _ = l.px(sfs, 0)
	case l.unit == "rem":
		root, ok := s.fontSize(s.doc.HTML())
		if !ok {
			return 0, false
		}
		px = l.value * root
	default:
		return 0, false
	}
	return px / fs, true
}

// childText returns the text of n's text-node children.
func childText(n *a11y.Node) string {
	var b strings.Builder
	for c := range n.Children() {
		if c.Type == a11y.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

// blockByDefault lists the HTML elements browsers display as blocks.
var blockByDefault = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Li: true, atom.Section: true, atom.Article: true, atom.Aside: true,
	atom.Header: true, atom.Footer: true, atom.Main: true, atom.Nav: true, atom.Blockquote: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Dd: true, atom.Dt: true, atom.Figcaption: true, atom.Address: true, atom.Form: true,
	atom.Fieldset: true, atom.Figure: true, atom.Body: true, atom.Details: true, atom.Summary: true,
}

// softWraps reports whether the text of n breaks onto more than one line:
// visYes when certain, visNo when it certainly does not, visMaybe otherwise.
// With layout the box height decides. In static mode only a block with a
// width or max-width in its style attribute and text that is certainly
// wider (or certainly narrower) than that can be told.
func (s *authorStyles) softWraps(p *a11y.Pass, n *a11y.Node, ratio float64) visibility {
	for e := n; e != nil; e = flatParentElement(e) {
		c := s.cascade(e, "white-space")
		if !c.found {
			if !c.certain() {
				break
			}
			continue
		}
		v := strings.ToLower(c.decl.Value)
		if v == "inherit" || v == "unset" {
			continue
		}
		if (v == "nowrap" || v == "pre") && c.certain() {
			return visNo
		}
		break
	}
	text := childText(n)
	if !strings.ContainsAny(strings.TrimSpace(text), " \t\n\r\f") {
		return visMaybe // one word: it overflows, or breaks where the browser decides
	}
	fs, fsOK := s.fontSize(n)
	if n.Box != nil && p.Has(a11y.NeedsLayout) && fsOK && ratio > 0 {
		lines := n.Box.Height / (ratio * fs)
		for c := range n.Children() {
			if c.Is(atom.Br) {
				return visMaybe
			}
		}
		switch {
		case lines >= 1.8:
			return visYes
		case lines < 1.5:
			return visNo
		}
		return visMaybe
	}
	if !fsOK {
		return visMaybe
	}
	// Only a block takes a width.
	disp := s.cascade(n, "display")
	if !disp.certain() {
		return visMaybe
	}
	if disp.found {
		if v := strings.ToLower(disp.decl.Value); v != "block" && v != "flow-root" && v != "list-item" {
			return visMaybe
		}
	} else if !blockByDefault[n.DataAtom] || n.Namespace != a11y.NamespaceHTML {
		return visMaybe
	}
	avail := math.Inf(1)
	for _, prop := range []string{"width", "max-width"} {
		c := s.cascade(n, prop)
		if !c.certain() {
			return visMaybe
		}
		if !c.found {
			continue
		}
		l, ok := parseLengthValue(c.decl.Value)
		if !ok || l.unit == "%" || l.unit == "" {
			continue
		}
		if px, ok := l.px(fs, defaultFontSize); ok && px < avail {
			avail = px
		}
	}
	if math.IsInf(avail, 1) {
		return visMaybe
	}
	// Lower and upper bounds of the text's width: narrow glyphs (i, l, .)
	// are about a sixth of an em, other Latin letters at least 0.3 em and
	// at most 0.8 em; other scripts may be a full em.
	lo, hi := 0.0, 0.0
	for _, r := range text {
		switch {
		case r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f':
			hi += 0.35
		case strings.ContainsRune("iljI.,:;'!|`", r):
			lo += 0.15
			hi += 0.4
		case r < 0x250:
			lo += 0.3
			hi += 0.8
		default:
			lo += 0.3
			hi += 1.2
		}
	}
	switch {
	case lo*fs > avail:
		return visYes
	case hi*fs <= avail:
		return visNo
	}
	return visMaybe
}

// textSpacing runs one of the text-spacing rules.
func textSpacing(p *a11y.Pass, r spacingRule, ok, low, unknown, maybe a11y.Msg) {
	if !anyStyleAttribute(p.Doc) {
		return // only style attributes can reach an element (see below)
	}
	css := newAuthorStyles(p.Doc)
	for n := range p.Elements() {
		if n.Namespace != a11y.NamespaceHTML || blank(childText(n)) {
			continue
		}
		if _, has := a11y.InlineValue(n, r.prop); !has && !inheritsInline(n, r.prop) {
			continue // nothing in a style attribute can reach n
		}
		src, d, applicable, sure := css.spacingSource(n, r.prop)
		if !applicable {
			continue
		}
		seen := css.visible(p, n)
		if seen == visNo {
			continue
		}
		ratio, known := css.spacingRatio(r, n, src, d)
		wraps := visYes
		if r.prop == "line-height" {
			wraps = css.softWraps(p, n, ratio)
			if wraps == visNo {
				continue
			}
		}
		data := a11y.Data{"value": excerpt(d.Value), "min": strconv.FormatFloat(r.min, 'f', -1, 64)}
		switch {
		case !known:
			p.CantTell(n, unknown, data, a11y.Ask(questionFontSize))
		case ratio >= r.min-1e-9:
			data["ratio"] = strconv.FormatFloat(math.Round(ratio*100)/100, 'f', -1, 64)
			p.Pass(n, ok, data)
		case seen == visYes && sure && wraps == visYes:
			data["ratio"] = strconv.FormatFloat(math.Round(ratio*100)/100, 'f', -1, 64)
			p.Fail(n, low, data)
		default:
			data["ratio"] = strconv.FormatFloat(math.Round(ratio*100)/100, 'f', -1, 64)
			p.CantTell(n, maybe, data, a11y.Ask(questionTextSpacingApplies))
		}
	}
}

// inheritsInline reports whether a flat-tree ancestor of n declares prop in
// its style attribute.
func inheritsInline(n *a11y.Node, prop string) bool {
	for e := flatParentElement(n); e != nil; e = flatParentElement(e) {
		if _, ok := a11y.InlineValue(e, prop); ok {
			return true
		}
	}
	return false
}

// Questions of the text-spacing rules.
const (
	questionFontSize           = "text-spacing.font-size"
	questionTextSpacingApplies = "text-spacing.applies"
)
