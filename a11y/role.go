package a11y

import (
	"strconv"
	"strings"
)

// Roles follow HTML-AAM (the 2024 editor's draft) and SVG-AAM for implicit
// roles and WAI-ARIA 1.2 §9 for the role attribute and presentational
// conflicts. Two departures, both to avoid reporting barriers that are not there:
//
//   - dl has no role (HTML-AAM maps it to list, but its dt/dd children are not
//     list items, and ARIA in HTML gives dl no role);
//   - header and footer scoped to main or sectioning content map to the
//     WAI-ARIA 1.3 roles sectionheader and sectionfooter, as current HTML-AAM
//     and Chrome do, rather than to generic.
//
// Role returns "image" written in a role attribute as its synonym "img", but
// keeps "none" and "presentation" apart; use IsPresentational to test for both.

// ariaCache memoises roles, tree inclusion and focusability per node.
type ariaCache struct {
	role     roleMemo
	explicit roleMemo
	implicit roleMemo
	busy     memo[bool] // roles being computed, to break cycles

	state     memo[nodeState] // rendering and tree facts (tree.go)
	presAnc   memo[*Node]     // nearest ancestor with presentational children
	focusable memo[bool]

	framesBuilt bool
	frameOwner  map[*Node]*Node // frame document root → frame element

	ownsBuilt bool
	ownerOf   map[*Node]*Node   // element → the element that validly aria-owns it
	owned     map[*Node][]*Node // owner → owned elements, in reference order
}

func newAriaCache(nodes, elements int) *ariaCache {
	return &ariaCache{
		role:      newRoleMemo(elements),
		explicit:  newRoleMemo(elements),
		implicit:  newRoleMemo(elements),
		busy:      newElemMemo[bool](elements),
		state:     newMemo[nodeState](nodes),
		presAnc:   newMemo[*Node](nodes),
		focusable: newElemMemo[bool](elements),
	}
}

// Role returns the computed role of element n: the explicit role (the first
// valid token of its role attribute), else its implicit HTML-AAM/SVG-AAM
// role. A presentational role (explicit none/presentation, or the implicit
// one of img alt="" and of the parts of a presentational list or table) gives
// way to the element's native role when the element is focusable or carries a
// global ARIA attribute with a value (presentational roles conflict
// resolution). It returns "" for elements without a role (label, video,
// unnamed SVG shapes…) and for non-elements, and "generic" for generic
// containers.
func (d *Document) Role(n *Node) string {
	if n == nil || n.Type != ElementNode {
		return ""
	}
	c := d.cache.aria
	if r, ok := c.role.get(d, n); ok {
		return r
	}
	if busy, _ := c.busy.get(d, n); busy {
		return d.nativeRole(n)
	}
	c.busy.put(d, n, true)
	r := d.ExplicitRole(n)
	if r == "" {
		r = adoptedRole(n.AX)
	}
	if r == "" {
		r = d.ImplicitRole(n)
	}
	if IsPresentational(r) && d.presentationConflict(n) {
		r = d.nativeRole(n)
	}
	c.busy.forget(d, n)
	c.role.put(d, n, r)
	return r
}

// ExplicitRole returns the first token of n's role attribute that names a
// non-abstract role of WAI-ARIA, the Graphics module or DPUB-ARIA (compared
// ASCII case-insensitively; "image" is returned as "img"), or "".
func (d *Document) ExplicitRole(n *Node) string {
	if n == nil || n.Type != ElementNode {
		return ""
	}
	c := d.cache.aria
	if r, ok := c.explicit.get(d, n); ok {
		return r
	}
	r := ""
	if v, ok := n.AttrValue("role"); ok {
		for _, tok := range strings.Fields(strings.ToLower(v)) {
			if IsValidRole(tok) {
				r = tok
				if r == "image" {
					r = "img"
				}
				break
			}
		}
	}
	c.explicit.put(d, n, r)
	return r
}

// ImplicitRole returns the role the host language gives n (HTML-AAM,
// SVG-AAM), including the presentational role an img with alt="" has and the
// one list items and table parts inherit from a presentational list or table.
func (d *Document) ImplicitRole(n *Node) string {
	if n == nil || n.Type != ElementNode {
		return ""
	}
	c := d.cache.aria
	if r, ok := c.implicit.get(d, n); ok {
		return r
	}
	r := d.implicitRole(n, true)
	c.implicit.put(d, n, r)
	return r
}

// nativeRole is the implicit role without any presentational role: what a
// presentational element is exposed as when conflict resolution applies.
func (d *Document) nativeRole(n *Node) string {
	r := d.implicitRole(n, false)
	if IsPresentational(r) {
		return ""
	}
	return r
}

// presentationConflict reports whether a presentational role on n must be
// ignored: n is focusable or has a global ARIA attribute with a value.
func (d *Document) presentationConflict(n *Node) bool {
	return d.HasGlobalARIA(n) || d.Focusable(n)
}

// HasGlobalARIA reports whether n has a global ARIA state or property with a
// non-blank value (the deprecated globals of ARIA 1.1, such as aria-disabled,
// do not count).
func (d *Document) HasGlobalARIA(n *Node) bool {
	if n == nil {
		return false
	}
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.HasPrefix(a.Key, "aria-") && IsGlobalAttr(a.Key) && strings.Trim(a.Val, htmlSpace) != "" {
			return true
		}
	}
	return false
}

// MarkedDecorative reports whether the author marked n as decorative: an
// explicit role of none or presentation, or an img with alt="" and no
// explicit role (the ACT definition).
func (d *Document) MarkedDecorative(n *Node) bool {
	if n == nil || n.Type != ElementNode {
		return false
	}
	exp := d.ExplicitRole(n)
	if IsPresentational(exp) {
		return true
	}
	if exp == "" && n.Namespace == NamespaceHTML && n.Data == "img" {
		alt, ok := n.AttrValue("alt")
		return ok && alt == ""
	}
	return false
}

// htmlRoles maps HTML elements whose role does not depend on context.
var htmlRoles = map[string]string{
	"address": "group", "article": "article", "b": "generic", "bdi": "generic", "bdo": "generic",
	"blockquote": "blockquote", "body": "generic", "button": "button", "caption": "caption",
	"code": "code", "data": "generic", "datalist": "listbox", "dd": "definition", "del": "deletion",
	"details": "group", "dfn": "term", "dialog": "dialog", "dir": "list", "div": "generic",
	"dt": "term", "em": "emphasis", "fieldset": "group", "figcaption": "caption", "figure": "figure",
	"h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading", "h6": "heading",
	"hgroup": "group", "hr": "separator", "html": "generic", "i": "generic", "ins": "insertion",
	"main": "main", "mark": "mark", "menu": "list", "meter": "meter", "nav": "navigation",
	"ol": "list", "optgroup": "group", "output": "status", "p": "paragraph", "pre": "generic",
	"progress": "progressbar", "q": "generic", "s": "deletion", "samp": "generic", "search": "search",
	"small": "generic", "span": "generic", "strong": "strong", "sub": "subscript", "sup": "superscript",
	"textarea": "textbox", "time": "time", "u": "generic", "ul": "list",
	// obsolete elements browsers still render
	"big": "generic", "center": "generic", "font": "generic", "nobr": "generic", "strike": "deletion",
	"tt": "generic", "marquee": "marquee",
}

// htmlNoRole lists HTML elements with no corresponding role.
var htmlNoRole = map[string]bool{
	"abbr": true, "acronym": true, "audio": true, "base": true, "br": true, "canvas": true, "cite": true,
	"col": true, "colgroup": true, "dl": true, "embed": true, "frame": true, "frameset": true,
	"head": true, "iframe": true, "kbd": true, "label": true, "legend": true, "link": true, "map": true,
	"meta": true, "noembed": true, "noframes": true, "noscript": true, "object": true, "param": true,
	"picture": true, "rp": true, "rt": true, "ruby": true, "script": true, "slot": true, "source": true,
	"style": true, "summary": true, "template": true, "title": true, "track": true, "var": true,
	"video": true, "wbr": true,
}

// implicitRole computes the host-language role; inherit includes the
// presentational roles (img alt="", parts of presentational lists and tables).
func (d *Document) implicitRole(n *Node, inherit bool) string {
	switch n.Namespace {
	case NamespaceSVG:
		return d.svgRole(n)
	case NamespaceMath:
		if n.Data == "math" {
			return "math"
		}
		return ""
	case NamespaceHTML:
	default:
		return ""
	}
	if r, ok := htmlRoles[n.Data]; ok {
		return r
	}
	if htmlNoRole[n.Data] {
		return ""
	}
	switch n.Data {
	case "a", "area":
		if n.Has("href") {
			return "link"
		}
		return "generic"
	case "aside":
		if scope := sectioningScope(n); scope == nil || d.hasAuthorName(n) {
			return "complementary"
		}
		return "generic"
	case "header", "footer":
		scoped := n.Closest(func(e *Node) bool {
			if e == n {
				return false
			}
			switch d.ExplicitRole(e) {
			case "article", "complementary", "main", "navigation", "region":
				return true
			}
			return e.Namespace == NamespaceHTML && (e.Data == "article" || e.Data == "aside" ||
				e.Data == "main" || e.Data == "nav" || e.Data == "section")
		}) != nil
		switch {
		case n.Data == "header" && scoped:
			return "sectionheader"
		case n.Data == "header":
			return "banner"
		case scoped:
			return "sectionfooter"
		}
		return "contentinfo"
	case "section":
		if d.hasAuthorName(n) {
			return "region"
		}
		return "generic"
	case "form":
		if d.hasAuthorName(n) {
			return "form"
		}
		return "generic"
	case "img":
		if alt, ok := n.AttrValue("alt"); ok && strings.Trim(alt, htmlSpace) == "" && inherit {
			return "none"
		}
		return "img"
	case "input":
		return d.inputRole(n)
	case "select":
		if n.Has("multiple") {
			return "listbox"
		}
		if v, ok := n.AttrValue("size"); ok {
			if size, ok := parseHTMLInt(v); ok && size > 1 {
				return "listbox"
			}
		}
		return "combobox"
	case "option":
		for p := n.Parent; p != nil && p.Type == ElementNode; p = p.Parent {
			if p.Namespace == NamespaceHTML && (p.Data == "select" || p.Data == "datalist") {
				return "option"
			}
			if !(p.Namespace == NamespaceHTML && p.Data == "optgroup") {
				break
			}
		}
		return ""
	case "li":
		p := n.Parent
		if p == nil || p.Type != ElementNode || p.Namespace != NamespaceHTML || (p.Data != "ul" && p.Data != "ol" && p.Data != "menu") {
			return "generic"
		}
		if inherit && IsPresentational(d.Role(p)) {
			return "none"
		}
		return "listitem"
	case "table":
		return "table"
	case "tr", "td", "th", "thead", "tbody", "tfoot":
		table := n.Closest(func(e *Node) bool { return e != n && e.Namespace == NamespaceHTML && e.Data == "table" })
		tableRole := "table"
		if table != nil {
			tableRole = d.Role(table)
		}
		if inherit && IsPresentational(tableRole) {
			return "none"
		}
		switch n.Data {
		case "tr":
			return "row"
		case "thead", "tbody", "tfoot":
			return "rowgroup"
		case "th":
			return thRole(n)
		}
		if tableRole == "grid" || tableRole == "treegrid" {
			return "gridcell"
		}
		return "cell"
	}
	// custom elements and unknown tags are generic containers
	return "generic"
}

// sectioningScope returns the nearest article, aside, nav or section
// ancestor of n, or nil when body or main comes first.
func sectioningScope(n *Node) *Node {
	for p := n.Parent; p != nil && p.Type == ElementNode; p = p.Parent {
		if p.Namespace != NamespaceHTML {
			continue
		}
		switch p.Data {
		case "article", "aside", "nav", "section":
			return p
		case "body", "main":
			return nil
		}
	}
	return nil
}

// inputRole maps an input element by its type.
func (d *Document) inputRole(n *Node) string {
	t := strings.ToLower(strings.Trim(n.Get("type"), htmlSpace))
	switch t {
	case "button", "image", "reset", "submit":
		return "button"
	case "checkbox":
		return "checkbox"
	case "radio":
		return "radio"
	case "range":
		return "slider"
	case "number":
		return "spinbutton"
	case "hidden", "password", "color", "date", "datetime-local", "month", "time", "week", "file":
		return ""
	case "search", "email", "tel", "url", "text":
	default:
		t = "text" // the missing and invalid value default
	}
	if list, ok := n.AttrValue("list"); ok && list != "" {
		if l := d.ByID(n, list); l != nil && l.Namespace == NamespaceHTML && l.Data == "datalist" {
			return "combobox"
		}
	}
	if t == "search" {
		return "searchbox"
	}
	return "textbox"
}

// thRole decides between columnheader and rowheader for a th element, from
// its scope attribute or, when that is absent, its position: a th in a
// thead or in a row without data cells heads a column, one in a row with
// data cells heads that row.
func thRole(n *Node) string {
	switch strings.ToLower(strings.Trim(n.Get("scope"), htmlSpace)) {
	case "col", "colgroup":
		return "columnheader"
	case "row", "rowgroup":
		return "rowheader"
	}
	row := n.Parent
	if row == nil || row.Type != ElementNode || row.Data != "tr" {
		return "columnheader"
	}
	if g := row.Parent; g != nil && g.Type == ElementNode && g.Data == "thead" {
		return "columnheader"
	}
	for c := range row.ElementChildren() {
		if c.Namespace == NamespaceHTML && c.Data == "td" {
			return "rowheader"
		}
	}
	return "columnheader"
}

// svgRole maps SVG elements (SVG-AAM): the root is a graphics document,
// links are links, and groups and shapes are exposed only when named.
func (d *Document) svgRole(n *Node) string {
	switch strings.ToLower(n.Data) {
	case "svg":
		return "graphics-document"
	case "a":
		if n.Has("href") || n.Has("xlink:href") {
			return "link"
		}
		return "group"
	case "g":
		if svgNamed(n) {
			return "group"
		}
		return "generic"
	case "image":
		return "img"
	case "circle", "ellipse", "line", "path", "polygon", "polyline", "rect", "use":
		if svgNamed(n) {
			return "graphics-symbol"
		}
	}
	return ""
}

// svgNamed reports whether an SVG element has an author-given name or
// description: aria-label, aria-labelledby, or a title or desc child.
func svgNamed(n *Node) bool {
	if strings.Trim(n.Get("aria-label"), htmlSpace) != "" || strings.Trim(n.Get("aria-labelledby"), htmlSpace) != "" {
		return true
	}
	for c := range n.ElementChildren() {
		if c.Namespace == NamespaceSVG && (c.Data == "title" || c.Data == "desc") && strings.TrimSpace(c.Text()) != "" {
			return true
		}
	}
	return false
}

// hasAuthorName reports whether n has an author-provided accessible name:
// aria-labelledby pointing at text, a non-blank aria-label or a non-blank
// title. Landmarks named this way (region, form, complementary in a
// section) take their name only from the author, so the name's text is not
// needed, and computing it here would loop through the role computation.
func (d *Document) hasAuthorName(n *Node) bool {
	if v := n.Get("aria-labelledby"); strings.Trim(v, htmlSpace) != "" {
		refs, _ := d.IDRefs(n, v)
		for _, r := range refs {
			if strings.TrimSpace(r.Text()) != "" || strings.Trim(r.Get("aria-label"), htmlSpace) != "" {
				return true
			}
		}
	}
	return strings.Trim(n.Get("aria-label"), htmlSpace) != "" || strings.Trim(n.Get("title"), htmlSpace) != ""
}

// parseHTMLInt parses an integer with the HTML "rules for parsing integers":
// leading white space, an optional sign, then digits up to the first
// non-digit. ok is false when there are no digits.
func parseHTMLInt(s string) (int, bool) {
	s = strings.TrimLeft(s, htmlSpace)
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = s[1:]
	}
	end := 0
	for end < len(s) && s[end] >= '0' && s[end] <= '9' {
		end++
	}
	if end == 0 {
		return 0, false
	}
	digits := s[:end]
	if len(digits) > 9 {
		digits = digits[:9] // saturate: the value only orders focus
	}
	v, err := strconv.Atoi(digits)
	if err != nil {
		return 0, false
	}
	if neg {
		v = -v
	}
	return v, true
}
