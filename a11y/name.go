package a11y

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Accessible names and descriptions, computed with the W3C "Accessible Name
// and Description Computation 1.2" algorithm (accname) and the HTML-AAM and
// SVG-AAM host-language rules. The steps are named as in accname:
//
//	2A  hidden content is skipped, unless the traversal started at a hidden
//	    node (a hidden aria-labelledby/-describedby target or a hidden label):
//	    then that node and its hidden descendants count
//	2B  aria-labelledby, one level deep, idrefs in order, self reference allowed
//	2C  a control embedded in the content being read gives its value
//	2D  aria-label (when not blank)
//	2E  the host language: <label> elements, alt, the value of input buttons,
//	    legend, caption, figcaption, the SVG <title> child…
//	2F  name from content (roles that allow it, and everything read while
//	    recursing), with ::before/::after text and spaces around blocks
//	2G  text nodes
//	2I  the title attribute
//
// HTML-AAM puts the placeholder of a text field after its title; Delaktig
// follows HTML-AAM (Chrome uses the placeholder first). Input buttons of
// type submit and reset without a value are named "Submit" and "Reset", and
// an image button without alt, value or title "Submit Query" (the HTML-AAM
// default; Chrome says "Submit"). These English defaults are what the name
// holds in every locale; NameSource reports "default" for them.
//
// A computation marks every element it enters, so cyclic aria-labelledby,
// aria-owns or label references end; it also stops at maxNameDepth levels
// and after maxNameVisits nodes, so hostile pages stay cheap.

// The sources NameSource reports: where the accessible name came from.
const (
	NameSourceLabelledBy   = "aria-labelledby"
	NameSourceAriaLabel    = "aria-label"
	NameSourceLabel        = "label"      // associated <label> elements
	NameSourceAlt          = "alt"        // alt of img, area, input type=image
	NameSourceValue        = "value"      // value of input type=button/submit/reset/image
	NameSourceDefault      = "default"    // "Submit", "Reset", "Submit Query"
	NameSourceAttribute    = "attribute"  // the label attribute of option/optgroup/track
	NameSourceLegend       = "legend"     // fieldset
	NameSourceCaption      = "caption"    // table
	NameSourceFigcaption   = "figcaption" // figure
	NameSourceTitleElement = "svg-title"  // the <title> child of an SVG element
	NameSourceContents     = "contents"
	NameSourceTitle        = "title"
	NameSourcePlaceholder  = "placeholder" // placeholder or aria-placeholder
	// NameSourceBrowser: the name Chrome's accessibility tree gave a node the
	// engine could not settle (see Document.Uncertain).
	NameSourceBrowser = "browser"
)

const (
	// maxNameDepth bounds the recursion of one computation.
	maxNameDepth = 256
	// maxNameVisits bounds the nodes one computation reads.
	maxNameVisits = 200000
)

// nameCache memoises accessible names and descriptions.
type nameCache struct {
	name sharedMemo[nameFacts] // shared with the document's views
	desc sharedMemo[string]    // shared with the document's views

	ariaHidden memo[bool]

	// entered marks the elements a computation has entered: the number of
	// the computation, so that marks need no clearing between them. Nodes
	// the document indexed are marked in entered, others in enteredOther.
	entered      []uint32
	enteredOther map[*Node]uint32
	walks        uint32

	relBuilt bool
	labels   map[*Node][]*Node // labelable element → its <label>s in tree order
	ownerOf  map[*Node]*Node   // element → the element that aria-owns it
	owns     map[*Node][]*Node // owner → owned elements, in idref order

	sheets *sheetFacts // static-mode style sheet facts, built on first use
}

// noName and noDescription are the memoised facts of the many elements
// without a name or description, kept once.
var (
	noName        nameFacts
	noDescription string
)

// nameFacts is the memoised name of a node, where it came from and
// whether the document's facts settle it.
type nameFacts struct {
	name, source string
	unsure       bool
}

func newNameCache(elements int) *nameCache {
	return &nameCache{
		name:       newSharedMemo[nameFacts](elements),
		desc:       newSharedMemo[string](elements),
		ariaHidden: newElemMemo[bool](elements),
		entered:    make([]uint32, elements),
	}
}

// enter marks n as entered by computation id and reports whether it was
// already.
func (d *Document) enter(n *Node, id uint32) (again bool) {
	c := d.cache.name
	if i := d.elemSlot(n); i >= 0 && i < len(c.entered) {
		again = c.entered[i] == id
		c.entered[i] = id
		return again
	}
	if c.enteredOther == nil {
		c.enteredOther = map[*Node]uint32{}
	}
	again = c.enteredOther[n] == id
	c.enteredOther[n] = id
	return again
}

// Name returns the accessible name of n, computed with the accname 1.2
// algorithm, whitespace-normalised (runs of white space collapsed to one
// space, trimmed). It returns "" for nodes that are not elements.
func (d *Document) Name(n *Node) string {
	if n == nil || n.Type != ElementNode {
		return ""
	}
	c := d.cache.name
	if v, ok := c.name.get(d, n); ok {
		return v.name
	}
	if ax := n.AX; ax != nil && ax.Adopted && !ax.Ignored {
		t := CollapseSpace(ax.Name)
		src := ""
		if t != "" {
			src = NameSourceBrowser
		}
		c.name.put(d, n, nameFacts{name: t, source: src}, nil)
		return t
	}
	w := d.newNameWalk(n)
	src := w.text(n, nameStep{root: true})
	t := CollapseSpace(string(w.out))
	if t == "" {
		src = ""
	} else if src == "" {
		src = NameSourceContents
	}
	if t == "" {
		// last resorts of text fields, after the title (HTML-AAM)
		if p := d.placeholder(n); p != "" {
			t, src = p, NameSourcePlaceholder
		}
	}
	v := nameFacts{name: t, source: src, unsure: w.unsure}
	var p *nameFacts
	if v == (nameFacts{}) {
		p = &noName
	}
	c.name.put(d, n, v, p)
	return t
}

// NameSource returns where the accessible name of n comes from: one of the
// NameSource… constants ("aria-labelledby", "aria-label", "label", "alt",
// "value", "default", "attribute", "legend", "caption", "figcaption",
// "svg-title", "contents", "title", "placeholder", "browser"), or "" when the
// name is empty.
func (d *Document) NameSource(n *Node) string {
	if n == nil || n.Type != ElementNode {
		return ""
	}
	d.Name(n)
	v, _ := d.cache.name.name.get(d, n)
	return v.source
}

// NameCertain reports whether the accessible name of n is settled by the
// facts the document carries. It is false for a document without computed
// styles when style sheets the static source cannot evaluate (linked sheets,
// or rules that hide elements or generate ::before/::after text) could change
// the name: the name may then be wrong, and rules answer cantTell rather than
// fail.
func (d *Document) NameCertain(n *Node) bool {
	if n == nil || n.Type != ElementNode {
		return true
	}
	d.Name(n)
	v, _ := d.cache.name.name.get(d, n)
	return !v.unsure
}

// Description returns the accessible description of n: the text of the
// elements aria-describedby names (hidden ones included), else
// aria-description, else the SVG <desc> child, else the title attribute when
// the title did not give the name. It is whitespace-normalised.
func (d *Document) Description(n *Node) string {
	if n == nil || n.Type != ElementNode {
		return ""
	}
	c := d.cache.name
	if v, ok := c.desc.get(d, n); ok {
		return v
	}
	v := d.description(n)
	var p *string
	if v == "" {
		p = &noDescription
	}
	c.desc.put(d, n, v, p)
	return v
}

func (d *Document) description(n *Node) string {
	if v, ok := n.AttrValue("aria-describedby"); ok {
		if refs, _ := d.IDRefs(n, v); len(refs) > 0 {
			w := d.newNameWalk(n)
			for _, r := range refs {
				w.text(r, nameStep{depth: 1, recursion: true, traversal: true, direct: true, hiddenOK: w.hidden(r)})
				w.out = append(w.out, ' ')
			}
			if t := CollapseSpace(string(w.out)); t != "" {
				return t
			}
		}
	}
	if t := CollapseSpace(n.Get("aria-description")); t != "" {
		return t
	}
	if n.Namespace == NamespaceSVG {
		if desc := svgChild(n, "desc"); desc != nil {
			if t := CollapseSpace(desc.Text()); t != "" {
				return t
			}
		}
	}
	if t := CollapseSpace(n.Get("title")); t != "" && d.NameSource(n) != NameSourceTitle {
		return t
	}
	return ""
}

// nameWalk is one computation: the element being named and the elements
// already entered.
type nameWalk struct {
	d      *Document
	root   *Node
	id     uint32 // the computation's mark in nameCache.entered
	visits int
	unsure bool   // the walk read a node whose rendering the document cannot settle
	out    []byte // the text computed so far

	rootHidden, rootHiddenKnown bool
}

// nameStep is the state the algorithm carries down the recursion.
type nameStep struct {
	root      bool // the node being named: read even when hidden
	depth     int
	recursion bool // the node is read for the name of another node
	traversal bool // inside an aria-labelledby or aria-describedby traversal
	direct    bool // the node is directly referenced by such a traversal
	hiddenOK  bool // the traversal started at a hidden node (accname 2A)
	hostLabel bool // inside a <label>, <legend>, <caption> or <figcaption>
}

func (d *Document) newNameWalk(root *Node) *nameWalk {
	c := d.cache.name
	c.walks++
	if c.walks == 0 { // wrapped around: forget the old marks
		clear(c.entered)
		clear(c.enteredOther)
		c.walks = 1
	}
	return &nameWalk{d: d, root: root, id: c.walks}
}

// text computes the text alternative of n (accname step 2), appends it to
// the walk's output and, for the node being named, returns where it came
// from. Steps that produce only white space leave the output as it was.
func (w *nameWalk) text(n *Node, s nameStep) string {
	if n == nil || s.depth > maxNameDepth || w.visits >= maxNameVisits {
		return ""
	}
	w.visits++
	switch n.Type {
	case TextNode:
		w.out = append(w.out, n.Data...) // 2G
		return ""
	case ElementNode:
	default:
		return ""
	}
	if w.d.enter(n, w.id) && !s.direct {
		return ""
	}
	if w.d.sheetFacts().risky(n) {
		w.unsure = true
	}

	// 2A: hidden and not part of a traversal that started hidden.
	if !s.root && !s.hiddenOK && w.hidden(n) {
		return ""
	}
	if neverRendered(n) {
		return ""
	}
	mark := len(w.out)

	// 2B: aria-labelledby, not inside another labelledby/describedby traversal.
	if !s.traversal {
		if v, ok := n.AttrValue("aria-labelledby"); ok {
			if refs, _ := w.d.IDRefs(n, v); len(refs) > 0 {
				for i, r := range refs {
					if i > 0 {
						w.out = append(w.out, ' ')
					}
					w.text(r, nameStep{depth: s.depth + 1, recursion: true, traversal: true, direct: true, hiddenOK: w.hidden(r)})
				}
				if w.textSince(mark) {
					return NameSourceLabelledBy
				}
				w.out = w.out[:mark]
			}
		}
	}

	// 2C: a control embedded in the text being read gives its value.
	if s.recursion && n != w.root {
		if v, ok := w.embeddedValue(n, s); ok {
			w.out = append(w.out, v...)
			return ""
		}
	}

	// 2D: aria-label.
	if v := n.Get("aria-label"); hasText(v) {
		w.out = append(w.out, strings.TrimSpace(v)...)
		return NameSourceAriaLabel
	}

	// 2E: host-language label, unless the element is presentational.
	role := w.d.Role(n)
	presentational := role == "none" || role == "presentation"
	if !presentational {
		if src, done := w.hostLabel(n, s); done {
			return src
		}
		w.out = w.out[:mark]
	}

	// 2F/2H: name from content.
	if s.recursion || s.traversal || s.hostLabel || nameFromContent(n, role) {
		w.content(n, s)
		if w.textSince(mark) {
			return NameSourceContents
		}
		w.out = w.out[:mark]
	}

	// 2I: tooltip attribute.
	if v := n.Get("title"); hasText(v) {
		w.out = append(w.out, strings.TrimSpace(v)...)
		return NameSourceTitle
	}
	if n.Namespace == NamespaceSVG && n.Data == "a" {
		for _, a := range n.Attr {
			if a.Namespace == "xlink" && a.Key == "title" && hasText(a.Val) {
				w.out = append(w.out, strings.TrimSpace(a.Val)...)
				return NameSourceTitle
			}
		}
	}
	return ""
}

// textSince reports whether the output holds something other than white
// space after mark.
func (w *nameWalk) textSince(mark int) bool {
	b := w.out[mark:]
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if !unicode.IsSpace(r) {
			return true
		}
		b = b[size:]
	}
	return false
}

// textOf computes the text alternative of n as a separate string.
func (w *nameWalk) textOf(n *Node, s nameStep) string {
	mark := len(w.out)
	w.text(n, s)
	t := string(w.out[mark:])
	w.out = w.out[:mark]
	return t
}

// hiddenOK reports whether hidden nodes below the node of step s are read:
// when the traversal started at a hidden node (the element being named
// included, which is asked only when needed).
func (w *nameWalk) hiddenOK(s nameStep) bool {
	if s.hiddenOK || !s.root {
		return s.hiddenOK
	}
	if !w.rootHiddenKnown {
		w.rootHidden, w.rootHiddenKnown = w.hidden(w.root), true
	}
	return w.rootHidden
}

// hidden reports whether n is hidden in the accname sense: not rendered, or
// inside aria-hidden="true".
func (w *nameWalk) hidden(n *Node) bool {
	if n == nil || n.Type != ElementNode {
		return false
	}
	if w.d.sheetFacts().risky(n) {
		w.unsure = true
	}
	return w.d.Hidden(n) || w.d.ariaHidden(n)
}

// ariaHidden reports whether n or a flat-tree ancestor has aria-hidden="true".
func (d *Document) ariaHidden(n *Node) bool {
	memo := &d.cache.name.ariaHidden
	var chain []*Node
	result := false
	for e := n; e != nil; e = e.FlatParent() {
		if e.Type != ElementNode {
			continue
		}
		if v, ok := memo.get(d, e); ok {
			result = v
			break
		}
		chain = append(chain, e)
		if strings.EqualFold(strings.TrimSpace(e.Get("aria-hidden")), "true") {
			result = true
			break
		}
	}
	// every element walked lies below the answer: memoise them all
	for _, e := range chain {
		memo.put(d, e, result)
	}
	return result
}

// neverRendered reports elements whose content is never rendered as text.
func neverRendered(n *Node) bool {
	if n.Namespace == NamespaceSVG {
		return n.Data == "title" || n.Data == "desc" || n.Data == "metadata" || n.Data == "style" || n.Data == "script" || n.Data == "defs"
	}
	if n.Namespace != NamespaceHTML {
		return false
	}
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Template, atom.Noscript, atom.Head, atom.Title, atom.Meta,
		atom.Link, atom.Base, atom.Datalist, atom.Param, atom.Source, atom.Track:
		return true
	}
	return false
}

// nameFromContentRoles are the roles whose name comes from their content
// (WAI-ARIA 1.2 "Name From: contents", and the DPUB-ARIA link roles).
var nameFromContentRoles = map[string]bool{
	"button": true, "cell": true, "checkbox": true, "columnheader": true, "gridcell": true,
	"heading": true, "link": true, "menuitem": true, "menuitemcheckbox": true, "menuitemradio": true,
	"option": true, "radio": true, "row": true, "rowheader": true, "switch": true, "tab": true,
	"tooltip": true, "treeitem": true, "comment": true, "sectionhead": true,
	"doc-backlink": true, "doc-biblioref": true, "doc-glossref": true, "doc-noteref": true,
}

// nameFromContent reports whether an element is named from its content when
// its own name is computed.
func nameFromContent(n *Node, role string) bool {
	if nameFromContentRoles[role] {
		return true
	}
	if role != "" && role != "generic" {
		return false
	}
	// roles still unknown: the elements HTML-AAM names from their subtree
	switch n.DataAtom {
	case atom.Summary, atom.Button, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Td, atom.Th, atom.Option:
		return n.Namespace == NamespaceHTML
	case atom.A:
		return n.Namespace == NamespaceHTML && n.Has("href")
	}
	return false
}

// hostLabel applies accname step 2E with the HTML-AAM and SVG-AAM rules. done
// is true when the host language settles the name (possibly as empty).
func (w *nameWalk) hostLabel(n *Node, s nameStep) (source string, done bool) {
	mark := len(w.out)
	put := func(v, src string) (string, bool) {
		w.out = append(w.out, v...)
		return src, true
	}
	if n.Namespace == NamespaceSVG {
		if t := svgChild(n, "title"); t != nil {
			if v := t.Text(); hasText(v) {
				return put(v, NameSourceTitleElement)
			}
		}
		return "", false
	}
	if n.Namespace != NamespaceHTML {
		return "", false
	}
	if labelable(n) {
		for i, l := range w.d.labelsOf(n) {
			if i > 0 {
				w.out = append(w.out, ' ')
			}
			w.text(l, nameStep{depth: s.depth + 1, recursion: true, hostLabel: true, traversal: s.traversal, hiddenOK: w.hiddenOK(s) || w.hidden(l)})
		}
		if w.textSince(mark) {
			return NameSourceLabel, true
		}
		w.out = w.out[:mark]
	}
	switch n.DataAtom {
	case atom.Input:
		switch inputType(n) {
		case "button", "submit", "reset":
			if v, ok := n.AttrValue("value"); ok && hasText(v) {
				return put(v, NameSourceValue)
			}
			switch inputType(n) {
			case "submit":
				return put("Submit", NameSourceDefault)
			case "reset":
				return put("Reset", NameSourceDefault)
			}
		case "image":
			if v := n.Get("alt"); hasText(v) {
				return put(v, NameSourceAlt)
			}
			if v := n.Get("value"); hasText(v) {
				return put(v, NameSourceValue)
			}
			if v := n.Get("title"); hasText(v) {
				return put(v, NameSourceTitle)
			}
			return put("Submit Query", NameSourceDefault)
		}
	case atom.Img:
		if v := n.Get("alt"); hasText(v) {
			return put(v, NameSourceAlt)
		}
	case atom.Area:
		if v := n.Get("alt"); hasText(v) {
			return put(v, NameSourceAlt)
		}
	case atom.Fieldset:
		if w.childText(n, atom.Legend, s) {
			return NameSourceLegend, true
		}
	case atom.Figure:
		if w.childText(n, atom.Figcaption, s) {
			return NameSourceFigcaption, true
		}
	case atom.Table:
		if w.childText(n, atom.Caption, s) {
			return NameSourceCaption, true
		}
	case atom.Option, atom.Optgroup, atom.Track:
		if v := n.Get("label"); hasText(v) {
			return put(v, NameSourceAttribute)
		}
	}
	return "", false
}

// childText appends the text of n's first light child with the given atom
// and reports whether it holds any.
func (w *nameWalk) childText(n *Node, a atom.Atom, s nameStep) bool {
	for c := range n.ElementChildren() {
		if c.Is(a) {
			mark := len(w.out)
			w.text(c, nameStep{depth: s.depth + 1, recursion: true, hostLabel: true, traversal: s.traversal, hiddenOK: w.hiddenOK(s) || w.hidden(c)})
			if w.textSince(mark) {
				return true
			}
			w.out = w.out[:mark]
			return false
		}
	}
	return false
}

// content computes the name of n from its content (accname 2F): ::before
// text, each child in the flat tree (aria-owns children last), ::after text.
// Children rendered as blocks are set apart with spaces.
func (w *nameWalk) content(n *Node, s nameStep) {
	child := nameStep{
		depth:     s.depth + 1,
		recursion: true,
		traversal: s.traversal,
		hiddenOK:  w.hiddenOK(s),
		hostLabel: s.hostLabel || n.Is(atom.Label, atom.Legend, atom.Caption, atom.Figcaption),
	}
	w.out = append(w.out, n.Before...)
	rel := w.d.nameRelations()
	add := func(c *Node) {
		if c.Type == ElementNode && (isBlock(c) || isFormControl(c)) {
			w.out = append(w.out, ' ')
			w.text(c, child)
			w.out = append(w.out, ' ')
			return
		}
		w.text(c, child)
	}
	for c := range flatNameChildren(n) {
		if rel.ownerOf[c] != nil {
			continue // read where aria-owns puts it
		}
		add(c)
		if w.visits >= maxNameVisits {
			break
		}
	}
	for _, c := range rel.owns[n] {
		add(c)
	}
	w.out = append(w.out, n.After...)
}

// flatNameChildren iterates over the children of n in the flat tree: a shadow
// host's shadow children, and for a <slot> of a shadow tree the nodes
// assigned to it (or its fallback content).
func flatNameChildren(n *Node) func(func(*Node) bool) {
	return func(yield func(*Node) bool) {
		if n.Is(atom.Slot) {
			if host := n.ShadowHost(); host != nil {
				if assigned := slotAssigned(n, host); len(assigned) > 0 {
					for _, a := range assigned {
						if !yield(a) {
							return
						}
					}
					return
				}
			}
		}
		for c := range n.FlatChildren() {
			if !yield(c) {
				return
			}
		}
	}
}

// embeddedValue gives the value of a control read inside another element's
// name (accname 2C): text fields, comboboxes and listboxes, ranges.
func (w *nameWalk) embeddedValue(n *Node, s nameStep) (string, bool) {
	role := w.d.Role(n)
	if role == "" || role == "generic" {
		role = nativeControlRole(n)
	}
	switch role {
	case "textbox", "searchbox":
		return controlValue(n), true
	case "combobox":
		if n.Is(atom.Input, atom.Textarea) {
			return controlValue(n), true
		}
		if n.Is(atom.Select) {
			return w.selectedText(n, s), true
		}
		if t, ok := w.chosenOption(n, s); ok {
			return t, true
		}
		for tb := range w.d.descendants(n) {
			if r := w.d.Role(tb); r == "textbox" || r == "searchbox" || (r == "" && nativeControlRole(tb) == "textbox") {
				return controlValue(tb), true
			}
		}
		return "", true
	case "listbox":
		if n.Is(atom.Select) {
			return w.selectedText(n, s), true
		}
		t, _ := w.chosenOption(n, s)
		return t, true
	case "menu", "menubar":
		return "", true // a menu has no single value
	case "slider", "spinbutton", "scrollbar":
		if v := n.Get("aria-valuetext"); hasText(v) {
			return v, true
		}
		if v := n.Get("aria-valuenow"); hasText(v) {
			return strings.TrimSpace(v), true
		}
		if n.Is(atom.Input) {
			return controlValue(n), true
		}
		return "", true
	}
	return "", false
}

// nativeControlRole is the role of an HTML form control, for embedded-control
// handling when the role engine gives none.
func nativeControlRole(n *Node) string {
	switch {
	case n.Is(atom.Textarea):
		return "textbox"
	case n.Is(atom.Select):
		if n.Has("multiple") {
			return "listbox"
		}
		if sz, err := strconv.Atoi(strings.TrimSpace(n.Get("size"))); err == nil && sz > 1 {
			return "listbox"
		}
		return "combobox"
	case n.Is(atom.Input):
		switch inputType(n) {
		case "text", "email", "tel", "url", "password":
			if n.Has("list") {
				return "combobox"
			}
			return "textbox"
		case "search":
			if n.Has("list") {
				return "combobox"
			}
			return "searchbox"
		case "number":
			return "spinbutton"
		case "range":
			return "slider"
		}
	case n.IsElement() && isContentEditable(n):
		return "textbox"
	}
	return ""
}

func isContentEditable(n *Node) bool {
	v, ok := n.AttrValue("contenteditable")
	if !ok {
		return false
	}
	v = strings.ToLower(strings.TrimSpace(v))
	return v == "" || v == "true" || v == "plaintext-only"
}

// controlValue returns the current value of a form control or text field.
func controlValue(n *Node) string {
	if n.Value != nil {
		return *n.Value
	}
	switch {
	case n.Is(atom.Textarea):
		return n.Text()
	case n.Is(atom.Input):
		v, ok := n.AttrValue("value")
		if !ok && inputType(n) == "range" {
			return rangeDefault(n)
		}
		return v
	}
	return n.Text()
}

// rangeDefault is the value of an input type=range without a value: the
// midpoint of min and max (0 and 100 by default).
func rangeDefault(n *Node) string {
	lo, hi := 0.0, 100.0
	if v, err := strconv.ParseFloat(strings.TrimSpace(n.Get("min")), 64); err == nil {
		lo = v
	}
	if v, err := strconv.ParseFloat(strings.TrimSpace(n.Get("max")), 64); err == nil {
		hi = v
	}
	if hi < lo {
		return strconv.FormatFloat(lo, 'f', -1, 64)
	}
	return strconv.FormatFloat(lo+(hi-lo)/2, 'f', -1, 64)
}

// selectedText returns the text of the selected options of a <select>.
func (w *nameWalk) selectedText(sel *Node, s nameStep) string {
	var opts []*Node
	for o := range w.d.descendants(sel) {
		if o.Is(atom.Option) {
			opts = append(opts, o)
		}
	}
	var chosen []*Node
	for _, o := range opts {
		if o.Checked != nil && *o.Checked || o.Checked == nil && o.Has("selected") {
			chosen = append(chosen, o)
			if !selectMultiple(sel) {
				break
			}
		}
	}
	if len(chosen) == 0 && !selectMultiple(sel) {
		for _, o := range opts {
			if !o.Has("disabled") {
				chosen = append(chosen, o)
				break
			}
		}
	}
	parts := make([]string, 0, len(chosen))
	for _, o := range chosen {
		parts = append(parts, w.optionText(o, s))
	}
	return strings.Join(parts, " ")
}

func selectMultiple(sel *Node) bool {
	if sel.Has("multiple") {
		return true
	}
	sz, err := strconv.Atoi(strings.TrimSpace(sel.Get("size")))
	return err == nil && sz > 1
}

func (w *nameWalk) optionText(o *Node, s nameStep) string {
	if v := o.Get("label"); hasText(v) {
		return v
	}
	if v := o.Get("aria-label"); hasText(v) {
		return v
	}
	return CollapseSpace(o.Text())
}

// chosenOption returns the text of the options with aria-selected="true"
// among the descendants (and owned elements) of an ARIA combobox or listbox.
func (w *nameWalk) chosenOption(n *Node, s nameStep) (string, bool) {
	var parts []string
	found := false
	visit := func(o *Node) {
		if w.d.Role(o) == "option" || o.Get("role") == "option" || o.Is(atom.Option) {
			if strings.EqualFold(strings.TrimSpace(o.Get("aria-selected")), "true") || o.Is(atom.Option) && o.Has("selected") {
				found = true
				parts = append(parts, w.textOf(o, nameStep{depth: s.depth + 1, recursion: true, traversal: s.traversal, hiddenOK: w.hiddenOK(s)}))
			}
		}
	}
	for o := range w.d.descendants(n) {
		visit(o)
	}
	rel := w.d.nameRelations()
	for _, owned := range rel.owns[n] {
		visit(owned)
		for o := range w.d.descendants(owned) {
			visit(o)
		}
	}
	return strings.Join(parts, " "), found
}

// descendants iterates over the element descendants of n in the flat tree
// (shadow trees included, frames excluded), in tree order.
func (d *Document) descendants(n *Node) func(func(*Node) bool) {
	return func(yield func(*Node) bool) {
		stack := []*Node{}
		push := func(p *Node) {
			var kids []*Node
			for c := range p.FlatChildren() {
				if c.Type == ElementNode {
					kids = append(kids, c)
				}
			}
			for i := len(kids) - 1; i >= 0; i-- {
				stack = append(stack, kids[i])
			}
		}
		push(n)
		for len(stack) > 0 {
			e := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if !yield(e) {
				return
			}
			push(e)
		}
	}
}

// placeholder returns the placeholder of a text field: the placeholder
// attribute of a text input or textarea, aria-placeholder of an ARIA text box.
func (d *Document) placeholder(n *Node) string {
	native := n.Is(atom.Textarea) || n.Is(atom.Input) && textInput(inputType(n))
	if native {
		if v := CollapseSpace(n.Get("placeholder")); v != "" {
			return v
		}
	}
	switch d.Role(n) {
	case "textbox", "searchbox", "combobox":
		return CollapseSpace(n.Get("aria-placeholder"))
	}
	if native {
		return CollapseSpace(n.Get("aria-placeholder"))
	}
	return ""
}

func textInput(t string) bool {
	switch t {
	case "text", "search", "tel", "url", "email", "password", "number":
		return true
	}
	return false
}

// inputType returns the lower-case type of an input, "text" when missing or unknown.
func inputType(n *Node) string {
	t := strings.ToLower(strings.TrimSpace(n.Get("type")))
	switch t {
	case "hidden", "text", "search", "tel", "url", "email", "password", "date", "month", "week", "time",
		"datetime-local", "number", "range", "color", "checkbox", "radio", "file", "submit", "image", "reset", "button":
		return t
	}
	return "text"
}

// labelable reports whether n is a labelable HTML element.
func labelable(n *Node) bool {
	if n.Namespace != NamespaceHTML || n.Type != ElementNode {
		return false
	}
	switch n.DataAtom {
	case atom.Button, atom.Meter, atom.Output, atom.Progress, atom.Select, atom.Textarea:
		return true
	case atom.Input:
		return inputType(n) != "hidden"
	}
	return false
}

// Labels returns the <label> elements associated with a labelable element
// (by for= or by nesting), in tree order.
func (d *Document) Labels(n *Node) []*Node {
	if n == nil || !labelable(n) {
		return nil
	}
	return append([]*Node(nil), d.labelsOf(n)...)
}

func (d *Document) labelsOf(n *Node) []*Node { return d.nameRelations().labels[n] }

// nameRelations builds, once per document, the label associations and the
// aria-owns relations.
func (d *Document) nameRelations() *nameCache {
	c := d.cache.name
	if c.relBuilt {
		return c
	}
	c.relBuilt = true
	c.labels = map[*Node][]*Node{}
	c.ownerOf = map[*Node]*Node{}
	c.owns = map[*Node][]*Node{}
	for _, e := range d.elements {
		if e.Is(atom.Label) {
			if ctl := d.labeledControl(e); ctl != nil {
				c.labels[ctl] = append(c.labels[ctl], e)
			}
		}
		if v, ok := e.AttrValue("aria-owns"); ok {
			refs, _ := d.IDRefs(e, v)
			for _, r := range refs {
				if r == e || r.Contains(e) || c.ownerOf[r] != nil || flatContains(r, e) {
					continue // an element cannot own itself or an ancestor, nor be owned twice
				}
				c.ownerOf[r] = e
				c.owns[e] = append(c.owns[e], r)
			}
		}
	}
	return c
}

// flatContains reports whether m is n or a descendant of n in the flat tree.
func flatContains(n, m *Node) bool {
	for p := m; p != nil; p = p.FlatParent() {
		if p == n {
			return true
		}
	}
	return false
}

// labeledControl returns the control a <label> labels: the labelable element
// its for attribute names, or else its first labelable descendant.
func (d *Document) labeledControl(l *Node) *Node {
	if id, ok := l.AttrValue("for"); ok {
		if t := d.ByID(l, id); t != nil && labelable(t) {
			return t
		}
		return nil
	}
	var found *Node
	walk(l, func(m *Node) bool {
		if found != nil {
			return false
		}
		if m != l && labelable(m) {
			found = m
			return false
		}
		return true
	})
	return found
}

// svgChild returns the first SVG child element of n with the given name.
func svgChild(n *Node, name string) *Node {
	for c := range n.ElementChildren() {
		if c.Namespace == NamespaceSVG && c.Data == name {
			return c
		}
	}
	return nil
}

// blockTags are the HTML elements rendered as blocks (or table parts, or
// line breaks) by default: their text is set apart from its neighbours.
var blockTags = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true, atom.Body: true,
	atom.Br: true, atom.Caption: true, atom.Center: true, atom.Dd: true, atom.Details: true,
	atom.Dialog: true, atom.Dir: true, atom.Div: true, atom.Dl: true, atom.Dt: true, atom.Fieldset: true,
	atom.Figcaption: true, atom.Figure: true, atom.Footer: true, atom.Form: true, atom.H1: true,
	atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Header: true,
	atom.Hgroup: true, atom.Hr: true, atom.Html: true, atom.Legend: true, atom.Li: true,
	atom.Listing: true, atom.Main: true, atom.Menu: true, atom.Nav: true, atom.Ol: true, atom.Optgroup: true,
	atom.Option: true, atom.P: true, atom.Plaintext: true, atom.Pre: true, atom.Search: true,
	atom.Section: true, atom.Summary: true, atom.Table: true, atom.Tbody: true, atom.Td: true,
	atom.Tfoot: true, atom.Th: true, atom.Thead: true, atom.Tr: true, atom.Ul: true, atom.Xmp: true,
}

// isBlock reports whether an element is laid out as a block (its computed or
// inline display when known, its default display otherwise).
func isBlock(n *Node) bool {
	if n.Is(atom.Br) {
		return true // a line break separates words whatever its display
	}
	if v, ok := n.StyleValue("display"); ok {
		v = strings.ToLower(strings.TrimSpace(v))
		if v != "" && v != "initial" && v != "inherit" && v != "unset" && v != "revert" {
			return !(strings.HasPrefix(v, "inline") || v == "contents" || strings.HasPrefix(v, "ruby"))
		}
	}
	return n.Namespace == NamespaceHTML && blockTags[n.DataAtom]
}

// isFormControl reports the HTML form controls, laid out as inline blocks:
// their text is set apart from its neighbours.
func isFormControl(n *Node) bool {
	return n.Is(atom.Input, atom.Select, atom.Textarea, atom.Button, atom.Meter, atom.Progress)
}

// hasText reports whether s holds something other than white space.
func hasText(s string) bool { return strings.TrimSpace(s) != "" }

// CollapseSpace returns s with its runs of white space collapsed to one
// space and trimmed, as strings.Join(strings.Fields(s), " ") does, without
// allocating when s is already so (most labels and names are).
func CollapseSpace(s string) string {
	// most strings are already normal: spare the two allocations
	after := true // after a space, or at the start
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch c {
			case '\t', '\n', '\v', '\f', '\r', ' ':
				if c != ' ' || after {
					return strings.Join(strings.Fields(s), " ")
				}
				after = true
			default:
				after = false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return strings.Join(strings.Fields(s), " ")
		}
		after = false
		i += size
	}
	if after && s != "" {
		return strings.Join(strings.Fields(s), " ")
	}
	return s
}

// sheetFacts records, for a document without computed styles, where author
// style sheets could change what the static view shows: rules of <style>
// elements that hide elements or generate ::before/::after text, and rules
// whose selectors cannot be evaluated. Linked and imported sheets are not
// read and are assumed not to hide content.
type sheetFacts struct {
	static  bool
	unknown map[*Node]bool // tree roots with sheets that could not be read or parsed
	matched map[*Node]bool // elements such a rule matches
}

// risky reports whether style sheets the document cannot evaluate could hide
// n or give it generated text.
func (f *sheetFacts) risky(n *Node) bool {
	if !f.static || n == nil || n.Type != ElementNode {
		return false
	}
	if f.matched[n] {
		return true
	}
	return len(f.unknown) > 0 && f.unknown[n.TreeRoot()]
}

// RenderingCertain reports whether the document's facts settle whether n is
// rendered and what generated text it has. It is true when computed styles
// are known. In a static document it is false when n, or a flat-tree ancestor,
// lives in a tree with a <style> rule whose selector cannot be evaluated, or
// is matched by a rule of a <style> element that hides elements
// (display: none, visibility: hidden) or generates ::before/::after text.
func (d *Document) RenderingCertain(n *Node) bool {
	f := d.sheetFacts()
	if !f.static {
		return true
	}
	for e := n; e != nil; e = e.FlatParent() {
		if f.risky(e) {
			return false
		}
	}
	return true
}

func (d *Document) sheetFacts() *sheetFacts {
	c := d.cache.name
	if c.sheets != nil {
		return c.sheets
	}
	f := &sheetFacts{static: !d.Has(NeedsStyle), unknown: map[*Node]bool{}, matched: map[*Node]bool{}}
	c.sheets = f
	if !f.static {
		return f
	}
	// group the sheets by the tree they style
	type sheet struct {
		root *Node
		text string
	}
	var sheets []sheet
	for _, e := range d.elements {
		switch {
		case e.Is(atom.Style):
			var b strings.Builder
			for c := e.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == TextNode {
					b.WriteString(c.Data)
				}
			}
			sheets = append(sheets, sheet{e.TreeRoot(), b.String()})
		case e.Is(atom.Link):
			// Linked style sheets are not read in static mode. They are
			// assumed not to hide content or add generated text: treating
			// every page with a linked sheet as uncertain would leave a
			// static check with nothing to say about real pages. A
			// browser run settles what they do.
		}
		if e.Style != nil {
			f.static = false // a source that computed styles after all
		}
	}
	if !f.static {
		return f
	}
	mirrors := map[*Node]*styleMirror{}
	for _, s := range sheets {
		rules, _ := cssRules(s.text) // @import: assumed harmless, as linked sheets are
		for _, r := range rules {
			decls := ParseDeclarations(r.body)
			hides, generates := false, false
			for _, dcl := range decls {
				v := strings.ToLower(strings.TrimSpace(dcl.Value))
				switch dcl.Property {
				case "display":
					hides = hides || v == "none"
				case "visibility":
					hides = hides || v == "hidden" || v == "collapse"
				case "content-visibility":
					hides = hides || v == "hidden"
				case "content":
					generates = generates || (v != "none" && v != "normal" && v != `""` && v != "''")
				}
			}
			if !hides && !generates {
				continue
			}
			m := mirrors[s.root]
			if m == nil {
				m = newStyleMirror(s.root)
				mirrors[s.root] = m
			}
			for _, sel := range splitSelectors(r.selector) {
				pseudo := cssPseudoElement(sel)
				if pseudo != "" && (!generates || pseudo != "before" && pseudo != "after") {
					continue // only ::before/::after text reaches a name
				}
				if pseudo == "" && !hides {
					continue
				}
				matcher, ok := compileLenient(sel)
				if !ok {
					f.unknown[s.root] = true
					continue
				}
				for h, n := range m.nodes {
					if matcher.Match(h) {
						f.matched[n] = true
					}
				}
			}
		}
	}
	return f
}

// styleMirror is an x/net/html copy of one tree, for matching selectors.
type styleMirror struct {
	nodes map[*html.Node]*Node
}

func newStyleMirror(root *Node) *styleMirror {
	m := &styleMirror{nodes: map[*html.Node]*Node{}}
	top := &html.Node{Type: html.DocumentNode}
	type item struct {
		src *Node
		dst *html.Node
	}
	stack := []item{{root, top}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for c := it.src.FirstChild; c != nil; c = c.NextSibling {
			var h *html.Node
			switch c.Type {
			case ElementNode:
				h = &html.Node{Type: html.ElementNode, Data: c.Data, DataAtom: c.DataAtom, Namespace: c.Namespace, Attr: c.Attr}
				m.nodes[h] = c
				stack = append(stack, item{c, h})
			case TextNode:
				h = &html.Node{Type: html.TextNode, Data: c.Data}
			default:
				continue
			}
			it.dst.AppendChild(h)
		}
	}
	return m
}

// cssRule is one style rule: its selector list and declaration block.
type cssRule struct{ selector, body string }

// cssRules splits a style sheet into style rules, entering conditional group
// rules (@media, @supports, @layer, @container). imports reports @import.
func cssRules(css string) (rules []cssRule, imports bool) {
	css = stripCSSComments(css)
	var parse func(s string, depth int)
	parse = func(s string, depth int) {
		i := 0
		for i < len(s) {
			j, quote := i, byte(0)
			for j < len(s) {
				ch := s[j]
				if quote != 0 {
					if ch == '\\' {
						j++
					} else if ch == quote {
						quote = 0
					}
				} else if ch == '"' || ch == '\'' {
					quote = ch
				} else if ch == '{' || ch == ';' || ch == '}' {
					break
				}
				j++
			}
			if j >= len(s) {
				return
			}
			prelude := strings.TrimSpace(s[i:j])
			if s[j] != '{' {
				if strings.HasPrefix(strings.ToLower(prelude), "@import") {
					imports = true
				}
				i = j + 1
				continue
			}
			k := closingBrace(s, j)
			body := s[j+1 : k]
			if strings.HasPrefix(prelude, "@") {
				kw := strings.ToLower(prelude)
				if end := strings.IndexAny(kw, " \t\n\r({"); end >= 0 {
					kw = kw[:end]
				}
				switch kw {
				case "@media", "@supports", "@layer", "@container", "@scope", "@document", "@-moz-document":
					if depth < 8 {
						parse(body, depth+1)
					}
				}
			} else if prelude != "" {
				rules = append(rules, cssRule{prelude, body})
			}
			i = k + 1
		}
	}
	parse(css, 0)
	return rules, imports
}

// closingBrace returns the index of the brace closing the block opened at
// open, or len(s).
func closingBrace(s string, open int) int {
	depth, quote := 0, byte(0)
	for i := open; i < len(s); i++ {
		ch := s[i]
		switch {
		case quote != 0:
			if ch == '\\' {
				i++
			} else if ch == quote {
				quote = 0
			}
		case ch == '"' || ch == '\'':
			quote = ch
		case ch == '{':
			depth++
		case ch == '}':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return len(s)
}

func stripCSSComments(s string) string {
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
		j := strings.Index(s[i+2:], "*/")
		if j < 0 {
			return b.String()
		}
		b.WriteByte(' ')
		s = s[i+2+j+2:]
	}
}

// splitSelectors splits a selector list at its top-level commas.
func splitSelectors(s string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(', '[':
			depth++
		case ')', ']':
			if depth > 0 {
				depth--
			}
		case ',':
			if depth == 0 {
				out = append(out, strings.TrimSpace(s[start:i]))
				start = i + 1
			}
		}
	}
	return append(out, strings.TrimSpace(s[start:]))
}

var (
	pseudoElementRe = regexp.MustCompile(`(?i)::?(before|after|marker|placeholder|selection|first-line|first-letter|backdrop|file-selector-button|cue|-webkit-[a-z-]+|-moz-[a-z-]+)((:[a-z-]+)*)\s*$`)
	statePseudoRe   = regexp.MustCompile(`(?i):(focus-visible|focus-within|any-link|placeholder-shown|read-only|read-write|required|optional|valid|invalid|default|indeterminate|defined|autofill|user-invalid|user-valid|modal|open|popover-open|hover|focus|active|visited|target|-webkit-[a-z-]+|-moz-[a-z-]+)`)
)

// cssPseudoElement returns the pseudo-element a selector ends with ("before",
// "after", …), or "".
func cssPseudoElement(sel string) string {
	m := pseudoElementRe.FindStringSubmatch(sel)
	if m == nil {
		return ""
	}
	return strings.ToLower(m[1])
}

// compileLenient compiles the element part of a selector. Pseudo-classes of
// user interaction or form state are dropped, so the match is a superset of
// the elements the rule can reach.
func compileLenient(sel string) (cascadia.Sel, bool) {
	sel = pseudoElementRe.ReplaceAllString(sel, "")
	if strings.TrimSpace(sel) == "" {
		sel = "*"
	}
	if s, err := cascadia.Parse(sel); err == nil {
		return s, true
	}
	loose := statePseudoRe.ReplaceAllString(sel, "")
	if strings.TrimSpace(loose) == "" || strings.HasSuffix(strings.TrimSpace(loose), ">") {
		loose += "*"
	}
	if s, err := cascadia.Parse(loose); err == nil {
		return s, true
	}
	return nil, false
}
